/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "debrief-window.h"

G_BEGIN_DECLS

/* For tests: what the window shows, without walking its widget tree. */
GListModel *_debrief_window_get_model (DebriefWindow *self);
const char *_debrief_window_get_visible_page_name (DebriefWindow *self);
AdwStatusPage *_debrief_window_get_error_page (DebriefWindow *self);
GtkWidget *_debrief_window_get_retry_button (DebriefWindow *self);
GtkWidget *_debrief_window_get_sandbox_button (DebriefWindow *self);
GtkWidget *_debrief_window_get_sandbox_bar (DebriefWindow *self);
GtkWidget *_debrief_window_get_connect_button (DebriefWindow *self);
AdwStatusPage *_debrief_window_get_keyring_page (DebriefWindow *self);
GtkWidget *_debrief_window_get_keyring_button (DebriefWindow *self);
GtkWidget *_debrief_window_get_refresh_button (DebriefWindow *self);
GtkListView *_debrief_window_get_list_view (DebriefWindow *self);
/* The title of the toast the window shows now about postmortems it could not load, or
 * NULL. */
const char *_debrief_window_get_failure_toast_title (DebriefWindow *self);

G_END_DECLS
