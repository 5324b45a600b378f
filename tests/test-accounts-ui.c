/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The account setup as a user goes through it, against the sandbox server over real HTTP and
 * the real keyring of the runner's private D-Bus session: the welcome page's two ways in,
 * the connect flow (success, and every error where the user is looking), the preferences
 * (accounts and settings), and the application starting on a saved account. Under Xvfb.
 */
#include "config.h"

#include <adwaita.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "debrief-account-list.h"
#include "debrief-application.h"
#include "debrief-connect-window-private.h"
#include "debrief-preferences-window-private.h"
#include "debrief-secrets.h"
#include "debrief-test-ui-util.h"
#include "debrief-test-util.h"
#include "debrief-user-picker.h"
#include "debrief-window-private.h"
#include "og-client.h"
#include "og-error.h"
#include "og-sandbox.h"

typedef struct
{
  OgSandbox *sandbox;
  char *dir;
  char *path;
  DebriefAccountList *accounts;
  DebriefConnectWindow *window;
  DebriefAccount *added;
} Fixture;

static gboolean keyring_available;

/* With DEBRIEF_SCREENSHOT_DIR set, a picture of the screen (Xvfb's root window) as the user
 * would see it now, for a person to look at. */
static void
maybe_screenshot (const char *name)
{
  const char *dir = g_getenv ("DEBRIEF_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  if (dir == NULL)
    return;

  debrief_test_spin (800);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  {
    const char *argv[] = { "import", "-window", "root", path, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL,
                  &error);
  }
  if (error != NULL)
    g_test_message ("no screenshot: %s", error->message);
  else
    g_test_message ("screenshot: %s", path);
}

static void
store_result (GObject *object, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
has_result (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static char *
lookup_key (DebriefAccount *account, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autofree char *host = debrief_account_dup_host (account);

  debrief_secrets_lookup_async (debrief_account_get_id (account), host, NULL, store_result,
                                &result);
  DEBRIEF_TEST_WAIT_FOR (has_result, &result, "the key lookup");
  return debrief_secrets_lookup_finish (result, error);
}

static gboolean
skip_without_keyring (void)
{
  if (keyring_available)
    return FALSE;
  if (g_getenv ("CI") != NULL)
    g_test_fail_printf ("no Secret Service on the session bus: CI must provide one");
  else
    g_test_skip ("no Secret Service on the session bus");
  return TRUE;
}

/* The connect window, as a user drives it */

static void
on_account_added (DebriefConnectWindow *window, DebriefAccount *account, Fixture *fixture)
{
  g_set_object (&fixture->added, account);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  fixture->sandbox = debrief_test_sandbox_new ();
  fixture->dir = debrief_test_make_tmp_dir ("debrief-accounts-ui-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "accounts.ini", NULL);
  fixture->accounts = debrief_account_list_new (fixture->path);

  fixture->window = g_object_ref (debrief_connect_window_new (NULL, fixture->accounts));
  g_signal_connect (fixture->window, "account-added", G_CALLBACK (on_account_added), fixture);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  debrief_test_spin (50);
  g_clear_object (&fixture->added);
  g_clear_object (&fixture->accounts);
  g_remove (fixture->path);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
  g_settings_reset (settings, "request-timeout");
  debrief_test_sandbox_stop (&fixture->sandbox, NULL);
}

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

static gboolean
window_idle (gpointer data)
{
  return !_debrief_connect_window_is_busy (data);
}

static void
enter_server (Fixture *fixture, const char *url, const char *key)
{
  DebriefConnectWindow *window = fixture->window;

  adw_combo_row_set_selected (_debrief_connect_window_get_region_row (window), 2);
  g_assert_true (
      gtk_widget_get_visible (GTK_WIDGET (_debrief_connect_window_get_url_row (window))));
  gtk_editable_set_text (GTK_EDITABLE (_debrief_connect_window_get_url_row (window)), url);
  gtk_editable_set_text (GTK_EDITABLE (_debrief_connect_window_get_key_row (window)), key);
}

static gboolean
check_done (gpointer data)
{
  DebriefConnectWindow *window = data;

  return window_idle (window)
         && (gtk_widget_get_visible (
                 GTK_WIDGET (_debrief_connect_window_get_check_error_label (window)))
             || gtk_widget_get_visible (
                 GTK_WIDGET (_debrief_connect_window_get_save_button (window))));
}

static void
press_check (Fixture *fixture)
{
  GtkWidget *check = GTK_WIDGET (_debrief_connect_window_get_check_button (fixture->window));

  g_assert_true (gtk_widget_get_sensitive (check));
  g_assert_true (gtk_widget_activate (check));
  DEBRIEF_TEST_WAIT_FOR (check_done, fixture->window, "the check");
}

/* The message the user reads under the key, after a check that failed. */
static const char *
check_error (Fixture *fixture)
{
  GtkWidget *label = GTK_WIDGET (_debrief_connect_window_get_check_error_label (fixture->window));

  g_assert_true (gtk_widget_get_visible (label));
  /* Nothing of the next steps shows. */
  g_assert_false (gtk_widget_get_visible (
      GTK_WIDGET (_debrief_connect_window_get_save_button (fixture->window))));
  return gtk_label_get_label (GTK_LABEL (label));
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

static GtkListBoxRow *
find_row (GtkListBox *list, const char *title)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (ADW_IS_PREFERENCES_ROW (row)
          && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
        return GTK_LIST_BOX_ROW (row);
    }
  return NULL;
}

typedef struct
{
  GtkListBox *list;
  guint n;
} RowCount;

static gboolean
has_n_rows (gpointer data)
{
  RowCount *count = data;

  return count_rows (count->list) == count->n;
}

static const char *
last_users_query (OgSandbox *sandbox, const char *name)
{
  const GPtrArray *requests = og_sandbox_get_requests (sandbox);

  for (guint i = requests->len; i > 0; i--)
    {
      const OgSandboxRequest *request = g_ptr_array_index (requests, i - 1);

      if (request->has_route && request->route == OG_ROUTE_USERS_LIST)
        return g_hash_table_lookup (request->query, name);
    }
  return NULL;
}

static gboolean
account_added (gpointer data)
{
  return ((Fixture *) data)->added != NULL;
}

/* Tests */

static void
test_templates (void)
{
  g_autoptr (DebriefAccountList) accounts = debrief_account_list_new ("/nonexistent/accounts.ini");
  DebriefConnectWindow *connect = g_object_ref (debrief_connect_window_new (NULL, accounts));
  DebriefPreferencesWindow *preferences
      = g_object_ref (debrief_preferences_window_new (NULL, accounts));

  g_assert_true (DEBRIEF_IS_CONNECT_WINDOW (connect));
  g_assert_true (DEBRIEF_IS_PREFERENCES_WINDOW (preferences));
  {
    GtkWidget *picker = g_object_ref_sink (debrief_user_picker_new ());

    g_assert_true (DEBRIEF_IS_USER_PICKER (picker));
    g_assert_null (debrief_user_picker_get_selected_user (DEBRIEF_USER_PICKER (picker)));
    g_object_unref (picker);
  }

  gtk_window_destroy (GTK_WINDOW (connect));
  gtk_window_destroy (GTK_WINDOW (preferences));
  g_object_unref (connect);
  g_object_unref (preferences);
}

static void
test_welcome_two_ways_in (void)
{
  DebriefWindow *window = g_object_ref (debrief_window_new (NULL));
  GtkWidget *connect = _debrief_window_get_connect_button (window);
  GtkWidget *sandbox = _debrief_window_get_sandbox_button (window);

  g_assert_cmpstr (_debrief_window_get_visible_page_name (window), ==, "welcome");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (connect)), ==, "app.connect");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (sandbox)), ==, "app.sandbox");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (connect)), ==, "_Connect to Opsgenie");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (sandbox)), ==, "_Try the Sandbox");

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

