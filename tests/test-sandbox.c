/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <libsoup/soup.h>

#include "og-sandbox.h"

/*
 * The sandbox over real HTTP, with a plain SoupSession (not OgClient: the client is tested
 * against this server, so these tests must not depend on it). Client and server share the
 * thread's main context; fetch() iterates it until the answer is in.
 */

#define KEY OG_SANDBOX_API_KEY

/* A small document; fill() turns {adf} into it as the JSON string the API carries. */
#define ADF_OBJECT                                                                               \
  "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":" \
  "\"text\",\"text\":\"Written by a test\"}]}]}"

typedef struct
{
  OgSandbox *sandbox;
  SoupSession *session;
} Fixture;

typedef struct
{
  guint status; /* 0: no answer */
  char *reason;
  GBytes *body;
  SoupMessageHeaders *headers;
  GError *error;
  JsonNode *json; /* the body parsed, or NULL */
  gint64 elapsed_ms;
} Response;

static void
response_free (Response *response)
{
  g_clear_pointer (&response->body, g_bytes_unref);
  g_free (response->reason);
  g_clear_pointer (&response->headers, soup_message_headers_unref);
  g_clear_error (&response->error);
  g_clear_pointer (&response->json, json_node_unref);
  g_free (response);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Response, response_free)

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->sandbox = og_sandbox_new ();
  g_assert_true (og_sandbox_start (f->sandbox, &error));
  g_assert_no_error (error);

  f->session = soup_session_new_with_options ("timeout", 20, NULL);
  /* Straight to 127.0.0.1, whatever proxy the environment names. */
  soup_session_set_proxy_resolver (f->session, NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->session);
  g_clear_object (&f->sandbox);
  /* Let closed connections finish, so that ASan sees no leak. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
on_sent (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* @path may carry a query; @key NULL sends no Authorization header. */
static Response *
fetch_with_key (Fixture *f, const char *method, const char *path, const char *body, const char *key)
{
  g_autofree char *url = g_strconcat (og_sandbox_get_base_url (f->sandbox), path, NULL);
  g_autoptr (SoupMessage) msg = soup_message_new (method, url);
  g_autoptr (GAsyncResult) result = NULL;
  Response *response = g_new0 (Response, 1);
  gint64 started = g_get_monotonic_time ();

  g_assert_nonnull (msg);
  if (key != NULL)
    {
      g_autofree char *authorization = g_strconcat ("GenieKey ", key, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                    authorization);
    }
  if (body != NULL)
    {
      g_autoptr (GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }

  soup_session_send_and_read_async (f->session, msg, G_PRIORITY_DEFAULT, NULL, on_sent, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  response->body = soup_session_send_and_read_finish (f->session, result, &response->error);
  response->elapsed_ms = (g_get_monotonic_time () - started) / 1000;
  if (response->body != NULL)
    {
      gsize size;
      const char *data = g_bytes_get_data (response->body, &size);
      g_autoptr (JsonParser) parser = json_parser_new ();

      response->status = soup_message_get_status (msg);
      response->reason = g_strdup (soup_message_get_reason_phrase (msg));
      response->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
      if (size > 0 && json_parser_load_from_data (parser, data, (gssize) size, NULL))
        response->json = json_parser_steal_root (parser);
    }

  return response;
}

static Response *
fetch (Fixture *f, const char *method, const char *path, const char *body)
{
  return fetch_with_key (f, method, path, body, KEY);
}

/* The node at @path ("data.paging.next", "data.3.id") under @node, or NULL. */
static JsonNode *
at (JsonNode *node, const char *path)
{
  g_auto (GStrv) parts = g_strsplit (path, ".", -1);

  for (guint i = 0; parts[i] != NULL && node != NULL; i++)
    {
      if (JSON_NODE_HOLDS_OBJECT (node))
        node = json_object_get_member (json_node_get_object (node), parts[i]);
      else if (JSON_NODE_HOLDS_ARRAY (node)
               && g_ascii_strtoull (parts[i], NULL, 10)
                      < json_array_get_length (json_node_get_array (node)))
        node = json_array_get_element (json_node_get_array (node),
                                       (guint) g_ascii_strtoull (parts[i], NULL, 10));
      else
        node = NULL;
    }

  return node;
}

static const char *
at_string (JsonNode *node, const char *path)
{
  JsonNode *found = at (node, path);

  if (found == NULL || !JSON_NODE_HOLDS_VALUE (found)
      || json_node_get_value_type (found) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (found);
}

static gint64
at_int (JsonNode *node, const char *path)
{
  JsonNode *found = at (node, path);

  g_assert_nonnull (found);
  g_assert_true (JSON_NODE_HOLDS_VALUE (found));
  return json_node_get_int (found);
}

static guint
at_length (JsonNode *node, const char *path)
{
  JsonNode *found = at (node, path);

  g_assert_nonnull (found);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (found));
  return json_array_get_length (json_node_get_array (found));
}

static char *
escape (const char *text)
{
  return g_uri_escape_string (text, NULL, FALSE);
}

/* The path and query of an absolute paging link of this sandbox. */
static const char *
link_path (Fixture *f, const char *url)
{
  const char *base = og_sandbox_get_base_url (f->sandbox);

  g_assert_true (g_str_has_prefix (url, base));
  return url + strlen (base);
}

/* Asserts an Opsgenie error answer: @status, a message, a request id, and, when @member is
 * given, errors.@member. */
static void
assert_error (Response *response, guint status, const char *member)
{
  g_assert_no_error (response->error);
  g_assert_cmpuint (response->status, ==, status);
  g_assert_nonnull (response->json);
  g_assert_nonnull (at_string (response->json, "message"));
  g_assert_cmpstr (at_string (response->json, "message"), !=, "");
  g_assert_nonnull (at_string (response->json, "requestId"));
  g_assert_nonnull (at (response->json, "took"));
  if (member != NULL)
    {
      g_autofree char *path = g_strconcat ("errors.", member, NULL);

      g_assert_nonnull (at_string (response->json, path));
    }
}

static void
assert_ok (Response *response)
{
  g_assert_no_error (response->error);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_nonnull (response->json);
  g_assert_nonnull (at (response->json, "data"));
  g_assert_nonnull (at_string (response->json, "requestId"));
  g_assert_cmpstr (soup_message_headers_get_content_type (response->headers, NULL), ==,
                   "application/json");
}

/* Ids the tests need, read over HTTP rather than assumed. */
typedef struct
{
  char *user; /* not the actor */
  char *user_name;
  char *service;
  char *service_name;
  char *team;
  char *team_name;
  char *incident;
} Ids;

static void
ids_clear (Ids *ids)
{
  g_free (ids->user);
  g_free (ids->user_name);
  g_free (ids->service);
  g_free (ids->service_name);
  g_free (ids->team);
  g_free (ids->team_name);
  g_free (ids->incident);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Ids, ids_clear)

static void
ids_fetch (Fixture *f, Ids *ids)
{
  g_autoptr (Response) users = fetch (f, "GET", "/v2/users?limit=10", NULL);
  g_autoptr (Response) services = fetch (f, "GET", "/v1/services?offset=3&limit=1", NULL);
  g_autoptr (Response) teams = fetch (f, "GET", "/v2/teams", NULL);
  g_autoptr (Response) incidents = fetch (f, "GET", "/v1/incidents?limit=1", NULL);

  assert_ok (users);
  assert_ok (services);
  assert_ok (teams);
  assert_ok (incidents);
  ids->user = g_strdup (at_string (users->json, "data.7.id"));
  ids->user_name = g_strdup (at_string (users->json, "data.7.fullName"));
  ids->service = g_strdup (at_string (services->json, "data.0.id"));
  ids->service_name = g_strdup (at_string (services->json, "data.0.name"));
  ids->team = g_strdup (at_string (teams->json, "data.2.id"));
  ids->team_name = g_strdup (at_string (teams->json, "data.2.name"));
  ids->incident = g_strdup (at_string (incidents->json, "data.0.id"));
  g_assert_nonnull (ids->user);
  g_assert_cmpstr (ids->user, !=, OG_SANDBOX_ACTOR_ID);
  g_assert_nonnull (ids->service);
  g_assert_nonnull (ids->team);
  g_assert_nonnull (ids->incident);
}

/* @template with {actor} and {adf} filled in, and when @ids is given {user}, {user_name},
 * {service}, {service_name}, {team}, {team_name} and {incident}. */
static char *
fill (const Ids *ids, const char *template)
{
  GString *text = g_string_new (template);
  g_autoptr (JsonNode) adf = json_node_new (JSON_NODE_VALUE);
  g_autofree char *adf_string = NULL;

  json_node_set_string (adf, ADF_OBJECT);
  adf_string = json_to_string (adf, FALSE);
  g_string_replace (text, "{adf}", adf_string, 0);
  g_string_replace (text, "{actor}", OG_SANDBOX_ACTOR_ID, 0);
  if (ids != NULL)
    {
      g_string_replace (text, "{user}", ids->user, 0);
      g_string_replace (text, "{user_name}", ids->user_name, 0);
      g_string_replace (text, "{service}", ids->service, 0);
      g_string_replace (text, "{service_name}", ids->service_name, 0);
      g_string_replace (text, "{team}", ids->team, 0);
      g_string_replace (text, "{team_name}", ids->team_name, 0);
      g_string_replace (text, "{incident}", ids->incident, 0);
    }
  return g_string_free (text, FALSE);
}

/* The first seeded postmortem with @status. */
static char *
find_postmortem (Fixture *f, const char *status)
{
  g_auto (GStrv) ids = og_sandbox_dup_postmortem_ids (f->sandbox);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr (JsonNode) postmortem = og_sandbox_dup_postmortem (f->sandbox, ids[i]);

      if (g_str_equal (at_string (postmortem, "status"), status))
        return g_strdup (ids[i]);
    }

  g_assert_not_reached ();
}

/* A resolved incident without a postmortem. */
static char *
find_incident_for_create (Fixture *f)
{
  g_autofree char *query = escape ("status:resolved AND postmortemStatus:no-postmortem");
  g_autofree char *path = g_strdup_printf ("/v1/incidents?limit=1&query=%s", query);
  g_autoptr (Response) response = fetch (f, "GET", path, NULL);

  assert_ok (response);
  g_assert_nonnull (at_string (response->json, "data.0.id"));
  return g_strdup (at_string (response->json, "data.0.id"));
}

static char *
postmortem_path (const char *id, const char *suffix)
{
  return g_strdup_printf ("/v2/postmortem/%s%s", id, suffix != NULL ? suffix : "");
}

/* Seed */

static void
test_seed_counts (Fixture *f, gconstpointer data)
{
  g_autoptr (Response) users = fetch (f, "GET", "/v2/users?limit=100", NULL);
  g_autoptr (Response) teams = fetch (f, "GET", "/v2/teams", NULL);
  g_autoptr (Response) services = fetch (f, "GET", "/v1/services?limit=100", NULL);
  g_autoptr (Response) incidents = fetch (f, "GET", "/v1/incidents?limit=100", NULL);
  g_autoptr (Response) account = fetch (f, "GET", "/v2/account", NULL);
  g_auto (GStrv) postmortems = og_sandbox_dup_postmortem_ids (f->sandbox);
  gboolean actor_found = FALSE;

  assert_ok (users);
  g_assert_cmpint (at_int (users->json, "totalCount"), >=, 40);
  g_assert_cmpuint (at_length (users->json, "data"), ==, at_int (users->json, "totalCount"));
  for (guint i = 0; i < at_length (users->json, "data"); i++)
    {
      g_autofree char *id = g_strdup_printf ("data.%u.id", i);
      g_autofree char *username = g_strdup_printf ("data.%u.username", i);
      g_autofree char *role = g_strdup_printf ("data.%u.role.name", i);

      actor_found |= g_strcmp0 (at_string (users->json, id), OG_SANDBOX_ACTOR_ID) == 0;
      g_assert_nonnull (strchr (at_string (users->json, username), '@'));
      g_assert_nonnull (at_string (users->json, role));
    }
  g_assert_true (actor_found);

  assert_ok (teams);
  g_assert_cmpuint (at_length (teams->json, "data"), ==, 8);
  assert_ok (services);
  g_assert_cmpint (at_int (services->json, "totalCount"), ==, 15);
  g_assert_cmpuint (at_length (services->json, "data"), ==, 15);
  assert_ok (incidents);
  g_assert_cmpint (at_int (incidents->json, "totalCount"), ==, 60);
  g_assert_cmpuint (at_length (incidents->json, "data"), ==, 60);
  g_assert_cmpuint (g_strv_length (postmortems), >=, 10);

  assert_ok (account);
  g_assert_cmpstr (at_string (account->json, "data.name"), ==, "Sandbox Org");
  g_assert_cmpstr (at_string (account->json, "data.plan.name"), ==, "Standard");
  g_assert_cmpint (at_int (account->json, "data.userCount"), ==,
                   at_int (users->json, "totalCount"));
}

static void
count_adf (JsonNode *node, GHashTable *counts)
{
  JsonObject *object = json_node_get_object (node);
  JsonNode *content = json_object_get_member (object, "content");
  JsonNode *marks = json_object_get_member (object, "marks");
  const char *type = json_object_get_string_member (object, "type");

  g_hash_table_insert (
      counts, g_strdup (type),
      GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, type)) + 1));
  for (guint i = 0; marks != NULL && i < json_array_get_length (json_node_get_array (marks)); i++)
    {
      JsonObject *mark = json_array_get_object_element (json_node_get_array (marks), i);
      g_autofree char *key
          = g_strconcat ("mark:", json_object_get_string_member (mark, "type"), NULL);

      g_hash_table_insert (
          counts, g_steal_pointer (&key),
          GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
    }
  for (guint i = 0; content != NULL && i < json_array_get_length (json_node_get_array (content));
       i++)
    count_adf (json_array_get_element (json_node_get_array (content), i), counts);
}

