/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "og-sandbox"

#include "config.h"

#include "og-sandbox-private.h"
#include "og-sandbox.h"

/*
 * The store's shapes: finding a member, the ids and times Opsgenie writes, the ways a
 * postmortem refers to incidents, users, teams and services, and a new postmortem as
 * Opsgenie creates it. Shared by the seed and by the server's writes.
 */

/* The Opsgenie postmortem template, as its API documentation shows it: a new postmortem's
 * content. */
static const char template_content[]
    = "{\"version\":1,\"type\":\"doc\",\"content\":["
      "{\"type\":\"heading\",\"attrs\":{\"level\":4},\"content\":[{\"type\":\"text\",\"text\":"
      "\"Leadup\"}]},"
      "{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"Describe the "
      "circumstances "
      "that led to this incident\",\"marks\":[{\"type\":\"textColor\",\"attrs\":{\"color\":"
      "\"#7a869a\"}}]},{\"type\":\"hardBreak\"}]},"
      "{\"type\":\"heading\",\"attrs\":{\"level\":4},\"content\":[{\"type\":\"text\",\"text\":"
      "\"Fault\"}]},"
      "{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"Describe what failed to "
      "work as expected\",\"marks\":[{\"type\":\"textColor\",\"attrs\":{\"color\":\"#7a869a\"}}]},"
      "{\"type\":\"hardBreak\"}]},"
      "{\"type\":\"heading\",\"attrs\":{\"level\":4},\"content\":[{\"type\":\"text\",\"text\":"
      "\"Detection\"}]},"
      "{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"Describe how the "
      "incident "
      "was detected\",\"marks\":[{\"type\":\"textColor\",\"attrs\":{\"color\":\"#7a869a\"}}]},"
      "{\"type\":\"hardBreak\"}]},"
      "{\"type\":\"heading\",\"attrs\":{\"level\":4},\"content\":[{\"type\":\"text\",\"text\":"
      "\"Root causes\"}]},"
      "{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"Run a 5-whys analysis to "
      "understand the true causes of the incident\",\"marks\":[{\"type\":\"textColor\",\"attrs\":"
      "{\"color\":\"#7a869a\"}}]}]}]}";

/* Private API */

JsonObject *
_og_sandbox_store_find (GPtrArray *collection, const char *id)
{
  for (guint i = 0; i < collection->len; i++)
    {
      JsonObject *object = g_ptr_array_index (collection, i);
      const char *object_id = json_object_get_string_member_with_default (object, "id", NULL);

      if (object_id == NULL)
        object_id = json_object_get_string_member_with_default (object, "postmortemId", NULL);
      if (g_strcmp0 (object_id, id) == 0)
        return object;
    }

  return NULL;
}

char *
_og_sandbox_make_id (const char *kind, const char *key)
{
  g_autofree char *input = g_strconcat (kind, "/", key, NULL);
  g_autofree char *hex = g_compute_checksum_for_string (G_CHECKSUM_SHA256, input, -1);

  /* Shaped like a version 4 UUID, as Opsgenie's ids are. */
  hex[12] = '4';
  hex[16] = "89ab"[g_ascii_xdigit_value (hex[16]) & 3];

  return g_strdup_printf ("%.8s-%.4s-%.4s-%.4s-%.12s", hex, hex + 8, hex + 12, hex + 16, hex + 20);
}

char *
_og_sandbox_format_time (GDateTime *time)
{
  g_autoptr (GDateTime) utc = g_date_time_to_utc (time);
  g_autofree char *seconds = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (utc) / 1000);
}

JsonNode *
_og_sandbox_incident_summary (JsonObject *incident)
{
  const char *id = json_object_get_string_member (incident, "id");
  g_autofree char *metadata_id = _og_sandbox_make_id ("metadata", id);
  JsonObject *summary = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (summary, "metadataId", metadata_id);
  json_object_set_string_member (summary, "id", id);
  json_object_set_string_member (summary, "priority",
                                 json_object_get_string_member (incident, "priority"));
  json_object_set_string_member (summary, "tinyId",
                                 json_object_get_string_member (incident, "tinyId"));
  json_object_set_string_member (summary, "message",
                                 json_object_get_string_member (incident, "message"));
  json_object_set_string_member (summary, "status",
                                 json_object_get_string_member (incident, "status"));
  json_object_set_string_member (summary, "creationTime",
                                 json_object_get_string_member (incident, "createdAt"));
  json_object_set_member (summary, "tags",
                          json_node_copy (json_object_get_member (incident, "tags")));
  json_node_take_object (node, summary);
  return node;
}

