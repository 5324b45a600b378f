/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "og-responder"

#include "config.h"

#include "og-responder.h"

#include "og-json-private.h"
#include "og-string-props-private.h"

struct _OgResponder
{
  GObject parent_instance;

  char *id;
  char *name;
  char *role;
};

G_DEFINE_FINAL_TYPE (OgResponder, og_responder, G_TYPE_OBJECT)

static const OgStringProp responder_props[] = {
  { "id", "id", G_STRUCT_OFFSET (OgResponder, id), TRUE },
  { "name", "name", G_STRUCT_OFFSET (OgResponder, name), FALSE },
  { "role", "role", G_STRUCT_OFFSET (OgResponder, role), FALSE },
};

static void
og_responder_class_init (OgResponderClass *klass)
{
  _og_string_props_class_init (G_OBJECT_CLASS (klass), responder_props,
                               G_N_ELEMENTS (responder_props),
                               G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY);
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
  return _og_string_props_new_from_json (OG_TYPE_RESPONDER, node, path, error);
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
  g_return_val_if_fail (OG_IS_RESPONDER (self), NULL);

  return _og_string_props_to_json (self);
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
