/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "adf-export"

#include "config.h"

#include <glib/gi18n.h>

#include "adf-export.h"

#include <string.h>

#include "adf-export-private.h"
#include "adf-private.h"

/*
 * HTML: a fragment for the clipboard or a mail. Every text and attribute goes through
 * append_escaped; the only URLs that become href are http:, https: and mailto:, so a
 * "javascript:" link in a document is shown, never followed.
 */

static void render_blocks (GString *out, JsonArray *content, guint depth);

static void
append_escaped (GString *out, const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    switch (*p)
      {
      case '&':
        g_string_append (out, "&amp;");
        break;
      case '<':
        g_string_append (out, "&lt;");
        break;
      case '>':
        g_string_append (out, "&gt;");
        break;
      case '"':
        g_string_append (out, "&quot;");
        break;
      case '\'':
        g_string_append (out, "&#39;");
        break;
      default:
        g_string_append_c (out, *p);
      }
}

static JsonObject *
mark_attrs (JsonNode *mark)
{
  JsonNode *attrs = json_object_get_member (json_node_get_object (mark), "attrs");

  return attrs != NULL && JSON_NODE_HOLDS_OBJECT (attrs) ? json_node_get_object (attrs) : NULL;
}

static gboolean
is_color (const char *color)
{
  if (color == NULL || strlen (color) != 7 || color[0] != '#')
    return FALSE;
  for (int i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;
  return TRUE;
}

static gboolean
simple_mark (GString *out, GPtrArray *closers, const char *type)
{
  static const struct
  {
    const char *type, *open, *close;
  } simple[] = {
    { "strong", "<strong>", "</strong>" }, { "em", "<em>", "</em>" },
    { "underline", "<u>", "</u>" },        { "strike", "<s>", "</s>" },
    { "code", "<code>", "</code>" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (simple); i++)
    if (strcmp (type, simple[i].type) == 0)
      {
        g_string_append (out, simple[i].open);
        g_ptr_array_add (closers, (gpointer) simple[i].close);
        return TRUE;
      }
  return FALSE;
}

static void
render_text (GString *out, JsonNode *node)
{
  JsonObject *object = json_node_get_object (node);
  JsonNode *marks = json_object_get_member (object, "marks");
  g_autoptr (GPtrArray) closers = g_ptr_array_new ();
  guint n = marks != NULL && JSON_NODE_HOLDS_ARRAY (marks)
                ? json_array_get_length (json_node_get_array (marks))
                : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *mark = json_array_get_element (json_node_get_array (marks), i);
      const char *type;
      JsonObject *attrs;

      if (!JSON_NODE_HOLDS_OBJECT (mark))
        continue;
      type = _adf_json_string (json_node_get_object (mark), "type") ?: "";
      attrs = mark_attrs (mark);

      if (simple_mark (out, closers, type))
        continue;
      if (strcmp (type, "subsup") == 0)
        {
          gboolean sub = g_strcmp0 (_adf_json_string (attrs, "type"), "sub") == 0;

          g_string_append (out, sub ? "<sub>" : "<sup>");
          g_ptr_array_add (closers, sub ? "</sub>" : "</sup>");
        }
      else if (strcmp (type, "textColor") == 0 && is_color (_adf_json_string (attrs, "color")))
        {
          g_string_append_printf (out, "<span style=\"color: %s\">",
                                  _adf_json_string (attrs, "color"));
          g_ptr_array_add (closers, "</span>");
        }
      else if (strcmp (type, "backgroundColor") == 0
               && is_color (_adf_json_string (attrs, "color")))
        {
          g_string_append_printf (out, "<span style=\"background-color: %s\">",
                                  _adf_json_string (attrs, "color"));
          g_ptr_array_add (closers, "</span>");
        }
      else if (strcmp (type, "link") == 0 && _adf_is_web_url (_adf_json_string (attrs, "href")))
        {
          const char *title = _adf_json_string (attrs, "title");

          g_autofree char *href = g_strstrip (g_strdup (_adf_json_string (attrs, "href")));

          g_string_append (out, "<a href=\"");
          append_escaped (out, href);
          g_string_append_c (out, '"');
          if (title != NULL)
            {
              g_string_append (out, " title=\"");
              append_escaped (out, title);
              g_string_append_c (out, '"');
            }
          g_string_append_c (out, '>');
          g_ptr_array_add (closers, "</a>");
        }
    }

  append_escaped (out, _adf_json_string (object, "text"));
  for (guint i = closers->len; i-- > 0;)
    g_string_append (out, g_ptr_array_index (closers, i));
}

static void
append_web_link (GString *out, const char *url)
{
  if (_adf_is_web_url (url))
    {
      g_autofree char *href = g_strstrip (g_strdup (url));

      g_string_append (out, "<a href=\"");
      append_escaped (out, href);
      g_string_append (out, "\">");
      append_escaped (out, url);
      g_string_append (out, "</a>");
    }
  else
    append_escaped (out, url);
}

static void
render_inlines (GString *out, JsonArray *content, guint depth)
{
  for (guint i = 0; content != NULL && i < json_array_get_length (content); i++)
    {
      JsonNode *node = json_array_get_element (content, i);
      const char *type = _adf_node_type (node);

      if (strcmp (type, "text") == 0)
        render_text (out, node);
      else if (strcmp (type, "hardBreak") == 0)
        g_string_append (out, "<br>");
      else if (strcmp (type, "mention") == 0)
        {
          g_autofree char *text = _adf_mention_text (node);

          g_string_append (out, "<span class=\"mention\">");
          append_escaped (out, text);
          g_string_append (out, "</span>");
        }
      else if (strcmp (type, "emoji") == 0)
        append_escaped (out, _adf_emoji_text (node));
      else if (strcmp (type, "date") == 0)
        {
          g_autofree char *date = _adf_format_date (_adf_node_attr (node, "timestamp"));

          g_string_append (out, "<time>");
          append_escaped (out, date);
          g_string_append (out, "</time>");
        }
      else if (strcmp (type, "status") == 0)
        {
          g_autofree char *text = _adf_status_text (node);
          const char *color = _adf_node_attr (node, "color");

          g_string_append (out, "<span class=\"status\" data-color=\"");
          append_escaped (out, color ? color : "neutral");
          g_string_append (out, "\">");
          append_escaped (out, text);
          g_string_append (out, "</span>");
        }
      else if (strcmp (type, "inlineCard") == 0)
        append_web_link (out, _adf_card_url (node));
      else if (strcmp (type, "placeholder") == 0)
        ; /* a prompt shown in an empty editor, not content */
      else if (strcmp (type, "mediaInline") == 0)
        {
          g_autofree char *text = _adf_media_text (node);

          append_escaped (out, text);
        }
      else
        {
          g_autoptr (GString) text = g_string_new (NULL);

          _adf_collect_text (node, text, depth + 1);
          append_escaped (out, text->str);
        }
    }
}

static void
render_wrapped (GString *out, const char *open, const char *close, JsonNode *node, guint depth)
{
  g_string_append (out, open);
  render_blocks (out, _adf_node_content (node), depth + 1);
  g_string_append (out, close);
}

static void
render_list (GString *out, JsonNode *node, const char *type, guint depth)
{
  JsonArray *items = _adf_node_content (node);
  double order;

  if (strcmp (type, "orderedList") == 0)
    {
      if (_adf_node_attr_number (node, "order", &order) && order != 1)
        g_string_append_printf (out, "<ol start=\"%" G_GINT64_FORMAT "\">\n",
                                (gint64) CLAMP (order, 0, 999999999));
      else
        g_string_append (out, "<ol>\n");
    }
  else
    g_string_append (out, "<ul>\n");

  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonNode *item = json_array_get_element (items, i);
      const char *item_type = _adf_node_type (item);

      if (strcmp (item_type, "taskList") == 0)
        {
          g_string_append (out, "<li>");
          render_list (out, item, item_type, depth + 1);
          g_string_append (out, "</li>\n");
          continue;
        }
      g_string_append (out, "<li>");
      if (strcmp (item_type, "taskItem") == 0 || strcmp (item_type, "blockTaskItem") == 0)
        g_string_append (out, g_strcmp0 (_adf_node_attr (item, "state"), "DONE") == 0
                                  ? "<input type=\"checkbox\" disabled checked> "
                                  : "<input type=\"checkbox\" disabled> ");
      if (strcmp (item_type, "taskItem") == 0 || strcmp (item_type, "decisionItem") == 0)
        render_inlines (out, _adf_node_content (item), depth + 1);
      else
        render_blocks (out, _adf_node_content (item), depth + 1);
      g_string_append (out, "</li>\n");
    }
  g_string_append (out, strcmp (type, "orderedList") == 0 ? "</ol>" : "</ul>");
}

