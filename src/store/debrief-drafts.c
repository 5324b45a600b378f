/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-drafts"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-drafts.h"

#include <string.h>

#include "debrief-drafts-private.h"
#include "debrief-store-io.h"

/* The journal: pending copies, the timer, writing; loading and discarding are in
 * debrief-drafts-read.c. */

enum
{
  CHANGED,
  WRITE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DebriefDrafts, debrief_drafts, G_TYPE_OBJECT)

static void
pending_free (Pending *pending)
{
  g_clear_object (&pending->base);
  g_clear_object (&pending->working);
  g_free (pending);
}

char *
_debrief_drafts_path_for (DebriefDrafts *self, const char *id)
{
  g_autofree char *name = debrief_store_escape_name (id);
  g_autofree char *file = g_strconcat (name, ".json", NULL);

  return g_build_filename (self->directory, file, NULL);
}

void
_debrief_drafts_emit_changed (DebriefDrafts *self, const char *id)
{
  g_signal_emit (self, signals[CHANGED], 0, id);
}

static void
scan_directory (DebriefDrafts *self)
{
  g_autoptr (GDir) dir = g_dir_open (self->directory, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *stem = NULL;
      char *id;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      stem = g_strndup (name, strlen (name) - strlen (".json"));
      id = debrief_store_unescape_name (stem);
      if (id != NULL)
        g_hash_table_add (self->on_disk, id);
    }
}

/* Copies of the keys (g_hash_table_get_keys_as_ptr_array is newer than GLib 2.74). */
static GPtrArray *
dup_keys (GHashTable *table)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, g_strdup (key));
  return keys;
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static gboolean
write_draft (DebriefDrafts *self, const char *id, Pending *pending, GError **error)
{
  g_autoptr (JsonObject) object = json_object_new ();
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);
  g_autofree char *path = _debrief_drafts_path_for (self, id);
  gboolean is_new;

  json_object_set_int_member (object, "version", DEBRIEF_DRAFT_VERSION);
  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "savedAt", stamp);
  if (pending->base != NULL)
    json_object_set_member (object, "base", og_postmortem_to_json (pending->base));
  else
    json_object_set_null_member (object, "base");
  json_object_set_member (object, "working", og_postmortem_to_json (pending->working));

  if (!debrief_store_save_json_object (path, object, error))
    return FALSE;

  is_new = g_hash_table_add (self->on_disk, g_strdup (id));
  g_debug ("draft of %s journaled", id);
  if (is_new)
    g_signal_emit (self, signals[CHANGED], 0, id);
  return TRUE;
}

static gboolean
write_pending (DebriefDrafts *self, GError **error)
{
  g_autoptr (GPtrArray) ids = dup_keys (self->pending);
  gboolean ok = TRUE;

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = ids->pdata[i];
      g_autoptr (GError) local_error = NULL;

      if (write_draft (self, id, g_hash_table_lookup (self->pending, id), &local_error))
        {
          g_hash_table_remove (self->pending, id);
          continue;
        }

      g_message ("draft of %s not written: %s", id, local_error->message);
      g_signal_emit (self, signals[WRITE_FAILED], 0, id, local_error);
      if (ok && error != NULL)
        *error = g_error_copy (local_error);
      ok = FALSE;
    }

  return ok;
}

static gboolean
on_timeout (gpointer user_data)
{
  DebriefDrafts *self = user_data;

  self->timeout_id = 0;
  write_pending (self, NULL);
  return G_SOURCE_REMOVE;
}

static void
debrief_drafts_dispose (GObject *object)
{
  DebriefDrafts *self = DEBRIEF_DRAFTS (object);

  /* Closing is one of the moments the journal promises a write. */
  if (self->pending != NULL && g_hash_table_size (self->pending) > 0)
    write_pending (self, NULL);
  g_clear_handle_id (&self->timeout_id, g_source_remove);

  G_OBJECT_CLASS (debrief_drafts_parent_class)->dispose (object);
}

