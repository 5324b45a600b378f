/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "og-sandbox"

#include "config.h"

#include "og-sandbox.h"

#include "og-sandbox-private.h"

/*
 * The postmortem routes: get, create, delete, the full update and the partial ones, with
 * Opsgenie's rule that a published postmortem is locked.
 */

/* Opsgenie's rule: a published postmortem takes no update but a status change back to
 * draft or in-review. */
static gboolean
is_locked (JsonObject *postmortem,
           const OgSandboxFieldRule *rule, /* NULL: the full update */
           JsonNode *value)
{
  if (!g_str_equal (json_object_get_string_member (postmortem, "status"), "published"))
    return FALSE;

  return rule == NULL || rule->route != OG_ROUTE_POSTMORTEM_STATUS
         || g_str_equal (json_node_get_string (value), "published");
}

static JsonObject *
find_postmortem_or_404 (OgSandboxCall *call)
{
  JsonObject *postmortem = _og_sandbox_store_find (call->self->store->postmortems, call->id);

  if (postmortem == NULL)
    _og_sandbox_respond_error (call, SOUP_STATUS_NOT_FOUND, NULL,
                               "Postmortem with id %s does not exist", call->id);
  return postmortem;
}

static void
respond_updated (OgSandboxCall *call)
{
  JsonObject *data = json_object_new ();
  g_autofree char *message = g_strdup_printf ("Postmortem with id %s updated", call->id);
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (data, "postmortemId", call->id);
  json_object_set_string_member (data, "message", message);
  json_node_take_object (node, data);
  _og_sandbox_respond_data (call, SOUP_STATUS_OK, node);
}

static void
respond_locked (OgSandboxCall *call)
{
  _og_sandbox_respond_error (
      call, SOUP_STATUS_UNPROCESSABLE_ENTITY, NULL,
      "Postmortem with id %s is published and cannot be updated: change its status "
      "to draft or in-review first",
      call->id);
}

void
_og_sandbox_handle_postmortem_get (OgSandboxCall *call)
{
  JsonObject *postmortem = find_postmortem_or_404 (call);

  if (postmortem != NULL)
    _og_sandbox_respond_data (call, SOUP_STATUS_OK, _og_sandbox_object_node (postmortem));
}

void
_og_sandbox_handle_postmortem_create (OgSandboxCall *call)
{
  OgSandbox *self = call->self;
  g_autoptr (JsonObject) body = _og_sandbox_read_body (call);
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

  incident_id = _og_sandbox_require_string (body, "incidentId", errors);
  actor = _og_sandbox_require_user (self, body, "actorUserId", errors);
  owner = json_object_has_member (body, "ownerId")
              ? _og_sandbox_require_user (self, body, "ownerId", errors)
              : actor;
  if (json_object_get_size (errors) > 0)
    {
      _og_sandbox_respond_invalid (call, errors);
      return;
    }

  incident = _og_sandbox_store_find (self->store->incidents, incident_id);
  if (incident == NULL)
    {
      _og_sandbox_respond_error (call, SOUP_STATUS_NOT_FOUND, NULL,
                                 "Incident with id %s does not exist", incident_id);
      return;
    }

  existing = json_object_get_string_member_with_default (
      json_object_get_object_member (incident, "extraProperties"), "postmortemId", NULL);
  if (existing != NULL)
    {
      _og_sandbox_respond_error (call, SOUP_STATUS_CONFLICT, NULL,
                                 "Incident with id %s already has a postmortem: %s", incident_id,
                                 existing);
      return;
    }

  /* A postmortem looks back: its times come from the incident's resolution. */
  if (g_str_equal (json_object_get_string_member (incident, "status"), "open"))
    {
      _og_sandbox_add_error (errors, "incidentId", "incident %s is still open; resolve it first",
                             incident_id);
      _og_sandbox_respond_invalid (call, errors);
      return;
    }

  key = g_strdup_printf ("created/%s/%u", incident_id, self->n_created++);
  postmortem_id = _og_sandbox_make_id ("postmortem", key);
  g_ptr_array_add (self->store->postmortems, _og_sandbox_store_create_postmortem (
                                                 self->store, incident, owner, postmortem_id, now));
  _og_sandbox_store_changed (self);

  data = json_object_new ();
  json_object_set_string_member (data, "postmortemId", postmortem_id);
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, data);
  _og_sandbox_respond_data (call, SOUP_STATUS_CREATED, node);
}

