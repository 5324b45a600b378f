/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "debrief-connect-window.h"

G_BEGIN_DECLS

/* For tests: the widgets a user works with. */
AdwComboRow *_debrief_connect_window_get_region_row (DebriefConnectWindow *self);
AdwEntryRow *_debrief_connect_window_get_url_row (DebriefConnectWindow *self);
AdwPasswordEntryRow *_debrief_connect_window_get_key_row (DebriefConnectWindow *self);
GtkLabel *_debrief_connect_window_get_url_error_label (DebriefConnectWindow *self);
GtkLabel *_debrief_connect_window_get_check_error_label (DebriefConnectWindow *self);
GtkButton *_debrief_connect_window_get_check_button (DebriefConnectWindow *self);
AdwActionRow *_debrief_connect_window_get_org_row (DebriefConnectWindow *self);
AdwEntryRow *_debrief_connect_window_get_name_row (DebriefConnectWindow *self);
GtkSearchEntry *_debrief_connect_window_get_user_search (DebriefConnectWindow *self);
GtkListBox *_debrief_connect_window_get_user_list (DebriefConnectWindow *self);
GtkButton *_debrief_connect_window_get_more_button (DebriefConnectWindow *self);
GtkLabel *_debrief_connect_window_get_save_error_label (DebriefConnectWindow *self);
GtkButton *_debrief_connect_window_get_save_button (DebriefConnectWindow *self);
/* A check, a user search or a save is under way. */
gboolean _debrief_connect_window_is_busy (DebriefConnectWindow *self);

G_END_DECLS
