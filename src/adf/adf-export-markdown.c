/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "adf-export"

#include "config.h"

#include <glib/gi18n.h>

#include "adf-export.h"

#include <string.h>

#include "adf-export-private.h"
#include "adf-parse.h"
#include "adf-private.h"

/*
 * Markdown (CommonMark + GFM) and plain text share one walk: a block renders to a string of
 * lines, and containers (quotes, list items) prefix those lines. Only escaping and marks
 * differ between the two.
 */

typedef struct
{
  gboolean markdown;
} Export;

static char *render_blocks (Export *e, JsonArray *content, guint depth);
static char *render_block (Export *e, JsonNode *node, guint depth);

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

/* Inline */

/* Backslash-escapes what CommonMark could read as markup. at_line_start: whether text
 * begins a line (where #, -, +, =, > and "1." start blocks). */
static void
append_escaped (Export *e, GString *out, const char *text)
{
  gboolean line_start;

  if (!e->markdown)
    {
      g_string_append (out, text);
      return;
    }

  line_start = out->len == 0 || out->str[out->len - 1] == '\n';
  for (const char *p = text; *p != '\0'; p++)
    {
      char c = *p;

      if (strchr ("\\`*_[]<>|~&", c) != NULL)
        g_string_append_c (out, '\\');
      else if (line_start && strchr ("#-+=>", c) != NULL)
        g_string_append_c (out, '\\');
      else if (line_start && g_ascii_isdigit (c))
        {
          /* "1." or "1)" at the start of a line would begin an ordered list */
          const char *q = p;

          while (g_ascii_isdigit (*q))
            q++;
          if (*q == '.' || *q == ')')
            {
              g_string_append_len (out, p, q - p);
              g_string_append_c (out, '\\');
              p = q;
              c = *q;
            }
        }
      g_string_append_c (out, c);
      if (c == '\n')
        line_start = TRUE;
      else if (c != ' ')
        line_start = FALSE;
    }
}

/* A code span: a backtick fence longer than any run inside, padded where CommonMark would
 * otherwise eat a space or join the fence with the text. */
static void
append_code_span (GString *out, const char *text)
{
  guint longest = 0, run = 0;
  gsize length = strlen (text);
  gboolean pad;

  for (const char *p = text; *p != '\0'; p++)
    {
      run = *p == '`' ? run + 1 : 0;
      longest = MAX (longest, run);
    }
  pad = length > 0
        && (text[0] == '`' || text[length - 1] == '`'
            || (text[0] == ' ' && text[length - 1] == ' ' && strspn (text, " ") != length));
  for (guint i = 0; i <= longest; i++)
    g_string_append_c (out, '`');
  if (pad)
    g_string_append_c (out, ' ');
  /* A code span cannot hold a line break: newlines would read as spaces anyway. */
  for (const char *p = text; *p != '\0'; p++)
    g_string_append_c (out, *p == '\n' ? ' ' : *p);
  if (pad)
    g_string_append_c (out, ' ');
  for (guint i = 0; i <= longest; i++)
    g_string_append_c (out, '`');
}

/* The marks kept open across text nodes, outermost first: a key per mark ("strong",
 * "link\x1fhref\x1ftitle"), and the closing markup. */
typedef struct
{
  GPtrArray *keys;
  GPtrArray *closers;
} MarkStack;

static const char *const mark_order[] = { "link", "strong", "em", "strike", "underline", "subsup" };

static JsonObject *
find_mark (JsonNode *node, const char *type)
{
  JsonNode *marks;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  marks = json_object_get_member (json_node_get_object (node), "marks");
  if (marks == NULL || !JSON_NODE_HOLDS_ARRAY (marks))
    return NULL;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (marks)); i++)
    {
      JsonNode *mark = json_array_get_element (json_node_get_array (marks), i);

      if (JSON_NODE_HOLDS_OBJECT (mark)
          && g_strcmp0 (_adf_json_string (json_node_get_object (mark), "type"), type) == 0)
        return json_node_get_object (mark);
    }
  return NULL;
}

