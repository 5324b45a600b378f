/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "og-sandbox"

#include "config.h"

#include "og-sandbox-private.h"
#include "og-sandbox.h"

/*
 * The seeded postmortems are written in a small line markup, which this turns into ADF:
 *   "- item", "  - nested", "1. item"   lists     "```lang" … "```"  code block
 *   "!warning text" (info, note, …)     panel     "> text"            quote
 *   "[ ] task", "[x] done"              task list "---"               rule
 * and inline: **strong**, _em_, `code`, [text](url), @[Full Name] (mention),
 * {status:TEXT|color} (lozenge), {date:+N} (N days after the incident).
 * The markup is the seed's own: a mistake in it is a bug in the seed, and aborts.
 */

static JsonObject *
adf_node (const char *type)
{
  JsonObject *node = json_object_new ();

  json_object_set_string_member (node, "type", type);
  return node;
}

/* Appends @child (taken) to @parent's content and returns it. */
static JsonObject *
adf_append (JsonObject *parent, JsonObject *child)
{
  if (!json_object_has_member (parent, "content"))
    json_object_set_array_member (parent, "content", json_array_new ());
  json_array_add_object_element (json_object_get_array_member (parent, "content"), child);

  return child;
}

JsonObject *
_og_sandbox_adf_doc (void)
{
  JsonObject *doc = json_object_new ();

  json_object_set_int_member (doc, "version", 1);
  json_object_set_string_member (doc, "type", "doc");
  json_object_set_array_member (doc, "content", json_array_new ());

  return doc;
}

static JsonObject *
adf_mark (const char *type)
{
  return adf_node (type);
}

static JsonObject *
adf_attrs (JsonObject *node)
{
  if (!json_object_has_member (node, "attrs"))
    json_object_set_object_member (node, "attrs", json_object_new ());
  return json_object_get_object_member (node, "attrs");
}

typedef struct
{
  OgSandboxAdfContext *context;
  JsonObject *block;
  GString *run;
  gboolean strong;
  gboolean em;
} InlineState;

static void
inline_flush (InlineState *state, const char *href, gboolean code)
{
  JsonObject *text;
  JsonArray *marks;

  if (state->run->len == 0)
    return;

  text = adf_append (state->block, adf_node ("text"));
  json_object_set_string_member (text, "text", state->run->str);
  g_string_truncate (state->run, 0);

  /* code combines with link only: the markup never puts code inside bold or italics. */
  marks = json_array_new ();
  if (code)
    json_array_add_object_element (marks, adf_mark ("code"));
  if (state->strong && !code)
    json_array_add_object_element (marks, adf_mark ("strong"));
  if (state->em && !code)
    json_array_add_object_element (marks, adf_mark ("em"));
  if (href != NULL)
    {
      JsonObject *link = adf_mark ("link");

      json_object_set_string_member (adf_attrs (link), "href", href);
      json_array_add_object_element (marks, link);
    }

  /* ADF forbids an empty marks array. */
  if (json_array_get_length (marks) > 0)
    json_object_set_array_member (text, "marks", marks);
  else
    json_array_unref (marks);
}

/* The text between @start and the next @end, or NULL; *after points past @end. */
static char *
take_until (const char *start, const char *end, const char **after)
{
  const char *found = strstr (start, end);

  if (found == NULL)
    g_error ("Sandbox seed: unclosed markup at \"%s\"", start);

  *after = found + strlen (end);
  return g_strndup (start, found - start);
}

