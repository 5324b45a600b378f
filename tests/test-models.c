/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "og-account.h"
#include "og-error.h"
#include "og-incident.h"
#include "og-json-private.h"
#include "og-postmortem.h"
#include "og-ref.h"
#include "og-responder.h"
#include "og-service.h"
#include "og-team.h"
#include "og-user.h"

#define ACTOR "actor-1"

/* The content body of the API documentation, to the character. */
#define DOC_EXECUTIVE_SUMMARY                                                                    \
  "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":" \
  "\"text\",\"text\":\"Executive summary\",\"marks\":[{\"type\":\"strong\"}]}]}]}"

/* Helpers */

static JsonNode *
parse_json (const char *text)
{
  g_autoptr (GError) error = NULL;
  JsonNode *node = _og_json_parse (text, -1, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static JsonNode *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return parse_json (text);
}

static OgPostmortem *
postmortem_from_node (JsonNode *node)
{
  g_autoptr (GError) error = NULL;
  OgPostmortem *postmortem = og_postmortem_new_from_json (node, &error);

  g_assert_no_error (error);
  g_assert_true (OG_IS_POSTMORTEM (postmortem));
  return postmortem;
}

static OgPostmortem *
load_postmortem (const char *name)
{
  g_autoptr (JsonNode) node = load_fixture (name);

  return postmortem_from_node (node);
}

static char *
to_string (JsonNode *node)
{
  return json_to_string (node, FALSE);
}

static void
assert_time (GDateTime *datetime, const char *iso8601)
{
  g_autoptr (GDateTime) expected = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (expected);
  g_assert_nonnull (datetime);
  g_assert_true (g_date_time_equal (datetime, expected));
}

static void
assert_same_time (GDateTime *a, GDateTime *b)
{
  if (a == NULL || b == NULL)
    g_assert_true (a == b);
  else
    g_assert_true (g_date_time_equal (a, b));
}

static void
assert_strv (const char *const *strv, const char *first, ...)
{
  const char *expected = first;
  va_list args;
  guint i = 0;

  g_assert_nonnull (strv);
  va_start (args, first);
  for (; expected != NULL; expected = va_arg (args, const char *), i++)
    g_assert_cmpstr (strv[i], ==, expected);
  va_end (args);
  g_assert_null (strv[i]);
}

static void
assert_json_equal (JsonNode *a, JsonNode *b)
{
  g_autofree char *a_text = to_string (a);
  g_autofree char *b_text = to_string (b);

  g_assert_cmpstr (a_text, ==, b_text);
  g_assert_true (json_node_equal (a, b));
}

static void
assert_bad_response (GError *error, const char *message)
{
  g_assert_error (error, OG_ERROR, OG_ERROR_BAD_RESPONSE);
  g_assert_cmpstr (error->message, ==, message);
}

static void
assert_incidents_equal (OgIncident *a, OgIncident *b)
{
  g_assert_cmpstr (og_incident_get_id (a), ==, og_incident_get_id (b));
  g_assert_cmpstr (og_incident_get_tiny_id (a), ==, og_incident_get_tiny_id (b));
  g_assert_cmpstr (og_incident_get_message (a), ==, og_incident_get_message (b));
  g_assert_cmpstr (og_incident_get_description (a), ==, og_incident_get_description (b));
  g_assert_cmpstr (og_incident_get_status (a), ==, og_incident_get_status (b));
  g_assert_cmpint (og_incident_get_priority (a), ==, og_incident_get_priority (b));
  assert_same_time (og_incident_get_created_at (a), og_incident_get_created_at (b));
  assert_same_time (og_incident_get_updated_at (a), og_incident_get_updated_at (b));
  g_assert_true (g_strv_equal (og_incident_get_tags (a), og_incident_get_tags (b)));
  g_assert_true (
      g_strv_equal (og_incident_get_impacted_services (a), og_incident_get_impacted_services (b)));
  g_assert_cmpstr (og_incident_get_postmortem_id (a), ==, og_incident_get_postmortem_id (b));
}

static void
assert_postmortems_equal (OgPostmortem *a, OgPostmortem *b)
{
  GPtrArray *a_incidents = og_postmortem_get_related_incidents (a);
  GPtrArray *b_incidents = og_postmortem_get_related_incidents (b);
  g_autoptr (JsonNode) a_json = og_postmortem_to_json (a);
  g_autoptr (JsonNode) b_json = og_postmortem_to_json (b);

  for (OgPostmortemField field = 0; field < OG_N_POSTMORTEM_FIELDS; field++)
    g_assert_true (og_postmortem_field_equal (a, b, field));

  g_assert_cmpstr (og_postmortem_get_id (a), ==, og_postmortem_get_id (b));
  g_assert_true (og_ref_equal (og_postmortem_get_owner (a), og_postmortem_get_owner (b)));
  g_assert_true (og_ref_equal (og_postmortem_get_timeline (a), og_postmortem_get_timeline (b)));
  assert_same_time (og_postmortem_get_start_time (a), og_postmortem_get_start_time (b));
  assert_same_time (og_postmortem_get_end_time (a), og_postmortem_get_end_time (b));
  assert_same_time (og_postmortem_get_respond_time (a), og_postmortem_get_respond_time (b));
  assert_same_time (og_postmortem_get_resolve_time (a), og_postmortem_get_resolve_time (b));
  assert_same_time (og_postmortem_get_created_at (a), og_postmortem_get_created_at (b));

  if (og_postmortem_get_root_incident (a) == NULL)
    g_assert_null (og_postmortem_get_root_incident (b));
  else
    assert_incidents_equal (og_postmortem_get_root_incident (a),
                            og_postmortem_get_root_incident (b));

  g_assert_cmpuint (a_incidents->len, ==, b_incidents->len);
  for (guint i = 0; i < a_incidents->len; i++)
    assert_incidents_equal (g_ptr_array_index (a_incidents, i), g_ptr_array_index (b_incidents, i));

  /* Everything else, metadataIds and iccSessions included. */
  assert_json_equal (a_json, b_json);
}

/* The node at a path such as "relatedIncidents[1].message" (member names and indexes). */
static JsonNode *
node_at (JsonNode *root, const char *path)
{
  g_auto (GStrv) parts = g_strsplit (path, ".", -1);
  JsonNode *node = root;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *bracket = strchr (parts[i], '[');

      if (bracket != NULL)
        *bracket = '\0';
      node = json_object_get_member (json_node_get_object (node), parts[i]);
      g_assert_nonnull (node);
      if (bracket != NULL)
        node = json_array_get_element (json_node_get_array (node), atoi (bracket + 1));
    }

  return node;
}

/* Sets the member at path (the last part a member name) to the JSON value. */
static void
replace_at (JsonNode *root, const char *path, const char *value)
{
  const char *dot = strrchr (path, '.');
  JsonNode *parent = root;

  if (dot != NULL)
    {
      g_autofree char *parent_path = g_strndup (path, dot - path);

      parent = node_at (root, parent_path);
      path = dot + 1;
    }
  json_object_set_member (json_node_get_object (parent), path, parse_json (value));
}

static GError *
postmortem_error (JsonNode *node)
{
  GError *error = NULL;
  OgPostmortem *postmortem = og_postmortem_new_from_json (node, &error);

  g_assert_null (postmortem);
  g_assert_nonnull (error);
  return error;
}

/* The error of the full fixture with the member at path set to value. */
static GError *
postmortem_error_with (const char *path, const char *value)
{
  g_autoptr (JsonNode) node = load_fixture ("postmortem-full.json");

  replace_at (node, path, value);
  return postmortem_error (node);
}

static GPtrArray *
object_array (gpointer first, ...)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);
  va_list args;

  va_start (args, first);
  for (gpointer object = first; object != NULL; object = va_arg (args, gpointer))
    g_ptr_array_add (array, object);
  va_end (args);
  return array;
}

static void
count_notify (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  GHashTable *counts = user_data;
  const char *name = g_param_spec_get_name (pspec);

  g_hash_table_insert (
      counts, (gpointer) name,
      GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, name)) + 1));
}

static guint
notifications (GHashTable *counts, const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, name));
}

/* JSON helpers */

static void
test_json_depth_limit (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (GString) deep = g_string_new ("{\"a\":\"[[[{{{\",\"b\":");

  /* Brackets inside strings are text: this is two levels deep. */
  node = parse_json ("{\"a\":\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\",\"b\":[1]}");
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  g_clear_pointer (&node, json_node_unref);

  /* Exactly at the limit (the object is the first level) parses. */
  for (guint i = 1; i < OG_JSON_MAX_DEPTH; i++)
    g_string_append_c (deep, '[');
  for (guint i = 1; i < OG_JSON_MAX_DEPTH; i++)
    g_string_append_c (deep, ']');
  g_string_append_c (deep, '}');
  node = parse_json (deep->str);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  g_clear_pointer (&node, json_node_unref);

  /* One more is refused before json-glib sees it. */
  g_string_insert_c (deep, deep->len - 1, ']');
  g_string_insert_c (deep, strlen ("{\"a\":\"[[[{{{\",\"b\":"), '[');
  node = _og_json_parse (deep->str, -1, "content", &error);
  g_assert_null (node);
  assert_bad_response (error, "content: JSON nested more than 512 levels deep");
}

static void
test_json_parse_errors (void)
{
  g_autoptr (GError) error = NULL;
  JsonNode *node;

  node = _og_json_parse ("", -1, NULL, &error);
  g_assert_null (node);
  assert_bad_response (error, "empty JSON document");
  g_clear_error (&error);

  node = _og_json_parse ("{\"a\":", -1, "content", &error);
  g_assert_null (node);
  g_assert_error (error, OG_ERROR, OG_ERROR_BAD_RESPONSE);
  g_assert_true (g_str_has_prefix (error->message, "content: not valid JSON: "));
}

static void
test_json_deep_copy (void)
{
  g_autoptr (JsonNode) original = parse_json ("{\"s\":\"x\",\"n\":1,\"d\":2.5,\"b\":true,"
                                              "\"z\":null,\"a\":[{\"k\":\"v\"},[]]}");
  g_autoptr (JsonNode) copy = _og_json_node_deep_copy (original);
  g_autofree char *before = to_string (original);
  g_autofree char *after = NULL;
  JsonObject *inner;

  assert_json_equal (original, copy);

  /* Values are not shared either: json_node_copy would share this one. */
  json_node_set_string (node_at (copy, "s"), "changed");
  inner = json_node_get_object (
      json_array_get_element (json_node_get_array (node_at (copy, "a")), 0));
  json_object_set_string_member (inner, "k", "changed");
  json_array_add_int_element (json_node_get_array (node_at (copy, "a")), 3);

  after = to_string (original);
  g_assert_cmpstr (before, ==, after);
}