static void
test_seed_postmortems (Fixture *f, gconstpointer data)
{
  static const char *const members[] = {
    "executiveSummary", "content",          "postmortemId", "title",          "severity",
    "status",           "startTime",        "endTime",      "respondTime",    "resolveTime",
    "createdAtTime",    "rootIncident",     "owner",        "timeline",       "jiraIssues",
    "relatedIncidents", "affectedServices", "iccSessions",  "responderTeams", "responders",
  };
  static const char *const features[] = {
    "heading", "paragraph", "bulletList", "orderedList", "codeBlock", "panel",     "table",
    "mention", "status",    "date",       "mark:strong", "mark:em",   "mark:code", "mark:link",
  };
  g_auto (GStrv) ids = og_sandbox_dup_postmortem_ids (f->sandbox);
  g_autoptr (GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) statuses = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autofree char *path = postmortem_path (ids[i], NULL);
      g_autoptr (Response) response = fetch (f, "GET", path, NULL);
      g_autoptr (JsonNode) incident = NULL;
      JsonNode *pm;

      assert_ok (response);
      pm = at (response->json, "data");
      for (guint m = 0; m < G_N_ELEMENTS (members); m++)
        g_assert_nonnull (at (pm, members[m]));

      g_assert_cmpstr (at_string (pm, "postmortemId"), ==, ids[i]);
      g_assert_cmpint (at_int (pm, "content.version"), ==, 1);
      g_assert_cmpstr (at_string (pm, "content.type"), ==, "doc");
      g_assert_cmpuint (at_length (pm, "content.content"), >, 0);
      g_assert_cmpint (at_int (pm, "executiveSummary.version"), ==, 1);
      g_assert_cmpuint (at_length (pm, "executiveSummary.content"), >, 0);
      g_assert_cmpuint (at_length (pm, "responders"), >, 0);
      g_assert_nonnull (at_string (pm, "responders.0.role"));
      g_assert_true (g_str_has_prefix (at_string (pm, "jiraIssues.0"), "https://"));
      count_adf (at (pm, "content"), counts);
      g_hash_table_add (statuses, (gpointer) g_intern_string (at_string (pm, "status")));

      /* Found the way Debrief finds it: through its incident. */
      incident = og_sandbox_dup_incident (f->sandbox, at_string (pm, "rootIncident.id"));
      g_assert_nonnull (incident);
      g_assert_cmpstr (at_string (incident, "status"), ==, "resolved");
      g_assert_cmpstr (at_string (incident, "extraProperties.postmortemId"), ==, ids[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (features); i++)
    if (!g_hash_table_contains (counts, features[i]))
      g_error ("No seeded postmortem has %s", features[i]);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, "heading")), >=,
                    9 * g_strv_length (ids));
  g_assert_true (g_hash_table_contains (statuses, "draft"));
  g_assert_true (g_hash_table_contains (statuses, "in-review"));
  g_assert_true (g_hash_table_contains (statuses, "published"));
}

static void
test_seed_deterministic (Fixture *f, gconstpointer data)
{
  g_autoptr (OgSandbox) other = og_sandbox_new ();
  g_auto (GStrv) ids = og_sandbox_dup_postmortem_ids (f->sandbox);
  g_auto (GStrv) other_ids = og_sandbox_dup_postmortem_ids (other);

  g_assert_cmpstrv (ids, other_ids);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr (JsonNode) mine = og_sandbox_dup_postmortem (f->sandbox, ids[i]);
      g_autoptr (JsonNode) theirs = og_sandbox_dup_postmortem (other, ids[i]);

      g_assert_true (json_node_equal (mine, theirs));
    }
}

/* Auth and routing */

static void
test_auth_missing (Fixture *f, gconstpointer data)
{
  g_auto (GStrv) ids = og_sandbox_dup_postmortem_ids (f->sandbox);
  g_autofree char *path = postmortem_path (ids[0], NULL);
  g_autoptr (Response) response = fetch_with_key (f, "GET", path, NULL, NULL);

  assert_error (response, 401, NULL);
  g_assert_null (at (response->json, "data"));
  g_assert_cmpstr (soup_message_headers_get_content_type (response->headers, NULL), ==,
                   "application/json");
}

static void
test_auth_wrong (Fixture *f, gconstpointer data)
{
  g_autoptr (Response) wrong = fetch_with_key (f, "GET", "/v2/teams", NULL, "not-the-key");
  g_autoptr (Response) prefix = fetch_with_key (f, "GET", "/v2/teams", NULL, KEY "x");
  g_autoptr (Response) right = fetch (f, "GET", "/v2/teams", NULL);

  assert_error (wrong, 401, NULL);
  assert_error (prefix, 401, NULL);
  assert_ok (right);
}

static void
test_routes_unknown_id (Fixture *f, gconstpointer data)
{
  g_autoptr (Response) postmortem = fetch (f, "GET", "/v2/postmortem/no-such-id", NULL);
  g_autoptr (Response) incident = fetch (f, "GET", "/v1/incidents/no-such-id", NULL);
  g_autoptr (Response) title
      = fetch (f, "PUT", "/v2/postmortem/no-such-id/title",
               "{\"actorUserId\":\"" OG_SANDBOX_ACTOR_ID "\",\"title\":\"x\"}");
  g_autoptr (Response) delete = fetch (f, "DELETE", "/v2/postmortem/no-such-id",
                                       "{\"actorUserId\":\"" OG_SANDBOX_ACTOR_ID "\"}");

  assert_error (postmortem, 404, NULL);
  assert_error (incident, 404, NULL);
  assert_error (title, 404, NULL);
  assert_error (delete, 404, NULL);
}

static void
test_routes_unknown_path (Fixture *f, gconstpointer data)
{
  g_autoptr (Response) unknown = fetch (f, "GET", "/v2/postmortems", NULL);
  g_autoptr (Response) deeper = fetch (f, "PUT", "/v2/postmortem/x/title/extra", "{}");
  g_autoptr (Response) root = fetch (f, "GET", "/", NULL);

  assert_error (unknown, 404, NULL);
  assert_error (deeper, 404, NULL);
  assert_error (root, 404, NULL);
}

/* Any local process can reach the sandbox with its public key: a body nested deeper than
 * json-glib's stack allows is refused, and the server goes on answering. */
static void
test_routes_hostile_nesting (Fixture *f, gconstpointer data)
{
  g_autoptr (GString) body = g_string_new ("{\"actorUserId\":\"x\",\"title\":");
  g_autofree char *path = NULL;
  g_autofree char *id = find_postmortem (f, "draft");
  g_autoptr (Response) nested = NULL;
  g_autoptr (Response) adf = NULL;
  g_autoptr (Response) after = NULL;
  g_autofree char *adf_body = NULL;

  for (guint i = 0; i < 200000; i++)
    g_string_append_c (body, '[');
  nested = fetch (f, "PUT", (path = postmortem_path (id, "/title")), body->str);
  assert_error (nested, SOUP_STATUS_BAD_REQUEST, NULL);
  g_assert_null (og_sandbox_request_get_json (og_sandbox_get_last_request (f->sandbox)));

  /* the same inside the ADF string of a content update */
  g_string_truncate (body, 0);
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (body, '[');
  adf_body = g_strdup_printf ("{\"actorUserId\":\"%s\",\"type\":\"adf\",\"content\":\"%s\"}",
                              OG_SANDBOX_ACTOR_ID, body->str);
  g_free (path);
  adf = fetch (f, "PUT", (path = postmortem_path (id, "/content")), adf_body);
  assert_error (adf, 422, "content");

  g_free (path);
  after = fetch (f, "GET", (path = postmortem_path (id, "")), NULL);
  assert_ok (after);
}

static void
test_routes_wrong_method (Fixture *f, gconstpointer data)
{
  g_autoptr (Response) post = fetch (f, "POST", "/v2/postmortem/x", "{}");
  g_autoptr (Response) delete = fetch (f, "DELETE", "/v1/incidents", NULL);
  g_autoptr (Response) get = fetch (f, "GET", "/v2/postmortem/x/title", NULL);

  assert_error (post, 405, NULL);
  g_assert_cmpstr (soup_message_headers_get_one (post->headers, "Allow"), ==, "GET, PUT, DELETE");
  assert_error (delete, 405, NULL);
  g_assert_cmpstr (soup_message_headers_get_one (delete->headers, "Allow"), ==, "GET");
  assert_error (get, 405, NULL);
  g_assert_cmpstr (soup_message_headers_get_one (get->headers, "Allow"), ==, "PUT");
}

/* Postmortems */