static void
test_connect_success (Fixture *fixture, gconstpointer data)
{
  DebriefConnectWindow *window = fixture->window;
  GtkListBox *users = _debrief_connect_window_get_user_list (window);
  AdwActionRow *org = _debrief_connect_window_get_org_row (window);
  GtkWidget *save = GTK_WIDGET (_debrief_connect_window_get_save_button (window));
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  RowCount one = { users, 1 };
  GtkListBoxRow *me;
  DebriefAccount *account;
  char *key;

  if (skip_without_keyring ())
    return;

  enter_server (fixture, og_sandbox_get_base_url (fixture->sandbox), OG_SANDBOX_API_KEY);
  press_check (fixture);

  /* The organisation and its plan, from GET /v2/account. */
  g_assert_false (
      gtk_widget_get_visible (GTK_WIDGET (_debrief_connect_window_get_check_error_label (window))));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (org)), ==, "Sandbox Org");
  g_assert_cmpstr (adw_action_row_get_subtitle (org), ==, "Standard plan");
  g_assert_cmpstr (
      gtk_editable_get_text (GTK_EDITABLE (_debrief_connect_window_get_name_row (window))), ==,
      "Sandbox Org");
  g_assert_cmpuint (og_sandbox_count_requests (fixture->sandbox, OG_ROUTE_ACCOUNT_GET), ==, 1);

  /* Nobody picked yet: nothing to save. */
  g_assert_false (gtk_widget_get_sensitive (save));

  /* Search as you type: the server searches, the list shows its answer. */
  gtk_editable_set_text (GTK_EDITABLE (_debrief_connect_window_get_user_search (window)), "priya");
  DEBRIEF_TEST_WAIT_FOR (has_n_rows, &one, "one user row for 'priya'");
  DEBRIEF_TEST_WAIT_FOR (window_idle, window, "the search");
  g_assert_cmpstr (last_users_query (fixture->sandbox, "query"), ==, "priya");
  me = find_row (users, "Priya Raman");
  g_assert_nonnull (me);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (me)), ==,
                   "priya.raman@sandbox-org.example");

  gtk_list_box_select_row (users, me);
  g_assert_true (gtk_widget_get_sensitive (save));

  gtk_editable_set_text (GTK_EDITABLE (_debrief_connect_window_get_name_row (window)), "Sandbox");
  g_assert_true (gtk_widget_activate (save));
  DEBRIEF_TEST_WAIT_FOR (account_added, fixture, "the account-added signal");

  /* In the list, active, with "this is me". */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->accounts)), ==, 1);
  account = debrief_account_list_get_active (fixture->accounts);
  g_assert_true (account == fixture->added);
  g_assert_cmpstr (debrief_account_get_display_name (account), ==, "Sandbox");
  g_assert_cmpstr (debrief_account_get_base_url (account), ==,
                   og_sandbox_get_base_url (fixture->sandbox));
  g_assert_cmpint (debrief_account_get_region (account), ==, DEBRIEF_REGION_CUSTOM);
  g_assert_cmpstr (debrief_account_get_organization (account), ==, "Sandbox Org");
  g_assert_cmpstr (debrief_account_get_plan (account), ==, "Standard");
  g_assert_cmpstr (debrief_account_get_actor_id (account), ==, OG_SANDBOX_ACTOR_ID);
  g_assert_cmpstr (debrief_account_get_actor_name (account), ==, "Priya Raman");

  /* The key in the keyring, not in the file. */
  key = lookup_key (account, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (key, ==, OG_SANDBOX_API_KEY);
  debrief_secrets_key_free (key);
  g_assert_true (g_file_get_contents (fixture->path, &contents, NULL, &error));
  g_assert_null (strstr (contents, OG_SANDBOX_API_KEY));
  g_assert_nonnull (strstr (contents, OG_SANDBOX_ACTOR_ID));

  /* The window closed itself. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));

  {
    g_autoptr (GAsyncResult) result = NULL;

    debrief_account_list_remove_async (fixture->accounts, debrief_account_get_id (account), NULL,
                                       store_result, &result);
    DEBRIEF_TEST_WAIT_FOR (has_result, &result, "the removal");
    g_assert_true (debrief_account_list_remove_finish (fixture->accounts, result, &error));
  }
}

static gboolean
more_rows (gpointer data)
{
  return count_rows (data) > 25;
}

/* The whole organisation, a page at a time. */
static void
test_users_paged (Fixture *fixture, gconstpointer data)
{
  DebriefConnectWindow *window = fixture->window;
  GtkListBox *users = _debrief_connect_window_get_user_list (window);
  GtkWidget *more = GTK_WIDGET (_debrief_connect_window_get_more_button (window));
  guint first_page;

  enter_server (fixture, og_sandbox_get_base_url (fixture->sandbox), OG_SANDBOX_API_KEY);
  press_check (fixture);
  DEBRIEF_TEST_WAIT_FOR (window_idle, window, "the first page of users");

  first_page = count_rows (users);
  g_assert_cmpuint (first_page, ==, 25);
  g_assert_true (gtk_widget_get_visible (more));
  g_assert_cmpstr (last_users_query (fixture->sandbox, "limit"), ==, "25");
  g_assert_null (last_users_query (fixture->sandbox, "query"));

  g_assert_true (gtk_widget_activate (more));
  DEBRIEF_TEST_WAIT_FOR (more_rows, users, "the second page of users");
  DEBRIEF_TEST_WAIT_FOR (window_idle, window, "the second page of users");

  /* The sandbox seeds at least 40 users: all of them now, and no third page. */
  g_assert_cmpuint (count_rows (users), >=, 40);
  g_assert_cmpstr (last_users_query (fixture->sandbox, "offset"), ==, "25");
  g_assert_false (gtk_widget_get_visible (more));
}

static void
test_inline_url_validation (Fixture *fixture, gconstpointer data)
{
  DebriefConnectWindow *window = fixture->window;
  GtkWidget *label = GTK_WIDGET (_debrief_connect_window_get_url_error_label (window));
  GtkWidget *check = GTK_WIDGET (_debrief_connect_window_get_check_button (window));

  enter_server (fixture, "http://opsgenie.example.com", "some-key");
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), !=, "");
  g_assert_false (gtk_widget_get_sensitive (check));
  g_assert_true (gtk_widget_has_css_class (
      GTK_WIDGET (_debrief_connect_window_get_url_row (window)), "error"));
  maybe_screenshot ("connect-url-error");

  /* http is fine for loopback (the sandbox), https for anything. */
  gtk_editable_set_text (GTK_EDITABLE (_debrief_connect_window_get_url_row (window)),
                         "http://127.0.0.1:8080");
  g_assert_false (gtk_widget_get_visible (label));
  g_assert_true (gtk_widget_get_sensitive (check));
  gtk_editable_set_text (GTK_EDITABLE (_debrief_connect_window_get_url_row (window)),
                         "https://opsgenie-proxy.example.org/");
  g_assert_false (gtk_widget_get_visible (label));
  g_assert_true (gtk_widget_get_sensitive (check));

  /* No key, no check. */
  gtk_editable_set_text (GTK_EDITABLE (_debrief_connect_window_get_key_row (window)), "  ");
  g_assert_false (gtk_widget_get_sensitive (check));
}

