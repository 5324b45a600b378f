/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "adf-export"

#include "config.h"

#include <glib/gi18n.h>

#include "adf-export.h"

#include <string.h>

#include "adf-export-markdown-private.h"
#include "adf-export-private.h"
#include "adf-private.h"

/*
 * Markdown (CommonMark + GFM) and plain text share one walk: a block renders to a string of
 * lines, and containers (quotes, list items) prefix those lines. Only escaping and marks
 * differ between the two.
 */

static char *render_blocks (AdfTextExport *e, JsonArray *content, guint depth);
static char *render_block (AdfTextExport *e, JsonNode *node, guint depth);

/* Lines of text with first before the first line and rest before the others; an empty line
 * gets the prefix without its trailing spaces (">" for "> "). */
static char *
prefix_lines (const char *text, const char *first, const char *rest)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *rest_bare = g_strchomp (g_strdup (rest));
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, '\n');
      if (i == 0)
        g_string_append (out, first);
      else if (*lines[i] == '\0')
        g_string_append (out, rest_bare);
      else
        g_string_append (out, rest);
      g_string_append (out, lines[i]);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_list (const char *type)
{
  return strcmp (type, "bulletList") == 0 || strcmp (type, "orderedList") == 0
         || strcmp (type, "taskList") == 0 || strcmp (type, "decisionList") == 0;
}

/* One list item: marker before the first line, the rest indented to match. */
static char *
render_item (AdfTextExport *e,
             const char *marker,
             JsonNode *item,
             guint depth,
             gboolean inline_content)
{
  g_autoptr (GString) body = g_string_new (NULL);
  g_autofree char *indent = g_strnfill (strlen (marker), ' ');
  JsonArray *content = _adf_node_content (item);

  if (inline_content)
    _adf_text_render_inlines (e, body, content, depth + 1);
  else
    for (guint i = 0; content != NULL && i < json_array_get_length (content); i++)
      {
        JsonNode *child = json_array_get_element (content, i);
        g_autofree char *block = render_block (e, child, depth + 1);

        if (block == NULL)
          continue;
        if (body->len > 0)
          /* A list right after the text stays tight; two paragraphs need a blank line. */
          g_string_append (body, is_list (_adf_node_type (child)) ? "\n" : "\n\n");
        g_string_append (body, block);
      }
  return prefix_lines (body->str, marker, indent);
}

static char *
render_list (AdfTextExport *e, JsonNode *node, const char *type, guint depth)
{
  JsonArray *content = _adf_node_content (node);
  g_autoptr (GString) out = g_string_new (NULL);
  double order = 1;
  gint64 number;

  if (strcmp (type, "orderedList") == 0 && _adf_node_attr_number (node, "order", &order))
    order = CLAMP (order, 0, 999999999);
  number = (gint64) order;

  for (guint i = 0; content != NULL && i < json_array_get_length (content); i++)
    {
      JsonNode *item = json_array_get_element (content, i);
      const char *item_type = _adf_node_type (item);
      g_autofree char *marker = NULL;
      g_autofree char *rendered = NULL;
      gboolean inline_content = FALSE;

      if (strcmp (type, "orderedList") == 0)
        marker = g_strdup_printf ("%" G_GINT64_FORMAT ". ", number++);
      else if (strcmp (item_type, "taskItem") == 0 || strcmp (item_type, "blockTaskItem") == 0)
        {
          gboolean done = g_strcmp0 (_adf_node_attr (item, "state"), "DONE") == 0;

          marker = g_strdup (done ? "- [x] " : "- [ ] ");
          inline_content = strcmp (item_type, "taskItem") == 0;
        }
      else if (strcmp (item_type, "decisionItem") == 0)
        {
          marker = g_strdup (g_strcmp0 (_adf_node_attr (item, "state"), "DECIDED") == 0 ? "- ✔ "
                                                                                        : "- ");
          inline_content = TRUE;
        }
      else if (strcmp (item_type, "taskList") == 0)
        {
          /* a nested task list sits directly in its parent list: indent it */
          g_autofree char *inner = render_block (e, item, depth + 1);

          if (inner != NULL)
            {
              g_autofree char *indented = prefix_lines (inner, "  ", "  ");

              if (out->len > 0)
                g_string_append_c (out, '\n');
              g_string_append (out, indented);
            }
          continue;
        }
      else
        marker = g_strdup ("- ");

      rendered = render_item (e, marker, item, depth, inline_content);
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, rendered);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
code_fence (const char *text, GString *fence)
{
  guint longest = 0, run = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      run = *p == '`' ? run + 1 : 0;
      longest = MAX (longest, run);
    }
  for (guint i = 0; i < MAX (3, longest + 1); i++)
    g_string_append_c (fence, '`');
}

