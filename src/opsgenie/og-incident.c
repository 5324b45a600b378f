/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "og-incident"

#include "config.h"

#include "og-incident.h"

#include "og-enum-types.h"
#include "og-json-private.h"

struct _OgIncident
{
  GObject parent_instance;

  char *id;
  char *tiny_id;
  char *message;
  char *description;
  char *status;
  OgSeverity priority;
  GDateTime *created_at;
  GDateTime *updated_at;
  char **tags;
  char **impacted_services;
  char *postmortem_id;

  /* Only to write the object back as it came: a postmortem's incidents carry a
   * metadataId and name their creation time "creationTime", the incident API "createdAt". */
  char *metadata_id;
  gboolean creation_time_member;
};

G_DEFINE_FINAL_TYPE (OgIncident, og_incident, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_TINY_ID,
  PROP_MESSAGE,
  PROP_DESCRIPTION,
  PROP_STATUS,
  PROP_PRIORITY,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_TAGS,
  PROP_IMPACTED_SERVICES,
  PROP_POSTMORTEM_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
og_incident_finalize (GObject *object)
{
  OgIncident *self = OG_INCIDENT (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->tiny_id, g_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->updated_at, g_date_time_unref);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->impacted_services, g_strfreev);
  g_clear_pointer (&self->postmortem_id, g_free);
  g_clear_pointer (&self->metadata_id, g_free);

  G_OBJECT_CLASS (og_incident_parent_class)->finalize (object);
}

