/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "og-postmortem"

#include "config.h"

#include "og-postmortem.h"

#include "og-json-private.h"
#include "og-postmortem-private.h"

/*
 * A postmortem as JSON: read from the GET response, written back in its shape for the
 * cache, and the bodies of the full and the field-by-field updates.
 */

/* What an absent rich field means to Opsgenie: a document with nothing in it. */
#define EMPTY_ADF_DOCUMENT "{\"version\":1,\"type\":\"doc\",\"content\":[]}"

static gpointer
parse_ref (JsonNode *node, const char *path, GError **error)
{
  return _og_ref_new_from_json_at (node, path, error);
}

static gpointer
parse_responder (JsonNode *node, const char *path, GError **error)
{
  return _og_responder_new_from_json_at (node, path, error);
}

static gpointer
parse_incident (JsonNode *node, const char *path, GError **error)
{
  return _og_incident_new_from_json_at (node, path, error);
}

static JsonNode *
string_node (const char *value)
{
  JsonNode *node = json_node_alloc ();

  if (value == NULL)
    return json_node_init_null (node);
  return json_node_init_string (node, value);
}

static JsonNode *
array_node (JsonArray *array)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, array);
  return node;
}

static JsonNode *
list_to_json (GPtrArray *list, JsonNode *(*to_json) (gpointer element))
{
  JsonArray *array = json_array_sized_new (list->len);

  for (guint i = 0; i < list->len; i++)
    json_array_add_element (array, to_json (g_ptr_array_index (list, i)));
  return array_node (array);
}

static JsonNode *
ref_to_json (gpointer ref)
{
  return og_ref_to_json (ref);
}

static JsonNode *
responder_to_json (gpointer responder)
{
  return og_responder_to_json (responder);
}

static JsonNode *
incident_to_json (gpointer incident)
{
  return og_incident_to_json (incident);
}

/* The update bodies' {"id", "name"}: no metadataId, which the GET shape has. A responder's
 * GET shape is already its body shape. */
static JsonNode *
ref_to_body (gpointer element)
{
  OgRef *ref = element;
  JsonObject *object = json_object_new ();

  _og_json_object_set_string (object, "id", og_ref_get_id (ref));
  _og_json_object_set_string (object, "name", og_ref_get_name (ref));
  return _og_json_node_new_object (object);
}

static JsonNode *
incident_to_body (gpointer element)
{
  return string_node (og_incident_get_id (element));
}

/* The rich fields go as the document serialized once into a JSON string. */
static JsonNode *
adf_to_body (JsonNode *adf)
{
  g_autofree char *text = NULL;

  if (adf == NULL)
    return string_node (EMPTY_ADF_DOCUMENT);

  text = json_to_string (adf, FALSE);
  return string_node (text);
}

/* The value of field as its update sends it. */
static JsonNode *
field_to_body (OgPostmortem *self, OgPostmortemField field)
{
  switch (field)
    {
    case OG_POSTMORTEM_FIELD_TITLE:
      return string_node (self->title);
    case OG_POSTMORTEM_FIELD_SEVERITY:
      return string_node (og_severity_to_string (self->severity));
    case OG_POSTMORTEM_FIELD_STATUS:
      return string_node (og_postmortem_status_to_string (self->status));
    case OG_POSTMORTEM_FIELD_OWNER:
      return string_node (self->owner ? og_ref_get_id (self->owner) : NULL);
    case OG_POSTMORTEM_FIELD_JIRA_ISSUES:
      {
        JsonArray *array = json_array_new ();

        for (guint i = 0; self->jira_issues[i] != NULL; i++)
          json_array_add_string_element (array, self->jira_issues[i]);
        return array_node (array);
      }
    case OG_POSTMORTEM_FIELD_RELATED_INCIDENTS:
      return list_to_json (self->related_incidents, incident_to_body);
    case OG_POSTMORTEM_FIELD_AFFECTED_SERVICES:
      return list_to_json (self->affected_services, ref_to_body);
    case OG_POSTMORTEM_FIELD_RESPONDER_TEAMS:
      return list_to_json (self->responder_teams, ref_to_body);
    case OG_POSTMORTEM_FIELD_RESPONDER_USERS:
      return list_to_json (self->responders, responder_to_json);
    case OG_POSTMORTEM_FIELD_EXECUTIVE_SUMMARY:
      return adf_to_body (self->executive_summary);
    case OG_POSTMORTEM_FIELD_CONTENT:
      return adf_to_body (self->content);
    default:
      g_assert_not_reached ();
    }
}