static const char *
mark_attr (JsonObject *mark, const char *name)
{
  JsonNode *attrs = json_object_get_member (mark, "attrs");

  if (attrs == NULL || !JSON_NODE_HOLDS_OBJECT (attrs))
    return NULL;
  return _adf_json_string (json_node_get_object (attrs), name);
}

static gboolean
link_is_exportable (const char *href)
{
  return href != NULL && *href != '\0' && strpbrk (href, "\n\r") == NULL && adf_is_safe_url (href);
}

/* The Markdown for opening and closing one mark. */
static void
mark_markup (const char *type, JsonObject *mark, char **key, char **open, char **close)
{
  if (strcmp (type, "link") == 0)
    {
      const char *href = mark_attr (mark, "href") ?: "";
      const char *title = mark_attr (mark, "title");
      GString *tail = g_string_new ("](");

      /* <…> keeps spaces and parentheses in the destination */
      if (strpbrk (href, " ()<>") != NULL || *href == '\0')
        {
          g_string_append_c (tail, '<');
          for (const char *p = href; *p; p++)
            {
              if (*p == '<' || *p == '>' || *p == '\\')
                g_string_append_c (tail, '\\');
              g_string_append_c (tail, *p == '\n' ? ' ' : *p);
            }
          g_string_append_c (tail, '>');
        }
      else
        g_string_append (tail, href);
      if (title != NULL && *title != '\0')
        {
          g_string_append (tail, " \"");
          for (const char *p = title; *p; p++)
            {
              if (*p == '"' || *p == '\\')
                g_string_append_c (tail, '\\');
              g_string_append_c (tail, *p);
            }
          g_string_append_c (tail, '"');
        }
      g_string_append_c (tail, ')');
      *key = g_strdup_printf ("link\x1f%s\x1f%s", href, title ? title : "");
      *open = g_strdup ("[");
      *close = g_string_free (tail, FALSE);
    }
  else if (strcmp (type, "subsup") == 0)
    {
      const char *which = g_strcmp0 (mark_attr (mark, "type"), "sub") == 0 ? "sub" : "sup";

      *key = g_strdup_printf ("subsup\x1f%s", which);
      *open = g_strdup_printf ("<%s>", which);
      *close = g_strdup_printf ("</%s>", which);
    }
  else
    {
      static const struct
      {
        const char *type, *open, *close;
      } simple[] = {
        { "strong", "**", "**" },
        { "em", "*", "*" },
        { "strike", "~~", "~~" },
        { "underline", "<u>", "</u>" },
      };

      *key = g_strdup (type);
      *open = g_strdup ("");
      *close = g_strdup ("");
      for (gsize i = 0; i < G_N_ELEMENTS (simple); i++)
        if (strcmp (type, simple[i].type) == 0)
          {
            g_free (*open);
            g_free (*close);
            *open = g_strdup (simple[i].open);
            *close = g_strdup (simple[i].close);
          }
    }
}

/* Closes marks down to keep open ones; spaces at the end move outside the closers, since
 * "**bold **" is not bold in CommonMark. */
static void
close_marks (GString *out, MarkStack *stack, guint keep)
{
  gsize spaces = 0;

  if (stack->keys->len <= keep)
    return;
  while (spaces < out->len && out->str[out->len - 1 - spaces] == ' ')
    spaces++;
  g_string_truncate (out, out->len - spaces);
  while (stack->keys->len > keep)
    {
      g_string_append (out, g_ptr_array_index (stack->closers, stack->closers->len - 1));
      g_ptr_array_set_size (stack->keys, stack->keys->len - 1);
      g_ptr_array_set_size (stack->closers, stack->closers->len - 1);
    }
  for (gsize i = 0; i < spaces; i++)
    g_string_append_c (out, ' ');
}

/* Brings the open marks to those of node; returns how many leading spaces of its text were
 * written before the openers (the caller skips them). */
