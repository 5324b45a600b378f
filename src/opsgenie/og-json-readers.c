/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "og-json"

#include "config.h"

#include <glib/gi18n.h>

#include "og-json-private.h"

/*
 * The readers og-json-private.h describes, and the checks they share: a member's JSON type,
 * then its value; a mismatch is an error naming the member's full path.
 */

/* A value quoted in an error message is cut here: a hostile response may send megabytes. */
#define QUOTE_MAX_CHARS 40

static char *
quote (const char *value)
{
  g_autofree char *valid = g_utf8_make_valid (value, -1);

  if (g_utf8_strlen (valid, -1) <= QUOTE_MAX_CHARS)
    return g_steal_pointer (&valid);
  else
    {
      g_autofree char *head = g_utf8_substring (valid, 0, QUOTE_MAX_CHARS);
      return g_strconcat (head, "…", NULL);
    }
}

static gboolean
type_error (GError **error,
            const char *path,
            const char *member,
            const char *expected,
            JsonNode *node)
{
  /* Translators: the first %s is what a member should be ("a string"), the second what
   * it is ("a number") */
  _og_json_set_error (error, path, member, _ ("expected %s, got %s"), expected,
                      _og_json_node_describe (node));
  return FALSE;
}

/* The member's node, or NULL when it is absent or a JSON null. */
static JsonNode *
get_member (JsonObject *object, const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return node;
}

static gboolean
node_holds_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* A string member (NULL when absent or null), or FALSE with an error. */
static gboolean
get_string (JsonObject *object,
            const char *path,
            const char *member,
            const char **out,
            GError **error)
{
  JsonNode *node = get_member (object, member);

  if (node == NULL)
    {
      *out = NULL;
      return TRUE;
    }
  if (!node_holds_string (node))
    return type_error (error, path, member, _ ("a string"), node);

  *out = json_node_get_string (node);
  return TRUE;
}

JsonObject *
_og_json_node_get_object (JsonNode *node, const char *path, GError **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      type_error (error, path, NULL, _ ("an object"), node);
      return NULL;
    }

  return json_node_get_object (node);
}

gboolean
_og_json_read_string (JsonObject *object,
                      const char *path,
                      const char *member,
                      char **out,
                      GError **error)
{
  const char *value;

  if (!get_string (object, path, member, &value, error))
    return FALSE;

  *out = g_strdup (value);
  return TRUE;
}

gboolean
_og_json_read_required_string (JsonObject *object,
                               const char *path,
                               const char *member,
                               char **out,
                               GError **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    {
      _og_json_set_error (error, path, member, _ ("missing"));
      return FALSE;
    }
  if (!node_holds_string (node))
    return type_error (error, path, member, _ ("a string"), node);

  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

gboolean
_og_json_read_boolean (JsonObject *object,
                       const char *path,
                       const char *member,
                       gboolean *out,
                       GError **error)
{
  JsonNode *node = get_member (object, member);

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return type_error (error, path, member, _ ("a boolean"), node);

  *out = json_node_get_boolean (node);
  return TRUE;
}

gboolean
_og_json_read_uint (JsonObject *object,
                    const char *path,
                    const char *member,
                    guint *out,
                    GError **error)
{
  JsonNode *node = get_member (object, member);
  gint64 value;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return type_error (error, path, member, _ ("a whole number"), node);

  value = json_node_get_int (node);
  if (value < 0 || value > G_MAXUINT)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, value);

      _og_json_set_error (error, path, member, _ ("%s is not a whole number from 0 to %u"), number,
                          G_MAXUINT);
      return FALSE;
    }

  *out = (guint) value;
  return TRUE;
}

gboolean
_og_json_read_datetime (JsonObject *object,
                        const char *path,
                        const char *member,
                        GDateTime **out,
                        GError **error)
{
  g_autoptr (GTimeZone) utc = NULL;
  const char *value;

  if (!get_string (object, path, member, &value, error))
    return FALSE;
  if (value == NULL)
    {
      *out = NULL;
      return TRUE;
    }

  utc = g_time_zone_new_utc ();
  *out = g_date_time_new_from_iso8601 (value, utc);
  if (*out == NULL)
    {
      g_autofree char *quoted = quote (value);

      _og_json_set_error (error, path, member, _ ("“%s” is not an ISO 8601 timestamp"), quoted);
      return FALSE;
    }

  return TRUE;
}