static void
test_postmortem_get (Fixture *f, gconstpointer data)
{
  g_auto (GStrv) ids = og_sandbox_dup_postmortem_ids (f->sandbox);
  g_autofree char *path = postmortem_path (ids[1], NULL);
  g_autoptr (Response) response = fetch (f, "GET", path, NULL);
  g_autoptr (JsonNode) expected = og_sandbox_dup_postmortem (f->sandbox, ids[1]);

  assert_ok (response);
  g_assert_true (json_node_equal (at (response->json, "data"), expected));
  g_assert_true (JSON_NODE_HOLDS_VALUE (at (response->json, "took")));
}

static void
test_postmortem_create (Fixture *f, gconstpointer data)
{
  g_auto (Ids) ids = { 0 };
  g_autofree char *incident_id = find_incident_for_create (f);
  g_autofree char *body = NULL;
  g_autoptr (Response) response = NULL;
  g_autoptr (JsonNode) incident = NULL;
  g_autoptr (JsonNode) postmortem = NULL;
  g_autofree char *title = NULL;
  g_auto (GStrv) all_ids = NULL;
  const char *id;

  ids_fetch (f, &ids);
  body = g_strdup_printf ("{\"incidentId\":\"%s\",\"actorUserId\":\"%s\",\"ownerId\":\"%s\"}",
                          incident_id, OG_SANDBOX_ACTOR_ID, ids.user);
  response = fetch (f, "POST", "/v2/postmortem", body);

  g_assert_no_error (response->error);
  g_assert_cmpuint (response->status, ==, 201);
  id = at_string (response->json, "data.postmortemId");
  g_assert_nonnull (id);

  incident = og_sandbox_dup_incident (f->sandbox, incident_id);
  g_assert_cmpstr (at_string (incident, "extraProperties.postmortemId"), ==, id);
  all_ids = og_sandbox_dup_postmortem_ids (f->sandbox);
  g_assert_true (g_strv_contains ((const char *const *) all_ids, id));

  postmortem = og_sandbox_dup_postmortem (f->sandbox, id);
  title = g_strconcat (at_string (incident, "message"), " - postmortem report", NULL);
  g_assert_cmpstr (at_string (postmortem, "title"), ==, title);
  g_assert_cmpstr (at_string (postmortem, "status"), ==, "draft");
  g_assert_cmpstr (at_string (postmortem, "severity"), ==, at_string (incident, "priority"));
  g_assert_cmpstr (at_string (postmortem, "owner.id"), ==, ids.user);
  g_assert_cmpstr (at_string (postmortem, "rootIncident.id"), ==, incident_id);
  g_assert_cmpstr (at_string (postmortem, "startTime"), ==, at_string (incident, "createdAt"));

  /* The Opsgenie template: four headings, each followed by a grey hint. */
  g_assert_cmpuint (at_length (postmortem, "content.content"), ==, 8);
  g_assert_cmpstr (at_string (postmortem, "content.content.0.content.0.text"), ==, "Leadup");
  g_assert_cmpstr (at_string (postmortem, "content.content.2.content.0.text"), ==, "Fault");
  g_assert_cmpstr (at_string (postmortem, "content.content.4.content.0.text"), ==, "Detection");
  g_assert_cmpstr (at_string (postmortem, "content.content.6.content.0.text"), ==, "Root causes");
  g_assert_cmpstr (at_string (postmortem, "content.content.1.content.0.marks.0.attrs.color"), ==,
                   "#7a869a");
  g_assert_cmpstr (at_string (postmortem, "content.content.1.content.1.type"), ==, "hardBreak");
  g_assert_cmpint (at_int (postmortem, "executiveSummary.version"), ==, 1);
}

static void
test_postmortem_create_owner_defaults_to_actor (Fixture *f, gconstpointer data)
{
  g_autofree char *incident_id = find_incident_for_create (f);
  g_autofree char *body = g_strdup_printf ("{\"incidentId\":\"%s\",\"actorUserId\":\"%s\"}",
                                           incident_id, OG_SANDBOX_ACTOR_ID);
  g_autoptr (Response) response = fetch (f, "POST", "/v2/postmortem", body);
  g_autoptr (JsonNode) postmortem = NULL;

  g_assert_cmpuint (response->status, ==, 201);
  postmortem
      = og_sandbox_dup_postmortem (f->sandbox, at_string (response->json, "data.postmortemId"));
  g_assert_cmpstr (at_string (postmortem, "owner.id"), ==, OG_SANDBOX_ACTOR_ID);
}

static void
test_postmortem_create_twice (Fixture *f, gconstpointer data)
{
  g_autofree char *incident_id = find_incident_for_create (f);
  g_autofree char *body = g_strdup_printf ("{\"incidentId\":\"%s\",\"actorUserId\":\"%s\"}",
                                           incident_id, OG_SANDBOX_ACTOR_ID);
  g_autoptr (Response) first = fetch (f, "POST", "/v2/postmortem", body);
  g_autoptr (Response) second = fetch (f, "POST", "/v2/postmortem", body);
  g_auto (GStrv) ids = og_sandbox_dup_postmortem_ids (f->sandbox);
  g_autoptr (JsonNode) incident = og_sandbox_dup_incident (f->sandbox, incident_id);

  g_assert_cmpuint (first->status, ==, 201);
  assert_error (second, 409, NULL);
  /* The first one stays the incident's postmortem. */
  g_assert_cmpstr (at_string (incident, "extraProperties.postmortemId"), ==,
                   at_string (first->json, "data.postmortemId"));
}

static void
test_postmortem_create_invalid (Fixture *f, gconstpointer data)
{
  g_auto (GStrv) before = og_sandbox_dup_postmortem_ids (f->sandbox);
  g_autofree char *incident_id = find_incident_for_create (f);
  g_autofree char *unknown_actor
      = g_strdup_printf ("{\"incidentId\":\"%s\",\"actorUserId\":\"nobody\"}", incident_id);
  g_autofree char *unknown_owner
      = g_strdup_printf ("{\"incidentId\":\"%s\",\"actorUserId\":\"%s\",\"ownerId\":\"nobody\"}",
                         incident_id, OG_SANDBOX_ACTOR_ID);
  g_autoptr (Response) empty = fetch (f, "POST", "/v2/postmortem", "{}");
  g_autoptr (Response) no_body = fetch (f, "POST", "/v2/postmortem", NULL);
  g_autoptr (Response) wrong_types
      = fetch (f, "POST", "/v2/postmortem", "{\"incidentId\":17,\"actorUserId\":[]}");
  g_autoptr (Response) actor = fetch (f, "POST", "/v2/postmortem", unknown_actor);
  g_autoptr (Response) owner = fetch (f, "POST", "/v2/postmortem", unknown_owner);
  g_autoptr (Response) incident
      = fetch (f, "POST", "/v2/postmortem",
               "{\"incidentId\":\"nope\",\"actorUserId\":\"" OG_SANDBOX_ACTOR_ID "\"}");
  g_autoptr (Response) not_json = fetch (f, "POST", "/v2/postmortem", "incidentId=1");
  g_autoptr (Response) open = NULL;
  g_autoptr (Response) open_list
      = fetch (f, "GET", "/v1/incidents?query=status:open&limit=1", NULL);
  g_autofree char *open_body = NULL;
  g_auto (GStrv) after = NULL;

  assert_error (empty, 422, "incidentId");
  assert_error (empty, 422, "actorUserId");
  assert_error (no_body, 422, "incidentId");
  assert_error (wrong_types, 422, "incidentId");
  assert_error (wrong_types, 422, "actorUserId");
  assert_error (actor, 422, "actorUserId");
  assert_error (owner, 422, "ownerId");
  assert_error (incident, 404, NULL);
  assert_error (not_json, 400, NULL);

  open_body = g_strdup_printf ("{\"incidentId\":\"%s\",\"actorUserId\":\"%s\"}",
                               at_string (open_list->json, "data.0.id"), OG_SANDBOX_ACTOR_ID);
  open = fetch (f, "POST", "/v2/postmortem", open_body);
  assert_error (open, 422, "incidentId");

  /* Nothing was created. */
  after = og_sandbox_dup_postmortem_ids (f->sandbox);
  g_assert_cmpstrv (before, after);
}

static void
test_postmortem_delete (Fixture *f, gconstpointer data)
{
  g_autofree char *id = find_postmortem (f, "published");
  g_autoptr (JsonNode) postmortem = og_sandbox_dup_postmortem (f->sandbox, id);
  const char *incident_id = at_string (postmortem, "rootIncident.id");
  g_autofree char *path = postmortem_path (id, NULL);
  g_autoptr (Response) no_actor = fetch (f, "DELETE", path, "{}");
  g_autoptr (Response) bad_flag = fetch (f, "DELETE", path,
                                         "{\"actorUserId\":\"" OG_SANDBOX_ACTOR_ID
                                         "\",\"deleteExportIncidentTimelines\":\"yes\"}");
  g_autoptr (Response) deleted = NULL;
  g_autoptr (Response) gone = NULL;
  g_autoptr (Response) again = NULL;
  g_autoptr (Response) recreated = NULL;
  g_autoptr (JsonNode) incident = NULL;
  g_autoptr (JsonNode) after_refusals = og_sandbox_dup_postmortem (f->sandbox, id);
  g_autofree char *create = NULL;
  g_auto (GStrv) ids = NULL;

  assert_error (no_actor, 422, "actorUserId");
  assert_error (bad_flag, 422, "deleteExportIncidentTimelines");
  g_assert_true (json_node_equal (postmortem, after_refusals));

  deleted = fetch (f, "DELETE", path,
                   "{\"actorUserId\":\"" OG_SANDBOX_ACTOR_ID
                   "\",\"deleteExportIncidentTimelines\":false}");
  assert_ok (deleted);
  g_assert_nonnull (strstr (at_string (deleted->json, "data.message"), id));

  gone = fetch (f, "GET", path, NULL);
  assert_error (gone, 404, NULL);
  g_assert_null (og_sandbox_dup_postmortem (f->sandbox, id));
  ids = og_sandbox_dup_postmortem_ids (f->sandbox);
  g_assert_false (g_strv_contains ((const char *const *) ids, id));
  incident = og_sandbox_dup_incident (f->sandbox, incident_id);
  g_assert_null (at (incident, "extraProperties.postmortemId"));

  again = fetch (f, "DELETE", path, "{\"actorUserId\":\"" OG_SANDBOX_ACTOR_ID "\"}");
  assert_error (again, 404, NULL);

  /* The incident is free for a new postmortem. */
  create = g_strdup_printf ("{\"incidentId\":\"%s\",\"actorUserId\":\"%s\"}", incident_id,
                            OG_SANDBOX_ACTOR_ID);
  recreated = fetch (f, "POST", "/v2/postmortem", create);
  g_assert_cmpuint (recreated->status, ==, 201);
}

/* Updates */

typedef struct
{
  const char *name;
  OgRoute route;
  const char *body;     /* without actorUserId; {placeholders} of fill() */
  const char *stored;   /* the GET member that must change */
  const char *expected; /* what it must hold: every member given here must match */
} FieldCase;