static void
check_status (Fixture *fixture, guint status, const char *expected)
{
  og_sandbox_add_fault (fixture->sandbox, OG_ROUTE_ACCOUNT_GET, OG_SANDBOX_FAULT_STATUS, status, 0);
  enter_server (fixture, og_sandbox_get_base_url (fixture->sandbox), OG_SANDBOX_API_KEY);
  press_check (fixture);
  g_assert_cmpstr (check_error (fixture), ==, expected);
  /* The key row says so to a screen reader too. */
  {
    g_autofree char *mismatch = gtk_test_accessible_check_property (
        GTK_ACCESSIBLE (_debrief_connect_window_get_key_row (fixture->window)),
        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
    g_assert_null (mismatch);
  }
  /* One request: no retry of a refusal. */
  g_assert_cmpuint (og_sandbox_count_requests (fixture->sandbox, OG_ROUTE_ACCOUNT_GET), ==, 1);
  g_assert_cmpuint (og_sandbox_count_requests (fixture->sandbox, OG_ROUTE_USERS_LIST), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->accounts)), ==, 0);
}

static void
test_error_unauthorized (Fixture *fixture, gconstpointer data)
{
  check_status (fixture, 401,
                "Opsgenie rejected this API key. Check that you copied all of it and that its "
                "integration is enabled.");
  maybe_screenshot ("connect-error");
}

static void
test_error_forbidden (Fixture *fixture, gconstpointer data)
{
  check_status (fixture, 403,
                "This API key may not read the organisation. Give its API integration read "
                "access in Opsgenie.");
}

static void
test_error_payment_required (Fixture *fixture, gconstpointer data)
{
  check_status (fixture, 402, "This organisation’s Opsgenie plan does not include postmortems.");
}

