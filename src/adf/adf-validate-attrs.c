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
check_attr_value (AdfValidator *v, const char *what, const AdfAttrSpec *spec, AdfValue value)
{
  double number;

  switch (spec->kind)
    {
    case ADF_ATTR_STRING:
    case ADF_ATTR_ENUM:
    case ADF_ATTR_PATTERN:
    case ADF_ATTR_URL:
      {
        const char *s = _adf_value_string (value);

        if (s == NULL)
          return _adf_validator_fail (v, ADF_ERROR_INVALID,
                                      _ ("%s attribute “%s” must be a string, not %s"), what,
                                      spec->name, _adf_describe_value (value));
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
      if (!_adf_value_number (value, &number))
        return _adf_validator_fail (v, ADF_ERROR_INVALID,
                                    _ ("%s attribute “%s” must be a number, not %s"), what,
                                    spec->name, _adf_describe_value (value));
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
      if (_adf_value_kind (value) != ADF_VALUE_BOOLEAN)
        return _adf_validator_fail (v, ADF_ERROR_INVALID,
                                    _ ("%s attribute “%s” must be true or false, not %s"), what,
                                    spec->name, _adf_describe_value (value));
      return TRUE;

    case ADF_ATTR_OBJECT:
      if (_adf_value_kind (value) != ADF_VALUE_OBJECT)
        return _adf_validator_fail (v, ADF_ERROR_INVALID,
                                    _ ("%s attribute “%s” must be an object, not %s"), what,
                                    spec->name, _adf_describe_value (value));
      return TRUE;

    case ADF_ATTR_NUMBER_ARRAY:
    case ADF_ATTR_STRING_ARRAY:
      {
        AdfValueIter iter;
        AdfValue item;

        if (_adf_value_kind (value) != ADF_VALUE_ARRAY)
          return _adf_validator_fail (v, ADF_ERROR_INVALID,
                                      _ ("%s attribute “%s” must be an array, not %s"), what,
                                      spec->name, _adf_describe_value (value));
        if (spec->kind == ADF_ATTR_STRING_ARRAY && _adf_value_size (value) == 0)
          return _adf_validator_fail (v, ADF_ERROR_INVALID,
                                      _ ("%s attribute “%s” must not be empty"), what, spec->name);
        _adf_value_iter_init (&iter, value);
        while (_adf_value_iter_next (&iter, NULL, &item))
          {
            gboolean ok = spec->kind == ADF_ATTR_STRING_ARRAY ? _adf_value_string (item) != NULL
                                                              : _adf_value_number (item, &number);

            if (!ok)
              return _adf_validator_fail (v, ADF_ERROR_INVALID, _ ("%s attribute “%s” holds %s"),
                                          what, spec->name, _adf_describe_value (item));
          }
        return TRUE;
      }

    case ADF_ATTR_DATASOURCE:
      {
        AdfValueIter iter;
        const char *name;
        AdfValue member;
        AdfValue views;
        AdfValue view;

        if (_adf_value_kind (value) != ADF_VALUE_OBJECT)
          return _adf_validator_fail (v, ADF_ERROR_INVALID,
                                      _ ("%s attribute “%s” must be an object, not %s"), what,
                                      spec->name, _adf_describe_value (value));
        _adf_value_iter_init (&iter, value);
        while (_adf_value_iter_next (&iter, &name, &member))
          if (strcmp (name, "id") != 0 && strcmp (name, "parameters") != 0
              && strcmp (name, "views") != 0)
            return _adf_validator_fail (v, ADF_ERROR_INVALID, _ ("%s %s has no member “%s”"), what,
                                        spec->name, name);
        views = _adf_value_member (value, "views");
        if (_adf_value_string (_adf_value_member (value, "id")) == NULL
            || _adf_value_kind (_adf_value_member (value, "parameters")) != ADF_VALUE_OBJECT
            || _adf_value_kind (views) != ADF_VALUE_ARRAY || _adf_value_size (views) == 0)
          return _adf_validator_fail (v, ADF_ERROR_INVALID,
                                      _ ("%s %s needs an id, parameters and at least one view"),
                                      what, spec->name);
        _adf_value_iter_init (&iter, views);
        for (guint i = 0; _adf_value_iter_next (&iter, NULL, &view); i++)
          {
            AdfValue properties = _adf_value_member (view, "properties");

            if (_adf_value_kind (view) != ADF_VALUE_OBJECT
                || _adf_value_string (_adf_value_member (view, "type")) == NULL)
              return _adf_validator_fail (v, ADF_ERROR_INVALID, _ ("%s %s view %u needs a type"),
                                          what, spec->name, i);
            if (_adf_value_present (properties) && _adf_value_kind (properties) != ADF_VALUE_OBJECT)
              return _adf_validator_fail (v, ADF_ERROR_INVALID,
                                          _ ("%s %s view %u has bad properties"), what, spec->name,
                                          i);
            if (_adf_value_size (view) > (_adf_value_present (properties) ? 2u : 1u))
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
check_attrs_variant (AdfValidator *v, const char *what, const AdfAttrSpec *specs, AdfValue attrs)
{
  AdfValueIter iter;
  const char *name;
  AdfValue member;

  _adf_value_iter_init (&iter, attrs);
  while (_adf_value_iter_next (&iter, &name, &member))
    if (find_attr (specs, name) == NULL)
      return _adf_validator_fail (v, ADF_ERROR_INVALID, _ ("%s has no attribute “%s”"), what, name);

  for (const AdfAttrSpec *spec = specs; spec->name != NULL; spec++)
    {
      member = _adf_value_member (attrs, spec->name);
      if (!_adf_value_present (member))
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
has_required (const AdfAttrSpec *specs, AdfValue attrs)
{
  for (const AdfAttrSpec *spec = specs; spec->name != NULL; spec++)
    if ((spec->flags & ADF_ATTR_REQUIRED)
        && !_adf_value_present (_adf_value_member (attrs, spec->name)))
      return FALSE;
  return TRUE;
}

/* attrs must match one of variants. The error reported is that of the first variant whose
 * required attributes are all there (the one the author most likely meant). */
gboolean
_adf_validator_check_attrs (AdfValidator *v,
                            const char *what,
                            const AdfAttrSpec *const *variants,
                            AdfValue attrs)
{
  AdfValue object = attrs;
  const AdfAttrSpec *meant = NULL;
  GError **saved = v->error;

  if (_adf_value_kind (attrs) != ADF_VALUE_OBJECT)
    return _adf_validator_fail (v, ADF_ERROR_INVALID, _ ("%s attrs must be an object, not %s"),
                                what, _adf_describe_value (attrs));

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
_adf_validator_check_marks (AdfValidator *v, const char *what, AdfValue marks, guint *bits)
{
  AdfValueIter marks_iter;
  AdfValue mark;

  *bits = 0;
  if (_adf_value_kind (marks) != ADF_VALUE_ARRAY)
    return _adf_validator_fail (v, ADF_ERROR_INVALID, _ ("%s marks must be an array, not %s"), what,
                                _adf_describe_value (marks));
  if (_adf_value_size (marks) == 0)
    return _adf_validator_fail (
        v, ADF_ERROR_INVALID,
        _ ("%s has an empty marks list; Atlassian's validator wants “marks” left out "
           "instead"),
        what);

  _adf_value_iter_init (&marks_iter, marks);
  for (guint i = 0; _adf_value_iter_next (&marks_iter, NULL, &mark); i++)
    {
      const char *type;
      const AdfMarkSpec *spec;
      AdfValueIter iter;
      const char *name;
      AdfValue member;
      AdfValue attrs = { 0 };
      gboolean ok = TRUE;

      _adf_validator_push (v, "marks", i);
      if (_adf_value_kind (mark) != ADF_VALUE_OBJECT)
        {
          ok = _adf_validator_fail (v, ADF_ERROR_INVALID, _ ("a mark must be an object, not %s"),
                                    _adf_describe_value (mark));
          goto out;
        }
      type = _adf_value_type (mark);
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

      /* One walk finds attrs and refuses the unknown members */
      _adf_value_iter_init (&iter, mark);
      while (_adf_value_iter_next (&iter, &name, &member))
        {
          if (strcmp (name, "type") == 0)
            continue;
          if (strcmp (name, "attrs") != 0 || spec->attrs == NULL)
            {
              ok = _adf_validator_fail (v, ADF_ERROR_INVALID,
                                        _ ("the %s mark has no property “%s”"), type, name);
              goto out;
            }
          attrs = member;
        }

      if (spec->attrs != NULL)
        {
          const AdfAttrSpec *variants[] = { spec->attrs, NULL };

          if (!_adf_value_present (attrs))
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
