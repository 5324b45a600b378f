/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "adf-parse"

#include "config.h"

#include <glib/gi18n.h>

#include "adf-parse.h"

#include <string.h>

#include "adf-private.h"

/*
 * Reading untrusted ADF: bounds first (size, UTF-8, NUL, depth), then json-glib, then the
 * validator (adf-validate.c). Everything refused is an ADF_ERROR, never a crash.
 */

typedef enum
{
  STRUCTURE_OK,
  STRUCTURE_TOO_DEEP,
  STRUCTURE_NOT_STRICT,
  STRUCTURE_NUL_ESCAPE,
  STRUCTURE_HUGE_INTEGER,
} Structure;

/* json-glib parses recursively: this counts the nesting before it does, without recursing. */
static Structure
check_structure (const char *data, gsize length, guint max_depth)
{
  gboolean in_string = FALSE;
  guint depth = 0;
  guint digits = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (!g_ascii_isdigit (c))
        digits = 0;
      if (in_string)
        {
          if (c == '\\')
            {
              /* A C string ends at NUL: "\u0000" would silently cut a text node short. */
              if (i + 5 < length && strncmp (data + i + 1, "u0000", 5) == 0)
                return STRUCTURE_NUL_ESCAPE;
              i++;
            }
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '\'' || c == '/')
        {
          /* json-glib also reads 'single-quoted' strings and comments, which strict JSON has
           * not; a double quote inside one would hide the nesting after it from this count. */
          return STRUCTURE_NOT_STRICT;
        }
      else if (g_ascii_isdigit (c))
        {
          /* json-glib wraps integers past int64 around (to -1 and the like): a heading
           * level of 10^30 would read as -1. No ADF number needs 19 digits. */
          if (++digits > 18)
            return STRUCTURE_HUGE_INTEGER;
          continue;
        }
      else if (c == '[' || c == '{')
        {
          if (++depth > max_depth)
            return STRUCTURE_TOO_DEEP;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return STRUCTURE_OK;
}

static JsonNode *
parse_json (const char *data, gsize length, GError **error)
{
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (GError) local_error = NULL;
  const char *end = NULL;
  JsonNode *root;

  if (length > ADF_MAX_BYTES)
    {
      g_set_error (error, ADF_ERROR, ADF_ERROR_TOO_LARGE,
                   _ ("The document is %" G_GSIZE_FORMAT " bytes long; the limit is %u MiB"),
                   length, ADF_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  if (!g_utf8_validate_len (data, length, &end))
    {
      if (end < data + length && *end == '\0')
        g_set_error (error, ADF_ERROR, ADF_ERROR_NOT_JSON,
                     _ ("Not valid JSON: a NUL byte at offset %" G_GSIZE_FORMAT),
                     (gsize) (end - data));
      else
        g_set_error (error, ADF_ERROR, ADF_ERROR_NOT_JSON,
                     _ ("Not valid JSON: invalid UTF-8 at offset %" G_GSIZE_FORMAT),
                     (gsize) (end - data));
      return NULL;
    }

  switch (check_structure (data, length, ADF_MAX_DEPTH))
    {
    case STRUCTURE_TOO_DEEP:
      g_set_error (error, ADF_ERROR, ADF_ERROR_TOO_DEEP,
                   _ ("The document is nested more than %u levels deep"), ADF_MAX_DEPTH);
      return NULL;
    case STRUCTURE_NOT_STRICT:
      g_set_error_literal (error, ADF_ERROR, ADF_ERROR_NOT_JSON,
                           _ ("Not valid JSON: a single quote or a slash outside a string"));
      return NULL;
    case STRUCTURE_NUL_ESCAPE:
      g_set_error_literal (error, ADF_ERROR, ADF_ERROR_NOT_JSON,
                           _ ("A string holds a NUL character (\\u0000), which no document "
                              "text may contain"));
      return NULL;
    case STRUCTURE_HUGE_INTEGER:
      g_set_error_literal (error, ADF_ERROR, ADF_ERROR_NOT_JSON,
                           _ ("A number has more than 18 digits, more than any document needs"));
      return NULL;
    case STRUCTURE_OK:
    default:
      break;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, ADF_ERROR, ADF_ERROR_NOT_JSON, _ ("Not valid JSON: %s"),
                   local_error->message);
      return NULL;
    }

  root = json_parser_steal_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, ADF_ERROR, ADF_ERROR_NOT_JSON, _ ("Not valid JSON: empty"));
      return NULL;
    }

  return root;
}

/* The document object inside node: node itself, or the object a JSON string holds. */
static JsonNode *
unwrap (JsonNode *node, GError **error)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_node_ref (node);

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *inner = json_node_get_string (node);
      g_autoptr (JsonNode) root = parse_json (inner, strlen (inner), error);

      if (root == NULL)
        return NULL;
      if (!JSON_NODE_HOLDS_OBJECT (root))
        {
          g_set_error (error, ADF_ERROR, ADF_ERROR_NOT_JSON,
                       _ ("The JSON string holds %s, not a document object (encoded twice?)"),
                       _adf_describe_json (root));
          return NULL;
        }
      return g_steal_pointer (&root);
    }

  g_set_error (error, ADF_ERROR, ADF_ERROR_INVALID,
               _ ("doc: expected a document object or a JSON string holding one, got %s"),
               _adf_describe_json (node));
  return NULL;
}

JsonNode *
adf_parse (const char *data, gssize length, AdfValidateFlags flags, GError **error)
{
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (JsonNode) doc = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = strlen (data);

  root = parse_json (data, length, error);
  if (root == NULL)
    return NULL;

  doc = unwrap (root, error);
  if (doc == NULL)
    return NULL;

  if (!adf_validate (doc, flags, error))
    return NULL;

  /* Freshly parsed: nobody else holds it, so no copy is needed. */
  return g_steal_pointer (&doc);
}

JsonNode *
adf_parse_node (JsonNode *node, AdfValidateFlags flags, GError **error)
{
  g_autoptr (JsonNode) doc = NULL;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = unwrap (node, error);
  if (doc == NULL)
    return NULL;

  /* Validate before copying: the check bounds the depth the copy recurses through. */
  if (!adf_validate (doc, flags, error))
    return NULL;

  if (doc != node)
    return g_steal_pointer (&doc);
  return _adf_json_deep_copy (doc);
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