/* A port on 127.0.0.1 that nothing listens on. */
static guint16
closed_port (void)
{
  g_autoptr (GSocket) socket = NULL;
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) bound = NULL;
  g_autoptr (GError) error = NULL;
  guint16 port;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_assert_true (g_socket_bind (socket, any, FALSE, &error));
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_close (socket, NULL);
  return port;
}

static void
test_error_unreachable (Fixture *fixture, gconstpointer data)
{
  guint16 port = closed_port ();
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u", port);
  g_autofree char *expected = g_strdup_printf (
      "Could not reach 127.0.0.1:%u. Check the address and the network connection.", port);

  enter_server (fixture, url, OG_SANDBOX_API_KEY);
  press_check (fixture);
  g_assert_cmpstr (check_error (fixture), ==, expected);
}

static gboolean
make_self_signed (const char *dir, char **cert_path, char **key_path)
{
  g_autofree char *openssl = g_find_program_in_path ("openssl");
  g_autoptr (GError) error = NULL;
  int status = 0;

  if (openssl == NULL)
    return FALSE;

  *cert_path = g_build_filename (dir, "cert.pem", NULL);
  *key_path = g_build_filename (dir, "key.pem", NULL);
  {
    const char *argv[] = { openssl,  "req",     "-x509",   "-newkey",       "rsa:2048",
                           "-nodes", "-keyout", *key_path, "-out",          *cert_path,
                           "-days",  "2",       "-subj",   "/CN=127.0.0.1", NULL };
    g_spawn_sync (NULL, (char **) argv, NULL,
                  G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                  &status, &error);
  }
  g_assert_no_error (error);

  return g_spawn_check_wait_status (status, NULL);
}

/* A server with a certificate nobody vouches for: the handshake fails, no key is sent. */
static void
test_error_tls (Fixture *fixture, gconstpointer data)
{
  g_autofree char *dir = g_dir_make_tmp ("debrief-tls-XXXXXX", NULL);
  g_autofree char *cert_path = NULL;
  g_autofree char *key_path = NULL;
  g_autoptr (GTlsCertificate) certificate = NULL;
  g_autoptr (SoupServer) server = NULL;
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *expected = NULL;
  GSList *uris;
  int port;

  if (!g_tls_backend_supports_tls (g_tls_backend_get_default ())
      || !make_self_signed (dir, &cert_path, &key_path))
    {
      /* .ci/debian-packages installs both: in CI a skip would hide a missing package */
      if (g_getenv ("CI") != NULL)
        g_error ("no TLS backend (glib-networking) or no openssl");
      g_test_skip ("no TLS backend (glib-networking) or no openssl");
      return;
    }

  certificate = g_tls_certificate_new_from_files (cert_path, key_path, &error);
  g_assert_no_error (error);
  server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_listen (server, address, SOUP_SERVER_LISTEN_HTTPS, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  url = g_strdup_printf ("https://127.0.0.1:%d", port);
  expected = g_strdup_printf ("The secure connection to 127.0.0.1:%d could not be verified, so "
                              "the key was not sent. Check the address.",
                              port);

  enter_server (fixture, url, OG_SANDBOX_API_KEY);
  press_check (fixture);
  g_assert_cmpstr (check_error (fixture), ==, expected);

  g_remove (cert_path);
  g_remove (key_path);
  g_rmdir (dir);
}

static void
test_error_timeout (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autoptr (GUri) uri
      = g_uri_parse (og_sandbox_get_base_url (fixture->sandbox), G_URI_FLAGS_NONE, NULL);
  g_autofree char *expected = g_strdup_printf (
      "127.0.0.1:%d did not answer within 5 seconds. Check the network connection, or allow "
      "more time in Preferences.",
      g_uri_get_port (uri));
  gint64 start;

  /* The shortest time-out the settings allow, and a server slower than that. */
  g_settings_set_uint (settings, "request-timeout", 5);
  og_sandbox_add_fault (fixture->sandbox, OG_ROUTE_ACCOUNT_GET, OG_SANDBOX_FAULT_DELAY, 8000, 1);
  enter_server (fixture, og_sandbox_get_base_url (fixture->sandbox), OG_SANDBOX_API_KEY);

  start = g_get_monotonic_time ();
  press_check (fixture);
  g_assert_cmpstr (check_error (fixture), ==, expected);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 7 * G_USEC_PER_SEC);
}

/* A changed key voids what the check proved. */
static void
test_change_voids_check (Fixture *fixture, gconstpointer data)
{
  DebriefConnectWindow *window = fixture->window;

  enter_server (fixture, og_sandbox_get_base_url (fixture->sandbox), OG_SANDBOX_API_KEY);
  press_check (fixture);
  DEBRIEF_TEST_WAIT_FOR (window_idle, window, "the users");
  g_assert_true (
      gtk_widget_get_visible (GTK_WIDGET (_debrief_connect_window_get_save_button (window))));

  gtk_editable_set_text (GTK_EDITABLE (_debrief_connect_window_get_key_row (window)), "other-key");
  g_assert_false (
      gtk_widget_get_visible (GTK_WIDGET (_debrief_connect_window_get_save_button (window))));
  g_assert_cmpuint (count_rows (_debrief_connect_window_get_user_list (window)), ==, 0);

  /* The wrong key: the sandbox says 401, the user reads it. */
  press_check (fixture);
  g_assert_true (g_str_has_prefix (check_error (fixture), "Opsgenie rejected this API key."));
}

/* No keyring at all: the save fails where the user is looking, and nothing is stored,
 * neither the account nor (of course) the key anywhere else. The child runs with a session
 * bus address that leads nowhere, set by the parent so that it holds from the child's start
 * (GTK and libadwaita connect to the bus during initialisation). */
