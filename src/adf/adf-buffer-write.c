/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "adf-buffer"

#include "config.h"

#include <glib/gi18n.h>

#include "adf-buffer-private.h"

#define MAX_MARKS 32

/* What makes a text node: its marks, their order when not ours, and the seam parity. */
typedef struct
{
  AdfMarkInfo *marks[MAX_MARKS];
  guint n_marks;
  AdfAuxInfo *order;
  gboolean seam;
  AdfAuxInfo *character; /* on U+2028 only: what it stands for */
} Signature;

typedef struct
{
  JsonObject *object;
  JsonArray *content;
  AdfShell *shell;
} Open;

typedef struct
{
  AdfBuffer *self;
  JsonArray *root;
  GArray *open; /* Open: the containers around the current line */
  JsonObject *leaf;
  JsonArray *leaf_content;
  AdfShell *leaf_shell;
  GString *text;
  Signature sig;
  gboolean text_open;
  /* The tags at the current position, kept up to date from the toggles passed:
   * gtk_text_iter_get_tags() costs a walk over every tag of the table. */
  GPtrArray *active;
  Signature newline;   /* of the line break before the current line */
  JsonNode *text_type; /* "text", sealed, shared by every text node written */
  /* Signature → its "marks" array, sealed: one node serves every text node with those marks */
  GHashTable *marks_arrays;
  /* The buffer's text, taken once: a slice per segment cost a walk and a copy each */
  char *all;
  gsize line_base; /* where the current line starts in all */
} Writer;

/* Static helpers */

static JsonObject *
object_from_shell (AdfShell *shell)
{
  JsonObject *object = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (shell->plain && json_object_get_size (shell->object) == 1)
    {
      /* Most nodes: {"type": …} alone */
      json_object_set_member (object, "type",
                              json_node_ref (json_object_get_member (shell->object, "type")));
      return object;
    }
  /* The shell is sealed: its members are shared, not copied. */
  json_object_iter_init (&iter, shell->object);
  while (json_object_iter_next (&iter, &name, &member))
    json_object_set_member (object, name, json_node_ref (member));
  return object;
}

static void
signature_from_tags (Signature *sig, GPtrArray *tags, gboolean code_block)
{
  gboolean has_code = FALSE;

  memset (sig, 0, sizeof *sig);
  for (guint t = 0; t < tags->len; t++)
    {
      AdfMarkInfo *mark = _adf_buffer_tag_mark_info (tags->pdata[t]);
      AdfAuxInfo *aux;

      if (mark)
        {
          gboolean duplicate = FALSE;
          guint i;

          if (code_block || sig->n_marks == MAX_MARKS)
            continue;
          for (i = 0; i < sig->n_marks; i++)
            duplicate |= g_str_equal (sig->marks[i]->type, mark->type);
          if (duplicate)
            continue;
          /* Sorted insertion: our canonical order */
          for (i = sig->n_marks; i > 0 && _adf_mark_compare (sig->marks[i - 1], mark) > 0; i--)
            sig->marks[i] = sig->marks[i - 1];
          sig->marks[i] = mark;
          sig->n_marks++;
          has_code |= mark->kind == ADF_MARK_KIND_CODE;
          continue;
        }
      aux = _adf_buffer_tag_aux_info (tags->pdata[t]);
      if (aux == NULL)
        continue;
      if (aux->kind == ADF_AUX_SEAM)
        sig->seam = TRUE;
      else if (aux->kind == ADF_AUX_ORDER)
        sig->order = aux;
      else if (aux->kind == ADF_AUX_CHAR)
        sig->character = aux;
    }

  /* code goes with link and annotation alone: never write what the schema forbids. */
  if (has_code)
    {
      guint n = 0;
      for (guint i = 0; i < sig->n_marks; i++)
        if (sig->marks[i]->kind == ADF_MARK_KIND_CODE || sig->marks[i]->kind == ADF_MARK_KIND_LINK
            || sig->marks[i]->kind == ADF_MARK_KIND_ANNOTATION)
          sig->marks[n++] = sig->marks[i];
      sig->n_marks = n;
    }
}

static gboolean
signature_equal (const Signature *a, const Signature *b)
{
  return a->n_marks == b->n_marks && a->order == b->order && a->seam == b->seam
         && memcmp (a->marks, b->marks, a->n_marks * sizeof (AdfMarkInfo *)) == 0;
}

static JsonArray *
marks_array (const Signature *sig)
{
  JsonArray *array = json_array_sized_new (sig->n_marks);
  gboolean done[MAX_MARKS] = { FALSE };

  if (sig->order)
    {
      g_auto (GStrv) types = g_strsplit (sig->order->value, ",", -1);
      for (guint t = 0; types[t]; t++)
        for (guint i = 0; i < sig->n_marks; i++)
          if (!done[i] && g_str_equal (types[t], sig->marks[i]->type))
            {
              json_array_add_element (array, json_node_ref (sig->marks[i]->json));
              done[i] = TRUE;
            }
    }
  /* Marks are sealed: one node serves every text node that carries it. */
  for (guint i = 0; i < sig->n_marks; i++)
    if (!done[i])
      json_array_add_element (array, json_node_ref (sig->marks[i]->json));
  return array;
}

