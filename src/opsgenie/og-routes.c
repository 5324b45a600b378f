/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "og-routes"

#include "config.h"

#include "og-routes.h"

/*
 * The one table of every method and path Debrief sends. What the public documentation does
 * not give is marked inferred: if Opsgenie spells it differently, change the line here and
 * the client and the sandbox follow.
 */
static const OgRouteInfo routes[] = {
  { OG_ROUTE_POSTMORTEM_GET, "postmortem-get", "GET", "/v2/postmortem/{id}", TRUE, FALSE },
  { OG_ROUTE_POSTMORTEM_CREATE, "postmortem-create", "POST", "/v2/postmortem", FALSE, FALSE },
  /* Not retried after a 5xx: a delete that went through answers 404 the second time. */
  { OG_ROUTE_POSTMORTEM_DELETE, "postmortem-delete", "DELETE", "/v2/postmortem/{id}", FALSE,
    FALSE },
  { OG_ROUTE_POSTMORTEM_UPDATE, "postmortem-update", "PUT", "/v2/postmortem/{id}", TRUE, TRUE },
  { OG_ROUTE_POSTMORTEM_CONTENT, "postmortem-content", "PUT", "/v2/postmortem/{id}/content", TRUE,
    FALSE },
  { OG_ROUTE_POSTMORTEM_EXECUTIVE_SUMMARY, "postmortem-executive-summary", "PUT",
    "/v2/postmortem/{id}/executive-summary", TRUE, TRUE },
  { OG_ROUTE_POSTMORTEM_STATUS, "postmortem-status", "PUT", "/v2/postmortem/{id}/status", TRUE,
    TRUE },
  { OG_ROUTE_POSTMORTEM_OWNER, "postmortem-owner", "PUT", "/v2/postmortem/{id}/owner", TRUE, TRUE },
  { OG_ROUTE_POSTMORTEM_SEVERITY, "postmortem-severity", "PUT", "/v2/postmortem/{id}/severity",
    TRUE, TRUE },
  { OG_ROUTE_POSTMORTEM_TITLE, "postmortem-title", "PUT", "/v2/postmortem/{id}/title", TRUE, TRUE },
  { OG_ROUTE_POSTMORTEM_JIRA_ISSUES, "postmortem-jira-issues", "PUT",
    "/v2/postmortem/{id}/jira-issues", TRUE, TRUE },
  { OG_ROUTE_POSTMORTEM_RELATED_INCIDENTS, "postmortem-related-incidents", "PUT",
    "/v2/postmortem/{id}/related-incidents", TRUE, TRUE },
  { OG_ROUTE_POSTMORTEM_AFFECTED_SERVICES, "postmortem-affected-services", "PUT",
    "/v2/postmortem/{id}/affected-services", TRUE, TRUE },
  { OG_ROUTE_POSTMORTEM_RESPONDER_TEAMS, "postmortem-responder-teams", "PUT",
    "/v2/postmortem/{id}/responder-teams", TRUE, TRUE },
  { OG_ROUTE_POSTMORTEM_RESPONDER_USERS, "postmortem-responder-users", "PUT",
    "/v2/postmortem/{id}/responder-users", TRUE, TRUE },
  { OG_ROUTE_INCIDENTS_LIST, "incidents-list", "GET", "/v1/incidents", TRUE, FALSE },
  { OG_ROUTE_INCIDENT_GET, "incident-get", "GET", "/v1/incidents/{id}", TRUE, FALSE },
  { OG_ROUTE_USERS_LIST, "users-list", "GET", "/v2/users", TRUE, FALSE },
  { OG_ROUTE_TEAMS_LIST, "teams-list", "GET", "/v2/teams", TRUE, FALSE },
  { OG_ROUTE_SERVICES_LIST, "services-list", "GET", "/v1/services", TRUE, FALSE },
  { OG_ROUTE_ACCOUNT_GET, "account-get", "GET", "/v2/account", TRUE, FALSE },
};

G_STATIC_ASSERT (G_N_ELEMENTS (routes) == OG_N_ROUTES);

const OgRouteInfo *
og_route_get_info (OgRoute route)
{
  g_return_val_if_fail (route < OG_N_ROUTES, NULL);
  g_assert (routes[route].route == route);

  return &routes[route];
}

char *
og_route_build_path (OgRoute route, const char *id)
{
  const OgRouteInfo *info;
  const char *placeholder;
  g_autofree char *escaped = NULL;
  GString *path;

  g_return_val_if_fail (route < OG_N_ROUTES, NULL);

  info = &routes[route];
  placeholder = strstr (info->path, "{id}");
  if (placeholder == NULL)
    return g_strdup (info->path);

  /* "." and ".." are unreserved, so escaping keeps them, and URI normalisation would then
   * drop them with the segment before: /v2/postmortem/../content is /v2/content. */
  if (id == NULL || *id == '\0' || g_str_equal (id, ".") || g_str_equal (id, ".."))
    return NULL;

  /* Every reserved character escaped: an id can never add a path segment or a query. */
  escaped = g_uri_escape_string (id, NULL, FALSE);
  path = g_string_new_len (info->path, placeholder - info->path);
  g_string_append (path, escaped);
  g_string_append (path, placeholder + strlen ("{id}"));

  return g_string_free (path, FALSE);
}

/* Matches @path against @pattern segment by segment; {id} matches one non-empty segment. */
static gboolean
path_matches (const char *pattern, const char *path, char **id)
{
  g_auto (GStrv) pattern_parts = g_strsplit (pattern, "/", -1);
  g_auto (GStrv) path_parts = g_strsplit (path, "/", -1);
  g_autofree char *found_id = NULL;

  if (g_strv_length (pattern_parts) != g_strv_length (path_parts))
    return FALSE;

  for (guint i = 0; pattern_parts[i] != NULL; i++)
    {
      if (g_str_equal (pattern_parts[i], "{id}"))
        {
          if (*path_parts[i] == '\0')
            return FALSE;
          found_id = g_uri_unescape_string (path_parts[i], NULL);
          if (found_id == NULL)
            return FALSE;
        }
      else if (!g_str_equal (pattern_parts[i], path_parts[i]))
        {
          return FALSE;
        }
    }

  if (id != NULL)
    *id = g_steal_pointer (&found_id);

  return TRUE;
}

gboolean
og_route_match (const char *method,
                const char *path,
                OgRoute *route,
                char **id,
                gboolean *method_mismatch)
{
  gboolean mismatch = FALSE;

  g_return_val_if_fail (method != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (id != NULL)
    *id = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      g_autofree char *found_id = NULL;

      if (!path_matches (routes[i].path, path, &found_id))
        continue;

      if (!g_str_equal (routes[i].method, method))
        {
          mismatch = TRUE;
          continue;
        }

      if (route != NULL)
        *route = routes[i].route;
      if (id != NULL)
        *id = g_steal_pointer (&found_id);
      if (method_mismatch != NULL)
        *method_mismatch = FALSE;
      return TRUE;
    }

  if (method_mismatch != NULL)
    *method_mismatch = mismatch;

  return FALSE;
}
