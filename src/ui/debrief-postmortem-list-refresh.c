/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-postmortem-list"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-postmortem-list-private.h"

/* The list pane's side of a DebriefLibraryRefresh: a run, its progress under the header, and
 * what it could not do — a bar with the count and the details (a failed discovery with a
 * library to show, or postmortems that could not be fetched). A failed discovery with
 * nothing to show is the error page instead (see update_state). */

static void
update_progress (DebriefPostmortemList *self)
{
  gboolean running = self->refresh != NULL && debrief_library_refresh_get_running (self->refresh);
  g_autofree char *text = NULL;

  gtk_revealer_set_reveal_child (self->progress_revealer, running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "postmortem-list.cancel-refresh", running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "postmortem-list.refresh",
                                 self->refresh != NULL && !running);
  if (!running)
    return;

  gtk_progress_bar_set_fraction (self->progress_bar,
                                 debrief_library_refresh_get_fraction (self->refresh));
  /* Translators: progress of a refresh: "3 of 14" steps (listings and postmortems) */
  text = g_strdup_printf (_ ("Refreshing, %u of %u"),
                          debrief_library_refresh_get_n_done (self->refresh),
                          debrief_library_refresh_get_n_total (self->refresh));
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
on_running_changed (DebriefPostmortemList *self)
{
  update_progress (self);
  _debrief_postmortem_list_update_state (self);
  g_object_notify (G_OBJECT (self), "refreshing");
}

void
_debrief_postmortem_list_update_incidents (DebriefPostmortemList *self)
{
  GListModel *pending
      = self->refresh ? debrief_library_refresh_get_pending_incidents (self->refresh) : NULL;
  guint n = pending ? g_list_model_get_n_items (pending) : 0;
  const GError *error
      = self->refresh ? debrief_library_refresh_get_pending_error (self->refresh) : NULL;
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->incident_filter_model));
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;

  if (n > 0)
    /* Translators: the second page of the list pane, with how many incidents it lists */
    title = g_strdup_printf (_ ("Incidents (%u)"), n);
  gtk_stack_page_set_title (self->incidents_stack_page, title ? title : _ ("Incidents"));

  gtk_stack_set_visible_child_name (self->incidents_stack, n_shown > 0 ? "list" : "status");
  if (n_shown > 0)
    return;

  if (n > 0)
    {
      g_autofree char *description = g_strdup_printf (
          /* Translators: %s is what the user searched for */
          _ ("No incidents match “%s”."),
          gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

      escaped = g_markup_escape_text (description, -1);
      adw_status_page_set_icon_name (self->incidents_status_page, "edit-find-symbolic");
      adw_status_page_set_title (self->incidents_status_page, _ ("No Results"));
      adw_status_page_set_description (self->incidents_status_page, escaped);
    }
  else if (error != NULL)
    {
      escaped = g_markup_escape_text (error->message, -1);
      adw_status_page_set_icon_name (self->incidents_status_page, "dialog-error-symbolic");
      adw_status_page_set_title (self->incidents_status_page, _ ("Could Not List the Incidents"));
      adw_status_page_set_description (self->incidents_status_page, escaped);
    }
  else if (!self->refreshed)
    {
      adw_status_page_set_icon_name (self->incidents_status_page, "view-list-symbolic");
      adw_status_page_set_title (self->incidents_status_page, _ ("Incidents Without a Postmortem"));
      adw_status_page_set_description (
          self->incidents_status_page,
          _ ("Refresh to find the resolved incidents that have no postmortem yet."));
    }
  else
    {
      adw_status_page_set_icon_name (self->incidents_status_page, "emblem-ok-symbolic");
      adw_status_page_set_title (self->incidents_status_page, _ ("No Incidents Waiting"));
      adw_status_page_set_description (self->incidents_status_page,
                                       _ ("Every resolved incident has a postmortem."));
    }
}

static char *
describe_failures (DebriefPostmortemList *self, guint *n_failed)
{
  g_auto (GStrv) ids = debrief_library_refresh_dup_failed_ids (self->refresh);
  GString *details = g_string_new (NULL);

  *n_failed = g_strv_length (ids);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      DebriefLibraryEntry *entry
          = self->library ? debrief_library_lookup (self->library, ids[i]) : NULL;
      const GError *error = debrief_library_refresh_get_failure (self->refresh, ids[i]);
      const char *name = ids[i];

      if (entry != NULL && debrief_library_entry_is_fetched (entry)
          && *debrief_library_entry_get_title (entry) != '\0')
        name = debrief_library_entry_get_title (entry);

      if (details->len > 0)
        g_string_append_c (details, '\n');
      /* Translators: one postmortem a refresh could not fetch: its title (or id), and why */
      g_string_append_printf (details, _ ("%s: %s"), name,
                              error != NULL ? error->message : _ ("Unknown error"));
    }
  return g_string_free (details, FALSE);
}

