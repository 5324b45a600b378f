/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "debrief-library-refresh.h"
#include "debrief-library.h"

G_BEGIN_DECLS

/*
 * The list pane: the postmortems of a DebriefLibrary with search as you type, filters for
 * status and severity, a sort order, the state pages (empty, loading, offline or error, no
 * results), the progress and failures of a DebriefLibraryRefresh, and a second page with the
 * resolved incidents that have no postmortem yet.
 *
 * Signals:
 *  ::activated (const char *postmortem_id): a row was activated (click, Enter).
 *  ::create-requested (OgIncident *incident): "Create Postmortem" on a pending incident.
 *
 * Actions (for menus and the window's shortcuts): postmortem-list.refresh (F5),
 * postmortem-list.cancel-refresh, postmortem-list.focus-search (Ctrl+F),
 * postmortem-list.clear-filters, postmortem-list.clear-search (search and filters),
 * postmortem-list.stop-search (Escape: the search text), postmortem-list.sort-key ("created",
 * "updated", "severity"), postmortem-list.sort-order ("descending", "ascending").
 */
#define DEBRIEF_TYPE_POSTMORTEM_LIST (debrief_postmortem_list_get_type ())
G_DECLARE_FINAL_TYPE (DebriefPostmortemList,
                      debrief_postmortem_list,
                      DEBRIEF,
                      POSTMORTEM_LIST,
                      GtkWidget)

GtkWidget *debrief_postmortem_list_new (void);

DebriefLibrary *debrief_postmortem_list_get_library (DebriefPostmortemList *self);
void debrief_postmortem_list_set_library (DebriefPostmortemList *self, DebriefLibrary *library);

/* The refresh of the same library: its progress, failures and pending incidents show here. */
DebriefLibraryRefresh *debrief_postmortem_list_get_refresh (DebriefPostmortemList *self);
void debrief_postmortem_list_set_refresh (DebriefPostmortemList *self,
                                          DebriefLibraryRefresh *refresh);

/* Starts a run of the refresh (nothing when one is running or there is no refresh). */
void debrief_postmortem_list_refresh (DebriefPostmortemList *self);
/* Starts a run once the window has drawn its next frame (at once if the list is in no shown
 * window): the list of what is known shows before the requests take the main loop. Counts
 * as refreshing from now on. */
void debrief_postmortem_list_queue_refresh (DebriefPostmortemList *self);
void debrief_postmortem_list_cancel_refresh (DebriefPostmortemList *self);
/* Also the read-only property "refreshing", notified when a run is queued, starts or ends. */
gboolean debrief_postmortem_list_get_refreshing (DebriefPostmortemList *self);

/* Selects the row of @id and scrolls to it, clearing the search and filters if they hid it.
 * FALSE when the library has no such entry. NULL unselects. */
gboolean debrief_postmortem_list_select (DebriefPostmortemList *self, const char *id);
/* The id of the selected row, or NULL. */
const char *debrief_postmortem_list_get_selected_id (DebriefPostmortemList *self);

void debrief_postmortem_list_focus_search (DebriefPostmortemList *self);

G_END_DECLS
