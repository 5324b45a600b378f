/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The local library: its index file (round trip, a crash between write and rename, damaged
 * files of every kind), the cache, pasted links, and — over real HTTP against the sandbox —
 * discovery and refresh (bounded concurrency, 429s, a dropped connection, cancel), offline
 * use from the cache, open, create and delete.
 */
#include "config.h"

#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "debrief-library-entry-private.h"
#include "debrief-library-refresh.h"
#include "debrief-library.h"
#include "debrief-postmortem-ref.h"
#include "debrief-store-io-private.h"
#include "debrief-test-store-util.h"
#include "debrief-test-util.h"
#include "og-error.h"
#include "og-sandbox.h"

typedef DebriefTestLibraryFixture Fixture;

/* Helpers */

static char *
index_path (Fixture *fixture)
{
  return g_build_filename (fixture->directory, "library.index", NULL);
}

static guint
count_files_containing (const char *directory, const char *needle)
{
  g_autoptr (GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (strstr (name, needle) != NULL)
      n++;
  return n;
}

/* An entry with every field set, some with characters the index must escape. */
static DebriefLibraryEntry *
add_full_entry (DebriefLibrary *library, guint i)
{
  g_autofree char *id = g_strdup_printf ("pm-%u", i);
  DebriefLibraryEntry *entry = debrief_library_add (library, id);

  _debrief_library_entry_take_title (
      entry, g_strdup_printf ("Title %u\twith tab\nnewline \\ backslash «Zürich» 🙂", i));
  _debrief_library_entry_take_incident (entry, g_strdup_printf ("inc-%u", i),
                                        g_strdup_printf ("%u", 40 + i),
                                        g_strdup_printf ("Message %u\r\n", i));
  entry->fetched = TRUE;
  entry->severity = i % 5;
  entry->status = i % 3;
  entry->owner_id = g_intern_string ("owner-1");
  entry->owner_name = g_intern_string ("Ann O’Neill");
  entry->created = 1700000000 + i;
  entry->updated = 1700000100 + i;
  entry->last_fetched = 1700000200 + i;
  entry->has_draft = FALSE;
  return entry;
}

static void
assert_entries_equal (DebriefLibraryEntry *a, DebriefLibraryEntry *b)
{
  g_assert_cmpstr (a->id, ==, b->id);
  g_assert_cmpstr (a->title, ==, b->title);
  g_assert_cmpstr (a->title_folded, ==, b->title_folded);
  g_assert_cmpstr (a->incident_id, ==, b->incident_id);
  g_assert_cmpstr (a->incident_tiny_id, ==, b->incident_tiny_id);
  g_assert_cmpstr (a->incident_message, ==, b->incident_message);
  g_assert_cmpstr (a->owner_id, ==, b->owner_id);
  g_assert_cmpstr (a->owner_name, ==, b->owner_name);
  g_assert_cmpint (a->fetched, ==, b->fetched);
  g_assert_cmpint (a->severity, ==, b->severity);
  g_assert_cmpint (a->status, ==, b->status);
  g_assert_cmpint (a->created, ==, b->created);
  g_assert_cmpint (a->updated, ==, b->updated);
  g_assert_cmpint (a->last_fetched, ==, b->last_fetched);
  g_assert_cmpint (a->has_draft, ==, b->has_draft);
}

/* Fixtures */

static void
local_set_up (Fixture *fixture, gconstpointer data)
{
  fixture->directory = debrief_test_make_tmp_dir ("debrief-library-XXXXXX");
  fixture->library = debrief_library_new_for_directory (fixture->directory);
}

static void
network_set_up (Fixture *fixture, gconstpointer data)
{
  local_set_up (fixture, data);
  fixture->sandbox = debrief_test_sandbox_new ();
  fixture->client = debrief_test_client_new (fixture->sandbox);
  og_client_set_timeouts (fixture->client, 5, 10);
}

/* Index */

static void
test_index_round_trip (Fixture *fixture, gconstpointer data)
{
  g_autoptr (DebriefLibrary) again = NULL;
  g_autoptr (GError) error = NULL;
  DebriefLibraryEntry *unfetched;

  for (guint i = 0; i < 25; i++)
    add_full_entry (fixture->library, i);
  unfetched = debrief_library_add (fixture->library, "only-an-id");
  g_assert_true (debrief_library_is_dirty (fixture->library));
  g_assert_true (debrief_library_save (fixture->library, &error));
  g_assert_no_error (error);
  g_assert_false (debrief_library_is_dirty (fixture->library));

  again = debrief_test_library_load (fixture->directory);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 26);
  for (guint i = 0; i < 26; i++)
    {
      g_autoptr (DebriefLibraryEntry) a
          = g_list_model_get_item (G_LIST_MODEL (fixture->library), i);
      g_autoptr (DebriefLibraryEntry) b = g_list_model_get_item (G_LIST_MODEL (again), i);

      assert_entries_equal (a, b);
    }
  g_assert_false (debrief_library_entry_is_fetched (debrief_library_lookup (again, "only-an-id")));
  g_assert_cmpstr (debrief_library_entry_get_title (unfetched), ==, "");
  g_assert_false (debrief_library_is_dirty (again));
}

/* Closing keeps what changed since the last save. */
static void
test_index_saved_at_close (Fixture *fixture, gconstpointer data)
{
  g_autoptr (DebriefLibrary) again = NULL;

  add_full_entry (fixture->library, 7);
  g_clear_object (&fixture->library);
  again = debrief_test_library_load (fixture->directory);
  g_assert_nonnull (debrief_library_lookup (again, "pm-7"));
}

