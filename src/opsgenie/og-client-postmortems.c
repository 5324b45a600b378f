/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "og-client"

#include "config.h"

#include <glib/gi18n.h>

#include "og-client.h"
#include "og-client-private.h"
#include "og-error.h"
#include "og-routes.h"

/* The postmortem operations of OgClient: get, create, delete, the full and the partial
 * updates. The transport is in og-client.c. */

static gpointer
parse_postmortem (JsonNode *root, GError **error)
{
  JsonNode *data = _og_client_get_data (root, JSON_NODE_OBJECT, error);

  return data ? og_postmortem_new_from_json (data, error) : NULL;
}

static gpointer
parse_created (JsonNode *root, GError **error)
{
  JsonNode *data = _og_client_get_data (root, JSON_NODE_OBJECT, error);
  JsonNode *id;

  if (data == NULL)
    return NULL;

  id = json_object_get_member (json_node_get_object (data), "postmortemId");
  if (id == NULL || !JSON_NODE_HOLDS_VALUE (id) || json_node_get_value_type (id) != G_TYPE_STRING
      || *json_node_get_string (id) == '\0')
    {
      g_set_error (error, OG_ERROR, OG_ERROR_BAD_RESPONSE,
                   _ ("Opsgenie created the postmortem but did not say its id."));
      return NULL;
    }

  return g_strdup (json_node_get_string (id));
}

void
og_client_get_postmortem_async (OgClient *self,
                                const char *postmortem_id,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data)
{
  GTask *task;

  g_return_if_fail (OG_IS_CLIENT (self));

  task = _og_client_new_task (self, cancellable, callback, user_data,
                              og_client_get_postmortem_async);
  _og_client_send (self, task, OG_ROUTE_POSTMORTEM_GET, postmortem_id, NULL, NULL, parse_postmortem,
                   g_object_unref);
}

OgPostmortem *
og_client_get_postmortem_finish (OgClient *self, GAsyncResult *result, GError **error)
{
  return _og_client_finish_pointer (self, result, og_client_get_postmortem_async, error);
}

void
og_client_create_postmortem_async (OgClient *self,
                                   const char *incident_id,
                                   const char *actor_user_id,
                                   const char *owner_id,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) body = NULL;
  GTask *task;

  g_return_if_fail (OG_IS_CLIENT (self));

  task = _og_client_new_task (self, cancellable, callback, user_data,
                              og_client_create_postmortem_async);
  if (!_og_client_check_argument (task, incident_id,
                                  _ ("Choose the incident the postmortem is for."))
      || !_og_client_check_actor (task, actor_user_id))
    return;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "incidentId");
  json_builder_add_string_value (builder, incident_id);
  json_builder_set_member_name (builder, "actorUserId");
  json_builder_add_string_value (builder, actor_user_id);
  if (owner_id != NULL && *owner_id != '\0')
    {
      json_builder_set_member_name (builder, "ownerId");
      json_builder_add_string_value (builder, owner_id);
    }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  _og_client_send (self, task, OG_ROUTE_POSTMORTEM_CREATE, NULL, NULL, body, parse_created, g_free);
}

char *
og_client_create_postmortem_finish (OgClient *self, GAsyncResult *result, GError **error)
{
  return _og_client_finish_pointer (self, result, og_client_create_postmortem_async, error);
}

void
og_client_delete_postmortem_async (OgClient *self,
                                   const char *postmortem_id,
                                   const char *actor_user_id,
                                   gboolean delete_exported_timelines,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) body = NULL;
  GTask *task;

  g_return_if_fail (OG_IS_CLIENT (self));

  task = _og_client_new_task (self, cancellable, callback, user_data,
                              og_client_delete_postmortem_async);
  if (!_og_client_check_actor (task, actor_user_id))
    return;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "actorUserId");
  json_builder_add_string_value (builder, actor_user_id);
  json_builder_set_member_name (builder, "deleteExportIncidentTimelines");
  json_builder_add_boolean_value (builder, delete_exported_timelines);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  _og_client_send (self, task, OG_ROUTE_POSTMORTEM_DELETE, postmortem_id, NULL, body, NULL, NULL);
}

gboolean
og_client_delete_postmortem_finish (OgClient *self, GAsyncResult *result, GError **error)
{
  return _og_client_finish_boolean (self, result, og_client_delete_postmortem_async, error);
}

