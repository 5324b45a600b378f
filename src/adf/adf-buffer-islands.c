/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "adf-buffer"

#include "config.h"

#include <glib/gi18n.h>

#include "adf-buffer-private.h"

/* Inline atoms and islands: child anchors carrying the node they stand for, verbatim. */

static GQuark node_quark, block_quark;

static void
ensure_quarks (void)
{
  if (node_quark == 0)
    {
      node_quark = g_quark_from_static_string ("adf-anchor-node");
      block_quark = g_quark_from_static_string ("adf-anchor-block");
    }
}

static JsonObject *
attrs_of (JsonNode *node)
{
  JsonObject *object;
  JsonNode *attrs;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  attrs = json_object_get_member (object, "attrs");
  return attrs && JSON_NODE_HOLDS_OBJECT (attrs) ? json_node_get_object (attrs) : NULL;
}

static const char *
attr_string (JsonNode *node, const char *name)
{
  JsonObject *attrs = attrs_of (node);
  JsonNode *member = attrs ? json_object_get_member (attrs, name) : NULL;

  if (member && JSON_NODE_HOLDS_VALUE (member)
      && json_node_get_value_type (member) == G_TYPE_STRING)
    return json_node_get_string (member);
  return NULL;
}

static const char *
node_type (JsonNode *node)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return "";
  return json_object_get_string_member_with_default (json_node_get_object (node), "type", "");
}

static JsonArray *
content_of (JsonNode *node)
{
  JsonNode *content;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  content = json_object_get_member (json_node_get_object (node), "content");
  return content && JSON_NODE_HOLDS_ARRAY (content) ? json_node_get_array (content) : NULL;
}

static guint
count_children (JsonNode *node, const char *type)
{
  JsonArray *content = content_of (node);
  guint n = 0;

  for (guint i = 0; content && i < json_array_get_length (content); i++)
    {
      JsonNode *child = json_array_get_element (content, i);
      if (type == NULL || g_str_equal (node_type (child), type))
        n++;
      else if (g_str_equal (node_type (child), node_type (node)))
        n += count_children (child, type); /* nested task lists */
    }
  return n;
}

/* The text of @node's subtree, for a preview, up to @max bytes. */
static void
collect_text (JsonNode *node, GString *out, gsize max)
{
  JsonArray *content = content_of (node);
  const char *type = node_type (node);

  if (out->len >= max)
    return;
  if (g_str_equal (type, "text") && JSON_NODE_HOLDS_OBJECT (node))
    g_string_append (
        out, json_object_get_string_member_with_default (json_node_get_object (node), "text", ""));
  else if (_adf_node_is_inline_atom (type))
    {
      g_autofree char *text = NULL;
      g_autoptr (GtkTextChildAnchor) anchor = _adf_anchor_new (node, FALSE);
      text = _adf_anchor_text (anchor);
      g_string_append (out, text);
    }
  for (guint i = 0; content && i < json_array_get_length (content); i++)
    {
      JsonNode *child = json_array_get_element (content, i);
      const char *child_type = node_type (child);
      gboolean block = !g_str_equal (child_type, "text") && !_adf_node_is_inline_atom (child_type)
                       && !g_str_equal (child_type, "hardBreak");

      if (block && out->len > 0 && out->str[out->len - 1] != ' ')
        g_string_append (out, " · ");
      collect_text (child, out, max);
    }
}

static char *
format_date (const char *timestamp)
{
  gint64 ms = timestamp ? g_ascii_strtoll (timestamp, NULL, 10) : 0;
  g_autoptr (GDateTime) date = g_date_time_new_from_unix_utc (ms / 1000);

  if (date == NULL)
    return g_strdup (timestamp ? timestamp : "");
  /* Translators: a date in a document, see strftime(3) */
  return g_date_time_format (date, _ ("%-d %b %Y"));
}

/* Private API */

