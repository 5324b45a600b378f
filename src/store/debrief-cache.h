/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "og-postmortem.h"

G_BEGIN_DECLS

/*
 * The last fetched copy of each postmortem, with when it was fetched: an opened postmortem
 * shows at once and offline. One file per postmortem, "<dir>/<id>.json" holding
 * {"fetchedAt": "<ISO 8601>", "postmortem": <the GET response's data>}.
 */
#define DEBRIEF_TYPE_CACHE (debrief_cache_get_type ())
G_DECLARE_FINAL_TYPE (DebriefCache, debrief_cache, DEBRIEF, CACHE, GObject)

DebriefCache *debrief_cache_new (const char *directory);
const char *debrief_cache_get_directory (DebriefCache *self);

gboolean debrief_cache_store (DebriefCache *self,
                              OgPostmortem *postmortem,
                              GDateTime *fetched_at,
                              GError **error);
/* The cached copy, or NULL: G_IO_ERROR_NOT_FOUND when there is none, and a damaged file is
 * moved aside and reported (DEBRIEF_STORE_ERROR_CORRUPT). @fetched_at may be NULL. */
OgPostmortem *
debrief_cache_load (DebriefCache *self, const char *id, GDateTime **fetched_at, GError **error);
gboolean debrief_cache_contains (DebriefCache *self, const char *id);
/* A missing entry is no error. */
gboolean debrief_cache_remove (DebriefCache *self, const char *id, GError **error);

G_END_DECLS
