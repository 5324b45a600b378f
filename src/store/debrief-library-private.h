/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "debrief-library.h"

G_BEGIN_DECLS

/* The index file format (debrief-library-index.c). Parse works in place on @contents and
 * returns NULL with a translated *reason when the file cannot be trusted. */
char *_debrief_library_index_serialize (GPtrArray *entries, gsize *length);
GPtrArray *_debrief_library_index_parse (char *contents, gsize length, const char **reason);

/* An entry changed in place: emits items-changed for it and marks the index dirty. */
void _debrief_library_entry_changed (DebriefLibrary *self, DebriefLibraryEntry *entry);

/* A write on the way failed: ::store-error. */
void _debrief_library_emit_store_error (DebriefLibrary *self, const GError *error);

G_END_DECLS