static char *
render_code_block (AdfTextExport *e, JsonNode *node)
{
  JsonArray *content = _adf_node_content (node);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GString) out = g_string_new (NULL);
  const char *language = _adf_node_attr (node, "language");

  for (guint i = 0; content != NULL && i < json_array_get_length (content); i++)
    {
      JsonNode *child = json_array_get_element (content, i);

      if (JSON_NODE_HOLDS_OBJECT (child))
        g_string_append (text, _adf_json_string (json_node_get_object (child), "text") ?: "");
    }
  if (!e->markdown)
    return g_string_free (g_steal_pointer (&text), FALSE);

  code_fence (text->str, out);
  if (language != NULL)
    /* the info string ends at a space, and may hold no backtick */
    for (const char *p = language; *p != '\0' && !g_ascii_isspace (*p); p++)
      if (*p != '`')
        g_string_append_c (out, *p);
  g_string_append_c (out, '\n');
  g_string_append (out, text->str);
  if (text->len > 0 && text->str[text->len - 1] != '\n')
    g_string_append_c (out, '\n');
  code_fence (text->str, out);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A cell's blocks on one line. */
static char *
render_cell (AdfTextExport *e, JsonNode *cell, guint depth)
{
  g_autofree char *blocks = render_blocks (e, _adf_node_content (cell), depth + 1);
  GString *out = g_string_new (NULL);
  gboolean newline = FALSE;

  for (const char *p = blocks; *p != '\0'; p++)
    {
      if (*p == '\n')
        {
          newline = TRUE;
          continue;
        }
      if (newline)
        g_string_append (out, e->markdown ? "<br>" : " ");
      newline = FALSE;
      if (*p == '|' && e->markdown && (p == blocks || p[-1] != '\\'))
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static char *
render_table (AdfTextExport *e, JsonNode *node, guint depth)
{
  JsonArray *rows = _adf_node_content (node);
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  guint columns = 0;
  GString *out = g_string_new (NULL);

  for (guint r = 0; rows != NULL && r < json_array_get_length (rows); r++)
    {
      JsonArray *cells = _adf_node_content (json_array_get_element (rows, r));
      GPtrArray *line = g_ptr_array_new_with_free_func (g_free);

      for (guint c = 0; cells != NULL && c < json_array_get_length (cells); c++)
        {
          JsonNode *cell = json_array_get_element (cells, c);
          double colspan = 1;

          g_ptr_array_add (line, render_cell (e, cell, depth));
          /* GFM has no spans: a spanned cell is followed by empty ones */
          if (_adf_node_attr_number (cell, "colspan", &colspan))
            for (guint k = 1; k < CLAMP (colspan, 1, 100); k++)
              g_ptr_array_add (line, g_strdup (""));
        }
      columns = MAX (columns, line->len);
      g_ptr_array_add (lines, line);
    }

  for (guint r = 0; r < lines->len; r++)
    {
      GPtrArray *line = g_ptr_array_index (lines, r);

      if (r > 0)
        g_string_append_c (out, '\n');
      for (guint c = 0; c < columns; c++)
        {
          const char *cell = c < line->len ? g_ptr_array_index (line, c) : "";

          if (e->markdown)
            g_string_append_printf (out, c == 0 ? "| %s |" : " %s |", cell);
          else
            g_string_append_printf (out, c == 0 ? "%s" : "\t%s", cell);
        }
      if (r == 0 && e->markdown)
        {
          g_string_append_c (out, '\n');
          for (guint c = 0; c < columns; c++)
            g_string_append (out, c == 0 ? "| --- |" : " --- |");
        }
    }
  return g_string_free (out, FALSE);
}

static char *
render_labelled (AdfTextExport *e, const char *label, JsonNode *node, guint depth)
{
  g_autofree char *body = render_blocks (e, _adf_node_content (node), depth + 1);
  g_autoptr (GString) head = g_string_new (NULL);

  if (e->markdown)
    {
      g_string_append (head, "**");
      _adf_text_append_escaped (e, head, label);
      g_string_append (head, "**");
    }
  else
    g_string_append (head, label);
  if (*body == '\0')
    return g_string_free (g_steal_pointer (&head), FALSE);
  return g_strconcat (head->str, "\n\n", body, NULL);
}

/* The Markdown of one block, or NULL when it shows nothing. */
static char *
render_block (AdfTextExport *e, JsonNode *node, guint depth)
{
  const char *type = _adf_node_type (node);
  g_autoptr (GString) out = g_string_new (NULL);

  if (depth > ADF_EXPORT_MAX_DEPTH)
    return NULL;

  if (strcmp (type, "paragraph") == 0 || strcmp (type, "caption") == 0)
    {
      _adf_text_render_inlines (e, out, _adf_node_content (node), depth);
      if (out->len == 0)
        return NULL;
    }
  else if (strcmp (type, "heading") == 0)
    {
      double level = 1;

      _adf_node_attr_number (node, "level", &level);
      if (e->markdown)
        {
          for (int i = 0; i < (int) CLAMP (level, 1, 6); i++)
            g_string_append_c (out, '#');
          g_string_append_c (out, ' ');
        }
      _adf_text_render_inlines (e, out, _adf_node_content (node), depth);
      /* a heading is one line: its hard breaks become spaces */
      if (e->markdown)
        g_string_replace (out, "\\\n", " ", 0);
      for (char *p = out->str; *p != '\0'; p++)
        if (*p == '\n')
          *p = ' ';
    }
  else if (is_list (type) || strcmp (type, "taskList") == 0)
    return render_list (e, node, type, depth);
  else if (strcmp (type, "codeBlock") == 0)
    return render_code_block (e, node);
  else if (strcmp (type, "blockquote") == 0)
    {
      g_autofree char *body = render_blocks (e, _adf_node_content (node), depth + 1);

      return prefix_lines (body, "> ", "> ");
    }
  else if (strcmp (type, "panel") == 0)
    {
      g_autofree char *body
          = render_labelled (e, _adf_panel_label (_adf_node_attr (node, "panelType")), node, depth);

      return e->markdown ? prefix_lines (body, "> ", "> ") : g_steal_pointer (&body);
    }
  else if (strcmp (type, "rule") == 0)
    g_string_append (out, e->markdown ? "---" : "----------");
  else if (strcmp (type, "table") == 0)
    return render_table (e, node, depth);
  else if (strcmp (type, "expand") == 0 || strcmp (type, "nestedExpand") == 0)
    {
      const char *title = _adf_node_attr (node, "title");

      return render_labelled (e, title && *title ? title : _ ("Details"), node, depth);
    }
  else if (strcmp (type, "mediaSingle") == 0 || strcmp (type, "mediaGroup") == 0)
    {
      JsonArray *content = _adf_node_content (node);

      for (guint i = 0; content != NULL && i < json_array_get_length (content); i++)
        {
          JsonNode *child = json_array_get_element (content, i);

          if (out->len > 0)
            g_string_append (out, strcmp (_adf_node_type (child), "caption") == 0 ? "\n" : " ");
          if (strcmp (_adf_node_type (child), "caption") == 0)
            _adf_text_render_inlines (e, out, _adf_node_content (child), depth + 1);
          else
            {
              g_autofree char *text = _adf_media_text (child);

              _adf_text_append_escaped (e, out, text);
            }
        }
    }
  else if (strcmp (type, "blockCard") == 0 || strcmp (type, "embedCard") == 0)
    {
      const char *url = _adf_card_url (node);

      if (e->markdown && _adf_is_web_url (url) && strpbrk (url, " <>\n") == NULL)
        g_string_append_printf (out, "<%s>", url);
      else
        _adf_text_append_escaped (e, out, url);
    }
  else if (_adf_node_content (node) != NULL
           && (strcmp (type, "layoutSection") == 0 || strcmp (type, "layoutColumn") == 0
               || strcmp (type, "bodiedExtension") == 0 || strcmp (type, "bodiedSyncBlock") == 0
               || strcmp (type, "blockTaskItem") == 0 || strcmp (type, "listItem") == 0))
    return render_blocks (e, _adf_node_content (node), depth + 1);
  else
    {
      /* extensions, sync blocks and the unknown: their text, never their JSON */
      g_autoptr (GString) text = g_string_new (NULL);

      _adf_collect_text (node, text, depth);
      _adf_text_append_escaped (e, out, text->str);
    }

  if (out->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
render_blocks (AdfTextExport *e, JsonArray *content, guint depth)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; content != NULL && i < json_array_get_length (content); i++)
    {
      g_autofree char *block = render_block (e, json_array_get_element (content, i), depth);

      if (block == NULL)
        continue;
      if (out->len > 0)
        g_string_append (out, "\n\n");
      g_string_append (out, block);
    }
  return g_string_free (out, FALSE);
}

static char *export(JsonNode *doc, gboolean markdown)
{
  AdfTextExport e = { markdown };
  g_autofree char *body = NULL;

  g_return_val_if_fail (doc != NULL, NULL);

  body = render_blocks (&e, _adf_node_content (doc), 0);
  if (*body == '\0')
    return g_steal_pointer (&body);
  return g_strconcat (body, "\n", NULL);
}

char *
adf_export_markdown (JsonNode *doc)
{
  return export(doc, TRUE);
}

char *
adf_export_text (JsonNode *doc)
{
  return export(doc, FALSE);
}
