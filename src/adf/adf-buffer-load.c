/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "adf-buffer"

#include "config.h"

#include <glib/gi18n.h>

#include "adf-buffer-private.h"
#include "adf-tree-private.h"

/* Documents are built as one string plus tag ranges and anchors, then put in the buffer in
 * one insertion: inserting run by run costs a B-tree walk per run. */

typedef struct
{
  GtkTextTag *tag;
  guint tag_index; /* tags numbered as they come, to sort ranges by tag in one pass */
  int start;
  int end;
} Range;

typedef struct
{
  int offset;
  GtkTextChildAnchor *anchor;
} Anchor;

#define MAX_MARKS 32

typedef struct
{
  AdfBuffer *self;
  GString *text;
  int offset; /* in characters, counting anchors */
  GArray *ranges;
  GHashTable *tag_indices; /* tag → its number + 1 */
  GArray *last_ranges;     /* by tag number: the index of its last range, to extend it */
  GArray *anchors;
  GArray *breaks; /* offsets of the line breaks in the code block being loaded */
  GPtrArray *frames;
  AdfLineInfo *root_paragraph;
  AdfLineInfo *last_line;
  guint start; /* the shallowest frame opened since the last line */
  /* The text node before, for seams */
  gboolean prev_text;
  gboolean prev_seam;
  AdfMarkInfo *prev_marks[MAX_MARKS];
  guint prev_n_marks;
  AdfAuxInfo *prev_order;
} Loader;

static void
add_range (Loader *loader, GtkTextTag *tag, int start, int end)
{
  guint tag_index;

  if (start >= end)
    return;
  tag_index = GPOINTER_TO_UINT (g_hash_table_lookup (loader->tag_indices, tag));
  if (tag_index == 0)
    {
      guint none = G_MAXUINT;

      g_array_append_val (loader->last_ranges, none);
      tag_index = loader->last_ranges->len;
      g_hash_table_insert (loader->tag_indices, tag, GUINT_TO_POINTER (tag_index));
    }
  tag_index--;
  if (g_array_index (loader->last_ranges, guint, tag_index) != G_MAXUINT)
    {
      Range *range = &g_array_index (loader->ranges, Range,
                                     g_array_index (loader->last_ranges, guint, tag_index));
      if (range->end == start)
        {
          range->end = end;
          return;
        }
    }
  g_array_append_vals (loader->ranges, &(Range){ tag, tag_index, start, end }, 1);
  g_array_index (loader->last_ranges, guint, tag_index) = loader->ranges->len - 1;
}

static gboolean
is_special_char (gunichar c)
{
  return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029 || c == 0xfffc;
}

/* Appends @text; characters the buffer would read as line breaks or anchors become U+2028
 * with a tag saying what they were. @code: "\n" stays a line break (lines of code). */
static void
append_run (Loader *loader, const char *run, const char *end, int chars)
{
  g_string_append_len (loader->text, run, end - run);
  loader->offset += chars;
}

/* Whether the eight bytes at p are plain ASCII: none ≥ 0x80, none '\n' or '\r' */
static inline gboolean
word_is_plain (const guchar *p)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  guint64 w, lf, cr;

  memcpy (&w, p, 8);
  if (w & highs)
    return FALSE;
  /* ASCII only: a byte is zero after the xor exactly where it was '\n' (or '\r') */
  lf = w ^ (ones * '\n');
  cr = w ^ (ones * '\r');
  return ((((lf - ones) & ~lf) | ((cr - ones) & ~cr)) & highs) == 0;
}

/* Appends @text (@length bytes); characters the buffer would read as line breaks or anchors
 * become U+2028 with a tag saying what they were. @code: "\n" stays a line break (lines of
 * code). One pass over the bytes, eight at a time where they are plain ASCII: every such
 * character starts with \n, \r, 0xe2 or 0xef. */
