/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "og-incident.h"

G_BEGIN_DECLS

/* A resolved incident without a postmortem, in the list pane: "#tinyId message", when it
 * was opened, and a "Create Postmortem" button that activates
 * postmortem-list.create-for-incident with the incident's id. */
#define DEBRIEF_TYPE_INCIDENT_ROW (debrief_incident_row_get_type ())
G_DECLARE_FINAL_TYPE (DebriefIncidentRow, debrief_incident_row, DEBRIEF, INCIDENT_ROW, GtkWidget)

GtkWidget *debrief_incident_row_new (void);
OgIncident *debrief_incident_row_get_incident (DebriefIncidentRow *self);
void debrief_incident_row_set_incident (DebriefIncidentRow *self, OgIncident *incident);
GtkButton *debrief_incident_row_get_create_button (DebriefIncidentRow *self);

G_END_DECLS
