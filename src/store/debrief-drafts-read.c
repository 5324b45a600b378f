/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-drafts"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-drafts.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "debrief-drafts-private.h"
#include "debrief-store-io.h"

/* DebriefDrafts, the reading side: a draft back from disk (or memory), and discarding it. */

static GDateTime *
date_from_member (JsonObject *object, const char *member)
{
  const char *text = debrief_store_get_string (object, member);

  return text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}

static OgPostmortem *
read_postmortem (JsonObject *object, const char *member, gboolean nullable, GError **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (!nullable)
        g_set_error (error, DEBRIEF_STORE_ERROR, DEBRIEF_STORE_ERROR_CORRUPT, _ ("no %s copy"),
                     member);
      return NULL;
    }

  return og_postmortem_new_from_json (node, error);
}

gboolean
debrief_drafts_load (DebriefDrafts *self,
                     const char *id,
                     OgPostmortem **base,
                     OgPostmortem **working,
                     GDateTime **saved_at,
                     GError **error)
{
  g_autoptr (JsonObject) object = NULL;
  g_autoptr (OgPostmortem) loaded_base = NULL;
  g_autoptr (OgPostmortem) loaded_working = NULL;
  g_autoptr (GDateTime) stamp = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *path = NULL;
  Pending *pending;

  g_return_val_if_fail (DEBRIEF_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  /* Newer than the file: the words typed since the last write. */
  pending = g_hash_table_lookup (self->pending, id);
  if (pending != NULL)
    {
      if (base != NULL)
        *base = pending->base ? og_postmortem_copy (pending->base) : NULL;
      if (working != NULL)
        *working = og_postmortem_copy (pending->working);
      if (saved_at != NULL)
        *saved_at = g_date_time_new_now_utc ();
      return TRUE;
    }

  path = _debrief_drafts_path_for (self, id);
  object = debrief_store_load_json_object (path, &local_error);
  if (object == NULL)
    {
      if (g_error_matches (local_error, DEBRIEF_STORE_ERROR, DEBRIEF_STORE_ERROR_CORRUPT)
          && g_hash_table_remove (self->on_disk, id))
        _debrief_drafts_emit_changed (self, id);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (debrief_store_get_int (object, "version", 0) != DEBRIEF_DRAFT_VERSION)
    g_set_error (&local_error, DEBRIEF_STORE_ERROR, DEBRIEF_STORE_ERROR_CORRUPT,
                 _ ("unknown version"));
  else if (g_strcmp0 (debrief_store_get_string (object, "id"), id) != 0)
    g_set_error (&local_error, DEBRIEF_STORE_ERROR, DEBRIEF_STORE_ERROR_CORRUPT,
                 _ ("another postmortem’s draft"));
  else if ((stamp = date_from_member (object, "savedAt")) == NULL)
    g_set_error (&local_error, DEBRIEF_STORE_ERROR, DEBRIEF_STORE_ERROR_CORRUPT,
                 _ ("no time of writing"));
  else if ((loaded_working = read_postmortem (object, "working", FALSE, &local_error)) != NULL)
    loaded_base = read_postmortem (object, "base", TRUE, &local_error);

  if (local_error != NULL)
    {
      debrief_store_reject (path, local_error->message, error);
      if (g_hash_table_remove (self->on_disk, id))
        _debrief_drafts_emit_changed (self, id);
      return FALSE;
    }

  if (base != NULL)
    *base = g_steal_pointer (&loaded_base);
  if (working != NULL)
    *working = g_steal_pointer (&loaded_working);
  if (saved_at != NULL)
    *saved_at = g_steal_pointer (&stamp);
  return TRUE;
}

gboolean
debrief_drafts_discard (DebriefDrafts *self, const char *id, GError **error)
{
  g_autofree char *path = NULL;
  gboolean had;

  g_return_val_if_fail (DEBRIEF_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  path = _debrief_drafts_path_for (self, id);
  if (g_unlink (path) < 0 && errno != ENOENT)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      /* Still on disk: it would come back at the next start, so say so. */
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _ ("Could not remove the draft “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  had = g_hash_table_remove (self->pending, id);
  had = g_hash_table_remove (self->on_disk, id) || had;
  if (had)
    _debrief_drafts_emit_changed (self, id);
  return TRUE;
}
