/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * DebriefEditSession, what the postmortem page drives, over real HTTP against the sandbox:
 * open (the cache first, then the fresh copy), editing every field and saving (asserting on
 * the partial updates the sandbox received), the status order, the published lock and its
 * revert, conflicts, a partial failure, drafts, offline, delete and create.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "debrief-edit-session.h"
#include "debrief-library.h"
#include "debrief-test-store-util.h"
#include "debrief-test-util.h"
#include "og-error.h"
#include "og-sandbox.h"

#define ACTOR OG_SANDBOX_ACTOR_ID

typedef DebriefTestLibraryFixture Fixture;

/* Fixture */

static DebriefLibrary *
load_library (Fixture *fixture)
{
  DebriefLibrary *library = debrief_test_library_load (fixture->directory);

  debrief_drafts_set_delay (debrief_library_get_drafts (library), 50);
  return library;
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  fixture->directory = debrief_test_make_tmp_dir ("debrief-edit-session-XXXXXX");
  fixture->library = load_library (fixture);
  fixture->sandbox = debrief_test_sandbox_new ();
  fixture->client = debrief_test_client_new (fixture->sandbox);
  og_client_set_max_retries (fixture->client, 1);
  og_client_set_timeouts (fixture->client, 5, 10);
}

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, debrief_test_library_fixture_tear_down)

/* Shorthands */

static char *
postmortem_id_with_status (Fixture *fixture, OgPostmortemStatus status)
{
  g_auto (GStrv) ids = og_sandbox_dup_postmortem_ids (fixture->sandbox);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr (OgPostmortem) postmortem
          = debrief_test_sandbox_dup_postmortem (fixture->sandbox, ids[i]);

      if (og_postmortem_get_status (postmortem) == status)
        return g_strdup (ids[i]);
    }
  g_assert_not_reached ();
}

static DebriefEditSession *
open_session (Fixture *fixture, const char *id)
{
  DebriefEditSession *session = debrief_edit_session_new (fixture->library, fixture->client, ACTOR);
  DebriefTestWaiter waiter = { 0 };
  g_autoptr (GError) error = NULL;

  debrief_edit_session_open_async (session, id, NULL, debrief_test_waiter_done, &waiter);
  g_assert_true (
      debrief_edit_session_open_finish (session, debrief_test_waiter_wait (&waiter), &error));
  g_assert_no_error (error);
  g_clear_object (&waiter.result);
  g_assert_nonnull (debrief_edit_session_get_working (session));
  return session;
}

static gboolean
save (DebriefEditSession *session, GError **error)
{
  DebriefTestWaiter waiter = { 0 };
  gboolean ok;

  debrief_edit_session_save_async (session, NULL, debrief_test_waiter_done, &waiter);
  ok = debrief_edit_session_save_finish (session, debrief_test_waiter_wait (&waiter), error);
  g_clear_object (&waiter.result);
  return ok;
}

static void
edit_title (DebriefEditSession *session, const char *title)
{
  og_postmortem_set_title (debrief_edit_session_get_working (session), title);
  debrief_edit_session_working_changed (session, OG_POSTMORTEM_FIELD_TITLE);
}

/* Another user's change, straight through the API. */
static void
change_on_server (Fixture *fixture, const char *id, OgPostmortemField field, gpointer value)
{
  g_autoptr (OgPostmortem) postmortem = debrief_test_sandbox_dup_postmortem (fixture->sandbox, id);
  g_autoptr (GError) error = NULL;
  DebriefTestWaiter waiter = { 0 };

  if (field == OG_POSTMORTEM_FIELD_TITLE)
    og_postmortem_set_title (postmortem, value);
  else if (field == OG_POSTMORTEM_FIELD_SEVERITY)
    og_postmortem_set_severity (postmortem, GPOINTER_TO_UINT (value));
  else
    g_assert_not_reached ();

  og_client_update_field_async (fixture->client, postmortem, field, ACTOR, NULL,
                                debrief_test_waiter_done, &waiter);
  g_assert_true (
      og_client_update_field_finish (fixture->client, debrief_test_waiter_wait (&waiter), &error));
  g_assert_no_error (error);
  g_clear_object (&waiter.result);
}

/* The partial updates the sandbox received (every request but GETs), in order. */
static GPtrArray *
writes_received (Fixture *fixture)
{
  const GPtrArray *requests = og_sandbox_get_requests (fixture->sandbox);
  GPtrArray *writes = g_ptr_array_new ();

  for (guint i = 0; i < requests->len; i++)
    {
      const OgSandboxRequest *request = requests->pdata[i];

      if (!g_str_equal (request->method, "GET"))
        g_ptr_array_add (writes, (gpointer) request);
    }
  return writes;
}

static OgRoute
route_of (OgPostmortemField field)
{
  static const OgRoute routes[] = {
    [OG_POSTMORTEM_FIELD_TITLE] = OG_ROUTE_POSTMORTEM_TITLE,
    [OG_POSTMORTEM_FIELD_SEVERITY] = OG_ROUTE_POSTMORTEM_SEVERITY,
    [OG_POSTMORTEM_FIELD_STATUS] = OG_ROUTE_POSTMORTEM_STATUS,
    [OG_POSTMORTEM_FIELD_OWNER] = OG_ROUTE_POSTMORTEM_OWNER,
    [OG_POSTMORTEM_FIELD_JIRA_ISSUES] = OG_ROUTE_POSTMORTEM_JIRA_ISSUES,
    [OG_POSTMORTEM_FIELD_RELATED_INCIDENTS] = OG_ROUTE_POSTMORTEM_RELATED_INCIDENTS,
    [OG_POSTMORTEM_FIELD_AFFECTED_SERVICES] = OG_ROUTE_POSTMORTEM_AFFECTED_SERVICES,
    [OG_POSTMORTEM_FIELD_RESPONDER_TEAMS] = OG_ROUTE_POSTMORTEM_RESPONDER_TEAMS,
    [OG_POSTMORTEM_FIELD_RESPONDER_USERS] = OG_ROUTE_POSTMORTEM_RESPONDER_USERS,
    [OG_POSTMORTEM_FIELD_EXECUTIVE_SUMMARY] = OG_ROUTE_POSTMORTEM_EXECUTIVE_SUMMARY,
    [OG_POSTMORTEM_FIELD_CONTENT] = OG_ROUTE_POSTMORTEM_CONTENT,
  };

  return routes[field];
}

/* The writes are exactly these partial updates, in this order, each sending @sent's value
 * of its field and the actor. */
static void
assert_writes (Fixture *fixture,
               OgPostmortem *sent,
               const OgPostmortemField *fields,
               guint n_fields)
{
  g_autoptr (GPtrArray) writes = writes_received (fixture);

  g_assert_cmpuint (writes->len, ==, n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      const OgSandboxRequest *request = writes->pdata[i];
      g_autoptr (JsonNode) body = og_sandbox_request_get_json (request);
      g_autoptr (JsonNode) wanted = og_postmortem_build_field_body (sent, fields[i], ACTOR);

      g_assert_true (request->has_route);
      g_assert_cmpstr (og_route_get_info (request->route)->name, ==,
                       og_route_get_info (route_of (fields[i]))->name);
      g_assert_cmpstr (request->method, ==, "PUT");
      g_assert_nonnull (body);
      g_assert_cmpstr (json_object_get_string_member (json_node_get_object (body), "actorUserId"),
                       ==, ACTOR);
      g_assert_true (json_node_equal (body, wanted));
    }
}

static void
assert_no_draft (Fixture *fixture, const char *id)
{
  DebriefDrafts *drafts = debrief_library_get_drafts (fixture->library);

  g_assert_true (debrief_drafts_flush (drafts, NULL));
  g_assert_false (debrief_drafts_has (drafts, id));
}

static gboolean
has_ref (GPtrArray *refs, const char *id)
{
  for (guint i = 0; i < refs->len; i++)
    if (g_str_equal (og_ref_get_id (refs->pdata[i]), id))
      return TRUE;
  return FALSE;
}

/* Values the sandbox accepts (its own users, teams, services, incidents, taken from the
 * other postmortems) that @postmortem does not have yet, one for every field. */
