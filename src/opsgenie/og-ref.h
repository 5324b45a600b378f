/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A reference to another object by id with its display name: an owner, a team, a
 * service, the timeline. Immutable. */
#define OG_TYPE_REF (og_ref_get_type ())
G_DECLARE_FINAL_TYPE (OgRef, og_ref, OG, REF, GObject)

OgRef *og_ref_new (const char *id, const char *name);
/* {"id": "…", "name": "…"}: id required, name optional; other members ignored. */
OgRef *og_ref_new_from_json (JsonNode *node, GError **error);
JsonNode *og_ref_to_json (OgRef *self);
const char *og_ref_get_id (OgRef *self);
const char *og_ref_get_name (OgRef *self);
gboolean og_ref_equal (OgRef *a, OgRef *b);

G_END_DECLS
