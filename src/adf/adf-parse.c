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

/* Strict JSON (RFC 8259) as JavaScript's JSON.parse reads it, read in one pass without
 * recursion into JsonNodes. json-glib's own parser recurses (100,000 levels overflow the
 * stack), and is lenient where Atlassian is not: it reads 0x10, 01, raw control characters in
 * strings, 'single quotes', comments and a second document after the first. It was also most
 * of the time of adf_parse(): its scanner handles one character at a time through GScanner.
 * Values are built as json-glib builds them: integers as int64, numbers with a fraction or an
 * exponent as double, a repeated member name keeps its first place and its last value. */

typedef enum
{
  EXPECT_VALUE,
  EXPECT_VALUE_OR_END, /* just after '[' */
  EXPECT_KEY_OR_END,   /* just after '{' */
  EXPECT_KEY,
  EXPECT_COLON,
  AFTER_VALUE,
} Expect;

typedef struct
{
  const char *data;
  gsize length;
  GString *buf; /* the string or number being read, NUL-terminated */
  GError **error;
} Reader;

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

/* g_utf8_validate_len() over runs of non-ASCII bytes only: it takes a branch per byte, and
 * most of a document is ASCII, which is checked here a word at a time. The same verdict and
 * the same first bad byte as g_utf8_validate_len() over all of data. */
