/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "og-client"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <libsoup/soup.h>
#include <string.h>

#include "og-client.h"
#include "og-client-private.h"
#include "og-error.h"
#include "og-json-private.h"
#include "og-routes.h"

#define DEFAULT_CONNECT_TIMEOUT   15
#define DEFAULT_OVERALL_TIMEOUT   60
#define DEFAULT_MAX_RESPONSE_SIZE (32 * 1024 * 1024)
#define DEFAULT_MAX_RETRIES       3
#define DEFAULT_MAX_RETRY_DELAY   (60 * 1000)
#define READ_CHUNK_SIZE           (64 * 1024)
#define HTTP_TOO_MANY_REQUESTS    429 /* libsoup 3.2 has no name for it */

struct _OgClient
{
  GObject parent_instance;

  char *base_url; /* without a trailing slash */
  char *host;     /* for messages */
  char *api_key;
  SoupSession *session;

  guint connect_timeout;
  guint overall_timeout;
  gsize max_response_size;
  guint max_retries;
  guint max_retry_delay_ms;
};

G_DEFINE_FINAL_TYPE (OgClient, og_client, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_BASE_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  OgClient *client;
  OgRoute route;
  char *url;
  GBytes *body;
  OgResponseParser parser;
  GDestroyNotify result_free;

  guint attempt;
  GCancellable *cancellable; /* ours: cancelled by the caller's or by the overall timer */
  GCancellable *caller_cancellable;
  gulong caller_handler;
  gboolean timed_out;
  guint overall_timeout_id;
  guint retry_id;
  gint64 started_at;

  SoupMessage *message;
  GInputStream *stream;
  GByteArray *buffer;
} Request;

static void start_attempt (GTask *task);

/* Static helpers */

static void
request_free (Request *req)
{
  g_clear_handle_id (&req->overall_timeout_id, g_source_remove);
  g_clear_handle_id (&req->retry_id, g_source_remove);
  if (req->caller_handler != 0)
    g_cancellable_disconnect (req->caller_cancellable, req->caller_handler);
  g_clear_object (&req->caller_cancellable);
  g_clear_object (&req->cancellable);
  g_clear_object (&req->message);
  g_clear_object (&req->stream);
  g_clear_pointer (&req->buffer, g_byte_array_unref);
  g_clear_pointer (&req->body, g_bytes_unref);
  g_clear_pointer (&req->url, g_free);
  g_clear_object (&req->client);
  g_free (req);
}

static void
wipe_string (char **str)
{
  if (*str != NULL)
    {
      explicit_bzero (*str, strlen (*str));
      g_clear_pointer (str, g_free);
    }
}

/* A control character (a line break from a wrapped paste) cannot go in a header: libsoup
 * would drop the Authorization header with a critical and send the request without it. */
static gboolean
key_is_sendable (const char *key)
{
  for (const char *p = key; *p != '\0'; p++)
    {
      if (g_ascii_iscntrl (*p))
        return FALSE;
    }

  return TRUE;
}

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr (GInetAddress) address = NULL;
  g_autofree char *bare = NULL;

  if (host == NULL)
    return FALSE;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  /* GUri gives an IPv6 literal without its brackets; a caller may still pass them. */
  if (host[0] == '[')
    bare = g_strndup (host + 1, strlen (host) - 2);
  else
    bare = g_strdup (host);

  address = g_inet_address_new_from_string (bare);

  return address != NULL && g_inet_address_get_is_loopback (address);
}

/* libsoup's logger prints every header line; this one never lets the key through. */
static void
redacting_printer (SoupLogger *logger,
                   SoupLoggerLogLevel level,
                   char direction,
                   const char *data,
                   gpointer user_data)
{
  if (g_ascii_strncasecmp (data, "Authorization:", strlen ("Authorization:")) == 0)
    data = "Authorization: [redacted]";

  g_debug ("%c %s", direction, data);
}

static GError *
timeout_error (OgClient *self, guint seconds)
{
  return g_error_new (OG_ERROR, OG_ERROR_TIMEOUT,
                      g_dngettext (GETTEXT_PACKAGE,
                                   "Opsgenie at %s did not answer within %u second. Check the "
                                   "network connection and try again.",
                                   "Opsgenie at %s did not answer within %u seconds. Check the "
                                   "network connection and try again.",
                                   seconds),
                      self->host, seconds);
}