OgPostmortem *
og_postmortem_new_from_json (JsonNode *node, GError **error)
{
  g_autoptr (OgPostmortem) self = og_postmortem_new ();
  JsonObject *object;
  JsonNode *icc_sessions;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Each list reader below makes its own; finalize copes with those an error left NULL. */
  g_clear_pointer (&self->jira_issues, g_strfreev);
  g_clear_pointer (&self->related_incidents, g_ptr_array_unref);
  g_clear_pointer (&self->affected_services, g_ptr_array_unref);
  g_clear_pointer (&self->responder_teams, g_ptr_array_unref);
  g_clear_pointer (&self->responders, g_ptr_array_unref);

  if (!(object = _og_json_node_get_object (node, NULL, error))
      || !_og_json_read_adf (object, NULL, "executiveSummary", &self->executive_summary, error)
      || !_og_json_read_adf (object, NULL, "content", &self->content, error)
      || !_og_json_read_required_string (object, NULL, "postmortemId", &self->id, error)
      || !_og_json_read_string (object, NULL, "title", &self->title, error)
      || !_og_json_read_severity (object, NULL, "severity", &self->severity, error)
      || !_og_json_read_postmortem_status (object, NULL, "status", &self->status, error)
      || !_og_json_read_datetime (object, NULL, "startTime", &self->start_time, error)
      || !_og_json_read_datetime (object, NULL, "endTime", &self->end_time, error)
      || !_og_json_read_datetime (object, NULL, "respondTime", &self->respond_time, error)
      || !_og_json_read_datetime (object, NULL, "resolveTime", &self->resolve_time, error)
      || !_og_json_read_datetime (object, NULL, "createdAtTime", &self->created_at, error)
      || !_og_json_read_model (object, NULL, "rootIncident", parse_incident,
                               (gpointer *) &self->root_incident, error)
      || !_og_json_read_model (object, NULL, "owner", parse_ref, (gpointer *) &self->owner, error)
      || !_og_json_read_model (object, NULL, "timeline", parse_ref, (gpointer *) &self->timeline,
                               error)
      || !_og_json_read_strv (object, NULL, "jiraIssues", &self->jira_issues, error)
      || !_og_json_read_model_list (object, NULL, "relatedIncidents", parse_incident,
                                    &self->related_incidents, error)
      || !_og_json_read_model_list (object, NULL, "affectedServices", parse_ref,
                                    &self->affected_services, error)
      || !_og_json_read_model_list (object, NULL, "responderTeams", parse_ref,
                                    &self->responder_teams, error)
      || !_og_json_read_model_list (object, NULL, "responders", parse_responder, &self->responders,
                                    error))
    return NULL;

  icc_sessions = json_object_get_member (object, "iccSessions");
  if (icc_sessions != NULL)
    self->icc_sessions = _og_json_node_deep_copy (icc_sessions);

  return g_steal_pointer (&self);
}

