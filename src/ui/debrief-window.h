/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "og-client.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_WINDOW (debrief_window_get_type ())
G_DECLARE_FINAL_TYPE (DebriefWindow, debrief_window, DEBRIEF, WINDOW, AdwApplicationWindow)

/* @application may be NULL (tests). */
DebriefWindow *debrief_window_new (GtkApplication *application);

/* Setting a client (re)loads the postmortems; NULL shows the welcome page. */
OgClient *debrief_window_get_client (DebriefWindow *self);
void debrief_window_set_client (DebriefWindow *self, OgClient *client);
/* Whether the client talks to the in-process sandbox: the window says so. */
gboolean debrief_window_get_sandbox (DebriefWindow *self);
void debrief_window_set_sandbox (DebriefWindow *self, gboolean sandbox);
gboolean debrief_window_get_loading (DebriefWindow *self);
/* The active account's name, shown under the title (outside the sandbox). */
void debrief_window_set_account_name (DebriefWindow *self, const char *name);
/* Drops the client and says why there is none: the keyring would not give the key.
 * @locked: the way on is to unlock it (the button says so). */
void debrief_window_show_keyring_error (DebriefWindow *self, const char *message, gboolean locked);

void debrief_window_reload (DebriefWindow *self);
/* Shows @message (a sentence for the user) as a toast. */
void debrief_window_show_toast (DebriefWindow *self, const char *message);

G_END_DECLS
