/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "adf-buffer"

#include "config.h"

#include <glib/gi18n.h>

#include "adf-buffer.h"

#include "adf-buffer-private.h"
#include "adf-parse.h"
#include "adf-private.h"

enum
{
  DOCUMENT_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AdfBuffer, adf_buffer, GTK_TYPE_TEXT_BUFFER)

/* Static helpers */

/* The line tags found between @start and @end, removed. */
static void
remove_line_tags (AdfBuffer *self, GtkTextIter *start, GtkTextIter *end)
{
  GtkTextIter iter = *start;
  GPtrArray *found = g_ptr_array_new ();

  do
    {
      GSList *tags = gtk_text_iter_get_tags (&iter);
      for (GSList *l = tags; l; l = l->next)
        if (_adf_buffer_tag_line_info (l->data) && !g_ptr_array_find (found, l->data, NULL))
          g_ptr_array_add (found, l->data);
      g_slist_free (tags);
    }
  while (gtk_text_iter_forward_to_tag_toggle (&iter, NULL)
         && gtk_text_iter_compare (&iter, end) < 0);

  for (guint i = 0; i < found->len; i++)
    gtk_text_buffer_remove_tag (GTK_TEXT_BUFFER (self), found->pdata[i], start, end);
  g_ptr_array_unref (found);
}

static void
line_bounds (AdfBuffer *self, int line, GtkTextIter *start, GtkTextIter *end)
{
  gtk_text_buffer_get_iter_at_line (GTK_TEXT_BUFFER (self), start, line);
  *end = *start;
  if (!gtk_text_iter_forward_line (end))
    gtk_text_iter_forward_to_end (end);
}

/* The line a new line split off @info continues into: a new item in a list, a new line of
 * code, a new block otherwise. */
AdfLineInfo *
_adf_buffer_split_line_info (AdfBuffer *self, AdfLineInfo *info, gboolean tail_empty)
{
  AdfShell *leaf = info->leaf;
  guint start = info->n_frames;

  if (leaf->kind == ADF_LEAF_CODE)
    return _adf_buffer_intern_line (self, info->frames, info->n_frames, leaf, info->n_frames + 1);
  if (leaf->kind == ADF_LEAF_ISLAND || (leaf->kind == ADF_LEAF_HEADING && tail_empty))
    leaf = _adf_buffer_shell_for_type (self, "paragraph", 0, TRUE);
  for (guint i = info->n_frames; i > 0; i--)
    if (info->frames[i - 1]->kind == ADF_FRAME_LIST_ITEM)
      {
        start = i - 1;
        break;
      }
  return _adf_buffer_intern_line (self, info->frames, info->n_frames, leaf, start);
}

static gboolean
mark_is_inclusive (AdfMarkInfo *mark)
{
  /* @atlaskit/adf-schema 57's default schema: link alone is "inclusive: false"; code,
   * annotation and the rest are inclusive. */
  return mark->kind != ADF_MARK_KIND_LINK;
}

static gboolean
has_tag_in (GSList *tags, GtkTextTag *tag)
{
  return g_slist_find (tags, tag) != NULL;
}

/* ProseMirror's ResolvedPos.marks(): the marks text typed at @pos gets. */
GPtrArray *
_adf_buffer_marks_at (AdfBuffer *self, const GtkTextIter *pos)
{
  GPtrArray *marks = g_ptr_array_new ();
  GtkTextIter before = *pos;
  GSList *main_tags = NULL, *other_tags = NULL;
  gboolean have_other = FALSE;

  if (self->stored_marks)
    {
      g_ptr_array_extend (marks, self->stored_marks, NULL, NULL);
      return marks;
    }

  if (!gtk_text_iter_starts_line (pos) && gtk_text_iter_backward_char (&before))
    {
      main_tags = gtk_text_iter_get_tags (&before);
      if (!gtk_text_iter_ends_line (pos))
        other_tags = gtk_text_iter_get_tags (pos), have_other = TRUE;
    }
  else if (!gtk_text_iter_ends_line (pos))
    main_tags = gtk_text_iter_get_tags (pos);

  for (GSList *l = main_tags; l; l = l->next)
    {
      AdfMarkInfo *mark = _adf_buffer_tag_mark_info (l->data);
      if (mark == NULL)
        continue;
      if (!mark_is_inclusive (mark) && !(have_other && has_tag_in (other_tags, l->data)))
        continue;
      g_ptr_array_add (marks, mark);
    }
  g_slist_free (main_tags);
  g_slist_free (other_tags);
  return marks;
}

static gboolean
text_has_line_break (const char *text, int len)
{
  for (int i = 0; i < len; i++)
    if (text[i] == '\n' || text[i] == '\r'
        || ((guchar) text[i] == 0xe2 && i + 2 < len && (guchar) text[i + 1] == 0x80
            && (guchar) text[i + 2] == 0xa9))
      return TRUE;
  return FALSE;
}

/* GObject overrides */