static void
test_json_datetime_format (void)
{
  g_autoptr (GDateTime) ms = g_date_time_new_from_iso8601 ("2021-02-26T05:13:21.075+01:00", NULL);
  g_autoptr (GDateTime) us = g_date_time_new_from_iso8601 ("2021-02-26T04:13:21.000001Z", NULL);
  g_autofree char *ms_text = _og_json_format_datetime (ms);
  g_autofree char *us_text = _og_json_format_datetime (us);

  g_assert_cmpstr (ms_text, ==, "2021-02-26T04:13:21.075Z");
  g_assert_cmpstr (us_text, ==, "2021-02-26T04:13:21.000001Z");
}

/* Small models */

static void
test_ref_roundtrip (void)
{
  g_autoptr (JsonNode) node = parse_json ("{\"metadataId\":\"m\",\"id\":\"r1\",\"name\":\"Ann\","
                                          "\"extra\":[1]}");
  g_autoptr (GError) error = NULL;
  g_autoptr (OgRef) ref = og_ref_new_from_json (node, &error);
  g_autoptr (OgRef) again = NULL;
  g_autoptr (OgRef) made = og_ref_new ("r1", "Ann");
  g_autoptr (OgRef) other = og_ref_new ("r1", "Bob");
  g_autoptr (JsonNode) json = NULL;
  g_autoptr (JsonNode) json_again = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (og_ref_get_id (ref), ==, "r1");
  g_assert_cmpstr (og_ref_get_name (ref), ==, "Ann");
  g_assert_true (og_ref_equal (ref, made));
  g_assert_false (og_ref_equal (ref, other));
  g_assert_false (og_ref_equal (ref, NULL));

  json = og_ref_to_json (ref);
  text = to_string (json);
  g_assert_cmpstr (text, ==, "{\"metadataId\":\"m\",\"id\":\"r1\",\"name\":\"Ann\"}");
  again = og_ref_new_from_json (json, &error);
  g_assert_no_error (error);
  g_assert_true (og_ref_equal (ref, again));
  json_again = og_ref_to_json (again);
  assert_json_equal (json, json_again);
}

static void
assert_property (gpointer object, const char *name, const char *expected)
{
  g_autofree char *value = NULL;

  g_object_get (object, name, &value, NULL);
  g_assert_cmpstr (value, ==, expected);
}

/* The string models' properties, as GObject serves them from the table they share. */
static void
test_string_model_properties (void)
{
  g_autoptr (JsonNode) ref_json = parse_json ("{\"metadataId\":\"m\",\"id\":\"r1\"}");
  g_autoptr (JsonNode) service_json
      = parse_json ("{\"id\":\"s1\",\"name\":\"Checkout\",\"teamId\":\"t1\"}");
  g_autoptr (JsonNode) team_json = parse_json ("{\"id\":\"t1\",\"description\":\"SRE\"}");
  g_autoptr (OgRef) ref = og_ref_new_from_json (ref_json, NULL);
  g_autoptr (OgRef) made = og_ref_new ("r2", "Ann");
  g_autoptr (OgResponder) responder = og_responder_new ("u1", "Bob", "Scribe");
  g_autoptr (OgService) service = og_service_new_from_json (service_json, NULL);
  g_autoptr (OgTeam) team = og_team_new_from_json (team_json, NULL);
  GParamSpec *pspec;

  assert_property (ref, "id", "r1");
  assert_property (ref, "name", NULL);
  assert_property (ref, "metadata-id", "m");
  assert_property (made, "id", "r2");
  assert_property (made, "name", "Ann");
  assert_property (responder, "role", "Scribe");
  assert_property (service, "name", "Checkout");
  assert_property (service, "description", NULL);
  assert_property (service, "team-id", "t1");
  assert_property (team, "description", "SRE");

  /* Refs and responders are made with their values, services and teams only read. */
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (ref), "metadata-id");
  g_assert_cmpint (pspec->flags & (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY), ==,
                   G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY);
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (service), "team-id");
  g_assert_cmpint (pspec->flags & G_PARAM_READWRITE, ==, G_PARAM_READABLE);
  g_assert_null (g_object_class_find_property (G_OBJECT_GET_CLASS (team), "team-id"));
}

static void
test_ref_errors (void)
{
  g_autoptr (JsonNode) no_id = parse_json ("{\"name\":\"Ann\"}");
  g_autoptr (JsonNode) bad_name = parse_json ("{\"id\":\"r\",\"name\":7}");
  g_autoptr (JsonNode) array = parse_json ("[]");
  g_autoptr (GError) error = NULL;

  g_assert_null (og_ref_new_from_json (no_id, &error));
  assert_bad_response (error, "id: missing");
  g_clear_error (&error);

  g_assert_null (og_ref_new_from_json (bad_name, &error));
  assert_bad_response (error, "name: expected a string, got a number");
  g_clear_error (&error);

  g_assert_null (og_ref_new_from_json (array, &error));
  assert_bad_response (error, "expected an object, got an array");
  g_clear_error (&error);

  g_assert_null (og_ref_new_from_json (NULL, &error));
  assert_bad_response (error, "expected an object, got nothing");
}

static void
test_responder_roundtrip (void)
{
  g_autoptr (JsonNode) node = parse_json ("{\"id\":\"u1\",\"name\":\"Ann\","
                                          "\"role\":\"Incident Commander\"}");
  g_autoptr (JsonNode) bad = parse_json ("{\"id\":\"u1\",\"role\":{}}");
  g_autoptr (GError) error = NULL;
  g_autoptr (OgResponder) responder = og_responder_new_from_json (node, &error);
  g_autoptr (OgResponder) again = NULL;
  g_autoptr (OgResponder) other_role = og_responder_new ("u1", "Ann", "Scribe");
  g_autoptr (JsonNode) json = NULL;
  g_autoptr (JsonNode) json_again = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (og_responder_get_id (responder), ==, "u1");
  g_assert_cmpstr (og_responder_get_name (responder), ==, "Ann");
  g_assert_cmpstr (og_responder_get_role (responder), ==, "Incident Commander");
  g_assert_false (og_responder_equal (responder, other_role));

  json = og_responder_to_json (responder);
  again = og_responder_new_from_json (json, &error);
  g_assert_no_error (error);
  g_assert_true (og_responder_equal (responder, again));
  json_again = og_responder_to_json (again);
  assert_json_equal (json, json_again);
  assert_json_equal (json, node);

  g_assert_null (og_responder_new_from_json (bad, &error));
  assert_bad_response (error, "role: expected a string, got an object");
}

#define INCIDENT_JSON                                                                          \
  "{\"id\":\"70413a06-38d6-4c85-92b8-5ebc900d42e2\",\"tinyId\":\"1791\","                      \
  "\"message\":\"Our servers are in danger\",\"status\":\"open\","                             \
  "\"tags\":[\"OverwriteQuietHours\",\"Critical\"],\"createdAt\":\"2017-04-12T11:34:33.53Z\"," \
  "\"updatedAt\":\"2017-04-12T11:40:00.123Z\",\"priority\":\"P1\",\"ownerTeam\":\"\","         \
  "\"responders\":[{\"type\":\"team\",\"id\":\"t1\"}],\"isSeen\":true,\"actions\":[],"         \
  "\"extraProperties\":{\"postmortemId\":\"pm-1\",\"other\":\"x\"},"                           \
  "\"impactedServices\":[\"s1\",\"s2\"],\"description\":\"Something bad\"}"

static void
test_incident_parse (void)
{
  g_autoptr (JsonNode) node = parse_json (INCIDENT_JSON);
  g_autoptr (GError) error = NULL;
  g_autoptr (OgIncident) incident = og_incident_new_from_json (node, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (og_incident_get_id (incident), ==, "70413a06-38d6-4c85-92b8-5ebc900d42e2");
  g_assert_cmpstr (og_incident_get_tiny_id (incident), ==, "1791");
  g_assert_cmpstr (og_incident_get_message (incident), ==, "Our servers are in danger");
  g_assert_cmpstr (og_incident_get_description (incident), ==, "Something bad");
  g_assert_cmpstr (og_incident_get_status (incident), ==, "open");
  g_assert_cmpint (og_incident_get_priority (incident), ==, OG_SEVERITY_P1);
  assert_time (og_incident_get_created_at (incident), "2017-04-12T11:34:33.530Z");
  assert_time (og_incident_get_updated_at (incident), "2017-04-12T11:40:00.123Z");
  assert_strv (og_incident_get_tags (incident), "OverwriteQuietHours", "Critical", NULL);
  assert_strv (og_incident_get_impacted_services (incident), "s1", "s2", NULL);
  g_assert_cmpstr (og_incident_get_postmortem_id (incident), ==, "pm-1");
}

static void
test_incident_roundtrip (void)
{
  const char *const sources[] = {
    INCIDENT_JSON,
    /* as a postmortem carries it */
    "{\"metadataId\":\"m\",\"id\":\"i\",\"priority\":\"P5\",\"tinyId\":\"3\",\"message\":\"x\","
    "\"status\":\"closed\",\"creationTime\":\"2021-02-26T04:13:21.075Z\",\"tags\":[]}",
    /* the bare minimum */
    "{\"id\":\"i\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autoptr (JsonNode) node = parse_json (sources[i]);
      g_autoptr (GError) error = NULL;
      g_autoptr (OgIncident) incident = og_incident_new_from_json (node, &error);
      g_autoptr (OgIncident) again = NULL;
      g_autoptr (JsonNode) json = NULL;
      g_autoptr (JsonNode) json_again = NULL;

      g_assert_no_error (error);
      json = og_incident_to_json (incident);
      again = og_incident_new_from_json (json, &error);
      g_assert_no_error (error);
      assert_incidents_equal (incident, again);
      json_again = og_incident_to_json (again);
      assert_json_equal (json, json_again);
    }
}

static void
test_incident_creation_time (void)
{
  g_autoptr (JsonNode) node = parse_json ("{\"id\":\"i\",\"creationTime\":"
                                          "\"2021-02-26T04:13:21.075Z\",\"tags\":[]}");
  g_autoptr (GError) error = NULL;
  g_autoptr (OgIncident) incident = og_incident_new_from_json (node, &error);
  g_autoptr (JsonNode) json = NULL;

  g_assert_no_error (error);
  assert_time (og_incident_get_created_at (incident), "2021-02-26T04:13:21.075Z");
  g_assert_null (og_incident_get_updated_at (incident));
  g_assert_null (og_incident_get_description (incident));
  g_assert_null (og_incident_get_postmortem_id (incident));
  assert_strv (og_incident_get_impacted_services (incident), NULL);
  /* Opsgenie's default priority */
  g_assert_cmpint (og_incident_get_priority (incident), ==, OG_SEVERITY_P3);

  /* written back under the name it came with */
  json = og_incident_to_json (incident);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json), "creationTime"), ==,
                   "2021-02-26T04:13:21.075Z");
  g_assert_false (json_object_has_member (json_node_get_object (json), "createdAt"));
}

