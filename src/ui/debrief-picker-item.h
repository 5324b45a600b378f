/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One result of a DebriefPicker: the object it stands for (an OgUser, OgTeam, OgService or
 * OgIncident) with the id and the two lines the list shows. Immutable. */
#define DEBRIEF_TYPE_PICKER_ITEM (debrief_picker_item_get_type ())
G_DECLARE_FINAL_TYPE (DebriefPickerItem, debrief_picker_item, DEBRIEF, PICKER_ITEM, GObject)

DebriefPickerItem *debrief_picker_item_new (GObject *object);
const char *debrief_picker_item_get_id (DebriefPickerItem *self);
/* A user's full name, a team's or service's name, "#42 message" for an incident */
const char *debrief_picker_item_get_title (DebriefPickerItem *self);
/* The e-mail address, the description, the incident's status; may be NULL */
const char *debrief_picker_item_get_subtitle (DebriefPickerItem *self);
GObject *debrief_picker_item_get_object (DebriefPickerItem *self);
/* Whether @casefolded_text occurs in the title or the subtitle */
gboolean debrief_picker_item_matches (DebriefPickerItem *self, const char *casefolded_text);

G_END_DECLS