gboolean
_adf_node_is_inline_atom (const char *type)
{
  static const char *const atoms[]
      = { "mention",    "emoji",       "date",        "status",
          "inlineCard", "placeholder", "mediaInline", "inlineExtension" };

  for (guint i = 0; i < G_N_ELEMENTS (atoms); i++)
    if (g_str_equal (type, atoms[i]))
      return TRUE;
  return FALSE;
}

GtkTextChildAnchor *
_adf_anchor_new (JsonNode *node, gboolean block)
{
  GtkTextChildAnchor *anchor = gtk_text_child_anchor_new ();
  JsonNode *copy = json_node_copy (node);

  ensure_quarks ();
  json_node_seal (copy);
  g_object_set_qdata_full (G_OBJECT (anchor), node_quark, copy, (GDestroyNotify) json_node_unref);
  g_object_set_qdata (G_OBJECT (anchor), block_quark, GINT_TO_POINTER (block));
  return anchor;
}

JsonNode *
_adf_anchor_get_node (GtkTextChildAnchor *anchor)
{
  ensure_quarks ();
  return g_object_get_qdata (G_OBJECT (anchor), node_quark);
}

gboolean
_adf_anchor_is_block (GtkTextChildAnchor *anchor)
{
  ensure_quarks ();
  return GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (anchor), block_quark));
}

/* What an inline atom reads as: "@Jane Doe", the emoji, the date, the status text… */
char *
_adf_anchor_text (GtkTextChildAnchor *anchor)
{
  JsonNode *node = _adf_anchor_get_node (anchor);
  const char *type = node ? node_type (node) : "";
  const char *text;

  if (g_str_equal (type, "mention"))
    {
      text = attr_string (node, "text");
      if (text && *text)
        return g_strdup (text);
      return g_strdup (_ ("@someone"));
    }
  if (g_str_equal (type, "emoji"))
    {
      text = attr_string (node, "text");
      return g_strdup (text && *text ? text : attr_string (node, "shortName"));
    }
  if (g_str_equal (type, "date"))
    return format_date (attr_string (node, "timestamp"));
  if (g_str_equal (type, "status") || g_str_equal (type, "placeholder"))
    return g_strdup (attr_string (node, "text"));
  if (g_str_equal (type, "inlineCard"))
    {
      text = attr_string (node, "url");
      return g_strdup (text ? text : _ ("Link card"));
    }
  return g_strdup_printf ("[%s]", type);
}

/**
 * adf_buffer_describe_island:
 * @anchor: a child anchor of an #AdfBuffer that stands for a block
 *
 * Returns: (transfer full): what the island is, e.g. "Table, 3 × 4" or "Info panel".
 */
