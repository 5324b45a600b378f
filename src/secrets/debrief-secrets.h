/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libsecret/secret.h>

G_BEGIN_DECLS

#define DEBRIEF_SECRETS_ERROR (debrief_secrets_error_quark ())

/**
 * DebriefSecretsError:
 *
 * What can keep an API key from the keyring, each with a message that says what to do.
 * There is never a fallback: a key that cannot go into the keyring is not stored at all.
 */
typedef enum
{
  DEBRIEF_SECRETS_ERROR_NO_SERVICE, /* no Secret Service (keyring) on the session bus */
  DEBRIEF_SECRETS_ERROR_LOCKED,     /* the keyring is locked (or its unlock was cancelled) */
  DEBRIEF_SECRETS_ERROR_FAILED,     /* the keyring refused for another reason */
} DebriefSecretsError;

GQuark debrief_secrets_error_quark (void);

/* The schema: named after the application id (the same for every profile), with the
 * attributes "account" (a DebriefAccount id) and "host" (host[:port] of its base URL). */
const SecretSchema *debrief_secrets_get_schema (void);

/* Stores @api_key for the account, replacing the key it had (one item per account). */
void debrief_secrets_store_async (const char *account_id,
                                  const char *host,
                                  const char *label,
                                  const char *api_key,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data);
gboolean debrief_secrets_store_finish (GAsyncResult *result, GError **error);

/* Looks the key up without prompting: a locked item gives DEBRIEF_SECRETS_ERROR_LOCKED,
 * and debrief_secrets_unlock_async() is the way to retry (it shows the keyring's own
 * prompt). The finish returns NULL without an error when there is no key; free the key
 * with debrief_secrets_key_free(), which wipes it. */
void debrief_secrets_lookup_async (const char *account_id,
                                   const char *host,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
char *debrief_secrets_lookup_finish (GAsyncResult *result, GError **error);

/* Asks the keyring to unlock the account's key (the desktop shows its unlock prompt).
 * Cancelling @cancellable dismisses the prompt. A dismissed prompt gives
 * DEBRIEF_SECRETS_ERROR_LOCKED. */
void debrief_secrets_unlock_async (const char *account_id,
                                   const char *host,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
gboolean debrief_secrets_unlock_finish (GAsyncResult *result, GError **error);

/* Removes the account's key; TRUE also when there was none. */
void debrief_secrets_clear_async (const char *account_id,
                                  const char *host,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data);
gboolean debrief_secrets_clear_finish (GAsyncResult *result, GError **error);

void debrief_secrets_key_free (char *api_key);

/* "host" or "host:port" of @base_url, as the schema's host attribute takes it; NULL for a
 * URL without a host. */
char *debrief_secrets_host_from_url (const char *base_url);

G_END_DECLS
