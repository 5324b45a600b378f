/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "adf-buffer"

#include "config.h"

#include <glib/gi18n.h>

#include "adf-buffer-private.h"

/* The toolbar's operations. Each is one undo step and leaves a buffer whose written ADF
 * Atlassian's validator accepts: marks go only where the schema takes them, blocks only
 * where their parent takes them. */

/* Static helpers */

static GtkTextBuffer *
buf (AdfBuffer *self)
{
  return GTK_TEXT_BUFFER (self);
}

static AdfLineInfo *
info_of_line (AdfBuffer *self, int line)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_line (buf (self), &iter, line);
  return _adf_buffer_line_info_at (self, &iter);
}

static void
line_range (AdfBuffer *self,
            int line,
            const GtkTextIter *sel_start,
            const GtkTextIter *sel_end,
            GtkTextIter *start,
            GtkTextIter *end)
{
  gtk_text_buffer_get_iter_at_line (buf (self), start, line);
  *end = *start;
  if (!gtk_text_iter_ends_line (end))
    gtk_text_iter_forward_to_line_end (end);
  if (gtk_text_iter_compare (start, sel_start) < 0)
    *start = *sel_start;
  if (gtk_text_iter_compare (end, sel_end) > 0)
    *end = *sel_end;
}

static AdfMarkInfo *
mark_info (AdfBuffer *self, AdfMark mark)
{
  g_autoptr (JsonNode) node = NULL;
  JsonObject *object, *attrs;

  if (mark <= ADF_MARK_CODE)
    return self->simple_marks[mark];
  node = json_node_new (JSON_NODE_OBJECT);
  object = json_object_new ();
  attrs = json_object_new ();
  json_object_set_string_member (object, "type", "subsup");
  json_object_set_string_member (attrs, "type", mark == ADF_MARK_SUB ? "sub" : "sup");
  json_object_set_object_member (object, "attrs", attrs);
  json_node_take_object (node, object);
  return _adf_buffer_intern_mark (self, _adf_value_from_node (node));
}

static void
remove_kind (AdfBuffer *self, AdfMarkKind kind, const GtkTextIter *start, const GtkTextIter *end)
{
  for (guint i = 0; i < self->mark_list->len; i++)
    {
      AdfMarkInfo *info = self->mark_list->pdata[i];
      if (info->kind == kind)
        gtk_text_buffer_remove_tag (buf (self), info->tag, start, end);
    }
}

static gboolean
is_formatting (AdfMarkKind kind)
{
  return kind != ADF_MARK_KIND_LINK && kind != ADF_MARK_KIND_ANNOTATION
         && kind != ADF_MARK_KIND_OTHER;
}

/* Applies @mark where the schema takes it: not in code blocks, and styling not on code. */
static void
apply_mark (AdfBuffer *self, AdfMarkInfo *mark, const GtkTextIter *start, const GtkTextIter *end)
{
  GtkTextTag *code = self->simple_marks[ADF_MARK_KIND_CODE]->tag;
  GtkTextIter iter = *start;

  if (mark->kind == ADF_MARK_KIND_CODE)
    {
      for (int k = 0; k < ADF_N_MARK_KINDS; k++)
        if (is_formatting (k) && k != ADF_MARK_KIND_CODE)
          remove_kind (self, k, start, end);
      gtk_text_buffer_apply_tag (buf (self), code, start, end);
      return;
    }
  if (mark->kind != ADF_MARK_KIND_LINK && mark->kind != ADF_MARK_KIND_ANNOTATION)
    {
      while (gtk_text_iter_compare (&iter, end) < 0)
        {
          GtkTextIter next = iter;
          gboolean coded = gtk_text_iter_has_tag (&iter, code);

          gtk_text_iter_forward_to_tag_toggle (&next, code);
          if (gtk_text_iter_compare (&next, end) > 0)
            next = *end;
          if (!coded)
            gtk_text_buffer_apply_tag (buf (self), mark->tag, &iter, &next);
          iter = next;
        }
      return;
    }
  gtk_text_buffer_apply_tag (buf (self), mark->tag, start, end);
}

