/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "adf-text-view"

#include "config.h"

#include <glib/gi18n.h>

#include "adf-text-view.h"

#include "adf-buffer-private.h"

/* A GtkTextView for an AdfBuffer: shows atoms and islands as widgets at their anchors, and
 * list markers (bullets, numbers) left of the items, which are not text. */

struct _AdfTextView
{
  GtkTextView parent_instance;
};

G_DEFINE_FINAL_TYPE (AdfTextView, adf_text_view, GTK_TYPE_TEXT_VIEW)

static const char css[]
    = ".adf-island { border: 1px solid alpha(currentColor, 0.25); border-radius: 6px;"
      "  padding: 6px 10px; background: alpha(currentColor, 0.04); }"
      ".adf-island-title { font-weight: bold; }"
      ".adf-island-preview { opacity: 0.7; font-size: smaller; }"
      ".adf-mention { background: #deebff; color: #0747a6; border-radius: 10px; padding: 0 5px; }"
      ".adf-date { background: #ebecf0; color: #172b4d; border-radius: 3px; padding: 0 4px; }"
      ".adf-status { font-weight: bold; font-size: smaller; border-radius: 3px; padding: 0 4px;"
      "  background: #dfe1e6; color: #42526e; }"
      ".adf-status-purple { background: #eae6ff; color: #403294; }"
      ".adf-status-blue { background: #deebff; color: #0747a6; }"
      ".adf-status-red { background: #ffebe6; color: #bf2600; }"
      ".adf-status-yellow { background: #fff0b3; color: #172b4d; }"
      ".adf-status-green { background: #e3fcef; color: #006644; }"
      ".adf-placeholder { opacity: 0.6; font-style: italic; }"
      ".adf-card { color: #0052cc; text-decoration: underline; }";

static void
ensure_css (void)
{
  static gboolean done;
  GtkCssProvider *provider;

  if (done || gdk_display_get_default () == NULL)
    return;
  done = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, css, -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_unref (provider);
}

static GtkWidget *
atom_widget (GtkTextChildAnchor *anchor)
{
  const char *kind = adf_buffer_anchor_kind (anchor);
  g_autofree char *text = adf_buffer_anchor_text (anchor);
  GtkWidget *label = gtk_label_new (NULL);

  if (g_str_equal (kind, "status"))
    {
      g_autofree char *upper = g_utf8_strup (text ? text : "", -1);
      g_autofree char *color_class = NULL;
      const char *color = adf_buffer_anchor_attr (anchor, "color");

      gtk_label_set_text (GTK_LABEL (label), upper);
      gtk_widget_add_css_class (label, "adf-status");
      color_class = g_strconcat ("adf-status-", color ? color : "neutral", NULL);
      gtk_widget_add_css_class (label, color_class);
    }
  else
    {
      g_autofree char *css_class
          = g_strconcat ("adf-", g_str_equal (kind, "inlineCard") ? "card" : kind, NULL);
      gtk_label_set_text (GTK_LABEL (label), text);
      gtk_widget_add_css_class (label, css_class);
    }
  gtk_widget_set_valign (label, GTK_ALIGN_BASELINE);
  return label;
}

static GtkWidget *
island_widget (GtkTextChildAnchor *anchor)
{
  g_autofree char *title = adf_buffer_describe_island (anchor);
  g_autofree char *preview = adf_buffer_island_preview (anchor);
  GtkWidget *box, *label;

  if (g_strcmp0 (adf_buffer_anchor_kind (anchor), "rule") == 0)
    {
      GtkWidget *rule = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);
      gtk_widget_set_size_request (rule, 480, -1);
      gtk_widget_set_margin_top (rule, 8);
      gtk_widget_set_margin_bottom (rule, 8);
      gtk_accessible_update_property (GTK_ACCESSIBLE (rule), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      -1);
      return rule;
    }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_add_css_class (box, "adf-island");
  gtk_widget_set_size_request (box, 480, -1);
  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "adf-island-title");
  gtk_box_append (GTK_BOX (box), label);
  if (preview && *preview)
    {
      label = gtk_label_new (preview);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
      gtk_label_set_lines (GTK_LABEL (label), 2);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "adf-island-preview");
      gtk_box_append (GTK_BOX (box), label);
    }
  return box;
}

static void
add_anchor_widget (AdfTextView *self, GtkTextChildAnchor *anchor)
{
  GtkWidget *widget;

  if (adf_buffer_anchor_kind (anchor) == NULL)
    return;
  widget = adf_buffer_anchor_is_block (anchor) ? island_widget (anchor) : atom_widget (anchor);
  gtk_text_view_add_child_at_anchor (GTK_TEXT_VIEW (self), widget, anchor);
}

static void
on_insert_child_anchor (GtkTextBuffer *buffer,
                        GtkTextIter *location,
                        GtkTextChildAnchor *anchor,
                        AdfTextView *self)
{
  add_anchor_widget (self, anchor);
}

