/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "debrief-account-list.h"
#include "og-client.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_APPLICATION (debrief_application_get_type ())
G_DECLARE_FINAL_TYPE (DebriefApplication, debrief_application, DEBRIEF, APPLICATION, AdwApplication)

DebriefApplication *debrief_application_new (void);

/* Starts the in-process sandbox server (once) and points every window at it. */
gboolean debrief_application_enter_sandbox (DebriefApplication *self, GError **error);
gboolean debrief_application_is_sandbox (DebriefApplication *self);
/* The accounts, loaded at startup. */
DebriefAccountList *debrief_application_get_accounts (DebriefApplication *self);
/* The client of the current connection, or NULL before there is one. */
OgClient *debrief_application_get_client (DebriefApplication *self);

G_END_DECLS
