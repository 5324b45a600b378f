/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "adf-parse"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "adf-tree-private.h"

#include <string.h>

#include "adf-parse.h"
#include "adf-private.h"

/*
 * Strict JSON (RFC 8259) as JavaScript's JSON.parse reads it, read in one pass without
 * recursion into an AdfTree. json-glib's own parser recurses (100,000 levels overflow the
 * stack), and is lenient where Atlassian is not: it reads 0x10, 01, raw control characters in
 * strings, 'single quotes', comments and a second document after the first. Values read as
 * json-glib builds them: integers as int64, numbers with a fraction or an exponent as
 * double, a repeated member name keeps its first place and its last value.
 *
 * Values are stored in document order (pre-order): a container's first child follows it,
 * and each value knows where its subtree ends, which is where its next sibling starts.
 */

enum
{
  VALUE_ALIASED = 1 << 0, /* a member given again later: its value is that one's (alias) */
  VALUE_HIDDEN = 1 << 1,  /* that later member: read at the first one's place */
};

#define NO_KEY G_MAXUINT32

typedef struct
{
  guint8 kind; /* AdfValueKind */
  guint8 flags;
  guint32 key;   /* a member's name: offset in strings; NO_KEY outside objects */
  guint32 end;   /* the index after this value's subtree */
  guint32 count; /* containers: members (the hidden ones left out) or elements */
  union
  {
    gint64 i;
    double d;
    guint32 s; /* offset in strings */
    gboolean b;
    guint32 alias; /* VALUE_ALIASED: the index of the value that replaced this one */
  } v;
} TreeValue;

struct _AdfTree
{
  TreeValue *values;
  guint32 n_values;
  guint32 capacity;
  /* Every string, NUL-terminated: decoded, a string is never longer than its JSON text,
   * quotes included, so the text's length is enough for all of them. */
  char *strings;
  gsize strings_len;
};

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
  AdfTree *tree;
  GString *buf; /* the number being read */
  GError **error;
} Reader;

/* Static helpers */

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

/* The string at *pos (its opening quote), decoded to the end of the tree's strings; its
 * offset there in *offset. */
static gboolean
read_string (Reader *r, gsize *pos, guint32 *offset)
{
  const char *data = r->data;
  gsize length = r->length;
  gsize i = *pos + 1;
  gsize run = i;
  char *out = r->tree->strings + r->tree->strings_len;
  char *start = out;

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
          memcpy (out, data + run, i - run);
          out += i - run;
          *out++ = '\0';
          *offset = (guint32) r->tree->strings_len;
          r->tree->strings_len += out - start;
          *pos = i + 1;
          return TRUE;
        }
      if (c < 0x20)
        return syntax_error (r->error, data, i, _ ("a control character inside a string"));
      memcpy (out, data + run, i - run);
      out += i - run;
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
          /* Never longer than the escape it comes from: 3 bytes for 6, 4 for 12 */
          out += g_unichar_to_utf8 (unit, out);
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
          *out++ = e[1];
          i += 2;
        }
      run = i;
    }
  return syntax_error (r->error, data, length, _ ("an unfinished string"));
}

