/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-secrets"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-secrets.h"

#include <string.h>

#define SECRET_SERVICE_BUS_NAME  "org.freedesktop.secrets"
#define SECRET_SERVICE_PATH      "/org/freedesktop/secrets"
#define SECRET_SERVICE_INTERFACE "org.freedesktop.Secret.Service"

typedef enum
{
  OP_STORE,
  OP_LOOKUP,
  OP_UNLOCK,
  OP_CLEAR,
} Operation;

/* What a task carries from the service's arrival to the operation itself. */
typedef struct
{
  Operation op;
  char *account_id;
  char *host;
  char *label;
  char *api_key; /* OP_STORE only; wiped when freed */
  SecretService *service;
} Call;

G_DEFINE_QUARK (debrief - secrets - error - quark, debrief_secrets_error)

static void
call_free (Call *call)
{
  g_clear_pointer (&call->account_id, g_free);
  g_clear_pointer (&call->host, g_free);
  g_clear_pointer (&call->label, g_free);
  g_clear_pointer (&call->api_key, debrief_secrets_key_free);
  g_clear_object (&call->service);
  g_free (call);
}

static gboolean
is_missing_service (const GError *error)
{
  return g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN)
         || g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_NAME_HAS_NO_OWNER)
         || g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SPAWN_EXEC_FAILED)
         || g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SPAWN_FAILED)
         || g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SPAWN_CHILD_EXITED)
         || g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SPAWN_SERVICE_NOT_FOUND)
         || g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SPAWN_SERVICE_INVALID)
         || g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD)
         || g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_OBJECT)
         || g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_DISCONNECTED)
         || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
}

static GError *
no_service_error (void)
{
  return g_error_new_literal (DEBRIEF_SECRETS_ERROR, DEBRIEF_SECRETS_ERROR_NO_SERVICE,
                              _ ("No keyring is running. Debrief keeps API keys only in the "
                                 "desktop keyring: start one (such as GNOME Keyring) and try "
                                 "again."));
}

static GError *
locked_error (void)
{
  return g_error_new_literal (DEBRIEF_SECRETS_ERROR, DEBRIEF_SECRETS_ERROR_LOCKED,
                              _ ("The keyring is locked. Unlock it to use the API key."));
}

/* Every error a caller sees is ours (or a cancellation), worded for the user. @connecting:
 * the error came while reaching the service, so whatever it says, there is none to use. */