static GError *
error_from_transport (OgClient *self, Request *req, const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (req->timed_out)
        return timeout_error (self, self->overall_timeout);
      return g_error_copy (error);
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return timeout_error (self, self->connect_timeout);

  if (error->domain == G_TLS_ERROR)
    return g_error_new (OG_ERROR, OG_ERROR_TLS,
                        _ ("The secure connection to %s could not be verified (%s). Debrief "
                           "sends no API key over it."),
                        self->host, error->message);

  if (error->domain == G_RESOLVER_ERROR)
    return g_error_new (OG_ERROR, OG_ERROR_NETWORK,
                        _ ("Could not find the host %s. Check the network connection and the "
                           "address."),
                        self->host);

  if (error->domain == SOUP_SESSION_ERROR
      && error->code != SOUP_SESSION_ERROR_MESSAGE_ALREADY_IN_QUEUE)
    return g_error_new (OG_ERROR, OG_ERROR_BAD_RESPONSE,
                        _ ("Opsgenie at %s sent a response that could not be read (%s)."),
                        self->host, error->message);

  return g_error_new (OG_ERROR, OG_ERROR_NETWORK,
                      _ ("Could not reach Opsgenie at %s (%s). Check the network connection and "
                         "try again."),
                      self->host, error->message);
}

static guint
retry_delay_ms (OgClient *self, Request *req, guint status)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (req->message);
  guint delay_ms = 0;

  if (status == HTTP_TOO_MANY_REQUESTS)
    {
      const char *period = soup_message_headers_get_one (headers, "X-RateLimit-Period-In-Sec");
      const char *retry_after = soup_message_headers_get_one (headers, "Retry-After");
      guint64 seconds = 0;

      if (period == NULL || !g_ascii_string_to_unsigned (period, 10, 1, 3600, &seconds, NULL))
        {
          if (retry_after == NULL
              || !g_ascii_string_to_unsigned (retry_after, 10, 1, 3600, &seconds, NULL))
            seconds = 1;
        }
      delay_ms = (guint) seconds * 1000;
    }
  else
    {
      /* 5xx: 0.5 s, 1 s, 2 s … */
      delay_ms = 500u << MIN (req->attempt, 6u);
    }

  return MIN (delay_ms, self->max_retry_delay_ms);
}

/* Whether a retry after @delay_ms starts before the overall timeout ends the request: a wait
 * it would cut short only turns the server's answer (429, 5xx) into a misleading time-out. */
static gboolean
retry_fits_deadline (OgClient *self, Request *req, guint delay_ms)
{
  gint64 elapsed_ms;

  if (self->overall_timeout == 0)
    return TRUE;

  elapsed_ms = (g_get_monotonic_time () - req->started_at) / 1000;
  return elapsed_ms + delay_ms < (gint64) self->overall_timeout * 1000;
}

static guint
parse_retry_after (SoupMessage *message)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);
  const char *period = soup_message_headers_get_one (headers, "X-RateLimit-Period-In-Sec");
  guint64 seconds = 0;

  if (period != NULL && g_ascii_string_to_unsigned (period, 10, 1, 3600, &seconds, NULL))
    return (guint) seconds;

  return 0;
}

/* Opsgenie's error body: {"message", "took", "requestId", "errors"?}. Anything else (an
 * HTML page from a proxy, nothing at all) still gives an error that says the status. */
static GError *
error_from_response (Request *req, guint status)
{
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GHashTable) field_errors = NULL;
  const char *message = NULL;
  const char *request_id = NULL;
  JsonObject *object = NULL;

  if (req->buffer->len > 0)
    root = _og_json_parse ((const char *) req->buffer->data, req->buffer->len, NULL, NULL);
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    object = json_node_get_object (root);

  if (object != NULL)
    {
      JsonNode *node;

      node = json_object_get_member (object, "message");
      if (node != NULL && JSON_NODE_HOLDS_VALUE (node)
          && json_node_get_value_type (node) == G_TYPE_STRING)
        message = json_node_get_string (node);

      node = json_object_get_member (object, "requestId");
      if (node != NULL && JSON_NODE_HOLDS_VALUE (node)
          && json_node_get_value_type (node) == G_TYPE_STRING)
        request_id = json_node_get_string (node);

      node = json_object_get_member (object, "errors");
      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObjectIter iter;
          const char *name;
          JsonNode *value;

          field_errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
          json_object_iter_init (&iter, json_node_get_object (node));
          while (json_object_iter_next (&iter, &name, &value))
            {
              if (JSON_NODE_HOLDS_VALUE (value)
                  && json_node_get_value_type (value) == G_TYPE_STRING)
                g_hash_table_insert (field_errors, g_strdup (name),
                                     g_strdup (json_node_get_string (value)));
            }
        }
    }

  if (request_id == NULL)
    request_id = soup_message_headers_get_one (soup_message_get_response_headers (req->message),
                                               "X-Request-Id");

  return og_error_new_from_response (status, message, field_errors, request_id,
                                     parse_retry_after (req->message));
}