JsonNode *
_og_sandbox_user_ref (JsonObject *user)
{
  const char *id = json_object_get_string_member (user, "id");
  g_autofree char *metadata_id = _og_sandbox_make_id ("metadata", id);
  JsonObject *ref = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (ref, "metadataId", metadata_id);
  json_object_set_string_member (ref, "id", id);
  json_object_set_string_member (ref, "name", json_object_get_string_member (user, "fullName"));
  json_node_take_object (node, ref);
  return node;
}

JsonNode *
_og_sandbox_ref (JsonObject *object)
{
  JsonObject *ref = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (ref, "id", json_object_get_string_member (object, "id"));
  json_object_set_string_member (ref, "name", json_object_get_string_member (object, "name"));
  json_node_take_object (node, ref);
  return node;
}

JsonNode *
_og_sandbox_responder (JsonObject *user, const char *role)
{
  JsonObject *responder = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (responder, "id", json_object_get_string_member (user, "id"));
  json_object_set_string_member (responder, "name",
                                 json_object_get_string_member (user, "fullName"));
  json_object_set_string_member (responder, "role", role);
  json_node_take_object (node, responder);
  return node;
}

JsonObject *
_og_sandbox_store_create_postmortem (OgSandboxStore *store,
                                     JsonObject *incident,
                                     JsonObject *owner,
                                     const char *postmortem_id,
                                     GDateTime *created_at)
{
  const char *created = json_object_get_string_member (incident, "createdAt");
  const char *resolved = json_object_get_string_member (incident, "updatedAt");
  g_autoptr (GDateTime) start = g_date_time_new_from_iso8601 (created, NULL);
  g_autoptr (GDateTime) respond = g_date_time_add_minutes (start, 5);
  g_autofree char *respond_time = _og_sandbox_format_time (respond);
  g_autofree char *created_time = _og_sandbox_format_time (created_at);
  g_autofree char *title = g_strconcat (json_object_get_string_member (incident, "message"),
                                        " - postmortem report", NULL);
  g_autofree char *timeline_key = g_strconcat ("timeline/", postmortem_id, NULL);
  g_autofree char *timeline_metadata = _og_sandbox_make_id ("metadata", timeline_key);
  g_autofree char *timeline_uuid = _og_sandbox_make_id ("timeline", postmortem_id);
  g_autofree char *timeline_id = g_strconcat ("p_", timeline_uuid, NULL);
  JsonObject *team = _og_sandbox_store_find (store->teams,
                                             json_object_get_string_member (incident, "ownerTeam"));
  JsonArray *impacted = json_object_get_array_member (incident, "impactedServices");
  JsonArray *services = json_array_new ();
  JsonArray *teams = json_array_new ();
  JsonObject *timeline = json_object_new ();
  JsonObject *postmortem = json_object_new ();
  JsonObject *summary = _og_sandbox_adf_doc ();

  for (guint i = 0; i < json_array_get_length (impacted); i++)
    {
      JsonObject *service
          = _og_sandbox_store_find (store->services, json_array_get_string_element (impacted, i));

      json_array_add_element (services, _og_sandbox_ref (service));
    }
  if (team != NULL)
    json_array_add_element (teams, _og_sandbox_ref (team));
  json_object_set_string_member (timeline, "metadataId", timeline_metadata);
  json_object_set_string_member (timeline, "id", timeline_id);

  /* Members in the order of the documentation's sample. */
  json_object_set_object_member (postmortem, "executiveSummary", summary);
  json_object_set_member (postmortem, "content", json_from_string (template_content, NULL));
  json_object_set_string_member (postmortem, "postmortemId", postmortem_id);
  json_object_set_string_member (postmortem, "title", title);
  json_object_set_string_member (postmortem, "severity",
                                 json_object_get_string_member (incident, "priority"));
  json_object_set_string_member (postmortem, "status", "draft");
  json_object_set_string_member (postmortem, "startTime", created);
  json_object_set_string_member (postmortem, "endTime", resolved);
  json_object_set_string_member (postmortem, "respondTime", respond_time);
  json_object_set_string_member (postmortem, "resolveTime", resolved);
  json_object_set_string_member (postmortem, "createdAtTime", created_time);
  json_object_set_member (postmortem, "rootIncident", _og_sandbox_incident_summary (incident));
  json_object_set_member (postmortem, "owner", _og_sandbox_user_ref (owner));
  json_object_set_object_member (postmortem, "timeline", timeline);
  json_object_set_array_member (postmortem, "jiraIssues", json_array_new ());
  json_object_set_array_member (postmortem, "relatedIncidents", json_array_new ());
  json_object_set_array_member (postmortem, "affectedServices", services);
  json_object_set_array_member (postmortem, "iccSessions", json_array_new ());
  json_object_set_array_member (postmortem, "responderTeams", teams);
  json_object_set_array_member (postmortem, "responders", json_array_new ());

  json_object_set_string_member (json_object_get_object_member (incident, "extraProperties"),
                                 "postmortemId", postmortem_id);

  return postmortem;
}