static void
edit_every_field (Fixture *fixture, DebriefEditSession *session)
{
  OgPostmortem *working = debrief_edit_session_get_working (session);
  g_auto (GStrv) ids = og_sandbox_dup_postmortem_ids (fixture->sandbox);
  g_autoptr (GPtrArray) services = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) teams = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) users = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) incidents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (JsonNode) summary = debrief_test_adf_paragraph ("Summary written in the session");
  g_autoptr (JsonNode) content = debrief_test_adf_paragraph ("Content written in the session");
  const char *jira[] = { "https://jira.example.com/browse/OPS-4711", NULL };
  OgRef *owner = og_postmortem_get_owner (working);
  OgRef *new_owner = NULL;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr (OgPostmortem) other
          = debrief_test_sandbox_dup_postmortem (fixture->sandbox, ids[i]);
      GPtrArray *list;

      if (g_str_equal (ids[i], og_postmortem_get_id (working)))
        continue;
      list = og_postmortem_get_affected_services (other);
      if (services->len == 0 && list->len > 0
          && !has_ref (og_postmortem_get_affected_services (working),
                       og_ref_get_id (list->pdata[0])))
        g_ptr_array_add (services, g_object_ref (list->pdata[0]));
      list = og_postmortem_get_responder_teams (other);
      if (teams->len == 0 && list->len > 0
          && !has_ref (og_postmortem_get_responder_teams (working), og_ref_get_id (list->pdata[0])))
        g_ptr_array_add (teams, g_object_ref (list->pdata[0]));
      if (new_owner == NULL && og_postmortem_get_owner (other) != NULL
          && g_strcmp0 (og_ref_get_id (og_postmortem_get_owner (other)),
                        owner ? og_ref_get_id (owner) : NULL)
                 != 0)
        {
          OgRef *ref = og_postmortem_get_owner (other);

          new_owner = og_ref_new (og_ref_get_id (ref), og_ref_get_name (ref));
          g_ptr_array_add (users, og_responder_new (og_ref_get_id (ref), og_ref_get_name (ref),
                                                    "Scribe for the session test"));
        }
      if (incidents->len == 0 && og_postmortem_get_root_incident (other) != NULL)
        g_ptr_array_add (incidents, g_object_ref (og_postmortem_get_root_incident (other)));
    }
  g_assert_nonnull (new_owner);
  g_assert_cmpuint (services->len, ==, 1);
  g_assert_cmpuint (teams->len, ==, 1);
  g_assert_cmpuint (incidents->len, ==, 1);

  og_postmortem_set_title (working, "Every field edited «in the session»");
  og_postmortem_set_severity (working, (og_postmortem_get_severity (working) + 1) % 5);
  og_postmortem_set_status (working,
                            og_postmortem_get_status (working) == OG_POSTMORTEM_STATUS_DRAFT
                                ? OG_POSTMORTEM_STATUS_IN_REVIEW
                                : OG_POSTMORTEM_STATUS_DRAFT);
  og_postmortem_set_owner (working, new_owner);
  og_postmortem_set_jira_issues (working, jira);
  og_postmortem_set_related_incidents (working, incidents);
  og_postmortem_set_affected_services (working, services);
  og_postmortem_set_responder_teams (working, teams);
  og_postmortem_set_responders (working, users);
  og_postmortem_set_executive_summary (working, summary);
  og_postmortem_set_content (working, content);
  g_object_unref (new_owner);

  for (guint f = 0; f < OG_N_POSTMORTEM_FIELDS; f++)
    debrief_edit_session_working_changed (session, f);
}

/* Tests */

/* The cached copy shows at once, with its age; the fresh one replaces it when it comes. */
static void
test_open_cache_then_fresh (Fixture *fixture, gconstpointer data)
{
  g_autofree char *id = postmortem_id_with_status (fixture, OG_POSTMORTEM_STATUS_DRAFT);
  g_autoptr (OgPostmortem) stale = debrief_test_sandbox_dup_postmortem (fixture->sandbox, id);
  g_autoptr (GDateTime) then = g_date_time_new_utc (2026, 11, 20, 9, 30, 0);
  g_autoptr (DebriefEditSession) session = NULL;
  g_autoptr (OgPostmortem) server = debrief_test_sandbox_dup_postmortem (fixture->sandbox, id);
  g_autoptr (GError) error = NULL;
  DebriefTestWaiter waiter = { 0 };

  og_postmortem_set_title (stale, "What the cache remembers");
  g_assert_true (
      debrief_cache_store (debrief_library_get_cache (fixture->library), stale, then, &error));
  g_assert_no_error (error);

  session = debrief_edit_session_new (fixture->library, fixture->client, ACTOR);
  debrief_edit_session_open_async (session, id, NULL, debrief_test_waiter_done, &waiter);
  /* before any answer */
  g_assert_true (debrief_edit_session_get_loading (session));
  g_assert_true (debrief_edit_session_get_from_cache (session));
  g_assert_true (g_date_time_equal (debrief_edit_session_get_fetched_at (session), then));
  g_assert_cmpstr (og_postmortem_get_title (debrief_edit_session_get_working (session)), ==,
                   "What the cache remembers");

  g_assert_true (
      debrief_edit_session_open_finish (session, debrief_test_waiter_wait (&waiter), &error));
  g_assert_no_error (error);
  g_clear_object (&waiter.result);
  g_assert_false (debrief_edit_session_get_loading (session));
  g_assert_false (debrief_edit_session_get_from_cache (session));
  g_assert_false (g_date_time_equal (debrief_edit_session_get_fetched_at (session), then));
  g_assert_cmpstr (og_postmortem_get_title (debrief_edit_session_get_working (session)), ==,
                   og_postmortem_get_title (server));
  g_assert_false (debrief_edit_session_get_dirty (session));
  g_assert_false (debrief_edit_session_get_read_only (session));
  g_assert_nonnull (debrief_library_lookup (fixture->library, id));
}

/* Every field edited: one partial update each, in field order with the status last, the
 * actor in each; the sandbox then holds every value; no draft and nothing unsaved is left. */
