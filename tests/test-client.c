/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * OgClient over real HTTP against the sandbox server on 127.0.0.1: what the server received
 * (method, path, body, headers) and what the caller gets back, for every route and every
 * fault the sandbox can produce.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "debrief-test-util.h"
#include "og-client.h"
#include "og-error.h"
#include "og-sandbox.h"

typedef DebriefTestSandboxFixture Fixture;

/* Fixture: the shared one, with the timeouts that the time-out tests shorten further */

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  debrief_test_sandbox_fixture_set_up (fixture, data);
  og_client_set_timeouts (fixture->client, 10, 20);
}

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, debrief_test_sandbox_fixture_tear_down)

/* Shorthands */

static char *
first_postmortem_id (Fixture *fixture)
{
  g_auto (GStrv) ids = og_sandbox_dup_postmortem_ids (fixture->sandbox);

  g_assert_nonnull (ids);
  g_assert_nonnull (ids[0]);
  return g_strdup (ids[0]);
}

/* A postmortem the sandbox accepts updates to (not published). */
static char *
editable_postmortem_id (Fixture *fixture)
{
  g_auto (GStrv) ids = og_sandbox_dup_postmortem_ids (fixture->sandbox);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr (JsonNode) data = og_sandbox_dup_postmortem (fixture->sandbox, ids[i]);
      JsonObject *object = json_node_get_object (data);

      if (!g_str_equal (json_object_get_string_member (object, "status"), "published"))
        return g_strdup (ids[i]);
    }

  g_assert_not_reached ();
}

static char *
published_postmortem_id (Fixture *fixture)
{
  g_auto (GStrv) ids = og_sandbox_dup_postmortem_ids (fixture->sandbox);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr (JsonNode) data = og_sandbox_dup_postmortem (fixture->sandbox, ids[i]);
      JsonObject *object = json_node_get_object (data);

      if (g_str_equal (json_object_get_string_member (object, "status"), "published"))
        return g_strdup (ids[i]);
    }

  g_assert_not_reached ();
}

static OgPostmortem *
get_postmortem (Fixture *fixture, const char *id, GError **error)
{
  DebriefTestWaiter waiter = { 0 };
  OgPostmortem *postmortem;

  og_client_get_postmortem_async (fixture->client, id, NULL, debrief_test_waiter_done, &waiter);
  postmortem = og_client_get_postmortem_finish (fixture->client, debrief_test_waiter_wait (&waiter),
                                                error);
  debrief_test_waiter_clear (&waiter);

  return postmortem;
}

static GPtrArray *
list_incidents (Fixture *fixture,
                const char *query,
                guint offset,
                guint limit,
                gint *next_offset,
                GError **error)
{
  DebriefTestWaiter waiter = { 0 };
  GPtrArray *items;

  og_client_list_incidents_async (fixture->client, query, NULL, NULL, offset, limit, NULL,
                                  debrief_test_waiter_done, &waiter);
  items = og_client_list_incidents_finish (fixture->client, debrief_test_waiter_wait (&waiter),
                                           next_offset, error);
  debrief_test_waiter_clear (&waiter);

  return items;
}

static GPtrArray *
list_all_incidents (Fixture *fixture, const char *query, GError **error)
{
  DebriefTestWaiter waiter = { 0 };
  GPtrArray *items;

  og_client_list_all_incidents_async (fixture->client, query, 0, NULL, debrief_test_waiter_done,
                                      &waiter);
  items = og_client_list_all_incidents_finish (fixture->client, debrief_test_waiter_wait (&waiter),
                                               error);
  debrief_test_waiter_clear (&waiter);

  return items;
}

static gboolean
update_field (Fixture *fixture, OgPostmortem *postmortem, OgPostmortemField field, GError **error)
{
  DebriefTestWaiter waiter = { 0 };
  gboolean ok;

  og_client_update_field_async (fixture->client, postmortem, field, OG_SANDBOX_ACTOR_ID, NULL,
                                debrief_test_waiter_done, &waiter);
  ok = og_client_update_field_finish (fixture->client, debrief_test_waiter_wait (&waiter), error);
  debrief_test_waiter_clear (&waiter);

  return ok;
}

static JsonObject *
request_body (const OgSandboxRequest *request, JsonNode **holder)
{
  *holder = og_sandbox_request_get_json (request);
  g_assert_nonnull (*holder);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (*holder));

  return json_node_get_object (*holder);
}

/* Base URLs */

static void
test_base_url_accepted (void)
{
  static const char *const urls[] = {
    OG_BASE_URL_US,          OG_BASE_URL_EU,          "https://opsgenie-proxy.example.org/api",
    "http://127.0.0.1:8080", "http://localhost:1234", "http://[::1]:9000",
    "http://127.0.0.2",
  };

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (OgClient) client = og_client_new (urls[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (client);
    }
}

/* The key is never sent in clear text off this machine, nor anywhere odd. */
static void
test_base_url_refused (void)
{
  static const char *const urls[] = {
    "http://api.opsgenie.com",
    "http://192.168.1.10",
    "http://localhost.example.com",
    "ftp://api.opsgenie.com",
    "api.opsgenie.com",
    "",
    "https://",
    "https://user:secret@api.opsgenie.com",
    "https://api.opsgenie.com/?x=1",
    "https://api.opsgenie.com/#top",
  };

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (OgClient) client = og_client_new (urls[i], &error);

      g_assert_error (error, OG_ERROR, OG_ERROR_INVALID_URL);
      g_assert_null (client);
      g_assert_cmpstr (error->message, !=, "");
    }
}

/* Headers */

static void
test_request_headers (Fixture *fixture, gconstpointer data)
{
  g_autofree char *id = first_postmortem_id (fixture);
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *user_agent = g_strdup_printf ("Debrief/%s", PACKAGE_VERSION);
  const OgSandboxRequest *request;

  postmortem = get_postmortem (fixture, id, &error);
  g_assert_no_error (error);

  request = og_sandbox_get_last_request (fixture->sandbox);
  g_assert_cmpstr (request->method, ==, "GET");
  g_assert_cmpstr (soup_message_headers_get_one (request->headers, "Authorization"), ==,
                   "GenieKey " OG_SANDBOX_API_KEY);
  g_assert_cmpstr (soup_message_headers_get_one (request->headers, "User-Agent"), ==, user_agent);
  g_assert_cmpstr (soup_message_headers_get_one (request->headers, "Accept"), ==,
                   "application/json");
}

static void
test_no_key_no_request (Fixture *fixture, gconstpointer data)
{
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (GError) error = NULL;

  og_client_set_api_key (fixture->client, NULL);
  g_assert_false (og_client_has_api_key (fixture->client));
  postmortem = get_postmortem (fixture, "anything", &error);

  g_assert_error (error, OG_ERROR, OG_ERROR_UNAUTHORIZED);
  g_assert_null (postmortem);
  g_assert_cmpuint (og_sandbox_get_requests (fixture->sandbox)->len, ==, 0);
}

/* A key pasted with a line break inside: libsoup refuses the header (with a critical) and
 * the request would go out without one. It is not sent at all, and the user is told why. */
static void
test_key_with_line_break (Fixture *fixture, gconstpointer data)
{
  static const char *const keys[]
      = { "sandbox-0d1f9e2c-6b3a\n4c8e-9f21-7a5d4e3b2c10", "sandbox-0d1f9e2c\r\nX-Injected: yes" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr (OgPostmortem) postmortem = NULL;
      g_autoptr (GError) error = NULL;

      og_client_set_api_key (fixture->client, keys[i]);
      postmortem = get_postmortem (fixture, "anything", &error);

      g_assert_error (error, OG_ERROR, OG_ERROR_UNAUTHORIZED);
      g_assert_nonnull (strstr (error->message, "API key"));
      g_assert_null (strstr (error->message, "sandbox-0d1f9e2c"));
      g_assert_null (postmortem);
      g_assert_cmpuint (og_sandbox_get_requests (fixture->sandbox)->len, ==, 0);
    }
}

static void
test_wrong_key (Fixture *fixture, gconstpointer data)
{
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (GError) error = NULL;

  og_client_set_api_key (fixture->client, "not-the-key");
  postmortem = get_postmortem (fixture, "anything", &error);

  g_assert_error (error, OG_ERROR, OG_ERROR_UNAUTHORIZED);
  g_assert_nonnull (strstr (error->message, "API key"));
  g_assert_cmpuint (og_error_get_http_status (error), ==, 401);
  g_assert_nonnull (og_error_get_request_id (error));
}

/* Postmortems */

