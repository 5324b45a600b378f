/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "og-responder"

#include "config.h"

#include "og-responder.h"

#include "og-json-private.h"

struct _OgResponder
{
  GObject parent_instance;

  char *id;
  char *name;
  char *role;
};

G_DEFINE_FINAL_TYPE (OgResponder, og_responder, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
og_responder_finalize (GObject *object)
{
  OgResponder *self = OG_RESPONDER (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->role, g_free);

  G_OBJECT_CLASS (og_responder_parent_class)->finalize (object);
}

static void
og_responder_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  OgResponder *self = OG_RESPONDER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
og_responder_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  OgResponder *self = OG_RESPONDER (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_ROLE:
      self->role = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
og_responder_class_init (OgResponderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = og_responder_finalize;
  object_class->get_property = og_responder_get_property;
  object_class->set_property = og_responder_set_property;

  properties[PROP_ID]
      = g_param_spec_string ("id", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS
                                 | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NAME]
      = g_param_spec_string ("name", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS
                                 | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ROLE]
      = g_param_spec_string ("role", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS
                                 | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
og_responder_init (OgResponder *self)
{
}

OgResponder *
og_responder_new (const char *id, const char *name, const char *role)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (OG_TYPE_RESPONDER, "id", id, "name", name, "role", role, NULL);
}

OgResponder *
_og_responder_new_from_json_at (JsonNode *node, const char *path, GError **error)
{
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;
  JsonObject *object;

  if (!(object = _og_json_node_get_object (node, path, error))
      || !_og_json_read_required_string (object, path, "id", &id, error)
      || !_og_json_read_string (object, path, "name", &name, error)
      || !_og_json_read_string (object, path, "role", &role, error))
    return NULL;

  return g_object_new (OG_TYPE_RESPONDER, "id", id, "name", name, "role", role, NULL);
}

OgResponder *
og_responder_new_from_json (JsonNode *node, GError **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _og_responder_new_from_json_at (node, NULL, error);
}

JsonNode *
og_responder_to_json (OgResponder *self)
{
  JsonObject *object;

  g_return_val_if_fail (OG_IS_RESPONDER (self), NULL);

  object = json_object_new ();
  _og_json_object_set_string (object, "id", self->id);
  _og_json_object_set_string (object, "name", self->name);
  _og_json_object_set_string (object, "role", self->role);
  return _og_json_node_new_object (object);
}

const char *
og_responder_get_id (OgResponder *self)
{
  g_return_val_if_fail (OG_IS_RESPONDER (self), NULL);

  return self->id;
}

const char *
og_responder_get_name (OgResponder *self)
{
  g_return_val_if_fail (OG_IS_RESPONDER (self), NULL);

  return self->name;
}

const char *
og_responder_get_role (OgResponder *self)
{
  g_return_val_if_fail (OG_IS_RESPONDER (self), NULL);

  return self->role;
}

gboolean
og_responder_equal (OgResponder *a, OgResponder *b)
{
  g_return_val_if_fail (a == NULL || OG_IS_RESPONDER (a), FALSE);
  g_return_val_if_fail (b == NULL || OG_IS_RESPONDER (b), FALSE);

  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  return g_strcmp0 (a->id, b->id) == 0 && g_strcmp0 (a->name, b->name) == 0
         && g_strcmp0 (a->role, b->role) == 0;
}