static gboolean
read_number (Reader *r, gsize *pos, TreeValue *value)
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
    return syntax_error (r->error, data, i, _ ("a bad number"));
  digits = i - digits_start;
  if (i < length && data[i] == '.')
    {
      integer = FALSE;
      if (++i >= length || !g_ascii_isdigit (data[i]))
        return syntax_error (r->error, data, i, _ ("a bad number"));
      while (i < length && g_ascii_isdigit (data[i]))
        i++;
    }
  if (i < length && (data[i] == 'e' || data[i] == 'E'))
    {
      integer = FALSE;
      if (++i < length && (data[i] == '+' || data[i] == '-'))
        i++;
      if (i >= length || !g_ascii_isdigit (data[i]))
        return syntax_error (r->error, data, i, _ ("a bad number"));
      while (i < length && g_ascii_isdigit (data[i]))
        i++;
    }
  /* json-glib wrapped integers past int64 around (to -1 and the like): a heading level of
   * 10^30 would read as -1. No ADF number needs 19 digits. */
  if (integer && digits > 18)
    {
      g_set_error_literal (r->error, ADF_ERROR, ADF_ERROR_NOT_JSON,
                           _ ("A number has more than 18 digits, more than any document needs"));
      return FALSE;
    }
  if (integer)
    {
      /* At most 18 digits: no overflow */
      gint64 n = 0;

      for (gsize k = digits_start; k < i; k++)
        n = n * 10 + (data[k] - '0');
      value->kind = ADF_VALUE_INT;
      value->v.i = data[*pos] == '-' ? -n : n;
    }
  else
    {
      g_string_truncate (r->buf, 0);
      g_string_append_len (r->buf, data + *pos, i - *pos);
      value->kind = ADF_VALUE_DOUBLE;
      value->v.d = g_ascii_strtod (r->buf->str, NULL);
    }
  *pos = i;
  return TRUE;
}

static TreeValue *
new_value (AdfTree *tree, guint kind, guint32 key)
{
  TreeValue *value;

  if (tree->n_values == tree->capacity)
    {
      tree->capacity *= 2;
      tree->values = g_renew (TreeValue, tree->values, tree->capacity);
    }
  value = &tree->values[tree->n_values++];
  value->kind = kind;
  value->flags = 0;
  value->key = key;
  value->end = tree->n_values;
  value->count = 0;
  value->v.i = 0;
  return value;
}

static const char *
key_of (const AdfTree *tree, const TreeValue *value)
{
  return tree->strings + value->key;
}

/* Members given twice: the first keeps its place and takes the last one's value. Objects
 * are small, but a hostile one is not, so a large one uses a hash table. */
static void
resolve_duplicates (AdfTree *tree, guint32 object)
{
  TreeValue *values = tree->values;
  guint32 end = tree->n_values;
  g_autoptr (GHashTable) first = NULL;

  if (values[object].count > 16)
    first = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint32 j = object + 1; j < end; j = values[j].end)
    {
      const char *name = key_of (tree, &values[j]);
      guint32 found = G_MAXUINT32;

      if (first)
        {
          gpointer index;

          if (g_hash_table_lookup_extended (first, name, NULL, &index))
            found = GPOINTER_TO_UINT (index);
          else
            g_hash_table_insert (first, (gpointer) name, GUINT_TO_POINTER (j));
        }
      else
        for (guint32 i = object + 1; i < j; i = values[i].end)
          if (!(values[i].flags & VALUE_HIDDEN) && key_of (tree, &values[i])[0] == name[0]
              && strcmp (key_of (tree, &values[i]), name) == 0)
            {
              found = i;
              break;
            }
      if (found == G_MAXUINT32)
        continue;
      values[found].flags |= VALUE_ALIASED;
      values[found].v.alias = j;
      values[j].flags |= VALUE_HIDDEN;
      values[object].count--;
    }
}

typedef struct
{
  guint32 index;
  gboolean is_object;
} Open;

