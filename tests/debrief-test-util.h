/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "og-client.h"
#include "og-sandbox.h"

G_BEGIN_DECLS

/*
 * What the tests of every layer share: waiting in the main loop (where the sandbox answers
 * too), a sandbox and a client for it, and temporary folders. GLib and the opsgenie layer
 * only, so that the tests without GTK link it too.
 */

/* How long a test waits for anything before it fails: far more than a busy machine needs. */
#define DEBRIEF_TEST_TIMEOUT_MS 30000

typedef gboolean (*DebriefTestCondition) (gpointer data);

/* Iterates the main loop until @condition holds; FALSE when it did not within @timeout_ms. */
gboolean debrief_test_wait_until (DebriefTestCondition condition, gpointer data, guint timeout_ms);
/* Lets the main loop run for @ms whatever happens. */
void debrief_test_spin (guint ms);

/* Waits until @condition holds, or ends the test with an error that says @what did not. */
#define DEBRIEF_TEST_WAIT_FOR(condition, data, what)                                    \
  G_STMT_START                                                                          \
  {                                                                                     \
    if (!debrief_test_wait_until ((condition), (data), DEBRIEF_TEST_TIMEOUT_MS))        \
      g_error ("%s: not within %d ms", (const char *) (what), DEBRIEF_TEST_TIMEOUT_MS); \
  }                                                                                     \
  G_STMT_END

/* An async operation's result: pass debrief_test_waiter_done and the waiter as its callback
 * and data, then debrief_test_waiter_wait; clear result before the waiter is used again. */
typedef struct
{
  GAsyncResult *result;
} DebriefTestWaiter;

void debrief_test_waiter_done (GObject *object, GAsyncResult *result, gpointer user_data);
/* The result (owned by the waiter), or an error ending the test when none came in time. */
GAsyncResult *debrief_test_waiter_wait (DebriefTestWaiter *waiter);
/* Drops the result: the waiter can wait again. */
void debrief_test_waiter_clear (DebriefTestWaiter *waiter);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DebriefTestWaiter, debrief_test_waiter_clear)

/* A sandbox started on 127.0.0.1, its state in memory. */
OgSandbox *debrief_test_sandbox_new (void);
/* A client of @sandbox with its API key, whose retries wait a few milliseconds at most. */
OgClient *debrief_test_client_new (OgSandbox *sandbox);
/* Drops the client (if any), stops and drops the sandbox (if any), and lets the main loop
 * finish what they leave behind. */
void debrief_test_sandbox_stop (OgSandbox **sandbox, OgClient **client);

/* The sandbox's copy of postmortem @id, as a model: the test fails when it has none. */
OgPostmortem *debrief_test_sandbox_dup_postmortem (OgSandbox *sandbox, const char *id);

/* The fixture (for g_test_add) of tests that need a sandbox and a client for it, no more. */
typedef struct
{
  OgSandbox *sandbox;
  OgClient *client;
} DebriefTestSandboxFixture;

void debrief_test_sandbox_fixture_set_up (DebriefTestSandboxFixture *fixture, gconstpointer data);
void debrief_test_sandbox_fixture_tear_down (DebriefTestSandboxFixture *fixture,
                                             gconstpointer data);

/* An ADF document of one paragraph holding @text (no quotes or backslashes in it). */
JsonNode *debrief_test_adf_paragraph (const char *text);

/* A new folder in the temporary directory, named after @tmpl ("debrief-x-XXXXXX"). */
char *debrief_test_make_tmp_dir (const char *tmpl);
/* Removes @path and, for a folder, everything in it; a link is removed, never followed. */
void debrief_test_remove_tree (const char *path);

G_END_DECLS