static GError *
map_error (const GError *error, gboolean connecting)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  if (connecting || is_missing_service (error))
    {
      g_debug ("no Secret Service: %s", error->message);
      return no_service_error ();
    }

  if (g_error_matches (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    return locked_error ();

  return g_error_new (DEBRIEF_SECRETS_ERROR, DEBRIEF_SECRETS_ERROR_FAILED,
                      _ ("The keyring refused to keep the API key (%s)."), error->message);
}

static GHashTable *
build_attributes (Call *call)
{
  return secret_attributes_build (debrief_secrets_get_schema (), "account", call->account_id,
                                  "host", call->host, NULL);
}

static void
return_error (GTask *task, const GError *error, gboolean connecting)
{
  g_task_return_error (task, map_error (error, connecting));
}

static void
on_stored (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;

  if (!secret_service_store_finish (SECRET_SERVICE (object), result, &error))
    return_error (task, error, FALSE);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_cleared (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;

  /* FALSE without an error: there was nothing to remove, which is what the caller wants. */
  if (!secret_service_clear_finish (SECRET_SERVICE (object), result, &error) && error != NULL)
    return_error (task, error, FALSE);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_found (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  GList *items;
  gboolean locked = FALSE;

  items = secret_service_search_finish (SECRET_SERVICE (object), result, &error);
  if (error != NULL)
    {
      return_error (task, error, FALSE);
      return;
    }

  for (GList *l = items; l != NULL; l = l->next)
    {
      SecretItem *item = l->data;
      g_autoptr (SecretValue) value = NULL;
      const char *text;

      /* An item whose secret did not load is as good as locked, whatever its (cached)
       * Locked property says. */
      value = secret_item_get_locked (item) ? NULL : secret_item_get_secret (item);
      text = value != NULL ? secret_value_get_text (value) : NULL;
      if (text == NULL)
        locked = TRUE;
      else
        {
          g_task_return_pointer (task, g_strdup (text), (GDestroyNotify) debrief_secrets_key_free);
          g_list_free_full (items, g_object_unref);
          return;
        }
    }
  g_list_free_full (items, g_object_unref);

  if (locked)
    g_task_return_error (task, locked_error ());
  else
    g_task_return_pointer (task, NULL, NULL);
}

/* The unlock prompt, run over D-Bus by hand rather than by secret_service_unlock(): in
 * libsecret 0.20 a prompt that fails (no prompter can be shown, as headless) returns its
 * task twice, a critical. Cancelling dismisses the prompt and returns at once. */
typedef struct
{
  GDBusConnection *bus;
  char *prompt_path;
  GTask *pending; /* owned while the prompt runs; whoever ends it takes it */
  guint completed_id;
  gulong cancelled_id;
  guint cancel_idle_id;
} Unlock;

static void
unlock_free (Unlock *unlock)
{
  g_assert (unlock->pending == NULL);
  g_clear_object (&unlock->bus);
  g_clear_pointer (&unlock->prompt_path, g_free);
  g_free (unlock);
}

/* Ends the prompt's wait; NULL when it had already ended. */
static GTask *
take_pending (Unlock *unlock)
{
  GTask *task = g_steal_pointer (&unlock->pending);

  if (task == NULL)
    return NULL;

  if (unlock->completed_id != 0)
    g_dbus_connection_signal_unsubscribe (unlock->bus, unlock->completed_id);
  unlock->completed_id = 0;
  /* Never from inside the cancelled handler: disconnecting there would deadlock. */
  if (unlock->cancelled_id != 0)
    g_cancellable_disconnect (g_task_get_cancellable (task), unlock->cancelled_id);
  unlock->cancelled_id = 0;
  g_clear_handle_id (&unlock->cancel_idle_id, g_source_remove);

  return task;
}

static void
on_prompt_completed (GDBusConnection *bus,
                     const char *sender,
                     const char *path,
                     const char *interface,
                     const char *signal,
                     GVariant *parameters,
                     gpointer user_data)
{
  Unlock *unlock = user_data;
  g_autoptr (GTask) task = take_pending (unlock);
  gboolean dismissed = TRUE;

  if (task == NULL)
    return;

  if (g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(bv)")))
    g_variant_get (parameters, "(bv)", &dismissed, NULL);
  g_debug ("unlock prompt %s", dismissed ? "dismissed" : "completed");

  if (dismissed)
    g_task_return_error (task, locked_error ());
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_dismissed (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GVariant) reply
      = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, NULL);
}

static gboolean
finish_cancelled (gpointer user_data)
{
  Unlock *unlock = user_data;
  g_autoptr (GTask) task = NULL;

  unlock->cancel_idle_id = 0;
  task = take_pending (unlock);
  if (task != NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                             _ ("The unlock was cancelled."));
  return G_SOURCE_REMOVE;
}

static void
on_unlock_cancelled (GCancellable *cancellable, gpointer user_data)
{
  Unlock *unlock = user_data;

  g_dbus_connection_call (unlock->bus, SECRET_SERVICE_BUS_NAME, unlock->prompt_path,
                          "org.freedesktop.Secret.Prompt", "Dismiss", NULL, NULL,
                          G_DBUS_CALL_FLAGS_NONE, -1, NULL, on_dismissed, NULL);
  if (unlock->cancel_idle_id == 0)
    unlock->cancel_idle_id = g_idle_add (finish_cancelled, unlock);
}

static void
on_prompted (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) keep = user_data;
  Unlock *unlock = g_object_get_data (G_OBJECT (keep), "unlock");
  g_autoptr (GVariant) reply = NULL;
  g_autoptr (GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply == NULL)
    {
      g_autoptr (GTask) task = take_pending (unlock);

      if (task != NULL)
        return_error (task, error, FALSE);
    }
}

static void
on_unlock_called (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  Unlock *unlock = g_object_get_data (G_OBJECT (task), "unlock");
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr (GVariant) reply = NULL;
  g_autoptr (GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply == NULL)
    {
      return_error (task, error, FALSE);
      return;
    }

  g_variant_get (reply, "(@aoo)", NULL, &unlock->prompt_path);
  if (g_str_equal (unlock->prompt_path, "/"))
    {
      /* Unlocked without asking anyone. */
      g_task_return_boolean (task, TRUE);
      return;
    }

  unlock->pending = g_object_ref (task);
  unlock->completed_id = g_dbus_connection_signal_subscribe (
      unlock->bus, SECRET_SERVICE_BUS_NAME, "org.freedesktop.Secret.Prompt", "Completed",
      unlock->prompt_path, NULL, G_DBUS_SIGNAL_FLAGS_NONE, on_prompt_completed, unlock, NULL);
  if (cancellable != NULL)
    unlock->cancelled_id
        = g_cancellable_connect (cancellable, G_CALLBACK (on_unlock_cancelled), unlock, NULL);

  g_dbus_connection_call (unlock->bus, SECRET_SERVICE_BUS_NAME, unlock->prompt_path,
                          "org.freedesktop.Secret.Prompt", "Prompt", g_variant_new ("(s)", ""),
                          NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, on_prompted, g_object_ref (task));
}

static void
on_found_to_unlock (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  GList *items;
  GList *locked = NULL;

  items = secret_service_search_finish (SECRET_SERVICE (object), result, &error);
  if (error != NULL)
    {
      return_error (task, error, FALSE);
      return;
    }

  for (GList *l = items; l != NULL; l = l->next)
    {
      if (secret_item_get_locked (l->data))
        locked = g_list_prepend (locked, l->data);
    }

  if (locked == NULL)
    {
      /* Nothing locked (any more): done, without bothering the user. */
      g_task_return_boolean (task, TRUE);
    }
  else
    {
      GVariantBuilder paths;
      Unlock *unlock = g_new0 (Unlock, 1);

      g_variant_builder_init (&paths, G_VARIANT_TYPE ("ao"));
      for (GList *l = locked; l != NULL; l = l->next)
        g_variant_builder_add (&paths, "o", g_dbus_proxy_get_object_path (l->data));

      unlock->bus = g_object_ref (g_dbus_proxy_get_connection (G_DBUS_PROXY (object)));
      g_object_set_data_full (G_OBJECT (task), "unlock", unlock, (GDestroyNotify) unlock_free);
      g_dbus_connection_call (unlock->bus, SECRET_SERVICE_BUS_NAME, SECRET_SERVICE_PATH,
                              SECRET_SERVICE_INTERFACE, "Unlock", g_variant_new ("(ao)", &paths),
                              G_VARIANT_TYPE ("(aoo)"), G_DBUS_CALL_FLAGS_NONE, -1,
                              g_task_get_cancellable (task), on_unlock_called, g_object_ref (task));
    }

  g_list_free (locked);
  g_list_free_full (items, g_object_unref);
}

static void
on_service (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) attributes = NULL;
  GCancellable *cancellable = g_task_get_cancellable (task);
  Call *call = g_task_get_task_data (task);

  call->service = secret_service_get_finish (result, &error);
  if (call->service == NULL)
    {
      return_error (task, error, TRUE);
      return;
    }

  attributes = build_attributes (call);

  switch (call->op)
    {
    case OP_STORE:
      {
        g_autoptr (SecretValue) value = secret_value_new (call->api_key, -1, "text/plain");

        g_debug ("storing the key of account %s (%s)", call->account_id, call->host);
        secret_service_store (call->service, debrief_secrets_get_schema (), attributes,
                              SECRET_COLLECTION_DEFAULT, call->label, value, cancellable, on_stored,
                              g_steal_pointer (&task));
      }
      break;

    case OP_LOOKUP:
      g_debug ("looking up the key of account %s (%s)", call->account_id, call->host);
      /* No SECRET_SEARCH_UNLOCK: a locked keyring is reported, and the user decides to
       * unlock it, instead of a prompt appearing out of nowhere (or never, headless). */
      secret_service_search (call->service, debrief_secrets_get_schema (), attributes,
                             SECRET_SEARCH_LOAD_SECRETS | SECRET_SEARCH_ALL, cancellable, on_found,
                             g_steal_pointer (&task));
      break;

    case OP_UNLOCK:
      g_debug ("unlocking the key of account %s (%s)", call->account_id, call->host);
      secret_service_search (call->service, debrief_secrets_get_schema (), attributes,
                             SECRET_SEARCH_ALL, cancellable, on_found_to_unlock,
                             g_steal_pointer (&task));
      break;

    case OP_CLEAR:
      g_debug ("clearing the key of account %s (%s)", call->account_id, call->host);
      secret_service_clear (call->service, debrief_secrets_get_schema (), attributes, cancellable,
                            on_cleared, g_steal_pointer (&task));
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Inside a Flatpak sandbox there is no Secret Service to talk to: libsecret's
 * secret_password_*() go to its file backend, whose master key the Secret portal
 * (org.freedesktop.portal.Secret) hands out, and there is nothing to lock or unlock.
 * DEBRIEF_SECRETS_PASSWORD_API=1 takes that path outside the sandbox too (for tests; there
 * libsecret sends it to the Secret Service). */
static gboolean
use_password_api (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS)
         || g_strcmp0 (g_getenv ("DEBRIEF_SECRETS_PASSWORD_API"), "1") == 0;
}

static void
on_password_done (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  Call *call = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;

  switch (call->op)
    {
    case OP_STORE:
      if (!secret_password_store_finish (result, &error))
        return_error (task, error, FALSE);
      else
        g_task_return_boolean (task, TRUE);
      break;

    case OP_LOOKUP:
      {
        char *key = secret_password_lookup_finish (result, &error);

        if (error != NULL)
          return_error (task, error, FALSE);
        else if (key == NULL)
          g_task_return_pointer (task, NULL, NULL);
        else
          {
            g_task_return_pointer (task, g_strdup (key), (GDestroyNotify) debrief_secrets_key_free);
            secret_password_free (key);
          }
      }
      break;

    case OP_CLEAR:
      if (!secret_password_clear_finish (result, &error) && error != NULL)
        return_error (task, error, FALSE);
      else
        g_task_return_boolean (task, TRUE);
      break;

    case OP_UNLOCK:
    default:
      g_assert_not_reached ();
    }
}

static void
start_password_api (GTask *task, Call *call)
{
  GCancellable *cancellable = g_task_get_cancellable (task);
  const SecretSchema *schema = debrief_secrets_get_schema ();

  switch (call->op)
    {
    case OP_STORE:
      secret_password_store (schema, SECRET_COLLECTION_DEFAULT, call->label, call->api_key,
                             cancellable, on_password_done, g_object_ref (task), "account",
                             call->account_id, "host", call->host, NULL);
      break;
    case OP_LOOKUP:
      secret_password_lookup (schema, cancellable, on_password_done, g_object_ref (task), "account",
                              call->account_id, "host", call->host, NULL);
      break;
    case OP_CLEAR:
      secret_password_clear (schema, cancellable, on_password_done, g_object_ref (task), "account",
                             call->account_id, "host", call->host, NULL);
      break;
    case OP_UNLOCK:
    default:
      g_task_return_boolean (task, TRUE);
      break;
    }
}

static void
start (Operation op,
       const char *account_id,
       const char *host,
       const char *label,
       const char *api_key,
       GCancellable *cancellable,
       GAsyncReadyCallback callback,
       gpointer user_data,
       gpointer source_tag)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Call *call = g_new0 (Call, 1);

  g_task_set_source_tag (task, source_tag);
  call->op = op;
  call->account_id = g_strdup (account_id);
  call->host = g_strdup (host);
  call->label = g_strdup (label);
  call->api_key = g_strdup (api_key);
  g_task_set_task_data (task, call, (GDestroyNotify) call_free);

  if (use_password_api ())
    start_password_api (task, call);
  else
    secret_service_get (SECRET_SERVICE_OPEN_SESSION, cancellable, on_service,
                        g_steal_pointer (&task));
}

const SecretSchema *
debrief_secrets_get_schema (void)
{
  /* BASE_ID, not APP_ID: the development build reads the same keys as the accounts file it
   * shares with the release build. */
  static const SecretSchema schema = {
    BASE_ID,
    SECRET_SCHEMA_NONE,
    {
        { "account", SECRET_SCHEMA_ATTRIBUTE_STRING },
        { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
        { NULL, 0 },
    },
  };

  return &schema;
}

void
debrief_secrets_store_async (const char *account_id,
                             const char *host,
                             const char *label,
                             const char *api_key,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_return_if_fail (account_id != NULL && *account_id != '\0');
  g_return_if_fail (host != NULL);
  g_return_if_fail (label != NULL);
  g_return_if_fail (api_key != NULL && *api_key != '\0');

  start (OP_STORE, account_id, host, label, api_key, cancellable, callback, user_data,
         debrief_secrets_store_async);
}

gboolean
debrief_secrets_store_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
debrief_secrets_lookup_async (const char *account_id,
                              const char *host,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_return_if_fail (account_id != NULL && *account_id != '\0');
  g_return_if_fail (host != NULL);

  start (OP_LOOKUP, account_id, host, NULL, NULL, cancellable, callback, user_data,
         debrief_secrets_lookup_async);
}

char *
debrief_secrets_lookup_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
debrief_secrets_unlock_async (const char *account_id,
                              const char *host,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_return_if_fail (account_id != NULL && *account_id != '\0');
  g_return_if_fail (host != NULL);

  start (OP_UNLOCK, account_id, host, NULL, NULL, cancellable, callback, user_data,
         debrief_secrets_unlock_async);
}

gboolean
debrief_secrets_unlock_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
debrief_secrets_clear_async (const char *account_id,
                             const char *host,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_return_if_fail (account_id != NULL && *account_id != '\0');
  g_return_if_fail (host != NULL);

  start (OP_CLEAR, account_id, host, NULL, NULL, cancellable, callback, user_data,
         debrief_secrets_clear_async);
}

gboolean
debrief_secrets_clear_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
debrief_secrets_key_free (char *api_key)
{
  if (api_key == NULL)
    return;

  /* volatile, so that the compiler keeps a wipe of memory about to be freed. */
  for (volatile char *p = api_key; *p != '\0'; p++)
    *p = '\0';
  g_free (api_key);
}

char *
debrief_secrets_host_from_url (const char *base_url)
{
  g_autoptr (GUri) uri = NULL;
  const char *host;

  g_return_val_if_fail (base_url != NULL, NULL);

  uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || (host = g_uri_get_host (uri)) == NULL || *host == '\0')
    return NULL;

  if (g_uri_get_port (uri) > 0)
    return g_strdup_printf ("%s:%d", host, g_uri_get_port (uri));
  return g_strdup (host);
}