static void
test_postmortem_get (Fixture *fixture, gconstpointer data)
{
  g_autofree char *id = first_postmortem_id (fixture);
  g_autoptr (JsonNode) expected = og_sandbox_dup_postmortem (fixture->sandbox, id);
  JsonObject *object = json_node_get_object (expected);
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("/v2/postmortem/%s", id);
  OgSeverity severity;
  OgPostmortemStatus status;

  postmortem = get_postmortem (fixture, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (postmortem);

  g_assert_cmpstr (og_sandbox_get_last_request (fixture->sandbox)->path, ==, path);
  g_assert_cmpstr (og_postmortem_get_id (postmortem), ==, id);
  g_assert_cmpstr (og_postmortem_get_title (postmortem), ==,
                   json_object_get_string_member (object, "title"));
  g_assert_true (
      og_severity_from_string (json_object_get_string_member (object, "severity"), &severity));
  g_assert_cmpint (og_postmortem_get_severity (postmortem), ==, severity);
  g_assert_true (
      og_postmortem_status_from_string (json_object_get_string_member (object, "status"), &status));
  g_assert_cmpint (og_postmortem_get_status (postmortem), ==, status);
  g_assert_nonnull (og_postmortem_get_root_incident (postmortem));
  g_assert_nonnull (og_postmortem_get_owner (postmortem));
  g_assert_true (json_node_equal (og_postmortem_get_content (postmortem),
                                  json_object_get_member (object, "content")));
  g_assert_true (json_node_equal (og_postmortem_get_executive_summary (postmortem),
                                  json_object_get_member (object, "executiveSummary")));
  g_assert_cmpuint (og_postmortem_get_responders (postmortem)->len, ==,
                    json_array_get_length (json_object_get_array_member (object, "responders")));
}

static void
test_postmortem_not_found (Fixture *fixture, gconstpointer data)
{
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (GError) error = NULL;

  postmortem = get_postmortem (fixture, "no-such-postmortem", &error);

  g_assert_error (error, OG_ERROR, OG_ERROR_NOT_FOUND);
  g_assert_null (postmortem);
  g_assert_cmpuint (og_error_get_http_status (error), ==, 404);
  g_assert_nonnull (og_error_get_request_id (error));
  g_assert_nonnull (strstr (error->message, og_error_get_request_id (error)));
}

/* An id cannot smuggle a query or a fragment into the request: it stays the id. (libsoup's
 * server hands us the decoded path, so an escaped "/" cannot be told apart here; the route
 * test checks that the client escapes it.) */
static void
test_postmortem_id_escaped (Fixture *fixture, gconstpointer data)
{
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (GError) error = NULL;
  const OgSandboxRequest *request;

  postmortem = get_postmortem (fixture, "x?limit=1&offset=2#top", &error);

  g_assert_error (error, OG_ERROR, OG_ERROR_NOT_FOUND);
  request = og_sandbox_get_last_request (fixture->sandbox);
  g_assert_true (request->has_route);
  g_assert_cmpint (request->route, ==, OG_ROUTE_POSTMORTEM_GET);
  g_assert_cmpstr (request->path, ==, "/v2/postmortem/x?limit=1&offset=2#top");
  g_assert_cmpuint (g_hash_table_size (request->query), ==, 0);
}

/* An id of "." or ".." is a dot segment: URI normalisation would drop it with the segment
 * before, and a content update for id ".." would go to PUT /v2/content. Never sent. */
static void
test_postmortem_id_dot_segment (Fixture *fixture, gconstpointer data)
{
  static const char *const ids[] = { ".", ".." };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr (JsonObject) object = json_object_new ();
      g_autoptr (JsonNode) node = NULL;
      g_autoptr (OgPostmortem) odd = NULL;
      g_autoptr (OgPostmortem) got = NULL;
      g_autoptr (GError) error = NULL;

      got = get_postmortem (fixture, ids[i], &error);
      g_assert_error (error, OG_ERROR, OG_ERROR_INVALID_ARGUMENT);
      g_clear_error (&error);

      json_object_set_string_member (object, "postmortemId", ids[i]);
      node = json_node_init_object (json_node_alloc (), object);
      odd = og_postmortem_new_from_json (node, &error);
      g_assert_no_error (error);
      g_assert_false (update_field (fixture, odd, OG_POSTMORTEM_FIELD_CONTENT, &error));
      g_assert_error (error, OG_ERROR, OG_ERROR_INVALID_ARGUMENT);
    }

  g_assert_cmpuint (og_sandbox_get_requests (fixture->sandbox)->len, ==, 0);
}

static OgIncident *
incident_without_postmortem (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) incidents = NULL;

  incidents
      = list_all_incidents (fixture, "status:resolved AND postmortemStatus:no-postmortem", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (incidents->len, >, 0);

  return g_object_ref (g_ptr_array_index (incidents, 0));
}

static char *
create_postmortem (Fixture *fixture, const char *incident_id, const char *owner_id, GError **error)
{
  DebriefTestWaiter waiter = { 0 };
  char *id;

  og_client_create_postmortem_async (fixture->client, incident_id, OG_SANDBOX_ACTOR_ID, owner_id,
                                     NULL, debrief_test_waiter_done, &waiter);
  id = og_client_create_postmortem_finish (fixture->client, debrief_test_waiter_wait (&waiter),
                                           error);
  debrief_test_waiter_clear (&waiter);

  return id;
}

static void
test_postmortem_create (Fixture *fixture, gconstpointer data)
{
  g_autoptr (OgIncident) incident = incident_without_postmortem (fixture);
  g_autoptr (JsonNode) holder = NULL;
  g_autoptr (OgPostmortem) created = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;
  const OgSandboxRequest *request;
  JsonObject *body;

  id = create_postmortem (fixture, og_incident_get_id (incident), OG_SANDBOX_ACTOR_ID, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);

  request = og_sandbox_get_last_request (fixture->sandbox);
  g_assert_cmpstr (request->method, ==, "POST");
  g_assert_cmpstr (request->path, ==, "/v2/postmortem");
  g_assert_cmpstr (soup_message_headers_get_content_type (request->headers, NULL), ==,
                   "application/json");
  body = request_body (request, &holder);
  g_assert_cmpstr (json_object_get_string_member (body, "incidentId"), ==,
                   og_incident_get_id (incident));
  g_assert_cmpstr (json_object_get_string_member (body, "actorUserId"), ==, OG_SANDBOX_ACTOR_ID);
  g_assert_cmpstr (json_object_get_string_member (body, "ownerId"), ==, OG_SANDBOX_ACTOR_ID);

  created = get_postmortem (fixture, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (og_postmortem_get_id (created), ==, id);
  g_assert_cmpint (og_postmortem_get_status (created), ==, OG_POSTMORTEM_STATUS_DRAFT);
  g_assert_cmpstr (og_incident_get_id (og_postmortem_get_root_incident (created)), ==,
                   og_incident_get_id (incident));
  /* Opsgenie's template fills the content of a new postmortem. */
  g_assert_nonnull (og_postmortem_get_content (created));
}

static void
test_postmortem_create_without_owner (Fixture *fixture, gconstpointer data)
{
  g_autoptr (OgIncident) incident = incident_without_postmortem (fixture);
  g_autoptr (JsonNode) holder = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;
  JsonObject *body;

  id = create_postmortem (fixture, og_incident_get_id (incident), NULL, &error);
  g_assert_no_error (error);

  body = request_body (og_sandbox_get_last_request (fixture->sandbox), &holder);
  g_assert_false (json_object_has_member (body, "ownerId"));
}

static void
test_postmortem_create_conflict (Fixture *fixture, gconstpointer data)
{
  g_autoptr (OgIncident) incident = incident_without_postmortem (fixture);
  g_autoptr (GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  first = create_postmortem (fixture, og_incident_get_id (incident), NULL, &error);
  g_assert_no_error (error);
  second = create_postmortem (fixture, og_incident_get_id (incident), NULL, &error);

  g_assert_error (error, OG_ERROR, OG_ERROR_CONFLICT);
  g_assert_null (second);
  g_assert_cmpuint (og_sandbox_count_requests (fixture->sandbox, OG_ROUTE_POSTMORTEM_CREATE), ==,
                    2);
}

static void
test_postmortem_create_needs_actor (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  DebriefTestWaiter waiter = { 0 };
  char *id;

  og_client_create_postmortem_async (fixture->client, "incident", NULL, NULL, NULL,
                                     debrief_test_waiter_done, &waiter);
  id = og_client_create_postmortem_finish (fixture->client, debrief_test_waiter_wait (&waiter),
                                           &error);
  debrief_test_waiter_clear (&waiter);

  g_assert_error (error, OG_ERROR, OG_ERROR_INVALID_ARGUMENT);
  g_assert_null (id);
  g_assert_cmpuint (og_sandbox_get_requests (fixture->sandbox)->len, ==, 0);
}

static void
delete_postmortem (Fixture *fixture, const char *id, gboolean timelines)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) holder = NULL;
  g_autoptr (OgPostmortem) gone = NULL;
  g_autofree char *path = g_strdup_printf ("/v2/postmortem/%s", id);
  const OgSandboxRequest *request;
  DebriefTestWaiter waiter = { 0 };
  JsonObject *body;

  og_client_delete_postmortem_async (fixture->client, id, OG_SANDBOX_ACTOR_ID, timelines, NULL,
                                     debrief_test_waiter_done, &waiter);
  g_assert_true (og_client_delete_postmortem_finish (fixture->client,
                                                     debrief_test_waiter_wait (&waiter), &error));
  g_assert_no_error (error);
  debrief_test_waiter_clear (&waiter);

  request = og_sandbox_get_last_request (fixture->sandbox);
  g_assert_cmpstr (request->method, ==, "DELETE");
  g_assert_cmpstr (request->path, ==, path);
  body = request_body (request, &holder);
  g_assert_cmpstr (json_object_get_string_member (body, "actorUserId"), ==, OG_SANDBOX_ACTOR_ID);
  g_assert_cmpint (json_object_get_boolean_member (body, "deleteExportIncidentTimelines"), ==,
                   timelines);

  g_assert_null (og_sandbox_dup_postmortem (fixture->sandbox, id));
  gone = get_postmortem (fixture, id, &error);
  g_assert_error (error, OG_ERROR, OG_ERROR_NOT_FOUND);
}

