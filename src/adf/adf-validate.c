/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "adf-validate"

#include "config.h"

#include <glib/gi18n.h>

#include "adf-parse.h"

#include <math.h>
#include <string.h>

#include "adf-private.h"
#include "adf-schema-private.h"

/*
 * The validator: walks a document against the tables of adf-schema.c and stops at the first
 * problem, naming its path ("content[3].content[0]") and the rule. It recurses once per
 * node level, and refuses to go deeper than ADF_MAX_DEPTH, so a document built in memory
 * (not through adf_parse's pre-scan) cannot exhaust the stack either.
 */

typedef struct
{
  const char *member; /* "content", "marks" */
  guint index;
} Segment;

typedef struct
{
  AdfValidateFlags flags;
  GArray *path; /* of Segment */
  GError **error;
} Validator;

static char *
format_path (Validator *v, const char *extra)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; i < v->path->len; i++)
    {
      Segment *segment = &g_array_index (v->path, Segment, i);

      if (path->len > 0)
        g_string_append_c (path, '.');
      g_string_append_printf (path, "%s[%u]", segment->member, segment->index);
    }
  if (extra != NULL)
    {
      if (path->len > 0)
        g_string_append_c (path, '.');
      g_string_append (path, extra);
    }
  if (path->len == 0)
    g_string_append (path, "doc");
  return g_string_free (path, FALSE);
}

static gboolean fail (Validator *v, AdfError code, const char *format, ...) G_GNUC_PRINTF (3, 4);

/* Sets the error as "path: message" and returns FALSE, so that checks read
 * `return fail (…)`. */
static gboolean
fail (Validator *v, AdfError code, const char *format, ...)
{
  g_autofree char *path = format_path (v, NULL);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: a place in a document ("content[3].content[0]"), then what is wrong there */
  g_set_error (v->error, ADF_ERROR, code, _ ("%s: %s"), path, message);
  return FALSE;
}

static void
push (Validator *v, const char *member, guint index)
{
  Segment segment = { member, index };

  g_array_append_val (v->path, segment);
}

static void
pop (Validator *v)
{
  g_array_set_size (v->path, v->path->len - 1);
}

static gboolean
is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node)
         && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_hex (const char *s, guint count)
{
  for (guint i = 0; i < count; i++)
    if (!g_ascii_isxdigit (s[i]))
      return FALSE;
  return s[count] == '\0';
}

static gboolean
matches_pattern (const char *value, AdfPattern pattern)
{
  static const char *const status_names[]
      = { "neutral", "purple", "blue", "red", "yellow", "green" };
  gsize length = strlen (value);

  switch (pattern)
    {
    case ADF_PATTERN_COLOR:
      return length == 7 && value[0] == '#' && is_hex (value + 1, 6);
    case ADF_PATTERN_BORDER_COLOR:
      return (length == 7 || length == 9) && value[0] == '#' && is_hex (value + 1, length - 1);
    case ADF_PATTERN_STATUS_COLOR:
    default:
      for (gsize i = 0; i < G_N_ELEMENTS (status_names); i++)
        if (strcmp (value, status_names[i]) == 0)
          return TRUE;
      return length == 7 && value[0] == '#' && is_hex (value + 1, 6);
    }
}

static const char *
describe_pattern (AdfPattern pattern)
{
  switch (pattern)
    {
    case ADF_PATTERN_COLOR:
      return _ ("a colour written #rrggbb");
    case ADF_PATTERN_BORDER_COLOR:
      return _ ("a colour written #rrggbb or #rrggbbaa");
    case ADF_PATTERN_STATUS_COLOR:
    default:
      return _ ("neutral, purple, blue, red, yellow, green or a colour written #rrggbb");
    }
}

/* The schemes adf-utils' isSafeUrl lets through (it matches at the start of any line,
 * case-insensitively, after trimming). */
