/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "debrief-library.h"
#include "debrief-save-plan.h"
#include "og-client.h"

G_BEGIN_DECLS

/*
 * One postmortem being edited: what the postmortem page drives (DESIGN.md, "Saving without
 * losing anything"). It keeps the base (last known server state) and the working copy (what
 * the user sees and edits in place), journals the working copy to the library's drafts,
 * saves it with a DebriefSavePlan — one partial update per changed field, in the plan's
 * order — and says per field what is clean, unsaved, failed (with the server's message and
 * request id) or in conflict.
 *
 * Signals:
 *   ::field-changed (OgPostmortemField): the session changed a field of the working copy
 *     under the UI (a server change taken in, a conflict resolved for theirs, the revert);
 *     not emitted for the UI's own edits. A whole new working copy is notify::working.
 *   ::field-state-changed (OgPostmortemField): debrief_edit_session_get_field_state changed.
 */
#define DEBRIEF_TYPE_EDIT_SESSION (debrief_edit_session_get_type ())
G_DECLARE_FINAL_TYPE (DebriefEditSession, debrief_edit_session, DEBRIEF, EDIT_SESSION, GObject)

#define DEBRIEF_EDIT_SESSION_ERROR (debrief_edit_session_error_quark ())

typedef enum
{
  DEBRIEF_EDIT_SESSION_ERROR_CONFLICTS, /* someone else changed fields the user changed */
  DEBRIEF_EDIT_SESSION_ERROR_NOT_SAVED, /* some fields were not saved (see the field states) */
  DEBRIEF_EDIT_SESSION_ERROR_BUSY,      /* a save is already running */
  DEBRIEF_EDIT_SESSION_ERROR_NOT_OPEN,  /* nothing opened yet, or deleted */
  DEBRIEF_EDIT_SESSION_ERROR_SKIPPED,   /* a field's error: not sent, a step it waits for failed */
} DebriefEditSessionError;

typedef enum
{
  DEBRIEF_FIELD_STATE_CLEAN,    /* the working copy holds what the server has */
  DEBRIEF_FIELD_STATE_UNSAVED,  /* changed, not saved yet (or not sent: see the error) */
  DEBRIEF_FIELD_STATE_FAILED,   /* the last save sent it and the server refused it */
  DEBRIEF_FIELD_STATE_CONFLICT, /* changed here and on the server: resolve it */
} DebriefFieldState;

GQuark debrief_edit_session_error_quark (void);

/* @actor_user_id is sent as actorUserId in every write. */
DebriefEditSession *
debrief_edit_session_new (DebriefLibrary *library, OgClient *client, const char *actor_user_id);

DebriefLibrary *debrief_edit_session_get_library (DebriefEditSession *self);
/* NULL until opened */
const char *debrief_edit_session_get_postmortem_id (DebriefEditSession *self);
OgPostmortem *debrief_edit_session_get_base (DebriefEditSession *self);
/* The copy the UI shows and edits in place; call working_changed after each edit. */
OgPostmortem *debrief_edit_session_get_working (DebriefEditSession *self);
/* TRUE while what is shown came from the cache (opening, or offline). */
gboolean debrief_edit_session_get_from_cache (DebriefEditSession *self);
/* When the shown copy was fetched from Opsgenie; NULL before anything is shown. */
GDateTime *debrief_edit_session_get_fetched_at (DebriefEditSession *self);
/* TRUE while open's fetch runs. */
gboolean debrief_edit_session_get_loading (DebriefEditSession *self);
gboolean debrief_edit_session_get_dirty (DebriefEditSession *self);
gboolean debrief_edit_session_get_saving (DebriefEditSession *self);
/* The published lock: the server copy is published, so every field is read-only until
 * debrief_edit_session_revert_to_in_review_async. */
gboolean debrief_edit_session_get_read_only (DebriefEditSession *self);
/* Progress of the running (or last) save: steps done of steps planned. */
guint debrief_edit_session_get_n_steps (DebriefEditSession *self);
guint debrief_edit_session_get_n_steps_done (DebriefEditSession *self);

/* Opens a postmortem by id or Opsgenie link: the cached copy at once (from-cache, fetched-at)
 * if there is one, then the fresh one — which replaces what is shown unless the user edited
 * meanwhile (the save then merges). Offline with a cached copy is no error (from-cache stays
 * TRUE). A draft of it on disk sets draft-available. */
void debrief_edit_session_open_async (DebriefEditSession *self,
                                      const char *id_or_url,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data);
gboolean
debrief_edit_session_open_finish (DebriefEditSession *self, GAsyncResult *result, GError **error);