static void
test_save_every_field (Fixture *fixture, gconstpointer data)
{
  g_autofree char *id = postmortem_id_with_status (fixture, OG_POSTMORTEM_STATUS_DRAFT);
  g_autoptr (DebriefEditSession) session = open_session (fixture, id);
  g_autoptr (OgPostmortem) edited = NULL;
  g_autoptr (OgPostmortem) server = NULL;
  g_autoptr (OgPostmortem) cached = NULL;
  g_autoptr (GArray) unsaved = NULL;
  g_autoptr (GError) error = NULL;
  const OgPostmortemField order[] = {
    OG_POSTMORTEM_FIELD_TITLE,
    OG_POSTMORTEM_FIELD_SEVERITY,
    OG_POSTMORTEM_FIELD_OWNER,
    OG_POSTMORTEM_FIELD_JIRA_ISSUES,
    OG_POSTMORTEM_FIELD_RELATED_INCIDENTS,
    OG_POSTMORTEM_FIELD_AFFECTED_SERVICES,
    OG_POSTMORTEM_FIELD_RESPONDER_TEAMS,
    OG_POSTMORTEM_FIELD_RESPONDER_USERS,
    OG_POSTMORTEM_FIELD_EXECUTIVE_SUMMARY,
    OG_POSTMORTEM_FIELD_CONTENT,
    OG_POSTMORTEM_FIELD_STATUS,
  };

  edit_every_field (fixture, session);
  g_assert_true (debrief_edit_session_get_dirty (session));
  for (guint f = 0; f < OG_N_POSTMORTEM_FIELDS; f++)
    g_assert_cmpint (debrief_edit_session_get_field_state (session, f), ==,
                     DEBRIEF_FIELD_STATE_UNSAVED);
  edited = og_postmortem_copy (debrief_edit_session_get_working (session));
  /* the journal has the words before the save, and the list row says so */
  g_assert_true (debrief_drafts_flush (debrief_library_get_drafts (fixture->library), NULL));
  g_assert_true (debrief_drafts_has (debrief_library_get_drafts (fixture->library), id));
  g_assert_true (
      debrief_library_entry_get_has_draft (debrief_library_lookup (fixture->library, id)));

  og_sandbox_clear_requests (fixture->sandbox);
  g_assert_true (save (session, &error));
  g_assert_no_error (error);

  /* one GET for the server copy, then the updates */
  g_assert_cmpuint (og_sandbox_count_requests (fixture->sandbox, OG_ROUTE_POSTMORTEM_GET), ==, 1);
  g_assert_cmpuint (og_sandbox_get_requests (fixture->sandbox)->len, ==, 1 + G_N_ELEMENTS (order));
  assert_writes (fixture, edited, order, G_N_ELEMENTS (order));
  g_assert_cmpuint (debrief_edit_session_get_n_steps (session), ==, 11);
  g_assert_cmpuint (debrief_edit_session_get_n_steps_done (session), ==, 11);

  server = debrief_test_sandbox_dup_postmortem (fixture->sandbox, id);
  for (guint f = 0; f < OG_N_POSTMORTEM_FIELDS; f++)
    {
      g_assert_true (og_postmortem_field_equal (server, edited, f));
      g_assert_cmpint (debrief_edit_session_get_field_state (session, f), ==,
                       DEBRIEF_FIELD_STATE_CLEAN);
    }
  g_assert_false (debrief_edit_session_get_dirty (session));
  g_assert_false (debrief_edit_session_get_saving (session));
  unsaved = debrief_edit_session_dup_unsaved_fields (session);
  g_assert_cmpuint (unsaved->len, ==, 0);
  assert_no_draft (fixture, id);

  /* the list row and the offline copy show the saved state */
  g_assert_cmpstr (debrief_library_entry_get_title (debrief_library_lookup (fixture->library, id)),
                   ==, "Every field edited «in the session»");
  g_assert_false (
      debrief_library_entry_get_has_draft (debrief_library_lookup (fixture->library, id)));
  cached = debrief_cache_load (debrief_library_get_cache (fixture->library), id, NULL, &error);
  g_assert_no_error (error);
  for (guint f = 0; f < OG_N_POSTMORTEM_FIELDS; f++)
    g_assert_true (og_postmortem_field_equal (cached, edited, f));

  /* saving again with nothing changed sends nothing */
  og_sandbox_clear_requests (fixture->sandbox);
  g_assert_true (save (session, &error));
  g_assert_cmpuint (og_sandbox_get_requests (fixture->sandbox)->len, ==, 0);
}

/* Publishing: every other field first, the status last; then the lock is on. */
static void
test_publish_status_last (Fixture *fixture, gconstpointer data)
{
  g_autofree char *id = postmortem_id_with_status (fixture, OG_POSTMORTEM_STATUS_IN_REVIEW);
  g_autoptr (DebriefEditSession) session = open_session (fixture, id);
  OgPostmortem *working = debrief_edit_session_get_working (session);
  const OgPostmortemField order[] = { OG_POSTMORTEM_FIELD_TITLE, OG_POSTMORTEM_FIELD_STATUS };
  g_autoptr (OgPostmortem) edited = NULL;
  g_autoptr (GError) error = NULL;

  og_postmortem_set_status (working, OG_POSTMORTEM_STATUS_PUBLISHED);
  debrief_edit_session_working_changed (session, OG_POSTMORTEM_FIELD_STATUS);
  edit_title (session, "Published after this title");
  edited = og_postmortem_copy (working);
  g_assert_false (debrief_edit_session_get_read_only (session));

  og_sandbox_clear_requests (fixture->sandbox);
  g_assert_true (save (session, &error));
  g_assert_no_error (error);
  assert_writes (fixture, edited, order, G_N_ELEMENTS (order));
  g_assert_true (debrief_edit_session_get_read_only (session));
}

/* Publishing with a field the server refuses: the status is not sent, so the postmortem is
 * not locked with half the changes; both stay unsaved. */
static void
test_publish_waits_for_fields (Fixture *fixture, gconstpointer data)
{
  g_autofree char *id = postmortem_id_with_status (fixture, OG_POSTMORTEM_STATUS_IN_REVIEW);
  g_autoptr (DebriefEditSession) session = open_session (fixture, id);
  OgPostmortem *working = debrief_edit_session_get_working (session);
  g_autoptr (OgPostmortem) server = NULL;
  g_autoptr (GError) error = NULL;
  const GError *skipped;

  og_postmortem_set_status (working, OG_POSTMORTEM_STATUS_PUBLISHED);
  debrief_edit_session_working_changed (session, OG_POSTMORTEM_FIELD_STATUS);
  edit_title (session, "Refused title");
  og_sandbox_add_fault (fixture->sandbox, OG_ROUTE_POSTMORTEM_TITLE, OG_SANDBOX_FAULT_STATUS, 422,
                        1);

  og_sandbox_clear_requests (fixture->sandbox);
  g_assert_false (save (session, &error));
  g_assert_error (error, DEBRIEF_EDIT_SESSION_ERROR, DEBRIEF_EDIT_SESSION_ERROR_NOT_SAVED);
  g_assert_cmpuint (og_sandbox_count_requests (fixture->sandbox, OG_ROUTE_POSTMORTEM_TITLE), ==, 1);
  g_assert_cmpuint (og_sandbox_count_requests (fixture->sandbox, OG_ROUTE_POSTMORTEM_STATUS), ==,
                    0);
  g_assert_cmpint (debrief_edit_session_get_field_state (session, OG_POSTMORTEM_FIELD_TITLE), ==,
                   DEBRIEF_FIELD_STATE_FAILED);
  g_assert_cmpint (debrief_edit_session_get_field_state (session, OG_POSTMORTEM_FIELD_STATUS), ==,
                   DEBRIEF_FIELD_STATE_UNSAVED);
  skipped = debrief_edit_session_get_field_error (session, OG_POSTMORTEM_FIELD_STATUS);
  g_assert_error (skipped, DEBRIEF_EDIT_SESSION_ERROR, DEBRIEF_EDIT_SESSION_ERROR_SKIPPED);
  server = debrief_test_sandbox_dup_postmortem (fixture->sandbox, id);
  g_assert_cmpint (og_postmortem_get_status (server), ==, OG_POSTMORTEM_STATUS_IN_REVIEW);
  g_assert_false (debrief_edit_session_get_read_only (session));
}

/* The published lock: read-only, and its button is one status change. */
static void
test_published_lock_revert (Fixture *fixture, gconstpointer data)
{
  g_autofree char *id = postmortem_id_with_status (fixture, OG_POSTMORTEM_STATUS_PUBLISHED);
  g_autoptr (DebriefEditSession) session = open_session (fixture, id);
  g_autoptr (OgPostmortem) server = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) writes = NULL;
  g_autoptr (JsonNode) body = NULL;
  DebriefTestWaiter waiter = { 0 };

  g_assert_true (debrief_edit_session_get_read_only (session));

  og_sandbox_clear_requests (fixture->sandbox);
  debrief_edit_session_revert_to_in_review_async (session, NULL, debrief_test_waiter_done, &waiter);
  g_assert_true (debrief_edit_session_get_saving (session));
  g_assert_true (debrief_edit_session_revert_to_in_review_finish (
      session, debrief_test_waiter_wait (&waiter), &error));
  g_assert_no_error (error);
  g_clear_object (&waiter.result);

  writes = writes_received (fixture);
  g_assert_cmpuint (writes->len, ==, 1);
  g_assert_cmpuint (og_sandbox_get_requests (fixture->sandbox)->len, ==, 1);
  g_assert_true (((OgSandboxRequest *) writes->pdata[0])->route == OG_ROUTE_POSTMORTEM_STATUS);
  body = og_sandbox_request_get_json (writes->pdata[0]);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (body), "status"), ==,
                   "in-review");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (body), "actorUserId"), ==,
                   ACTOR);
  g_assert_cmpuint (json_object_get_size (json_node_get_object (body)), ==, 2);

  server = debrief_test_sandbox_dup_postmortem (fixture->sandbox, id);
  g_assert_cmpint (og_postmortem_get_status (server), ==, OG_POSTMORTEM_STATUS_IN_REVIEW);
  g_assert_false (debrief_edit_session_get_read_only (session));
  g_assert_false (debrief_edit_session_get_dirty (session));
  g_assert_cmpint (og_postmortem_get_status (debrief_edit_session_get_working (session)), ==,
                   OG_POSTMORTEM_STATUS_IN_REVIEW);
  g_assert_cmpint (debrief_library_entry_get_status (debrief_library_lookup (fixture->library, id)),
                   ==, OG_POSTMORTEM_STATUS_IN_REVIEW);

  /* editable now: a title change goes through */
  edit_title (session, "Edited after the revert");
  g_assert_true (save (session, &error));
  g_assert_no_error (error);
  g_clear_object (&server);
  server = debrief_test_sandbox_dup_postmortem (fixture->sandbox, id);
  g_assert_cmpstr (og_postmortem_get_title (server), ==, "Edited after the revert");
}

