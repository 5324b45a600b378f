/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * debrief-secrets against the real gnome-keyring-daemon of the private D-Bus session the
 * test runner starts (.ci/dev: dbus-run-session and an unlocked throwaway keyring): keys
 * stored, looked up, replaced and cleared; accounts kept apart; a locked keyring; no
 * keyring at all. Outside CI, without a keyring, the tests skip; in CI they fail.
 */
#include "config.h"

#include <string.h>

#include "debrief-secrets.h"

#define TIMEOUT_MS 10000

#define SECRETS_BUS   "org.freedesktop.secrets"
#define SECRETS_PATH  "/org/freedesktop/secrets"
#define SERVICE_IFACE "org.freedesktop.Secret.Service"
/* gnome-keyring's own interface: makes and unlocks a collection with a password given
 * over D-Bus, without a prompt. Only tests use it. */
#define GKR_IFACE     "org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface"
#define TEST_PASSWORD "debrief-test-collection"

static gboolean keyring_available;

/* Async helpers */

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
        g_error ("the keyring did not answer within %d ms", TIMEOUT_MS);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return *result;
}

static gboolean
store_key (const char *account, const char *host, const char *key, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  debrief_secrets_store_async (account, host, "Debrief test key", key, NULL, store_result, &result);
  return debrief_secrets_store_finish (wait_result (&result), error);
}

static char *
lookup_key (const char *account, const char *host, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  debrief_secrets_lookup_async (account, host, NULL, store_result, &result);
  return debrief_secrets_lookup_finish (wait_result (&result), error);
}

static gboolean
clear_key (const char *account, const char *host, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  debrief_secrets_clear_async (account, host, NULL, store_result, &result);
  return debrief_secrets_clear_finish (wait_result (&result), error);
}

static guint
count_items (const char *account, const char *host)
{
  g_autoptr (GHashTable) attributes = secret_attributes_build (
      debrief_secrets_get_schema (), "account", account, "host", host, NULL);
  g_autoptr (GError) error = NULL;
  GList *items;
  guint n;

  items = secret_service_search_sync (NULL, debrief_secrets_get_schema (), attributes,
                                      SECRET_SEARCH_ALL, NULL, &error);
  g_assert_no_error (error);
  n = g_list_length (items);
  g_list_free_full (items, g_object_unref);
  return n;
}

static char *
new_account_id (void)
{
  g_autofree char *uuid = g_uuid_string_random ();

  return g_strconcat ("test-", uuid, NULL);
}

static gboolean
skip_without_keyring (void)
{
  if (keyring_available || g_test_subprocess ())
    return FALSE;
  if (g_getenv ("CI") != NULL)
    g_test_fail_printf ("no Secret Service on the session bus: CI must provide one");
  else
    g_test_skip ("no Secret Service on the session bus");
  return TRUE;
}

/* Tests */

