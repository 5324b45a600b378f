/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "debrief-library-entry.h"
#include "og-postmortem.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_POSTMORTEM_ROW (debrief_postmortem_row_get_type ())
G_DECLARE_FINAL_TYPE (DebriefPostmortemRow,
                      debrief_postmortem_row,
                      DEBRIEF,
                      POSTMORTEM_ROW,
                      GtkWidget)

GtkWidget *debrief_postmortem_row_new (void);
OgPostmortem *debrief_postmortem_row_get_postmortem (DebriefPostmortemRow *self);
void debrief_postmortem_row_set_postmortem (DebriefPostmortemRow *self, OgPostmortem *postmortem);
/* A library entry instead of a fetched postmortem: the row follows its changes (a fetch,
 * a draft written or discarded). Setting one clears the other. */
DebriefLibraryEntry *debrief_postmortem_row_get_entry (DebriefPostmortemRow *self);
void debrief_postmortem_row_set_entry (DebriefPostmortemRow *self, DebriefLibraryEntry *entry);
/* Shows when an entry was last updated instead of when it was created (the list sorted by
 * update). */
void debrief_postmortem_row_set_show_updated (DebriefPostmortemRow *self, gboolean show_updated);

G_END_DECLS
