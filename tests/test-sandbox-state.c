/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The sandbox's state file: what OgClient writes over real HTTP survives a stop and a new
 * sandbox on the same file; a reset brings the seed back; a file that is no sandbox state is
 * moved aside and reported; a failed write is reported and the sandbox serves on.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "debrief-test-util.h"
#include "og-client.h"
#include "og-error.h"
#include "og-sandbox.h"

typedef struct
{
  char *dir;
  GFile *state_file;
  OgSandbox *sandbox;
  OgClient *client;
} Fixture;

/* Fixture: a temporary folder, no sandbox yet */

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *path = NULL;

  f->dir = debrief_test_make_tmp_dir ("debrief-sandbox-state-XXXXXX");
  path = g_build_filename (f->dir, "sandbox", "state.json", NULL);
  f->state_file = g_file_new_for_path (path);
}

/* Starts a sandbox (no state file yet) and a client for it. */
static void
start_sandbox (Fixture *f)
{
  g_assert_null (f->sandbox);
  f->sandbox = debrief_test_sandbox_new ();
  f->client = debrief_test_client_new (f->sandbox);
  og_client_set_timeouts (f->client, 10, 20);
}

/* Starts a sandbox on the fixture's state file, which it must read without complaint. */
static void
start_sandbox_on_file (Fixture *f)
{
  g_autoptr (GError) error = NULL;

  start_sandbox (f);
  g_assert_true (og_sandbox_set_state_file (f->sandbox, f->state_file, &error));
  g_assert_no_error (error);
}

static void
stop_sandbox (Fixture *f)
{
  debrief_test_sandbox_stop (&f->sandbox, &f->client);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  stop_sandbox (f);
  debrief_test_remove_tree (f->dir);
  g_clear_object (&f->state_file);
  g_free (f->dir);
}

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

/* Shorthands */

static OgPostmortem *
get_postmortem (Fixture *f, const char *id, GError **error)
{
  DebriefTestWaiter waiter = { 0 };
  OgPostmortem *postmortem;

  og_client_get_postmortem_async (f->client, id, NULL, debrief_test_waiter_done, &waiter);
  postmortem
      = og_client_get_postmortem_finish (f->client, debrief_test_waiter_wait (&waiter), error);
  debrief_test_waiter_clear (&waiter);

  return postmortem;
}

static OgIncident *
get_incident (Fixture *f, const char *id)
{
  g_autoptr (GError) error = NULL;
  DebriefTestWaiter waiter = { 0 };
  OgIncident *incident;

  og_client_get_incident_async (f->client, id, NULL, debrief_test_waiter_done, &waiter);
  incident = og_client_get_incident_finish (f->client, debrief_test_waiter_wait (&waiter), &error);
  debrief_test_waiter_clear (&waiter);
  g_assert_no_error (error);

  return incident;
}

/* The id of a resolved incident without a postmortem. */
static char *
incident_for_create (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) incidents = NULL;
  DebriefTestWaiter waiter = { 0 };

  og_client_list_all_incidents_async (f->client,
                                      "status:resolved AND postmortemStatus:no-postmortem", 0, NULL,
                                      debrief_test_waiter_done, &waiter);
  incidents
      = og_client_list_all_incidents_finish (f->client, debrief_test_waiter_wait (&waiter), &error);
  debrief_test_waiter_clear (&waiter);
  g_assert_no_error (error);
  g_assert_cmpuint (incidents->len, >, 0);

  return g_strdup (og_incident_get_id (g_ptr_array_index (incidents, 0)));
}

static char *
create_postmortem (Fixture *f, const char *incident_id)
{
  g_autoptr (GError) error = NULL;
  DebriefTestWaiter waiter = { 0 };
  char *id;

  og_client_create_postmortem_async (f->client, incident_id, OG_SANDBOX_ACTOR_ID, NULL, NULL,
                                     debrief_test_waiter_done, &waiter);
  id = og_client_create_postmortem_finish (f->client, debrief_test_waiter_wait (&waiter), &error);
  debrief_test_waiter_clear (&waiter);
  g_assert_no_error (error);
  g_assert_nonnull (id);

  return id;
}