static void
test_store_lookup_replace_clear (void)
{
  g_autofree char *account = new_account_id ();
  g_autoptr (GError) error = NULL;
  char *key;

  if (skip_without_keyring ())
    return;

  /* Nothing yet: no key, and no error. */
  key = lookup_key (account, "api.opsgenie.com", &error);
  g_assert_no_error (error);
  g_assert_null (key);

  g_assert_true (store_key (account, "api.opsgenie.com", "key-one", &error));
  g_assert_no_error (error);
  key = lookup_key (account, "api.opsgenie.com", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (key, ==, "key-one");
  debrief_secrets_key_free (key);

  /* A new key replaces the old one: one item, the new value. */
  g_assert_true (store_key (account, "api.opsgenie.com", "key-two", &error));
  g_assert_no_error (error);
  key = lookup_key (account, "api.opsgenie.com", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (key, ==, "key-two");
  debrief_secrets_key_free (key);
  g_assert_cmpuint (count_items (account, "api.opsgenie.com"), ==, 1);

  g_assert_true (clear_key (account, "api.opsgenie.com", &error));
  g_assert_no_error (error);
  key = lookup_key (account, "api.opsgenie.com", &error);
  g_assert_no_error (error);
  g_assert_null (key);
  g_assert_cmpuint (count_items (account, "api.opsgenie.com"), ==, 0);

  /* Clearing what is not there is no error. */
  g_assert_true (clear_key (account, "api.opsgenie.com", &error));
  g_assert_no_error (error);
}

static void
test_accounts_apart (void)
{
  g_autofree char *us = new_account_id ();
  g_autofree char *eu = new_account_id ();
  g_autoptr (GError) error = NULL;
  char *key;

  if (skip_without_keyring ())
    return;

  g_assert_true (store_key (us, "api.opsgenie.com", "us-key", &error));
  g_assert_true (store_key (eu, "api.eu.opsgenie.com", "eu-key", &error));
  g_assert_no_error (error);

  key = lookup_key (us, "api.opsgenie.com", &error);
  g_assert_cmpstr (key, ==, "us-key");
  debrief_secrets_key_free (key);
  key = lookup_key (eu, "api.eu.opsgenie.com", &error);
  g_assert_cmpstr (key, ==, "eu-key");
  debrief_secrets_key_free (key);

  /* Both attributes count: the same account on another host is another key. */
  key = lookup_key (us, "api.eu.opsgenie.com", &error);
  g_assert_no_error (error);
  g_assert_null (key);

  /* Clearing one leaves the other. */
  g_assert_true (clear_key (us, "api.opsgenie.com", &error));
  key = lookup_key (us, "api.opsgenie.com", &error);
  g_assert_null (key);
  key = lookup_key (eu, "api.eu.opsgenie.com", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (key, ==, "eu-key");
  debrief_secrets_key_free (key);

  g_assert_true (clear_key (eu, "api.eu.opsgenie.com", &error));
  g_assert_no_error (error);
}

/* The plain-algorithm session and (oayays) secret gnome-keyring's interface takes. */
static GVariant *
build_master (GDBusConnection *bus)
{
  g_autoptr (GVariant) reply = NULL;
  g_autoptr (GError) error = NULL;
  const char *session;

  reply = g_dbus_connection_call_sync (bus, SECRETS_BUS, SECRETS_PATH, SERVICE_IFACE, "OpenSession",
                                       g_variant_new ("(sv)", "plain", g_variant_new_string ("")),
                                       G_VARIANT_TYPE ("(vo)"), G_DBUS_CALL_FLAGS_NONE, TIMEOUT_MS,
                                       NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(v&o)", NULL, &session);

  return g_variant_new (
      "(o@ay@ays)", session, g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, "", 0, 1),
      g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, TEST_PASSWORD, strlen (TEST_PASSWORD), 1),
      "text/plain");
}

static char *
create_collection (GDBusConnection *bus)
{
  g_autoptr (GVariant) reply = NULL;
  g_autoptr (GError) error = NULL;
  GVariantBuilder properties;
  char *path;

  g_variant_builder_init (&properties, G_VARIANT_TYPE ("a{sv}"));
  g_variant_builder_add (&properties, "{sv}", "org.freedesktop.Secret.Collection.Label",
                         g_variant_new_string ("Debrief test (locked)"));
  reply = g_dbus_connection_call_sync (
      bus, SECRETS_BUS, SECRETS_PATH, GKR_IFACE, "CreateWithMasterPassword",
      g_variant_new ("(a{sv}@(oayays))", &properties, build_master (bus)), G_VARIANT_TYPE ("(o)"),
      G_DBUS_CALL_FLAGS_NONE, TIMEOUT_MS, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(o)", &path);
  return path;
}

static void
lock_collection (GDBusConnection *bus, const char *collection)
{
  const char *objects[] = { collection, NULL };
  g_autoptr (GVariant) reply = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *prompt = NULL;
  g_autoptr (GVariantIter) locked = NULL;

  reply = g_dbus_connection_call_sync (bus, SECRETS_BUS, SECRETS_PATH, SERVICE_IFACE, "Lock",
                                       g_variant_new ("(^ao)", objects), G_VARIANT_TYPE ("(aoo)"),
                                       G_DBUS_CALL_FLAGS_NONE, TIMEOUT_MS, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(aoo)", &locked, &prompt);
  /* Locking needs no prompt in gnome-keyring. */
  g_assert_cmpstr (prompt, ==, "/");
  g_assert_cmpuint (g_variant_iter_n_children (locked), ==, 1);
}

static void
unlock_collection (GDBusConnection *bus, const char *collection)
{
  g_autoptr (GVariant) reply = NULL;
  g_autoptr (GError) error = NULL;

  reply = g_dbus_connection_call_sync (
      bus, SECRETS_BUS, SECRETS_PATH, GKR_IFACE, "UnlockWithMasterPassword",
      g_variant_new ("(o@(oayays))", collection, build_master (bus)), NULL, G_DBUS_CALL_FLAGS_NONE,
      TIMEOUT_MS, NULL, &error);
  g_assert_no_error (error);
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

/* A locked keyring: the lookup says so at once (no prompt popping up by itself), the
 * unlock that would prompt can be given up without hanging, and after an unlock the key
 * is there again. The item lives in a collection of its own, so that locking it does not
 * disturb the other tests that share this keyring. */
static void
locked_body (void)
{
  g_autofree char *account = new_account_id ();
  g_autoptr (GDBusConnection) bus = NULL;
  g_autofree char *collection = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GAsyncResult) result = NULL;
  gint64 start;
  char *key;

  if (skip_without_keyring ())
    return;

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  collection = create_collection (bus);

  g_assert_true (secret_password_store_sync (debrief_secrets_get_schema (), collection,
                                             "Debrief test key", "locked-key", NULL, &error,
                                             "account", account, "host", "api.opsgenie.com", NULL));
  g_assert_no_error (error);
  key = lookup_key (account, "api.opsgenie.com", &error);
  g_assert_cmpstr (key, ==, "locked-key");
  debrief_secrets_key_free (key);

  lock_collection (bus, collection);

  start = g_get_monotonic_time ();
  key = lookup_key (account, "api.opsgenie.com", &error);
  g_assert_null (key);
  g_assert_error (error, DEBRIEF_SECRETS_ERROR, DEBRIEF_SECRETS_ERROR_LOCKED);
  g_assert_cmpstr (error->message, ==, "The keyring is locked. Unlock it to use the API key.");
  /* At once: the lookup did not wait for a prompt. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  g_clear_error (&error);

  /* Unlocked (as the prompt would), the key is back. */
  unlock_collection (bus, collection);
  key = lookup_key (account, "api.opsgenie.com", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (key, ==, "locked-key");
  debrief_secrets_key_free (key);

  /* Nothing to unlock: done without a prompt. */
  debrief_secrets_unlock_async (account, "api.opsgenie.com", NULL, store_result, &result);
  g_assert_true (debrief_secrets_unlock_finish (wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  /* Locked again, the retry asks the keyring to prompt. Headless nobody can answer: the
   * caller gives up through the cancellable and gets control back at once (the prompt is
   * dismissed). What the daemon does meanwhile is its own business: gnome-keyring 42 aborts
   * (gkd-secret-unlock.c, "!self->current") when no prompter can be shown. */
  lock_collection (bus, collection);
  start = g_get_monotonic_time ();
  g_timeout_add (1000, cancel_cb, cancellable);
  debrief_secrets_unlock_async (account, "api.opsgenie.com", cancellable, store_result, &result);
  g_assert_false (debrief_secrets_unlock_finish (wait_result (&result), &error));
  g_assert_nonnull (error);
  g_test_message ("unlock given up: %s", error->message);
  g_assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                 || g_error_matches (error, DEBRIEF_SECRETS_ERROR, DEBRIEF_SECRETS_ERROR_LOCKED));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
  g_clear_error (&error);
}

/* An unlock prompt that cannot be shown makes gnome-keyring 42 abort (D-Bus activation then
 * starts a new daemon, with every keyring locked): the test runs in a child with a bus and
 * a keyring daemon of its own (activated on that bus, with its own data and runtime
 * directories), so that the tests sharing the runner's keyring keep theirs unlocked. */
static void
test_locked (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *data = g_dir_make_tmp ("debrief-keyring-data-XXXXXX", NULL);
      g_autofree char *runtime = g_dir_make_tmp ("debrief-keyring-run-XXXXXX", NULL);
      GTestDBus *bus;

      g_setenv ("XDG_DATA_HOME", data, TRUE);
      g_setenv ("XDG_RUNTIME_DIR", runtime, TRUE);
      g_unsetenv ("GNOME_KEYRING_CONTROL");
      bus = g_test_dbus_new (G_TEST_DBUS_NONE);
      g_test_dbus_add_service_dir (bus, "/usr/share/dbus-1/services");
      g_test_dbus_up (bus);

      locked_body ();

      /* Not _down(), and no unref (which would call it): calls to a daemon that aborted may
       * still hold the connection, and _down() waits for it to go. The child ends here. */
      secret_service_disconnect ();
      g_test_dbus_stop (bus);
      return;
    }

  if (skip_without_keyring ())
    return;
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_password_api (void)
{
  if (g_test_subprocess ())
    {
      g_setenv ("DEBRIEF_SECRETS_PASSWORD_API", "1", TRUE);
      test_store_lookup_replace_clear ();
      test_accounts_apart ();
      return;
    }

  if (skip_without_keyring ())
    return;
  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_no_service (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GAsyncResult) result = NULL;
      char *key;

      /* Before anything connects: a session bus that is not there. */
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/debrief-test-bus", TRUE);

      key = lookup_key ("test-account", "api.opsgenie.com", &error);
      g_assert_null (key);
      g_assert_error (error, DEBRIEF_SECRETS_ERROR, DEBRIEF_SECRETS_ERROR_NO_SERVICE);
      g_print ("%s\n", error->message);
      g_clear_error (&error);

      /* Storing fails the same way, and nothing is written anywhere else. */
      g_assert_false (store_key ("test-account", "api.opsgenie.com", "no-keyring-key", &error));
      g_assert_error (error, DEBRIEF_SECRETS_ERROR, DEBRIEF_SECRETS_ERROR_NO_SERVICE);
      return;
    }

  g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("No keyring is running. Debrief keeps API keys only in the desktop "
                             "keyring: start one (such as GNOME Keyring) and try again.\n");
}

static void
test_host_from_url (void)
{
  g_autofree char *us = debrief_secrets_host_from_url ("https://api.opsgenie.com");
  g_autofree char *local = debrief_secrets_host_from_url ("http://127.0.0.1:8080/api");
  g_autofree char *none = debrief_secrets_host_from_url ("not a url");

  g_assert_cmpstr (us, ==, "api.opsgenie.com");
  g_assert_cmpstr (local, ==, "127.0.0.1:8080");
  g_assert_null (none);
}

static void
test_schema (void)
{
  const SecretSchema *schema = debrief_secrets_get_schema ();

  g_assert_cmpstr (schema->name, ==, "io.github.debrief.Debrief");
  g_assert_cmpstr (schema->attributes[0].name, ==, "account");
  g_assert_cmpstr (schema->attributes[1].name, ==, "host");
  g_assert_null (schema->attributes[2].name);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!g_test_subprocess ())
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (SecretService) service
          = secret_service_get_sync (SECRET_SERVICE_OPEN_SESSION, NULL, &error);

      keyring_available = service != NULL;
      if (!keyring_available)
        g_test_message ("no keyring: %s", error->message);
    }

  g_test_add_func ("/secrets/schema", test_schema);
  g_test_add_func ("/secrets/host-from-url", test_host_from_url);
  g_test_add_func ("/secrets/store-lookup-replace-clear", test_store_lookup_replace_clear);
  g_test_add_func ("/secrets/accounts-apart", test_accounts_apart);
  g_test_add_func ("/secrets/password-api", test_password_api);
  g_test_add_func ("/secrets/no-service", test_no_service);
  g_test_add_func ("/secrets/locked", test_locked);

  return g_test_run ();
}