static void
test_error_no_keyring (Fixture *fixture, gconstpointer data)
{
  DebriefConnectWindow *window = fixture->window;
  GtkListBox *users = _debrief_connect_window_get_user_list (window);
  GtkWidget *label = GTK_WIDGET (_debrief_connect_window_get_save_error_label (window));
  RowCount one = { users, 1 };

  if (!g_test_subprocess ())
    {
      g_autofree char *address = g_strdup (g_getenv ("DBUS_SESSION_BUS_ADDRESS"));

      g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/debrief-test-bus", TRUE);
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
      if (address != NULL)
        g_setenv ("DBUS_SESSION_BUS_ADDRESS", address, TRUE);
      else
        g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");
      g_test_trap_assert_passed ();
      return;
    }

  enter_server (fixture, og_sandbox_get_base_url (fixture->sandbox), OG_SANDBOX_API_KEY);
  press_check (fixture);
  gtk_editable_set_text (GTK_EDITABLE (_debrief_connect_window_get_user_search (window)), "priya");
  DEBRIEF_TEST_WAIT_FOR (has_n_rows, &one, "one user row for 'priya'");
  DEBRIEF_TEST_WAIT_FOR (window_idle, window, "the search");
  gtk_list_box_select_row (users, find_row (users, "Priya Raman"));

  g_assert_true (
      gtk_widget_activate (GTK_WIDGET (_debrief_connect_window_get_save_button (window))));
  DEBRIEF_TEST_WAIT_FOR ((DebriefTestCondition) gtk_widget_get_visible, label, "the save error");
  DEBRIEF_TEST_WAIT_FOR (window_idle, window, "the save");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==,
                   "No keyring is running. Debrief keeps API keys only in the desktop keyring: "
                   "start one (such as GNOME Keyring) and try again.");

  /* Nothing stored; the window stays, and Save can be pressed again. */
  g_assert_null (fixture->added);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->accounts)), ==, 0);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (
      gtk_widget_get_sensitive (GTK_WIDGET (_debrief_connect_window_get_save_button (window))));
}

/* Preferences */

static DebriefAccount *
add_account (DebriefAccountList *accounts, const char *name, const char *url)
{
  DebriefAccount *account = debrief_account_new (DEBRIEF_REGION_CUSTOM, url);
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autofree char *host = debrief_account_dup_host (account);

  debrief_account_set_display_name (account, name);
  debrief_account_set_organization (account, "Sandbox Org");
  debrief_account_set_actor (account, OG_SANDBOX_ACTOR_ID, "Priya Raman");
  g_assert_true (debrief_account_list_add (accounts, account, &error));
  g_assert_no_error (error);

  debrief_secrets_store_async (debrief_account_get_id (account), host, "test", OG_SANDBOX_API_KEY,
                               NULL, store_result, &result);
  DEBRIEF_TEST_WAIT_FOR (has_result, &result, "the key to be stored");
  g_assert_true (debrief_secrets_store_finish (result, &error));
  g_assert_no_error (error);

  return account;
}

static GtkWidget *
find_account_row (DebriefPreferencesWindow *window, DebriefAccount *account)
{
  GtkListBox *list = _debrief_preferences_window_get_accounts_list (window);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "account-id"),
                     debrief_account_get_id (account))
          == 0)
        return row;
    }
  return NULL;
}

static gboolean
has_dialog (gpointer data)
{
  return _debrief_preferences_window_get_dialog (data) != NULL;
}

static gboolean
has_no_dialog (gpointer data)
{
  return _debrief_preferences_window_get_dialog (data) == NULL;
}

static gboolean
list_has_one (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (data)) == 1;
}

