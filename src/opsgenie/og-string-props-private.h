/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/*
 * The small models whose properties are all strings, each one member of Opsgenie's JSON
 * (OgRef, OgResponder, OgService, OgTeam), describe them in a table; what a GObject needs
 * around them (the properties, finalize, get_property, set_property) and the JSON reader
 * and writer are written once, here. The strings stay plain members of the instance struct,
 * for the type's own getters.
 */
typedef struct
{
  const char *name;   /* the property's */
  const char *member; /* in Opsgenie's JSON */
  gsize offset;       /* of the char * in the instance struct (G_STRUCT_OFFSET) */
  gboolean required;  /* absent or null in the JSON is an error */
} OgStringProp;

/* Aligned by hand, as the other headers are. */
/* clang-format off */

/* From a final type's class_init: installs @props as properties 1 to @n_props (@flags, plus
 * G_PARAM_STATIC_STRINGS and G_PARAM_EXPLICIT_NOTIFY) and the class's finalize,
 * get_property and set_property. @props must outlive the class (a static table). */
void      _og_string_props_class_init    (GObjectClass        *klass,
                                          const OgStringProp  *props,
                                          guint                n_props,
                                          GParamFlags          flags);
/* A new @type whose strings are the members of @node, a JSON object at @path (NULL at the
 * top), read in the table's order; NULL and the first error as og-json-private.h says. */
gpointer  _og_string_props_new_from_json (GType                type,
                                          JsonNode            *node,
                                          const char          *path,
                                          GError             **error);
/* The strings that are set, as members in the table's order. */
JsonNode *_og_string_props_to_json       (gpointer             instance);

/* clang-format on */

G_END_DECLS
