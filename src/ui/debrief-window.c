/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-window"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-window.h"
#include "debrief-window-private.h"

#include "debrief-postmortem-row.h"

/* There is no list endpoint for postmortems (see DESIGN.md): the incidents that have one
 * lead to them. */
#define POSTMORTEM_QUERY "postmortemStatus:has-postmortem"

/* Postmortem GETs in flight at once: enough to fill the list quickly, few enough to stay
 * clear of Opsgenie's rate limit. */
#define MAX_IN_FLIGHT 4

struct _DebriefWindow
{
  AdwApplicationWindow parent_instance;

  AdwWindowTitle *window_title;
  GtkWidget *refresh_button;
  GtkWidget *sandbox_bar;
  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  GtkWidget *sandbox_button;
  GtkWidget *connect_button;
  AdwStatusPage *keyring_page;
  GtkWidget *keyring_button;
  GtkListView *list_view;
  AdwStatusPage *error_page;
  GtkWidget *retry_button;

  GSettings *settings;
  OgClient *client;
  GListStore *postmortems;
  char *account_name;

  /* The current load: a reload or dispose cancels it, and a callback whose cancellable
   * is not the current one any more drops its result. */
  GCancellable *cancellable;
  GQueue pending_ids;
  guint in_flight;
  guint n_failed;
  GError *first_failure;
  AdwToast *failure_toast; /* weak */

  guint sandbox : 1;
  guint loading : 1;
};

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

/* What an async call of a load carries to its callback. It holds no reference on the
 * window, so that closing the window disposes it (and so cancels the load) at once; the
 * callback touches the window only when the cancellable says the load is still current,
 * which dispose guarantees it is not once the window is gone. */
typedef struct
{
  DebriefWindow *self;
  GCancellable *cancellable;
} LoadRequest;

static LoadRequest *
load_request_new (DebriefWindow *self)
{
  LoadRequest *request = g_new0 (LoadRequest, 1);

  request->self = self;
  request->cancellable = g_object_ref (self->cancellable);

  return request;
}

static void
load_request_free (LoadRequest *request)
{
  g_clear_object (&request->cancellable);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadRequest, load_request_free)

static int
compare_newest_first (gconstpointer a, gconstpointer b, gpointer user_data)
{
  OgPostmortem *pa = (OgPostmortem *) a;
  OgPostmortem *pb = (OgPostmortem *) b;
  GDateTime *ta = og_postmortem_get_created_at (pa);
  GDateTime *tb = og_postmortem_get_created_at (pb);
  int result;

  /* Undated ones last; equal times by id, so that the order is the same every time. */
  if (ta == NULL || tb == NULL)
    result = (ta == NULL) - (tb == NULL);
  else
    result = g_date_time_compare (tb, ta);

  if (result == 0)
    result = g_strcmp0 (og_postmortem_get_id (pa), og_postmortem_get_id (pb));

  return result;
}

static void
insert_postmortem (DebriefWindow *self, OgPostmortem *postmortem)
{
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view));
  gboolean at_top = vadjustment == NULL || gtk_adjustment_get_value (vadjustment) <= 0;
  guint position;

  position = g_list_store_insert_sorted (self->postmortems, postmortem, compare_newest_first, NULL);

  /* The list view keeps its place on the row it showed first, so a newer postmortem that
   * arrives above it would push the top of the list out of sight. */
  if (at_top && position == 0)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
}