static void
test_incident_errors (void)
{
  const struct
  {
    const char *json;
    const char *message;
  } cases[] = {
    { "{\"id\":\"i\",\"priority\":1}", "priority: expected a string, got a number" },
    { "{\"id\":\"i\",\"priority\":\"P0\"}", "priority: “P0” is not one of P1–P5" },
    { "{\"id\":\"i\",\"priority\":\"p1\"}", "priority: “p1” is not one of P1–P5" },
    { "{\"id\":\"i\",\"tags\":\"a\"}", "tags: expected an array, got a string" },
    { "{\"id\":\"i\",\"tags\":[\"a\",{}]}", "tags[1]: expected a string, got an object" },
    { "{\"id\":\"i\",\"impactedServices\":[null]}",
      "impactedServices[0]: expected a string, got null" },
    { "{\"id\":\"i\",\"createdAt\":\"2021-13-01T00:00:00Z\"}",
      "createdAt: “2021-13-01T00:00:00Z” is not an ISO 8601 timestamp" },
    { "{\"id\":\"i\",\"updatedAt\":1614312801075}", "updatedAt: expected a string, got a number" },
    { "{\"id\":\"i\",\"extraProperties\":[]}",
      "extraProperties: expected an object, got an array" },
    { "{\"id\":\"i\",\"extraProperties\":{\"postmortemId\":5}}",
      "extraProperties.postmortemId: expected a string, got a number" },
    { "{\"id\":false}", "id: expected a string, got a boolean" },
    { "{\"tinyId\":\"1\"}", "id: missing" },
    { "\"incident\"", "expected an object, got a string" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (JsonNode) node = parse_json (cases[i].json);
      g_autoptr (GError) error = NULL;

      g_test_message ("%s", cases[i].json);
      g_assert_null (og_incident_new_from_json (node, &error));
      assert_bad_response (error, cases[i].message);
    }
}

static void
test_user_roundtrip (void)
{
  g_autoptr (JsonNode) node = parse_json (
      "{\"blocked\":true,\"verified\":true,\"id\":\"b5b92115-bfe7-43eb-8c2a-e467f2e5ddc4\","
      "\"username\":\"john.doe@opsgenie.com\",\"fullName\":\"john doe\","
      "\"role\":{\"id\":\"Admin\",\"name\":\"Admin\"},\"timeZone\":\"Europe/Kirov\","
      "\"locale\":\"en_US\",\"userAddress\":{\"country\":\"\"},\"createdAt\":\"2017-05-12T08:34:"
      "20Z\"}");
  g_autoptr (GError) error = NULL;
  g_autoptr (OgUser) user = og_user_new_from_json (node, &error);
  g_autoptr (OgUser) again = NULL;
  g_autoptr (JsonNode) json = NULL;
  g_autoptr (JsonNode) json_again = NULL;
  g_autofree char *time_zone = NULL;
  gboolean verified = FALSE;

  g_assert_no_error (error);
  g_assert_cmpstr (og_user_get_id (user), ==, "b5b92115-bfe7-43eb-8c2a-e467f2e5ddc4");
  g_assert_cmpstr (og_user_get_username (user), ==, "john.doe@opsgenie.com");
  g_assert_cmpstr (og_user_get_full_name (user), ==, "john doe");
  g_assert_cmpstr (og_user_get_role (user), ==, "Admin");
  g_assert_true (og_user_get_blocked (user));
  g_object_get (user, "verified", &verified, "time-zone", &time_zone, NULL);
  g_assert_true (verified);
  g_assert_cmpstr (time_zone, ==, "Europe/Kirov");

  json = og_user_to_json (user);
  again = og_user_new_from_json (json, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (og_user_get_id (again), ==, og_user_get_id (user));
  g_assert_cmpstr (og_user_get_username (again), ==, og_user_get_username (user));
  g_assert_cmpstr (og_user_get_full_name (again), ==, og_user_get_full_name (user));
  g_assert_cmpstr (og_user_get_role (again), ==, og_user_get_role (user));
  g_assert_true (og_user_get_blocked (again));
  json_again = og_user_to_json (again);
  assert_json_equal (json, json_again);
}

static void
test_user_errors (void)
{
  const struct
  {
    const char *json;
    const char *message;
  } cases[] = {
    { "{\"id\":\"u\",\"blocked\":\"no\"}", "blocked: expected a boolean, got a string" },
    { "{\"id\":\"u\",\"role\":\"Admin\"}", "role: expected an object, got a string" },
    { "{\"id\":\"u\",\"role\":{\"name\":1}}", "role.name: expected a string, got a number" },
    { "{\"id\":\"u\",\"fullName\":[]}", "fullName: expected a string, got an array" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (JsonNode) node = parse_json (cases[i].json);
      g_autoptr (GError) error = NULL;

      g_assert_null (og_user_new_from_json (node, &error));
      assert_bad_response (error, cases[i].message);
    }
}

static void
test_team_roundtrip (void)
{
  g_autoptr (JsonNode) node = parse_json ("{\"id\":\"t1\",\"name\":\"SRE\","
                                          "\"description\":\"Site reliability\",\"links\":{}}");
  g_autoptr (JsonNode) bad = parse_json ("{\"id\":\"t1\",\"description\":false}");
  g_autoptr (GError) error = NULL;
  g_autoptr (OgTeam) team = og_team_new_from_json (node, &error);
  g_autoptr (OgTeam) again = NULL;
  g_autoptr (JsonNode) json = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (og_team_get_id (team), ==, "t1");
  g_assert_cmpstr (og_team_get_name (team), ==, "SRE");
  g_assert_cmpstr (og_team_get_description (team), ==, "Site reliability");

  json = og_team_to_json (team);
  text = to_string (json);
  g_assert_cmpstr (text, ==,
                   "{\"id\":\"t1\",\"name\":\"SRE\",\"description\":\"Site reliability\"}");
  again = og_team_new_from_json (json, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (og_team_get_id (again), ==, "t1");
  g_assert_cmpstr (og_team_get_name (again), ==, "SRE");
  g_assert_cmpstr (og_team_get_description (again), ==, "Site reliability");

  g_assert_null (og_team_new_from_json (bad, &error));
  assert_bad_response (error, "description: expected a string, got a boolean");
}

static void
test_service_roundtrip (void)
{
  g_autoptr (JsonNode) node = parse_json ("{\"id\":\"s1\",\"name\":\"Checkout\","
                                          "\"description\":\"Takes money\",\"teamId\":\"t1\","
                                          "\"tags\":[],\"isExternal\":false}");
  g_autoptr (JsonNode) bad = parse_json ("{\"id\":\"s1\",\"teamId\":[\"t1\"]}");
  g_autoptr (GError) error = NULL;
  g_autoptr (OgService) service = og_service_new_from_json (node, &error);
  g_autoptr (OgService) again = NULL;
  g_autoptr (JsonNode) json = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (og_service_get_id (service), ==, "s1");
  g_assert_cmpstr (og_service_get_name (service), ==, "Checkout");
  g_assert_cmpstr (og_service_get_description (service), ==, "Takes money");
  g_assert_cmpstr (og_service_get_team_id (service), ==, "t1");

  json = og_service_to_json (service);
  text = to_string (json);
  g_assert_cmpstr (text, ==,
                   "{\"id\":\"s1\",\"name\":\"Checkout\",\"description\":\"Takes money\","
                   "\"teamId\":\"t1\"}");
  again = og_service_new_from_json (json, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (og_service_get_id (again), ==, "s1");
  g_assert_cmpstr (og_service_get_name (again), ==, "Checkout");
  g_assert_cmpstr (og_service_get_description (again), ==, "Takes money");
  g_assert_cmpstr (og_service_get_team_id (again), ==, "t1");

  g_assert_null (og_service_new_from_json (bad, &error));
  assert_bad_response (error, "teamId: expected a string, got an array");
}

static void
test_account_roundtrip (void)
{
  g_autoptr (JsonNode) node = parse_json ("{\"name\":\"opsgenie\",\"userCount\":1450,"
                                          "\"plan\":{\"maxUserCount\":1500,\"name\":\"Enterprise\","
                                          "\"isYearly\":true}}");
  g_autoptr (GError) error = NULL;
  g_autoptr (OgAccount) account = og_account_new_from_json (node, &error);
  g_autoptr (OgAccount) again = NULL;
  g_autoptr (JsonNode) json = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (og_account_get_name (account), ==, "opsgenie");
  g_assert_cmpuint (og_account_get_user_count (account), ==, 1450);
  g_assert_cmpstr (og_account_get_plan_name (account), ==, "Enterprise");
  g_assert_cmpuint (og_account_get_max_user_count (account), ==, 1500);
  g_assert_true (og_account_get_is_yearly (account));

  json = og_account_to_json (account);
  assert_json_equal (json, node);
  again = og_account_new_from_json (json, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (og_account_get_name (again), ==, "opsgenie");
  g_assert_cmpuint (og_account_get_user_count (again), ==, 1450);
  g_assert_cmpstr (og_account_get_plan_name (again), ==, "Enterprise");
  g_assert_cmpuint (og_account_get_max_user_count (again), ==, 1500);
  g_assert_true (og_account_get_is_yearly (again));
}

static void
test_account_errors (void)
{
  const struct
  {
    const char *json;
    const char *message;
  } cases[] = {
    { "{\"userCount\":-1}", "userCount: -1 is not a whole number from 0 to 4294967295" },
    { "{\"userCount\":4294967296}",
      "userCount: 4294967296 is not a whole number from 0 to 4294967295" },
    { "{\"userCount\":1.5}", "userCount: expected a whole number, got a number" },
    { "{\"plan\":{\"maxUserCount\":\"5\"}}",
      "plan.maxUserCount: expected a whole number, got a string" },
    { "{\"plan\":{\"isYearly\":1}}", "plan.isYearly: expected a boolean, got a number" },
    { "{\"plan\":[]}", "plan: expected an object, got an array" },
    { "null", "expected an object, got null" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (JsonNode) node = parse_json (cases[i].json);
      g_autoptr (GError) error = NULL;

      g_assert_null (og_account_new_from_json (node, &error));
      assert_bad_response (error, cases[i].message);
    }
}

/* Postmortem: parsing */

static void
test_postmortem_parse_sample (void)
{
  g_autoptr (OgPostmortem) postmortem = load_postmortem ("postmortem-api-sample.json");
  g_autoptr (JsonNode) empty_doc = parse_json ("{\"version\":1,\"type\":\"doc\",\"content\":[]}");
  OgIncident *root = og_postmortem_get_root_incident (postmortem);
  OgRef *owner = og_postmortem_get_owner (postmortem);
  OgRef *timeline = og_postmortem_get_timeline (postmortem);

  g_assert_cmpstr (og_postmortem_get_id (postmortem), ==, "4e4b3a71-1fa4-47fb-9b27-23dcbde566a5");
  g_assert_cmpstr (og_postmortem_get_title (postmortem), ==, "Incident - postmortem report");
  g_assert_cmpint (og_postmortem_get_severity (postmortem), ==, OG_SEVERITY_P1);
  g_assert_cmpint (og_postmortem_get_status (postmortem), ==, OG_POSTMORTEM_STATUS_DRAFT);
  assert_time (og_postmortem_get_start_time (postmortem), "2021-02-26T04:13:21.075Z");
  assert_time (og_postmortem_get_end_time (postmortem), "2021-02-26T04:13:27.757Z");
  assert_time (og_postmortem_get_respond_time (postmortem), "2021-02-26T04:13:27.947Z");
  assert_time (og_postmortem_get_resolve_time (postmortem), "2021-02-26T04:13:27.757Z");
  assert_time (og_postmortem_get_created_at (postmortem), "2021-02-26T04:20:33.873Z");

  g_assert_true (json_node_equal (og_postmortem_get_executive_summary (postmortem), empty_doc));
  g_assert_true (json_node_equal (og_postmortem_get_content (postmortem), empty_doc));

  g_assert_nonnull (root);
  g_assert_cmpstr (og_incident_get_id (root), ==, "aff8a4f3-02fd-4146-b278-8e350e06202d");
  g_assert_cmpint (og_incident_get_priority (root), ==, OG_SEVERITY_P1);
  g_assert_cmpstr (og_incident_get_tiny_id (root), ==, "3");
  g_assert_cmpstr (og_incident_get_message (root), ==, "Incident");
  g_assert_cmpstr (og_incident_get_status (root), ==, "closed");
  assert_time (og_incident_get_created_at (root), "2021-02-26T04:13:21.075Z");
  assert_strv (og_incident_get_tags (root), NULL);

  g_assert_nonnull (owner);
  g_assert_cmpstr (og_ref_get_id (owner), ==, "b75a117f-fe66-4321-bc69-1782e4b86c4d");
  g_assert_cmpstr (og_ref_get_name (owner), ==, "John Doe");
  g_assert_nonnull (timeline);
  g_assert_cmpstr (og_ref_get_id (timeline), ==, "p_bc447472-2738-4eea-9fd5-351c8eebd7d2");
  g_assert_null (og_ref_get_name (timeline));

  assert_strv (og_postmortem_get_jira_issues (postmortem), NULL);
  g_assert_cmpuint (og_postmortem_get_related_incidents (postmortem)->len, ==, 0);
  g_assert_cmpuint (og_postmortem_get_affected_services (postmortem)->len, ==, 0);
  g_assert_cmpuint (og_postmortem_get_responder_teams (postmortem)->len, ==, 0);
  g_assert_cmpuint (og_postmortem_get_responders (postmortem)->len, ==, 0);
}

static void
test_postmortem_parse_full (void)
{
  g_autoptr (OgPostmortem) postmortem = load_postmortem ("postmortem-full.json");
  g_autoptr (JsonNode) fixture = load_fixture ("postmortem-full.json");
  GPtrArray *incidents = og_postmortem_get_related_incidents (postmortem);
  GPtrArray *services = og_postmortem_get_affected_services (postmortem);
  GPtrArray *teams = og_postmortem_get_responder_teams (postmortem);
  GPtrArray *responders = og_postmortem_get_responders (postmortem);
  OgIncident *incident;
  OgResponder *responder;

  g_assert_cmpstr (og_postmortem_get_title (postmortem), ==, "Database connection pool exhausted");
  g_assert_cmpint (og_postmortem_get_severity (postmortem), ==, OG_SEVERITY_P2);
  g_assert_cmpint (og_postmortem_get_status (postmortem), ==, OG_POSTMORTEM_STATUS_IN_REVIEW);
  assert_strv (og_incident_get_tags (og_postmortem_get_root_incident (postmortem)), "database",
               "checkout", NULL);
  g_assert_true (json_node_equal (og_postmortem_get_executive_summary (postmortem),
                                  node_at (fixture, "executiveSummary")));
  g_assert_true (
      json_node_equal (og_postmortem_get_content (postmortem), node_at (fixture, "content")));
  /* a copy: the caller's tree stays the caller's */
  g_assert_true (og_postmortem_get_content (postmortem) != node_at (fixture, "content"));

  assert_strv (og_postmortem_get_jira_issues (postmortem),
               "https://atlantis.atlassian.net/browse/TRIDENT-101",
               "https://atlantis.atlassian.net/browse/TRIDENT-102", NULL);

  g_assert_cmpuint (incidents->len, ==, 2);
  incident = g_ptr_array_index (incidents, 0);
  g_assert_cmpstr (og_incident_get_id (incident), ==, "4513b7ea-3b91-438f-b7e4-e3e54af9147c");
  g_assert_cmpstr (og_incident_get_tiny_id (incident), ==, "7");
  g_assert_cmpstr (og_incident_get_message (incident), ==, "Payments slow");
  g_assert_cmpint (og_incident_get_priority (incident), ==, OG_SEVERITY_P3);
  assert_time (og_incident_get_created_at (incident), "2021-02-25T22:01:00Z");
  incident = g_ptr_array_index (incidents, 1);
  g_assert_cmpstr (og_incident_get_id (incident), ==, "bb4d9938-c3c2-455d-aaab-727aa701c0d8");
  g_assert_cmpstr (og_incident_get_status (incident), ==, "open");
  g_assert_cmpint (og_incident_get_priority (incident), ==, OG_SEVERITY_P4);
  assert_time (og_incident_get_created_at (incident), "2021-02-26T00:30:00.5Z");
  assert_strv (og_incident_get_tags (incident), "auth", NULL);

  g_assert_cmpuint (services->len, ==, 2);
  g_assert_cmpstr (og_ref_get_id (g_ptr_array_index (services, 0)), ==,
                   "fc1448b7-46b2-401d-9df8-c02675958e3b");
  g_assert_cmpstr (og_ref_get_name (g_ptr_array_index (services, 0)), ==, "Service 1");
  g_assert_cmpstr (og_ref_get_id (g_ptr_array_index (services, 1)), ==,
                   "fe954a67-813e-4356-87dc-afed1eec6b66");
  g_assert_cmpstr (og_ref_get_name (g_ptr_array_index (services, 1)), ==, "Service 2");

  g_assert_cmpuint (teams->len, ==, 2);
  g_assert_cmpstr (og_ref_get_id (g_ptr_array_index (teams, 0)), ==,
                   "7a1c2c1e-4b8e-4f0e-9d51-1c6f2a1c9b01");
  g_assert_cmpstr (og_ref_get_name (g_ptr_array_index (teams, 1)), ==, "Team 2");

  g_assert_cmpuint (responders->len, ==, 2);
  responder = g_ptr_array_index (responders, 0);
  g_assert_cmpstr (og_responder_get_id (responder), ==, "c1d2e3f4-0000-4000-8000-000000000001");
  g_assert_cmpstr (og_responder_get_name (responder), ==, "User 1");
  g_assert_cmpstr (og_responder_get_role (responder), ==, "Incident Commander");
  responder = g_ptr_array_index (responders, 1);
  g_assert_cmpstr (og_responder_get_role (responder), ==, "Communication Officer");
}

static void
test_postmortem_properties (void)
{
  g_autoptr (OgPostmortem) postmortem = load_postmortem ("postmortem-full.json");
  g_autofree char *title = NULL;
  g_autoptr (GPtrArray) responders = NULL;
  g_autoptr (OgIncident) root = NULL;
  g_autoptr (GDateTime) start = NULL;
  g_auto (GStrv) jira = NULL;
  OgSeverity severity;
  OgPostmortemStatus status;

  g_object_get (postmortem, "title", &title, "severity", &severity, "status", &status, "responders",
                &responders, "root-incident", &root, "start-time", &start, "jira-issues", &jira,
                NULL);
  g_assert_cmpstr (title, ==, "Database connection pool exhausted");
  g_assert_cmpint (severity, ==, OG_SEVERITY_P2);
  g_assert_cmpint (status, ==, OG_POSTMORTEM_STATUS_IN_REVIEW);
  g_assert_cmpuint (responders->len, ==, 2);
  g_assert_true (root == og_postmortem_get_root_incident (postmortem));
  assert_time (start, "2021-02-26T04:13:21.075Z");
  g_assert_cmpuint (g_strv_length (jira), ==, 2);

  g_object_set (postmortem, "title", "Set by property", "severity", OG_SEVERITY_P5, NULL);
  g_assert_cmpstr (og_postmortem_get_title (postmortem), ==, "Set by property");
  g_assert_cmpint (og_postmortem_get_severity (postmortem), ==, OG_SEVERITY_P5);
}

static void
test_postmortem_minimal (void)
{
  g_autoptr (JsonNode) node = parse_json ("{\"postmortemId\":\"pm\",\"title\":null,"
                                          "\"content\":null,\"executiveSummary\":\"  \","
                                          "\"owner\":null,\"jiraIssues\":null,"
                                          "\"startTime\":null,\"rootIncident\":null,"
                                          "\"responders\":null}");
  g_autoptr (OgPostmortem) postmortem = postmortem_from_node (node);

  g_assert_cmpstr (og_postmortem_get_id (postmortem), ==, "pm");
  g_assert_null (og_postmortem_get_title (postmortem));
  g_assert_null (og_postmortem_get_content (postmortem));
  g_assert_null (og_postmortem_get_executive_summary (postmortem));
  g_assert_null (og_postmortem_get_owner (postmortem));
  g_assert_null (og_postmortem_get_timeline (postmortem));
  g_assert_null (og_postmortem_get_root_incident (postmortem));
  g_assert_null (og_postmortem_get_start_time (postmortem));
  g_assert_null (og_postmortem_get_created_at (postmortem));
  g_assert_cmpint (og_postmortem_get_severity (postmortem), ==, OG_SEVERITY_P3);
  g_assert_cmpint (og_postmortem_get_status (postmortem), ==, OG_POSTMORTEM_STATUS_DRAFT);
  assert_strv (og_postmortem_get_jira_issues (postmortem), NULL);
  g_assert_cmpuint (og_postmortem_get_related_incidents (postmortem)->len, ==, 0);
  g_assert_cmpuint (og_postmortem_get_affected_services (postmortem)->len, ==, 0);
  g_assert_cmpuint (og_postmortem_get_responder_teams (postmortem)->len, ==, 0);
  g_assert_cmpuint (og_postmortem_get_responders (postmortem)->len, ==, 0);
}

static void
test_postmortem_roundtrip (void)
{
  const char *const fixtures[] = { "postmortem-api-sample.json", "postmortem-full.json" };

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autoptr (OgPostmortem) postmortem = load_postmortem (fixtures[i]);
      g_autoptr (JsonNode) json = og_postmortem_to_json (postmortem);
      g_autoptr (OgPostmortem) again = postmortem_from_node (json);

      assert_postmortems_equal (postmortem, again);
    }
}

static void
test_postmortem_to_json_shape (void)
{
  g_autoptr (OgPostmortem) postmortem = load_postmortem ("postmortem-full.json");
  g_autoptr (JsonNode) fixture = load_fixture ("postmortem-full.json");
  g_autoptr (JsonNode) json = og_postmortem_to_json (postmortem);
  const char *const same[] = {
    "executiveSummary",
    "content",
    "postmortemId",
    "title",
    "severity",
    "status",
    "startTime",
    "endTime",
    "respondTime",
    "resolveTime",
    "createdAtTime",
    "owner",
    "timeline",
    "jiraIssues",
    "affectedServices",
    "iccSessions",
    "responderTeams",
    "responders",
    "rootIncident.metadataId",
    "rootIncident.creationTime",
    "relatedIncidents[0].metadataId",
  };

  /* The GET shape back, as the cache stores it (times as Opsgenie writes them: UTC,
   * milliseconds). */
  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    {
      g_test_message ("%s", same[i]);
      g_assert_true (json_node_equal (node_at (json, same[i]), node_at (fixture, same[i])));
    }
  g_assert_false (json_object_has_member (json_node_get_object (json), "someFutureMember"));
}

static void
test_postmortem_icc_sessions (void)
{
  g_autoptr (JsonNode) node = parse_json ("{\"postmortemId\":\"pm\",\"iccSessions\":"
                                          "{\"odd\":[1,{\"deep\":null}],\"n\":2.25}}");
  g_autoptr (JsonNode) absent = parse_json ("{\"postmortemId\":\"pm\"}");
  g_autoptr (OgPostmortem) postmortem = postmortem_from_node (node);
  g_autoptr (OgPostmortem) without = postmortem_from_node (absent);
  g_autoptr (OgPostmortem) copy = og_postmortem_copy (postmortem);
  g_autoptr (JsonNode) json = og_postmortem_to_json (postmortem);
  g_autoptr (JsonNode) copy_json = og_postmortem_to_json (copy);
  g_autoptr (JsonNode) without_json = og_postmortem_to_json (without);

  assert_json_equal (node_at (json, "iccSessions"), node_at (node, "iccSessions"));
  assert_json_equal (node_at (copy_json, "iccSessions"), node_at (node, "iccSessions"));
  g_assert_false (json_object_has_member (json_node_get_object (without_json), "iccSessions"));
}

/* Every member of the wrong JSON type, one test each. */
typedef struct
{
  const char *path;
  const char *value;
  const char *message;
} BadMember;

static const BadMember wrong_types[] = {
  { "postmortemId", "true", "postmortemId: expected a string, got a boolean" },
  { "title", "42", "title: expected a string, got a number" },
  { "severity", "1", "severity: expected a string, got a number" },
  { "status", "[]", "status: expected a string, got an array" },
  { "startTime", "1614312801075", "startTime: expected a string, got a number" },
  { "endTime", "{}", "endTime: expected a string, got an object" },
  { "respondTime", "true", "respondTime: expected a string, got a boolean" },
  { "resolveTime", "[\"x\"]", "resolveTime: expected a string, got an array" },
  { "createdAtTime", "0.5", "createdAtTime: expected a string, got a number" },
  { "executiveSummary", "7", "executiveSummary: expected an ADF document, got a number" },
  { "content", "[]", "content: expected an ADF document, got an array" },
  { "rootIncident", "\"x\"", "rootIncident: expected an object, got a string" },
  { "rootIncident.id", "null", "rootIncident.id: expected a string, got null" },
  { "rootIncident.tinyId", "3", "rootIncident.tinyId: expected a string, got a number" },
  { "rootIncident.message", "[]", "rootIncident.message: expected a string, got an array" },
  { "rootIncident.status", "false", "rootIncident.status: expected a string, got a boolean" },
  { "rootIncident.priority", "1", "rootIncident.priority: expected a string, got a number" },
  { "rootIncident.creationTime", "false",
    "rootIncident.creationTime: expected a string, got a boolean" },
  { "rootIncident.tags", "{}", "rootIncident.tags: expected an array, got an object" },
  { "rootIncident.tags", "[\"a\",3]", "rootIncident.tags[1]: expected a string, got a number" },
  { "rootIncident.metadataId", "{}", "rootIncident.metadataId: expected a string, got an object" },
  { "owner", "[]", "owner: expected an object, got an array" },
  { "owner.id", "1", "owner.id: expected a string, got a number" },
  { "owner.name", "{}", "owner.name: expected a string, got an object" },
  { "timeline", "1", "timeline: expected an object, got a number" },
  { "timeline.id", "[]", "timeline.id: expected a string, got an array" },
  { "jiraIssues", "\"https://x\"", "jiraIssues: expected an array, got a string" },
  { "jiraIssues", "[\"https://x\",null]", "jiraIssues[1]: expected a string, got null" },
  { "relatedIncidents", "{}", "relatedIncidents: expected an array, got an object" },
  { "relatedIncidents", "[{\"id\":\"a\"},\"b\"]",
    "relatedIncidents[1]: expected an object, got a string" },
  { "relatedIncidents[1].message", "1",
    "relatedIncidents[1].message: expected a string, got a number" },
  { "relatedIncidents[0].tags", "[[]]",
    "relatedIncidents[0].tags[0]: expected a string, got an array" },
  { "affectedServices", "1", "affectedServices: expected an array, got a number" },
  { "affectedServices[0].name", "true",
    "affectedServices[0].name: expected a string, got a boolean" },
  { "affectedServices[1].id", "null", "affectedServices[1].id: expected a string, got null" },
  { "responderTeams", "\"t\"", "responderTeams: expected an array, got a string" },
  { "responderTeams[1].id", "2", "responderTeams[1].id: expected a string, got a number" },
  { "responders", "{}", "responders: expected an array, got an object" },
  { "responders", "[null]", "responders[0]: expected an object, got null" },
  { "responders[0].role", "[]", "responders[0].role: expected a string, got an array" },
};

static const BadMember bad_values[] = {
  { "severity", "\"P9\"", "severity: “P9” is not one of P1–P5" },
  { "severity", "\"p1\"", "severity: “p1” is not one of P1–P5" },
  { "severity", "\"\"", "severity: “” is not one of P1–P5" },
  { "status", "\"closed\"", "status: “closed” is not one of draft, in-review, published" },
  { "status", "\"in_review\"", "status: “in_review” is not one of draft, in-review, published" },
  { "rootIncident.priority", "\"P0\"", "rootIncident.priority: “P0” is not one of P1–P5" },
  { "relatedIncidents[1].priority", "\"critical\"",
    "relatedIncidents[1].priority: “critical” is not one of P1–P5" },
  { "postmortemId", "null", "postmortemId: expected a string, got null" },
};

static const BadMember bad_times[] = {
  { "startTime", "\"yesterday\"", "startTime: “yesterday” is not an ISO 8601 timestamp" },
  { "endTime", "\"2021-02-30T04:13:27.757Z\"",
    "endTime: “2021-02-30T04:13:27.757Z” is not an ISO 8601 timestamp" },
  { "respondTime", "\"\"", "respondTime: “” is not an ISO 8601 timestamp" },
  { "resolveTime", "\"2021-02-26T04:13:27Zjunk\"",
    "resolveTime: “2021-02-26T04:13:27Zjunk” is not an ISO 8601 timestamp" },
  { "createdAtTime", "\"2021-02-26T25:00:00Z\"",
    "createdAtTime: “2021-02-26T25:00:00Z” is not an ISO 8601 timestamp" },
  { "rootIncident.creationTime", "\"soon\"",
    "rootIncident.creationTime: “soon” is not an ISO 8601 timestamp" },
  { "relatedIncidents[0].creationTime", "\"2021-02-26T04:13:21.075+25:00\"",
    "relatedIncidents[0].creationTime: “2021-02-26T04:13:21.075+25:00” is not an ISO 8601 "
    "timestamp" },
};

static void
test_postmortem_bad_member (gconstpointer data)
{
  const BadMember *bad = data;
  g_autoptr (GError) error = postmortem_error_with (bad->path, bad->value);

  assert_bad_response (error, bad->message);
}

/* The path a message names: everything before its first colon. */
static char *
message_path (const char *message)
{
  return g_strndup (message, strcspn (message, ":"));
}

static void
add_bad_member_tests (const char *prefix, const BadMember *members, guint n_members)
{
  for (guint i = 0; i < n_members; i++)
    {
      g_autofree char *where = message_path (members[i].message);
      g_autofree char *test_path = g_strconcat (prefix, where, NULL);
      guint n_before = 0;

      /* Named after the path the message names, numbered when a path has several cases. */
      for (guint j = 0; j < i; j++)
        {
          g_autofree char *other = message_path (members[j].message);

          n_before += g_str_equal (where, other);
        }
      if (n_before > 0)
        {
          g_autofree char *numbered = g_strdup_printf ("%s/%u", test_path, n_before + 1);

          g_free (test_path);
          test_path = g_steal_pointer (&numbered);
        }

      g_test_add_data_func (test_path, &members[i], test_postmortem_bad_member);
    }
}

static void
test_postmortem_non_object (void)
{
  const struct
  {
    const char *json;
    const char *message;
  } cases[] = {
    { "[]", "expected an object, got an array" },
    { "\"postmortem\"", "expected an object, got a string" },
    { "null", "expected an object, got null" },
    { "12", "expected an object, got a number" },
    { "{\"data\":{\"postmortemId\":\"x\"}}", "postmortemId: missing" },
  };
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (JsonNode) node = parse_json (cases[i].json);
      g_autoptr (GError) node_error = postmortem_error (node);

      assert_bad_response (node_error, cases[i].message);
    }

  g_assert_null (og_postmortem_new_from_json (NULL, &error));
  assert_bad_response (error, "expected an object, got nothing");
}

/* Postmortem: ADF */

static void
test_postmortem_adf_string (void)
{
  g_autoptr (JsonNode) as_object = load_fixture ("postmortem-full.json");
  g_autoptr (JsonNode) as_string = load_fixture ("postmortem-full.json");
  g_autoptr (OgPostmortem) from_object = NULL;
  g_autoptr (OgPostmortem) from_string = NULL;
  g_autofree char *content = to_string (node_at (as_object, "content"));
  g_autofree char *summary = to_string (node_at (as_object, "executiveSummary"));

  json_object_set_string_member (json_node_get_object (as_string), "content", content);
  json_object_set_string_member (json_node_get_object (as_string), "executiveSummary", summary);
  from_object = postmortem_from_node (as_object);
  from_string = postmortem_from_node (as_string);

  g_assert_true (JSON_NODE_HOLDS_OBJECT (og_postmortem_get_content (from_string)));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (og_postmortem_get_executive_summary (from_string)));
  assert_json_equal (og_postmortem_get_content (from_string),
                     og_postmortem_get_content (from_object));
  assert_json_equal (og_postmortem_get_executive_summary (from_string),
                     og_postmortem_get_executive_summary (from_object));
  g_assert_true (og_postmortem_field_equal (from_string, from_object, OG_POSTMORTEM_FIELD_CONTENT));
}

static void
test_postmortem_adf_bad_string (void)
{
  const BadMember cases[] = {
    { "executiveSummary", "\"[1,2]\"",
      "executiveSummary: expected an ADF document (a JSON object), got an array" },
    /* encoded twice: a string inside the string */
    { "content", "\"\\\"{}\\\"\"",
      "content: expected an ADF document (a JSON object), got a string" },
  };
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) case_error = postmortem_error_with (cases[i].path, cases[i].value);

      assert_bad_response (case_error, cases[i].message);
    }

  /* cut short: what json-glib says follows the path */
  error = postmortem_error_with ("content", "\"{\\\"version\\\":1,\\\"type\\\":\"");
  g_assert_error (error, OG_ERROR, OG_ERROR_BAD_RESPONSE);
  g_assert_true (g_str_has_prefix (error->message, "content: not valid JSON: "));
}

/* Postmortem: copies, setters, comparison */

static void
test_postmortem_copy_deep (void)
{
  g_autoptr (OgPostmortem) original = load_postmortem ("postmortem-full.json");
  g_autoptr (OgPostmortem) copy = og_postmortem_copy (original);
  g_autoptr (JsonNode) before = og_postmortem_to_json (original);
  g_autoptr (JsonNode) after = NULL;
  g_autoptr (GPtrArray) teams = NULL;
  const char *const urls[] = { "https://jira/1", NULL };
  JsonObject *doc;

  assert_postmortems_equal (original, copy);
  g_assert_true (og_postmortem_get_content (copy) != og_postmortem_get_content (original));
  g_assert_true (og_postmortem_get_responders (copy) != og_postmortem_get_responders (original));

  /* Mutate everything the copy lets us touch. */
  doc = json_node_get_object (og_postmortem_get_content (copy));
  json_object_set_string_member (doc, "type", "mutated");
  json_array_remove_element (
      json_node_get_array (node_at (og_postmortem_get_executive_summary (copy), "content")), 0);
  json_node_set_string (node_at (og_postmortem_get_content (copy), "content[1].content[0].text"),
                        "mutated");
  g_ptr_array_remove_index (og_postmortem_get_related_incidents (copy), 0);
  g_ptr_array_set_size (og_postmortem_get_responders (copy), 0);
  teams = object_array (og_ref_new ("t", "T"), NULL);
  og_postmortem_set_responder_teams (copy, teams);
  og_postmortem_set_jira_issues (copy, urls);
  og_postmortem_set_title (copy, "mutated");

  after = og_postmortem_to_json (original);
  assert_json_equal (before, after);
  g_assert_cmpuint (og_postmortem_get_related_incidents (original)->len, ==, 2);
  g_assert_cmpuint (og_postmortem_get_responders (original)->len, ==, 2);
}

static void
test_postmortem_setters_copy (void)
{
  g_autoptr (OgPostmortem) postmortem = og_postmortem_new ();
  g_autoptr (GPtrArray) services = object_array (og_ref_new ("s1", "One"), NULL);
  g_autoptr (JsonNode) doc = parse_json ("{\"version\":1,\"type\":\"doc\",\"content\":[]}");
  g_autoptr (JsonNode) doc_before = _og_json_node_deep_copy (doc);
  char *urls[] = { g_strdup ("https://jira/1"), NULL };

  og_postmortem_set_affected_services (postmortem, services);
  og_postmortem_set_content (postmortem, doc);
  og_postmortem_set_jira_issues (postmortem, (const char *const *) urls);

  g_assert_true (og_postmortem_get_affected_services (postmortem) != services);
  g_assert_true (og_postmortem_get_content (postmortem) != doc);

  /* The caller changes what it passed; the postmortem keeps what it was given. */
  g_ptr_array_add (services, og_ref_new ("s2", "Two"));
  json_object_set_string_member (json_node_get_object (doc), "type", "changed");
  g_free (urls[0]);
  urls[0] = g_strdup ("https://jira/changed");

  g_assert_cmpuint (og_postmortem_get_affected_services (postmortem)->len, ==, 1);
  assert_json_equal (og_postmortem_get_content (postmortem), doc_before);
  assert_strv (og_postmortem_get_jira_issues (postmortem), "https://jira/1", NULL);
  g_free (urls[0]);

  og_postmortem_set_jira_issues (postmortem, NULL);
  assert_strv (og_postmortem_get_jira_issues (postmortem), NULL);
  og_postmortem_set_affected_services (postmortem, NULL);
  g_assert_cmpuint (og_postmortem_get_affected_services (postmortem)->len, ==, 0);
  og_postmortem_set_content (postmortem, NULL);
  g_assert_null (og_postmortem_get_content (postmortem));
}

static void
test_postmortem_notify (void)
{
  g_autoptr (OgPostmortem) postmortem = load_postmortem ("postmortem-full.json");
  g_autoptr (GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) same_teams
      = object_array (og_ref_new ("7a1c2c1e-4b8e-4f0e-9d51-1c6f2a1c9b01", "Team 1"),
                      og_ref_new ("8b2d3d2f-5c9f-4a1f-8e62-2d7a3b2dac12", "Team 2"), NULL);
  g_autoptr (GPtrArray) other_teams = object_array (og_ref_new ("t", "T"), NULL);
  g_autoptr (JsonNode) same_content
      = _og_json_node_deep_copy (og_postmortem_get_content (postmortem));
  g_autoptr (OgRef) same_owner = og_ref_new ("b75a117f-fe66-4321-bc69-1782e4b86c4d", "John Doe");
  const char *const same_urls[] = { "https://atlantis.atlassian.net/browse/TRIDENT-101",
                                    "https://atlantis.atlassian.net/browse/TRIDENT-102", NULL };

  g_signal_connect (postmortem, "notify", G_CALLBACK (count_notify), counts);

  /* Equal values: no notification. */
  og_postmortem_set_title (postmortem, "Database connection pool exhausted");
  og_postmortem_set_severity (postmortem, OG_SEVERITY_P2);
  og_postmortem_set_status (postmortem, OG_POSTMORTEM_STATUS_IN_REVIEW);
  og_postmortem_set_owner (postmortem, same_owner);
  og_postmortem_set_responder_teams (postmortem, same_teams);
  og_postmortem_set_content (postmortem, same_content);
  og_postmortem_set_jira_issues (postmortem, same_urls);
  og_postmortem_set_id (postmortem, "4e4b3a71-1fa4-47fb-9b27-23dcbde566a5");
  g_assert_cmpuint (g_hash_table_size (counts), ==, 0);

  /* Changes: one each. */
  og_postmortem_set_title (postmortem, "New");
  og_postmortem_set_title (postmortem, "New");
  og_postmortem_set_severity (postmortem, OG_SEVERITY_P1);
  og_postmortem_set_status (postmortem, OG_POSTMORTEM_STATUS_PUBLISHED);
  og_postmortem_set_owner (postmortem, NULL);
  og_postmortem_set_responder_teams (postmortem, other_teams);
  og_postmortem_set_content (postmortem, NULL);
  og_postmortem_set_jira_issues (postmortem, NULL);
  og_postmortem_set_responders (postmortem, NULL);
  g_assert_cmpuint (notifications (counts, "title"), ==, 1);
  g_assert_cmpuint (notifications (counts, "severity"), ==, 1);
  g_assert_cmpuint (notifications (counts, "status"), ==, 1);
  g_assert_cmpuint (notifications (counts, "owner"), ==, 1);
  g_assert_cmpuint (notifications (counts, "responder-teams"), ==, 1);
  g_assert_cmpuint (notifications (counts, "content"), ==, 1);
  g_assert_cmpuint (notifications (counts, "jira-issues"), ==, 1);
  g_assert_cmpuint (notifications (counts, "responders"), ==, 1);
  g_assert_cmpuint (notifications (counts, "executive-summary"), ==, 0);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 8);
}

typedef void (*MutateFunc) (OgPostmortem *postmortem);

static void
mutate_title (OgPostmortem *p)
{
  og_postmortem_set_title (p, "Other");
}

static void
mutate_severity (OgPostmortem *p)
{
  og_postmortem_set_severity (p, OG_SEVERITY_P5);
}

static void
mutate_status (OgPostmortem *p)
{
  og_postmortem_set_status (p, OG_POSTMORTEM_STATUS_PUBLISHED);
}

static void
mutate_owner (OgPostmortem *p)
{
  g_autoptr (OgRef) owner = og_ref_new ("someone-else", "John Doe");

  og_postmortem_set_owner (p, owner);
}

static void
mutate_jira_issues (OgPostmortem *p)
{
  const char *const urls[] = { "https://atlantis.atlassian.net/browse/TRIDENT-101", NULL };

  og_postmortem_set_jira_issues (p, urls);
}

static void
mutate_related_incidents (OgPostmortem *p)
{
  g_autoptr (GPtrArray) incidents = g_ptr_array_new ();

  g_ptr_array_add (incidents, g_ptr_array_index (og_postmortem_get_related_incidents (p), 1));
  g_ptr_array_add (incidents, g_ptr_array_index (og_postmortem_get_related_incidents (p), 0));
  og_postmortem_set_related_incidents (p, incidents);
}

static void
mutate_affected_services (OgPostmortem *p)
{
  /* same id, another name: the update sends names too */
  g_autoptr (GPtrArray) services = object_array (
      og_ref_new ("fc1448b7-46b2-401d-9df8-c02675958e3b", "Service One"),
      g_object_ref (g_ptr_array_index (og_postmortem_get_affected_services (p), 1)), NULL);

  og_postmortem_set_affected_services (p, services);
}

static void
mutate_responder_teams (OgPostmortem *p)
{
  g_autoptr (GPtrArray) teams = g_ptr_array_new ();

  g_ptr_array_add (teams, g_ptr_array_index (og_postmortem_get_responder_teams (p), 0));
  og_postmortem_set_responder_teams (p, teams);
}

static void
mutate_responder_users (OgPostmortem *p)
{
  OgResponder *first = g_ptr_array_index (og_postmortem_get_responders (p), 0);
  g_autoptr (GPtrArray) responders = object_array (
      og_responder_new (og_responder_get_id (first), og_responder_get_name (first), "Scribe"),
      g_object_ref (g_ptr_array_index (og_postmortem_get_responders (p), 1)), NULL);

  og_postmortem_set_responders (p, responders);
}

static void
mutate_executive_summary (OgPostmortem *p)
{
  g_autoptr (JsonNode) doc = parse_json ("{\"version\":1,\"type\":\"doc\",\"content\":[]}");

  og_postmortem_set_executive_summary (p, doc);
}

static void
mutate_content (OgPostmortem *p)
{
  og_postmortem_set_content (p, NULL);
}

static const MutateFunc mutators[] = {
  [OG_POSTMORTEM_FIELD_TITLE] = mutate_title,
  [OG_POSTMORTEM_FIELD_SEVERITY] = mutate_severity,
  [OG_POSTMORTEM_FIELD_STATUS] = mutate_status,
  [OG_POSTMORTEM_FIELD_OWNER] = mutate_owner,
  [OG_POSTMORTEM_FIELD_JIRA_ISSUES] = mutate_jira_issues,
  [OG_POSTMORTEM_FIELD_RELATED_INCIDENTS] = mutate_related_incidents,
  [OG_POSTMORTEM_FIELD_AFFECTED_SERVICES] = mutate_affected_services,
  [OG_POSTMORTEM_FIELD_RESPONDER_TEAMS] = mutate_responder_teams,
  [OG_POSTMORTEM_FIELD_RESPONDER_USERS] = mutate_responder_users,
  [OG_POSTMORTEM_FIELD_EXECUTIVE_SUMMARY] = mutate_executive_summary,
  [OG_POSTMORTEM_FIELD_CONTENT] = mutate_content,
};

G_STATIC_ASSERT (G_N_ELEMENTS (mutators) == OG_N_POSTMORTEM_FIELDS);

static void
test_postmortem_field_equal (gconstpointer data)
{
  OgPostmortemField changed = GPOINTER_TO_UINT (data);
  g_autoptr (OgPostmortem) base = load_postmortem ("postmortem-full.json");
  g_autoptr (OgPostmortem) working = og_postmortem_copy (base);

  mutators[changed](working);

  /* That field differs, both ways round; every other is still equal. */
  for (OgPostmortemField field = 0; field < OG_N_POSTMORTEM_FIELDS; field++)
    {
      g_assert_cmpint (og_postmortem_field_equal (base, working, field), ==, field != changed);
      g_assert_cmpint (og_postmortem_field_equal (working, base, field), ==, field != changed);
    }

  /* Copied back, that field is equal again and the others stay so. */
  og_postmortem_copy_field (working, base, changed);
  for (OgPostmortemField field = 0; field < OG_N_POSTMORTEM_FIELDS; field++)
    g_assert_true (og_postmortem_field_equal (base, working, field));
}

static void
test_postmortem_field_equal_identity (void)
{
  g_autoptr (OgPostmortem) base = load_postmortem ("postmortem-full.json");
  g_autoptr (OgPostmortem) working = og_postmortem_copy (base);
  g_autoptr (OgRef) renamed_owner = og_ref_new ("b75a117f-fe66-4321-bc69-1782e4b86c4d", "J. Doe");
  g_autoptr (JsonNode) incident_json
      = parse_json ("{\"id\":\"4513b7ea-3b91-438f-b7e4-e3e54af9147c\","
                    "\"message\":\"Renamed\"}");
  g_autoptr (OgIncident) same_id = og_incident_new_from_json (incident_json, NULL);
  g_autoptr (GPtrArray) incidents = g_ptr_array_new ();
  g_autoptr (JsonNode) reordered
      = parse_json ("{\"content\":[{\"content\":[{\"text\":\"Executive summary\",\"type\":\"text\","
                    "\"marks\":[{\"type\":\"strong\"}]}],\"type\":\"paragraph\"}],\"type\":\"doc\","
                    "\"version\":1}");

  /* The owner is its id: that is all the update sends. */
  og_postmortem_set_owner (working, renamed_owner);
  g_assert_true (og_postmortem_field_equal (base, working, OG_POSTMORTEM_FIELD_OWNER));

  /* A related incident is its id. */
  g_ptr_array_add (incidents, same_id);
  g_ptr_array_add (incidents, g_ptr_array_index (og_postmortem_get_related_incidents (base), 1));
  og_postmortem_set_related_incidents (working, incidents);
  g_assert_true (og_postmortem_field_equal (base, working, OG_POSTMORTEM_FIELD_RELATED_INCIDENTS));

  /* ADF is compared as JSON: member order does not matter. */
  og_postmortem_set_executive_summary (working, reordered);
  g_assert_true (og_postmortem_field_equal (base, working, OG_POSTMORTEM_FIELD_EXECUTIVE_SUMMARY));

  /* An absent document differs from an empty one. */
  og_postmortem_set_content (working, NULL);
  g_assert_false (og_postmortem_field_equal (base, working, OG_POSTMORTEM_FIELD_CONTENT));
}

/* Postmortem: request bodies */

static const char *const field_bodies[] = {
  [OG_POSTMORTEM_FIELD_TITLE] = "{\"actorUserId\":\"actor-1\","
                                "\"title\":\"Database connection pool exhausted\"}",
  [OG_POSTMORTEM_FIELD_SEVERITY] = "{\"actorUserId\":\"actor-1\",\"severity\":\"P2\"}",
  [OG_POSTMORTEM_FIELD_STATUS] = "{\"actorUserId\":\"actor-1\",\"status\":\"in-review\"}",
  [OG_POSTMORTEM_FIELD_OWNER] = "{\"actorUserId\":\"actor-1\","
                                "\"ownerId\":\"b75a117f-fe66-4321-bc69-1782e4b86c4d\"}",
  [OG_POSTMORTEM_FIELD_JIRA_ISSUES] = "{\"actorUserId\":\"actor-1\",\"jiraIssues\":["
                                      "\"https://atlantis.atlassian.net/browse/TRIDENT-101\","
                                      "\"https://atlantis.atlassian.net/browse/TRIDENT-102\"]}",
  [OG_POSTMORTEM_FIELD_RELATED_INCIDENTS] = "{\"actorUserId\":\"actor-1\",\"relatedIncidentIds\":["
                                            "\"4513b7ea-3b91-438f-b7e4-e3e54af9147c\","
                                            "\"bb4d9938-c3c2-455d-aaab-727aa701c0d8\"]}",
  [OG_POSTMORTEM_FIELD_AFFECTED_SERVICES]
  = "{\"actorUserId\":\"actor-1\",\"affectedServices\":["
    "{\"id\":\"fc1448b7-46b2-401d-9df8-c02675958e3b\",\"name\":\"Service 1\"},"
    "{\"id\":\"fe954a67-813e-4356-87dc-afed1eec6b66\",\"name\":\"Service 2\"}]}",
  [OG_POSTMORTEM_FIELD_RESPONDER_TEAMS]
  = "{\"actorUserId\":\"actor-1\",\"responderTeams\":["
    "{\"id\":\"7a1c2c1e-4b8e-4f0e-9d51-1c6f2a1c9b01\",\"name\":\"Team 1\"},"
    "{\"id\":\"8b2d3d2f-5c9f-4a1f-8e62-2d7a3b2dac12\",\"name\":\"Team 2\"}]}",
  [OG_POSTMORTEM_FIELD_RESPONDER_USERS]
  = "{\"actorUserId\":\"actor-1\",\"responderUsers\":["
    "{\"id\":\"c1d2e3f4-0000-4000-8000-000000000001\",\"name\":\"User 1\","
    "\"role\":\"Incident Commander\"},"
    "{\"id\":\"c1d2e3f4-0000-4000-8000-000000000002\",\"name\":\"User 2\","
    "\"role\":\"Communication Officer\"}]}",
  /* the documentation's own example, with an actor */
  [OG_POSTMORTEM_FIELD_EXECUTIVE_SUMMARY] = "{\"actorUserId\":\"actor-1\",\"executiveSummary\":"
                                            "\"{\\\"version\\\":1,\\\"type\\\":\\\"doc\\\","
                                            "\\\"content\\\":[{\\\"type\\\":\\\"paragraph\\\","
                                            "\\\"content\\\":[{\\\"type\\\":\\\"text\\\","
                                            "\\\"text\\\":\\\"Executive summary\\\","
                                            "\\\"marks\\\":[{\\\"type\\\":\\\"strong\\\"}]}]}]}\","
                                            "\"type\":\"adf\"}",
  [OG_POSTMORTEM_FIELD_CONTENT] = NULL, /* test_postmortem_content_body */
};

G_STATIC_ASSERT (G_N_ELEMENTS (field_bodies) == OG_N_POSTMORTEM_FIELDS);

static void
test_postmortem_field_body (gconstpointer data)
{
  OgPostmortemField field = GPOINTER_TO_UINT (data);
  g_autoptr (OgPostmortem) postmortem = load_postmortem ("postmortem-full.json");
  g_autoptr (JsonNode) body = og_postmortem_build_field_body (postmortem, field, ACTOR);
  g_autofree char *text = to_string (body);

  g_assert_cmpstr (text, ==, field_bodies[field]);
}

static void
test_postmortem_content_body (void)
{
  g_autoptr (OgPostmortem) postmortem = load_postmortem ("postmortem-full.json");
  g_autoptr (JsonNode) body
      = og_postmortem_build_field_body (postmortem, OG_POSTMORTEM_FIELD_CONTENT, ACTOR);
  g_autofree char *wire = to_string (body);
  g_autoptr (JsonNode) received = parse_json (wire);
  JsonObject *object = json_node_get_object (received);
  JsonNode *content = json_object_get_member (object, "content");
  g_autoptr (JsonNode) document = NULL;
  g_autoptr (GList) members = json_object_get_members (object);

  /* What the server reads: three members, content a string holding the document once. */
  g_assert_cmpuint (g_list_length (members), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (object, "actorUserId"), ==, ACTOR);
  g_assert_cmpstr (json_object_get_string_member (object, "type"), ==, "adf");
  g_assert_true (JSON_NODE_HOLDS_VALUE (content));
  g_assert_cmpint (json_node_get_value_type (content), ==, G_TYPE_STRING);
  g_assert_true (g_str_has_prefix (json_node_get_string (content), "{\"version\":1,"));
  document = parse_json (json_node_get_string (content));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (document));
  g_assert_true (json_node_equal (document, og_postmortem_get_content (postmortem)));
  g_assert_cmpstr (json_node_get_string (node_at (document, "content[1].content[0].text")), ==,
                   "A \"quoted\" deploy at 04:00 \\ broke the pool");
}

