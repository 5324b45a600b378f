/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-edit-session"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-edit-session.h"

#include "debrief-edit-session-private.h"
#include "debrief-library-private.h"
#include "og-error.h"

/* DebriefEditSession: what each field holds and its state (clean, unsaved, failed, in
 * conflict), the UI's edits, the journal, and taking in a newer server copy. */

#define properties _debrief_edit_session_properties
#define signals    _debrief_edit_session_signals

void
_debrief_edit_session_set_field_error (DebriefEditSession *self,
                                       OgPostmortemField field,
                                       const GError *error)
{
  g_clear_error (&self->field_errors[field]);
  if (error != NULL)
    self->field_errors[field] = g_error_copy (error);
}

void
_debrief_edit_session_update_states (DebriefEditSession *self)
{
  gboolean dirty = FALSE;

  for (guint f = 0; f < OG_N_POSTMORTEM_FIELDS; f++)
    {
      DebriefFieldState state = DEBRIEF_FIELD_STATE_CLEAN;
      gboolean differs
          = self->base != NULL && !og_postmortem_field_equal (self->base, self->working, f);

      if (self->conflicts_plan != NULL)
        for (guint i = 0; i < debrief_save_plan_get_n_conflicts (self->conflicts_plan); i++)
          {
            const DebriefSaveConflict *conflict
                = debrief_save_plan_get_conflict (self->conflicts_plan, i);

            if (conflict->field == f && conflict->choice == DEBRIEF_CONFLICT_UNRESOLVED)
              state = DEBRIEF_FIELD_STATE_CONFLICT;
          }

      if (!differs)
        _debrief_edit_session_set_field_error (self, f, NULL);
      else if (state != DEBRIEF_FIELD_STATE_CONFLICT)
        state = self->field_errors[f] != NULL && self->field_errors[f]->domain == OG_ERROR
                    ? DEBRIEF_FIELD_STATE_FAILED
                    : DEBRIEF_FIELD_STATE_UNSAVED;

      dirty |= differs;
      if (self->states[f] != state)
        {
          self->states[f] = state;
          g_signal_emit (self, signals[FIELD_STATE_CHANGED], 0, (OgPostmortemField) f);
        }
    }

  _debrief_edit_session_set_flag (self, PROP_DIRTY, dirty);
  _debrief_edit_session_set_flag (self, PROP_READ_ONLY,
                                  self->base != NULL
                                      && og_postmortem_get_status (self->base)
                                             == OG_POSTMORTEM_STATUS_PUBLISHED);
}

void
_debrief_edit_session_take_field (DebriefEditSession *self,
                                  OgPostmortem *from,
                                  OgPostmortemField field)
{
  if (og_postmortem_field_equal (self->working, from, field))
    return;
  og_postmortem_copy_field (self->working, from, field);
  g_signal_emit (self, signals[FIELD_CHANGED], 0, field);
}

void
_debrief_edit_session_show (DebriefEditSession *self,
                            OgPostmortem *postmortem,
                            gboolean from_cache,
                            GDateTime *fetched_at)
{
  g_autoptr (OgPostmortem) base = og_postmortem_copy (postmortem);

  g_clear_object (&self->working);
  self->working = og_postmortem_copy (postmortem);
  _debrief_edit_session_set_base (self, base);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKING]);
  _debrief_edit_session_set_fetched (self, from_cache, fetched_at);
  _debrief_edit_session_update_states (self);
}

void
_debrief_edit_session_rebase (DebriefEditSession *self, OgPostmortem *fresh)
{
  g_autoptr (OgPostmortem) new_base = og_postmortem_copy (fresh);

  for (guint f = 0; f < OG_N_POSTMORTEM_FIELDS; f++)
    {
      gboolean mine = !og_postmortem_field_equal (self->base, self->working, f);

      if (!mine)
        _debrief_edit_session_take_field (self, fresh, f);
      else if (!og_postmortem_field_equal (self->base, fresh, f)
               && !og_postmortem_field_equal (self->working, fresh, f))
        /* Both changed it: the old base keeps the conflict visible to the save. */
        og_postmortem_copy_field (new_base, self->base, f);
    }

  _debrief_edit_session_set_base (self, new_base);
  _debrief_edit_session_update_states (self);
}