static void
test_postmortem_delete (Fixture *fixture, gconstpointer data)
{
  g_autofree char *id = first_postmortem_id (fixture);

  delete_postmortem (fixture, id, FALSE);
}

static void
test_postmortem_delete_with_timelines (Fixture *fixture, gconstpointer data)
{
  g_autofree char *id = first_postmortem_id (fixture);

  delete_postmortem (fixture, id, TRUE);
}

static void
test_postmortem_update_full (Fixture *fixture, gconstpointer data)
{
  static const char *const members[] = {
    "actorUserId",    "title",          "severity",           "status",
    "ownerId",        "jiraIssues",     "relatedIncidentIds", "affectedServices",
    "responderTeams", "responderUsers",
  };
  g_autofree char *id = editable_postmortem_id (fixture);
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (JsonNode) holder = NULL;
  g_autoptr (JsonNode) after = NULL;
  g_autoptr (GError) error = NULL;
  const OgSandboxRequest *request;
  DebriefTestWaiter waiter = { 0 };
  JsonObject *body;

  postmortem = get_postmortem (fixture, id, &error);
  g_assert_no_error (error);
  og_postmortem_set_title (postmortem, "Checkout outage: connection pool exhausted");
  og_postmortem_set_severity (postmortem, OG_SEVERITY_P2);

  og_client_update_postmortem_async (fixture->client, postmortem, OG_SANDBOX_ACTOR_ID, NULL,
                                     debrief_test_waiter_done, &waiter);
  g_assert_true (og_client_update_postmortem_finish (fixture->client,
                                                     debrief_test_waiter_wait (&waiter), &error));
  g_assert_no_error (error);
  debrief_test_waiter_clear (&waiter);

  request = og_sandbox_get_last_request (fixture->sandbox);
  g_assert_cmpstr (request->method, ==, "PUT");
  g_assert_cmpint (request->route, ==, OG_ROUTE_POSTMORTEM_UPDATE);
  body = request_body (request, &holder);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    g_assert_true (json_object_has_member (body, members[i]));

  after = og_sandbox_dup_postmortem (fixture->sandbox, id);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (after), "title"), ==,
                   "Checkout outage: connection pool exhausted");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (after), "severity"), ==,
                   "P2");
}

/* Partial updates: one test per field, each changes the field, sends it, and checks both
 * what the server received and what it now holds. */

static const char *const jira_issues[] = {
  "https://example.atlassian.net/browse/OPS-101",
  "https://example.atlassian.net/browse/OPS-102",
  NULL,
};

/* A user who is not @postmortem's owner. */
static OgRef *
other_owner (Fixture *fixture, OgPostmortem *postmortem)
{
  OgRef *owner = og_postmortem_get_owner (postmortem);
  g_autoptr (GPtrArray) users = NULL;
  g_autoptr (GError) error = NULL;
  DebriefTestWaiter waiter = { 0 };

  og_client_list_users_async (fixture->client, NULL, 0, 5, NULL, debrief_test_waiter_done, &waiter);
  users = og_client_list_users_finish (fixture->client, debrief_test_waiter_wait (&waiter), NULL,
                                       &error);
  debrief_test_waiter_clear (&waiter);
  g_assert_no_error (error);

  for (guint i = 0; i < users->len; i++)
    {
      OgUser *user = users->pdata[i];

      if (owner == NULL || g_strcmp0 (og_user_get_id (user), og_ref_get_id (owner)) != 0)
        return og_ref_new (og_user_get_id (user), og_user_get_full_name (user));
    }

  g_assert_not_reached ();
}

