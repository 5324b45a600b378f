/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "og-account"

#include "config.h"

#include "og-account.h"

#include "og-json-private.h"

struct _OgAccount
{
  GObject parent_instance;

  char *name;
  guint user_count;
  char *plan_name;
  guint max_user_count;
  gboolean is_yearly;
};

G_DEFINE_FINAL_TYPE (OgAccount, og_account, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_NAME,
  PROP_USER_COUNT,
  PROP_PLAN_NAME,
  PROP_MAX_USER_COUNT,
  PROP_IS_YEARLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
og_account_finalize (GObject *object)
{
  OgAccount *self = OG_ACCOUNT (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->plan_name, g_free);

  G_OBJECT_CLASS (og_account_parent_class)->finalize (object);
}

static void
og_account_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  OgAccount *self = OG_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_USER_COUNT:
      g_value_set_uint (value, self->user_count);
      break;
    case PROP_PLAN_NAME:
      g_value_set_string (value, self->plan_name);
      break;
    case PROP_MAX_USER_COUNT:
      g_value_set_uint (value, self->max_user_count);
      break;
    case PROP_IS_YEARLY:
      g_value_set_boolean (value, self->is_yearly);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
og_account_class_init (OgAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = og_account_finalize;
  object_class->get_property = og_account_get_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_USER_COUNT]
      = g_param_spec_uint ("user-count", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_PLAN_NAME] = g_param_spec_string ("plan-name", NULL, NULL, NULL, flags);
  properties[PROP_MAX_USER_COUNT]
      = g_param_spec_uint ("max-user-count", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_IS_YEARLY] = g_param_spec_boolean ("is-yearly", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
og_account_init (OgAccount *self)
{
}

/* GET /v2/account's "data": {"name", "userCount", "plan": {"maxUserCount", "name",
 * "isYearly"}}. */
OgAccount *
og_account_new_from_json (JsonNode *node, GError **error)
{
  g_autoptr (OgAccount) self = g_object_new (OG_TYPE_ACCOUNT, NULL);
  JsonObject *object;
  JsonObject *plan = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(object = _og_json_node_get_object (node, NULL, error))
      || !_og_json_read_string (object, NULL, "name", &self->name, error)
      || !_og_json_read_uint (object, NULL, "userCount", &self->user_count, error)
      || !_og_json_read_object (object, NULL, "plan", &plan, error))
    return NULL;

  if (plan != NULL
      && (!_og_json_read_uint (plan, "plan", "maxUserCount", &self->max_user_count, error)
          || !_og_json_read_string (plan, "plan", "name", &self->plan_name, error)
          || !_og_json_read_boolean (plan, "plan", "isYearly", &self->is_yearly, error)))
    return NULL;

  return g_steal_pointer (&self);
}

JsonNode *
og_account_to_json (OgAccount *self)
{
  JsonObject *object;
  JsonObject *plan;

  g_return_val_if_fail (OG_IS_ACCOUNT (self), NULL);

  object = json_object_new ();
  _og_json_object_set_string (object, "name", self->name);
  json_object_set_int_member (object, "userCount", self->user_count);
  plan = json_object_new ();
  json_object_set_int_member (plan, "maxUserCount", self->max_user_count);
  _og_json_object_set_string (plan, "name", self->plan_name);
  json_object_set_boolean_member (plan, "isYearly", self->is_yearly);
  json_object_set_object_member (object, "plan", plan);
  return _og_json_node_new_object (object);
}

const char *
og_account_get_name (OgAccount *self)
{
  g_return_val_if_fail (OG_IS_ACCOUNT (self), NULL);

  return self->name;
}

guint
og_account_get_user_count (OgAccount *self)
{
  g_return_val_if_fail (OG_IS_ACCOUNT (self), 0);

  return self->user_count;
}

const char *
og_account_get_plan_name (OgAccount *self)
{
  g_return_val_if_fail (OG_IS_ACCOUNT (self), NULL);

  return self->plan_name;
}

guint
og_account_get_max_user_count (OgAccount *self)
{
  g_return_val_if_fail (OG_IS_ACCOUNT (self), 0);

  return self->max_user_count;
}

gboolean
og_account_get_is_yearly (OgAccount *self)
{
  g_return_val_if_fail (OG_IS_ACCOUNT (self), FALSE);

  return self->is_yearly;
}
