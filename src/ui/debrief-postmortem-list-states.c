/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-postmortem-list"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-postmortem-list-private.h"

#include "og-error.h"

/* Which page the postmortems side shows (list, loading, empty, error, no results), and
 * what its status pages say. */

/* In GTK 4.8 the toggle button inside a GtkMenuButton takes the focus: a screen reader reads
 * its name, so the name goes there too. */
void
_debrief_postmortem_list_label_menu_button (GtkMenuButton *button, const char *label)
{
  GtkWidget *inner = gtk_widget_get_first_child (GTK_WIDGET (button));

  g_assert (GTK_IS_BUTTON (inner));
  gtk_accessible_update_property (GTK_ACCESSIBLE (inner), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static gboolean
is_offline (const GError *error)
{
  return g_error_matches (error, OG_ERROR, OG_ERROR_NETWORK)
         || g_error_matches (error, OG_ERROR, OG_ERROR_TIMEOUT)
         || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE)
         || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE)
         || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
}

static void
show_error_page (DebriefPostmortemList *self)
{
  g_autofree char *escaped = g_markup_escape_text (self->refresh_error->message, -1);

  /* The status page's description is markup. */
  adw_status_page_set_description (self->error_page, escaped);
  if (is_offline (self->refresh_error))
    {
      adw_status_page_set_icon_name (self->error_page, "network-offline-symbolic");
      adw_status_page_set_title (self->error_page, _ ("Cannot Reach Opsgenie"));
    }
  else
    {
      adw_status_page_set_icon_name (self->error_page, "dialog-error-symbolic");
      adw_status_page_set_title (self->error_page, _ ("Could Not Refresh"));
    }
  gtk_stack_set_visible_child_name (self->state_stack, "error");
}

static void
show_no_results_page (DebriefPostmortemList *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *description = NULL;
  g_autofree char *escaped = NULL;

  if (self->needle != NULL)
    /* Translators: %s is what the user searched for */
    description = g_strdup_printf (_ ("No postmortems match “%s”."), text);
  else
    description = g_strdup (_ ("No postmortems match the filters."));
  escaped = g_markup_escape_text (description, -1);
  adw_status_page_set_description (self->no_results_page, escaped);
  gtk_stack_set_visible_child_name (self->state_stack, "no-results");
}

void
_debrief_postmortem_list_update_state (DebriefPostmortemList *self)
{
  guint n_items = self->library ? g_list_model_get_n_items (G_LIST_MODEL (self->library)) : 0;
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  gboolean searching = self->needle != NULL || self->status_mask != 0 || self->severity_mask != 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "postmortem-list.clear-search", searching);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "postmortem-list.stop-search",
                                 self->needle != NULL);

  if (n_items == 0)
    {
      /* Nothing cached: the first refresh is all there is to show. */
      if (debrief_postmortem_list_get_refreshing (self))
        gtk_stack_set_visible_child_name (self->state_stack, "loading");
      else if (self->refresh_error != NULL)
        show_error_page (self);
      else
        gtk_stack_set_visible_child_name (self->state_stack, "empty");
    }
  else if (n_shown == 0 && searching)
    show_no_results_page (self);
  else
    gtk_stack_set_visible_child_name (self->state_stack, "list");
}

void
_debrief_postmortem_list_library_changed (DebriefPostmortemList *self)
{
  _debrief_postmortem_list_update_state (self);
  _debrief_postmortem_list_update_problems (self);
}
