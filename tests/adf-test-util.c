/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "adf-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

/* Files per node process: far below any argv limit, and a few hundred documents a second. */
#define BATCH 400

gboolean
adf_test_have_node (void)
{
  g_autofree char *node = g_find_program_in_path ("node");

  if (node != NULL)
    return TRUE;
  if (g_getenv ("CI") != NULL)
    {
      g_test_message ("node is not installed, and CI is set: Atlassian's validator must run");
      g_test_fail ();
    }
  else
    g_test_skip ("node is not installed: Atlassian's validator cannot run");
  return FALSE;
}

/* Runs the validator on files[from, to) and fills their verdicts. */
static gboolean
run_batch (const char *const *files, guint from, guint to, gboolean *verdicts, char **messages)
{
  g_autofree char *bundle
      = g_test_build_filename (G_TEST_DIST, "adf", "validator", "validate-adf.bundle.cjs", NULL);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto (GStrv) lines = NULL;
  int status = 0;

  g_ptr_array_add (argv, (char *) "node");
  g_ptr_array_add (argv, bundle);
  for (guint i = from; i < to; i++)
    {
      g_ptr_array_add (argv, (char *) files[i]);
      g_hash_table_insert (index, (char *) files[i], GUINT_TO_POINTER (i + 1));
    }
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                     &status, &error))
    {
      g_test_message ("cannot run node: %s", error->message);
      g_test_fail ();
      return FALSE;
    }
  /* 0: all valid, 1: some invalid; anything else is the tool failing. */
  if (!g_spawn_check_wait_status (status, &error)
      && !g_error_matches (error, G_SPAWN_EXIT_ERROR, 1))
    {
      g_test_message ("validate-adf failed (%d): %s", status, err);
      g_test_fail ();
      return FALSE;
    }

  for (guint i = from; i < to; i++)
    verdicts[i] = -1;

  lines = g_strsplit (out, "\n", -1);
  for (guint l = 0; lines[l] != NULL; l++)
    {
      const char *line = lines[l];
      gboolean ok = g_str_has_prefix (line, "OK ");
      const char *path;
      g_autofree char *name = NULL;
      gpointer found;

      if (!ok && !g_str_has_prefix (line, "INVALID "))
        continue;
      path = line + (ok ? 3 : 8);
      if (ok)
        name = g_strdup (path);
      else
        {
          const char *colon = strstr (path, ": ");

          /* A path may hold ": " too: take the longest prefix that names one of ours. */
          while (colon != NULL)
            {
              g_autofree char *candidate = g_strndup (path, colon - path);

              if (g_hash_table_contains (index, candidate))
                {
                  name = g_steal_pointer (&candidate);
                  break;
                }
              colon = strstr (colon + 2, ": ");
            }
          if (name == NULL)
            name = g_strdup (path);
        }

      found = g_hash_table_lookup (index, name);
      if (found == NULL)
        continue;
      verdicts[GPOINTER_TO_UINT (found) - 1] = ok;
      if (!ok && messages != NULL)
        messages[GPOINTER_TO_UINT (found) - 1] = g_strdup (line);
    }

  for (guint i = from; i < to; i++)
    if (verdicts[i] != TRUE && verdicts[i] != FALSE)
      {
        g_test_message ("validate-adf said nothing about %s: %s", files[i], err);
        g_test_fail ();
        return FALSE;
      }
  return TRUE;
}

gboolean
adf_test_atlassian_verdicts_files (const char *const *files, gboolean **verdicts, GStrv *messages)
{
  guint n = g_strv_length ((char **) files);
  g_autofree gboolean *result = g_new0 (gboolean, n + 1);
  g_auto (GStrv) texts = g_new0 (char *, n + 1);

  if (!adf_test_have_node ())
    return FALSE;

  for (guint from = 0; from < n; from += BATCH)
    if (!run_batch (files, from, MIN (n, from + BATCH), result, texts))
      return FALSE;

  *verdicts = g_steal_pointer (&result);
  if (messages != NULL)
    *messages = g_steal_pointer (&texts);
  return TRUE;
}

gboolean
adf_test_atlassian_verdicts (GPtrArray *docs, gboolean **verdicts, GStrv *messages)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  gboolean ok;

  if (!adf_test_have_node ())
    return FALSE;

  dir = g_dir_make_tmp ("adf-test-XXXXXX", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < docs->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("doc-%05u.json", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      json_generator_set_root (generator, g_ptr_array_index (docs, i));
      json_generator_to_file (generator, path, &error);
      g_assert_no_error (error);
      g_ptr_array_add (files, g_steal_pointer (&path));
    }
  g_ptr_array_add (files, NULL);

  ok = adf_test_atlassian_verdicts_files ((const char *const *) files->pdata, verdicts, messages);

  for (guint i = 0; i + 1 < files->len; i++)
    g_unlink (g_ptr_array_index (files, i));
  g_rmdir (dir);
  return ok;
}

gboolean
adf_test_atlassian_accepts (JsonNode *doc, char **out_message)
{
  g_autoptr (GPtrArray) docs = g_ptr_array_new ();
  g_autofree gboolean *verdicts = NULL;
  g_auto (GStrv) messages = NULL;

  g_ptr_array_add (docs, doc);
  if (!adf_test_atlassian_verdicts (docs, &verdicts, &messages))
    {
      if (out_message != NULL)
        *out_message = g_strdup ("Atlassian's validator could not run");
      return FALSE;
    }
  if (!verdicts[0] && out_message != NULL)
    *out_message = g_strdup (messages[0]);
  return verdicts[0];
}
