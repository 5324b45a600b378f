/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "adf-export"

#include "config.h"

#include <glib/gi18n.h>

#include "adf-export-private.h"

#include <string.h>

#include "adf-private.h"

const char *
_adf_node_type (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return "";
  return _adf_json_string (json_node_get_object (node), "type") ?: "";
}

JsonArray *
_adf_node_content (JsonNode *node)
{
  JsonNode *content;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  content = json_object_get_member (json_node_get_object (node), "content");
  if (content == NULL || !JSON_NODE_HOLDS_ARRAY (content))
    return NULL;
  return json_node_get_array (content);
}

JsonObject *
_adf_node_attrs (JsonNode *node)
{
  JsonNode *attrs;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  attrs = json_object_get_member (json_node_get_object (node), "attrs");
  if (attrs == NULL || !JSON_NODE_HOLDS_OBJECT (attrs))
    return NULL;
  return json_node_get_object (attrs);
}

const char *
_adf_node_attr (JsonNode *node, const char *name)
{
  return _adf_json_string (_adf_node_attrs (node), name);
}

gboolean
_adf_node_attr_number (JsonNode *node, const char *name, double *out)
{
  JsonObject *attrs = _adf_node_attrs (node);

  return attrs != NULL && _adf_json_number (json_object_get_member (attrs, name), out);
}

const char *
_adf_panel_label (const char *panel_type)
{
  if (g_strcmp0 (panel_type, "info") == 0)
    return _ ("Info");
  if (g_strcmp0 (panel_type, "note") == 0)
    return _ ("Note");
  if (g_strcmp0 (panel_type, "tip") == 0)
    return _ ("Tip");
  if (g_strcmp0 (panel_type, "warning") == 0)
    return _ ("Warning");
  if (g_strcmp0 (panel_type, "error") == 0)
    return _ ("Error");
  if (g_strcmp0 (panel_type, "success") == 0)
    return _ ("Success");
  return _ ("Panel");
}

char *
_adf_format_date (const char *timestamp)
{
  gint64 ms;
  g_autoptr (GDateTime) time = NULL;

  if (timestamp == NULL)
    return g_strdup ("");
  if (!g_ascii_string_to_signed (timestamp, 10, G_MININT64, G_MAXINT64, &ms, NULL))
    return g_strdup (timestamp);
  /* Floor division: a date before 1970 is still the day it falls on. */
  time = g_date_time_new_from_unix_utc (ms / 1000 - (ms % 1000 < 0 ? 1 : 0));
  if (time == NULL)
    return g_strdup (timestamp);
  return g_date_time_format (time, "%Y-%m-%d");
}

char *
_adf_mention_text (JsonNode *node)
{
  const char *text = _adf_node_attr (node, "text");
  const char *id = _adf_node_attr (node, "id");

  if (text != NULL && *text != '\0')
    return text[0] == '@' ? g_strdup (text) : g_strconcat ("@", text, NULL);
  return g_strconcat ("@", id ? id : "", NULL);
}

const char *
_adf_emoji_text (JsonNode *node)
{
  const char *text = _adf_node_attr (node, "text");

  if (text != NULL && *text != '\0')
    return text;
  return _adf_node_attr (node, "shortName") ?: "";
}

char *
_adf_status_text (JsonNode *node)
{
  const char *text = _adf_node_attr (node, "text");

  return g_utf8_strup (text ? text : "", -1);
}

const char *
_adf_card_url (JsonNode *node)
{
  JsonObject *attrs = _adf_node_attrs (node);
  JsonNode *data;

  if (attrs == NULL)
    return "";
  if (_adf_json_string (attrs, "url") != NULL)
    return _adf_json_string (attrs, "url");
  /* JSON-LD card data: its url, else its name */
  data = json_object_get_member (attrs, "data");
  if (data != NULL && JSON_NODE_HOLDS_OBJECT (data))
    return _adf_json_string (json_node_get_object (data), "url")
             ?: _adf_json_string (json_node_get_object (data), "name") ?: "";
  return "";
}

char *
_adf_media_text (JsonNode *node)
{
  const char *alt = _adf_node_attr (node, "alt");

  if (alt != NULL && *alt != '\0')
    /* Translators: stands for an image or attachment in exported text */
    return g_strdup_printf (_ ("[Attachment: %s]"), alt);
  return g_strdup (_ ("[Attachment]"));
}

void
_adf_collect_text (JsonNode *node, GString *out, guint depth)
{
  JsonArray *content;
  const char *text;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) || depth > ADF_EXPORT_MAX_DEPTH)
    return;
  text = _adf_json_string (json_node_get_object (node), "text");
  if (text == NULL)
    text = _adf_node_attr (node, "text");
  if (text != NULL)
    {
      if (out->len > 0 && !g_ascii_isspace (out->str[out->len - 1])
          && strcmp (_adf_node_type (node), "text") != 0)
        g_string_append_c (out, ' ');
      g_string_append (out, text);
    }
  content = _adf_node_content (node);
  if (content != NULL)
    for (guint i = 0; i < json_array_get_length (content); i++)
      _adf_collect_text (json_array_get_element (content, i), out, depth + 1);
}

gboolean
_adf_is_web_url (const char *url)
{
  g_autofree char *trimmed = NULL;

  if (url == NULL)
    return FALSE;
  trimmed = g_strstrip (g_strdup (url));
  return g_ascii_strncasecmp (trimmed, "http://", 7) == 0
         || g_ascii_strncasecmp (trimmed, "https://", 8) == 0
         || g_ascii_strncasecmp (trimmed, "mailto:", 7) == 0;
}
