/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The account list: what it writes to disk (and never writes: the key), what it reads back,
 * switching the active account, and removing one, which clears its key from the real
 * keyring of the runner's private D-Bus session.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "debrief-account-list.h"
#include "debrief-secrets.h"

#define TIMEOUT_MS 10000
#define TEST_KEY   "accounts-test-key-5f2d7c0e"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static gboolean keyring_available;

static void
store_result (GObject *object, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **result)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) TIMEOUT_MS * 1000;

  while (*result == NULL)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("no answer within %d ms", TIMEOUT_MS);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return *result;
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("debrief-accounts-XXXXXX", &error);
  g_assert_no_error (error);
  /* A directory that does not exist yet: the first save makes it. */
  fixture->path = g_build_filename (fixture->dir, "debrief", "accounts.ini", NULL);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_autofree char *sub = g_path_get_dirname (fixture->path);

  g_unlink (fixture->path);
  g_rmdir (sub);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static DebriefAccount *
new_account (DebriefRegion region, const char *url, const char *name)
{
  DebriefAccount *account = debrief_account_new (region, url);

  debrief_account_set_display_name (account, name);
  debrief_account_set_organization (account, name);
  debrief_account_set_plan (account, "Enterprise");
  debrief_account_set_actor (account, "user-1", "Ada Lovelace");
  return account;
}

static void
test_default_path (void)
{
  g_autoptr (DebriefAccountList) list = debrief_account_list_new (NULL);
  g_autofree char *expected
      = g_build_filename (g_get_user_config_dir (), "debrief", "accounts.ini", NULL);

  g_assert_cmpstr (debrief_account_list_get_path (list), ==, expected);
}