static const char *const safe_prefixes[] = {
  "http://",
  "https://",
  "ftp://",
  "ftps://",
  "gopher://",
  "integrity://",
  "file://",
  "smb://",
  "dynamicsnav://",
  "jamfselfservice://",
  "/",
  "mailto:",
  "skype:",
  "callto:",
  "facetime:",
  "git:",
  "irc:",
  "irc6:",
  "news:",
  "nntp:",
  "feed:",
  "cvs:",
  "svn:",
  "mvn:",
  "ssh:",
  "scp://",
  "sftp://",
  "itms:",
  "notes:",
  "hipchat://",
  "sourcetree:",
  "urn:",
  "tel:",
  "xmpp:",
  "telnet:",
  "vnc:",
  "rdp:",
  "whatsapp:",
  "slack:",
  "sip:",
  "sips:",
  "magnet:",
  "#",
};

static gboolean
is_js_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0xfeff || c == 0xa0
         || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR;
}

gboolean
adf_is_safe_url (const char *url)
{
  g_autoptr (GString) folded = g_string_new (NULL);
  const char *start = url;
  const char *end = url + strlen (url);

  /* Trim as JavaScript's String.prototype.trim does. */
  while (start < end && is_js_space (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!is_js_space (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  if (start == end)
    return TRUE;

  /* ASCII case folding, plus the two non-ASCII letters JavaScript's /i folds into 's' and
   * 'k' (ſ and the Kelvin sign), which the patterns name on purpose. */
  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x17f)
        g_string_append_c (folded, 's');
      else if (c == 0x212a)
        g_string_append_c (folded, 'k');
      else if (c < 0x80)
        g_string_append_c (folded, g_ascii_tolower ((char) c));
      else
        g_string_append_len (folded, p, g_utf8_next_char (p) - p);
    }

  /* /m: any line may start with a safe scheme. */
  for (const char *line = folded->str; line != NULL;)
    {
      const char *next;

      for (gsize i = 0; i < G_N_ELEMENTS (safe_prefixes); i++)
        if (g_str_has_prefix (line, safe_prefixes[i]))
          return TRUE;

      next = strpbrk (line, "\n\r");
      {
        const char *ls = strstr (line, "\xe2\x80\xa8");
        const char *ps = strstr (line, "\xe2\x80\xa9");

        if (ls != NULL && (next == NULL || ls < next))
          next = ls + 2;
        if (ps != NULL && (next == NULL || ps < next))
          next = ps + 2;
      }
      line = next ? next + 1 : NULL;
    }
  return FALSE;
}

static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%g", value));
}

static char *
join_values (const char *const *values)
{
  return g_strjoinv (", ", (char **) values);
}