static void
change_field (Fixture *fixture, OgPostmortem *postmortem, OgPostmortemField field)
{
  g_autoptr (GError) error = NULL;

  switch (field)
    {
    case OG_POSTMORTEM_FIELD_TITLE:
      og_postmortem_set_title (postmortem, "Payments: pool size cut to 20 by a config push");
      break;

    case OG_POSTMORTEM_FIELD_SEVERITY:
      og_postmortem_set_severity (
          postmortem, og_postmortem_get_severity (postmortem) == OG_SEVERITY_P1 ? OG_SEVERITY_P4
                                                                                : OG_SEVERITY_P1);
      break;

    case OG_POSTMORTEM_FIELD_STATUS:
      og_postmortem_set_status (postmortem,
                                og_postmortem_get_status (postmortem) == OG_POSTMORTEM_STATUS_DRAFT
                                    ? OG_POSTMORTEM_STATUS_IN_REVIEW
                                    : OG_POSTMORTEM_STATUS_DRAFT);
      break;

    case OG_POSTMORTEM_FIELD_OWNER:
      {
        g_autoptr (OgRef) owner = other_owner (fixture, postmortem);
        og_postmortem_set_owner (postmortem, owner);
      }
      break;

    case OG_POSTMORTEM_FIELD_JIRA_ISSUES:
      og_postmortem_set_jira_issues (postmortem, jira_issues);
      break;

    case OG_POSTMORTEM_FIELD_RELATED_INCIDENTS:
      {
        g_autoptr (GPtrArray) incidents = list_incidents (fixture, NULL, 0, 2, NULL, &error);
        g_assert_no_error (error);
        og_postmortem_set_related_incidents (postmortem, incidents);
      }
      break;

    case OG_POSTMORTEM_FIELD_AFFECTED_SERVICES:
      {
        g_autoptr (GPtrArray) refs = g_ptr_array_new_with_free_func (g_object_unref);
        g_autoptr (GPtrArray) services = NULL;
        DebriefTestWaiter waiter = { 0 };

        og_client_list_services_async (fixture->client, 0, 3, NULL, debrief_test_waiter_done,
                                       &waiter);
        services = og_client_list_services_finish (
            fixture->client, debrief_test_waiter_wait (&waiter), NULL, &error);
        g_assert_no_error (error);
        debrief_test_waiter_clear (&waiter);
        for (guint i = 0; i < services->len; i++)
          g_ptr_array_add (refs, og_ref_new (og_service_get_id (services->pdata[i]),
                                             og_service_get_name (services->pdata[i])));
        og_postmortem_set_affected_services (postmortem, refs);
      }
      break;

    case OG_POSTMORTEM_FIELD_RESPONDER_TEAMS:
      {
        g_autoptr (GPtrArray) refs = g_ptr_array_new_with_free_func (g_object_unref);
        g_autoptr (GPtrArray) teams = NULL;
        DebriefTestWaiter waiter = { 0 };

        og_client_list_teams_async (fixture->client, NULL, debrief_test_waiter_done, &waiter);
        teams = og_client_list_teams_finish (fixture->client, debrief_test_waiter_wait (&waiter),
                                             &error);
        g_assert_no_error (error);
        debrief_test_waiter_clear (&waiter);
        g_ptr_array_add (refs, og_ref_new (og_team_get_id (teams->pdata[teams->len - 1]),
                                           og_team_get_name (teams->pdata[teams->len - 1])));
        og_postmortem_set_responder_teams (postmortem, refs);
      }
      break;

    case OG_POSTMORTEM_FIELD_RESPONDER_USERS:
      {
        g_autoptr (GPtrArray) responders = g_ptr_array_new_with_free_func (g_object_unref);
        g_autoptr (GPtrArray) users = NULL;
        DebriefTestWaiter waiter = { 0 };

        og_client_list_users_async (fixture->client, NULL, 0, 2, NULL, debrief_test_waiter_done,
                                    &waiter);
        users = og_client_list_users_finish (fixture->client, debrief_test_waiter_wait (&waiter),
                                             NULL, &error);
        g_assert_no_error (error);
        debrief_test_waiter_clear (&waiter);
        g_ptr_array_add (responders, og_responder_new (og_user_get_id (users->pdata[0]),
                                                       og_user_get_full_name (users->pdata[0]),
                                                       "Incident Commander"));
        g_ptr_array_add (responders, og_responder_new (og_user_get_id (users->pdata[1]),
                                                       og_user_get_full_name (users->pdata[1]),
                                                       "Communications Lead"));
        og_postmortem_set_responders (postmortem, responders);
      }
      break;

    case OG_POSTMORTEM_FIELD_EXECUTIVE_SUMMARY:
    case OG_POSTMORTEM_FIELD_CONTENT:
      {
        g_autoptr (JsonNode) doc = json_from_string (
            "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\",\"content\":"
            "[{\"type\":\"text\",\"text\":\"Checkout failed for 14 minutes\",\"marks\":"
            "[{\"type\":\"strong\"}]}]}]}",
            &error);
        g_assert_no_error (error);
        if (field == OG_POSTMORTEM_FIELD_CONTENT)
          og_postmortem_set_content (postmortem, doc);
        else
          og_postmortem_set_executive_summary (postmortem, doc);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
test_update_field (Fixture *fixture, gconstpointer data)
{
  OgPostmortemField field = GPOINTER_TO_UINT (data);
  g_autofree char *id = editable_postmortem_id (fixture);
  g_autoptr (OgPostmortem) before = NULL;
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (OgPostmortem) after = NULL;
  g_autoptr (JsonNode) holder = NULL;
  g_autoptr (GError) error = NULL;
  const OgSandboxRequest *request;
  const char *member = og_postmortem_field_to_string (field);
  JsonObject *body;

  before = get_postmortem (fixture, id, &error);
  g_assert_no_error (error);
  postmortem = og_postmortem_copy (before);
  change_field (fixture, postmortem, field);
  g_assert_false (og_postmortem_field_equal (before, postmortem, field));

  og_sandbox_clear_requests (fixture->sandbox);
  g_assert_true (update_field (fixture, postmortem, field, &error));
  g_assert_no_error (error);

  /* exactly one request, to the field's own route */
  g_assert_cmpuint (og_sandbox_get_requests (fixture->sandbox)->len, ==, 1);
  request = og_sandbox_get_last_request (fixture->sandbox);
  g_assert_cmpstr (request->method, ==, "PUT");
  g_assert_true (g_str_has_prefix (request->path, "/v2/postmortem/"));
  g_assert_true (request->has_route);
  body = request_body (request, &holder);
  g_assert_cmpstr (json_object_get_string_member (body, "actorUserId"), ==, OG_SANDBOX_ACTOR_ID);
  g_assert_true (json_object_has_member (body, member));
  if (field == OG_POSTMORTEM_FIELD_CONTENT || field == OG_POSTMORTEM_FIELD_EXECUTIVE_SUMMARY)
    {
      /* the ADF travels as a JSON string, encoded once */
      g_autoptr (JsonNode) sent = NULL;

      g_assert_cmpstr (json_object_get_string_member (body, "type"), ==, "adf");
      sent = json_from_string (json_object_get_string_member (body, member), &error);
      g_assert_no_error (error);
      g_assert_true (JSON_NODE_HOLDS_OBJECT (sent));
      g_assert_cmpstr (json_object_get_string_member (json_node_get_object (sent), "type"), ==,
                       "doc");
    }

  after = get_postmortem (fixture, id, &error);
  g_assert_no_error (error);
  g_assert_true (og_postmortem_field_equal (postmortem, after, field));
  /* nothing else moved */
  for (OgPostmortemField other = 0; other < OG_N_POSTMORTEM_FIELDS; other++)
    {
      if (other == field)
        continue;
      g_assert_true (og_postmortem_field_equal (before, after, other));
    }
}

static void
test_published_lock (Fixture *fixture, gconstpointer data)
{
  g_autofree char *id = published_postmortem_id (fixture);
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (OgPostmortem) after = NULL;
  g_autoptr (GError) error = NULL;

  postmortem = get_postmortem (fixture, id, &error);
  g_assert_no_error (error);
  og_postmortem_set_title (postmortem, "Edited while published");
  g_assert_false (update_field (fixture, postmortem, OG_POSTMORTEM_FIELD_TITLE, &error));
  g_assert_error (error, OG_ERROR, OG_ERROR_INVALID);
  g_assert_cmpuint (og_error_get_http_status (error), ==, 422);
  /* the user reads why, and what to do: the server's sentence is in the message */
  g_assert_nonnull (strstr (og_error_get_server_message (error), "published"));
  g_assert_nonnull (strstr (error->message, og_error_get_server_message (error)));
  g_clear_error (&error);

  /* back to in review, then the title goes through */
  og_postmortem_set_status (postmortem, OG_POSTMORTEM_STATUS_IN_REVIEW);
  g_assert_true (update_field (fixture, postmortem, OG_POSTMORTEM_FIELD_STATUS, &error));
  g_assert_no_error (error);
  g_assert_true (update_field (fixture, postmortem, OG_POSTMORTEM_FIELD_TITLE, &error));
  g_assert_no_error (error);

  after = get_postmortem (fixture, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (og_postmortem_get_title (after), ==, "Edited while published");
  g_assert_cmpint (og_postmortem_get_status (after), ==, OG_POSTMORTEM_STATUS_IN_REVIEW);
}

static void
test_invalid_value (Fixture *fixture, gconstpointer data)
{
  static const char *const bad_urls[] = { "not a url", NULL };
  g_autofree char *id = editable_postmortem_id (fixture);
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (GError) error = NULL;

  postmortem = get_postmortem (fixture, id, &error);
  g_assert_no_error (error);
  og_postmortem_set_jira_issues (postmortem, bad_urls);

  g_assert_false (update_field (fixture, postmortem, OG_POSTMORTEM_FIELD_JIRA_ISSUES, &error));
  g_assert_error (error, OG_ERROR, OG_ERROR_INVALID);
  g_assert_nonnull (og_error_get_field_errors (error));
  g_assert_cmpuint (g_hash_table_size (og_error_get_field_errors (error)), >, 0);
}

/* Incidents, users, teams, services, account */

static void
test_incidents_page (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  const OgSandboxRequest *request;
  gint next = -2;

  items = list_incidents (fixture, "status:resolved", 0, 5, &next, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 5);
  g_assert_cmpint (next, ==, 5);

  request = og_sandbox_get_last_request (fixture->sandbox);
  g_assert_cmpstr (request->path, ==, "/v1/incidents");
  g_assert_cmpstr (g_hash_table_lookup (request->query, "query"), ==, "status:resolved");
  g_assert_cmpstr (g_hash_table_lookup (request->query, "offset"), ==, "0");
  g_assert_cmpstr (g_hash_table_lookup (request->query, "limit"), ==, "5");

  for (guint i = 0; i < items->len; i++)
    g_assert_cmpstr (og_incident_get_status (items->pdata[i]), ==, "resolved");
}

/* More than one page, every incident once, the last page says there is no next. */
static void
test_incidents_paging (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GError) error = NULL;
  gint offset = 0;
  guint pages = 0;

  while (offset >= 0)
    {
      g_autoptr (GPtrArray) items
          = list_incidents (fixture, NULL, (guint) offset, 7, &offset, &error);
      g_assert_no_error (error);
      pages++;
      for (guint i = 0; i < items->len; i++)
        {
          const char *id = og_incident_get_id (items->pdata[i]);
          g_assert_false (g_hash_table_contains (seen, id));
          g_hash_table_add (seen, g_strdup (id));
        }
      g_assert_cmpuint (pages, <, 20);
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 60);
  g_assert_cmpuint (pages, ==, 9);

  all = list_all_incidents (fixture, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 60);
  /* list_all asks for full pages */
  g_assert_cmpstr (
      g_hash_table_lookup (og_sandbox_get_last_request (fixture->sandbox)->query, "limit"), ==,
      "100");
}

/* DESIGN.md: the library finds postmortems through their incidents. */
static void
test_incidents_with_postmortems (Fixture *fixture, gconstpointer data)
{
  g_auto (GStrv) ids = og_sandbox_dup_postmortem_ids (fixture->sandbox);
  g_autoptr (GPtrArray) with = NULL;
  g_autoptr (GPtrArray) without = NULL;
  g_autoptr (GError) error = NULL;

  with = list_all_incidents (fixture, "postmortemStatus:has-postmortem", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (with->len, ==, g_strv_length (ids));
  for (guint i = 0; i < with->len; i++)
    {
      const char *postmortem_id = og_incident_get_postmortem_id (with->pdata[i]);
      g_assert_nonnull (postmortem_id);
      g_assert_true (g_strv_contains ((const char *const *) ids, postmortem_id));
    }

  without = list_all_incidents (fixture, "postmortemStatus:no-postmortem", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (with->len + without->len, ==, 60);
  for (guint i = 0; i < without->len; i++)
    g_assert_null (og_incident_get_postmortem_id (without->pdata[i]));
}

static void
test_incident_get (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (OgIncident) incident = NULL;
  g_autoptr (GError) error = NULL;
  DebriefTestWaiter waiter = { 0 };
  OgIncident *listed;

  items = list_incidents (fixture, NULL, 0, 1, NULL, &error);
  g_assert_no_error (error);
  listed = items->pdata[0];

  og_client_get_incident_async (fixture->client, og_incident_get_id (listed), NULL,
                                debrief_test_waiter_done, &waiter);
  incident
      = og_client_get_incident_finish (fixture->client, debrief_test_waiter_wait (&waiter), &error);
  debrief_test_waiter_clear (&waiter);
  g_assert_no_error (error);
  g_assert_cmpstr (og_incident_get_id (incident), ==, og_incident_get_id (listed));
  g_assert_cmpstr (og_incident_get_tiny_id (incident), ==, og_incident_get_tiny_id (listed));
  g_assert_cmpstr (og_incident_get_message (incident), ==, og_incident_get_message (listed));
}

static void
test_users (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) page = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *needle = NULL;
  DebriefTestWaiter waiter = { 0 };
  gint next = -2;

  og_client_list_users_async (fixture->client, NULL, 0, 10, NULL, debrief_test_waiter_done,
                              &waiter);
  page = og_client_list_users_finish (fixture->client, debrief_test_waiter_wait (&waiter), &next,
                                      &error);
  debrief_test_waiter_clear (&waiter);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 10);
  g_assert_cmpint (next, ==, 10);
  g_assert_nonnull (og_user_get_full_name (page->pdata[3]));

  /* search as you type: the query reaches the server and narrows the list */
  needle = g_utf8_substring (og_user_get_full_name (page->pdata[3]), 0, 4);
  og_client_list_users_async (fixture->client, needle, 0, 100, NULL, debrief_test_waiter_done,
                              &waiter);
  found = og_client_list_users_finish (fixture->client, debrief_test_waiter_wait (&waiter), &next,
                                       &error);
  debrief_test_waiter_clear (&waiter);
  g_assert_no_error (error);
  g_assert_cmpstr (
      g_hash_table_lookup (og_sandbox_get_last_request (fixture->sandbox)->query, "query"), ==,
      needle);
  g_assert_cmpuint (found->len, >=, 1);
  g_assert_cmpuint (found->len, <, 40);
  g_assert_cmpint (next, ==, -1);
}

static void
test_teams (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) teams = NULL;
  g_autoptr (GError) error = NULL;
  DebriefTestWaiter waiter = { 0 };

  og_client_list_teams_async (fixture->client, NULL, debrief_test_waiter_done, &waiter);
  teams = og_client_list_teams_finish (fixture->client, debrief_test_waiter_wait (&waiter), &error);
  debrief_test_waiter_clear (&waiter);
  g_assert_no_error (error);
  g_assert_cmpuint (teams->len, ==, 8);
  for (guint i = 0; i < teams->len; i++)
    {
      g_assert_nonnull (og_team_get_id (teams->pdata[i]));
      g_assert_nonnull (og_team_get_name (teams->pdata[i]));
    }
  g_assert_cmpstr (og_sandbox_get_last_request (fixture->sandbox)->path, ==, "/v2/teams");
}

static void
test_services_paging (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  guint total = 0;
  gint offset = 0;

  while (offset >= 0)
    {
      g_autoptr (GPtrArray) page = NULL;
      DebriefTestWaiter waiter = { 0 };

      og_client_list_services_async (fixture->client, (guint) offset, 4, NULL,
                                     debrief_test_waiter_done, &waiter);
      page = og_client_list_services_finish (fixture->client, debrief_test_waiter_wait (&waiter),
                                             &offset, &error);
      debrief_test_waiter_clear (&waiter);
      g_assert_no_error (error);
      total += page->len;
      g_assert_cmpuint (total, <=, 15);
    }
  g_assert_cmpuint (total, ==, 15);
}

static void
test_account (Fixture *fixture, gconstpointer data)
{
  g_autoptr (OgAccount) account = NULL;
  g_autoptr (GError) error = NULL;
  DebriefTestWaiter waiter = { 0 };

  og_client_get_account_async (fixture->client, NULL, debrief_test_waiter_done, &waiter);
  account
      = og_client_get_account_finish (fixture->client, debrief_test_waiter_wait (&waiter), &error);
  debrief_test_waiter_clear (&waiter);
  g_assert_no_error (error);
  g_assert_cmpstr (og_account_get_name (account), !=, "");
  g_assert_nonnull (og_account_get_plan_name (account));
  g_assert_cmpstr (og_sandbox_get_last_request (fixture->sandbox)->path, ==, "/v2/account");
}

/* Faults */

typedef struct
{
  guint status;
  OgErrorCode code;
} StatusCase;

static const StatusCase status_cases[] = {
  { 400, OG_ERROR_BAD_REQUEST },      { 401, OG_ERROR_UNAUTHORIZED },
  { 402, OG_ERROR_PAYMENT_REQUIRED }, { 403, OG_ERROR_FORBIDDEN },
  { 404, OG_ERROR_NOT_FOUND },        { 405, OG_ERROR_METHOD_NOT_ALLOWED },
  { 409, OG_ERROR_CONFLICT },         { 413, OG_ERROR_TOO_LARGE },
  { 422, OG_ERROR_INVALID },          { 428, OG_ERROR_PRECONDITION },
  { 500, OG_ERROR_SERVER },           { 502, OG_ERROR_SERVER },
  { 503, OG_ERROR_SERVER },
};

static void
test_fault_status (Fixture *fixture, gconstpointer data)
{
  const StatusCase *c = data;
  g_autofree char *id = first_postmortem_id (fixture);
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (GError) error = NULL;

  og_sandbox_add_fault (fixture->sandbox, OG_ROUTE_POSTMORTEM_GET, OG_SANDBOX_FAULT_STATUS,
                        c->status, 0);
  postmortem = get_postmortem (fixture, id, &error);

  g_assert_error (error, OG_ERROR, (gint) c->code);
  g_assert_null (postmortem);
  g_assert_cmpuint (strlen (error->message), >, 20);
  if (c->status >= 400)
    g_assert_cmpuint (og_error_get_http_status (error), ==, c->status);
  /* a GET is retried after a 5xx, a bounded number of times; a 4xx is not */
  g_assert_cmpuint (og_sandbox_count_requests (fixture->sandbox, OG_ROUTE_POSTMORTEM_GET), ==,
                    c->status >= 500 ? 4 : 1);
}

static void
test_rate_limit_then_success (Fixture *fixture, gconstpointer data)
{
  g_autofree char *id = first_postmortem_id (fixture);
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (GError) error = NULL;

  og_sandbox_add_fault (fixture->sandbox, OG_ROUTE_POSTMORTEM_GET, OG_SANDBOX_FAULT_RATE_LIMIT, 1,
                        1);
  postmortem = get_postmortem (fixture, id, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (og_postmortem_get_id (postmortem), ==, id);
  g_assert_cmpuint (og_sandbox_count_requests (fixture->sandbox, OG_ROUTE_POSTMORTEM_GET), ==, 2);
}

/* The wait is what X-RateLimit-Period-In-Sec says (here 1 s), not a guess. */
static void
test_rate_limit_waits_period (Fixture *fixture, gconstpointer data)
{
  g_autofree char *id = first_postmortem_id (fixture);
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (GError) error = NULL;
  gint64 start;

  og_client_set_max_retry_delay (fixture->client, 5000);
  og_sandbox_add_fault (fixture->sandbox, OG_ROUTE_POSTMORTEM_GET, OG_SANDBOX_FAULT_RATE_LIMIT, 1,
                        1);
  start = g_get_monotonic_time ();
  postmortem = get_postmortem (fixture, id, &error);

  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 900 * 1000);
}

static void
test_rate_limit_exhausted (Fixture *fixture, gconstpointer data)
{
  g_autofree char *id = editable_postmortem_id (fixture);
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (GError) error = NULL;

  postmortem = get_postmortem (fixture, id, &error);
  g_assert_no_error (error);
  og_client_set_max_retries (fixture->client, 2);
  og_sandbox_add_fault (fixture->sandbox, OG_ROUTE_POSTMORTEM_TITLE, OG_SANDBOX_FAULT_RATE_LIMIT,
                        60, 0);
  og_postmortem_set_title (postmortem, "Never saved");

  g_assert_false (update_field (fixture, postmortem, OG_POSTMORTEM_FIELD_TITLE, &error));
  g_assert_error (error, OG_ERROR, OG_ERROR_RATE_LIMITED);
  g_assert_cmpuint (og_error_get_retry_after (error), ==, 60);
  /* writes are retried after a 429 too: the server did not do them */
  g_assert_cmpuint (og_sandbox_count_requests (fixture->sandbox, OG_ROUTE_POSTMORTEM_TITLE), ==, 3);
}

/* A wait the overall timeout would cut short is not started: the user learns at once that
 * Opsgenie is rate limiting, not a minute later that the network seems down. */
static void
test_rate_limit_wait_beyond_timeout (Fixture *fixture, gconstpointer data)
{
  g_autofree char *id = first_postmortem_id (fixture);
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (GError) error = NULL;
  gint64 start;

  og_client_set_timeouts (fixture->client, 10, 2);
  og_client_set_max_retry_delay (fixture->client, 60 * 1000);
  og_sandbox_add_fault (fixture->sandbox, OG_ROUTE_POSTMORTEM_GET, OG_SANDBOX_FAULT_RATE_LIMIT, 60,
                        0);
  start = g_get_monotonic_time ();
  postmortem = get_postmortem (fixture, id, &error);

  g_assert_error (error, OG_ERROR, OG_ERROR_RATE_LIMITED);
  g_assert_cmpuint (og_error_get_retry_after (error), ==, 60);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
  g_assert_cmpuint (og_sandbox_count_requests (fixture->sandbox, OG_ROUTE_POSTMORTEM_GET), ==, 1);
}

static void
test_server_error_retried_then_success (Fixture *fixture, gconstpointer data)
{
  g_autofree char *id = first_postmortem_id (fixture);
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (GError) error = NULL;

  og_sandbox_add_fault (fixture->sandbox, OG_ROUTE_POSTMORTEM_GET, OG_SANDBOX_FAULT_STATUS, 503, 2);
  postmortem = get_postmortem (fixture, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (postmortem);
  g_assert_cmpuint (og_sandbox_count_requests (fixture->sandbox, OG_ROUTE_POSTMORTEM_GET), ==, 3);
}

/* A create that failed with a 5xx may have happened: sending it again could make two. */
static void
test_server_error_not_retried_for_create (Fixture *fixture, gconstpointer data)
{
  g_autoptr (OgIncident) incident = incident_without_postmortem (fixture);
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;

  og_sandbox_add_fault (fixture->sandbox, OG_ROUTE_POSTMORTEM_CREATE, OG_SANDBOX_FAULT_STATUS, 500,
                        1);
  id = create_postmortem (fixture, og_incident_get_id (incident), NULL, &error);

  g_assert_error (error, OG_ERROR, OG_ERROR_SERVER);
  g_assert_null (id);
  g_assert_cmpuint (og_sandbox_count_requests (fixture->sandbox, OG_ROUTE_POSTMORTEM_CREATE), ==,
                    1);
}

static void
test_fault_delay_within_timeout (Fixture *fixture, gconstpointer data)
{
  g_autofree char *id = first_postmortem_id (fixture);
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (GError) error = NULL;

  og_sandbox_add_fault (fixture->sandbox, OG_ROUTE_POSTMORTEM_GET, OG_SANDBOX_FAULT_DELAY, 300, 1);
  postmortem = get_postmortem (fixture, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (postmortem);
}

static void
test_fault_delay_overall_timeout (Fixture *fixture, gconstpointer data)
{
  g_autofree char *id = first_postmortem_id (fixture);
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (GError) error = NULL;

  og_client_set_timeouts (fixture->client, 10, 1);
  og_sandbox_add_fault (fixture->sandbox, OG_ROUTE_POSTMORTEM_GET, OG_SANDBOX_FAULT_DELAY, 4000, 1);
  postmortem = get_postmortem (fixture, id, &error);

  g_assert_error (error, OG_ERROR, OG_ERROR_TIMEOUT);
  g_assert_nonnull (strstr (error->message, "within 1 second. "));
}

static void
test_fault_delay_io_timeout (Fixture *fixture, gconstpointer data)
{
  g_autofree char *id = first_postmortem_id (fixture);
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (GError) error = NULL;

  og_client_set_timeouts (fixture->client, 1, 0);
  og_client_set_max_retries (fixture->client, 0);
  og_sandbox_add_fault (fixture->sandbox, OG_ROUTE_POSTMORTEM_GET, OG_SANDBOX_FAULT_DELAY, 4000, 1);
  postmortem = get_postmortem (fixture, id, &error);

  g_assert_error (error, OG_ERROR, OG_ERROR_TIMEOUT);
}

static void
test_fault_drop (Fixture *fixture, gconstpointer data)
{
  g_autofree char *id = first_postmortem_id (fixture);
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (GError) error = NULL;

  og_sandbox_add_fault (fixture->sandbox, OG_ROUTE_POSTMORTEM_GET, OG_SANDBOX_FAULT_DROP, 0, 0);
  postmortem = get_postmortem (fixture, id, &error);

  g_assert_nonnull (error);
  g_assert_true (error->domain == OG_ERROR);
  g_assert_true (error->code == OG_ERROR_NETWORK || error->code == OG_ERROR_BAD_RESPONSE);
  g_assert_null (postmortem);
}

static void
expect_bad_response (Fixture *fixture, OgSandboxFaultKind kind, const char *needle)
{
  g_autofree char *id = first_postmortem_id (fixture);
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (GError) error = NULL;

  og_sandbox_add_fault (fixture->sandbox, OG_ROUTE_POSTMORTEM_GET, kind, 0, 0);
  postmortem = get_postmortem (fixture, id, &error);

  g_assert_error (error, OG_ERROR, OG_ERROR_BAD_RESPONSE);
  g_assert_null (postmortem);
  if (needle != NULL && strstr (error->message, needle) == NULL)
    g_error ("“%s” not in “%s”", needle, error->message);
}

static void
test_fault_truncated (Fixture *fixture, gconstpointer data)
{
  expect_bad_response (fixture, OG_SANDBOX_FAULT_TRUNCATED, "not valid JSON");
}

static void
test_fault_not_json (Fixture *fixture, gconstpointer data)
{
  expect_bad_response (fixture, OG_SANDBOX_FAULT_NOT_JSON, "not valid JSON");
}

static void
test_fault_wrong_types (Fixture *fixture, gconstpointer data)
{
  expect_bad_response (fixture, OG_SANDBOX_FAULT_WRONG_TYPES, "expected");
}

/* A GET needs its data; an empty 200 is a bad response, not a crash or an empty object. */
static void
test_fault_empty_get (Fixture *fixture, gconstpointer data)
{
  expect_bad_response (fixture, OG_SANDBOX_FAULT_EMPTY, "data");
}

/* Writes accept an empty 200 (the content update answers so). */
static void
test_fault_empty_write (Fixture *fixture, gconstpointer data)
{
  g_autofree char *id = editable_postmortem_id (fixture);
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (GError) error = NULL;

  postmortem = get_postmortem (fixture, id, &error);
  g_assert_no_error (error);
  og_sandbox_add_fault (fixture->sandbox, OG_ROUTE_POSTMORTEM_SEVERITY, OG_SANDBOX_FAULT_EMPTY, 0,
                        1);
  og_postmortem_set_severity (postmortem, OG_SEVERITY_P5);

  g_assert_true (update_field (fixture, postmortem, OG_POSTMORTEM_FIELD_SEVERITY, &error));
  g_assert_no_error (error);
}

static void
test_fault_incident_list_wrong_types (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;

  og_sandbox_add_fault (fixture->sandbox, OG_ROUTE_INCIDENTS_LIST, OG_SANDBOX_FAULT_WRONG_TYPES, 0,
                        0);
  items = list_incidents (fixture, NULL, 0, 10, NULL, &error);

  g_assert_error (error, OG_ERROR, OG_ERROR_BAD_RESPONSE);
  g_assert_null (items);
}

static void
test_fault_huge (Fixture *fixture, gconstpointer data)
{
  g_autofree char *id = first_postmortem_id (fixture);
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (GError) error = NULL;

  og_client_set_max_response_size (fixture->client, 256 * 1024);
  og_sandbox_add_fault (fixture->sandbox, OG_ROUTE_POSTMORTEM_GET, OG_SANDBOX_FAULT_HUGE,
                        4 * 1024 * 1024, 0);
  postmortem = get_postmortem (fixture, id, &error);

  g_assert_error (error, OG_ERROR, OG_ERROR_TOO_LARGE);
  g_assert_null (postmortem);
}

/* Cancellation */

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
expect_prompt_cancel (Fixture *fixture, OgSandboxFaultKind kind, guint value)
{
  g_autofree char *id = first_postmortem_id (fixture);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (GError) error = NULL;
  DebriefTestWaiter waiter = { 0 };
  gint64 start;

  og_client_set_max_retry_delay (fixture->client, 60 * 1000);
  /* Room for the whole retry wait: the client does not start one the timeout would cut. */
  og_client_set_timeouts (fixture->client, 10, 120);
  og_sandbox_add_fault (fixture->sandbox, OG_ROUTE_POSTMORTEM_GET, kind, value, 0);
  start = g_get_monotonic_time ();
  og_client_get_postmortem_async (fixture->client, id, cancellable, debrief_test_waiter_done,
                                  &waiter);
  g_timeout_add (200, cancel_cb, cancellable);
  postmortem = og_client_get_postmortem_finish (fixture->client, debrief_test_waiter_wait (&waiter),
                                                &error);
  debrief_test_waiter_clear (&waiter);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (postmortem);
  /* promptly, not when the server or the retry timer would have answered */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
}

static void
test_cancel_mid_request (Fixture *fixture, gconstpointer data)
{
  expect_prompt_cancel (fixture, OG_SANDBOX_FAULT_DELAY, 10000);
}

static void
test_cancel_during_retry_wait (Fixture *fixture, gconstpointer data)
{
  expect_prompt_cancel (fixture, OG_SANDBOX_FAULT_RATE_LIMIT, 60);
}

static void
test_cancel_before_start (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GPtrArray) teams = NULL;
  g_autoptr (GError) error = NULL;
  DebriefTestWaiter waiter = { 0 };

  g_cancellable_cancel (cancellable);
  og_client_list_teams_async (fixture->client, cancellable, debrief_test_waiter_done, &waiter);
  teams = og_client_list_teams_finish (fixture->client, debrief_test_waiter_wait (&waiter), &error);
  debrief_test_waiter_clear (&waiter);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (og_sandbox_get_requests (fixture->sandbox)->len, ==, 0);
}

/* Transport */

static void
test_connection_refused (void)
{
  g_autoptr (GSocketListener) listener = g_socket_listener_new ();
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) effective = NULL;
  g_autoptr (OgClient) client = NULL;
  g_autoptr (GPtrArray) teams = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *url = NULL;
  DebriefTestWaiter waiter = { 0 };
  guint16 port;

  /* a port that was free a moment ago and is closed now */
  g_socket_listener_add_address (listener, address, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                 NULL, &effective, &error);
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
  g_socket_listener_close (listener);

  url = g_strdup_printf ("http://127.0.0.1:%u", port);
  client = og_client_new (url, &error);
  g_assert_no_error (error);
  og_client_set_api_key (client, OG_SANDBOX_API_KEY);

  og_client_list_teams_async (client, NULL, debrief_test_waiter_done, &waiter);
  teams = og_client_list_teams_finish (client, debrief_test_waiter_wait (&waiter), &error);
  debrief_test_waiter_clear (&waiter);

  g_assert_error (error, OG_ERROR, OG_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
}

static gboolean
make_self_signed (const char *dir, char **cert_path, char **key_path)
{
  g_autofree char *openssl = g_find_program_in_path ("openssl");
  g_autoptr (GError) error = NULL;
  int status = 0;

  if (openssl == NULL)
    return FALSE;

  *cert_path = g_build_filename (dir, "cert.pem", NULL);
  *key_path = g_build_filename (dir, "key.pem", NULL);
  {
    const char *argv[] = { openssl,  "req",     "-x509",   "-newkey",       "rsa:2048",
                           "-nodes", "-keyout", *key_path, "-out",          *cert_path,
                           "-days",  "2",       "-subj",   "/CN=127.0.0.1", NULL };
    g_spawn_sync (NULL, (char **) argv, NULL,
                  G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                  &status, &error);
  }
  g_assert_no_error (error);

  return g_spawn_check_wait_status (status, NULL);
}

/* A certificate nobody vouches for is an error, and the key is not sent over it. */
static void
test_tls_untrusted (void)
{
  g_autofree char *dir = g_dir_make_tmp ("debrief-tls-XXXXXX", NULL);
  g_autofree char *cert_path = NULL;
  g_autofree char *key_path = NULL;
  g_autoptr (GTlsCertificate) certificate = NULL;
  g_autoptr (SoupServer) server = NULL;
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr (OgClient) client = NULL;
  g_autoptr (GPtrArray) teams = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *url = NULL;
  GSList *uris;
  DebriefTestWaiter waiter = { 0 };

  if (!g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    {
      /* .ci/debian-packages installs both: in CI a skip would hide a missing package */
      if (g_getenv ("CI") != NULL)
        g_error ("no TLS backend (glib-networking)");
      g_test_skip ("no TLS backend (glib-networking)");
      return;
    }
  if (!make_self_signed (dir, &cert_path, &key_path))
    {
      if (g_getenv ("CI") != NULL)
        g_error ("openssl could not make a certificate");
      g_test_skip ("openssl could not make a certificate");
      return;
    }

  certificate = g_tls_certificate_new_from_files (cert_path, key_path, &error);
  g_assert_no_error (error);
  server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_listen (server, address, SOUP_SERVER_LISTEN_HTTPS, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("https://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  client = og_client_new (url, &error);
  g_assert_no_error (error);
  og_client_set_api_key (client, OG_SANDBOX_API_KEY);
  og_client_list_teams_async (client, NULL, debrief_test_waiter_done, &waiter);
  teams = og_client_list_teams_finish (client, debrief_test_waiter_wait (&waiter), &error);
  debrief_test_waiter_clear (&waiter);

  g_assert_error (error, OG_ERROR, OG_ERROR_TLS);

  g_unlink (cert_path);
  g_unlink (key_path);
  g_rmdir (dir);
}

/* A small hostile server of our own, for what the sandbox does not do on purpose. */

typedef struct
{
  SoupServer *server;
  char *url;
  GPtrArray *paths; /* "path?query" of each request received */
  char *redirect_to;
  char *body; /* when set, the 200 answer to every request */
} Hostile;

static void
hostile_handler (SoupServer *server,
                 SoupServerMessage *msg,
                 const char *path,
                 GHashTable *query,
                 gpointer user_data)
{
  Hostile *hostile = user_data;
  GUri *uri = soup_server_message_get_uri (msg);
  const char *authorization = soup_message_headers_get_one (
      soup_server_message_get_request_headers (msg), "Authorization");
  g_autofree char *body = NULL;
  g_autofree char *next = NULL;

  g_ptr_array_add (hostile->paths,
                   g_strdup_printf ("%s?%s|%s", path,
                                    g_uri_get_query (uri) ? g_uri_get_query (uri) : "",
                                    authorization ? authorization : ""));

  if (hostile->redirect_to != NULL)
    {
      soup_server_message_set_redirect (msg, 302, hostile->redirect_to);
      return;
    }

  if (hostile->body != NULL)
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, hostile->body,
                                        strlen (hostile->body));
      return;
    }

  /* one incident a page, and a next link that points somewhere else entirely */
  if (hostile->paths->len < 3)
    next
        = g_strdup_printf ("{\"next\":\"https://evil.example.net/v1/incidents?offset=%u&limit=1\"}",
                           hostile->paths->len);
  else
    next = g_strdup ("{}");
  body = g_strdup_printf ("{\"data\":[{\"id\":\"i-%u\",\"tinyId\":\"%u\",\"message\":\"m\","
                          "\"status\":\"resolved\",\"priority\":\"P3\"}],"
                          "\"paging\":%s,\"took\":0.1,\"requestId\":\"r\"}",
                          hostile->paths->len, hostile->paths->len, next);
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body, strlen (body));
}

static Hostile *
hostile_new (void)
{
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GError) error = NULL;
  Hostile *hostile = g_new0 (Hostile, 1);
  GSList *uris;

  hostile->paths = g_ptr_array_new_with_free_func (g_free);
  hostile->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (hostile->server, NULL, hostile_handler, hostile, NULL);
  soup_server_listen (hostile->server, address, 0, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (hostile->server);
  hostile->url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return hostile;
}

static void
hostile_free (Hostile *hostile)
{
  soup_server_disconnect (hostile->server);
  g_object_unref (hostile->server);
  g_ptr_array_unref (hostile->paths);
  g_free (hostile->url);
  g_free (hostile->redirect_to);
  g_free (hostile->body);
  g_free (hostile);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Hostile, hostile_free)

/* paging.next names another host: only its offset is used, the host is never contacted. */
static void
test_paging_next_host_ignored (void)
{
  g_autoptr (Hostile) hostile = hostile_new ();
  g_autoptr (OgClient) client = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  DebriefTestWaiter waiter = { 0 };

  client = og_client_new (hostile->url, &error);
  g_assert_no_error (error);
  og_client_set_api_key (client, OG_SANDBOX_API_KEY);
  og_client_list_all_incidents_async (client, NULL, 0, NULL, debrief_test_waiter_done, &waiter);
  items = og_client_list_all_incidents_finish (client, debrief_test_waiter_wait (&waiter), &error);
  debrief_test_waiter_clear (&waiter);

  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 3);
  g_assert_cmpuint (hostile->paths->len, ==, 3);
  g_assert_true (g_str_has_prefix (hostile->paths->pdata[1], "/v1/incidents?offset=1&"));
  g_assert_true (g_str_has_prefix (hostile->paths->pdata[2], "/v1/incidents?offset=2&"));
}

/* An empty page whose paging.next points where it already is ends the walk: asking the
 * same offset again would repeat the same answer up to the page bound, a thousand requests
 * against the rate limit. */
static void
test_paging_empty_page_ends (void)
{
  g_autoptr (Hostile) hostile = hostile_new ();
  g_autoptr (OgClient) client = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  DebriefTestWaiter waiter = { 0 };

  hostile->body = g_strdup ("{\"data\":[],\"paging\":{\"next\":"
                            "\"https://api.opsgenie.com/v1/incidents?offset=0&limit=100\"},"
                            "\"took\":0.1,\"requestId\":\"r\"}");
  client = og_client_new (hostile->url, &error);
  g_assert_no_error (error);
  og_client_set_api_key (client, OG_SANDBOX_API_KEY);
  og_client_list_all_incidents_async (client, NULL, 0, NULL, debrief_test_waiter_done, &waiter);
  items = og_client_list_all_incidents_finish (client, debrief_test_waiter_wait (&waiter), &error);
  debrief_test_waiter_clear (&waiter);

  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 0);
  g_assert_cmpuint (hostile->paths->len, ==, 1);
}

/* A redirect is not followed: the key never reaches the place it points to. */
static void
test_redirect_not_followed (void)
{
  g_autoptr (Hostile) first = hostile_new ();
  g_autoptr (Hostile) elsewhere = hostile_new ();
  g_autoptr (OgClient) client = NULL;
  g_autoptr (GPtrArray) teams = NULL;
  g_autoptr (GError) error = NULL;
  DebriefTestWaiter waiter = { 0 };

  first->redirect_to = g_strdup_printf ("%s/v2/teams", elsewhere->url);
  client = og_client_new (first->url, &error);
  g_assert_no_error (error);
  og_client_set_api_key (client, OG_SANDBOX_API_KEY);
  og_client_list_teams_async (client, NULL, debrief_test_waiter_done, &waiter);
  teams = og_client_list_teams_finish (client, debrief_test_waiter_wait (&waiter), &error);
  debrief_test_waiter_clear (&waiter);

  g_assert_error (error, OG_ERROR, OG_ERROR_BAD_RESPONSE);
  g_assert_nonnull (strstr (error->message, "redirect"));
  g_assert_cmpuint (first->paths->len, ==, 1);
  g_assert_cmpuint (elsewhere->paths->len, ==, 0);
}

/* A system proxy never sees requests to a loopback API, which go over plain http. */
static void
test_loopback_bypasses_proxy (Fixture *fixture, gconstpointer data)
{
  if (g_test_subprocess ())
    {
      g_autoptr (Hostile) proxy = hostile_new ();
      g_autoptr (OgClient) client = NULL;
      g_autoptr (GPtrArray) teams = NULL;
      g_autoptr (GError) error = NULL;
      DebriefTestWaiter waiter = { 0 };

      /* GIO's default resolver reads these (GSETTINGS_BACKEND=memory has no proxy set) */
      g_setenv ("http_proxy", proxy->url, TRUE);
      g_setenv ("HTTP_PROXY", proxy->url, TRUE);
      g_setenv ("no_proxy", "", TRUE);
      g_unsetenv ("NO_PROXY");

      client = og_client_new (og_sandbox_get_base_url (fixture->sandbox), &error);
      g_assert_no_error (error);
      og_client_set_api_key (client, OG_SANDBOX_API_KEY);
      og_client_list_teams_async (client, NULL, debrief_test_waiter_done, &waiter);
      teams = og_client_list_teams_finish (client, debrief_test_waiter_wait (&waiter), &error);
      debrief_test_waiter_clear (&waiter);

      g_assert_no_error (error);
      g_assert_cmpuint (teams->len, ==, 8);
      g_assert_cmpuint (proxy->paths->len, ==, 0);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* Logging: with debug output on, libsoup's header log goes through us and the key does not. */

static GString *captured_log;

static GLogWriterOutput
capture_writer (GLogLevelFlags level, const GLogField *fields, gsize n_fields, gpointer user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "MESSAGE") && captured_log != NULL)
        {
          if (fields[i].length < 0)
            g_string_append (captured_log, fields[i].value);
          else
            g_string_append_len (captured_log, fields[i].value, fields[i].length);
          g_string_append_c (captured_log, '\n');
        }
    }

  return G_LOG_WRITER_HANDLED;
}

