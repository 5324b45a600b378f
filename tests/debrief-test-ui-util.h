/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "debrief-application.h"

G_BEGIN_DECLS

/*
 * What the widget tests share beyond debrief-test-util.h: finding widgets in a tree, the
 * application as a test starts it, and the stand-in test when there is no display.
 */

/* Adds every widget of @type in @root's tree (@root included) to @found. */
void debrief_test_collect (GtkWidget *root, GType type, GPtrArray *found);
/* The same in a new array, which does not own the widgets. */
GPtrArray *debrief_test_find_all (GtkWidget *root, GType type);

/* A registered, non-unique application under an id of its own (APP_ID.Test.@name), so that
 * tests do not meet each other or a running Debrief on the bus. */
DebriefApplication *debrief_test_application_new (const char *name);
/* Whether @window (a DebriefWindow) shows its list page, nothing loading: a condition. */
gboolean debrief_test_window_shows_list (gpointer window);

/* The application's style sheet on the default display, as the application loads it from
 * its resource base path: for a program that shows widgets without it. */
void debrief_test_load_style (void);

/* The test registered in place of the others when GTK finds no display: it fails under CI
 * (which must provide Xvfb) and is skipped elsewhere. */
void debrief_test_no_display (void);

G_END_DECLS
