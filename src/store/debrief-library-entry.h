/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "og-enums.h"

G_BEGIN_DECLS

/*
 * One postmortem the library knows: what a list row shows, without the document. Read-only
 * for the UI; the library updates it (with notify and items-changed) when a fetch, a save or
 * a draft changes it. Times are Unix seconds, 0 when unknown.
 */
#define DEBRIEF_TYPE_LIBRARY_ENTRY (debrief_library_entry_get_type ())
G_DECLARE_FINAL_TYPE (DebriefLibraryEntry, debrief_library_entry, DEBRIEF, LIBRARY_ENTRY, GObject)

const char *debrief_library_entry_get_id (DebriefLibraryEntry *self);
/* "" until the postmortem was fetched once */
const char *debrief_library_entry_get_title (DebriefLibraryEntry *self);
/* FALSE until the postmortem was fetched once: severity and status are then unknown. */
gboolean debrief_library_entry_is_fetched (DebriefLibraryEntry *self);
OgSeverity debrief_library_entry_get_severity (DebriefLibraryEntry *self);
OgPostmortemStatus debrief_library_entry_get_status (DebriefLibraryEntry *self);
const char *debrief_library_entry_get_incident_id (DebriefLibraryEntry *self);
const char *debrief_library_entry_get_incident_tiny_id (DebriefLibraryEntry *self);
const char *debrief_library_entry_get_incident_message (DebriefLibraryEntry *self);
const char *debrief_library_entry_get_owner_id (DebriefLibraryEntry *self);
const char *debrief_library_entry_get_owner_name (DebriefLibraryEntry *self);
/* createdAtTime of the postmortem */
gint64 debrief_library_entry_get_created (DebriefLibraryEntry *self);
/* When Debrief last saw the postmortem change (a fetch that differed, or a save). */
gint64 debrief_library_entry_get_updated (DebriefLibraryEntry *self);
/* When the postmortem was last fetched whole (its cache copy is that old). */
gint64 debrief_library_entry_get_last_fetched (DebriefLibraryEntry *self);
gboolean debrief_library_entry_get_has_draft (DebriefLibraryEntry *self);

/* Case-insensitive substring match on the title (and the incident's message and tiny id).
 * @folded_needle must come from g_utf8_casefold; an empty needle matches everything. */
gboolean debrief_library_entry_matches (DebriefLibraryEntry *self, const char *folded_needle);

G_END_DECLS