static void
debrief_drafts_finalize (GObject *object)
{
  DebriefDrafts *self = DEBRIEF_DRAFTS (object);

  g_free (self->directory);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->on_disk, g_hash_table_unref);

  G_OBJECT_CLASS (debrief_drafts_parent_class)->finalize (object);
}

static void
debrief_drafts_class_init (DebriefDraftsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = debrief_drafts_dispose;
  object_class->finalize = debrief_drafts_finalize;

  /* A draft appeared on disk or went away (debrief_drafts_has changed). */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* A journal write failed: the UI shows the error; the copy stays in memory. */
  signals[WRITE_FAILED]
      = g_signal_new ("write-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                      NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ERROR);
}

static void
debrief_drafts_init (DebriefDrafts *self)
{
  self->delay_ms = DEBRIEF_DRAFTS_DEFAULT_DELAY_MS;
  self->pending
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) pending_free);
  self->on_disk = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

DebriefDrafts *
debrief_drafts_new (const char *directory)
{
  DebriefDrafts *self;

  g_return_val_if_fail (directory != NULL, NULL);

  self = g_object_new (DEBRIEF_TYPE_DRAFTS, NULL);
  self->directory = g_strdup (directory);
  debrief_store_remove_stale_temporaries (directory);
  scan_directory (self);
  return self;
}

const char *
debrief_drafts_get_directory (DebriefDrafts *self)
{
  g_return_val_if_fail (DEBRIEF_IS_DRAFTS (self), NULL);
  return self->directory;
}

void
debrief_drafts_set_delay (DebriefDrafts *self, guint delay_ms)
{
  g_return_if_fail (DEBRIEF_IS_DRAFTS (self));
  self->delay_ms = delay_ms;
}

void
debrief_drafts_update (DebriefDrafts *self, OgPostmortem *base, OgPostmortem *working)
{
  Pending *pending;
  const char *id;

  g_return_if_fail (DEBRIEF_IS_DRAFTS (self));
  g_return_if_fail (base == NULL || OG_IS_POSTMORTEM (base));
  g_return_if_fail (OG_IS_POSTMORTEM (working));
  g_return_if_fail (og_postmortem_get_id (working) != NULL);

  id = og_postmortem_get_id (working);
  pending = g_new0 (Pending, 1);
  pending->base = base != NULL ? g_object_ref (base) : NULL;
  pending->working = g_object_ref (working);
  g_hash_table_replace (self->pending, g_strdup (id), pending);

  /* Not reset by later changes: a user who never pauses still has every word at most
   * delay_ms old on disk. */
  if (self->timeout_id == 0)
    self->timeout_id = g_timeout_add (self->delay_ms, on_timeout, self);
}

gboolean
debrief_drafts_flush (DebriefDrafts *self, GError **error)
{
  g_return_val_if_fail (DEBRIEF_IS_DRAFTS (self), FALSE);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  return write_pending (self, error);
}

gboolean
debrief_drafts_is_pending (DebriefDrafts *self, const char *id)
{
  g_return_val_if_fail (DEBRIEF_IS_DRAFTS (self), FALSE);
  return g_hash_table_contains (self->pending, id);
}

gboolean
debrief_drafts_has (DebriefDrafts *self, const char *id)
{
  g_return_val_if_fail (DEBRIEF_IS_DRAFTS (self), FALSE);
  return g_hash_table_contains (self->pending, id) || g_hash_table_contains (self->on_disk, id);
}

GStrv
debrief_drafts_dup_ids (DebriefDrafts *self)
{
  g_autoptr (GHashTable) all = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) ids = NULL;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (DEBRIEF_IS_DRAFTS (self), NULL);

  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (all, key);
  g_hash_table_iter_init (&iter, self->on_disk);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (all, key);

  ids = dup_keys (all);
  g_ptr_array_sort (ids, compare_strings);
  g_ptr_array_set_free_func (ids, NULL);
  g_ptr_array_add (ids, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}
