/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-postmortem-list"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-postmortem-list-private.h"

/* The pane's actions, for its buttons and menus and for the window's shortcuts. */

static void
action_refresh (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  debrief_postmortem_list_refresh (DEBRIEF_POSTMORTEM_LIST (widget));
}

static void
action_cancel_refresh (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  debrief_postmortem_list_cancel_refresh (DEBRIEF_POSTMORTEM_LIST (widget));
}

static void
action_focus_search (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  debrief_postmortem_list_focus_search (DEBRIEF_POSTMORTEM_LIST (widget));
}

static void
action_clear_filters (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  _debrief_postmortem_list_clear_filters (DEBRIEF_POSTMORTEM_LIST (widget));
}

static void
action_stop_search (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DebriefPostmortemList *self = DEBRIEF_POSTMORTEM_LIST (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  _debrief_postmortem_list_search_changed (self);
}

static void
action_clear_search (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DebriefPostmortemList *self = DEBRIEF_POSTMORTEM_LIST (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  /* The entry waits a moment before it says the text changed: filter now. */
  _debrief_postmortem_list_search_changed (self);
  _debrief_postmortem_list_clear_filters (self);
}

static void
action_create_for_incident (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DebriefPostmortemList *self = DEBRIEF_POSTMORTEM_LIST (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  GListModel *pending;

  if (self->refresh == NULL)
    return;

  pending = debrief_library_refresh_get_pending_incidents (self->refresh);
  for (guint i = 0; i < g_list_model_get_n_items (pending); i++)
    {
      g_autoptr (OgIncident) incident = g_list_model_get_item (pending, i);

      if (g_strcmp0 (og_incident_get_id (incident), id) == 0)
        {
          _debrief_postmortem_list_emit_create_requested (self, incident);
          return;
        }
    }
}

void
_debrief_postmortem_list_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "postmortem-list.refresh", NULL, action_refresh);
  gtk_widget_class_install_action (widget_class, "postmortem-list.cancel-refresh", NULL,
                                   action_cancel_refresh);
  gtk_widget_class_install_action (widget_class, "postmortem-list.focus-search", NULL,
                                   action_focus_search);
  gtk_widget_class_install_action (widget_class, "postmortem-list.clear-filters", NULL,
                                   action_clear_filters);
  gtk_widget_class_install_action (widget_class, "postmortem-list.clear-search", NULL,
                                   action_clear_search);
  gtk_widget_class_install_action (widget_class, "postmortem-list.stop-search", NULL,
                                   action_stop_search);
  gtk_widget_class_install_action (widget_class, "postmortem-list.create-for-incident", "s",
                                   action_create_for_incident);
  gtk_widget_class_install_property_action (widget_class, "postmortem-list.sort-key", "sort-key");
  gtk_widget_class_install_property_action (widget_class, "postmortem-list.sort-order",
                                            "sort-order");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "postmortem-list.refresh",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "postmortem-list.focus-search", NULL);
  /* Escape in the list as in the search entry; without a search it goes on to the window. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "postmortem-list.stop-search", NULL);
}
