/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "debrief-library.h"
#include "og-client.h"

G_BEGIN_DECLS

/*
 * One pass of discovery over the network for a library:
 *  1. the incidents that have a postmortem (resolved or closed; paged), whose
 *     extraProperties.postmortemId adds postmortems the library did not know;
 *  2. the resolved incidents without one, as the pending-incidents model;
 *  3. a fetch of every postmortem that is new, never fetched, older than max-age, or whose
 *     incident changed since it was fetched — at most max-in-flight at a time.
 * A 429 is waited out by the client; one that outlasts its retries puts the postmortem
 * back at the end of the queue once and drops to one request at a time. Each failed
 * fetch is kept with its error; the others go on. Progress is n-done of n-total.
 */
#define DEBRIEF_TYPE_LIBRARY_REFRESH (debrief_library_refresh_get_type ())
G_DECLARE_FINAL_TYPE (DebriefLibraryRefresh,
                      debrief_library_refresh,
                      DEBRIEF,
                      LIBRARY_REFRESH,
                      GObject)

#define DEBRIEF_REFRESH_DEFAULT_MAX_IN_FLIGHT 4
#define DEBRIEF_REFRESH_DEFAULT_MAX_AGE       (60 * 60)

DebriefLibraryRefresh *debrief_library_refresh_new (DebriefLibrary *library, OgClient *client);

void debrief_library_refresh_set_max_in_flight (DebriefLibraryRefresh *self, guint max_in_flight);
/* Seconds; 0 refetches every postmortem. */
void debrief_library_refresh_set_max_age (DebriefLibraryRefresh *self, guint seconds);

/* OgIncident: resolved incidents that have no postmortem yet (as of the last run). */
GListModel *debrief_library_refresh_get_pending_incidents (DebriefLibraryRefresh *self);

/* FALSE with the error when discovery itself failed (nothing was fetched) or the run was
 * cancelled; TRUE otherwise, even when some fetches failed (see the failures). The index is
 * saved at the end either way (a failure to save is the library's ::store-error). */
void debrief_library_refresh_run_async (DebriefLibraryRefresh *self,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer user_data);
gboolean debrief_library_refresh_run_finish (DebriefLibraryRefresh *self,
                                             GAsyncResult *result,
                                             GError **error);

gboolean debrief_library_refresh_get_running (DebriefLibraryRefresh *self);
guint debrief_library_refresh_get_n_done (DebriefLibraryRefresh *self);
guint debrief_library_refresh_get_n_total (DebriefLibraryRefresh *self);
double debrief_library_refresh_get_fraction (DebriefLibraryRefresh *self);

/* The postmortems the last run could not fetch, and why. One that Opsgenie no longer has
 * (OG_ERROR_NOT_FOUND) has also left the library and its cache — unless it has a draft. */
guint debrief_library_refresh_get_n_failed (DebriefLibraryRefresh *self);
GStrv debrief_library_refresh_dup_failed_ids (DebriefLibraryRefresh *self);
const GError *debrief_library_refresh_get_failure (DebriefLibraryRefresh *self, const char *id);

/* Why the pending-incidents listing failed in the last run (the run goes on without it). */
const GError *debrief_library_refresh_get_pending_error (DebriefLibraryRefresh *self);

G_END_DECLS