static void
inline_atom (InlineState *state, const char *spec)
{
  if (g_str_has_prefix (spec, "status:"))
    {
      g_auto (GStrv) parts = g_strsplit (spec + strlen ("status:"), "|", 2);
      JsonObject *status = adf_append (state->block, adf_node ("status"));
      JsonObject *attrs = adf_attrs (status);

      json_object_set_string_member (attrs, "text", parts[0]);
      json_object_set_string_member (attrs, "color", parts[1]);
    }
  else if (g_str_has_prefix (spec, "date:"))
    {
      guint days = (guint) g_ascii_strtoull (spec + strlen ("date:+"), NULL, 10);
      g_autoptr (GDateTime) date = g_date_time_add_days (state->context->day, (gint) days);
      g_autofree char *timestamp
          = g_strdup_printf ("%" G_GINT64_FORMAT, g_date_time_to_unix (date) * 1000);
      JsonObject *node = adf_append (state->block, adf_node ("date"));

      json_object_set_string_member (adf_attrs (node), "timestamp", timestamp);
    }
  else
    {
      g_error ("Sandbox seed: unknown inline atom {%s}", spec);
    }
}

static void
inline_mention (InlineState *state, const char *full_name)
{
  JsonObject *user = _og_sandbox_seed_find (state->context->store->users, "fullName", full_name);
  JsonObject *mention = adf_append (state->block, adf_node ("mention"));
  JsonObject *attrs = adf_attrs (mention);
  g_autofree char *text = g_strconcat ("@", full_name, NULL);

  json_object_set_string_member (attrs, "id", json_object_get_string_member (user, "id"));
  json_object_set_string_member (attrs, "text", text);
}

/* Appends the inline nodes of @markup to @block. */
static void
build_inline (OgSandboxAdfContext *context, JsonObject *block, const char *markup)
{
  InlineState state = { context, block, g_string_new (NULL), FALSE, FALSE };
  const char *p = markup;

  while (*p != '\0')
    {
      g_autofree char *inner = NULL;

      if (g_str_has_prefix (p, "**"))
        {
          inline_flush (&state, NULL, FALSE);
          state.strong = !state.strong;
          p += 2;
        }
      else if (*p == '_')
        {
          inline_flush (&state, NULL, FALSE);
          state.em = !state.em;
          p++;
        }
      else if (*p == '`')
        {
          inline_flush (&state, NULL, FALSE);
          inner = take_until (p + 1, "`", &p);
          g_string_append (state.run, inner);
          inline_flush (&state, NULL, TRUE);
        }
      else if (g_str_has_prefix (p, "@["))
        {
          inline_flush (&state, NULL, FALSE);
          inner = take_until (p + 2, "]", &p);
          inline_mention (&state, inner);
        }
      else if (*p == '[')
        {
          g_autofree char *href = NULL;

          inline_flush (&state, NULL, FALSE);
          inner = take_until (p + 1, "](", &p);
          href = take_until (p, ")", &p);
          g_string_append (state.run, inner);
          inline_flush (&state, href, FALSE);
        }
      else if (*p == '{')
        {
          inline_flush (&state, NULL, FALSE);
          inner = take_until (p + 1, "}", &p);
          inline_atom (&state, inner);
        }
      else
        {
          g_string_append_c (state.run, *p);
          p++;
        }
    }

  inline_flush (&state, NULL, FALSE);
  if (state.strong || state.em)
    g_error ("Sandbox seed: unbalanced emphasis in \"%s\"", markup);
  g_string_free (state.run, TRUE);
}

static JsonObject *
adf_paragraph (OgSandboxAdfContext *context, const char *markup)
{
  JsonObject *paragraph = adf_node ("paragraph");

  build_inline (context, paragraph, markup);
  return paragraph;
}

static void
adf_heading (JsonObject *doc, const char *text)
{
  JsonObject *heading = adf_append (doc, adf_node ("heading"));

  /* Level 4, as in the Opsgenie template. */
  json_object_set_int_member (adf_attrs (heading), "level", 4);
  json_object_set_string_member (adf_append (heading, adf_node ("text")), "text", text);
}

/* A list line: its depth (two spaces a level), whether it is ordered, its number, and the
 * text after the bullet. FALSE when @line is no list item. */
