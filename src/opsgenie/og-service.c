/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "og-service"

#include "config.h"

#include "og-service.h"

#include "og-string-props-private.h"

struct _OgService
{
  GObject parent_instance;

  char *id;
  char *name;
  char *description;
  char *team_id;
};

G_DEFINE_FINAL_TYPE (OgService, og_service, G_TYPE_OBJECT)

static const OgStringProp service_props[] = {
  { "id", "id", G_STRUCT_OFFSET (OgService, id), TRUE },
  { "name", "name", G_STRUCT_OFFSET (OgService, name), FALSE },
  { "description", "description", G_STRUCT_OFFSET (OgService, description), FALSE },
  { "team-id", "teamId", G_STRUCT_OFFSET (OgService, team_id), FALSE },
};

static void
og_service_class_init (OgServiceClass *klass)
{
  _og_string_props_class_init (G_OBJECT_CLASS (klass), service_props, G_N_ELEMENTS (service_props),
                               G_PARAM_READABLE);
}

static void
og_service_init (OgService *self)
{
}

/* An element of GET /v1/services: {"id", "name", "description", "teamId"}. */
OgService *
og_service_new_from_json (JsonNode *node, GError **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _og_string_props_new_from_json (OG_TYPE_SERVICE, node, NULL, error);
}

JsonNode *
og_service_to_json (OgService *self)
{
  g_return_val_if_fail (OG_IS_SERVICE (self), NULL);

  return _og_string_props_to_json (self);
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
