/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Drafts: the user's words reach the disk within the delay even while they keep typing,
 * survive a SIGKILL word for word, go away only when discarded; a damaged draft is reported
 * and kept aside; a full disk or read-only folder is an error while the copy stays in memory.
 * The full disk and the read-only folder are real: a tiny tmpfs and a read-only bind mount,
 * in a private mount namespace of a test subprocess.
 */
#define _GNU_SOURCE /* unshare */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include "debrief-drafts.h"
#include "debrief-library.h"
#include "debrief-store-io.h"
#include "debrief-test-util.h"
#include "og-sandbox.h"

#define TEST_DELAY_MS 200

static const char *self_path;

typedef struct
{
  char *root;
  char *directory; /* root/drafts */
  OgPostmortem *base;
  char *id;
} Fixture;

/* Helpers */

static OgPostmortem *
seeded_postmortem (void)
{
  g_autoptr (OgSandbox) sandbox = og_sandbox_new ();
  g_auto (GStrv) ids = og_sandbox_dup_postmortem_ids (sandbox);
  g_autoptr (JsonNode) data = og_sandbox_dup_postmortem (sandbox, ids[0]);

  return og_postmortem_new_from_json (data, NULL);
}

/* An ADF document of one paragraph holding @text. */
static JsonNode *
adf_text (const char *text)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "doc");
  json_builder_set_member_name (builder, "content");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "paragraph");
  json_builder_set_member_name (builder, "content");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "text");
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, text);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
set_text (OgPostmortem *postmortem, const char *text)
{
  g_autoptr (JsonNode) adf = adf_text (text);

  og_postmortem_set_content (postmortem, adf);
}

static char *
get_text (OgPostmortem *postmortem)
{
  JsonNode *content = og_postmortem_get_content (postmortem);
  JsonObject *doc = json_node_get_object (content);
  JsonObject *paragraph
      = json_array_get_object_element (json_object_get_array_member (doc, "content"), 0);
  JsonObject *text
      = json_array_get_object_element (json_object_get_array_member (paragraph, "content"), 0);

  return g_strdup (json_object_get_string_member (text, "text"));
}

/* "w1 w2 … wN" */
static char *
words (guint n)
{
  GString *text = g_string_new (NULL);

  for (guint i = 1; i <= n; i++)
    g_string_append_printf (text, i > 1 ? " w%u" : "w%u", i);
  return g_string_free (text, FALSE);
}

static char *
draft_path (Fixture *fixture, const char *id)
{
  g_autofree char *name = debrief_store_escape_name (id);
  g_autofree char *file = g_strconcat (name, ".json", NULL);

  return g_build_filename (fixture->directory, file, NULL);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  fixture->root = debrief_test_make_tmp_dir ("debrief-drafts-XXXXXX");
  fixture->directory = g_build_filename (fixture->root, "drafts", NULL);
  g_assert_cmpint (g_mkdir (fixture->directory, 0700), ==, 0);
  fixture->base = seeded_postmortem ();
  fixture->id = g_strdup (og_postmortem_get_id (fixture->base));
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  debrief_test_remove_tree (fixture->root);
  g_free (fixture->root);
  g_free (fixture->directory);
  g_free (fixture->id);
  g_clear_object (&fixture->base);
}

static DebriefDrafts *
new_drafts (Fixture *fixture)
{
  DebriefDrafts *drafts = debrief_drafts_new (fixture->directory);

  debrief_drafts_set_delay (drafts, TEST_DELAY_MS);
  return drafts;
}

static void
assert_restored (Fixture *fixture, const char *expected)
{
  g_autoptr (DebriefDrafts) drafts = new_drafts (fixture);
  g_autoptr (OgPostmortem) base = NULL;
  g_autoptr (OgPostmortem) working = NULL;
  g_autoptr (GDateTime) saved_at = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (debrief_drafts_has (drafts, fixture->id));
  g_assert_true (debrief_drafts_load (drafts, fixture->id, &base, &working, &saved_at, &error));
  g_assert_no_error (error);
  g_assert_nonnull (saved_at);
  text = get_text (working);
  g_assert_cmpstr (text, ==, expected);
  g_assert_true (og_postmortem_field_equal (base, fixture->base, OG_POSTMORTEM_FIELD_CONTENT));
  g_assert_cmpstr (og_postmortem_get_title (working), ==, og_postmortem_get_title (fixture->base));
}

