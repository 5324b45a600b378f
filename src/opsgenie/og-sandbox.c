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
 */

#define TITLE_MAX_LENGTH 512

typedef struct
{
  OgSandboxFaultKind kind;
  guint value;
  guint times; /* left to fire; 0: until cleared */
} Fault;

/* One request being answered. */
typedef struct
{
  OgSandbox *self;
  SoupServerMessage *msg;
  OgRoute route;
  char *id;          /* the route's {id}, unescaped */
  GHashTable *query; /* name → value */
  char *request_id;
  gint64 started;    /* monotonic, for "took" */
  gboolean truncate; /* TRUNCATED fault: send half of the answer */
  /* An answer held back by a DELAY or DROP fault */
  gboolean drop;
  GSource *source;
  gulong disconnected_handler;
} Call;

struct _OgSandbox
{
  GObject parent_instance;

  OgSandboxStore *store;
  SoupServer *server;
  char *base_url;
  GMainContext *context;
  GQueue faults[OG_N_ROUTES];
  GPtrArray *requests; /* OgSandboxRequest */
  GPtrArray *deferred; /* Call */
  guint n_created;
};

G_DEFINE_FINAL_TYPE (OgSandbox, og_sandbox, G_TYPE_OBJECT)

/* Recording */

static void
request_free (OgSandboxRequest *request)
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

static void
record_request (OgSandbox *self,
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

/* Calls */

static Call *
call_new (OgSandbox *self, SoupServerMessage *msg, OgRoute route, const char *id, GHashTable *query)
{
  Call *call = g_new0 (Call, 1);

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

static void
call_free (Call *call)
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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Call, call_free)

static const char *
call_get_query (Call *call, const char *name)
{
  return g_hash_table_lookup (call->query, name);
}

/* Responses */

static void
log_answer (Call *call, guint status)
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

static void
send_body (Call *call,
           guint status,
           const char *content_type,
           char *body, /* taken */
           gsize length)
{
  soup_server_message_set_status (call->msg, status, reason_phrase (status));
  soup_server_message_set_response (call->msg, content_type, SOUP_MEMORY_TAKE, body, length);
  log_answer (call, status);
}

/* Sends @envelope (taken) with "took" and "requestId" added, as every Opsgenie answer has. */
static void
respond_object (Call *call, guint status, JsonObject *envelope)
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

  send_body (call, status, "application/json", text, length);
}

/* {"data": @data (taken)} */
static void
respond_data (Call *call, guint status, JsonNode *data)
{
  JsonObject *envelope = json_object_new ();

  json_object_set_member (envelope, "data", data);
  respond_object (call, status, envelope);
}

/* {"data": {"message": …}} */
static void
respond_message (Call *call, guint status, const char *message)
{
  JsonObject *data = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (data, "message", message);
  json_node_take_object (node, data);
  respond_data (call, status, node);
}

/* {"message": …, "errors": @errors} (errors may be NULL or empty) */
static void respond_error (Call *call, guint status, JsonObject *errors, const char *format, ...)
    G_GNUC_PRINTF (4, 5);

static void
respond_error (Call *call, guint status, JsonObject *errors, const char *format, ...)
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
  respond_object (call, status, envelope);
}

static void
respond_invalid (Call *call, JsonObject *errors)
{
  respond_error (call, SOUP_STATUS_UNPROCESSABLE_ENTITY, errors, "Request has validation errors");
}

/* 200 with no body at all, as the content update answers. */
static void
respond_empty (Call *call)
{
  if (call->truncate)
    {
      /* Half of nothing is nothing: cut a generic answer instead. */
      respond_message (call, SOUP_STATUS_OK, "Request processed");
      return;
    }

  soup_server_message_set_status (call->msg, SOUP_STATUS_OK, NULL);
  log_answer (call, SOUP_STATUS_OK);
}

static JsonNode *
object_node (JsonObject *object)
{
  JsonNode *node = json_node_alloc ();

  json_node_init_object (node, object);
  return node;
}

/* An independent copy, so that neither the caller nor the store sees the other's edits. */
static JsonNode *
deep_copy (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, FALSE);

  return json_from_string (text, NULL);
}

/* Validation */

/* The request body as an object: an empty body reads as {} so that the missing members are
 * named. Answers 400 and returns NULL when the body is not a JSON object. */
static JsonObject *
read_body (Call *call)
{
  g_autoptr (GBytes) bytes
      = soup_message_body_flatten (soup_server_message_get_request_body (call->msg));
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  JsonNode *root;

  if (size == 0)
    return json_object_new ();

  if (!json_parser_load_from_data (parser, data, (gssize) size, &error))
    {
      respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL, "Request body is not valid JSON: %s",
                     error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL, "Request body must be a JSON object");
      return NULL;
    }

  return json_object_ref (json_node_get_object (root));
}

static void add_error (JsonObject *errors, const char *member, const char *format, ...)
    G_GNUC_PRINTF (3, 4);

/* Records the first problem of @member. */
static void
add_error (JsonObject *errors, const char *member, const char *format, ...)
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

static gboolean
holds_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node)
         && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* The string member @name, or NULL after recording why not. */