static const FieldCase field_cases[] = {
  { "title", OG_ROUTE_POSTMORTEM_TITLE, "\"title\":\"Payments fell over — and came back\"", "title",
    "\"Payments fell over — and came back\"" },
  { "severity", OG_ROUTE_POSTMORTEM_SEVERITY, "\"severity\":\"P5\"", "severity", "\"P5\"" },
  { "status", OG_ROUTE_POSTMORTEM_STATUS, "\"status\":\"in-review\"", "status", "\"in-review\"" },
  { "owner", OG_ROUTE_POSTMORTEM_OWNER, "\"ownerId\":\"{user}\"", "owner",
    "{\"id\":\"{user}\",\"name\":\"{user_name}\"}" },
  { "jira-issues", OG_ROUTE_POSTMORTEM_JIRA_ISSUES,
    "\"jiraIssues\":[\"https://example.atlassian.net/browse/OPS-1\","
    "\"http://jira.internal.example/browse/OPS-2\"]",
    "jiraIssues",
    "[\"https://example.atlassian.net/browse/OPS-1\",\"http://jira.internal.example/browse/"
    "OPS-2\"]" },
  { "related-incidents", OG_ROUTE_POSTMORTEM_RELATED_INCIDENTS,
    "\"relatedIncidentIds\":[\"{incident}\"]", "relatedIncidents", "[{\"id\":\"{incident}\"}]" },
  { "affected-services", OG_ROUTE_POSTMORTEM_AFFECTED_SERVICES,
    "\"affectedServices\":[{\"id\":\"{service}\",\"name\":\"{service_name}\"}]", "affectedServices",
    "[{\"id\":\"{service}\",\"name\":\"{service_name}\"}]" },
  { "responder-teams", OG_ROUTE_POSTMORTEM_RESPONDER_TEAMS,
    "\"responderTeams\":[{\"id\":\"{team}\",\"name\":\"{team_name}\"}]", "responderTeams",
    "[{\"id\":\"{team}\",\"name\":\"{team_name}\"}]" },
  { "responder-users", OG_ROUTE_POSTMORTEM_RESPONDER_USERS,
    "\"responderUsers\":[{\"id\":\"{user}\",\"name\":\"{user_name}\",\"role\":\"Scribe\"},"
    "{\"id\":\"{actor}\",\"name\":\"Someone\",\"role\":\"Incident Commander\"}]",
    "responders",
    "[{\"id\":\"{user}\",\"name\":\"{user_name}\",\"role\":\"Scribe\"},"
    "{\"id\":\"{actor}\",\"role\":\"Incident Commander\"}]" },
  { "executive-summary", OG_ROUTE_POSTMORTEM_EXECUTIVE_SUMMARY,
    "\"type\":\"adf\",\"executiveSummary\":{adf}", "executiveSummary", ADF_OBJECT },
  { "content", OG_ROUTE_POSTMORTEM_CONTENT, "\"type\":\"adf\",\"content\":{adf}", "content",
    ADF_OBJECT },
};

/* Every member of @expected is in @actual with a matching value (arrays: same length). */
static gboolean
json_matches (JsonNode *expected, JsonNode *actual)
{
  if (actual == NULL || json_node_get_node_type (expected) != json_node_get_node_type (actual))
    return FALSE;

  if (JSON_NODE_HOLDS_OBJECT (expected))
    {
      g_autoptr (GList) members = json_object_get_members (json_node_get_object (expected));

      for (GList *l = members; l != NULL; l = l->next)
        if (!json_matches (json_object_get_member (json_node_get_object (expected), l->data),
                           json_object_get_member (json_node_get_object (actual), l->data)))
          return FALSE;
      return TRUE;
    }

  if (JSON_NODE_HOLDS_ARRAY (expected))
    {
      JsonArray *a = json_node_get_array (expected);
      JsonArray *b = json_node_get_array (actual);

      if (json_array_get_length (a) != json_array_get_length (b))
        return FALSE;
      for (guint i = 0; i < json_array_get_length (a); i++)
        if (!json_matches (json_array_get_element (a, i), json_array_get_element (b, i)))
          return FALSE;
      return TRUE;
    }

  return json_node_equal (expected, actual);
}

static void
test_update_field (Fixture *f, gconstpointer data)
{
  const FieldCase *field = data;
  g_auto (Ids) ids = { 0 };
  g_autofree char *id = find_postmortem (f, "draft");
  const char *suffix = strrchr (og_route_get_info (field->route)->path, '/');
  g_autofree char *path = postmortem_path (id, suffix);
  g_autofree char *member = NULL;
  g_autofree char *body = NULL;
  g_autofree char *expected_text = NULL;
  g_autoptr (JsonNode) expected = NULL;
  g_autoptr (JsonNode) before = og_sandbox_dup_postmortem (f->sandbox, id);
  g_autoptr (JsonNode) after = NULL;
  g_autoptr (Response) response = NULL;
  g_autoptr (GList) members = NULL;

  ids_fetch (f, &ids);
  member = fill (&ids, field->body);
  body = g_strdup_printf ("{\"actorUserId\":\"%s\",%s}", OG_SANDBOX_ACTOR_ID, member);
  expected_text = fill (&ids, field->expected);
  expected = json_from_string (expected_text, NULL);
  g_assert_nonnull (expected);

  response = fetch (f, "PUT", path, body);
  g_assert_no_error (response->error);
  g_assert_cmpuint (response->status, ==, 200);
  if (field->route == OG_ROUTE_POSTMORTEM_CONTENT)
    g_assert_cmpuint (g_bytes_get_size (response->body), ==, 0);
  else
    assert_ok (response);

  after = og_sandbox_dup_postmortem (f->sandbox, id);
  g_assert_false (json_matches (expected, at (before, field->stored)));
  g_assert_true (json_matches (expected, at (after, field->stored)));

  /* Exactly that field changed. */
  members = json_object_get_members (json_node_get_object (before));
  g_assert_cmpuint (json_object_get_size (json_node_get_object (after)), ==,
                    g_list_length (members));
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_str_equal (l->data, field->stored))
      g_assert_true (json_node_equal (at (before, l->data), at (after, l->data)));

  /* And GET shows it. */
  {
    g_autofree char *get_path = postmortem_path (id, NULL);
    g_autoptr (Response) get = fetch (f, "GET", get_path, NULL);

    g_assert_true (json_node_equal (at (get->json, "data"), after));
  }
}

static void
test_update_full (Fixture *f, gconstpointer data)
{
  g_auto (Ids) ids = { 0 };
  g_autofree char *id = find_postmortem (f, "in-review");
  g_autofree char *path = postmortem_path (id, NULL);
  g_autofree char *body = NULL;
  g_autofree char *missing = NULL;
  g_autoptr (Response) response = NULL;
  g_autoptr (Response) incomplete = NULL;
  g_autoptr (JsonNode) after = NULL;
  g_autoptr (JsonNode) unchanged = NULL;

  ids_fetch (f, &ids);
  body = fill (&ids, "{\"actorUserId\":\"{actor}\",\"title\":\"All of it\",\"severity\":\"P4\","
                     "\"status\":\"draft\",\"ownerId\":\"{user}\","
                     "\"jiraIssues\":[\"https://example.atlassian.net/browse/OPS-9\"],"
                     "\"relatedIncidentIds\":[\"{incident}\"],"
                     "\"affectedServices\":[{\"id\":\"{service}\",\"name\":\"{service_name}\"}],"
                     "\"responderTeams\":[{\"id\":\"{team}\",\"name\":\"{team_name}\"}],"
                     "\"responderUsers\":[{\"id\":\"{user}\",\"name\":\"{user_name}\","
                     "\"role\":\"Incident Commander\"}]}");
  missing = fill (&ids, "{\"actorUserId\":\"{actor}\",\"title\":\"Only a title\","
                        "\"severity\":\"P9\"}");

  incomplete = fetch (f, "PUT", path, missing);
  assert_error (incomplete, 422, "severity");
  assert_error (incomplete, 422, "status");
  assert_error (incomplete, 422, "ownerId");
  assert_error (incomplete, 422, "responderUsers");
  g_assert_null (at (incomplete->json, "errors.title"));
  unchanged = og_sandbox_dup_postmortem (f->sandbox, id);
  g_assert_cmpstr (at_string (unchanged, "title"), !=, "Only a title");

  response = fetch (f, "PUT", path, body);
  assert_ok (response);
  after = og_sandbox_dup_postmortem (f->sandbox, id);
  g_assert_cmpstr (at_string (after, "title"), ==, "All of it");
  g_assert_cmpstr (at_string (after, "severity"), ==, "P4");
  g_assert_cmpstr (at_string (after, "status"), ==, "draft");
  g_assert_cmpstr (at_string (after, "owner.id"), ==, ids.user);
  g_assert_cmpstr (at_string (after, "jiraIssues.0"), ==,
                   "https://example.atlassian.net/browse/OPS-9");
  g_assert_cmpstr (at_string (after, "relatedIncidents.0.id"), ==, ids.incident);
  g_assert_cmpstr (at_string (after, "affectedServices.0.id"), ==, ids.service);
  g_assert_cmpstr (at_string (after, "responderTeams.0.id"), ==, ids.team);
  g_assert_cmpstr (at_string (after, "responders.0.role"), ==, "Incident Commander");
  g_assert_cmpuint (at_length (after, "responders"), ==, 1);
  /* The full update leaves the documents alone. */
  g_assert_true (json_node_equal (at (after, "content"), at (unchanged, "content")));
}

typedef struct
{
  OgRoute route;
  const char *body; /* {placeholders} of fill() */
  guint status;
  const char *member; /* that errors must name */
} InvalidCase;

#define ACTOR "\"actorUserId\":\"{actor}\","

