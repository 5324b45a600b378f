/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Save planning (DESIGN.md, "Saving without losing anything"): which partial updates a save
 * sends and in what order, which fields conflict, and what stays unsaved after a partial
 * failure. Pure logic: the postmortems come from the sandbox's seed, no server runs.
 */
#include "config.h"

#include <gio/gio.h>

#include "debrief-save-plan.h"
#include "debrief-test-util.h"
#include "og-error.h"
#include "og-sandbox.h"

static OgPostmortem *
seeded (gboolean published)
{
  g_autoptr (OgSandbox) sandbox = og_sandbox_new ();
  g_auto (GStrv) ids = og_sandbox_dup_postmortem_ids (sandbox);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr (JsonNode) data = og_sandbox_dup_postmortem (sandbox, ids[i]);
      g_autoptr (OgPostmortem) postmortem = og_postmortem_new_from_json (data, NULL);

      g_assert_nonnull (postmortem);
      if ((og_postmortem_get_status (postmortem) == OG_POSTMORTEM_STATUS_PUBLISHED) == published)
        return g_steal_pointer (&postmortem);
    }
  g_assert_not_reached ();
}

static OgIncident *
incident (const char *id)
{
  g_autofree char *json
      = g_strdup_printf ("{\"id\":\"%s\",\"tinyId\":\"9\",\"message\":\"m\"}", id);
  g_autoptr (JsonNode) node = json_from_string (json, NULL);

  return og_incident_new_from_json (node, NULL);
}