static const char *
require_string (JsonObject *body, const char *name, JsonObject *errors)
{
  JsonNode *node = json_object_get_member (body, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    add_error (errors, name, "is required");
  else if (!holds_string (node))
    add_error (errors, name, "must be a string");
  else if (*json_node_get_string (node) == '\0')
    add_error (errors, name, "must not be empty");
  else
    return json_node_get_string (node);

  return NULL;
}

static JsonObject *
require_user (OgSandbox *self, JsonObject *body, const char *name, JsonObject *errors)
{
  const char *id = require_string (body, name, errors);
  JsonObject *user;

  if (id == NULL)
    return NULL;

  user = _og_sandbox_store_find (self->store->users, id);
  if (user == NULL)
    add_error (errors, name, "no user with id %s", id);
  return user;
}

/*
 * Each check reads one member of an update body and returns what the postmortem stores for
 * it (the GET shape: an update sends ownerId, the postmortem holds owner), or NULL with
 * *problem set.
 */
typedef JsonNode *(*FieldCheck) (OgSandbox *self, JsonNode *value, char **problem);

static JsonNode *refuse (char **problem, const char *format, ...) G_GNUC_PRINTF (2, 3);

/* Sets *problem and returns NULL, for the checks below. */
static JsonNode *
refuse (char **problem, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  *problem = g_strdup_vprintf (format, args);
  va_end (args);

  return NULL;
}

static const char *const severities[] = { "P1", "P2", "P3", "P4", "P5", NULL };
static const char *const postmortem_statuses[] = { "draft", "in-review", "published", NULL };

static JsonNode *
check_title (OgSandbox *self, JsonNode *value, char **problem)
{
  g_autofree char *stripped = NULL;

  if (!holds_string (value))
    return refuse (problem, "must be a string");

  stripped = g_strstrip (g_strdup (json_node_get_string (value)));
  if (*stripped == '\0')
    return refuse (problem, "must not be blank");
  if (g_utf8_strlen (json_node_get_string (value), -1) > TITLE_MAX_LENGTH)
    return refuse (problem, "must be at most %d characters", TITLE_MAX_LENGTH);

  return json_node_copy (value);
}

static JsonNode *
check_severity (OgSandbox *self, JsonNode *value, char **problem)
{
  if (!holds_string (value) || !g_strv_contains (severities, json_node_get_string (value)))
    return refuse (problem, "must be one of P1, P2, P3, P4, P5");

  return json_node_copy (value);
}

static JsonNode *
check_status (OgSandbox *self, JsonNode *value, char **problem)
{
  if (!holds_string (value) || !g_strv_contains (postmortem_statuses, json_node_get_string (value)))
    return refuse (problem, "must be one of draft, in-review, published");

  return json_node_copy (value);
}

static JsonNode *
check_owner (OgSandbox *self, JsonNode *value, char **problem)
{
  JsonObject *user;

  if (!holds_string (value))
    return refuse (problem, "must be a string");

  user = _og_sandbox_store_find (self->store->users, json_node_get_string (value));
  if (user == NULL)
    return refuse (problem, "no user with id %s", json_node_get_string (value));

  return _og_sandbox_user_ref (user);
}

static gboolean
is_web_url (const char *text)
{
  g_autoptr (GUri) uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);

  return uri != NULL
         && (g_str_equal (g_uri_get_scheme (uri), "https")
             || g_str_equal (g_uri_get_scheme (uri), "http"))
         && g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0';
}

static JsonNode *
check_jira_issues (OgSandbox *self, JsonNode *value, char **problem)
{
  g_autoptr (JsonArray) urls = json_array_new ();
  JsonArray *items;
  JsonNode *node;

  if (value == NULL || !JSON_NODE_HOLDS_ARRAY (value))
    return refuse (problem, "must be an array of URLs");

  items = json_node_get_array (value);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *item = json_array_get_element (items, i);

      if (!holds_string (item) || !is_web_url (json_node_get_string (item)))
        return refuse (problem, "item %u must be an http(s) URL", i);
      json_array_add_string_element (urls, json_node_get_string (item));
    }

  node = json_node_new (JSON_NODE_ARRAY);
  json_node_set_array (node, urls);
  return node;
}

static JsonNode *
check_related_incidents (OgSandbox *self, JsonNode *value, char **problem)
{
  g_autoptr (JsonArray) incidents = json_array_new ();
  JsonArray *items;
  JsonNode *node;

  if (value == NULL || !JSON_NODE_HOLDS_ARRAY (value))
    return refuse (problem, "must be an array of incident ids");

  items = json_node_get_array (value);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *item = json_array_get_element (items, i);
      JsonObject *incident;

      if (!holds_string (item))
        return refuse (problem, "item %u must be a string", i);
      incident = _og_sandbox_store_find (self->store->incidents, json_node_get_string (item));
      if (incident == NULL)
        return refuse (problem, "item %u: no incident with id %s", i, json_node_get_string (item));
      json_array_add_element (incidents, _og_sandbox_incident_summary (incident));
    }

  node = json_node_new (JSON_NODE_ARRAY);
  json_node_set_array (node, incidents);
  return node;
}

/* An array of {id, name?, role?} objects whose ids are in @collection. The stored names are
 * the sandbox's own, as Opsgenie shows the current name of what an id refers to. */
static JsonNode *
check_refs (GPtrArray *collection,
            const char *what,
            gboolean with_role,
            JsonNode *value,
            char **problem)
{
  g_autoptr (JsonArray) refs = json_array_new ();
  JsonArray *items;
  JsonNode *node;

  if (value == NULL || !JSON_NODE_HOLDS_ARRAY (value))
    return refuse (problem, "must be an array of %s objects", what);

  items = json_node_get_array (value);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *item = json_array_get_element (items, i);
      JsonObject *object;
      JsonObject *target;
      JsonNode *id, *name, *role;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        return refuse (problem, "item %u must be an object", i);

      object = json_node_get_object (item);
      id = json_object_get_member (object, "id");
      name = json_object_get_member (object, "name");
      role = json_object_get_member (object, "role");
      if (!holds_string (id))
        return refuse (problem, "item %u: id must be a string", i);
      if (name != NULL && !holds_string (name))
        return refuse (problem, "item %u: name must be a string", i);
      if (with_role && (!holds_string (role) || *json_node_get_string (role) == '\0'))
        return refuse (problem, "item %u: role must be a non-empty string", i);

      target = _og_sandbox_store_find (collection, json_node_get_string (id));
      if (target == NULL)
        return refuse (problem, "item %u: no %s with id %s", i, what, json_node_get_string (id));

      json_array_add_element (
          refs, with_role ? _og_sandbox_responder (target, json_node_get_string (role))
                          : _og_sandbox_ref (target));
    }

  node = json_node_new (JSON_NODE_ARRAY);
  json_node_set_array (node, refs);
  return node;
}

