/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-save-plan"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-save-plan.h"

typedef struct
{
  OgPostmortemField field;
  DebriefStepOutcome outcome;
  GError *error;
} Step;

struct _DebriefSavePlan
{
  GObject parent_instance;

  OgPostmortem *base;
  OgPostmortem *working;
  OgPostmortem *server; /* the base when no fresh copy was given */
  OgPostmortem *target;
  GArray *conflicts; /* DebriefSaveConflict */
  GArray *steps;     /* Step */
  gboolean leaving_published;
  gboolean entering_published;
};

G_DEFINE_FINAL_TYPE (DebriefSavePlan, debrief_save_plan, G_TYPE_OBJECT)

static JsonNode *
field_value (OgPostmortem *postmortem, OgPostmortemField field)
{
  g_autoptr (JsonNode) body = og_postmortem_build_field_body (postmortem, field, NULL);
  JsonNode *value
      = json_object_get_member (json_node_get_object (body), og_postmortem_field_to_string (field));

  return value ? json_node_copy (value) : json_node_new (JSON_NODE_NULL);
}

static void
conflict_clear (gpointer data)
{
  DebriefSaveConflict *conflict = data;

  g_clear_pointer (&conflict->mine, json_node_unref);
  g_clear_pointer (&conflict->theirs, json_node_unref);
  g_clear_pointer (&conflict->base, json_node_unref);
}

static void
step_clear (gpointer data)
{
  Step *step = data;

  g_clear_error (&step->error);
}

static DebriefSaveConflict *
find_conflict (DebriefSavePlan *self, OgPostmortemField field)
{
  for (guint i = 0; i < self->conflicts->len; i++)
    {
      DebriefSaveConflict *conflict = &g_array_index (self->conflicts, DebriefSaveConflict, i);

      if (conflict->field == field)
        return conflict;
    }
  return NULL;
}

static void
add_step (DebriefSavePlan *self, OgPostmortemField field)
{
  Step step = { field, DEBRIEF_STEP_NOT_RUN, NULL };

  g_array_append_val (self->steps, step);
}

/* Target and steps from the three versions and the conflicts' choices. */
static void
plan (DebriefSavePlan *self)
{
  OgPostmortemStatus current = og_postmortem_get_status (self->server);
  gboolean send[OG_N_POSTMORTEM_FIELDS] = { FALSE };

  g_clear_object (&self->target);
  self->target = og_postmortem_copy (self->working);
  g_array_set_size (self->steps, 0);

  for (guint f = 0; f < OG_N_POSTMORTEM_FIELDS; f++)
    {
      gboolean mine = !og_postmortem_field_equal (self->base, self->working, f);
      gboolean theirs = !og_postmortem_field_equal (self->base, self->server, f);
      DebriefSaveConflict *conflict = find_conflict (self, f);

      if (conflict != NULL)
        {
          if (conflict->choice == DEBRIEF_CONFLICT_KEEP_MINE)
            send[f] = TRUE;
          else if (conflict->choice == DEBRIEF_CONFLICT_TAKE_THEIRS)
            og_postmortem_copy_field (self->target, self->server, f);
          /* unresolved: neither sent nor overwritten; it stays the user's and unsaved */
        }
      else if (mine && !og_postmortem_field_equal (self->working, self->server, f))
        send[f] = TRUE;
      else if (theirs && !mine)
        og_postmortem_copy_field (self->target, self->server, f);
    }

  self->leaving_published
      = send[OG_POSTMORTEM_FIELD_STATUS] && current == OG_POSTMORTEM_STATUS_PUBLISHED;
  self->entering_published
      = send[OG_POSTMORTEM_FIELD_STATUS]
        && og_postmortem_get_status (self->target) == OG_POSTMORTEM_STATUS_PUBLISHED;

  /* A published postmortem refuses every update but its status. */
  if (self->leaving_published)
    add_step (self, OG_POSTMORTEM_FIELD_STATUS);
  for (guint f = 0; f < OG_N_POSTMORTEM_FIELDS; f++)
    if (send[f] && f != OG_POSTMORTEM_FIELD_STATUS)
      add_step (self, f);
  if (send[OG_POSTMORTEM_FIELD_STATUS] && !self->leaving_published)
    add_step (self, OG_POSTMORTEM_FIELD_STATUS);
}