gboolean
_og_json_read_severity (JsonObject *object,
                        const char *path,
                        const char *member,
                        OgSeverity *out,
                        GError **error)
{
  const char *value;

  if (!get_string (object, path, member, &value, error))
    return FALSE;
  if (value == NULL)
    return TRUE;

  if (!og_severity_from_string (value, out))
    {
      g_autofree char *quoted = quote (value);

      _og_json_set_error (error, path, member, _ ("“%s” is not one of P1–P5"), quoted);
      return FALSE;
    }

  return TRUE;
}

gboolean
_og_json_read_postmortem_status (JsonObject *object,
                                 const char *path,
                                 const char *member,
                                 OgPostmortemStatus *out,
                                 GError **error)
{
  const char *value;

  if (!get_string (object, path, member, &value, error))
    return FALSE;
  if (value == NULL)
    return TRUE;

  if (!og_postmortem_status_from_string (value, out))
    {
      g_autofree char *quoted = quote (value);

      _og_json_set_error (error, path, member, _ ("“%s” is not one of draft, in-review, published"),
                          quoted);
      return FALSE;
    }

  return TRUE;
}

gboolean
_og_json_read_strv (JsonObject *object,
                    const char *path,
                    const char *member,
                    char ***out,
                    GError **error)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node = get_member (object, member);

  if (node != NULL)
    {
      JsonArray *array;
      guint length;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        return type_error (error, path, member, _ ("an array"), node);

      array = json_node_get_array (node);
      length = json_array_get_length (array);
      for (guint i = 0; i < length; i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (!node_holds_string (element))
            {
              g_autofree char *element_member = g_strdup_printf ("%s[%u]", member, i);

              return type_error (error, path, element_member, _ ("a string"), element);
            }
          g_strv_builder_add (builder, json_node_get_string (element));
        }
    }

  *out = g_strv_builder_end (builder);
  return TRUE;
}

gboolean
_og_json_read_object (JsonObject *object,
                      const char *path,
                      const char *member,
                      JsonObject **out,
                      GError **error)
{
  JsonNode *node = get_member (object, member);

  if (node == NULL)
    {
      *out = NULL;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return type_error (error, path, member, _ ("an object"), node);

  *out = json_node_get_object (node);
  return TRUE;
}

gboolean
_og_json_read_adf (JsonObject *object,
                   const char *path,
                   const char *member,
                   JsonNode **out,
                   GError **error)
{
  JsonNode *node = get_member (object, member);

  *out = NULL;

  if (node == NULL)
    return TRUE;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      *out = _og_json_node_deep_copy (node);
      return TRUE;
    }

  if (node_holds_string (node))
    {
      g_autofree char *full_path = _og_json_member_path (path, member);
      g_autoptr (JsonNode) document = NULL;
      const char *text = json_node_get_string (node);

      const char *p = text;

      /* Blank, or a JSON null inside the string, is no document, as an absent member is. */
      while (g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        return TRUE;

      document = _og_json_parse (text, -1, full_path, error);
      if (document == NULL)
        return FALSE;
      if (JSON_NODE_HOLDS_NULL (document))
        return TRUE;
      if (!JSON_NODE_HOLDS_OBJECT (document))
        return type_error (error, path, member, _ ("an ADF document (a JSON object)"), document);

      *out = g_steal_pointer (&document);
      return TRUE;
    }

  return type_error (error, path, member, _ ("an ADF document"), node);
}

gboolean
_og_json_read_model (JsonObject *object,
                     const char *path,
                     const char *member,
                     OgJsonParseFunc parse,
                     gpointer *out,
                     GError **error)
{
  g_autofree char *full_path = NULL;
  JsonNode *node = get_member (object, member);

  *out = NULL;

  if (node == NULL)
    return TRUE;

  full_path = _og_json_member_path (path, member);
  *out = parse (node, full_path, error);
  return *out != NULL;
}

gboolean
_og_json_read_model_list (JsonObject *object,
                          const char *path,
                          const char *member,
                          OgJsonParseFunc parse,
                          GPtrArray **out,
                          GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  JsonNode *node = get_member (object, member);

  if (node != NULL)
    {
      g_autofree char *full_path = _og_json_member_path (path, member);
      JsonArray *array;
      guint length;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        return type_error (error, path, member, _ ("an array"), node);

      array = json_node_get_array (node);
      length = json_array_get_length (array);
      for (guint i = 0; i < length; i++)
        {
          g_autofree char *element_path = g_strdup_printf ("%s[%u]", full_path, i);
          gpointer element = parse (json_array_get_element (array, i), element_path, error);

          if (element == NULL)
            return FALSE;
          g_ptr_array_add (list, element);
        }
    }

  *out = g_steal_pointer (&list);
  return TRUE;
}
