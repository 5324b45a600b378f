/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "og-postmortem.h"

G_BEGIN_DECLS

/*
 * The user's unsaved words on disk: the working copy of each edited postmortem (with the
 * base it was edited from) journaled to "<dir>/<id>.json" at most @delay ms after a change
 * — even while the user keeps typing — and at flush (close). A draft stays until it is
 * discarded: after a save, or when the user says so.
 *
 * A write that fails (full disk, read-only folder) emits ::write-failed; the copy stays in
 * memory and is written again at the next change or flush.
 */
#define DEBRIEF_TYPE_DRAFTS (debrief_drafts_get_type ())
G_DECLARE_FINAL_TYPE (DebriefDrafts, debrief_drafts, DEBRIEF, DRAFTS, GObject)

#define DEBRIEF_DRAFTS_DEFAULT_DELAY_MS 2000

DebriefDrafts *debrief_drafts_new (const char *directory);
const char *debrief_drafts_get_directory (DebriefDrafts *self);
void debrief_drafts_set_delay (DebriefDrafts *self, guint delay_ms);

/* The user changed @working (edited from @base, which may be NULL). Both are referenced,
 * not copied: the journal writes their state at write time, so call this after every
 * change to the same objects. */
void debrief_drafts_update (DebriefDrafts *self, OgPostmortem *base, OgPostmortem *working);
/* Writes every pending draft now. FALSE with the first error if any failed (those stay
 * pending). */
gboolean debrief_drafts_flush (DebriefDrafts *self, GError **error);
/* TRUE while a change is not yet on disk. */
gboolean debrief_drafts_is_pending (DebriefDrafts *self, const char *id);

gboolean debrief_drafts_has (DebriefDrafts *self, const char *id);
/* Ids of every draft, on disk or pending, sorted. */
GStrv debrief_drafts_dup_ids (DebriefDrafts *self);

/* The draft of @id: copies of its base (may be NULL) and working copy, and when it was
 * written. A damaged file is moved aside and reported (DEBRIEF_STORE_ERROR_CORRUPT); no
 * draft is G_IO_ERROR_NOT_FOUND. Any out parameter may be NULL. */
gboolean debrief_drafts_load (DebriefDrafts *self,
                              const char *id,
                              OgPostmortem **base,
                              OgPostmortem **working,
                              GDateTime **saved_at,
                              GError **error);
/* Forgets the draft, in memory and on disk. */
gboolean debrief_drafts_discard (DebriefDrafts *self, const char *id, GError **error);

G_END_DECLS
