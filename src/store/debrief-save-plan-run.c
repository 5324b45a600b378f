/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-save-plan"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-save-plan.h"

#include "og-error.h"

/* DebriefSavePlan carried out: the steps one after the other (their order is the point),
 * each outcome recorded on the plan. The planning itself is in debrief-save-plan.c. */

typedef struct
{
  OgClient *client;
  char *actor_user_id;
  DebriefSavePlanProgress progress;
  gpointer progress_data;
  guint next;
  GError *first_error;
  GError *stop; /* the failure that makes the rest pointless (offline), or cancellation */
} Run;

static void
run_free (Run *run)
{
  g_clear_object (&run->client);
  g_free (run->actor_user_id);
  g_clear_error (&run->first_error);
  g_clear_error (&run->stop);
  g_free (run);
}

/* The request never got an answer: the next ones would not either. */
static gboolean
stops_the_run (const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return TRUE;
  if (error->domain != OG_ERROR)
    return FALSE;

  switch (error->code)
    {
    case OG_ERROR_NETWORK:
    case OG_ERROR_TIMEOUT:
    case OG_ERROR_TLS:
    case OG_ERROR_UNAUTHORIZED:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The step run->next is over, sent or not. */
static void
step_over (GTask *task)
{
  DebriefSavePlan *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);

  run->next++;
  if (run->progress != NULL)
    run->progress (self, run->next, run->progress_data);
}

static void run_next (GTask *task);

static void
on_step_done (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  DebriefSavePlan *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;

  if (og_client_update_field_finish (OG_CLIENT (object), result, &error))
    {
      debrief_save_plan_set_outcome (self, run->next, DEBRIEF_STEP_SUCCEEDED, NULL);
    }
  else
    {
      g_debug ("saving %s failed: %s",
               og_postmortem_field_to_string (debrief_save_plan_get_step (self, run->next)),
               error->message);
      debrief_save_plan_set_outcome (self, run->next, DEBRIEF_STEP_FAILED, error);
      if (run->first_error == NULL)
        run->first_error = g_error_copy (error);
      if (stops_the_run (error))
        run->stop = g_steal_pointer (&error);
    }

  step_over (task);
  run_next (g_steal_pointer (&task));
}

static void
run_next (GTask *task)
{
  DebriefSavePlan *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  guint n_steps = debrief_save_plan_get_n_steps (self);

  /* A step that cannot succeed is not sent: it stays unsaved. After a stop, nothing more is
   * sent, and each step left says why. */
  while (run->next < n_steps && (run->stop != NULL || !debrief_save_plan_may_run (self, run->next)))
    {
      if (run->stop != NULL)
        debrief_save_plan_set_outcome (self, run->next, DEBRIEF_STEP_NOT_RUN, run->stop);
      step_over (task);
    }

  if (run->next == n_steps)
    {
      if (run->stop != NULL)
        g_task_return_error (task, g_steal_pointer (&run->stop));
      else if (run->first_error != NULL)
        g_task_return_error (task, g_steal_pointer (&run->first_error));
      else
        g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  og_client_update_field_async (run->client, debrief_save_plan_get_target (self),
                                debrief_save_plan_get_step (self, run->next), run->actor_user_id,
                                g_task_get_cancellable (task), on_step_done, task);
}

void
debrief_save_plan_run_async (DebriefSavePlan *self,
                             OgClient *client,
                             const char *actor_user_id,
                             GCancellable *cancellable,
                             DebriefSavePlanProgress progress,
                             gpointer progress_data,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  GTask *task;
  Run *run;

  g_return_if_fail (DEBRIEF_IS_SAVE_PLAN (self));
  g_return_if_fail (OG_IS_CLIENT (client));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, debrief_save_plan_run_async);
  run = g_new0 (Run, 1);
  run->client = g_object_ref (client);
  run->actor_user_id = g_strdup (actor_user_id);
  run->progress = progress;
  run->progress_data = progress_data;
  g_task_set_task_data (task, run, (GDestroyNotify) run_free);

  run_next (task);
}

gboolean
debrief_save_plan_run_finish (DebriefSavePlan *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