static JsonNode *
check_affected_services (OgSandbox *self, JsonNode *value, char **problem)
{
  return check_refs (self->store->services, "service", FALSE, value, problem);
}

static JsonNode *
check_responder_teams (OgSandbox *self, JsonNode *value, char **problem)
{
  return check_refs (self->store->teams, "team", FALSE, value, problem);
}

static JsonNode *
check_responder_users (OgSandbox *self, JsonNode *value, char **problem)
{
  return check_refs (self->store->users, "user", TRUE, value, problem);
}

/* The API carries ADF as a JSON string holding the document. */
static JsonNode *
check_adf (OgSandbox *self, JsonNode *value, char **problem)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *doc;
  JsonNode *version;

  if (!holds_string (value))
    return refuse (problem, "must be a string holding an ADF document as JSON");

  if (!json_parser_load_from_data (parser, json_node_get_string (value), -1, &error))
    return refuse (problem, "is not valid JSON: %s", error->message);

  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return refuse (problem, "must hold a JSON object");

  doc = json_node_get_object (json_parser_get_root (parser));
  version = json_object_get_member (doc, "version");
  if (g_strcmp0 (json_object_get_string_member_with_default (doc, "type", NULL), "doc") != 0
      || version == NULL || !JSON_NODE_HOLDS_VALUE (version)
      || json_node_get_value_type (version) != G_TYPE_INT64 || json_node_get_int (version) != 1)
    return refuse (problem, "must be an ADF document: type \"doc\" and version 1");

  if (!JSON_NODE_HOLDS_ARRAY (json_object_get_member (doc, "content")))
    return refuse (problem, "must be an ADF document: its content must be an array");

  return json_parser_steal_root (parser);
}

typedef struct
{
  OgRoute route;      /* the partial update */
  const char *member; /* in its body (and in the full update's) */
  const char *stored; /* in the GET data */
  FieldCheck check;
  gboolean adf; /* takes the document as a JSON string, with "type": "adf" */
} FieldRule;

/* The full update takes every member here but the two ADF ones. */
static const FieldRule field_rules[] = {
  { OG_ROUTE_POSTMORTEM_TITLE, "title", "title", check_title, FALSE },
  { OG_ROUTE_POSTMORTEM_SEVERITY, "severity", "severity", check_severity, FALSE },
  { OG_ROUTE_POSTMORTEM_STATUS, "status", "status", check_status, FALSE },
  { OG_ROUTE_POSTMORTEM_OWNER, "ownerId", "owner", check_owner, FALSE },
  { OG_ROUTE_POSTMORTEM_JIRA_ISSUES, "jiraIssues", "jiraIssues", check_jira_issues, FALSE },
  { OG_ROUTE_POSTMORTEM_RELATED_INCIDENTS, "relatedIncidentIds", "relatedIncidents",
    check_related_incidents, FALSE },
  { OG_ROUTE_POSTMORTEM_AFFECTED_SERVICES, "affectedServices", "affectedServices",
    check_affected_services, FALSE },
  { OG_ROUTE_POSTMORTEM_RESPONDER_TEAMS, "responderTeams", "responderTeams", check_responder_teams,
    FALSE },
  { OG_ROUTE_POSTMORTEM_RESPONDER_USERS, "responderUsers", "responders", check_responder_users,
    FALSE },
  { OG_ROUTE_POSTMORTEM_EXECUTIVE_SUMMARY, "executiveSummary", "executiveSummary", check_adf,
    TRUE },
  { OG_ROUTE_POSTMORTEM_CONTENT, "content", "content", check_adf, TRUE },
};

static const FieldRule *
find_field_rule (OgRoute route)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_rules); i++)
    if (field_rules[i].route == route)
      return &field_rules[i];

  g_assert_not_reached ();
}

/* The value to store for @rule's member of @body, or NULL after recording why not. */
static JsonNode *
check_field (OgSandbox *self, const FieldRule *rule, JsonObject *body, JsonObject *errors)
{
  JsonNode *value = json_object_get_member (body, rule->member);
  g_autofree char *problem = NULL;
  JsonNode *stored;

  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    {
      add_error (errors, rule->member, "is required");
      return NULL;
    }

  stored = rule->check (self, value, &problem);
  if (stored == NULL)
    add_error (errors, rule->member, "%s", problem);
  return stored;
}

/* Opsgenie's rule: a published postmortem takes no update but a status change back to
 * draft or in-review. */
static gboolean
is_locked (JsonObject *postmortem,
           const FieldRule *rule, /* NULL: the full update */
           JsonNode *value)
{
  if (!g_str_equal (json_object_get_string_member (postmortem, "status"), "published"))
    return FALSE;

  return rule == NULL || rule->route != OG_ROUTE_POSTMORTEM_STATUS
         || g_str_equal (json_node_get_string (value), "published");
}

/* Postmortem routes */

static JsonObject *
find_postmortem_or_404 (Call *call)
{
  JsonObject *postmortem = _og_sandbox_store_find (call->self->store->postmortems, call->id);

  if (postmortem == NULL)
    respond_error (call, SOUP_STATUS_NOT_FOUND, NULL, "Postmortem with id %s does not exist",
                   call->id);
  return postmortem;
}

static void
respond_updated (Call *call)
{
  JsonObject *data = json_object_new ();
  g_autofree char *message = g_strdup_printf ("Postmortem with id %s updated", call->id);
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (data, "postmortemId", call->id);
  json_object_set_string_member (data, "message", message);
  json_node_take_object (node, data);
  respond_data (call, SOUP_STATUS_OK, node);
}

