/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "adf-buffer"

#include "config.h"

#include <glib/gi18n.h>

#include "adf-buffer-private.h"

/* Operations on blocks: they rewrite the line tags of the selected lines. Islands keep the
 * place they were loaded in: nothing here moves one into a parent that does not take it. */

#define MAX_DEPTH 128

typedef struct
{
  AdfShell *frames[MAX_DEPTH];
  guint n_frames;
  AdfShell *leaf;
  guint start;
} Line;

/* Static helpers */

static GtkTextBuffer *
buf (AdfBuffer *self)
{
  return GTK_TEXT_BUFFER (self);
}

static void
selected_lines (AdfBuffer *self, int *first, int *last)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_selection_bounds (buf (self), &start, &end);
  *first = gtk_text_iter_get_line (&start);
  *last = gtk_text_iter_get_line (&end);
  if (*last > *first && gtk_text_iter_starts_line (&end))
    (*last)--;
}

/* An empty last line holds no tag: give it a line break to hold one. */
static void
make_taggable (AdfBuffer *self, int line)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_line (buf (self), &start, line);
  gtk_text_buffer_get_end_iter (buf (self), &end);
  if (gtk_text_iter_get_line (&start) == line && gtk_text_iter_equal (&start, &end))
    {
      AdfLineInfo *info = _adf_buffer_line_info_at (self, &start);
      int offset = gtk_text_iter_get_offset (&start);

      gtk_text_buffer_insert (buf (self), &start, "\n", 1);
      gtk_text_buffer_get_iter_at_offset (buf (self), &start, offset);
      gtk_text_buffer_place_cursor (buf (self), &start);
      _adf_buffer_set_line_info (self, line, info);
    }
}

static gboolean
get_line (AdfBuffer *self, int line, Line *out)
{
  GtkTextIter iter;
  AdfLineInfo *info;

  if (line < 0 || line >= gtk_text_buffer_get_line_count (buf (self)))
    return FALSE;
  gtk_text_buffer_get_iter_at_line (buf (self), &iter, line);
  info = _adf_buffer_line_info_at (self, &iter);
  if (info->n_frames > MAX_DEPTH - 2)
    return FALSE;
  memcpy (out->frames, info->frames, info->n_frames * sizeof (AdfShell *));
  out->n_frames = info->n_frames;
  out->leaf = info->leaf;
  out->start = info->start;
  return TRUE;
}

static void
put_line (AdfBuffer *self, int line, Line *l)
{
  _adf_buffer_set_line_info (self, line,
                             _adf_buffer_intern_line (self, l->frames, l->n_frames, l->leaf,
                                                      MIN (l->start, l->n_frames + 1)));
}

static gboolean
is_island_line (Line *l)
{
  return l->leaf->kind == ADF_LEAF_ISLAND;
}

static int
innermost_item (Line *l)
{
  for (guint i = l->n_frames; i > 0; i--)
    if (l->frames[i - 1]->kind == ADF_FRAME_LIST_ITEM)
      return (int) i - 1;
  return -1;
}

static AdfShell *
leaf_of (AdfBuffer *self, const char *type, int level)
{
  return _adf_buffer_shell_for_type (self, type, level, TRUE);
}

/* A leaf fit for a list or a quote: no heading, no block marks. */
static AdfShell *
nested_leaf (AdfBuffer *self, AdfShell *leaf)
{
  if (leaf->kind == ADF_LEAF_CODE)
    return leaf;
  if (leaf->kind == ADF_LEAF_HEADING || !leaf->plain)
    return leaf_of (self, "paragraph", 0);
  return leaf;
}

static void
remove_frames (Line *l, guint at, guint count)
{
  memmove (&l->frames[at], &l->frames[at + count],
           (l->n_frames - at - count) * sizeof (AdfShell *));
  l->n_frames -= count;
  if (l->start > at + count - 1)
    l->start -= count;
  else if (l->start >= at)
    l->start = at;
}

static void
insert_frames (Line *l, guint at, AdfShell *a, AdfShell *b)
{
  guint count = b ? 2 : 1;

  memmove (&l->frames[at + count], &l->frames[at], (l->n_frames - at) * sizeof (AdfShell *));
  l->frames[at] = a;
  if (b)
    l->frames[at + 1] = b;
  l->n_frames += count;
  if (l->start >= at)
    l->start += count;
}

/* Code lines after the first continue their block; anything else that continued one now
 * opens its own. */
static void
fix_continuation (Line *l)
{
  if (l->start > l->n_frames && l->leaf->kind != ADF_LEAF_CODE)
    l->start = l->n_frames;
}

