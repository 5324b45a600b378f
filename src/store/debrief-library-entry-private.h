/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "debrief-library-entry.h"

G_BEGIN_DECLS

/* The fields, for the library and its index file (debrief-library*.c). Strings that repeat
 * across entries (owners) are interned; the rest are owned. */
struct _DebriefLibraryEntry
{
  GObject parent_instance;

  char *id;
  char *title;
  char *title_folded; /* cached for filtering; never NULL */
  char *incident_id;
  char *incident_tiny_id;
  char *incident_message;
  char *incident_folded;  /* tiny id and message, cached for filtering; never NULL */
  const char *owner_id;   /* interned */
  const char *owner_name; /* interned */
  gint64 created;
  gint64 updated;
  gint64 last_fetched;
  OgSeverity severity;
  OgPostmortemStatus status;
  guint fetched : 1;
  guint has_draft : 1;
};

DebriefLibraryEntry *_debrief_library_entry_new (const char *id);
/* Take ownership of @title / the strings; recompute the folded caches. */
void _debrief_library_entry_take_title (DebriefLibraryEntry *self, char *title);
void _debrief_library_entry_take_incident (DebriefLibraryEntry *self,
                                           char *id,
                                           char *tiny_id,
                                           char *message);
/* Emits notify for every property (after the library changed the fields). */
void _debrief_library_entry_notify_all (DebriefLibraryEntry *self);

/* Case folding of a title: ASCII fast path, g_utf8_casefold otherwise. */
char *_debrief_fold (const char *text);

G_END_DECLS
