/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * OgRoute:
 *
 * Every operation Debrief performs on the Opsgenie API. The method and path of each live
 * in ONE table (og-routes.c), shared by the client and the sandbox server, so that a route
 * Opsgenie spells differently is a one-line change.
 */
typedef enum
{
  OG_ROUTE_POSTMORTEM_GET,
  OG_ROUTE_POSTMORTEM_CREATE,
  OG_ROUTE_POSTMORTEM_DELETE,
  OG_ROUTE_POSTMORTEM_UPDATE,
  OG_ROUTE_POSTMORTEM_CONTENT,
  OG_ROUTE_POSTMORTEM_EXECUTIVE_SUMMARY,
  OG_ROUTE_POSTMORTEM_STATUS,
  OG_ROUTE_POSTMORTEM_OWNER,
  OG_ROUTE_POSTMORTEM_SEVERITY,
  OG_ROUTE_POSTMORTEM_TITLE,
  OG_ROUTE_POSTMORTEM_JIRA_ISSUES,
  OG_ROUTE_POSTMORTEM_RELATED_INCIDENTS,
  OG_ROUTE_POSTMORTEM_AFFECTED_SERVICES,
  OG_ROUTE_POSTMORTEM_RESPONDER_TEAMS,
  OG_ROUTE_POSTMORTEM_RESPONDER_USERS,
  OG_ROUTE_INCIDENTS_LIST,
  OG_ROUTE_INCIDENT_GET,
  OG_ROUTE_USERS_LIST,
  OG_ROUTE_TEAMS_LIST,
  OG_ROUTE_SERVICES_LIST,
  OG_ROUTE_ACCOUNT_GET,
  OG_N_ROUTES
} OgRoute;

typedef struct
{
  OgRoute route;
  const char *name;    /* "postmortem-get", for logs and test names */
  const char *method;  /* SOUP_METHOD_* */
  const char *path;    /* "/v2/postmortem/{id}": {id} is the only placeholder */
  gboolean idempotent; /* may be retried after a 5xx */
  gboolean inferred;   /* not in the public documentation: our best reading */
} OgRouteInfo;

const OgRouteInfo *og_route_get_info (OgRoute route);

/* The path with {id} replaced by the percent-escaped id; NULL when the route needs an
 * id and none (or an empty one, or a dot segment "." or "..") is given. */
char *og_route_build_path (OgRoute route, const char *id);

/* Which route a request is for (the sandbox's dispatch). Returns FALSE when no route
 * matches; *method_mismatch says the path exists for another method (405). *id gets the
 * unescaped {id} when the route has one. */
gboolean og_route_match (const char *method,
                         const char *path,
                         OgRoute *route,
                         char **id,
                         gboolean *method_mismatch);

G_END_DECLS