static void
respond_locked (Call *call)
{
  respond_error (call, SOUP_STATUS_UNPROCESSABLE_ENTITY, NULL,
                 "Postmortem with id %s is published and cannot be updated: change its status "
                 "to draft or in-review first",
                 call->id);
}

static void
handle_get (Call *call)
{
  JsonObject *postmortem = find_postmortem_or_404 (call);

  if (postmortem != NULL)
    respond_data (call, SOUP_STATUS_OK, object_node (postmortem));
}

static void
handle_create (Call *call)
{
  OgSandbox *self = call->self;
  g_autoptr (JsonObject) body = read_body (call);
  g_autoptr (JsonObject) errors = json_object_new ();
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *key = NULL;
  g_autofree char *postmortem_id = NULL;
  const char *incident_id;
  const char *existing;
  JsonObject *actor, *owner, *incident, *data;
  JsonNode *node;

  if (body == NULL)
    return;

  incident_id = require_string (body, "incidentId", errors);
  actor = require_user (self, body, "actorUserId", errors);
  owner = json_object_has_member (body, "ownerId") ? require_user (self, body, "ownerId", errors)
                                                   : actor;
  if (json_object_get_size (errors) > 0)
    {
      respond_invalid (call, errors);
      return;
    }

  incident = _og_sandbox_store_find (self->store->incidents, incident_id);
  if (incident == NULL)
    {
      respond_error (call, SOUP_STATUS_NOT_FOUND, NULL, "Incident with id %s does not exist",
                     incident_id);
      return;
    }

  existing = json_object_get_string_member_with_default (
      json_object_get_object_member (incident, "extraProperties"), "postmortemId", NULL);
  if (existing != NULL)
    {
      respond_error (call, SOUP_STATUS_CONFLICT, NULL,
                     "Incident with id %s already has a postmortem: %s", incident_id, existing);
      return;
    }

  /* A postmortem looks back: its times come from the incident's resolution. */
  if (g_str_equal (json_object_get_string_member (incident, "status"), "open"))
    {
      add_error (errors, "incidentId", "incident %s is still open; resolve it first", incident_id);
      respond_invalid (call, errors);
      return;
    }

  key = g_strdup_printf ("created/%s/%u", incident_id, self->n_created++);
  postmortem_id = _og_sandbox_make_id ("postmortem", key);
  g_ptr_array_add (self->store->postmortems, _og_sandbox_store_create_postmortem (
                                                 self->store, incident, owner, postmortem_id, now));

  data = json_object_new ();
  json_object_set_string_member (data, "postmortemId", postmortem_id);
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, data);
  respond_data (call, SOUP_STATUS_CREATED, node);
}

static void
handle_delete (Call *call)
{
  OgSandbox *self = call->self;
  JsonObject *postmortem = find_postmortem_or_404 (call);
  g_autoptr (JsonObject) body = NULL;
  g_autoptr (JsonObject) errors = json_object_new ();
  g_autofree char *message = NULL;
  JsonNode *timelines;
  JsonObject *incident;

  if (postmortem == NULL || (body = read_body (call)) == NULL)
    return;

  require_user (self, body, "actorUserId", errors);
  timelines = json_object_get_member (body, "deleteExportIncidentTimelines");
  if (timelines != NULL
      && (!JSON_NODE_HOLDS_VALUE (timelines)
          || json_node_get_value_type (timelines) != G_TYPE_BOOLEAN))
    add_error (errors, "deleteExportIncidentTimelines", "must be a boolean");
  if (json_object_get_size (errors) > 0)
    {
      respond_invalid (call, errors);
      return;
    }

  incident = _og_sandbox_store_find (
      self->store->incidents,
      json_object_get_string_member (json_object_get_object_member (postmortem, "rootIncident"),
                                     "id"));
  if (incident != NULL)
    json_object_remove_member (json_object_get_object_member (incident, "extraProperties"),
                               "postmortemId");
  g_ptr_array_remove (self->store->postmortems, postmortem);

  message = g_strdup_printf ("Postmortem with id %s deleted", call->id);
  respond_message (call, SOUP_STATUS_OK, message);
}

static void
handle_update (Call *call)
{
  OgSandbox *self = call->self;
  JsonObject *postmortem = find_postmortem_or_404 (call);
  g_autoptr (JsonObject) body = NULL;
  g_autoptr (JsonObject) errors = json_object_new ();
  g_autoptr (JsonObject) changes = json_object_new ();

  if (postmortem == NULL || (body = read_body (call)) == NULL)
    return;

  require_user (self, body, "actorUserId", errors);
  for (guint i = 0; i < G_N_ELEMENTS (field_rules); i++)
    {
      JsonNode *value;

      if (field_rules[i].adf)
        continue;
      value = check_field (self, &field_rules[i], body, errors);
      if (value != NULL)
        json_object_set_member (changes, field_rules[i].stored, value);
    }
  if (json_object_get_size (errors) > 0)
    {
      respond_invalid (call, errors);
      return;
    }
  if (is_locked (postmortem, NULL, NULL))
    {
      respond_locked (call);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (field_rules); i++)
    if (!field_rules[i].adf)
      json_object_set_member (
          postmortem, field_rules[i].stored,
          json_node_copy (json_object_get_member (changes, field_rules[i].stored)));
  respond_updated (call);
}