static guint
signature_hash (gconstpointer p)
{
  const Signature *sig = p;
  guint hash = GPOINTER_TO_UINT (sig->order) ^ sig->n_marks;

  for (guint i = 0; i < sig->n_marks; i++)
    hash = hash * 31 + (guint) (GPOINTER_TO_SIZE (sig->marks[i]) >> 4);
  return hash;
}

/* The marks written: the seam and the character a line break stands for do not count */
static gboolean
signature_marks_equal (gconstpointer a, gconstpointer b)
{
  const Signature *x = a, *y = b;

  return x->n_marks == y->n_marks && x->order == y->order
         && memcmp (x->marks, y->marks, x->n_marks * sizeof (AdfMarkInfo *)) == 0;
}

static JsonNode *
shared_marks (Writer *w, const Signature *sig)
{
  JsonNode *node = g_hash_table_lookup (w->marks_arrays, sig);

  if (node == NULL)
    {
      node = json_node_new (JSON_NODE_ARRAY);
      json_node_take_array (node, marks_array (sig));
      json_node_seal (node);
      g_hash_table_insert (w->marks_arrays, g_memdup2 (sig, sizeof *sig), node);
    }
  return json_node_ref (node);
}

static JsonArray *
parent_content (Writer *w)
{
  if (w->open->len == 0)
    return w->root;
  return g_array_index (w->open, Open, w->open->len - 1).content;
}

static void
close_text (Writer *w)
{
  JsonObject *node;

  if (!w->text_open)
    return;
  w->text_open = FALSE;
  if (w->text->len == 0)
    return;
  node = json_object_new ();
  json_object_set_member (node, "type", json_node_ref (w->text_type));
  json_object_set_string_member (node, "text", w->text->str);
  if (w->sig.n_marks > 0)
    json_object_set_member (node, "marks", shared_marks (w, &w->sig));
  if (w->leaf_content == NULL)
    w->leaf_content = json_array_new ();
  json_array_add_object_element (w->leaf_content, node);
  g_string_truncate (w->text, 0);
}

static void
close_leaf (Writer *w)
{
  close_text (w);
  if (w->leaf && w->leaf_content)
    json_object_set_array_member (w->leaf, "content", w->leaf_content);
  else if (w->leaf_content)
    json_array_unref (w->leaf_content);
  w->leaf = NULL;
  w->leaf_content = NULL;
  w->leaf_shell = NULL;
}

static void
close_frames_to (Writer *w, guint depth)
{
  close_leaf (w);
  if (w->open->len > depth)
    g_array_set_size (w->open, depth);
}

static void
ensure_frames (Writer *w, AdfLineInfo *info, guint depth)
{
  while (w->open->len < depth)
    {
      AdfShell *shell = info->frames[w->open->len];
      Open open = { object_from_shell (shell), json_array_new (), shell };

      close_leaf (w);
      json_object_set_array_member (open.object, "content", open.content);
      json_array_add_object_element (parent_content (w), open.object);
      g_array_append_val (w->open, open);
    }
}

static void
ensure_leaf (Writer *w, AdfLineInfo *info)
{
  if (w->leaf)
    return;
  ensure_frames (w, info, info->n_frames);
  w->leaf_shell = info->leaf;
  w->leaf = object_from_shell (info->leaf);
  json_array_add_object_element (parent_content (w), w->leaf);
}

static void
add_inline (Writer *w, AdfLineInfo *info, JsonNode *node)
{
  ensure_leaf (w, info);
  close_text (w);
  if (w->leaf_content == NULL)
    w->leaf_content = json_array_new ();
  json_array_add_element (w->leaf_content, node);
}

static void
add_text (Writer *w, AdfLineInfo *info, const char *text, gssize len, const Signature *sig)
{
  ensure_leaf (w, info);
  if (w->text_open && !signature_equal (&w->sig, sig))
    close_text (w);
  if (!w->text_open)
    {
      w->sig = *sig;
      w->text_open = TRUE;
    }
  g_string_append_len (w->text, text, len);
}

/* Where an island may go: the blocks a listItem or a blockquote takes. */
static gboolean
island_allowed_in (const char *type, AdfShell *parent)
{
  static const char *const in_item[] = { "taskList", "mediaSingle", "extension", NULL };
  static const char *const in_quote[] = { "mediaSingle", "mediaGroup", "extension", NULL };
  const char *const *allowed;

  if (parent->kind == ADF_FRAME_LIST_ITEM)
    allowed = in_item;
  else if (parent->kind == ADF_FRAME_QUOTE)
    allowed = in_quote;
  else
    return FALSE;
  return g_strv_contains (allowed, type);
}

