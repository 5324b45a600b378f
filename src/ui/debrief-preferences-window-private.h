/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "debrief-preferences-window.h"

G_BEGIN_DECLS

/* For tests. The rows of the accounts list carry "account-id", and their "check" (active),
 * "rename" and "remove" buttons as object data. */
GtkListBox *_debrief_preferences_window_get_accounts_list (DebriefPreferencesWindow *self);
GtkSpinButton *_debrief_preferences_window_get_timeout_spin (DebriefPreferencesWindow *self);
GtkSwitch *_debrief_preferences_window_get_reopen_switch (DebriefPreferencesWindow *self);
/* The rename or remove dialog shown now, or NULL. */
AdwMessageDialog *_debrief_preferences_window_get_dialog (DebriefPreferencesWindow *self);

G_END_DECLS