/* Checks one attribute value against spec; what names the owner ("heading", "link"). */
static gboolean
check_attr_value (Validator *v, const char *what, const AdfAttrSpec *spec, JsonNode *value)
{
  double number;

  switch (spec->kind)
    {
    case ADF_ATTR_STRING:
    case ADF_ATTR_ENUM:
    case ADF_ATTR_PATTERN:
    case ADF_ATTR_URL:
      {
        const char *s;

        if (!is_string (value))
          return fail (v, ADF_ERROR_INVALID, _ ("%s attribute “%s” must be a string, not %s"), what,
                       spec->name, _adf_describe_json (value));
        s = json_node_get_string (value);
        if ((spec->flags & ADF_ATTR_NON_EMPTY) && *s == '\0')
          return fail (v, ADF_ERROR_INVALID, _ ("%s attribute “%s” must not be empty"), what,
                       spec->name);
        if (spec->kind == ADF_ATTR_ENUM && !g_strv_contains (spec->values, s))
          {
            g_autofree char *allowed = join_values (spec->values);

            return fail (v, ADF_ERROR_INVALID, _ ("%s %s “%s” is not one of: %s"), what, spec->name,
                         s, allowed);
          }
        if (spec->kind == ADF_ATTR_PATTERN
            && !matches_pattern (s, (AdfPattern) GPOINTER_TO_INT (spec->values)))
          return fail (v, ADF_ERROR_INVALID, _ ("%s %s “%s” is not %s"), what, spec->name, s,
                       describe_pattern ((AdfPattern) GPOINTER_TO_INT (spec->values)));
        if (spec->kind == ADF_ATTR_URL && !adf_is_safe_url (s))
          return fail (v, ADF_ERROR_INVALID,
                       _ ("%s %s “%s” is not a safe link: it needs a scheme such as https: or "
                          "mailto:, or to start with / or #"),
                       what, spec->name, s);
        return TRUE;
      }

    case ADF_ATTR_NUMBER:
      if (!_adf_json_number (value, &number))
        return fail (v, ADF_ERROR_INVALID, _ ("%s attribute “%s” must be a number, not %s"), what,
                     spec->name, _adf_describe_json (value));
      if ((spec->flags & ADF_ATTR_MIN) && (spec->flags & ADF_ATTR_MAX)
          && !(number >= spec->min && number <= spec->max))
        {
          g_autofree char *n = format_number (number);
          g_autofree char *lo = format_number (spec->min);
          g_autofree char *hi = format_number (spec->max);

          /* Translators: e.g. "heading level 9 outside 1–6" */
          return fail (v, ADF_ERROR_INVALID, _ ("%s %s %s outside %s–%s"), what, spec->name, n, lo,
                       hi);
        }
      if ((spec->flags & ADF_ATTR_MIN) && !(number >= spec->min))
        {
          g_autofree char *n = format_number (number);
          g_autofree char *lo = format_number (spec->min);

          return fail (v, ADF_ERROR_INVALID, _ ("%s %s %s is below %s"), what, spec->name, n, lo);
        }
      if (!isfinite (number))
        return fail (v, ADF_ERROR_INVALID, _ ("%s attribute “%s” is too large a number"), what,
                     spec->name);
      return TRUE;

    case ADF_ATTR_BOOLEAN:
      if (value == NULL || !JSON_NODE_HOLDS_VALUE (value)
          || json_node_get_value_type (value) != G_TYPE_BOOLEAN)
        return fail (v, ADF_ERROR_INVALID, _ ("%s attribute “%s” must be true or false, not %s"),
                     what, spec->name, _adf_describe_json (value));
      return TRUE;

    case ADF_ATTR_OBJECT:
      if (!JSON_NODE_HOLDS_OBJECT (value))
        return fail (v, ADF_ERROR_INVALID, _ ("%s attribute “%s” must be an object, not %s"), what,
                     spec->name, _adf_describe_json (value));
      return TRUE;

    case ADF_ATTR_NUMBER_ARRAY:
    case ADF_ATTR_STRING_ARRAY:
      {
        JsonArray *array;

        if (!JSON_NODE_HOLDS_ARRAY (value))
          return fail (v, ADF_ERROR_INVALID, _ ("%s attribute “%s” must be an array, not %s"), what,
                       spec->name, _adf_describe_json (value));
        array = json_node_get_array (value);
        if (spec->kind == ADF_ATTR_STRING_ARRAY && json_array_get_length (array) == 0)
          return fail (v, ADF_ERROR_INVALID, _ ("%s attribute “%s” must not be empty"), what,
                       spec->name);
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            JsonNode *item = json_array_get_element (array, i);
            gboolean ok = spec->kind == ADF_ATTR_STRING_ARRAY ? is_string (item)
                                                              : _adf_json_number (item, &number);

            if (!ok)
              return fail (v, ADF_ERROR_INVALID, _ ("%s attribute “%s” holds %s"), what, spec->name,
                           _adf_describe_json (item));
          }
        return TRUE;
      }

    case ADF_ATTR_DATASOURCE:
      {
        JsonObject *object;
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        JsonNode *views;

        if (!JSON_NODE_HOLDS_OBJECT (value))
          return fail (v, ADF_ERROR_INVALID, _ ("%s attribute “%s” must be an object, not %s"),
                       what, spec->name, _adf_describe_json (value));
        object = json_node_get_object (value);
        json_object_iter_init (&iter, object);
        while (json_object_iter_next (&iter, &name, &member))
          if (strcmp (name, "id") != 0 && strcmp (name, "parameters") != 0
              && strcmp (name, "views") != 0)
            return fail (v, ADF_ERROR_INVALID, _ ("%s %s has no member “%s”"), what, spec->name,
                         name);
        views = json_object_get_member (object, "views");
        if (!is_string (json_object_get_member (object, "id"))
            || !JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "parameters"))
            || views == NULL || !JSON_NODE_HOLDS_ARRAY (views)
            || json_array_get_length (json_node_get_array (views)) == 0)
          return fail (v, ADF_ERROR_INVALID,
                       _ ("%s %s needs an id, parameters and at least one view"), what, spec->name);
        for (guint i = 0; i < json_array_get_length (json_node_get_array (views)); i++)
          {
            JsonNode *view = json_array_get_element (json_node_get_array (views), i);
            JsonObject *view_object
                = JSON_NODE_HOLDS_OBJECT (view) ? json_node_get_object (view) : NULL;
            JsonNode *properties;

            if (view_object == NULL || !is_string (json_object_get_member (view_object, "type")))
              return fail (v, ADF_ERROR_INVALID, _ ("%s %s view %u needs a type"), what, spec->name,
                           i);
            properties = json_object_get_member (view_object, "properties");
            if (properties != NULL && !JSON_NODE_HOLDS_OBJECT (properties))
              return fail (v, ADF_ERROR_INVALID, _ ("%s %s view %u has bad properties"), what,
                           spec->name, i);
            if (json_object_get_size (view_object) > (properties != NULL ? 2u : 1u))
              return fail (v, ADF_ERROR_INVALID, _ ("%s %s view %u has unknown members"), what,
                           spec->name, i);
          }
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