static gboolean
parse_list_item (const char *line,
                 guint *depth,
                 gboolean *ordered,
                 guint64 *number,
                 const char **text)
{
  const char *p = line;
  char *end;

  while (*p == ' ')
    p++;
  *depth = (guint) (p - line) / 2;

  if (g_str_has_prefix (p, "- "))
    {
      *ordered = FALSE;
      *text = p + 2;
      return TRUE;
    }

  *number = g_ascii_strtoull (p, &end, 10);
  if (end != p && g_str_has_prefix (end, ". "))
    {
      *ordered = TRUE;
      *text = end + 2;
      return TRUE;
    }

  return FALSE;
}

/* Consumes the list lines from lines[*i] on and appends them to @parent as (nested) lists. */
static void
build_list (OgSandboxAdfContext *context, JsonObject *parent, char **lines, guint *i, guint depth)
{
  JsonObject *list = NULL;
  JsonObject *item = NULL;
  gboolean list_ordered = FALSE;

  while (lines[*i] != NULL)
    {
      guint line_depth;
      gboolean ordered;
      guint64 number = 0;
      const char *text;

      if (!parse_list_item (lines[*i], &line_depth, &ordered, &number, &text) || line_depth < depth)
        return;

      if (line_depth > depth)
        {
          /* A nested list goes inside the item it follows. */
          g_assert (item != NULL);
          build_list (context, item, lines, i, line_depth);
          continue;
        }

      if (list == NULL || ordered != list_ordered)
        {
          list = adf_append (parent, adf_node (ordered ? "orderedList" : "bulletList"));
          list_ordered = ordered;
          if (ordered)
            json_object_set_int_member (adf_attrs (list), "order", (gint64) number);
        }

      item = adf_append (list, adf_node ("listItem"));
      adf_append (item, adf_paragraph (context, text));
      (*i)++;
    }
}

static void
build_code_block (JsonObject *doc, char **lines, guint *i)
{
  JsonObject *code = adf_append (doc, adf_node ("codeBlock"));
  const char *language = lines[*i] + strlen ("```");
  g_autoptr (GString) text = g_string_new (NULL);

  if (*language != '\0')
    json_object_set_string_member (adf_attrs (code), "language", language);

  for ((*i)++; lines[*i] != NULL && !g_str_equal (lines[*i], "```"); (*i)++)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, lines[*i]);
    }
  if (lines[*i] == NULL)
    g_error ("Sandbox seed: unclosed code block");
  (*i)++;

  json_object_set_string_member (adf_append (code, adf_node ("text")), "text", text->str);
}

static void
build_task_list (OgSandboxAdfContext *context, JsonObject *doc, char **lines, guint *i)
{
  JsonObject *list = adf_append (doc, adf_node ("taskList"));
  g_autofree char *list_key = g_strdup_printf ("%s/%u", context->key, context->n_ids++);
  g_autofree char *list_id = _og_sandbox_make_id ("task-list", list_key);

  json_object_set_string_member (adf_attrs (list), "localId", list_id);

  for (; lines[*i] != NULL; (*i)++)
    {
      gboolean done = g_str_has_prefix (lines[*i], "[x] ");
      g_autofree char *key = NULL;
      g_autofree char *id = NULL;
      JsonObject *item;

      if (!done && !g_str_has_prefix (lines[*i], "[ ] "))
        break;

      key = g_strdup_printf ("%s/%u", context->key, context->n_ids++);
      id = _og_sandbox_make_id ("task", key);
      item = adf_append (list, adf_node ("taskItem"));
      json_object_set_string_member (adf_attrs (item), "localId", id);
      json_object_set_string_member (adf_attrs (item), "state", done ? "DONE" : "TODO");
      build_inline (context, item, lines[*i] + strlen ("[ ] "));
    }
}