/* Whether line @line + 1 … continue the item that @item (its listItem frame) opened on
 * @line: the lines to move with it. */
static int
item_end (AdfBuffer *self, int line, guint item)
{
  Line first, next;
  int n = gtk_text_buffer_get_line_count (buf (self));

  get_line (self, line, &first);
  for (line++; line < n; line++)
    {
      if (!get_line (self, line, &next) || next.n_frames <= item || next.start <= item
          || memcmp (next.frames, first.frames, (item + 1) * sizeof (AdfShell *)) != 0)
        break;
    }
  return line - 1;
}

static AdfShell *
list_shell (AdfBuffer *self, AdfListKind kind)
{
  if (kind == ADF_LIST_ORDERED)
    return _adf_buffer_shell_for_type (self, "orderedList", 1, FALSE);
  return _adf_buffer_shell_for_type (self, "bulletList", 0, FALSE);
}

static AdfListKind
list_kind_of (AdfShell *shell)
{
  return shell->kind == ADF_FRAME_ORDERED_LIST ? ADF_LIST_ORDERED : ADF_LIST_BULLET;
}

/* Splits the line at @iter, as Enter would. */
static void
split_at (AdfBuffer *self, GtkTextIter *iter)
{
  AdfLineInfo *info = _adf_buffer_line_info_at (self, iter);
  int line = gtk_text_iter_get_line (iter);
  gboolean tail_empty = gtk_text_iter_ends_line (iter);

  gtk_text_buffer_insert (buf (self), iter, "\n", 1);
  _adf_buffer_set_line_info (self, line, info);
  _adf_buffer_set_line_info (self, line + 1, _adf_buffer_split_line_info (self, info, tail_empty));
}

/* Public API */

/**
 * adf_buffer_set_block_type:
 *
 * Makes the selected lines paragraphs, headings or code, or toggles the quote around them.
 * Headings go to the top level (ADF takes none in lists or quotes).
 */
void
adf_buffer_set_block_type (AdfBuffer *self, AdfBlockType type)
{
  int first, last;
  gboolean all_quoted = TRUE;
  Line l, prev;

  g_return_if_fail (ADF_IS_BUFFER (self));

  _adf_buffer_begin_edit (self);
  selected_lines (self, &first, &last);
  make_taggable (self, last);

  for (int line = first; line <= last; line++)
    if (get_line (self, line, &l) && !is_island_line (&l)
        && (l.n_frames == 0 || l.frames[0]->kind != ADF_FRAME_QUOTE))
      all_quoted = FALSE;

  for (int line = first; line <= last; line++)
    {
      gboolean have_prev = line > first && get_line (self, line - 1, &prev);

      if (!get_line (self, line, &l) || is_island_line (&l))
        continue;

      switch (type)
        {
        case ADF_BLOCK_PARAGRAPH:
          l.leaf = l.n_frames ? nested_leaf (self, leaf_of (self, "paragraph", 0))
                              : leaf_of (self, "paragraph", 0);
          fix_continuation (&l);
          break;
        case ADF_BLOCK_CODE:
          l.leaf = leaf_of (self, "codeBlock", 0);
          /* Lines selected together make one block. */
          if (have_prev && prev.leaf == l.leaf && prev.n_frames == l.n_frames
              && memcmp (prev.frames, l.frames, l.n_frames * sizeof (AdfShell *)) == 0)
            l.start = l.n_frames + 1;
          else
            l.start = MIN (l.start, l.n_frames);
          break;
        case ADF_BLOCK_QUOTE:
          if (all_quoted)
            remove_frames (&l, 0, 1);
          else if (l.n_frames == 0 || l.frames[0]->kind != ADF_FRAME_QUOTE)
            {
              gboolean joins
                  = have_prev && prev.n_frames > 0 && prev.frames[0]->kind == ADF_FRAME_QUOTE;
              insert_frames (&l, 0, _adf_buffer_shell_for_type (self, "blockquote", 0, FALSE),
                             NULL);
              if (!joins)
                l.start = 0;
              l.leaf = nested_leaf (self, l.leaf);
            }
          fix_continuation (&l);
          break;
        default:
          /* Headings live at the top level only. */
          l.n_frames = 0;
          l.leaf = leaf_of (self, "heading", type - ADF_BLOCK_PARAGRAPH);
          l.start = 0;
          break;
        }
      put_line (self, line, &l);
    }

  if (type == ADF_BLOCK_CODE)
    {
      /* Code takes no marks, no atoms and no hard breaks. */
      GtkTextIter start, end;
      GHashTableIter iter;
      AdfAuxInfo *aux;

      gtk_text_buffer_get_iter_at_line (buf (self), &start, first);
      gtk_text_buffer_get_iter_at_line (buf (self), &end, last);
      if (!gtk_text_iter_ends_line (&end))
        gtk_text_iter_forward_to_line_end (&end);
      for (guint i = 0; i < self->mark_list->len; i++)
        gtk_text_buffer_remove_tag (buf (self), ((AdfMarkInfo *) self->mark_list->pdata[i])->tag,
                                    &start, &end);
      /* and is one text node: no seams, no mark order */
      g_hash_table_iter_init (&iter, self->aux);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &aux))
        if (aux->kind != ADF_AUX_CHAR)
          gtk_text_buffer_remove_tag (buf (self), aux->tag, &start, &end);
    }
  _adf_buffer_end_edit (self);
}