static const AdfAttrSpec *
find_attr (const AdfAttrSpec *specs, const char *name)
{
  for (const AdfAttrSpec *spec = specs; spec->name != NULL; spec++)
    if (strcmp (spec->name, name) == 0)
      return spec;
  return NULL;
}

static gboolean
check_attrs_variant (Validator *v, const char *what, const AdfAttrSpec *specs, JsonObject *attrs)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init_ordered (&iter, attrs);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    if (find_attr (specs, name) == NULL)
      return fail (v, ADF_ERROR_INVALID, _ ("%s has no attribute “%s”"), what, name);

  for (const AdfAttrSpec *spec = specs; spec->name != NULL; spec++)
    {
      member = json_object_get_member (attrs, spec->name);
      if (member == NULL)
        {
          if (spec->flags & ADF_ATTR_REQUIRED)
            return fail (v, ADF_ERROR_INVALID, _ ("%s needs the attribute “%s”"), what, spec->name);
          continue;
        }
      if (!check_attr_value (v, what, spec, member))
        return FALSE;
    }
  return TRUE;
}

static gboolean
has_required (const AdfAttrSpec *specs, JsonObject *attrs)
{
  for (const AdfAttrSpec *spec = specs; spec->name != NULL; spec++)
    if ((spec->flags & ADF_ATTR_REQUIRED) && !json_object_has_member (attrs, spec->name))
      return FALSE;
  return TRUE;
}

/* attrs must match one of variants. The error reported is that of the first variant whose
 * required attributes are all there (the one the author most likely meant). */