static void
test_log_redacts_key (Fixture *fixture, gconstpointer data)
{
  g_autoptr (OgClient) client = NULL;
  g_autoptr (GPtrArray) teams = NULL;
  g_autoptr (GError) error = NULL;
  DebriefTestWaiter waiter = { 0 };

  if (g_test_subprocess ())
    {
      captured_log = g_string_new (NULL);
      g_log_set_writer_func (capture_writer, NULL, NULL);
      g_log_set_debug_enabled (TRUE);

      client = og_client_new (og_sandbox_get_base_url (fixture->sandbox), &error);
      g_assert_no_error (error);
      og_client_set_api_key (client, OG_SANDBOX_API_KEY);
      og_client_list_teams_async (client, NULL, debrief_test_waiter_done, &waiter);
      teams = og_client_list_teams_finish (client, debrief_test_waiter_wait (&waiter), &error);
      debrief_test_waiter_clear (&waiter);
      g_assert_no_error (error);

      /* the log is there, with the header line, and the key is not in it */
      g_assert_nonnull (strstr (captured_log->str, "Authorization: [redacted]"));
      g_assert_nonnull (strstr (captured_log->str, "/v2/teams"));
      g_assert_null (strstr (captured_log->str, OG_SANDBOX_API_KEY));
      g_assert_null (strstr (captured_log->str, "GenieKey"));
      g_string_free (captured_log, TRUE);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/client/base-url/accepted", test_base_url_accepted);
  g_test_add_func ("/client/base-url/refused", test_base_url_refused);
  ADD_TEST ("/client/request/headers", test_request_headers);
  ADD_TEST ("/client/request/no-key", test_no_key_no_request);
  ADD_TEST ("/client/request/key-with-line-break", test_key_with_line_break);
  ADD_TEST ("/client/request/wrong-key", test_wrong_key);
  ADD_TEST ("/client/postmortem/get", test_postmortem_get);
  ADD_TEST ("/client/postmortem/not-found", test_postmortem_not_found);
  ADD_TEST ("/client/postmortem/id-escaped", test_postmortem_id_escaped);
  ADD_TEST ("/client/postmortem/id-dot-segment", test_postmortem_id_dot_segment);
  ADD_TEST ("/client/postmortem/create", test_postmortem_create);
  ADD_TEST ("/client/postmortem/create-without-owner", test_postmortem_create_without_owner);
  ADD_TEST ("/client/postmortem/create-conflict", test_postmortem_create_conflict);
  ADD_TEST ("/client/postmortem/create-needs-actor", test_postmortem_create_needs_actor);
  ADD_TEST ("/client/postmortem/delete", test_postmortem_delete);
  ADD_TEST ("/client/postmortem/delete-with-timelines", test_postmortem_delete_with_timelines);
  ADD_TEST ("/client/postmortem/update-full", test_postmortem_update_full);
  for (OgPostmortemField field = 0; field < OG_N_POSTMORTEM_FIELDS; field++)
    {
      g_autofree char *path = g_strdup_printf ("/client/postmortem/update-field/%s",
                                               og_postmortem_field_to_string (field));
      g_test_add (path, Fixture, GUINT_TO_POINTER (field), fixture_set_up, test_update_field,
                  debrief_test_sandbox_fixture_tear_down);
    }
  ADD_TEST ("/client/postmortem/published-lock", test_published_lock);
  ADD_TEST ("/client/postmortem/invalid-value", test_invalid_value);
  ADD_TEST ("/client/incidents/page", test_incidents_page);
  ADD_TEST ("/client/incidents/paging", test_incidents_paging);
  ADD_TEST ("/client/incidents/with-postmortems", test_incidents_with_postmortems);
  ADD_TEST ("/client/incidents/get", test_incident_get);
  ADD_TEST ("/client/users/search-and-paging", test_users);
  ADD_TEST ("/client/teams", test_teams);
  ADD_TEST ("/client/services/paging", test_services_paging);
  ADD_TEST ("/client/account", test_account);
  for (guint i = 0; i < G_N_ELEMENTS (status_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/client/fault/status/%u", status_cases[i].status);
      g_test_add (path, Fixture, &status_cases[i], fixture_set_up, test_fault_status,
                  debrief_test_sandbox_fixture_tear_down);
    }
  ADD_TEST ("/client/fault/rate-limit/then-success", test_rate_limit_then_success);
  ADD_TEST ("/client/fault/rate-limit/waits-period", test_rate_limit_waits_period);
  ADD_TEST ("/client/fault/rate-limit/exhausted", test_rate_limit_exhausted);
  ADD_TEST ("/client/fault/rate-limit/wait-beyond-timeout", test_rate_limit_wait_beyond_timeout);
  ADD_TEST ("/client/fault/server-error/retried", test_server_error_retried_then_success);
  ADD_TEST ("/client/fault/server-error/create-not-retried",
            test_server_error_not_retried_for_create);
  ADD_TEST ("/client/fault/delay/within-timeout", test_fault_delay_within_timeout);
  ADD_TEST ("/client/fault/delay/overall-timeout", test_fault_delay_overall_timeout);
  ADD_TEST ("/client/fault/delay/io-timeout", test_fault_delay_io_timeout);
  ADD_TEST ("/client/fault/drop", test_fault_drop);
  ADD_TEST ("/client/fault/truncated", test_fault_truncated);
  ADD_TEST ("/client/fault/not-json", test_fault_not_json);
  ADD_TEST ("/client/fault/wrong-types", test_fault_wrong_types);
  ADD_TEST ("/client/fault/wrong-types-in-list", test_fault_incident_list_wrong_types);
  ADD_TEST ("/client/fault/empty-get", test_fault_empty_get);
  ADD_TEST ("/client/fault/empty-write", test_fault_empty_write);
  ADD_TEST ("/client/fault/huge", test_fault_huge);
  ADD_TEST ("/client/cancel/mid-request", test_cancel_mid_request);
  ADD_TEST ("/client/cancel/during-retry-wait", test_cancel_during_retry_wait);
  ADD_TEST ("/client/cancel/before-start", test_cancel_before_start);
  g_test_add_func ("/client/transport/connection-refused", test_connection_refused);
  g_test_add_func ("/client/transport/tls-untrusted", test_tls_untrusted);
  g_test_add_func ("/client/transport/paging-next-host-ignored", test_paging_next_host_ignored);
  g_test_add_func ("/client/transport/paging-empty-page-ends", test_paging_empty_page_ends);
  g_test_add_func ("/client/transport/redirect-not-followed", test_redirect_not_followed);
  ADD_TEST ("/client/transport/loopback-bypasses-proxy", test_loopback_bypasses_proxy);
  ADD_TEST ("/client/log/redacts-key", test_log_redacts_key);

  return g_test_run ();
}
