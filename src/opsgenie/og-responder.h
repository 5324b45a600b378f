/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A responder user of a postmortem: {id, name, role}. Immutable. */
#define OG_TYPE_RESPONDER (og_responder_get_type ())
G_DECLARE_FINAL_TYPE (OgResponder, og_responder, OG, RESPONDER, GObject)

OgResponder *og_responder_new (const char *id, const char *name, const char *role);
OgResponder *og_responder_new_from_json (JsonNode *node, GError **error);
JsonNode *og_responder_to_json (OgResponder *self);
const char *og_responder_get_id (OgResponder *self);
const char *og_responder_get_name (OgResponder *self);
const char *og_responder_get_role (OgResponder *self);
gboolean og_responder_equal (OgResponder *a, OgResponder *b);

G_END_DECLS
