/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "debrief-account-list.h"

G_BEGIN_DECLS

/* Connecting an Opsgenie organisation: region or address, the API key, a check of both
 * (GET /v2/account), "this is me" from the user list, then the key into the keyring and
 * the account into @accounts. Emits "account-added" and closes when done. */
#define DEBRIEF_TYPE_CONNECT_WINDOW (debrief_connect_window_get_type ())
G_DECLARE_FINAL_TYPE (DebriefConnectWindow,
                      debrief_connect_window,
                      DEBRIEF,
                      CONNECT_WINDOW,
                      AdwWindow)

DebriefConnectWindow *debrief_connect_window_new (GtkWindow *parent, DebriefAccountList *accounts);

G_END_DECLS
