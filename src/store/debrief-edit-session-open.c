/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-edit-session"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-edit-session.h"

#include "debrief-edit-session-private.h"
#include "debrief-library-private.h"
#include "debrief-postmortem-ref.h"

/* DebriefEditSession: opening (the cache at once, then the fresh copy), the draft an earlier
 * session left (restore, discard) and closing. */

#define properties _debrief_edit_session_properties

void
_debrief_edit_session_clear_draft (DebriefEditSession *self)
{
  g_clear_object (&self->draft_base);
  g_clear_object (&self->draft_working);
  g_clear_pointer (&self->draft_saved_at, g_date_time_unref);
  _debrief_edit_session_set_flag (self, PROP_DRAFT_AVAILABLE, FALSE);
}

static gboolean
same_fields (OgPostmortem *a, OgPostmortem *b)
{
  for (guint f = 0; f < OG_N_POSTMORTEM_FIELDS; f++)
    if (!og_postmortem_field_equal (a, b, f))
      return FALSE;
  return TRUE;
}

/* A draft that holds what the server has already (a save that finished but whose draft was
 * not dropped) offers nothing to restore. */
static void
drop_draft_if_saved (DebriefEditSession *self)
{
  g_autoptr (GError) error = NULL;

  if (!self->draft_available || self->base == NULL
      || !same_fields (self->draft_working, self->base))
    return;

  g_debug ("the draft of %s holds what the server has: dropped", self->id);
  _debrief_edit_session_clear_draft (self);
  if (!debrief_drafts_discard (debrief_library_get_drafts (self->library), self->id, &error))
    _debrief_library_emit_store_error (self->library, error);
}

