/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "adf-buffer"

#include "config.h"

#include <glib/gi18n.h>

#include "adf-buffer-private.h"

/* The buffer's tags, interned: one per distinct line (containers, block, start), per mark
 * value and per auxiliary value, each carrying what it stands for and styled for the views. */

static GQuark line_quark, mark_quark, aux_quark;

/* Static helpers */

static void
shell_free (gpointer data)
{
  AdfShell *shell = data;

  json_object_unref (shell->object);
  g_free (shell->key);
  g_free (shell);
}

static void
line_info_free (gpointer data)
{
  AdfLineInfo *info = data;

  g_free (info->frames);
  g_free (info->key);
  g_free (info);
}

static void
mark_info_free (gpointer data)
{
  AdfMarkInfo *info = data;

  json_node_unref (info->json);
  g_free (info->type);
  g_free (info->key);
  g_free (info);
}

static void
aux_info_free (gpointer data)
{
  AdfAuxInfo *info = data;

  g_free (info->value);
  g_clear_pointer (&info->json, json_node_unref);
  g_free (info);
}

static int
number_member (AdfValue object, const char *name, int fallback)
{
  double number;

  if (!_adf_value_number (_adf_value_member (object, name), &number))
    return fallback;
  return (int) number;
}

static int
frame_kind (const char *type)
{
  if (g_str_equal (type, "blockquote"))
    return ADF_FRAME_QUOTE;
  if (g_str_equal (type, "bulletList"))
    return ADF_FRAME_BULLET_LIST;
  if (g_str_equal (type, "orderedList"))
    return ADF_FRAME_ORDERED_LIST;
  if (g_str_equal (type, "listItem"))
    return ADF_FRAME_LIST_ITEM;
  return ADF_FRAME_OTHER;
}

static int
leaf_kind (const char *type)
{
  if (g_str_equal (type, "paragraph"))
    return ADF_LEAF_PARAGRAPH;
  if (g_str_equal (type, "heading"))
    return ADF_LEAF_HEADING;
  if (g_str_equal (type, "codeBlock"))
    return ADF_LEAF_CODE;
  return ADF_LEAF_ISLAND;
}

/* Looks of a line; the margins assume AdfTextView's 12 px (a tag's margin replaces the
 * view's). */
static void
style_line_tag (AdfLineInfo *info)
{
  static const double scales[] = { 1.0, 1.8, 1.5, 1.3, 1.15, 1.0, 0.9 };
  int margin = 12;
  gboolean quote = FALSE;

  for (guint i = 0; i < info->n_frames; i++)
    {
      if (info->frames[i]->kind == ADF_FRAME_QUOTE)
        quote = TRUE, margin += 16;
      else if (info->frames[i]->kind == ADF_FRAME_LIST_ITEM)
        margin += 24;
    }
  if (margin > 12)
    g_object_set (info->tag, "left-margin", margin, NULL);
  if (quote)
    g_object_set (info->tag, "foreground", "rgba(127,127,127,1)", NULL);
  if (info->start <= info->n_frames)
    g_object_set (info->tag, "pixels-above-lines", info->list_depth > 0 ? 2 : 6, NULL);

  switch (info->leaf->kind)
    {
    case ADF_LEAF_HEADING:
      g_object_set (info->tag, "weight", PANGO_WEIGHT_BOLD, "scale",
                    scales[CLAMP (info->leaf->level, 1, 6)], "pixels-above-lines", 12, NULL);
      break;
    case ADF_LEAF_CODE:
      g_object_set (info->tag, "family", "monospace", "paragraph-background",
                    "rgba(127,127,127,0.12)", NULL);
      break;
    default:
      break;
    }
}

