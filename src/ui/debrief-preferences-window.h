/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "debrief-account-list.h"

G_BEGIN_DECLS

/* Accounts (add, rename, remove, switch) and the settings, bound to GSettings. */
#define DEBRIEF_TYPE_PREFERENCES_WINDOW (debrief_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (DebriefPreferencesWindow,
                      debrief_preferences_window,
                      DEBRIEF,
                      PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

DebriefPreferencesWindow *debrief_preferences_window_new (GtkWindow *parent,
                                                          DebriefAccountList *accounts);

G_END_DECLS