static void
finish_success (GTask *task, Request *req)
{
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GError) error = NULL;
  gpointer result;

  if (req->buffer->len > 0)
    {
      /* Untrusted input: the depth bound keeps a hostile body from overflowing the stack. */
      root = _og_json_parse ((const char *) req->buffer->data, req->buffer->len, NULL, &error);
      if (root == NULL)
        {
          g_task_return_new_error (task, OG_ERROR, OG_ERROR_BAD_RESPONSE,
                                   _ ("Opsgenie at %s sent a response that is not valid JSON "
                                      "(%s)."),
                                   req->client->host, error->message);
          return;
        }

      if (!JSON_NODE_HOLDS_OBJECT (root))
        {
          g_task_return_new_error (task, OG_ERROR, OG_ERROR_BAD_RESPONSE,
                                   _ ("Opsgenie at %s sent a response of an unexpected shape."),
                                   req->client->host);
          return;
        }
    }

  if (req->parser == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  result = req->parser (root, &error);
  if (result == NULL)
    {
      g_assert (error != NULL);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, result, req->result_free);
}

static gboolean
retry_cb (gpointer user_data)
{
  GTask *task = user_data;
  Request *req = g_task_get_task_data (task);

  req->retry_id = 0;
  start_attempt (task);

  return G_SOURCE_REMOVE;
}

static void
handle_response (GTask *task)
{
  Request *req = g_task_get_task_data (task);
  OgClient *self = req->client;
  guint status = soup_message_get_status (req->message);
  const OgRouteInfo *info = og_route_get_info (req->route);

  g_debug ("%s %s → %u (%" G_GINT64_FORMAT " ms, attempt %u)", info->method, info->name, status,
           (g_get_monotonic_time () - req->started_at) / 1000, req->attempt + 1);

  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      finish_success (task, req);
      g_object_unref (task);
      return;
    }

  if ((status == HTTP_TOO_MANY_REQUESTS || (status >= 500 && info->idempotent))
      && req->attempt < self->max_retries
      && retry_fits_deadline (self, req, retry_delay_ms (self, req, status)))
    {
      guint delay = retry_delay_ms (self, req, status);

      g_debug ("%s: retrying in %u ms", info->name, delay);
      req->attempt++;
      /* The task's reference goes to the timer. */
      req->retry_id = g_timeout_add (delay, retry_cb, task);
      return;
    }

  if (SOUP_STATUS_IS_REDIRECTION (status))
    g_task_return_new_error (task, OG_ERROR, OG_ERROR_BAD_RESPONSE,
                             _ ("Opsgenie at %s redirected the request (HTTP %u). Debrief does "
                                "not follow redirects, so that the API key goes nowhere else; "
                                "check the address."),
                             self->host, status);
  else
    g_task_return_error (task, error_from_response (req, status));

  g_object_unref (task);
}

static void
read_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  Request *req = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;

  bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error_from_transport (req->client, req, error));
      g_object_unref (task);
      return;
    }

  if (g_bytes_get_size (bytes) == 0)
    {
      g_input_stream_close (req->stream, NULL, NULL);
      handle_response (task);
      return;
    }

  if (req->buffer->len + g_bytes_get_size (bytes) > req->client->max_response_size)
    {
      g_task_return_new_error (task, OG_ERROR, OG_ERROR_TOO_LARGE,
                               _ ("Opsgenie at %s sent a response larger than %" PRIu64
                                  " bytes; Debrief stopped reading it."),
                               req->client->host, (uint64_t) req->client->max_response_size);
      g_input_stream_close (req->stream, NULL, NULL);
      g_object_unref (task);
      return;
    }

  g_byte_array_append (req->buffer, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_input_stream_read_bytes_async (req->stream, READ_CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                   req->cancellable, read_cb, task);
}