static void
test_index_missing (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (debrief_library_load (fixture->library, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, 0);
}

static void
die_before_rename (const char *temporary_path)
{
  raise (SIGKILL);
}

/* Killed between writing the new index and renaming it: the old index is intact, byte for
 * byte, and the next load clears the leftover. */
static void
test_index_crash_before_rename (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = index_path (fixture);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (DebriefLibrary) again = NULL;
  int status = 0;
  pid_t pid;

  for (guint i = 0; i < 3; i++)
    add_full_entry (fixture->library, i);
  g_assert_true (debrief_library_save (fixture->library, NULL));
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  /* A plain fork: the child must write into this very folder. */
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      for (guint i = 3; i < 50; i++)
        add_full_entry (fixture->library, i);
      _debrief_store_set_before_rename_hook (die_before_rename);
      debrief_library_save (fixture->library, NULL);
      _exit (0); /* not reached: the hook kills */
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  /* the new content was written and synced, only not renamed */
  g_assert_cmpuint (count_files_containing (fixture->directory, DEBRIEF_STORE_TEMP_INFIX), ==, 1);

  again = debrief_test_library_load (fixture->directory);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 3);
  g_assert_cmpuint (count_files_containing (fixture->directory, DEBRIEF_STORE_TEMP_INFIX), ==, 0);
}

/* Damaged indexes */

typedef enum
{
  DAMAGE_TRUNCATED,
  DAMAGE_NOT_OURS,
  DAMAGE_WRONG_TYPES,
  DAMAGE_BAD_TIME,
  DAMAGE_EMPTY,
  DAMAGE_BINARY,
  DAMAGE_HUGE,
  DAMAGE_DUPLICATE,
  DAMAGE_WRONG_COUNT,
  DAMAGE_AFTER_END,
  DAMAGE_FIELDS,
  DAMAGE_ESCAPE,
} Damage;

static const char *const damage_names[] = {
  "truncated", "not-ours",     "wrong-types", "bad-time",      "empty",         "binary-garbage",
  "huge",      "duplicate-id", "wrong-count", "after-the-end", "missing-field", "bad-escape",
};

static void
write_damaged_index (Fixture *fixture, Damage damage)
{
  g_autofree char *path = index_path (fixture);
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  gsize length = 0;
  const char *line = "pm-1\tTitle\tP1\tdraft\t\t\t\t1\t2\t3\t\t\t0\n";

  for (guint i = 0; i < 3; i++)
    add_full_entry (fixture->library, i);
  g_assert_true (debrief_library_save (fixture->library, NULL));
  g_assert_true (g_file_get_contents (path, &good, &length, NULL));

  switch (damage)
    {
    case DAMAGE_TRUNCATED:
      bad = g_strndup (good, length - 10);
      break;
    case DAMAGE_NOT_OURS:
      bad = g_strdup ("{\"entries\": []}\n");
      break;
    case DAMAGE_WRONG_TYPES:
      bad = g_strdup_printf ("debrief-library\t1\n%send\t1\n",
                             "pm-1\tTitle\tP9\tlost\t\t\t\t1\t2\t3\t\t\t0\n");
      break;
    case DAMAGE_BAD_TIME:
      bad = g_strdup (
          "debrief-library\t1\npm-1\tTitle\tP1\tdraft\t\t\t\tyesterday\t2\t3\t\t\t0\nend\t1\n");
      break;
    case DAMAGE_EMPTY:
      bad = g_strdup ("");
      break;
    case DAMAGE_BINARY:
      {
        g_autoptr (GRand) rand = g_rand_new_with_seed (11);

        length = 2048;
        bad = g_malloc (length);
        for (gsize i = 0; i < length; i++)
          bad[i] = (char) g_rand_int_range (rand, 0, 256);
        g_assert_true (g_file_set_contents (path, bad, (gssize) length, NULL));
        return;
      }
    case DAMAGE_HUGE:
      {
        int fd = g_open (path, O_WRONLY | O_TRUNC, 0600);

        g_assert_cmpint (fd, >=, 0);
        g_assert_cmpint (ftruncate (fd, DEBRIEF_STORE_MAX_FILE_SIZE + 1), ==, 0);
        close (fd);
        return;
      }
    case DAMAGE_DUPLICATE:
      bad = g_strdup_printf ("debrief-library\t1\n%s%send\t2\n", line, line);
      break;
    case DAMAGE_WRONG_COUNT:
      bad = g_strdup_printf ("debrief-library\t1\n%send\t7\n", line);
      break;
    case DAMAGE_AFTER_END:
      bad = g_strdup_printf ("%s%s", good, line);
      break;
    case DAMAGE_FIELDS:
      bad = g_strdup ("debrief-library\t1\npm-1\tTitle\tP1\tdraft\nend\t1\n");
      break;
    case DAMAGE_ESCAPE:
      bad = g_strdup (
          "debrief-library\t1\npm-1\tTi\\qtle\tP1\tdraft\t\t\t\t1\t2\t3\t\t\t0\nend\t1\n");
      break;
    default:
      g_assert_not_reached ();
    }
  g_assert_true (g_file_set_contents (path, bad, -1, NULL));
}

/* Reported, moved aside (never deleted, never a crash); the library starts empty and
 * usable, and a draft on disk still has its entry. */
static void
test_index_damaged (Fixture *fixture, gconstpointer data)
{
  Damage damage = GPOINTER_TO_UINT (data);
  g_autofree char *path = index_path (fixture);
  g_autoptr (DebriefLibrary) library = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *draft_dir = g_build_filename (fixture->directory, "drafts", NULL);
  g_autofree char *draft = g_build_filename (draft_dir, "pm-draft.json", NULL);

  write_damaged_index (fixture, damage);
  g_assert_cmpint (g_mkdir_with_parents (draft_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (draft, "{}", -1, NULL));

  library = debrief_library_new_for_directory (fixture->directory);
  g_assert_false (debrief_library_load (library, &error));
  g_assert_error (error, DEBRIEF_STORE_ERROR, DEBRIEF_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "library.index.corrupt-"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files_containing (fixture->directory, ".corrupt-"), ==, 1);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 1);
  g_assert_true (
      debrief_library_entry_get_has_draft (debrief_library_lookup (library, "pm-draft")));

  debrief_library_add (library, "pm-new");
  g_clear_error (&error);
  g_assert_true (debrief_library_save (library, &error));
  g_assert_no_error (error);
}

