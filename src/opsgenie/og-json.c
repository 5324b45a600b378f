/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "og-json"

#include "config.h"

#include <glib/gi18n.h>

#include "og-json-private.h"

#include "og-error.h"

/*
 * The ground the readers (og-json-readers.c) and the models stand on: parsing untrusted JSON
 * with a bound on its depth, deep copies, the error a reader sets, and the writers.
 */

typedef enum
{
  STRUCTURE_OK,
  STRUCTURE_TOO_DEEP,
  STRUCTURE_NOT_STRICT,
} Structure;

static Structure
check_structure (const char *data, gsize length, guint max_depth)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  /* Only structure counts: brackets inside strings are text. */
  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '\'' || c == '/')
        {
          /* json-glib also reads 'single-quoted' strings and comments, which strict JSON
           * has not; a double quote inside one would hide the nesting after it from this
           * count, and json-glib would recurse off the stack. */
          return STRUCTURE_NOT_STRICT;
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

char *
_og_json_member_path (const char *path, const char *member)
{
  if (path == NULL || *path == '\0')
    return g_strdup (member);
  if (member == NULL)
    return g_strdup (path);
  return g_strconcat (path, ".", member, NULL);
}

JsonNode *
_og_json_parse (const char *data, gssize length, const char *path, GError **error)
{
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (GError) local_error = NULL;
  JsonNode *root;

  g_return_val_if_fail (data != NULL, NULL);

  if (length < 0)
    length = strlen (data);

  switch (check_structure (data, length, OG_JSON_MAX_DEPTH))
    {
    case STRUCTURE_TOO_DEEP:
      _og_json_set_error (error, path, NULL, _ ("JSON nested more than %u levels deep"),
                          OG_JSON_MAX_DEPTH);
      return NULL;

    case STRUCTURE_NOT_STRICT:
      _og_json_set_error (error, path, NULL,
                          _ ("not valid JSON: a single quote or a slash outside a string"));
      return NULL;

    case STRUCTURE_OK:
    default:
      break;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      _og_json_set_error (error, path, NULL, _ ("not valid JSON: %s"), local_error->message);
      return NULL;
    }

  root = json_parser_steal_root (parser);
  if (root == NULL)
    {
      _og_json_set_error (error, path, NULL, _ ("empty JSON document"));
      return NULL;
    }

  return root;
}

JsonNode *
_og_json_node_deep_copy (JsonNode *node)
{
  JsonNode *copy;

  g_return_val_if_fail (node != NULL, NULL);

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_object_new ();
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          json_object_set_member (object, name, _og_json_node_deep_copy (member));
        return _og_json_node_new_object (object);
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *source = json_node_get_array (node);
        guint length = json_array_get_length (source);
        JsonArray *array = json_array_sized_new (length);

        for (guint i = 0; i < length; i++)
          json_array_add_element (array,
                                  _og_json_node_deep_copy (json_array_get_element (source, i)));
        copy = json_node_new (JSON_NODE_ARRAY);
        json_node_take_array (copy, array);
        return copy;
      }

    case JSON_NODE_VALUE:
      {
        GType type = json_node_get_value_type (node);

        copy = json_node_alloc ();
        if (type == G_TYPE_INT64)
          return json_node_init_int (copy, json_node_get_int (node));
        if (type == G_TYPE_DOUBLE)
          return json_node_init_double (copy, json_node_get_double (node));
        if (type == G_TYPE_BOOLEAN)
          return json_node_init_boolean (copy, json_node_get_boolean (node));
        return json_node_init_string (copy, json_node_get_string (node));
      }

    case JSON_NODE_NULL:
    default:
      return json_node_new (JSON_NODE_NULL);
    }
}

const char *
_og_json_node_describe (JsonNode *node)
{
  if (node == NULL)
    return _ ("nothing");

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _ ("an object");
    case JSON_NODE_ARRAY:
      return _ ("an array");
    case JSON_NODE_NULL:
      return _ ("null");
    case JSON_NODE_VALUE:
    default:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_STRING)
          return _ ("a string");
        if (type == G_TYPE_BOOLEAN)
          return _ ("a boolean");
        return _ ("a number");
      }
    }
}

void
_og_json_set_error (GError **error, const char *path, const char *member, const char *format, ...)
{
  g_autofree char *full_path = _og_json_member_path (path, member);
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  if (full_path == NULL)
    g_set_error_literal (error, OG_ERROR, OG_ERROR_BAD_RESPONSE, detail);
  else
    /* Translators: a place in a JSON document ("rootIncident.priority"), then what is
     * wrong there */
    g_set_error (error, OG_ERROR, OG_ERROR_BAD_RESPONSE, _ ("%s: %s"), full_path, detail);
}

char *
_og_json_format_datetime (GDateTime *datetime)
{
  g_autoptr (GDateTime) utc = g_date_time_to_utc (datetime);
  g_autofree char *seconds = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");
  int usec = g_date_time_get_microsecond (utc);

  if (usec % 1000 == 0)
    return g_strdup_printf ("%s.%03dZ", seconds, usec / 1000);
  return g_strdup_printf ("%s.%06dZ", seconds, usec);
}

void
_og_json_object_set_string (JsonObject *object, const char *member, const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, member, value);
}

void
_og_json_object_set_datetime (JsonObject *object, const char *member, GDateTime *value)
{
  if (value != NULL)
    {
      g_autofree char *text = _og_json_format_datetime (value);

      json_object_set_string_member (object, member, text);
    }
}

void
_og_json_object_set_strv (JsonObject *object, const char *member, const char *const *strv)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);
  json_object_set_array_member (object, member, array);
}

JsonNode *
_og_json_node_new_object (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}