static void
test_postmortem_field_body_edges (void)
{
  g_autoptr (OgPostmortem) postmortem = og_postmortem_new ();
  g_autoptr (JsonNode) content = NULL;
  g_autoptr (JsonNode) owner = NULL;
  g_autoptr (JsonNode) jira = NULL;
  g_autofree char *content_text = NULL;
  g_autofree char *owner_text = NULL;
  g_autofree char *jira_text = NULL;

  /* No actor: the member is left out. No document: an empty one. */
  content = og_postmortem_build_field_body (postmortem, OG_POSTMORTEM_FIELD_CONTENT, NULL);
  content_text = to_string (content);
  g_assert_cmpstr (content_text, ==,
                   "{\"content\":\"{\\\"version\\\":1,\\\"type\\\":\\\"doc\\\","
                   "\\\"content\\\":[]}\",\"type\":\"adf\"}");
  owner = og_postmortem_build_field_body (postmortem, OG_POSTMORTEM_FIELD_OWNER, ACTOR);
  owner_text = to_string (owner);
  g_assert_cmpstr (owner_text, ==, "{\"actorUserId\":\"actor-1\",\"ownerId\":null}");
  jira = og_postmortem_build_field_body (postmortem, OG_POSTMORTEM_FIELD_JIRA_ISSUES, NULL);
  jira_text = to_string (jira);
  g_assert_cmpstr (jira_text, ==, "{\"jiraIssues\":[]}");
}

