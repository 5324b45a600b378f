/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "og-ref"

#include "config.h"

#include "og-ref.h"

#include "og-json-private.h"

struct _OgRef
{
  GObject parent_instance;

  char *id;
  char *name;
  /* Opsgenie's own bookkeeping id: kept only to write the object back as it came. */
  char *metadata_id;
};

G_DEFINE_FINAL_TYPE (OgRef, og_ref, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_METADATA_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
og_ref_finalize (GObject *object)
{
  OgRef *self = OG_REF (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->metadata_id, g_free);

  G_OBJECT_CLASS (og_ref_parent_class)->finalize (object);
}

static void
og_ref_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  OgRef *self = OG_REF (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_METADATA_ID:
      g_value_set_string (value, self->metadata_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
og_ref_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  OgRef *self = OG_REF (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_METADATA_ID:
      self->metadata_id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
og_ref_class_init (OgRefClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = og_ref_finalize;
  object_class->get_property = og_ref_get_property;
  object_class->set_property = og_ref_set_property;

  properties[PROP_ID]
      = g_param_spec_string ("id", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS
                                 | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NAME]
      = g_param_spec_string ("name", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS
                                 | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_METADATA_ID]
      = g_param_spec_string ("metadata-id", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS
                                 | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
og_ref_init (OgRef *self)
{
}

OgRef *
og_ref_new (const char *id, const char *name)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (OG_TYPE_REF, "id", id, "name", name, NULL);
}

OgRef *
_og_ref_new_from_json_at (JsonNode *node, const char *path, GError **error)
{
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *metadata_id = NULL;
  JsonObject *object;

  if (!(object = _og_json_node_get_object (node, path, error))
      || !_og_json_read_required_string (object, path, "id", &id, error)
      || !_og_json_read_string (object, path, "name", &name, error)
      || !_og_json_read_string (object, path, "metadataId", &metadata_id, error))
    return NULL;

  return g_object_new (OG_TYPE_REF, "id", id, "name", name, "metadata-id", metadata_id, NULL);
}

OgRef *
og_ref_new_from_json (JsonNode *node, GError **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _og_ref_new_from_json_at (node, NULL, error);
}

JsonNode *
og_ref_to_json (OgRef *self)
{
  JsonObject *object;

  g_return_val_if_fail (OG_IS_REF (self), NULL);

  object = json_object_new ();
  _og_json_object_set_string (object, "metadataId", self->metadata_id);
  _og_json_object_set_string (object, "id", self->id);
  _og_json_object_set_string (object, "name", self->name);
  return _og_json_node_new_object (object);
}

const char *
og_ref_get_id (OgRef *self)
{
  g_return_val_if_fail (OG_IS_REF (self), NULL);

  return self->id;
}

const char *
og_ref_get_name (OgRef *self)
{
  g_return_val_if_fail (OG_IS_REF (self), NULL);

  return self->name;
}

/* Same id and name; metadataId is Opsgenie's bookkeeping, not part of the value. */
gboolean
og_ref_equal (OgRef *a, OgRef *b)
{
  g_return_val_if_fail (a == NULL || OG_IS_REF (a), FALSE);
  g_return_val_if_fail (b == NULL || OG_IS_REF (b), FALSE);

  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  return g_strcmp0 (a->id, b->id) == 0 && g_strcmp0 (a->name, b->name) == 0;
}
