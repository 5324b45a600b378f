/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "og-enums"

#include "config.h"

#include "og-enums.h"

static const char *const severity_names[] = { "P1", "P2", "P3", "P4", "P5" };
static const char *const status_names[] = { "draft", "in-review", "published" };
static const char *const field_names[] = {
  [OG_POSTMORTEM_FIELD_TITLE] = "title",
  [OG_POSTMORTEM_FIELD_SEVERITY] = "severity",
  [OG_POSTMORTEM_FIELD_STATUS] = "status",
  [OG_POSTMORTEM_FIELD_OWNER] = "ownerId",
  [OG_POSTMORTEM_FIELD_JIRA_ISSUES] = "jiraIssues",
  [OG_POSTMORTEM_FIELD_RELATED_INCIDENTS] = "relatedIncidentIds",
  [OG_POSTMORTEM_FIELD_AFFECTED_SERVICES] = "affectedServices",
  [OG_POSTMORTEM_FIELD_RESPONDER_TEAMS] = "responderTeams",
  [OG_POSTMORTEM_FIELD_RESPONDER_USERS] = "responderUsers",
  [OG_POSTMORTEM_FIELD_EXECUTIVE_SUMMARY] = "executiveSummary",
  [OG_POSTMORTEM_FIELD_CONTENT] = "content",
};

G_STATIC_ASSERT (G_N_ELEMENTS (field_names) == OG_N_POSTMORTEM_FIELDS);

static gboolean
lookup (const char *const *names, guint n_names, const char *str, guint *index)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    {
      if (g_str_equal (names[i], str))
        {
          *index = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
og_severity_to_string (OgSeverity severity)
{
  g_return_val_if_fail (severity <= OG_SEVERITY_P5, NULL);

  return severity_names[severity];
}

gboolean
og_severity_from_string (const char *str, OgSeverity *severity)
{
  guint index;

  g_return_val_if_fail (severity != NULL, FALSE);

  if (!lookup (severity_names, G_N_ELEMENTS (severity_names), str, &index))
    return FALSE;

  *severity = (OgSeverity) index;
  return TRUE;
}

const char *
og_postmortem_status_to_string (OgPostmortemStatus status)
{
  g_return_val_if_fail (status <= OG_POSTMORTEM_STATUS_PUBLISHED, NULL);

  return status_names[status];
}

gboolean
og_postmortem_status_from_string (const char *str, OgPostmortemStatus *status)
{
  guint index;

  g_return_val_if_fail (status != NULL, FALSE);

  if (!lookup (status_names, G_N_ELEMENTS (status_names), str, &index))
    return FALSE;

  *status = (OgPostmortemStatus) index;
  return TRUE;
}

const char *
og_postmortem_field_to_string (OgPostmortemField field)
{
  g_return_val_if_fail (field < OG_N_POSTMORTEM_FIELDS, NULL);

  return field_names[field];
}
