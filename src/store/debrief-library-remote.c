/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-library"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-library.h"

#include "debrief-library-entry-private.h"
#include "debrief-library-private.h"
#include "debrief-postmortem-ref.h"
#include "debrief-store-io.h"
#include "og-error.h"

/* DebriefLibrary, the part that meets the network: what a fetch teaches the library, and
 * open, create and delete through OgClient. Index, model and files are in debrief-library.c. */

static gboolean
same_document (OgPostmortem *a, OgPostmortem *b)
{
  g_autoptr (JsonNode) na = og_postmortem_to_json (a);
  g_autoptr (JsonNode) nb = og_postmortem_to_json (b);

  return json_node_equal (na, nb);
}

static char *
dup_nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

static void
save_index_or_report (DebriefLibrary *self)
{
  g_autoptr (GError) error = NULL;

  if (!debrief_library_save (self, &error))
    _debrief_library_emit_store_error (self, error);
}

DebriefLibraryEntry *
debrief_library_record_fetch (DebriefLibrary *self, OgPostmortem *postmortem, GError **error)
{
  DebriefCache *cache = debrief_library_get_cache (self);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (OgPostmortem) cached = NULL;
  g_autoptr (GError) cache_error = NULL;
  g_autoptr (GError) store_error = NULL;
  DebriefLibraryEntry *entry;
  OgIncident *incident;
  OgRef *owner;
  GDateTime *created;
  const char *id;

  g_return_val_if_fail (DEBRIEF_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (OG_IS_POSTMORTEM (postmortem), NULL);
  id = og_postmortem_get_id (postmortem);
  g_return_val_if_fail (id != NULL && *id != '\0', NULL);

  cached = debrief_cache_load (cache, id, NULL, &cache_error);
  /* A damaged copy was moved aside: say so, the fresh one replaces it below. */
  if (cache_error != NULL && !g_error_matches (cache_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    _debrief_library_emit_store_error (self, cache_error);

  entry = debrief_library_add (self, id);
  _debrief_library_entry_take_title (entry, g_strdup (og_postmortem_get_title (postmortem)));
  entry->severity = og_postmortem_get_severity (postmortem);
  entry->status = og_postmortem_get_status (postmortem);

  incident = og_postmortem_get_root_incident (postmortem);
  if (incident != NULL)
    _debrief_library_entry_take_incident (entry, dup_nonempty (og_incident_get_id (incident)),
                                          dup_nonempty (og_incident_get_tiny_id (incident)),
                                          dup_nonempty (og_incident_get_message (incident)));
  owner = og_postmortem_get_owner (postmortem);
  entry->owner_id = owner ? g_intern_string (og_ref_get_id (owner)) : NULL;
  entry->owner_name = owner ? g_intern_string (og_ref_get_name (owner)) : NULL;

  created = og_postmortem_get_created_at (postmortem);
  entry->created = created ? g_date_time_to_unix (created) : 0;
  /* Opsgenie keeps no time of change for postmortems: the first fetch can only say when it
   * was created, later ones see whether it changed since. */
  if (!entry->fetched || entry->updated == 0)
    entry->updated = entry->created;
  if (cached != NULL && !same_document (cached, postmortem))
    entry->updated = g_date_time_to_unix (now);
  entry->last_fetched = g_date_time_to_unix (now);
  entry->fetched = TRUE;
  _debrief_library_entry_changed (self, entry);

  if (!debrief_cache_store (cache, postmortem, now, &store_error))
    {
      _debrief_library_emit_store_error (self, store_error);
      g_propagate_error (error, g_steal_pointer (&store_error));
    }

  return entry;
}

void
debrief_library_set_incident (DebriefLibrary *self, const char *id, OgIncident *incident)
{
  DebriefLibraryEntry *entry;

  g_return_if_fail (DEBRIEF_IS_LIBRARY (self));
  g_return_if_fail (OG_IS_INCIDENT (incident));

  entry = debrief_library_add (self, id);
  if (g_strcmp0 (entry->incident_id, og_incident_get_id (incident)) == 0
      && g_strcmp0 (entry->incident_tiny_id, og_incident_get_tiny_id (incident)) == 0
      && g_strcmp0 (entry->incident_message, og_incident_get_message (incident)) == 0)
    return;

  _debrief_library_entry_take_incident (entry, dup_nonempty (og_incident_get_id (incident)),
                                        dup_nonempty (og_incident_get_tiny_id (incident)),
                                        dup_nonempty (og_incident_get_message (incident)));
  _debrief_library_entry_changed (self, entry);
}

/* Open */

static gboolean
is_offline_error (const GError *error)
{
  return error->domain == OG_ERROR
         && (error->code == OG_ERROR_NETWORK || error->code == OG_ERROR_TIMEOUT
             || error->code == OG_ERROR_SERVER || error->code == OG_ERROR_TLS
             || error->code == OG_ERROR_RATE_LIMITED);
}

static void
on_open_fetched (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  DebriefLibrary *self = g_task_get_source_object (task);
  const char *id = g_task_get_task_data (task);
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (OgPostmortem) cached = NULL;
  g_autoptr (GError) error = NULL;

  postmortem = og_client_get_postmortem_finish (OG_CLIENT (object), result, &error);
  if (postmortem != NULL)
    {
      /* A cache write that fails was reported (::store-error); the postmortem is here. */
      debrief_library_record_fetch (self, postmortem, NULL);
      save_index_or_report (self);
      g_task_return_pointer (task, g_steal_pointer (&postmortem), g_object_unref);
      return;
    }

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && is_offline_error (error))
    cached = debrief_cache_load (debrief_library_get_cache (self), id, NULL, NULL);

  if (cached == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_debug ("serving %s from the cache: %s", id, error->message);
  g_object_set_data (G_OBJECT (task), "from-cache", GINT_TO_POINTER (TRUE));
  g_task_return_pointer (task, g_steal_pointer (&cached), g_object_unref);
}

void
debrief_library_open_async (DebriefLibrary *self,
                            OgClient *client,
                            const char *id_or_url,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  char *id;

  g_return_if_fail (DEBRIEF_IS_LIBRARY (self));
  g_return_if_fail (OG_IS_CLIENT (client));
  g_return_if_fail (id_or_url != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, debrief_library_open_async);

  id = debrief_parse_postmortem_reference (id_or_url, NULL, &error);
  if (id == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_set_task_data (task, id, g_free);

  og_client_get_postmortem_async (client, id, cancellable, on_open_fetched,
                                  g_steal_pointer (&task));
}

OgPostmortem *
debrief_library_open_finish (DebriefLibrary *self,
                             GAsyncResult *result,
                             gboolean *from_cache,
                             GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (from_cache != NULL)
    *from_cache = g_object_get_data (G_OBJECT (result), "from-cache") != NULL;
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Create */

static void
on_created_fetched (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  DebriefLibrary *self = g_task_get_source_object (task);
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (GError) error = NULL;

  postmortem = og_client_get_postmortem_finish (OG_CLIENT (object), result, &error);
  if (postmortem == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  debrief_library_record_fetch (self, postmortem, NULL);
  save_index_or_report (self);
  g_task_return_pointer (task, g_steal_pointer (&postmortem), g_object_unref);
}

static void
on_created (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  DebriefLibrary *self = g_task_get_source_object (task);
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;
  GCancellable *cancellable;

  id = og_client_create_postmortem_finish (OG_CLIENT (object), result, &error);
  if (id == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* In the library (and on disk) before the fetch: a failed fetch must not lose it. */
  debrief_library_add (self, id);
  save_index_or_report (self);
  cancellable = g_task_get_cancellable (task);
  og_client_get_postmortem_async (OG_CLIENT (object), id, cancellable, on_created_fetched,
                                  g_steal_pointer (&task));
}

void
debrief_library_create_async (DebriefLibrary *self,
                              OgClient *client,
                              const char *incident_id,
                              const char *actor_user_id,
                              const char *owner_id,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  GTask *task;

  g_return_if_fail (DEBRIEF_IS_LIBRARY (self));
  g_return_if_fail (OG_IS_CLIENT (client));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, debrief_library_create_async);
  og_client_create_postmortem_async (client, incident_id, actor_user_id, owner_id, cancellable,
                                     on_created, task);
}

OgPostmortem *
debrief_library_create_finish (DebriefLibrary *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Delete */

static void
on_deleted (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  DebriefLibrary *self = g_task_get_source_object (task);
  const char *id = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) local_error = NULL;

  if (!og_client_delete_postmortem_finish (OG_CLIENT (object), result, &error)
      && !g_error_matches (error, OG_ERROR, OG_ERROR_NOT_FOUND))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  debrief_library_remove (self, id);
  if (!debrief_drafts_discard (debrief_library_get_drafts (self), id, &local_error)
      || !debrief_cache_remove (debrief_library_get_cache (self), id, &local_error)
      || !debrief_library_save (self, &local_error))
    {
      /* Gone from Opsgenie; what is left on disk is reported, not hidden. */
      g_task_return_error (task, g_steal_pointer (&local_error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

void
debrief_library_delete_async (DebriefLibrary *self,
                              OgClient *client,
                              const char *id,
                              const char *actor_user_id,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  GTask *task;

  g_return_if_fail (DEBRIEF_IS_LIBRARY (self));
  g_return_if_fail (OG_IS_CLIENT (client));
  g_return_if_fail (id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, debrief_library_delete_async);
  g_task_set_task_data (task, g_strdup (id), g_free);
  og_client_delete_postmortem_async (client, id, actor_user_id, FALSE, cancellable, on_deleted,
                                     task);
}

gboolean
debrief_library_delete_finish (DebriefLibrary *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
