/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-window"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-window-private.h"

#include "og-error.h"
#include "og-sandbox.h"

/* The library of the in-process sandbox, and who writes there. */
#define SANDBOX_ACCOUNT_ID "sandbox"

enum
{
  PROP_0,
  PROP_CLIENT,
  PROP_SANDBOX,
  PROP_LOADING,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (DebriefWindow, debrief_window, ADW_TYPE_APPLICATION_WINDOW)

static GParamSpec *properties[N_PROPS];

static void
stop_opening (DebriefWindow *self)
{
  g_clear_handle_id (&self->opening_timeout, g_source_remove);
  adw_status_page_set_title (self->opening_page, NULL);
  gtk_spinner_stop (GTK_SPINNER (self->opening_spinner));
  gtk_widget_set_visible (self->opening_spinner, FALSE);
}

static void
show_main (DebriefWindow *self, gboolean main)
{
  stop_opening (self);
  gtk_stack_set_visible_child_name (self->stack, main ? "main" : "welcome");
}

static void
update_subtitle (DebriefWindow *self)
{
  adw_window_title_set_subtitle (self->window_title,
                                 self->sandbox ? _ ("Sandbox") : self->account_name);
}

/* Beside the postmortem, the list keeps the width of GSettings' sidebar-width whatever the
 * length of its titles; alone (folded), it takes the window. */
static void
set_sidebar_width (DebriefWindow *self, int width)
{
  adw_clamp_set_maximum_size (ADW_CLAMP (self->sidebar_clamp), width);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (self->sidebar_clamp), width);
}

static void
update_sidebar_width (DebriefWindow *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  /* Not G_MAXINT: the clamp multiplies it. */
  set_sidebar_width (self, folded ? 100000 : g_settings_get_int (self->settings, "sidebar-width"));
  gtk_widget_set_visible (self->sidebar_handle, !folded);
}

/* The handle lies over the list's right edge, a few pixels either side of the separator, so
 * the edge can be caught without aiming at a one-pixel line. */
enum
{
  HANDLE_LEFT = 3,
  HANDLE_RIGHT = 5
};

static gboolean
on_get_handle_position (GtkOverlay *overlay,
                        GtkWidget *widget,
                        GdkRectangle *allocation,
                        DebriefWindow *self)
{
  graphene_rect_t bounds;

  if (widget != self->sidebar_handle
      || !gtk_widget_compute_bounds (self->sidebar_clamp, GTK_WIDGET (overlay), &bounds))
    return FALSE;
  allocation->x = (int) (bounds.origin.x + bounds.size.width) - HANDLE_LEFT;
  allocation->y = 0;
  allocation->width = HANDLE_LEFT + HANDLE_RIGHT;
  allocation->height = gtk_widget_get_height (GTK_WIDGET (overlay));
  return TRUE;
}

/* How narrow and how wide the list may be dragged, found once at the start of a drag: the
 * setting's range, what the list needs, and room left for the postmortem. */
static void
find_sidebar_limits (DebriefWindow *self)
{
  g_autoptr (GSettingsSchema) schema = NULL;
  g_autoptr (GSettingsSchemaKey) key = NULL;
  g_autoptr (GVariant) range = NULL;
  g_autoptr (GVariant) limits = NULL;
  const char *type;
  int lowest = 0, highest = G_MAXINT;
  int content_minimum, sidebar_minimum;

  g_object_get (self->settings, "settings-schema", &schema, NULL);
  key = g_settings_schema_get_key (schema, "sidebar-width");
  range = g_settings_schema_key_get_range (key);
  g_variant_get (range, "(&sv)", &type, &limits);
  if (g_str_equal (type, "range"))
    g_variant_get (limits, "(ii)", &lowest, &highest);

  gtk_widget_measure (self->content, GTK_ORIENTATION_HORIZONTAL, -1, &content_minimum, NULL, NULL,
                      NULL);
  gtk_widget_measure (self->sidebar, GTK_ORIENTATION_HORIZONTAL, -1, &sidebar_minimum, NULL, NULL,
                      NULL);
  self->drag_lowest = MAX (lowest, sidebar_minimum);
  self->drag_highest
      = MAX (self->drag_lowest,
             MIN (highest, gtk_widget_get_width (self->main_overlay) - content_minimum - 1));
}

static int
clamp_sidebar_width (DebriefWindow *self, double width)
{
  return (int) CLAMP (width, self->drag_lowest, self->drag_highest);
}