/* An index that exists but cannot be read is not overwritten by the next save. */
static void
test_index_unreadable (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = index_path (fixture);
  g_autoptr (GError) error = NULL;

  /* root reads any file whatever its mode: a folder in its place cannot be read by anyone */
  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  g_assert_false (debrief_library_load (fixture->library, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR);
  g_clear_error (&error);

  debrief_library_add (fixture->library, "pm-1");
  g_assert_false (debrief_library_save (fixture->library, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
  g_clear_error (&error);

  g_assert_cmpint (g_rmdir (path), ==, 0);
  g_assert_true (debrief_library_load (fixture->library, &error));
  g_assert_no_error (error);
  debrief_library_add (fixture->library, "pm-1");
  g_assert_true (debrief_library_save (fixture->library, &error));
  g_assert_no_error (error);
}

/* Filter */

static void
test_filter (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) matches = NULL;
  DebriefLibraryEntry *a = debrief_library_add (fixture->library, "a");
  DebriefLibraryEntry *b = debrief_library_add (fixture->library, "b");
  DebriefLibraryEntry *c = debrief_library_add (fixture->library, "c");

  _debrief_library_entry_take_title (a, g_strdup ("Checkout latency in ZÜRICH"));
  _debrief_library_entry_take_title (b, g_strdup ("Login outage"));
  _debrief_library_entry_take_title (c, g_strdup ("Payments"));
  _debrief_library_entry_take_incident (c, g_strdup ("inc"), g_strdup ("42"),
                                        g_strdup ("Card checkout failing"));

  matches = debrief_library_filter (fixture->library, "CHECKOUT");
  g_assert_cmpuint (matches->len, ==, 2);
  g_assert_true (matches->pdata[0] == a);
  g_assert_true (matches->pdata[1] == c);
  g_clear_pointer (&matches, g_ptr_array_unref);

  matches = debrief_library_filter (fixture->library, "zürich");
  g_assert_cmpuint (matches->len, ==, 1);
  g_clear_pointer (&matches, g_ptr_array_unref);

  matches = debrief_library_filter (fixture->library, "#42");
  g_assert_cmpuint (matches->len, ==, 1);
  g_assert_true (matches->pdata[0] == c);
  g_clear_pointer (&matches, g_ptr_array_unref);

  matches = debrief_library_filter (fixture->library, "");
  g_assert_cmpuint (matches->len, ==, 3);
  g_clear_pointer (&matches, g_ptr_array_unref);

  matches = debrief_library_filter (fixture->library, "nothing like it");
  g_assert_cmpuint (matches->len, ==, 0);
}

/* One folder per account under XDG_DATA_HOME, whatever the account id holds. */
static void
test_account_directory (void)
{
  g_autoptr (DebriefLibrary) sandbox = debrief_library_new ("sandbox");
  g_autoptr (DebriefLibrary) odd = debrief_library_new ("../a/b c");
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "debrief", "sandbox", NULL);
  g_autofree char *expected_odd
      = g_build_filename (g_get_user_data_dir (), "debrief", "%2E%2E%2Fa%2Fb%20c", NULL);

  g_assert_cmpstr (debrief_library_get_directory (sandbox), ==, expected);
  g_assert_cmpstr (debrief_library_get_directory (odd), ==, expected_odd);
}

/* Pasted references */

typedef struct
{
  const char *text;
  const char *id; /* NULL: refused */
  DebriefRegion region;
} ReferenceCase;

#define PM "4e4b3a71-1fa4-47fb-9b27-23dcbde566a5"

static const ReferenceCase reference_cases[] = {
  { PM, PM, DEBRIEF_REGION_UNKNOWN },
  { "  " PM "\n", PM, DEBRIEF_REGION_UNKNOWN },
  { "https://acme.app.opsgenie.com/postmortem/" PM, PM, DEBRIEF_REGION_US },
  { "https://acme.app.opsgenie.com/postmortem/" PM "/detail", PM, DEBRIEF_REGION_US },
  { "https://acme.app.opsgenie.com/reports/postmortem/" PM "/detail?tab=timeline", PM,
    DEBRIEF_REGION_US },
  { "https://acme.app.eu.opsgenie.com/postmortem/" PM, PM, DEBRIEF_REGION_EU },
  { "https://acme.app.eu.opsgenie.com/postmortems/" PM "/edit#summary", PM, DEBRIEF_REGION_EU },
  { "https://app.opsgenie.com/postmortem#/" PM, PM, DEBRIEF_REGION_US },
  { "https://acme.app.opsgenie.com/#/postmortem/detail/" PM, PM, DEBRIEF_REGION_US },
  { "https://acme.app.opsgenie.com/incident/detail/inc-1/postmortem?postmortemId=" PM, PM,
    DEBRIEF_REGION_US },
  { "https://api.opsgenie.com/v2/postmortem/" PM, PM, DEBRIEF_REGION_US },
  { "https://api.eu.opsgenie.com/v2/postmortem/" PM, PM, DEBRIEF_REGION_EU },
  { "acme.app.eu.opsgenie.com/postmortem/" PM, PM, DEBRIEF_REGION_EU },
  { "<https://ACME.APP.OPSGENIE.COM/postmortem/" PM ">", PM, DEBRIEF_REGION_US },
  { "\"https://acme.app.opsgenie.com/postmortem/" PM "\"", PM, DEBRIEF_REGION_US },
  { "", NULL, 0 },
  { "not an id!", NULL, 0 },
  { "https://evil.example.com/postmortem/" PM, NULL, 0 },
  { "https://opsgenie.com.evil.example/postmortem/" PM, NULL, 0 },
  { "https://acme.app.opsgenie.com/alert/detail/" PM, NULL, 0 },
  { "https://acme.app.opsgenie.com/postmortem/", NULL, 0 },
  { "https://acme.app.opsgenie.com/postmortem/../../etc", NULL, 0 },
  { "ftp://acme.app.opsgenie.com/postmortem/" PM, NULL, 0 },
  { "javascript:alert(1)", NULL, 0 },
};

static void
test_reference (gconstpointer data)
{
  const ReferenceCase *c = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;
  DebriefRegion region = 99;

  id = debrief_parse_postmortem_reference (c->text, &region, &error);
  g_assert_cmpstr (id, ==, c->id);
  if (c->id != NULL)
    {
      g_assert_no_error (error);
      g_assert_cmpint (region, ==, c->region);
    }
  else
    g_assert_error (error, OG_ERROR, OG_ERROR_INVALID_ARGUMENT);
}

/* Over the network */

static gboolean
run_refresh (DebriefLibraryRefresh *refresh, GCancellable *cancellable, GError **error)
{
  DebriefTestWaiter waiter = { 0 };
  gboolean ok;

  debrief_library_refresh_run_async (refresh, cancellable, debrief_test_waiter_done, &waiter);
  ok = debrief_library_refresh_run_finish (refresh, debrief_test_waiter_wait (&waiter), error);
  g_clear_object (&waiter.result);
  return ok;
}

static OgPostmortem *
open_postmortem (Fixture *fixture, const char *text, gboolean *from_cache, GError **error)
{
  DebriefTestWaiter waiter = { 0 };
  OgPostmortem *postmortem;

  debrief_library_open_async (fixture->library, fixture->client, text, NULL,
                              debrief_test_waiter_done, &waiter);
  postmortem = debrief_library_open_finish (fixture->library, debrief_test_waiter_wait (&waiter),
                                            from_cache, error);
  g_clear_object (&waiter.result);
  return postmortem;
}

/* The ids the incidents lead to, as the sandbox holds them. */
static GPtrArray *
discoverable_ids (Fixture *fixture)
{
  g_auto (GStrv) ids = og_sandbox_dup_postmortem_ids (fixture->sandbox);
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; ids[i] != NULL; i++)
    g_ptr_array_add (result, g_strdup (ids[i]));
  g_assert_cmpuint (result->len, >, 4);
  return result;
}

