/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "adf-error.h"

G_BEGIN_DECLS

/*
 * AdfTree: a JSON document read into one block of values and one block of strings, the
 * form adf_parse() and adf_buffer_load_data() read text into. Building and freeing a
 * json-glib tree (a hash table per object, a node and a string per value) was most of the
 * time of reading a document; a tree is two allocations, freed in two calls.
 *
 * AdfValue: a value of either kind of tree, an AdfTree's or a JsonNode, so that the
 * validator and the AdfBuffer loader are written once for both (adf_validate() and
 * adf_buffer_load() take JsonNodes built in memory). Objects read as json-glib reads them:
 * a member name given twice keeps its first place and its last value.
 */

typedef struct _AdfTree AdfTree;

typedef enum
{
  ADF_VALUE_NONE, /* absent: a member not there */
  ADF_VALUE_NULL,
  ADF_VALUE_BOOLEAN,
  ADF_VALUE_INT,
  ADF_VALUE_DOUBLE,
  ADF_VALUE_STRING,
  ADF_VALUE_ARRAY,
  ADF_VALUE_OBJECT,
} AdfValueKind;

typedef struct
{
  const AdfTree *tree; /* NULL: node, or nothing when node is NULL too */
  guint32 at;
  JsonNode *node;
} AdfValue;

typedef struct
{
  const AdfTree *tree;
  guint32 next;
  guint32 end;
  /* JsonNode containers */
  gboolean is_object;
  JsonObjectIter object_iter;
  JsonArray *array;
  guint index;
  guint length;
} AdfValueIter;

/* Strict JSON (RFC 8259, as JSON.parse reads it) into a tree; NULL and an ADF_ERROR
 * (NOT_JSON, TOO_LARGE, TOO_DEEP) otherwise. */
AdfTree *_adf_tree_read (const char *data, gsize length, GError **error);
void _adf_tree_free (AdfTree *tree);
AdfValue _adf_tree_root (const AdfTree *tree);

static inline AdfValue
_adf_value_from_node (JsonNode *node)
{
  AdfValue value = { NULL, 0, node };

  return value;
}

static inline gboolean
_adf_value_present (AdfValue value)
{
  return value.tree != NULL || value.node != NULL;
}

AdfValueKind _adf_value_kind (AdfValue value);
/* The string a value holds, or NULL for any other kind */
const char *_adf_value_string (AdfValue value);
/* The same and its length in bytes, kept in a tree rather than counted */
const char *_adf_value_string_length (AdfValue value, gsize *length);
/* The number a value holds, int and double alike; FALSE for any other kind */
gboolean _adf_value_number (AdfValue value, double *out);
gboolean _adf_value_boolean (AdfValue value);
/* Members of an object, elements of an array, 0 for anything else */
guint _adf_value_size (AdfValue value);
/* The member name of an object; absent when value is no object or has no such member */
AdfValue _adf_value_member (AdfValue object, const char *name);
/* The string member "type" of an object, or NULL */
const char *_adf_value_type (AdfValue object);

/* Members (name set) of an object or elements (name NULL) of an array, in order. */
void _adf_value_iter_init (AdfValueIter *iter, AdfValue container);
gboolean _adf_value_iter_next (AdfValueIter *iter, const char **name, AdfValue *value);

/* value as a new JsonNode: built from a tree (recursing: for the depth-bounded trees the
 * reader makes), or a copy of the node (json_node_copy: shares what it holds). */
JsonNode *_adf_value_to_node (AdfValue value);

/* "an object", "a string", "null", … as messages name a JSON value's type */
const char *_adf_describe_value (AdfValue value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AdfTree, _adf_tree_free)

G_END_DECLS
