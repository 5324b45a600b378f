/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "og-client.h"
#include "og-postmortem.h"

G_BEGIN_DECLS

/*
 * How to save an edited postmortem (DESIGN.md, "Saving without losing anything"), as pure
 * logic: from the base (last fetched), the working copy (what the user sees) and the server
 * copy fetched just before saving, the partial updates to send — one per field the user
 * changed, status first when leaving published and last when entering it — and the fields
 * both the user and someone else changed (conflicts, to resolve before they are sent).
 * A field only the server changed is taken into the target silently.
 *
 * debrief_save_plan_run_async carries the steps out (in debrief-save-plan-run.c) and records
 * each outcome; debrief_save_plan_apply then gives the new base and working copy: what
 * failed stays unsaved, with its error.
 */
#define DEBRIEF_TYPE_SAVE_PLAN (debrief_save_plan_get_type ())
G_DECLARE_FINAL_TYPE (DebriefSavePlan, debrief_save_plan, DEBRIEF, SAVE_PLAN, GObject)

typedef enum
{
  DEBRIEF_CONFLICT_UNRESOLVED,
  DEBRIEF_CONFLICT_KEEP_MINE,   /* send the user's value over the server's */
  DEBRIEF_CONFLICT_TAKE_THEIRS, /* drop the user's change, take the server's value */
} DebriefConflictChoice;

typedef enum
{
  DEBRIEF_STEP_NOT_RUN,
  DEBRIEF_STEP_SUCCEEDED,
  DEBRIEF_STEP_FAILED,
} DebriefStepOutcome;

typedef struct
{
  OgPostmortemField field;
  /* The values each side would send (the partial update's member: for the two ADF fields
   * the document as a JSON string), and the base's. */
  JsonNode *mine;
  JsonNode *theirs;
  JsonNode *base;
  DebriefConflictChoice choice;
} DebriefSaveConflict;

/* @server may be NULL (no fresh copy: the plan then trusts the base). */
DebriefSavePlan *
debrief_save_plan_new (OgPostmortem *base, OgPostmortem *working, OgPostmortem *server);

guint debrief_save_plan_get_n_conflicts (DebriefSavePlan *self);
const DebriefSaveConflict *debrief_save_plan_get_conflict (DebriefSavePlan *self, guint index);
/* Resolves the conflict on @field; the steps and target follow. FALSE if @field has none. */
gboolean debrief_save_plan_resolve (DebriefSavePlan *self,
                                    OgPostmortemField field,
                                    DebriefConflictChoice choice);
gboolean debrief_save_plan_has_unresolved_conflicts (DebriefSavePlan *self);

/* The working copy with the server's changes taken in: what the steps send. */
OgPostmortem *debrief_save_plan_get_target (DebriefSavePlan *self);

guint debrief_save_plan_get_n_steps (DebriefSavePlan *self);
OgPostmortemField debrief_save_plan_get_step (DebriefSavePlan *self, guint index);
/* FALSE when a step this one needs did not succeed: entering published waits for every
 * other field (a published postmortem refuses them), and after leaving published every step
 * waits for the status. */
gboolean debrief_save_plan_may_run (DebriefSavePlan *self, guint index);
void debrief_save_plan_set_outcome (DebriefSavePlan *self,
                                    guint index,
                                    DebriefStepOutcome outcome,
                                    const GError *error);
DebriefStepOutcome debrief_save_plan_get_outcome (DebriefSavePlan *self, guint index);
/* The error of a failed step, or the one that stopped the run before it; NULL otherwise. */
const GError *debrief_save_plan_get_step_error (DebriefSavePlan *self, guint index);

/* After the steps: the new base (the server copy plus every field saved) and the new
 * working copy (the target: unsaved and unresolved fields keep the user's value). */
void debrief_save_plan_apply (DebriefSavePlan *self,
                              OgPostmortem **new_base,
                              OgPostmortem **new_working);
/* The fields that differ between the new base and working copy after apply, in field
 * order: what the UI marks unsaved. */
GArray *debrief_save_plan_get_unsaved_fields (DebriefSavePlan *self);

/* Told after each step, sent or not: @n_done of the plan's steps are over. */
typedef void (*DebriefSavePlanProgress) (DebriefSavePlan *plan, guint n_done, gpointer user_data);

/* Runs the steps in order through @client, one partial update each from the target, and
 * records every outcome. A step debrief_save_plan_may_run refuses is not sent. A failure that
 * got no answer (offline, a timeout, TLS, a refused key, cancellation) stops the run: the
 * steps after it are not sent and record that error. @progress (may be NULL) is called with
 * @progress_data, which must outlive the run, after each step. TRUE when every step
 * succeeded; otherwise FALSE with the error that stopped the run, or else the first failure
 * (the others are in the plan). Fields in unresolved conflicts are not steps: they are not
 * sent and stay unsaved. */
void debrief_save_plan_run_async (DebriefSavePlan *self,
                                  OgClient *client,
                                  const char *actor_user_id,
                                  GCancellable *cancellable,
                                  DebriefSavePlanProgress progress,
                                  gpointer progress_data,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data);
gboolean debrief_save_plan_run_finish (DebriefSavePlan *self, GAsyncResult *result, GError **error);

G_END_DECLS