void
_debrief_edit_session_journal (DebriefEditSession *self)
{
  DebriefDrafts *drafts = debrief_library_get_drafts (self->library);
  g_autoptr (GError) error = NULL;

  /* While an older draft is on offer, the journal is its: only the user's choice (restore,
   * discard) or an edit (working_changed) may replace it. */
  if (self->closed || self->id == NULL || self->working == NULL || self->draft_available)
    return;

  if (self->dirty)
    debrief_drafts_update (drafts, self->base, self->working);
  else if (debrief_drafts_has (drafts, self->id)
           && !debrief_drafts_discard (drafts, self->id, &error))
    _debrief_library_emit_store_error (self->library, error);
}

void
_debrief_edit_session_record_saved (DebriefEditSession *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GError) error = NULL;

  /* A cache write that fails is reported by the library (::store-error). */
  debrief_library_record_fetch (self->library, self->base, NULL);
  if (!debrief_library_save (self->library, &error))
    _debrief_library_emit_store_error (self->library, error);
  _debrief_edit_session_set_fetched (self, FALSE, now);
}

void
debrief_edit_session_working_changed (DebriefEditSession *self, OgPostmortemField field)
{
  g_return_if_fail (DEBRIEF_IS_EDIT_SESSION (self));
  g_return_if_fail (field < OG_N_POSTMORTEM_FIELDS);
  g_return_if_fail (self->working != NULL);

  /* The error was about the value the user just changed. */
  _debrief_edit_session_set_field_error (self, field, NULL);
  /* The new words replace the old draft's on disk: it is no longer offered. */
  _debrief_edit_session_clear_draft (self);
  _debrief_edit_session_update_states (self);
  _debrief_edit_session_journal (self);
}

DebriefFieldState
debrief_edit_session_get_field_state (DebriefEditSession *self, OgPostmortemField field)
{
  g_return_val_if_fail (DEBRIEF_IS_EDIT_SESSION (self), DEBRIEF_FIELD_STATE_CLEAN);
  g_return_val_if_fail (field < OG_N_POSTMORTEM_FIELDS, DEBRIEF_FIELD_STATE_CLEAN);
  return self->states[field];
}

const GError *
debrief_edit_session_get_field_error (DebriefEditSession *self, OgPostmortemField field)
{
  g_return_val_if_fail (DEBRIEF_IS_EDIT_SESSION (self), NULL);
  g_return_val_if_fail (field < OG_N_POSTMORTEM_FIELDS, NULL);
  return self->field_errors[field];
}

GArray *
debrief_edit_session_dup_unsaved_fields (DebriefEditSession *self)
{
  GArray *fields = g_array_new (FALSE, FALSE, sizeof (OgPostmortemField));

  g_return_val_if_fail (DEBRIEF_IS_EDIT_SESSION (self), fields);

  for (guint f = 0; f < OG_N_POSTMORTEM_FIELDS; f++)
    if (self->states[f] != DEBRIEF_FIELD_STATE_CLEAN)
      {
        OgPostmortemField field = f;

        g_array_append_val (fields, field);
      }
  return fields;
}

const char *
debrief_edit_session_field_label (OgPostmortemField field)
{
  switch (field)
    {
    case OG_POSTMORTEM_FIELD_TITLE:
      return _ ("Title");
    case OG_POSTMORTEM_FIELD_SEVERITY:
      return _ ("Severity");
    case OG_POSTMORTEM_FIELD_STATUS:
      return _ ("Status");
    case OG_POSTMORTEM_FIELD_OWNER:
      return _ ("Owner");
    case OG_POSTMORTEM_FIELD_JIRA_ISSUES:
      return _ ("Jira issues");
    case OG_POSTMORTEM_FIELD_RELATED_INCIDENTS:
      return _ ("Related incidents");
    case OG_POSTMORTEM_FIELD_AFFECTED_SERVICES:
      return _ ("Affected services");
    case OG_POSTMORTEM_FIELD_RESPONDER_TEAMS:
      return _ ("Responder teams");
    case OG_POSTMORTEM_FIELD_RESPONDER_USERS:
      return _ ("Responder users");
    case OG_POSTMORTEM_FIELD_EXECUTIVE_SUMMARY:
      return _ ("Executive summary");
    case OG_POSTMORTEM_FIELD_CONTENT:
      return _ ("Content");
    default:
      g_return_val_if_reached (NULL);
    }
}
