/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "debrief-user-picker.h"

G_BEGIN_DECLS

/* For tests: the widgets a user works with. The list's rows are AdwActionRows titled with
 * the full name. */
GtkSearchEntry *_debrief_user_picker_get_search_entry (DebriefUserPicker *self);
GtkListBox *_debrief_user_picker_get_list (DebriefUserPicker *self);
GtkButton *_debrief_user_picker_get_more_button (DebriefUserPicker *self);

G_END_DECLS
