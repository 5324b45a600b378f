/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "adf-validate"

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>
#include <string.h>

#include "adf-private.h"
#include "adf-validate-private.h"

/* Attributes (of nodes and marks) and marks: types, ranges, enums, patterns, safe URLs. */

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
check_attr_value (AdfValidator *v, const char *what, const AdfAttrSpec *spec, JsonNode *value)
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

        if (!_adf_json_is_string (value))
          return _adf_validator_fail (v, ADF_ERROR_INVALID,
                                      _ ("%s attribute “%s” must be a string, not %s"), what,
                                      spec->name, _adf_describe_json (value));
        s = json_node_get_string (value);
        if ((spec->flags & ADF_ATTR_NON_EMPTY) && *s == '\0')
          return _adf_validator_fail (v, ADF_ERROR_INVALID,
                                      _ ("%s attribute “%s” must not be empty"), what, spec->name);
        if (spec->kind == ADF_ATTR_ENUM && !g_strv_contains (spec->values, s))
          {
            g_autofree char *allowed = join_values (spec->values);

            return _adf_validator_fail (v, ADF_ERROR_INVALID, _ ("%s %s “%s” is not one of: %s"),
                                        what, spec->name, s, allowed);
          }
        if (spec->kind == ADF_ATTR_PATTERN
            && !matches_pattern (s, (AdfPattern) GPOINTER_TO_INT (spec->values)))
          return _adf_validator_fail (
              v, ADF_ERROR_INVALID, _ ("%s %s “%s” is not %s"), what, spec->name, s,
              describe_pattern ((AdfPattern) GPOINTER_TO_INT (spec->values)));
        if (spec->kind == ADF_ATTR_URL && !adf_is_safe_url (s))
          return _adf_validator_fail (
              v, ADF_ERROR_INVALID,
              _ ("%s %s “%s” is not a safe link: it needs a scheme such as https: or "
                 "mailto:, or to start with / or #"),
              what, spec->name, s);
        return TRUE;
      }

    case ADF_ATTR_NUMBER:
      if (!_adf_json_number (value, &number))
        return _adf_validator_fail (v, ADF_ERROR_INVALID,
                                    _ ("%s attribute “%s” must be a number, not %s"), what,
                                    spec->name, _adf_describe_json (value));
      if ((spec->flags & ADF_ATTR_MIN) && (spec->flags & ADF_ATTR_MAX)
          && !(number >= spec->min && number <= spec->max))
        {
          g_autofree char *n = format_number (number);
          g_autofree char *lo = format_number (spec->min);
          g_autofree char *hi = format_number (spec->max);

          /* Translators: e.g. "heading level 9 outside 1–6" */
          return _adf_validator_fail (v, ADF_ERROR_INVALID, _ ("%s %s %s outside %s–%s"), what,
                                      spec->name, n, lo, hi);
        }
      if ((spec->flags & ADF_ATTR_MIN) && !(number >= spec->min))
        {
          g_autofree char *n = format_number (number);
          g_autofree char *lo = format_number (spec->min);

          return _adf_validator_fail (v, ADF_ERROR_INVALID, _ ("%s %s %s is below %s"), what,
                                      spec->name, n, lo);
        }
      if (!isfinite (number))
        return _adf_validator_fail (
            v, ADF_ERROR_INVALID, _ ("%s attribute “%s” is too large a number"), what, spec->name);
      return TRUE;

    case ADF_ATTR_BOOLEAN:
      if (value == NULL || !JSON_NODE_HOLDS_VALUE (value)
          || json_node_get_value_type (value) != G_TYPE_BOOLEAN)
        return _adf_validator_fail (v, ADF_ERROR_INVALID,
                                    _ ("%s attribute “%s” must be true or false, not %s"), what,
                                    spec->name, _adf_describe_json (value));
      return TRUE;

    case ADF_ATTR_OBJECT:
      if (!JSON_NODE_HOLDS_OBJECT (value))
        return _adf_validator_fail (v, ADF_ERROR_INVALID,
                                    _ ("%s attribute “%s” must be an object, not %s"), what,
                                    spec->name, _adf_describe_json (value));
      return TRUE;

    case ADF_ATTR_NUMBER_ARRAY:
    case ADF_ATTR_STRING_ARRAY:
      {
        JsonArray *array;

        if (!JSON_NODE_HOLDS_ARRAY (value))
          return _adf_validator_fail (v, ADF_ERROR_INVALID,
                                      _ ("%s attribute “%s” must be an array, not %s"), what,
                                      spec->name, _adf_describe_json (value));
        array = json_node_get_array (value);
        if (spec->kind == ADF_ATTR_STRING_ARRAY && json_array_get_length (array) == 0)
          return _adf_validator_fail (v, ADF_ERROR_INVALID,
                                      _ ("%s attribute “%s” must not be empty"), what, spec->name);
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            JsonNode *item = json_array_get_element (array, i);
            gboolean ok = spec->kind == ADF_ATTR_STRING_ARRAY ? _adf_json_is_string (item)
                                                              : _adf_json_number (item, &number);

            if (!ok)
              return _adf_validator_fail (v, ADF_ERROR_INVALID, _ ("%s attribute “%s” holds %s"),
                                          what, spec->name, _adf_describe_json (item));
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
          return _adf_validator_fail (v, ADF_ERROR_INVALID,
                                      _ ("%s attribute “%s” must be an object, not %s"), what,
                                      spec->name, _adf_describe_json (value));
        object = json_node_get_object (value);
        json_object_iter_init (&iter, object);
        while (json_object_iter_next (&iter, &name, &member))
          if (strcmp (name, "id") != 0 && strcmp (name, "parameters") != 0
              && strcmp (name, "views") != 0)
            return _adf_validator_fail (v, ADF_ERROR_INVALID, _ ("%s %s has no member “%s”"), what,
                                        spec->name, name);
        views = json_object_get_member (object, "views");
        if (!_adf_json_is_string (json_object_get_member (object, "id"))
            || !JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "parameters"))
            || views == NULL || !JSON_NODE_HOLDS_ARRAY (views)
            || json_array_get_length (json_node_get_array (views)) == 0)
          return _adf_validator_fail (v, ADF_ERROR_INVALID,
                                      _ ("%s %s needs an id, parameters and at least one view"),
                                      what, spec->name);
        for (guint i = 0; i < json_array_get_length (json_node_get_array (views)); i++)
          {
            JsonNode *view = json_array_get_element (json_node_get_array (views), i);
            JsonObject *view_object
                = JSON_NODE_HOLDS_OBJECT (view) ? json_node_get_object (view) : NULL;
            JsonNode *properties;

            if (view_object == NULL
                || !_adf_json_is_string (json_object_get_member (view_object, "type")))
              return _adf_validator_fail (v, ADF_ERROR_INVALID, _ ("%s %s view %u needs a type"),
                                          what, spec->name, i);
            properties = json_object_get_member (view_object, "properties");
            if (properties != NULL && !JSON_NODE_HOLDS_OBJECT (properties))
              return _adf_validator_fail (v, ADF_ERROR_INVALID,
                                          _ ("%s %s view %u has bad properties"), what, spec->name,
                                          i);
            if (json_object_get_size (view_object) > (properties != NULL ? 2u : 1u))
              return _adf_validator_fail (v, ADF_ERROR_INVALID,
                                          _ ("%s %s view %u has unknown members"), what, spec->name,
                                          i);
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
check_attrs_variant (AdfValidator *v, const char *what, const AdfAttrSpec *specs, JsonObject *attrs)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init_ordered (&iter, attrs);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    if (find_attr (specs, name) == NULL)
      return _adf_validator_fail (v, ADF_ERROR_INVALID, _ ("%s has no attribute “%s”"), what, name);

  for (const AdfAttrSpec *spec = specs; spec->name != NULL; spec++)
    {
      member = json_object_get_member (attrs, spec->name);
      if (member == NULL)
        {
          if (spec->flags & ADF_ATTR_REQUIRED)
            return _adf_validator_fail (v, ADF_ERROR_INVALID, _ ("%s needs the attribute “%s”"),
                                        what, spec->name);
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
gboolean
_adf_validator_check_attrs (AdfValidator *v,
                            const char *what,
                            const AdfAttrSpec *const *variants,
                            JsonNode *attrs)
{
  JsonObject *object;
  const AdfAttrSpec *meant = NULL;
  GError **saved = v->error;

  if (!JSON_NODE_HOLDS_OBJECT (attrs))
    return _adf_validator_fail (v, ADF_ERROR_INVALID, _ ("%s attrs must be an object, not %s"),
                                what, _adf_describe_json (attrs));
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
gboolean
_adf_validator_check_marks (AdfValidator *v, const char *what, JsonNode *marks, guint *bits)
{
  JsonArray *array;

  *bits = 0;
  if (!JSON_NODE_HOLDS_ARRAY (marks))
    return _adf_validator_fail (v, ADF_ERROR_INVALID, _ ("%s marks must be an array, not %s"), what,
                                _adf_describe_json (marks));
  array = json_node_get_array (marks);
  if (json_array_get_length (array) == 0)
    return _adf_validator_fail (
        v, ADF_ERROR_INVALID,
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

      _adf_validator_push (v, "marks", i);
      if (!JSON_NODE_HOLDS_OBJECT (mark))
        {
          ok = _adf_validator_fail (v, ADF_ERROR_INVALID, _ ("a mark must be an object, not %s"),
                                    _adf_describe_json (mark));
          goto out;
        }
      object = json_node_get_object (mark);
      type = _adf_json_string (object, "type");
      if (type == NULL)
        {
          ok = _adf_validator_fail (v, ADF_ERROR_INVALID, _ ("a mark without a “type”"));
          goto out;
        }
      spec = _adf_schema_mark (type);
      if (spec == NULL)
        {
          if (!(v->flags & ADF_VALIDATE_ALLOW_UNKNOWN))
            ok = _adf_validator_fail (v, ADF_ERROR_INVALID, _ ("unknown mark “%s”"), type);
          goto out;
        }

      json_object_iter_init_ordered (&iter, object);
      while (json_object_iter_next_ordered (&iter, &name, &member))
        if (strcmp (name, "type") != 0 && (strcmp (name, "attrs") != 0 || spec->attrs == NULL))
          {
            ok = _adf_validator_fail (v, ADF_ERROR_INVALID, _ ("the %s mark has no property “%s”"),
                                      type, name);
            goto out;
          }

      attrs = json_object_get_member (object, "attrs");
      if (spec->attrs != NULL)
        {
          const AdfAttrSpec *variants[] = { spec->attrs, NULL };

          if (attrs == NULL)
            ok = _adf_validator_fail (v, ADF_ERROR_INVALID, _ ("the %s mark needs attrs"), type);
          else
            ok = _adf_validator_check_attrs (v, type, variants, attrs);
          if (!ok)
            goto out;
        }
      *bits |= spec->bit;

    out:
      _adf_validator_pop (v);
      if (!ok)
        return FALSE;
    }

  return TRUE;
}