static AdfTree *
read_tree (const char *data, gsize length, GError **error)
{
  g_autoptr (GString) buf = g_string_sized_new (64);
  AdfTree *tree = g_new0 (AdfTree, 1);
  Reader r = { data, length, tree, buf, error };
  Open stack[ADF_MAX_DEPTH];
  guint depth = 0;
  Expect expect = EXPECT_VALUE;
  guint32 key = NO_KEY;
  gsize i = 0;

  /* About one value per 16 bytes in documents; grown by doubling when not enough */
  tree->capacity = MAX (16, length / 12);
  tree->values = g_new (TreeValue, tree->capacity);
  tree->strings = g_malloc (length + 1);

  for (;;)
    {
      TreeValue *value;
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
              Open *open = &stack[--depth];

              tree->values[open->index].end = tree->n_values;
              i++;
              expect = AFTER_VALUE;
              break;
            }
          G_GNUC_FALLTHROUGH;
        case EXPECT_VALUE:
          if (depth > 0)
            tree->values[stack[depth - 1].index].count++;
          if (c == '{' || c == '[')
            {
              if (depth >= ADF_MAX_DEPTH)
                {
                  g_set_error (error, ADF_ERROR, ADF_ERROR_TOO_DEEP,
                               _ ("The document is nested more than %u levels deep"),
                               ADF_MAX_DEPTH);
                  goto fail;
                }
              new_value (tree, c == '{' ? ADF_VALUE_OBJECT : ADF_VALUE_ARRAY, key);
              stack[depth++] = (Open){ tree->n_values - 1, c == '{' };
              i++;
              expect = c == '{' ? EXPECT_KEY_OR_END : EXPECT_VALUE_OR_END;
              key = NO_KEY;
              break;
            }
          value = new_value (tree, ADF_VALUE_NULL, key);
          key = NO_KEY;
          expect = AFTER_VALUE;
          if (c == '"')
            {
              value->kind = ADF_VALUE_STRING;
              if (!read_string (&r, &i, &value->v.s))
                goto fail;
              /* the string's length, for whoever copies it */
              value->count = (guint32) (tree->strings_len - value->v.s - 1);
            }
          else if (c == '-' || g_ascii_isdigit (c))
            {
              if (!read_number (&r, &i, value))
                goto fail;
            }
          else if (length - i >= 4 && memcmp (data + i, "true", 4) == 0)
            {
              value->kind = ADF_VALUE_BOOLEAN;
              value->v.b = TRUE;
              i += 4;
            }
          else if (length - i >= 5 && memcmp (data + i, "false", 5) == 0)
            {
              value->kind = ADF_VALUE_BOOLEAN;
              value->v.b = FALSE;
              i += 5;
            }
          else if (length - i >= 4 && memcmp (data + i, "null", 4) == 0)
            i += 4;
          else
            {
              syntax_error (error, data, i, _ ("unexpected character"));
              goto fail;
            }
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
            {
              Open *open = &stack[--depth];

              tree->values[open->index].end = tree->n_values;
              if (open->is_object && tree->values[open->index].count > 1)
                resolve_duplicates (tree, open->index);
            }
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
              Open *open = &stack[--depth];

              tree->values[open->index].end = tree->n_values;
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
          if (!read_string (&r, &i, &key))
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
  return tree;

fail:
  _adf_tree_free (tree);
  return NULL;
}

static const TreeValue *
tree_value (AdfValue value)
{
  return &value.tree->values[value.at];
}

/* The value a tree member holds: its own, or the one given later under its name */
static AdfValue
member_value (const AdfTree *tree, guint32 at)
{
  AdfValue value = { tree, at, NULL };

  if (tree->values[at].flags & VALUE_ALIASED)
    value.at = tree->values[at].v.alias;
  return value;
}

static JsonNode *
tree_to_node (const AdfTree *tree, guint32 at)
{
  const TreeValue *value = &tree->values[at];
  JsonNode *node;

  switch (value->kind)
    {
    case ADF_VALUE_OBJECT:
      {
        JsonObject *object = json_object_new ();

        for (guint32 child = at + 1; child < value->end; child = tree->values[child].end)
          if (!(tree->values[child].flags & VALUE_HIDDEN))
            json_object_set_member (object, key_of (tree, &tree->values[child]),
                                    tree_to_node (tree, member_value (tree, child).at));
        node = json_node_new (JSON_NODE_OBJECT);
        json_node_take_object (node, object);
        return node;
      }
    case ADF_VALUE_ARRAY:
      {
        JsonArray *array = json_array_sized_new (value->count);

        for (guint32 child = at + 1; child < value->end; child = tree->values[child].end)
          json_array_add_element (array, tree_to_node (tree, child));
        node = json_node_new (JSON_NODE_ARRAY);
        json_node_take_array (node, array);
        return node;
      }
    case ADF_VALUE_STRING:
      return json_node_init_string (json_node_alloc (), tree->strings + value->v.s);
    case ADF_VALUE_INT:
      return json_node_init_int (json_node_alloc (), value->v.i);
    case ADF_VALUE_DOUBLE:
      return json_node_init_double (json_node_alloc (), value->v.d);
    case ADF_VALUE_BOOLEAN:
      return json_node_init_boolean (json_node_alloc (), value->v.b);
    case ADF_VALUE_NULL:
    default:
      return json_node_init_null (json_node_alloc ());
    }
}