void
og_client_update_postmortem_async (OgClient *self,
                                   OgPostmortem *postmortem,
                                   const char *actor_user_id,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  g_autoptr (JsonNode) body = NULL;
  GTask *task;

  g_return_if_fail (OG_IS_CLIENT (self));
  g_return_if_fail (OG_IS_POSTMORTEM (postmortem));

  task = _og_client_new_task (self, cancellable, callback, user_data,
                              og_client_update_postmortem_async);
  if (!_og_client_check_actor (task, actor_user_id))
    return;

  body = og_postmortem_build_update_body (postmortem, actor_user_id);
  _og_client_send (self, task, OG_ROUTE_POSTMORTEM_UPDATE, og_postmortem_get_id (postmortem), NULL,
                   body, NULL, NULL);
}

gboolean
og_client_update_postmortem_finish (OgClient *self, GAsyncResult *result, GError **error)
{
  return _og_client_finish_boolean (self, result, og_client_update_postmortem_async, error);
}

static OgRoute
route_for_field (OgPostmortemField field)
{
  switch (field)
    {
    case OG_POSTMORTEM_FIELD_TITLE:
      return OG_ROUTE_POSTMORTEM_TITLE;
    case OG_POSTMORTEM_FIELD_SEVERITY:
      return OG_ROUTE_POSTMORTEM_SEVERITY;
    case OG_POSTMORTEM_FIELD_STATUS:
      return OG_ROUTE_POSTMORTEM_STATUS;
    case OG_POSTMORTEM_FIELD_OWNER:
      return OG_ROUTE_POSTMORTEM_OWNER;
    case OG_POSTMORTEM_FIELD_JIRA_ISSUES:
      return OG_ROUTE_POSTMORTEM_JIRA_ISSUES;
    case OG_POSTMORTEM_FIELD_RELATED_INCIDENTS:
      return OG_ROUTE_POSTMORTEM_RELATED_INCIDENTS;
    case OG_POSTMORTEM_FIELD_AFFECTED_SERVICES:
      return OG_ROUTE_POSTMORTEM_AFFECTED_SERVICES;
    case OG_POSTMORTEM_FIELD_RESPONDER_TEAMS:
      return OG_ROUTE_POSTMORTEM_RESPONDER_TEAMS;
    case OG_POSTMORTEM_FIELD_RESPONDER_USERS:
      return OG_ROUTE_POSTMORTEM_RESPONDER_USERS;
    case OG_POSTMORTEM_FIELD_EXECUTIVE_SUMMARY:
      return OG_ROUTE_POSTMORTEM_EXECUTIVE_SUMMARY;
    case OG_POSTMORTEM_FIELD_CONTENT:
      return OG_ROUTE_POSTMORTEM_CONTENT;
    default:
      g_assert_not_reached ();
    }
}

void
og_client_update_field_async (OgClient *self,
                              OgPostmortem *postmortem,
                              OgPostmortemField field,
                              const char *actor_user_id,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_autoptr (JsonNode) body = NULL;
  GTask *task;

  g_return_if_fail (OG_IS_CLIENT (self));
  g_return_if_fail (OG_IS_POSTMORTEM (postmortem));
  g_return_if_fail (field < OG_N_POSTMORTEM_FIELDS);

  task = _og_client_new_task (self, cancellable, callback, user_data, og_client_update_field_async);
  if (!_og_client_check_actor (task, actor_user_id))
    return;

  if (field == OG_POSTMORTEM_FIELD_OWNER && og_postmortem_get_owner (postmortem) == NULL)
    {
      g_task_return_new_error (task, OG_ERROR, OG_ERROR_INVALID_ARGUMENT,
                               _ ("Choose an owner for the postmortem."));
      g_object_unref (task);
      return;
    }

  body = og_postmortem_build_field_body (postmortem, field, actor_user_id);
  _og_client_send (self, task, route_for_field (field), og_postmortem_get_id (postmortem), NULL,
                   body, NULL, NULL);
}

gboolean
og_client_update_field_finish (OgClient *self, GAsyncResult *result, GError **error)
{
  return _og_client_finish_boolean (self, result, og_client_update_field_async, error);
}