static void
append_text (Loader *loader, const char *text, gsize length, gboolean code)
{
  const guchar *p = (const guchar *) text;
  const guchar *stop = p + length;
  const char *run = text;
  int chars = 0;

  while (p < stop)
    {
      gunichar c;
      const char *next;

      while (stop - p >= 8 && word_is_plain (p))
        {
          p += 8;
          chars += 8;
        }
      if (p >= stop)
        break;
      if ((*p & 0xc0) != 0x80)
        chars++;
      if (*p != '\n' && *p != '\r' && *p != 0xe2 && *p != 0xef)
        {
          p++;
          continue;
        }
      c = g_utf8_get_char ((const char *) p);
      if (!is_special_char (c))
        {
          p++;
          continue;
        }

      chars--;
      append_run (loader, run, (const char *) p, chars);
      chars = 0;
      next = g_utf8_next_char ((const char *) p);
      if (code && c == '\n')
        {
          g_array_append_val (loader->breaks, loader->offset);
          g_string_append_c (loader->text, '\n');
          loader->offset++;
        }
      else
        {
          char value[8] = { 0 };
          AdfAuxInfo *aux;

          g_unichar_to_utf8 (c, value);
          aux = _adf_buffer_intern_aux (loader->self, ADF_AUX_CHAR, value, NULL);
          g_string_append (loader->text, "\xe2\x80\xa8");
          add_range (loader, aux->tag, loader->offset, loader->offset + 1);
          loader->offset++;
        }
      run = next;
      p = (const guchar *) next;
    }
  append_run (loader, run, (const char *) stop, chars);
}

static int
compare_marks (gconstpointer a, gconstpointer b)
{
  return _adf_mark_compare (*(AdfMarkInfo *const *) a, *(AdfMarkInfo *const *) b);
}

/* The size of a text node's "marks": 0 when absent; FALSE unless an array of 1 to MAX_MARKS. */
static gboolean
marks_size (AdfValue member, guint *n)
{
  *n = 0;
  if (!_adf_value_present (member))
    return TRUE;
  if (_adf_value_kind (member) != ADF_VALUE_ARRAY)
    return FALSE;
  *n = _adf_value_size (member);
  return *n > 0 && *n <= MAX_MARKS;
}

/* The marks of a text node as tags; FALSE when the node cannot be mapped losslessly (two
 * marks of one type). */
static gboolean
text_marks (Loader *loader,
            AdfValue member,
            AdfMarkInfo **marks,
            guint *n_marks,
            AdfAuxInfo **order)
{
  AdfValueIter iter;
  AdfValue mark;
  guint n;
  gboolean sorted = TRUE;

  *n_marks = 0;
  *order = NULL;
  if (!marks_size (member, &n))
    return FALSE;
  if (n == 0)
    return TRUE;
  _adf_value_iter_init (&iter, member);
  for (guint i = 0; _adf_value_iter_next (&iter, NULL, &mark); i++)
    {
      if (_adf_value_kind (mark) != ADF_VALUE_OBJECT)
        return FALSE;
      marks[i] = _adf_buffer_intern_mark (loader->self, mark);
      for (guint j = 0; j < i; j++)
        if (g_str_equal (marks[j]->type, marks[i]->type))
          return FALSE;
      if (i > 0 && compare_marks (&marks[i - 1], &marks[i]) > 0)
        sorted = FALSE;
    }
  *n_marks = n;
  if (!sorted)
    {
      g_autoptr (GString) types = g_string_new (NULL);
      for (guint i = 0; i < n; i++)
        g_string_append_printf (types, "%s%s", i ? "," : "", marks[i]->type);
      *order = _adf_buffer_intern_aux (loader->self, ADF_AUX_ORDER, types->str, NULL);
      qsort (marks, n, sizeof (AdfMarkInfo *), compare_marks);
    }
  return TRUE;
}

static gboolean
is_plain_text (AdfValue text)
{
  const char *string = _adf_value_string (text);

  return string != NULL && *string != '\0';
}

/* Whether a text node's marks map onto tags: objects with a type, each type once. Checked
 * without interning, which append_inline() does once the block is known to map. */
