/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "debrief-account.h"

G_BEGIN_DECLS

/* The accounts Debrief knows, in the order they were added, and which one is active;
 * persisted in a key file (never with a key in it: keys are in the keyring). */
#define DEBRIEF_TYPE_ACCOUNT_LIST (debrief_account_list_get_type ())
G_DECLARE_FINAL_TYPE (DebriefAccountList, debrief_account_list, DEBRIEF, ACCOUNT_LIST, GObject)

/* @path NULL: $XDG_CONFIG_HOME/debrief/accounts.ini. Nothing is read until _load(). */
DebriefAccountList *debrief_account_list_new (const char *path);
const char *debrief_account_list_get_path (DebriefAccountList *self);

/* A missing file is an empty list, not an error. */
gboolean debrief_account_list_load (DebriefAccountList *self, GError **error);
/* Atomic: the file is either the old one or the new one, never half written. */
gboolean debrief_account_list_save (DebriefAccountList *self, GError **error);

DebriefAccount *debrief_account_list_lookup (DebriefAccountList *self, const char *id);

/* The first account added becomes the active one. Saves. */
gboolean
debrief_account_list_add (DebriefAccountList *self, DebriefAccount *account, GError **error);
/* Saves. */
gboolean debrief_account_list_rename (DebriefAccountList *self,
                                      const char *id,
                                      const char *display_name,
                                      GError **error);

/* Clears the account's key from the keyring first; only when that worked is the account
 * removed (a key whose account is gone could never be cleared from Debrief). Saves. When
 * it was the active one, the first account left becomes active. */
void debrief_account_list_remove_async (DebriefAccountList *self,
                                        const char *id,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer user_data);
gboolean
debrief_account_list_remove_finish (DebriefAccountList *self, GAsyncResult *result, GError **error);

/* NULL when there are no accounts. */
const char *debrief_account_list_get_active_id (DebriefAccountList *self);
DebriefAccount *debrief_account_list_get_active (DebriefAccountList *self);
/* Saves. */
gboolean
debrief_account_list_set_active_id (DebriefAccountList *self, const char *id, GError **error);

G_END_DECLS