/* Appends the blocks of a section's @markup (see the top of this file) to @doc. */
static void
build_blocks (OgSandboxAdfContext *context, JsonObject *doc, const char *markup)
{
  g_auto (GStrv) lines = g_strsplit (markup, "\n", -1);
  JsonObject *panel = NULL;
  g_autofree char *panel_type = NULL;
  guint i = 0;

  while (lines[i] != NULL)
    {
      const char *line = lines[i];
      guint depth;
      gboolean ordered;
      guint64 number;
      const char *text;

      if (line[0] != '!')
        g_clear_pointer (&panel_type, g_free);

      if (parse_list_item (line, &depth, &ordered, &number, &text))
        {
          build_list (context, doc, lines, &i, 0);
          continue;
        }
      if (g_str_has_prefix (line, "```"))
        {
          build_code_block (doc, lines, &i);
          continue;
        }
      if (g_str_has_prefix (line, "[ ] ") || g_str_has_prefix (line, "[x] "))
        {
          build_task_list (context, doc, lines, &i);
          continue;
        }

      if (line[0] == '!')
        {
          const char *space = strchr (line, ' ');
          g_autofree char *type = g_strndup (line + 1, space - line - 1);

          /* Consecutive lines of one type are paragraphs of one panel. */
          if (g_strcmp0 (type, panel_type) != 0)
            {
              panel = adf_append (doc, adf_node ("panel"));
              json_object_set_string_member (adf_attrs (panel), "panelType", type);
              g_free (panel_type);
              panel_type = g_steal_pointer (&type);
            }
          adf_append (panel, adf_paragraph (context, space + 1));
        }
      else if (g_str_has_prefix (line, "> "))
        {
          JsonObject *quote = adf_append (doc, adf_node ("blockquote"));

          adf_append (quote, adf_paragraph (context, line + 2));
        }
      else if (g_str_equal (line, "---"))
        {
          adf_append (doc, adf_node ("rule"));
        }
      else if (*line != '\0')
        {
          adf_append (doc, adf_paragraph (context, line));
        }
      i++;
    }
}

void
_og_sandbox_adf_section (OgSandboxAdfContext *context,
                         JsonObject *doc,
                         const char *heading,
                         const char *markup)
{
  adf_heading (doc, heading);
  build_blocks (context, doc, markup);
}

static JsonObject *
table_cell (OgSandboxAdfContext *context, const char *type, const char *markup)
{
  JsonObject *cell = adf_node (type);

  adf_append (cell, adf_paragraph (context, markup));
  return cell;
}

/* The timeline as a table (time, event) or as a list: both are common in real documents. */
void
_og_sandbox_adf_timeline (OgSandboxAdfContext *context,
                          JsonObject *doc,
                          const char *timeline,
                          gboolean as_table)
{
  g_auto (GStrv) entries = g_strsplit (timeline, "\n", -1);
  JsonObject *container;

  adf_heading (doc, "Timeline");

  if (as_table)
    {
      JsonObject *header;

      container = adf_append (doc, adf_node ("table"));
      json_object_set_boolean_member (adf_attrs (container), "isNumberColumnEnabled", FALSE);
      json_object_set_string_member (adf_attrs (container), "layout", "default");
      header = adf_append (container, adf_node ("tableRow"));
      adf_append (header, table_cell (context, "tableHeader", "**Time (UTC)**"));
      adf_append (header, table_cell (context, "tableHeader", "**Event**"));
    }
  else
    {
      container = adf_append (doc, adf_node ("bulletList"));
    }

  for (guint i = 0; entries[i] != NULL; i++)
    {
      g_autofree char *time = g_strndup (entries[i], 5);
      const char *event = entries[i] + 6;

      if (as_table)
        {
          JsonObject *row = adf_append (container, adf_node ("tableRow"));

          adf_append (row, table_cell (context, "tableCell", time));
          adf_append (row, table_cell (context, "tableCell", event));
        }
      else
        {
          g_autofree char *markup = g_strdup_printf ("**%s** %s", time, event);
          JsonObject *item = adf_append (container, adf_node ("listItem"));

          adf_append (item, adf_paragraph (context, markup));
        }
    }
}

JsonNode *
_og_sandbox_adf_document (OgSandboxAdfContext *context, const char *markup)
{
  JsonObject *doc = _og_sandbox_adf_doc ();
  JsonNode *node;

  build_blocks (context, doc, markup);
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, doc);
  return node;
}