static void
test_postmortem_update_body (void)
{
  g_autoptr (OgPostmortem) postmortem = load_postmortem ("postmortem-full.json");
  g_autoptr (JsonNode) body = og_postmortem_build_update_body (postmortem, ACTOR);
  g_autoptr (GList) members = json_object_get_members (json_node_get_object (body));
  const char *const expected[] = {
    "actorUserId",    "title",          "severity",           "status",
    "ownerId",        "jiraIssues",     "relatedIncidentIds", "affectedServices",
    "responderTeams", "responderUsers",
  };
  guint i = 0;

  /* The documented members, in order, and nothing else (no content, no summary). */
  for (GList *l = members; l != NULL; l = l->next, i++)
    {
      g_assert_cmpuint (i, <, G_N_ELEMENTS (expected));
      g_assert_cmpstr (l->data, ==, expected[i]);
    }
  g_assert_cmpuint (i, ==, G_N_ELEMENTS (expected));

  /* Each value as its own partial update sends it. */
  for (OgPostmortemField field = 0; field <= OG_POSTMORTEM_FIELD_RESPONDER_USERS; field++)
    {
      g_autoptr (JsonNode) partial = og_postmortem_build_field_body (postmortem, field, ACTOR);
      const char *member = og_postmortem_field_to_string (field);

      assert_json_equal (json_object_get_member (json_node_get_object (body), member),
                         json_object_get_member (json_node_get_object (partial), member));
    }
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (body), "actorUserId"), ==,
                   ACTOR);
}

