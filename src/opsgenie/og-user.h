/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define OG_TYPE_USER (og_user_get_type ())
G_DECLARE_FINAL_TYPE (OgUser, og_user, OG, USER, GObject)

OgUser *og_user_new_from_json (JsonNode *node, GError **error);
JsonNode *og_user_to_json (OgUser *self);
const char *og_user_get_id (OgUser *self);
const char *og_user_get_username (OgUser *self); /* the e-mail address */
const char *og_user_get_full_name (OgUser *self);
const char *og_user_get_role (OgUser *self); /* role.name */
gboolean og_user_get_blocked (OgUser *self);

G_END_DECLS
