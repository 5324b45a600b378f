/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * How fast the library opens and filters with 10,000 postmortems, and what it weighs.
 * Not part of `meson test`; run it on demand:
 *
 *   ninja -C _build tests/bench-library && _build/tests/bench-library [N]
 *
 * Prints one line per figure, "BENCH <name> <value> <unit>". Goals (issue #5): load under
 * 100 ms, one filter pass under 10 ms, under 50 MB. The index is written by a child process
 * of this program, so that the peak memory (VmHWM) is that of loading and filtering alone.
 */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "debrief-library.h"
#include "debrief-test-store-util.h"
#include "debrief-test-util.h"

#define DEFAULT_N_ENTRIES 10000

static int
generate (const char *directory, guint n_entries)
{
  g_autoptr (DebriefLibrary) library = debrief_library_new_for_directory (directory);
  g_autoptr (GError) error = NULL;

  debrief_test_fill_library (library, n_entries, 5);
  if (!debrief_library_save (library, &error))
    {
      g_printerr ("could not write the index: %s\n", error->message);
      return 1;
    }
  return 0;
}

static double
peak_megabytes (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line ? g_ascii_strtod (line + strlen ("VmHWM:"), NULL) / 1024.0 : -1;
}

int
main (int argc, char **argv)
{
  g_autoptr (DebriefLibrary) library = NULL;
  g_autoptr (GPtrArray) matches = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *count = NULL;
  guint n_entries = DEFAULT_N_ENTRIES;
  gint64 start;
  double load_ms;
  double filter_ms;
  double save_ms;
  int status = 0;

  if (argc == 4 && g_str_equal (argv[1], "--generate"))
    return generate (argv[2], (guint) g_ascii_strtoull (argv[3], NULL, 10));
  if (argc == 2)
    n_entries = (guint) g_ascii_strtoull (argv[1], NULL, 10);

  directory = debrief_test_make_tmp_dir ("debrief-bench-XXXXXX");
  count = g_strdup_printf ("%u", n_entries);
  {
    const char *child[] = { argv[0], "--generate", directory, count, NULL };

    if (!g_spawn_sync (NULL, (char **) child, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                       &status, &error)
        || !g_spawn_check_wait_status (status, &error))
      g_error ("could not generate the library: %s", error->message);
  }

  start = g_get_monotonic_time ();
  library = debrief_library_new_for_directory (directory);
  if (!debrief_library_load (library, &error))
    g_error ("could not load the library: %s", error->message);
  load_ms = (g_get_monotonic_time () - start) / 1000.0;
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, n_entries);

  start = g_get_monotonic_time ();
  matches = debrief_library_filter (library, "Checkout Latency");
  filter_ms = (g_get_monotonic_time () - start) / 1000.0;

  /* Written at the end of a refresh and after an open: temporary file, fsync, rename. */
  start = g_get_monotonic_time ();
  if (!debrief_library_save (library, &error))
    g_error ("could not save the library: %s", error->message);
  save_ms = (g_get_monotonic_time () - start) / 1000.0;

  g_print ("BENCH entries %u count\n", n_entries);
  g_print ("BENCH load %.1f ms\n", load_ms);
  g_print ("BENCH filter %.2f ms\n", filter_ms);
  g_print ("BENCH filter_matches %u count\n", matches->len);
  g_print ("BENCH save %.1f ms\n", save_ms);
  g_print ("BENCH peak_memory %.1f MB\n", peak_megabytes ());

  g_clear_object (&library);
  debrief_test_remove_tree (directory);
  return 0;
}