static void
handle_field_update (Call *call)
{
  OgSandbox *self = call->self;
  const FieldRule *rule = find_field_rule (call->route);
  JsonObject *postmortem = find_postmortem_or_404 (call);
  g_autoptr (JsonObject) body = NULL;
  g_autoptr (JsonObject) errors = json_object_new ();
  JsonNode *value;

  if (postmortem == NULL || (body = read_body (call)) == NULL)
    return;

  require_user (self, body, "actorUserId", errors);
  if (rule->adf
      && g_strcmp0 (json_object_get_string_member_with_default (body, "type", NULL), "adf") != 0)
    add_error (errors, "type", "must be \"adf\"");
  value = check_field (self, rule, body, errors);
  if (json_object_get_size (errors) > 0)
    {
      g_clear_pointer (&value, json_node_unref);
      respond_invalid (call, errors);
      return;
    }
  if (is_locked (postmortem, rule, value))
    {
      json_node_unref (value);
      respond_locked (call);
      return;
    }

  json_object_set_member (postmortem, rule->stored, value);
  if (rule->route == OG_ROUTE_POSTMORTEM_CONTENT)
    respond_empty (call);
  else
    respond_updated (call);
}

/* Lists */

typedef struct
{
  guint offset;
  guint limit;
} Page;

/* Reads offset and limit; records problems in @errors. */
static Page
read_page (Call *call, guint default_limit, guint max_limit, JsonObject *errors)
{
  Page page = { 0, default_limit };
  const char *offset = call_get_query (call, "offset");
  const char *limit = call_get_query (call, "limit");
  guint64 number;

  if (offset != NULL)
    {
      if (g_ascii_string_to_unsigned (offset, 10, 0, G_MAXINT, &number, NULL))
        page.offset = (guint) number;
      else
        add_error (errors, "offset", "must be a whole number, 0 or more");
    }
  if (limit != NULL)
    {
      if (g_ascii_string_to_unsigned (limit, 10, 1, max_limit, &number, NULL))
        page.limit = (guint) number;
      else
        add_error (errors, "limit", "must be a whole number from 1 to %u", max_limit);
    }

  return page;
}

/* The absolute URL of this list at @offset, with the request's other parameters. */
static char *
page_url (Call *call, guint offset, guint limit)
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
set_page_link (JsonObject *paging, const char *name, Call *call, guint offset, guint limit)
{
  g_autofree char *url = page_url (call, offset, limit);

  json_object_set_string_member (paging, name, url);
}

/* {"data": [page of @items], "paging": {…}, "totalCount": n}, as Opsgenie's lists answer. */
static void
respond_page (Call *call, GPtrArray *items, Page page)
{
  JsonObject *envelope = json_object_new ();
  JsonObject *paging = json_object_new ();
  JsonArray *data = json_array_new ();
  guint last = items->len == 0 ? 0 : (items->len - 1) / page.limit * page.limit;

  for (guint i = page.offset; i < items->len && i < page.offset + page.limit; i++)
    json_array_add_element (data, object_node (g_ptr_array_index (items, i)));

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
  respond_object (call, SOUP_STATUS_OK, envelope);
}

static gboolean
contains_casefolded (const char *haystack, const char *casefolded_needle)
{
  g_autofree char *folded = g_utf8_casefold (haystack, -1);

  return strstr (folded, casefolded_needle) != NULL;
}

static const char *const incident_statuses[] = { "open", "resolved", "closed", NULL };
static const char *const postmortem_filters[] = { "has-postmortem", "no-postmortem", NULL };

static const struct
{
  const char *name;
  const char *const *values;
} query_fields[] = {
  { "status", incident_statuses },
  { "priority", severities },
  { "postmortemStatus", postmortem_filters },
};

/* Checks a "field:value" term; records the problem in @errors. */
static gboolean
check_query_term (const char *term, const char *colon, JsonObject *errors)
{
  g_autofree char *name = g_strndup (term, colon - term);

  for (guint i = 0; i < G_N_ELEMENTS (query_fields); i++)
    {
      g_autofree char *values = NULL;

      if (!g_str_equal (query_fields[i].name, name))
        continue;
      if (g_strv_contains (query_fields[i].values, colon + 1))
        return TRUE;

      values = g_strjoinv (", ", (char **) query_fields[i].values);
      add_error (errors, "query", "%s must be one of %s", name, values);
      return FALSE;
    }

  add_error (errors, "query", "unknown field %s", name);
  return FALSE;
}

/*
 * The part of Opsgenie's incident query language Debrief uses: terms joined by AND (or by
 * plain spaces), each "status:…", "priority:…", "postmortemStatus:…" or a word the message
 * must contain. Returns the terms (words casefolded), or NULL after recording the problem.
 */
static GStrv
parse_incident_query (const char *query, JsonObject *errors)
{
  g_auto (GStrv) tokens = g_strsplit_set (query != NULL ? query : "", " \t", -1);
  g_autoptr (GStrvBuilder) terms = g_strv_builder_new ();

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      const char *token = tokens[i];
      const char *colon = strchr (token, ':');

      if (*token == '\0' || g_str_equal (token, "AND") || g_str_equal (token, "and"))
        continue;

      if (g_str_equal (token, "OR") || g_str_equal (token, "NOT"))
        {
          add_error (errors, "query", "%s is not supported; join terms with AND", token);
          return NULL;
        }

      if (colon != NULL)
        {
          if (!check_query_term (token, colon, errors))
            return NULL;
          g_strv_builder_add (terms, token);
        }
      else
        {
          g_autofree char *folded = g_utf8_casefold (token, -1);

          g_strv_builder_add (terms, folded);
        }
    }

  return g_strv_builder_end (terms);
}