static const InvalidCase invalid_cases[] = {
  { OG_ROUTE_POSTMORTEM_TITLE, "{" ACTOR "\"title\":\"\"}", 422, "title" },
  { OG_ROUTE_POSTMORTEM_TITLE, "{" ACTOR "\"title\":\"   \"}", 422, "title" },
  { OG_ROUTE_POSTMORTEM_TITLE, "{" ACTOR "\"title\":42}", 422, "title" },
  { OG_ROUTE_POSTMORTEM_TITLE, "{" ACTOR "\"name\":\"Wrong member\"}", 422, "title" },
  { OG_ROUTE_POSTMORTEM_TITLE, "{\"title\":\"No actor\"}", 422, "actorUserId" },
  { OG_ROUTE_POSTMORTEM_TITLE, "{\"actorUserId\":\"nobody\",\"title\":\"x\"}", 422, "actorUserId" },
  { OG_ROUTE_POSTMORTEM_TITLE, "{\"actorUserId\":7,\"title\":\"x\"}", 422, "actorUserId" },
  { OG_ROUTE_POSTMORTEM_TITLE, "title=x", 400, NULL },
  { OG_ROUTE_POSTMORTEM_TITLE, "[\"title\"]", 400, NULL },
  { OG_ROUTE_POSTMORTEM_SEVERITY, "{" ACTOR "\"severity\":\"P6\"}", 422, "severity" },
  { OG_ROUTE_POSTMORTEM_SEVERITY, "{" ACTOR "\"severity\":\"p1\"}", 422, "severity" },
  { OG_ROUTE_POSTMORTEM_SEVERITY, "{" ACTOR "\"severity\":1}", 422, "severity" },
  { OG_ROUTE_POSTMORTEM_STATUS, "{" ACTOR "\"status\":\"done\"}", 422, "status" },
  { OG_ROUTE_POSTMORTEM_OWNER, "{" ACTOR "\"ownerId\":\"nobody\"}", 422, "ownerId" },
  { OG_ROUTE_POSTMORTEM_OWNER, "{" ACTOR "\"ownerId\":null}", 422, "ownerId" },
  { OG_ROUTE_POSTMORTEM_JIRA_ISSUES, "{" ACTOR "\"jiraIssues\":[\"ftp://example.com/OPS-1\"]}", 422,
    "jiraIssues" },
  { OG_ROUTE_POSTMORTEM_JIRA_ISSUES, "{" ACTOR "\"jiraIssues\":[\"OPS-1\"]}", 422, "jiraIssues" },
  { OG_ROUTE_POSTMORTEM_JIRA_ISSUES, "{" ACTOR "\"jiraIssues\":\"https://example.com/OPS-1\"}", 422,
    "jiraIssues" },
  { OG_ROUTE_POSTMORTEM_RELATED_INCIDENTS, "{" ACTOR "\"relatedIncidentIds\":[\"nope\"]}", 422,
    "relatedIncidentIds" },
  { OG_ROUTE_POSTMORTEM_RELATED_INCIDENTS, "{" ACTOR "\"relatedIncidentIds\":[1]}", 422,
    "relatedIncidentIds" },
  { OG_ROUTE_POSTMORTEM_AFFECTED_SERVICES,
    "{" ACTOR "\"affectedServices\":[{\"id\":\"nope\",\"name\":\"x\"}]}", 422, "affectedServices" },
  { OG_ROUTE_POSTMORTEM_AFFECTED_SERVICES, "{" ACTOR "\"affectedServices\":[\"{service}\"]}", 422,
    "affectedServices" },
  { OG_ROUTE_POSTMORTEM_RESPONDER_TEAMS, "{" ACTOR "\"responderTeams\":[{\"name\":\"x\"}]}", 422,
    "responderTeams" },
  { OG_ROUTE_POSTMORTEM_RESPONDER_TEAMS, "{" ACTOR "\"responderTeams\":[{\"id\":\"{service}\"}]}",
    422, "responderTeams" },
  { OG_ROUTE_POSTMORTEM_RESPONDER_USERS,
    "{" ACTOR "\"responderUsers\":[{\"id\":\"{user}\",\"name\":\"x\"}]}", 422, "responderUsers" },
  { OG_ROUTE_POSTMORTEM_CONTENT, "{" ACTOR "\"type\":\"adf\",\"content\":\"not json\"}", 422,
    "content" },
  { OG_ROUTE_POSTMORTEM_CONTENT,
    "{" ACTOR "\"type\":\"adf\",\"content\":\"{\\\"type\\\":\\\"doc\\\",\\\"version\\\":2,"
    "\\\"content\\\":[]}\"}",
    422, "content" },
  { OG_ROUTE_POSTMORTEM_CONTENT, "{" ACTOR "\"type\":\"adf\",\"content\":" ADF_OBJECT "}", 422,
    "content" },
  { OG_ROUTE_POSTMORTEM_CONTENT, "{" ACTOR "\"type\":\"markdown\",\"content\":{adf}}", 422,
    "type" },
  { OG_ROUTE_POSTMORTEM_CONTENT, "{" ACTOR "\"content\":{adf}}", 422, "type" },
  { OG_ROUTE_POSTMORTEM_EXECUTIVE_SUMMARY, "{" ACTOR "\"type\":\"adf\"}", 422, "executiveSummary" },
  { OG_ROUTE_POSTMORTEM_EXECUTIVE_SUMMARY,
    "{" ACTOR "\"type\":\"adf\",\"executiveSummary\":\"[1,2]\"}", 422, "executiveSummary" },
};

static void
test_update_invalid (Fixture *f, gconstpointer data)
{
  g_auto (Ids) ids = { 0 };
  g_autofree char *id = find_postmortem (f, "draft");
  g_autoptr (JsonNode) before = og_sandbox_dup_postmortem (f->sandbox, id);
  g_autoptr (JsonNode) after = NULL;
  g_autoptr (GString) long_title
      = g_string_new ("{\"actorUserId\":\"" OG_SANDBOX_ACTOR_ID "\",\"title\":\"");

  ids_fetch (f, &ids);
  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      const InvalidCase *invalid = &invalid_cases[i];
      const char *suffix = strrchr (og_route_get_info (invalid->route)->path, '/');
      g_autofree char *path = postmortem_path (id, suffix);
      g_autofree char *body = fill (&ids, invalid->body);
      g_autoptr (Response) response = fetch (f, "PUT", path, body);

      g_test_message ("PUT %s %s", suffix, body);
      assert_error (response, invalid->status, invalid->member);
    }

  /* 512 characters (not bytes) are fine, 513 are not. */
  for (guint i = 0; i < 512; i++)
    g_string_append (long_title, "é");
  {
    g_autofree char *path = postmortem_path (id, "/title");
    g_autofree char *ok_body = g_strconcat (long_title->str, "\"}", NULL);
    g_autofree char *long_body = g_strconcat (long_title->str, "x\"}", NULL);
    g_autoptr (Response) too_long = fetch (f, "PUT", path, long_body);

    assert_error (too_long, 422, "title");
    after = og_sandbox_dup_postmortem (f->sandbox, id);
    /* Nothing above changed anything. */
    g_assert_true (json_node_equal (before, after));

    {
      g_autoptr (Response) just_fits = fetch (f, "PUT", path, ok_body);

      assert_ok (just_fits);
    }
  }
}

static void
test_published_lock (Fixture *f, gconstpointer data)
{
  g_autofree char *id = find_postmortem (f, "published");
  g_autofree char *title_path = postmortem_path (id, "/title");
  g_autofree char *status_path = postmortem_path (id, "/status");
  g_autofree char *content_path = postmortem_path (id, "/content");
  g_autoptr (JsonNode) before = og_sandbox_dup_postmortem (f->sandbox, id);
  g_autoptr (JsonNode) after_refusals = NULL;
  g_autoptr (JsonNode) after = NULL;
  g_autoptr (Response) title = fetch (f, "PUT", title_path,
                                      "{\"actorUserId\":\"" OG_SANDBOX_ACTOR_ID
                                      "\",\"title\":\"Edited while published\"}");
  g_autofree char *content_body = fill (NULL, "{\"actorUserId\":\"{actor}\",\"type\":\"adf\","
                                              "\"content\":{adf}}");
  g_autoptr (Response) content = fetch (f, "PUT", content_path, content_body);
  g_autoptr (Response) republish
      = fetch (f, "PUT", status_path,
               "{\"actorUserId\":\"" OG_SANDBOX_ACTOR_ID "\",\"status\":\"published\"}");
  g_autoptr (Response) reopen = NULL;
  g_autoptr (Response) title_again = NULL;

  assert_error (title, 422, NULL);
  g_assert_nonnull (strstr (at_string (title->json, "message"), "published"));
  g_assert_nonnull (strstr (at_string (title->json, "message"), "draft or in-review"));
  assert_error (content, 422, NULL);
  assert_error (republish, 422, NULL);
  after_refusals = og_sandbox_dup_postmortem (f->sandbox, id);
  g_assert_true (json_node_equal (before, after_refusals));

  reopen = fetch (f, "PUT", status_path,
                  "{\"actorUserId\":\"" OG_SANDBOX_ACTOR_ID "\",\"status\":\"in-review\"}");
  assert_ok (reopen);
  title_again = fetch (f, "PUT", title_path,
                       "{\"actorUserId\":\"" OG_SANDBOX_ACTOR_ID
                       "\",\"title\":\"Edited while in review\"}");
  assert_ok (title_again);
  after = og_sandbox_dup_postmortem (f->sandbox, id);
  g_assert_cmpstr (at_string (after, "status"), ==, "in-review");
  g_assert_cmpstr (at_string (after, "title"), ==, "Edited while in review");
}

static void
test_published_lock_full_update (Fixture *f, gconstpointer data)
{
  g_auto (Ids) ids = { 0 };
  g_autofree char *id = find_postmortem (f, "published");
  g_autofree char *path = postmortem_path (id, NULL);
  g_autofree char *body = NULL;
  g_autoptr (Response) response = NULL;
  g_autoptr (JsonNode) after = NULL;

  ids_fetch (f, &ids);
  /* Even one that would unpublish: the status goes first, on its own. */
  body = fill (&ids, "{\"actorUserId\":\"{actor}\",\"title\":\"t\",\"severity\":\"P4\","
                     "\"status\":\"draft\",\"ownerId\":\"{user}\",\"jiraIssues\":[],"
                     "\"relatedIncidentIds\":[],\"affectedServices\":[],\"responderTeams\":[],"
                     "\"responderUsers\":[]}");
  response = fetch (f, "PUT", path, body);
  assert_error (response, 422, NULL);
  after = og_sandbox_dup_postmortem (f->sandbox, id);
  g_assert_cmpstr (at_string (after, "status"), ==, "published");
}

/* Incidents */

/* Every incident @query finds, following the pages; asserts totalCount on each. */
static JsonArray *
list_incidents (Fixture *f, const char *query, guint limit)
{
  g_autofree char *escaped = escape (query);
  g_autofree char *first = g_strdup_printf ("/v1/incidents?query=%s&limit=%u", escaped, limit);
  JsonArray *all = json_array_new ();
  g_autofree char *path = g_steal_pointer (&first);
  gint64 total = -1;

  while (path != NULL)
    {
      g_autoptr (Response) response = fetch (f, "GET", path, NULL);
      JsonArray *page;

      assert_ok (response);
      if (total < 0)
        total = at_int (response->json, "totalCount");
      g_assert_cmpint (at_int (response->json, "totalCount"), ==, total);
      page = json_node_get_array (at (response->json, "data"));
      g_assert_cmpuint (json_array_get_length (page), <=, limit);
      for (guint i = 0; i < json_array_get_length (page); i++)
        json_array_add_element (all, json_node_copy (json_array_get_element (page, i)));

      g_clear_pointer (&path, g_free);
      if (at_string (response->json, "paging.next") != NULL)
        path = g_strdup (link_path (f, at_string (response->json, "paging.next")));
    }

  g_assert_cmpint (json_array_get_length (all), ==, total);
  return all;
}

static void
test_incidents_filters (Fixture *f, gconstpointer data)
{
  static const char *const statuses[] = { "open", "resolved", "closed" };
  static const char *const priorities[] = { "P1", "P2", "P3", "P4", "P5" };
  guint total = 0;

  for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
    {
      g_autofree char *query = g_strconcat ("status:", statuses[s], NULL);
      g_autoptr (JsonArray) found = list_incidents (f, query, 100);

      g_assert_cmpuint (json_array_get_length (found), >, 0);
      for (guint i = 0; i < json_array_get_length (found); i++)
        g_assert_cmpstr (
            json_object_get_string_member (json_array_get_object_element (found, i), "status"), ==,
            statuses[s]);
      total += json_array_get_length (found);
    }
  g_assert_cmpuint (total, ==, 60);

  total = 0;
  for (guint p = 0; p < G_N_ELEMENTS (priorities); p++)
    {
      g_autofree char *query = g_strconcat ("priority:", priorities[p], NULL);
      g_autoptr (JsonArray) found = list_incidents (f, query, 100);

      for (guint i = 0; i < json_array_get_length (found); i++)
        g_assert_cmpstr (
            json_object_get_string_member (json_array_get_object_element (found, i), "priority"),
            ==, priorities[p]);
      total += json_array_get_length (found);
    }
  g_assert_cmpuint (total, ==, 60);
}