static void
send_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  Request *req = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  goffset length;

  g_clear_object (&req->stream);
  req->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (req->stream == NULL)
    {
      g_task_return_error (task, error_from_transport (req->client, req, error));
      g_object_unref (task);
      return;
    }

  length
      = soup_message_headers_get_content_length (soup_message_get_response_headers (req->message));
  if (length > 0 && (guint64) length > req->client->max_response_size)
    {
      g_task_return_new_error (task, OG_ERROR, OG_ERROR_TOO_LARGE,
                               _ ("Opsgenie at %s announced a response of %" PRId64
                                  " bytes, more than the %" PRIu64 " Debrief accepts."),
                               req->client->host, (int64_t) length,
                               (uint64_t) req->client->max_response_size);
      g_input_stream_close (req->stream, NULL, NULL);
      g_object_unref (task);
      return;
    }

  g_clear_pointer (&req->buffer, g_byte_array_unref);
  req->buffer = g_byte_array_new ();
  g_input_stream_read_bytes_async (req->stream, READ_CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                   req->cancellable, read_cb, task);
}

static void
start_attempt (GTask *task)
{
  Request *req = g_task_get_task_data (task);
  OgClient *self = req->client;
  const OgRouteInfo *info = og_route_get_info (req->route);
  g_autofree char *authorization = NULL;
  SoupMessageHeaders *headers;
  GError *error = NULL;

  if (g_cancellable_set_error_if_cancelled (req->cancellable, &error))
    {
      g_autoptr (GError) cancelled = error;

      g_task_return_error (task, error_from_transport (self, req, cancelled));
      g_object_unref (task);
      return;
    }

  g_clear_object (&req->message);
  req->message = soup_message_new (info->method, req->url);
  g_assert (req->message != NULL);
  /* A redirect would carry the key to wherever it points. */
  soup_message_add_flags (req->message, SOUP_MESSAGE_NO_REDIRECT);

  headers = soup_message_get_request_headers (req->message);
  authorization = g_strconcat ("GenieKey ", self->api_key, NULL);
  soup_message_headers_replace (headers, "Authorization", authorization);
  explicit_bzero (authorization, strlen (authorization));
  soup_message_headers_replace (headers, "Accept", "application/json");
  if (req->body != NULL)
    soup_message_set_request_body_from_bytes (req->message, "application/json", req->body);

  soup_session_send_async (self->session, req->message, G_PRIORITY_DEFAULT, req->cancellable,
                           send_cb, task);
}

static gboolean
overall_timeout_cb (gpointer user_data)
{
  Request *req = user_data;

  req->overall_timeout_id = 0;
  req->timed_out = TRUE;
  g_cancellable_cancel (req->cancellable);

  return G_SOURCE_REMOVE;
}

static void
caller_cancelled_cb (GCancellable *caller, gpointer user_data)
{
  GCancellable *ours = user_data;

  g_cancellable_cancel (ours);
}

static void
internal_cancelled_cb (GCancellable *cancellable, GTask *task)
{
  Request *req = g_task_get_task_data (task);

  /* A retry wait has no I/O to interrupt: run the attempt now, it sees the cancellation. */
  if (req->retry_id != 0)
    {
      g_source_remove (req->retry_id);
      req->retry_id = g_idle_add (retry_cb, task);
    }
}

static char *
build_url (OgClient *self, const char *path, const char **query)
{
  GString *url = g_string_new (self->base_url);

  g_string_append (url, path);

  for (guint i = 0; query != NULL && query[i] != NULL; i += 2)
    {
      if (query[i + 1] == NULL)
        continue;
      g_string_append_c (url, strchr (url->str, '?') ? '&' : '?');
      g_string_append_uri_escaped (url, query[i], NULL, FALSE);
      g_string_append_c (url, '=');
      g_string_append_uri_escaped (url, query[i + 1], NULL, FALSE);
    }

  return g_string_free (url, FALSE);
}

/*
 * Sends one request (see og-client-private.h). The body is serialized at once: @body stays
 * the caller's.
 */
