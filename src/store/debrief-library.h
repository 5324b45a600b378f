/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "debrief-cache.h"
#include "debrief-drafts.h"
#include "debrief-library-entry.h"
#include "og-client.h"

G_BEGIN_DECLS

/*
 * The postmortems Debrief knows for one account (Opsgenie has no endpoint that lists them):
 * a GListModel of DebriefLibraryEntry, kept in "$XDG_DATA_HOME/debrief/<account>/library",
 * with the account's cache of fetched postmortems and its drafts beside it. Loading reads
 * only local files; the network parts (open, create, delete) take an OgClient, and
 * DebriefLibraryRefresh discovers and refetches.
 */
#define DEBRIEF_TYPE_LIBRARY (debrief_library_get_type ())
G_DECLARE_FINAL_TYPE (DebriefLibrary, debrief_library, DEBRIEF, LIBRARY, GObject)

/* @account_id is opaque (any string); it is escaped into one folder name. */
DebriefLibrary *debrief_library_new (const char *account_id);
DebriefLibrary *debrief_library_new_for_directory (const char *directory);
const char *debrief_library_get_directory (DebriefLibrary *self);
DebriefCache *debrief_library_get_cache (DebriefLibrary *self);
DebriefDrafts *debrief_library_get_drafts (DebriefLibrary *self);

/* ::store-error (GError *error): a write done on the way (the index after a refresh, a
 * cache copy) failed; the UI shows it. The library in memory stays as it is. */

/* Reads the index and the drafts folder. A damaged index is moved aside and reported
 * (DEBRIEF_STORE_ERROR_CORRUPT): the library is then empty but usable, and every draft on
 * disk still has its entry. A missing index is no error; one that cannot be read (an I/O
 * error) is left alone and blocks saving until a load succeeds. */
gboolean debrief_library_load (DebriefLibrary *self, GError **error);
/* Writes the index atomically. On failure the library in memory is unchanged. Refused
 * while the last load could not read an existing index (it would be overwritten). */
gboolean debrief_library_save (DebriefLibrary *self, GError **error);
/* TRUE when the index in memory differs from the file. */
gboolean debrief_library_is_dirty (DebriefLibrary *self);

DebriefLibraryEntry *debrief_library_lookup (DebriefLibrary *self, const char *id);
/* The entry for @id, added (unfetched) if it was not known. */
DebriefLibraryEntry *debrief_library_add (DebriefLibrary *self, const char *id);
/* A postmortem was fetched whole: fills its entry (adding it), marks it updated when it
 * differs from the cached copy, and replaces the cached copy. A cache write that fails is
 * returned as an error (and emitted as ::store-error); the entry is updated anyway. */
DebriefLibraryEntry *
debrief_library_record_fetch (DebriefLibrary *self, OgPostmortem *postmortem, GError **error);
/* Root incident facts from an incident listing (before the postmortem is fetched). */
void debrief_library_set_incident (DebriefLibrary *self, const char *id, OgIncident *incident);
/* Removes the entry; the cache and drafts are the caller's (see delete). */
gboolean debrief_library_remove (DebriefLibrary *self, const char *id);

/* One filter pass: the entries whose title (or incident) contains @needle, ignoring
 * case, in model order. */
GPtrArray *debrief_library_filter (DebriefLibrary *self, const char *needle);

/* Opens a postmortem by id or by a pasted Opsgenie URL: fetches it, caches it and adds it to
 * the library. When the network fails (unreachable, time-out, 5xx) and a cached copy exists,
 * that copy is the result and *from_cache is set; the error is then dropped — the caller
 * shows the copy's age (debrief_library_entry_get_last_fetched). */
void debrief_library_open_async (DebriefLibrary *self,
                                 OgClient *client,
                                 const char *id_or_url,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
OgPostmortem *debrief_library_open_finish (DebriefLibrary *self,
                                           GAsyncResult *result,
                                           gboolean *from_cache,
                                           GError **error);

/* Creates a postmortem for @incident_id in Opsgenie, then fetches it into the library.
 * Returns the new postmortem (or, if only the fetch failed, an error and the entry stays). */
void debrief_library_create_async (DebriefLibrary *self,
                                   OgClient *client,
                                   const char *incident_id,
                                   const char *actor_user_id,
                                   const char *owner_id,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
OgPostmortem *
debrief_library_create_finish (DebriefLibrary *self, GAsyncResult *result, GError **error);

/* Deletes the postmortem in Opsgenie; on success (or a 404: it is gone already) removes it
 * from the library, the cache and the drafts, and saves the index. */
void debrief_library_delete_async (DebriefLibrary *self,
                                   OgClient *client,
                                   const char *id,
                                   const char *actor_user_id,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
gboolean debrief_library_delete_finish (DebriefLibrary *self, GAsyncResult *result, GError **error);

G_END_DECLS