static void
style_mark_tag (AdfMarkInfo *info)
{
  JsonObject *attrs = NULL;
  const char *value = NULL;

  if (JSON_NODE_HOLDS_OBJECT (info->json))
    {
      JsonObject *object = json_node_get_object (info->json);
      if (json_object_has_member (object, "attrs")
          && JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "attrs")))
        attrs = json_object_get_object_member (object, "attrs");
    }

  switch (info->kind)
    {
    case ADF_MARK_KIND_STRONG:
      g_object_set (info->tag, "weight", PANGO_WEIGHT_BOLD, NULL);
      break;
    case ADF_MARK_KIND_EM:
      g_object_set (info->tag, "style", PANGO_STYLE_ITALIC, NULL);
      break;
    case ADF_MARK_KIND_UNDERLINE:
      g_object_set (info->tag, "underline", PANGO_UNDERLINE_SINGLE, NULL);
      break;
    case ADF_MARK_KIND_STRIKE:
      g_object_set (info->tag, "strikethrough", TRUE, NULL);
      break;
    case ADF_MARK_KIND_CODE:
      g_object_set (info->tag, "family", "monospace", "background", "rgba(127,127,127,0.2)", NULL);
      break;
    case ADF_MARK_KIND_LINK:
      g_object_set (info->tag, "foreground", "#3584e4", "underline", PANGO_UNDERLINE_SINGLE, NULL);
      break;
    case ADF_MARK_KIND_SUBSUP:
      value = attrs ? json_object_get_string_member_with_default (attrs, "type", "") : "";
      g_object_set (info->tag, "scale", 0.75, "rise",
                    (g_str_equal (value, "sup") ? 5 : -3) * PANGO_SCALE, NULL);
      break;
    case ADF_MARK_KIND_TEXT_COLOR:
    case ADF_MARK_KIND_BACKGROUND_COLOR:
      {
        GdkRGBA rgba;
        value = attrs ? json_object_get_string_member_with_default (attrs, "color", "") : "";
        if (gdk_rgba_parse (&rgba, value))
          g_object_set (info->tag,
                        info->kind == ADF_MARK_KIND_TEXT_COLOR ? "foreground-rgba"
                                                               : "background-rgba",
                        &rgba, NULL);
      }
      break;
    case ADF_MARK_KIND_ANNOTATION:
      g_object_set (info->tag, "background", "rgba(255,196,0,0.3)", NULL);
      break;
    default:
      break;
    }
}

static AdfMarkKind
mark_kind (const char *type)
{
  static const char *const names[]
      = { "strong", "em",   "underline", "strike",          "code",
          "subsup", "link", "textColor", "backgroundColor", "annotation" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (type, names[i]))
      return i;
  return ADF_MARK_KIND_OTHER;
}

/* p in hex and a "/": line keys, looked up for every block loaded, without printf */
static void
append_pointer (GString *key, gconstpointer p)
{
  guintptr value = GPOINTER_TO_SIZE (p);
  char digits[2 * sizeof value + 1];
  guint n = 0;

  do
    digits[n++] = "0123456789abcdef"[value & 0xf];
  while ((value >>= 4) > 0);
  while (n > 0)
    g_string_append_c (key, digits[--n]);
  g_string_append_c (key, '/');
}

static void
append_sized (GString *key, const char *s)
{
  gsize length = strlen (s);
  gsize rest = length;
  char digits[24];
  guint n = 0;

  /* Without g_snprintf(): this runs for every member of every mark loaded. */
  do
    digits[n++] = '0' + rest % 10;
  while ((rest /= 10) > 0);
  while (n > 0)
    g_string_append_c (key, digits[--n]);
  g_string_append_c (key, ':');
  g_string_append_len (key, s, length);
}

static void
append_key_value (GString *key, AdfValue value)
{
  const char *s = _adf_value_string (value);

  if (s != NULL)
    {
      g_string_append_c (key, 's');
      append_sized (key, s);
    }
  else
    {
      g_autoptr (JsonNode) node = _adf_value_to_node (value);
      g_autofree char *json = json_to_string (node, FALSE);
      g_string_append_c (key, 'j');
      append_sized (key, json);
    }
}

/* An object's interning key (a mark's, a shell's), unique per JSON value: length-prefixed
 * members in their order, the member skip left out. Built for every mark of every text node
 * and every block loaded, so without the JSON generator for the usual flat attrs. */