static void
add_island (Writer *w, AdfLineInfo *info, GtkTextChildAnchor *anchor)
{
  JsonNode *node = _adf_anchor_get_node (anchor);
  const char *type = adf_buffer_anchor_kind (anchor);
  guint depth = info->n_frames;

  /* An island's own line keeps the place it was loaded in; one that an edit moved into
   * another line goes out to where its type is allowed. */
  if (info->leaf->kind != ADF_LEAF_ISLAND)
    while (depth > 0 && !island_allowed_in (type, info->frames[depth - 1]))
      depth--;
  close_leaf (w);
  if (w->open->len > depth)
    close_frames_to (w, depth);
  ensure_frames (w, info, depth);
  json_array_add_element (parent_content (w), json_node_copy (node));
}

static void
write_segment (Writer *w,
               AdfLineInfo *info,
               const GtkTextIter *start,
               const GtkTextIter *end,
               const Signature *sig,
               gboolean *had_island,
               gboolean *had_inline)
{
  gboolean code = info->leaf->kind == ADF_LEAF_CODE;
  int start_index = gtk_text_iter_get_line_index (start);
  const char *slice = w->all + w->line_base + start_index;
  /* Both ends on one line: write_line() cuts segments at the line's end */
  const char *stop = w->all + w->line_base + gtk_text_iter_get_line_index (end);
  const char *p = slice, *run = slice;

  while (p < stop)
    {
      const char *next;
      gboolean is_break, is_anchor;

      /* U+2028 and U+FFFC start with 0xe2 and 0xef, which no other byte of a character is:
       * the rest is skipped a byte at a time. Both are three bytes long, so a lead byte
       * has its two more before stop. */
      if ((guchar) *p != 0xe2 && (guchar) *p != 0xef)
        {
          p++;
          continue;
        }
      next = p + 3;
      is_break = memcmp (p, "\xe2\x80\xa8", 3) == 0;
      is_anchor = memcmp (p, "\xef\xbf\xbc", 3) == 0;
      if (!is_break && !is_anchor)
        {
          p = next;
          continue;
        }
      if (p > run)
        add_text (w, info, run, p - run, sig), *had_inline = TRUE;
      run = next;

      if (is_break)
        {
          *had_inline = TRUE;
          if (sig->character && sig->character->json && !code)
            add_inline (w, info, json_node_copy (sig->character->json));
          else if (sig->character && sig->character->value[0])
            add_text (w, info, sig->character->value, -1, sig);
          else if (code)
            add_text (w, info, "\n", 1, sig);
          else
            {
              JsonNode *node = json_node_new (JSON_NODE_OBJECT);
              JsonObject *object = json_object_new ();
              json_object_set_string_member (object, "type", "hardBreak");
              json_node_take_object (node, object);
              add_inline (w, info, node);
            }
        }
      else
        {
          GtkTextIter iter = *start;
          GtkTextChildAnchor *anchor;

          gtk_text_iter_set_line_index (&iter, start_index + (int) (p - slice));
          anchor = gtk_text_iter_get_child_anchor (&iter);
          if (anchor && _adf_anchor_get_node (anchor))
            {
              if (_adf_anchor_is_block (anchor))
                add_island (w, info, anchor), *had_island = TRUE;
              else if (code)
                {
                  g_autofree char *text = _adf_anchor_text (anchor);
                  add_text (w, info, text, -1, sig), *had_inline = TRUE;
                }
              else
                add_inline (w, info, json_node_copy (_adf_anchor_get_node (anchor))),
                    *had_inline = TRUE;
            }
        }
      p = next;
    }
  if (p > run)
    add_text (w, info, run, p - run, sig), *had_inline = TRUE;
}

static void
update_active (Writer *w, const GtkTextIter *iter)
{
  GSList *off = gtk_text_iter_get_toggled_tags (iter, FALSE);
  GSList *on = gtk_text_iter_get_toggled_tags (iter, TRUE);

  for (GSList *l = off; l; l = l->next)
    g_ptr_array_remove_fast (w->active, l->data);
  for (GSList *l = on; l; l = l->next)
    g_ptr_array_add (w->active, l->data);
  g_slist_free (off);
  g_slist_free (on);
}

