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

/* What a member must hold; its name is translated when an error says it. */
typedef struct
{
  JsonNodeType node_type;
  GType value_type; /* of a JSON_NODE_VALUE */
  const char *name;
} Expected;

static const Expected a_string = { JSON_NODE_VALUE, G_TYPE_STRING, N_ ("a string") };
static const Expected a_boolean = { JSON_NODE_VALUE, G_TYPE_BOOLEAN, N_ ("a boolean") };
static const Expected a_whole_number = { JSON_NODE_VALUE, G_TYPE_INT64, N_ ("a whole number") };
static const Expected an_object = { JSON_NODE_OBJECT, G_TYPE_INVALID, N_ ("an object") };
static const Expected an_array = { JSON_NODE_ARRAY, G_TYPE_INVALID, N_ ("an array") };

static gboolean
holds (JsonNode *node, const Expected *expected)
{
  return node != NULL && JSON_NODE_TYPE (node) == expected->node_type
         && (expected->node_type != JSON_NODE_VALUE
             || json_node_get_value_type (node) == expected->value_type);
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

/* The member's node in *out (NULL when it is absent or a JSON null), or FALSE with an error
 * when it is not what @expected says. */
static gboolean
get_member_as (JsonObject *object,
               const char *path,
               const char *member,
               const Expected *expected,
               JsonNode **out,
               GError **error)
{
  *out = get_member (object, member);
  if (*out != NULL && !holds (*out, expected))
    return type_error (error, path, member, _ (expected->name), *out);
  return TRUE;
}

/* The length of an array member's node; 0 when it is absent or null (NULL). */
static guint
n_elements (JsonNode *node)
{
  return node != NULL ? json_array_get_length (json_node_get_array (node)) : 0;
}

/* Turns @value into *out, or refuses it. */
typedef gboolean (*ParseFunc) (const char *value, gpointer out);

/* A string member that @parse turns into *out; absent or null leaves *out as it was. A value
 * @parse refuses is an error that @format (translated, a %s for the quoted value) words. */
static gboolean
read_parsed (JsonObject *object,
             const char *path,
             const char *member,
             ParseFunc parse,
             gpointer out,
             const char *format,
             GError **error)
{
  g_autofree char *quoted = NULL;
  JsonNode *node;

  if (!get_member_as (object, path, member, &a_string, &node, error))
    return FALSE;
  if (node == NULL || parse (json_node_get_string (node), out))
    return TRUE;

  quoted = quote (json_node_get_string (node));
  /* format is one of the translated sentences of the readers below. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  _og_json_set_error (error, path, member, format, quoted);
#pragma GCC diagnostic pop
  return FALSE;
}

static gboolean
parse_string (const char *value, gpointer out)
{
  char **string = out;

  *string = g_strdup (value);
  return TRUE;
}

static gboolean
parse_datetime (const char *value, gpointer out)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  GDateTime **datetime = out;

  *datetime = g_date_time_new_from_iso8601 (value, utc);
  return *datetime != NULL;
}

static gboolean
parse_severity (const char *value, gpointer out)
{
  return og_severity_from_string (value, out);
}

static gboolean
parse_postmortem_status (const char *value, gpointer out)
{
  return og_postmortem_status_from_string (value, out);
}

JsonObject *
_og_json_node_get_object (JsonNode *node, const char *path, GError **error)
{
  if (!holds (node, &an_object))
    {
      type_error (error, path, NULL, _ (an_object.name), node);
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
  *out = NULL;
  /* Any string will do: no format, parse_string refuses none. */
  return read_parsed (object, path, member, parse_string, out, NULL, error);
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
  if (!holds (node, &a_string))
    return type_error (error, path, member, _ (a_string.name), node);

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
  JsonNode *node;

  if (!get_member_as (object, path, member, &a_boolean, &node, error))
    return FALSE;

  if (node != NULL)
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
  JsonNode *node;
  gint64 value;

  if (!get_member_as (object, path, member, &a_whole_number, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

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
  *out = NULL;
  return read_parsed (object, path, member, parse_datetime, out,
                      _ ("“%s” is not an ISO 8601 timestamp"), error);
}

gboolean
_og_json_read_severity (JsonObject *object,
                        const char *path,
                        const char *member,
                        OgSeverity *out,
                        GError **error)
{
  return read_parsed (object, path, member, parse_severity, out, _ ("“%s” is not one of P1–P5"),
                      error);
}

gboolean
_og_json_read_postmortem_status (JsonObject *object,
                                 const char *path,
                                 const char *member,
                                 OgPostmortemStatus *out,
                                 GError **error)
{
  return read_parsed (object, path, member, parse_postmortem_status, out,
                      _ ("“%s” is not one of draft, in-review, published"), error);
}

gboolean
_og_json_read_strv (JsonObject *object,
                    const char *path,
                    const char *member,
                    char ***out,
                    GError **error)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node;

  if (!get_member_as (object, path, member, &an_array, &node, error))
    return FALSE;

  for (guint i = 0; i < n_elements (node); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (node), i);

      if (!holds (element, &a_string))
        {
          g_autofree char *element_member = g_strdup_printf ("%s[%u]", member, i);

          return type_error (error, path, element_member, _ (a_string.name), element);
        }
      g_strv_builder_add (builder, json_node_get_string (element));
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
  JsonNode *node;

  if (!get_member_as (object, path, member, &an_object, &node, error))
    return FALSE;

  *out = node != NULL ? json_node_get_object (node) : NULL;
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

  if (holds (node, &a_string))
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
  JsonNode *node;

  if (!get_member_as (object, path, member, &an_array, &node, error))
    return FALSE;

  for (guint i = 0; i < n_elements (node); i++)
    {
      g_autofree char *element_member = g_strdup_printf ("%s[%u]", member, i);
      g_autofree char *element_path = _og_json_member_path (path, element_member);
      JsonNode *element_node = json_array_get_element (json_node_get_array (node), i);
      gpointer element = parse (element_node, element_path, error);

      if (element == NULL)
        return FALSE;
      g_ptr_array_add (list, element);
    }

  *out = g_steal_pointer (&list);
  return TRUE;
}