static gboolean
check_attrs (Validator *v, const char *what, const AdfAttrSpec *const *variants, JsonNode *attrs)
{
  JsonObject *object;
  const AdfAttrSpec *meant = NULL;
  GError **saved = v->error;

  if (!JSON_NODE_HOLDS_OBJECT (attrs))
    return fail (v, ADF_ERROR_INVALID, _ ("%s attrs must be an object, not %s"), what,
                 _adf_describe_json (attrs));
  object = json_node_get_object (attrs);

  if (variants[1] == NULL)
    return check_attrs_variant (v, what, variants[0], object);

  v->error = NULL;
  for (guint i = 0; variants[i] != NULL; i++)
    {
      if (check_attrs_variant (v, what, variants[i], object))
        {
          v->error = saved;
          return TRUE;
        }
      if (meant == NULL && has_required (variants[i], object))
        meant = variants[i];
    }
  v->error = saved;

  return check_attrs_variant (v, what, meant ? meant : variants[0], object);
}

/* Checks a node's marks array; returns the set of known marks in *bits. */
static gboolean
check_marks (Validator *v, const char *what, JsonNode *marks, guint *bits)
{
  JsonArray *array;

  *bits = 0;
  if (!JSON_NODE_HOLDS_ARRAY (marks))
    return fail (v, ADF_ERROR_INVALID, _ ("%s marks must be an array, not %s"), what,
                 _adf_describe_json (marks));
  array = json_node_get_array (marks);
  if (json_array_get_length (array) == 0)
    return fail (v, ADF_ERROR_INVALID,
                 _ ("%s has an empty marks list; Atlassian's validator wants “marks” left out "
                    "instead"),
                 what);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *mark = json_array_get_element (array, i);
      JsonObject *object;
      const char *type;
      const AdfMarkSpec *spec;
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;
      JsonNode *attrs;
      gboolean ok = TRUE;

      push (v, "marks", i);
      if (!JSON_NODE_HOLDS_OBJECT (mark))
        {
          ok = fail (v, ADF_ERROR_INVALID, _ ("a mark must be an object, not %s"),
                     _adf_describe_json (mark));
          goto out;
        }
      object = json_node_get_object (mark);
      type = _adf_json_string (object, "type");
      if (type == NULL)
        {
          ok = fail (v, ADF_ERROR_INVALID, _ ("a mark without a “type”"));
          goto out;
        }
      spec = _adf_schema_mark (type);
      if (spec == NULL)
        {
          if (!(v->flags & ADF_VALIDATE_ALLOW_UNKNOWN))
            ok = fail (v, ADF_ERROR_INVALID, _ ("unknown mark “%s”"), type);
          goto out;
        }

      json_object_iter_init_ordered (&iter, object);
      while (json_object_iter_next_ordered (&iter, &name, &member))
        if (strcmp (name, "type") != 0 && (strcmp (name, "attrs") != 0 || spec->attrs == NULL))
          {
            ok = fail (v, ADF_ERROR_INVALID, _ ("the %s mark has no property “%s”"), type, name);
            goto out;
          }

      attrs = json_object_get_member (object, "attrs");
      if (spec->attrs != NULL)
        {
          const AdfAttrSpec *variants[] = { spec->attrs, NULL };

          if (attrs == NULL)
            ok = fail (v, ADF_ERROR_INVALID, _ ("the %s mark needs attrs"), type);
          else
            ok = check_attrs (v, type, variants, attrs);
          if (!ok)
            goto out;
        }
      *bits |= spec->bit;

    out:
      pop (v);
      if (!ok)
        return FALSE;
    }

  return TRUE;
}

static const char *
first_mark_name (guint bits)
{
  for (guint bit = 1; bit != 0 && bit <= bits; bit <<= 1)
    if (bits & bit)
      return _adf_schema_mark_bit (bit)->type;
  return "?";
}

/* Whether rules allow type, and if so the union of marks any rule for it allows. */
static gboolean
find_rules (const AdfChildRule *rules, const char *type, guint marks, gboolean *marks_ok)
{
  gboolean found = FALSE;

  *marks_ok = FALSE;
  for (const AdfChildRule *rule = rules; rule->type != NULL; rule++)
    if (strcmp (rule->type, type) == 0)
      {
        found = TRUE;
        if ((marks & ~rule->marks) == 0)
          *marks_ok = TRUE;
      }
  return found;
}