static gboolean
utf8_validate (const char *data, gsize length, const char **end)
{
  const guchar *p = (const guchar *) data;
  const guchar *stop = p + length;

  while (p < stop)
    {
      const guchar *run;

      while (stop - p >= 8)
        {
          guint64 word;

          memcpy (&word, p, 8);
          /* any byte ≥ 0x80, or any NUL byte */
          if ((word & G_GUINT64_CONSTANT (0x8080808080808080))
              || ((word - G_GUINT64_CONSTANT (0x0101010101010101)) & ~word
                  & G_GUINT64_CONSTANT (0x8080808080808080)))
            break;
          p += 8;
        }
      while (p < stop && *p != 0 && *p < 0x80)
        p++;
      if (p == stop)
        break;
      if (*p == 0)
        {
          *end = (const char *) p;
          return FALSE;
        }
      /* A run of multi-byte characters ends at the next ASCII byte. */
      run = p;
      while (p < stop && *p >= 0x80)
        p++;
      if (!g_utf8_validate_len ((const char *) run, p - run, end))
        return FALSE;
    }
  *end = (const char *) stop;
  return TRUE;
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

/* The bytes that end a run of plain characters in a string: '"', '\\', U+0000…U+001F */
static const guint8 string_stops[256] = {
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,         1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, ['"'] = 1, ['\\'] = 1,
};

/* The string at *pos (its opening quote), decoded into out. */
static gboolean
read_string (Reader *r, gsize *pos, GString *out)
{
  const char *data = r->data;
  gsize length = r->length;
  gsize i = *pos + 1;
  gsize run = i;

  g_string_truncate (out, 0);
  while (i < length)
    {
      guchar c;

      /* Most bytes of a string are none of '"', '\\' and control characters */
      while (i < length && !string_stops[(guchar) data[i]])
        i++;
      if (i >= length)
        break;
      c = data[i];
      if (c == '"')
        {
          g_string_append_len (out, data + run, i - run);
          *pos = i + 1;
          return TRUE;
        }
      if (c < 0x20)
        return syntax_error (r->error, data, i, _ ("a control character inside a string"));
      if (c != '\\')
        {
          i++;
          continue;
        }
      g_string_append_len (out, data + run, i - run);
      if (i + 1 >= length)
        break;
      c = data[i + 1];
      if (c == 'u')
        {
          guint unit = 0;

          if (!read_hex4 (data, length, i + 2, &unit))
            return syntax_error (r->error, data, i, _ ("a bad \\u escape"));
          /* A C string ends at NUL: "\u0000" would silently cut a text short. */
          if (unit == 0)
            {
              g_set_error_literal (r->error, ADF_ERROR, ADF_ERROR_NOT_JSON,
                                   _ ("A string holds a NUL character (\\u0000), which no "
                                      "document text may contain"));
              return FALSE;
            }
          /* UTF-8 has no lone UTF-16 surrogates. JavaScript strings can hold them; we
           * cannot. */
          if (unit >= 0xdc00 && unit <= 0xdfff)
            return syntax_error (r->error, data, i, _ ("a lone UTF-16 surrogate"));
          if (unit >= 0xd800 && unit <= 0xdbff)
            {
              guint low = 0;

              if (i + 7 >= length || data[i + 6] != '\\' || data[i + 7] != 'u'
                  || !read_hex4 (data, length, i + 8, &low) || low < 0xdc00 || low > 0xdfff)
                return syntax_error (r->error, data, i, _ ("a lone UTF-16 surrogate"));
              unit = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
              i += 6;
            }
          g_string_append_unichar (out, unit);
          i += 6;
        }
      else
        {
          static const char escapes[] = "\"\"\\\\//b\bf\fn\nr\rt\t";
          const char *e = NULL;

          for (guint k = 0; k < sizeof escapes - 1; k += 2)
            if (escapes[k] == (char) c)
              {
                e = escapes + k;
                break;
              }
          if (e == NULL)
            return syntax_error (r->error, data, i, _ ("a bad escape"));
          g_string_append_c (out, e[1]);
          i += 2;
        }
      run = i;
    }
  return syntax_error (r->error, data, length, _ ("an unfinished string"));
}

static JsonNode *
read_number (Reader *r, gsize *pos)
{
  const char *data = r->data;
  gsize length = r->length;
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
    return syntax_error (r->error, data, i, _ ("a bad number")), NULL;
  digits = i - digits_start;
  if (i < length && data[i] == '.')
    {
      integer = FALSE;
      if (++i >= length || !g_ascii_isdigit (data[i]))
        return syntax_error (r->error, data, i, _ ("a bad number")), NULL;
      while (i < length && g_ascii_isdigit (data[i]))
        i++;
    }
  if (i < length && (data[i] == 'e' || data[i] == 'E'))
    {
      integer = FALSE;
      if (++i < length && (data[i] == '+' || data[i] == '-'))
        i++;
      if (i >= length || !g_ascii_isdigit (data[i]))
        return syntax_error (r->error, data, i, _ ("a bad number")), NULL;
      while (i < length && g_ascii_isdigit (data[i]))
        i++;
    }
  /* json-glib wrapped integers past int64 around (to -1 and the like): a heading level of
   * 10^30 would read as -1. No ADF number needs 19 digits. */
  if (integer && digits > 18)
    {
      g_set_error_literal (r->error, ADF_ERROR, ADF_ERROR_NOT_JSON,
                           _ ("A number has more than 18 digits, more than any document needs"));
      return NULL;
    }
  g_string_truncate (r->buf, 0);
  g_string_append_len (r->buf, data + *pos, i - *pos);
  *pos = i;
  if (integer)
    return json_node_init_int (json_node_alloc (), g_ascii_strtoll (r->buf->str, NULL, 10));
  return json_node_init_double (json_node_alloc (), g_ascii_strtod (r->buf->str, NULL));
}

typedef struct
{
  JsonNode *node;
  gboolean is_object;
  gsize raw_start; /* a candidate for sharing: its text, [raw_start, raw_end) */
  gsize raw_end;   /* 0: not a candidate */
} Open;

/* Documents repeat small values: marks ({"type":"em"}, a link with its attrs), marks arrays,
 * attrs ({"order":1}). For a reader that only reads (adf_buffer_load_data), one sealed node
 * serves every copy of the same text: fewer json-glib objects to build and to free. */
#define SHARE_MAX_BYTES 96

/* The end (after the closing bracket) of the container opening at data[at] when it is short
 * enough to share, else 0; *nesting: how many levels it opens. Matching brackets outside
 * strings is exact for valid JSON, and text that is not valid fails as before: only text
 * read once without error is ever looked up. */
static gsize
share_candidate (const char *data, gsize length, gsize at, guint *nesting)
{
  gsize stop = MIN (length, at + SHARE_MAX_BYTES);
  guint level = 0;

  *nesting = 0;
  for (gsize i = at; i < stop; i++)
    {
      char c = data[i];

      if (c == '"')
        {
          for (i++; i < stop && data[i] != '"'; i++)
            if (data[i] == '\\')
              i++;
        }
      else if (c == '{' || c == '[')
        {
          level++;
          *nesting = MAX (*nesting, level);
        }
      else if (c == '}' || c == ']')
        {
          if (--level == 0)
            return i + 1;
        }
    }
  return 0;
}

/* A container closed at data[at]: one that may be shared is sealed and kept for the next
 * time its text comes. */
static void
close_open (GHashTable *shared, Open *open, const char *data, gsize at)
{
  if (shared == NULL || open->raw_end != at + 1)
    return;
  json_node_seal (open->node);
  g_hash_table_insert (shared, g_strndup (data + open->raw_start, open->raw_end - open->raw_start),
                       json_node_ref (open->node));
}

static JsonNode *
read_json (const char *data, gsize length, gboolean share, GError **error)
{
  g_autoptr (GString) buf = g_string_sized_new (256);
  g_autoptr (GString) key = g_string_sized_new (32);
  g_autoptr (GHashTable) shared = NULL;
  Reader r = { data, length, buf, error };
  Open stack[ADF_MAX_DEPTH];
  guint depth = 0;
  Expect expect = EXPECT_VALUE;
  JsonNode *root = NULL;
  gsize i = 0;

  if (share)
    shared
        = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) json_node_unref);

  for (;;)
    {
      JsonNode *value = NULL;
      gsize raw_end = 0;
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
              close_open (shared, &stack[--depth], data, i);
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
                  goto fail;
                }
              if (shared && depth > 0)
                {
                  guint nesting;

                  raw_end = share_candidate (data, length, i, &nesting);
                  if (raw_end && depth + nesting > ADF_MAX_DEPTH)
                    raw_end = 0;
                  if (raw_end)
                    {
                      g_string_truncate (buf, 0);
                      g_string_append_len (buf, data + i, raw_end - i);
                      value = g_hash_table_lookup (shared, buf->str);
                    }
                }
              if (value)
                {
                  /* The same text read before: its node, sealed */
                  value = json_node_ref (value);
                  i = raw_end;
                  expect = AFTER_VALUE;
                }
              else if (c == '{')
                {
                  i++;
                  value = json_node_new (JSON_NODE_OBJECT);
                  json_node_take_object (value, json_object_new ());
                  expect = EXPECT_KEY_OR_END;
                }
              else
                {
                  i++;
                  value = json_node_new (JSON_NODE_ARRAY);
                  json_node_take_array (value, json_array_new ());
                  expect = EXPECT_VALUE_OR_END;
                }
            }
          else if (c == '"')
            {
              if (!read_string (&r, &i, buf))
                goto fail;
              value = json_node_init_string (json_node_alloc (), buf->str);
              expect = AFTER_VALUE;
            }
          else if (c == '-' || g_ascii_isdigit (c))
            {
              value = read_number (&r, &i);
              if (value == NULL)
                goto fail;
              expect = AFTER_VALUE;
            }
          else if (length - i >= 4 && memcmp (data + i, "true", 4) == 0)
            {
              value = json_node_init_boolean (json_node_alloc (), TRUE);
              i += 4;
              expect = AFTER_VALUE;
            }
          else if (length - i >= 5 && memcmp (data + i, "false", 5) == 0)
            {
              value = json_node_init_boolean (json_node_alloc (), FALSE);
              i += 5;
              expect = AFTER_VALUE;
            }
          else if (length - i >= 4 && memcmp (data + i, "null", 4) == 0)
            {
              value = json_node_init_null (json_node_alloc ());
              i += 4;
              expect = AFTER_VALUE;
            }
          else
            {
              syntax_error (error, data, i, _ ("unexpected character"));
              goto fail;
            }

          /* Into its parent at once, containers too: the parent frees it on error. */
          if (depth == 0)
            root = value;
          else if (stack[depth - 1].is_object)
            json_object_set_member (json_node_get_object (stack[depth - 1].node), key->str, value);
          else
            json_array_add_element (json_node_get_array (stack[depth - 1].node), value);
          if (expect != AFTER_VALUE)
            stack[depth++] = (Open){ value, c == '{', i - 1, raw_end };
          break;

        case AFTER_VALUE:
          if (depth == 0)
            {
              syntax_error (error, data, i, _ ("more after the end of the document"));
              goto fail;
            }
          if (c == ',')
            expect = stack[depth - 1].is_object ? EXPECT_KEY : EXPECT_VALUE;
          else if ((c == '}' && stack[depth - 1].is_object)
                   || (c == ']' && !stack[depth - 1].is_object))
            close_open (shared, &stack[--depth], data, i);
          else
            {
              syntax_error (error, data, i, _ ("unexpected character"));
              goto fail;
            }
          i++;
          break;

        case EXPECT_KEY_OR_END:
          if (c == '}')
            {
              close_open (shared, &stack[--depth], data, i);
              i++;
              expect = AFTER_VALUE;
              break;
            }
          G_GNUC_FALLTHROUGH;
        case EXPECT_KEY:
          if (c != '"')
            {
              syntax_error (error, data, i, _ ("a member name must be a string in double quotes"));
              goto fail;
            }
          if (!read_string (&r, &i, key))
            goto fail;
          expect = EXPECT_COLON;
          break;

        case EXPECT_COLON:
        default:
          if (c != ':')
            {
              syntax_error (error, data, i, _ ("“:” expected"));
              goto fail;
            }
          i++;
          expect = EXPECT_VALUE;
          break;
        }
    }

  if (expect != AFTER_VALUE || depth != 0)
    {
      syntax_error (error, data, length,
                    expect == EXPECT_VALUE && depth == 0 ? _ ("empty")
                                                         : _ ("the document ends too early"));
      goto fail;
    }
  return root;