static void
value_key (GString *key, AdfValue object, const char *skip)
{
  AdfValueIter iter;
  const char *name;
  AdfValue member;

  _adf_value_iter_init (&iter, object);
  while (_adf_value_iter_next (&iter, &name, &member))
    {
      if (skip != NULL && strcmp (name, skip) == 0)
        continue;
      append_sized (key, name);
      g_string_append_c (key, '=');
      if (_adf_value_kind (member) == ADF_VALUE_OBJECT)
        {
          AdfValueIter inner;
          const char *inner_name;
          AdfValue inner_member;

          g_string_append_c (key, '{');
          _adf_value_iter_init (&inner, member);
          while (_adf_value_iter_next (&inner, &inner_name, &inner_member))
            {
              append_sized (key, inner_name);
              g_string_append_c (key, '=');
              append_key_value (key, inner_member);
            }
          g_string_append_c (key, '}');
        }
      else
        append_key_value (key, member);
    }
}

/* Private API */

void
_adf_buffer_tags_init (AdfBuffer *self)
{
  if (line_quark == 0)
    {
      line_quark = g_quark_from_static_string ("adf-line-info");
      mark_quark = g_quark_from_static_string ("adf-mark-info");
      aux_quark = g_quark_from_static_string ("adf-aux-info");
    }
  self->shells = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, shell_free);
  self->lines = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, line_info_free);
  self->marks = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, mark_info_free);
  self->aux = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, aux_info_free);
  self->mark_list = g_ptr_array_new ();
  self->key_scratch = g_string_sized_new (64);
}

/* The tags every buffer has: strong, em, underline, strike, code and the seam. */
void
_adf_buffer_tags_create (AdfBuffer *self)
{
  static const char *const simple[] = { "strong", "em", "underline", "strike", "code" };

  for (guint i = 0; i < G_N_ELEMENTS (simple); i++)
    {
      g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      JsonObject *mark = json_object_new ();

      json_object_set_string_member (mark, "type", simple[i]);
      json_node_take_object (node, mark);
      self->simple_marks[i] = _adf_buffer_intern_mark (self, _adf_value_from_node (node));
    }
  self->seam_tag = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (self), NULL, NULL);
  g_object_set_qdata (G_OBJECT (self->seam_tag), aux_quark,
                      _adf_buffer_intern_aux (self, ADF_AUX_SEAM, "", NULL));
}

void
_adf_buffer_tags_free (AdfBuffer *self)
{
  g_ptr_array_unref (self->mark_list);
  g_string_free (self->key_scratch, TRUE);
  g_hash_table_unref (self->lines);
  g_hash_table_unref (self->marks);
  g_hash_table_unref (self->aux);
  g_hash_table_unref (self->shells);
}

/* The order ProseMirror writes marks in with @atlaskit/adf-schema (its schema's mark order),
 * so that what we write reads like what Atlassian's editor writes. */
int
_adf_mark_compare (const AdfMarkInfo *a, const AdfMarkInfo *b)
{
  static const int rank[ADF_N_MARK_KINDS] = {
    [ADF_MARK_KIND_LINK] = 0,
    [ADF_MARK_KIND_EM] = 1,
    [ADF_MARK_KIND_STRONG] = 2,
    [ADF_MARK_KIND_TEXT_COLOR] = 3,
    [ADF_MARK_KIND_BACKGROUND_COLOR] = 4,
    [ADF_MARK_KIND_STRIKE] = 5,
    [ADF_MARK_KIND_SUBSUP] = 6,
    [ADF_MARK_KIND_UNDERLINE] = 7,
    [ADF_MARK_KIND_CODE] = 8,
    [ADF_MARK_KIND_ANNOTATION] = 9,
    [ADF_MARK_KIND_OTHER] = 10,
  };

  if (a->kind != b->kind)
    return rank[a->kind] < rank[b->kind] ? -1 : 1;
  return strcmp (a->key, b->key);
}