static void
set_loading (DebriefWindow *self, gboolean loading)
{
  loading = !!loading;

  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
show_page (DebriefWindow *self, const char *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
}

static void
show_error (DebriefWindow *self, const GError *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  /* The status page's description is markup. */
  adw_status_page_set_description (self->error_page, escaped);
  show_page (self, "error");
}

static void
on_failure_toast_dismissed (DebriefWindow *self, AdwToast *toast)
{
  if (self->failure_toast == toast)
    g_clear_weak_pointer (&self->failure_toast);
}

/* One toast for all the postmortems a load could not fetch, not one each. */
static void
report_failure (DebriefWindow *self, const GError *error)
{
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;

  self->n_failed++;
  if (self->first_failure == NULL)
    self->first_failure = g_error_copy (error);

  if (self->n_failed == 1)
    {
      /* Translators: %s is why, a sentence from Opsgenie or Debrief */
      title = g_strdup_printf (_ ("Could not load a postmortem. %s"), self->first_failure->message);
    }
  else
    {
      /* Translators: %u is a number (more than one), %s is why the first one failed */
      title = g_strdup_printf (ngettext ("Could not load %u postmortem. %s",
                                         "Could not load %u postmortems. %s", self->n_failed),
                               self->n_failed, self->first_failure->message);
    }
  /* A toast's title is markup. */
  escaped = g_markup_escape_text (title, -1);

  if (self->failure_toast != NULL)
    {
      adw_toast_set_title (self->failure_toast, escaped);
      return;
    }

  {
    AdwToast *toast = adw_toast_new (escaped);

    adw_toast_set_timeout (toast, 10);
    g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_failure_toast_dismissed), self,
                             G_CONNECT_SWAPPED);
    g_set_weak_pointer (&self->failure_toast, toast);
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
  }
}

static void
cancel_load (DebriefWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_queue_clear_full (&self->pending_ids, g_free);
  self->in_flight = 0;
  self->n_failed = 0;
  g_clear_error (&self->first_failure);

  if (self->failure_toast != NULL)
    adw_toast_dismiss (self->failure_toast);
  g_clear_weak_pointer (&self->failure_toast);
}

static void
finish_load_if_done (DebriefWindow *self)
{
  guint n_items;

  if (self->in_flight > 0 || !g_queue_is_empty (&self->pending_ids))
    return;

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->postmortems));

  if (n_items > 0)
    show_page (self, "list");
  else if (self->first_failure != NULL)
    {
      /* The error page says it all; the toast would only repeat it. */
      if (self->failure_toast != NULL)
        adw_toast_dismiss (self->failure_toast);
      show_error (self, self->first_failure);
    }
  else
    show_page (self, "empty");

  if (self->n_failed > 0)
    g_debug ("%u postmortems could not be loaded", self->n_failed);
  g_debug ("loaded %u postmortems", n_items);

  set_loading (self, FALSE);
}

static void on_postmortem_fetched (GObject *object, GAsyncResult *result, gpointer user_data);

static void
fetch_pending (DebriefWindow *self)
{
  while (self->in_flight < MAX_IN_FLIGHT && !g_queue_is_empty (&self->pending_ids))
    {
      g_autofree char *id = g_queue_pop_head (&self->pending_ids);

      self->in_flight++;
      og_client_get_postmortem_async (self->client, id, self->cancellable, on_postmortem_fetched,
                                      load_request_new (self));
    }
}

static void
on_postmortem_fetched (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LoadRequest) request = user_data;
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (GError) error = NULL;
  DebriefWindow *self;

  postmortem = og_client_get_postmortem_finish (OG_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || g_cancellable_is_cancelled (request->cancellable))
    return;

  self = request->self;
  g_assert (self->in_flight > 0);
  self->in_flight--;

  if (postmortem != NULL)
    {
      /* Rows appear as they arrive. */
      insert_postmortem (self, postmortem);
      show_page (self, "list");
    }
  else
    {
      report_failure (self, error);
    }

  fetch_pending (self);
  finish_load_if_done (self);
}

static void
on_incidents_listed (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LoadRequest) request = user_data;
  g_autoptr (GPtrArray) incidents = NULL;
  g_autoptr (GHashTable) seen = NULL;
  g_autoptr (GError) error = NULL;
  DebriefWindow *self;

  incidents = og_client_list_all_incidents_finish (OG_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || g_cancellable_is_cancelled (request->cancellable))
    return;

  self = request->self;

  if (incidents == NULL)
    {
      show_error (self, error);
      set_loading (self, FALSE);
      return;
    }

  /* Related incidents may share a postmortem: fetch each one once. */
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < incidents->len; i++)
    {
      const char *id = og_incident_get_postmortem_id (g_ptr_array_index (incidents, i));

      if (id != NULL && *id != '\0' && g_hash_table_add (seen, (gpointer) id))
        g_queue_push_tail (&self->pending_ids, g_strdup (id));
    }

  g_debug ("%u incidents lead to %u postmortems", incidents->len,
           g_queue_get_length (&self->pending_ids));

  fetch_pending (self);
  finish_load_if_done (self);
}

