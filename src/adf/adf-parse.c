/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "adf-parse"

#include "config.h"

#include <glib/gi18n.h>

#include "adf-parse.h"

#include <string.h>

#include "adf-private.h"
#include "adf-tree-private.h"
#include "adf-validate-private.h"

/*
 * Reading untrusted ADF: bounds first (size, UTF-8, NUL, depth), then the strict reader
 * (adf-tree.c) into an AdfTree, then the validator (adf-validate.c) on that tree. Everything
 * refused is an ADF_ERROR, never a crash. JsonNodes are built only for a document that passed.
 */

/* The document object inside the tree's root: the root itself, or the object a JSON string
 * holds, read into *inner. */
static gboolean
unwrap_tree (AdfTree *tree, AdfTree **inner, AdfValue *doc, GError **error)
{
  AdfValue root = _adf_tree_root (tree);
  AdfValueKind kind = _adf_value_kind (root);

  *inner = NULL;
  if (kind == ADF_VALUE_OBJECT)
    {
      *doc = root;
      return TRUE;
    }
  if (kind == ADF_VALUE_STRING)
    {
      const char *text = _adf_value_string (root);
      AdfValue inner_root;

      *inner = _adf_tree_read (text, strlen (text), error);
      if (*inner == NULL)
        return FALSE;
      inner_root = _adf_tree_root (*inner);
      if (_adf_value_kind (inner_root) != ADF_VALUE_OBJECT)
        {
          g_set_error (error, ADF_ERROR, ADF_ERROR_NOT_JSON,
                       _ ("The JSON string holds %s, not a document object (encoded twice?)"),
                       _adf_describe_value (inner_root));
          g_clear_pointer (inner, _adf_tree_free);
          return FALSE;
        }
      *doc = inner_root;
      return TRUE;
    }
  g_set_error (error, ADF_ERROR, ADF_ERROR_INVALID,
               _ ("doc: expected a document object or a JSON string holding one, got %s"),
               _adf_describe_value (root));
  return FALSE;
}

/* Text to a tree and the document in it, not yet validated. */
static AdfTree *
read_doc (const char *data, gssize length, AdfValue *doc, GError **error)
{
  g_autoptr (AdfTree) tree = NULL;
  AdfTree *inner = NULL;

  if (length < 0)
    length = strlen (data);

  tree = _adf_tree_read (data, length, error);
  if (tree == NULL)
    return NULL;
  if (!unwrap_tree (tree, &inner, doc, error))
    return NULL;
  return inner ? inner : g_steal_pointer (&tree);
}

/* Private API */

AdfTree *
_adf_parse_tree (const char *data,
                 gssize length,
                 AdfValidateFlags flags,
                 AdfValue *doc,
                 GError **error)
{
  g_autoptr (AdfTree) tree = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  tree = read_doc (data, length, doc, error);
  if (tree == NULL || !_adf_validate_value (*doc, flags, error))
    return NULL;
  return g_steal_pointer (&tree);
}

JsonNode *
_adf_parse_via_node (const char *data, gssize length, AdfValidateFlags flags, GError **error)
{
  g_autoptr (AdfTree) tree = NULL;
  g_autoptr (JsonNode) node = NULL;
  AdfValue doc;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  tree = read_doc (data, length, &doc, error);
  if (tree == NULL)
    return NULL;
  /* Unchecked, but no deeper than the reader allows: building it recurses that far at most */
  node = _adf_value_to_node (doc);
  if (!adf_validate (node, flags, error))
    return NULL;
  return g_steal_pointer (&node);
}

/* Public API */

JsonNode *
adf_parse (const char *data, gssize length, AdfValidateFlags flags, GError **error)
{
  g_autoptr (AdfTree) tree = NULL;
  AdfValue doc;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  tree = _adf_parse_tree (data, length, flags, &doc, error);
  if (tree == NULL)
    return NULL;
  return _adf_value_to_node (doc);
}

JsonNode *
adf_parse_node (JsonNode *node, AdfValidateFlags flags, GError **error)
{
  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *inner = json_node_get_string (node);
      g_autoptr (AdfTree) tree = NULL;
      AdfValue doc;

      /* Its own text: a string in a string is refused as the reader refuses it */
      tree = _adf_tree_read (inner, strlen (inner), error);
      if (tree == NULL)
        return NULL;
      if (_adf_value_kind (_adf_tree_root (tree)) != ADF_VALUE_OBJECT)
        {
          g_set_error (error, ADF_ERROR, ADF_ERROR_NOT_JSON,
                       _ ("The JSON string holds %s, not a document object (encoded twice?)"),
                       _adf_describe_value (_adf_tree_root (tree)));
          return NULL;
        }
      doc = _adf_tree_root (tree);
      if (!_adf_validate_value (doc, flags, error))
        return NULL;
      return _adf_value_to_node (doc);
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, ADF_ERROR, ADF_ERROR_INVALID,
                   _ ("doc: expected a document object or a JSON string holding one, got %s"),
                   _adf_describe_json (node));
      return NULL;
    }

  /* Validate before copying: the check bounds the depth the copy recurses through. */
  if (!adf_validate (node, flags, error))
    return NULL;
  return _adf_json_deep_copy (node);
}

char *
adf_to_json (JsonNode *doc, gboolean pretty)
{
  g_autoptr (JsonGenerator) generator = NULL;

  g_return_val_if_fail (doc != NULL, NULL);

  generator = json_generator_new ();
  json_generator_set_pretty (generator, pretty);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, doc);
  return json_generator_to_data (generator, NULL);
}