static void
test_incidents_postmortem_status (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonArray) with = list_incidents (f, "postmortemStatus:has-postmortem", 100);
  g_autoptr (JsonArray) without = list_incidents (f, "postmortemStatus:no-postmortem", 100);
  g_autoptr (JsonArray) to_write = NULL;
  g_auto (GStrv) ids = og_sandbox_dup_postmortem_ids (f->sandbox);

  g_assert_cmpuint (json_array_get_length (with), ==, g_strv_length (ids));
  g_assert_cmpuint (json_array_get_length (with) + json_array_get_length (without), ==, 60);
  for (guint i = 0; i < json_array_get_length (with); i++)
    {
      JsonObject *extra = json_object_get_object_member (json_array_get_object_element (with, i),
                                                         "extraProperties");

      g_assert_true (g_strv_contains ((const char *const *) ids,
                                      json_object_get_string_member (extra, "postmortemId")));
    }
  for (guint i = 0; i < json_array_get_length (without); i++)
    g_assert_false (
        json_object_has_member (json_object_get_object_member (
                                    json_array_get_object_element (without, i), "extraProperties"),
                                "postmortemId"));

  /* What Debrief asks to offer "create": several must be there. */
  to_write = list_incidents (f, "status:resolved AND postmortemStatus:no-postmortem", 100);
  g_assert_cmpuint (json_array_get_length (to_write), >=, 3);
  for (guint i = 0; i < json_array_get_length (to_write); i++)
    g_assert_cmpstr (
        json_object_get_string_member (json_array_get_object_element (to_write, i), "status"), ==,
        "resolved");
}

static void
test_incidents_words (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonArray) lower = list_incidents (f, "kafka", 100);
  g_autoptr (JsonArray) upper = list_incidents (f, "KAFKA", 100);
  g_autoptr (JsonArray) both = list_incidents (f, "kafka and status:closed", 100);
  g_autoptr (JsonArray) two_words = list_incidents (f, "event AND lag", 100);

  g_assert_cmpuint (json_array_get_length (lower), >, 0);
  g_assert_cmpuint (json_array_get_length (lower), <, 60);
  g_assert_cmpuint (json_array_get_length (upper), ==, json_array_get_length (lower));
  for (guint i = 0; i < json_array_get_length (lower); i++)
    {
      g_autofree char *message = g_ascii_strdown (
          json_object_get_string_member (json_array_get_object_element (lower, i), "message"), -1);

      g_assert_nonnull (strstr (message, "kafka"));
    }

  g_assert_cmpuint (json_array_get_length (both), <, json_array_get_length (lower));
  for (guint i = 0; i < json_array_get_length (both); i++)
    g_assert_cmpstr (
        json_object_get_string_member (json_array_get_object_element (both, i), "status"), ==,
        "closed");

  g_assert_cmpuint (json_array_get_length (two_words), ==, 1);
  g_assert_cmpstr (
      json_object_get_string_member (json_array_get_object_element (two_words, 0), "message"), ==,
      "Event Bus: consumer lag above 500k on orders.v2");
}

static void
test_incidents_invalid (Fixture *f, gconstpointer data)
{
  static const struct
  {
    const char *query;
    const char *member;
  } cases[] = {
    { "query=status:bogus", "query" },
    { "query=priority:P0", "query" },
    { "query=postmortemStatus:maybe", "query" },
    { "query=owner:me", "query" },
    { "query=kafka%20OR%20redis", "query" },
    { "limit=0", "limit" },
    { "limit=101", "limit" },
    { "limit=ten", "limit" },
    { "offset=-1", "offset" },
    { "sort=message", "sort" },
    { "order=up", "order" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strconcat ("/v1/incidents?", cases[i].query, NULL);
      g_autoptr (Response) response = fetch (f, "GET", path, NULL);

      g_test_message ("GET %s", path);
      assert_error (response, 422, cases[i].member);
    }
}

static void
test_incidents_paging (Fixture *f, gconstpointer data)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *path = g_strdup ("/v1/incidents?limit=7");
  g_autofree char *previous_created = NULL;
  guint pages = 0;

  while (path != NULL)
    {
      g_autoptr (Response) response = fetch (f, "GET", path, NULL);
      const char *next;

      assert_ok (response);
      pages++;
      g_assert_cmpint (at_int (response->json, "totalCount"), ==, 60);
      g_assert_nonnull (at_string (response->json, "paging.first"));
      g_assert_nonnull (at_string (response->json, "paging.last"));
      for (guint i = 0; i < at_length (response->json, "data"); i++)
        {
          g_autofree char *id_path = g_strdup_printf ("data.%u.id", i);
          g_autofree char *created_path = g_strdup_printf ("data.%u.createdAt", i);
          const char *created = at_string (response->json, created_path);

          g_assert_true (g_hash_table_add (seen, g_strdup (at_string (response->json, id_path))));
          /* Newest first by default. */
          if (previous_created != NULL)
            g_assert_cmpstr (created, <, previous_created);
          g_free (previous_created);
          previous_created = g_strdup (created);
        }

      next = at_string (response->json, "paging.next");
      g_clear_pointer (&path, g_free);
      if (next != NULL)
        {
          g_assert_true (g_str_has_prefix (next, "http://127.0.0.1:"));
          g_assert_nonnull (strstr (next, "limit=7"));
          path = g_strdup (link_path (f, next));
        }
      else
        {
          g_assert_cmpuint (at_length (response->json, "data"), ==, 60 - 8 * 7);
          g_assert_cmpstr (at_string (response->json, "paging.last"), !=, NULL);
        }
    }

  g_assert_cmpuint (pages, ==, 9);
  g_assert_cmpuint (g_hash_table_size (seen), ==, 60);
}

static void
test_incidents_sort (Fixture *f, gconstpointer data)
{
  g_autoptr (Response) ascending = fetch (f, "GET", "/v1/incidents?sort=tinyId&order=asc", NULL);
  g_autoptr (Response) updated
      = fetch (f, "GET", "/v1/incidents?sort=updatedAt&order=asc&limit=100", NULL);
  g_autoptr (Response) beyond = fetch (f, "GET", "/v1/incidents?offset=100", NULL);

  assert_ok (ascending);
  g_assert_cmpuint (at_length (ascending->json, "data"), ==, 20);
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *tiny_path = g_strdup_printf ("data.%u.tinyId", i);
      g_autofree char *expected = g_strdup_printf ("%u", i + 1);

      g_assert_cmpstr (at_string (ascending->json, tiny_path), ==, expected);
    }

  assert_ok (updated);
  for (guint i = 1; i < at_length (updated->json, "data"); i++)
    {
      g_autofree char *a = g_strdup_printf ("data.%u.updatedAt", i - 1);
      g_autofree char *b = g_strdup_printf ("data.%u.updatedAt", i);

      g_assert_cmpstr (at_string (updated->json, a), <=, at_string (updated->json, b));
    }

  assert_ok (beyond);
  g_assert_cmpuint (at_length (beyond->json, "data"), ==, 0);
  g_assert_null (at (beyond->json, "paging.next"));
}

static void
test_incident_get (Fixture *f, gconstpointer data)
{
  g_autoptr (Response) list = fetch (f, "GET", "/v1/incidents?limit=1", NULL);
  g_autofree char *path = NULL;
  g_autofree char *tiny_path = NULL;
  g_autoptr (Response) by_id = NULL;
  g_autoptr (Response) by_tiny = NULL;

  assert_ok (list);
  path = g_strconcat ("/v1/incidents/", at_string (list->json, "data.0.id"), NULL);
  tiny_path = g_strdup_printf ("/v1/incidents/%s?identifierType=tiny",
                               at_string (list->json, "data.0.tinyId"));
  by_id = fetch (f, "GET", path, NULL);
  by_tiny = fetch (f, "GET", tiny_path, NULL);

  assert_ok (by_id);
  g_assert_true (json_node_equal (at (by_id->json, "data"), at (list->json, "data.0")));
  assert_ok (by_tiny);
  g_assert_true (json_node_equal (at (by_tiny->json, "data"), at (list->json, "data.0")));
  g_assert_nonnull (at_string (by_id->json, "data.description"));
  g_assert_nonnull (at (by_id->json, "data.impactedServices.0"));
  g_assert_nonnull (at (by_id->json, "data.tags.0"));
}

/* Users, teams, services */

static void
test_users_query (Fixture *f, gconstpointer data)
{
  g_autoptr (Response) by_name = fetch (f, "GET", "/v2/users?query=PRIYA", NULL);
  g_autoptr (Response) by_mail = fetch (f, "GET", "/v2/users?query=son%40sandbox", NULL);
  g_autoptr (Response) accented = fetch (f, "GET", "/v2/users?query=CHLO%C3%89", NULL);
  g_autoptr (Response) none = fetch (f, "GET", "/v2/users?query=zzzz", NULL);
  g_autoptr (Response) paged = fetch (f, "GET", "/v2/users?limit=10&offset=10", NULL);
  g_autoptr (Response) too_many = fetch (f, "GET", "/v2/users?limit=1000", NULL);

  assert_ok (by_name);
  g_assert_cmpint (at_int (by_name->json, "totalCount"), ==, 1);
  g_assert_cmpstr (at_string (by_name->json, "data.0.id"), ==, OG_SANDBOX_ACTOR_ID);

  assert_ok (by_mail);
  g_assert_cmpint (at_int (by_mail->json, "totalCount"), >, 0);
  for (guint i = 0; i < at_length (by_mail->json, "data"); i++)
    {
      g_autofree char *path = g_strdup_printf ("data.%u.username", i);

      g_assert_nonnull (strstr (at_string (by_mail->json, path), "son@sandbox"));
    }

  assert_ok (accented);
  g_assert_cmpstr (at_string (accented->json, "data.0.fullName"), ==, "Chloé Martin");
  assert_ok (none);
  g_assert_cmpuint (at_length (none->json, "data"), ==, 0);
  g_assert_cmpint (at_int (none->json, "totalCount"), ==, 0);

  assert_ok (paged);
  g_assert_cmpuint (at_length (paged->json, "data"), ==, 10);
  g_assert_nonnull (at_string (paged->json, "paging.next"));
  g_assert_nonnull (at_string (paged->json, "paging.prev"));
  assert_error (too_many, 422, "limit");
}