/* @node's shell: @node without its content, "content": [] kept when it was empty. */
AdfShell *
_adf_buffer_intern_shell (AdfBuffer *self, AdfValue node, gboolean is_leaf)
{
  const char *type = _adf_value_type (node) ?: "";
  guint size = _adf_value_size (node);
  AdfValue content = _adf_value_member (node, "content");
  gboolean plain = size == 1 || (size == 2 && _adf_value_present (content));
  gboolean empty = _adf_value_kind (content) == ADF_VALUE_ARRAY && _adf_value_size (content) == 0;
  /* Looked up in a reused buffer, built only for a new shell: this runs for every block
   * loaded, and most share their shell with blocks before them. */
  GString *key = self->key_scratch;
  JsonObject *object;
  AdfShell *shell;

  g_string_truncate (key, 0);
  g_string_append_c (key, is_leaf ? 'L' : 'F');
  if (plain)
    g_string_append (key, type); /* a letter first: never a value_key, which starts with a digit */
  else
    value_key (key, node, "content");
  if (empty)
    g_string_append (key, "[]");
  shell = g_hash_table_lookup (self->shells, key->str);
  if (shell)
    return shell;

  object = json_object_new ();
  if (plain)
    json_object_set_string_member (object, "type", type);
  else
    {
      AdfValueIter iter;
      const char *name;
      AdfValue member;

      _adf_value_iter_init (&iter, node);
      while (_adf_value_iter_next (&iter, &name, &member))
        if (!g_str_equal (name, "content"))
          json_object_set_member (object, name, _adf_value_to_node (member));
    }
  if (empty)
    json_object_set_array_member (object, "content", json_array_new ());

  shell = g_new0 (AdfShell, 1);
  shell->object = object;
  json_object_seal (shell->object);
  shell->key = g_strndup (key->str, key->len);
  shell->plain = plain;
  shell->kind = is_leaf ? leaf_kind (type) : frame_kind (type);
  if (shell->kind == ADF_LEAF_HEADING && is_leaf)
    shell->level = number_member (_adf_value_member (node, "attrs"), "level", 1);
  g_hash_table_insert (self->shells, shell->key, shell);
  return shell;
}

/* The shell of an island line: text typed beside an island becomes a paragraph. */
AdfShell *
_adf_buffer_island_shell (AdfBuffer *self)
{
  AdfShell *shell = g_hash_table_lookup (self->shells, "island");

  if (shell == NULL)
    {
      shell = g_new0 (AdfShell, 1);
      shell->object = json_object_new ();
      json_object_set_string_member (shell->object, "type", "paragraph");
      json_object_seal (shell->object);
      shell->key = g_strdup ("island");
      shell->plain = TRUE;
      shell->kind = ADF_LEAF_ISLAND;
      g_hash_table_insert (self->shells, shell->key, shell);
    }
  return shell;
}

AdfShell *
_adf_buffer_shell_for_type (AdfBuffer *self, const char *type, int level, gboolean is_leaf)
{
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "type", type);
  if (level > 0)
    {
      JsonObject *attrs = json_object_new ();
      json_object_set_int_member (attrs, g_str_equal (type, "heading") ? "level" : "order", level);
      json_object_set_object_member (object, "attrs", attrs);
    }
  json_node_take_object (node, object);
  return _adf_buffer_intern_shell (self, _adf_value_from_node (node), is_leaf);
}

AdfLineInfo *
_adf_buffer_intern_line (AdfBuffer *self,
                         AdfShell **frames,
                         guint n_frames,
                         AdfShell *leaf,
                         guint start)
{
  GString *k = self->key_scratch;
  AdfLineInfo *info;

  g_string_truncate (k, 0);
  for (guint i = 0; i < n_frames; i++)
    append_pointer (k, frames[i]);
  append_pointer (k, leaf);
  append_pointer (k, GUINT_TO_POINTER (start));

  info = g_hash_table_lookup (self->lines, k->str);
  if (info)
    return info;

  info = g_new0 (AdfLineInfo, 1);
  info->n_frames = n_frames;
  info->frames = g_new0 (AdfShell *, MAX (n_frames, 1)); /* never NULL: memcpy/memcmp take it */
  if (n_frames > 0)
    memcpy (info->frames, frames, sizeof (AdfShell *) * n_frames);
  info->leaf = leaf;
  info->start = MIN (start, n_frames + 1);
  info->key = g_strdup (k->str);
  for (guint i = 0; i < n_frames; i++)
    if (frames[i]->kind == ADF_FRAME_LIST_ITEM)
      info->list_depth++;
  info->tag = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (self), NULL, NULL);
  g_object_set_qdata (G_OBJECT (info->tag), line_quark, info);
  style_line_tag (info);
  g_hash_table_insert (self->lines, info->key, info);
  return info;
}