static void
on_handle_drag_begin (GtkGestureDrag *gesture, double x, double y, DebriefWindow *self)
{
  graphene_rect_t bounds;
  graphene_point_t point = GRAPHENE_POINT_INIT ((float) x, (float) y);

  /* The gesture is on the overlay, which stays put while the edge moves: offsets then stay
   * true. Only a drag that starts on the handle is ours. */
  if (!gtk_widget_get_visible (self->sidebar_handle)
      || !gtk_widget_compute_bounds (self->sidebar_handle, self->main_overlay, &bounds)
      || !graphene_rect_contains_point (&bounds, &point))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  self->drag_start_width = gtk_widget_get_width (self->sidebar_clamp);
  find_sidebar_limits (self);
}

static void
on_handle_drag_update (GtkGestureDrag *gesture, double dx, double dy, DebriefWindow *self)
{
  if (self->drag_start_width < 0)
    return;
  set_sidebar_width (self, clamp_sidebar_width (self, self->drag_start_width + dx));
}

/* The width is remembered once, when the drag ends, not at every motion. */
static void
on_handle_drag_end (GtkGestureDrag *gesture, double dx, double dy, DebriefWindow *self)
{
  if (self->drag_start_width < 0)
    return;
  g_settings_set_int (self->settings, "sidebar-width",
                      clamp_sidebar_width (self, self->drag_start_width + dx));
  self->drag_start_width = -1;
  update_sidebar_width (self);
}

static void
set_up_sidebar_handle (DebriefWindow *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->drag_start_width = -1;
  gtk_widget_set_cursor_from_name (self->sidebar_handle, "col-resize");
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (on_handle_drag_begin), self, 0);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (on_handle_drag_update), self, 0);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (on_handle_drag_end), self, 0);
  gtk_widget_add_controller (self->main_overlay, GTK_EVENT_CONTROLLER (drag));
}

static void
on_refreshing_changed (DebriefWindow *self)
{
  if (self->library != NULL && !debrief_postmortem_list_get_refreshing (self->postmortem_list))
    g_debug ("loaded %u postmortems", g_list_model_get_n_items (G_LIST_MODEL (self->library)));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Drops the library, its refresh and the postmortem shown (keeping its draft). */
static void
drop_library (DebriefWindow *self)
{
  _debrief_window_close_session (self);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  debrief_postmortem_list_set_refresh (self->postmortem_list, NULL);
  debrief_postmortem_list_set_library (self->postmortem_list, NULL);
  g_clear_object (&self->refresh);

  if (self->library != NULL)
    {
      g_autoptr (GError) error = NULL;

      if (debrief_library_is_dirty (self->library) && !debrief_library_save (self->library, &error))
        g_warning ("Could not save the library: %s", error->message);
    }
  g_clear_object (&self->library);
}

/* The library first, read from disk before any network call, so that the list shows what
 * Debrief knew last time at once; then a refresh brings it up to date. */
static void
load_library (DebriefWindow *self)
{
  g_autoptr (GError) error = NULL;
  const char *account_id = self->account_id != NULL ? self->account_id : SANDBOX_ACCOUNT_ID;

  g_assert (self->client != NULL);

  self->cancellable = g_cancellable_new ();
  self->library = debrief_library_new (account_id);
  if (!debrief_library_load (self->library, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why */
      message = g_strdup_printf (_ ("Could not read the list of postmortems. %s"), error->message);
      _debrief_window_toast (self, message);
    }

  self->refresh = debrief_library_refresh_new (self->library, self->client);
  debrief_postmortem_list_set_library (self->postmortem_list, self->library);
  debrief_postmortem_list_set_refresh (self->postmortem_list, self->refresh);
  /* After the window's first frame, or the list shows only once the refresh is over. */
  debrief_postmortem_list_queue_refresh (self->postmortem_list);

  if (g_settings_get_boolean (self->settings, "reopen-last-postmortem"))
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-postmortem");
      g_autofree char *prefix = g_strconcat (account_id, "/", NULL);

      /* From the cache at once: the postmortem that was open when the window closed. */
      if (g_str_has_prefix (last, prefix)
          && debrief_library_lookup (self->library, last + strlen (prefix)) != NULL)
        _debrief_window_open (self, last + strlen (prefix));
    }
}

static void
refresh_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DebriefWindow *self = DEBRIEF_WINDOW (widget);

  debrief_postmortem_list_refresh (self->postmortem_list);
}

