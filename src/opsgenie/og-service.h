/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define OG_TYPE_SERVICE (og_service_get_type ())
G_DECLARE_FINAL_TYPE (OgService, og_service, OG, SERVICE, GObject)

OgService *og_service_new_from_json (JsonNode *node, GError **error);
JsonNode *og_service_to_json (OgService *self);
const char *og_service_get_id (OgService *self);
const char *og_service_get_name (OgService *self);
const char *og_service_get_description (OgService *self);
const char *og_service_get_team_id (OgService *self);

G_END_DECLS
