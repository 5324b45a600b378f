/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-postmortem-list"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-postmortem-list-private.h"

/* The list pane's public setters and getters, and what the tests look at. */

/* Whether the list's window is on screen, past its first frame or about to draw it. */
static gboolean
on_screen (DebriefPostmortemList *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return root != NULL && gtk_widget_get_mapped (GTK_WIDGET (root));
}

DebriefLibrary *
debrief_postmortem_list_get_library (DebriefPostmortemList *self)
{
  g_return_val_if_fail (DEBRIEF_IS_POSTMORTEM_LIST (self), NULL);

  return self->library;
}

void
debrief_postmortem_list_set_library (DebriefPostmortemList *self, DebriefLibrary *library)
{
  g_return_if_fail (DEBRIEF_IS_POSTMORTEM_LIST (self));
  g_return_if_fail (library == NULL || DEBRIEF_IS_LIBRARY (library));

  if (self->library == library)
    return;

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  g_set_object (&self->library, library);
  if (library != NULL)
    g_signal_connect_object (library, "items-changed",
                             G_CALLBACK (_debrief_postmortem_list_library_changed), self,
                             G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  if (library != NULL && !on_screen (self))
    _debrief_postmortem_list_hold_rows (self);
  gtk_sort_list_model_set_model (self->sort_model, G_LIST_MODEL (library));
  _debrief_postmortem_list_library_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self),
                            g_object_class_find_property (G_OBJECT_GET_CLASS (self), "library"));
}

DebriefLibraryRefresh *
debrief_postmortem_list_get_refresh (DebriefPostmortemList *self)
{
  g_return_val_if_fail (DEBRIEF_IS_POSTMORTEM_LIST (self), NULL);

  return self->refresh;
}

void
debrief_postmortem_list_set_refresh (DebriefPostmortemList *self, DebriefLibraryRefresh *refresh)
{
  g_return_if_fail (DEBRIEF_IS_POSTMORTEM_LIST (self));
  g_return_if_fail (refresh == NULL || DEBRIEF_IS_LIBRARY_REFRESH (refresh));

  if (self->refresh == refresh)
    return;

  _debrief_postmortem_list_disconnect_refresh (self);
  g_set_object (&self->refresh, refresh);
  _debrief_postmortem_list_connect_refresh (self);
  _debrief_postmortem_list_update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self),
                            g_object_class_find_property (G_OBJECT_GET_CLASS (self), "refresh"));
}

static guint
find_position (DebriefPostmortemList *self, const char *id)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (DebriefLibraryEntry) entry = g_list_model_get_item (model, i);

      if (g_strcmp0 (debrief_library_entry_get_id (entry), id) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

gboolean
debrief_postmortem_list_select (DebriefPostmortemList *self, const char *id)
{
  guint position;

  g_return_val_if_fail (DEBRIEF_IS_POSTMORTEM_LIST (self), FALSE);

  if (id == NULL)
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      return TRUE;
    }
  if (self->library == NULL || debrief_library_lookup (self->library, id) == NULL)
    return FALSE;

  _debrief_postmortem_list_release_rows (self);
  position = find_position (self, id);
  if (position == GTK_INVALID_LIST_POSITION)
    {
      /* The search or a filter hides it: the user asked for this one, show it. */
      gtk_widget_activate_action (GTK_WIDGET (self), "postmortem-list.clear-search", NULL);
      position = find_position (self, id);
    }
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  return TRUE;
}

const char *
debrief_postmortem_list_get_selected_id (DebriefPostmortemList *self)
{
  DebriefLibraryEntry *entry;

  g_return_val_if_fail (DEBRIEF_IS_POSTMORTEM_LIST (self), NULL);

  entry = gtk_single_selection_get_selected_item (self->selection);
  return entry != NULL ? debrief_library_entry_get_id (entry) : NULL;
}

void
debrief_postmortem_list_focus_search (DebriefPostmortemList *self)
{
  g_return_if_fail (DEBRIEF_IS_POSTMORTEM_LIST (self));

  gtk_stack_set_visible_child_name (self->view_stack, "postmortems");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

GListModel *
_debrief_postmortem_list_get_model (DebriefPostmortemList *self)
{
  return G_LIST_MODEL (self->selection);
}

const char *
_debrief_postmortem_list_get_state (DebriefPostmortemList *self)
{
  return gtk_stack_get_visible_child_name (self->state_stack);
}

AdwStatusPage *
_debrief_postmortem_list_get_status_page (DebriefPostmortemList *self, const char *state)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->state_stack, state);

  return ADW_IS_STATUS_PAGE (page) ? ADW_STATUS_PAGE (page) : NULL;
}

GtkSearchEntry *
_debrief_postmortem_list_get_search_entry (DebriefPostmortemList *self)
{
  return self->search_entry;
}

GtkCheckButton *
_debrief_postmortem_list_get_filter_check (DebriefPostmortemList *self, const char *name)
{
  static const char *const statuses[] = { "draft", "in-review", "published" };
  static const char *const severities[] = { "p1", "p2", "p3", "p4", "p5" };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (g_str_equal (name, statuses[i]))
      return self->status_checks[i];
  for (guint i = 0; i < G_N_ELEMENTS (severities); i++)
    if (g_str_equal (name, severities[i]))
      return self->severity_checks[i];
  g_return_val_if_reached (NULL);
}

GtkMenuButton *
_debrief_postmortem_list_get_filter_button (DebriefPostmortemList *self)
{
  return self->filter_button;
}

GtkLabel *
_debrief_postmortem_list_get_filter_count_label (DebriefPostmortemList *self)
{
  return self->filter_count_label;
}

GtkLabel *
_debrief_postmortem_list_get_problem_label (DebriefPostmortemList *self)
{
  return self->problem_label;
}

GtkWidget *
_debrief_postmortem_list_get_problem_bar (DebriefPostmortemList *self)
{
  return GTK_WIDGET (self->problem_revealer);
}

GtkProgressBar *
_debrief_postmortem_list_get_progress_bar (DebriefPostmortemList *self)
{
  return self->progress_bar;
}

GtkWidget *
_debrief_postmortem_list_get_progress_revealer (DebriefPostmortemList *self)
{
  return GTK_WIDGET (self->progress_revealer);
}

GtkStack *
_debrief_postmortem_list_get_view_stack (DebriefPostmortemList *self)
{
  return self->view_stack;
}

GtkListView *
_debrief_postmortem_list_get_list_view (DebriefPostmortemList *self)
{
  return self->list_view;
}

GtkListView *
_debrief_postmortem_list_get_incident_list_view (DebriefPostmortemList *self)
{
  return self->incident_list_view;
}

const char *
_debrief_postmortem_list_get_incidents_state (DebriefPostmortemList *self)
{
  return gtk_stack_get_visible_child_name (self->incidents_stack);
}