/* Hostile input */

static void
test_hostile_deep_nesting (void)
{
  const guint depth = 100000;
  g_autoptr (GString) text = g_string_new ("{\"postmortemId\":\"pm\",\"unknown\":");
  g_autoptr (GString) adf = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (JsonObject) object = json_object_new ();
  g_autoptr (JsonNode) holder = NULL;

  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');

  /* json-glib 1.6 would recurse off the end of the stack here: refused instead. */
  node = _og_json_parse (text->str, text->len, NULL, &error);
  g_assert_null (node);
  assert_bad_response (error, "JSON nested more than 512 levels deep");
  g_clear_error (&error);

  /* The same inside an ADF string never reaches json-glib either. */
  for (guint i = 0; i < depth; i++)
    g_string_append (adf, "{\"c\":[");
  json_object_set_string_member (object, "postmortemId", "pm");
  json_object_set_string_member (object, "content", adf->str);
  holder = json_node_init_object (json_node_alloc (), object);
  g_assert_null (og_postmortem_new_from_json (holder, &error));
  assert_bad_response (error, "content: JSON nested more than 512 levels deep");
}

/* json-glib 1.6 also reads 'single-quoted' strings and C comments, which strict JSON has
 * not: a double quote inside one must not blind the depth guard to the nesting after it. */
