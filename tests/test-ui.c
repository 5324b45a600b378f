/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The application and its window around the edges: the welcome page, the way from there to
 * the sandbox, the size kept in GSettings, About, a closed window that stops loading. The
 * window's flows (open, save, create, delete) are in test-window.c; the list's states in
 * test-postmortem-list.c. Runs under Xvfb in CI.
 */
#include "config.h"

#include <adwaita.h>

#include "debrief-application.h"
#include "debrief-postmortem-row.h"
#include "debrief-window-private.h"

#include "debrief-postmortem-list-private.h"
#include "debrief-test-ui-util.h"
#include "debrief-test-util.h"
#include "og-client.h"
#include "og-error.h"
#include "og-sandbox.h"

typedef struct
{
  OgSandbox *sandbox;
  OgClient *client;
  DebriefWindow *window;
} Fixture;

/* The list, with postmortems in it. */
static gboolean
window_shows_list (gpointer data)
{
  return debrief_test_window_shows_list (data)
         && g_list_model_get_n_items (_debrief_window_get_model (data)) > 0;
}

/* Widget tree helpers */

static gboolean
has_label (GtkWidget *root, const char *text)
{
  g_autoptr (GPtrArray) labels = debrief_test_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    {
      if (g_strcmp0 (gtk_label_get_label (g_ptr_array_index (labels, i)), text) == 0)
        return TRUE;
    }
  return FALSE;
}

static GtkLabel *
find_label_with_class (GtkWidget *root, const char *css_class)
{
  g_autoptr (GPtrArray) labels = debrief_test_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    {
      if (gtk_widget_has_css_class (g_ptr_array_index (labels, i), css_class))
        return g_ptr_array_index (labels, i);
    }
  return NULL;
}

/* The sandbox's side */

/* id → title, as the sandbox has them */
/* The first sentence a user reads for an HTTP status, as OgError words it. */
/* Fixture: a running sandbox, a client for it, a window not pointed at it yet */

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  fixture->sandbox = debrief_test_sandbox_new ();
  fixture->client = debrief_test_client_new (fixture->sandbox);
  fixture->window = g_object_ref (debrief_window_new (NULL));
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  /* Let the cancelled requests finish before their server goes. */
  debrief_test_spin (50);
  debrief_test_sandbox_stop (&fixture->sandbox, &fixture->client);
}

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

/* Tests */

/* Every template type, so that a type named only in a .ui file and missing on the version
 * floor fails here. */
static void
test_templates (void)
{
  DebriefWindow *window = g_object_ref (debrief_window_new (NULL));
  GtkWidget *row = g_object_ref_sink (debrief_postmortem_row_new ());

  g_assert_true (DEBRIEF_IS_WINDOW (window));
  g_assert_true (DEBRIEF_IS_POSTMORTEM_ROW (row));
  g_assert_null (debrief_postmortem_row_get_postmortem (DEBRIEF_POSTMORTEM_ROW (row)));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  g_object_unref (row);
}

static void
test_row_shows_postmortem (Fixture *fixture, gconstpointer data)
{
  g_auto (GStrv) ids = og_sandbox_dup_postmortem_ids (fixture->sandbox);
  g_autoptr (GtkWidget) row = g_object_ref_sink (debrief_postmortem_row_new ());

  g_assert_nonnull (ids[0]);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr (JsonNode) node = og_sandbox_dup_postmortem (fixture->sandbox, ids[i]);
      g_autoptr (OgPostmortem) postmortem = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *severity_class = NULL;
      g_autofree char *incident_text = NULL;
      OgIncident *incident;
      GtkLabel *badge;
      GtkLabel *pill;

      postmortem = og_postmortem_new_from_json (node, &error);
      g_assert_no_error (error);
      debrief_postmortem_row_set_postmortem (DEBRIEF_POSTMORTEM_ROW (row), postmortem);
      g_assert_true (debrief_postmortem_row_get_postmortem (DEBRIEF_POSTMORTEM_ROW (row))
                     == postmortem);

      g_assert_true (has_label (row, og_postmortem_get_title (postmortem)));

      badge = find_label_with_class (row, "severity-badge");
      g_assert_nonnull (badge);
      g_assert_cmpstr (gtk_label_get_label (badge), ==,
                       og_severity_to_string (og_postmortem_get_severity (postmortem)));
      severity_class = g_ascii_strdown (gtk_label_get_label (badge), -1);
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (badge), severity_class));
      /* One colour at a time, also when the row is reused for another postmortem. */
      for (guint s = OG_SEVERITY_P1; s <= OG_SEVERITY_P5; s++)
        {
          g_autofree char *other = g_ascii_strdown (og_severity_to_string (s), -1);

          if (s != og_postmortem_get_severity (postmortem))
            g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (badge), other));
        }

      pill = find_label_with_class (row, "status-pill");
      g_assert_nonnull (pill);
      g_assert_cmpstr (gtk_label_get_label (pill), !=, "");
      g_assert_true (gtk_widget_has_css_class (
          GTK_WIDGET (pill),
          og_postmortem_status_to_string (og_postmortem_get_status (postmortem))));

      incident = og_postmortem_get_root_incident (postmortem);
      g_assert_nonnull (incident);
      incident_text = g_strdup_printf ("#%s %s", og_incident_get_tiny_id (incident),
                                       og_incident_get_message (incident));
      g_assert_true (has_label (row, incident_text));

      /* a screen reader hears the same, in one label */
      {
        g_autofree char *spoken = g_strdup_printf (
            "%s, %s, %s, %s", og_postmortem_get_title (postmortem), gtk_label_get_label (badge),
            gtk_label_get_label (pill), incident_text);
        g_autofree char *mismatch = gtk_test_accessible_check_property (
            GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken);

        g_assert_null (mismatch);
      }
    }
}

