/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "og-sandbox"

#include "config.h"

#include "og-sandbox.h"

#include "og-json-private.h"
#include "og-sandbox-private.h"

/*
 * Request bodies: reading one, and checking each member a postmortem write takes. A check
 * answers with the value as the postmortem stores it, so that a route only stores it.
 */

#define TITLE_MAX_LENGTH 512

/* Bodies */

/* The request body as an object: an empty body reads as {} so that the missing members are
 * named. Answers 400 and returns NULL when the body is not a JSON object. */
JsonObject *
_og_sandbox_read_body (OgSandboxCall *call)
{
  g_autoptr (GBytes) bytes
      = soup_message_body_flatten (soup_server_message_get_request_body (call->msg));
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (size == 0)
    return json_object_new ();

  /* Any local process can reach the sandbox, and its key is public: bodies are hostile
   * input, parsed with the nesting bound. */
  root = _og_json_parse (data, (gssize) size, NULL, &error);
  if (root == NULL)
    {
      _og_sandbox_respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL,
                                 "Request body is not valid JSON: %s", error->message);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      _og_sandbox_respond_error (call, SOUP_STATUS_BAD_REQUEST, NULL,
                                 "Request body must be a JSON object");
      return NULL;
    }

  return json_object_ref (json_node_get_object (root));
}

static gboolean
holds_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node)
         && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* The string member @name, or NULL after recording why not. */
const char *
_og_sandbox_require_string (JsonObject *body, const char *name, JsonObject *errors)
{
  JsonNode *node = json_object_get_member (body, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    _og_sandbox_add_error (errors, name, "is required");
  else if (!holds_string (node))
    _og_sandbox_add_error (errors, name, "must be a string");
  else if (*json_node_get_string (node) == '\0')
    _og_sandbox_add_error (errors, name, "must not be empty");
  else
    return json_node_get_string (node);

  return NULL;
}

JsonObject *
_og_sandbox_require_user (OgSandbox *self, JsonObject *body, const char *name, JsonObject *errors)
{
  const char *id = _og_sandbox_require_string (body, name, errors);
  JsonObject *user;

  if (id == NULL)
    return NULL;

  user = _og_sandbox_store_find (self->store->users, id);
  if (user == NULL)
    _og_sandbox_add_error (errors, name, "no user with id %s", id);
  return user;
}

/* Postmortem members: each check is an OgSandboxFieldCheck */

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

const char *const _og_sandbox_severities[] = { "P1", "P2", "P3", "P4", "P5", NULL };
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
  if (!holds_string (value)
      || !g_strv_contains (_og_sandbox_severities, json_node_get_string (value)))
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
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = NULL;
  JsonObject *doc;
  JsonNode *version;

  if (!holds_string (value))
    return refuse (problem, "must be a string holding an ADF document as JSON");

  root = _og_json_parse (json_node_get_string (value), -1, NULL, &error);
  if (root == NULL)
    return refuse (problem, "is not valid JSON: %s", error->message);

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return refuse (problem, "must hold a JSON object");

  doc = json_node_get_object (root);
  version = json_object_get_member (doc, "version");
  if (g_strcmp0 (json_object_get_string_member_with_default (doc, "type", NULL), "doc") != 0
      || version == NULL || !JSON_NODE_HOLDS_VALUE (version)
      || json_node_get_value_type (version) != G_TYPE_INT64 || json_node_get_int (version) != 1)
    return refuse (problem, "must be an ADF document: type \"doc\" and version 1");

  if (!JSON_NODE_HOLDS_ARRAY (json_object_get_member (doc, "content")))
    return refuse (problem, "must be an ADF document: its content must be an array");

  return g_steal_pointer (&root);
}

/* The full update takes every member here but the two ADF ones. */
const OgSandboxFieldRule _og_sandbox_field_rules[] = {
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

const guint _og_sandbox_n_field_rules = G_N_ELEMENTS (_og_sandbox_field_rules);

const OgSandboxFieldRule *
_og_sandbox_find_field_rule (OgRoute route)
{
  for (guint i = 0; i < G_N_ELEMENTS (_og_sandbox_field_rules); i++)
    if (_og_sandbox_field_rules[i].route == route)
      return &_og_sandbox_field_rules[i];

  g_assert_not_reached ();
}

/* The value to store for @rule's member of @body, or NULL after recording why not. */
JsonNode *
_og_sandbox_check_field (OgSandbox *self,
                         const OgSandboxFieldRule *rule,
                         JsonObject *body,
                         JsonObject *errors)
{
  JsonNode *value = json_object_get_member (body, rule->member);
  g_autofree char *problem = NULL;
  JsonNode *stored;

  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    {
      _og_sandbox_add_error (errors, rule->member, "is required");
      return NULL;
    }

  stored = rule->check (self, value, &problem);
  if (stored == NULL)
    _og_sandbox_add_error (errors, rule->member, "%s", problem);
  return stored;
}
