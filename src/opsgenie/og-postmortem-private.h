/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "og-postmortem.h"

G_BEGIN_DECLS

/* The fields, shared by the object (og-postmortem.c) and its JSON shapes
 * (og-postmortem-json.c). */
struct _OgPostmortem
{
  GObject parent_instance;

  char *id;
  char *title;
  OgSeverity severity;
  OgPostmortemStatus status;
  OgRef *owner;
  OgIncident *root_incident;
  OgRef *timeline;
  JsonNode *executive_summary;
  JsonNode *content;
  GDateTime *start_time;
  GDateTime *end_time;
  GDateTime *respond_time;
  GDateTime *resolve_time;
  GDateTime *created_at;
  char **jira_issues;
  GPtrArray *related_incidents;
  GPtrArray *affected_services;
  GPtrArray *responder_teams;
  GPtrArray *responders;
  /* Its shape is undocumented: kept as it came, to be written back unchanged. */
  JsonNode *icc_sessions;
};

G_END_DECLS
