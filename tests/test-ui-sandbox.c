/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The sandbox as the application keeps it: "Reset Sandbox…" in the primary menu only in
 * sandbox mode, its confirmation, and the list and the state file on disk after a reset.
 * Runs under Xvfb in CI, with $XDG_DATA_HOME in a temporary folder.
 */
#include "config.h"

#include <adwaita.h>

#include "debrief-application.h"
#include "debrief-test-ui-util.h"
#include "debrief-test-util.h"
#include "debrief-window-private.h"
#include "og-client.h"
#include "og-sandbox.h"

static char *data_home;

static void
wait_list (DebriefWindow *window)
{
  DEBRIEF_TEST_WAIT_FOR (debrief_test_window_shows_list, window, "the window showed its list");
}

/* Widget tree helpers */

/* A label that shows @text (mnemonic underlines aside). */
static gboolean
shows_text (GtkWidget *root, const char *text)
{
  g_autoptr (GPtrArray) labels = debrief_test_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      if (g_strcmp0 (gtk_label_get_text (label), text) == 0
          && gtk_widget_is_visible (GTK_WIDGET (label)))
        return TRUE;
    }
  return FALSE;
}

/* The item of @model (sections and submenus included) whose action is @action. */
static gboolean
find_menu_item (GMenuModel *model, const char *action, GMenuModel **out_model, int *out_index)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *item_action = NULL;
      GMenuLinkIter *links;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &item_action)
          && g_str_equal (item_action, action))
        {
          *out_model = model;
          *out_index = i;
          return TRUE;
        }

      links = g_menu_model_iterate_item_links (model, i);
      while (g_menu_link_iter_next (links))
        {
          g_autoptr (GMenuModel) link = g_menu_link_iter_get_value (links);

          if (find_menu_item (link, action, out_model, out_index))
            {
              g_object_unref (links);
              return TRUE;
            }
        }
      g_object_unref (links);
    }
  return FALSE;
}

static GtkMenuButton *
find_menu_button (GtkWidget *window)
{
  g_autoptr (GPtrArray) buttons = debrief_test_find_all (window, GTK_TYPE_MENU_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (gtk_menu_button_get_primary (g_ptr_array_index (buttons, i)))
      return g_ptr_array_index (buttons, i);
  return NULL;
}

/* Whether the primary menu, popped up as a user opens it, shows "Reset Sandbox…". */
static gboolean
menu_shows_reset (GtkWidget *window)
{
  GtkMenuButton *button = find_menu_button (window);
  GtkPopover *popover;
  gboolean shown;

  g_assert_nonnull (button);
  gtk_menu_button_popup (button);
  debrief_test_spin (100);
  popover = gtk_menu_button_get_popover (button);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  shown = shows_text (GTK_WIDGET (popover), "Reset Sandbox…");
  g_assert_true (shows_text (GTK_WIDGET (popover), "About Debrief"));
  gtk_menu_button_popdown (button);
  debrief_test_spin (50);

  return shown;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* Answers @dialog as a user does: with its button (which also closes it). */
static void
click_response (AdwMessageDialog *dialog, const char *label)
{
  g_autoptr (GPtrArray) buttons = debrief_test_find_all (GTK_WIDGET (dialog), GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkButton *button = g_ptr_array_index (buttons, i);

      if (g_strcmp0 (gtk_button_get_label (button), label) == 0)
        {
          g_assert_true (gtk_widget_activate (GTK_WIDGET (button)));
          return;
        }
    }
  g_error ("no button \"%s\" in the dialog", label);
}

static gboolean
has_message_dialog (gpointer data)
{
  return find_message_dialog () != NULL;
}

static gboolean
no_message_dialog (gpointer data)
{
  return find_message_dialog () == NULL;
}

static char *
state_path (void)
{
  return g_build_filename (data_home, "debrief", "sandbox", "state.json", NULL);
}

static JsonObject *
read_state (void)
{
  g_autofree char *path = state_path ();
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  root = json_from_string (text, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (root));
}

static guint
n_state_postmortems (void)
{
  g_autoptr (JsonObject) state = read_state ();

  return json_array_get_length (json_object_get_array_member (state, "postmortems"));
}

static char *
create_postmortem (OgClient *client)
{
  g_auto (DebriefTestWaiter) waiter = { 0 };
  g_autoptr (GPtrArray) incidents = NULL;
  g_autoptr (GError) error = NULL;
  char *id;

  og_client_list_all_incidents_async (client, "status:resolved AND postmortemStatus:no-postmortem",
                                      0, NULL, debrief_test_waiter_done, &waiter);
  incidents
      = og_client_list_all_incidents_finish (client, debrief_test_waiter_wait (&waiter), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (incidents->len, >, 0);
  debrief_test_waiter_clear (&waiter);

  og_client_create_postmortem_async (client, og_incident_get_id (incidents->pdata[0]),
                                     OG_SANDBOX_ACTOR_ID, NULL, NULL, debrief_test_waiter_done,
                                     &waiter);
  id = og_client_create_postmortem_finish (client, debrief_test_waiter_wait (&waiter), &error);
  g_assert_no_error (error);

  return id;
}

static gboolean
model_has_id (GListModel *model, const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (DebriefLibraryEntry) entry = g_list_model_get_item (model, i);

      if (g_strcmp0 (debrief_library_entry_get_id (entry), id) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Tests */

/* Not in the menu, nor enabled, until the application works on the sandbox. */
static void
test_reset_only_in_sandbox (void)
{
  g_autoptr (DebriefApplication) app = debrief_test_application_new ("ResetOnlyInSandbox");
  g_autoptr (GError) error = NULL;
  GtkMenuButton *button;
  GMenuModel *section = NULL;
  g_autofree char *hidden_when = NULL;
  GtkWidget *window;
  int index = -1;

  g_application_activate (G_APPLICATION (app));
  window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (app)));

  button = find_menu_button (window);
  g_assert_nonnull (button);
  g_assert_true (find_menu_item (gtk_menu_button_get_menu_model (button), "app.reset-sandbox",
                                 &section, &index));
  g_assert_true (
      g_menu_model_get_item_attribute (section, index, "hidden-when", "s", &hidden_when));
  g_assert_cmpstr (hidden_when, ==, "action-disabled");

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "reset-sandbox"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "reset-sandbox"));
  g_assert_false (menu_shows_reset (window));

  g_assert_true (debrief_application_enter_sandbox (app, &error));
  g_assert_no_error (error);
  wait_list (DEBRIEF_WINDOW (window));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "reset-sandbox"));
  g_assert_true (menu_shows_reset (window));

  gtk_window_destroy (GTK_WINDOW (window));
  debrief_test_spin (50);
}

