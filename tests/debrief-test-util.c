/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "debrief-test-util.h"

#include <glib/gstdio.h>

static gboolean
set_flag (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
debrief_test_wait_until (DebriefTestCondition condition, gpointer data, guint timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, set_flag, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  return !timed_out;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

void
debrief_test_spin (guint ms)
{
  debrief_test_wait_until (never, NULL, ms);
}

void
debrief_test_waiter_done (GObject *object, GAsyncResult *result, gpointer user_data)
{
  DebriefTestWaiter *waiter = user_data;

  g_assert_null (waiter->result);
  waiter->result = g_object_ref (result);
}

static gboolean
has_result (gpointer data)
{
  return ((DebriefTestWaiter *) data)->result != NULL;
}

GAsyncResult *
debrief_test_waiter_wait (DebriefTestWaiter *waiter)
{
  DEBRIEF_TEST_WAIT_FOR (has_result, waiter, "the operation");
  return waiter->result;
}

void
debrief_test_waiter_clear (DebriefTestWaiter *waiter)
{
  g_clear_object (&waiter->result);
}

JsonNode *
debrief_test_adf_paragraph (const char *text)
{
  g_autofree char *json
      = g_strdup_printf ("{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\","
                         "\"content\":[{\"type\":\"text\",\"text\":\"%s\"}]}]}",
                         text);

  return json_from_string (json, NULL);
}

char *
debrief_test_make_tmp_dir (const char *tmpl)
{
  g_autoptr (GError) error = NULL;
  char *path = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  return path;
}

void
debrief_test_remove_tree (const char *path)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      debrief_test_remove_tree (child);
    }
  g_remove (path);
}
