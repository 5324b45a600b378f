/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What GET /v2/account tells: the organisation's name and plan. */
#define OG_TYPE_ACCOUNT (og_account_get_type ())
G_DECLARE_FINAL_TYPE (OgAccount, og_account, OG, ACCOUNT, GObject)

OgAccount *og_account_new_from_json (JsonNode *node, GError **error);
JsonNode *og_account_to_json (OgAccount *self);
const char *og_account_get_name (OgAccount *self);
const char *og_account_get_plan_name (OgAccount *self);
guint og_account_get_user_count (OgAccount *self);
guint og_account_get_max_user_count (OgAccount *self);
gboolean og_account_get_is_yearly (OgAccount *self);

G_END_DECLS