/* A postmortem created in the sandbox, kept on disk; Cancel keeps it, Reset drops it from
 * the list and from the file and says so. */
static void
test_reset_after_dialog (void)
{
  g_autoptr (DebriefApplication) app = debrief_test_application_new ("ResetAfterDialog");
  g_autoptr (GError) error = NULL;
  g_autofree char *created = NULL;
  AdwMessageDialog *dialog;
  DebriefWindow *window;
  GListModel *model;
  guint n_seed;

  g_application_activate (G_APPLICATION (app));
  window = DEBRIEF_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_true (debrief_application_enter_sandbox (app, &error));
  g_assert_no_error (error);
  wait_list (window);
  model = _debrief_window_get_model (window);
  n_seed = g_list_model_get_n_items (model);

  created = create_postmortem (debrief_application_get_client (app));
  debrief_window_reload (window);
  wait_list (window);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_seed + 1);
  g_assert_true (model_has_id (model, created));

  /* Cancel: nothing happens. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "reset-sandbox", NULL);
  g_assert_true (debrief_test_wait_until (has_message_dialog, NULL, DEBRIEF_TEST_TIMEOUT_MS));
  dialog = find_message_dialog ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Reset the Sandbox?");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "Postmortems you created or changed in the sandbox are replaced by the sample "
                   "data.");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "reset"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  click_response (dialog, "_Cancel");
  g_assert_true (debrief_test_wait_until (no_message_dialog, NULL, DEBRIEF_TEST_TIMEOUT_MS));
  debrief_test_spin (300);
  g_assert_false (debrief_window_get_loading (window));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_seed + 1);

  /* The state file has the created one (the app stops the sandbox on quit; until then it is
   * written a moment after the write). */
  g_assert_cmpuint (n_state_postmortems (), ==, n_seed + 1);

  /* Reset. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "reset-sandbox", NULL);
  g_assert_true (debrief_test_wait_until (has_message_dialog, NULL, DEBRIEF_TEST_TIMEOUT_MS));
  click_response (find_message_dialog (), "_Reset");
  g_assert_true (debrief_test_wait_until (no_message_dialog, NULL, DEBRIEF_TEST_TIMEOUT_MS));
  wait_list (window);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_seed);
  g_assert_false (model_has_id (model, created));
  g_assert_true (shows_text (GTK_WIDGET (window), "The sandbox holds the sample data again"));
  g_assert_cmpuint (n_state_postmortems (), ==, n_seed);

  gtk_window_destroy (GTK_WINDOW (window));
  debrief_test_spin (50);
}

/* A damaged state file: the sandbox starts on the sample data and the window says so. */
static void
test_damaged_state_toast (void)
{
  g_autoptr (DebriefApplication) app = debrief_test_application_new ("DamagedState");
  g_autoptr (GError) error = NULL;
  g_autofree char *path = state_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  DebriefWindow *window;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, "{\"version\": 1, \"postmortems\": [", -1, &error);
  g_assert_no_error (error);

  g_application_activate (G_APPLICATION (app));
  window = DEBRIEF_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_true (debrief_application_enter_sandbox (app, &error));
  g_assert_no_error (error);
  wait_list (window);

  g_assert_true (shows_text (GTK_WIDGET (window),
                             "Saved sandbox was damaged and set aside; sample data restored"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (window));
  debrief_test_spin (50);
}

int
main (int argc, char *argv[])
{
  int status;

  /* Before anything asks GLib for the user data folder, which it remembers. */
  data_home = debrief_test_make_tmp_dir ("debrief-ui-sandbox-XXXXXX");
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_add_func ("/ui-sandbox/display", debrief_test_no_display);
      status = g_test_run ();
    }
  else
    {
      adw_init ();
      g_test_add_func ("/ui-sandbox/reset/only-in-sandbox", test_reset_only_in_sandbox);
      g_test_add_func ("/ui-sandbox/reset/after-dialog", test_reset_after_dialog);
      g_test_add_func ("/ui-sandbox/damaged-state-toast", test_damaged_state_toast);
      status = g_test_run ();
    }

  debrief_test_remove_tree (data_home);
  g_free (data_home);
  return status;
}