/* Private API */

AdfTree *
_adf_tree_read (const char *data, gsize length, GError **error)
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

  return read_tree (data, length, error);
}

void
_adf_tree_free (AdfTree *tree)
{
  if (tree == NULL)
    return;
  g_free (tree->values);
  g_free (tree->strings);
  g_free (tree);
}

AdfValue
_adf_tree_root (const AdfTree *tree)
{
  AdfValue value = { tree, 0, NULL };

  return value;
}

AdfValueKind
_adf_value_kind (AdfValue value)
{
  if (value.tree)
    return tree_value (value)->kind;
  if (value.node == NULL)
    return ADF_VALUE_NONE;
  switch (JSON_NODE_TYPE (value.node))
    {
    case JSON_NODE_OBJECT:
      return ADF_VALUE_OBJECT;
    case JSON_NODE_ARRAY:
      return ADF_VALUE_ARRAY;
    case JSON_NODE_VALUE:
      {
        GType type = json_node_get_value_type (value.node);

        if (type == G_TYPE_STRING)
          return ADF_VALUE_STRING;
        if (type == G_TYPE_BOOLEAN)
          return ADF_VALUE_BOOLEAN;
        if (type == G_TYPE_DOUBLE)
          return ADF_VALUE_DOUBLE;
        return ADF_VALUE_INT;
      }
    case JSON_NODE_NULL:
    default:
      return ADF_VALUE_NULL;
    }
}