static void
test_preferences (void)
{
  g_autofree char *dir = g_dir_make_tmp ("debrief-prefs-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "accounts.ini", NULL);
  g_autoptr (DebriefAccountList) accounts = debrief_account_list_new (path);
  g_autoptr (DebriefAccountList) reread = debrief_account_list_new (path);
  g_autoptr (DebriefAccount) first = NULL;
  g_autoptr (DebriefAccount) second = NULL;
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autoptr (GError) error = NULL;
  DebriefPreferencesWindow *window;
  AdwMessageDialog *dialog;
  GtkWidget *row;
  char *key;

  if (skip_without_keyring ())
    return;

  first = add_account (accounts, "First", "http://127.0.0.1:1");
  second = add_account (accounts, "Second", "http://127.0.0.1:2");
  window = g_object_ref (debrief_preferences_window_new (NULL, accounts));
  gtk_window_present (GTK_WINDOW (window));

  /* Both accounts, the first one active. */
  g_assert_cmpuint (count_rows (_debrief_preferences_window_get_accounts_list (window)), ==, 2);
  row = find_account_row (window, first);
  g_assert_true (gtk_check_button_get_active (g_object_get_data (G_OBJECT (row), "check")));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Sandbox Org · Priya Raman · 127.0.0.1:1");

  /* Switch. */
  row = find_account_row (window, second);
  g_assert_true (gtk_widget_activate (g_object_get_data (G_OBJECT (row), "check")));
  g_assert_cmpstr (debrief_account_list_get_active_id (accounts), ==,
                   debrief_account_get_id (second));

  /* Rename. */
  row = find_account_row (window, second);
  g_signal_emit_by_name (g_object_get_data (G_OBJECT (row), "rename"), "clicked");
  DEBRIEF_TEST_WAIT_FOR (has_dialog, window, "the rename dialog");
  dialog = _debrief_preferences_window_get_dialog (window);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "Staging");
  adw_message_dialog_response (dialog, "rename");
  gtk_window_destroy (GTK_WINDOW (dialog));
  DEBRIEF_TEST_WAIT_FOR (has_no_dialog, window, "the rename dialog to go");
  g_assert_cmpstr (debrief_account_get_display_name (second), ==, "Staging");
  row = find_account_row (window, second);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Staging");

  /* Remove, after a confirmation, with the key. */
  g_signal_emit_by_name (g_object_get_data (G_OBJECT (row), "remove"), "clicked");
  DEBRIEF_TEST_WAIT_FOR (has_dialog, window, "the remove dialog");
  dialog = _debrief_preferences_window_get_dialog (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Remove “Staging”?");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "remove"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_response (dialog, "remove");
  gtk_window_destroy (GTK_WINDOW (dialog));
  DEBRIEF_TEST_WAIT_FOR (list_has_one, accounts, "the removal");
  g_assert_cmpstr (debrief_account_list_get_active_id (accounts), ==,
                   debrief_account_get_id (first));
  g_assert_cmpuint (count_rows (_debrief_preferences_window_get_accounts_list (window)), ==, 1);
  key = lookup_key (second, &error);
  g_assert_no_error (error);
  g_assert_null (key);

  g_assert_true (debrief_account_list_load (reread, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reread)), ==, 1);

  /* Settings, bound both ways. */
  gtk_spin_button_set_value (_debrief_preferences_window_get_timeout_spin (window), 42);
  g_assert_cmpuint (g_settings_get_uint (settings, "request-timeout"), ==, 42);
  g_settings_set_uint (settings, "request-timeout", 90);
  g_assert_cmpint (
      gtk_spin_button_get_value_as_int (_debrief_preferences_window_get_timeout_spin (window)), ==,
      90);
  gtk_switch_set_active (_debrief_preferences_window_get_reopen_switch (window), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "reopen-last-postmortem"));
  g_settings_reset (settings, "request-timeout");
  g_settings_reset (settings, "reopen-last-postmortem");

  {
    g_autoptr (GAsyncResult) result = NULL;

    debrief_account_list_remove_async (accounts, debrief_account_get_id (first), NULL, store_result,
                                       &result);
    DEBRIEF_TEST_WAIT_FOR (has_result, &result, "the removal");
  }
  /* The empty list offers a way in. */
  g_assert_cmpuint (count_rows (_debrief_preferences_window_get_accounts_list (window)), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  g_remove (path);
  g_rmdir (dir);
}

/* The main window's page for a key out of reach: what it says, and the way on. */
static void
test_keyring_page (void)
{
  DebriefWindow *window = g_object_ref (debrief_window_new (NULL));
  GtkWidget *button = _debrief_window_get_keyring_button (window);

  debrief_window_show_keyring_error (window, "The keyring is locked. Unlock it to use the API key.",
                                     TRUE);
  g_assert_cmpstr (_debrief_window_get_visible_page_name (window), ==, "keyring");
  g_assert_cmpstr (adw_status_page_get_description (_debrief_window_get_keyring_page (window)), ==,
                   "The keyring is locked. Unlock it to use the API key.");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Unlock the Keyring");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==,
                   "app.unlock-keyring");
  g_assert_null (debrief_window_get_client (window));
  if (g_getenv ("DEBRIEF_SCREENSHOT_DIR") != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      maybe_screenshot ("keyring-locked");
    }

  debrief_window_show_keyring_error (window, "No keyring is running.", FALSE);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Try Again");

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