static void
adf_buffer_insert_text (GtkTextBuffer *buffer, GtkTextIter *pos, const char *text, int len)
{
  AdfBuffer *self = ADF_BUFFER (buffer);
  g_autoptr (GPtrArray) marks = NULL;
  AdfLineInfo *info;
  int start_offset, start_line;
  GtkTextIter start;

  if (self->busy)
    {
      GTK_TEXT_BUFFER_CLASS (adf_buffer_parent_class)->insert_text (buffer, pos, text, len);
      return;
    }

  info = _adf_buffer_line_info_at (self, pos);
  if (len == 1 && text[0] == '\n' && info->list_depth > 0 && gtk_text_iter_starts_line (pos)
      && gtk_text_iter_ends_line (pos))
    {
      /* Enter in an empty list item leaves the list, as in ProseMirror. */
      adf_buffer_outdent (self);
      return;
    }
  start_offset = gtk_text_iter_get_offset (pos);
  start_line = gtk_text_iter_get_line (pos);
  _adf_buffer_note_typing (self, start_offset, start_offset, TRUE);
  marks = info->leaf->kind == ADF_LEAF_CODE ? g_ptr_array_new () : _adf_buffer_marks_at (self, pos);
  g_clear_pointer (&self->stored_marks, g_ptr_array_unref);

  GTK_TEXT_BUFFER_CLASS (adf_buffer_parent_class)->insert_text (buffer, pos, text, len);

  self->busy++;
  gtk_text_buffer_get_iter_at_offset (buffer, &start, start_offset);
  gtk_text_buffer_apply_tag (buffer, info->tag, &start, pos);
  for (guint i = 0; i < marks->len; i++)
    gtk_text_buffer_apply_tag (buffer, ((AdfMarkInfo *) marks->pdata[i])->tag, &start, pos);

  if (text_has_line_break (text, len < 0 ? (int) strlen (text) : len))
    {
      int end_line = gtk_text_iter_get_line (pos);
      gboolean tail_empty = gtk_text_iter_ends_line (pos);
      AdfLineInfo *split = _adf_buffer_split_line_info (self, info, tail_empty);

      for (int line = start_line + 1; line <= end_line; line++)
        _adf_buffer_set_line_info (self, line, split);
    }
  self->typing_end = gtk_text_iter_get_offset (pos);
  self->busy--;
  _adf_buffer_emit_changed (self);
}

static void
adf_buffer_delete_range (GtkTextBuffer *buffer, GtkTextIter *start, GtkTextIter *end)
{
  AdfBuffer *self = ADF_BUFFER (buffer);
  gboolean joins = gtk_text_iter_get_line (start) != gtk_text_iter_get_line (end);
  AdfLineInfo *info = NULL;

  if (!self->busy)
    {
      _adf_buffer_note_typing (self, gtk_text_iter_get_offset (start),
                               gtk_text_iter_get_offset (end), FALSE);
      g_clear_pointer (&self->stored_marks, g_ptr_array_unref);
    }
  if (joins && !self->busy)
    {
      GtkTextIter line_start = *start;
      gtk_text_iter_set_line_offset (&line_start, 0);
      info = _adf_buffer_line_info_at (self, &line_start);
    }

  GTK_TEXT_BUFFER_CLASS (adf_buffer_parent_class)->delete_range (buffer, start, end);

  if (self->busy)
    return;
  if (info)
    {
      int offset = gtk_text_iter_get_offset (start);
      self->busy++;
      _adf_buffer_set_line_info (self, gtk_text_iter_get_line (start), info);
      self->busy--;
      gtk_text_buffer_get_iter_at_offset (buffer, start, offset);
      *end = *start;
    }
  self->typing_end = gtk_text_iter_get_offset (start);
  _adf_buffer_emit_changed (self);
}

/* Pasted rich text (gtk_text_buffer_insert_range) brings its tags along: its marks stay, but
 * its lines take the structure of the line they land in, which insert_text gave them; a
 * second line tag would make a line two things at once. */
static void
adf_buffer_apply_tag (GtkTextBuffer *buffer,
                      GtkTextTag *tag,
                      const GtkTextIter *start,
                      const GtkTextIter *end)
{
  if (!ADF_BUFFER (buffer)->busy && _adf_buffer_tag_line_info (tag))
    return;
  GTK_TEXT_BUFFER_CLASS (adf_buffer_parent_class)->apply_tag (buffer, tag, start, end);
}

static void
adf_buffer_begin_user_action (GtkTextBuffer *buffer)
{
  AdfBuffer *self = ADF_BUFFER (buffer);

  if (self->user_action++ == 0)
    self->action_seen = FALSE;
}

static void
adf_buffer_end_user_action (GtkTextBuffer *buffer)
{
  AdfBuffer *self = ADF_BUFFER (buffer);

  if (self->user_action > 0)
    self->user_action--;
}

static void
adf_buffer_finalize (GObject *object)
{
  AdfBuffer *self = ADF_BUFFER (object);

  _adf_buffer_history_free (self);
  g_clear_pointer (&self->stored_marks, g_ptr_array_unref);
  _adf_buffer_tags_free (self);

  G_OBJECT_CLASS (adf_buffer_parent_class)->finalize (object);
}