/* Leaving published in a save: the status first; when it is refused, the other fields —
 * which the lock would refuse too — are not attempted. */
static void
test_leave_published_status_first (Fixture *fixture, gconstpointer data)
{
  g_autofree char *id = postmortem_id_with_status (fixture, OG_POSTMORTEM_STATUS_PUBLISHED);
  g_autoptr (DebriefEditSession) session = open_session (fixture, id);
  OgPostmortem *working = debrief_edit_session_get_working (session);
  const OgPostmortemField order[] = { OG_POSTMORTEM_FIELD_STATUS, OG_POSTMORTEM_FIELD_TITLE };
  g_autoptr (OgPostmortem) edited = NULL;
  g_autoptr (GError) error = NULL;

  og_postmortem_set_status (working, OG_POSTMORTEM_STATUS_DRAFT);
  debrief_edit_session_working_changed (session, OG_POSTMORTEM_FIELD_STATUS);
  edit_title (session, "Reopened and retitled");
  edited = og_postmortem_copy (working);

  /* refused first: nothing else is tried */
  og_sandbox_add_fault (fixture->sandbox, OG_ROUTE_POSTMORTEM_STATUS, OG_SANDBOX_FAULT_STATUS, 422,
                        1);
  og_sandbox_clear_requests (fixture->sandbox);
  g_assert_false (save (session, &error));
  g_assert_error (error, DEBRIEF_EDIT_SESSION_ERROR, DEBRIEF_EDIT_SESSION_ERROR_NOT_SAVED);
  g_clear_error (&error);
  g_assert_cmpuint (og_sandbox_count_requests (fixture->sandbox, OG_ROUTE_POSTMORTEM_STATUS), ==,
                    1);
  g_assert_cmpuint (og_sandbox_count_requests (fixture->sandbox, OG_ROUTE_POSTMORTEM_TITLE), ==, 0);
  g_assert_cmpint (debrief_edit_session_get_field_state (session, OG_POSTMORTEM_FIELD_STATUS), ==,
                   DEBRIEF_FIELD_STATE_FAILED);
  g_assert_error (debrief_edit_session_get_field_error (session, OG_POSTMORTEM_FIELD_TITLE),
                  DEBRIEF_EDIT_SESSION_ERROR, DEBRIEF_EDIT_SESSION_ERROR_SKIPPED);
  g_assert_true (debrief_edit_session_get_read_only (session));
  g_assert_cmpstr (og_postmortem_get_title (working), ==, "Reopened and retitled");

  /* again, accepted: status first, then the title */
  og_sandbox_clear_requests (fixture->sandbox);
  g_assert_true (save (session, &error));
  g_assert_no_error (error);
  assert_writes (fixture, edited, order, G_N_ELEMENTS (order));
  g_assert_false (debrief_edit_session_get_read_only (session));
}

static void
count_field (DebriefEditSession *session, OgPostmortemField field, guint *counts)
{
  counts[field]++;
}

/* Someone else changed the title after the page opened; the user changed it too. */
static void
test_conflict (Fixture *fixture, gconstpointer data)
{
  DebriefConflictChoice choice = GPOINTER_TO_UINT (data);
  g_autofree char *id = postmortem_id_with_status (fixture, OG_POSTMORTEM_STATUS_DRAFT);
  g_autoptr (DebriefEditSession) session = open_session (fixture, id);
  OgPostmortem *working = debrief_edit_session_get_working (session);
  g_autoptr (OgPostmortem) server = NULL;
  g_autoptr (GError) error = NULL;
  const DebriefSaveConflict *conflict;
  OgSeverity severity = (og_postmortem_get_severity (working) + 2) % 5;
  guint changed[OG_N_POSTMORTEM_FIELDS] = { 0 };

  g_signal_connect (session, "field-changed", G_CALLBACK (count_field), changed);
  change_on_server (fixture, id, OG_POSTMORTEM_FIELD_TITLE, "Theirs");
  edit_title (session, "Mine");
  og_postmortem_set_severity (working, severity);
  debrief_edit_session_working_changed (session, OG_POSTMORTEM_FIELD_SEVERITY);

  og_sandbox_clear_requests (fixture->sandbox);
  g_assert_false (save (session, &error));
  g_assert_error (error, DEBRIEF_EDIT_SESSION_ERROR, DEBRIEF_EDIT_SESSION_ERROR_CONFLICTS);
  g_clear_error (&error);
  /* nothing sent before the user chose */
  g_assert_cmpuint (og_sandbox_get_requests (fixture->sandbox)->len, ==, 1);
  g_assert_cmpuint (debrief_edit_session_get_n_conflicts (session), ==, 1);
  conflict = debrief_edit_session_get_conflict (session, 0);
  g_assert_cmpint (conflict->field, ==, OG_POSTMORTEM_FIELD_TITLE);
  g_assert_cmpstr (json_node_get_string (conflict->mine), ==, "Mine");
  g_assert_cmpstr (json_node_get_string (conflict->theirs), ==, "Theirs");
  g_assert_cmpint (debrief_edit_session_get_field_state (session, OG_POSTMORTEM_FIELD_TITLE), ==,
                   DEBRIEF_FIELD_STATE_CONFLICT);
  g_assert_cmpint (debrief_edit_session_get_field_state (session, OG_POSTMORTEM_FIELD_SEVERITY), ==,
                   DEBRIEF_FIELD_STATE_UNSAVED);

  g_assert_true (
      debrief_edit_session_resolve_conflict (session, OG_POSTMORTEM_FIELD_TITLE, choice));
  g_assert_false (debrief_edit_session_resolve_conflict (session, OG_POSTMORTEM_FIELD_CONTENT,
                                                         DEBRIEF_CONFLICT_KEEP_MINE));
  if (choice == DEBRIEF_CONFLICT_TAKE_THEIRS)
    {
      /* the page shows their title at once */
      g_assert_cmpstr (og_postmortem_get_title (working), ==, "Theirs");
      g_assert_cmpuint (changed[OG_POSTMORTEM_FIELD_TITLE], ==, 1);
      g_assert_cmpint (debrief_edit_session_get_field_state (session, OG_POSTMORTEM_FIELD_TITLE),
                       ==, DEBRIEF_FIELD_STATE_CLEAN);
    }
  else
    g_assert_cmpint (debrief_edit_session_get_field_state (session, OG_POSTMORTEM_FIELD_TITLE), ==,
                     DEBRIEF_FIELD_STATE_UNSAVED);

  og_sandbox_clear_requests (fixture->sandbox);
  g_assert_true (save (session, &error));
  g_assert_no_error (error);
  if (choice == DEBRIEF_CONFLICT_KEEP_MINE)
    {
      const OgPostmortemField order[] = { OG_POSTMORTEM_FIELD_TITLE, OG_POSTMORTEM_FIELD_SEVERITY };
      assert_writes (fixture, working, order, G_N_ELEMENTS (order));
    }
  else
    {
      const OgPostmortemField order[] = { OG_POSTMORTEM_FIELD_SEVERITY };
      assert_writes (fixture, working, order, G_N_ELEMENTS (order));
    }

  server = debrief_test_sandbox_dup_postmortem (fixture->sandbox, id);
  g_assert_cmpstr (og_postmortem_get_title (server), ==,
                   choice == DEBRIEF_CONFLICT_KEEP_MINE ? "Mine" : "Theirs");
  g_assert_cmpint (og_postmortem_get_severity (server), ==, severity);
  g_assert_cmpstr (og_postmortem_get_title (working), ==, og_postmortem_get_title (server));
  g_assert_false (debrief_edit_session_get_dirty (session));
  g_assert_cmpuint (debrief_edit_session_get_n_conflicts (session), ==, 0);
  assert_no_draft (fixture, id);
}

