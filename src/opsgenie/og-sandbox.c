/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "og-sandbox"

#include "config.h"

#include "og-sandbox.h"

#include "og-sandbox-private.h"

/*
 * A fake Opsgenie on 127.0.0.1 for `debrief --sandbox` and the network tests. It keeps its
 * data as the JSON the API answers with and validates request bodies itself, without the
 * client's models: it is an independent reading of the API that the client is tested
 * against.
 *
 * A request goes: recorded → authorised (401) → routed through og-routes (404, 405) →
 * an injected fault, if one is queued for the route → the route's own validation and
 * answer.
 *
 * This file holds the object, its start and stop, and the dispatch. The rest is split by
 * concern, with og-sandbox-private.h between the parts:
 *   og-sandbox-requests.c     the requests as received, for the tests
 *   og-sandbox-faults.c       the fault queue and the faulty answers
 *   og-sandbox-respond.c      Opsgenie-shaped answers, error bodies and paging
 *   og-sandbox-validate.c     request bodies and the postmortem members they set
 *   og-sandbox-postmortems.c  the postmortem routes
 *   og-sandbox-lists.c        the incident, user, team, service and account routes
 *   og-sandbox-store.c        the shapes of the data: ids, times, references
 *   og-sandbox-state.c        the state file that keeps the writes between runs
 *   og-sandbox-seed.c         the seeded organisation; og-sandbox-seed-postmortems.c its
 *                             written postmortems, og-sandbox-adf.c their markup as ADF
 */

G_DEFINE_FINAL_TYPE (OgSandbox, og_sandbox, G_TYPE_OBJECT)

enum
{
  STATE_ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Calls */

static OgSandboxCall *
call_new (OgSandbox *self, SoupServerMessage *msg, OgRoute route, const char *id, GHashTable *query)
{
  OgSandboxCall *call = g_new0 (OgSandboxCall, 1);

  call->self = self;
  call->msg = g_object_ref (msg);
  call->route = route;
  call->id = g_strdup (id);
  call->query
      = query != NULL ? g_hash_table_ref (query) : g_hash_table_new (g_str_hash, g_str_equal);
  call->request_id = g_uuid_string_random ();
  call->started = g_get_monotonic_time ();

  return call;
}

void
_og_sandbox_call_free (OgSandboxCall *call)
{
  if (call->source != NULL)
    {
      g_source_destroy (call->source);
      g_source_unref (call->source);
    }
  g_clear_signal_handler (&call->disconnected_handler, call->msg);
  g_object_unref (call->msg);
  g_free (call->id);
  g_hash_table_unref (call->query);
  g_free (call->request_id);
  g_free (call);
}

const char *
_og_sandbox_call_get_query (OgSandboxCall *call, const char *name)
{
  return g_hash_table_lookup (call->query, name);
}

/* An independent copy, so that neither the caller nor the store sees the other's edits. */
static JsonNode *
deep_copy (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, FALSE);

  return json_from_string (text, NULL);
}

/* State */

void
_og_sandbox_emit_state_error (OgSandbox *self, const GError *error)
{
  g_signal_emit (self, signals[STATE_ERROR], 0, error);
}

/* Dispatch */

