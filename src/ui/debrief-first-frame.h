/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* For tests/bench-startup: when the environment variable DEBRIEF_BENCH_FIRST_FRAME is set,
 * prints "first-frame <µs>" (g_get_monotonic_time(), CLOCK_MONOTONIC) to stderr once, after
 * @window has painted its first frame. Does nothing otherwise. */
void debrief_first_frame_watch (GtkWidget *window);

G_END_DECLS
