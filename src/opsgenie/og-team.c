/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "og-team"

#include "config.h"

#include "og-team.h"

#include "og-string-props-private.h"

struct _OgTeam
{
  GObject parent_instance;

  char *id;
  char *name;
  char *description;
};

G_DEFINE_FINAL_TYPE (OgTeam, og_team, G_TYPE_OBJECT)

static const OgStringProp team_props[] = {
  { "id", "id", G_STRUCT_OFFSET (OgTeam, id), TRUE },
  { "name", "name", G_STRUCT_OFFSET (OgTeam, name), FALSE },
  { "description", "description", G_STRUCT_OFFSET (OgTeam, description), FALSE },
};

static void
og_team_class_init (OgTeamClass *klass)
{
  _og_string_props_class_init (G_OBJECT_CLASS (klass), team_props, G_N_ELEMENTS (team_props),
                               G_PARAM_READABLE);
}

static void
og_team_init (OgTeam *self)
{
}

/* An element of GET /v2/teams: {"id", "name", "description"}. */
OgTeam *
og_team_new_from_json (JsonNode *node, GError **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _og_string_props_new_from_json (OG_TYPE_TEAM, node, NULL, error);
}

JsonNode *
og_team_to_json (OgTeam *self)
{
  g_return_val_if_fail (OG_IS_TEAM (self), NULL);

  return _og_string_props_to_json (self);
}

const char *
og_team_get_id (OgTeam *self)
{
  g_return_val_if_fail (OG_IS_TEAM (self), NULL);

  return self->id;
}

const char *
og_team_get_name (OgTeam *self)
{
  g_return_val_if_fail (OG_IS_TEAM (self), NULL);

  return self->name;
}

const char *
og_team_get_description (OgTeam *self)
{
  g_return_val_if_fail (OG_IS_TEAM (self), NULL);

  return self->description;
}