static gsize
sync_marks (GString *out, MarkStack *stack, JsonNode *node, const char *text)
{
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) opens = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) closes = g_ptr_array_new_with_free_func (g_free);
  guint common = 0;
  gsize spaces = 0;

  for (gsize i = 0; node != NULL && i < G_N_ELEMENTS (mark_order); i++)
    {
      JsonObject *mark = find_mark (node, mark_order[i]);
      char *key, *open, *close;

      if (mark == NULL)
        continue;
      /* Atlassian's isSafeUrl accepts "javascript:…\nhttps://…" (it matches any line):
       * a Markdown renderer would make a live javascript: link of it. Such text stays text. */
      if (strcmp (mark_order[i], "link") == 0 && !link_is_exportable (mark_attr (mark, "href")))
        continue;
      mark_markup (mark_order[i], mark, &key, &open, &close);
      g_ptr_array_add (keys, key);
      g_ptr_array_add (opens, open);
      g_ptr_array_add (closes, close);
    }

  while (common < stack->keys->len && common < keys->len
         && strcmp (g_ptr_array_index (stack->keys, common), g_ptr_array_index (keys, common)) == 0)
    common++;
  close_marks (out, stack, common);

  if (common < keys->len && text != NULL)
    while (text[spaces] == ' ')
      {
        g_string_append_c (out, ' ');
        spaces++;
      }
  for (guint i = common; i < keys->len; i++)
    {
      g_string_append (out, g_ptr_array_index (opens, i));
      g_ptr_array_add (stack->keys, g_strdup (g_ptr_array_index (keys, i)));
      g_ptr_array_add (stack->closers, g_strdup (g_ptr_array_index (closes, i)));
    }
  return spaces;
}

static void
render_inline_atom (Export *e, GString *out, JsonNode *node, const char *type, guint depth)
{
  if (strcmp (type, "hardBreak") == 0)
    g_string_append (out, e->markdown ? "\\\n" : "\n");
  else if (strcmp (type, "mention") == 0)
    {
      g_autofree char *text = _adf_mention_text (node);

      append_escaped (e, out, text);
    }
  else if (strcmp (type, "emoji") == 0)
    append_escaped (e, out, _adf_emoji_text (node));
  else if (strcmp (type, "date") == 0)
    {
      g_autofree char *date = _adf_format_date (_adf_node_attr (node, "timestamp"));

      append_escaped (e, out, date);
    }
  else if (strcmp (type, "status") == 0)
    {
      g_autofree char *text = _adf_status_text (node);
      g_autofree char *lozenge = g_strdup_printf ("[%s]", text);

      append_escaped (e, out, lozenge);
    }
  else if (strcmp (type, "inlineCard") == 0)
    {
      const char *url = _adf_card_url (node);

      if (e->markdown && _adf_is_web_url (url) && strpbrk (url, " <>\n") == NULL)
        g_string_append_printf (out, "<%s>", url);
      else
        append_escaped (e, out, url);
    }
  else if (strcmp (type, "placeholder") == 0)
    ; /* a prompt shown in an empty editor, not content */
  else if (strcmp (type, "mediaInline") == 0)
    {
      g_autofree char *text = _adf_media_text (node);

      append_escaped (e, out, text);
    }
  else
    {
      /* inlineExtension, and inline nodes of the future: their text */
      g_autoptr (GString) text = g_string_new (NULL);

      _adf_collect_text (node, text, depth);
      append_escaped (e, out, text->str);
    }
}