static void
set_title (Fixture *f, const char *id, const char *title)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (OgPostmortem) postmortem = get_postmortem (f, id, &error);
  DebriefTestWaiter waiter = { 0 };

  g_assert_no_error (error);
  og_postmortem_set_title (postmortem, title);
  og_client_update_field_async (f->client, postmortem, OG_POSTMORTEM_FIELD_TITLE,
                                OG_SANDBOX_ACTOR_ID, NULL, debrief_test_waiter_done, &waiter);
  og_client_update_field_finish (f->client, debrief_test_waiter_wait (&waiter), &error);
  debrief_test_waiter_clear (&waiter);
  g_assert_no_error (error);
}

static void
delete_postmortem (Fixture *f, const char *id)
{
  g_autoptr (GError) error = NULL;
  DebriefTestWaiter waiter = { 0 };

  og_client_delete_postmortem_async (f->client, id, OG_SANDBOX_ACTOR_ID, FALSE, NULL,
                                     debrief_test_waiter_done, &waiter);
  og_client_delete_postmortem_finish (f->client, debrief_test_waiter_wait (&waiter), &error);
  debrief_test_waiter_clear (&waiter);
  g_assert_no_error (error);
}

/* A seeded postmortem that is not published (so that it takes updates). */
static char *
editable_postmortem_id (OgSandbox *sandbox, guint skip)
{
  g_auto (GStrv) ids = og_sandbox_dup_postmortem_ids (sandbox);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr (JsonNode) data = og_sandbox_dup_postmortem (sandbox, ids[i]);
      JsonObject *object = json_node_get_object (data);

      if (!g_str_equal (json_object_get_string_member (object, "status"), "published")
          && skip-- == 0)
        return g_strdup (ids[i]);
    }

  g_assert_not_reached ();
}

static GStrv
seed_ids (void)
{
  g_autoptr (OgSandbox) sandbox = og_sandbox_new ();

  return og_sandbox_dup_postmortem_ids (sandbox);
}

static char *
read_state_text (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  char *text = NULL;

  g_file_load_contents (f->state_file, NULL, &text, NULL, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static JsonObject *
read_state (Fixture *f)
{
  g_autofree char *text = read_state_text (f);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_object_ref (json_node_get_object (root));
}

static gboolean
state_has_postmortem (JsonObject *state, const char *id)
{
  JsonArray *postmortems = json_object_get_array_member (state, "postmortems");

  for (guint i = 0; i < json_array_get_length (postmortems); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (postmortems, i),
                                                    "postmortemId"),
                     id))
      return TRUE;
  return FALSE;
}