/* Tests */

static void
test_journal_after_delay (Fixture *fixture, gconstpointer data)
{
  g_autoptr (DebriefDrafts) drafts = new_drafts (fixture);
  g_autoptr (OgPostmortem) working = og_postmortem_copy (fixture->base);
  g_autofree char *path = draft_path (fixture, fixture->id);
  gint64 start = g_get_monotonic_time ();

  set_text (working, "first words");
  debrief_drafts_update (drafts, fixture->base, working);
  g_assert_true (debrief_drafts_is_pending (drafts, fixture->id));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  while (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
    }
  g_assert_cmpint (g_get_monotonic_time () - start, >=, (TEST_DELAY_MS - 20) * 1000);
  g_assert_false (debrief_drafts_is_pending (drafts, fixture->id));
  assert_restored (fixture, "first words");
}

/* A user who never pauses is journaled anyway: the timer is not pushed back by changes. */
static void
test_journal_while_typing (Fixture *fixture, gconstpointer data)
{
  g_autoptr (DebriefDrafts) drafts = new_drafts (fixture);
  g_autoptr (OgPostmortem) working = og_postmortem_copy (fixture->base);
  g_autofree char *path = draft_path (fixture, fixture->id);
  gboolean written_while_typing = FALSE;

  for (guint i = 1; i <= 30; i++)
    {
      g_autofree char *text = words (i);

      set_text (working, text);
      debrief_drafts_update (drafts, fixture->base, working);
      debrief_test_spin (25);
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        written_while_typing = TRUE;
    }
  g_assert_true (written_while_typing);

  g_assert_true (debrief_drafts_flush (drafts, NULL));
  {
    g_autofree char *all = words (30);
    assert_restored (fixture, all);
  }
}

/* Closing writes what the timer has not yet. */
static void
test_flush_at_close (Fixture *fixture, gconstpointer data)
{
  DebriefDrafts *drafts = new_drafts (fixture);
  g_autoptr (OgPostmortem) working = og_postmortem_copy (fixture->base);

  debrief_drafts_set_delay (drafts, 60 * 1000);
  set_text (working, "said just before closing");
  debrief_drafts_update (drafts, fixture->base, working);
  g_object_unref (drafts);

  assert_restored (fixture, "said just before closing");
}

