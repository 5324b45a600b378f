/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-edit-session"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-edit-session.h"

#include "debrief-edit-session-private.h"

/* DebriefEditSession: save (one partial update per changed field, as the DebriefSavePlan
 * orders them) and the conflicts it finds. */

#define properties _debrief_edit_session_properties

typedef struct
{
  DebriefSavePlan *plan;
  OgPostmortem *snapshot; /* the working copy when the save started */
  OgPostmortem *server;
} Save;

static void
save_free (Save *save)
{
  g_clear_object (&save->plan);
  g_clear_object (&save->snapshot);
  g_clear_object (&save->server);
  g_free (save);
}

static void
clear_conflicts (DebriefEditSession *self)
{
  g_clear_object (&self->conflicts_plan);
  g_clear_object (&self->conflicts_server);
}

/* After the run (@run_error: why it did not save everything): the new base, the working copy
 * (fields the user edited while the save ran keep the newer words), every field's outcome,
 * cache, library and draft. */
static void
finish_run (DebriefEditSession *self, GTask *task, const GError *run_error)
{
  Save *save = g_task_get_task_data (task);
  g_autoptr (OgPostmortem) new_base = NULL;
  g_autoptr (OgPostmortem) target = NULL;
  g_autoptr (GString) unsaved = g_string_new (NULL);
  guint n_steps = debrief_save_plan_get_n_steps (save->plan);

  debrief_save_plan_apply (save->plan, &new_base, &target);
  _debrief_edit_session_set_base (self, new_base);
  for (guint f = 0; f < OG_N_POSTMORTEM_FIELDS; f++)
    if (og_postmortem_field_equal (self->working, save->snapshot, f))
      _debrief_edit_session_take_field (self, target, f);

  for (guint i = 0; i < n_steps; i++)
    {
      OgPostmortemField field = debrief_save_plan_get_step (save->plan, i);
      const GError *error = debrief_save_plan_get_step_error (save->plan, i);
      g_autoptr (GError) skipped = NULL;

      if (debrief_save_plan_get_outcome (save->plan, i) == DEBRIEF_STEP_SUCCEEDED)
        {
          _debrief_edit_session_set_field_error (self, field, NULL);
          continue;
        }

      /* Not sent, and not for a stop (which the plan records): a step it waited for failed. */
      if (error == NULL)
        error = skipped = g_error_new_literal (
            DEBRIEF_EDIT_SESSION_ERROR, DEBRIEF_EDIT_SESSION_ERROR_SKIPPED,
            field == OG_POSTMORTEM_FIELD_STATUS
                ? _ ("Not sent: publishing waits until every other change is saved")
                : _ ("Not sent: it waits for the status change, which was not saved"));
      _debrief_edit_session_set_field_error (self, field, error);
      g_string_append_printf (unsaved, "%s%s", unsaved->len > 0 ? ", " : "",
                              debrief_edit_session_field_label (field));
    }

  _debrief_edit_session_update_states (self);
  _debrief_edit_session_record_saved (self);
  _debrief_edit_session_journal (self);
  _debrief_edit_session_set_flag (self, PROP_SAVING, FALSE);

  if (g_error_matches (run_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_error (task, g_error_copy (run_error));
  else if (unsaved->len > 0)
    g_task_return_new_error (task, DEBRIEF_EDIT_SESSION_ERROR, DEBRIEF_EDIT_SESSION_ERROR_NOT_SAVED,
                             /* Translators: %s lists fields, "Title, Content" */
                             _ ("Not saved: %s"), unsaved->str);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_step_over (DebriefSavePlan *plan, guint n_done, gpointer user_data)
{
  DebriefEditSession *self = user_data;

  _debrief_edit_session_set_uint (self, &self->n_steps_done, n_done, PROP_N_STEPS_DONE);
}

static void
on_run_done (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;

  debrief_save_plan_run_finish (DEBRIEF_SAVE_PLAN (object), result, &error);
  finish_run (g_task_get_source_object (task), task, error);
}

static void
on_server_fetched (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  DebriefEditSession *self = g_task_get_source_object (task);
  Save *save = g_task_get_task_data (task);
  GCancellable *cancellable;
  g_autoptr (GError) error = NULL;

  save->server = og_client_get_postmortem_finish (OG_CLIENT (object), result, &error);
  if (save->server == NULL)
    {
      /* Nothing was sent: the working copy and its draft stay as they are. */
      _debrief_edit_session_set_flag (self, PROP_SAVING, FALSE);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  save->plan = debrief_save_plan_new (self->base, save->snapshot, save->server);
  if (debrief_save_plan_get_n_conflicts (save->plan) > 0)
    {
      guint n = debrief_save_plan_get_n_conflicts (save->plan);

      self->conflicts_plan = g_object_ref (save->plan);
      self->conflicts_server = g_object_ref (save->server);
      _debrief_edit_session_update_states (self);
      _debrief_edit_session_set_flag (self, PROP_SAVING, FALSE);
      g_task_return_new_error (task, DEBRIEF_EDIT_SESSION_ERROR,
                               DEBRIEF_EDIT_SESSION_ERROR_CONFLICTS,
                               g_dngettext (GETTEXT_PACKAGE,
                                            "Someone else changed a field you changed: choose "
                                            "which version to keep",
                                            "Someone else changed %u fields you changed: choose "
                                            "which versions to keep",
                                            n),
                               n);
      return;
    }

  _debrief_edit_session_set_uint (self, &self->n_steps, debrief_save_plan_get_n_steps (save->plan),
                                  PROP_N_STEPS);
  /* The task holds the session, which progress is told to, until the run is over. */
  cancellable = g_task_get_cancellable (task);
  debrief_save_plan_run_async (save->plan, self->client, self->actor_user_id, cancellable,
                               on_step_over, self, on_run_done, g_steal_pointer (&task));
}

void
debrief_edit_session_save_async (DebriefEditSession *self,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  Save *save;

  g_return_if_fail (DEBRIEF_IS_EDIT_SESSION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, debrief_edit_session_save_async);

  if (self->closed || self->working == NULL)
    {
      g_task_return_new_error (task, DEBRIEF_EDIT_SESSION_ERROR,
                               DEBRIEF_EDIT_SESSION_ERROR_NOT_OPEN,
                               _ ("There is no postmortem to save"));
      return;
    }
  if (self->saving)
    {
      g_task_return_new_error (task, DEBRIEF_EDIT_SESSION_ERROR, DEBRIEF_EDIT_SESSION_ERROR_BUSY,
                               _ ("A save is already running"));
      return;
    }
  if (!self->dirty)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  save = g_new0 (Save, 1);
  save->snapshot = og_postmortem_copy (self->working);
  g_task_set_task_data (task, save, (GDestroyNotify) save_free);

  /* Conflicts found by an earlier save were resolved into the base (see resolve_conflict):
   * the new plan looks at the server afresh. */
  clear_conflicts (self);
  _debrief_edit_session_set_uint (self, &self->n_steps, 0, PROP_N_STEPS);
  _debrief_edit_session_set_uint (self, &self->n_steps_done, 0, PROP_N_STEPS_DONE);
  _debrief_edit_session_set_flag (self, PROP_SAVING, TRUE);
  og_client_get_postmortem_async (self->client, self->id, cancellable, on_server_fetched,
                                  g_steal_pointer (&task));
}

gboolean
debrief_edit_session_save_finish (DebriefEditSession *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Conflicts */

guint
debrief_edit_session_get_n_conflicts (DebriefEditSession *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EDIT_SESSION (self), 0);
  return self->conflicts_plan ? debrief_save_plan_get_n_conflicts (self->conflicts_plan) : 0;
}

const DebriefSaveConflict *
debrief_edit_session_get_conflict (DebriefEditSession *self, guint index)
{
  g_return_val_if_fail (DEBRIEF_IS_EDIT_SESSION (self), NULL);
  g_return_val_if_fail (index < debrief_edit_session_get_n_conflicts (self), NULL);
  return debrief_save_plan_get_conflict (self->conflicts_plan, index);
}

gboolean
debrief_edit_session_resolve_conflict (DebriefEditSession *self,
                                       OgPostmortemField field,
                                       DebriefConflictChoice choice)
{
  g_autoptr (OgPostmortem) base = NULL;

  g_return_val_if_fail (DEBRIEF_IS_EDIT_SESSION (self), FALSE);
  g_return_val_if_fail (field < OG_N_POSTMORTEM_FIELDS, FALSE);
  g_return_val_if_fail (choice != DEBRIEF_CONFLICT_UNRESOLVED, FALSE);

  if (self->conflicts_plan == NULL
      || !debrief_save_plan_resolve (self->conflicts_plan, field, choice))
    return FALSE;

  /* Resolving is rebasing that field onto the server's value: kept, the user's value then
   * differs from the base only and the next save sends it; taken, nothing differs. */
  base = og_postmortem_copy (self->base);
  og_postmortem_copy_field (base, self->conflicts_server, field);
  _debrief_edit_session_set_base (self, base);
  if (choice == DEBRIEF_CONFLICT_TAKE_THEIRS)
    _debrief_edit_session_take_field (self, self->conflicts_server, field);

  _debrief_edit_session_update_states (self);
  _debrief_edit_session_journal (self);
  return TRUE;
}