static gboolean
check_content (Validator *v, const AdfNodeSpec *spec, JsonNode *content, guint depth);

static gboolean
check_node (Validator *v,
            JsonNode *node,
            const AdfChildRule *rules,
            const char *parent,
            guint depth)
{
  JsonObject *object;
  const char *type;
  const AdfNodeSpec *spec;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  guint mark_bits = 0;
  gboolean marks_ok;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (v, ADF_ERROR_INVALID, _ ("expected a node object, got %s"),
                 _adf_describe_json (node));
  object = json_node_get_object (node);

  type = _adf_json_string (object, "type");
  if (type == NULL)
    return fail (v, ADF_ERROR_INVALID, _ ("a node without a “type”"));

  spec = _adf_schema_node (type);
  if (spec == NULL)
    {
      if (v->flags & ADF_VALIDATE_ALLOW_UNKNOWN)
        return TRUE; /* kept whole, as an island */
      return fail (v, ADF_ERROR_INVALID, _ ("unknown node type “%s”"), type);
    }

  if (!find_rules (rules, type, 0, &marks_ok))
    return fail (v, ADF_ERROR_INVALID, _ ("%s is not allowed inside %s"), type, parent);

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      if (strcmp (name, "type") == 0 || strcmp (name, "marks") == 0)
        continue;
      if (strcmp (name, "attrs") == 0 && spec->attrs != NULL)
        continue;
      if (strcmp (name, "content") == 0 && spec->content_kind != ADF_CONTENT_NONE)
        continue;
      if (strcmp (name, "text") == 0 && strcmp (type, "text") == 0)
        continue;
      return fail (v, ADF_ERROR_INVALID, _ ("%s has no property “%s”"), type, name);
    }

  member = json_object_get_member (object, "attrs");
  if (member != NULL)
    {
      if (!check_attrs (v, type, spec->attrs, member))
        return FALSE;
    }
  else if (spec->attrs_required)
    return fail (v, ADF_ERROR_INVALID, _ ("%s needs attrs"), type);

  member = json_object_get_member (object, "marks");
  if (member != NULL && !check_marks (v, type, member, &mark_bits))
    return FALSE;

  find_rules (rules, type, mark_bits, &marks_ok);
  if (!marks_ok)
    {
      if (strcmp (type, "text") == 0 && (mark_bits & ADF_MARK_CODE)
          && (mark_bits & ~ADF_MARKS_CODE))
        return fail (v, ADF_ERROR_INVALID, _ ("code cannot be combined with %s"),
                     first_mark_name (mark_bits & ~ADF_MARKS_CODE));
      if (strcmp (type, "text") == 0 && strcmp (parent, "codeBlock") == 0)
        return fail (v, ADF_ERROR_INVALID, _ ("text in a codeBlock takes no marks"));
      return fail (v, ADF_ERROR_INVALID, _ ("%s cannot carry the %s mark inside %s"), type,
                   first_mark_name (mark_bits), parent);
    }

  if (strcmp (type, "text") == 0)
    {
      member = json_object_get_member (object, "text");
      if (member == NULL)
        return fail (v, ADF_ERROR_INVALID, _ ("a text node needs “text”"));
      if (!is_string (member))
        return fail (v, ADF_ERROR_INVALID, _ ("text must be a string, not %s"),
                     _adf_describe_json (member));
      if (*json_node_get_string (member) == '\0')
        return fail (v, ADF_ERROR_INVALID, _ ("empty text; leave the text node out instead"));
      return TRUE;
    }

  if (spec->content_kind == ADF_CONTENT_NONE)
    return TRUE;

  member = json_object_get_member (object, "content");
  if (member == NULL)
    {
      if (spec->content_required)
        return fail (v, ADF_ERROR_INVALID, _ ("%s needs content"), type);
      return TRUE;
    }
  return check_content (v, spec, member, depth);
}

