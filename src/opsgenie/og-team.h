/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define OG_TYPE_TEAM (og_team_get_type ())
G_DECLARE_FINAL_TYPE (OgTeam, og_team, OG, TEAM, GObject)

OgTeam *og_team_new_from_json (JsonNode *node, GError **error);
JsonNode *og_team_to_json (OgTeam *self);
const char *og_team_get_id (OgTeam *self);
const char *og_team_get_name (OgTeam *self);
const char *og_team_get_description (OgTeam *self);

G_END_DECLS