typedef void (*LineRangeFunc) (AdfBuffer *self,
                               const GtkTextIter *start,
                               const GtkTextIter *end,
                               gpointer data);

/* Calls @func on the selected part of every selected line that takes marks. */
static void
foreach_text_range (AdfBuffer *self, LineRangeFunc func, gpointer data)
{
  GtkTextIter sel_start, sel_end;
  int first = 0, last = 0;

  gtk_text_buffer_get_selection_bounds (buf (self), &sel_start, &sel_end);
  first = gtk_text_iter_get_line (&sel_start);
  last = gtk_text_iter_get_line (&sel_end);
  for (int line = first; line <= last; line++)
    {
      GtkTextIter start, end;
      AdfLineInfo *info = info_of_line (self, line);

      if (info->leaf->kind == ADF_LEAF_CODE)
        continue;
      line_range (self, line, &sel_start, &sel_end, &start, &end);
      if (gtk_text_iter_compare (&start, &end) < 0)
        func (self, &start, &end, data);
    }
}

static void
check_has (AdfBuffer *self, const GtkTextIter *start, const GtkTextIter *end, gpointer data)
{
  gpointer *args = data;
  GtkTextTag *tag = args[0];
  GtkTextIter iter = *start;

  if (!gtk_text_iter_has_tag (&iter, tag)
      || (gtk_text_iter_forward_to_tag_toggle (&iter, tag)
          && gtk_text_iter_compare (&iter, end) < 0))
    args[1] = GINT_TO_POINTER (FALSE);
  args[2] = GINT_TO_POINTER (TRUE);
}

static gboolean
selection_has (AdfBuffer *self, GtkTextTag *tag)
{
  gpointer args[3] = { tag, GINT_TO_POINTER (TRUE), GINT_TO_POINTER (FALSE) };

  foreach_text_range (self, check_has, args);
  return GPOINTER_TO_INT (args[1]) && GPOINTER_TO_INT (args[2]);
}

static void
do_apply (AdfBuffer *self, const GtkTextIter *start, const GtkTextIter *end, gpointer data)
{
  AdfMarkInfo *mark = data;

  if (mark->kind == ADF_MARK_KIND_SUBSUP || mark->kind == ADF_MARK_KIND_LINK
      || mark->kind == ADF_MARK_KIND_TEXT_COLOR)
    remove_kind (self, mark->kind, start, end);
  apply_mark (self, mark, start, end);
}

static void
do_remove (AdfBuffer *self, const GtkTextIter *start, const GtkTextIter *end, gpointer data)
{
  remove_kind (self, GPOINTER_TO_INT (data), start, end);
}

static void
do_remove_tag (AdfBuffer *self, const GtkTextIter *start, const GtkTextIter *end, gpointer data)
{
  gtk_text_buffer_remove_tag (buf (self), data, start, end);
}

static void
do_clear (AdfBuffer *self, const GtkTextIter *start, const GtkTextIter *end, gpointer data)
{
  for (int k = 0; k < ADF_N_MARK_KINDS; k++)
    if (is_formatting (k))
      remove_kind (self, k, start, end);
}

/* With no selection, the link around the cursor is the selection. */
static void
select_link_at_cursor (AdfBuffer *self)
{
  GtkTextIter start, end;

  if (gtk_text_buffer_get_selection_bounds (buf (self), &start, &end))
    return;
  for (guint i = 0; i < self->mark_list->len; i++)
    {
      AdfMarkInfo *info = self->mark_list->pdata[i];
      GtkTextIter iter = start;

      if (info->kind != ADF_MARK_KIND_LINK)
        continue;
      if (!gtk_text_iter_has_tag (&iter, info->tag))
        {
          if (!gtk_text_iter_backward_char (&iter) || !gtk_text_iter_has_tag (&iter, info->tag))
            continue;
        }
      start = end = iter;
      if (!gtk_text_iter_starts_tag (&start, info->tag))
        gtk_text_iter_backward_to_tag_toggle (&start, info->tag);
      gtk_text_iter_forward_to_tag_toggle (&end, info->tag);
      gtk_text_buffer_select_range (buf (self), &end, &start);
      return;
    }
}