/* A field only the server changed is taken in silently; only the user's field is sent. */
static void
test_server_only_change (Fixture *fixture, gconstpointer data)
{
  g_autofree char *id = postmortem_id_with_status (fixture, OG_POSTMORTEM_STATUS_DRAFT);
  g_autoptr (DebriefEditSession) session = open_session (fixture, id);
  OgPostmortem *working = debrief_edit_session_get_working (session);
  OgSeverity theirs = (og_postmortem_get_severity (working) + 1) % 5;
  const OgPostmortemField order[] = { OG_POSTMORTEM_FIELD_TITLE };
  g_autoptr (OgPostmortem) server = NULL;
  g_autoptr (GError) error = NULL;
  guint changed[OG_N_POSTMORTEM_FIELDS] = { 0 };

  g_signal_connect (session, "field-changed", G_CALLBACK (count_field), changed);
  change_on_server (fixture, id, OG_POSTMORTEM_FIELD_SEVERITY, GUINT_TO_POINTER (theirs));
  edit_title (session, "Only the title is mine");

  og_sandbox_clear_requests (fixture->sandbox);
  g_assert_true (save (session, &error));
  g_assert_no_error (error);
  assert_writes (fixture, working, order, G_N_ELEMENTS (order));
  g_assert_cmpint (og_postmortem_get_severity (working), ==, theirs);
  g_assert_cmpuint (changed[OG_POSTMORTEM_FIELD_SEVERITY], ==, 1);
  g_assert_cmpuint (changed[OG_POSTMORTEM_FIELD_TITLE], ==, 0);
  server = debrief_test_sandbox_dup_postmortem (fixture->sandbox, id);
  g_assert_cmpint (og_postmortem_get_severity (server), ==, theirs);
  g_assert_cmpstr (og_postmortem_get_title (server), ==, "Only the title is mine");
  g_assert_false (debrief_edit_session_get_dirty (session));
}

/* One update answered 422: exactly that field stays unsaved, with the server's message and
 * request id; the rest is saved; the draft keeps it; the next save sends only it. */
