/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "og-error"

#include "config.h"

#include <glib/gi18n.h>

#include "og-error.h"

/* What Opsgenie told us beside the status, carried on the GError itself so that it
 * reaches the UI with the error and is never lost on the way. */
typedef struct
{
  guint status;
  char *server_message;
  char *request_id;
  GHashTable *field_errors;
  guint retry_after;
} OgErrorPrivate;

static void
og_error_private_init (OgErrorPrivate *priv)
{
  priv->status = 0;
  priv->server_message = NULL;
  priv->request_id = NULL;
  priv->field_errors = NULL;
  priv->retry_after = 0;
}

static void
og_error_private_copy (const OgErrorPrivate *src, OgErrorPrivate *dest)
{
  dest->status = src->status;
  dest->server_message = g_strdup (src->server_message);
  dest->request_id = g_strdup (src->request_id);
  dest->field_errors = src->field_errors ? g_hash_table_ref (src->field_errors) : NULL;
  dest->retry_after = src->retry_after;
}

static void
og_error_private_clear (OgErrorPrivate *priv)
{
  g_clear_pointer (&priv->server_message, g_free);
  g_clear_pointer (&priv->request_id, g_free);
  g_clear_pointer (&priv->field_errors, g_hash_table_unref);
}

/* clang-format off */
G_DEFINE_EXTENDED_ERROR (OgError, og_error)
/* clang-format on */

OgErrorCode
og_error_code_from_status (guint status)
{
  switch (status)
    {
    case 400:
      return OG_ERROR_BAD_REQUEST;
    case 401:
      return OG_ERROR_UNAUTHORIZED;
    case 402:
      return OG_ERROR_PAYMENT_REQUIRED;
    case 403:
      return OG_ERROR_FORBIDDEN;
    case 404:
      return OG_ERROR_NOT_FOUND;
    case 405:
      return OG_ERROR_METHOD_NOT_ALLOWED;
    case 409:
      return OG_ERROR_CONFLICT;
    case 413:
      return OG_ERROR_TOO_LARGE;
    case 422:
      return OG_ERROR_INVALID;
    case 428:
      return OG_ERROR_PRECONDITION;
    case 429:
      return OG_ERROR_RATE_LIMITED;
    default:
      if (status >= 500 && status < 600)
        return OG_ERROR_SERVER;
      return OG_ERROR_BAD_RESPONSE;
    }
}

/* The first sentence: what happened, and what the user can do about it. */
static char *
describe_status (guint status)
{
  switch (og_error_code_from_status (status))
    {
    case OG_ERROR_BAD_REQUEST:
      return g_strdup (_ ("Opsgenie did not accept the request."));
    case OG_ERROR_UNAUTHORIZED:
      return g_strdup (_ ("Opsgenie rejected the API key. Check the key in the account settings."));
    case OG_ERROR_PAYMENT_REQUIRED:
      return g_strdup (_ ("This Opsgenie plan does not include postmortems."));
    case OG_ERROR_FORBIDDEN:
      return g_strdup (_ ("The API key is not allowed to do this. Give its integration the "
                          "missing access right in Opsgenie."));
    case OG_ERROR_NOT_FOUND:
      return g_strdup (_ ("Opsgenie does not know this item; it may have been deleted."));
    case OG_ERROR_METHOD_NOT_ALLOWED:
      return g_strdup (_ ("Opsgenie does not allow this operation here."));
    case OG_ERROR_CONFLICT:
      return g_strdup (_ ("This conflicts with what Opsgenie already has."));
    case OG_ERROR_TOO_LARGE:
      return g_strdup (_ ("The request is too large for Opsgenie."));
    case OG_ERROR_INVALID:
      return g_strdup (_ ("Opsgenie refused a value."));
    case OG_ERROR_PRECONDITION:
      return g_strdup (_ ("Opsgenie needs a condition that this request did not meet."));
    case OG_ERROR_RATE_LIMITED:
      return g_strdup (_ ("Opsgenie is limiting how fast requests may be sent. Try again in a "
                          "minute."));
    case OG_ERROR_SERVER:
      return g_strdup_printf (_ ("Opsgenie had an internal problem (HTTP %u). Try again later."),
                              status);
    case OG_ERROR_NETWORK:
    case OG_ERROR_TIMEOUT:
    case OG_ERROR_TLS:
    case OG_ERROR_BAD_RESPONSE:
    case OG_ERROR_INVALID_URL:
    case OG_ERROR_INVALID_ARGUMENT:
    default:
      return g_strdup_printf (_ ("Opsgenie answered with an unexpected status (HTTP %u)."), status);
    }
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

GError *
og_error_new_from_response (guint status,
                            const char *server_message,
                            GHashTable *field_errors,
                            const char *request_id,
                            guint retry_after)
{
  g_autofree char *first = describe_status (status);
  GString *message = g_string_new (first);
  OgErrorPrivate *priv;
  GError *error;

  if (server_message != NULL && *server_message != '\0')
    {
      g_string_append_c (message, ' ');
      /* Translators: what the Opsgenie server said, quoted */
      g_string_append_printf (message, _ ("Opsgenie said: “%s”."), server_message);
    }

  if (field_errors != NULL && g_hash_table_size (field_errors) > 0)
    {
      g_autoptr (GPtrArray) keys = g_ptr_array_new ();
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, field_errors);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_ptr_array_add (keys, key);
      /* Sorted, so that the message is the same however the table hashes. */
      g_ptr_array_sort (keys, compare_strings);

      for (guint i = 0; i < keys->len; i++)
        {
          const char *field = g_ptr_array_index (keys, i);
          g_string_append_printf (message, " %s: %s.", field,
                                  (const char *) g_hash_table_lookup (field_errors, field));
        }
    }

  if (request_id != NULL && *request_id != '\0')
    {
      g_string_append_c (message, ' ');
      g_string_append_printf (message, _ ("(Request ID %s)"), request_id);
    }

  error = g_error_new_literal (OG_ERROR, og_error_code_from_status (status), message->str);
  g_string_free (message, TRUE);

  priv = og_error_get_private (error);
  priv->status = status;
  priv->server_message = g_strdup (server_message);
  priv->request_id = g_strdup (request_id);
  priv->field_errors = field_errors ? g_hash_table_ref (field_errors) : NULL;
  priv->retry_after = retry_after;

  return error;
}

static const OgErrorPrivate *
get_private (const GError *error)
{
  if (error == NULL || error->domain != OG_ERROR)
    return NULL;

  return og_error_get_private (error);
}

guint
og_error_get_http_status (const GError *error)
{
  const OgErrorPrivate *priv = get_private (error);

  return priv ? priv->status : 0;
}

const char *
og_error_get_server_message (const GError *error)
{
  const OgErrorPrivate *priv = get_private (error);

  return priv ? priv->server_message : NULL;
}

const char *
og_error_get_request_id (const GError *error)
{
  const OgErrorPrivate *priv = get_private (error);

  return priv ? priv->request_id : NULL;
}

GHashTable *
og_error_get_field_errors (const GError *error)
{
  const OgErrorPrivate *priv = get_private (error);

  return priv ? priv->field_errors : NULL;
}

guint
og_error_get_retry_after (const GError *error)
{
  const OgErrorPrivate *priv = get_private (error);

  return priv ? priv->retry_after : 0;
}
