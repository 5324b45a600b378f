/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A save plan carried out against the sandbox over real HTTP: every field arrives, the
 * status order gets past Opsgenie's published lock both ways, a refused step leaves exactly
 * its field (and a publication waiting on it) unsaved, a conflict is not sent.
 */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "debrief-save-plan.h"
#include "debrief-test-util.h"
#include "og-error.h"
#include "og-sandbox.h"

typedef DebriefTestSandboxFixture Fixture;

static OgPostmortem *
find (Fixture *fixture, OgPostmortemStatus status, guint skip)
{
  g_auto (GStrv) ids = og_sandbox_dup_postmortem_ids (fixture->sandbox);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr (OgPostmortem) postmortem
          = debrief_test_sandbox_dup_postmortem (fixture->sandbox, ids[i]);

      if (og_postmortem_get_status (postmortem) == status && skip-- == 0)
        return g_steal_pointer (&postmortem);
    }
  g_assert_not_reached ();
}

static void
on_step_over (DebriefSavePlan *plan, guint n_done, gpointer user_data)
{
  g_array_append_val ((GArray *) user_data, n_done);
}

/* Runs @plan; @progress (may be NULL) collects what the run told after each step. */
static gboolean
run_plan (Fixture *fixture, DebriefSavePlan *plan, GArray *progress, GError **error)
{
  DebriefTestWaiter waiter = { 0 };
  gboolean ok;

  og_sandbox_clear_requests (fixture->sandbox);
  debrief_save_plan_run_async (plan, fixture->client, OG_SANDBOX_ACTOR_ID, NULL,
                               progress != NULL ? on_step_over : NULL, progress,
                               debrief_test_waiter_done, &waiter);
  ok = debrief_save_plan_run_finish (plan, debrief_test_waiter_wait (&waiter), error);
  g_clear_object (&waiter.result);
  return ok;
}

/* The PUT paths the sandbox received, as their last segment ("status", "title", …). */
static char *
received_routes (Fixture *fixture)
{
  const GPtrArray *requests = og_sandbox_get_requests (fixture->sandbox);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < requests->len; i++)
    {
      const OgSandboxRequest *request = requests->pdata[i];

      if (!g_str_equal (request->method, "PUT"))
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, strrchr (request->path, '/') + 1);
    }
  return g_string_free (out, FALSE);
}