void
_og_client_send (OgClient *self,
                 GTask *task,
                 OgRoute route,
                 const char *id,
                 const char **query,
                 JsonNode *body,
                 OgResponseParser parser,
                 GDestroyNotify result_free)
{
  g_autofree char *path = NULL;
  GCancellable *caller = g_task_get_cancellable (task);
  Request *req;

  if (self->api_key == NULL)
    {
      g_task_return_new_error (task, OG_ERROR, OG_ERROR_UNAUTHORIZED,
                               _ ("No API key is set for this account."));
      g_object_unref (task);
      return;
    }

  if (!key_is_sendable (self->api_key))
    {
      g_task_return_new_error (task, OG_ERROR, OG_ERROR_UNAUTHORIZED,
                               _ ("The API key contains a line break or another control "
                                  "character. Paste the key again in the account settings."));
      g_object_unref (task);
      return;
    }

  path = og_route_build_path (route, id);
  if (path == NULL)
    {
      if (id == NULL || *id == '\0')
        g_task_return_new_error (task, OG_ERROR, OG_ERROR_INVALID_ARGUMENT,
                                 _ ("The request needs an id, and none was given."));
      else
        g_task_return_new_error (task, OG_ERROR, OG_ERROR_INVALID_ARGUMENT,
                                 _ ("“%s” is not an Opsgenie id."), id);
      g_object_unref (task);
      return;
    }

  req = g_new0 (Request, 1);
  req->client = g_object_ref (self);
  req->route = route;
  req->url = build_url (self, path, query);
  req->parser = parser;
  req->result_free = result_free;
  req->cancellable = g_cancellable_new ();
  req->started_at = g_get_monotonic_time ();
  if (body != NULL)
    {
      gsize length = 0;
      char *json = json_to_string (body, FALSE);

      length = strlen (json);
      req->body = g_bytes_new_take (json, length);
    }
  g_task_set_task_data (task, req, (GDestroyNotify) request_free);

  if (caller != NULL)
    {
      req->caller_cancellable = g_object_ref (caller);
      req->caller_handler = g_cancellable_connect (caller, G_CALLBACK (caller_cancelled_cb),
                                                   req->cancellable, NULL);
    }
  g_signal_connect_object (req->cancellable, "cancelled", G_CALLBACK (internal_cancelled_cb), task,
                           0);

  if (self->overall_timeout > 0)
    req->overall_timeout_id
        = g_timeout_add_seconds (self->overall_timeout, overall_timeout_cb, req);

  start_attempt (task);
}

GTask *
_og_client_new_task (OgClient *self,
                     GCancellable *cancellable,
                     GAsyncReadyCallback callback,
                     gpointer user_data,
                     gpointer source_tag)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_name (task, g_type_name (OG_TYPE_CLIENT));

  return task;
}

gboolean
_og_client_check_argument (GTask *task, const char *value, const char *message)
{
  if (value != NULL && *value != '\0')
    return TRUE;

  g_task_return_new_error (task, OG_ERROR, OG_ERROR_INVALID_ARGUMENT, "%s", message);
  g_object_unref (task);

  return FALSE;
}

gboolean
_og_client_check_actor (GTask *task, const char *actor_user_id)
{
  return _og_client_check_argument (task, actor_user_id,
                                    _ ("Choose which Opsgenie user you are before making "
                                       "changes."));
}