static void
test_teams_and_services (Fixture *f, gconstpointer data)
{
  g_autoptr (Response) teams = fetch (f, "GET", "/v2/teams", NULL);
  g_autoptr (Response) first = fetch (f, "GET", "/v1/services?limit=10", NULL);
  g_autoptr (Response) second = NULL;
  g_autoptr (GHashTable) team_ids = g_hash_table_new (g_str_hash, g_str_equal);

  assert_ok (teams);
  for (guint i = 0; i < at_length (teams->json, "data"); i++)
    {
      g_autofree char *id = g_strdup_printf ("data.%u.id", i);
      g_autofree char *name = g_strdup_printf ("data.%u.name", i);

      g_assert_nonnull (at_string (teams->json, name));
      g_hash_table_add (team_ids, (gpointer) at_string (teams->json, id));
    }

  assert_ok (first);
  g_assert_cmpint (at_int (first->json, "totalCount"), ==, 15);
  g_assert_cmpuint (at_length (first->json, "data"), ==, 10);
  g_assert_nonnull (at_string (first->json, "paging.next"));
  second = fetch (f, "GET", link_path (f, at_string (first->json, "paging.next")), NULL);
  assert_ok (second);
  g_assert_cmpuint (at_length (second->json, "data"), ==, 5);
  g_assert_null (at (second->json, "paging.next"));
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *team = g_strdup_printf ("data.%u.teamId", i);

      g_assert_true (g_hash_table_contains (team_ids, at_string (second->json, team)));
    }
}

/* Faults */

static void
test_fault_status (Fixture *f, gconstpointer data)
{
  g_auto (GStrv) ids = og_sandbox_dup_postmortem_ids (f->sandbox);
  g_autofree char *path = postmortem_path (ids[0], NULL);

  og_sandbox_add_fault (f->sandbox, OG_ROUTE_POSTMORTEM_GET, OG_SANDBOX_FAULT_STATUS, 500, 2);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (Response) failed = fetch (f, "GET", path, NULL);
      g_autoptr (Response) other_route = fetch (f, "GET", "/v2/teams", NULL);

      assert_error (failed, 500, NULL);
      g_assert_cmpstr (at_string (failed->json, "message"), ==, "Internal Server Error");
      assert_ok (other_route);
    }

  {
    g_autoptr (Response) recovered = fetch (f, "GET", path, NULL);

    assert_ok (recovered);
  }

  og_sandbox_add_fault (f->sandbox, OG_ROUTE_TEAMS_LIST, OG_SANDBOX_FAULT_STATUS, 403, 1);
  og_sandbox_add_fault (f->sandbox, OG_ROUTE_TEAMS_LIST, OG_SANDBOX_FAULT_STATUS, 429, 1);
  {
    g_autoptr (Response) forbidden = fetch (f, "GET", "/v2/teams", NULL);
    g_autoptr (Response) throttled = fetch (f, "GET", "/v2/teams", NULL);

    assert_error (forbidden, 403, NULL);
    assert_error (throttled, 429, NULL);
    g_assert_cmpstr (at_string (throttled->json, "message"), ==, "Too Many Requests");
  }
}

static void
test_fault_rate_limit (Fixture *f, gconstpointer data)
{
  g_autoptr (Response) limited = NULL;
  g_autoptr (Response) after = NULL;

  og_sandbox_add_fault (f->sandbox, OG_ROUTE_INCIDENTS_LIST, OG_SANDBOX_FAULT_RATE_LIMIT, 60, 1);
  limited = fetch (f, "GET", "/v1/incidents", NULL);
  after = fetch (f, "GET", "/v1/incidents", NULL);

  assert_error (limited, 429, NULL);
  g_assert_nonnull (strstr (at_string (limited->json, "message"), "too many requests"));
  g_assert_cmpstr (limited->reason, ==, "Too Many Requests");
  g_assert_cmpstr (soup_message_headers_get_one (limited->headers, "X-RateLimit-State"), ==,
                   "THROTTLED");
  g_assert_cmpstr (soup_message_headers_get_one (limited->headers, "X-RateLimit-Reason"), ==,
                   "ACCOUNT");
  g_assert_cmpstr (soup_message_headers_get_one (limited->headers, "X-RateLimit-Period-In-Sec"), ==,
                   "60");
  assert_ok (after);
  g_assert_null (soup_message_headers_get_one (after->headers, "X-RateLimit-State"));
}

static void
test_fault_delay (Fixture *f, gconstpointer data)
{
  g_autofree char *id = find_postmortem (f, "draft");
  g_autofree char *path = postmortem_path (id, "/title");
  g_autoptr (Response) delayed = NULL;
  g_autoptr (Response) prompt = NULL;
  g_autoptr (JsonNode) after = NULL;

  og_sandbox_add_fault (f->sandbox, OG_ROUTE_POSTMORTEM_TITLE, OG_SANDBOX_FAULT_DELAY, 400, 1);
  delayed = fetch (f, "PUT", path,
                   "{\"actorUserId\":\"" OG_SANDBOX_ACTOR_ID "\",\"title\":\"Slowly saved\"}");
  prompt = fetch (f, "PUT", path,
                  "{\"actorUserId\":\"" OG_SANDBOX_ACTOR_ID "\",\"title\":\"Quickly saved\"}");

  /* Late, but answered and applied normally. */
  assert_ok (delayed);
  g_assert_cmpint (delayed->elapsed_ms, >=, 400);
  assert_ok (prompt);
  g_assert_cmpint (prompt->elapsed_ms, <, 400);
  after = og_sandbox_dup_postmortem (f->sandbox, id);
  g_assert_cmpstr (at_string (after, "title"), ==, "Quickly saved");
}

static void
test_fault_delay_stop (Fixture *f, gconstpointer data)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autofree char *url = g_strconcat (og_sandbox_get_base_url (f->sandbox), "/v2/teams", NULL);
  g_autoptr (SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;

  /* A held answer must not outlive the server. */
  og_sandbox_add_fault (f->sandbox, OG_ROUTE_TEAMS_LIST, OG_SANDBOX_FAULT_DELAY, 60000, 1);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                "GenieKey " KEY);
  soup_session_send_and_read_async (f->session, msg, G_PRIORITY_DEFAULT, NULL, on_sent, &result);
  while (og_sandbox_count_requests (f->sandbox, OG_ROUTE_TEAMS_LIST) == 0)
    g_main_context_iteration (NULL, TRUE);

  og_sandbox_stop (f->sandbox);
  g_assert_null (og_sandbox_get_base_url (f->sandbox));
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  body = soup_session_send_and_read_finish (f->session, result, &error);
  g_assert_null (body);
  g_assert_nonnull (error);
}

static void
test_fault_drop (Fixture *f, gconstpointer data)
{
  /* Until cleared: a client library may retry a request once on a fresh connection. */
  og_sandbox_add_fault (f->sandbox, OG_ROUTE_ACCOUNT_GET, OG_SANDBOX_FAULT_DROP, 0, 0);
  {
    g_autoptr (Response) dropped = fetch (f, "GET", "/v2/account", NULL);

    g_assert_nonnull (dropped->error);
    g_assert_cmpuint (dropped->status, ==, 0);
    g_assert_null (dropped->body);
  }

  og_sandbox_clear_faults (f->sandbox);
  {
    g_autoptr (Response) answered = fetch (f, "GET", "/v2/account", NULL);

    assert_ok (answered);
  }
  g_assert_cmpuint (og_sandbox_count_requests (f->sandbox, OG_ROUTE_ACCOUNT_GET), >=, 2);
}

static void
test_fault_truncated (Fixture *f, gconstpointer data)
{
  g_auto (GStrv) ids = og_sandbox_dup_postmortem_ids (f->sandbox);
  g_autofree char *path = postmortem_path (ids[0], NULL);
  g_autoptr (Response) truncated = NULL;
  g_autoptr (Response) whole = NULL;
  gsize truncated_size, whole_size;
  const char *truncated_data, *whole_data;

  og_sandbox_add_fault (f->sandbox, OG_ROUTE_POSTMORTEM_GET, OG_SANDBOX_FAULT_TRUNCATED, 0, 1);
  truncated = fetch (f, "GET", path, NULL);
  whole = fetch (f, "GET", path, NULL);

  g_assert_no_error (truncated->error);
  g_assert_cmpuint (truncated->status, ==, 200);
  g_assert_null (truncated->json);
  assert_ok (whole);
  truncated_data = g_bytes_get_data (truncated->body, &truncated_size);
  whole_data = g_bytes_get_data (whole->body, &whole_size);
  g_assert_cmpuint (truncated_size, >, 0);
  g_assert_cmpuint (truncated_size, <, whole_size);
  /* The first half of the very answer (whose end, took and requestId, differs). */
  g_assert_cmpint (memcmp (truncated_data, whole_data, truncated_size), ==, 0);
}

static void
test_fault_not_json (Fixture *f, gconstpointer data)
{
  g_autoptr (Response) response = NULL;
  g_autofree char *text = NULL;

  og_sandbox_add_fault (f->sandbox, OG_ROUTE_USERS_LIST, OG_SANDBOX_FAULT_NOT_JSON, 0, 1);
  response = fetch (f, "GET", "/v2/users", NULL);

  g_assert_no_error (response->error);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_null (response->json);
  g_assert_cmpstr (soup_message_headers_get_content_type (response->headers, NULL), ==,
                   "text/html");
  text = g_strndup (g_bytes_get_data (response->body, NULL), g_bytes_get_size (response->body));
  g_assert_nonnull (strstr (text, "Bad Gateway"));
}

static void
test_fault_wrong_types (Fixture *f, gconstpointer data)
{
  g_auto (GStrv) ids = og_sandbox_dup_postmortem_ids (f->sandbox);
  g_autofree char *path = postmortem_path (ids[0], NULL);
  g_autoptr (Response) postmortem = NULL;
  g_autoptr (Response) list = NULL;

  og_sandbox_add_fault (f->sandbox, OG_ROUTE_POSTMORTEM_GET, OG_SANDBOX_FAULT_WRONG_TYPES, 0, 1);
  og_sandbox_add_fault (f->sandbox, OG_ROUTE_INCIDENTS_LIST, OG_SANDBOX_FAULT_WRONG_TYPES, 0, 1);
  postmortem = fetch (f, "GET", path, NULL);
  list = fetch (f, "GET", "/v1/incidents", NULL);

  g_assert_cmpuint (postmortem->status, ==, 200);
  g_assert_nonnull (postmortem->json);
  g_assert_cmpint (json_node_get_value_type (at (postmortem->json, "data.title")), ==,
                   G_TYPE_INT64);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (at (postmortem->json, "data.severity")));
  g_assert_true (JSON_NODE_HOLDS_VALUE (at (postmortem->json, "data.content")));
  g_assert_cmpuint (list->status, ==, 200);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (at (list->json, "data")));
}

static void
test_fault_empty (Fixture *f, gconstpointer data)
{
  g_autoptr (Response) response = NULL;

  og_sandbox_add_fault (f->sandbox, OG_ROUTE_ACCOUNT_GET, OG_SANDBOX_FAULT_EMPTY, 0, 1);
  response = fetch (f, "GET", "/v2/account", NULL);

  g_assert_no_error (response->error);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpuint (g_bytes_get_size (response->body), ==, 0);
}

static void
test_fault_huge (Fixture *f, gconstpointer data)
{
  g_autoptr (Response) response = NULL;
  g_autoptr (Response) tiny = NULL;

  og_sandbox_add_fault (f->sandbox, OG_ROUTE_TEAMS_LIST, OG_SANDBOX_FAULT_HUGE, 1024 * 1024, 1);
  og_sandbox_add_fault (f->sandbox, OG_ROUTE_TEAMS_LIST, OG_SANDBOX_FAULT_HUGE, 5, 1);
  response = fetch (f, "GET", "/v2/teams", NULL);
  tiny = fetch (f, "GET", "/v2/teams", NULL);

  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpuint (g_bytes_get_size (response->body), ==, 1024 * 1024);
  g_assert_nonnull (response->json);
  g_assert_cmpuint (g_bytes_get_size (tiny->body), ==, 5);
  g_assert_nonnull (tiny->json);
}

