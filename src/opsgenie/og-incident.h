/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "og-enums.h"

G_BEGIN_DECLS

/* An Opsgenie incident, as the incident list and get return it, and as a postmortem's
 * rootIncident and relatedIncidents carry it (with fewer members). */
#define OG_TYPE_INCIDENT (og_incident_get_type ())
G_DECLARE_FINAL_TYPE (OgIncident, og_incident, OG, INCIDENT, GObject)

OgIncident *og_incident_new_from_json (JsonNode *node, GError **error);
JsonNode *og_incident_to_json (OgIncident *self);
const char *og_incident_get_id (OgIncident *self);
const char *og_incident_get_tiny_id (OgIncident *self);
const char *og_incident_get_message (OgIncident *self);
const char *og_incident_get_description (OgIncident *self);
/* "open", "resolved", "closed": kept as a string, Opsgenie has more than it documents */
const char *og_incident_get_status (OgIncident *self);
OgSeverity og_incident_get_priority (OgIncident *self);
GDateTime *og_incident_get_created_at (OgIncident *self);
GDateTime *og_incident_get_updated_at (OgIncident *self);
const char *const *og_incident_get_tags (OgIncident *self);
const char *const *og_incident_get_impacted_services (OgIncident *self);
/* extraProperties.postmortemId, or NULL */
const char *og_incident_get_postmortem_id (OgIncident *self);

G_END_DECLS