static gboolean
marks_mappable (AdfValue member, guint *n_marks)
{
  const char *types[MAX_MARKS];
  AdfValueIter iter;
  AdfValue mark;
  guint n;

  *n_marks = 0;
  if (!marks_size (member, &n))
    return FALSE;
  if (n == 0)
    return TRUE;
  _adf_value_iter_init (&iter, member);
  for (guint i = 0; _adf_value_iter_next (&iter, NULL, &mark); i++)
    {
      if (_adf_value_kind (mark) != ADF_VALUE_OBJECT)
        return FALSE;
      types[i] = _adf_value_type (mark);
      if (types[i] == NULL)
        types[i] = "";
      for (guint j = 0; j < i; j++)
        if (strcmp (types[j], types[i]) == 0)
          return FALSE;
    }
  *n_marks = n;
  return TRUE;
}

/* A text node's "text" and "marks", found in one walk over its members */
static void
text_members (AdfValue node, AdfValue *text, AdfValue *marks)
{
  AdfValueIter iter;
  const char *name;
  AdfValue member;

  *text = *marks = (AdfValue){ 0 };
  _adf_value_iter_init (&iter, node);
  while (_adf_value_iter_next (&iter, &name, &member))
    if (name[0] == 't' && strcmp (name, "text") == 0)
      *text = member;
    else if (name[0] == 'm' && strcmp (name, "marks") == 0)
      *marks = member;
}

static gboolean
inline_content_mappable (AdfValue content, gboolean code)
{
  AdfValueIter iter;
  AdfValue child;

  _adf_value_iter_init (&iter, content);
  while (_adf_value_iter_next (&iter, NULL, &child))
    {
      const char *type;
      guint n_marks;

      if (_adf_value_kind (child) != ADF_VALUE_OBJECT)
        return FALSE;
      type = _adf_value_type (child);
      if (type != NULL && strcmp (type, "text") == 0)
        {
          AdfValue text, marks;

          text_members (child, &text, &marks);
          if (!is_plain_text (text) || !marks_mappable (marks, &n_marks) || (code && n_marks > 0))
            return FALSE;
        }
      else if (code)
        return FALSE;
    }
  return TRUE;
}

static void
add_anchor (Loader *loader, AdfValue value, gboolean block)
{
  g_autoptr (JsonNode) node = _adf_value_to_node (value);
  Anchor anchor = { loader->offset, _adf_anchor_new (node, block) };

  g_array_append_val (loader->anchors, anchor);
  loader->offset++;
}

static void
append_inline (Loader *loader, AdfValue child, gboolean code)
{
  const char *type = _adf_value_type (child);
  AdfValue text, marks_member;
  AdfMarkInfo *marks[MAX_MARKS];
  guint n_marks = 0;
  AdfAuxInfo *order = NULL;
  gboolean seam = FALSE;
  const char *string;
  gsize length;
  int start;

  if (type == NULL)
    type = "";
  if (g_str_equal (type, "hardBreak"))
    {
      if (_adf_value_size (child) > 1)
        {
          g_autoptr (JsonNode) node = _adf_value_to_node (child);
          AdfAuxInfo *aux = _adf_buffer_intern_aux (loader->self, ADF_AUX_CHAR, "", node);
          add_range (loader, aux->tag, loader->offset, loader->offset + 1);
        }
      g_string_append (loader->text, "\xe2\x80\xa8");
      loader->offset++;
      loader->prev_text = FALSE;
      return;
    }
  if (!g_str_equal (type, "text"))
    {
      add_anchor (loader, child, FALSE);
      loader->prev_text = FALSE;
      return;
    }

  text_members (child, &text, &marks_member);
  text_marks (loader, marks_member, marks, &n_marks, &order);
  /* Two text nodes in a row with the same marks: only a seam keeps them apart. */
  if (loader->prev_text && n_marks == loader->prev_n_marks && order == loader->prev_order
      && memcmp (marks, loader->prev_marks, n_marks * sizeof (AdfMarkInfo *)) == 0)
    seam = !loader->prev_seam;

  start = loader->offset;
  string = _adf_value_string_length (text, &length);
  append_text (loader, string, length, code);
  for (guint i = 0; i < n_marks; i++)
    add_range (loader, marks[i]->tag, start, loader->offset);
  if (order)
    add_range (loader, order->tag, start, loader->offset);
  if (seam)
    add_range (loader, loader->self->seam_tag, start, loader->offset);

  loader->prev_text = TRUE;
  loader->prev_seam = seam;
  loader->prev_n_marks = n_marks;
  loader->prev_order = order;
  memcpy (loader->prev_marks, marks, n_marks * sizeof (AdfMarkInfo *));
}