/* Files in the state file's folder whose names start with "state.json.corrupt-". */
static GPtrArray *
list_set_aside (Fixture *f)
{
  g_autoptr (GFile) parent = g_file_get_parent (f->state_file);
  g_autoptr (GFileEnumerator) children = g_file_enumerate_children (
      parent, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  GFileInfo *info;
  GFile *child;

  while (children != NULL && g_file_enumerator_iterate (children, &info, &child, NULL, NULL)
         && info != NULL)
    if (g_str_has_prefix (g_file_info_get_name (info), "state.json.corrupt-"))
      g_ptr_array_add (found, g_object_ref (child));
  return found;
}

static void
write_state_text (Fixture *f, const char *text, gsize length)
{
  g_autoptr (GFile) parent = g_file_get_parent (f->state_file);
  g_autoptr (GError) error = NULL;

  g_file_make_directory_with_parents (parent, NULL, NULL);
  g_file_replace_contents (f->state_file, text, length, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL,
                           &error);
  g_assert_no_error (error);
}

/* Tests */

/* Without a state file nothing is written, and with a file not there yet the seed is used
 * and nothing is written before a change. */
static void
test_no_file (Fixture *f, gconstpointer data)
{
  g_auto (GStrv) seed = seed_ids ();
  g_auto (GStrv) ids = NULL;
  g_autofree char *incident_id = NULL;
  g_autofree char *created = NULL;

  start_sandbox (f);
  g_assert_null (og_sandbox_get_state_file (f->sandbox));
  incident_id = incident_for_create (f);
  created = create_postmortem (f, incident_id);
  stop_sandbox (f);
  g_assert_false (g_file_query_exists (f->state_file, NULL));

  start_sandbox_on_file (f);
  g_assert_true (og_sandbox_get_state_file (f->sandbox) == f->state_file);
  ids = og_sandbox_dup_postmortem_ids (f->sandbox);
  g_assert_cmpstrv (ids, seed);
  stop_sandbox (f);
  g_assert_false (g_file_query_exists (f->state_file, NULL));
}

/* The store the sandbox starts with is the seed the state file loads into (made once): not
 * once it has changed, when a file not there yet gives the seed again. */
static void
test_file_after_change (Fixture *f, gconstpointer data)
{
  g_auto (GStrv) seed = seed_ids ();
  g_auto (GStrv) ids = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *incident_id = NULL;
  g_autofree char *created = NULL;

  start_sandbox (f);
  incident_id = incident_for_create (f);
  created = create_postmortem (f, incident_id);
  {
    g_autoptr (JsonNode) node = og_sandbox_dup_postmortem (f->sandbox, created);

    g_assert_nonnull (node);
  }

  g_assert_true (og_sandbox_set_state_file (f->sandbox, f->state_file, &error));
  g_assert_no_error (error);
  ids = og_sandbox_dup_postmortem_ids (f->sandbox);
  g_assert_cmpstrv (ids, seed);
}

/* Create, update and delete through OgClient; a new sandbox on the same file has it all. */
static void
test_survives_restart (Fixture *f, gconstpointer data)
{
  g_autofree char *incident_id = NULL;
  g_autofree char *created = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *deleted = NULL;
  g_autofree char *deleted_incident = NULL;
  g_autofree char *text = NULL;
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (OgIncident) incident = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFileInfo) info = NULL;
  g_auto (GStrv) ids_before = NULL;
  g_auto (GStrv) ids_after = NULL;
  gint64 started;

  start_sandbox_on_file (f);
  incident_id = incident_for_create (f);
  created = create_postmortem (f, incident_id);
  set_title (f, created, "Created in the sandbox, kept on disk");
  edited = editable_postmortem_id (f->sandbox, 0);
  set_title (f, edited, "A seeded one, renamed");
  deleted = editable_postmortem_id (f->sandbox, 1);
  {
    g_autoptr (JsonNode) node = og_sandbox_dup_postmortem (f->sandbox, deleted);

    deleted_incident = g_strdup (json_object_get_string_member (
        json_object_get_object_member (json_node_get_object (node), "rootIncident"), "id"));
  }
  delete_postmortem (f, deleted);
  ids_before = og_sandbox_dup_postmortem_ids (f->sandbox);

  started = g_get_monotonic_time ();
  stop_sandbox (f);
  g_test_message ("stop with a pending write: %.1f ms",
                  (g_get_monotonic_time () - started) / 1000.0);

  info = g_file_query_info (f->state_file,
                            G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_UNIX_MODE,
                            G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("state file: %" G_GOFFSET_FORMAT " bytes", g_file_info_get_size (info));
  /* Only its owner reads it. */
  g_assert_cmpuint (g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE) & 0777, ==,
                    0600);
  text = read_state_text (f);
  g_assert_null (strstr (text, OG_SANDBOX_API_KEY));
  g_assert_null (strstr (text, "GenieKey"));

  started = g_get_monotonic_time ();
  start_sandbox_on_file (f);
  g_test_message ("start on the state file: %.1f ms", (g_get_monotonic_time () - started) / 1000.0);

  ids_after = og_sandbox_dup_postmortem_ids (f->sandbox);
  g_assert_cmpstrv (ids_after, ids_before);

  postmortem = get_postmortem (f, created, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (og_postmortem_get_title (postmortem), ==,
                   "Created in the sandbox, kept on disk");
  g_clear_object (&postmortem);
  postmortem = get_postmortem (f, edited, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (og_postmortem_get_title (postmortem), ==, "A seeded one, renamed");
  g_clear_object (&postmortem);
  postmortem = get_postmortem (f, deleted, &error);
  g_assert_error (error, OG_ERROR, OG_ERROR_NOT_FOUND);
  g_assert_null (postmortem);
  g_clear_error (&error);

  /* The incidents' links came back too. */
  incident = get_incident (f, incident_id);
  g_assert_cmpstr (og_incident_get_postmortem_id (incident), ==, created);
  g_clear_object (&incident);
  incident = get_incident (f, deleted_incident);
  g_assert_true (og_incident_get_postmortem_id (incident) == NULL
                 || *og_incident_get_postmortem_id (incident) == '\0');
  g_clear_object (&incident);

  /* A second create after the restart gets a new id, not one handed out before. */
  {
    g_autofree char *again = NULL;

    delete_postmortem (f, created);
    again = create_postmortem (f, incident_id);
    g_assert_cmpstr (again, !=, created);
  }
}

static void
update_field (Fixture *f, OgPostmortem *postmortem, OgPostmortemField field, GError **error)
{
  DebriefTestWaiter waiter = { 0 };

  og_client_update_field_async (f->client, postmortem, field, OG_SANDBOX_ACTOR_ID, NULL,
                                debrief_test_waiter_done, &waiter);
  og_client_update_field_finish (f->client, debrief_test_waiter_wait (&waiter), error);
  debrief_test_waiter_clear (&waiter);
}

/* Every write route leaves a state a new sandbox reads back, the published lock included. */
static void
test_every_route (Fixture *f, gconstpointer data)
{
  static const char *const jira[] = { "https://jira.example.org/browse/OPS-7", NULL };
  g_autofree char *incident_id = NULL;
  g_autofree char *created = NULL;
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (GError) error = NULL;
  DebriefTestWaiter waiter = { 0 };

  start_sandbox_on_file (f);
  incident_id = incident_for_create (f);
  created = create_postmortem (f, incident_id);
  postmortem = get_postmortem (f, created, &error);
  g_assert_no_error (error);

  og_postmortem_set_title (postmortem, "Every route");
  og_client_update_postmortem_async (f->client, postmortem, OG_SANDBOX_ACTOR_ID, NULL,
                                     debrief_test_waiter_done, &waiter);
  og_client_update_postmortem_finish (f->client, debrief_test_waiter_wait (&waiter), &error);
  debrief_test_waiter_clear (&waiter);
  g_assert_no_error (error);

  og_postmortem_set_severity (postmortem, OG_SEVERITY_P1);
  og_postmortem_set_jira_issues (postmortem, jira);
  og_postmortem_set_status (postmortem, OG_POSTMORTEM_STATUS_PUBLISHED);
  /* Status last: a published postmortem takes no other update. */
  for (guint field = 0; field < OG_N_POSTMORTEM_FIELDS; field++)
    if (field != OG_POSTMORTEM_FIELD_STATUS)
      {
        update_field (f, postmortem, field, &error);
        g_assert_no_error (error);
      }
  update_field (f, postmortem, OG_POSTMORTEM_FIELD_STATUS, &error);
  g_assert_no_error (error);
  stop_sandbox (f);

  start_sandbox_on_file (f);
  g_clear_object (&postmortem);
  postmortem = get_postmortem (f, created, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (og_postmortem_get_title (postmortem), ==, "Every route");
  g_assert_cmpint (og_postmortem_get_severity (postmortem), ==, OG_SEVERITY_P1);
  g_assert_cmpstrv (og_postmortem_get_jira_issues (postmortem), jira);
  g_assert_cmpint (og_postmortem_get_status (postmortem), ==, OG_POSTMORTEM_STATUS_PUBLISHED);

  og_postmortem_set_title (postmortem, "Locked");
  update_field (f, postmortem, OG_POSTMORTEM_FIELD_TITLE, &error);
  g_assert_error (error, OG_ERROR, OG_ERROR_INVALID);
}

static gboolean
file_exists (gpointer data)
{
  return g_file_query_exists (G_FILE (data), NULL);
}

/* The file is written while the sandbox runs, a moment after the write: a crash soon after
 * a save loses nothing. */
static void
test_written_while_running (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonObject) state = NULL;
  g_autofree char *incident_id = NULL;
  g_autofree char *created = NULL;

  start_sandbox_on_file (f);
  incident_id = incident_for_create (f);
  created = create_postmortem (f, incident_id);

  g_assert_true (debrief_test_wait_until (file_exists, f->state_file, 5000));

  state = read_state (f);
  g_assert_cmpint (json_object_get_int_member (state, "version"), ==, 1);
  g_assert_true (state_has_postmortem (state, created));
  g_assert_cmpstr (json_object_get_string_member (
                       json_object_get_object_member (state, "incidentPostmortems"), incident_id),
                   ==, created);
}

static void
test_reset (Fixture *f, gconstpointer data)
{
  g_auto (GStrv) seed = seed_ids ();
  g_auto (GStrv) ids = NULL;
  g_autoptr (JsonObject) state = NULL;
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (OgIncident) incident = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *incident_id = NULL;
  g_autofree char *created = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *seed_title = NULL;
  gint64 started;

  start_sandbox_on_file (f);
  edited = editable_postmortem_id (f->sandbox, 0);
  {
    g_autoptr (JsonNode) node = og_sandbox_dup_postmortem (f->sandbox, edited);

    seed_title = g_strdup (json_object_get_string_member (json_node_get_object (node), "title"));
  }
  incident_id = incident_for_create (f);
  created = create_postmortem (f, incident_id);
  set_title (f, edited, "Changed before the reset");
  stop_sandbox (f);

  start_sandbox_on_file (f);
  started = g_get_monotonic_time ();
  g_assert_true (og_sandbox_reset (f->sandbox, &error));
  g_assert_no_error (error);
  g_test_message ("reset, file written: %.1f ms", (g_get_monotonic_time () - started) / 1000.0);

  ids = og_sandbox_dup_postmortem_ids (f->sandbox);
  g_assert_cmpstrv (ids, seed);
  postmortem = get_postmortem (f, edited, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (og_postmortem_get_title (postmortem), ==, seed_title);
  g_clear_object (&postmortem);
  postmortem = get_postmortem (f, created, &error);
  g_assert_error (error, OG_ERROR, OG_ERROR_NOT_FOUND);
  g_clear_error (&error);
  incident = get_incident (f, incident_id);
  g_assert_true (og_incident_get_postmortem_id (incident) == NULL
                 || *og_incident_get_postmortem_id (incident) == '\0');

  /* The file says so at once, without a stop. */
  state = read_state (f);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (state, "postmortems")), ==,
                    g_strv_length (seed));
  g_assert_false (state_has_postmortem (state, created));
  g_assert_false (json_object_has_member (
      json_object_get_object_member (state, "incidentPostmortems"), incident_id));

  /* And a new sandbox on it too. */
  stop_sandbox (f);
  start_sandbox_on_file (f);
  g_clear_pointer (&ids, g_strfreev);
  ids = og_sandbox_dup_postmortem_ids (f->sandbox);
  g_assert_cmpstrv (ids, seed);
}

typedef enum
{
  DAMAGE_TRUNCATED,
  DAMAGE_NOT_JSON,
  DAMAGE_EMPTY,
  DAMAGE_NOT_OBJECT,
  DAMAGE_WRONG_TYPES,
  DAMAGE_MEMBER_MISSING,
  DAMAGE_UNKNOWN_INCIDENT,
  DAMAGE_VERSION_2,
  DAMAGE_VERSION_STRING,
  DAMAGE_TOO_DEEP,
} Damage;

typedef struct
{
  const char *path;
  Damage damage;
  gint code; /* OgSandboxError */
} DamageCase;

static const DamageCase damage_cases[] = {
  { "/sandbox-state/corrupt/truncated", DAMAGE_TRUNCATED, OG_SANDBOX_ERROR_STATE_CORRUPT },
  { "/sandbox-state/corrupt/not-json", DAMAGE_NOT_JSON, OG_SANDBOX_ERROR_STATE_CORRUPT },
  { "/sandbox-state/corrupt/empty", DAMAGE_EMPTY, OG_SANDBOX_ERROR_STATE_CORRUPT },
  { "/sandbox-state/corrupt/not-object", DAMAGE_NOT_OBJECT, OG_SANDBOX_ERROR_STATE_CORRUPT },
  { "/sandbox-state/corrupt/wrong-types", DAMAGE_WRONG_TYPES, OG_SANDBOX_ERROR_STATE_CORRUPT },
  { "/sandbox-state/corrupt/member-missing", DAMAGE_MEMBER_MISSING,
    OG_SANDBOX_ERROR_STATE_CORRUPT },
  { "/sandbox-state/corrupt/unknown-incident", DAMAGE_UNKNOWN_INCIDENT,
    OG_SANDBOX_ERROR_STATE_CORRUPT },
  { "/sandbox-state/corrupt/version-2", DAMAGE_VERSION_2, OG_SANDBOX_ERROR_STATE_VERSION },
  { "/sandbox-state/corrupt/version-string", DAMAGE_VERSION_STRING,
    OG_SANDBOX_ERROR_STATE_CORRUPT },
  { "/sandbox-state/corrupt/too-deep", DAMAGE_TOO_DEEP, OG_SANDBOX_ERROR_STATE_CORRUPT },
};

/* A good state file with one postmortem created, as text. */
static char *
make_good_state (Fixture *f, char **created)
{
  g_autofree char *incident_id = NULL;

  start_sandbox_on_file (f);
  incident_id = incident_for_create (f);
  *created = create_postmortem (f, incident_id);
  stop_sandbox (f);

  return read_state_text (f);
}

static char *
damage (const char *good, Damage kind)
{
  g_autoptr (JsonNode) root = json_from_string (good, NULL);
  JsonObject *state = json_node_get_object (root);
  JsonObject *first
      = json_array_get_object_element (json_object_get_array_member (state, "postmortems"), 0);

  switch (kind)
    {
    case DAMAGE_TRUNCATED:
      return g_strndup (good, strlen (good) / 2);
    case DAMAGE_NOT_JSON:
      return g_strdup ("<html><body>Not a sandbox</body></html>");
    case DAMAGE_EMPTY:
      return g_strdup ("");
    case DAMAGE_NOT_OBJECT:
      return g_strdup ("[1, 2, 3]");
    case DAMAGE_WRONG_TYPES:
      json_object_set_int_member (first, "title", 42);
      break;
    case DAMAGE_MEMBER_MISSING:
      json_object_remove_member (first, "rootIncident");
      break;
    case DAMAGE_UNKNOWN_INCIDENT:
      json_object_set_string_member (json_object_get_object_member (first, "rootIncident"), "id",
                                     "no-such-incident");
      break;
    case DAMAGE_VERSION_2:
      json_object_set_int_member (state, "version", 2);
      break;
    case DAMAGE_VERSION_STRING:
      json_object_set_string_member (state, "version", "1");
      break;
    case DAMAGE_TOO_DEEP:
      {
        GString *text = g_string_new ("{\"version\":1,\"postmortems\":");

        for (guint i = 0; i < 100000; i++)
          g_string_append_c (text, '[');
        return g_string_free (text, FALSE);
      }
    }

  return json_to_string (root, FALSE);
}

static void
test_corrupt (Fixture *f, gconstpointer data)
{
  const DamageCase *test = data;
  g_auto (GStrv) seed = seed_ids ();
  g_auto (GStrv) ids = NULL;
  g_autofree char *created = NULL;
  g_autofree char *good = make_good_state (f, &created);
  g_autofree char *bad = damage (good, test->damage);
  g_autofree char *aside_text = NULL;
  g_autoptr (GPtrArray) aside = NULL;
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *edited = NULL;

  write_state_text (f, bad, strlen (bad));
  g_assert_cmpuint (list_set_aside (f)->len, ==, 0);

  start_sandbox (f);
  g_assert_false (og_sandbox_set_state_file (f->sandbox, f->state_file, &error));
  g_assert_error (error, OG_SANDBOX_ERROR, test->code);
  g_test_message ("%s", error->message);
  /* A sentence for the user that says where the file went. */
  g_assert_nonnull (strstr (error->message, ".corrupt-"));
  if (test->code == OG_SANDBOX_ERROR_STATE_VERSION)
    g_assert_nonnull (strstr (error->message, "2"));
  g_clear_error (&error);

  /* Moved aside, intact. */
  g_assert_false (g_file_query_exists (f->state_file, NULL));
  aside = list_set_aside (f);
  g_assert_cmpuint (aside->len, ==, 1);
  g_file_load_contents (g_ptr_array_index (aside, 0), NULL, &aside_text, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (aside_text, ==, bad);

  /* The seed, served. */
  ids = og_sandbox_dup_postmortem_ids (f->sandbox);
  g_assert_cmpstrv (ids, seed);
  edited = editable_postmortem_id (f->sandbox, 0);
  postmortem = get_postmortem (f, edited, &error);
  g_assert_no_error (error);
  g_assert_nonnull (postmortem);

  /* The next write makes a good file again, and leaves the one set aside alone. */
  set_title (f, edited, "After the damage");
  stop_sandbox (f);
  start_sandbox_on_file (f);
  g_clear_object (&postmortem);
  postmortem = get_postmortem (f, edited, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (og_postmortem_get_title (postmortem), ==, "After the damage");
  g_clear_pointer (&aside, g_ptr_array_unref);
  aside = list_set_aside (f);
  g_assert_cmpuint (aside->len, ==, 1);
}

/* Two damaged files in the same second: neither overwrites the other. */
static void
test_corrupt_twice (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) aside = NULL;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (GError) error = NULL;

      write_state_text (f, "{", 1);
      start_sandbox (f);
      g_assert_false (og_sandbox_set_state_file (f->sandbox, f->state_file, &error));
      g_assert_error (error, OG_SANDBOX_ERROR, OG_SANDBOX_ERROR_STATE_CORRUPT);
      stop_sandbox (f);
    }

  aside = list_set_aside (f);
  g_assert_cmpuint (aside->len, ==, 2);
}

/* A state file that cannot be opened at all (its folder is a file): reported, the seed. */
static void
test_unreadable (Fixture *f, gconstpointer data)
{
  g_auto (GStrv) seed = seed_ids ();
  g_auto (GStrv) ids = NULL;
  g_autoptr (GFile) parent = g_file_get_parent (f->state_file);
  g_autoptr (GError) error = NULL;

  g_file_replace_contents (parent, "a file", 6, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL,
                           &error);
  g_assert_no_error (error);

  start_sandbox (f);
  g_assert_false (og_sandbox_set_state_file (f->sandbox, f->state_file, &error));
  g_assert_error (error, OG_SANDBOX_ERROR, OG_SANDBOX_ERROR_STATE_UNREADABLE);
  g_test_message ("%s", error->message);
  ids = og_sandbox_dup_postmortem_ids (f->sandbox);
  g_assert_cmpstrv (ids, seed);
}

static void
on_state_error (OgSandbox *sandbox, const GError *error, gpointer user_data)
{
  GPtrArray *errors = user_data;

  g_assert_nonnull (error);
  g_ptr_array_add (errors, g_error_copy (error));
}

static gboolean
has_errors (gpointer data)
{
  return ((GPtrArray *) data)->len > 0;
}

/* The folder cannot be written (a file took its place): ::state-error, once, and the
 * sandbox serves the change from memory. Works as root too, where permissions would not
 * stop a write. */
static void
test_unwritable (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr (GFile) parent = g_file_get_parent (f->state_file);
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *edited = NULL;

  start_sandbox_on_file (f);
  g_signal_connect (f->sandbox, "state-error", G_CALLBACK (on_state_error), errors);
  g_file_replace_contents (parent, "in the way", 10, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL,
                           &error);
  g_assert_no_error (error);

  edited = editable_postmortem_id (f->sandbox, 0);
  set_title (f, edited, "Only in memory");

  g_assert_true (debrief_test_wait_until (has_errors, errors, 5000));

  g_assert_cmpuint (errors->len, ==, 1);
  g_test_message ("%s", ((GError *) g_ptr_array_index (errors, 0))->message);
  g_assert_true (((GError *) g_ptr_array_index (errors, 0))->domain == G_FILE_ERROR);

  postmortem = get_postmortem (f, edited, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (og_postmortem_get_title (postmortem), ==, "Only in memory");

  /* Not again at every write, nor at stop. */
  set_title (f, edited, "Still only in memory");
  g_clear_object (&postmortem);
  postmortem = get_postmortem (f, edited, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (og_postmortem_get_title (postmortem), ==, "Still only in memory");
  og_sandbox_stop (f->sandbox);
  g_assert_cmpuint (errors->len, ==, 1);

  /* A reset that cannot write says so, and holds the seed anyway. */
  g_assert_false (og_sandbox_reset (f->sandbox, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  {
    g_autoptr (JsonNode) node = og_sandbox_dup_postmortem (f->sandbox, edited);

    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "title"), !=,
                     "Still only in memory");
  }
  g_signal_handlers_disconnect_by_data (f->sandbox, errors);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_TEST ("/sandbox-state/no-file", test_no_file);
  ADD_TEST ("/sandbox-state/file-after-change", test_file_after_change);
  ADD_TEST ("/sandbox-state/survives-restart", test_survives_restart);
  ADD_TEST ("/sandbox-state/every-route", test_every_route);
  ADD_TEST ("/sandbox-state/written-while-running", test_written_while_running);
  ADD_TEST ("/sandbox-state/reset", test_reset);
  for (guint i = 0; i < G_N_ELEMENTS (damage_cases); i++)
    g_test_add (damage_cases[i].path, Fixture, &damage_cases[i], fixture_set_up, test_corrupt,
                fixture_tear_down);
  ADD_TEST ("/sandbox-state/corrupt/twice", test_corrupt_twice);
  ADD_TEST ("/sandbox-state/unreadable", test_unreadable);
  ADD_TEST ("/sandbox-state/unwritable", test_unwritable);

  return g_test_run ();
}
