/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "adf-validate"

#include "config.h"

#include <glib/gi18n.h>

#include "adf-parse.h"

#include <string.h>

#include "adf-private.h"
#include "adf-validate-private.h"

/*
 * The validator: walks a document against the tables of adf-schema.c and stops at the first
 * problem, naming its path ("content[3].content[0]") and the rule. It recurses once per
 * node level, and refuses to go deeper than ADF_MAX_DEPTH, so a document built in memory
 * (not through adf_parse's pre-scan) cannot exhaust the stack either.
 */

static char *
format_path (AdfValidator *v, const char *extra)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; i < v->depth; i++)
    {
      AdfPathSegment *segment = &v->path[i];

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

gboolean
_adf_validator_fail (AdfValidator *v, AdfError code, const char *format, ...)
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
  /* The first letter first: this runs for every rule of every node's parent */
  for (const AdfChildRule *rule = rules; rule->type != NULL; rule++)
    if (rule->type[0] == type[0] && strcmp (rule->type, type) == 0)
      {
        found = TRUE;
        if ((marks & ~rule->marks) == 0)
          *marks_ok = TRUE;
      }
  return found;
}

static gboolean
check_content (AdfValidator *v, const AdfNodeSpec *spec, AdfValue content, guint depth);

static gboolean
check_node (AdfValidator *v,
            AdfValue node,
            const AdfChildRule *rules,
            const char *parent,
            guint depth)
{
  const char *type;
  const AdfNodeSpec *spec;
  AdfValueIter iter;
  const char *name;
  AdfValue member;
  AdfValue attrs = { 0 }, marks = { 0 }, content = { 0 }, text = { 0 };
  guint mark_bits = 0;
  gboolean marks_ok;
  gboolean is_text;

  if (_adf_value_kind (node) != ADF_VALUE_OBJECT)
    return _adf_validator_fail (v, ADF_ERROR_INVALID, _ ("expected a node object, got %s"),
                                _adf_describe_value (node));

  type = _adf_value_type (node);
  if (type == NULL)
    return _adf_validator_fail (v, ADF_ERROR_INVALID, _ ("a node without a “type”"));

  spec = _adf_schema_node (type);
  if (spec == NULL)
    {
      if (v->flags & ADF_VALIDATE_ALLOW_UNKNOWN)
        return TRUE; /* kept whole, as an island */
      return _adf_validator_fail (v, ADF_ERROR_INVALID, _ ("unknown node type “%s”"), type);
    }

  if (!find_rules (rules, type, 0, &marks_ok))
    return _adf_validator_fail (v, ADF_ERROR_INVALID, _ ("%s is not allowed inside %s"), type,
                                parent);

  /* One walk over the members both refuses the unknown ones and finds the known ones: a
   * lookup by name hashes it, and this runs for every node of every document read. */
  is_text = strcmp (type, "text") == 0;
  _adf_value_iter_init (&iter, node);
  while (_adf_value_iter_next (&iter, &name, &member))
    {
      switch (name[0])
        {
        case 't':
          if (strcmp (name, "type") == 0)
            continue;
          if (is_text && strcmp (name, "text") == 0)
            {
              text = member;
              continue;
            }
          break;
        case 'm':
          if (strcmp (name, "marks") == 0)
            {
              marks = member;
              continue;
            }
          break;
        case 'a':
          if (spec->attrs != NULL && strcmp (name, "attrs") == 0)
            {
              attrs = member;
              continue;
            }
          break;
        case 'c':
          if (spec->content_kind != ADF_CONTENT_NONE && strcmp (name, "content") == 0)
            {
              content = member;
              continue;
            }
          break;
        default:
          break;
        }
      return _adf_validator_fail (v, ADF_ERROR_INVALID, _ ("%s has no property “%s”"), type, name);
    }

  if (_adf_value_present (attrs))
    {
      if (!_adf_validator_check_attrs (v, type, spec->attrs, attrs))
        return FALSE;
    }
  else if (spec->attrs_required)
    return _adf_validator_fail (v, ADF_ERROR_INVALID, _ ("%s needs attrs"), type);

  if (_adf_value_present (marks) && !_adf_validator_check_marks (v, type, marks, &mark_bits))
    return FALSE;

  /* With no marks, the first find_rules() said it all */
  if (mark_bits != 0)
    find_rules (rules, type, mark_bits, &marks_ok);
  if (!marks_ok)
    {
      if (is_text && (mark_bits & ADF_MARK_CODE) && (mark_bits & ~ADF_MARKS_CODE))
        return _adf_validator_fail (v, ADF_ERROR_INVALID, _ ("code cannot be combined with %s"),
                                    first_mark_name (mark_bits & ~ADF_MARKS_CODE));
      if (is_text && strcmp (parent, "codeBlock") == 0)
        return _adf_validator_fail (v, ADF_ERROR_INVALID, _ ("text in a codeBlock takes no marks"));
      return _adf_validator_fail (v, ADF_ERROR_INVALID, _ ("%s cannot carry the %s mark inside %s"),
                                  type, first_mark_name (mark_bits), parent);
    }

  if (is_text)
    {
      const char *string = _adf_value_string (text);

      if (!_adf_value_present (text))
        return _adf_validator_fail (v, ADF_ERROR_INVALID, _ ("a text node needs “text”"));
      if (string == NULL)
        return _adf_validator_fail (v, ADF_ERROR_INVALID, _ ("text must be a string, not %s"),
                                    _adf_describe_value (text));
      if (*string == '\0')
        return _adf_validator_fail (v, ADF_ERROR_INVALID,
                                    _ ("empty text; leave the text node out instead"));
      return TRUE;
    }

  if (spec->content_kind == ADF_CONTENT_NONE)
    return TRUE;

  if (!_adf_value_present (content))
    {
      if (spec->content_required)
        return _adf_validator_fail (v, ADF_ERROR_INVALID, _ ("%s needs content"), type);
      return TRUE;
    }
  return check_content (v, spec, content, depth);
}

