/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "og-client"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <string.h>

#include "og-client.h"
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
/* A runaway paging.next (or a hostile one) must not loop for ever. */
#define MAX_PAGES 1000

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

/* Turns a successful response's root (NULL for an empty body) into the task's result. */
typedef gpointer (*ResponseParser) (JsonNode *root, GError **error);

typedef struct
{
  OgClient *client;
  OgRoute route;
  char *url;
  GBytes *body;
  ResponseParser parser;
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

typedef struct
{
  GPtrArray *items;
  gint next_offset;
} Page;

static void start_attempt (GTask *task);

/* Static helpers */

static void
page_free (Page *page)
{
  g_clear_pointer (&page->items, g_ptr_array_unref);
  g_free (page);
}

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

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr (GInetAddress) address = NULL;
  g_autofree char *bare = NULL;

  if (host == NULL)
    return FALSE;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  /* GUri keeps the brackets of an IPv6 literal. */
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
error_from_transport (OgClient *self, Request *req, const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (req->timed_out)
        return g_error_new (OG_ERROR, OG_ERROR_TIMEOUT,
                            _ ("Opsgenie at %s did not answer within %u seconds. Check the "
                               "network connection and try again."),
                            self->host, self->overall_timeout);
      return g_error_copy (error);
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (OG_ERROR, OG_ERROR_TIMEOUT,
                        _ ("Opsgenie at %s did not answer within %u seconds. Check the network "
                           "connection and try again."),
                        self->host, self->connect_timeout);

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
      && req->attempt < self->max_retries)
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
                               _ ("Opsgenie at %s sent a response larger than %" G_GSIZE_FORMAT
                                  " bytes; Debrief stopped reading it."),
                               req->client->host, req->client->max_response_size);
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
                               _ ("Opsgenie at %s announced a response of %" G_GINT64_FORMAT
                                  " bytes, more than the %" G_GSIZE_FORMAT " Debrief accepts."),
                               req->client->host, (gint64) length, req->client->max_response_size);
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
 * Sends one request of @route and resolves @task (already created by the public function)
 * with @parser's result. @query is a NULL-terminated list of name, value pairs (a NULL
 * value skips the pair). Takes a reference to @body.
 */
