/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-cache"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-cache.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "debrief-store-io.h"

struct _DebriefCache
{
  GObject parent_instance;

  char *directory;
};

G_DEFINE_FINAL_TYPE (DebriefCache, debrief_cache, G_TYPE_OBJECT)

static char *
path_for (DebriefCache *self, const char *id)
{
  g_autofree char *name = debrief_store_escape_name (id);
  g_autofree char *file = g_strconcat (name, ".json", NULL);

  return g_build_filename (self->directory, file, NULL);
}

static void
debrief_cache_finalize (GObject *object)
{
  DebriefCache *self = DEBRIEF_CACHE (object);

  g_free (self->directory);

  G_OBJECT_CLASS (debrief_cache_parent_class)->finalize (object);
}

static void
debrief_cache_class_init (DebriefCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = debrief_cache_finalize;
}

static void
debrief_cache_init (DebriefCache *self)
{
}

DebriefCache *
debrief_cache_new (const char *directory)
{
  DebriefCache *self;

  g_return_val_if_fail (directory != NULL, NULL);

  self = g_object_new (DEBRIEF_TYPE_CACHE, NULL);
  self->directory = g_strdup (directory);
  debrief_store_remove_stale_temporaries (directory);
  return self;
}

const char *
debrief_cache_get_directory (DebriefCache *self)
{
  g_return_val_if_fail (DEBRIEF_IS_CACHE (self), NULL);
  return self->directory;
}

gboolean
debrief_cache_store (DebriefCache *self,
                     OgPostmortem *postmortem,
                     GDateTime *fetched_at,
                     GError **error)
{
  g_autoptr (JsonObject) object = json_object_new ();
  g_autofree char *path = NULL;
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (DEBRIEF_IS_CACHE (self), FALSE);
  g_return_val_if_fail (OG_IS_POSTMORTEM (postmortem), FALSE);
  g_return_val_if_fail (og_postmortem_get_id (postmortem) != NULL, FALSE);
  g_return_val_if_fail (fetched_at != NULL, FALSE);

  path = path_for (self, og_postmortem_get_id (postmortem));
  stamp = g_date_time_format_iso8601 (fetched_at);
  json_object_set_string_member (object, "fetchedAt", stamp);
  json_object_set_member (object, "postmortem", og_postmortem_to_json (postmortem));

  return debrief_store_save_json_object (path, object, error);
}

OgPostmortem *
debrief_cache_load (DebriefCache *self, const char *id, GDateTime **fetched_at, GError **error)
{
  g_autoptr (JsonObject) object = NULL;
  g_autoptr (GDateTime) stamp = NULL;
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *path = NULL;
  JsonNode *member;

  g_return_val_if_fail (DEBRIEF_IS_CACHE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  path = path_for (self, id);
  object = debrief_store_load_json_object (path, error);
  if (object == NULL)
    return NULL;

  member = json_object_get_member (object, "fetchedAt");
  if (member != NULL && JSON_NODE_HOLDS_VALUE (member)
      && json_node_get_value_type (member) == G_TYPE_STRING)
    stamp = g_date_time_new_from_iso8601 (json_node_get_string (member), NULL);
  if (stamp == NULL)
    {
      debrief_store_reject (path, _ ("no time of fetch"), error);
      return NULL;
    }

  member = json_object_get_member (object, "postmortem");
  if (member == NULL || (postmortem = og_postmortem_new_from_json (member, &local_error)) == NULL)
    {
      debrief_store_reject (path, local_error ? local_error->message : _ ("no postmortem"), error);
      return NULL;
    }

  if (g_strcmp0 (og_postmortem_get_id (postmortem), id) != 0)
    {
      debrief_store_reject (path, _ ("another postmortem’s copy"), error);
      return NULL;
    }

  if (fetched_at != NULL)
    *fetched_at = g_steal_pointer (&stamp);
  return g_steal_pointer (&postmortem);
}

gboolean
debrief_cache_contains (DebriefCache *self, const char *id)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (DEBRIEF_IS_CACHE (self), FALSE);

  path = path_for (self, id);
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

gboolean
debrief_cache_remove (DebriefCache *self, const char *id, GError **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (DEBRIEF_IS_CACHE (self), FALSE);

  path = path_for (self, id);
  if (g_unlink (path) < 0 && errno != ENOENT)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _ ("Could not remove “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}