static void
debrief_save_plan_finalize (GObject *object)
{
  DebriefSavePlan *self = DEBRIEF_SAVE_PLAN (object);

  g_clear_object (&self->base);
  g_clear_object (&self->working);
  g_clear_object (&self->server);
  g_clear_object (&self->target);
  g_clear_pointer (&self->conflicts, g_array_unref);
  g_clear_pointer (&self->steps, g_array_unref);

  G_OBJECT_CLASS (debrief_save_plan_parent_class)->finalize (object);
}

static void
debrief_save_plan_class_init (DebriefSavePlanClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = debrief_save_plan_finalize;
}

static void
debrief_save_plan_init (DebriefSavePlan *self)
{
  self->conflicts = g_array_new (FALSE, TRUE, sizeof (DebriefSaveConflict));
  g_array_set_clear_func (self->conflicts, conflict_clear);
  self->steps = g_array_new (FALSE, TRUE, sizeof (Step));
  g_array_set_clear_func (self->steps, step_clear);
}

DebriefSavePlan *
debrief_save_plan_new (OgPostmortem *base, OgPostmortem *working, OgPostmortem *server)
{
  DebriefSavePlan *self;

  g_return_val_if_fail (OG_IS_POSTMORTEM (base), NULL);
  g_return_val_if_fail (OG_IS_POSTMORTEM (working), NULL);
  g_return_val_if_fail (server == NULL || OG_IS_POSTMORTEM (server), NULL);

  self = g_object_new (DEBRIEF_TYPE_SAVE_PLAN, NULL);
  /* Copies: the user keeps typing into the working copy while the steps run. */
  self->base = og_postmortem_copy (base);
  self->working = og_postmortem_copy (working);
  self->server = og_postmortem_copy (server != NULL ? server : base);

  for (guint f = 0; f < OG_N_POSTMORTEM_FIELDS; f++)
    {
      DebriefSaveConflict conflict = { 0 };

      if (og_postmortem_field_equal (self->base, self->working, f)
          || og_postmortem_field_equal (self->base, self->server, f)
          || og_postmortem_field_equal (self->working, self->server, f))
        continue;

      conflict.field = f;
      conflict.mine = field_value (self->working, f);
      conflict.theirs = field_value (self->server, f);
      conflict.base = field_value (self->base, f);
      conflict.choice = DEBRIEF_CONFLICT_UNRESOLVED;
      g_array_append_val (self->conflicts, conflict);
    }

  plan (self);
  return self;
}

guint
debrief_save_plan_get_n_conflicts (DebriefSavePlan *self)
{
  g_return_val_if_fail (DEBRIEF_IS_SAVE_PLAN (self), 0);
  return self->conflicts->len;
}

const DebriefSaveConflict *
debrief_save_plan_get_conflict (DebriefSavePlan *self, guint index)
{
  g_return_val_if_fail (DEBRIEF_IS_SAVE_PLAN (self), NULL);
  g_return_val_if_fail (index < self->conflicts->len, NULL);
  return &g_array_index (self->conflicts, DebriefSaveConflict, index);
}

gboolean
debrief_save_plan_resolve (DebriefSavePlan *self,
                           OgPostmortemField field,
                           DebriefConflictChoice choice)
{
  DebriefSaveConflict *conflict;

  g_return_val_if_fail (DEBRIEF_IS_SAVE_PLAN (self), FALSE);

  conflict = find_conflict (self, field);
  if (conflict == NULL)
    return FALSE;
  conflict->choice = choice;
  plan (self);
  return TRUE;
}

gboolean
debrief_save_plan_has_unresolved_conflicts (DebriefSavePlan *self)
{
  g_return_val_if_fail (DEBRIEF_IS_SAVE_PLAN (self), FALSE);

  for (guint i = 0; i < self->conflicts->len; i++)
    if (g_array_index (self->conflicts, DebriefSaveConflict, i).choice
        == DEBRIEF_CONFLICT_UNRESOLVED)
      return TRUE;
  return FALSE;
}

