/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "og-client.h"

G_BEGIN_DECLS

/* Picks one user of the organisation: a search entry whose text the server searches as the
 * user types, and the answer a page at a time ("Show More"), so that it works for
 * organisations of thousands. */
#define DEBRIEF_TYPE_USER_PICKER (debrief_user_picker_get_type ())
G_DECLARE_FINAL_TYPE (DebriefUserPicker, debrief_user_picker, DEBRIEF, USER_PICKER, AdwBin)

GtkWidget *debrief_user_picker_new (void);

/* Setting a client lists its users from the start; NULL empties the picker. */
OgClient *debrief_user_picker_get_client (DebriefUserPicker *self);
void debrief_user_picker_set_client (DebriefUserPicker *self, OgClient *client);
/* The user picked, or NULL. */
OgUser *debrief_user_picker_get_selected_user (DebriefUserPicker *self);
/* A page is being fetched. */
gboolean debrief_user_picker_get_busy (DebriefUserPicker *self);

G_END_DECLS
