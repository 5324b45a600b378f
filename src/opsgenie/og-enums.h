/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  OG_SEVERITY_P1,
  OG_SEVERITY_P2,
  OG_SEVERITY_P3,
  OG_SEVERITY_P4,
  OG_SEVERITY_P5,
} OgSeverity;

typedef enum
{
  OG_POSTMORTEM_STATUS_DRAFT,
  OG_POSTMORTEM_STATUS_IN_REVIEW,
  OG_POSTMORTEM_STATUS_PUBLISHED,
} OgPostmortemStatus;

/* The fields a partial update can change, one route each (see og-routes.h). */
typedef enum
{
  OG_POSTMORTEM_FIELD_TITLE,
  OG_POSTMORTEM_FIELD_SEVERITY,
  OG_POSTMORTEM_FIELD_STATUS,
  OG_POSTMORTEM_FIELD_OWNER,
  OG_POSTMORTEM_FIELD_JIRA_ISSUES,
  OG_POSTMORTEM_FIELD_RELATED_INCIDENTS,
  OG_POSTMORTEM_FIELD_AFFECTED_SERVICES,
  OG_POSTMORTEM_FIELD_RESPONDER_TEAMS,
  OG_POSTMORTEM_FIELD_RESPONDER_USERS,
  OG_POSTMORTEM_FIELD_EXECUTIVE_SUMMARY,
  OG_POSTMORTEM_FIELD_CONTENT,
} OgPostmortemField;

#define OG_N_POSTMORTEM_FIELDS (OG_POSTMORTEM_FIELD_CONTENT + 1)

/* "P1"…"P5" */
const char *og_severity_to_string (OgSeverity severity);
gboolean og_severity_from_string (const char *str, OgSeverity *severity);

/* "draft", "in-review", "published" */
const char *og_postmortem_status_to_string (OgPostmortemStatus status);
gboolean og_postmortem_status_from_string (const char *str, OgPostmortemStatus *status);

/* The JSON member a partial update of the field sends ("title", "ownerId", …). */
const char *og_postmortem_field_to_string (OgPostmortemField field);

G_END_DECLS
