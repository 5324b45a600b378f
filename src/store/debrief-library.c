/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-library"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-library.h"

#include "debrief-library-entry-private.h"
#include "debrief-library-private.h"
#include "debrief-store-io.h"

#define INDEX_NAME "library.index"

struct _DebriefLibrary
{
  GObject parent_instance;

  char *directory;
  char *index_path;
  DebriefCache *cache;
  DebriefDrafts *drafts;
  GPtrArray *entries; /* DebriefLibraryEntry, model order */
  GHashTable *by_id;  /* entry->id → entry */
  gboolean dirty;
  /* The index exists but could not be read (not damaged: unreadable). Saving would replace
   * it with what little is in memory, so saving waits for a load that works. */
  gboolean unreadable;
};

enum
{
  STORE_ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DebriefLibrary,
                               debrief_library,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
list_model_get_item_type (GListModel *model)
{
  return DEBRIEF_TYPE_LIBRARY_ENTRY;
}

static guint
list_model_get_n_items (GListModel *model)
{
  return DEBRIEF_LIBRARY (model)->entries->len;
}

static gpointer
list_model_get_item (GListModel *model, guint position)
{
  DebriefLibrary *self = DEBRIEF_LIBRARY (model);

  if (position >= self->entries->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->entries, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_model_get_item_type;
  iface->get_n_items = list_model_get_n_items;
  iface->get_item = list_model_get_item;
}

void
_debrief_library_entry_changed (DebriefLibrary *self, DebriefLibraryEntry *entry)
{
  guint position;

  self->dirty = TRUE;
  _debrief_library_entry_notify_all (entry);
  /* So that filter and sort models look at the row again. */
  if (g_ptr_array_find (self->entries, entry, &position))
    g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}

static void
set_has_draft (DebriefLibrary *self, const char *id, gboolean has_draft)
{
  DebriefLibraryEntry *entry = debrief_library_lookup (self, id);

  if (entry == NULL && !has_draft)
    return;
  /* A draft is never hidden: it gets an entry even when the index lost it. */
  if (entry == NULL)
    entry = debrief_library_add (self, id);
  if (entry->has_draft == (guint) has_draft)
    return;
  entry->has_draft = has_draft;
  _debrief_library_entry_changed (self, entry);
}

static void
on_drafts_changed (DebriefDrafts *drafts, const char *id, gpointer user_data)
{
  DebriefLibrary *self = user_data;

  set_has_draft (self, id, debrief_drafts_has (drafts, id));
}

static void
debrief_library_dispose (GObject *object)
{
  DebriefLibrary *self = DEBRIEF_LIBRARY (object);

  /* Closing is a moment to keep what changed; a failure was shown when it first happened
   * (each operation saves), here it can only be logged. */
  if (self->dirty && !self->unreadable && self->index_path != NULL)
    {
      g_autoptr (GError) error = NULL;

      if (!debrief_library_save (self, &error))
        g_message ("library not saved at close: %s", error->message);
    }
  g_clear_object (&self->drafts);
  g_clear_object (&self->cache);

  G_OBJECT_CLASS (debrief_library_parent_class)->dispose (object);
}

static void
debrief_library_finalize (GObject *object)
{
  DebriefLibrary *self = DEBRIEF_LIBRARY (object);

  g_free (self->directory);
  g_free (self->index_path);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (debrief_library_parent_class)->finalize (object);
}

static void
debrief_library_class_init (DebriefLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = debrief_library_dispose;
  object_class->finalize = debrief_library_finalize;

  signals[STORE_ERROR] = g_signal_new ("store-error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
debrief_library_init (DebriefLibrary *self)
{
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

DebriefLibrary *
debrief_library_new_for_directory (const char *directory)
{
  DebriefLibrary *self;
  g_autofree char *cache_dir = NULL;
  g_autofree char *drafts_dir = NULL;

  g_return_val_if_fail (directory != NULL, NULL);

  self = g_object_new (DEBRIEF_TYPE_LIBRARY, NULL);
  self->directory = g_strdup (directory);
  self->index_path = g_build_filename (directory, INDEX_NAME, NULL);
  cache_dir = g_build_filename (directory, "cache", NULL);
  drafts_dir = g_build_filename (directory, "drafts", NULL);
  self->cache = debrief_cache_new (cache_dir);
  self->drafts = debrief_drafts_new (drafts_dir);
  g_signal_connect_object (self->drafts, "changed", G_CALLBACK (on_drafts_changed), self, 0);

  return self;
}

DebriefLibrary *
debrief_library_new (const char *account_id)
{
  g_autofree char *name = NULL;
  g_autofree char *directory = NULL;

  g_return_val_if_fail (account_id != NULL && *account_id != '\0', NULL);

  name = debrief_store_escape_name (account_id);
  directory = g_build_filename (g_get_user_data_dir (), "debrief", name, NULL);
  return debrief_library_new_for_directory (directory);
}

const char *
debrief_library_get_directory (DebriefLibrary *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY (self), NULL);
  return self->directory;
}

DebriefCache *
debrief_library_get_cache (DebriefLibrary *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY (self), NULL);
  return self->cache;
}

DebriefDrafts *
debrief_library_get_drafts (DebriefLibrary *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY (self), NULL);
  return self->drafts;
}

static void
replace_entries (DebriefLibrary *self, GPtrArray *entries)
{
  guint removed = self->entries->len;

  g_hash_table_remove_all (self->by_id);
  g_ptr_array_unref (self->entries);
  self->entries = g_ptr_array_ref (entries);
  for (guint i = 0; i < entries->len; i++)
    {
      DebriefLibraryEntry *entry = g_ptr_array_index (entries, i);

      g_hash_table_insert (self->by_id, entry->id, entry);
    }
  if (removed > 0 || entries->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, entries->len);
}

static void
sync_drafts (DebriefLibrary *self)
{
  g_auto (GStrv) ids = debrief_drafts_dup_ids (self->drafts);

  for (guint i = 0; i < self->entries->len; i++)
    {
      DebriefLibraryEntry *entry = g_ptr_array_index (self->entries, i);

      if (entry->has_draft && !debrief_drafts_has (self->drafts, entry->id))
        set_has_draft (self, entry->id, FALSE);
    }
  for (guint i = 0; ids[i] != NULL; i++)
    set_has_draft (self, ids[i], TRUE);
}

gboolean
debrief_library_load (DebriefLibrary *self, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autofree char *contents = NULL;
  const char *reason = NULL;
  gsize length = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (DEBRIEF_IS_LIBRARY (self), FALSE);

  debrief_store_remove_stale_temporaries (self->directory);
  self->unreadable = FALSE;

  if (!debrief_store_read (self->index_path, DEBRIEF_STORE_MAX_FILE_SIZE, &contents, &length,
                           &local_error))
    {
      if (g_error_matches (local_error, DEBRIEF_STORE_ERROR, DEBRIEF_STORE_ERROR_CORRUPT))
        {
          /* moved aside already: a new index may take its place */
          g_propagate_error (error, g_steal_pointer (&local_error));
          ok = FALSE;
        }
      else if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          self->unreadable = TRUE;
          g_propagate_error (error, g_steal_pointer (&local_error));
          ok = FALSE;
        }
    }
  else if ((entries = _debrief_library_index_parse (contents, length, &reason)) == NULL)
    {
      debrief_store_reject (self->index_path, reason, error);
      ok = FALSE;
    }

  if (entries == NULL)
    entries = g_ptr_array_new_with_free_func (g_object_unref);
  replace_entries (self, entries);
  self->dirty = FALSE;
  sync_drafts (self);

  return ok;
}

gboolean
debrief_library_save (DebriefLibrary *self, GError **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (DEBRIEF_IS_LIBRARY (self), FALSE);

  if (self->unreadable)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _ ("The library was not saved: its index could not be read, and saving now "
                      "would replace it."));
      return FALSE;
    }

  data = _debrief_library_index_serialize (self->entries, &length);
  if (!debrief_store_write_atomic (self->index_path, data, length, error))
    return FALSE;

  self->dirty = FALSE;
  return TRUE;
}