static void
back_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DebriefWindow *self = DEBRIEF_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->postmortem_list));
}

static void
focus_search_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DebriefWindow *self = DEBRIEF_WINDOW (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->sidebar_clamp);
  debrief_postmortem_list_focus_search (self->postmortem_list);
}

static void
on_list_activated (DebriefWindow *self, const char *id)
{
  _debrief_window_open (self, id);
}

static void
on_list_create_requested (DebriefWindow *self, OgIncident *incident)
{
  _debrief_window_create_for_incident (self, og_incident_get_id (incident), NULL);
}

static void
notify_draft_kept (DebriefWindow *self)
{
  GApplication *application = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  OgPostmortem *working = debrief_edit_session_get_working (self->session);
  const char *title = working != NULL ? og_postmortem_get_title (working) : NULL;
  g_autoptr (GNotification) notification = NULL;
  g_autofree char *body = NULL;

  if (application == NULL)
    return;
  notification = g_notification_new (_ ("Unsaved changes kept as a draft"));
  /* Translators: %s is the title of a postmortem */
  body = g_strdup_printf (_ ("“%s” offers them back when you open it again."),
                          title != NULL && *title != '\0' ? title : _ ("Untitled"));
  g_notification_set_body (notification, body);
  g_application_send_notification (application, "draft-kept", notification);
}

static gboolean
debrief_window_close_request (GtkWindow *window)
{
  DebriefWindow *self = DEBRIEF_WINDOW (window);
  const char *id
      = self->session != NULL ? debrief_edit_session_get_postmortem_id (self->session) : NULL;

  if (self->library != NULL)
    {
      g_autofree char *last
          = id != NULL ? g_strdup_printf (
                "%s/%s", self->account_id != NULL ? self->account_id : SANDBOX_ACCOUNT_ID, id)
                       : g_strdup ("");

      g_settings_set_string (self->settings, "last-postmortem", last);
    }

  /* Whatever is not saved stays as a draft on disk, offered back next time; the window is
   * going, so a notification says so where a toast would not be seen. */
  if (self->session != NULL && debrief_edit_session_get_dirty (self->session))
    notify_draft_kept (self);
  drop_library (self);

  return GTK_WINDOW_CLASS (debrief_window_parent_class)->close_request (window);
}

static void
debrief_window_dispose (GObject *object)
{
  DebriefWindow *self = DEBRIEF_WINDOW (object);

  drop_library (self);
  g_clear_handle_id (&self->opening_timeout, g_source_remove);
  g_clear_weak_pointer (&self->conflict_dialog);
  g_clear_weak_pointer (&self->delete_dialog);
  g_clear_weak_pointer (&self->create_dialog);
  g_clear_weak_pointer (&self->open_dialog);
  if (self->shortcuts_window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->shortcuts_window));
  g_clear_weak_pointer (&self->shortcuts_window);
  gtk_widget_dispose_template (GTK_WIDGET (self), DEBRIEF_TYPE_WINDOW);
  /* Children of the content stack, gone with it. */
  self->page = NULL;
  self->summary_text = NULL;
  self->content_text = NULL;
  g_clear_object (&self->client);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (debrief_window_parent_class)->dispose (object);
}

static void
debrief_window_finalize (GObject *object)
{
  DebriefWindow *self = DEBRIEF_WINDOW (object);

  g_free (self->account_id);
  g_free (self->account_name);
  g_free (self->actor_user_id);
  g_free (self->last_toast);

  G_OBJECT_CLASS (debrief_window_parent_class)->finalize (object);
}