static char *
normalize_href (const char *href)
{
  const char *colon = strchr (href, ':');
  const char *slash = strchr (href, '/');

  /* adf-utils rejects a bare "www.example.com": say which scheme it means. */
  if (*href == '\0' || *href == '/' || *href == '#' || (colon && (!slash || colon < slash)))
    return g_strdup (href);
  return g_strconcat ("https://", href, NULL);
}

static gboolean
valid_color (const char *color)
{
  if (color == NULL || strlen (color) != 7 || color[0] != '#')
    return FALSE;
  for (int i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;
  return TRUE;
}

/* Public API: marks */

/**
 * adf_buffer_toggle_mark:
 *
 * Adds @mark to the selected text, or removes it when all of it has it already. With no
 * selection, the text typed next gets (or loses) it.
 */
void
adf_buffer_toggle_mark (AdfBuffer *self, AdfMark mark)
{
  AdfMarkInfo *info;
  GtkTextIter start, end;

  g_return_if_fail (ADF_IS_BUFFER (self));

  info = mark_info (self, mark);
  if (!gtk_text_buffer_get_selection_bounds (buf (self), &start, &end))
    {
      GPtrArray *marks = _adf_buffer_marks_at (self, &start);
      if (!g_ptr_array_remove (marks, info))
        {
          for (guint i = marks->len; i > 0; i--)
            {
              AdfMarkInfo *other = marks->pdata[i - 1];
              if ((info->kind == ADF_MARK_KIND_CODE && is_formatting (other->kind))
                  || (other->kind == ADF_MARK_KIND_CODE && is_formatting (info->kind))
                  || other->kind == info->kind)
                g_ptr_array_remove_index (marks, i - 1);
            }
          g_ptr_array_add (marks, info);
        }
      g_clear_pointer (&self->stored_marks, g_ptr_array_unref);
      self->stored_marks = marks;
      return;
    }

  _adf_buffer_begin_edit (self);
  if (selection_has (self, info->tag))
    foreach_text_range (self, do_remove_tag, info->tag);
  else
    foreach_text_range (self, do_apply, info);
  _adf_buffer_end_edit (self);
}

/**
 * adf_buffer_has_mark:
 *
 * Returns: whether the selection has @mark throughout, or the text typed at the cursor
 *   would get it: the state of the toolbar's toggle.
 */
gboolean
adf_buffer_has_mark (AdfBuffer *self, AdfMark mark)
{
  AdfMarkInfo *info;
  GtkTextIter start, end;
  g_autoptr (GPtrArray) marks = NULL;

  g_return_val_if_fail (ADF_IS_BUFFER (self), FALSE);

  info = mark_info (self, mark);
  if (gtk_text_buffer_get_selection_bounds (buf (self), &start, &end))
    return selection_has (self, info->tag);
  marks = _adf_buffer_marks_at (self, &start);
  return g_ptr_array_find (marks, info, NULL);
}

/**
 * adf_buffer_set_link:
 * @href: where the link goes; a bare "www.example.com" gets "https://"
 * @title: (nullable): the link's title
 *
 * Links the selected text, or the link around the cursor; with neither, inserts @href as a
 * link.
 */
void
adf_buffer_set_link (AdfBuffer *self, const char *href, const char *title)
{
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *target = NULL;
  JsonObject *object, *attrs;
  AdfMarkInfo *info;
  GtkTextIter start, end;

  g_return_if_fail (ADF_IS_BUFFER (self));
  g_return_if_fail (href != NULL);

  target = normalize_href (href);
  node = json_node_new (JSON_NODE_OBJECT);
  object = json_object_new ();
  attrs = json_object_new ();
  json_object_set_string_member (object, "type", "link");
  json_object_set_string_member (attrs, "href", target);
  if (title && *title)
    json_object_set_string_member (attrs, "title", title);
  json_object_set_object_member (object, "attrs", attrs);
  json_node_take_object (node, object);
  info = _adf_buffer_intern_mark (self, _adf_value_from_node (node));

  _adf_buffer_begin_edit (self);
  select_link_at_cursor (self);
  if (!gtk_text_buffer_get_selection_bounds (buf (self), &start, &end)
      && _adf_buffer_line_info_at (self, &start)->leaf->kind != ADF_LEAF_CODE)
    {
      int offset = gtk_text_iter_get_offset (&start);
      gtk_text_buffer_insert (buf (self), &start, target, -1);
      _adf_buffer_set_line_info (self, gtk_text_iter_get_line (&start),
                                 _adf_buffer_line_info_at (self, &start));
      gtk_text_buffer_get_iter_at_offset (buf (self), &end, offset);
      gtk_text_buffer_select_range (buf (self), &start, &end);
    }
  foreach_text_range (self, do_apply, info);
  _adf_buffer_end_edit (self);
}

void
adf_buffer_remove_link (AdfBuffer *self)
{
  g_return_if_fail (ADF_IS_BUFFER (self));

  _adf_buffer_begin_edit (self);
  select_link_at_cursor (self);
  foreach_text_range (self, do_remove, GINT_TO_POINTER (ADF_MARK_KIND_LINK));
  _adf_buffer_end_edit (self);
}

/**
 * adf_buffer_get_link:
 * @title: (out) (optional): the link's title, or %NULL
 *
 * Returns: (transfer full) (nullable): the href of the link at the cursor.
 */
char *
adf_buffer_get_link (AdfBuffer *self, char **title)
{
  GtkTextIter start, end;
  GSList *tags;
  char *href = NULL;

  g_return_val_if_fail (ADF_IS_BUFFER (self), NULL);

  if (title)
    *title = NULL;
  gtk_text_buffer_get_selection_bounds (buf (self), &start, &end);
  tags = gtk_text_iter_get_tags (&start);
  for (GSList *l = tags; l && !href; l = l->next)
    {
      AdfMarkInfo *info = _adf_buffer_tag_mark_info (l->data);
      JsonObject *attrs;

      if (info == NULL || info->kind != ADF_MARK_KIND_LINK)
        continue;
      attrs = json_object_get_object_member (json_node_get_object (info->json), "attrs");
      href = g_strdup (json_object_get_string_member_with_default (attrs, "href", ""));
      if (title && json_object_has_member (attrs, "title"))
        *title = g_strdup (json_object_get_string_member_with_default (attrs, "title", ""));
    }
  g_slist_free (tags);
  return href;
}

/**
 * adf_buffer_set_text_color:
 * @color: (nullable): "#rrggbb", or %NULL for the default colour
 */
void
adf_buffer_set_text_color (AdfBuffer *self, const char *color)
{
  g_return_if_fail (ADF_IS_BUFFER (self));
  g_return_if_fail (color == NULL || valid_color (color));

  _adf_buffer_begin_edit (self);
  if (color == NULL)
    foreach_text_range (self, do_remove, GINT_TO_POINTER (ADF_MARK_KIND_TEXT_COLOR));
  else
    {
      g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      g_autofree char *lower = g_ascii_strdown (color, -1);
      JsonObject *object = json_object_new ();
      JsonObject *attrs = json_object_new ();

      json_object_set_string_member (object, "type", "textColor");
      json_object_set_string_member (attrs, "color", lower);
      json_object_set_object_member (object, "attrs", attrs);
      json_node_take_object (node, object);
      foreach_text_range (self, do_apply,
                          _adf_buffer_intern_mark (self, _adf_value_from_node (node)));
    }
  _adf_buffer_end_edit (self);
}

/**
 * adf_buffer_clear_formatting:
 *
 * Removes every styling mark from the selection (strong, em, underline, strike, code,
 * colours, sub/superscript); links and comments stay.
 */
void
adf_buffer_clear_formatting (AdfBuffer *self)
{
  g_return_if_fail (ADF_IS_BUFFER (self));

  g_clear_pointer (&self->stored_marks, g_ptr_array_unref);
  _adf_buffer_begin_edit (self);
  foreach_text_range (self, do_clear, NULL);
  _adf_buffer_end_edit (self);
}