const char *
_adf_value_string (AdfValue value)
{
  if (value.tree)
    {
      const TreeValue *v = tree_value (value);

      return v->kind == ADF_VALUE_STRING ? value.tree->strings + v->v.s : NULL;
    }
  if (value.node == NULL || !JSON_NODE_HOLDS_VALUE (value.node)
      || json_node_get_value_type (value.node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (value.node);
}

const char *
_adf_value_string_length (AdfValue value, gsize *length)
{
  const char *string;

  if (value.tree)
    {
      const TreeValue *v = tree_value (value);

      if (v->kind != ADF_VALUE_STRING)
        return NULL;
      *length = v->count;
      return value.tree->strings + v->v.s;
    }
  string = _adf_value_string (value);
  if (string != NULL)
    *length = strlen (string);
  return string;
}

gboolean
_adf_value_number (AdfValue value, double *out)
{
  if (value.tree)
    {
      const TreeValue *v = tree_value (value);

      if (v->kind == ADF_VALUE_INT)
        *out = (double) v->v.i;
      else if (v->kind == ADF_VALUE_DOUBLE)
        *out = v->v.d;
      else
        return FALSE;
      return TRUE;
    }
  return _adf_json_number (value.node, out);
}

gboolean
_adf_value_boolean (AdfValue value)
{
  if (value.tree)
    return tree_value (value)->kind == ADF_VALUE_BOOLEAN && tree_value (value)->v.b;
  return _adf_value_kind (value) == ADF_VALUE_BOOLEAN && json_node_get_boolean (value.node);
}

guint
_adf_value_size (AdfValue value)
{
  if (value.tree)
    {
      const TreeValue *v = tree_value (value);

      return v->kind == ADF_VALUE_OBJECT || v->kind == ADF_VALUE_ARRAY ? v->count : 0;
    }
  if (value.node == NULL)
    return 0;
  if (JSON_NODE_HOLDS_OBJECT (value.node))
    return json_object_get_size (json_node_get_object (value.node));
  if (JSON_NODE_HOLDS_ARRAY (value.node))
    return json_array_get_length (json_node_get_array (value.node));
  return 0;
}

AdfValue
_adf_value_member (AdfValue object, const char *name)
{
  AdfValue none = { NULL, 0, NULL };

  if (object.tree)
    {
      const AdfTree *tree = object.tree;
      const TreeValue *v = tree_value (object);

      if (v->kind != ADF_VALUE_OBJECT)
        return none;
      for (guint32 child = object.at + 1; child < v->end; child = tree->values[child].end)
        {
          const char *key = key_of (tree, &tree->values[child]);

          if (key[0] == name[0] && !(tree->values[child].flags & VALUE_HIDDEN)
              && strcmp (key, name) == 0)
            return member_value (tree, child);
        }
      return none;
    }
  if (object.node == NULL || !JSON_NODE_HOLDS_OBJECT (object.node))
    return none;
  none.node = json_object_get_member (json_node_get_object (object.node), name);
  return none;
}

const char *
_adf_value_type (AdfValue object)
{
  return _adf_value_string (_adf_value_member (object, "type"));
}

void
_adf_value_iter_init (AdfValueIter *iter, AdfValue container)
{
  memset (iter, 0, sizeof *iter);
  if (container.tree)
    {
      const TreeValue *v = tree_value (container);

      iter->tree = container.tree;
      iter->is_object = v->kind == ADF_VALUE_OBJECT;
      iter->next = container.at + 1;
      iter->end = v->kind == ADF_VALUE_OBJECT || v->kind == ADF_VALUE_ARRAY ? v->end : iter->next;
      return;
    }
  if (container.node == NULL)
    return;
  if (JSON_NODE_HOLDS_OBJECT (container.node))
    {
      iter->is_object = TRUE;
      json_object_iter_init_ordered (&iter->object_iter, json_node_get_object (container.node));
    }
  else if (JSON_NODE_HOLDS_ARRAY (container.node))
    {
      iter->array = json_node_get_array (container.node);
      iter->length = json_array_get_length (iter->array);
    }
}

gboolean
_adf_value_iter_next (AdfValueIter *iter, const char **name, AdfValue *value)
{
  if (iter->tree)
    {
      const AdfTree *tree = iter->tree;

      while (iter->next < iter->end)
        {
          guint32 at = iter->next;

          iter->next = tree->values[at].end;
          if (tree->values[at].flags & VALUE_HIDDEN)
            continue;
          if (name)
            *name = iter->is_object ? key_of (tree, &tree->values[at]) : NULL;
          *value = member_value (tree, at);
          return TRUE;
        }
      return FALSE;
    }
  if (iter->is_object)
    {
      const char *member_name;
      JsonNode *member;

      if (!json_object_iter_next_ordered (&iter->object_iter, &member_name, &member))
        return FALSE;
      if (name)
        *name = member_name;
      *value = _adf_value_from_node (member);
      return TRUE;
    }
  if (iter->index >= iter->length)
    return FALSE;
  if (name)
    *name = NULL;
  *value = _adf_value_from_node (json_array_get_element (iter->array, iter->index++));
  return TRUE;
}

JsonNode *
_adf_value_to_node (AdfValue value)
{
  if (value.tree)
    return tree_to_node (value.tree, value.at);
  return value.node ? json_node_copy (value.node) : NULL;
}

const char *
_adf_describe_value (AdfValue value)
{
  switch (_adf_value_kind (value))
    {
    case ADF_VALUE_NONE:
      return _ ("nothing");
    case ADF_VALUE_OBJECT:
      return _ ("an object");
    case ADF_VALUE_ARRAY:
      return _ ("an array");
    case ADF_VALUE_NULL:
      return _ ("null");
    case ADF_VALUE_STRING:
      return _ ("a string");
    case ADF_VALUE_BOOLEAN:
      return _ ("a boolean");
    case ADF_VALUE_INT:
    case ADF_VALUE_DOUBLE:
    default:
      return _ ("a number");
    }
}
