/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "og-enums.h"
#include "og-incident.h"
#include "og-ref.h"
#include "og-responder.h"

G_BEGIN_DECLS

/*
 * A postmortem with every field of the GET response. Mutable: the UI edits a working copy
 * (og_postmortem_copy) and compares it with the base field by field.
 *
 * Lists are GPtrArrays of objects (OgRef, OgResponder, OgIncident): getters return them
 * transfer none; setters take a reference to a copy of the array (never the caller's).
 * executive-summary and content hold ADF documents as JSON object nodes (or NULL).
 */
#define OG_TYPE_POSTMORTEM (og_postmortem_get_type ())
G_DECLARE_FINAL_TYPE (OgPostmortem, og_postmortem, OG, POSTMORTEM, GObject)

OgPostmortem *og_postmortem_new (void);
/* Accepts the GET response's "data" object. Unknown members are ignored; a member of the
 * wrong type or an unknown enum value is an OG_ERROR_BAD_RESPONSE naming its path. */
OgPostmortem *og_postmortem_new_from_json (JsonNode *node, GError **error);
/* The GET shape back (for the cache): new_from_json (to_json (p)) equals p. */
JsonNode *og_postmortem_to_json (OgPostmortem *self);
OgPostmortem *og_postmortem_copy (OgPostmortem *self);

gboolean og_postmortem_field_equal (OgPostmortem *a, OgPostmortem *b, OgPostmortemField field);
/* @to's @field takes @from's value, through its setter (which notifies a change). */
void og_postmortem_copy_field (OgPostmortem *to, OgPostmortem *from, OgPostmortemField field);

/* Request bodies. A partial update: {"actorUserId", <member>: value} (+ "type":"adf" and
 * the ADF document serialized as a JSON string for the two rich fields). The full update:
 * every field the documentation lists for it. actor_user_id may be NULL (omitted). */
JsonNode *og_postmortem_build_field_body (OgPostmortem *self,
                                          OgPostmortemField field,
                                          const char *actor_user_id);
JsonNode *og_postmortem_build_update_body (OgPostmortem *self, const char *actor_user_id);

const char *og_postmortem_get_id (OgPostmortem *self);
void og_postmortem_set_id (OgPostmortem *self, const char *id);
const char *og_postmortem_get_title (OgPostmortem *self);
void og_postmortem_set_title (OgPostmortem *self, const char *title);
OgSeverity og_postmortem_get_severity (OgPostmortem *self);
void og_postmortem_set_severity (OgPostmortem *self, OgSeverity severity);
OgPostmortemStatus og_postmortem_get_status (OgPostmortem *self);
void og_postmortem_set_status (OgPostmortem *self, OgPostmortemStatus status);
OgRef *og_postmortem_get_owner (OgPostmortem *self);
void og_postmortem_set_owner (OgPostmortem *self, OgRef *owner);
OgIncident *og_postmortem_get_root_incident (OgPostmortem *self);
OgRef *og_postmortem_get_timeline (OgPostmortem *self);

JsonNode *og_postmortem_get_executive_summary (OgPostmortem *self);
void og_postmortem_set_executive_summary (OgPostmortem *self, JsonNode *adf);
JsonNode *og_postmortem_get_content (OgPostmortem *self);
void og_postmortem_set_content (OgPostmortem *self, JsonNode *adf);

GDateTime *og_postmortem_get_start_time (OgPostmortem *self);
GDateTime *og_postmortem_get_end_time (OgPostmortem *self);
GDateTime *og_postmortem_get_respond_time (OgPostmortem *self);
GDateTime *og_postmortem_get_resolve_time (OgPostmortem *self);
GDateTime *og_postmortem_get_created_at (OgPostmortem *self);

const char *const *og_postmortem_get_jira_issues (OgPostmortem *self);
void og_postmortem_set_jira_issues (OgPostmortem *self, const char *const *urls);
GPtrArray *og_postmortem_get_related_incidents (OgPostmortem *self); /* OgIncident */
void og_postmortem_set_related_incidents (OgPostmortem *self, GPtrArray *incidents);
GPtrArray *og_postmortem_get_affected_services (OgPostmortem *self); /* OgRef */
void og_postmortem_set_affected_services (OgPostmortem *self, GPtrArray *services);
GPtrArray *og_postmortem_get_responder_teams (OgPostmortem *self); /* OgRef */
void og_postmortem_set_responder_teams (OgPostmortem *self, GPtrArray *teams);
GPtrArray *og_postmortem_get_responders (OgPostmortem *self); /* OgResponder */
void og_postmortem_set_responders (OgPostmortem *self, GPtrArray *responders);

G_END_DECLS