static guint
count_fetched (DebriefLibrary *library)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    {
      g_autoptr (DebriefLibraryEntry) entry = g_list_model_get_item (G_LIST_MODEL (library), i);

      n += debrief_library_entry_is_fetched (entry) ? 1 : 0;
    }
  return n;
}

static void
on_notify_count (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  (*(guint *) user_data)++;
}

/* A fresh library learns every postmortem the incidents lead to, fetches and caches each,
 * lists the resolved incidents still without one, and saves its index. */
static void
test_refresh_discovers (Fixture *fixture, gconstpointer data)
{
  g_autoptr (DebriefLibraryRefresh) refresh
      = debrief_library_refresh_new (fixture->library, fixture->client);
  g_autoptr (GPtrArray) ids = discoverable_ids (fixture);
  g_autoptr (DebriefLibrary) again = NULL;
  g_autoptr (GError) error = NULL;
  GListModel *pending;
  guint n_fraction_notifies = 0;

  g_signal_connect (refresh, "notify::fraction", G_CALLBACK (on_notify_count),
                    &n_fraction_notifies);
  g_assert_true (run_refresh (refresh, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = ids->pdata[i];
      DebriefLibraryEntry *entry = debrief_library_lookup (fixture->library, id);
      g_autoptr (JsonNode) data_node = og_sandbox_dup_postmortem (fixture->sandbox, id);
      JsonObject *object = json_node_get_object (data_node);
      g_autoptr (OgPostmortem) cached = NULL;

      g_assert_nonnull (entry);
      g_assert_true (debrief_library_entry_is_fetched (entry));
      g_assert_cmpstr (debrief_library_entry_get_title (entry), ==,
                       json_object_get_string_member (object, "title"));
      g_assert_nonnull (debrief_library_entry_get_incident_tiny_id (entry));
      g_assert_cmpint (debrief_library_entry_get_last_fetched (entry), >, 0);
      cached = debrief_cache_load (debrief_library_get_cache (fixture->library), id, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (og_postmortem_get_title (cached), ==,
                       json_object_get_string_member (object, "title"));
    }

  pending = debrief_library_refresh_get_pending_incidents (refresh);
  g_assert_cmpuint (g_list_model_get_n_items (pending), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (pending); i++)
    {
      g_autoptr (OgIncident) incident = g_list_model_get_item (pending, i);

      g_assert_null (og_incident_get_postmortem_id (incident));
      g_assert_cmpstr (og_incident_get_status (incident), ==, "resolved");
    }

  g_assert_false (debrief_library_refresh_get_running (refresh));
  g_assert_cmpuint (debrief_library_refresh_get_n_done (refresh), ==,
                    debrief_library_refresh_get_n_total (refresh));
  g_assert_cmpuint (debrief_library_refresh_get_n_total (refresh), ==, ids->len + 2);
  g_assert_cmpfloat (debrief_library_refresh_get_fraction (refresh), ==, 1.0);
  g_assert_cmpuint (n_fraction_notifies, >=, ids->len);
  g_assert_cmpuint (debrief_library_refresh_get_n_failed (refresh), ==, 0);

  again = debrief_test_library_load (fixture->directory);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, ids->len);
  g_assert_cmpuint (count_fetched (again), ==, ids->len);
}

/* What was fetched within max-age is not fetched again; max-age 0 fetches everything. */
static void
test_refresh_only_what_changed (Fixture *fixture, gconstpointer data)
{
  g_autoptr (DebriefLibraryRefresh) refresh
      = debrief_library_refresh_new (fixture->library, fixture->client);
  g_autoptr (GPtrArray) ids = discoverable_ids (fixture);

  g_assert_true (run_refresh (refresh, NULL, NULL));
  og_sandbox_clear_requests (fixture->sandbox);
  g_assert_true (run_refresh (refresh, NULL, NULL));
  g_assert_cmpuint (og_sandbox_count_requests (fixture->sandbox, OG_ROUTE_POSTMORTEM_GET), ==, 0);
  g_assert_cmpuint (debrief_library_refresh_get_n_total (refresh), ==, 2);

  og_sandbox_clear_requests (fixture->sandbox);
  debrief_library_refresh_set_max_age (refresh, 0);
  g_assert_true (run_refresh (refresh, NULL, NULL));
  g_assert_cmpuint (og_sandbox_count_requests (fixture->sandbox, OG_ROUTE_POSTMORTEM_GET), ==,
                    ids->len);
}

typedef struct
{
  Fixture *fixture;
  guint max_seen;
} InFlight;

static gboolean
sample_in_flight (gpointer user_data)
{
  InFlight *in_flight = user_data;
  guint received = og_sandbox_count_requests (in_flight->fixture->sandbox, OG_ROUTE_POSTMORTEM_GET);
  guint done = count_fetched (in_flight->fixture->library);

  in_flight->max_seen = MAX (in_flight->max_seen, received - done);
  return G_SOURCE_CONTINUE;
}

static guint
max_in_flight_seen (Fixture *fixture, guint max_in_flight)
{
  g_autoptr (DebriefLibraryRefresh) refresh
      = debrief_library_refresh_new (fixture->library, fixture->client);
  InFlight in_flight = { fixture, 0 };
  guint sampler;

  og_sandbox_clear_requests (fixture->sandbox);
  debrief_library_refresh_set_max_age (refresh, 0);
  debrief_library_refresh_set_max_in_flight (refresh, max_in_flight);
  sampler = g_timeout_add (5, sample_in_flight, &in_flight);
  g_assert_true (run_refresh (refresh, NULL, NULL));
  g_source_remove (sampler);
  g_test_message ("max-in-flight %u: at most %u requests seen in flight", max_in_flight,
                  in_flight.max_seen);
  return in_flight.max_seen;
}

/* Never more than max-in-flight requests at once, and more than one when allowed. (libsoup
 * itself opens at most 2 connections per host by default: above 2 the session bounds.) */
static void
test_refresh_bounded (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) ids = discoverable_ids (fixture);
  guint seen;

  og_sandbox_add_fault (fixture->sandbox, OG_ROUTE_POSTMORTEM_GET, OG_SANDBOX_FAULT_DELAY, 40, 0);
  g_assert_cmpuint (max_in_flight_seen (fixture, 1), ==, 1);
  g_assert_cmpuint (count_fetched (fixture->library), ==, ids->len);

  /* the sampler counts fetched entries: start again from none fetched */
  g_clear_object (&fixture->library);
  debrief_test_remove_tree (fixture->directory);
  fixture->library = debrief_library_new_for_directory (fixture->directory);
  seen = max_in_flight_seen (fixture, 3);
  g_assert_cmpuint (seen, <=, 3);
  g_assert_cmpuint (seen, >=, 2);
}