static gboolean
check_content (Validator *v, const AdfNodeSpec *spec, JsonNode *content, guint depth)
{
  JsonArray *array;
  guint length;

  if (!JSON_NODE_HOLDS_ARRAY (content))
    return fail (v, ADF_ERROR_INVALID, _ ("%s content must be an array, not %s"), spec->type,
                 _adf_describe_json (content));
  array = json_node_get_array (content);
  length = json_array_get_length (array);

  if (length < spec->min_content)
    return fail (v, ADF_ERROR_INVALID,
                 g_dngettext (GETTEXT_PACKAGE, "%s needs at least %u child node",
                              "%s needs at least %u child nodes", spec->min_content),
                 spec->type, spec->min_content);
  if (spec->max_content > 0 && length > spec->max_content)
    return fail (v, ADF_ERROR_INVALID,
                 g_dngettext (GETTEXT_PACKAGE, "%s takes at most %u child node",
                              "%s takes at most %u child nodes", spec->max_content),
                 spec->type, spec->max_content);

  if (depth >= ADF_MAX_DEPTH / 2)
    return fail (v, ADF_ERROR_TOO_DEEP, _ ("nested more than %u nodes deep"), ADF_MAX_DEPTH / 2);

  for (guint i = 0; i < length; i++)
    {
      JsonNode *child = json_array_get_element (array, i);
      gboolean ok;

      push (v, "content", i);
      ok = check_node (v, child, spec->children, spec->type, depth + 1);
      if (ok && spec->content_kind == ADF_CONTENT_MEDIA_SINGLE)
        {
          /* [media] or [media, caption]: the type of each place is fixed. */
          const char *type = _adf_json_string (json_node_get_object (child), "type");
          const char *expected = i == 0 ? "media" : "caption";

          if (type != NULL && strcmp (type, expected) != 0)
            ok = fail (v, ADF_ERROR_INVALID, _ ("mediaSingle needs %s here, not %s"), expected,
                       type);
        }
      pop (v);
      if (!ok)
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_doc (Validator *v, JsonNode *doc)
{
  static const AdfNodeSpec doc_spec
      = { "doc", NULL, FALSE, ADF_CONTENT_LIST, NULL, TRUE, 0, 0, FALSE };
  AdfNodeSpec spec = doc_spec;
  JsonObject *object;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  const char *type;
  double version;

  if (!JSON_NODE_HOLDS_OBJECT (doc))
    return fail (v, ADF_ERROR_INVALID, _ ("expected a document object, got %s"),
                 _adf_describe_json (doc));
  object = json_node_get_object (doc);

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    if (strcmp (name, "version") != 0 && strcmp (name, "type") != 0
        && strcmp (name, "content") != 0)
      return fail (v, ADF_ERROR_INVALID, _ ("a document has no property “%s”"), name);

  type = _adf_json_string (object, "type");
  if (g_strcmp0 (type, "doc") != 0)
    return fail (v, ADF_ERROR_INVALID, _ ("the root must have the type “doc”"));

  member = json_object_get_member (object, "version");
  if (member == NULL)
    return fail (v, ADF_ERROR_INVALID, _ ("a document needs “version”: 1"));
  if (!_adf_json_number (member, &version) || version != 1)
    return fail (v, ADF_ERROR_INVALID, _ ("unsupported version; only “version”: 1 is ADF"));

  member = json_object_get_member (object, "content");
  if (member == NULL)
    return fail (v, ADF_ERROR_INVALID, _ ("a document needs “content” (it may be empty)"));

  spec.children = _adf_schema_doc_rules ();
  return check_content (v, &spec, member, 0);
}

gboolean
adf_validate (JsonNode *doc, AdfValidateFlags flags, GError **error)
{
  g_autoptr (GArray) path = g_array_new (FALSE, FALSE, sizeof (Segment));
  Validator v = { flags, path, error };

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return check_doc (&v, doc);
}