static void
render_inlines (Export *e, GString *out, JsonArray *content, guint depth)
{
  MarkStack stack
      = { g_ptr_array_new_with_free_func (g_free), g_ptr_array_new_with_free_func (g_free) };
  gsize start = out->len;

  for (guint i = 0; content != NULL && i < json_array_get_length (content); i++)
    {
      JsonNode *node = json_array_get_element (content, i);
      const char *type = _adf_node_type (node);

      if (strcmp (type, "text") == 0)
        {
          const char *text = _adf_json_string (json_node_get_object (node), "text") ?: "";
          gsize skip = 0;

          if (!e->markdown)
            {
              const char *href = NULL;
              JsonObject *link = find_mark (node, "link");

              g_string_append (out, text);
              if (link != NULL)
                href = mark_attr (link, "href");
              if (href != NULL && *href != '\0' && strcmp (href, text) != 0)
                g_string_append_printf (out, " (%s)", href);
              continue;
            }

          skip = sync_marks (out, &stack, node, text);
          if (find_mark (node, "code") != NULL)
            append_code_span (out, text + skip);
          else
            append_escaped (e, out, text + skip);
        }
      else
        {
          if (e->markdown)
            sync_marks (out, &stack, NULL, NULL);
          render_inline_atom (e, out, node, type, depth + 1);
        }
    }
  close_marks (out, &stack, 0);

  /* A hard break ending a paragraph (the Opsgenie template has one) breaks nothing, and in
   * CommonMark its backslash would show. */
  for (;;)
    {
      const char *tail = e->markdown ? "\\\n" : "\n";
      gsize n = strlen (tail);

      if (out->len < start + n || strcmp (out->str + out->len - n, tail) != 0)
        break;
      g_string_truncate (out, out->len - n);
    }
  g_ptr_array_unref (stack.keys);
  g_ptr_array_unref (stack.closers);
}

/* Blocks */

static gboolean
is_list (const char *type)
{
  return strcmp (type, "bulletList") == 0 || strcmp (type, "orderedList") == 0
         || strcmp (type, "taskList") == 0 || strcmp (type, "decisionList") == 0;
}

/* One list item: marker before the first line, the rest indented to match. */
static char *
render_item (Export *e, const char *marker, JsonNode *item, guint depth, gboolean inline_content)
{
  g_autoptr (GString) body = g_string_new (NULL);
  g_autofree char *indent = g_strnfill (strlen (marker), ' ');
  JsonArray *content = _adf_node_content (item);

  if (inline_content)
    render_inlines (e, body, content, depth + 1);
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
render_list (Export *e, JsonNode *node, const char *type, guint depth)
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
render_code_block (Export *e, JsonNode *node)
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
render_cell (Export *e, JsonNode *cell, guint depth)
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
render_table (Export *e, JsonNode *node, guint depth)
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
render_labelled (Export *e, const char *label, JsonNode *node, guint depth)
{
  g_autofree char *body = render_blocks (e, _adf_node_content (node), depth + 1);
  g_autoptr (GString) head = g_string_new (NULL);

  if (e->markdown)
    {
      g_string_append (head, "**");
      append_escaped (e, head, label);
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
render_block (Export *e, JsonNode *node, guint depth)
{
  const char *type = _adf_node_type (node);
  g_autoptr (GString) out = g_string_new (NULL);

  if (depth > ADF_EXPORT_MAX_DEPTH)
    return NULL;

  if (strcmp (type, "paragraph") == 0 || strcmp (type, "caption") == 0)
    {
      render_inlines (e, out, _adf_node_content (node), depth);
      if (out->len == 0)
        return NULL;
    }
  else if (strcmp (type, "heading") == 0)
    {
      double level = 1;

      _adf_node_attr_number (node, "level", &level);
      if (e->markdown)
        {
          for (int i = 0; i < CLAMP ((int) level, 1, 6); i++)
            g_string_append_c (out, '#');
          g_string_append_c (out, ' ');
        }
      render_inlines (e, out, _adf_node_content (node), depth);
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
            render_inlines (e, out, _adf_node_content (child), depth + 1);
          else
            {
              g_autofree char *text = _adf_media_text (child);

              append_escaped (e, out, text);
            }
        }
    }
  else if (strcmp (type, "blockCard") == 0 || strcmp (type, "embedCard") == 0)
    {
      const char *url = _adf_card_url (node);

      if (e->markdown && _adf_is_web_url (url) && strpbrk (url, " <>\n") == NULL)
        g_string_append_printf (out, "<%s>", url);
      else
        append_escaped (e, out, url);
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
      append_escaped (e, out, text->str);
    }

  if (out->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
render_blocks (Export *e, JsonArray *content, guint depth)
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
  Export e = { markdown };
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
