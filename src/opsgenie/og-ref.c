/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "og-ref"

#include "config.h"

#include "og-ref.h"

#include "og-json-private.h"
#include "og-string-props-private.h"

struct _OgRef
{
  GObject parent_instance;

  char *id;
  char *name;
  /* Opsgenie's own bookkeeping id: kept only to write the object back as it came. */
  char *metadata_id;
};

G_DEFINE_FINAL_TYPE (OgRef, og_ref, G_TYPE_OBJECT)

/* Read in this order; og_ref_to_json writes metadataId first, as Opsgenie does. */
static const OgStringProp ref_props[] = {
  { "id", "id", G_STRUCT_OFFSET (OgRef, id), TRUE },
  { "name", "name", G_STRUCT_OFFSET (OgRef, name), FALSE },
  { "metadata-id", "metadataId", G_STRUCT_OFFSET (OgRef, metadata_id), FALSE },
};

static void
og_ref_class_init (OgRefClass *klass)
{
  _og_string_props_class_init (G_OBJECT_CLASS (klass), ref_props, G_N_ELEMENTS (ref_props),
                               G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY);
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
  return _og_string_props_new_from_json (OG_TYPE_REF, node, path, error);
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