/**
 * adf_buffer_toggle_list:
 *
 * Lifts the selected lines out of their innermost list when it is of @kind; otherwise
 * makes that list @kind, and puts lines in no list into a new one.
 */
void
adf_buffer_toggle_list (AdfBuffer *self, AdfListKind kind)
{
  int first, last;
  gboolean all_of_kind = TRUE;
  AdfShell *list = list_shell (self, kind);
  AdfShell *item = _adf_buffer_shell_for_type (self, "listItem", 0, FALSE);
  gboolean opened = FALSE;
  Line l;

  g_return_if_fail (ADF_IS_BUFFER (self));

  _adf_buffer_begin_edit (self);
  selected_lines (self, &first, &last);
  make_taggable (self, last);

  for (int line = first; line <= last; line++)
    if (get_line (self, line, &l) && !is_island_line (&l))
      {
        int i = innermost_item (&l);
        if (i < 1 || list_kind_of (l.frames[i - 1]) != kind)
          all_of_kind = FALSE;
      }

  for (int line = first; line <= last; line++)
    {
      int i;

      if (!get_line (self, line, &l) || is_island_line (&l))
        continue;
      i = innermost_item (&l);
      if (all_of_kind)
        remove_frames (&l, i - 1, 2);
      else if (i >= 1)
        l.frames[i - 1] = list_kind_of (l.frames[i - 1]) == kind ? l.frames[i - 1] : list;
      else
        {
          guint n = l.n_frames;
          gboolean continues = l.leaf->kind == ADF_LEAF_CODE && l.start > n;

          l.frames[n] = list;
          l.frames[n + 1] = item;
          l.n_frames = n + 2;
          l.leaf = nested_leaf (self, l.leaf);
          if (continues)
            l.start = n + 3;
          else if (!opened)
            l.start = MIN (l.start, n);
          else
            l.start = MIN (l.start, n + 1);
          opened = TRUE;
        }
      fix_continuation (&l);
      put_line (self, line, &l);
    }
  _adf_buffer_end_edit (self);
}

/**
 * adf_buffer_indent:
 *
 * Moves the list items of the selection into a list inside the item before them, with
 * their blocks and sublists. The first item of a list stays.
 *
 * Returns: whether anything moved.
 */
gboolean
adf_buffer_indent (AdfBuffer *self)
{
  int first, last;
  gboolean changed = FALSE;

  g_return_val_if_fail (ADF_IS_BUFFER (self), FALSE);

  _adf_buffer_begin_edit (self);
  selected_lines (self, &first, &last);
  for (int line = first; line <= last; line++)
    {
      Line l, prev;
      int item, end;
      gboolean joins;

      if (!get_line (self, line, &l) || is_island_line (&l) || (item = innermost_item (&l)) < 1
          || l.start != (guint) item || !get_line (self, line - 1, &prev))
        continue;

      /* Into the list the item before already has, or a new one of the same kind. */
      joins = prev.n_frames > (guint) item + 2 && prev.frames[item + 2]->kind == ADF_FRAME_LIST_ITEM
              && memcmp (prev.frames, l.frames, (item + 1) * sizeof (AdfShell *)) == 0
              && is_island_line (&prev) == FALSE;
      end = item_end (self, line, item);
      for (int k = line; k <= end; k++)
        {
          Line m;
          get_line (self, k, &m);
          insert_frames (&m, item + 1, joins ? prev.frames[item + 1] : l.frames[item - 1],
                         l.frames[item]);
          if (k == line)
            m.start = joins ? (guint) item + 2 : (guint) item + 1;
          put_line (self, k, &m);
        }
      changed = TRUE;
      line = end;
    }
  _adf_buffer_end_edit (self);
  if (!changed)
    _adf_buffer_history_drop_last (self);
  return changed;
}