static void
refresh_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  debrief_window_reload (DEBRIEF_WINDOW (widget));
}

static void
debrief_window_dispose (GObject *object)
{
  DebriefWindow *self = DEBRIEF_WINDOW (object);

  cancel_load (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DEBRIEF_TYPE_WINDOW);
  g_clear_object (&self->client);
  g_clear_object (&self->postmortems);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->account_name, g_free);

  G_OBJECT_CLASS (debrief_window_parent_class)->dispose (object);
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
      g_value_set_boolean (value, self->loading);
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

  object_class->dispose = debrief_window_dispose;
  object_class->get_property = debrief_window_get_property;
  object_class->set_property = debrief_window_set_property;

  properties[PROP_CLIENT]
      = g_param_spec_object ("client", NULL, NULL, OG_TYPE_CLIENT,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SANDBOX]
      = g_param_spec_boolean ("sandbox", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The list item factory of the template names the row type. */
  g_type_ensure (DEBRIEF_TYPE_POSTMORTEM_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/debrief-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, sandbox_bar);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, sandbox_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, connect_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, keyring_page);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, keyring_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, DebriefWindow, retry_button);

  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.refresh",
                                       NULL);
}

static void
debrief_window_init (DebriefWindow *self)
{
  g_autoptr (GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->postmortems = g_list_store_new (OG_TYPE_POSTMORTEM);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->postmortems)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.refresh", FALSE);
  show_page (self, "welcome");
}

DebriefWindow *
debrief_window_new (GtkApplication *application)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (DEBRIEF_TYPE_WINDOW, "application", application, NULL);
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

  if (!g_set_object (&self->client, client))
    return;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.refresh", client != NULL);
  debrief_window_reload (self);
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
  adw_window_title_set_subtitle (self->window_title, sandbox ? _ ("Sandbox") : self->account_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SANDBOX]);
}

void
debrief_window_set_account_name (DebriefWindow *self, const char *name)
{
  g_return_if_fail (DEBRIEF_IS_WINDOW (self));

  g_free (self->account_name);
  self->account_name = g_strdup (name);
  if (!self->sandbox)
    adw_window_title_set_subtitle (self->window_title, name);
}

void
debrief_window_show_keyring_error (DebriefWindow *self, const char *message, gboolean locked)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (DEBRIEF_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  debrief_window_set_client (self, NULL);
  escaped = g_markup_escape_text (message, -1);
  adw_status_page_set_description (self->keyring_page, escaped);
  gtk_button_set_label (GTK_BUTTON (self->keyring_button),
                        locked ? _ ("_Unlock the Keyring") : _ ("_Try Again"));
  show_page (self, "keyring");
}

gboolean
debrief_window_get_loading (DebriefWindow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_WINDOW (self), FALSE);

  return self->loading;
}

void
debrief_window_reload (DebriefWindow *self)
{
  g_return_if_fail (DEBRIEF_IS_WINDOW (self));

  cancel_load (self);
  g_list_store_remove_all (self->postmortems);

  if (self->client == NULL)
    {
      show_page (self, "welcome");
      set_loading (self, FALSE);
      return;
    }

  self->cancellable = g_cancellable_new ();
  show_page (self, "loading");
  set_loading (self, TRUE);

  og_client_list_all_incidents_async (self->client, POSTMORTEM_QUERY, 0, self->cancellable,
                                      on_incidents_listed, load_request_new (self));
}

void
debrief_window_show_toast (DebriefWindow *self, const char *message)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (DEBRIEF_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  escaped = g_markup_escape_text (message, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

GListModel *
_debrief_window_get_model (DebriefWindow *self)
{
  return G_LIST_MODEL (self->postmortems);
}

const char *
_debrief_window_get_visible_page_name (DebriefWindow *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

AdwStatusPage *
_debrief_window_get_error_page (DebriefWindow *self)
{
  return self->error_page;
}

GtkWidget *
_debrief_window_get_retry_button (DebriefWindow *self)
{
  return self->retry_button;
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

GtkListView *
_debrief_window_get_list_view (DebriefWindow *self)
{
  return self->list_view;
}

const char *
_debrief_window_get_failure_toast_title (DebriefWindow *self)
{
  return self->failure_toast != NULL ? adw_toast_get_title (self->failure_toast) : NULL;
}
