/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-refresh"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-library-refresh.h"

#include "debrief-library-entry-private.h"
#include "og-error.h"

#define WITH_POSTMORTEM    "status:resolved AND postmortemStatus:has-postmortem"
#define WITHOUT_POSTMORTEM "status:resolved AND postmortemStatus:no-postmortem"
/* The two incident listings count as steps of the progress. */
#define N_LISTINGS 2

struct _DebriefLibraryRefresh
{
  GObject parent_instance;

  DebriefLibrary *library;
  OgClient *client;
  GListStore *pending_incidents;
  guint max_in_flight;
  guint max_age;

  /* The run under way */
  GTask *task;
  GQueue queue;         /* ids to fetch */
  GHashTable *queued;   /* ids queued or in flight */
  GHashTable *requeued; /* ids put back once after a 429 */
  GHashTable *failures; /* id → GError */
  GError *pending_error;
  guint in_flight;
  guint limit; /* max_in_flight, or 1 after a 429 outlasted the retries */
  guint n_done;
  guint n_total;
  gboolean running;
};

enum
{
  PROP_0,
  PROP_RUNNING,
  PROP_N_DONE,
  PROP_N_TOTAL,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DebriefLibraryRefresh, debrief_library_refresh, G_TYPE_OBJECT)

static void
set_progress (DebriefLibraryRefresh *self, guint n_done, guint n_total)
{
  gboolean done_changed = n_done != self->n_done;
  gboolean total_changed = n_total != self->n_total;

  if (!done_changed && !total_changed)
    return;

  self->n_done = n_done;
  self->n_total = n_total;
  g_object_freeze_notify (G_OBJECT (self));
  if (done_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
  if (total_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
set_running (DebriefLibraryRefresh *self, gboolean running)
{
  if (self->running == running)
    return;
  self->running = running;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

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
  set_running (self, FALSE);

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

  set_progress (self, self->n_done + 1, self->n_total);
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

  set_progress (self, self->n_done + 1, self->n_total);
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
  set_progress (self, self->n_done + 1, N_LISTINGS + g_queue_get_length (&self->queue));

  self->in_flight++;
  og_client_list_all_incidents_async (self->client, WITHOUT_POSTMORTEM, 0,
                                      g_task_get_cancellable (self->task), on_pending_listed, self);
  start_fetches (self);
}

static void
debrief_library_refresh_dispose (GObject *object)
{
  DebriefLibraryRefresh *self = DEBRIEF_LIBRARY_REFRESH (object);

  g_clear_object (&self->library);
  g_clear_object (&self->client);
  g_clear_object (&self->pending_incidents);

  G_OBJECT_CLASS (debrief_library_refresh_parent_class)->dispose (object);
}

static void
debrief_library_refresh_finalize (GObject *object)
{
  DebriefLibraryRefresh *self = DEBRIEF_LIBRARY_REFRESH (object);

  g_queue_clear_full (&self->queue, g_free);
  g_clear_pointer (&self->queued, g_hash_table_unref);
  g_clear_pointer (&self->requeued, g_hash_table_unref);
  g_clear_pointer (&self->failures, g_hash_table_unref);
  g_clear_error (&self->pending_error);

  G_OBJECT_CLASS (debrief_library_refresh_parent_class)->finalize (object);
}

static void
debrief_library_refresh_get_property (GObject *object,
                                      guint prop_id,
                                      GValue *value,
                                      GParamSpec *pspec)
{
  DebriefLibraryRefresh *self = DEBRIEF_LIBRARY_REFRESH (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    case PROP_N_DONE:
      g_value_set_uint (value, self->n_done);
      break;
    case PROP_N_TOTAL:
      g_value_set_uint (value, self->n_total);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, debrief_library_refresh_get_fraction (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_library_refresh_class_init (DebriefLibraryRefreshClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = debrief_library_refresh_dispose;
  object_class->finalize = debrief_library_refresh_finalize;
  object_class->get_property = debrief_library_refresh_get_property;

  properties[PROP_RUNNING] = g_param_spec_boolean ("running", NULL, NULL, FALSE, flags);
  properties[PROP_N_DONE] = g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_TOTAL] = g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_FRACTION] = g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
debrief_library_refresh_init (DebriefLibraryRefresh *self)
{
  self->max_in_flight = DEBRIEF_REFRESH_DEFAULT_MAX_IN_FLIGHT;
  self->max_age = DEBRIEF_REFRESH_DEFAULT_MAX_AGE;
  self->pending_incidents = g_list_store_new (OG_TYPE_INCIDENT);
  g_queue_init (&self->queue);
  self->queued = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->requeued = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->failures
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_error_free);
}

DebriefLibraryRefresh *
debrief_library_refresh_new (DebriefLibrary *library, OgClient *client)
{
  DebriefLibraryRefresh *self;

  g_return_val_if_fail (DEBRIEF_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (OG_IS_CLIENT (client), NULL);

  self = g_object_new (DEBRIEF_TYPE_LIBRARY_REFRESH, NULL);
  self->library = g_object_ref (library);
  self->client = g_object_ref (client);
  return self;
}

void
debrief_library_refresh_set_max_in_flight (DebriefLibraryRefresh *self, guint max_in_flight)
{
  g_return_if_fail (DEBRIEF_IS_LIBRARY_REFRESH (self));
  g_return_if_fail (max_in_flight > 0);
  self->max_in_flight = max_in_flight;
}

void
debrief_library_refresh_set_max_age (DebriefLibraryRefresh *self, guint seconds)
{
  g_return_if_fail (DEBRIEF_IS_LIBRARY_REFRESH (self));
  self->max_age = seconds;
}

GListModel *
debrief_library_refresh_get_pending_incidents (DebriefLibraryRefresh *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY_REFRESH (self), NULL);
  return G_LIST_MODEL (self->pending_incidents);
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
  set_running (self, TRUE);
  set_progress (self, 0, N_LISTINGS);

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

gboolean
debrief_library_refresh_get_running (DebriefLibraryRefresh *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY_REFRESH (self), FALSE);
  return self->running;
}

guint
debrief_library_refresh_get_n_done (DebriefLibraryRefresh *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY_REFRESH (self), 0);
  return self->n_done;
}

guint
debrief_library_refresh_get_n_total (DebriefLibraryRefresh *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY_REFRESH (self), 0);
  return self->n_total;
}

double
debrief_library_refresh_get_fraction (DebriefLibraryRefresh *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY_REFRESH (self), 0.0);

  if (self->n_total == 0)
    return 0.0;
  return MIN (1.0, (double) self->n_done / (double) self->n_total);
}

guint
debrief_library_refresh_get_n_failed (DebriefLibraryRefresh *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY_REFRESH (self), 0);
  return g_hash_table_size (self->failures);
}

GStrv
debrief_library_refresh_dup_failed_ids (DebriefLibraryRefresh *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (DEBRIEF_IS_LIBRARY_REFRESH (self), NULL);

  g_hash_table_iter_init (&iter, self->failures);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_strv_builder_add (builder, key);
  return g_strv_builder_end (builder);
}

const GError *
debrief_library_refresh_get_failure (DebriefLibraryRefresh *self, const char *id)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY_REFRESH (self), NULL);
  return g_hash_table_lookup (self->failures, id);
}

const GError *
debrief_library_refresh_get_pending_error (DebriefLibraryRefresh *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY_REFRESH (self), NULL);
  return self->pending_error;
}