/* Every field the user changed reaches the server, one request each, in plan order. */
static void
test_every_field (Fixture *fixture, gconstpointer data)
{
  g_autoptr (OgPostmortem) base = find (fixture, OG_POSTMORTEM_STATUS_DRAFT, 0);
  g_autoptr (OgPostmortem) other = find (fixture, OG_POSTMORTEM_STATUS_DRAFT, 1);
  g_autoptr (OgPostmortem) working = og_postmortem_copy (base);
  g_autoptr (OgPostmortem) after = NULL;
  g_autoptr (DebriefSavePlan) plan = NULL;
  g_autoptr (JsonNode) summary = debrief_test_adf_paragraph ("A new summary");
  g_autoptr (JsonNode) content = debrief_test_adf_paragraph ("New content");
  g_autoptr (GError) error = NULL;
  const char *jira[] = { "https://jira.example.com/browse/OPS-77", NULL };
  guint n_steps;

  og_postmortem_set_title (working, "Everything changed");
  og_postmortem_set_severity (working, (og_postmortem_get_severity (base) + 1) % 5);
  og_postmortem_set_status (working, OG_POSTMORTEM_STATUS_IN_REVIEW);
  og_postmortem_set_owner (working, og_postmortem_get_owner (other));
  og_postmortem_set_jira_issues (working, jira);
  og_postmortem_set_related_incidents (working, og_postmortem_get_related_incidents (other));
  og_postmortem_set_affected_services (working, og_postmortem_get_affected_services (other));
  og_postmortem_set_responder_teams (working, og_postmortem_get_responder_teams (other));
  og_postmortem_set_responders (working, og_postmortem_get_responders (other));
  og_postmortem_set_executive_summary (working, summary);
  og_postmortem_set_content (working, content);

  plan = debrief_save_plan_new (base, working, base);
  n_steps = debrief_save_plan_get_n_steps (plan);
  g_test_message ("%u of %u fields differ", n_steps, OG_N_POSTMORTEM_FIELDS);
  g_assert_cmpuint (n_steps, >=, OG_N_POSTMORTEM_FIELDS - 3);
  g_assert_true (run_plan (fixture, plan, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (og_sandbox_get_requests (fixture->sandbox)->len, ==, n_steps);

  after = debrief_test_sandbox_dup_postmortem (fixture->sandbox, og_postmortem_get_id (base));
  for (guint f = 0; f < OG_N_POSTMORTEM_FIELDS; f++)
    g_assert_true (og_postmortem_field_equal (after, working, f));
  for (guint i = 0; i < n_steps; i++)
    g_assert_cmpint (debrief_save_plan_get_outcome (plan, i), ==, DEBRIEF_STEP_SUCCEEDED);
}

/* Leaving published: the status goes first, or the lock would refuse the rest. */
static void
test_leaving_published (Fixture *fixture, gconstpointer data)
{
  g_autoptr (OgPostmortem) base = find (fixture, OG_POSTMORTEM_STATUS_PUBLISHED, 0);
  g_autoptr (OgPostmortem) working = og_postmortem_copy (base);
  g_autoptr (OgPostmortem) after = NULL;
  g_autoptr (DebriefSavePlan) plan = NULL;
  g_autoptr (JsonNode) content = debrief_test_adf_paragraph ("Reopened and corrected");
  g_autoptr (GError) error = NULL;
  g_autofree char *routes = NULL;

  og_postmortem_set_status (working, OG_POSTMORTEM_STATUS_DRAFT);
  og_postmortem_set_title (working, "Corrected after publication");
  og_postmortem_set_content (working, content);
  plan = debrief_save_plan_new (base, working, base);
  g_assert_true (run_plan (fixture, plan, NULL, &error));
  g_assert_no_error (error);

  routes = received_routes (fixture);
  g_assert_cmpstr (routes, ==, "status title content");
  after = debrief_test_sandbox_dup_postmortem (fixture->sandbox, og_postmortem_get_id (base));
  g_assert_cmpint (og_postmortem_get_status (after), ==, OG_POSTMORTEM_STATUS_DRAFT);
  g_assert_cmpstr (og_postmortem_get_title (after), ==, "Corrected after publication");
  g_assert_true (og_postmortem_field_equal (after, working, OG_POSTMORTEM_FIELD_CONTENT));
}

/* Entering published with a field refused: that field and the publication stay unsaved,
 * the rest is saved; a second save from the new versions finishes the job. */
static void
test_entering_published_partial (Fixture *fixture, gconstpointer data)
{
  g_autoptr (OgPostmortem) base = find (fixture, OG_POSTMORTEM_STATUS_DRAFT, 0);
  g_autoptr (OgPostmortem) working = og_postmortem_copy (base);
  g_autoptr (OgPostmortem) after = NULL;
  g_autoptr (OgPostmortem) new_base = NULL;
  g_autoptr (OgPostmortem) new_working = NULL;
  g_autoptr (DebriefSavePlan) plan = NULL;
  g_autoptr (DebriefSavePlan) again = NULL;
  g_autoptr (GArray) unsaved = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *routes = NULL;
  OgSeverity severity = (og_postmortem_get_severity (base) + 2) % 5;

  og_postmortem_set_title (working, "Ready to publish");
  og_postmortem_set_severity (working, severity);
  og_postmortem_set_status (working, OG_POSTMORTEM_STATUS_PUBLISHED);
  og_sandbox_add_fault (fixture->sandbox, OG_ROUTE_POSTMORTEM_SEVERITY, OG_SANDBOX_FAULT_STATUS,
                        422, 1);
  plan = debrief_save_plan_new (base, working, base);
  g_assert_false (run_plan (fixture, plan, NULL, &error));
  g_assert_error (error, OG_ERROR, OG_ERROR_INVALID);

  routes = received_routes (fixture);
  g_assert_cmpstr (routes, ==, "title severity");
  g_assert_cmpint (debrief_save_plan_get_outcome (plan, 0), ==, DEBRIEF_STEP_SUCCEEDED);
  g_assert_cmpint (debrief_save_plan_get_outcome (plan, 1), ==, DEBRIEF_STEP_FAILED);
  g_assert_cmpint (debrief_save_plan_get_outcome (plan, 2), ==, DEBRIEF_STEP_NOT_RUN);
  g_assert_error ((GError *) debrief_save_plan_get_step_error (plan, 1), OG_ERROR,
                  OG_ERROR_INVALID);
  after = debrief_test_sandbox_dup_postmortem (fixture->sandbox, og_postmortem_get_id (base));
  g_assert_cmpstr (og_postmortem_get_title (after), ==, "Ready to publish");
  g_assert_cmpint (og_postmortem_get_severity (after), ==, og_postmortem_get_severity (base));
  g_assert_cmpint (og_postmortem_get_status (after), ==, OG_POSTMORTEM_STATUS_DRAFT);

  unsaved = debrief_save_plan_get_unsaved_fields (plan);
  g_assert_cmpuint (unsaved->len, ==, 2);
  g_assert_cmpint (g_array_index (unsaved, OgPostmortemField, 0), ==, OG_POSTMORTEM_FIELD_SEVERITY);
  g_assert_cmpint (g_array_index (unsaved, OgPostmortemField, 1), ==, OG_POSTMORTEM_FIELD_STATUS);

  debrief_save_plan_apply (plan, &new_base, &new_working);
  g_clear_object (&after);
  after = debrief_test_sandbox_dup_postmortem (fixture->sandbox, og_postmortem_get_id (base));
  again = debrief_save_plan_new (new_base, new_working, after);
  g_assert_cmpuint (debrief_save_plan_get_n_conflicts (again), ==, 0);
  g_clear_error (&error);
  g_assert_true (run_plan (fixture, again, NULL, &error));
  g_assert_no_error (error);
  g_free (routes);
  routes = received_routes (fixture);
  g_assert_cmpstr (routes, ==, "severity status");
  g_clear_object (&after);
  after = debrief_test_sandbox_dup_postmortem (fixture->sandbox, og_postmortem_get_id (base));
  g_assert_cmpint (og_postmortem_get_status (after), ==, OG_POSTMORTEM_STATUS_PUBLISHED);
  g_assert_cmpint (og_postmortem_get_severity (after), ==, severity);
}

/* Someone else retitled it meanwhile: the user's title is a conflict and is not sent; the
 * rest of their changes are. */
static void
test_conflict_not_sent (Fixture *fixture, gconstpointer data)
{
  g_autoptr (OgPostmortem) base = find (fixture, OG_POSTMORTEM_STATUS_DRAFT, 0);
  g_autoptr (OgPostmortem) working = og_postmortem_copy (base);
  g_autoptr (OgPostmortem) theirs = og_postmortem_copy (base);
  g_autoptr (OgPostmortem) server = NULL;
  g_autoptr (OgPostmortem) after = NULL;
  g_autoptr (DebriefSavePlan) plan = NULL;
  g_autoptr (JsonNode) content = debrief_test_adf_paragraph ("My paragraph");
  g_autoptr (GError) error = NULL;
  g_autofree char *routes = NULL;
  DebriefTestWaiter waiter = { 0 };

  og_postmortem_set_title (theirs, "Their title");
  og_client_update_field_async (fixture->client, theirs, OG_POSTMORTEM_FIELD_TITLE,
                                OG_SANDBOX_ACTOR_ID, NULL, debrief_test_waiter_done, &waiter);
  g_assert_true (
      og_client_update_field_finish (fixture->client, debrief_test_waiter_wait (&waiter), NULL));
  g_clear_object (&waiter.result);

  og_postmortem_set_title (working, "My title");
  og_postmortem_set_content (working, content);
  server = debrief_test_sandbox_dup_postmortem (fixture->sandbox, og_postmortem_get_id (base));
  plan = debrief_save_plan_new (base, working, server);
  g_assert_cmpuint (debrief_save_plan_get_n_conflicts (plan), ==, 1);
  g_assert_true (run_plan (fixture, plan, NULL, &error));
  g_assert_no_error (error);

  routes = received_routes (fixture);
  g_assert_cmpstr (routes, ==, "content");
  after = debrief_test_sandbox_dup_postmortem (fixture->sandbox, og_postmortem_get_id (base));
  g_assert_cmpstr (og_postmortem_get_title (after), ==, "Their title");
  g_assert_true (og_postmortem_field_equal (after, working, OG_POSTMORTEM_FIELD_CONTENT));
}

/* The connection drops on the first update: the run stops there, and the step after it is
 * not sent but records why; the progress hears of both steps all the same. */
static void
test_network_stops_run (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GArray) progress = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GError) error = NULL;
  g_autoptr (DebriefSavePlan) plan = NULL;
  g_autoptr (OgPostmortem) base = find (fixture, OG_POSTMORTEM_STATUS_DRAFT, 0);
  g_autoptr (OgPostmortem) working = og_postmortem_copy (base);
  g_autoptr (OgPostmortem) after = NULL;

  og_postmortem_set_title (working, "Lost on the way");
  og_postmortem_set_severity (working, (og_postmortem_get_severity (base) + 1) % 5);
  og_sandbox_add_fault (fixture->sandbox, OG_ROUTE_POSTMORTEM_TITLE, OG_SANDBOX_FAULT_DROP, 0, 0);
  plan = debrief_save_plan_new (base, working, base);
  g_assert_cmpuint (debrief_save_plan_get_n_steps (plan), ==, 2);
  g_assert_cmpint (debrief_save_plan_get_step (plan, 0), ==, OG_POSTMORTEM_FIELD_TITLE);
  g_assert_false (run_plan (fixture, plan, progress, &error));
  g_assert_error (error, OG_ERROR, OG_ERROR_NETWORK);

  g_assert_cmpuint (og_sandbox_count_requests (fixture->sandbox, OG_ROUTE_POSTMORTEM_SEVERITY), ==,
                    0);
  g_assert_cmpint (debrief_save_plan_get_outcome (plan, 0), ==, DEBRIEF_STEP_FAILED);
  g_assert_cmpint (debrief_save_plan_get_outcome (plan, 1), ==, DEBRIEF_STEP_NOT_RUN);
  g_assert_error ((GError *) debrief_save_plan_get_step_error (plan, 1), OG_ERROR,
                  OG_ERROR_NETWORK);
  g_assert_cmpuint (progress->len, ==, 2);
  g_assert_cmpuint (g_array_index (progress, guint, 0), ==, 1);
  g_assert_cmpuint (g_array_index (progress, guint, 1), ==, 2);
  after = debrief_test_sandbox_dup_postmortem (fixture->sandbox, og_postmortem_get_id (base));
  g_assert_cmpint (og_postmortem_get_severity (after), ==, og_postmortem_get_severity (base));
}

#define ADD_TEST(path, func)                                                  \
  g_test_add (path, Fixture, NULL, debrief_test_sandbox_fixture_set_up, func, \
              debrief_test_sandbox_fixture_tear_down)

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ADD_TEST ("/save/every-field", test_every_field);
  ADD_TEST ("/save/status/leaving-published", test_leaving_published);
  ADD_TEST ("/save/status/entering-published-partial", test_entering_published_partial);
  ADD_TEST ("/save/conflict-not-sent", test_conflict_not_sent);
  ADD_TEST ("/save/network-stops-the-run", test_network_stops_run);

  return g_test_run ();
}
