/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "og-sandbox"

#include "config.h"

#include "og-sandbox.h"

#include "og-json-private.h"
#include "og-sandbox-private.h"

/*
 * The requests the sandbox received, each recorded before anything else happens to it, so
 * that a test can assert what the server was sent.
 */

void
_og_sandbox_request_free (OgSandboxRequest *request)
{
  g_free (request->method);
  g_free (request->path);
  g_hash_table_unref (request->query);
  soup_message_headers_unref (request->headers);
  g_bytes_unref (request->body);
  g_free (request);
}

static void
copy_header (const char *name, const char *value, gpointer user_data)
{
  soup_message_headers_append (user_data, name, value);
}

void
_og_sandbox_record_request (OgSandbox *self,
                            SoupServerMessage *msg,
                            const char *path,
                            GHashTable *query,
                            gboolean has_route,
                            OgRoute route)
{
  OgSandboxRequest *request = g_new0 (OgSandboxRequest, 1);
  char *unescaped = g_uri_unescape_string (path, NULL);

  request->method = g_strdup (soup_server_message_get_method (msg));
  request->path = unescaped != NULL ? unescaped : g_strdup (path);
  request->query = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (query != NULL)
    {
      GHashTableIter iter;
      gpointer name, value;

      g_hash_table_iter_init (&iter, query);
      while (g_hash_table_iter_next (&iter, &name, &value))
        g_hash_table_insert (request->query, g_strdup (name), g_strdup (value));
    }
  request->headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  soup_message_headers_foreach (soup_server_message_get_request_headers (msg), copy_header,
                                request->headers);
  request->body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  request->has_route = has_route;
  request->route = has_route ? route : 0;

  g_ptr_array_add (self->requests, request);
}

/* Public API */

/**
 * og_sandbox_request_get_json:
 *
 * Returns: (transfer full) (nullable): the body parsed, or %NULL when it is empty or not
 *   JSON. Free with json_node_unref().
 */
JsonNode *
og_sandbox_request_get_json (const OgSandboxRequest *request)
{
  gsize size;
  const char *data;

  g_return_val_if_fail (request != NULL, NULL);

  data = g_bytes_get_data (request->body, &size);
  if (size == 0)
    return NULL;

  return _og_json_parse (data, (gssize) size, NULL, NULL);
}

const GPtrArray *
og_sandbox_get_requests (OgSandbox *self)
{
  g_return_val_if_fail (OG_IS_SANDBOX (self), NULL);

  return self->requests;
}

const OgSandboxRequest *
og_sandbox_get_last_request (OgSandbox *self)
{
  g_return_val_if_fail (OG_IS_SANDBOX (self), NULL);

  if (self->requests->len == 0)
    return NULL;
  return g_ptr_array_index (self->requests, self->requests->len - 1);
}

guint
og_sandbox_count_requests (OgSandbox *self, OgRoute route)
{
  guint count = 0;

  g_return_val_if_fail (OG_IS_SANDBOX (self), 0);

  for (guint i = 0; i < self->requests->len; i++)
    {
      const OgSandboxRequest *request = g_ptr_array_index (self->requests, i);

      if (request->has_route && request->route == route)
        count++;
    }

  return count;
}

void
og_sandbox_clear_requests (OgSandbox *self)
{
  g_return_if_fail (OG_IS_SANDBOX (self));

  g_ptr_array_set_size (self->requests, 0);
}