static void
load_draft (DebriefEditSession *self)
{
  DebriefDrafts *drafts = debrief_library_get_drafts (self->library);
  g_autoptr (GError) error = NULL;

  /* Once the user edits here, the journal holds this session's words, not an older draft. */
  if (self->draft_available || self->dirty || !debrief_drafts_has (drafts, self->id))
    return;

  if (!debrief_drafts_load (drafts, self->id, &self->draft_base, &self->draft_working,
                            &self->draft_saved_at, &error))
    {
      /* A damaged draft was moved aside: the library says so. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        _debrief_library_emit_store_error (self->library, error);
      return;
    }

  _debrief_edit_session_set_flag (self, PROP_DRAFT_AVAILABLE, TRUE);
  drop_draft_if_saved (self);
}

/* Open */

typedef struct
{
  GCancellable *caller;
  gulong handler;
} OpenLink;

static void
open_link_free (OpenLink *link)
{
  g_cancellable_disconnect (link->caller, link->handler);
  g_object_unref (link->caller);
  g_free (link);
}

static void
cancel_open (GCancellable *caller, gpointer user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static void
on_open_fetched (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  DebriefEditSession *self = g_task_get_source_object (task);
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (GDateTime) fetched_at = NULL;
  g_autoptr (GError) error = NULL;
  gboolean from_cache = FALSE;

  _debrief_edit_session_set_flag (self, PROP_LOADING, FALSE);
  postmortem = debrief_library_open_finish (DEBRIEF_LIBRARY (object), result, &from_cache, &error);
  if (postmortem == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (from_cache)
    {
      /* Offline: the cached copy is what there is; it is on screen already unless it
       * appeared between the start of the open and now. */
      if (self->base == NULL)
        {
          g_autoptr (OgPostmortem) cached = debrief_cache_load (
              debrief_library_get_cache (self->library), self->id, &fetched_at, NULL);

          _debrief_edit_session_show (self, cached ? cached : postmortem, TRUE, fetched_at);
        }
    }
  else
    {
      fetched_at = g_date_time_new_now_utc ();
      if (self->base == NULL)
        _debrief_edit_session_show (self, postmortem, FALSE, fetched_at);
      else
        {
          _debrief_edit_session_rebase (self, postmortem);
          _debrief_edit_session_set_fetched (self, FALSE, fetched_at);
        }
      drop_draft_if_saved (self);
    }

  g_task_return_boolean (task, TRUE);
}

void
debrief_edit_session_open_async (DebriefEditSession *self,
                                 const char *id_or_url,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  DebriefCache *cache;
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) fetched_at = NULL;
  g_autoptr (OgPostmortem) cached = NULL;
  g_autofree char *id = NULL;

  g_return_if_fail (DEBRIEF_IS_EDIT_SESSION (self));
  g_return_if_fail (id_or_url != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, debrief_edit_session_open_async);

  id = debrief_parse_postmortem_reference (id_or_url, NULL, &error);
  if (id == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* One postmortem per session: opening again refreshes it. */
  if (self->closed || (self->id != NULL && !g_str_equal (self->id, id)))
    {
      g_task_return_new_error (task, DEBRIEF_EDIT_SESSION_ERROR,
                               DEBRIEF_EDIT_SESSION_ERROR_NOT_OPEN,
                               _ ("This page is closed or shows another postmortem"));
      return;
    }
  if (self->id == NULL)
    {
      self->id = g_steal_pointer (&id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSTMORTEM_ID]);
    }

  cache = debrief_library_get_cache (self->library);
  if (self->base == NULL)
    {
      g_autoptr (GError) cache_error = NULL;

      cached = debrief_cache_load (cache, self->id, &fetched_at, &cache_error);
      if (cached != NULL)
        _debrief_edit_session_show (self, cached, TRUE, fetched_at);
      else if (!g_error_matches (cache_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        _debrief_library_emit_store_error (self->library, cache_error);
    }
  load_draft (self);

  /* The fetch stops when the caller cancels or the page closes. */
  if (g_cancellable_is_cancelled (self->open_cancellable))
    {
      g_object_unref (self->open_cancellable);
      self->open_cancellable = g_cancellable_new ();
    }
  if (cancellable != NULL)
    {
      OpenLink *link = g_new0 (OpenLink, 1);

      link->caller = g_object_ref (cancellable);
      link->handler = g_cancellable_connect (cancellable, G_CALLBACK (cancel_open),
                                             g_object_ref (self->open_cancellable), g_object_unref);
      g_task_set_task_data (task, link, (GDestroyNotify) open_link_free);
    }
  _debrief_edit_session_set_flag (self, PROP_LOADING, TRUE);
  debrief_library_open_async (self->library, self->client, self->id, self->open_cancellable,
                              on_open_fetched, g_steal_pointer (&task));
}

gboolean
debrief_edit_session_open_finish (DebriefEditSession *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Drafts and edits */

gboolean
debrief_edit_session_get_draft_available (DebriefEditSession *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EDIT_SESSION (self), FALSE);
  return self->draft_available;
}

GDateTime *
debrief_edit_session_get_draft_saved_at (DebriefEditSession *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EDIT_SESSION (self), NULL);
  return self->draft_saved_at;
}

gboolean
debrief_edit_session_restore_draft (DebriefEditSession *self, GError **error)
{
  g_autoptr (OgPostmortem) server = NULL;
  g_autoptr (OgPostmortem) draft_base = NULL;

  g_return_val_if_fail (DEBRIEF_IS_EDIT_SESSION (self), FALSE);

  if (!self->draft_available)
    {
      g_set_error_literal (error, DEBRIEF_EDIT_SESSION_ERROR, DEBRIEF_EDIT_SESSION_ERROR_NOT_OPEN,
                           _ ("There is no draft to restore"));
      return FALSE;
    }

  /* The draft was edited from its own base; what the server holds now (if known) is merged
   * in as a rebase, so that a field only someone else changed since is not sent back. */
  server = self->base ? g_object_ref (self->base) : NULL;
  /* A draft without its base was edited from what we know of the server, if anything. */
  if (self->draft_base != NULL)
    draft_base = og_postmortem_copy (self->draft_base);
  else
    draft_base = og_postmortem_copy (server != NULL ? server : self->draft_working);
  if (self->working == NULL)
    _debrief_edit_session_show (self, draft_base, self->from_cache, self->fetched_at);
  else
    _debrief_edit_session_set_base (self, draft_base);
  for (guint f = 0; f < OG_N_POSTMORTEM_FIELDS; f++)
    _debrief_edit_session_take_field (self, self->draft_working, f);
  if (server != NULL)
    _debrief_edit_session_rebase (self, server);
  else
    _debrief_edit_session_update_states (self);

  _debrief_edit_session_clear_draft (self);
  _debrief_edit_session_journal (self);
  return TRUE;
}

gboolean
debrief_edit_session_discard_draft (DebriefEditSession *self, GError **error)
{
  g_return_val_if_fail (DEBRIEF_IS_EDIT_SESSION (self), FALSE);

  _debrief_edit_session_clear_draft (self);
  if (self->id == NULL)
    return TRUE;
  return debrief_drafts_discard (debrief_library_get_drafts (self->library), self->id, error);
}

gboolean
debrief_edit_session_close (DebriefEditSession *self, GError **error)
{
  DebriefDrafts *drafts;

  g_return_val_if_fail (DEBRIEF_IS_EDIT_SESSION (self), FALSE);

  g_cancellable_cancel (self->open_cancellable);
  if (self->closed || self->id == NULL)
    return TRUE;
  self->closed = TRUE;

  drafts = debrief_library_get_drafts (self->library);
  if (!debrief_drafts_is_pending (drafts, self->id))
    return TRUE;
  return debrief_drafts_flush (drafts, error);
}
