/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-postmortem-list"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-postmortem-list.h"
#include "debrief-postmortem-list-private.h"

enum
{
  PROP_0,
  PROP_LIBRARY,
  PROP_REFRESH,
  PROP_SORT_KEY,
  PROP_SORT_ORDER,
  PROP_REFRESHING,
  N_PROPS
};

enum
{
  ACTIVATED,
  CREATE_REQUESTED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (DebriefPostmortemList, debrief_postmortem_list, GTK_TYPE_WIDGET)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

void
_debrief_postmortem_list_emit_activated (DebriefPostmortemList *self, const char *id)
{
  g_signal_emit (self, signals[ACTIVATED], 0, id);
}

void
_debrief_postmortem_list_emit_create_requested (DebriefPostmortemList *self, OgIncident *incident)
{
  g_signal_emit (self, signals[CREATE_REQUESTED], 0, incident);
}

static void
on_search_changed (DebriefPostmortemList *self)
{
  _debrief_postmortem_list_search_changed (self);
}

static void
on_stop_search (DebriefPostmortemList *self)
{
  /* Escape: a search is cleared; an empty one hands the keyboard back to the list. */
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
on_search_activate (DebriefPostmortemList *self)
{
  /* Enter in the search goes to the first result, where the arrows go on. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
      gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
    }
}

static gboolean
on_search_key_pressed (DebriefPostmortemList *self,
                       guint keyval,
                       guint keycode,
                       GdkModifierType state,
                       GtkEventControllerKey *controller)
{
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  on_search_activate (self);
  return TRUE;
}

static void
on_filter_toggled (DebriefPostmortemList *self)
{
  _debrief_postmortem_list_filters_changed (self);
}

static void
update_sort_button (DebriefPostmortemList *self)
{
  gboolean ascending = g_str_equal (self->sort_order, "ascending");
  const char *tooltip;

  gtk_menu_button_set_icon_name (self->sort_button, ascending ? "view-sort-ascending-symbolic"
                                                              : "view-sort-descending-symbolic");
  if (g_str_equal (self->sort_key, "severity"))
    tooltip = ascending ? _ ("Sorted by severity, lowest first")
                        : _ ("Sorted by severity, highest first");
  else if (g_str_equal (self->sort_key, "updated"))
    tooltip = ascending ? _ ("Sorted by last update, oldest first")
                        : _ ("Sorted by last update, newest first");
  else
    tooltip = ascending ? _ ("Sorted by creation, oldest first")
                        : _ ("Sorted by creation, newest first");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->sort_button), tooltip);
  _debrief_postmortem_list_label_menu_button (self->sort_button, tooltip);
}

static void
set_sort (DebriefPostmortemList *self, char **field, const char *value, guint prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  update_sort_button (self);
  _debrief_postmortem_list_sort_changed (self);
  _debrief_postmortem_list_update_row_dates (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* The keyboard goes to the rows when there are some (back from the detail page, the first
 * focus of the window), to the search otherwise. */
static gboolean
debrief_postmortem_list_grab_focus (GtkWidget *widget)
{
  DebriefPostmortemList *self = DEBRIEF_POSTMORTEM_LIST (widget);
  GtkWidget *rows = NULL;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "incidents") == 0)
    {
      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->incidents_stack), "list") == 0)
        rows = GTK_WIDGET (self->incident_list_view);
    }
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->state_stack), "list") == 0)
    rows = GTK_WIDGET (self->list_view);

  if (rows != NULL && gtk_widget_grab_focus (rows))
    return TRUE;
  return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