static gboolean
incident_matches (JsonObject *incident, const char *const *terms)
{
  for (guint i = 0; terms[i] != NULL; i++)
    {
      const char *term = terms[i];
      const char *value = strchr (term, ':') != NULL ? strchr (term, ':') + 1 : NULL;
      gboolean match;

      if (g_str_has_prefix (term, "status:"))
        match = g_str_equal (json_object_get_string_member (incident, "status"), value);
      else if (g_str_has_prefix (term, "priority:"))
        match = g_str_equal (json_object_get_string_member (incident, "priority"), value);
      else if (g_str_has_prefix (term, "postmortemStatus:"))
        match = json_object_has_member (json_object_get_object_member (incident, "extraProperties"),
                                        "postmortemId")
                == g_str_equal (value, "has-postmortem");
      else
        match = contains_casefolded (json_object_get_string_member (incident, "message"), term);

      if (!match)
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  const char *field;
  gboolean descending;
} IncidentOrder;

static gint
compare_incidents (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const IncidentOrder *order = user_data;
  JsonObject *first = *(JsonObject **) a;
  JsonObject *second = *(JsonObject **) b;
  guint64 first_tiny = g_ascii_strtoull (json_object_get_string_member (first, "tinyId"), NULL, 10);
  guint64 second_tiny
      = g_ascii_strtoull (json_object_get_string_member (second, "tinyId"), NULL, 10);
  gint result = 0;

  /* The timestamps share one format: as strings they sort in time order. */
  if (!g_str_equal (order->field, "tinyId"))
    result = g_strcmp0 (json_object_get_string_member (first, order->field),
                        json_object_get_string_member (second, order->field));
  if (result == 0)
    result = first_tiny < second_tiny ? -1 : first_tiny > second_tiny;

  return order->descending ? -result : result;
}

static void
handle_incidents_list (Call *call)
{
  static const char *const sort_fields[] = { "createdAt", "updatedAt", "tinyId", NULL };
  static const char *const orders[] = { "asc", "desc", NULL };
  OgSandbox *self = call->self;
  g_autoptr (JsonObject) errors = json_object_new ();
  g_autoptr (GPtrArray) matches = g_ptr_array_new ();
  g_auto (GStrv) terms = NULL;
  const char *sort = call_get_query (call, "sort");
  const char *order = call_get_query (call, "order");
  IncidentOrder incident_order;
  Page page;

  page = read_page (call, 20, 100, errors);
  if (sort != NULL && !g_strv_contains (sort_fields, sort))
    add_error (errors, "sort", "must be one of createdAt, updatedAt, tinyId");
  if (order != NULL && !g_strv_contains (orders, order))
    add_error (errors, "order", "must be asc or desc");
  terms = parse_incident_query (call_get_query (call, "query"), errors);
  if (json_object_get_size (errors) > 0)
    {
      respond_invalid (call, errors);
      return;
    }

  for (guint i = 0; i < self->store->incidents->len; i++)
    if (incident_matches (g_ptr_array_index (self->store->incidents, i),
                          (const char *const *) terms))
      g_ptr_array_add (matches, g_ptr_array_index (self->store->incidents, i));

  incident_order.field = sort != NULL ? sort : "createdAt";
  incident_order.descending = order == NULL || g_str_equal (order, "desc");
  g_ptr_array_sort_with_data (matches, compare_incidents, &incident_order);

  respond_page (call, matches, page);
}

static void
handle_incident_get (Call *call)
{
  OgSandbox *self = call->self;
  const char *identifier_type = call_get_query (call, "identifierType");
  JsonObject *incident = NULL;

  if (identifier_type != NULL && !g_str_equal (identifier_type, "id")
      && !g_str_equal (identifier_type, "tiny"))
    {
      g_autoptr (JsonObject) errors = json_object_new ();

      add_error (errors, "identifierType", "must be id or tiny");
      respond_invalid (call, errors);
      return;
    }

  if (g_strcmp0 (identifier_type, "tiny") == 0)
    {
      for (guint i = 0; i < self->store->incidents->len && incident == NULL; i++)
        if (g_str_equal (json_object_get_string_member (
                             g_ptr_array_index (self->store->incidents, i), "tinyId"),
                         call->id))
          incident = g_ptr_array_index (self->store->incidents, i);
    }
  else
    {
      incident = _og_sandbox_store_find (self->store->incidents, call->id);
    }

  if (incident == NULL)
    {
      respond_error (call, SOUP_STATUS_NOT_FOUND, NULL, "Incident with id %s does not exist",
                     call->id);
      return;
    }
  respond_data (call, SOUP_STATUS_OK, object_node (incident));
}

static void
handle_users_list (Call *call)
{
  OgSandbox *self = call->self;
  g_autoptr (JsonObject) errors = json_object_new ();
  g_autoptr (GPtrArray) matches = g_ptr_array_new ();
  const char *query = call_get_query (call, "query");
  g_autofree char *folded = query != NULL ? g_utf8_casefold (query, -1) : NULL;
  Page page = read_page (call, 100, 100, errors);

  if (json_object_get_size (errors) > 0)
    {
      respond_invalid (call, errors);
      return;
    }

  for (guint i = 0; i < self->store->users->len; i++)
    {
      JsonObject *user = g_ptr_array_index (self->store->users, i);

      if (folded == NULL
          || contains_casefolded (json_object_get_string_member (user, "username"), folded)
          || contains_casefolded (json_object_get_string_member (user, "fullName"), folded))
        g_ptr_array_add (matches, user);
    }

  respond_page (call, matches, page);
}

static void
handle_teams_list (Call *call)
{
  GPtrArray *teams = call->self->store->teams;
  JsonArray *data = json_array_new ();
  JsonObject *envelope = json_object_new ();

  for (guint i = 0; i < teams->len; i++)
    json_array_add_element (data, object_node (g_ptr_array_index (teams, i)));
  json_object_set_array_member (envelope, "data", data);
  respond_object (call, SOUP_STATUS_OK, envelope);
}

static void
handle_services_list (Call *call)
{
  g_autoptr (JsonObject) errors = json_object_new ();
  Page page = read_page (call, 20, 100, errors);

  if (json_object_get_size (errors) > 0)
    {
      respond_invalid (call, errors);
      return;
    }
  respond_page (call, call->self->store->services, page);
}

static void
handle_account_get (Call *call)
{
  JsonObject *account = json_object_new ();
  JsonObject *plan = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (account, "name", "Sandbox Org");
  json_object_set_int_member (account, "userCount", call->self->store->users->len);
  json_object_set_int_member (plan, "maxUserCount", 100);
  json_object_set_string_member (plan, "name", "Standard");
  json_object_set_boolean_member (plan, "isYearly", TRUE);
  json_object_set_object_member (account, "plan", plan);
  json_node_take_object (node, account);
  respond_data (call, SOUP_STATUS_OK, node);
}

static void
answer (Call *call)
{
  switch (call->route)
    {
    case OG_ROUTE_POSTMORTEM_GET:
      handle_get (call);
      break;
    case OG_ROUTE_POSTMORTEM_CREATE:
      handle_create (call);
      break;
    case OG_ROUTE_POSTMORTEM_DELETE:
      handle_delete (call);
      break;
    case OG_ROUTE_POSTMORTEM_UPDATE:
      handle_update (call);
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
      handle_field_update (call);
      break;
    case OG_ROUTE_INCIDENTS_LIST:
      handle_incidents_list (call);
      break;
    case OG_ROUTE_INCIDENT_GET:
      handle_incident_get (call);
      break;
    case OG_ROUTE_USERS_LIST:
      handle_users_list (call);
      break;
    case OG_ROUTE_TEAMS_LIST:
      handle_teams_list (call);
      break;
    case OG_ROUTE_SERVICES_LIST:
      handle_services_list (call);
      break;
    case OG_ROUTE_ACCOUNT_GET:
      handle_account_get (call);
      break;
    case OG_N_ROUTES:
      g_assert_not_reached ();
    }
}

/* Faults */

/* The next fault queued for @route, counted as fired. */
static gboolean
take_fault (OgSandbox *self, OgRoute route, Fault *fault)
{
  Fault *head = g_queue_peek_head (&self->faults[route]);

  if (head == NULL)
    return FALSE;

  *fault = *head;
  if (head->times > 0 && --head->times == 0)
    g_free (g_queue_pop_head (&self->faults[route]));

  return TRUE;
}

static const char *
status_message (guint status)
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

/* Valid JSON whose "data" has the members the route's answer has, of the wrong types. */
static const char *
wrong_types_body (OgRoute route)
{
  switch (route)
    {
    case OG_ROUTE_POSTMORTEM_GET:
      return "{\"data\":{\"postmortemId\":42,\"title\":1234,\"severity\":[\"P1\"],"
             "\"status\":true,\"content\":\"not a document\",\"executiveSummary\":7,"
             "\"startTime\":false,\"createdAtTime\":1700000000,\"rootIncident\":[],"
             "\"owner\":\"nobody\",\"timeline\":5,\"jiraIssues\":\"https://example.com\","
             "\"relatedIncidents\":{},\"affectedServices\":3,\"iccSessions\":null,"
             "\"responderTeams\":\"team\",\"responders\":{\"id\":1}}}";
    case OG_ROUTE_POSTMORTEM_CREATE:
      return "{\"data\":{\"postmortemId\":12345}}";
    case OG_ROUTE_INCIDENTS_LIST:
    case OG_ROUTE_USERS_LIST:
    case OG_ROUTE_TEAMS_LIST:
    case OG_ROUTE_SERVICES_LIST:
      return "{\"data\":{\"id\":\"not-a-list\"},\"paging\":\"next\",\"totalCount\":\"sixty\"}";
    case OG_ROUTE_INCIDENT_GET:
      return "{\"data\":{\"id\":17,\"tinyId\":[\"17\"],\"message\":false,\"status\":3,"
             "\"priority\":{},\"createdAt\":1700000000,\"tags\":\"a,b\",\"extraProperties\":[]}}";
    case OG_ROUTE_ACCOUNT_GET:
      return "{\"data\":{\"name\":7,\"userCount\":\"many\",\"plan\":\"Standard\"}}";
    case OG_ROUTE_POSTMORTEM_DELETE:
    case OG_ROUTE_POSTMORTEM_UPDATE:
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
      return "{\"data\":{\"postmortemId\":42,\"message\":[\"updated\"]}}";
    case OG_N_ROUTES:
      g_assert_not_reached ();
    }

  g_return_val_if_reached (NULL);
}

/* A valid JSON answer of exactly @size bytes (at least "{}"). */
static void
respond_huge (Call *call, guint size)
{
  g_autofree char *head = g_strdup ("{\"data\":{\"padding\":\"");
  g_autofree char *tail
      = g_strdup_printf ("\"},\"took\":0.001,\"requestId\":\"%s\"}", call->request_id);
  gsize frame = strlen (head) + strlen (tail);
  GString *body = g_string_sized_new (MAX (size, frame) + 1);
  gsize length;

  if (size >= frame)
    {
      g_string_append (body, head);
      for (gsize i = frame; i < size; i++)
        g_string_append_c (body, 'x');
      g_string_append (body, tail);
    }
  else
    {
      /* Too small for an envelope: an object padded with spaces. */
      g_string_append (body, "{}");
      while (body->len < size)
        g_string_append_c (body, ' ');
    }

  length = body->len;
  send_body (call, SOUP_STATUS_OK, "application/json", g_string_free (body, FALSE), length);
}

static void
deferred_disconnected (Call *call)
{
  /* The client went away while its answer was held: there is no one left to answer. */
  g_ptr_array_remove_fast (call->self->deferred, call);
}

static gboolean
deferred_fire (gpointer user_data)
{
  Call *call = user_data;

  g_clear_signal_handler (&call->disconnected_handler, call->msg);
  if (call->drop)
    {
      g_autoptr (GIOStream) stream = soup_server_message_steal_connection (call->msg);

      g_debug ("%s %s → connection closed without an answer",
               soup_server_message_get_method (call->msg),
               g_uri_get_path (soup_server_message_get_uri (call->msg)));
      if (stream != NULL)
        g_io_stream_close (stream, NULL, NULL);
    }
  else
    {
      answer (call);
      soup_server_message_unpause (call->msg);
    }

  /* Frees the call and its source, which GLib keeps alive until this returns. */
  g_ptr_array_remove_fast (call->self->deferred, call);
  return G_SOURCE_REMOVE;
}

/* Holds @call's answer for @delay_ms; then answers it, or drops the connection. Stealing the
 * connection is only safe once the message's I/O is paused, hence a DROP is deferred too. */
static void
defer (Call *call, guint delay_ms, gboolean drop)
{
  OgSandbox *self = call->self;

  soup_server_message_pause (call->msg);
  call->drop = drop;
  call->source = g_timeout_source_new (delay_ms);
  g_source_set_callback (call->source, deferred_fire, call, NULL);
  g_source_attach (call->source, self->context);
  call->disconnected_handler = g_signal_connect_swapped (call->msg, "disconnected",
                                                         G_CALLBACK (deferred_disconnected), call);
  g_ptr_array_add (self->deferred, call);
}

/* Answers @call as @fault says; takes @call. */
static void
apply_fault (Call *call, const Fault *fault)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (call->msg);
  static const char bad_gateway[]
      = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
        "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n"
        "</html>\r\n";
  g_autofree char *period = NULL;
  const char *body;

  switch (fault->kind)
    {
    case OG_SANDBOX_FAULT_STATUS:
      respond_error (call, fault->value, NULL, "%s", status_message (fault->value));
      break;
    case OG_SANDBOX_FAULT_RATE_LIMIT:
      period = g_strdup_printf ("%u", fault->value);
      soup_message_headers_replace (headers, "X-RateLimit-State", "THROTTLED");
      soup_message_headers_replace (headers, "X-RateLimit-Reason", "ACCOUNT");
      soup_message_headers_replace (headers, "X-RateLimit-Period-In-Sec", period);
      respond_error (call, 429, NULL,
                     "You are making too many requests! To avoid errors, we recommend you limit "
                     "requests.");
      break;
    case OG_SANDBOX_FAULT_DELAY:
      defer (call, fault->value, FALSE);
      return;
    case OG_SANDBOX_FAULT_DROP:
      defer (call, 0, TRUE);
      return;
    case OG_SANDBOX_FAULT_TRUNCATED:
      call->truncate = TRUE;
      answer (call);
      break;
    case OG_SANDBOX_FAULT_NOT_JSON:
      send_body (call, SOUP_STATUS_OK, "text/html", g_strdup (bad_gateway), strlen (bad_gateway));
      break;
    case OG_SANDBOX_FAULT_WRONG_TYPES:
      body = wrong_types_body (call->route);
      send_body (call, SOUP_STATUS_OK, "application/json", g_strdup (body), strlen (body));
      break;
    case OG_SANDBOX_FAULT_EMPTY:
      soup_server_message_set_status (call->msg, SOUP_STATUS_OK, NULL);
      log_answer (call, SOUP_STATUS_OK);
      break;
    case OG_SANDBOX_FAULT_HUGE:
      respond_huge (call, fault->value);
      break;
    }

  call_free (call);
}

