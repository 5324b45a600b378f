/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-postmortem-list"

#include "config.h"

#include "debrief-postmortem-list-private.h"

/* What waits for the next frame of the list's window, so that a start draws the list first:
 * the first refresh (debrief_postmortem_list_queue_refresh()) and the rows past the first
 * screenful (_debrief_postmortem_list_hold_rows()). */

/* How long to wait for a frame of the window. */
#define FRAME_MAX_WAIT_MS 1000

/* The lowest a row gets: a postmortem not fetched yet has one line of title, in the row's
 * padding and margin (style.css). */
#define MIN_ROW_HEIGHT 40
/* Without a monitor to go by: the rows of a tall one. */
#define FALLBACK_FIRST_FRAME_ROWS 60

/* As many rows as the tallest monitor can show, a window there maximised included.
 * GtkListView in GTK 4.8 builds, styles and measures up to 200 rows whatever its height:
 * three quarters of what a start with a large library did before its first frame. */
static guint
first_frame_rows (DebriefPostmortemList *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  int height = 0;

  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr (GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      height = MAX (height, geometry.height);
    }
  return height > 0 ? (guint) height / MIN_ROW_HEIGHT + 2 : FALLBACK_FIRST_FRAME_ROWS;
}

static void
frame_reached (DebriefPostmortemList *self)
{
  _debrief_postmortem_list_stop_waiting (self);
  /* The rows first: a run keeps the main loop busy. */
  _debrief_postmortem_list_release_rows (self);
  if (self->refresh_queued)
    debrief_postmortem_list_refresh (self);
}

static void
on_after_paint (DebriefPostmortemList *self)
{
  frame_reached (self);
}

static gboolean
on_wait_timeout (gpointer user_data)
{
  DebriefPostmortemList *self = user_data;

  self->frame_wait_id = 0;
  frame_reached (self);
  return G_SOURCE_REMOVE;
}

static gboolean
on_wait_idle (gpointer user_data)
{
  DebriefPostmortemList *self = user_data;
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));
  GdkFrameClock *clock = window != NULL && gtk_widget_get_mapped (window)
                             ? gtk_widget_get_frame_clock (window)
                             : NULL;

  self->frame_wait_id = 0;
  if (clock == NULL)
    {
      /* In no window on screen: nothing to draw first. */
      frame_reached (self);
      return G_SOURCE_REMOVE;
    }

  /* ::after-paint ends every frame the clock runs, a first one included; asking for the
   * phase makes sure there is a next frame even when nothing else changes. A window that
   * does not draw (a hidden one gets no frame callbacks on Wayland) goes on all the same, a
   * little later. */
  self->frame_clock = g_object_ref (clock);
  self->after_paint_id
      = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (on_after_paint), self);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
  self->frame_wait_id = g_timeout_add (FRAME_MAX_WAIT_MS, on_wait_timeout, self);
  return G_SOURCE_REMOVE;
}

/* The idle looks at the window once the caller is done (a window gets its library and
 * client before it is presented); not a low-priority idle, which a spinner animating on a
 * busy machine can hold off for ever. */
void
_debrief_postmortem_list_wait_for_frame (DebriefPostmortemList *self)
{
  if (self->frame_wait_id != 0 || self->frame_clock != NULL)
    return;
  self->frame_wait_id = g_idle_add_full (G_PRIORITY_DEFAULT, on_wait_idle, self, NULL);
}

void
_debrief_postmortem_list_stop_waiting (DebriefPostmortemList *self)
{
  g_clear_handle_id (&self->frame_wait_id, g_source_remove);
  if (self->frame_clock != NULL)
    {
      /* A clock disposed with its window has dropped its handlers already. */
      if (g_signal_handler_is_connected (self->frame_clock, self->after_paint_id))
        g_signal_handler_disconnect (self->frame_clock, self->after_paint_id);
      self->after_paint_id = 0;
      g_clear_object (&self->frame_clock);
    }
}

/* Called before a library is set in a window not on screen yet: its first frame shows the
 * first rows, the others come right after it. */
void
_debrief_postmortem_list_hold_rows (DebriefPostmortemList *self)
{
  if (!self->rows_held)
    {
      self->rows_held = TRUE;
      gtk_slice_list_model_set_size (self->first_rows, first_frame_rows (self));
    }
  _debrief_postmortem_list_wait_for_frame (self);
}

void
_debrief_postmortem_list_release_rows (DebriefPostmortemList *self)
{
  if (!self->rows_held)
    return;
  self->rows_held = FALSE;
  gtk_slice_list_model_set_size (self->first_rows, G_MAXUINT);
}