gpointer
_og_client_finish_pointer (OgClient *self,
                           GAsyncResult *result,
                           gpointer source_tag,
                           GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
_og_client_finish_boolean (OgClient *self,
                           GAsyncResult *result,
                           gpointer source_tag,
                           GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The envelope every answer has: {"data": …}. */
JsonNode *
_og_client_get_data (JsonNode *root, JsonNodeType type, GError **error)
{
  JsonNode *data = NULL;

  if (root != NULL)
    data = json_object_get_member (json_node_get_object (root), "data");

  if (data == NULL || json_node_get_node_type (data) != type)
    {
      if (type == JSON_NODE_ARRAY)
        g_set_error_literal (error, OG_ERROR, OG_ERROR_BAD_RESPONSE,
                             _ ("Opsgenie sent a response without the expected list."));
      else
        g_set_error_literal (error, OG_ERROR, OG_ERROR_BAD_RESPONSE,
                             _ ("Opsgenie sent a response without the expected data."));
      return NULL;
    }

  return data;
}

/* GObject overrides */

static void
og_client_finalize (GObject *object)
{
  OgClient *self = (OgClient *) object;

  wipe_string (&self->api_key);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->host, g_free);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (og_client_parent_class)->finalize (object);
}

static void
og_client_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  OgClient *self = OG_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
og_client_class_init (OgClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = og_client_finalize;
  object_class->get_property = og_client_get_property;

  properties[PROP_BASE_URL] = g_param_spec_string ("base-url", NULL, NULL, NULL,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
og_client_init (OgClient *self)
{
  g_autofree char *user_agent = g_strdup_printf ("Debrief/%s", PACKAGE_VERSION);

  self->connect_timeout = DEFAULT_CONNECT_TIMEOUT;
  self->overall_timeout = DEFAULT_OVERALL_TIMEOUT;
  self->max_response_size = DEFAULT_MAX_RESPONSE_SIZE;
  self->max_retries = DEFAULT_MAX_RETRIES;
  self->max_retry_delay_ms = DEFAULT_MAX_RETRY_DELAY;
  self->session = soup_session_new_with_options ("user-agent", user_agent, "timeout",
                                                 self->connect_timeout, "idle-timeout", 60, NULL);

  if (!g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN))
    {
      g_autoptr (SoupLogger) logger = soup_logger_new (SOUP_LOGGER_LOG_HEADERS);

      soup_logger_set_printer (logger, redacting_printer, NULL, NULL);
      soup_session_add_feature (self->session, SOUP_SESSION_FEATURE (logger));
    }
}

/* Public API */

gboolean
og_client_check_base_url (const char *base_url, GError **error)
{
  g_autoptr (GUri) uri = NULL;
  const char *scheme;

  if (base_url == NULL || *base_url == '\0')
    {
      g_set_error (error, OG_ERROR, OG_ERROR_INVALID_URL, _ ("Enter the address of the API."));
      return FALSE;
    }

  uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, OG_ERROR, OG_ERROR_INVALID_URL,
                   _ ("“%s” is not a web address such as https://api.opsgenie.com."), base_url);
      return FALSE;
    }

  if (g_uri_get_userinfo (uri) != NULL || g_uri_get_query (uri) != NULL
      || g_uri_get_fragment (uri) != NULL)
    {
      g_set_error (error, OG_ERROR, OG_ERROR_INVALID_URL,
                   _ ("The API address must not contain a user name, a query or a fragment."));
      return FALSE;
    }

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;

  if (g_ascii_strcasecmp (scheme, "http") == 0)
    {
      if (host_is_loopback (g_uri_get_host (uri)))
        return TRUE;

      g_set_error (error, OG_ERROR, OG_ERROR_INVALID_URL,
                   _ ("Debrief sends the API key only over https://; plain http:// is allowed "
                      "for this computer (localhost) alone."));
      return FALSE;
    }

  g_set_error (error, OG_ERROR, OG_ERROR_INVALID_URL,
               _ ("The API address must start with https://."));
  return FALSE;
}

OgClient *
og_client_new (const char *base_url, GError **error)
{
  g_autoptr (GUri) uri = NULL;
  OgClient *self;
  gsize length;

  if (!og_client_check_base_url (base_url, error))
    return NULL;

  uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL);

  self = g_object_new (OG_TYPE_CLIENT, NULL);
  self->base_url = g_strdup (base_url);
  length = strlen (self->base_url);
  while (length > 0 && self->base_url[length - 1] == '/')
    self->base_url[--length] = '\0';
  self->host = g_strdup (g_uri_get_host (uri));

  /* A loopback API is reached directly: over plain http a proxy would read the key. */
  if (host_is_loopback (self->host))
    g_object_set (self->session, "proxy-resolver", NULL, NULL);

  return self;
}

const char *
og_client_get_base_url (OgClient *self)
{
  g_return_val_if_fail (OG_IS_CLIENT (self), NULL);

  return self->base_url;
}

void
og_client_set_api_key (OgClient *self, const char *api_key)
{
  g_return_if_fail (OG_IS_CLIENT (self));

  wipe_string (&self->api_key);
  if (api_key != NULL && *api_key != '\0')
    self->api_key = g_strstrip (g_strdup (api_key));
}

gboolean
og_client_has_api_key (OgClient *self)
{
  g_return_val_if_fail (OG_IS_CLIENT (self), FALSE);

  return self->api_key != NULL;
}

void
og_client_set_timeouts (OgClient *self, guint connect_timeout, guint overall_timeout)
{
  g_return_if_fail (OG_IS_CLIENT (self));

  self->connect_timeout = connect_timeout;
  self->overall_timeout = overall_timeout;
  g_object_set (self->session, "timeout", connect_timeout, NULL);
}

void
og_client_set_max_response_size (OgClient *self, gsize max_bytes)
{
  g_return_if_fail (OG_IS_CLIENT (self));
  g_return_if_fail (max_bytes > 0);

  self->max_response_size = max_bytes;
}

void
og_client_set_max_retries (OgClient *self, guint max_retries)
{
  g_return_if_fail (OG_IS_CLIENT (self));

  self->max_retries = max_retries;
}

void
og_client_set_max_retry_delay (OgClient *self, guint max_delay_ms)
{
  g_return_if_fail (OG_IS_CLIENT (self));

  self->max_retry_delay_ms = max_delay_ms;
}
