/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-postmortem-list"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-postmortem-list-private.h"

#include "debrief-incident-row.h"
#include "debrief-postmortem-row.h"

/* A click opens a row; a double click would open it once more through ::activate. */
#define DOUBLE_CLICK_US (500 * G_TIME_SPAN_MILLISECOND)

/* The rows of both pages, and how a row is opened: a click (as in every sidebar), or Enter
 * and double click through GtkListView::activate. */

static void
on_row_clicked (GtkGestureClick *gesture, int n_press, double x, double y, GtkListItem *item)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  DebriefPostmortemList *self
      = DEBRIEF_POSTMORTEM_LIST (gtk_widget_get_ancestor (row, DEBRIEF_TYPE_POSTMORTEM_LIST));
  DebriefLibraryEntry *entry = gtk_list_item_get_item (item);

  if (n_press != 1 || entry == NULL || self == NULL)
    return;

  g_free (self->last_click_id);
  self->last_click_id = g_strdup (debrief_library_entry_get_id (entry));
  self->last_click_time = g_get_monotonic_time ();
  _debrief_postmortem_list_emit_activated (self, debrief_library_entry_get_id (entry));
}

static void
on_list_activate (DebriefPostmortemList *self, guint position)
{
  g_autoptr (DebriefLibraryEntry) entry
      = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (entry == NULL)
    return;
  if (g_strcmp0 (self->last_click_id, debrief_library_entry_get_id (entry)) == 0
      && g_get_monotonic_time () - self->last_click_time < DOUBLE_CLICK_US)
    return;
  _debrief_postmortem_list_emit_activated (self, debrief_library_entry_get_id (entry));
}

static void
setup_postmortem_row (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *row = debrief_postmortem_row_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  /* A single click opens, as in every sidebar; the list item itself only selects. */
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_row_clicked), item);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));
  gtk_list_item_set_child (item, row);
}

static void
bind_postmortem_row (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  DebriefPostmortemList *self = user_data;
  DebriefPostmortemRow *row = DEBRIEF_POSTMORTEM_ROW (gtk_list_item_get_child (item));

  debrief_postmortem_row_set_show_updated (row, g_strcmp0 (self->sort_key, "updated") == 0);
  debrief_postmortem_row_set_entry (row, gtk_list_item_get_item (item));
}

static void
unbind_postmortem_row (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  debrief_postmortem_row_set_entry (DEBRIEF_POSTMORTEM_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
setup_incident_row (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  gtk_list_item_set_child (item, debrief_incident_row_new ());
  /* The row's button is what one activates; the row itself does nothing. */
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_incident_row (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  debrief_incident_row_set_incident (DEBRIEF_INCIDENT_ROW (gtk_list_item_get_child (item)),
                                     gtk_list_item_get_item (item));
}

static GtkListItemFactory *
new_factory (DebriefPostmortemList *self, GCallback setup, GCallback bind, GCallback unbind)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  /* The factory lives no longer than the list view, a child of self. */
  g_signal_connect (factory, "setup", setup, self);
  g_signal_connect (factory, "bind", bind, self);
  if (unbind != NULL)
    g_signal_connect (factory, "unbind", unbind, self);
  return factory;
}

static void
show_updated_in (GtkWidget *widget, gboolean show_updated)
{
  if (DEBRIEF_IS_POSTMORTEM_ROW (widget))
    {
      debrief_postmortem_row_set_show_updated (DEBRIEF_POSTMORTEM_ROW (widget), show_updated);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    show_updated_in (child, show_updated);
}

void
_debrief_postmortem_list_update_row_dates (DebriefPostmortemList *self)
{
  /* A new sort key need not move a row, so rows are not always bound again: tell them. */
  show_updated_in (GTK_WIDGET (self->list_view), g_strcmp0 (self->sort_key, "updated") == 0);
}

void
_debrief_postmortem_list_setup_rows (DebriefPostmortemList *self)
{
  g_autoptr (GtkListItemFactory) rows = NULL;
  g_autoptr (GtkListItemFactory) incident_rows = NULL;

  rows = new_factory (self, G_CALLBACK (setup_postmortem_row), G_CALLBACK (bind_postmortem_row),
                      G_CALLBACK (unbind_postmortem_row));
  gtk_list_view_set_factory (self->list_view, rows);
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (on_list_activate), self);

  incident_rows
      = new_factory (self, G_CALLBACK (setup_incident_row), G_CALLBACK (bind_incident_row), NULL);
  gtk_list_view_set_factory (self->incident_list_view, incident_rows);
}