static AdfLineInfo *
line_info (Loader *loader, AdfShell *leaf)
{
  guint n = loader->frames->len;
  guint start = MIN (loader->start, n);
  AdfLineInfo *last = loader->last_line;

  loader->start = G_MAXUINT;
  /* Lines in a row mostly share their line info: items of one list, paragraphs. */
  if (last && last->leaf == leaf && last->start == start && last->n_frames == n
      && (n == 0 || memcmp (last->frames, loader->frames->pdata, n * sizeof (AdfShell *)) == 0))
    return last;
  loader->last_line
      = _adf_buffer_intern_line (loader->self, (AdfShell **) loader->frames->pdata, n, leaf, start);
  return loader->last_line;
}

static void
end_line (Loader *loader, AdfLineInfo *info, int line_start)
{
  g_string_append_c (loader->text, '\n');
  loader->offset++;
  /* A line with no line tag is a top-level paragraph: most lines, and fewer tags to apply. */
  if (info != loader->root_paragraph)
    add_range (loader, info->tag, line_start, loader->offset);
}

static void
load_island (Loader *loader, AdfValue child)
{
  AdfLineInfo *info = line_info (loader, _adf_buffer_island_shell (loader->self));
  int line_start = loader->offset;

  add_anchor (loader, child, TRUE);
  end_line (loader, info, line_start);
}

static void
load_textblock (Loader *loader, AdfValue node, AdfValue content, gboolean code)
{
  AdfShell *leaf = _adf_buffer_intern_shell (loader->self, node, TRUE);
  AdfLineInfo *info = line_info (loader, leaf);
  int line_start = loader->offset;
  AdfValueIter iter;
  AdfValue child;

  loader->prev_text = FALSE;
  g_array_set_size (loader->breaks, 0);
  _adf_value_iter_init (&iter, content);
  while (_adf_value_iter_next (&iter, NULL, &child))
    append_inline (loader, child, code);

  if (code && loader->breaks->len > 0)
    {
      /* One buffer line per line of code; the lines after the first continue the block. */
      AdfLineInfo *next = _adf_buffer_intern_line (loader->self, info->frames, info->n_frames, leaf,
                                                   info->n_frames + 1);
      int first_end = g_array_index (loader->breaks, int, 0) + 1;

      add_range (loader, info->tag, line_start, first_end);
      end_line (loader, next, first_end);
      return;
    }
  end_line (loader, info, line_start);
}

static gboolean is_container (const char *type);

static void load_blocks (Loader *loader, AdfValue content);

static void
load_block (Loader *loader, AdfValue child)
{
  const char *type;
  AdfValue content;

  if (_adf_value_kind (child) != ADF_VALUE_OBJECT)
    {
      load_island (loader, child);
      return;
    }
  type = _adf_value_type (child);
  if (type == NULL)
    type = "";
  content = _adf_value_member (child, "content");
  if (_adf_value_present (content) && _adf_value_kind (content) != ADF_VALUE_ARRAY)
    {
      load_island (loader, child);
      return;
    }

  if (is_container (type) && _adf_value_size (content) > 0)
    {
      g_ptr_array_add (loader->frames, _adf_buffer_intern_shell (loader->self, child, FALSE));
      loader->start = MIN (loader->start, loader->frames->len - 1);
      load_blocks (loader, content);
      g_ptr_array_set_size (loader->frames, loader->frames->len - 1);
    }
  else if ((g_str_equal (type, "paragraph") || g_str_equal (type, "heading"))
           && inline_content_mappable (content, FALSE))
    load_textblock (loader, child, content, FALSE);
  else if (g_str_equal (type, "codeBlock") && inline_content_mappable (content, TRUE))
    load_textblock (loader, child, content, TRUE);
  else
    load_island (loader, child);
}