void
_og_sandbox_handle_postmortem_delete (OgSandboxCall *call)
{
  OgSandbox *self = call->self;
  JsonObject *postmortem = find_postmortem_or_404 (call);
  g_autoptr (JsonObject) body = NULL;
  g_autoptr (JsonObject) errors = json_object_new ();
  g_autofree char *message = NULL;
  JsonNode *timelines;
  JsonObject *incident;

  if (postmortem == NULL || (body = _og_sandbox_read_body (call)) == NULL)
    return;

  _og_sandbox_require_user (self, body, "actorUserId", errors);
  timelines = json_object_get_member (body, "deleteExportIncidentTimelines");
  if (timelines != NULL
      && (!JSON_NODE_HOLDS_VALUE (timelines)
          || json_node_get_value_type (timelines) != G_TYPE_BOOLEAN))
    _og_sandbox_add_error (errors, "deleteExportIncidentTimelines", "must be a boolean");
  if (json_object_get_size (errors) > 0)
    {
      _og_sandbox_respond_invalid (call, errors);
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
  _og_sandbox_store_changed (self);

  message = g_strdup_printf ("Postmortem with id %s deleted", call->id);
  _og_sandbox_respond_message (call, SOUP_STATUS_OK, message);
}

void
_og_sandbox_handle_postmortem_update (OgSandboxCall *call)
{
  OgSandbox *self = call->self;
  JsonObject *postmortem = find_postmortem_or_404 (call);
  g_autoptr (JsonObject) body = NULL;
  g_autoptr (JsonObject) errors = json_object_new ();
  g_autoptr (JsonObject) changes = json_object_new ();

  if (postmortem == NULL || (body = _og_sandbox_read_body (call)) == NULL)
    return;

  _og_sandbox_require_user (self, body, "actorUserId", errors);
  for (guint i = 0; i < _og_sandbox_n_field_rules; i++)
    {
      JsonNode *value;

      if (_og_sandbox_field_rules[i].adf)
        continue;
      value = _og_sandbox_check_field (self, &_og_sandbox_field_rules[i], body, errors);
      if (value != NULL)
        json_object_set_member (changes, _og_sandbox_field_rules[i].stored, value);
    }
  if (json_object_get_size (errors) > 0)
    {
      _og_sandbox_respond_invalid (call, errors);
      return;
    }
  if (is_locked (postmortem, NULL, NULL))
    {
      respond_locked (call);
      return;
    }

  for (guint i = 0; i < _og_sandbox_n_field_rules; i++)
    if (!_og_sandbox_field_rules[i].adf)
      json_object_set_member (
          postmortem, _og_sandbox_field_rules[i].stored,
          json_node_copy (json_object_get_member (changes, _og_sandbox_field_rules[i].stored)));
  _og_sandbox_store_changed (self);
  respond_updated (call);
}

void
_og_sandbox_handle_postmortem_field_update (OgSandboxCall *call)
{
  OgSandbox *self = call->self;
  const OgSandboxFieldRule *rule = _og_sandbox_find_field_rule (call->route);
  JsonObject *postmortem = find_postmortem_or_404 (call);
  g_autoptr (JsonObject) body = NULL;
  g_autoptr (JsonObject) errors = json_object_new ();
  JsonNode *value;

  if (postmortem == NULL || (body = _og_sandbox_read_body (call)) == NULL)
    return;

  _og_sandbox_require_user (self, body, "actorUserId", errors);
  if (rule->adf
      && g_strcmp0 (json_object_get_string_member_with_default (body, "type", NULL), "adf") != 0)
    _og_sandbox_add_error (errors, "type", "must be \"adf\"");
  value = _og_sandbox_check_field (self, rule, body, errors);
  if (json_object_get_size (errors) > 0)
    {
      g_clear_pointer (&value, json_node_unref);
      _og_sandbox_respond_invalid (call, errors);
      return;
    }
  if (is_locked (postmortem, rule, value))
    {
      json_node_unref (value);
      respond_locked (call);
      return;
    }

  json_object_set_member (postmortem, rule->stored, value);
  _og_sandbox_store_changed (self);
  if (rule->route == OG_ROUTE_POSTMORTEM_CONTENT)
    _og_sandbox_respond_empty (call);
  else
    respond_updated (call);
}