/* Creates a postmortem for @incident_id (owner: @owner_id, or the actor when NULL) and
 * returns a session opened on it, its content pre-filled by Opsgenie's template. */
void debrief_edit_session_create_async (DebriefLibrary *library,
                                        OgClient *client,
                                        const char *incident_id,
                                        const char *actor_user_id,
                                        const char *owner_id,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer user_data);
DebriefEditSession *debrief_edit_session_create_finish (GAsyncResult *result, GError **error);

/* Drafts. A draft left by an earlier session (not yet restored or discarded): */
gboolean debrief_edit_session_get_draft_available (DebriefEditSession *self);
/* When it was written, or NULL. */
GDateTime *debrief_edit_session_get_draft_saved_at (DebriefEditSession *self);
/* The draft's words become the working copy (edited from the draft's base). */
gboolean debrief_edit_session_restore_draft (DebriefEditSession *self, GError **error);
/* Forgets the draft on disk; the working copy stays as it is. */
gboolean debrief_edit_session_discard_draft (DebriefEditSession *self, GError **error);

/* The UI changed @field of the working copy: journals it (within the drafts' delay) and
 * updates dirty and the field's state. Editing while a draft is available replaces it. */
void debrief_edit_session_working_changed (DebriefEditSession *self, OgPostmortemField field);

DebriefFieldState debrief_edit_session_get_field_state (DebriefEditSession *self,
                                                        OgPostmortemField field);
/* Why a field is FAILED (an OG_ERROR: og_error_get_server_message, og_error_get_request_id)
 * or UNSAVED after a save that did not send it (DEBRIEF_EDIT_SESSION_ERROR_SKIPPED); NULL
 * otherwise. */
const GError *debrief_edit_session_get_field_error (DebriefEditSession *self,
                                                    OgPostmortemField field);
/* The fields that are not CLEAN, in field order. */
GArray *debrief_edit_session_dup_unsaved_fields (DebriefEditSession *self);

/* Saves: fetches the server copy, plans, and sends one partial update per changed field.
 * Fails with DEBRIEF_EDIT_SESSION_ERROR_CONFLICTS before sending anything when someone else
 * changed a field the user changed (see get_conflict; resolve each, then save again); with
 * DEBRIEF_EDIT_SESSION_ERROR_NOT_SAVED when some updates failed (the rest is saved: see the
 * field states); with the client's error when the server copy could not be fetched (nothing
 * sent, nothing lost); G_IO_ERROR_CANCELLED stops between two updates (what was sent is
 * saved). After a network failure no further update is tried. Afterwards the cache and library
 * entry hold the saved state and the draft is discarded, or kept with what is still unsaved.
 * Progress: n-steps and n-steps-done. */
void debrief_edit_session_save_async (DebriefEditSession *self,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data);
gboolean
debrief_edit_session_save_finish (DebriefEditSession *self, GAsyncResult *result, GError **error);

/* The conflicts the last save found (mine, theirs and base values: see DebriefSaveConflict). */
guint debrief_edit_session_get_n_conflicts (DebriefEditSession *self);
const DebriefSaveConflict *debrief_edit_session_get_conflict (DebriefEditSession *self,
                                                              guint index);
/* KEEP_MINE: the next save sends the user's value over theirs. TAKE_THEIRS: the working copy
 * takes the server's value now (::field-changed). FALSE if @field is not in conflict. */
gboolean debrief_edit_session_resolve_conflict (DebriefEditSession *self,
                                                OgPostmortemField field,
                                                DebriefConflictChoice choice);

/* The lock bar's button: one status change, published → in review. */
void debrief_edit_session_revert_to_in_review_async (DebriefEditSession *self,
                                                     GCancellable *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer user_data);
gboolean debrief_edit_session_revert_to_in_review_finish (DebriefEditSession *self,
                                                          GAsyncResult *result,
                                                          GError **error);

/* Deletes it in Opsgenie (with the timeline exported to Confluence when @delete_timelines),
 * then from the library, cache and drafts. The session is closed afterwards. */
void debrief_edit_session_delete_async (DebriefEditSession *self,
                                        gboolean delete_timelines,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer user_data);
gboolean
debrief_edit_session_delete_finish (DebriefEditSession *self, GAsyncResult *result, GError **error);

/* Stops an open in flight and writes the draft now, if there is one pending. */
gboolean debrief_edit_session_close (DebriefEditSession *self, GError **error);

/* A field's name as the UI shows it ("Title", "Executive summary"…). */
const char *debrief_edit_session_field_label (OgPostmortemField field);

G_END_DECLS