debrief_postmortem_list_dispose (GObject *object)
{
  DebriefPostmortemList *self = DEBRIEF_POSTMORTEM_LIST (object);
  GtkWidget *child;

  _debrief_postmortem_list_disconnect_refresh (self);
  _debrief_postmortem_list_stop_waiting (self);
  g_clear_object (&self->refresh);
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  _debrief_postmortem_list_dispose_models (self);
  g_clear_object (&self->library);
  g_clear_pointer (&self->last_click_id, g_free);

  /* dispose_template unparents only the bound children; the toolbar and switcher are not. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  gtk_widget_dispose_template (GTK_WIDGET (self), DEBRIEF_TYPE_POSTMORTEM_LIST);

  G_OBJECT_CLASS (debrief_postmortem_list_parent_class)->dispose (object);
}

static void
debrief_postmortem_list_get_property (GObject *object,
                                      guint prop_id,
                                      GValue *value,
                                      GParamSpec *pspec)
{
  DebriefPostmortemList *self = DEBRIEF_POSTMORTEM_LIST (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;
    case PROP_REFRESH:
      g_value_set_object (value, self->refresh);
      break;
    case PROP_SORT_KEY:
      g_value_set_string (value, self->sort_key);
      break;
    case PROP_SORT_ORDER:
      g_value_set_string (value, self->sort_order);
      break;
    case PROP_REFRESHING:
      g_value_set_boolean (value, debrief_postmortem_list_get_refreshing (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_postmortem_list_set_property (GObject *object,
                                      guint prop_id,
                                      const GValue *value,
                                      GParamSpec *pspec)
{
  DebriefPostmortemList *self = DEBRIEF_POSTMORTEM_LIST (object);
  const char *str;

  switch (prop_id)
    {
    case PROP_LIBRARY:
      debrief_postmortem_list_set_library (self, g_value_get_object (value));
      break;
    case PROP_REFRESH:
      debrief_postmortem_list_set_refresh (self, g_value_get_object (value));
      break;
    case PROP_SORT_KEY:
      str = g_value_get_string (value);
      if (g_strcmp0 (str, "updated") != 0 && g_strcmp0 (str, "severity") != 0)
        str = "created";
      set_sort (self, &self->sort_key, str, PROP_SORT_KEY);
      break;
    case PROP_SORT_ORDER:
      str = g_strcmp0 (g_value_get_string (value), "ascending") == 0 ? "ascending" : "descending";
      set_sort (self, &self->sort_order, str, PROP_SORT_ORDER);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_postmortem_list_class_init (DebriefPostmortemListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  static const char *const status_ids[]
      = { "status_draft", "status_in_review", "status_published" };
  static const char *const severity_ids[]
      = { "severity_p1", "severity_p2", "severity_p3", "severity_p4", "severity_p5" };

  object_class->dispose = debrief_postmortem_list_dispose;
  object_class->get_property = debrief_postmortem_list_get_property;
  object_class->set_property = debrief_postmortem_list_set_property;
  widget_class->grab_focus = debrief_postmortem_list_grab_focus;

  properties[PROP_LIBRARY]
      = g_param_spec_object ("library", NULL, NULL, DEBRIEF_TYPE_LIBRARY, flags);
  properties[PROP_REFRESH]
      = g_param_spec_object ("refresh", NULL, NULL, DEBRIEF_TYPE_LIBRARY_REFRESH, flags);
  properties[PROP_SORT_KEY] = g_param_spec_string ("sort-key", NULL, NULL, "created", flags);
  properties[PROP_SORT_ORDER] = g_param_spec_string ("sort-order", NULL, NULL, "descending", flags);
  properties[PROP_REFRESHING] = g_param_spec_boolean ("refreshing", NULL, NULL, FALSE,
                                                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ACTIVATED] = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[CREATE_REQUESTED]
      = g_signal_new ("create-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                      NULL, NULL, G_TYPE_NONE, 1, OG_TYPE_INCIDENT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/debrief-postmortem-list.ui");
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemList, filter_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemList, filter_count_label);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemList, sort_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemList, view_stack);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemList, incidents_stack_page);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemList, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemList, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemList, problem_revealer);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemList, problem_label);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemList,
                                        problem_details_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemList, problem_details_label);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemList, problem_retry_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemList, state_stack);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemList, list_view);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemList, error_page);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemList, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemList, incidents_stack);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemList, incident_list_view);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemList, incidents_status_page);
  for (guint i = 0; i < G_N_ELEMENTS (status_ids); i++)
    gtk_widget_class_bind_template_child_full (
        widget_class, status_ids[i], FALSE,
        G_STRUCT_OFFSET (DebriefPostmortemList, status_checks) + i * sizeof (GtkCheckButton *));
  for (guint i = 0; i < G_N_ELEMENTS (severity_ids); i++)
    gtk_widget_class_bind_template_child_full (
        widget_class, severity_ids[i], FALSE,
        G_STRUCT_OFFSET (DebriefPostmortemList, severity_checks) + i * sizeof (GtkCheckButton *));

  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_toggled);

  _debrief_postmortem_list_install_actions (widget_class);

  gtk_widget_class_set_css_name (widget_class, "postmortemlist");
}

static void
debrief_postmortem_list_init (DebriefPostmortemList *self)
{
  GtkEventController *keys;

  /* The sort actions read these as soon as the template's menu exists. */
  self->sort_key = g_strdup ("created");
  self->sort_order = g_strdup ("descending");
  gtk_widget_init_template (GTK_WIDGET (self));

  _debrief_postmortem_list_setup_models (self);
  _debrief_postmortem_list_setup_rows (self);

  /* Typing in the list goes to the search; Down in the search goes to the list. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_view));
  keys = gtk_event_controller_key_new ();
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_search_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);

  _debrief_postmortem_list_label_menu_button (self->problem_details_button,
                                              _ ("Details of the refresh problems"));
  update_sort_button (self);
  _debrief_postmortem_list_filters_changed (self);
  _debrief_postmortem_list_connect_refresh (self);
  _debrief_postmortem_list_update_state (self);
}

GtkWidget *
debrief_postmortem_list_new (void)
{
  return g_object_new (DEBRIEF_TYPE_POSTMORTEM_LIST, NULL);
}
