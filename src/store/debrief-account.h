/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  DEBRIEF_REGION_US,
  DEBRIEF_REGION_EU,
  DEBRIEF_REGION_CUSTOM,
} DebriefRegion;

/* "us", "eu", "custom"; and back (an unknown word is DEBRIEF_REGION_CUSTOM). */
const char *debrief_region_to_string (DebriefRegion region);
DebriefRegion debrief_region_from_string (const char *string);
/* OG_BASE_URL_US or OG_BASE_URL_EU; NULL for DEBRIEF_REGION_CUSTOM. */
const char *debrief_region_get_base_url (DebriefRegion region);

/* One Opsgenie organisation Debrief talks to, and who the user is in it. Everything but
 * the API key, which lives in the keyring (debrief-secrets) under the account's id. */
#define DEBRIEF_TYPE_ACCOUNT (debrief_account_get_type ())
G_DECLARE_FINAL_TYPE (DebriefAccount, debrief_account, DEBRIEF, ACCOUNT, GObject)

/* A new account with a fresh id. */
DebriefAccount *debrief_account_new (DebriefRegion region, const char *base_url);

const char *debrief_account_get_id (DebriefAccount *self);
const char *debrief_account_get_display_name (DebriefAccount *self);
void debrief_account_set_display_name (DebriefAccount *self, const char *display_name);
const char *debrief_account_get_base_url (DebriefAccount *self);
DebriefRegion debrief_account_get_region (DebriefAccount *self);
/* host[:port] of the base URL: the keyring's "host" attribute */
char *debrief_account_dup_host (DebriefAccount *self);
const char *debrief_account_get_organization (DebriefAccount *self);
void debrief_account_set_organization (DebriefAccount *self, const char *organization);
const char *debrief_account_get_plan (DebriefAccount *self);
void debrief_account_set_plan (DebriefAccount *self, const char *plan);
const char *debrief_account_get_actor_id (DebriefAccount *self);
const char *debrief_account_get_actor_name (DebriefAccount *self);
/* The user who is "me": the actorUserId of every write. */
void debrief_account_set_actor (DebriefAccount *self, const char *actor_id, const char *actor_name);

G_END_DECLS