char *
adf_buffer_describe_island (GtkTextChildAnchor *anchor)
{
  JsonNode *node = _adf_anchor_get_node (anchor);
  const char *type = node ? node_type (node) : "";
  const char *value;
  guint n;

  if (g_str_equal (type, "table"))
    {
      JsonArray *rows = content_of (node);
      guint columns = 0;
      if (rows && json_array_get_length (rows) > 0)
        {
          JsonArray *cells = content_of (json_array_get_element (rows, 0));
          for (guint i = 0; cells && i < json_array_get_length (cells); i++)
            {
              JsonObject *attrs = attrs_of (json_array_get_element (cells, i));
              columns
                  += attrs ? MAX (1, json_object_get_int_member_with_default (attrs, "colspan", 1))
                           : 1;
            }
        }
      /* Translators: rows × columns */
      return g_strdup_printf (_ ("Table, %u × %u"), rows ? json_array_get_length (rows) : 0,
                              columns);
    }
  if (g_str_equal (type, "panel"))
    {
      value = attr_string (node, "panelType");
      if (g_strcmp0 (value, "info") == 0)
        return g_strdup (_ ("Info panel"));
      if (g_strcmp0 (value, "note") == 0)
        return g_strdup (_ ("Note panel"));
      if (g_strcmp0 (value, "tip") == 0)
        return g_strdup (_ ("Tip panel"));
      if (g_strcmp0 (value, "warning") == 0)
        return g_strdup (_ ("Warning panel"));
      if (g_strcmp0 (value, "error") == 0)
        return g_strdup (_ ("Error panel"));
      if (g_strcmp0 (value, "success") == 0)
        return g_strdup (_ ("Success panel"));
      return g_strdup (_ ("Panel"));
    }
  if (g_str_equal (type, "taskList"))
    {
      n = count_children (node, "taskItem") + count_children (node, "blockTaskItem");
      return g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "Task list, %u item", "Task list, %u items", n), n);
    }
  if (g_str_equal (type, "decisionList"))
    {
      n = count_children (node, "decisionItem");
      return g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "Decision list, %u item", "Decision list, %u items", n), n);
    }
  if (g_str_equal (type, "mediaSingle"))
    return g_strdup (_ ("Image"));
  if (g_str_equal (type, "mediaGroup"))
    {
      n = count_children (node, "media");
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Media, %u file", "Media, %u files", n),
                              n);
    }
  if (g_str_equal (type, "expand") || g_str_equal (type, "nestedExpand"))
    {
      value = attr_string (node, "title");
      if (value && *value)
        return g_strdup_printf (_ ("Expand: %s"), value);
      return g_strdup (_ ("Expand"));
    }
  if (g_str_equal (type, "layoutSection"))
    {
      n = count_children (node, "layoutColumn");
      return g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "Layout, %u column", "Layout, %u columns", n), n);
    }
  if (g_str_equal (type, "blockCard") || g_str_equal (type, "embedCard"))
    {
      value = attr_string (node, "url");
      return value ? g_strdup_printf (_ ("Card: %s"), value) : g_strdup (_ ("Card"));
    }
  if (g_str_equal (type, "extension") || g_str_equal (type, "bodiedExtension"))
    {
      value = attr_string (node, "extensionKey");
      return g_strdup_printf (_ ("Extension: %s"), value ? value : "");
    }
  if (g_str_equal (type, "rule"))
    return g_strdup (_ ("Horizontal rule"));
  return g_strdup_printf (_ ("Unsupported content: %s"), *type ? type : "?");
}

/**
 * adf_buffer_island_preview:
 * @anchor: a child anchor of an #AdfBuffer that stands for a block
 *
 * Returns: (transfer full): the start of the island's text, to show under its description.
 */
char *
adf_buffer_island_preview (GtkTextChildAnchor *anchor)
{
  JsonNode *node = _adf_anchor_get_node (anchor);
  g_autoptr (GString) out = g_string_new (NULL);

  if (node)
    collect_text (node, out, 160);
  if (out->len > 160)
    {
      g_string_truncate (out, g_utf8_find_prev_char (out->str, out->str + 160) - out->str);
      g_string_append (out, "…");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * adf_buffer_anchor_kind:
 *
 * Returns: the node type an anchor stands for ("mention", "table"…), or %NULL when @anchor
 *   is not one of ours.
 */
const char *
adf_buffer_anchor_kind (GtkTextChildAnchor *anchor)
{
  JsonNode *node = _adf_anchor_get_node (anchor);

  return node ? node_type (node) : NULL;
}

/**
 * adf_buffer_anchor_text:
 *
 * Returns: (transfer full): what an inline atom reads as ("@Jane Doe", a date…).
 */
char *
adf_buffer_anchor_text (GtkTextChildAnchor *anchor)
{
  return _adf_anchor_text (anchor);
}

/**
 * adf_buffer_anchor_is_block:
 *
 * Returns: whether @anchor is an island (a block) rather than an inline atom.
 */
gboolean
adf_buffer_anchor_is_block (GtkTextChildAnchor *anchor)
{
  return _adf_anchor_is_block (anchor);
}

/**
 * adf_buffer_anchor_attr:
 *
 * Returns: the string attribute @name of the node @anchor stands for, or %NULL.
 */
const char *
adf_buffer_anchor_attr (GtkTextChildAnchor *anchor, const char *name)
{
  JsonNode *node = _adf_anchor_get_node (anchor);

  return node ? attr_string (node, name) : NULL;
}