static void
test_discard (Fixture *fixture, gconstpointer data)
{
  g_autoptr (DebriefDrafts) drafts = new_drafts (fixture);
  g_autoptr (OgPostmortem) working = og_postmortem_copy (fixture->base);
  g_autofree char *path = draft_path (fixture, fixture->id);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) ids = NULL;

  set_text (working, "to be thrown away");
  debrief_drafts_update (drafts, fixture->base, working);
  g_assert_true (debrief_drafts_flush (drafts, &error));
  g_assert_no_error (error);
  ids = debrief_drafts_dup_ids (drafts);
  g_assert_cmpuint (g_strv_length (ids), ==, 1);
  g_assert_cmpstr (ids[0], ==, fixture->id);

  g_assert_true (debrief_drafts_discard (drafts, fixture->id, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (debrief_drafts_has (drafts, fixture->id));
  {
    g_autoptr (DebriefDrafts) again = new_drafts (fixture);
    g_assert_false (debrief_drafts_has (again, fixture->id));
    g_assert_false (debrief_drafts_load (again, fixture->id, NULL, NULL, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  }
}

/* A child process that types, for the kill test: "--type DIR N" types N words (a word every
 * 20 ms) then idles; N = 0 types for ever. Prints "WORD k" after each word, "TYPED" at the
 * end. Never exits by itself. */
static int
child_type (const char *directory, guint n_words)
{
  g_autoptr (DebriefDrafts) drafts = debrief_drafts_new (directory);
  g_autoptr (OgPostmortem) base = seeded_postmortem ();
  g_autoptr (OgPostmortem) working = og_postmortem_copy (base);

  debrief_drafts_set_delay (drafts, TEST_DELAY_MS);
  for (guint i = 1; n_words == 0 || i <= n_words; i++)
    {
      g_autofree char *text = words (i);

      set_text (working, text);
      debrief_drafts_update (drafts, base, working);
      g_print ("WORD %u\n", i);
      fflush (stdout);
      debrief_test_spin (20);
    }
  g_print ("TYPED\n");
  fflush (stdout);
  for (;;)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}

typedef struct
{
  GPid pid;
  int out_fd;
} Child;

static void
child_spawn (Child *child, Fixture *fixture, guint n_words)
{
  g_autofree char *count = g_strdup_printf ("%u", n_words);
  const char *argv[] = { self_path, "--type", fixture->directory, count, NULL };
  g_autoptr (GError) error = NULL;

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &child->pid, NULL, &child->out_fd, NULL, &error);
  g_assert_no_error (error);
}

/* One line of the child's output (blocking: the child runs on its own). */
static char *
child_read_line (Child *child)
{
  GString *line = g_string_new (NULL);
  char c;

  for (;;)
    {
      ssize_t n = read (child->out_fd, &c, 1);

      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, ==, 1);
      if (c == '\n')
        break;
      g_string_append_c (line, c);
    }
  return g_string_free (line, FALSE);
}

static void
child_kill (Child *child)
{
  int status = 0;

  g_assert_cmpint (kill (child->pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (child->pid, &status, 0), ==, child->pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
  g_spawn_close_pid (child->pid);
  close (child->out_fd);
}

/* Killed after the last word: a new process gets every word back. */
static void
test_kill_after_typing (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = draft_path (fixture, fixture->id);
  g_autofree char *expected = words (60);
  gint64 start;
  Child child = { 0 };

  child_spawn (&child, fixture, 60);
  for (;;)
    {
      g_autofree char *line = child_read_line (&child);
      if (g_str_equal (line, "TYPED"))
        break;
    }

  /* Within the delay of the last word the file holds it. */
  start = g_get_monotonic_time ();
  for (;;)
    {
      g_autofree char *contents = NULL;

      if (g_file_get_contents (path, &contents, NULL, NULL) && strstr (contents, "w60\"") != NULL)
        break;
      g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
      g_usleep (10 * 1000);
    }
  child_kill (&child);

  assert_restored (fixture, expected);
}

/* Killed while typing: what comes back is exactly what was on screen at one moment, at
 * most a delay's worth of words behind. */
static void
test_kill_mid_edit (Fixture *fixture, gconstpointer data)
{
  g_autoptr (DebriefDrafts) drafts = NULL;
  g_autoptr (OgPostmortem) working = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto (GStrv) parts = NULL;
  guint typed = 0;
  guint restored = 0;
  Child child = { 0 };

  child_spawn (&child, fixture, 0);
  while (typed < 40)
    {
      g_autofree char *line = child_read_line (&child);
      g_assert_true (g_str_has_prefix (line, "WORD "));
      typed = (guint) g_ascii_strtoull (line + 5, NULL, 10);
    }
  child_kill (&child);

  drafts = new_drafts (fixture);
  g_assert_true (debrief_drafts_load (drafts, fixture->id, NULL, &working, NULL, &error));
  g_assert_no_error (error);
  text = get_text (working);
  g_assert_true (g_str_has_prefix (text, "w1"));
  parts = g_strsplit (text, " ", -1);
  restored = g_strv_length (parts);
  {
    g_autofree char *exact = words (restored);
    g_assert_cmpstr (text, ==, exact);
  }
  g_test_message ("typed %u words, restored %u", typed, restored);
  g_assert_cmpuint (restored + 30, >=, typed);
}

/* Damaged drafts */

typedef enum
{
  DAMAGE_TRUNCATED,
  DAMAGE_NOT_JSON,
  DAMAGE_WRONG_TYPES,
  DAMAGE_EMPTY,
  DAMAGE_BINARY,
  DAMAGE_HUGE,
  DAMAGE_NOT_AN_OBJECT,
  DAMAGE_OTHER_ID,
  DAMAGE_UNKNOWN_VERSION,
  DAMAGE_BAD_POSTMORTEM,
} Damage;

static const char *const damage_names[] = {
  "truncated", "not-json",      "wrong-types", "empty",           "binary-garbage",
  "huge",      "not-an-object", "another-id",  "unknown-version", "bad-postmortem",
};

/* A good draft's bytes, to damage. */
static char *
good_draft (Fixture *fixture, gsize *length)
{
  g_autoptr (DebriefDrafts) drafts = new_drafts (fixture);
  g_autoptr (OgPostmortem) working = og_postmortem_copy (fixture->base);
  g_autofree char *path = draft_path (fixture, fixture->id);
  char *contents = NULL;

  set_text (working, "good words");
  debrief_drafts_update (drafts, fixture->base, working);
  g_assert_true (debrief_drafts_flush (drafts, NULL));
  g_assert_true (g_file_get_contents (path, &contents, length, NULL));
  return contents;
}

static void
write_damaged (Fixture *fixture, Damage damage)
{
  g_autofree char *path = draft_path (fixture, fixture->id);
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  gsize length = 0;

  good = good_draft (fixture, &length);
  switch (damage)
    {
    case DAMAGE_TRUNCATED:
      g_assert_true (g_file_set_contents (path, good, (gssize) length / 2, NULL));
      break;
    case DAMAGE_NOT_JSON:
      g_assert_true (g_file_set_contents (path, "<html>draft</html>", -1, NULL));
      break;
    case DAMAGE_WRONG_TYPES:
      bad = g_strdup_printf ("{\"version\":\"1\",\"id\":[\"%s\"],\"savedAt\":7,\"working\":42}",
                             fixture->id);
      g_assert_true (g_file_set_contents (path, bad, -1, NULL));
      break;
    case DAMAGE_EMPTY:
      g_assert_true (g_file_set_contents (path, "", 0, NULL));
      break;
    case DAMAGE_BINARY:
      {
        guint8 garbage[4096];
        g_autoptr (GRand) rand = g_rand_new_with_seed (7);

        for (guint i = 0; i < sizeof garbage; i++)
          garbage[i] = (guint8) g_rand_int_range (rand, 0, 256);
        garbage[10] = 0;
        g_assert_true (g_file_set_contents (path, (char *) garbage, sizeof garbage, NULL));
      }
      break;
    case DAMAGE_HUGE:
      {
        /* Sparse: refused by its size before a byte is read. */
        int fd = g_open (path, O_WRONLY | O_TRUNC, 0600);

        g_assert_cmpint (fd, >=, 0);
        g_assert_cmpint (ftruncate (fd, DEBRIEF_STORE_MAX_FILE_SIZE + 1), ==, 0);
        close (fd);
      }
      break;
    case DAMAGE_NOT_AN_OBJECT:
      g_assert_true (g_file_set_contents (path, "[1, 2, 3]", -1, NULL));
      break;
    case DAMAGE_OTHER_ID:
      bad = g_strdup (good);
      memcpy (strstr (bad, fixture->id), "XXXX", 4);
      g_assert_true (g_file_set_contents (path, bad, -1, NULL));
      break;
    case DAMAGE_UNKNOWN_VERSION:
      bad = g_strdup (good);
      memcpy (strstr (bad, "\"version\":1"), "\"version\":9", strlen ("\"version\":9"));
      g_assert_true (g_file_set_contents (path, bad, -1, NULL));
      break;
    case DAMAGE_BAD_POSTMORTEM:
      bad = g_strdup_printf ("{\"version\":1,\"id\":\"%s\",\"savedAt\":\"2026-01-01T00:00:00Z\","
                             "\"working\":{\"postmortemId\":\"%s\",\"severity\":\"P9\"}}",
                             fixture->id, fixture->id);
      g_assert_true (g_file_set_contents (path, bad, -1, NULL));
      break;
    default:
      g_assert_not_reached ();
    }
}

static guint
count_corrupt_copies (Fixture *fixture)
{
  g_autoptr (GDir) dir = g_dir_open (fixture->directory, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (strstr (name, ".json.corrupt-") != NULL)
      n++;
  return n;
}

static void
on_changed (DebriefDrafts *drafts, const char *id, gpointer user_data)
{
  (*(guint *) user_data)++;
}

/* Reported with where the file went, moved aside (not deleted), never a crash; the draft
 * is then gone from the list. */
static void
test_damaged (Fixture *fixture, gconstpointer data)
{
  Damage damage = GPOINTER_TO_UINT (data);
  g_autofree char *path = draft_path (fixture, fixture->id);
  g_autoptr (DebriefDrafts) drafts = NULL;
  g_autoptr (OgPostmortem) working = NULL;
  g_autoptr (GError) error = NULL;
  guint n_changed = 0;

  write_damaged (fixture, damage);
  drafts = new_drafts (fixture);
  g_signal_connect (drafts, "changed", G_CALLBACK (on_changed), &n_changed);
  g_assert_true (debrief_drafts_has (drafts, fixture->id));

  g_assert_false (debrief_drafts_load (drafts, fixture->id, NULL, &working, NULL, &error));
  g_assert_error (error, DEBRIEF_STORE_ERROR, DEBRIEF_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, ".corrupt-"));
  g_assert_null (working);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_corrupt_copies (fixture), ==, 1);
  g_assert_false (debrief_drafts_has (drafts, fixture->id));
  g_assert_cmpuint (n_changed, ==, 1);
}

/* Full disk and read-only folder, for real */

/* A private mount namespace for this (sub)process: as root directly, otherwise through a
 * user namespace. FALSE when the system allows neither. */
static gboolean
isolate_mounts (void)
{
  if (unshare (CLONE_NEWNS) != 0)
    {
      uid_t uid = getuid ();
      gid_t gid = getgid ();
      g_autofree char *uid_map = g_strdup_printf ("0 %u 1", (guint) uid);
      g_autofree char *gid_map = g_strdup_printf ("0 %u 1", (guint) gid);

      if (unshare (CLONE_NEWUSER | CLONE_NEWNS) != 0
          || !g_file_set_contents ("/proc/self/setgroups", "deny", -1, NULL)
          || !g_file_set_contents ("/proc/self/uid_map", uid_map, -1, NULL)
          || !g_file_set_contents ("/proc/self/gid_map", gid_map, -1, NULL))
        return FALSE;
    }

  return mount ("none", "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0;
}

/* Whether isolate_mounts works here, tried in a throwaway child. */
static gboolean
can_isolate_mounts (void)
{
  int status = 0;
  pid_t pid = fork ();

  if (pid == 0)
    _exit (isolate_mounts () ? 0 : 1);
  g_assert_cmpint (pid, >, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

typedef struct
{
  guint n_failed;
  GError *error;
} Failures;

static void
on_write_failed (DebriefDrafts *drafts, const char *id, const GError *error, gpointer user_data)
{
  Failures *failures = user_data;

  failures->n_failed++;
  g_clear_error (&failures->error);
  failures->error = g_error_copy (error);
}

/* The journal write fails with @code: ::write-failed says so, the words stay in memory
 * (load gives them back), flush reports the error; once @repair has run, a flush writes. */
static void
expect_write_failure (Fixture *fixture,
                      const char *directory,
                      GIOErrorEnum code,
                      void (*repair) (const char *directory))
{
  g_autoptr (DebriefDrafts) drafts = debrief_drafts_new (directory);
  g_autoptr (OgPostmortem) working = og_postmortem_copy (fixture->base);
  g_autoptr (OgPostmortem) in_memory = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *long_text = g_strnfill (256 * 1024, 'x');
  Failures failures = { 0 };
  gint64 start = g_get_monotonic_time ();

  debrief_drafts_set_delay (drafts, 50);
  g_signal_connect (drafts, "write-failed", G_CALLBACK (on_write_failed), &failures);
  set_text (working, long_text);
  debrief_drafts_update (drafts, fixture->base, working);
  while (failures.n_failed == 0)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
    }
  g_assert_error (failures.error, G_IO_ERROR, (gint) code);
  g_assert_true (debrief_drafts_is_pending (drafts, fixture->id));
  g_assert_true (debrief_drafts_load (drafts, fixture->id, NULL, &in_memory, NULL, NULL));
  g_assert_true (og_postmortem_field_equal (in_memory, working, OG_POSTMORTEM_FIELD_CONTENT));

  g_assert_false (debrief_drafts_flush (drafts, &error));
  g_assert_error (error, G_IO_ERROR, (gint) code);
  g_clear_error (&error);
  g_clear_error (&failures.error);

  repair (directory);
  g_assert_true (debrief_drafts_flush (drafts, &error));
  g_assert_no_error (error);
  g_assert_false (debrief_drafts_is_pending (drafts, fixture->id));
}

static void
grow_tmpfs (const char *directory)
{
  g_assert_cmpint (mount ("none", directory, NULL, MS_REMOUNT, "size=4m"), ==, 0);
}

static void
make_writable (const char *directory)
{
  g_assert_cmpint (mount ("none", directory, NULL, MS_REMOUNT | MS_BIND, NULL), ==, 0);
}

static void
test_no_space (Fixture *fixture, gconstpointer data)
{
  if (g_test_subprocess ())
    {
      g_autoptr (DebriefLibrary) library = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *index = NULL;

      g_assert_true (isolate_mounts ());
      /* 64 KiB: a draft of 256 KiB does not fit. */
      g_assert_cmpint (mount ("tmpfs", fixture->directory, "tmpfs", 0, "size=64k"), ==, 0);
      expect_write_failure (fixture, fixture->directory, G_IO_ERROR_NO_SPACE, grow_tmpfs);

      /* The index too: a library of long titles on a full disk stays whole in memory. */
      index = g_build_filename (fixture->root, "library", NULL);
      g_assert_cmpint (g_mkdir (index, 0700), ==, 0);
      g_assert_cmpint (mount ("tmpfs", index, "tmpfs", 0, "size=8k"), ==, 0);
      library = debrief_library_new_for_directory (index);
      for (guint i = 0; i < 2000; i++)
        {
          g_autofree char *id = g_strdup_printf ("pm-%u", i);
          debrief_library_add (library, id);
        }
      g_assert_false (debrief_library_save (library, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      g_assert_true (debrief_library_is_dirty (library));
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 2000);
      return;
    }

  if (!can_isolate_mounts ())
    {
      g_test_skip ("no mount namespace for a small tmpfs (not root, no user namespaces)");
      return;
    }
  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_read_only (Fixture *fixture, gconstpointer data)
{
  if (g_test_subprocess ())
    {
      g_assert_true (isolate_mounts ());
      /* Root ignores permission bits: a read-only bind mount refuses even root. */
      g_assert_cmpint (mount (fixture->directory, fixture->directory, NULL, MS_BIND, NULL), ==, 0);
      g_assert_cmpint (
          mount ("none", fixture->directory, NULL, MS_REMOUNT | MS_BIND | MS_RDONLY, NULL), ==, 0);
      expect_write_failure (fixture, fixture->directory, G_IO_ERROR_READ_ONLY, make_writable);
      return;
    }

  if (!can_isolate_mounts ())
    {
      g_test_skip ("no mount namespace for a read-only bind mount");
      return;
    }
  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char **argv)
{
  self_path = argv[0];
  if (argc == 4 && g_str_equal (argv[1], "--type"))
    return child_type (argv[2], (guint) g_ascii_strtoull (argv[3], NULL, 10));

  g_test_init (&argc, &argv, NULL);

  ADD_TEST ("/drafts/journal/after-delay", test_journal_after_delay);
  ADD_TEST ("/drafts/journal/while-typing", test_journal_while_typing);
  ADD_TEST ("/drafts/journal/flush-at-close", test_flush_at_close);
  ADD_TEST ("/drafts/discard", test_discard);
  ADD_TEST ("/drafts/kill/after-typing", test_kill_after_typing);
  ADD_TEST ("/drafts/kill/mid-edit", test_kill_mid_edit);
  for (guint i = 0; i < G_N_ELEMENTS (damage_names); i++)
    {
      g_autofree char *path = g_strdup_printf ("/drafts/damaged/%s", damage_names[i]);

      g_test_add (path, Fixture, GUINT_TO_POINTER (i), fixture_set_up, test_damaged,
                  fixture_tear_down);
    }
  ADD_TEST ("/drafts/disk/no-space", test_no_space);
  ADD_TEST ("/drafts/disk/read-only", test_read_only);

  return g_test_run ();
}
