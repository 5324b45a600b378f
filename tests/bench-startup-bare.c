/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The floor under bench-startup's figure: an empty window, started and timed the way
 * Debrief is, so that the bench can say how much of the time to Debrief's first frame is
 * GTK's and libadwaita's own (display, theme, GL renderer on this display). Not run alone:
 *
 *   bench-startup-bare gtk   a GtkApplicationWindow, nothing in it
 *   bench-startup-bare adw   an AdwApplicationWindow with an AdwHeaderBar
 *
 * Same size as Debrief's window (its GSettings window-width and window-height); prints
 * "first-frame <µs>" (g_get_monotonic_time()) after its first paint, as Debrief does with
 * DEBRIEF_BENCH_FIRST_FRAME set.
 */
#include "config.h"

#include <adwaita.h>

static void
on_after_paint (GdkFrameClock *clock, gpointer user_data)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, user_data);
  g_printerr ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
}

static void
on_map (GtkWidget *window, gpointer user_data)
{
  g_signal_handlers_disconnect_by_func (window, on_map, user_data);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint),
                    NULL);
}

static void
on_activate (GtkApplication *app, gpointer user_data)
{
  gboolean adw = GPOINTER_TO_INT (user_data);
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *window;

  if (adw)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      window = adw_application_window_new (app);
      gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
      adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
    }
  else
    {
      window = gtk_application_window_new (app);
    }
  gtk_window_set_default_size (GTK_WINDOW (window), g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  g_signal_connect (window, "map", G_CALLBACK (on_map), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  g_autoptr (GtkApplication) app = NULL;
  gboolean adw = argc > 1 && g_str_equal (argv[1], "adw");

  if (argc != 2 || (!adw && !g_str_equal (argv[1], "gtk")))
    {
      g_printerr ("usage: %s gtk|adw\n", argv[0]);
      return 2;
    }

  /* Its own id, registered on the session bus as Debrief registers its own. */
  if (adw)
    app = GTK_APPLICATION (adw_application_new (BASE_ID ".BenchBare", G_APPLICATION_DEFAULT_FLAGS));
  else
    app = gtk_application_new (BASE_ID ".BenchBare", G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), GINT_TO_POINTER (adw));
  return g_application_run (G_APPLICATION (app), 1, argv);
}
