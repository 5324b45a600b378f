/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-refresh"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-library-refresh.h"

#include "debrief-library-entry-private.h"
#include "debrief-library-refresh-private.h"
#include "og-error.h"

/* One run of DebriefLibraryRefresh: the two incident listings, then the queue of fetches
 * with at most `limit` in flight. */

/* Not only resolved incidents: Opsgenie lets a closed incident have a postmortem too
 * (Atlassian, "Create a postmortem report"), and the filter costs nothing. */
#define WITH_POSTMORTEM    "postmortemStatus:has-postmortem"
#define WITHOUT_POSTMORTEM "status:resolved AND postmortemStatus:no-postmortem"
/* The two incident listings count as steps of the progress. */
#define N_LISTINGS 2

static void
enqueue (DebriefLibraryRefresh *self, const char *id)
{
  if (!g_hash_table_add (self->queued, g_strdup (id)))
    return;
  g_queue_push_tail (&self->queue, g_strdup (id));
}

/* Whether the library's copy of @id may be out of date. */
static gboolean
is_stale (DebriefLibraryRefresh *self, DebriefLibraryEntry *entry, OgIncident *incident, gint64 now)
{
  GDateTime *incident_updated;

  if (!entry->fetched || entry->last_fetched == 0)
    return TRUE;
  if (self->max_age == 0 || now - entry->last_fetched >= (gint64) self->max_age)
    return TRUE;

  incident_updated = incident ? og_incident_get_updated_at (incident) : NULL;
  return incident_updated != NULL && g_date_time_to_unix (incident_updated) > entry->last_fetched;
}

static void finish_if_done (DebriefLibraryRefresh *self);
static void start_fetches (DebriefLibraryRefresh *self);

static void
finish_run (DebriefLibraryRefresh *self, GError *error)
{
  g_autoptr (GTask) task = g_steal_pointer (&self->task);
  g_autoptr (GError) save_error = NULL;

  /* What was fetched stays fetched, even when the run was cancelled or failed. */
  if (debrief_library_is_dirty (self->library)
      && !debrief_library_save (self->library, &save_error))
    g_signal_emit_by_name (self->library, "store-error", save_error);

  g_queue_clear_full (&self->queue, g_free);
  g_hash_table_remove_all (self->queued);
  _debrief_library_refresh_set_running (self, FALSE);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
finish_if_done (DebriefLibraryRefresh *self)
{
  GCancellable *cancellable = g_task_get_cancellable (self->task);

  if (self->in_flight > 0)
    return;
  if (g_cancellable_is_cancelled (cancellable))
    {
      finish_run (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                             _ ("The refresh was cancelled.")));
      return;
    }
  if (g_queue_is_empty (&self->queue))
    finish_run (self, NULL);
}

/* Deleted in Opsgenie since we fetched it: it leaves the library and its cache, unless the
 * user has unsaved words in it (a draft is never dropped behind their back). */
static void
forget_deleted (DebriefLibraryRefresh *self, const char *id)
{
  g_autoptr (GError) error = NULL;

  if (debrief_drafts_has (debrief_library_get_drafts (self->library), id))
    return;
  debrief_library_remove (self->library, id);
  if (!debrief_cache_remove (debrief_library_get_cache (self->library), id, &error))
    g_signal_emit_by_name (self->library, "store-error", error);
}

typedef struct
{
  DebriefLibraryRefresh *self; /* alive: the task holds it */
  char *id;
} Fetch;

static void
on_fetched (GObject *object, GAsyncResult *result, gpointer user_data)
{
  Fetch *fetch = user_data;
  DebriefLibraryRefresh *self = fetch->self;
  g_autofree char *id = fetch->id;
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (GError) error = NULL;

  g_free (fetch);
  postmortem = og_client_get_postmortem_finish (OG_CLIENT (object), result, &error);
  self->in_flight--;
  g_hash_table_remove (self->queued, id);

  if (postmortem != NULL)
    {
      /* A cache write that fails is the library's ::store-error; the entry is updated. */
      debrief_library_record_fetch (self->library, postmortem, NULL);
    }
  else if (g_error_matches (error, OG_ERROR, OG_ERROR_RATE_LIMITED)
           && g_hash_table_add (self->requeued, g_strdup (id)))
    {
      /* The client waited as long as the server asked, more than once: ease off. */
      g_debug ("%s still rate limited; back to the queue, one request at a time", id);
      self->limit = 1;
      enqueue (self, id);
      start_fetches (self);
      finish_if_done (self);
      return;
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_debug ("could not fetch %s: %s", id, error->message);
      if (g_error_matches (error, OG_ERROR, OG_ERROR_NOT_FOUND))
        forget_deleted (self, id);
      g_hash_table_replace (self->failures, g_strdup (id), g_steal_pointer (&error));
    }

  _debrief_library_refresh_set_progress (self, self->n_done + 1, self->n_total);
  start_fetches (self);
  finish_if_done (self);
}

