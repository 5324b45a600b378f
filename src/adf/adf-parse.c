/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "adf-parse"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "adf-parse.h"

#include <string.h>

#include "adf-private.h"

/*
 * Reading untrusted ADF: bounds first (size, UTF-8, NUL, depth), then json-glib, then the
 * validator (adf-validate.c). Everything refused is an ADF_ERROR, never a crash.
 */

/* Strict JSON (RFC 8259) as JavaScript's JSON.parse reads it, checked without recursion
 * before json-glib sees the text. json-glib recurses (100,000 levels overflow the stack), and
 * is lenient where Atlassian is not: it reads 0x10, 01, raw control characters in strings,
 * 'single quotes', comments and a second document after the first. */

typedef enum
{
  EXPECT_VALUE,
  EXPECT_VALUE_OR_END, /* just after '[' */
  EXPECT_KEY_OR_END,   /* just after '{' */
  EXPECT_KEY,
  EXPECT_COLON,
  AFTER_VALUE,
} Expect;

static gboolean
syntax_error (GError **error, const char *data, gsize offset, const char *what)
{
  guint line = 1, column = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          line++;
          column = 1;
        }
      else if (((guchar) data[i] & 0xc0) != 0x80)
        column++;
    }
  /* Translators: "Not valid JSON: <what is wrong> at line 3, column 7" */
  g_set_error (error, ADF_ERROR, ADF_ERROR_NOT_JSON, _ ("Not valid JSON: %s at line %u, column %u"),
               what, line, column);
  return FALSE;
}

/* Four hex digits at data[at], as a UTF-16 code unit */
static gboolean
read_hex4 (const char *data, gsize length, gsize at, guint *unit)
{
  *unit = 0;
  if (at + 4 > length)
    return FALSE;
  for (gsize k = at; k < at + 4; k++)
    {
      if (!g_ascii_isxdigit (data[k]))
        return FALSE;
      *unit = *unit * 16 + g_ascii_xdigit_value (data[k]);
    }
  return TRUE;
}

static gboolean
scan_string (const char *data, gsize length, gsize *pos, GError **error)
{
  gsize i = *pos + 1;

  while (i < length)
    {
      guchar c = data[i];

      if (c == '"')
        {
          *pos = i + 1;
          return TRUE;
        }
      if (c < 0x20)
        return syntax_error (error, data, i, _ ("a control character inside a string"));
      if (c != '\\')
        {
          i++;
          continue;
        }
      if (i + 1 >= length)
        break;
      c = data[i + 1];
      if (c == 'u')
        {
          guint unit = 0;

          if (!read_hex4 (data, length, i + 2, &unit))
            return syntax_error (error, data, i, _ ("a bad \\u escape"));
          /* A C string ends at NUL: "\u0000" would silently cut a text short. */
          if (unit == 0)
            {
              g_set_error_literal (error, ADF_ERROR, ADF_ERROR_NOT_JSON,
                                   _ ("A string holds a NUL character (\\u0000), which no "
                                      "document text may contain"));
              return FALSE;
            }
          /* UTF-8 has no lone UTF-16 surrogates: json-glib would write invalid UTF-8 for one
           * and drop the character after it. JavaScript strings can hold them; we cannot. */
          if (unit >= 0xdc00 && unit <= 0xdfff)
            return syntax_error (error, data, i, _ ("a lone UTF-16 surrogate"));
          if (unit >= 0xd800 && unit <= 0xdbff)
            {
              guint low = 0;

              if (i + 7 >= length || data[i + 6] != '\\' || data[i + 7] != 'u'
                  || !read_hex4 (data, length, i + 8, &low) || low < 0xdc00 || low > 0xdfff)
                return syntax_error (error, data, i, _ ("a lone UTF-16 surrogate"));
              i += 6;
            }
          i += 6;
        }
      else if (strchr ("\"\\/bfnrt", c) != NULL && c != '\0')
        i += 2;
      else
        return syntax_error (error, data, i, _ ("a bad escape"));
    }
  return syntax_error (error, data, length, _ ("an unfinished string"));
}

static gboolean
scan_number (const char *data, gsize length, gsize *pos, GError **error)
{
  gsize i = *pos;
  gsize digits_start;
  gsize digits;
  gboolean integer = TRUE;

  if (data[i] == '-')
    i++;
  digits_start = i;
  if (i < length && data[i] == '0')
    i++;
  else if (i < length && data[i] >= '1' && data[i] <= '9')
    while (i < length && g_ascii_isdigit (data[i]))
      i++;
  else
    return syntax_error (error, data, i, _ ("a bad number"));
  digits = i - digits_start;
  if (i < length && data[i] == '.')
    {
      integer = FALSE;
      if (++i >= length || !g_ascii_isdigit (data[i]))
        return syntax_error (error, data, i, _ ("a bad number"));
      while (i < length && g_ascii_isdigit (data[i]))
        i++;
    }
  if (i < length && (data[i] == 'e' || data[i] == 'E'))
    {
      integer = FALSE;
      if (++i < length && (data[i] == '+' || data[i] == '-'))
        i++;
      if (i >= length || !g_ascii_isdigit (data[i]))
        return syntax_error (error, data, i, _ ("a bad number"));
      while (i < length && g_ascii_isdigit (data[i]))
        i++;
    }
  /* json-glib wraps integers past int64 around (to -1 and the like): a heading level of
   * 10^30 would read as -1. No ADF number needs 19 digits. */
  if (integer && digits > 18)
    {
      g_set_error_literal (error, ADF_ERROR, ADF_ERROR_NOT_JSON,
                           _ ("A number has more than 18 digits, more than any document needs"));
      return FALSE;
    }
  *pos = i;
  return TRUE;
}

