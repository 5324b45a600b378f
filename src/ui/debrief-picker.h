/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "debrief-picker-item.h"
#include "og-client.h"

G_BEGIN_DECLS

typedef enum
{
  DEBRIEF_PICKER_USERS,     /* searched by the API, page by page (an organisation has thousands) */
  DEBRIEF_PICKER_TEAMS,     /* fetched once, filtered here */
  DEBRIEF_PICKER_SERVICES,  /* fetched once (every page), filtered here */
  DEBRIEF_PICKER_INCIDENTS, /* searched by message words through the API, or by tinyId */
} DebriefPickerKind;

/*
 * A popover to choose one user, team, service or incident: a search entry over a list that
 * follows what is typed (after a short pause). Up/Down move through the results from the
 * entry, Enter picks, Escape closes. Emits "picked" with the DebriefPickerItem chosen and
 * closes. Give it to a GtkMenuButton as its popover; it searches afresh each time it opens.
 */
#define DEBRIEF_TYPE_PICKER (debrief_picker_get_type ())
G_DECLARE_FINAL_TYPE (DebriefPicker, debrief_picker, DEBRIEF, PICKER, GtkPopover)

GtkWidget *debrief_picker_new (DebriefPickerKind kind);
DebriefPickerKind debrief_picker_get_kind (DebriefPicker *self);
void debrief_picker_set_client (DebriefPicker *self, OgClient *client);
OgClient *debrief_picker_get_client (DebriefPicker *self);
/* Ids not to offer: those already chosen (NULL: none) */
void debrief_picker_set_excluded_ids (DebriefPicker *self, const char *const *ids);
/* The results shown now (DebriefPickerItem) */
GListModel *debrief_picker_get_results (DebriefPicker *self);
/* Whether a search or a further page is on its way */
gboolean debrief_picker_get_loading (DebriefPicker *self);

G_END_DECLS
