/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-first-frame"

#include "config.h"

#include "debrief-first-frame.h"

static void
on_after_paint (GdkFrameClock *clock, gpointer user_data)
{
  /* Once per process: a second window, or a remap, is not a start-up. */
  static gboolean printed = FALSE;

  g_signal_handlers_disconnect_by_func (clock, on_after_paint, user_data);
  if (printed)
    return;
  printed = TRUE;
  g_printerr ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
}

/* The frame clock exists once the window is realized; "map" comes after that, and the first
 * paint after the map is the first frame the user sees. */
static void
on_map (GtkWidget *window, gpointer user_data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_handlers_disconnect_by_func (window, on_map, user_data);
  if (clock != NULL)
    g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
}

void
debrief_first_frame_watch (GtkWidget *window)
{
  g_return_if_fail (GTK_IS_WIDGET (window));

  if (g_getenv ("DEBRIEF_BENCH_FIRST_FRAME") == NULL)
    return;

  g_signal_connect (window, "map", G_CALLBACK (on_map), NULL);
}