void
_og_sandbox_answer (OgSandboxCall *call)
{
  switch (call->route)
    {
    case OG_ROUTE_POSTMORTEM_GET:
      _og_sandbox_handle_postmortem_get (call);
      break;
    case OG_ROUTE_POSTMORTEM_CREATE:
      _og_sandbox_handle_postmortem_create (call);
      break;
    case OG_ROUTE_POSTMORTEM_DELETE:
      _og_sandbox_handle_postmortem_delete (call);
      break;
    case OG_ROUTE_POSTMORTEM_UPDATE:
      _og_sandbox_handle_postmortem_update (call);
      break;
    case OG_ROUTE_POSTMORTEM_CONTENT:
    case OG_ROUTE_POSTMORTEM_EXECUTIVE_SUMMARY:
    case OG_ROUTE_POSTMORTEM_STATUS:
    case OG_ROUTE_POSTMORTEM_OWNER:
    case OG_ROUTE_POSTMORTEM_SEVERITY:
    case OG_ROUTE_POSTMORTEM_TITLE:
    case OG_ROUTE_POSTMORTEM_JIRA_ISSUES:
    case OG_ROUTE_POSTMORTEM_RELATED_INCIDENTS:
    case OG_ROUTE_POSTMORTEM_AFFECTED_SERVICES:
    case OG_ROUTE_POSTMORTEM_RESPONDER_TEAMS:
    case OG_ROUTE_POSTMORTEM_RESPONDER_USERS:
      _og_sandbox_handle_postmortem_field_update (call);
      break;
    case OG_ROUTE_INCIDENTS_LIST:
      _og_sandbox_handle_incidents_list (call);
      break;
    case OG_ROUTE_INCIDENT_GET:
      _og_sandbox_handle_incident_get (call);
      break;
    case OG_ROUTE_USERS_LIST:
      _og_sandbox_handle_users_list (call);
      break;
    case OG_ROUTE_TEAMS_LIST:
      _og_sandbox_handle_teams_list (call);
      break;
    case OG_ROUTE_SERVICES_LIST:
      _og_sandbox_handle_services_list (call);
      break;
    case OG_ROUTE_ACCOUNT_GET:
      _og_sandbox_handle_account_get (call);
      break;
    case OG_N_ROUTES:
      g_assert_not_reached ();
    }
}

static gboolean
is_authorised (SoupServerMessage *msg)
{
  const char *value = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                    "Authorization");

  return value != NULL && g_ascii_strncasecmp (value, "GenieKey ", strlen ("GenieKey ")) == 0
         && g_str_equal (value + strlen ("GenieKey "), OG_SANDBOX_API_KEY);
}

/* "GET, PUT": the methods @path answers to. */
static char *
allowed_methods (const char *path)
{
  static const char *const methods[] = { "GET", "POST", "PUT", "DELETE" };
  g_autoptr (GString) allowed = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    if (og_route_match (methods[i], path, NULL, NULL, NULL))
      g_string_append_printf (allowed, "%s%s", allowed->len > 0 ? ", " : "", methods[i]);

  return g_string_free (g_steal_pointer (&allowed), FALSE);
}

static void
server_callback (SoupServer *server,
                 SoupServerMessage *msg,
                 const char *path,
                 GHashTable *query,
                 gpointer user_data)
{
  OgSandbox *self = user_data;
  const char *method = soup_server_message_get_method (msg);
  g_autofree char *id = NULL;
  gboolean method_mismatch = FALSE;
  OgRoute route = 0;
  gboolean matched = og_route_match (method, path, &route, &id, &method_mismatch);
  g_autoptr (OgSandboxCall) call = call_new (self, msg, route, id, query);
  OgSandboxFault fault;

  _og_sandbox_record_request (self, msg, path, query, matched, route);

  if (!is_authorised (msg))
    {
      _og_sandbox_respond_error (call, SOUP_STATUS_UNAUTHORIZED, NULL, "%s",
                                 _og_sandbox_status_message (SOUP_STATUS_UNAUTHORIZED));
    }
  else if (!matched && method_mismatch)
    {
      g_autofree char *allowed = allowed_methods (path);

      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow",
                                    allowed);
      _og_sandbox_respond_error (call, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL,
                                 "%s is not allowed on %s", method, path);
    }
  else if (!matched)
    {
      _og_sandbox_respond_error (call, SOUP_STATUS_NOT_FOUND, NULL, "No API at %s %s", method,
                                 path);
    }
  else if (_og_sandbox_take_fault (self, route, &fault))
    {
      _og_sandbox_apply_fault (g_steal_pointer (&call), &fault);
    }
  else
    {
      _og_sandbox_answer (call);
    }
}

/* GObject */

static void
og_sandbox_dispose (GObject *object)
{
  OgSandbox *self = OG_SANDBOX (object);

  og_sandbox_stop (self);

  G_OBJECT_CLASS (og_sandbox_parent_class)->dispose (object);
}

static void
og_sandbox_finalize (GObject *object)
{
  OgSandbox *self = OG_SANDBOX (object);

  og_sandbox_clear_faults (self);
  g_assert (self->save_source == NULL);
  g_clear_object (&self->state_file);
  g_clear_pointer (&self->store, _og_sandbox_store_free);
  g_clear_pointer (&self->requests, g_ptr_array_unref);
  g_clear_pointer (&self->deferred, g_ptr_array_unref);

  G_OBJECT_CLASS (og_sandbox_parent_class)->finalize (object);
}