static void
og_incident_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  OgIncident *self = OG_INCIDENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TINY_ID:
      g_value_set_string (value, self->tiny_id);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_PRIORITY:
      g_value_set_enum (value, self->priority);
      break;
    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_boxed (value, self->updated_at);
      break;
    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;
    case PROP_IMPACTED_SERVICES:
      g_value_set_boxed (value, self->impacted_services);
      break;
    case PROP_POSTMORTEM_ID:
      g_value_set_string (value, self->postmortem_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
og_incident_class_init (OgIncidentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = og_incident_finalize;
  object_class->get_property = og_incident_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TINY_ID] = g_param_spec_string ("tiny-id", NULL, NULL, NULL, flags);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_PRIORITY]
      = g_param_spec_enum ("priority", NULL, NULL, OG_TYPE_SEVERITY, OG_SEVERITY_P3, flags);
  properties[PROP_CREATED_AT]
      = g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_UPDATED_AT]
      = g_param_spec_boxed ("updated-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_TAGS] = g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_IMPACTED_SERVICES]
      = g_param_spec_boxed ("impacted-services", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_POSTMORTEM_ID] = g_param_spec_string ("postmortem-id", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
og_incident_init (OgIncident *self)
{
  /* Opsgenie's own default when an incident is created without one. */
  self->priority = OG_SEVERITY_P3;
}

OgIncident *
_og_incident_new_from_json_at (JsonNode *node, const char *path, GError **error)
{
  g_autoptr (OgIncident) self = g_object_new (OG_TYPE_INCIDENT, NULL);
  g_autofree char *extra_path = NULL;
  JsonObject *extra = NULL;
  JsonObject *object;

  if (!(object = _og_json_node_get_object (node, path, error))
      || !_og_json_read_required_string (object, path, "id", &self->id, error)
      || !_og_json_read_string (object, path, "tinyId", &self->tiny_id, error)
      || !_og_json_read_string (object, path, "message", &self->message, error)
      || !_og_json_read_string (object, path, "description", &self->description, error)
      || !_og_json_read_string (object, path, "status", &self->status, error)
      || !_og_json_read_severity (object, path, "priority", &self->priority, error)
      || !_og_json_read_datetime (object, path, "createdAt", &self->created_at, error)
      || !_og_json_read_datetime (object, path, "updatedAt", &self->updated_at, error)
      || !_og_json_read_strv (object, path, "tags", &self->tags, error)
      || !_og_json_read_strv (object, path, "impactedServices", &self->impacted_services, error)
      || !_og_json_read_string (object, path, "metadataId", &self->metadata_id, error)
      || !_og_json_read_object (object, path, "extraProperties", &extra, error))
    return NULL;

  if (self->created_at == NULL)
    {
      if (!_og_json_read_datetime (object, path, "creationTime", &self->created_at, error))
        return NULL;
      self->creation_time_member = self->created_at != NULL;
    }

  extra_path = _og_json_member_path (path, "extraProperties");
  if (extra != NULL
      && !_og_json_read_string (extra, extra_path, "postmortemId", &self->postmortem_id, error))
    return NULL;

  return g_steal_pointer (&self);
}

OgIncident *
og_incident_new_from_json (JsonNode *node, GError **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _og_incident_new_from_json_at (node, NULL, error);
}

JsonNode *
og_incident_to_json (OgIncident *self)
{
  JsonObject *object;

  g_return_val_if_fail (OG_IS_INCIDENT (self), NULL);

  object = json_object_new ();
  _og_json_object_set_string (object, "metadataId", self->metadata_id);
  _og_json_object_set_string (object, "id", self->id);
  _og_json_object_set_string (object, "tinyId", self->tiny_id);
  _og_json_object_set_string (object, "message", self->message);
  _og_json_object_set_string (object, "description", self->description);
  _og_json_object_set_string (object, "status", self->status);
  json_object_set_string_member (object, "priority", og_severity_to_string (self->priority));
  _og_json_object_set_datetime (object, self->creation_time_member ? "creationTime" : "createdAt",
                                self->created_at);
  _og_json_object_set_datetime (object, "updatedAt", self->updated_at);
  _og_json_object_set_strv (object, "tags", (const char *const *) self->tags);
  _og_json_object_set_strv (object, "impactedServices",
                            (const char *const *) self->impacted_services);
  if (self->postmortem_id != NULL)
    {
      JsonObject *extra = json_object_new ();

      json_object_set_string_member (extra, "postmortemId", self->postmortem_id);
      json_object_set_object_member (object, "extraProperties", extra);
    }

  return _og_json_node_new_object (object);
}

const char *
og_incident_get_id (OgIncident *self)
{
  g_return_val_if_fail (OG_IS_INCIDENT (self), NULL);

  return self->id;
}

const char *
og_incident_get_tiny_id (OgIncident *self)
{
  g_return_val_if_fail (OG_IS_INCIDENT (self), NULL);

  return self->tiny_id;
}

const char *
og_incident_get_message (OgIncident *self)
{
  g_return_val_if_fail (OG_IS_INCIDENT (self), NULL);

  return self->message;
}

const char *
og_incident_get_description (OgIncident *self)
{
  g_return_val_if_fail (OG_IS_INCIDENT (self), NULL);

  return self->description;
}

const char *
og_incident_get_status (OgIncident *self)
{
  g_return_val_if_fail (OG_IS_INCIDENT (self), NULL);

  return self->status;
}

OgSeverity
og_incident_get_priority (OgIncident *self)
{
  g_return_val_if_fail (OG_IS_INCIDENT (self), OG_SEVERITY_P3);

  return self->priority;
}

GDateTime *
og_incident_get_created_at (OgIncident *self)
{
  g_return_val_if_fail (OG_IS_INCIDENT (self), NULL);

  return self->created_at;
}

GDateTime *
og_incident_get_updated_at (OgIncident *self)
{
  g_return_val_if_fail (OG_IS_INCIDENT (self), NULL);

  return self->updated_at;
}

/* Never NULL: empty when the incident has none. */
const char *const *
og_incident_get_tags (OgIncident *self)
{
  g_return_val_if_fail (OG_IS_INCIDENT (self), NULL);

  return (const char *const *) self->tags;
}

/* Service ids; never NULL. */
const char *const *
og_incident_get_impacted_services (OgIncident *self)
{
  g_return_val_if_fail (OG_IS_INCIDENT (self), NULL);

  return (const char *const *) self->impacted_services;
}

const char *
og_incident_get_postmortem_id (OgIncident *self)
{
  g_return_val_if_fail (OG_IS_INCIDENT (self), NULL);

  return self->postmortem_id;
}
