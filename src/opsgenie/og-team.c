/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "og-team"

#include "config.h"

#include "og-team.h"

#include "og-json-private.h"

struct _OgTeam
{
  GObject parent_instance;

  char *id;
  char *name;
  char *description;
};

G_DEFINE_FINAL_TYPE (OgTeam, og_team, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
og_team_finalize (GObject *object)
{
  OgTeam *self = OG_TEAM (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (og_team_parent_class)->finalize (object);
}

static void
og_team_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  OgTeam *self = OG_TEAM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
og_team_class_init (OgTeamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = og_team_finalize;
  object_class->get_property = og_team_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
og_team_init (OgTeam *self)
{
}

/* An element of GET /v2/teams: {"id", "name", "description"}. */
OgTeam *
og_team_new_from_json (JsonNode *node, GError **error)
{
  g_autoptr (OgTeam) self = g_object_new (OG_TYPE_TEAM, NULL);
  JsonObject *object;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(object = _og_json_node_get_object (node, NULL, error))
      || !_og_json_read_required_string (object, NULL, "id", &self->id, error)
      || !_og_json_read_string (object, NULL, "name", &self->name, error)
      || !_og_json_read_string (object, NULL, "description", &self->description, error))
    return NULL;

  return g_steal_pointer (&self);
}

JsonNode *
og_team_to_json (OgTeam *self)
{
  JsonObject *object;

  g_return_val_if_fail (OG_IS_TEAM (self), NULL);

  object = json_object_new ();
  _og_json_object_set_string (object, "id", self->id);
  _og_json_object_set_string (object, "name", self->name);
  _og_json_object_set_string (object, "description", self->description);
  return _og_json_node_new_object (object);
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