static void
test_hostile_deep_nesting_hidden (void)
{
  static const char *const openers[] = { "['\"', ", "[/* \" */ " };
  const guint depth = 100000;

  for (guint k = 0; k < G_N_ELEMENTS (openers); k++)
    {
      g_autoptr (GString) text = g_string_new ("{\"data\":");
      g_autoptr (GError) error = NULL;
      g_autoptr (JsonNode) node = NULL;

      g_string_append (text, openers[k]);
      for (guint i = 0; i < depth; i++)
        g_string_append_c (text, '[');
      for (guint i = 0; i < depth; i++)
        g_string_append_c (text, ']');
      g_string_append (text, "]}");

      node = _og_json_parse (text->str, text->len, NULL, &error);
      g_assert_null (node);
      g_assert_error (error, OG_ERROR, OG_ERROR_BAD_RESPONSE);
    }
}

static void
test_hostile_deep_unknown_member (void)
{
  /* As deep as the guarded parser lets through, in an unknown member and in iccSessions. */
  const guint depth = OG_JSON_MAX_DEPTH - 2;
  g_autoptr (GString) text = g_string_new ("{\"postmortemId\":\"pm\",\"unknown\":");
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (OgPostmortem) copy = NULL;
  g_autoptr (JsonNode) json = NULL;

  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, ']');
  g_string_append (text, ",\"iccSessions\":");
  for (guint i = 0; i < depth; i++)
    g_string_append (text, "{\"a\":");
  g_string_append (text, "1");
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, '}');
  g_string_append_c (text, '}');

  node = parse_json (text->str);
  postmortem = postmortem_from_node (node);
  copy = og_postmortem_copy (postmortem);
  json = og_postmortem_to_json (copy);
  g_assert_true (json_node_equal (node_at (json, "iccSessions"), node_at (node, "iccSessions")));
}