static void
test_missing_file (Fixture *fixture, gconstpointer data)
{
  g_autoptr (DebriefAccountList) list = debrief_account_list_new (fixture->path);
  g_autoptr (GError) error = NULL;

  g_assert_true (debrief_account_list_load (list, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_null (debrief_account_list_get_active_id (list));
  g_assert_null (debrief_account_list_get_active (list));
}

static void
test_round_trip (Fixture *fixture, gconstpointer data)
{
  g_autoptr (DebriefAccountList) list = debrief_account_list_new (fixture->path);
  g_autoptr (DebriefAccountList) again = debrief_account_list_new (fixture->path);
  g_autoptr (DebriefAccount) us = new_account (DEBRIEF_REGION_US, NULL, "Acme US");
  g_autoptr (DebriefAccount) eu = new_account (DEBRIEF_REGION_EU, NULL, "Acme EU");
  g_autoptr (DebriefAccount) read = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  GStatBuf st;

  g_assert_true (debrief_account_list_load (list, &error));
  g_assert_true (debrief_account_list_add (list, us, &error));
  g_assert_no_error (error);
  /* The first account becomes the active one. */
  g_assert_cmpstr (debrief_account_list_get_active_id (list), ==, debrief_account_get_id (us));
  g_assert_true (debrief_account_list_add (list, eu, &error));
  g_assert_cmpstr (debrief_account_list_get_active_id (list), ==, debrief_account_get_id (us));
  g_assert_true (debrief_account_list_set_active_id (list, debrief_account_get_id (eu), &error));
  g_assert_true (
      debrief_account_list_rename (list, debrief_account_get_id (us), "Acme (US)", &error));
  g_assert_no_error (error);

  /* Only the user may read it. */
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (fixture->path, &contents, NULL, &error));
  g_assert_null (strstr (contents, "key"));

  g_assert_true (debrief_account_list_load (again, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 2);
  g_assert_cmpstr (debrief_account_list_get_active_id (again), ==, debrief_account_get_id (eu));

  read = g_list_model_get_item (G_LIST_MODEL (again), 0);
  g_assert_cmpstr (debrief_account_get_id (read), ==, debrief_account_get_id (us));
  g_assert_cmpstr (debrief_account_get_display_name (read), ==, "Acme (US)");
  g_assert_cmpstr (debrief_account_get_base_url (read), ==, "https://api.opsgenie.com");
  g_assert_cmpint (debrief_account_get_region (read), ==, DEBRIEF_REGION_US);
  g_assert_cmpstr (debrief_account_get_organization (read), ==, "Acme US");
  g_assert_cmpstr (debrief_account_get_plan (read), ==, "Enterprise");
  g_assert_cmpstr (debrief_account_get_actor_id (read), ==, "user-1");
  g_assert_cmpstr (debrief_account_get_actor_name (read), ==, "Ada Lovelace");
  g_clear_object (&read);

  read = g_list_model_get_item (G_LIST_MODEL (again), 1);
  g_assert_cmpint (debrief_account_get_region (read), ==, DEBRIEF_REGION_EU);
  g_assert_cmpstr (debrief_account_get_base_url (read), ==, "https://api.eu.opsgenie.com");
}

static void
test_unreadable_file (Fixture *fixture, gconstpointer data)
{
  g_autoptr (DebriefAccountList) list = debrief_account_list_new (fixture->path);
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (fixture->path, "[General\nnot a key file", -1, NULL));
  g_assert_false (debrief_account_list_load (list, &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "Could not read the accounts from "));
}

static void
on_active_notify (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  (*(guint *) user_data)++;
}

static void
test_remove_clears_key (Fixture *fixture, gconstpointer data)
{
  g_autoptr (DebriefAccountList) list = debrief_account_list_new (fixture->path);
  g_autoptr (DebriefAccount) local = NULL;
  g_autoptr (DebriefAccount) other = new_account (DEBRIEF_REGION_EU, NULL, "Other");
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *host = NULL;
  g_autofree char *contents = NULL;
  guint notified = 0;
  char *key;

  if (!keyring_available)
    {
      if (g_getenv ("CI") != NULL)
        g_test_fail_printf ("no Secret Service on the session bus: CI must provide one");
      else
        g_test_skip ("no Secret Service on the session bus");
      return;
    }

  local = new_account (DEBRIEF_REGION_CUSTOM, "http://127.0.0.1:8080", "Local");
  host = debrief_account_dup_host (local);
  g_assert_cmpstr (host, ==, "127.0.0.1:8080");
  g_assert_true (debrief_account_list_add (list, local, &error));
  g_assert_true (debrief_account_list_add (list, other, &error));
  g_assert_no_error (error);
  g_signal_connect (list, "notify::active-id", G_CALLBACK (on_active_notify), &notified);

  debrief_secrets_store_async (debrief_account_get_id (local), host, "test", TEST_KEY, NULL,
                               store_result, &result);
  g_assert_true (debrief_secrets_store_finish (wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  /* The key is in the keyring, not in the file. */
  g_assert_true (g_file_get_contents (fixture->path, &contents, NULL, &error));
  g_assert_null (strstr (contents, TEST_KEY));

  debrief_account_list_remove_async (list, debrief_account_get_id (local), NULL, store_result,
                                     &result);
  g_assert_true (debrief_account_list_remove_finish (list, wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_null (debrief_account_list_lookup (list, debrief_account_get_id (local)));
  /* The active one went: the one left takes over. */
  g_assert_cmpstr (debrief_account_list_get_active_id (list), ==, debrief_account_get_id (other));
  g_assert_cmpuint (notified, ==, 1);

  debrief_secrets_lookup_async (debrief_account_get_id (local), host, NULL, store_result, &result);
  key = debrief_secrets_lookup_finish (wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_null (key);

  /* And on disk. */
  {
    g_autoptr (DebriefAccountList) again = debrief_account_list_new (fixture->path);

    g_assert_true (debrief_account_list_load (again, &error));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 1);
    g_assert_cmpstr (debrief_account_list_get_active_id (again), ==,
                     debrief_account_get_id (other));
  }
}

static void
test_regions (void)
{
  g_assert_cmpstr (debrief_region_to_string (DEBRIEF_REGION_EU), ==, "eu");
  g_assert_cmpint (debrief_region_from_string ("us"), ==, DEBRIEF_REGION_US);
  g_assert_cmpint (debrief_region_from_string ("mars"), ==, DEBRIEF_REGION_CUSTOM);
  g_assert_null (debrief_region_get_base_url (DEBRIEF_REGION_CUSTOM));
}

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char *argv[])
{
  g_autoptr (SecretService) service = NULL;

  g_test_init (&argc, &argv, NULL);

  service = secret_service_get_sync (SECRET_SERVICE_OPEN_SESSION, NULL, NULL);
  keyring_available = service != NULL;

  g_test_add_func ("/accounts/default-path", test_default_path);
  g_test_add_func ("/accounts/regions", test_regions);
  ADD_TEST ("/accounts/missing-file", test_missing_file);
  ADD_TEST ("/accounts/round-trip", test_round_trip);
  ADD_TEST ("/accounts/unreadable-file", test_unreadable_file);
  ADD_TEST ("/accounts/remove-clears-key", test_remove_clears_key);

  return g_test_run ();
}