fail:
  g_clear_pointer (&shared, g_hash_table_unref);
  g_clear_pointer (&root, json_node_unref);
  return NULL;
}

static JsonNode *
parse_json (const char *data, gsize length, gboolean share, GError **error)
{
  const char *end = NULL;

  if (length > ADF_MAX_BYTES)
    {
      g_set_error (error, ADF_ERROR, ADF_ERROR_TOO_LARGE,
                   _ ("The document is %" PRIu64 " bytes long; the limit is %u MiB"),
                   (uint64_t) length, ADF_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  if (!utf8_validate (data, length, &end))
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

  return read_json (data, length, share, error);
}

/* The document object inside node: node itself, or the object a JSON string holds. */
static JsonNode *
unwrap (JsonNode *node, gboolean share, GError **error)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_node_ref (node);

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *inner = json_node_get_string (node);
      g_autoptr (JsonNode) root = parse_json (inner, strlen (inner), share, error);

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

static JsonNode *
parse (const char *data, gssize length, AdfValidateFlags flags, gboolean share, GError **error)
{
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (JsonNode) doc = NULL;

  if (length < 0)
    length = strlen (data);

  root = parse_json (data, length, share, error);
  if (root == NULL)
    return NULL;

  doc = unwrap (root, share, error);
  if (doc == NULL)
    return NULL;

  if (!adf_validate (doc, flags, error))
    return NULL;

  /* Freshly parsed: nobody else holds it, so no copy is needed. */
  return g_steal_pointer (&doc);
}

JsonNode *
adf_parse (const char *data, gssize length, AdfValidateFlags flags, GError **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return parse (data, length, flags, FALSE, error);
}

JsonNode *
_adf_parse_shared (const char *data, gssize length, AdfValidateFlags flags, GError **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return parse (data, length, flags, TRUE, error);
}

JsonNode *
adf_parse_node (JsonNode *node, AdfValidateFlags flags, GError **error)
{
  g_autoptr (JsonNode) doc = NULL;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = unwrap (node, FALSE, error);
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