/* Icon-only buttons and unlabelled controls say what they are to a screen reader. */
static void
test_accessible_names (void)
{
  g_autofree char *dir = g_dir_make_tmp ("debrief-a11y-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "accounts.ini", NULL);
  g_autoptr (DebriefAccountList) accounts = debrief_account_list_new (path);
  g_autoptr (DebriefAccount) one = debrief_account_new (DEBRIEF_REGION_US, NULL);
  g_autoptr (DebriefAccount) two = debrief_account_new (DEBRIEF_REGION_EU, NULL);
  g_autoptr (GError) error = NULL;
  DebriefPreferencesWindow *preferences;
  DebriefConnectWindow *connect;
  GtkWidget *row;

  debrief_account_set_display_name (one, "One");
  debrief_account_set_display_name (two, "Two");
  g_assert_true (debrief_account_list_add (accounts, one, &error));
  g_assert_true (debrief_account_list_add (accounts, two, &error));
  preferences = g_object_ref (debrief_preferences_window_new (NULL, accounts));
  connect = g_object_ref (debrief_connect_window_new (NULL, accounts));

  row = gtk_widget_get_first_child (
      GTK_WIDGET (_debrief_preferences_window_get_accounts_list (preferences)));
  {
    g_autofree char *use = gtk_test_accessible_check_property (
        g_object_get_data (G_OBJECT (row), "check"), GTK_ACCESSIBLE_PROPERTY_LABEL, "Use One");
    g_autofree char *rename = gtk_test_accessible_check_property (
        g_object_get_data (G_OBJECT (row), "rename"), GTK_ACCESSIBLE_PROPERTY_LABEL, "Rename One");
    g_autofree char *remove = gtk_test_accessible_check_property (
        g_object_get_data (G_OBJECT (row), "remove"), GTK_ACCESSIBLE_PROPERTY_LABEL, "Remove One");

    g_assert_null (use);
    g_assert_null (rename);
    g_assert_null (remove);
  }
  g_assert_true (gtk_test_accessible_has_property (
      GTK_ACCESSIBLE (_debrief_preferences_window_get_timeout_spin (preferences)),
      GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_true (gtk_test_accessible_has_property (
      GTK_ACCESSIBLE (_debrief_preferences_window_get_reopen_switch (preferences)),
      GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_true (gtk_test_accessible_has_property (
      GTK_ACCESSIBLE (_debrief_connect_window_get_user_search (connect)),
      GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_true (gtk_test_accessible_has_property (
      GTK_ACCESSIBLE (_debrief_connect_window_get_user_list (connect)),
      GTK_ACCESSIBLE_PROPERTY_LABEL));

  gtk_window_destroy (GTK_WINDOW (preferences));
  gtk_window_destroy (GTK_WINDOW (connect));
  g_object_unref (preferences);
  g_object_unref (connect);
  g_remove (path);
  g_rmdir (dir);
}

/* The application */

static gboolean
window_shows_keyring (gpointer data)
{
  return g_strcmp0 (_debrief_window_get_visible_page_name (data), "keyring") == 0;
}

static void
remove_all_accounts (DebriefAccountList *accounts)
{
  while (g_list_model_get_n_items (G_LIST_MODEL (accounts)) > 0)
    {
      g_autoptr (DebriefAccount) account = g_list_model_get_item (G_LIST_MODEL (accounts), 0);
      g_autoptr (GAsyncResult) result = NULL;

      debrief_account_list_remove_async (accounts, debrief_account_get_id (account), NULL,
                                         store_result, &result);
      DEBRIEF_TEST_WAIT_FOR (has_result, &result, "the removal");
      g_assert_true (debrief_account_list_remove_finish (accounts, result, NULL));
    }
}

/* A saved account: at start the key comes from the keyring, and the postmortems load. */
static void
test_app_starts_on_account (void)
{
  g_autoptr (DebriefApplication) app = NULL;
  g_autoptr (OgSandbox) sandbox = og_sandbox_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (DebriefAccount) account = NULL;
  DebriefAccountList *accounts;
  DebriefWindow *window;

  if (skip_without_keyring ())
    return;

  g_assert_true (og_sandbox_start (sandbox, &error));
  app = debrief_test_application_new ("StartsOnAccount");
  accounts = debrief_application_get_accounts (app);
  account = add_account (accounts, "Sandbox", og_sandbox_get_base_url (sandbox));

  g_application_activate (G_APPLICATION (app));
  window = DEBRIEF_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  /* While the key comes, not the welcome page: the account is there. */
  g_assert_cmpstr (_debrief_window_get_visible_page_name (window), ==, "opening");
  DEBRIEF_TEST_WAIT_FOR (debrief_test_window_shows_list, window, "the account's postmortems");
  g_assert_cmpstr (_debrief_window_get_visible_page_name (window), ==, "main");
  g_assert_false (debrief_window_get_sandbox (window));
  g_assert_false (gtk_widget_get_visible (_debrief_window_get_sandbox_bar (window)));
  g_assert_nonnull (debrief_application_get_client (app));

  /* Its key gone from the keyring: the window says so, and what to do. */
  {
    g_autoptr (GAsyncResult) result = NULL;
    g_autofree char *host = debrief_account_dup_host (account);

    debrief_secrets_clear_async (debrief_account_get_id (account), host, NULL, store_result,
                                 &result);
    DEBRIEF_TEST_WAIT_FOR (has_result, &result, "the key to be cleared");
  }
  g_action_group_activate_action (G_ACTION_GROUP (app), "unlock-keyring", NULL);
  DEBRIEF_TEST_WAIT_FOR (window_shows_keyring, window, "the keyring page");
  g_assert_cmpstr (adw_status_page_get_description (_debrief_window_get_keyring_page (window)), ==,
                   "The keyring has no API key for “Sandbox”. Remove the account in Preferences "
                   "and connect it again.");
  g_assert_null (debrief_application_get_client (app));

  remove_all_accounts (accounts);
  gtk_window_destroy (GTK_WINDOW (window));
  debrief_test_spin (50);
  og_sandbox_stop (sandbox);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/* Windows that exist but are not shown: GTK 4.8's AT-SPI root crashes the application when
 * asked for a child past its last shown window while one of them was never shown (as
 * GtkApplication's help overlay never is). */
static guint
count_hidden_toplevels (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (!gtk_widget_get_visible (GTK_WIDGET (window)))
        n++;
    }
  return n;
}

static gboolean
has_connect_window (gpointer data)
{
  return find_toplevel (DEBRIEF_TYPE_CONNECT_WINDOW) != NULL;
}

static gboolean
has_preferences_window (gpointer data)
{
  return find_toplevel (DEBRIEF_TYPE_PREFERENCES_WINDOW) != NULL;
}

/* The whole way through the application, as tests/test-no-key-after-connect.sh runs it
 * with every debug message on and then searches every file and line for the key: connect
 * from the welcome page, load the postmortems, change a setting, quit. */
static void
test_connect_edit_quit (void)
{
  g_autoptr (DebriefApplication) app = NULL;
  g_autoptr (OgSandbox) sandbox = og_sandbox_new ();
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autoptr (GError) error = NULL;
  DebriefConnectWindow *connect;
  DebriefPreferencesWindow *preferences;
  DebriefWindow *window;
  Fixture driver = { 0 };
  GtkListBox *users;
  guint hidden;

  if (skip_without_keyring ())
    return;

  g_assert_true (og_sandbox_start (sandbox, &error));
  app = debrief_test_application_new ("ConnectEditQuit");
  hidden = count_hidden_toplevels ();
  g_application_activate (G_APPLICATION (app));
  {
    g_auto (GStrv) accels
        = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.preferences");

    g_assert_true (g_strv_contains ((const char *const *) accels, "<Control>comma"));
  }
  {
    g_auto (GStrv) accels
        = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");

    g_assert_true (g_strv_contains ((const char *const *) accels, "<Control>question"));
  }
  /* The window came, and nothing hidden with it (the shortcuts window comes on demand). */
  g_assert_cmpuint (count_hidden_toplevels (), ==, hidden);
  window = DEBRIEF_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_cmpstr (_debrief_window_get_visible_page_name (window), ==, "welcome");
  maybe_screenshot ("welcome");

  g_assert_true (gtk_widget_activate (_debrief_window_get_connect_button (window)));
  DEBRIEF_TEST_WAIT_FOR (has_connect_window, NULL, "the connect window");
  connect = DEBRIEF_CONNECT_WINDOW (find_toplevel (DEBRIEF_TYPE_CONNECT_WINDOW));
  driver.window = connect;
  enter_server (&driver, og_sandbox_get_base_url (sandbox), OG_SANDBOX_API_KEY);
  press_check (&driver);
  users = _debrief_connect_window_get_user_list (connect);
  gtk_editable_set_text (GTK_EDITABLE (_debrief_connect_window_get_user_search (connect)), "raman");
  {
    RowCount one = { users, 1 };

    /* The search's answer, not the first page (which has her too). */
    DEBRIEF_TEST_WAIT_FOR (has_n_rows, &one, "one user row for 'raman'");
    DEBRIEF_TEST_WAIT_FOR (window_idle, connect, "the search");
    g_assert_nonnull (find_row (users, "Priya Raman"));
  }
  gtk_list_box_select_row (users, find_row (users, "Priya Raman"));
  maybe_screenshot ("connect-pick-me");
  g_assert_true (
      gtk_widget_activate (GTK_WIDGET (_debrief_connect_window_get_save_button (connect))));

  /* The new account is active and its postmortems load. */
  DEBRIEF_TEST_WAIT_FOR (debrief_test_window_shows_list, window,
                         "the postmortems of the new account");
  maybe_screenshot ("account-loaded");
  g_assert_cmpuint (
      g_list_model_get_n_items (G_LIST_MODEL (debrief_application_get_accounts (app))), ==, 1);

  /* A setting, through the preferences. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  DEBRIEF_TEST_WAIT_FOR (has_preferences_window, NULL, "the preferences");
  preferences = DEBRIEF_PREFERENCES_WINDOW (find_toplevel (DEBRIEF_TYPE_PREFERENCES_WINDOW));
  maybe_screenshot ("preferences");
  gtk_spin_button_set_value (_debrief_preferences_window_get_timeout_spin (preferences), 45);
  g_assert_cmpuint (g_settings_get_uint (settings, "request-timeout"), ==, 45);
  gtk_window_close (GTK_WINDOW (preferences));
  g_settings_sync ();

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  debrief_test_spin (100);
  og_sandbox_stop (sandbox);
  if (g_getenv ("DEBRIEF_TEST_KEEP_XDG") == NULL)
    g_settings_reset (settings, "request-timeout");
}

int
main (int argc, char *argv[])
{
  g_autofree char *config = NULL;

  g_test_init (&argc, &argv, NULL);
  g_setenv ("GTK_A11Y", "test", TRUE);

  /* The application reads its accounts from here: never the user's own (unless the caller
   * made the XDG directories throwaway ones to search afterwards). */
  if (g_getenv ("DEBRIEF_TEST_KEEP_XDG") == NULL)
    {
      config = g_dir_make_tmp ("debrief-accounts-ui-config-XXXXXX", NULL);
      g_setenv ("XDG_CONFIG_HOME", config, TRUE);
    }

  if (!gtk_init_check ())
    {
      g_test_add_func ("/accounts-ui/display", debrief_test_no_display);
      return g_test_run ();
    }
  adw_init ();

  if (!g_test_subprocess ())
    {
      g_autoptr (SecretService) service
          = secret_service_get_sync (SECRET_SERVICE_OPEN_SESSION, NULL, NULL);
      keyring_available = service != NULL;
    }

  g_test_add_func ("/accounts-ui/templates/instantiate", test_templates);
  g_test_add_func ("/accounts-ui/welcome/two-ways-in", test_welcome_two_ways_in);
  g_test_add_func ("/accounts-ui/window/keyring-page", test_keyring_page);
  g_test_add_func ("/accounts-ui/accessible-names", test_accessible_names);
  ADD_TEST ("/accounts-ui/connect/success", test_connect_success);
  ADD_TEST ("/accounts-ui/connect/users-paged", test_users_paged);
  ADD_TEST ("/accounts-ui/connect/inline-url-validation", test_inline_url_validation);
  ADD_TEST ("/accounts-ui/connect/change-voids-check", test_change_voids_check);
  ADD_TEST ("/accounts-ui/connect/error/unauthorized", test_error_unauthorized);
  ADD_TEST ("/accounts-ui/connect/error/forbidden", test_error_forbidden);
  ADD_TEST ("/accounts-ui/connect/error/payment-required", test_error_payment_required);
  ADD_TEST ("/accounts-ui/connect/error/unreachable", test_error_unreachable);
  ADD_TEST ("/accounts-ui/connect/error/tls", test_error_tls);
  ADD_TEST ("/accounts-ui/connect/error/timeout", test_error_timeout);
  ADD_TEST ("/accounts-ui/connect/error/no-keyring", test_error_no_keyring);
  g_test_add_func ("/accounts-ui/preferences", test_preferences);
  g_test_add_func ("/accounts-ui/application/starts-on-account", test_app_starts_on_account);
  g_test_add_func ("/accounts-ui/application/connect-edit-quit", test_connect_edit_quit);

  return g_test_run ();
}