static void
start_fetches (DebriefLibraryRefresh *self)
{
  GCancellable *cancellable = g_task_get_cancellable (self->task);

  while (self->in_flight < self->limit && !g_queue_is_empty (&self->queue)
         && !g_cancellable_is_cancelled (cancellable))
    {
      Fetch *fetch = g_new0 (Fetch, 1);

      fetch->self = self;
      fetch->id = g_queue_pop_head (&self->queue);
      self->in_flight++;
      og_client_get_postmortem_async (self->client, fetch->id, cancellable, on_fetched, fetch);
    }
}

static void
on_pending_listed (GObject *object, GAsyncResult *result, gpointer user_data)
{
  DebriefLibraryRefresh *self = user_data;
  g_autoptr (GPtrArray) incidents = NULL;
  g_autoptr (GError) error = NULL;

  incidents = og_client_list_all_incidents_finish (OG_CLIENT (object), result, &error);
  self->in_flight--;
  if (incidents != NULL)
    g_list_store_splice (self->pending_incidents, 0,
                         g_list_model_get_n_items (G_LIST_MODEL (self->pending_incidents)),
                         incidents->pdata, incidents->len);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_debug ("could not list the incidents without a postmortem: %s", error->message);
      g_clear_error (&self->pending_error);
      self->pending_error = g_steal_pointer (&error);
    }

  _debrief_library_refresh_set_progress (self, self->n_done + 1, self->n_total);
  start_fetches (self);
  finish_if_done (self);
}

static void
on_postmortems_listed (GObject *object, GAsyncResult *result, gpointer user_data)
{
  DebriefLibraryRefresh *self = user_data;
  g_autoptr (GPtrArray) incidents = NULL;
  g_autoptr (GHashTable) incident_of = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GError) error = NULL;
  GListModel *model = G_LIST_MODEL (self->library);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint n;

  incidents = og_client_list_all_incidents_finish (OG_CLIENT (object), result, &error);
  if (incidents == NULL)
    {
      finish_run (self, g_steal_pointer (&error));
      return;
    }

  for (guint i = 0; i < incidents->len; i++)
    {
      OgIncident *incident = g_ptr_array_index (incidents, i);
      const char *id = og_incident_get_postmortem_id (incident);

      if (id == NULL || *id == '\0')
        continue;
      debrief_library_set_incident (self->library, id, incident);
      g_hash_table_insert (incident_of, (gpointer) id, incident);
    }

  /* Every entry, also those opened by link or created here that no listing shows. */
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (DebriefLibraryEntry) entry = g_list_model_get_item (model, i);

      if (is_stale (self, entry, g_hash_table_lookup (incident_of, entry->id), now))
        enqueue (self, entry->id);
    }

  g_debug ("%u incidents with a postmortem; %u postmortems to fetch", incidents->len,
           g_queue_get_length (&self->queue));
  _debrief_library_refresh_set_progress (self, self->n_done + 1,
                                         N_LISTINGS + g_queue_get_length (&self->queue));

  self->in_flight++;
  og_client_list_all_incidents_async (self->client, WITHOUT_POSTMORTEM, 0,
                                      g_task_get_cancellable (self->task), on_pending_listed, self);
  start_fetches (self);
}

void
debrief_library_refresh_run_async (DebriefLibraryRefresh *self,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (DEBRIEF_IS_LIBRARY_REFRESH (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, debrief_library_refresh_run_async);
  if (self->running)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _ ("A refresh is already under way."));
      return;
    }

  self->task = g_steal_pointer (&task);
  self->limit = self->max_in_flight;
  self->in_flight = 0;
  g_hash_table_remove_all (self->failures);
  g_hash_table_remove_all (self->requeued);
  g_clear_error (&self->pending_error);
  _debrief_library_refresh_set_running (self, TRUE);
  _debrief_library_refresh_set_progress (self, 0, N_LISTINGS);

  og_client_list_all_incidents_async (self->client, WITH_POSTMORTEM, 0, cancellable,
                                      on_postmortems_listed, self);
}

gboolean
debrief_library_refresh_run_finish (DebriefLibraryRefresh *self,
                                    GAsyncResult *result,
                                    GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