static void
debrief_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DebriefWindow *self = DEBRIEF_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_SANDBOX:
      g_value_set_boolean (value, self->sandbox);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, debrief_window_get_loading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  DebriefWindow *self = DEBRIEF_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      debrief_window_set_client (self, g_value_get_object (value));
      break;

    case PROP_SANDBOX:
      debrief_window_set_sandbox (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_window_class_init (DebriefWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = debrief_window_dispose;
  object_class->finalize = debrief_window_finalize;
  object_class->get_property = debrief_window_get_property;
  object_class->set_property = debrief_window_set_property;
  window_class->close_request = debrief_window_close_request;

  properties[PROP_CLIENT]
      = g_param_spec_object ("client", NULL, NULL, OG_TYPE_CLIENT,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SANDBOX]
      = g_param_spec_boolean ("sandbox", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DEBRIEF_TYPE_POSTMORTEM_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/debrief-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, sandbox_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, connect_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, keyring_page);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, opening_page);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, opening_spinner);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, keyring_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, sidebar_clamp);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, main_overlay);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, sidebar_handle);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, sandbox_bar);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, postmortem_list);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, content);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, postmortem_title);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, postmortem_menu_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, save_progress);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, draft_revealer);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, draft_label);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, open_error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_get_handle_position);
  gtk_widget_class_bind_template_callback (widget_class, on_list_create_requested);

  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.refresh",
                                       NULL);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_install_action (widget_class, "win.focus-search", NULL, focus_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.focus-search", NULL);

  _debrief_window_session_class_init (widget_class);
  _debrief_window_save_class_init (widget_class);
  _debrief_window_dialogs_class_init (widget_class);
}

static void
debrief_window_init (DebriefWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::sidebar-width",
                           G_CALLBACK (update_sidebar_width), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (update_sidebar_width), self,
                           G_CONNECT_SWAPPED);
  set_up_sidebar_handle (self);
  update_sidebar_width (self);

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  g_signal_connect_object (self->postmortem_list, "notify::refreshing",
                           G_CALLBACK (on_refreshing_changed), self, G_CONNECT_SWAPPED);

  _debrief_window_session_init (self);
  show_main (self, FALSE);
  _debrief_window_update_actions (self);
}

DebriefWindow *
debrief_window_new (GtkApplication *application)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (DEBRIEF_TYPE_WINDOW, "application", application, NULL);
}

void
debrief_window_set_account (DebriefWindow *self, const char *account_id, const char *actor_user_id)
{
  g_return_if_fail (DEBRIEF_IS_WINDOW (self));

  g_free (self->account_id);
  self->account_id = g_strdup (account_id);
  g_free (self->actor_user_id);
  self->actor_user_id = g_strdup (actor_user_id);
}

OgClient *
debrief_window_get_client (DebriefWindow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_WINDOW (self), NULL);

  return self->client;
}

void
debrief_window_set_client (DebriefWindow *self, OgClient *client)
{
  g_return_if_fail (DEBRIEF_IS_WINDOW (self));
  g_return_if_fail (client == NULL || OG_IS_CLIENT (client));

  if (self->client == client)
    return;

  drop_library (self);
  g_set_object (&self->client, client);

  if (client != NULL)
    load_library (self);
  show_main (self, client != NULL);
  _debrief_window_update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

gboolean
debrief_window_get_sandbox (DebriefWindow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_WINDOW (self), FALSE);

  return self->sandbox;
}

void
debrief_window_set_sandbox (DebriefWindow *self, gboolean sandbox)
{
  g_return_if_fail (DEBRIEF_IS_WINDOW (self));

  sandbox = !!sandbox;
  if (self->sandbox == sandbox)
    return;

  self->sandbox = sandbox;
  gtk_widget_set_visible (self->sandbox_bar, sandbox);
  update_subtitle (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SANDBOX]);
}

void
debrief_window_set_account_name (DebriefWindow *self, const char *name)
{
  g_return_if_fail (DEBRIEF_IS_WINDOW (self));

  g_free (self->account_name);
  self->account_name = g_strdup (name);
  update_subtitle (self);
}

void
debrief_window_show_keyring_error (DebriefWindow *self, const char *message, gboolean locked)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (DEBRIEF_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  debrief_window_set_client (self, NULL);
  stop_opening (self);
  escaped = g_markup_escape_text (message, -1);
  adw_status_page_set_description (self->keyring_page, escaped);
  gtk_button_set_label (GTK_BUTTON (self->keyring_button),
                        locked ? _ ("_Unlock the Keyring") : _ ("_Try Again"));
  gtk_stack_set_visible_child_name (self->stack, "keyring");
}

static gboolean
on_opening_slow (gpointer data)
{
  DebriefWindow *self = data;

  self->opening_timeout = 0;
  adw_status_page_set_title (self->opening_page, _ ("Opening Your Account…"));
  gtk_widget_set_visible (self->opening_spinner, TRUE);
  gtk_spinner_start (GTK_SPINNER (self->opening_spinner));
  return G_SOURCE_REMOVE;
}

/* The account's key is on its way from the keyring: an empty page rather than the welcome
 * page for the blink it usually takes, and words and a spinner when it takes longer (a
 * keyring being unlocked). A client, the welcome or the keyring page ends it. */
