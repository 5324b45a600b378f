/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-account"

#include "config.h"

#include "debrief-account.h"

#include "debrief-secrets.h"
#include "og-client.h"

struct _DebriefAccount
{
  GObject parent_instance;

  char *id;
  char *display_name;
  char *base_url;
  DebriefRegion region;
  char *organization;
  char *plan;
  char *actor_id;
  char *actor_name;
};

enum
{
  PROP_0,
  PROP_ID,
  PROP_DISPLAY_NAME,
  PROP_BASE_URL,
  PROP_REGION,
  PROP_ORGANIZATION,
  PROP_PLAN,
  PROP_ACTOR_ID,
  PROP_ACTOR_NAME,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (DebriefAccount, debrief_account, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static const char *const region_names[] = { "us", "eu", "custom" };

static void
set_string (DebriefAccount *self, char **field, const char *value, guint prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
debrief_account_finalize (GObject *object)
{
  DebriefAccount *self = DEBRIEF_ACCOUNT (object);

  g_free (self->id);
  g_free (self->display_name);
  g_free (self->base_url);
  g_free (self->organization);
  g_free (self->plan);
  g_free (self->actor_id);
  g_free (self->actor_name);

  G_OBJECT_CLASS (debrief_account_parent_class)->finalize (object);
}

static void
debrief_account_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DebriefAccount *self = DEBRIEF_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;
    case PROP_REGION:
      g_value_set_int (value, self->region);
      break;
    case PROP_ORGANIZATION:
      g_value_set_string (value, self->organization);
      break;
    case PROP_PLAN:
      g_value_set_string (value, self->plan);
      break;
    case PROP_ACTOR_ID:
      g_value_set_string (value, self->actor_id);
      break;
    case PROP_ACTOR_NAME:
      g_value_set_string (value, self->actor_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_account_set_property (GObject *object,
                              guint prop_id,
                              const GValue *value,
                              GParamSpec *pspec)
{
  DebriefAccount *self = DEBRIEF_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_DISPLAY_NAME:
      debrief_account_set_display_name (self, g_value_get_string (value));
      break;
    case PROP_BASE_URL:
      self->base_url = g_value_dup_string (value);
      break;
    case PROP_REGION:
      self->region = g_value_get_int (value);
      break;
    case PROP_ORGANIZATION:
      debrief_account_set_organization (self, g_value_get_string (value));
      break;
    case PROP_PLAN:
      debrief_account_set_plan (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_account_constructed (GObject *object)
{
  DebriefAccount *self = DEBRIEF_ACCOUNT (object);

  G_OBJECT_CLASS (debrief_account_parent_class)->constructed (object);

  if (self->id == NULL)
    self->id = g_uuid_string_random ();
}

static void
debrief_account_class_init (DebriefAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = debrief_account_finalize;
  object_class->get_property = debrief_account_get_property;
  object_class->set_property = debrief_account_set_property;
  object_class->constructed = debrief_account_constructed;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, construct);
  properties[PROP_DISPLAY_NAME] = g_param_spec_string ("display-name", NULL, NULL, NULL, rw);
  properties[PROP_BASE_URL] = g_param_spec_string ("base-url", NULL, NULL, NULL, construct);
  properties[PROP_REGION]
      = g_param_spec_int ("region", NULL, NULL, DEBRIEF_REGION_US, DEBRIEF_REGION_CUSTOM,
                          DEBRIEF_REGION_CUSTOM, construct);
  properties[PROP_ORGANIZATION] = g_param_spec_string ("organization", NULL, NULL, NULL, rw);
  properties[PROP_PLAN] = g_param_spec_string ("plan", NULL, NULL, NULL, rw);
  properties[PROP_ACTOR_ID] = g_param_spec_string ("actor-id", NULL, NULL, NULL,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR_NAME] = g_param_spec_string ("actor-name", NULL, NULL, NULL,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
debrief_account_init (DebriefAccount *self)
{
}

const char *
debrief_region_to_string (DebriefRegion region)
{
  g_return_val_if_fail (region <= DEBRIEF_REGION_CUSTOM, "custom");

  return region_names[region];
}

DebriefRegion
debrief_region_from_string (const char *string)
{
  for (guint i = 0; i < G_N_ELEMENTS (region_names); i++)
    {
      if (g_strcmp0 (string, region_names[i]) == 0)
        return i;
    }
  return DEBRIEF_REGION_CUSTOM;
}

const char *
debrief_region_get_base_url (DebriefRegion region)
{
  switch (region)
    {
    case DEBRIEF_REGION_US:
      return OG_BASE_URL_US;
    case DEBRIEF_REGION_EU:
      return OG_BASE_URL_EU;
    case DEBRIEF_REGION_CUSTOM:
    default:
      return NULL;
    }
}

DebriefAccount *
debrief_account_new (DebriefRegion region, const char *base_url)
{
  if (base_url == NULL)
    base_url = debrief_region_get_base_url (region);

  g_return_val_if_fail (base_url != NULL, NULL);

  /* clang-format off */
  return g_object_new (DEBRIEF_TYPE_ACCOUNT,
                       "region", region,
                       "base-url", base_url,
                       NULL);
  /* clang-format on */
}

const char *
debrief_account_get_id (DebriefAccount *self)
{
  g_return_val_if_fail (DEBRIEF_IS_ACCOUNT (self), NULL);

  return self->id;
}

const char *
debrief_account_get_display_name (DebriefAccount *self)
{
  g_return_val_if_fail (DEBRIEF_IS_ACCOUNT (self), NULL);

  return self->display_name;
}

void
debrief_account_set_display_name (DebriefAccount *self, const char *display_name)
{
  g_return_if_fail (DEBRIEF_IS_ACCOUNT (self));

  set_string (self, &self->display_name, display_name, PROP_DISPLAY_NAME);
}

const char *
debrief_account_get_base_url (DebriefAccount *self)
{
  g_return_val_if_fail (DEBRIEF_IS_ACCOUNT (self), NULL);

  return self->base_url;
}

DebriefRegion
debrief_account_get_region (DebriefAccount *self)
{
  g_return_val_if_fail (DEBRIEF_IS_ACCOUNT (self), DEBRIEF_REGION_CUSTOM);

  return self->region;
}

char *
debrief_account_dup_host (DebriefAccount *self)
{
  g_return_val_if_fail (DEBRIEF_IS_ACCOUNT (self), NULL);

  return debrief_secrets_host_from_url (self->base_url);
}

const char *
debrief_account_get_organization (DebriefAccount *self)
{
  g_return_val_if_fail (DEBRIEF_IS_ACCOUNT (self), NULL);

  return self->organization;
}

void
debrief_account_set_organization (DebriefAccount *self, const char *organization)
{
  g_return_if_fail (DEBRIEF_IS_ACCOUNT (self));

  set_string (self, &self->organization, organization, PROP_ORGANIZATION);
}

const char *
debrief_account_get_plan (DebriefAccount *self)
{
  g_return_val_if_fail (DEBRIEF_IS_ACCOUNT (self), NULL);

  return self->plan;
}

void
debrief_account_set_plan (DebriefAccount *self, const char *plan)
{
  g_return_if_fail (DEBRIEF_IS_ACCOUNT (self));

  set_string (self, &self->plan, plan, PROP_PLAN);
}

const char *
debrief_account_get_actor_id (DebriefAccount *self)
{
  g_return_val_if_fail (DEBRIEF_IS_ACCOUNT (self), NULL);

  return self->actor_id;
}

const char *
debrief_account_get_actor_name (DebriefAccount *self)
{
  g_return_val_if_fail (DEBRIEF_IS_ACCOUNT (self), NULL);

  return self->actor_name;
}

void
debrief_account_set_actor (DebriefAccount *self, const char *actor_id, const char *actor_name)
{
  g_return_if_fail (DEBRIEF_IS_ACCOUNT (self));

  set_string (self, &self->actor_id, actor_id, PROP_ACTOR_ID);
  set_string (self, &self->actor_name, actor_name, PROP_ACTOR_NAME);
}
