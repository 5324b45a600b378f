/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "debrief-test-util.h"

/* The sandbox and its client, apart from the rest of debrief-test-util: a program that needs
 * neither (a benchmark) does not link the client and libsoup with them. */

/* Far below any delay a test waits for, and the sandbox answers at once. */
#define CLIENT_RETRY_DELAY_MS 20

OgSandbox *
debrief_test_sandbox_new (void)
{
  OgSandbox *sandbox = og_sandbox_new ();
  g_autoptr (GError) error = NULL;

  g_assert_true (og_sandbox_start (sandbox, &error));
  g_assert_no_error (error);
  return sandbox;
}

OgClient *
debrief_test_client_new (OgSandbox *sandbox)
{
  g_autoptr (GError) error = NULL;
  OgClient *client = og_client_new (og_sandbox_get_base_url (sandbox), &error);

  g_assert_no_error (error);
  og_client_set_api_key (client, OG_SANDBOX_API_KEY);
  og_client_set_max_retry_delay (client, CLIENT_RETRY_DELAY_MS);
  return client;
}

void
debrief_test_sandbox_stop (OgSandbox **sandbox, OgClient **client)
{
  if (client != NULL)
    g_clear_object (client);
  if (*sandbox != NULL)
    og_sandbox_stop (*sandbox);
  g_clear_object (sandbox);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

OgPostmortem *
debrief_test_sandbox_dup_postmortem (OgSandbox *sandbox, const char *id)
{
  g_autoptr (JsonNode) data = og_sandbox_dup_postmortem (sandbox, id);
  g_autoptr (GError) error = NULL;
  OgPostmortem *postmortem;

  g_assert_nonnull (data);
  postmortem = og_postmortem_new_from_json (data, &error);
  g_assert_no_error (error);
  return postmortem;
}

void
debrief_test_sandbox_fixture_set_up (DebriefTestSandboxFixture *fixture, gconstpointer data)
{
  fixture->sandbox = debrief_test_sandbox_new ();
  fixture->client = debrief_test_client_new (fixture->sandbox);
}

void
debrief_test_sandbox_fixture_tear_down (DebriefTestSandboxFixture *fixture, gconstpointer data)
{
  debrief_test_sandbox_stop (&fixture->sandbox, &fixture->client);
}