static void
test_partial_failure (Fixture *fixture, gconstpointer data)
{
  g_autofree char *id = postmortem_id_with_status (fixture, OG_POSTMORTEM_STATUS_DRAFT);
  g_autoptr (DebriefEditSession) session = open_session (fixture, id);
  OgPostmortem *working = debrief_edit_session_get_working (session);
  OgSeverity severity = (og_postmortem_get_severity (working) + 1) % 5;
  g_autoptr (JsonNode) content = debrief_test_adf_paragraph ("Saved content");
  g_autoptr (OgPostmortem) server = NULL;
  g_autoptr (OgPostmortem) draft_base = NULL;
  g_autoptr (OgPostmortem) draft_working = NULL;
  g_autoptr (GArray) unsaved = NULL;
  g_autoptr (GError) error = NULL;
  DebriefDrafts *drafts = debrief_library_get_drafts (fixture->library);
  const OgPostmortemField retry[] = { OG_POSTMORTEM_FIELD_SEVERITY };
  const GError *field_error;

  edit_title (session, "Saved title");
  og_postmortem_set_severity (working, severity);
  debrief_edit_session_working_changed (session, OG_POSTMORTEM_FIELD_SEVERITY);
  og_postmortem_set_content (working, content);
  debrief_edit_session_working_changed (session, OG_POSTMORTEM_FIELD_CONTENT);

  og_sandbox_add_fault (fixture->sandbox, OG_ROUTE_POSTMORTEM_SEVERITY, OG_SANDBOX_FAULT_STATUS,
                        422, 1);
  og_sandbox_clear_requests (fixture->sandbox);
  g_assert_false (save (session, &error));
  g_assert_error (error, DEBRIEF_EDIT_SESSION_ERROR, DEBRIEF_EDIT_SESSION_ERROR_NOT_SAVED);
  g_assert_nonnull (strstr (error->message, "Severity"));
  g_clear_error (&error);
  /* all three were sent, in field order; only the severity was refused */
  {
    const OgPostmortemField sent[]
        = { OG_POSTMORTEM_FIELD_TITLE, OG_POSTMORTEM_FIELD_SEVERITY, OG_POSTMORTEM_FIELD_CONTENT };
    assert_writes (fixture, working, sent, G_N_ELEMENTS (sent));
  }

  unsaved = debrief_edit_session_dup_unsaved_fields (session);
  g_assert_cmpuint (unsaved->len, ==, 1);
  g_assert_cmpint (g_array_index (unsaved, OgPostmortemField, 0), ==, OG_POSTMORTEM_FIELD_SEVERITY);
  g_assert_cmpint (debrief_edit_session_get_field_state (session, OG_POSTMORTEM_FIELD_SEVERITY), ==,
                   DEBRIEF_FIELD_STATE_FAILED);
  field_error = debrief_edit_session_get_field_error (session, OG_POSTMORTEM_FIELD_SEVERITY);
  g_assert_error (field_error, OG_ERROR, OG_ERROR_INVALID);
  g_assert_nonnull (og_error_get_server_message (field_error));
  g_assert_cmpstr (og_error_get_server_message (field_error), !=, "");
  g_assert_nonnull (og_error_get_request_id (field_error));
  g_assert_cmpstr (og_error_get_request_id (field_error), !=, "");
  g_assert_true (debrief_edit_session_get_dirty (session));
  g_assert_cmpint (og_postmortem_get_severity (working), ==, severity);

  server = debrief_test_sandbox_dup_postmortem (fixture->sandbox, id);
  g_assert_cmpstr (og_postmortem_get_title (server), ==, "Saved title");
  g_assert_true (og_postmortem_field_equal (server, working, OG_POSTMORTEM_FIELD_CONTENT));
  g_assert_cmpint (og_postmortem_get_severity (server), !=, severity);

  /* the draft holds the unsaved severity, edited from the saved state */
  g_assert_true (debrief_drafts_flush (drafts, NULL));
  g_assert_true (debrief_drafts_load (drafts, id, &draft_base, &draft_working, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (og_postmortem_get_severity (draft_working), ==, severity);
  g_assert_cmpstr (og_postmortem_get_title (draft_base), ==, "Saved title");
  g_assert_cmpint (og_postmortem_get_severity (draft_base), ==,
                   og_postmortem_get_severity (server));

  og_sandbox_clear_requests (fixture->sandbox);
  g_assert_true (save (session, &error));
  g_assert_no_error (error);
  assert_writes (fixture, working, retry, G_N_ELEMENTS (retry));
  g_clear_object (&server);
  server = debrief_test_sandbox_dup_postmortem (fixture->sandbox, id);
  g_assert_cmpint (og_postmortem_get_severity (server), ==, severity);
  g_assert_cmpint (debrief_edit_session_get_field_state (session, OG_POSTMORTEM_FIELD_SEVERITY), ==,
                   DEBRIEF_FIELD_STATE_CLEAN);
  assert_no_draft (fixture, id);
}

/* Edited, closed without saving, reopened in a new library (a restart): the draft is offered;
 * restore gives the words back, discard drops them. */
static void
test_draft_restore (Fixture *fixture, gconstpointer data)
{
  gboolean restore = GPOINTER_TO_UINT (data);
  g_autofree char *id = postmortem_id_with_status (fixture, OG_POSTMORTEM_STATUS_DRAFT);
  g_autoptr (DebriefEditSession) session = open_session (fixture, id);
  g_autoptr (OgPostmortem) server = debrief_test_sandbox_dup_postmortem (fixture->sandbox, id);
  g_autoptr (GError) error = NULL;
  DebriefDrafts *drafts;

  edit_title (session, "Words that must survive");
  /* closing writes the journal at once, not after its delay */
  debrief_drafts_set_delay (debrief_library_get_drafts (fixture->library), 60000);
  edit_title (session, "Words that must survive a restart");
  g_assert_true (debrief_edit_session_close (session, &error));
  g_assert_no_error (error);
  g_clear_object (&session);
  g_clear_object (&fixture->library);

  fixture->library = load_library (fixture);
  drafts = debrief_library_get_drafts (fixture->library);
  g_assert_true (
      debrief_library_entry_get_has_draft (debrief_library_lookup (fixture->library, id)));
  session = open_session (fixture, id);
  g_assert_true (debrief_edit_session_get_draft_available (session));
  g_assert_nonnull (debrief_edit_session_get_draft_saved_at (session));
  /* offered, not touched, until the user chooses */
  g_assert_true (debrief_drafts_has (drafts, id));
  /* the page shows the server's copy until the user chooses */
  g_assert_cmpstr (og_postmortem_get_title (debrief_edit_session_get_working (session)), ==,
                   og_postmortem_get_title (server));
  g_assert_false (debrief_edit_session_get_dirty (session));

  if (restore)
    {
      g_assert_true (debrief_edit_session_restore_draft (session, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (og_postmortem_get_title (debrief_edit_session_get_working (session)), ==,
                       "Words that must survive a restart");
      g_assert_true (debrief_edit_session_get_dirty (session));
      g_assert_cmpint (debrief_edit_session_get_field_state (session, OG_POSTMORTEM_FIELD_TITLE),
                       ==, DEBRIEF_FIELD_STATE_UNSAVED);
      g_assert_true (debrief_drafts_has (drafts, id));
      g_assert_true (save (session, &error));
      g_assert_no_error (error);
      g_clear_object (&server);
      server = debrief_test_sandbox_dup_postmortem (fixture->sandbox, id);
      g_assert_cmpstr (og_postmortem_get_title (server), ==, "Words that must survive a restart");
    }
  else
    {
      g_assert_true (debrief_edit_session_discard_draft (session, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (og_postmortem_get_title (debrief_edit_session_get_working (session)), ==,
                       og_postmortem_get_title (server));
      g_assert_false (debrief_edit_session_get_dirty (session));
    }
  g_assert_false (debrief_edit_session_get_draft_available (session));
  assert_no_draft (fixture, id);
  g_assert_false (
      debrief_library_entry_get_has_draft (debrief_library_lookup (fixture->library, id)));
}

/* The sandbox is gone: open serves the cache with its age; save fails as a network error and
 * nothing is lost. */
static void
test_offline (Fixture *fixture, gconstpointer data)
{
  g_autofree char *id = postmortem_id_with_status (fixture, OG_POSTMORTEM_STATUS_DRAFT);
  g_autoptr (DebriefEditSession) first = open_session (fixture, id);
  g_autoptr (DebriefEditSession) session = NULL;
  g_autoptr (GDateTime) cached_at = NULL;
  g_autoptr (OgPostmortem) cached = NULL;
  g_autoptr (GError) error = NULL;
  DebriefDrafts *drafts = debrief_library_get_drafts (fixture->library);

  g_assert_true (debrief_edit_session_close (first, NULL));
  cached = debrief_cache_load (debrief_library_get_cache (fixture->library), id, &cached_at, NULL);
  g_assert_nonnull (cached);
  og_sandbox_stop (fixture->sandbox);

  session = open_session (fixture, id);
  g_assert_true (debrief_edit_session_get_from_cache (session));
  g_assert_true (g_date_time_equal (debrief_edit_session_get_fetched_at (session), cached_at));
  g_assert_cmpstr (og_postmortem_get_title (debrief_edit_session_get_working (session)), ==,
                   og_postmortem_get_title (cached));

  edit_title (session, "Typed on a train");
  g_assert_false (save (session, &error));
  g_assert_error (error, OG_ERROR, OG_ERROR_NETWORK);
  g_assert_false (debrief_edit_session_get_saving (session));
  g_assert_true (debrief_edit_session_get_dirty (session));
  g_assert_cmpstr (og_postmortem_get_title (debrief_edit_session_get_working (session)), ==,
                   "Typed on a train");
  g_assert_cmpint (debrief_edit_session_get_field_state (session, OG_POSTMORTEM_FIELD_TITLE), ==,
                   DEBRIEF_FIELD_STATE_UNSAVED);
  g_assert_true (debrief_edit_session_close (session, NULL));
  g_assert_true (debrief_drafts_has (drafts, id));
  g_assert_false (debrief_drafts_is_pending (drafts, id));
}

/* Delete, with and without the exported timeline: the body says which; the postmortem is
 * gone from Opsgenie, the library, the cache and the drafts. */
static void
test_delete (Fixture *fixture, gconstpointer data)
{
  gboolean timelines = GPOINTER_TO_UINT (data);
  g_autofree char *id = postmortem_id_with_status (fixture, OG_POSTMORTEM_STATUS_DRAFT);
  g_autoptr (DebriefEditSession) session = open_session (fixture, id);
  g_autoptr (JsonNode) body = NULL;
  g_autoptr (JsonNode) gone = NULL;
  g_autoptr (GError) error = NULL;
  const OgSandboxRequest *request;
  DebriefTestWaiter waiter = { 0 };

  edit_title (session, "A draft that goes with it");
  g_assert_true (debrief_drafts_flush (debrief_library_get_drafts (fixture->library), NULL));
  g_assert_true (debrief_drafts_has (debrief_library_get_drafts (fixture->library), id));
  g_assert_true (debrief_cache_contains (debrief_library_get_cache (fixture->library), id));

  og_sandbox_clear_requests (fixture->sandbox);
  debrief_edit_session_delete_async (session, timelines, NULL, debrief_test_waiter_done, &waiter);
  g_assert_true (
      debrief_edit_session_delete_finish (session, debrief_test_waiter_wait (&waiter), &error));
  g_assert_no_error (error);
  g_clear_object (&waiter.result);

  g_assert_cmpuint (og_sandbox_get_requests (fixture->sandbox)->len, ==, 1);
  request = og_sandbox_get_last_request (fixture->sandbox);
  g_assert_cmpstr (request->method, ==, "DELETE");
  g_assert_true (request->route == OG_ROUTE_POSTMORTEM_DELETE);
  body = og_sandbox_request_get_json (request);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (body), "actorUserId"), ==,
                   ACTOR);
  g_assert_true (
      json_object_get_boolean_member (json_node_get_object (body), "deleteExportIncidentTimelines")
      == timelines);

  gone = og_sandbox_dup_postmortem (fixture->sandbox, id);
  g_assert_null (gone);
  g_assert_null (debrief_library_lookup (fixture->library, id));
  g_assert_false (debrief_cache_contains (debrief_library_get_cache (fixture->library), id));
  g_assert_false (debrief_drafts_has (debrief_library_get_drafts (fixture->library), id));

  /* a late edit does not bring the draft back */
  edit_title (session, "Typed after the delete");
  g_assert_true (debrief_drafts_flush (debrief_library_get_drafts (fixture->library), NULL));
  g_assert_false (debrief_drafts_has (debrief_library_get_drafts (fixture->library), id));
}

/* Create from a resolved incident without a postmortem: created, opened, the content is the
 * server's template. */
static void
test_create (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) incidents = NULL;
  g_autoptr (DebriefEditSession) session = NULL;
  g_autoptr (JsonNode) request_body = NULL;
  g_autoptr (JsonNode) incident_data = NULL;
  g_autoptr (GError) error = NULL;
  OgPostmortem *working;
  JsonNode *content;
  const char *incident_id;
  DebriefTestWaiter waiter = { 0 };

  og_client_list_all_incidents_async (fixture->client,
                                      "status:resolved AND postmortemStatus:no-postmortem", 0, NULL,
                                      debrief_test_waiter_done, &waiter);
  incidents = og_client_list_all_incidents_finish (fixture->client,
                                                   debrief_test_waiter_wait (&waiter), &error);
  g_assert_no_error (error);
  g_clear_object (&waiter.result);
  g_assert_cmpuint (incidents->len, >, 0);
  incident_id = og_incident_get_id (incidents->pdata[0]);

  og_sandbox_clear_requests (fixture->sandbox);
  debrief_edit_session_create_async (fixture->library, fixture->client, incident_id, ACTOR, NULL,
                                     NULL, debrief_test_waiter_done, &waiter);
  session = debrief_edit_session_create_finish (debrief_test_waiter_wait (&waiter), &error);
  g_assert_no_error (error);
  g_clear_object (&waiter.result);
  g_assert_nonnull (session);

  g_assert_cmpuint (og_sandbox_count_requests (fixture->sandbox, OG_ROUTE_POSTMORTEM_CREATE), ==,
                    1);
  request_body = og_sandbox_request_get_json (og_sandbox_get_requests (fixture->sandbox)->pdata[0]);
  g_assert_cmpstr (
      json_object_get_string_member (json_node_get_object (request_body), "incidentId"), ==,
      incident_id);
  g_assert_cmpstr (
      json_object_get_string_member (json_node_get_object (request_body), "actorUserId"), ==,
      ACTOR);

  g_assert_nonnull (debrief_edit_session_get_postmortem_id (session));
  incident_data = og_sandbox_dup_incident (fixture->sandbox, incident_id);
  g_assert_cmpstr (
      json_object_get_string_member (
          json_object_get_object_member (json_node_get_object (incident_data), "extraProperties"),
          "postmortemId"),
      ==, debrief_edit_session_get_postmortem_id (session));
  working = debrief_edit_session_get_working (session);
  g_assert_nonnull (working);
  g_assert_cmpstr (og_postmortem_get_id (working), ==,
                   debrief_edit_session_get_postmortem_id (session));
  content = og_postmortem_get_content (working);
  g_assert_nonnull (content);
  g_assert_cmpuint (json_array_get_length (
                        json_object_get_array_member (json_node_get_object (content), "content")),
                    >, 0);
  g_assert_false (debrief_edit_session_get_dirty (session));
  g_assert_false (debrief_edit_session_get_from_cache (session));
  g_assert_nonnull (
      debrief_library_lookup (fixture->library, debrief_edit_session_get_postmortem_id (session)));

  /* and it is editable at once */
  edit_title (session, "Created and titled");
  g_assert_true (save (session, &error));
  g_assert_no_error (error);
}

static void
count_notify (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

/* The user keeps typing while the save runs: the newer words stay, unsaved, in the draft. */
static void
test_edit_while_saving (Fixture *fixture, gconstpointer data)
{
  g_autofree char *id = postmortem_id_with_status (fixture, OG_POSTMORTEM_STATUS_DRAFT);
  g_autoptr (DebriefEditSession) session = open_session (fixture, id);
  OgPostmortem *working = debrief_edit_session_get_working (session);
  g_autoptr (OgPostmortem) server = NULL;
  g_autoptr (OgPostmortem) draft_working = NULL;
  g_autoptr (GError) error = NULL;
  DebriefTestWaiter waiter = { 0 };
  guint progress = 0;

  g_signal_connect (session, "notify::n-steps-done", G_CALLBACK (count_notify), &progress);
  edit_title (session, "First words");
  og_sandbox_add_fault (fixture->sandbox, OG_ROUTE_POSTMORTEM_TITLE, OG_SANDBOX_FAULT_DELAY, 300,
                        1);
  debrief_edit_session_save_async (session, NULL, debrief_test_waiter_done, &waiter);
  g_assert_true (debrief_edit_session_get_saving (session));
  while (og_sandbox_count_requests (fixture->sandbox, OG_ROUTE_POSTMORTEM_TITLE) == 0)
    g_main_context_iteration (NULL, TRUE);
  edit_title (session, "First words, and more typed while saving");
  g_assert_true (
      debrief_edit_session_save_finish (session, debrief_test_waiter_wait (&waiter), &error));
  g_assert_no_error (error);
  g_clear_object (&waiter.result);
  g_assert_cmpuint (progress, ==, 1);

  server = debrief_test_sandbox_dup_postmortem (fixture->sandbox, id);
  g_assert_cmpstr (og_postmortem_get_title (server), ==, "First words");
  g_assert_cmpstr (og_postmortem_get_title (working), ==,
                   "First words, and more typed while saving");
  g_assert_true (debrief_edit_session_get_dirty (session));
  g_assert_cmpint (debrief_edit_session_get_field_state (session, OG_POSTMORTEM_FIELD_TITLE), ==,
                   DEBRIEF_FIELD_STATE_UNSAVED);
  g_assert_true (debrief_drafts_flush (debrief_library_get_drafts (fixture->library), NULL));
  g_assert_true (debrief_drafts_load (debrief_library_get_drafts (fixture->library), id, NULL,
                                      &draft_working, NULL, &error));
  g_assert_cmpstr (og_postmortem_get_title (draft_working), ==,
                   "First words, and more typed while saving");
}

/* Typed into the cached copy before the fresh one came: the user's field keeps their words
 * (and conflicts at save if the server's differs), a field they left takes the server's. */
static void
test_edit_before_fresh (Fixture *fixture, gconstpointer data)
{
  g_autofree char *id = postmortem_id_with_status (fixture, OG_POSTMORTEM_STATUS_DRAFT);
  g_autoptr (OgPostmortem) stale = debrief_test_sandbox_dup_postmortem (fixture->sandbox, id);
  g_autoptr (OgPostmortem) server = debrief_test_sandbox_dup_postmortem (fixture->sandbox, id);
  g_autoptr (GDateTime) then = g_date_time_new_utc (2026, 11, 20, 9, 30, 0);
  g_autoptr (DebriefEditSession) session = NULL;
  g_autoptr (GError) error = NULL;
  OgPostmortem *working;
  DebriefTestWaiter waiter = { 0 };

  og_postmortem_set_title (stale, "Cached title");
  og_postmortem_set_severity (stale, (og_postmortem_get_severity (server) + 1) % 5);
  g_assert_true (
      debrief_cache_store (debrief_library_get_cache (fixture->library), stale, then, NULL));

  session = debrief_edit_session_new (fixture->library, fixture->client, ACTOR);
  debrief_edit_session_open_async (session, id, NULL, debrief_test_waiter_done, &waiter);
  working = debrief_edit_session_get_working (session);
  edit_title (session, "Typed before the fetch");
  g_assert_true (
      debrief_edit_session_open_finish (session, debrief_test_waiter_wait (&waiter), &error));
  g_clear_object (&waiter.result);

  g_assert_true (working == debrief_edit_session_get_working (session));
  g_assert_cmpstr (og_postmortem_get_title (working), ==, "Typed before the fetch");
  g_assert_cmpint (og_postmortem_get_severity (working), ==, og_postmortem_get_severity (server));
  g_assert_false (debrief_edit_session_get_from_cache (session));

  g_assert_false (save (session, &error));
  g_assert_error (error, DEBRIEF_EDIT_SESSION_ERROR, DEBRIEF_EDIT_SESSION_ERROR_CONFLICTS);
  g_assert_cmpuint (debrief_edit_session_get_n_conflicts (session), ==, 1);
  g_assert_cmpstr (json_node_get_string (debrief_edit_session_get_conflict (session, 0)->theirs),
                   ==, og_postmortem_get_title (server));
}

/* Published, edited anyway (the UI should not let it): the lock's 422 is the field's error,
 * with the server's words. */
static void
test_published_refuses_edit (Fixture *fixture, gconstpointer data)
{
  g_autofree char *id = postmortem_id_with_status (fixture, OG_POSTMORTEM_STATUS_PUBLISHED);
  g_autoptr (DebriefEditSession) session = open_session (fixture, id);
  g_autoptr (GError) error = NULL;
  const GError *refused;

  g_assert_true (debrief_edit_session_get_read_only (session));
  edit_title (session, "Not while published");
  g_assert_false (save (session, &error));
  g_assert_error (error, DEBRIEF_EDIT_SESSION_ERROR, DEBRIEF_EDIT_SESSION_ERROR_NOT_SAVED);
  refused = debrief_edit_session_get_field_error (session, OG_POSTMORTEM_FIELD_TITLE);
  g_assert_error (refused, OG_ERROR, OG_ERROR_INVALID);
  g_assert_nonnull (strstr (og_error_get_server_message (refused), "published"));
  g_assert_cmpint (debrief_edit_session_get_field_state (session, OG_POSTMORTEM_FIELD_TITLE), ==,
                   DEBRIEF_FIELD_STATE_FAILED);
  g_assert_cmpstr (og_postmortem_get_title (debrief_edit_session_get_working (session)), ==,
                   "Not while published");
}

/* Cancelled between two updates: what was sent is saved, the rest stays unsaved, nothing is
 * sent after the cancel. */
static void
test_cancel_save (Fixture *fixture, gconstpointer data)
{
  g_autofree char *id = postmortem_id_with_status (fixture, OG_POSTMORTEM_STATUS_DRAFT);
  g_autoptr (DebriefEditSession) session = open_session (fixture, id);
  OgPostmortem *working = debrief_edit_session_get_working (session);
  OgSeverity severity = (og_postmortem_get_severity (working) + 1) % 5;
  g_autoptr (JsonNode) content = debrief_test_adf_paragraph ("Never sent");
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (OgPostmortem) server = NULL;
  g_autoptr (GError) error = NULL;
  DebriefTestWaiter waiter = { 0 };

  edit_title (session, "Sent before the cancel");
  og_postmortem_set_severity (working, severity);
  debrief_edit_session_working_changed (session, OG_POSTMORTEM_FIELD_SEVERITY);
  og_postmortem_set_content (working, content);
  debrief_edit_session_working_changed (session, OG_POSTMORTEM_FIELD_CONTENT);
  og_sandbox_add_fault (fixture->sandbox, OG_ROUTE_POSTMORTEM_SEVERITY, OG_SANDBOX_FAULT_DELAY,
                        2000, 1);

  debrief_edit_session_save_async (session, cancellable, debrief_test_waiter_done, &waiter);
  while (og_sandbox_count_requests (fixture->sandbox, OG_ROUTE_POSTMORTEM_SEVERITY) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_cancellable_cancel (cancellable);
  g_assert_false (
      debrief_edit_session_save_finish (session, debrief_test_waiter_wait (&waiter), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&waiter.result);

  g_assert_false (debrief_edit_session_get_saving (session));
  g_assert_cmpuint (og_sandbox_count_requests (fixture->sandbox, OG_ROUTE_POSTMORTEM_CONTENT), ==,
                    0);
  server = debrief_test_sandbox_dup_postmortem (fixture->sandbox, id);
  g_assert_cmpstr (og_postmortem_get_title (server), ==, "Sent before the cancel");
  g_assert_cmpint (debrief_edit_session_get_field_state (session, OG_POSTMORTEM_FIELD_TITLE), ==,
                   DEBRIEF_FIELD_STATE_CLEAN);
  g_assert_cmpint (debrief_edit_session_get_field_state (session, OG_POSTMORTEM_FIELD_CONTENT), !=,
                   DEBRIEF_FIELD_STATE_CLEAN);
  g_assert_cmpint (debrief_edit_session_get_field_state (session, OG_POSTMORTEM_FIELD_SEVERITY), !=,
                   DEBRIEF_FIELD_STATE_CLEAN);
  g_assert_true (debrief_edit_session_get_dirty (session));
}

/* The connection drops on the first update: the others are not tried (each would wait for its
 * own failure), and every field says why it is unsaved. */
static void
test_network_stops_run (Fixture *fixture, gconstpointer data)
{
  g_autofree char *id = postmortem_id_with_status (fixture, OG_POSTMORTEM_STATUS_DRAFT);
  g_autoptr (DebriefEditSession) session = open_session (fixture, id);
  OgPostmortem *working = debrief_edit_session_get_working (session);
  g_autoptr (GError) error = NULL;

  edit_title (session, "Lost on the way");
  og_postmortem_set_severity (working, (og_postmortem_get_severity (working) + 1) % 5);
  debrief_edit_session_working_changed (session, OG_POSTMORTEM_FIELD_SEVERITY);
  og_sandbox_add_fault (fixture->sandbox, OG_ROUTE_POSTMORTEM_TITLE, OG_SANDBOX_FAULT_DROP, 0, 0);

  og_sandbox_clear_requests (fixture->sandbox);
  g_assert_false (save (session, &error));
  g_assert_error (error, DEBRIEF_EDIT_SESSION_ERROR, DEBRIEF_EDIT_SESSION_ERROR_NOT_SAVED);
  g_assert_cmpuint (og_sandbox_count_requests (fixture->sandbox, OG_ROUTE_POSTMORTEM_SEVERITY), ==,
                    0);
  g_assert_error (debrief_edit_session_get_field_error (session, OG_POSTMORTEM_FIELD_TITLE),
                  OG_ERROR, OG_ERROR_NETWORK);
  g_assert_error (debrief_edit_session_get_field_error (session, OG_POSTMORTEM_FIELD_SEVERITY),
                  OG_ERROR, OG_ERROR_NETWORK);
  g_assert_cmpstr (og_postmortem_get_title (working), ==, "Lost on the way");
  g_assert_true (debrief_edit_session_get_dirty (session));
  g_assert_cmpuint (debrief_edit_session_get_n_steps_done (session), ==, 2);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_TEST ("/edit-session/open/cache-then-fresh", test_open_cache_then_fresh);
  ADD_TEST ("/edit-session/save/every-field", test_save_every_field);
  ADD_TEST ("/edit-session/save/publish-status-last", test_publish_status_last);
  ADD_TEST ("/edit-session/save/publish-waits-for-fields", test_publish_waits_for_fields);
  ADD_TEST ("/edit-session/published/lock-and-revert", test_published_lock_revert);
  ADD_TEST ("/edit-session/published/leave-status-first", test_leave_published_status_first);
  g_test_add ("/edit-session/conflict/keep-mine", Fixture,
              GUINT_TO_POINTER (DEBRIEF_CONFLICT_KEEP_MINE), fixture_set_up, test_conflict,
              debrief_test_library_fixture_tear_down);
  g_test_add ("/edit-session/conflict/take-theirs", Fixture,
              GUINT_TO_POINTER (DEBRIEF_CONFLICT_TAKE_THEIRS), fixture_set_up, test_conflict,
              debrief_test_library_fixture_tear_down);
  ADD_TEST ("/edit-session/conflict/server-only-change", test_server_only_change);
  ADD_TEST ("/edit-session/save/partial-failure", test_partial_failure);
  g_test_add ("/edit-session/draft/restore", Fixture, GUINT_TO_POINTER (TRUE), fixture_set_up,
              test_draft_restore, debrief_test_library_fixture_tear_down);
  g_test_add ("/edit-session/draft/discard", Fixture, GUINT_TO_POINTER (FALSE), fixture_set_up,
              test_draft_restore, debrief_test_library_fixture_tear_down);
  ADD_TEST ("/edit-session/offline", test_offline);
  g_test_add ("/edit-session/delete/with-timelines", Fixture, GUINT_TO_POINTER (TRUE),
              fixture_set_up, test_delete, debrief_test_library_fixture_tear_down);
  g_test_add ("/edit-session/delete/without-timelines", Fixture, GUINT_TO_POINTER (FALSE),
              fixture_set_up, test_delete, debrief_test_library_fixture_tear_down);
  ADD_TEST ("/edit-session/create", test_create);
  ADD_TEST ("/edit-session/save/edit-while-saving", test_edit_while_saving);
  ADD_TEST ("/edit-session/save/cancel", test_cancel_save);
  ADD_TEST ("/edit-session/save/network-stops-the-run", test_network_stops_run);
  ADD_TEST ("/edit-session/open/edit-before-fresh", test_edit_before_fresh);
  ADD_TEST ("/edit-session/published/refuses-edit", test_published_refuses_edit);

  return g_test_run ();
}