static gboolean
is_container (const char *type)
{
  return g_str_equal (type, "bulletList") || g_str_equal (type, "orderedList")
         || g_str_equal (type, "listItem") || g_str_equal (type, "blockquote");
}

static void
load_blocks (Loader *loader, AdfValue content)
{
  AdfValueIter iter;
  AdfValue child;

  _adf_value_iter_init (&iter, content);
  while (_adf_value_iter_next (&iter, NULL, &child))
    load_block (loader, child);
}

/* The ranges by tag, each tag's in the order they came, which is their order in the text: a
 * counting sort, where g_array_sort() took 650 instructions a range */
static Range *
ranges_by_tag (Loader *loader)
{
  guint n_tags = loader->last_ranges->len;
  g_autofree guint *next = g_new0 (guint, n_tags + 1);
  Range *sorted = g_new (Range, MAX (loader->ranges->len, 1));

  for (guint i = 0; i < loader->ranges->len; i++)
    next[g_array_index (loader->ranges, Range, i).tag_index + 1]++;
  for (guint t = 1; t <= n_tags; t++)
    next[t] += next[t - 1];
  for (guint i = 0; i < loader->ranges->len; i++)
    {
      Range *range = &g_array_index (loader->ranges, Range, i);
      sorted[next[range->tag_index]++] = *range;
    }
  return sorted;
}

/* Private API */

void
_adf_buffer_load_doc (AdfBuffer *self, AdfValue doc)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  GtkTextBufferClass *parent_class = g_type_class_peek (GTK_TYPE_TEXT_BUFFER);
  AdfValue content = _adf_value_member (doc, "content");
  Loader loader = {
    .self = self,
    .text = g_string_sized_new (4096),
    .ranges = g_array_new (FALSE, FALSE, sizeof (Range)),
    .tag_indices = g_hash_table_new (NULL, NULL),
    .last_ranges = g_array_new (FALSE, FALSE, sizeof (guint)),
    .anchors = g_array_new (FALSE, FALSE, sizeof (Anchor)),
    .breaks = g_array_new (FALSE, FALSE, sizeof (int)),
    .frames = g_ptr_array_new (),
    .start = G_MAXUINT,
    .root_paragraph = _adf_buffer_root_paragraph (self),
  };
  GtkTextIter start, end;
  Range *sorted;

  load_blocks (&loader, content);

  self->busy++;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, loader.text->str, (int) loader.text->len);

  for (guint i = 0; i < loader.anchors->len; i++)
    {
      Anchor *anchor = &g_array_index (loader.anchors, Anchor, i);
      gtk_text_buffer_get_iter_at_offset (buffer, &start, anchor->offset);
      gtk_text_buffer_insert_child_anchor (buffer, &start, anchor->anchor);
      g_object_unref (anchor->anchor);
    }

  /* Tag by tag, each back to front: GTK looks for the tag's next toggle after each range,
   * which is then the range just tagged rather than nowhere (a search to the end of the
   * B-tree) or past other tags' ranges. 144 M → 122 M instructions for the 8,616 ranges of
   * bench-adf's document, against front to back in document order. */
  sorted = ranges_by_tag (&loader);
  for (guint i = loader.ranges->len; i-- > 0;)
    {
      Range *range = &sorted[i];
      gtk_text_buffer_get_iter_at_offset (buffer, &start, range->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, range->end);
      /* GtkTextBuffer's own handler, without emitting ::apply-tag per range: the buffer is
       * being replaced whole, and says so once with ::document-changed. Nothing connects
       * to ::apply-tag of an AdfBuffer; ours (adf_buffer_apply_tag) lets these through
       * anyway while busy. A sixth of the time of tagging. */
      parent_class->apply_tag (buffer, range->tag, &start, &end);
    }
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  self->busy--;

  g_string_free (loader.text, TRUE);
  g_array_unref (loader.ranges);
  g_hash_table_unref (loader.tag_indices);
  g_array_unref (loader.last_ranges);
  g_free (sorted);
  g_array_unref (loader.anchors);
  g_array_unref (loader.breaks);
  g_ptr_array_unref (loader.frames);
}
