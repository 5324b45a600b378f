/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-edit-session"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-edit-session.h"

#include "debrief-edit-session-private.h"

/* DebriefEditSession: the single requests — the published lock's revert, delete — and
 * creating a postmortem into a new session. */

#define properties _debrief_edit_session_properties

/* Revert (the published lock) */

static void
on_reverted (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  DebriefEditSession *self = g_task_get_source_object (task);
  OgPostmortem *sent = g_task_get_task_data (task);
  g_autoptr (OgPostmortem) base = NULL;
  g_autoptr (GError) error = NULL;
  gboolean working_was_published;

  _debrief_edit_session_set_flag (self, PROP_SAVING, FALSE);
  if (!og_client_update_field_finish (OG_CLIENT (object), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  working_was_published
      = og_postmortem_get_status (self->working) == OG_POSTMORTEM_STATUS_PUBLISHED;
  base = og_postmortem_copy (self->base);
  og_postmortem_set_status (base, og_postmortem_get_status (sent));
  _debrief_edit_session_set_base (self, base);
  if (working_was_published)
    _debrief_edit_session_take_field (self, sent, OG_POSTMORTEM_FIELD_STATUS);

  _debrief_edit_session_update_states (self);
  _debrief_edit_session_record_saved (self);
  _debrief_edit_session_journal (self);
  g_task_return_boolean (task, TRUE);
}

void
debrief_edit_session_revert_to_in_review_async (DebriefEditSession *self,
                                                GCancellable *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  OgPostmortem *sent;

  g_return_if_fail (DEBRIEF_IS_EDIT_SESSION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, debrief_edit_session_revert_to_in_review_async);

  if (self->closed || self->base == NULL || self->saving)
    {
      g_task_return_new_error (task, DEBRIEF_EDIT_SESSION_ERROR,
                               self->saving ? DEBRIEF_EDIT_SESSION_ERROR_BUSY
                                            : DEBRIEF_EDIT_SESSION_ERROR_NOT_OPEN,
                               _ ("The postmortem cannot be changed now"));
      return;
    }

  sent = og_postmortem_copy (self->base);
  og_postmortem_set_status (sent, OG_POSTMORTEM_STATUS_IN_REVIEW);
  g_task_set_task_data (task, sent, g_object_unref);
  _debrief_edit_session_set_flag (self, PROP_SAVING, TRUE);
  og_client_update_field_async (self->client, sent, OG_POSTMORTEM_FIELD_STATUS, self->actor_user_id,
                                cancellable, on_reverted, g_steal_pointer (&task));
}

gboolean
debrief_edit_session_revert_to_in_review_finish (DebriefEditSession *self,
                                                 GAsyncResult *result,
                                                 GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Delete */

static void
on_deleted (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  DebriefEditSession *self = g_task_get_source_object (task);
  g_autoptr (GError) error = NULL;

  _debrief_edit_session_set_flag (self, PROP_SAVING, FALSE);
  if (!debrief_library_delete_finish (DEBRIEF_LIBRARY (object), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
debrief_edit_session_delete_async (DebriefEditSession *self,
                                   gboolean delete_timelines,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (DEBRIEF_IS_EDIT_SESSION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, debrief_edit_session_delete_async);

  if (self->closed || self->id == NULL || self->saving)
    {
      g_task_return_new_error (task, DEBRIEF_EDIT_SESSION_ERROR,
                               self->saving ? DEBRIEF_EDIT_SESSION_ERROR_BUSY
                                            : DEBRIEF_EDIT_SESSION_ERROR_NOT_OPEN,
                               _ ("The postmortem cannot be deleted now"));
      return;
    }

  /* Closed first: no journal write may bring back the draft the delete removes. */
  g_cancellable_cancel (self->open_cancellable);
  self->closed = TRUE;
  _debrief_edit_session_set_flag (self, PROP_SAVING, TRUE);
  debrief_library_delete_full_async (self->library, self->client, self->id, self->actor_user_id,
                                     delete_timelines, cancellable, on_deleted,
                                     g_steal_pointer (&task));
}

gboolean
debrief_edit_session_delete_finish (DebriefEditSession *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Create */

static void
on_created (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  DebriefEditSession *self = g_task_get_task_data (task);
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GError) error = NULL;

  postmortem = debrief_library_create_finish (DEBRIEF_LIBRARY (object), result, &error);
  if (postmortem == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  self->id = g_strdup (og_postmortem_get_id (postmortem));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSTMORTEM_ID]);
  _debrief_edit_session_show (self, postmortem, FALSE, now);
  g_task_return_pointer (task, g_object_ref (self), g_object_unref);
}

void
debrief_edit_session_create_async (DebriefLibrary *library,
                                   OgClient *client,
                                   const char *incident_id,
                                   const char *actor_user_id,
                                   const char *owner_id,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  GTask *task;

  g_return_if_fail (DEBRIEF_IS_LIBRARY (library));
  g_return_if_fail (OG_IS_CLIENT (client));
  g_return_if_fail (incident_id != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, debrief_edit_session_create_async);
  g_task_set_task_data (task, debrief_edit_session_new (library, client, actor_user_id),
                        g_object_unref);
  debrief_library_create_async (library, client, incident_id, actor_user_id, owner_id, cancellable,
                                on_created, task);
}

DebriefEditSession *
debrief_edit_session_create_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