AdfMarkInfo *
_adf_buffer_intern_mark (AdfBuffer *self, AdfValue mark)
{
  /* Looked up in a reused buffer, copied only for a new mark: most are not. */
  GString *key = self->key_scratch;
  AdfMarkInfo *info;

  /* {"type": "strong"} and the like, most marks: interned when the buffer was made */
  if (_adf_value_size (mark) == 1 && self->simple_marks[ADF_MARK_KIND_CODE] != NULL)
    {
      const char *type = _adf_value_type (mark);
      AdfMarkKind kind = type ? mark_kind (type) : ADF_MARK_KIND_OTHER;

      if (kind <= ADF_MARK_KIND_CODE)
        return self->simple_marks[kind];
    }

  g_string_truncate (key, 0);
  value_key (key, mark, NULL);
  info = g_hash_table_lookup (self->marks, key->str);
  if (info)
    return info;

  info = g_new0 (AdfMarkInfo, 1);
  info->json = _adf_value_to_node (mark);
  json_node_seal (info->json);
  info->type = g_strdup (_adf_value_type (mark) ?: "");
  info->kind = mark_kind (info->type);
  info->key = g_strndup (key->str, key->len);
  info->tag = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (self), NULL, NULL);
  g_object_set_qdata (G_OBJECT (info->tag), mark_quark, info);
  style_mark_tag (info);
  g_hash_table_insert (self->marks, info->key, info);
  g_ptr_array_add (self->mark_list, info);
  return info;
}

AdfAuxInfo *
_adf_buffer_intern_aux (AdfBuffer *self, AdfAuxKind kind, const char *value, JsonNode *json)
{
  g_autofree char *json_key = json ? json_to_string (json, FALSE) : NULL;
  g_autofree char *key = g_strdup_printf ("%d|%s|%s", kind, value, json_key ? json_key : "");
  AdfAuxInfo *info = g_hash_table_lookup (self->aux, key);

  if (info)
    return info;

  info = g_new0 (AdfAuxInfo, 1);
  info->kind = kind;
  info->value = g_strdup (value);
  info->json = json ? json_node_copy (json) : NULL;
  if (kind == ADF_AUX_SEAM)
    info->tag = self->seam_tag;
  else
    {
      info->tag = gtk_text_buffer_create_tag (GTK_TEXT_BUFFER (self), NULL, NULL);
      g_object_set_qdata (G_OBJECT (info->tag), aux_quark, info);
    }
  g_hash_table_insert (self->aux, g_steal_pointer (&key), info);
  return info;
}

AdfLineInfo *
_adf_buffer_tag_line_info (GtkTextTag *tag)
{
  return g_object_get_qdata (G_OBJECT (tag), line_quark);
}

AdfMarkInfo *
_adf_buffer_tag_mark_info (GtkTextTag *tag)
{
  return g_object_get_qdata (G_OBJECT (tag), mark_quark);
}

AdfAuxInfo *
_adf_buffer_tag_aux_info (GtkTextTag *tag)
{
  return g_object_get_qdata (G_OBJECT (tag), aux_quark);
}

AdfLineInfo *
_adf_buffer_root_paragraph (AdfBuffer *self)
{
  /* Interned line infos live as long as the buffer */
  if (self->root_paragraph == NULL)
    self->root_paragraph = _adf_buffer_intern_line (
        self, NULL, 0, _adf_buffer_shell_for_type (self, "paragraph", 0, TRUE), 0);
  return self->root_paragraph;
}