/* 429s the client waits out: everything is fetched, nothing fails. */
static void
test_refresh_rate_limited (Fixture *fixture, gconstpointer data)
{
  g_autoptr (DebriefLibraryRefresh) refresh
      = debrief_library_refresh_new (fixture->library, fixture->client);
  g_autoptr (GPtrArray) ids = discoverable_ids (fixture);

  og_sandbox_add_fault (fixture->sandbox, OG_ROUTE_POSTMORTEM_GET, OG_SANDBOX_FAULT_RATE_LIMIT, 1,
                        3);
  g_assert_true (run_refresh (refresh, NULL, NULL));
  g_assert_cmpuint (debrief_library_refresh_get_n_failed (refresh), ==, 0);
  g_assert_cmpuint (count_fetched (fixture->library), ==, ids->len);
  g_assert_cmpuint (og_sandbox_count_requests (fixture->sandbox, OG_ROUTE_POSTMORTEM_GET), ==,
                    ids->len + 3);
}

/* A 429 that outlasts the client's retries: the refresh puts it back and keeps going. */
static void
test_refresh_rate_limit_outlasts_retries (Fixture *fixture, gconstpointer data)
{
  g_autoptr (DebriefLibraryRefresh) refresh
      = debrief_library_refresh_new (fixture->library, fixture->client);
  g_autoptr (GPtrArray) ids = discoverable_ids (fixture);

  og_client_set_max_retries (fixture->client, 2);
  debrief_library_refresh_set_max_in_flight (refresh, 1);
  og_sandbox_add_fault (fixture->sandbox, OG_ROUTE_POSTMORTEM_GET, OG_SANDBOX_FAULT_RATE_LIMIT, 1,
                        3);
  g_assert_true (run_refresh (refresh, NULL, NULL));
  g_assert_cmpuint (debrief_library_refresh_get_n_failed (refresh), ==, 0);
  g_assert_cmpuint (count_fetched (fixture->library), ==, ids->len);
  g_assert_cmpuint (og_sandbox_count_requests (fixture->sandbox, OG_ROUTE_POSTMORTEM_GET), ==,
                    ids->len + 3);
}

/* Connections dropped mid-refresh (after two postmortems came) fail those postmortems alone,
 * with a network error; the others are fetched and the next refresh fetches the rest.
 * libsoup sends an idempotent request again once when a kept-alive connection drops, so two
 * drops in a row are needed, and may fail one postmortem or two. */