static void
attach_existing (AdfTextView *self, GtkTextBuffer *buffer)
{
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  do
    {
      GtkTextChildAnchor *anchor = gtk_text_iter_get_child_anchor (&iter);
      if (anchor)
        add_anchor_widget (self, anchor);
    }
  while (gtk_text_iter_forward_char (&iter));
}

static int
innermost_item (AdfLineInfo *info)
{
  for (guint i = info->n_frames; i > 0; i--)
    if (info->frames[i - 1]->kind == ADF_FRAME_LIST_ITEM)
      return (int) i - 1;
  return -1;
}

/* The number of an ordered list's item: the list's "order" plus the items above. */
static int
item_number (AdfBuffer *buffer, const GtkTextIter *line, AdfLineInfo *info, guint item)
{
  JsonObject *list = info->frames[item - 1]->object;
  JsonObject *attrs = json_object_has_member (list, "attrs")
                          ? json_object_get_object_member (list, "attrs")
                          : NULL;
  int number = attrs ? (int) json_object_get_int_member_with_default (attrs, "order", 1) : 1;
  GtkTextIter iter = *line;

  if (info->start < item)
    return number;
  while (gtk_text_iter_backward_line (&iter))
    {
      AdfLineInfo *other = _adf_buffer_line_info_at (buffer, &iter);
      if (other->n_frames <= item
          || memcmp (other->frames, info->frames, item * sizeof (AdfShell *)) != 0)
        break;
      if (other->start <= item)
        number++;
      if (other->start < item)
        break;
    }
  return number;
}

static void
draw_marker (AdfTextView *self, GtkSnapshot *snapshot, const GtkTextIter *line, AdfLineInfo *info)
{
  static const char *const bullets[] = { "•", "◦", "▪" };
  int item = innermost_item (info);
  g_autofree char *text = NULL;
  PangoLayout *layout;
  GdkRectangle rect;
  GdkRGBA color;
  int width, height;

  if (item < 1 || info->start > (guint) item)
    return;
  if (info->frames[item - 1]->kind == ADF_FRAME_ORDERED_LIST)
    text = g_strdup_printf (
        "%d.", item_number (ADF_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self))), line,
                            info, item));
  else
    text = g_strdup (bullets[(info->list_depth - 1) % G_N_ELEMENTS (bullets)]);

  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), line, &rect);
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  pango_layout_get_pixel_size (layout, &width, &height);
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &color);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (
      snapshot,
      &GRAPHENE_POINT_INIT (rect.x - width - 6, rect.y + MAX (0, rect.height - height) / 2));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
  g_object_unref (layout);
}

/* GObject overrides */

static void
adf_text_view_snapshot_layer (GtkTextView *view, GtkTextViewLayer layer, GtkSnapshot *snapshot)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GdkRectangle visible;
  GtkTextIter iter;
  int y, top, height;

  if (layer != GTK_TEXT_VIEW_LAYER_ABOVE_TEXT || !ADF_IS_BUFFER (buffer))
    return;

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_line_at_y (view, &iter, visible.y, &top);
  for (y = top; y < visible.y + visible.height;)
    {
      AdfLineInfo *info = _adf_buffer_line_info_at (ADF_BUFFER (buffer), &iter);

      gtk_text_view_get_line_yrange (view, &iter, &top, &height);
      if (info->list_depth > 0)
        draw_marker (ADF_TEXT_VIEW (view), snapshot, &iter, info);
      if (info->n_frames > 0 && info->frames[0]->kind == ADF_FRAME_QUOTE)
        {
          /* The quote's bar, left of its lines */
          GdkRGBA bar = { 0.87, 0.88, 0.9, 1 };
          gtk_snapshot_append_color (snapshot, &bar, &GRAPHENE_RECT_INIT (14, top, 3, height));
        }
      y = top + MAX (height, 1);
      if (!gtk_text_iter_forward_line (&iter))
        break;
    }
}

static void
on_buffer_changed (AdfTextView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

  if (!ADF_IS_BUFFER (buffer))
    return;
  g_signal_connect_object (buffer, "insert-child-anchor", G_CALLBACK (on_insert_child_anchor), self,
                           G_CONNECT_AFTER);
  g_signal_connect_object (buffer, "document-changed", G_CALLBACK (gtk_widget_queue_draw), self,
                           G_CONNECT_SWAPPED);
  attach_existing (self, buffer);
}

static void
adf_text_view_class_init (AdfTextViewClass *klass)
{
  GtkTextViewClass *view_class = GTK_TEXT_VIEW_CLASS (klass);

  view_class->snapshot_layer = adf_text_view_snapshot_layer;
}

static void
adf_text_view_init (AdfTextView *self)
{
  ensure_css ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self), 12);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self), 12);
  g_signal_connect (self, "notify::buffer", G_CALLBACK (on_buffer_changed), NULL);
}

/* Public API */

GtkWidget *
adf_text_view_new (AdfBuffer *buffer)
{
  g_return_val_if_fail (ADF_IS_BUFFER (buffer), NULL);

  return g_object_new (ADF_TYPE_TEXT_VIEW, "buffer", buffer, NULL);
}