static gboolean
check_content (AdfValidator *v, const AdfNodeSpec *spec, AdfValue content, guint depth)
{
  AdfValueIter iter;
  AdfValue child;
  guint length;

  if (_adf_value_kind (content) != ADF_VALUE_ARRAY)
    return _adf_validator_fail (v, ADF_ERROR_INVALID, _ ("%s content must be an array, not %s"),
                                spec->type, _adf_describe_value (content));
  length = _adf_value_size (content);

  if (length < spec->min_content)
    return _adf_validator_fail (v, ADF_ERROR_INVALID,
                                g_dngettext (GETTEXT_PACKAGE, "%s needs at least %u child node",
                                             "%s needs at least %u child nodes", spec->min_content),
                                spec->type, spec->min_content);
  if (spec->max_content > 0 && length > spec->max_content)
    return _adf_validator_fail (v, ADF_ERROR_INVALID,
                                g_dngettext (GETTEXT_PACKAGE, "%s takes at most %u child node",
                                             "%s takes at most %u child nodes", spec->max_content),
                                spec->type, spec->max_content);

  if (depth >= ADF_MAX_DEPTH / 2)
    return _adf_validator_fail (v, ADF_ERROR_TOO_DEEP, _ ("nested more than %u nodes deep"),
                                ADF_MAX_DEPTH / 2);

  _adf_value_iter_init (&iter, content);
  for (guint i = 0; _adf_value_iter_next (&iter, NULL, &child); i++)
    {
      gboolean ok;

      _adf_validator_push (v, "content", i);
      ok = check_node (v, child, spec->children, spec->type, depth + 1);
      if (ok && spec->content_kind == ADF_CONTENT_MEDIA_SINGLE)
        {
          /* [media] or [media, caption]: the type of each place is fixed. */
          const char *type = _adf_value_type (child);
          const char *expected = i == 0 ? "media" : "caption";

          if (type != NULL && strcmp (type, expected) != 0)
            ok = _adf_validator_fail (v, ADF_ERROR_INVALID, _ ("mediaSingle needs %s here, not %s"),
                                      expected, type);
        }
      _adf_validator_pop (v);
      if (!ok)
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_doc (AdfValidator *v, AdfValue doc)
{
  static const AdfNodeSpec doc_spec
      = { "doc", NULL, FALSE, ADF_CONTENT_LIST, NULL, TRUE, 0, 0, FALSE };
  AdfNodeSpec spec = doc_spec;
  AdfValueIter iter;
  const char *name;
  AdfValue member;
  const char *type;
  double version;

  if (_adf_value_kind (doc) != ADF_VALUE_OBJECT)
    return _adf_validator_fail (v, ADF_ERROR_INVALID, _ ("expected a document object, got %s"),
                                _adf_describe_value (doc));

  _adf_value_iter_init (&iter, doc);
  while (_adf_value_iter_next (&iter, &name, &member))
    if (strcmp (name, "version") != 0 && strcmp (name, "type") != 0
        && strcmp (name, "content") != 0)
      return _adf_validator_fail (v, ADF_ERROR_INVALID, _ ("a document has no property “%s”"),
                                  name);

  type = _adf_value_type (doc);
  if (g_strcmp0 (type, "doc") != 0)
    return _adf_validator_fail (v, ADF_ERROR_INVALID, _ ("the root must have the type “doc”"));

  member = _adf_value_member (doc, "version");
  if (!_adf_value_present (member))
    return _adf_validator_fail (v, ADF_ERROR_INVALID, _ ("a document needs “version”: 1"));
  if (!_adf_value_number (member, &version) || version != 1)
    return _adf_validator_fail (v, ADF_ERROR_INVALID,
                                _ ("unsupported version; only “version”: 1 is ADF"));

  member = _adf_value_member (doc, "content");
  if (!_adf_value_present (member))
    return _adf_validator_fail (v, ADF_ERROR_INVALID,
                                _ ("a document needs “content” (it may be empty)"));

  spec.children = _adf_schema_doc_rules ();
  return check_content (v, &spec, member, 0);
}

gboolean
_adf_validate_value (AdfValue doc, AdfValidateFlags flags, GError **error)
{
  AdfValidator v;

  v.flags = flags;
  v.error = error;
  v.depth = 0;
  return check_doc (&v, doc);
}

gboolean
adf_validate (JsonNode *doc, AdfValidateFlags flags, GError **error)
{
  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _adf_validate_value (_adf_value_from_node (doc), flags, error);
}
