/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "og-sandbox"

#include "config.h"

#include "og-sandbox.h"

#include "og-sandbox-private.h"

/*
 * Answers shaped as Opsgenie's: every JSON answer carries "took" and "requestId", an error
 * is {"message", "errors"}, and a list is a page with absolute links to its neighbours.
 */

void
_og_sandbox_log_answer (OgSandboxCall *call, guint status)
{
  /* Method, path and status only: headers carry the key and are never written out. */
  g_debug ("%s %s → %u", soup_server_message_get_method (call->msg),
           g_uri_get_path (soup_server_message_get_uri (call->msg)), status);
}

/* libsoup 3.2 knows no phrase for 429 and would send "429 Unknown Error". */
static const char *
reason_phrase (guint status)
{
  return status == 429 ? "Too Many Requests" : soup_status_get_phrase (status);
}

void
_og_sandbox_send_body (OgSandboxCall *call,
                       guint status,
                       const char *content_type,
                       char *body, /* taken */
                       gsize length)
{
  soup_server_message_set_status (call->msg, status, reason_phrase (status));
  soup_server_message_set_response (call->msg, content_type, SOUP_MEMORY_TAKE, body, length);
  _og_sandbox_log_answer (call, status);
}

/* Sends @envelope (taken) with "took" and "requestId" added, as every Opsgenie answer has. */
void
_og_sandbox_respond_object (OgSandboxCall *call, guint status, JsonObject *envelope)
{
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  gint64 took_ms = (g_get_monotonic_time () - call->started + 500) / 1000;
  char *text;
  gsize length;

  json_object_set_double_member (envelope, "took", (gdouble) took_ms / 1000.0);
  json_object_set_string_member (envelope, "requestId", call->request_id);
  json_node_take_object (node, envelope);
  text = json_to_string (node, FALSE);
  length = strlen (text);

  if (call->truncate)
    {
      /* The connection "broke" half-way through a valid answer. */
      status = SOUP_STATUS_OK;
      length /= 2;
    }

  _og_sandbox_send_body (call, status, "application/json", text, length);
}

/* {"data": @data (taken)} */
void
_og_sandbox_respond_data (OgSandboxCall *call, guint status, JsonNode *data)
{
  JsonObject *envelope = json_object_new ();

  json_object_set_member (envelope, "data", data);
  _og_sandbox_respond_object (call, status, envelope);
}

/* {"data": {"message": …}} */
void
_og_sandbox_respond_message (OgSandboxCall *call, guint status, const char *message)
{
  JsonObject *data = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (data, "message", message);
  json_node_take_object (node, data);
  _og_sandbox_respond_data (call, status, node);
}

/* {"message": …, "errors": @errors} (errors may be NULL or empty) */
void
_og_sandbox_respond_error (OgSandboxCall *call,
                           guint status,
                           JsonObject *errors,
                           const char *format,
                           ...)
{
  JsonObject *envelope = json_object_new ();
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  json_object_set_string_member (envelope, "message", message);
  if (errors != NULL && json_object_get_size (errors) > 0)
    json_object_set_object_member (envelope, "errors", json_object_ref (errors));
  _og_sandbox_respond_object (call, status, envelope);
}

void
_og_sandbox_respond_invalid (OgSandboxCall *call, JsonObject *errors)
{
  _og_sandbox_respond_error (call, SOUP_STATUS_UNPROCESSABLE_ENTITY, errors,
                             "Request has validation errors");
}

/* 200 with no body at all, as the content update answers. */
void
_og_sandbox_respond_empty (OgSandboxCall *call)
{
  if (call->truncate)
    {
      /* Half of nothing is nothing: cut a generic answer instead. */
      _og_sandbox_respond_message (call, SOUP_STATUS_OK, "Request processed");
      return;
    }

  soup_server_message_set_status (call->msg, SOUP_STATUS_OK, NULL);
  _og_sandbox_log_answer (call, SOUP_STATUS_OK);
}

JsonNode *
_og_sandbox_object_node (JsonObject *object)
{
  JsonNode *node = json_node_alloc ();

  json_node_init_object (node, object);
  return node;
}

/* Errors */