/**
 * adf_buffer_outdent:
 *
 * Moves the list items of the selection out of their list: into the list around it, or out
 * of lists altogether at the top level.
 *
 * Returns: whether anything moved.
 */
gboolean
adf_buffer_outdent (AdfBuffer *self)
{
  int first, last;
  gboolean changed = FALSE;

  g_return_val_if_fail (ADF_IS_BUFFER (self), FALSE);

  _adf_buffer_begin_edit (self);
  selected_lines (self, &first, &last);
  for (int line = first; line <= last; line++)
    {
      Line l;
      int item, end;

      if (!get_line (self, line, &l) || is_island_line (&l) || (item = innermost_item (&l)) < 1
          || l.start > (guint) item)
        continue;

      end = item_end (self, line, item);
      for (int k = line; k <= end; k++)
        {
          Line m;
          get_line (self, k, &m);
          remove_frames (&m, item - 1, 2);
          if (k == line)
            {
              /* A new item of the list around, or a block of its own at the top */
              if (item >= 2 && m.frames[item - 2]->kind == ADF_FRAME_LIST_ITEM)
                m.start = MIN (l.start, (guint) item - 2);
              else
                m.start = MIN (l.start, m.n_frames);
              m.leaf = m.n_frames ? nested_leaf (self, m.leaf) : m.leaf;
            }
          fix_continuation (&m);
          put_line (self, k, &m);
        }
      changed = TRUE;
      line = end;
    }
  _adf_buffer_end_edit (self);
  if (!changed)
    _adf_buffer_history_drop_last (self);
  return changed;
}

/**
 * adf_buffer_insert_rule:
 *
 * Replaces the selection with a horizontal rule, at the top level.
 */
void
adf_buffer_insert_rule (AdfBuffer *self)
{
  g_autoptr (JsonNode) node = json_from_string ("{\"type\":\"rule\"}", NULL);
  GtkTextChildAnchor *anchor;
  GtkTextIter iter, start, end;
  int line;

  g_return_if_fail (ADF_IS_BUFFER (self));

  _adf_buffer_begin_edit (self);
  if (gtk_text_buffer_get_selection_bounds (buf (self), &start, &end))
    gtk_text_buffer_delete (buf (self), &start, &end);
  gtk_text_buffer_get_iter_at_mark (buf (self), &iter, gtk_text_buffer_get_insert (buf (self)));
  if (!gtk_text_iter_starts_line (&iter))
    split_at (self, &iter);
  line = gtk_text_iter_get_line (&iter);
  make_taggable (self, line);
  gtk_text_buffer_get_iter_at_line (buf (self), &iter, line);

  anchor = _adf_anchor_new (node, TRUE);
  gtk_text_buffer_insert_child_anchor (buf (self), &iter, anchor);
  gtk_text_buffer_insert (buf (self), &iter, "\n", 1);
  g_object_unref (anchor);
  _adf_buffer_set_line_info (
      self, line, _adf_buffer_intern_line (self, NULL, 0, _adf_buffer_island_shell (self), 0));
  gtk_text_buffer_place_cursor (buf (self), &iter);
  _adf_buffer_end_edit (self);
}

/**
 * adf_buffer_insert_hard_break:
 *
 * Replaces the selection with a line break inside the paragraph (a new line in code).
 */
void
adf_buffer_insert_hard_break (AdfBuffer *self)
{
  GtkTextIter iter, start, end;
  AdfLineInfo *info;

  g_return_if_fail (ADF_IS_BUFFER (self));

  _adf_buffer_begin_edit (self);
  if (gtk_text_buffer_get_selection_bounds (buf (self), &start, &end))
    gtk_text_buffer_delete (buf (self), &start, &end);
  gtk_text_buffer_get_iter_at_mark (buf (self), &iter, gtk_text_buffer_get_insert (buf (self)));
  info = _adf_buffer_line_info_at (self, &iter);
  if (info->leaf->kind == ADF_LEAF_CODE)
    split_at (self, &iter);
  else
    {
      gtk_text_buffer_insert (buf (self), &iter, "\xe2\x80\xa8", -1);
      _adf_buffer_set_line_info (self, gtk_text_iter_get_line (&iter), info);
    }
  gtk_text_buffer_place_cursor (buf (self), &iter);
  _adf_buffer_end_edit (self);
}