static void
render_table (GString *out, JsonNode *node, guint depth)
{
  JsonArray *rows = _adf_node_content (node);

  g_string_append (out, "<table>\n");
  for (guint r = 0; rows != NULL && r < json_array_get_length (rows); r++)
    {
      JsonArray *cells = _adf_node_content (json_array_get_element (rows, r));

      g_string_append (out, "<tr>");
      for (guint c = 0; cells != NULL && c < json_array_get_length (cells); c++)
        {
          JsonNode *cell = json_array_get_element (cells, c);
          const char *tag = strcmp (_adf_node_type (cell), "tableHeader") == 0 ? "th" : "td";
          double span;

          g_string_append_printf (out, "<%s", tag);
          if (_adf_node_attr_number (cell, "colspan", &span) && span > 1)
            g_string_append_printf (out, " colspan=\"%d\"", (int) MIN (span, 1000));
          if (_adf_node_attr_number (cell, "rowspan", &span) && span > 1)
            g_string_append_printf (out, " rowspan=\"%d\"", (int) MIN (span, 1000));
          g_string_append_c (out, '>');
          render_blocks (out, _adf_node_content (cell), depth + 1);
          g_string_append_printf (out, "</%s>", tag);
        }
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</table>");
}

static void
render_block (GString *out, JsonNode *node, guint depth)
{
  const char *type = _adf_node_type (node);

  if (depth > ADF_EXPORT_MAX_DEPTH)
    return;

  if (strcmp (type, "paragraph") == 0)
    {
      g_string_append (out, "<p>");
      render_inlines (out, _adf_node_content (node), depth);
      g_string_append (out, "</p>");
    }
  else if (strcmp (type, "heading") == 0)
    {
      double level = 1;
      int n;

      _adf_node_attr_number (node, "level", &level);
      n = (int) CLAMP (level, 1, 6);
      g_string_append_printf (out, "<h%d>", n);
      render_inlines (out, _adf_node_content (node), depth);
      g_string_append_printf (out, "</h%d>", n);
    }
  else if (strcmp (type, "bulletList") == 0 || strcmp (type, "orderedList") == 0
           || strcmp (type, "taskList") == 0 || strcmp (type, "decisionList") == 0)
    render_list (out, node, type, depth);
  else if (strcmp (type, "codeBlock") == 0)
    {
      JsonArray *content = _adf_node_content (node);
      const char *language = _adf_node_attr (node, "language");

      g_string_append (out, "<pre><code");
      if (language != NULL && *language != '\0')
        {
          g_string_append (out, " class=\"language-");
          append_escaped (out, language);
          g_string_append_c (out, '"');
        }
      g_string_append_c (out, '>');
      for (guint i = 0; content != NULL && i < json_array_get_length (content); i++)
        {
          JsonNode *child = json_array_get_element (content, i);

          if (JSON_NODE_HOLDS_OBJECT (child))
            append_escaped (out, _adf_json_string (json_node_get_object (child), "text"));
        }
      g_string_append (out, "</code></pre>");
    }
  else if (strcmp (type, "blockquote") == 0)
    render_wrapped (out, "<blockquote>\n", "\n</blockquote>", node, depth);
  else if (strcmp (type, "panel") == 0)
    {
      const char *panel_type = _adf_node_attr (node, "panelType");

      g_string_append (out, "<div class=\"panel\" data-panel-type=\"");
      append_escaped (out, panel_type ? panel_type : "info");
      g_string_append (out, "\">\n<p><strong>");
      append_escaped (out, _adf_panel_label (panel_type));
      g_string_append (out, "</strong></p>\n");
      render_blocks (out, _adf_node_content (node), depth + 1);
      g_string_append (out, "\n</div>");
    }
  else if (strcmp (type, "rule") == 0)
    g_string_append (out, "<hr>");
  else if (strcmp (type, "table") == 0)
    render_table (out, node, depth);
  else if (strcmp (type, "expand") == 0 || strcmp (type, "nestedExpand") == 0)
    {
      const char *title = _adf_node_attr (node, "title");

      g_string_append (out, "<details>\n<summary>");
      append_escaped (out, title && *title ? title : _ ("Details"));
      g_string_append (out, "</summary>\n");
      render_blocks (out, _adf_node_content (node), depth + 1);
      g_string_append (out, "\n</details>");
    }
  else if (strcmp (type, "mediaSingle") == 0 || strcmp (type, "mediaGroup") == 0)
    {
      JsonArray *content = _adf_node_content (node);

      g_string_append (out, "<figure>");
      for (guint i = 0; content != NULL && i < json_array_get_length (content); i++)
        {
          JsonNode *child = json_array_get_element (content, i);

          if (strcmp (_adf_node_type (child), "caption") == 0)
            {
              g_string_append (out, "<figcaption>");
              render_inlines (out, _adf_node_content (child), depth + 1);
              g_string_append (out, "</figcaption>");
            }
          else
            {
              g_autofree char *text = _adf_media_text (child);

              append_escaped (out, text);
            }
        }
      g_string_append (out, "</figure>");
    }
  else if (strcmp (type, "blockCard") == 0 || strcmp (type, "embedCard") == 0)
    {
      g_string_append (out, "<p>");
      append_web_link (out, _adf_card_url (node));
      g_string_append (out, "</p>");
    }
  else if (_adf_node_content (node) != NULL
           && (strcmp (type, "layoutSection") == 0 || strcmp (type, "layoutColumn") == 0
               || strcmp (type, "bodiedExtension") == 0 || strcmp (type, "bodiedSyncBlock") == 0))
    render_wrapped (out, "<div>\n", "\n</div>", node, depth);
  else
    {
      g_autoptr (GString) text = g_string_new (NULL);

      _adf_collect_text (node, text, depth);
      if (text->len == 0)
        return;
      g_string_append (out, "<p>");
      append_escaped (out, text->str);
      g_string_append (out, "</p>");
    }
}

static void
render_blocks (GString *out, JsonArray *content, guint depth)
{
  for (guint i = 0; content != NULL && i < json_array_get_length (content); i++)
    {
      gsize before = out->len;

      if (i > 0)
        g_string_append_c (out, '\n');
      render_block (out, json_array_get_element (content, i), depth);
      if (out->len == before + (i > 0 ? 1 : 0))
        g_string_truncate (out, before);
    }
}

char *
adf_export_html (JsonNode *doc)
{
  GString *out;

  g_return_val_if_fail (doc != NULL, NULL);

  out = g_string_new (NULL);
  render_blocks (out, _adf_node_content (doc), 0);
  if (out->len > 0)
    g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}