static void
og_sandbox_class_init (OgSandboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = og_sandbox_dispose;
  object_class->finalize = og_sandbox_finalize;

  /**
   * OgSandbox::state-error:
   * @error: why the state file could not be written
   *
   * Writing the state file failed; the sandbox goes on from memory. Emitted once until a
   * write succeeds again.
   */
  signals[STATE_ERROR] = g_signal_new ("state-error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
og_sandbox_init (OgSandbox *self)
{
  self->store = _og_sandbox_store_new_seeded ();
  self->store_is_seed = TRUE;
  self->requests = g_ptr_array_new_with_free_func ((GDestroyNotify) _og_sandbox_request_free);
  self->deferred = g_ptr_array_new_with_free_func ((GDestroyNotify) _og_sandbox_call_free);
  for (guint i = 0; i < OG_N_ROUTES; i++)
    g_queue_init (&self->faults[i]);
}

/* Public API */

OgSandbox *
og_sandbox_new (void)
{
  return g_object_new (OG_TYPE_SANDBOX, NULL);
}

gboolean
og_sandbox_start (OgSandbox *self, GError **error)
{
  g_autoptr (SoupServer) server = NULL;
  GSList *uris;

  g_return_val_if_fail (OG_IS_SANDBOX (self), FALSE);
  g_return_val_if_fail (self->server == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Loopback only: nothing in sandbox mode is reachable from another machine. */
  server = soup_server_new ("server-header", "Debrief-Sandbox ", NULL);
  soup_server_add_handler (server, NULL, server_callback, self, NULL);
  if (!soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, error))
    return FALSE;

  uris = soup_server_get_uris (server);
  g_assert (uris != NULL);
  self->base_url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  self->context = g_main_context_ref_thread_default ();
  self->server = g_steal_pointer (&server);
  g_debug ("Listening on %s", self->base_url);

  return TRUE;
}

void
og_sandbox_stop (OgSandbox *self)
{
  g_return_if_fail (OG_IS_SANDBOX (self));

  /* Also when never started: a reset may have left a write to retry. */
  _og_sandbox_flush_state (self);

  if (self->server == NULL)
    return;

  /* Held answers first: their messages belong to connections about to close. */
  g_ptr_array_set_size (self->deferred, 0);
  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->context, g_main_context_unref);
}

const char *
og_sandbox_get_base_url (OgSandbox *self)
{
  g_return_val_if_fail (OG_IS_SANDBOX (self), NULL);

  return self->base_url;
}

JsonNode *
og_sandbox_dup_postmortem (OgSandbox *self, const char *postmortem_id)
{
  JsonObject *postmortem;
  g_autoptr (JsonNode) node = NULL;

  g_return_val_if_fail (OG_IS_SANDBOX (self), NULL);
  g_return_val_if_fail (postmortem_id != NULL, NULL);

  postmortem = _og_sandbox_store_find (self->store->postmortems, postmortem_id);
  if (postmortem == NULL)
    return NULL;

  node = _og_sandbox_object_node (postmortem);
  return deep_copy (node);
}

GStrv
og_sandbox_dup_postmortem_ids (OgSandbox *self)
{
  g_autoptr (GStrvBuilder) ids = g_strv_builder_new ();

  g_return_val_if_fail (OG_IS_SANDBOX (self), NULL);

  for (guint i = 0; i < self->store->postmortems->len; i++)
    g_strv_builder_add (ids, json_object_get_string_member (
                                 g_ptr_array_index (self->store->postmortems, i), "postmortemId"));

  return g_strv_builder_end (ids);
}

JsonNode *
og_sandbox_dup_incident (OgSandbox *self, const char *incident_id)
{
  JsonObject *incident;
  g_autoptr (JsonNode) node = NULL;

  g_return_val_if_fail (OG_IS_SANDBOX (self), NULL);
  g_return_val_if_fail (incident_id != NULL, NULL);

  incident = _og_sandbox_store_find (self->store->incidents, incident_id);
  if (incident == NULL)
    return NULL;

  node = _og_sandbox_object_node (incident);
  return deep_copy (node);
}
