/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "adf-json"

#include "config.h"

#include <glib/gi18n.h>

#include "adf-parse.h"
#include "adf-private.h"

/* JSON helpers the parser, the validator and the exporters share. */

const char *
_adf_describe_json (JsonNode *node)
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

gboolean
_adf_json_number (JsonNode *node, double *out)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    *out = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    *out = json_node_get_double (node);
  else
    return FALSE;
  return TRUE;
}

const char *
_adf_json_string (JsonObject *object, const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

JsonNode *
_adf_json_deep_copy (JsonNode *node)
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
          json_object_set_member (object, name, _adf_json_deep_copy (member));
        copy = json_node_new (JSON_NODE_OBJECT);
        json_node_take_object (copy, object);
        return copy;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *source = json_node_get_array (node);
        guint length = json_array_get_length (source);
        JsonArray *array = json_array_sized_new (length);

        for (guint i = 0; i < length; i++)
          json_array_add_element (array, _adf_json_deep_copy (json_array_get_element (source, i)));
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

/* A pending comparison; adf_json_equal keeps them on a heap stack instead of recursing. */
typedef struct
{
  JsonNode *a;
  JsonNode *b;
} Pair;

static gboolean
values_equal (JsonNode *a, JsonNode *b)
{
  double x, y;
  GType ta = json_node_get_value_type (a);
  GType tb = json_node_get_value_type (b);

  if (_adf_json_number (a, &x) && _adf_json_number (b, &y))
    {
      if (ta == G_TYPE_INT64 && tb == G_TYPE_INT64)
        return json_node_get_int (a) == json_node_get_int (b);
      return x == y;
    }
  if (ta != tb)
    return FALSE;
  if (ta == G_TYPE_BOOLEAN)
    return json_node_get_boolean (a) == json_node_get_boolean (b);
  return g_strcmp0 (json_node_get_string (a), json_node_get_string (b)) == 0;
}

gboolean
adf_json_equal (JsonNode *a, JsonNode *b)
{
  g_autoptr (GArray) stack = g_array_new (FALSE, FALSE, sizeof (Pair));
  Pair first = { a, b };

  g_array_append_val (stack, first);
  while (stack->len > 0)
    {
      Pair pair = g_array_index (stack, Pair, stack->len - 1);

      g_array_set_size (stack, stack->len - 1);

      if (pair.a == pair.b)
        continue;
      if (pair.a == NULL || pair.b == NULL)
        return FALSE;
      if (JSON_NODE_TYPE (pair.a) != JSON_NODE_TYPE (pair.b))
        return FALSE;

      switch (JSON_NODE_TYPE (pair.a))
        {
        case JSON_NODE_OBJECT:
          {
            JsonObject *oa = json_node_get_object (pair.a);
            JsonObject *ob = json_node_get_object (pair.b);
            JsonObjectIter iter;
            const char *name;
            JsonNode *member;

            if (json_object_get_size (oa) != json_object_get_size (ob))
              return FALSE;
            json_object_iter_init (&iter, oa);
            while (json_object_iter_next (&iter, &name, &member))
              {
                Pair next = { member, json_object_get_member (ob, name) };

                if (next.b == NULL)
                  return FALSE;
                g_array_append_val (stack, next);
              }
            break;
          }

        case JSON_NODE_ARRAY:
          {
            JsonArray *aa = json_node_get_array (pair.a);
            JsonArray *ab = json_node_get_array (pair.b);
            guint length = json_array_get_length (aa);

            if (length != json_array_get_length (ab))
              return FALSE;
            for (guint i = 0; i < length; i++)
              {
                Pair next = { json_array_get_element (aa, i), json_array_get_element (ab, i) };

                g_array_append_val (stack, next);
              }
            break;
          }

        case JSON_NODE_VALUE:
          if (!values_equal (pair.a, pair.b))
            return FALSE;
          break;

        case JSON_NODE_NULL:
        default:
          break;
        }
    }

  return TRUE;
}
