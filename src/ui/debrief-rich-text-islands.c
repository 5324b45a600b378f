/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-rich-text"

#include "config.h"

#include "debrief-rich-text-private.h"

/* Islands (tables, panels, rules…) of DebriefRichText: AdfTextView shows them as cards of a
 * fixed width; here they take the text's width instead. */

/* What a GtkTextBuffer holds where a child anchor is */
#define ANCHOR_CHAR 0xFFFC

#define ISLAND_MIN_WIDTH 200
#define ISLAND_MAX_WIDTH 560

static gboolean
is_anchor_char (gunichar c, gpointer data)
{
  return c == ANCHOR_CHAR;
}

static int
island_width (DebriefRichText *self)
{
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->view));
  GtkTextView *view = GTK_TEXT_VIEW (self->view);
  int width = (int) gtk_adjustment_get_page_size (hadjustment)
              - gtk_text_view_get_left_margin (view) - gtk_text_view_get_right_margin (view) - 8;

  return CLAMP (width, ISLAND_MIN_WIDTH, ISLAND_MAX_WIDTH);
}

static gboolean
fit_anchor (GtkTextChildAnchor *anchor, int width)
{
  gboolean changed = FALSE;
  g_autofree GtkWidget **widgets = NULL;
  guint n = 0;

  if (anchor == NULL || !adf_buffer_anchor_is_block (anchor))
    return FALSE;
  widgets = gtk_text_child_anchor_get_widgets (anchor, &n);
  for (guint i = 0; i < n; i++)
    {
      int current;

      gtk_widget_get_size_request (widgets[i], &current, NULL);
      if (current != width)
        {
          gtk_widget_set_size_request (widgets[i], width, -1);
          changed = TRUE;
        }
    }
  return changed;
}

/* Islands (tables, panels, rules…) are as wide as the text, up to a card's width: a fixed
 * width would hold a narrow window open, or stick out of it. */
static void
fit_islands (DebriefRichText *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->view);
  int width = island_width (self);
  gboolean changed = FALSE;
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (self->buffer), &iter);
  while (gtk_text_iter_get_char (&iter) == ANCHOR_CHAR
         || gtk_text_iter_forward_find_char (&iter, is_anchor_char, NULL, NULL))
    {
      changed |= fit_anchor (gtk_text_iter_get_child_anchor (&iter), width);
      if (!gtk_text_iter_forward_char (&iter))
        break;
    }
  /* The view measures its children when it lays their lines out, not when they change
   * size: a change of wrap mode lays out everything again. */
  if (changed)
    {
      GtkWrapMode mode = gtk_text_view_get_wrap_mode (view);

      gtk_text_view_set_wrap_mode (view, mode == GTK_WRAP_WORD ? GTK_WRAP_CHAR : GTK_WRAP_WORD);
      gtk_text_view_set_wrap_mode (view, mode);
    }
}

static void
on_insert_child_anchor (GtkTextBuffer *buffer,
                        GtkTextIter *location,
                        GtkTextChildAnchor *anchor,
                        DebriefRichText *self)
{
  fit_anchor (anchor, island_width (self));
}

static gboolean
fit_islands_idle (gpointer data)
{
  DebriefRichText *self = data;

  self->fit_id = 0;
  fit_islands (self);
  return G_SOURCE_REMOVE;
}

static void
queue_fit_islands (DebriefRichText *self)
{
  if (self->fit_id == 0)
    self->fit_id = g_idle_add (fit_islands_idle, self);
}

void
_debrief_rich_text_islands_init (DebriefRichText *self)
{
  /* After AdfTextView's handler, which gives the anchor its widget */
  g_signal_connect_object (self->buffer, "insert-child-anchor", G_CALLBACK (on_insert_child_anchor),
                           self, G_CONNECT_AFTER);
  /* The text view configures it (page size = its width) on every allocation */
  g_signal_connect_object (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->view)), "changed",
                           G_CALLBACK (queue_fit_islands), self, G_CONNECT_SWAPPED);
}