static void
send_request (OgClient *self,
              GTask *task,
              OgRoute route,
              const char *id,
              const char **query,
              JsonNode *body,
              ResponseParser parser,
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

  path = og_route_build_path (route, id);
  if (path == NULL)
    {
      g_task_return_new_error (task, OG_ERROR, OG_ERROR_INVALID_ARGUMENT,
                               _ ("The request needs an id, and none was given."));
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

static GTask *
new_task (OgClient *self,
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

static gboolean
check_argument (GTask *task, const char *value, const char *message)
{
  if (value != NULL && *value != '\0')
    return TRUE;

  g_task_return_new_error (task, OG_ERROR, OG_ERROR_INVALID_ARGUMENT, "%s", message);
  g_object_unref (task);

  return FALSE;
}

/* The envelope every answer has: {"data": …}. */
static JsonNode *
get_data (JsonNode *root, JsonNodeType type, GError **error)
{
  JsonNode *data = NULL;

  if (root != NULL)
    data = json_object_get_member (json_node_get_object (root), "data");

  if (data == NULL || json_node_get_node_type (data) != type)
    {
      g_set_error (error, OG_ERROR, OG_ERROR_BAD_RESPONSE,
                   _ ("Opsgenie sent a response without the expected “data” %s."),
                   type == JSON_NODE_ARRAY ? _ ("list") : _ ("object"));
      return NULL;
    }

  return data;
}

static gpointer
parse_postmortem (JsonNode *root, GError **error)
{
  JsonNode *data = get_data (root, JSON_NODE_OBJECT, error);

  return data ? og_postmortem_new_from_json (data, error) : NULL;
}

static gpointer
parse_incident (JsonNode *root, GError **error)
{
  JsonNode *data = get_data (root, JSON_NODE_OBJECT, error);

  return data ? og_incident_new_from_json (data, error) : NULL;
}

static gpointer
parse_account (JsonNode *root, GError **error)
{
  JsonNode *data = get_data (root, JSON_NODE_OBJECT, error);

  return data ? og_account_new_from_json (data, error) : NULL;
}

static gpointer
parse_created (JsonNode *root, GError **error)
{
  JsonNode *data = get_data (root, JSON_NODE_OBJECT, error);
  JsonNode *id;

  if (data == NULL)
    return NULL;

  id = json_object_get_member (json_node_get_object (data), "postmortemId");
  if (id == NULL || !JSON_NODE_HOLDS_VALUE (id) || json_node_get_value_type (id) != G_TYPE_STRING
      || *json_node_get_string (id) == '\0')
    {
      g_set_error (error, OG_ERROR, OG_ERROR_BAD_RESPONSE,
                   _ ("Opsgenie created the postmortem but did not say its id."));
      return NULL;
    }

  return g_strdup (json_node_get_string (id));
}

typedef gpointer (*ItemParser) (JsonNode *node, GError **error);

/* The offset paging.next asks for. Only the offset is taken from the link: the link's host
 * is never contacted, so that a hostile answer cannot send the key elsewhere. */
static gint
next_offset_from_root (JsonNode *root)
{
  JsonObject *object = json_node_get_object (root);
  g_autoptr (GUri) uri = NULL;
  g_autoptr (GHashTable) params = NULL;
  JsonNode *paging;
  JsonNode *next;
  const char *offset;
  guint64 value;

  paging = json_object_get_member (object, "paging");
  if (paging == NULL || !JSON_NODE_HOLDS_OBJECT (paging))
    return -1;

  next = json_object_get_member (json_node_get_object (paging), "next");
  if (next == NULL || !JSON_NODE_HOLDS_VALUE (next)
      || json_node_get_value_type (next) != G_TYPE_STRING)
    return -1;

  uri = g_uri_parse (json_node_get_string (next), G_URI_FLAGS_ENCODED_QUERY, NULL);
  if (uri == NULL || g_uri_get_query (uri) == NULL)
    return -1;

  params = g_uri_parse_params (g_uri_get_query (uri), -1, "&", G_URI_PARAMS_NONE, NULL);
  if (params == NULL)
    return -1;

  offset = g_hash_table_lookup (params, "offset");
  if (offset == NULL || !g_ascii_string_to_unsigned (offset, 10, 0, G_MAXINT, &value, NULL))
    return -1;

  return (gint) value;
}

static Page *
parse_page (JsonNode *root, ItemParser item_parser, GError **error)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  JsonNode *data = get_data (root, JSON_NODE_ARRAY, error);
  JsonArray *array;
  Page *page;

  if (data == NULL)
    return NULL;

  array = json_node_get_array (data);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr (GError) item_error = NULL;
      gpointer item = item_parser (json_array_get_element (array, i), &item_error);

      if (item == NULL)
        {
          g_set_error (error, OG_ERROR, OG_ERROR_BAD_RESPONSE, "data[%u]: %s", i,
                       item_error->message);
          return NULL;
        }
      g_ptr_array_add (items, item);
    }

  page = g_new0 (Page, 1);
  page->items = g_steal_pointer (&items);
  page->next_offset = next_offset_from_root (root);

  return page;
}

static gpointer
parse_incident_page (JsonNode *root, GError **error)
{
  return parse_page (root, (ItemParser) og_incident_new_from_json, error);
}

static gpointer
parse_user_page (JsonNode *root, GError **error)
{
  return parse_page (root, (ItemParser) og_user_new_from_json, error);
}

static gpointer
parse_team_page (JsonNode *root, GError **error)
{
  return parse_page (root, (ItemParser) og_team_new_from_json, error);
}

static gpointer
parse_service_page (JsonNode *root, GError **error)
{
  return parse_page (root, (ItemParser) og_service_new_from_json, error);
}

static GPtrArray *
finish_page (OgClient *self,
             GAsyncResult *result,
             gpointer source_tag,
             gint *next_offset,
             GError **error)
{
  Page *page;
  GPtrArray *items;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  page = g_task_propagate_pointer (G_TASK (result), error);
  if (page == NULL)
    return NULL;

  if (next_offset != NULL)
    *next_offset = page->next_offset;
  items = g_steal_pointer (&page->items);
  page_free (page);

  return items;
}

static void
format_uint (char *buffer, gsize size, guint value)
{
  g_snprintf (buffer, size, "%u", value);
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

void
og_client_get_postmortem_async (OgClient *self,
                                const char *postmortem_id,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data)
{
  GTask *task;

  g_return_if_fail (OG_IS_CLIENT (self));

  task = new_task (self, cancellable, callback, user_data, og_client_get_postmortem_async);
  send_request (self, task, OG_ROUTE_POSTMORTEM_GET, postmortem_id, NULL, NULL, parse_postmortem,
                g_object_unref);
}

OgPostmortem *
og_client_get_postmortem_finish (OgClient *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == og_client_get_postmortem_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
og_client_create_postmortem_async (OgClient *self,
                                   const char *incident_id,
                                   const char *actor_user_id,
                                   const char *owner_id,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) body = NULL;
  GTask *task;

  g_return_if_fail (OG_IS_CLIENT (self));

  task = new_task (self, cancellable, callback, user_data, og_client_create_postmortem_async);
  if (!check_argument (task, incident_id, _ ("Choose the incident the postmortem is for."))
      || !check_argument (task, actor_user_id,
                          _ ("Choose which Opsgenie user you are before making changes.")))
    return;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "incidentId");
  json_builder_add_string_value (builder, incident_id);
  json_builder_set_member_name (builder, "actorUserId");
  json_builder_add_string_value (builder, actor_user_id);
  if (owner_id != NULL && *owner_id != '\0')
    {
      json_builder_set_member_name (builder, "ownerId");
      json_builder_add_string_value (builder, owner_id);
    }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  send_request (self, task, OG_ROUTE_POSTMORTEM_CREATE, NULL, NULL, body, parse_created, g_free);
}

char *
og_client_create_postmortem_finish (OgClient *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (
      g_task_get_source_tag (G_TASK (result)) == og_client_create_postmortem_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
og_client_delete_postmortem_async (OgClient *self,
                                   const char *postmortem_id,
                                   const char *actor_user_id,
                                   gboolean delete_exported_timelines,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) body = NULL;
  GTask *task;

  g_return_if_fail (OG_IS_CLIENT (self));

  task = new_task (self, cancellable, callback, user_data, og_client_delete_postmortem_async);
  if (!check_argument (task, actor_user_id,
                       _ ("Choose which Opsgenie user you are before making changes.")))
    return;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "actorUserId");
  json_builder_add_string_value (builder, actor_user_id);
  json_builder_set_member_name (builder, "deleteExportIncidentTimelines");
  json_builder_add_boolean_value (builder, delete_exported_timelines);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  send_request (self, task, OG_ROUTE_POSTMORTEM_DELETE, postmortem_id, NULL, body, NULL, NULL);
}

gboolean
og_client_delete_postmortem_finish (OgClient *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (
      g_task_get_source_tag (G_TASK (result)) == og_client_delete_postmortem_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
og_client_update_postmortem_async (OgClient *self,
                                   OgPostmortem *postmortem,
                                   const char *actor_user_id,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  g_autoptr (JsonNode) body = NULL;
  GTask *task;

  g_return_if_fail (OG_IS_CLIENT (self));
  g_return_if_fail (OG_IS_POSTMORTEM (postmortem));

  task = new_task (self, cancellable, callback, user_data, og_client_update_postmortem_async);
  if (!check_argument (task, actor_user_id,
                       _ ("Choose which Opsgenie user you are before making changes.")))
    return;

  body = og_postmortem_build_update_body (postmortem, actor_user_id);
  send_request (self, task, OG_ROUTE_POSTMORTEM_UPDATE, og_postmortem_get_id (postmortem), NULL,
                body, NULL, NULL);
}

gboolean
og_client_update_postmortem_finish (OgClient *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (
      g_task_get_source_tag (G_TASK (result)) == og_client_update_postmortem_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static OgRoute
route_for_field (OgPostmortemField field)
{
  switch (field)
    {
    case OG_POSTMORTEM_FIELD_TITLE:
      return OG_ROUTE_POSTMORTEM_TITLE;
    case OG_POSTMORTEM_FIELD_SEVERITY:
      return OG_ROUTE_POSTMORTEM_SEVERITY;
    case OG_POSTMORTEM_FIELD_STATUS:
      return OG_ROUTE_POSTMORTEM_STATUS;
    case OG_POSTMORTEM_FIELD_OWNER:
      return OG_ROUTE_POSTMORTEM_OWNER;
    case OG_POSTMORTEM_FIELD_JIRA_ISSUES:
      return OG_ROUTE_POSTMORTEM_JIRA_ISSUES;
    case OG_POSTMORTEM_FIELD_RELATED_INCIDENTS:
      return OG_ROUTE_POSTMORTEM_RELATED_INCIDENTS;
    case OG_POSTMORTEM_FIELD_AFFECTED_SERVICES:
      return OG_ROUTE_POSTMORTEM_AFFECTED_SERVICES;
    case OG_POSTMORTEM_FIELD_RESPONDER_TEAMS:
      return OG_ROUTE_POSTMORTEM_RESPONDER_TEAMS;
    case OG_POSTMORTEM_FIELD_RESPONDER_USERS:
      return OG_ROUTE_POSTMORTEM_RESPONDER_USERS;
    case OG_POSTMORTEM_FIELD_EXECUTIVE_SUMMARY:
      return OG_ROUTE_POSTMORTEM_EXECUTIVE_SUMMARY;
    case OG_POSTMORTEM_FIELD_CONTENT:
      return OG_ROUTE_POSTMORTEM_CONTENT;
    default:
      g_assert_not_reached ();
    }
}

void
og_client_update_field_async (OgClient *self,
                              OgPostmortem *postmortem,
                              OgPostmortemField field,
                              const char *actor_user_id,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_autoptr (JsonNode) body = NULL;
  GTask *task;

  g_return_if_fail (OG_IS_CLIENT (self));
  g_return_if_fail (OG_IS_POSTMORTEM (postmortem));
  g_return_if_fail (field < OG_N_POSTMORTEM_FIELDS);

  task = new_task (self, cancellable, callback, user_data, og_client_update_field_async);
  if (!check_argument (task, actor_user_id,
                       _ ("Choose which Opsgenie user you are before making changes.")))
    return;

  if (field == OG_POSTMORTEM_FIELD_OWNER && og_postmortem_get_owner (postmortem) == NULL)
    {
      g_task_return_new_error (task, OG_ERROR, OG_ERROR_INVALID_ARGUMENT,
                               _ ("Choose an owner for the postmortem."));
      g_object_unref (task);
      return;
    }

  body = og_postmortem_build_field_body (postmortem, field, actor_user_id);
  send_request (self, task, route_for_field (field), og_postmortem_get_id (postmortem), NULL, body,
                NULL, NULL);
}

gboolean
og_client_update_field_finish (OgClient *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == og_client_update_field_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
og_client_list_incidents_async (OgClient *self,
                                const char *query,
                                const char *sort,
                                const char *order,
                                guint offset,
                                guint limit,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data)
{
  char offset_str[16], limit_str[16];
  const char *params[11];
  GTask *task;

  g_return_if_fail (OG_IS_CLIENT (self));

  format_uint (offset_str, sizeof offset_str, offset);
  format_uint (limit_str, sizeof limit_str, CLAMP (limit, 1, OG_MAX_PAGE_SIZE));
  params[0] = "query", params[1] = (query && *query) ? query : NULL;
  params[2] = "offset", params[3] = offset_str;
  params[4] = "limit", params[5] = limit_str;
  params[6] = "sort", params[7] = sort;
  params[8] = "order", params[9] = order;
  params[10] = NULL;

  task = new_task (self, cancellable, callback, user_data, og_client_list_incidents_async);
  send_request (self, task, OG_ROUTE_INCIDENTS_LIST, NULL, params, NULL, parse_incident_page,
                (GDestroyNotify) page_free);
}

GPtrArray *
og_client_list_incidents_finish (OgClient *self,
                                 GAsyncResult *result,
                                 gint *next_offset,
                                 GError **error)
{
  return finish_page (self, result, og_client_list_incidents_async, next_offset, error);
}

typedef struct
{
  char *query;
  guint max_items;
  guint pages;
  GPtrArray *items;
} CollectState;

static void
collect_state_free (CollectState *state)
{
  g_free (state->query);
  g_clear_pointer (&state->items, g_ptr_array_unref);
  g_free (state);
}

static void collect_page_cb (GObject *object, GAsyncResult *result, gpointer user_data);

static void
collect_next_page (GTask *task, guint offset)
{
  CollectState *state = g_task_get_task_data (task);
  guint limit = OG_MAX_PAGE_SIZE;

  if (state->max_items > 0)
    limit = MIN (limit, state->max_items - state->items->len);

  state->pages++;
  og_client_list_incidents_async (g_task_get_source_object (task), state->query, "createdAt",
                                  "desc", offset, limit, g_task_get_cancellable (task),
                                  collect_page_cb, task);
}

static void
collect_page_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  CollectState *state = g_task_get_task_data (task);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  gint next_offset = -1;

  items = og_client_list_incidents_finish (OG_CLIENT (object), result, &next_offset, &error);
  if (items == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_ptr_array_extend_and_steal (state->items, g_steal_pointer (&items));

  /* The next page must move forward, or a broken paging.next would loop for ever. */
  if (next_offset < 0 || (guint) next_offset < state->items->len || state->pages >= MAX_PAGES
      || (state->max_items > 0 && state->items->len >= state->max_items))
    {
      g_task_return_pointer (task, g_steal_pointer (&state->items),
                             (GDestroyNotify) g_ptr_array_unref);
      return;
    }

  collect_next_page (g_steal_pointer (&task), (guint) next_offset);
}

void
og_client_list_all_incidents_async (OgClient *self,
                                    const char *query,
                                    guint max_items,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data)
{
  CollectState *state;
  GTask *task;

  g_return_if_fail (OG_IS_CLIENT (self));

  task = new_task (self, cancellable, callback, user_data, og_client_list_all_incidents_async);
  state = g_new0 (CollectState, 1);
  state->query = g_strdup (query);
  state->max_items = max_items;
  state->items = g_ptr_array_new_with_free_func (g_object_unref);
  g_task_set_task_data (task, state, (GDestroyNotify) collect_state_free);

  collect_next_page (task, 0);
}

GPtrArray *
og_client_list_all_incidents_finish (OgClient *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (
      g_task_get_source_tag (G_TASK (result)) == og_client_list_all_incidents_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
og_client_get_incident_async (OgClient *self,
                              const char *incident_id,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  GTask *task;

  g_return_if_fail (OG_IS_CLIENT (self));

  task = new_task (self, cancellable, callback, user_data, og_client_get_incident_async);
  send_request (self, task, OG_ROUTE_INCIDENT_GET, incident_id, NULL, NULL, parse_incident,
                g_object_unref);
}

OgIncident *
og_client_get_incident_finish (OgClient *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == og_client_get_incident_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
og_client_list_users_async (OgClient *self,
                            const char *query,
                            guint offset,
                            guint limit,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  char offset_str[16], limit_str[16];
  const char *params[7];
  GTask *task;

  g_return_if_fail (OG_IS_CLIENT (self));

  format_uint (offset_str, sizeof offset_str, offset);
  format_uint (limit_str, sizeof limit_str, CLAMP (limit, 1, OG_MAX_PAGE_SIZE));
  params[0] = "query", params[1] = (query && *query) ? query : NULL;
  params[2] = "offset", params[3] = offset_str;
  params[4] = "limit", params[5] = limit_str;
  params[6] = NULL;

  task = new_task (self, cancellable, callback, user_data, og_client_list_users_async);
  send_request (self, task, OG_ROUTE_USERS_LIST, NULL, params, NULL, parse_user_page,
                (GDestroyNotify) page_free);
}

GPtrArray *
og_client_list_users_finish (OgClient *self,
                             GAsyncResult *result,
                             gint *next_offset,
                             GError **error)
{
  return finish_page (self, result, og_client_list_users_async, next_offset, error);
}

void
og_client_list_teams_async (OgClient *self,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  GTask *task;

  g_return_if_fail (OG_IS_CLIENT (self));

  task = new_task (self, cancellable, callback, user_data, og_client_list_teams_async);
  send_request (self, task, OG_ROUTE_TEAMS_LIST, NULL, NULL, NULL, parse_team_page,
                (GDestroyNotify) page_free);
}

GPtrArray *
og_client_list_teams_finish (OgClient *self, GAsyncResult *result, GError **error)
{
  return finish_page (self, result, og_client_list_teams_async, NULL, error);
}

void
og_client_list_services_async (OgClient *self,
                               guint offset,
                               guint limit,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data)
{
  char offset_str[16], limit_str[16];
  const char *params[5];
  GTask *task;

  g_return_if_fail (OG_IS_CLIENT (self));

  format_uint (offset_str, sizeof offset_str, offset);
  format_uint (limit_str, sizeof limit_str, CLAMP (limit, 1, OG_MAX_PAGE_SIZE));
  params[0] = "offset", params[1] = offset_str;
  params[2] = "limit", params[3] = limit_str;
  params[4] = NULL;

  task = new_task (self, cancellable, callback, user_data, og_client_list_services_async);
  send_request (self, task, OG_ROUTE_SERVICES_LIST, NULL, params, NULL, parse_service_page,
                (GDestroyNotify) page_free);
}

GPtrArray *
og_client_list_services_finish (OgClient *self,
                                GAsyncResult *result,
                                gint *next_offset,
                                GError **error)
{
  return finish_page (self, result, og_client_list_services_async, next_offset, error);
}

void
og_client_get_account_async (OgClient *self,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  GTask *task;

  g_return_if_fail (OG_IS_CLIENT (self));

  task = new_task (self, cancellable, callback, user_data, og_client_get_account_async);
  send_request (self, task, OG_ROUTE_ACCOUNT_GET, NULL, NULL, NULL, parse_account, g_object_unref);
}

OgAccount *
og_client_get_account_finish (OgClient *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == og_client_get_account_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