static gboolean
check_json (const char *data, gsize length, GError **error)
{
  char stack[ADF_MAX_DEPTH];
  guint depth = 0;
  Expect expect = EXPECT_VALUE;
  gsize i = 0;

  for (;;)
    {
      char c;

      while (i < length
             && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r'))
        i++;
      if (i >= length)
        break;
      c = data[i];

      switch (expect)
        {
        case EXPECT_VALUE_OR_END:
          if (c == ']')
            {
              depth--;
              i++;
              expect = AFTER_VALUE;
              break;
            }
          G_GNUC_FALLTHROUGH;
        case EXPECT_VALUE:
          if (c == '{' || c == '[')
            {
              if (depth >= ADF_MAX_DEPTH)
                {
                  g_set_error (error, ADF_ERROR, ADF_ERROR_TOO_DEEP,
                               _ ("The document is nested more than %u levels deep"),
                               ADF_MAX_DEPTH);
                  return FALSE;
                }
              stack[depth++] = c;
              i++;
              expect = c == '{' ? EXPECT_KEY_OR_END : EXPECT_VALUE_OR_END;
            }
          else if (c == '"')
            {
              if (!scan_string (data, length, &i, error))
                return FALSE;
              expect = AFTER_VALUE;
            }
          else if (c == '-' || g_ascii_isdigit (c))
            {
              if (!scan_number (data, length, &i, error))
                return FALSE;
              expect = AFTER_VALUE;
            }
          else if (length - i >= 4 && memcmp (data + i, "true", 4) == 0)
            {
              i += 4;
              expect = AFTER_VALUE;
            }
          else if (length - i >= 5 && memcmp (data + i, "false", 5) == 0)
            {
              i += 5;
              expect = AFTER_VALUE;
            }
          else if (length - i >= 4 && memcmp (data + i, "null", 4) == 0)
            {
              i += 4;
              expect = AFTER_VALUE;
            }
          else
            return syntax_error (error, data, i, _ ("unexpected character"));
          break;

        case AFTER_VALUE:
          if (depth == 0)
            return syntax_error (error, data, i, _ ("more after the end of the document"));
          if (c == ',')
            expect = stack[depth - 1] == '{' ? EXPECT_KEY : EXPECT_VALUE;
          else if ((c == '}' && stack[depth - 1] == '{') || (c == ']' && stack[depth - 1] == '['))
            depth--;
          else
            return syntax_error (error, data, i, _ ("unexpected character"));
          i++;
          break;

        case EXPECT_KEY_OR_END:
          if (c == '}')
            {
              depth--;
              i++;
              expect = AFTER_VALUE;
              break;
            }
          G_GNUC_FALLTHROUGH;
        case EXPECT_KEY:
          if (c != '"')
            return syntax_error (error, data, i,
                                 _ ("a member name must be a string in double quotes"));
          if (!scan_string (data, length, &i, error))
            return FALSE;
          expect = EXPECT_COLON;
          break;

        case EXPECT_COLON:
        default:
          if (c != ':')
            return syntax_error (error, data, i, _ ("“:” expected"));
          i++;
          expect = EXPECT_VALUE;
          break;
        }
    }

  if (expect != AFTER_VALUE || depth != 0)
    return syntax_error (error, data, length,
                         expect == EXPECT_VALUE && depth == 0 ? _ ("empty")
                                                              : _ ("the document ends too early"));
  return TRUE;
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
                   _ ("The document is %" PRIu64 " bytes long; the limit is %u MiB"),
                   (uint64_t) length, ADF_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  if (!g_utf8_validate_len (data, length, &end))
    {
      if (end < data + length && *end == '\0')
        g_set_error (error, ADF_ERROR, ADF_ERROR_NOT_JSON,
                     _ ("Not valid JSON: a NUL byte at offset %" PRIu64), (uint64_t) (end - data));
      else
        g_set_error (error, ADF_ERROR, ADF_ERROR_NOT_JSON,
                     _ ("Not valid JSON: invalid UTF-8 at offset %" PRIu64),
                     (uint64_t) (end - data));
      return NULL;
    }

  if (!check_json (data, length, error))
    return NULL;

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