gboolean
debrief_library_is_dirty (DebriefLibrary *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY (self), FALSE);
  return self->dirty;
}

DebriefLibraryEntry *
debrief_library_lookup (DebriefLibrary *self, const char *id)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, id);
}

DebriefLibraryEntry *
debrief_library_add (DebriefLibrary *self, const char *id)
{
  DebriefLibraryEntry *entry;

  g_return_val_if_fail (DEBRIEF_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (id != NULL && *id != '\0', NULL);

  entry = g_hash_table_lookup (self->by_id, id);
  if (entry != NULL)
    return entry;

  entry = _debrief_library_entry_new (id);
  entry->has_draft = debrief_drafts_has (self->drafts, id);
  g_ptr_array_add (self->entries, entry);
  g_hash_table_insert (self->by_id, entry->id, entry);
  self->dirty = TRUE;
  g_list_model_items_changed (G_LIST_MODEL (self), self->entries->len - 1, 0, 1);

  return entry;
}

gboolean
debrief_library_remove (DebriefLibrary *self, const char *id)
{
  DebriefLibraryEntry *entry;
  guint position;

  g_return_val_if_fail (DEBRIEF_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  entry = g_hash_table_lookup (self->by_id, id);
  if (entry == NULL || !g_ptr_array_find (self->entries, entry, &position))
    return FALSE;

  g_hash_table_remove (self->by_id, id);
  g_ptr_array_remove_index (self->entries, position);
  self->dirty = TRUE;
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);

  return TRUE;
}

GPtrArray *
debrief_library_filter (DebriefLibrary *self, const char *needle)
{
  g_autofree char *folded = NULL;
  GPtrArray *matches;

  g_return_val_if_fail (DEBRIEF_IS_LIBRARY (self), NULL);

  folded = _debrief_fold (needle);
  matches = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->entries->len; i++)
    {
      DebriefLibraryEntry *entry = g_ptr_array_index (self->entries, i);

      if (debrief_library_entry_matches (entry, folded))
        g_ptr_array_add (matches, g_object_ref (entry));
    }

  return matches;
}

void
_debrief_library_emit_store_error (DebriefLibrary *self, const GError *error)
{
  g_signal_emit (self, signals[STORE_ERROR], 0, error);
}