static void
test_refresh_dropped_connection (Fixture *fixture, gconstpointer data)
{
  g_autoptr (DebriefLibraryRefresh) refresh
      = debrief_library_refresh_new (fixture->library, fixture->client);
  g_autoptr (GPtrArray) ids = discoverable_ids (fixture);
  g_auto (GStrv) failed = NULL;
  g_autoptr (GError) error = NULL;
  guint n_failed;

  debrief_library_refresh_set_max_in_flight (refresh, 1);
  og_sandbox_add_fault (fixture->sandbox, OG_ROUTE_POSTMORTEM_GET, OG_SANDBOX_FAULT_DELAY, 10, 2);
  og_sandbox_add_fault (fixture->sandbox, OG_ROUTE_POSTMORTEM_GET, OG_SANDBOX_FAULT_DROP, 0, 2);
  g_assert_true (run_refresh (refresh, NULL, &error));
  g_assert_no_error (error);

  n_failed = debrief_library_refresh_get_n_failed (refresh);
  g_assert_cmpuint (n_failed, >=, 1);
  g_assert_cmpuint (n_failed, <=, 2);
  failed = debrief_library_refresh_dup_failed_ids (refresh);
  for (guint i = 0; failed[i] != NULL; i++)
    {
      const GError *failure = debrief_library_refresh_get_failure (refresh, failed[i]);

      g_assert_true (failure->domain == OG_ERROR);
      g_assert_true (failure->code == OG_ERROR_NETWORK || failure->code == OG_ERROR_BAD_RESPONSE);
      g_assert_false (
          debrief_library_entry_is_fetched (debrief_library_lookup (fixture->library, failed[i])));
    }
  g_assert_cmpuint (count_fetched (fixture->library), ==, ids->len - n_failed);

  g_assert_true (run_refresh (refresh, NULL, NULL));
  g_assert_cmpuint (debrief_library_refresh_get_n_failed (refresh), ==, 0);
  g_assert_cmpuint (count_fetched (fixture->library), ==, ids->len);
}

/* Deleted in Opsgenie behind our back: a refresh says so and drops it, unless a draft holds
 * the user's words. */
static void
test_refresh_deleted_elsewhere (Fixture *fixture, gconstpointer data)
{
  g_autoptr (DebriefLibraryRefresh) refresh
      = debrief_library_refresh_new (fixture->library, fixture->client);
  g_autoptr (GPtrArray) ids = discoverable_ids (fixture);
  g_autoptr (OgPostmortem) working = NULL;
  DebriefCache *cache = debrief_library_get_cache (fixture->library);
  const char *plain = ids->pdata[0];
  const char *drafted = ids->pdata[1];

  g_assert_true (run_refresh (refresh, NULL, NULL));
  working = debrief_cache_load (cache, drafted, NULL, NULL);
  debrief_drafts_update (debrief_library_get_drafts (fixture->library), NULL, working);

  for (guint i = 0; i < 2; i++)
    {
      DebriefTestWaiter waiter = { 0 };

      og_client_delete_postmortem_async (fixture->client, ids->pdata[i], OG_SANDBOX_ACTOR_ID, FALSE,
                                         NULL, debrief_test_waiter_done, &waiter);
      g_assert_true (og_client_delete_postmortem_finish (fixture->client,
                                                         debrief_test_waiter_wait (&waiter), NULL));
      g_clear_object (&waiter.result);
    }

  debrief_library_refresh_set_max_age (refresh, 0);
  g_assert_true (run_refresh (refresh, NULL, NULL));
  g_assert_cmpuint (debrief_library_refresh_get_n_failed (refresh), ==, 2);
  g_assert_error ((GError *) debrief_library_refresh_get_failure (refresh, plain), OG_ERROR,
                  OG_ERROR_NOT_FOUND);
  g_assert_null (debrief_library_lookup (fixture->library, plain));
  g_assert_false (debrief_cache_contains (cache, plain));
  g_assert_nonnull (debrief_library_lookup (fixture->library, drafted));
  g_assert_true (debrief_cache_contains (cache, drafted));
  g_assert_true (debrief_drafts_has (debrief_library_get_drafts (fixture->library), drafted));
}

/* Discovery itself failing is the run's error; the library is untouched. */
static void
test_refresh_discovery_fails (Fixture *fixture, gconstpointer data)
{
  g_autoptr (DebriefLibraryRefresh) refresh
      = debrief_library_refresh_new (fixture->library, fixture->client);
  g_autoptr (GError) error = NULL;

  og_sandbox_add_fault (fixture->sandbox, OG_ROUTE_INCIDENTS_LIST, OG_SANDBOX_FAULT_STATUS, 403, 0);
  g_assert_false (run_refresh (refresh, NULL, &error));
  g_assert_error (error, OG_ERROR, OG_ERROR_FORBIDDEN);
  g_assert_false (debrief_library_refresh_get_running (refresh));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, 0);
}

static void
cancel_when_fetching (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  DebriefLibraryRefresh *refresh = DEBRIEF_LIBRARY_REFRESH (object);

  if (debrief_library_refresh_get_n_done (refresh) >= 3)
    g_cancellable_cancel (user_data);
}

/* Cancelled mid-way: the run says so, stops starting requests, keeps what it fetched. */
static void
test_refresh_cancel (Fixture *fixture, gconstpointer data)
{
  g_autoptr (DebriefLibraryRefresh) refresh
      = debrief_library_refresh_new (fixture->library, fixture->client);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GPtrArray) ids = discoverable_ids (fixture);
  g_autoptr (DebriefLibrary) again = NULL;
  g_autoptr (GError) error = NULL;
  guint fetched;

  og_sandbox_add_fault (fixture->sandbox, OG_ROUTE_POSTMORTEM_GET, OG_SANDBOX_FAULT_DELAY, 40, 0);
  debrief_library_refresh_set_max_in_flight (refresh, 1);
  g_signal_connect (refresh, "notify::n-done", G_CALLBACK (cancel_when_fetching), cancellable);
  g_assert_false (run_refresh (refresh, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (debrief_library_refresh_get_running (refresh));

  fetched = count_fetched (fixture->library);
  g_assert_cmpuint (fetched, >=, 1);
  g_assert_cmpuint (fetched, <, ids->len);
  g_assert_cmpuint (og_sandbox_count_requests (fixture->sandbox, OG_ROUTE_POSTMORTEM_GET), <=,
                    fetched + 1);
  again = debrief_test_library_load (fixture->directory);
  g_assert_cmpuint (count_fetched (again), ==, fetched);
}

/* Offline: the index and cache are all there is, and they are enough to read. */
static void
test_offline_serves_cache (Fixture *fixture, gconstpointer data)
{
  g_autoptr (DebriefLibraryRefresh) refresh
      = debrief_library_refresh_new (fixture->library, fixture->client);
  g_autoptr (GPtrArray) ids = discoverable_ids (fixture);
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  gboolean from_cache = FALSE;

  g_assert_true (run_refresh (refresh, NULL, NULL));
  title = g_strdup (
      debrief_library_entry_get_title (debrief_library_lookup (fixture->library, ids->pdata[0])));
  og_sandbox_stop (fixture->sandbox);
  g_clear_object (&refresh);

  /* A new start, before (and without) any network */
  g_clear_object (&fixture->library);
  fixture->library = debrief_test_library_load (fixture->directory);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, ids->len);
  g_assert_cmpstr (
      debrief_library_entry_get_title (debrief_library_lookup (fixture->library, ids->pdata[0])),
      ==, title);

  postmortem = open_postmortem (fixture, ids->pdata[0], &from_cache, &error);
  g_assert_no_error (error);
  g_assert_true (from_cache);
  g_assert_cmpstr (og_postmortem_get_title (postmortem), ==, title);
  g_assert_nonnull (og_postmortem_get_content (postmortem));

  refresh = debrief_library_refresh_new (fixture->library, fixture->client);
  g_assert_false (run_refresh (refresh, NULL, &error));
  g_assert_error (error, OG_ERROR, OG_ERROR_NETWORK);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, ids->len);
}

