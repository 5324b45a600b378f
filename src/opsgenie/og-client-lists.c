/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "og-client"

#include "config.h"

#include <glib/gi18n.h>

#include "og-client.h"
#include "og-client-private.h"
#include "og-error.h"
#include "og-routes.h"

/* The read operations of OgClient over lists (incidents, users, teams, services) with
 * their paging, and the account. The transport is in og-client.c. */

/* A runaway paging.next (or a hostile one) must not loop for ever. */
#define MAX_PAGES 1000

typedef struct
{
  GPtrArray *items;
  gint next_offset;
} Page;

static void
page_free (Page *page)
{
  g_clear_pointer (&page->items, g_ptr_array_unref);
  g_free (page);
}

static gpointer
parse_incident (JsonNode *root, GError **error)
{
  JsonNode *data = _og_client_get_data (root, JSON_NODE_OBJECT, error);

  return data ? og_incident_new_from_json (data, error) : NULL;
}

static gpointer
parse_account (JsonNode *root, GError **error)
{
  JsonNode *data = _og_client_get_data (root, JSON_NODE_OBJECT, error);

  return data ? og_account_new_from_json (data, error) : NULL;
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
  JsonNode *data = _og_client_get_data (root, JSON_NODE_ARRAY, error);
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

/* The query of one page of a list: the same members for every list that pages. */
typedef struct
{
  char offset[16];
  char limit[16];
  const char *params[11]; /* name, value pairs, NULL-terminated; a NULL value is skipped */
} PageQuery;

static const char **
page_query_init (PageQuery *q,
                 const char *query,
                 guint offset,
                 guint limit,
                 const char *sort,
                 const char *order)
{
  g_snprintf (q->offset, sizeof q->offset, "%u", offset);
  g_snprintf (q->limit, sizeof q->limit, "%u", CLAMP (limit, 1, OG_MAX_PAGE_SIZE));
  q->params[0] = "query", q->params[1] = (query != NULL && *query != '\0') ? query : NULL;
  q->params[2] = "offset", q->params[3] = q->offset;
  q->params[4] = "limit", q->params[5] = q->limit;
  q->params[6] = "sort", q->params[7] = sort;
  q->params[8] = "order", q->params[9] = order;
  q->params[10] = NULL;

  return q->params;
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
  PageQuery page;
  GTask *task;

  g_return_if_fail (OG_IS_CLIENT (self));

  task = _og_client_new_task (self, cancellable, callback, user_data,
                              og_client_list_incidents_async);
  _og_client_send (self, task, OG_ROUTE_INCIDENTS_LIST, NULL,
                   page_query_init (&page, query, offset, limit, sort, order), NULL,
                   parse_incident_page, (GDestroyNotify) page_free);
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
  guint n_new;

  items = og_client_list_incidents_finish (OG_CLIENT (object), result, &next_offset, &error);
  if (items == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  n_new = items->len;
  g_ptr_array_extend_and_steal (state->items, g_steal_pointer (&items));

  /* The next page must move forward, or a broken paging.next would loop for ever; after an
   * empty page the same offset would only give the same empty answer again. */
  if (next_offset < 0 || n_new == 0 || (guint) next_offset < state->items->len
      || state->pages >= MAX_PAGES
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

  task = _og_client_new_task (self, cancellable, callback, user_data,
                              og_client_list_all_incidents_async);
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
  return _og_client_finish_pointer (self, result, og_client_list_all_incidents_async, error);
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

  task = _og_client_new_task (self, cancellable, callback, user_data, og_client_get_incident_async);
  _og_client_send (self, task, OG_ROUTE_INCIDENT_GET, incident_id, NULL, NULL, parse_incident,
                   g_object_unref);
}

OgIncident *
og_client_get_incident_finish (OgClient *self, GAsyncResult *result, GError **error)
{
  return _og_client_finish_pointer (self, result, og_client_get_incident_async, error);
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
  PageQuery page;
  GTask *task;

  g_return_if_fail (OG_IS_CLIENT (self));

  task = _og_client_new_task (self, cancellable, callback, user_data, og_client_list_users_async);
  _og_client_send (self, task, OG_ROUTE_USERS_LIST, NULL,
                   page_query_init (&page, query, offset, limit, NULL, NULL), NULL, parse_user_page,
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

  task = _og_client_new_task (self, cancellable, callback, user_data, og_client_list_teams_async);
  _og_client_send (self, task, OG_ROUTE_TEAMS_LIST, NULL, NULL, NULL, parse_team_page,
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
  PageQuery page;
  GTask *task;

  g_return_if_fail (OG_IS_CLIENT (self));

  task
      = _og_client_new_task (self, cancellable, callback, user_data, og_client_list_services_async);
  _og_client_send (self, task, OG_ROUTE_SERVICES_LIST, NULL,
                   page_query_init (&page, NULL, offset, limit, NULL, NULL), NULL,
                   parse_service_page, (GDestroyNotify) page_free);
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

  task = _og_client_new_task (self, cancellable, callback, user_data, og_client_get_account_async);
  _og_client_send (self, task, OG_ROUTE_ACCOUNT_GET, NULL, NULL, NULL, parse_account,
                   g_object_unref);
}

OgAccount *
og_client_get_account_finish (OgClient *self, GAsyncResult *result, GError **error)
{
  return _og_client_finish_pointer (self, result, og_client_get_account_async, error);
}