/* Records the first problem of @member. */
void
_og_sandbox_add_error (JsonObject *errors, const char *member, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (json_object_has_member (errors, member))
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  json_object_set_string_member (errors, member, message);
}

const char *
_og_sandbox_status_message (guint status)
{
  switch (status)
    {
    case SOUP_STATUS_UNAUTHORIZED:
      return "Could not authenticate";
    case SOUP_STATUS_PAYMENT_REQUIRED:
      return "Postmortems are not available on your plan";
    case SOUP_STATUS_FORBIDDEN:
      return "The API key does not have the access right for this request";
    default:
      return reason_phrase (status);
    }
}

/* Paging */

/* Reads offset and limit; records problems in @errors. */
OgSandboxPage
_og_sandbox_read_page (OgSandboxCall *call,
                       guint default_limit,
                       guint max_limit,
                       JsonObject *errors)
{
  OgSandboxPage page = { 0, default_limit };
  const char *offset = _og_sandbox_call_get_query (call, "offset");
  const char *limit = _og_sandbox_call_get_query (call, "limit");
  guint64 number;

  if (offset != NULL)
    {
      if (g_ascii_string_to_unsigned (offset, 10, 0, G_MAXINT, &number, NULL))
        page.offset = (guint) number;
      else
        _og_sandbox_add_error (errors, "offset", "must be a whole number, 0 or more");
    }
  if (limit != NULL)
    {
      if (g_ascii_string_to_unsigned (limit, 10, 1, max_limit, &number, NULL))
        page.limit = (guint) number;
      else
        _og_sandbox_add_error (errors, "limit", "must be a whole number from 1 to %u", max_limit);
    }

  return page;
}

/* The absolute URL of this list at @offset, with the request's other parameters. */
static char *
page_url (OgSandboxCall *call, guint offset, guint limit)
{
  g_autoptr (GString) url = g_string_new (call->self->base_url);
  /* Sorted, so that the same page always has the same URL. */
  g_autoptr (GList) names
      = g_list_sort (g_hash_table_get_keys (call->query), (GCompareFunc) g_strcmp0);

  g_string_append (url, g_uri_get_path (soup_server_message_get_uri (call->msg)));
  g_string_append_printf (url, "?offset=%u&limit=%u", offset, limit);

  for (GList *l = names; l != NULL; l = l->next)
    {
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;

      if (g_str_equal (l->data, "offset") || g_str_equal (l->data, "limit"))
        continue;
      name = g_uri_escape_string (l->data, NULL, FALSE);
      value = g_uri_escape_string (g_hash_table_lookup (call->query, l->data), NULL, FALSE);
      g_string_append_printf (url, "&%s=%s", name, value);
    }

  return g_string_free (g_steal_pointer (&url), FALSE);
}

static void
set_page_link (JsonObject *paging, const char *name, OgSandboxCall *call, guint offset, guint limit)
{
  g_autofree char *url = page_url (call, offset, limit);

  json_object_set_string_member (paging, name, url);
}

/* {"data": [page of @items], "paging": {…}, "totalCount": n}, as Opsgenie's lists answer. */
void
_og_sandbox_respond_page (OgSandboxCall *call, GPtrArray *items, OgSandboxPage page)
{
  JsonObject *envelope = json_object_new ();
  JsonObject *paging = json_object_new ();
  JsonArray *data = json_array_new ();
  guint last = items->len == 0 ? 0 : (items->len - 1) / page.limit * page.limit;

  for (guint i = page.offset; i < items->len && i < page.offset + page.limit; i++)
    json_array_add_element (data, _og_sandbox_object_node (g_ptr_array_index (items, i)));

  if (page.offset + page.limit < items->len)
    set_page_link (paging, "next", call, page.offset + page.limit, page.limit);
  if (page.offset > 0)
    set_page_link (paging, "prev", call, page.offset > page.limit ? page.offset - page.limit : 0,
                   page.limit);
  set_page_link (paging, "first", call, 0, page.limit);
  set_page_link (paging, "last", call, last, page.limit);

  json_object_set_array_member (envelope, "data", data);
  json_object_set_object_member (envelope, "paging", paging);
  json_object_set_int_member (envelope, "totalCount", items->len);
  _og_sandbox_respond_object (call, SOUP_STATUS_OK, envelope);
}