/* Opening by a pasted EU link fetches, caches and adds the postmortem. */
static void
test_open_by_link (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) ids = discoverable_ids (fixture);
  g_autofree char *link = g_strdup_printf ("https://acme.app.eu.opsgenie.com/postmortem/%s/detail",
                                           (char *) ids->pdata[1]);
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (GError) error = NULL;
  gboolean from_cache = TRUE;
  DebriefLibraryEntry *entry;

  postmortem = open_postmortem (fixture, link, &from_cache, &error);
  g_assert_no_error (error);
  g_assert_false (from_cache);
  g_assert_cmpstr (og_postmortem_get_id (postmortem), ==, ids->pdata[1]);
  entry = debrief_library_lookup (fixture->library, ids->pdata[1]);
  g_assert_nonnull (entry);
  g_assert_cmpstr (debrief_library_entry_get_title (entry), ==,
                   og_postmortem_get_title (postmortem));
  g_assert_true (
      debrief_cache_contains (debrief_library_get_cache (fixture->library), ids->pdata[1]));
  g_assert_false (debrief_library_is_dirty (fixture->library));
}

static void
test_open_not_found (Fixture *fixture, gconstpointer data)
{
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (GError) error = NULL;

  postmortem = open_postmortem (fixture, "no-such-postmortem", NULL, &error);
  g_assert_error (error, OG_ERROR, OG_ERROR_NOT_FOUND);
  g_assert_null (postmortem);
  g_assert_null (debrief_library_lookup (fixture->library, "no-such-postmortem"));
  g_clear_error (&error);

  og_sandbox_clear_requests (fixture->sandbox);
  postmortem = open_postmortem (fixture, "https://example.com/postmortem/x", NULL, &error);
  g_assert_error (error, OG_ERROR, OG_ERROR_INVALID_ARGUMENT);
  g_assert_cmpuint (og_sandbox_get_requests (fixture->sandbox)->len, ==, 0);
}

/* Created here: in the library, fetched, on the server. */
static void
test_create (Fixture *fixture, gconstpointer data)
{
  g_autoptr (DebriefLibraryRefresh) refresh
      = debrief_library_refresh_new (fixture->library, fixture->client);
  g_autoptr (OgIncident) incident = NULL;
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (JsonNode) on_server = NULL;
  g_autoptr (GError) error = NULL;
  DebriefTestWaiter waiter = { 0 };
  DebriefLibraryEntry *entry;

  g_assert_true (run_refresh (refresh, NULL, NULL));
  incident = g_list_model_get_item (debrief_library_refresh_get_pending_incidents (refresh), 0);

  debrief_library_create_async (fixture->library, fixture->client, og_incident_get_id (incident),
                                OG_SANDBOX_ACTOR_ID, NULL, NULL, debrief_test_waiter_done, &waiter);
  postmortem = debrief_library_create_finish (fixture->library, debrief_test_waiter_wait (&waiter),
                                              &error);
  g_clear_object (&waiter.result);
  g_assert_no_error (error);

  entry = debrief_library_lookup (fixture->library, og_postmortem_get_id (postmortem));
  g_assert_nonnull (entry);
  g_assert_true (debrief_library_entry_is_fetched (entry));
  g_assert_cmpstr (debrief_library_entry_get_incident_id (entry), ==,
                   og_incident_get_id (incident));
  on_server = og_sandbox_dup_postmortem (fixture->sandbox, og_postmortem_get_id (postmortem));
  g_assert_nonnull (on_server);
}

/* Deleted: gone from the server, the library, the index on disk, the cache and drafts. */
static void
test_delete (Fixture *fixture, gconstpointer data)
{
  g_autoptr (DebriefLibraryRefresh) refresh
      = debrief_library_refresh_new (fixture->library, fixture->client);
  g_autoptr (GPtrArray) ids = discoverable_ids (fixture);
  g_autoptr (OgPostmortem) working = NULL;
  g_autoptr (DebriefLibrary) again = NULL;
  g_autoptr (JsonNode) on_server = NULL;
  g_autoptr (GError) error = NULL;
  DebriefDrafts *drafts = debrief_library_get_drafts (fixture->library);
  const char *id = ids->pdata[2];
  DebriefTestWaiter waiter = { 0 };

  g_assert_true (run_refresh (refresh, NULL, NULL));
  working = debrief_cache_load (debrief_library_get_cache (fixture->library), id, NULL, NULL);
  og_postmortem_set_title (working, "edited, never saved");
  debrief_drafts_update (drafts, NULL, working);
  g_assert_true (debrief_drafts_flush (drafts, NULL));
  g_assert_true (
      debrief_library_entry_get_has_draft (debrief_library_lookup (fixture->library, id)));

  debrief_library_delete_async (fixture->library, fixture->client, id, OG_SANDBOX_ACTOR_ID, NULL,
                                debrief_test_waiter_done, &waiter);
  g_assert_true (
      debrief_library_delete_finish (fixture->library, debrief_test_waiter_wait (&waiter), &error));
  g_clear_object (&waiter.result);
  g_assert_no_error (error);

  on_server = og_sandbox_dup_postmortem (fixture->sandbox, id);
  g_assert_null (on_server);
  g_assert_null (debrief_library_lookup (fixture->library, id));
  g_assert_false (debrief_cache_contains (debrief_library_get_cache (fixture->library), id));
  g_assert_false (debrief_drafts_has (drafts, id));
  again = debrief_test_library_load (fixture->directory);
  g_assert_null (debrief_library_lookup (again, id));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, ids->len - 1);
}