static void
adf_buffer_constructed (GObject *object)
{
  AdfBuffer *self = ADF_BUFFER (object);

  G_OBJECT_CLASS (adf_buffer_parent_class)->constructed (object);

  /* Ours restores tags and anchors; GTK's would restore the text alone. */
  gtk_text_buffer_set_enable_undo (GTK_TEXT_BUFFER (self), FALSE);

  /* Tags only now: the tag table is a construct property. */
  _adf_buffer_tags_create (self);
}

static void
adf_buffer_class_init (AdfBufferClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkTextBufferClass *buffer_class = GTK_TEXT_BUFFER_CLASS (klass);

  object_class->constructed = adf_buffer_constructed;
  object_class->finalize = adf_buffer_finalize;
  buffer_class->insert_text = adf_buffer_insert_text;
  buffer_class->delete_range = adf_buffer_delete_range;
  buffer_class->apply_tag = adf_buffer_apply_tag;
  buffer_class->begin_user_action = adf_buffer_begin_user_action;
  buffer_class->end_user_action = adf_buffer_end_user_action;

  /**
   * AdfBuffer::document-changed:
   *
   * The document changed: text, formatting, structure, or a load, an undo or a redo.
   * GtkTextBuffer::changed misses changes of formatting alone.
   */
  signals[DOCUMENT_CHANGED] = g_signal_new ("document-changed", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
adf_buffer_init (AdfBuffer *self)
{
  _adf_buffer_tags_init (self);
  _adf_buffer_history_init (self);
}

/* Private API */

/* The line info of @iter's line, read at the line's first character. */
AdfLineInfo *
_adf_buffer_line_info_at (AdfBuffer *self, const GtkTextIter *iter)
{
  GtkTextIter start = *iter;
  GSList *tags;
  AdfLineInfo *info = NULL;

  gtk_text_iter_set_line_offset (&start, 0);
  tags = gtk_text_iter_get_tags (&start);
  for (GSList *l = tags; l && !info; l = l->next)
    info = _adf_buffer_tag_line_info (l->data);
  g_slist_free (tags);
  return info ? info : _adf_buffer_root_paragraph (self);
}

void
_adf_buffer_set_line_info (AdfBuffer *self, int line, AdfLineInfo *info)
{
  GtkTextIter start, end;

  line_bounds (self, line, &start, &end);
  if (gtk_text_iter_equal (&start, &end))
    return;
  self->busy++;
  remove_line_tags (self, &start, &end);
  gtk_text_buffer_apply_tag (GTK_TEXT_BUFFER (self), info->tag, &start, &end);
  self->busy--;
}

void
_adf_buffer_emit_changed (AdfBuffer *self)
{
  g_signal_emit (self, signals[DOCUMENT_CHANGED], 0);
}

/* Public API */

/**
 * adf_buffer_new:
 *
 * Returns: (transfer full): an empty document.
 */
AdfBuffer *
adf_buffer_new (void)
{
  return g_object_new (ADF_TYPE_BUFFER, NULL);
}

/**
 * adf_buffer_load:
 * @doc: an ADF document (a "doc" object)
 *
 * Replaces the buffer's content with @doc and forgets the undo history. Node types this
 * version does not know are kept as islands, so a document from a newer editor survives.
 *
 * Returns: %FALSE with @error set when @doc is not ADF; the buffer is then unchanged.
 */
gboolean
adf_buffer_load (AdfBuffer *self, JsonNode *doc, GError **error)
{
  g_return_val_if_fail (ADF_IS_BUFFER (self), FALSE);
  g_return_val_if_fail (doc != NULL, FALSE);

  if (!adf_validate (doc, ADF_VALIDATE_ALLOW_UNKNOWN, error))
    return FALSE;

  _adf_buffer_load_doc (self, _adf_value_from_node (doc));
  _adf_buffer_history_clear (self);
  _adf_buffer_emit_changed (self);
  return TRUE;
}

/**
 * adf_buffer_load_data:
 * @data: ADF as JSON text: a doc object, or a JSON string holding one (the API's form)
 * @length: length of @data, or -1 when it is NUL-terminated
 *
 * adf_parse() and adf_buffer_load() in one, checking the document once rather than twice:
 * the way in for documents that arrive as text.
 *
 * Returns: %FALSE with @error set when @data is not ADF; the buffer is then unchanged.
 */
gboolean
adf_buffer_load_data (AdfBuffer *self, const char *data, gssize length, GError **error)
{
  g_autoptr (AdfTree) tree = NULL;
  AdfValue doc;

  g_return_val_if_fail (ADF_IS_BUFFER (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  /* Read into a tree and loaded from it: JsonNodes only for what the buffer keeps as JSON */
  tree = _adf_parse_tree (data, length, ADF_VALIDATE_ALLOW_UNKNOWN, &doc, error);
  if (tree == NULL)
    return FALSE;
  _adf_buffer_load_doc (self, doc);
  _adf_buffer_history_clear (self);
  _adf_buffer_emit_changed (self);
  return TRUE;
}