OgPostmortem *
debrief_save_plan_get_target (DebriefSavePlan *self)
{
  g_return_val_if_fail (DEBRIEF_IS_SAVE_PLAN (self), NULL);
  return self->target;
}

guint
debrief_save_plan_get_n_steps (DebriefSavePlan *self)
{
  g_return_val_if_fail (DEBRIEF_IS_SAVE_PLAN (self), 0);
  return self->steps->len;
}

OgPostmortemField
debrief_save_plan_get_step (DebriefSavePlan *self, guint index)
{
  g_return_val_if_fail (DEBRIEF_IS_SAVE_PLAN (self), 0);
  g_return_val_if_fail (index < self->steps->len, 0);
  return g_array_index (self->steps, Step, index).field;
}

gboolean
debrief_save_plan_may_run (DebriefSavePlan *self, guint index)
{
  g_return_val_if_fail (DEBRIEF_IS_SAVE_PLAN (self), FALSE);
  g_return_val_if_fail (index < self->steps->len, FALSE);

  if (self->leaving_published && index > 0)
    return g_array_index (self->steps, Step, 0).outcome == DEBRIEF_STEP_SUCCEEDED;

  if (self->entering_published && index == self->steps->len - 1)
    for (guint i = 0; i < index; i++)
      if (g_array_index (self->steps, Step, i).outcome != DEBRIEF_STEP_SUCCEEDED)
        return FALSE;

  return TRUE;
}

void
debrief_save_plan_set_outcome (DebriefSavePlan *self,
                               guint index,
                               DebriefStepOutcome outcome,
                               const GError *error)
{
  Step *step;

  g_return_if_fail (DEBRIEF_IS_SAVE_PLAN (self));
  g_return_if_fail (index < self->steps->len);

  step = &g_array_index (self->steps, Step, index);
  step->outcome = outcome;
  g_clear_error (&step->error);
  if (error != NULL)
    step->error = g_error_copy (error);
}

DebriefStepOutcome
debrief_save_plan_get_outcome (DebriefSavePlan *self, guint index)
{
  g_return_val_if_fail (DEBRIEF_IS_SAVE_PLAN (self), DEBRIEF_STEP_NOT_RUN);
  g_return_val_if_fail (index < self->steps->len, DEBRIEF_STEP_NOT_RUN);
  return g_array_index (self->steps, Step, index).outcome;
}

const GError *
debrief_save_plan_get_step_error (DebriefSavePlan *self, guint index)
{
  g_return_val_if_fail (DEBRIEF_IS_SAVE_PLAN (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);
  return g_array_index (self->steps, Step, index).error;
}

void
debrief_save_plan_apply (DebriefSavePlan *self, OgPostmortem **new_base, OgPostmortem **new_working)
{
  OgPostmortem *saved;

  g_return_if_fail (DEBRIEF_IS_SAVE_PLAN (self));

  /* What the server holds now, as far as we know without fetching it again. */
  saved = og_postmortem_copy (self->server);
  for (guint i = 0; i < self->steps->len; i++)
    {
      Step *step = &g_array_index (self->steps, Step, i);

      if (step->outcome == DEBRIEF_STEP_SUCCEEDED)
        og_postmortem_copy_field (saved, self->target, step->field);
    }

  if (new_working != NULL)
    *new_working = og_postmortem_copy (self->target);
  if (new_base != NULL)
    *new_base = saved;
  else
    g_object_unref (saved);
}

GArray *
debrief_save_plan_get_unsaved_fields (DebriefSavePlan *self)
{
  g_autoptr (OgPostmortem) new_base = NULL;
  g_autoptr (OgPostmortem) new_working = NULL;
  GArray *fields = g_array_new (FALSE, FALSE, sizeof (OgPostmortemField));

  g_return_val_if_fail (DEBRIEF_IS_SAVE_PLAN (self), fields);

  debrief_save_plan_apply (self, &new_base, &new_working);
  for (guint f = 0; f < OG_N_POSTMORTEM_FIELDS; f++)
    if (!og_postmortem_field_equal (new_base, new_working, f))
      {
        OgPostmortemField field = f;

        g_array_append_val (fields, field);
      }

  return fields;
}