/* A damaged cache copy is reported through ::store-error and replaced by the fresh one. */
static void
on_store_error (DebriefLibrary *library, const GError *error, gpointer user_data)
{
  GError **first = user_data;

  if (*first == NULL)
    *first = g_error_copy (error);
}

static void
test_cache_damaged (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) ids = discoverable_ids (fixture);
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (OgPostmortem) cached = NULL;
  g_autoptr (GError) reported = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *cache_dir = g_build_filename (fixture->directory, "cache", NULL);
  g_autofree char *file = g_strconcat ((char *) ids->pdata[0], ".json", NULL);
  g_autofree char *path = g_build_filename (cache_dir, file, NULL);

  g_assert_cmpint (g_mkdir_with_parents (cache_dir, 0700), ==, 0);
  g_assert_true (
      g_file_set_contents (path, "{\"fetchedAt\": \"2026-01-01T00:00:00Z\", \"postm", -1, NULL));
  g_assert_null (debrief_cache_load (debrief_library_get_cache (fixture->library), ids->pdata[0],
                                     NULL, &error));
  g_assert_error (error, DEBRIEF_STORE_ERROR, DEBRIEF_STORE_ERROR_CORRUPT);
  g_assert_cmpuint (count_files_containing (cache_dir, ".corrupt-"), ==, 1);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, "{\"fetchedAt\": 5, \"postmortem\": []}", -1, NULL));
  g_signal_connect (fixture->library, "store-error", G_CALLBACK (on_store_error), &reported);
  postmortem = open_postmortem (fixture, ids->pdata[0], NULL, &error);
  g_assert_no_error (error);
  g_assert_error (reported, DEBRIEF_STORE_ERROR, DEBRIEF_STORE_ERROR_CORRUPT);
  g_assert_cmpuint (count_files_containing (cache_dir, ".corrupt-"), ==, 2);
  cached = debrief_cache_load (debrief_library_get_cache (fixture->library), ids->pdata[0], NULL,
                               &error);
  g_assert_no_error (error);
  g_assert_cmpstr (og_postmortem_get_title (cached), ==, og_postmortem_get_title (postmortem));
}

#define LOCAL_TEST(path, func) \
  g_test_add (path, Fixture, NULL, local_set_up, func, debrief_test_library_fixture_tear_down)
#define NETWORK_TEST(path, func) \
  g_test_add (path, Fixture, NULL, network_set_up, func, debrief_test_library_fixture_tear_down)

int
main (int argc, char **argv)
{
  g_autofree char *data_home = g_dir_make_tmp ("debrief-xdg-XXXXXX", NULL);

  /* Before anything asks GLib for it: the tests never touch the user's data. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  LOCAL_TEST ("/library/index/round-trip", test_index_round_trip);
  LOCAL_TEST ("/library/index/missing", test_index_missing);
  LOCAL_TEST ("/library/index/saved-at-close", test_index_saved_at_close);
  LOCAL_TEST ("/library/index/crash-before-rename", test_index_crash_before_rename);
  for (guint i = 0; i < G_N_ELEMENTS (damage_names); i++)
    {
      g_autofree char *path = g_strdup_printf ("/library/index/damaged/%s", damage_names[i]);

      g_test_add (path, Fixture, GUINT_TO_POINTER (i), local_set_up, test_index_damaged,
                  debrief_test_library_fixture_tear_down);
    }
  LOCAL_TEST ("/library/index/unreadable", test_index_unreadable);
  LOCAL_TEST ("/library/filter", test_filter);
  g_test_add_func ("/library/account-directory", test_account_directory);
  for (guint i = 0; i < G_N_ELEMENTS (reference_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/library/reference/%02u", i);

      g_test_add_data_func (path, &reference_cases[i], test_reference);
    }

  NETWORK_TEST ("/library/refresh/discovers", test_refresh_discovers);
  NETWORK_TEST ("/library/refresh/only-what-changed", test_refresh_only_what_changed);
  NETWORK_TEST ("/library/refresh/bounded", test_refresh_bounded);
  NETWORK_TEST ("/library/refresh/rate-limited", test_refresh_rate_limited);
  NETWORK_TEST ("/library/refresh/rate-limit-outlasts-retries",
                test_refresh_rate_limit_outlasts_retries);
  NETWORK_TEST ("/library/refresh/dropped-connection", test_refresh_dropped_connection);
  NETWORK_TEST ("/library/refresh/deleted-elsewhere", test_refresh_deleted_elsewhere);
  NETWORK_TEST ("/library/refresh/discovery-fails", test_refresh_discovery_fails);
  NETWORK_TEST ("/library/refresh/cancel", test_refresh_cancel);
  NETWORK_TEST ("/library/offline/serves-cache", test_offline_serves_cache);
  NETWORK_TEST ("/library/open/by-link", test_open_by_link);
  NETWORK_TEST ("/library/open/not-found", test_open_not_found);
  NETWORK_TEST ("/library/create", test_create);
  NETWORK_TEST ("/library/delete", test_delete);
  NETWORK_TEST ("/library/cache/damaged", test_cache_damaged);

  {
    int status = g_test_run ();

    g_rmdir (data_home);
    return status;
  }
}