/* Gives @field of @postmortem a value it did not have; @variant makes different values. */
static void
change_field (OgPostmortem *postmortem, OgPostmortemField field, guint variant)
{
  g_autofree char *text = g_strdup_printf ("changed %u", variant);
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (JsonNode) adf = debrief_test_adf_paragraph (text);
  const char *urls[] = { NULL, NULL };
  g_autofree char *url = g_strdup_printf ("https://jira.example.com/browse/OPS-%u", variant);

  switch (field)
    {
    case OG_POSTMORTEM_FIELD_TITLE:
      og_postmortem_set_title (postmortem, text);
      break;
    case OG_POSTMORTEM_FIELD_SEVERITY:
      og_postmortem_set_severity (postmortem,
                                  (og_postmortem_get_severity (postmortem) + 1 + variant) % 5);
      break;
    case OG_POSTMORTEM_FIELD_STATUS:
      og_postmortem_set_status (postmortem,
                                og_postmortem_get_status (postmortem) == OG_POSTMORTEM_STATUS_DRAFT
                                    ? OG_POSTMORTEM_STATUS_IN_REVIEW
                                    : OG_POSTMORTEM_STATUS_DRAFT);
      break;
    case OG_POSTMORTEM_FIELD_OWNER:
      {
        g_autoptr (OgRef) owner = og_ref_new (text, "Someone Else");
        og_postmortem_set_owner (postmortem, owner);
      }
      break;
    case OG_POSTMORTEM_FIELD_JIRA_ISSUES:
      urls[0] = url;
      og_postmortem_set_jira_issues (postmortem, urls);
      break;
    case OG_POSTMORTEM_FIELD_RELATED_INCIDENTS:
      g_ptr_array_add (list, incident (text));
      og_postmortem_set_related_incidents (postmortem, list);
      break;
    case OG_POSTMORTEM_FIELD_AFFECTED_SERVICES:
      g_ptr_array_add (list, og_ref_new (text, "Service"));
      og_postmortem_set_affected_services (postmortem, list);
      break;
    case OG_POSTMORTEM_FIELD_RESPONDER_TEAMS:
      g_ptr_array_add (list, og_ref_new (text, "Team"));
      og_postmortem_set_responder_teams (postmortem, list);
      break;
    case OG_POSTMORTEM_FIELD_RESPONDER_USERS:
      g_ptr_array_add (list, og_responder_new (text, "User", "Scribe"));
      og_postmortem_set_responders (postmortem, list);
      break;
    case OG_POSTMORTEM_FIELD_EXECUTIVE_SUMMARY:
      og_postmortem_set_executive_summary (postmortem, adf);
      break;
    case OG_POSTMORTEM_FIELD_CONTENT:
      og_postmortem_set_content (postmortem, adf);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
assert_steps (DebriefSavePlan *plan, const OgPostmortemField *expected, guint n_expected)
{
  g_assert_cmpuint (debrief_save_plan_get_n_steps (plan), ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpstr (og_postmortem_field_to_string (debrief_save_plan_get_step (plan, i)), ==,
                     og_postmortem_field_to_string (expected[i]));
}

static void
test_no_change (void)
{
  g_autoptr (OgPostmortem) base = seeded (FALSE);
  g_autoptr (OgPostmortem) working = og_postmortem_copy (base);
  g_autoptr (DebriefSavePlan) plan = debrief_save_plan_new (base, working, base);
  g_autoptr (GArray) unsaved = NULL;

  g_assert_cmpuint (debrief_save_plan_get_n_steps (plan), ==, 0);
  g_assert_cmpuint (debrief_save_plan_get_n_conflicts (plan), ==, 0);
  unsaved = debrief_save_plan_get_unsaved_fields (plan);
  g_assert_cmpuint (unsaved->len, ==, 0);
}

/* One changed field: one step, sending the user's value; a field only the server changed
 * is taken in without a step; after success nothing is unsaved. */
static void
test_one_field (gconstpointer data)
{
  OgPostmortemField field = GPOINTER_TO_UINT (data);
  OgPostmortemField other = field == OG_POSTMORTEM_FIELD_TITLE ? OG_POSTMORTEM_FIELD_CONTENT
                                                               : OG_POSTMORTEM_FIELD_TITLE;
  g_autoptr (OgPostmortem) base = seeded (FALSE);
  g_autoptr (OgPostmortem) working = og_postmortem_copy (base);
  g_autoptr (OgPostmortem) server = og_postmortem_copy (base);
  g_autoptr (DebriefSavePlan) plan = NULL;
  g_autoptr (OgPostmortem) new_base = NULL;
  g_autoptr (OgPostmortem) new_working = NULL;
  g_autoptr (GArray) unsaved = NULL;
  g_autoptr (JsonNode) sent = NULL;
  g_autoptr (JsonNode) wanted = NULL;
  OgPostmortem *target;

  change_field (working, field, 1);
  change_field (server, other, 2);
  plan = debrief_save_plan_new (base, working, server);

  assert_steps (plan, &field, 1);
  g_assert_cmpuint (debrief_save_plan_get_n_conflicts (plan), ==, 0);
  target = debrief_save_plan_get_target (plan);
  sent = og_postmortem_build_field_body (target, field, "actor");
  wanted = og_postmortem_build_field_body (working, field, "actor");
  g_assert_true (json_node_equal (sent, wanted));
  /* the server's change is in what the user sees next, not sent back */
  g_assert_true (og_postmortem_field_equal (target, server, other));

  g_assert_true (debrief_save_plan_may_run (plan, 0));
  debrief_save_plan_set_outcome (plan, 0, DEBRIEF_STEP_SUCCEEDED, NULL);
  debrief_save_plan_apply (plan, &new_base, &new_working);
  for (guint f = 0; f < OG_N_POSTMORTEM_FIELDS; f++)
    g_assert_true (og_postmortem_field_equal (new_base, new_working, f));
  g_assert_true (og_postmortem_field_equal (new_base, working, field));
  g_assert_true (og_postmortem_field_equal (new_base, server, other));
  unsaved = debrief_save_plan_get_unsaved_fields (plan);
  g_assert_cmpuint (unsaved->len, ==, 0);
}

/* Leaving published: the status goes first, the rest waits for it. */
static void
test_leaving_published (void)
{
  const OgPostmortemField expected[]
      = { OG_POSTMORTEM_FIELD_STATUS, OG_POSTMORTEM_FIELD_TITLE, OG_POSTMORTEM_FIELD_CONTENT };
  g_autoptr (OgPostmortem) base = seeded (TRUE);
  g_autoptr (OgPostmortem) working = og_postmortem_copy (base);
  g_autoptr (DebriefSavePlan) plan = NULL;
  g_autoptr (GArray) unsaved = NULL;
  g_autoptr (GError) error = g_error_new_literal (OG_ERROR, OG_ERROR_INVALID, "refused");

  og_postmortem_set_status (working, OG_POSTMORTEM_STATUS_DRAFT);
  change_field (working, OG_POSTMORTEM_FIELD_CONTENT, 1);
  change_field (working, OG_POSTMORTEM_FIELD_TITLE, 1);
  plan = debrief_save_plan_new (base, working, base);
  assert_steps (plan, expected, G_N_ELEMENTS (expected));

  g_assert_true (debrief_save_plan_may_run (plan, 0));
  g_assert_false (debrief_save_plan_may_run (plan, 1));
  debrief_save_plan_set_outcome (plan, 0, DEBRIEF_STEP_FAILED, error);
  g_assert_false (debrief_save_plan_may_run (plan, 1));
  g_assert_false (debrief_save_plan_may_run (plan, 2));
  unsaved = debrief_save_plan_get_unsaved_fields (plan);
  g_assert_cmpuint (unsaved->len, ==, 3);
  g_assert_cmpstr (debrief_save_plan_get_step_error (plan, 0)->message, ==, "refused");

  debrief_save_plan_set_outcome (plan, 0, DEBRIEF_STEP_SUCCEEDED, NULL);
  g_assert_true (debrief_save_plan_may_run (plan, 1));
  g_assert_true (debrief_save_plan_may_run (plan, 2));
}

/* Entering published: the status goes last, and only when every other step succeeded. */
static void
test_entering_published (void)
{
  const OgPostmortemField expected[]
      = { OG_POSTMORTEM_FIELD_TITLE, OG_POSTMORTEM_FIELD_SEVERITY, OG_POSTMORTEM_FIELD_STATUS };
  g_autoptr (OgPostmortem) base = seeded (FALSE);
  g_autoptr (OgPostmortem) working = og_postmortem_copy (base);
  g_autoptr (DebriefSavePlan) plan = NULL;
  g_autoptr (GArray) unsaved = NULL;

  og_postmortem_set_status (working, OG_POSTMORTEM_STATUS_PUBLISHED);
  change_field (working, OG_POSTMORTEM_FIELD_SEVERITY, 1);
  change_field (working, OG_POSTMORTEM_FIELD_TITLE, 1);
  plan = debrief_save_plan_new (base, working, NULL);
  assert_steps (plan, expected, G_N_ELEMENTS (expected));

  g_assert_true (debrief_save_plan_may_run (plan, 0));
  g_assert_true (debrief_save_plan_may_run (plan, 1));
  g_assert_false (debrief_save_plan_may_run (plan, 2));
  debrief_save_plan_set_outcome (plan, 0, DEBRIEF_STEP_SUCCEEDED, NULL);
  debrief_save_plan_set_outcome (plan, 1, DEBRIEF_STEP_FAILED, NULL);
  g_assert_false (debrief_save_plan_may_run (plan, 2));
  unsaved = debrief_save_plan_get_unsaved_fields (plan);
  g_assert_cmpuint (unsaved->len, ==, 2);
  g_assert_cmpint (g_array_index (unsaved, OgPostmortemField, 0), ==, OG_POSTMORTEM_FIELD_SEVERITY);
  g_assert_cmpint (g_array_index (unsaved, OgPostmortemField, 1), ==, OG_POSTMORTEM_FIELD_STATUS);

  debrief_save_plan_set_outcome (plan, 1, DEBRIEF_STEP_SUCCEEDED, NULL);
  g_assert_true (debrief_save_plan_may_run (plan, 2));
}

/* Draft ↔ in review: the status goes last too (a reviewer sees the finished text), and no
 * step waits for another. */
static void
test_status_between_drafts (void)
{
  const OgPostmortemField expected[]
      = { OG_POSTMORTEM_FIELD_TITLE, OG_POSTMORTEM_FIELD_CONTENT, OG_POSTMORTEM_FIELD_STATUS };
  g_autoptr (OgPostmortem) base = seeded (FALSE);
  g_autoptr (OgPostmortem) working = og_postmortem_copy (base);
  g_autoptr (DebriefSavePlan) plan = NULL;

  change_field (working, OG_POSTMORTEM_FIELD_STATUS, 0);
  change_field (working, OG_POSTMORTEM_FIELD_CONTENT, 0);
  change_field (working, OG_POSTMORTEM_FIELD_TITLE, 0);
  plan = debrief_save_plan_new (base, working, base);
  assert_steps (plan, expected, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (debrief_save_plan_may_run (plan, i));
}

/* Both changed a field to different values: a conflict with both values, sent only once
 * resolved, and never silently overwritten either way. */
static void
test_conflict (gconstpointer data)
{
  OgPostmortemField field = GPOINTER_TO_UINT (data);
  g_autoptr (OgPostmortem) base = seeded (FALSE);
  g_autoptr (OgPostmortem) working = og_postmortem_copy (base);
  g_autoptr (OgPostmortem) server = og_postmortem_copy (base);
  g_autoptr (DebriefSavePlan) plan = NULL;
  g_autoptr (GArray) unsaved = NULL;
  g_autoptr (JsonNode) mine = NULL;
  g_autoptr (JsonNode) theirs = NULL;
  const DebriefSaveConflict *conflict;

  change_field (working, field, 1);
  change_field (server, field, 2);
  /* a status conflict needs two different new values */
  if (field == OG_POSTMORTEM_FIELD_STATUS)
    og_postmortem_set_status (server, OG_POSTMORTEM_STATUS_PUBLISHED);
  change_field (working,
                field == OG_POSTMORTEM_FIELD_TITLE ? OG_POSTMORTEM_FIELD_CONTENT
                                                   : OG_POSTMORTEM_FIELD_TITLE,
                3);
  plan = debrief_save_plan_new (base, working, server);

  g_assert_cmpuint (debrief_save_plan_get_n_conflicts (plan), ==, 1);
  conflict = debrief_save_plan_get_conflict (plan, 0);
  g_assert_cmpint (conflict->field, ==, field);
  g_assert_true (debrief_save_plan_has_unresolved_conflicts (plan));
  {
    g_autoptr (JsonNode) body = og_postmortem_build_field_body (working, field, NULL);
    g_autoptr (JsonNode) server_body = og_postmortem_build_field_body (server, field, NULL);
    const char *member = og_postmortem_field_to_string (field);

    mine = json_node_copy (json_object_get_member (json_node_get_object (body), member));
    theirs = json_node_copy (json_object_get_member (json_node_get_object (server_body), member));
  }
  g_assert_true (json_node_equal (conflict->mine, mine));
  g_assert_true (json_node_equal (conflict->theirs, theirs));
  g_assert_false (json_node_equal (conflict->mine, conflict->theirs));

  /* unresolved: only the other field is sent; the conflicting one stays the user's */
  g_assert_cmpuint (debrief_save_plan_get_n_steps (plan), ==, 1);
  g_assert_cmpint (debrief_save_plan_get_step (plan, 0), !=, field);
  g_assert_true (og_postmortem_field_equal (debrief_save_plan_get_target (plan), working, field));
  debrief_save_plan_set_outcome (plan, 0, DEBRIEF_STEP_SUCCEEDED, NULL);
  unsaved = debrief_save_plan_get_unsaved_fields (plan);
  g_assert_cmpuint (unsaved->len, ==, 1);
  g_assert_cmpint (g_array_index (unsaved, OgPostmortemField, 0), ==, field);

  g_assert_true (debrief_save_plan_resolve (plan, field, DEBRIEF_CONFLICT_KEEP_MINE));
  g_assert_false (debrief_save_plan_has_unresolved_conflicts (plan));
  g_assert_cmpuint (debrief_save_plan_get_n_steps (plan), ==, 2);

  g_assert_true (debrief_save_plan_resolve (plan, field, DEBRIEF_CONFLICT_TAKE_THEIRS));
  g_assert_cmpuint (debrief_save_plan_get_n_steps (plan), ==, 1);
  g_assert_true (og_postmortem_field_equal (debrief_save_plan_get_target (plan), server, field));
  g_assert_false (debrief_save_plan_resolve (plan,
                                             OG_N_POSTMORTEM_FIELDS - 1 == field
                                                 ? OG_POSTMORTEM_FIELD_SEVERITY
                                                 : OG_N_POSTMORTEM_FIELDS - 1,
                                             DEBRIEF_CONFLICT_KEEP_MINE));
}

/* Both made the same change: nothing to send, nothing to resolve. */
static void
test_same_change (void)
{
  g_autoptr (OgPostmortem) base = seeded (FALSE);
  g_autoptr (OgPostmortem) working = og_postmortem_copy (base);
  g_autoptr (OgPostmortem) server = og_postmortem_copy (base);
  g_autoptr (DebriefSavePlan) plan = NULL;

  change_field (working, OG_POSTMORTEM_FIELD_CONTENT, 4);
  change_field (server, OG_POSTMORTEM_FIELD_CONTENT, 4);
  plan = debrief_save_plan_new (base, working, server);
  g_assert_cmpuint (debrief_save_plan_get_n_conflicts (plan), ==, 0);
  g_assert_cmpuint (debrief_save_plan_get_n_steps (plan), ==, 0);
}

/* Three fields, the middle one refused: it alone stays unsaved, with the server's reason,
 * and the new base holds what was saved. */
static void
test_partial_failure (void)
{
  g_autoptr (OgPostmortem) base = seeded (FALSE);
  g_autoptr (OgPostmortem) working = og_postmortem_copy (base);
  g_autoptr (DebriefSavePlan) plan = NULL;
  g_autoptr (OgPostmortem) new_base = NULL;
  g_autoptr (OgPostmortem) new_working = NULL;
  g_autoptr (GArray) unsaved = NULL;
  g_autoptr (GError) refused = g_error_new_literal (OG_ERROR, OG_ERROR_INVALID, "bad owner");

  change_field (working, OG_POSTMORTEM_FIELD_TITLE, 1);
  change_field (working, OG_POSTMORTEM_FIELD_OWNER, 1);
  change_field (working, OG_POSTMORTEM_FIELD_CONTENT, 1);
  plan = debrief_save_plan_new (base, working, base);
  g_assert_cmpuint (debrief_save_plan_get_n_steps (plan), ==, 3);
  g_assert_cmpint (debrief_save_plan_get_step (plan, 1), ==, OG_POSTMORTEM_FIELD_OWNER);

  debrief_save_plan_set_outcome (plan, 0, DEBRIEF_STEP_SUCCEEDED, NULL);
  debrief_save_plan_set_outcome (plan, 1, DEBRIEF_STEP_FAILED, refused);
  debrief_save_plan_set_outcome (plan, 2, DEBRIEF_STEP_SUCCEEDED, NULL);
  debrief_save_plan_apply (plan, &new_base, &new_working);

  g_assert_true (og_postmortem_field_equal (new_base, working, OG_POSTMORTEM_FIELD_TITLE));
  g_assert_true (og_postmortem_field_equal (new_base, working, OG_POSTMORTEM_FIELD_CONTENT));
  g_assert_true (og_postmortem_field_equal (new_base, base, OG_POSTMORTEM_FIELD_OWNER));
  g_assert_true (og_postmortem_field_equal (new_working, working, OG_POSTMORTEM_FIELD_OWNER));
  unsaved = debrief_save_plan_get_unsaved_fields (plan);
  g_assert_cmpuint (unsaved->len, ==, 1);
  g_assert_cmpint (g_array_index (unsaved, OgPostmortemField, 0), ==, OG_POSTMORTEM_FIELD_OWNER);
  g_assert_cmpstr (debrief_save_plan_get_step_error (plan, 1)->message, ==, "bad owner");
  g_assert_null (debrief_save_plan_get_step_error (plan, 0));

  /* Saving again from the new versions sends the owner alone. */
  {
    g_autoptr (DebriefSavePlan) again = debrief_save_plan_new (new_base, new_working, NULL);
    const OgPostmortemField owner = OG_POSTMORTEM_FIELD_OWNER;

    assert_steps (again, &owner, 1);
  }
}

/* The plan copies its inputs: the user typing on while it runs changes nothing in it. */
static void
test_inputs_copied (void)
{
  g_autoptr (OgPostmortem) base = seeded (FALSE);
  g_autoptr (OgPostmortem) working = og_postmortem_copy (base);
  g_autoptr (DebriefSavePlan) plan = NULL;

  change_field (working, OG_POSTMORTEM_FIELD_TITLE, 1);
  plan = debrief_save_plan_new (base, working, NULL);
  og_postmortem_set_title (working, "typed on");
  g_assert_cmpstr (og_postmortem_get_title (debrief_save_plan_get_target (plan)), ==, "changed 1");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/save-plan/no-change", test_no_change);
  for (guint f = 0; f < OG_N_POSTMORTEM_FIELDS; f++)
    {
      g_autofree char *path
          = g_strdup_printf ("/save-plan/field/%s", og_postmortem_field_to_string (f));
      g_autofree char *conflict_path
          = g_strdup_printf ("/save-plan/conflict/%s", og_postmortem_field_to_string (f));

      g_test_add_data_func (path, GUINT_TO_POINTER (f), test_one_field);
      g_test_add_data_func (conflict_path, GUINT_TO_POINTER (f), test_conflict);
    }
  g_test_add_func ("/save-plan/status/leaving-published", test_leaving_published);
  g_test_add_func ("/save-plan/status/entering-published", test_entering_published);
  g_test_add_func ("/save-plan/status/between-drafts", test_status_between_drafts);
  g_test_add_func ("/save-plan/conflict/same-change", test_same_change);
  g_test_add_func ("/save-plan/partial-failure", test_partial_failure);
  g_test_add_func ("/save-plan/inputs-copied", test_inputs_copied);

  return g_test_run ();
}