static void
test_fault_queue (Fixture *f, gconstpointer data)
{
  static const guint expected[] = { 503, 500, 500, 200 };

  og_sandbox_add_fault (f->sandbox, OG_ROUTE_SERVICES_LIST, OG_SANDBOX_FAULT_STATUS, 503, 1);
  og_sandbox_add_fault (f->sandbox, OG_ROUTE_SERVICES_LIST, OG_SANDBOX_FAULT_STATUS, 500, 2);

  /* An unauthorised request is refused before any fault, and uses none up. */
  {
    g_autoptr (Response) unauthorised = fetch_with_key (f, "GET", "/v1/services", NULL, NULL);

    assert_error (unauthorised, 401, NULL);
  }

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr (Response) response = fetch (f, "GET", "/v1/services", NULL);

      g_assert_cmpuint (response->status, ==, expected[i]);
    }

  og_sandbox_add_fault (f->sandbox, OG_ROUTE_SERVICES_LIST, OG_SANDBOX_FAULT_STATUS, 502, 0);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr (Response) response = fetch (f, "GET", "/v1/services", NULL);

      g_assert_cmpuint (response->status, ==, 502);
    }
  og_sandbox_clear_faults (f->sandbox);
  {
    g_autoptr (Response) response = fetch (f, "GET", "/v1/services", NULL);

    assert_ok (response);
  }
}

/* Recording */

static void
test_requests_recorded (Fixture *f, gconstpointer data)
{
  g_autofree char *id = find_postmortem (f, "draft");
  g_autofree char *path = postmortem_path (id, "/title");
  g_autofree char *expected_path = g_strconcat ("/v2/postmortem/", id, "/title", NULL);
  const char *body = "{\"actorUserId\":\"" OG_SANDBOX_ACTOR_ID "\",\"title\":\"Recorded\"}";
  const OgSandboxRequest *request;
  g_autoptr (JsonNode) json = NULL;
  const GPtrArray *requests;

  og_sandbox_clear_requests (f->sandbox);
  g_assert_null (og_sandbox_get_last_request (f->sandbox));

  {
    g_autoptr (Response) put = fetch (f, "PUT", path, body);

    assert_ok (put);
  }
  request = og_sandbox_get_last_request (f->sandbox);
  g_assert_nonnull (request);
  g_assert_cmpstr (request->method, ==, "PUT");
  g_assert_cmpstr (request->path, ==, expected_path);
  g_assert_true (request->has_route);
  g_assert_cmpint (request->route, ==, OG_ROUTE_POSTMORTEM_TITLE);
  g_assert_cmpmem (g_bytes_get_data (request->body, NULL), g_bytes_get_size (request->body), body,
                   strlen (body));
  json = og_sandbox_request_get_json (request);
  g_assert_cmpstr (at_string (json, "title"), ==, "Recorded");
  g_assert_cmpstr (soup_message_headers_get_one (request->headers, "Authorization"), ==,
                   "GenieKey " KEY);
  g_assert_cmpstr (soup_message_headers_get_content_type (request->headers, NULL), ==,
                   "application/json");

  {
    g_autoptr (Response) list
        = fetch (f, "GET", "/v1/incidents?query=status%3Aopen%20AND%20kafka&limit=5", NULL);
    g_autoptr (Response) unmatched = fetch_with_key (f, "GET", "/v2/no%20such%20thing", NULL, NULL);

    g_assert_cmpuint (list->status, ==, 200);
    g_assert_cmpuint (unmatched->status, ==, 401);
  }
  requests = og_sandbox_get_requests (f->sandbox);
  g_assert_cmpuint (requests->len, ==, 3);
  request = g_ptr_array_index (requests, 1);
  g_assert_cmpstr (g_hash_table_lookup (request->query, "query"), ==, "status:open AND kafka");
  g_assert_cmpstr (g_hash_table_lookup (request->query, "limit"), ==, "5");
  g_assert_cmpuint (g_bytes_get_size (request->body), ==, 0);
  g_assert_null (og_sandbox_request_get_json (request));
  request = g_ptr_array_index (requests, 2);
  g_assert_false (request->has_route);
  g_assert_cmpstr (request->path, ==, "/v2/no such thing");
  g_assert_cmpuint (g_hash_table_size (request->query), ==, 0);
  g_assert_null (soup_message_headers_get_one (request->headers, "Authorization"));

  g_assert_cmpuint (og_sandbox_count_requests (f->sandbox, OG_ROUTE_POSTMORTEM_TITLE), ==, 1);
  g_assert_cmpuint (og_sandbox_count_requests (f->sandbox, OG_ROUTE_INCIDENTS_LIST), ==, 1);
  g_assert_cmpuint (og_sandbox_count_requests (f->sandbox, OG_ROUTE_POSTMORTEM_GET), ==, 0);
  og_sandbox_clear_requests (f->sandbox);
  g_assert_cmpuint (og_sandbox_get_requests (f->sandbox)->len, ==, 0);
}

static GString *captured_log;

static void
capture_log (const char *domain, GLogLevelFlags level, const char *message, gpointer user_data)
{
  g_string_append_printf (captured_log, "%s: %s\n", domain != NULL ? domain : "", message);
}

static void
test_log_never_shows_key (Fixture *f, gconstpointer data)
{
  GLogFunc previous;

  captured_log = g_string_new (NULL);
  previous = g_log_set_default_handler (capture_log, NULL);
  {
    g_autoptr (Response) good = fetch (f, "GET", "/v2/account", NULL);
    g_autoptr (Response) bad = fetch_with_key (f, "GET", "/v2/account", NULL, KEY "-wrong");

    og_sandbox_add_fault (f->sandbox, OG_ROUTE_ACCOUNT_GET, OG_SANDBOX_FAULT_DROP, 0, 1);
    {
      g_autoptr (Response) dropped = fetch (f, "GET", "/v2/account", NULL);
    }
    og_sandbox_stop (f->sandbox);
  }
  g_log_set_default_handler (previous, NULL);

  /* The sandbox did log these requests, and never the key. */
  g_assert_nonnull (strstr (captured_log->str, "og-sandbox: GET /v2/account"));
  g_assert_null (strstr (captured_log->str, KEY));
  g_assert_null (strstr (captured_log->str, "GenieKey"));
  g_string_free (g_steal_pointer (&captured_log), TRUE);
}

static void
test_stop_and_restart (Fixture *f, gconstpointer data)
{
  g_autofree char *old_url = g_strdup (og_sandbox_get_base_url (f->sandbox));
  g_autofree char *id = find_postmortem (f, "draft");
  g_autofree char *path = postmortem_path (id, "/title");
  g_autoptr (GError) error = NULL;

  g_assert_true (g_str_has_prefix (old_url, "http://127.0.0.1:"));
  {
    g_autoptr (Response) put
        = fetch (f, "PUT", path,
                 "{\"actorUserId\":\"" OG_SANDBOX_ACTOR_ID "\",\"title\":\"Survives a restart\"}");

    assert_ok (put);
  }

  og_sandbox_stop (f->sandbox);
  g_assert_null (og_sandbox_get_base_url (f->sandbox));
  og_sandbox_stop (f->sandbox);

  g_assert_true (og_sandbox_start (f->sandbox, &error));
  g_assert_no_error (error);
  {
    g_autofree char *get_path = postmortem_path (id, NULL);
    g_autoptr (Response) get = fetch (f, "GET", get_path, NULL);

    assert_ok (get);
    g_assert_cmpstr (at_string (get->json, "data.title"), ==, "Survives a restart");
  }
}

static void
add_test (const char *path, void (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_test ("/sandbox/seed/counts", test_seed_counts);
  add_test ("/sandbox/seed/postmortems", test_seed_postmortems);
  add_test ("/sandbox/seed/deterministic", test_seed_deterministic);
  add_test ("/sandbox/auth/missing", test_auth_missing);
  add_test ("/sandbox/auth/wrong", test_auth_wrong);
  add_test ("/sandbox/routes/unknown-id", test_routes_unknown_id);
  add_test ("/sandbox/routes/unknown-path", test_routes_unknown_path);
  add_test ("/sandbox/routes/wrong-method", test_routes_wrong_method);
  add_test ("/sandbox/routes/hostile-nesting", test_routes_hostile_nesting);
  add_test ("/sandbox/postmortem/get", test_postmortem_get);
  add_test ("/sandbox/postmortem/create", test_postmortem_create);
  add_test ("/sandbox/postmortem/create-owner-defaults-to-actor",
            test_postmortem_create_owner_defaults_to_actor);
  add_test ("/sandbox/postmortem/create-twice", test_postmortem_create_twice);
  add_test ("/sandbox/postmortem/create-invalid", test_postmortem_create_invalid);
  add_test ("/sandbox/postmortem/delete", test_postmortem_delete);
  for (guint i = 0; i < G_N_ELEMENTS (field_cases); i++)
    {
      g_autofree char *path
          = g_strconcat ("/sandbox/postmortem/update/", field_cases[i].name, NULL);

      g_test_add (path, Fixture, &field_cases[i], fixture_set_up, test_update_field,
                  fixture_tear_down);
    }
  add_test ("/sandbox/postmortem/update/full", test_update_full);
  add_test ("/sandbox/postmortem/update/invalid", test_update_invalid);
  add_test ("/sandbox/postmortem/published-lock", test_published_lock);
  add_test ("/sandbox/postmortem/published-lock-full-update", test_published_lock_full_update);
  add_test ("/sandbox/incidents/filters", test_incidents_filters);
  add_test ("/sandbox/incidents/postmortem-status", test_incidents_postmortem_status);
  add_test ("/sandbox/incidents/words", test_incidents_words);
  add_test ("/sandbox/incidents/invalid", test_incidents_invalid);
  add_test ("/sandbox/incidents/paging", test_incidents_paging);
  add_test ("/sandbox/incidents/sort", test_incidents_sort);
  add_test ("/sandbox/incidents/get", test_incident_get);
  add_test ("/sandbox/users/query", test_users_query);
  add_test ("/sandbox/teams-and-services", test_teams_and_services);
  add_test ("/sandbox/faults/status", test_fault_status);
  add_test ("/sandbox/faults/rate-limit", test_fault_rate_limit);
  add_test ("/sandbox/faults/delay", test_fault_delay);
  add_test ("/sandbox/faults/delay-then-stop", test_fault_delay_stop);
  add_test ("/sandbox/faults/drop", test_fault_drop);
  add_test ("/sandbox/faults/truncated", test_fault_truncated);
  add_test ("/sandbox/faults/not-json", test_fault_not_json);
  add_test ("/sandbox/faults/wrong-types", test_fault_wrong_types);
  add_test ("/sandbox/faults/empty", test_fault_empty);
  add_test ("/sandbox/faults/huge", test_fault_huge);
  add_test ("/sandbox/faults/queue", test_fault_queue);
  add_test ("/sandbox/requests/recorded", test_requests_recorded);
  add_test ("/sandbox/log/never-shows-key", test_log_never_shows_key);
  add_test ("/sandbox/stop-and-restart", test_stop_and_restart);

  return g_test_run ();
}
