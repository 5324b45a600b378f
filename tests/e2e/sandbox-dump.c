/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The end-to-end test's view of the sandbox's truth: prints, as one JSON array on stdout,
 * every postmortem the sandbox would serve ("data" of GET /v2/postmortem/{id}), after
 * loading STATE_FILE when it is given and exists — the state that `debrief --sandbox` keeps
 * in $XDG_DATA_HOME/debrief/sandbox/state.json. Without a state file that is the seed.
 *
 * Usage: sandbox-dump [STATE_FILE]
 *
 * The state file is read from a copy, so that a file the sandbox would set aside (damaged,
 * another version) is left where it is for the test to report.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "og-sandbox.h"

static GFile *
copy_state (const char *path, char **directory, GError **error)
{
  g_autoptr (GFile) source = g_file_new_for_path (path);
  g_autoptr (GFile) copy = NULL;

  *directory = g_dir_make_tmp ("debrief-sandbox-dump-XXXXXX", error);
  if (*directory == NULL)
    return NULL;
  copy = g_file_new_build_filename (*directory, "state.json", NULL);
  if (!g_file_copy (source, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, error))
    return NULL;
  return g_steal_pointer (&copy);
}

int
main (int argc, char **argv)
{
  g_autoptr (OgSandbox) sandbox = og_sandbox_new ();
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GFile) copy = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *directory = NULL;
  g_autofree char *text = NULL;
  g_auto (GStrv) ids = NULL;

  if (argc > 2)
    {
      g_printerr ("usage: %s [STATE_FILE]\n", argv[0]);
      return 2;
    }

  if (argc == 2 && g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      copy = copy_state (argv[1], &directory, &error);
      if (copy == NULL || !og_sandbox_set_state_file (sandbox, copy, &error))
        {
          g_printerr ("sandbox-dump: %s: %s\n", argv[1], error->message);
          return 1;
        }
    }

  ids = og_sandbox_dup_postmortem_ids (sandbox);
  json_builder_begin_array (builder);
  for (guint i = 0; ids[i] != NULL; i++)
    json_builder_add_value (builder, og_sandbox_dup_postmortem (sandbox, ids[i]));
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);

  /* Nothing was written: the copy goes, and the folder with it. */
  g_clear_object (&sandbox);
  if (copy != NULL)
    g_file_delete (copy, NULL, NULL);
  if (directory != NULL)
    g_rmdir (directory);
  return 0;
}