static void
test_welcome (Fixture *fixture, gconstpointer data)
{
  DebriefWindow *window = fixture->window;

  g_assert_null (debrief_window_get_client (window));
  g_assert_cmpstr (_debrief_window_get_visible_page_name (window), ==, "welcome");
  g_assert_false (gtk_widget_get_visible (_debrief_window_get_sandbox_bar (window)));
  g_assert_false (debrief_window_get_loading (window));
  g_assert_cmpstr (
      gtk_actionable_get_action_name (GTK_ACTIONABLE (_debrief_window_get_sandbox_button (window))),
      ==, "app.sandbox");

  /* Nothing to refresh without a connection. */
  gtk_window_present (GTK_WINDOW (window));
  debrief_test_spin (50);
  g_assert_false (gtk_widget_is_sensitive (_debrief_window_get_refresh_button (window)));
}

static gboolean
sandbox_got_list (gpointer data)
{
  return og_sandbox_count_requests (data, OG_ROUTE_INCIDENTS_LIST) > 0;
}

static void
test_dispose_cancels (Fixture *fixture, gconstpointer data)
{
  /* The incident list answers late; the window is closed meanwhile. */
  og_sandbox_add_fault (fixture->sandbox, OG_ROUTE_INCIDENTS_LIST, OG_SANDBOX_FAULT_DELAY, 200, 1);
  debrief_window_set_client (fixture->window, fixture->client);
  g_assert_true (
      debrief_test_wait_until (sandbox_got_list, fixture->sandbox, DEBRIEF_TEST_TIMEOUT_MS));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  fixture->window = g_object_ref (debrief_window_new (NULL));

  debrief_test_spin (500);
  /* The closed window fetched no postmortem after its first list came back. */
  g_assert_cmpuint (og_sandbox_count_requests (fixture->sandbox, OG_ROUTE_POSTMORTEM_GET), ==, 0);
}

static void
test_window_size_in_settings (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  DebriefWindow *window;
  int width, height;

  g_settings_set_int (settings, "window-width", 777);
  g_settings_set_int (settings, "window-height", 555);

  window = g_object_ref (debrief_window_new (NULL));
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 777);
  g_assert_cmpint (height, ==, 555);

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static void
test_accessible_names (void)
{
  DebriefWindow *window = g_object_ref (debrief_window_new (NULL));
  GtkAccessible *refresh = GTK_ACCESSIBLE (_debrief_window_get_refresh_button (window));
  GtkAccessible *list = GTK_ACCESSIBLE (
      _debrief_postmortem_list_get_list_view (_debrief_window_get_postmortem_list (window)));

  g_assert_true (gtk_test_accessible_has_property (refresh, GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_true (gtk_test_accessible_has_property (list, GTK_ACCESSIBLE_PROPERTY_LABEL));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

/* adw_show_about_window() does not add the window to the application: look among the
 * toplevels. */
static GtkWindow *
find_about_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_ABOUT_WINDOW (window))
        return window;
    }
  return NULL;
}

static gboolean
has_about_window (gpointer data)
{
  return find_about_window () != NULL;
}

static void
test_about (void)
{
  g_autoptr (DebriefApplication) app = debrief_test_application_new ("About");
  GtkWindow *window;
  GtkWindow *about;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_null (find_about_window ());

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  g_assert_true (debrief_test_wait_until (has_about_window, NULL, DEBRIEF_TEST_TIMEOUT_MS));

  about = find_about_window ();
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Debrief");
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  /* Over the window it was asked from. */
  g_assert_true (gtk_window_get_transient_for (about) == window);

  gtk_window_destroy (about);
  gtk_window_destroy (window);
  debrief_test_spin (50);
}

/* From the welcome page to the sandbox's list, as a user gets there. */
static void
test_try_the_sandbox (void)
{
  g_autoptr (DebriefApplication) app = debrief_test_application_new ("TryTheSandbox");
  DebriefWindow *window;

  g_application_activate (G_APPLICATION (app));

  window = DEBRIEF_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  g_assert_cmpstr (_debrief_window_get_visible_page_name (window), ==, "welcome");
  g_assert_false (debrief_application_is_sandbox (app));

  g_assert_true (gtk_widget_activate (_debrief_window_get_sandbox_button (window)));
  DEBRIEF_TEST_WAIT_FOR (window_shows_list, window, "the sandbox's postmortems loaded");

  g_assert_true (debrief_application_is_sandbox (app));
  g_assert_true (debrief_window_get_sandbox (window));
  g_assert_true (gtk_widget_get_visible (_debrief_window_get_sandbox_bar (window)));
  g_assert_true (debrief_window_get_client (window) == debrief_application_get_client (app));
  g_assert_cmpuint (g_list_model_get_n_items (_debrief_window_get_model (window)), >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  debrief_test_spin (50);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* The test AT context keeps the accessible properties for gtk_test_accessible_*(); with
   * GTK_A11Y=none there is none to ask. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  if (!gtk_init_check ())
    {
      g_test_add_func ("/ui/display", debrief_test_no_display);
      return g_test_run ();
    }
  adw_init ();

  g_test_add_func ("/ui/templates/instantiate", test_templates);
  g_test_add_func ("/ui/window/accessible-names", test_accessible_names);
  g_test_add_func ("/ui/window/size-in-settings", test_window_size_in_settings);
  ADD_TEST ("/ui/row/shows-postmortem", test_row_shows_postmortem);
  ADD_TEST ("/ui/window/welcome", test_welcome);
  ADD_TEST ("/ui/window/dispose-cancels", test_dispose_cancels);
  g_test_add_func ("/ui/application/try-the-sandbox", test_try_the_sandbox);
  g_test_add_func ("/ui/application/about", test_about);

  return g_test_run ();
}