void
debrief_window_show_opening (DebriefWindow *self)
{
  g_return_if_fail (DEBRIEF_IS_WINDOW (self));

  stop_opening (self);
  gtk_stack_set_visible_child_name (self->stack, "opening");
  self->opening_timeout = g_timeout_add (700, on_opening_slow, self);
}

gboolean
debrief_window_get_loading (DebriefWindow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_WINDOW (self), FALSE);

  return self->refresh != NULL && debrief_postmortem_list_get_refreshing (self->postmortem_list);
}

void
debrief_window_reload (DebriefWindow *self)
{
  g_return_if_fail (DEBRIEF_IS_WINDOW (self));

  if (self->client == NULL || self->library == NULL)
    return;

  /* The library stays (the list keeps its model); a fresh refresh asks Opsgenie again, and
   * what it no longer has leaves the list. */
  _debrief_window_close_session (self);
  debrief_postmortem_list_cancel_refresh (self->postmortem_list);
  debrief_postmortem_list_set_refresh (self->postmortem_list, NULL);
  g_clear_object (&self->refresh);
  self->refresh = debrief_library_refresh_new (self->library, self->client);
  /* Everything again, not only what is older than an hour: after a reset, say. */
  debrief_library_refresh_set_max_age (self->refresh, 0);
  debrief_postmortem_list_set_refresh (self->postmortem_list, self->refresh);
  debrief_postmortem_list_refresh (self->postmortem_list);
  _debrief_window_update_actions (self);
}

void
debrief_window_show_toast (DebriefWindow *self, const char *message)
{
  g_return_if_fail (DEBRIEF_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  _debrief_window_toast (self, message);
}

void
debrief_window_open_postmortem (DebriefWindow *self, const char *id_or_url)
{
  g_return_if_fail (DEBRIEF_IS_WINDOW (self));
  g_return_if_fail (id_or_url != NULL);

  _debrief_window_open (self, id_or_url);
}

/* Private API */

void
_debrief_window_toast (DebriefWindow *self, const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  g_free (self->last_toast);
  self->last_toast = g_strdup (message);
  /* Long enough to read when tired, or through a screen reader. */
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

char *
_debrief_window_describe_error (const GError *error)
{
  const char *request_id = NULL;

  if (error->domain == OG_ERROR)
    request_id = og_error_get_request_id (error);

  if (request_id != NULL && *request_id != '\0')
    {
      /* Translators: %s is why, then the id of the request for Opsgenie's support */
      return g_strdup_printf (_ ("%s (request %s)"), error->message, request_id);
    }
  return g_strdup (error->message);
}

GListModel *
_debrief_window_get_model (DebriefWindow *self)
{
  return G_LIST_MODEL (self->library);
}

const char *
_debrief_window_get_visible_page_name (DebriefWindow *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

GtkWidget *
_debrief_window_get_sandbox_button (DebriefWindow *self)
{
  return self->sandbox_button;
}

GtkWidget *
_debrief_window_get_connect_button (DebriefWindow *self)
{
  return self->connect_button;
}

AdwStatusPage *
_debrief_window_get_keyring_page (DebriefWindow *self)
{
  return self->keyring_page;
}

GtkWidget *
_debrief_window_get_keyring_button (DebriefWindow *self)
{
  return self->keyring_button;
}

GtkWidget *
_debrief_window_get_sandbox_bar (DebriefWindow *self)
{
  return self->sandbox_bar;
}

GtkWidget *
_debrief_window_get_refresh_button (DebriefWindow *self)
{
  return self->refresh_button;
}

DebriefPostmortemList *
_debrief_window_get_postmortem_list (DebriefWindow *self)
{
  return self->postmortem_list;
}

DebriefPostmortemPage *
_debrief_window_get_page (DebriefWindow *self)
{
  _debrief_window_ensure_page (self);
  return self->page;
}

DebriefEditSession *
_debrief_window_get_session (DebriefWindow *self)
{
  return self->session;
}

DebriefLibrary *
_debrief_window_get_library (DebriefWindow *self)
{
  return self->library;
}

DebriefLibraryRefresh *
_debrief_window_get_refresh (DebriefWindow *self)
{
  return self->refresh;
}

const char *
_debrief_window_get_last_toast (DebriefWindow *self)
{
  return self->last_toast;
}
