/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "debrief-test-store-util.h"

#include "debrief-test-util.h"

void
debrief_test_library_fixture_tear_down (DebriefTestLibraryFixture *fixture, gconstpointer data)
{
  g_clear_object (&fixture->library);
  debrief_test_sandbox_stop (&fixture->sandbox, &fixture->client);
  debrief_test_remove_tree (fixture->directory);
  g_free (fixture->directory);
}

DebriefLibrary *
debrief_test_library_load (const char *directory)
{
  DebriefLibrary *library = debrief_library_new_for_directory (directory);
  g_autoptr (GError) error = NULL;

  g_assert_true (debrief_library_load (library, &error));
  g_assert_no_error (error);
  return library;
}