static void
test_hostile_huge_title (void)
{
  const gsize size = 10 * 1024 * 1024;
  g_autoptr (GString) text = g_string_new ("{\"postmortemId\":\"pm\",\"title\":\"");
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (OgPostmortem) copy = NULL;
  g_autoptr (JsonNode) body = NULL;
  const char *title;

  for (gsize i = 0; i < size; i++)
    g_string_append_c (text, "0123456789abcdef"[i % 16]);
  g_string_append (text, "\"}");

  node = parse_json (text->str);
  postmortem = postmortem_from_node (node);
  title = og_postmortem_get_title (postmortem);
  g_assert_cmpuint (strlen (title), ==, size);
  g_assert_cmpint (title[size - 1], ==, "0123456789abcdef"[(size - 1) % 16]);

  copy = og_postmortem_copy (postmortem);
  g_assert_true (og_postmortem_field_equal (postmortem, copy, OG_POSTMORTEM_FIELD_TITLE));
  body = og_postmortem_build_field_body (copy, OG_POSTMORTEM_FIELD_TITLE, ACTOR);
  g_assert_cmpuint (strlen (json_object_get_string_member (json_node_get_object (body), "title")),
                    ==, size);
}

static void
test_hostile_huge_enum (void)
{
  g_autoptr (GString) value = g_string_new ("\"");
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < 1024 * 1024; i++)
    g_string_append (value, "é");
  g_string_append_c (value, '"');

  /* The message quotes the start of the value, not a megabyte of it. */
  error = postmortem_error_with ("severity", value->str);
  assert_bad_response (error,
                       "severity: “éééééééééééééééééééééééééééééééééééééééé…” is not one of P1–P5");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/models/json/depth-limit", test_json_depth_limit);
  g_test_add_func ("/models/json/parse-errors", test_json_parse_errors);
  g_test_add_func ("/models/json/deep-copy", test_json_deep_copy);
  g_test_add_func ("/models/json/datetime-format", test_json_datetime_format);

  g_test_add_func ("/models/ref/roundtrip", test_ref_roundtrip);
  g_test_add_func ("/models/ref/errors", test_ref_errors);
  g_test_add_func ("/models/string-models/properties", test_string_model_properties);
  g_test_add_func ("/models/responder/roundtrip", test_responder_roundtrip);
  g_test_add_func ("/models/incident/parse", test_incident_parse);
  g_test_add_func ("/models/incident/roundtrip", test_incident_roundtrip);
  g_test_add_func ("/models/incident/creation-time", test_incident_creation_time);
  g_test_add_func ("/models/incident/errors", test_incident_errors);
  g_test_add_func ("/models/user/roundtrip", test_user_roundtrip);
  g_test_add_func ("/models/user/errors", test_user_errors);
  g_test_add_func ("/models/team/roundtrip", test_team_roundtrip);
  g_test_add_func ("/models/service/roundtrip", test_service_roundtrip);
  g_test_add_func ("/models/account/roundtrip", test_account_roundtrip);
  g_test_add_func ("/models/account/errors", test_account_errors);

  g_test_add_func ("/models/postmortem/parse-sample", test_postmortem_parse_sample);
  g_test_add_func ("/models/postmortem/parse-full", test_postmortem_parse_full);
  g_test_add_func ("/models/postmortem/properties", test_postmortem_properties);
  g_test_add_func ("/models/postmortem/minimal", test_postmortem_minimal);
  g_test_add_func ("/models/postmortem/roundtrip", test_postmortem_roundtrip);
  g_test_add_func ("/models/postmortem/to-json-shape", test_postmortem_to_json_shape);
  g_test_add_func ("/models/postmortem/icc-sessions", test_postmortem_icc_sessions);
  add_bad_member_tests ("/models/postmortem/wrong-type/", wrong_types, G_N_ELEMENTS (wrong_types));
  add_bad_member_tests ("/models/postmortem/bad-value/", bad_values, G_N_ELEMENTS (bad_values));
  add_bad_member_tests ("/models/postmortem/bad-time/", bad_times, G_N_ELEMENTS (bad_times));
  g_test_add_func ("/models/postmortem/non-object", test_postmortem_non_object);
  g_test_add_func ("/models/postmortem/adf-string", test_postmortem_adf_string);
  g_test_add_func ("/models/postmortem/adf-bad-string", test_postmortem_adf_bad_string);
  g_test_add_func ("/models/postmortem/copy-deep", test_postmortem_copy_deep);
  g_test_add_func ("/models/postmortem/setters-copy", test_postmortem_setters_copy);
  g_test_add_func ("/models/postmortem/notify", test_postmortem_notify);
  for (OgPostmortemField field = 0; field < OG_N_POSTMORTEM_FIELDS; field++)
    {
      g_autofree char *equal_path = g_strconcat ("/models/postmortem/field-equal/",
                                                 og_postmortem_field_to_string (field), NULL);
      g_autofree char *body_path = g_strconcat ("/models/postmortem/field-body/",
                                                og_postmortem_field_to_string (field), NULL);

      g_test_add_data_func (equal_path, GUINT_TO_POINTER (field), test_postmortem_field_equal);
      if (field == OG_POSTMORTEM_FIELD_CONTENT)
        g_test_add_func (body_path, test_postmortem_content_body);
      else
        g_test_add_data_func (body_path, GUINT_TO_POINTER (field), test_postmortem_field_body);
    }
  g_test_add_func ("/models/postmortem/field-equal-identity", test_postmortem_field_equal_identity);
  g_test_add_func ("/models/postmortem/field-body-edges", test_postmortem_field_body_edges);
  g_test_add_func ("/models/postmortem/update-body", test_postmortem_update_body);

  g_test_add_func ("/models/hostile/deep-nesting", test_hostile_deep_nesting);
  g_test_add_func ("/models/hostile/deep-nesting-hidden", test_hostile_deep_nesting_hidden);
  g_test_add_func ("/models/hostile/deep-unknown-member", test_hostile_deep_unknown_member);
  g_test_add_func ("/models/hostile/huge-title", test_hostile_huge_title);
  g_test_add_func ("/models/hostile/huge-enum", test_hostile_huge_enum);

  return g_test_run ();
}