void
_debrief_postmortem_list_update_problems (DebriefPostmortemList *self)
{
  guint n_items = self->library ? g_list_model_get_n_items (G_LIST_MODEL (self->library)) : 0;
  g_autofree char *summary = NULL;
  g_autofree char *details = NULL;
  guint n_failed = 0;

  if (self->refresh != NULL && self->refresh_error != NULL && n_items > 0)
    {
      /* Translators: a refresh failed; the list shows what was known before */
      summary = g_strdup (_ ("Could not refresh, showing saved postmortems"));
      details = g_strdup (self->refresh_error->message);
    }
  else if (self->refresh != NULL && self->refreshed)
    {
      details = describe_failures (self, &n_failed);
      if (n_failed > 0)
        summary = g_strdup_printf (ngettext ("%u postmortem could not be fetched",
                                             "%u postmortems could not be fetched", n_failed),
                                   n_failed);
    }

  gtk_revealer_set_reveal_child (self->problem_revealer, summary != NULL);
  gtk_label_set_label (self->problem_label, summary);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->problem_label), details);
  gtk_label_set_label (self->problem_details_label, details);
}

static void
on_run_finished (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DebriefPostmortemList) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!debrief_library_refresh_run_finish (DEBRIEF_LIBRARY_REFRESH (object), result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Cancelled by the user or by dispose: what was fetched stays, nothing to say. */
      if (DEBRIEF_LIBRARY_REFRESH (object) == self->refresh)
        g_clear_object (&self->cancellable);
      return;
    }

  if (DEBRIEF_LIBRARY_REFRESH (object) != self->refresh)
    return;

  g_clear_object (&self->cancellable);
  g_clear_error (&self->refresh_error);
  self->refresh_error = g_steal_pointer (&error);
  self->refreshed = TRUE;
  if (self->refresh_error != NULL)
    g_debug ("refresh failed: %s", self->refresh_error->message);

  _debrief_postmortem_list_update_incidents (self);
  _debrief_postmortem_list_update_problems (self);
  _debrief_postmortem_list_update_state (self);
}

void
_debrief_postmortem_list_connect_refresh (DebriefPostmortemList *self)
{
  if (self->refresh != NULL)
    {
      g_signal_connect_object (self->refresh, "notify::running", G_CALLBACK (on_running_changed),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->refresh, "notify::fraction", G_CALLBACK (update_progress),
                               self, G_CONNECT_SWAPPED);
      gtk_filter_list_model_set_model (
          self->incident_filter_model,
          debrief_library_refresh_get_pending_incidents (self->refresh));
    }

  update_progress (self);
  _debrief_postmortem_list_update_incidents (self);
  _debrief_postmortem_list_update_problems (self);
}

void
_debrief_postmortem_list_disconnect_refresh (DebriefPostmortemList *self)
{
  debrief_postmortem_list_cancel_refresh (self);
  if (self->refresh != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->refresh, self);
    }
  if (self->incident_filter_model != NULL)
    gtk_filter_list_model_set_model (self->incident_filter_model, NULL);
  g_clear_error (&self->refresh_error);
  self->refreshed = FALSE;
}

/* A run keeps the main loop busy with its requests and their answers, at G_PRIORITY_DEFAULT:
 * above GTK's drawing (GDK_PRIORITY_REDRAW), which waits until there is nothing else to do.
 * Started before the window's first frame, a run over 1,000 postmortems held that frame back
 * until it was over, more than a second with the sandbox answering at once. */
void
debrief_postmortem_list_queue_refresh (DebriefPostmortemList *self)
{
  g_return_if_fail (DEBRIEF_IS_POSTMORTEM_LIST (self));

  if (self->refresh == NULL || debrief_library_refresh_get_running (self->refresh)
      || self->refresh_queued)
    return;

  self->refresh_queued = TRUE;
  _debrief_postmortem_list_wait_for_frame (self);
  _debrief_postmortem_list_update_state (self);
  g_object_notify (G_OBJECT (self), "refreshing");
}

void
debrief_postmortem_list_refresh (DebriefPostmortemList *self)
{
  g_return_if_fail (DEBRIEF_IS_POSTMORTEM_LIST (self));

  /* Now rather than at the next frame; "refreshing" stays TRUE. */
  self->refresh_queued = FALSE;
  if (self->refresh == NULL || debrief_library_refresh_get_running (self->refresh))
    return;

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  debrief_library_refresh_run_async (self->refresh, self->cancellable, on_run_finished,
                                     g_object_ref (self));
}

void
debrief_postmortem_list_cancel_refresh (DebriefPostmortemList *self)
{
  g_return_if_fail (DEBRIEF_IS_POSTMORTEM_LIST (self));

  if (self->refresh_queued)
    {
      self->refresh_queued = FALSE;
      _debrief_postmortem_list_update_state (self);
      g_object_notify (G_OBJECT (self), "refreshing");
    }
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

gboolean
debrief_postmortem_list_get_refreshing (DebriefPostmortemList *self)
{
  g_return_val_if_fail (DEBRIEF_IS_POSTMORTEM_LIST (self), FALSE);

  return self->refresh != NULL
         && (self->refresh_queued || debrief_library_refresh_get_running (self->refresh));
}