static void
write_line (Writer *w, AdfLineInfo *info, GtkTextIter *start, GtkTextIter *end)
{
  gboolean code = info->leaf->kind == ADF_LEAF_CODE;
  gboolean had_island = FALSE, had_inline = FALSE;
  GtkTextIter iter = *start;
  guint keep = 0;

  while (keep < w->open->len && keep < info->n_frames && keep < info->start
         && g_array_index (w->open, Open, keep).shell == info->frames[keep])
    keep++;

  if (code && info->start > info->n_frames && keep == info->n_frames
      && w->open->len == info->n_frames && w->leaf && w->leaf_shell == info->leaf)
    {
      /* Another line of the same code block: the line break belongs to its text. */
      add_text (w, info, "\n", 1, &w->newline);
    }
  else
    close_frames_to (w, keep);

  while (gtk_text_iter_compare (&iter, end) < 0)
    {
      GtkTextIter next = iter;
      Signature sig;

      gtk_text_iter_forward_to_tag_toggle (&next, NULL);
      if (gtk_text_iter_compare (&next, end) > 0)
        next = *end;
      signature_from_tags (&sig, w->active, code);
      write_segment (w, info, &iter, &next, &sig, &had_island, &had_inline);
      iter = next;
      update_active (w, &iter);
    }
  signature_from_tags (&w->newline, w->active, TRUE);

  if (!had_island || had_inline)
    ensure_leaf (w, info);
}

/* The length of the paragraph delimiter that ends the current line of bytes bytes: "\n",
 * "\r", "\r\n" or U+2029, as GTK (Pango) splits lines */
static int
delimiter_length (Writer *w, int bytes)
{
  const char *end = w->all + w->line_base + bytes;

  if (bytes >= 2 && end[-2] == '\r' && end[-1] == '\n')
    return 2;
  if (bytes >= 1 && (end[-1] == '\n' || end[-1] == '\r'))
    return 1;
  if (bytes >= 3 && memcmp (end - 3, "\xe2\x80\xa9", 3) == 0)
    return 3;
  return 0;
}

static AdfLineInfo *
active_line_info (Writer *w)
{
  for (guint i = 0; i < w->active->len; i++)
    {
      AdfLineInfo *info = _adf_buffer_tag_line_info (w->active->pdata[i]);
      if (info)
        return info;
    }
  return NULL;
}

/* Public API */

/**
 * adf_buffer_write:
 *
 * Returns: (transfer full): the document as ADF, a "doc" node. Written without edits after
 *   adf_buffer_load(), it is JSON-equal to the document loaded.
 */
JsonNode *
adf_buffer_write (AdfBuffer *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  Writer w = {
    .self = self,
    .root = json_array_new (),
    .open = g_array_new (FALSE, FALSE, sizeof (Open)),
    .text = g_string_new (NULL),
    .active = g_ptr_array_new (),
    .text_type = json_node_init_string (json_node_alloc (), "text"),
    .marks_arrays = g_hash_table_new_full (signature_hash, signature_marks_equal, g_free,
                                           (GDestroyNotify) json_node_unref),
  };
  GtkTextIter start, buffer_end;
  JsonObject *doc;
  JsonNode *node;
  GSList *tags;
  int n_lines;

  g_return_val_if_fail (ADF_IS_BUFFER (self), NULL);

  json_node_seal (w.text_type);
  n_lines = gtk_text_buffer_get_line_count (buffer);
  gtk_text_buffer_get_bounds (buffer, &start, &buffer_end);
  w.all = gtk_text_buffer_get_slice (buffer, &start, &buffer_end, TRUE);
  tags = gtk_text_iter_get_tags (&start);
  for (GSList *l = tags; l; l = l->next)
    g_ptr_array_add (w.active, l->data);
  g_slist_free (tags);
  for (;;)
    {
      GtkTextIter end = start, next = start;
      /* forward_line() is FALSE too when it lands on an empty last line */
      gboolean last = gtk_text_iter_get_line (&start) == n_lines - 1;
      AdfLineInfo *info = active_line_info (&w);

      int bytes = gtk_text_iter_get_bytes_in_line (&start);

      gtk_text_iter_forward_line (&next);
      /* The line's end, before its delimiter, found by index in the text taken: walking
       * there character by character (forward_to_line_end) was dearer than the line. */
      gtk_text_iter_set_line_index (&end, bytes - (last ? 0 : delimiter_length (&w, bytes)));
      if (last && info == NULL && gtk_text_iter_equal (&start, &end))
        break;
      write_line (&w, info ? info : _adf_buffer_root_paragraph (self), &start, &end);
      if (last)
        break;
      w.line_base += bytes;
      start = next;
      update_active (&w, &start);
    }
  close_frames_to (&w, 0);

  doc = json_object_new ();
  json_object_set_int_member (doc, "version", 1);
  json_object_set_string_member (doc, "type", "doc");
  json_object_set_array_member (doc, "content", w.root);
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, doc);

  g_free (w.all);
  g_hash_table_unref (w.marks_arrays);
  g_array_unref (w.open);
  g_ptr_array_unref (w.active);
  g_string_free (w.text, TRUE);
  json_node_unref (w.text_type);
  return node;
}
