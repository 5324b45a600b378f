/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "debrief-library.h"
#include "og-client.h"
#include "og-sandbox.h"

G_BEGIN_DECLS

/* What the tests and benchmarks of the local library share (the store layer, no GTK). */

/* The fixture (for g_test_add) of the library's tests: a library in a temporary folder and,
 * for the tests that go over the network, a sandbox and its client. Each test program sets
 * it up its own way. */
typedef struct
{
  char *directory;
  DebriefLibrary *library;
  OgSandbox *sandbox; /* NULL for the tests that stay local */
  OgClient *client;
} DebriefTestLibraryFixture;

/* Drops the library, stops the sandbox (if any) and removes the folder. */
void debrief_test_library_fixture_tear_down (DebriefTestLibraryFixture *fixture,
                                             gconstpointer data);

/* @directory's library, loaded: the test fails when it cannot be. */
DebriefLibrary *debrief_test_library_load (const char *directory);

/* Adds @n_entries fetched entries to @library, as the application would have left them:
 * titles and incidents of words drawn with @seed, 40 owners, every severity and status.
 * The same @seed gives the same entries. */
void debrief_test_fill_library (DebriefLibrary *library, guint n_entries, guint32 seed);

G_END_DECLS
