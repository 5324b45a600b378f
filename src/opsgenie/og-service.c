/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "og-service"

#include "config.h"

#include "og-service.h"

#include "og-json-private.h"

struct _OgService
{
  GObject parent_instance;

  char *id;
  char *name;
  char *description;
  char *team_id;
};

G_DEFINE_FINAL_TYPE (OgService, og_service, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_TEAM_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
og_service_finalize (GObject *object)
{
  OgService *self = OG_SERVICE (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->team_id, g_free);

  G_OBJECT_CLASS (og_service_parent_class)->finalize (object);
}

static void
og_service_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  OgService *self = OG_SERVICE (object);

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
    case PROP_TEAM_ID:
      g_value_set_string (value, self->team_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
og_service_class_init (OgServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = og_service_finalize;
  object_class->get_property = og_service_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_TEAM_ID] = g_param_spec_string ("team-id", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
og_service_init (OgService *self)
{
}

/* An element of GET /v1/services: {"id", "name", "description", "teamId"}. */
OgService *
og_service_new_from_json (JsonNode *node, GError **error)
{
  g_autoptr (OgService) self = g_object_new (OG_TYPE_SERVICE, NULL);
  JsonObject *object;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(object = _og_json_node_get_object (node, NULL, error))
      || !_og_json_read_required_string (object, NULL, "id", &self->id, error)
      || !_og_json_read_string (object, NULL, "name", &self->name, error)
      || !_og_json_read_string (object, NULL, "description", &self->description, error)
      || !_og_json_read_string (object, NULL, "teamId", &self->team_id, error))
    return NULL;

  return g_steal_pointer (&self);
}

JsonNode *
og_service_to_json (OgService *self)
{
  JsonObject *object;

  g_return_val_if_fail (OG_IS_SERVICE (self), NULL);

  object = json_object_new ();
  _og_json_object_set_string (object, "id", self->id);
  _og_json_object_set_string (object, "name", self->name);
  _og_json_object_set_string (object, "description", self->description);
  _og_json_object_set_string (object, "teamId", self->team_id);
  return _og_json_node_new_object (object);
}

const char *
og_service_get_id (OgService *self)
{
  g_return_val_if_fail (OG_IS_SERVICE (self), NULL);

  return self->id;
}

const char *
og_service_get_name (OgService *self)
{
  g_return_val_if_fail (OG_IS_SERVICE (self), NULL);

  return self->name;
}

const char *
og_service_get_description (OgService *self)
{
  g_return_val_if_fail (OG_IS_SERVICE (self), NULL);

  return self->description;
}

const char *
og_service_get_team_id (OgService *self)
{
  g_return_val_if_fail (OG_IS_SERVICE (self), NULL);

  return self->team_id;
}
