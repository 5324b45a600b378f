/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "debrief-edit-session.h"

G_BEGIN_DECLS

/* Shared by the debrief-edit-session*.c files: the object, field states, open and drafts,
 * save and conflicts, and the actions (revert, delete, create). */
struct _DebriefEditSession
{
  GObject parent_instance;

  DebriefLibrary *library;
  OgClient *client;
  char *actor_user_id;
  char *id;

  OgPostmortem *base;    /* what we know the server holds; replaced, never edited */
  OgPostmortem *working; /* the UI's copy, edited in place */
  GDateTime *fetched_at;
  GCancellable *open_cancellable;

  /* The last save's plan and server copy, while it found conflicts. */
  DebriefSavePlan *conflicts_plan;
  OgPostmortem *conflicts_server;

  DebriefFieldState states[OG_N_POSTMORTEM_FIELDS];
  GError *field_errors[OG_N_POSTMORTEM_FIELDS];

  /* A draft from an earlier session, until restored or discarded. */
  OgPostmortem *draft_base;
  OgPostmortem *draft_working;
  GDateTime *draft_saved_at;

  guint n_steps;
  guint n_steps_done;

  guint from_cache : 1;
  guint loading : 1;
  guint dirty : 1;
  guint saving : 1;
  guint read_only : 1;
  guint draft_available : 1;
  guint closed : 1;
};

enum
{
  PROP_0,
  PROP_LIBRARY,
  PROP_CLIENT,
  PROP_ACTOR_USER_ID,
  PROP_POSTMORTEM_ID,
  PROP_BASE,
  PROP_WORKING,
  PROP_FROM_CACHE,
  PROP_FETCHED_AT,
  PROP_LOADING,
  PROP_DIRTY,
  PROP_SAVING,
  PROP_READ_ONLY,
  PROP_N_STEPS,
  PROP_N_STEPS_DONE,
  PROP_DRAFT_AVAILABLE,
  N_PROPS
};

extern GParamSpec *_debrief_edit_session_properties[N_PROPS];

enum
{
  FIELD_CHANGED,
  FIELD_STATE_CHANGED,
  N_SIGNALS
};

extern guint _debrief_edit_session_signals[N_SIGNALS];

/* The first copy shown: base and working copies of @postmortem (notify base and working). */
void _debrief_edit_session_show (DebriefEditSession *self,
                                 OgPostmortem *postmortem,
                                 gboolean from_cache,
                                 GDateTime *fetched_at);
/* A newer server copy: fields the user did not change take its value (::field-changed),
 * fields both changed keep the user's value and the old base (the save reports them). */
void _debrief_edit_session_rebase (DebriefEditSession *self, OgPostmortem *fresh);
void _debrief_edit_session_set_base (DebriefEditSession *self, OgPostmortem *base);
void _debrief_edit_session_set_fetched (DebriefEditSession *self,
                                        gboolean from_cache,
                                        GDateTime *fetched_at);
/* The working copy's @field takes @from's value; ::field-changed when it differed. */
void _debrief_edit_session_take_field (DebriefEditSession *self,
                                       OgPostmortem *from,
                                       OgPostmortemField field);
/* Recomputes dirty, read-only and every field's state (notify, ::field-state-changed). */
void _debrief_edit_session_update_states (DebriefEditSession *self);
void _debrief_edit_session_set_field_error (DebriefEditSession *self,
                                            OgPostmortemField field,
                                            const GError *error);
/* Journals the working copy, or drops the draft when nothing differs from the base. */
void _debrief_edit_session_journal (DebriefEditSession *self);
/* The saved state reached the server: cache, library entry and index follow. */
void _debrief_edit_session_record_saved (DebriefEditSession *self);
/* Forgets the draft on offer (not the one on disk). */
void _debrief_edit_session_clear_draft (DebriefEditSession *self);
void
_debrief_edit_session_set_uint (DebriefEditSession *self, guint *field, guint value, guint prop);
void _debrief_edit_session_set_flag (DebriefEditSession *self, guint prop, gboolean value);

G_END_DECLS