JsonNode *
og_postmortem_to_json (OgPostmortem *self)
{
  JsonObject *object;

  g_return_val_if_fail (OG_IS_POSTMORTEM (self), NULL);

  object = json_object_new ();
  if (self->executive_summary != NULL)
    json_object_set_member (object, "executiveSummary",
                            _og_json_node_deep_copy (self->executive_summary));
  if (self->content != NULL)
    json_object_set_member (object, "content", _og_json_node_deep_copy (self->content));
  _og_json_object_set_string (object, "postmortemId", self->id);
  _og_json_object_set_string (object, "title", self->title);
  json_object_set_string_member (object, "severity", og_severity_to_string (self->severity));
  json_object_set_string_member (object, "status", og_postmortem_status_to_string (self->status));
  _og_json_object_set_datetime (object, "startTime", self->start_time);
  _og_json_object_set_datetime (object, "endTime", self->end_time);
  _og_json_object_set_datetime (object, "respondTime", self->respond_time);
  _og_json_object_set_datetime (object, "resolveTime", self->resolve_time);
  _og_json_object_set_datetime (object, "createdAtTime", self->created_at);
  if (self->root_incident != NULL)
    json_object_set_member (object, "rootIncident", og_incident_to_json (self->root_incident));
  if (self->owner != NULL)
    json_object_set_member (object, "owner", og_ref_to_json (self->owner));
  if (self->timeline != NULL)
    json_object_set_member (object, "timeline", og_ref_to_json (self->timeline));
  _og_json_object_set_strv (object, "jiraIssues", (const char *const *) self->jira_issues);
  json_object_set_member (object, "relatedIncidents",
                          list_to_json (self->related_incidents, incident_to_json));
  json_object_set_member (object, "affectedServices",
                          list_to_json (self->affected_services, ref_to_json));
  if (self->icc_sessions != NULL)
    json_object_set_member (object, "iccSessions", _og_json_node_deep_copy (self->icc_sessions));
  json_object_set_member (object, "responderTeams",
                          list_to_json (self->responder_teams, ref_to_json));
  json_object_set_member (object, "responders", list_to_json (self->responders, responder_to_json));

  return _og_json_node_new_object (object);
}

JsonNode *
og_postmortem_build_field_body (OgPostmortem *self,
                                OgPostmortemField field,
                                const char *actor_user_id)
{
  JsonObject *object;

  g_return_val_if_fail (OG_IS_POSTMORTEM (self), NULL);
  g_return_val_if_fail (field < OG_N_POSTMORTEM_FIELDS, NULL);

  object = json_object_new ();
  _og_json_object_set_string (object, "actorUserId", actor_user_id);
  json_object_set_member (object, og_postmortem_field_to_string (field),
                          field_to_body (self, field));
  if (field == OG_POSTMORTEM_FIELD_EXECUTIVE_SUMMARY || field == OG_POSTMORTEM_FIELD_CONTENT)
    json_object_set_string_member (object, "type", "adf");

  return _og_json_node_new_object (object);
}

JsonNode *
og_postmortem_build_update_body (OgPostmortem *self, const char *actor_user_id)
{
  /* What the documentation lists for the full update; the rich fields have their own. */
  static const OgPostmortemField fields[] = {
    OG_POSTMORTEM_FIELD_TITLE,
    OG_POSTMORTEM_FIELD_SEVERITY,
    OG_POSTMORTEM_FIELD_STATUS,
    OG_POSTMORTEM_FIELD_OWNER,
    OG_POSTMORTEM_FIELD_JIRA_ISSUES,
    OG_POSTMORTEM_FIELD_RELATED_INCIDENTS,
    OG_POSTMORTEM_FIELD_AFFECTED_SERVICES,
    OG_POSTMORTEM_FIELD_RESPONDER_TEAMS,
    OG_POSTMORTEM_FIELD_RESPONDER_USERS,
  };
  JsonObject *object;

  g_return_val_if_fail (OG_IS_POSTMORTEM (self), NULL);

  object = json_object_new ();
  _og_json_object_set_string (object, "actorUserId", actor_user_id);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    json_object_set_member (object, og_postmortem_field_to_string (fields[i]),
                            field_to_body (self, fields[i]));

  return _og_json_node_new_object (object);
}
