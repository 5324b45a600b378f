/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "og-routes.h"

/* Every route has a unique method+path pair, and matching its own path finds it again. */
static void
test_table_round_trip (void)
{
  for (OgRoute route = 0; route < OG_N_ROUTES; route++)
    {
      const OgRouteInfo *info = og_route_get_info (route);
      g_autofree char *path = og_route_build_path (route, "abc-123");
      g_autofree char *id = NULL;
      gboolean mismatch = TRUE;
      OgRoute found = OG_N_ROUTES;

      g_assert_cmpint (info->route, ==, route);
      g_assert_nonnull (path);
      g_assert_true (og_route_match (info->method, path, &found, &id, &mismatch));
      g_assert_cmpint (found, ==, route);
      g_assert_false (mismatch);
      if (strstr (info->path, "{id}") != NULL)
        g_assert_cmpstr (id, ==, "abc-123");
      else
        g_assert_null (id);
    }
}

/* The table says what DESIGN.md says, method and path, for every operation. */
static void
test_table_matches_design (void)
{
  static const struct
  {
    OgRoute route;
    const char *method;
    const char *path;
  } expected[] = {
    { OG_ROUTE_POSTMORTEM_GET, "GET", "/v2/postmortem/{id}" },
    { OG_ROUTE_POSTMORTEM_CREATE, "POST", "/v2/postmortem" },
    { OG_ROUTE_POSTMORTEM_DELETE, "DELETE", "/v2/postmortem/{id}" },
    { OG_ROUTE_POSTMORTEM_UPDATE, "PUT", "/v2/postmortem/{id}" },
    { OG_ROUTE_POSTMORTEM_CONTENT, "PUT", "/v2/postmortem/{id}/content" },
    { OG_ROUTE_POSTMORTEM_EXECUTIVE_SUMMARY, "PUT", "/v2/postmortem/{id}/executive-summary" },
    { OG_ROUTE_POSTMORTEM_STATUS, "PUT", "/v2/postmortem/{id}/status" },
    { OG_ROUTE_POSTMORTEM_OWNER, "PUT", "/v2/postmortem/{id}/owner" },
    { OG_ROUTE_POSTMORTEM_SEVERITY, "PUT", "/v2/postmortem/{id}/severity" },
    { OG_ROUTE_POSTMORTEM_TITLE, "PUT", "/v2/postmortem/{id}/title" },
    { OG_ROUTE_POSTMORTEM_JIRA_ISSUES, "PUT", "/v2/postmortem/{id}/jira-issues" },
    { OG_ROUTE_POSTMORTEM_RELATED_INCIDENTS, "PUT", "/v2/postmortem/{id}/related-incidents" },
    { OG_ROUTE_POSTMORTEM_AFFECTED_SERVICES, "PUT", "/v2/postmortem/{id}/affected-services" },
    { OG_ROUTE_POSTMORTEM_RESPONDER_TEAMS, "PUT", "/v2/postmortem/{id}/responder-teams" },
    { OG_ROUTE_POSTMORTEM_RESPONDER_USERS, "PUT", "/v2/postmortem/{id}/responder-users" },
    { OG_ROUTE_INCIDENTS_LIST, "GET", "/v1/incidents" },
    { OG_ROUTE_INCIDENT_GET, "GET", "/v1/incidents/{id}" },
    { OG_ROUTE_USERS_LIST, "GET", "/v2/users" },
    { OG_ROUTE_TEAMS_LIST, "GET", "/v2/teams" },
    { OG_ROUTE_SERVICES_LIST, "GET", "/v1/services" },
    { OG_ROUTE_ACCOUNT_GET, "GET", "/v2/account" },
  };

  g_assert_cmpuint (G_N_ELEMENTS (expected), ==, OG_N_ROUTES);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const OgRouteInfo *info = og_route_get_info (expected[i].route);

      g_assert_cmpstr (info->method, ==, expected[i].method);
      g_assert_cmpstr (info->path, ==, expected[i].path);
    }

  /* Only requests that may safely be sent twice are retried after a 5xx. */
  g_assert_false (og_route_get_info (OG_ROUTE_POSTMORTEM_CREATE)->idempotent);
  g_assert_false (og_route_get_info (OG_ROUTE_POSTMORTEM_DELETE)->idempotent);
  g_assert_true (og_route_get_info (OG_ROUTE_POSTMORTEM_GET)->idempotent);
  g_assert_true (og_route_get_info (OG_ROUTE_POSTMORTEM_TITLE)->idempotent);
}

/* An id can never add a path segment, a query or a fragment. */
static void
test_build_path_escapes (void)
{
  g_autofree char *path = og_route_build_path (OG_ROUTE_POSTMORTEM_GET, "../a b/?x=1#f");
  g_autofree char *id = NULL;
  OgRoute route;

  g_assert_cmpstr (path, ==, "/v2/postmortem/..%2Fa%20b%2F%3Fx%3D1%23f");
  g_assert_true (og_route_match ("GET", path, &route, &id, NULL));
  g_assert_cmpint (route, ==, OG_ROUTE_POSTMORTEM_GET);
  g_assert_cmpstr (id, ==, "../a b/?x=1#f");
}

static void
test_build_path_needs_id (void)
{
  g_autofree char *none = og_route_build_path (OG_ROUTE_POSTMORTEM_GET, NULL);
  g_autofree char *empty = og_route_build_path (OG_ROUTE_POSTMORTEM_TITLE, "");
  g_autofree char *list = og_route_build_path (OG_ROUTE_USERS_LIST, NULL);

  g_assert_null (none);
  g_assert_null (empty);
  g_assert_cmpstr (list, ==, "/v2/users");
}

static void
test_match_method_mismatch (void)
{
  gboolean mismatch = FALSE;
  OgRoute route;

  g_assert_false (og_route_match ("PATCH", "/v2/postmortem/x", &route, NULL, &mismatch));
  g_assert_true (mismatch);
  g_assert_false (og_route_match ("POST", "/v2/postmortem/x/title", &route, NULL, &mismatch));
  g_assert_true (mismatch);
}

static void
test_match_unknown (void)
{
  gboolean mismatch = TRUE;
  g_autofree char *id = NULL;

  g_assert_false (og_route_match ("GET", "/v2/postmortems", NULL, &id, &mismatch));
  g_assert_false (mismatch);
  g_assert_null (id);
  g_assert_false (og_route_match ("GET", "/v2/postmortem/", NULL, NULL, &mismatch));
  g_assert_false (og_route_match ("GET", "/v2/postmortem/a/b/c", NULL, NULL, &mismatch));
  g_assert_false (og_route_match ("GET", "", NULL, NULL, &mismatch));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/routes/table/round-trip", test_table_round_trip);
  g_test_add_func ("/routes/table/matches-design", test_table_matches_design);
  g_test_add_func ("/routes/build-path/escapes", test_build_path_escapes);
  g_test_add_func ("/routes/build-path/needs-id", test_build_path_needs_id);
  g_test_add_func ("/routes/match/method-mismatch", test_match_method_mismatch);
  g_test_add_func ("/routes/match/unknown", test_match_unknown);

  return g_test_run ();
}
