/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "og-user"

#include "config.h"

#include "og-user.h"

#include "og-json-private.h"

struct _OgUser
{
  GObject parent_instance;

  char *id;
  char *username;
  char *full_name;
  char *role_id;
  char *role;
  gboolean blocked;
  gboolean verified;
  char *time_zone;
};

G_DEFINE_FINAL_TYPE (OgUser, og_user, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_USERNAME,
  PROP_FULL_NAME,
  PROP_ROLE_ID,
  PROP_ROLE,
  PROP_BLOCKED,
  PROP_VERIFIED,
  PROP_TIME_ZONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
og_user_finalize (GObject *object)
{
  OgUser *self = OG_USER (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->username, g_free);
  g_clear_pointer (&self->full_name, g_free);
  g_clear_pointer (&self->role_id, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->time_zone, g_free);

  G_OBJECT_CLASS (og_user_parent_class)->finalize (object);
}

static void
og_user_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  OgUser *self = OG_USER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_USERNAME:
      g_value_set_string (value, self->username);
      break;
    case PROP_FULL_NAME:
      g_value_set_string (value, self->full_name);
      break;
    case PROP_ROLE_ID:
      g_value_set_string (value, self->role_id);
      break;
    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;
    case PROP_BLOCKED:
      g_value_set_boolean (value, self->blocked);
      break;
    case PROP_VERIFIED:
      g_value_set_boolean (value, self->verified);
      break;
    case PROP_TIME_ZONE:
      g_value_set_string (value, self->time_zone);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
og_user_class_init (OgUserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = og_user_finalize;
  object_class->get_property = og_user_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_USERNAME] = g_param_spec_string ("username", NULL, NULL, NULL, flags);
  properties[PROP_FULL_NAME] = g_param_spec_string ("full-name", NULL, NULL, NULL, flags);
  properties[PROP_ROLE_ID] = g_param_spec_string ("role-id", NULL, NULL, NULL, flags);
  properties[PROP_ROLE] = g_param_spec_string ("role", NULL, NULL, NULL, flags);
  properties[PROP_BLOCKED] = g_param_spec_boolean ("blocked", NULL, NULL, FALSE, flags);
  properties[PROP_VERIFIED] = g_param_spec_boolean ("verified", NULL, NULL, FALSE, flags);
  properties[PROP_TIME_ZONE] = g_param_spec_string ("time-zone", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
og_user_init (OgUser *self)
{
}

/* An element of GET /v2/users. */
OgUser *
og_user_new_from_json (JsonNode *node, GError **error)
{
  g_autoptr (OgUser) self = g_object_new (OG_TYPE_USER, NULL);
  JsonObject *object;
  JsonObject *role = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(object = _og_json_node_get_object (node, NULL, error))
      || !_og_json_read_required_string (object, NULL, "id", &self->id, error)
      || !_og_json_read_string (object, NULL, "username", &self->username, error)
      || !_og_json_read_string (object, NULL, "fullName", &self->full_name, error)
      || !_og_json_read_boolean (object, NULL, "blocked", &self->blocked, error)
      || !_og_json_read_boolean (object, NULL, "verified", &self->verified, error)
      || !_og_json_read_string (object, NULL, "timeZone", &self->time_zone, error)
      || !_og_json_read_object (object, NULL, "role", &role, error))
    return NULL;

  if (role != NULL
      && (!_og_json_read_string (role, "role", "id", &self->role_id, error)
          || !_og_json_read_string (role, "role", "name", &self->role, error)))
    return NULL;

  return g_steal_pointer (&self);
}

JsonNode *
og_user_to_json (OgUser *self)
{
  JsonObject *object;

  g_return_val_if_fail (OG_IS_USER (self), NULL);

  object = json_object_new ();
  _og_json_object_set_string (object, "id", self->id);
  _og_json_object_set_string (object, "username", self->username);
  _og_json_object_set_string (object, "fullName", self->full_name);
  if (self->role_id != NULL || self->role != NULL)
    {
      JsonObject *role = json_object_new ();

      _og_json_object_set_string (role, "id", self->role_id);
      _og_json_object_set_string (role, "name", self->role);
      json_object_set_object_member (object, "role", role);
    }
  json_object_set_boolean_member (object, "blocked", self->blocked);
  json_object_set_boolean_member (object, "verified", self->verified);
  _og_json_object_set_string (object, "timeZone", self->time_zone);
  return _og_json_node_new_object (object);
}

const char *
og_user_get_id (OgUser *self)
{
  g_return_val_if_fail (OG_IS_USER (self), NULL);

  return self->id;
}

const char *
og_user_get_username (OgUser *self)
{
  g_return_val_if_fail (OG_IS_USER (self), NULL);

  return self->username;
}

const char *
og_user_get_full_name (OgUser *self)
{
  g_return_val_if_fail (OG_IS_USER (self), NULL);

  return self->full_name;
}

const char *
og_user_get_role (OgUser *self)
{
  g_return_val_if_fail (OG_IS_USER (self), NULL);

  return self->role;
}

gboolean
og_user_get_blocked (OgUser *self)
{
  g_return_val_if_fail (OG_IS_USER (self), FALSE);

  return self->blocked;
}
