/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "adf-export"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "adf-export-markdown-private.h"
#include "adf-export-private.h"
#include "adf-parse.h"
#include "adf-private.h"

/* Inline Markdown: escaping, code spans, marks kept open across text nodes, inline atoms. */

/* Backslash-escapes what CommonMark could read as markup. at_line_start: whether text
 * begins a line (where #, -, +, =, > and "1." start blocks). */
void
_adf_text_append_escaped (AdfTextExport *e, GString *out, const char *text)
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
render_inline_atom (AdfTextExport *e, GString *out, JsonNode *node, const char *type, guint depth)
{
  if (strcmp (type, "hardBreak") == 0)
    g_string_append (out, e->markdown ? "\\\n" : "\n");
  else if (strcmp (type, "mention") == 0)
    {
      g_autofree char *text = _adf_mention_text (node);

      _adf_text_append_escaped (e, out, text);
    }
  else if (strcmp (type, "emoji") == 0)
    _adf_text_append_escaped (e, out, _adf_emoji_text (node));
  else if (strcmp (type, "date") == 0)
    {
      g_autofree char *date = _adf_format_date (_adf_node_attr (node, "timestamp"));

      _adf_text_append_escaped (e, out, date);
    }
  else if (strcmp (type, "status") == 0)
    {
      g_autofree char *text = _adf_status_text (node);
      g_autofree char *lozenge = g_strdup_printf ("[%s]", text);

      _adf_text_append_escaped (e, out, lozenge);
    }
  else if (strcmp (type, "inlineCard") == 0)
    {
      const char *url = _adf_card_url (node);

      if (e->markdown && _adf_is_web_url (url) && strpbrk (url, " <>\n") == NULL)
        g_string_append_printf (out, "<%s>", url);
      else
        _adf_text_append_escaped (e, out, url);
    }
  else if (strcmp (type, "placeholder") == 0)
    ; /* a prompt shown in an empty editor, not content */
  else if (strcmp (type, "mediaInline") == 0)
    {
      g_autofree char *text = _adf_media_text (node);

      _adf_text_append_escaped (e, out, text);
    }
  else
    {
      /* inlineExtension, and inline nodes of the future: their text */
      g_autoptr (GString) text = g_string_new (NULL);

      _adf_collect_text (node, text, depth);
      _adf_text_append_escaped (e, out, text->str);
    }
}

void
_adf_text_render_inlines (AdfTextExport *e, GString *out, JsonArray *content, guint depth)
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
            _adf_text_append_escaped (e, out, text + skip);
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