/* Dispatch */

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
  g_autoptr (Call) call = call_new (self, msg, route, id, query);
  Fault fault;

  record_request (self, msg, path, query, matched, route);

  if (!is_authorised (msg))
    {
      respond_error (call, SOUP_STATUS_UNAUTHORIZED, NULL, "%s",
                     status_message (SOUP_STATUS_UNAUTHORIZED));
    }
  else if (!matched && method_mismatch)
    {
      g_autofree char *allowed = allowed_methods (path);

      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow",
                                    allowed);
      respond_error (call, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL, "%s is not allowed on %s", method,
                     path);
    }
  else if (!matched)
    {
      respond_error (call, SOUP_STATUS_NOT_FOUND, NULL, "No API at %s %s", method, path);
    }
  else if (take_fault (self, route, &fault))
    {
      apply_fault (g_steal_pointer (&call), &fault);
    }
  else
    {
      answer (call);
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
}

static void
og_sandbox_init (OgSandbox *self)
{
  self->store = _og_sandbox_store_new_seeded ();
  self->requests = g_ptr_array_new_with_free_func ((GDestroyNotify) request_free);
  self->deferred = g_ptr_array_new_with_free_func ((GDestroyNotify) call_free);
  for (guint i = 0; i < OG_N_ROUTES; i++)
    g_queue_init (&self->faults[i]);
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
  g_autoptr (JsonParser) parser = json_parser_new ();
  gsize size;
  const char *data;

  g_return_val_if_fail (request != NULL, NULL);

  data = g_bytes_get_data (request->body, &size);
  if (size == 0 || !json_parser_load_from_data (parser, data, (gssize) size, NULL))
    return NULL;

  return json_parser_steal_root (parser);
}

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

void
og_sandbox_add_fault (OgSandbox *self,
                      OgRoute route,
                      OgSandboxFaultKind kind,
                      guint value,
                      guint times)
{
  Fault *fault;

  g_return_if_fail (OG_IS_SANDBOX (self));
  g_return_if_fail (route < OG_N_ROUTES);
  g_return_if_fail (kind <= OG_SANDBOX_FAULT_HUGE);
  g_return_if_fail (kind != OG_SANDBOX_FAULT_STATUS || (value >= 400 && value <= 599));

  fault = g_new0 (Fault, 1);
  fault->kind = kind;
  fault->value = value;
  fault->times = times;
  g_queue_push_tail (&self->faults[route], fault);
}

void
og_sandbox_clear_faults (OgSandbox *self)
{
  g_return_if_fail (OG_IS_SANDBOX (self));

  for (guint i = 0; i < OG_N_ROUTES; i++)
    g_queue_clear_full (&self->faults[i], g_free);
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

  node = object_node (postmortem);
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

  node = object_node (incident);
  return deep_copy (node);
}
