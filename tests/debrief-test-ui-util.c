/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "debrief-test-ui-util.h"

#include "debrief-window-private.h"

void
debrief_test_collect (GtkWidget *root, GType type, GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    debrief_test_collect (child, type, found);
}

GPtrArray *
debrief_test_find_all (GtkWidget *root, GType type)
{
  GPtrArray *found = g_ptr_array_new ();

  debrief_test_collect (root, type, found);
  return found;
}

DebriefApplication *
debrief_test_application_new (const char *name)
{
  g_autofree char *id = g_strconcat (APP_ID ".Test.", name, NULL);
  g_autoptr (GError) error = NULL;
  DebriefApplication *app;

  /* clang-format off */
  app = g_object_new (DEBRIEF_TYPE_APPLICATION,
                      "application-id", id,
                      "flags", G_APPLICATION_NON_UNIQUE,
                      "resource-base-path", RESOURCE_BASE,
                      NULL);
  /* clang-format on */
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  return app;
}

gboolean
debrief_test_window_shows_list (gpointer window)
{
  return !debrief_window_get_loading (window)
         && g_strcmp0 (_debrief_window_get_visible_page_name (window), "main") == 0;
}

void
debrief_test_load_style (void)
{
  g_autoptr (GtkCssProvider) css = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (css, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

void
debrief_test_no_display (void)
{
  if (g_getenv ("CI") != NULL)
    g_test_fail_printf ("no display: the UI tests must run under Xvfb in CI");
  else
    g_test_skip ("no display");
}
