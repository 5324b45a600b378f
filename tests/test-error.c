/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>

#include "og-error.h"

static void
test_status_codes (void)
{
  static const struct
  {
    guint status;
    OgErrorCode code;
  } cases[] = {
    { 400, OG_ERROR_BAD_REQUEST },      { 401, OG_ERROR_UNAUTHORIZED },
    { 402, OG_ERROR_PAYMENT_REQUIRED }, { 403, OG_ERROR_FORBIDDEN },
    { 404, OG_ERROR_NOT_FOUND },        { 405, OG_ERROR_METHOD_NOT_ALLOWED },
    { 409, OG_ERROR_CONFLICT },         { 413, OG_ERROR_TOO_LARGE },
    { 422, OG_ERROR_INVALID },          { 428, OG_ERROR_PRECONDITION },
    { 429, OG_ERROR_RATE_LIMITED },     { 500, OG_ERROR_SERVER },
    { 502, OG_ERROR_SERVER },           { 503, OG_ERROR_SERVER },
    { 599, OG_ERROR_SERVER },           { 418, OG_ERROR_BAD_RESPONSE },
    { 302, OG_ERROR_BAD_RESPONSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (og_error_code_from_status (cases[i].status), ==, cases[i].code);
}

/* The user sees what happened, what Opsgenie said, which fields, and the request id. */
static void
test_message_keeps_details (void)
{
  g_autoptr (GHashTable) fields = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GError) error = NULL;

  g_hash_table_insert (fields, "title", "must not be empty");
  g_hash_table_insert (fields, "severity", "must be one of P1, P2, P3, P4, P5");

  error = og_error_new_from_response (422, "Invalid request", fields, "req-42", 0);

  g_assert_error (error, OG_ERROR, OG_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Opsgenie refused a value."));
  g_assert_nonnull (strstr (error->message, "“Invalid request”"));
  g_assert_nonnull (strstr (error->message, "title: must not be empty."));
  g_assert_nonnull (strstr (error->message, "severity: must be one of P1, P2, P3, P4, P5."));
  g_assert_nonnull (strstr (error->message, "req-42"));
  /* sorted, so the message does not depend on hashing */
  g_assert_true (strstr (error->message, "severity:") < strstr (error->message, "title:"));

  g_assert_cmpuint (og_error_get_http_status (error), ==, 422);
  g_assert_cmpstr (og_error_get_server_message (error), ==, "Invalid request");
  g_assert_cmpstr (og_error_get_request_id (error), ==, "req-42");
  g_assert_cmpstr (g_hash_table_lookup (og_error_get_field_errors (error), "title"), ==,
                   "must not be empty");
}

/* The details survive g_error_copy (GTask copies errors on the way to the UI). */
static void
test_details_survive_copy (void)
{
  g_autoptr (GError) error = og_error_new_from_response (429, NULL, NULL, "r-1", 60);
  g_autoptr (GError) copy = g_error_copy (error);

  g_assert_error (copy, OG_ERROR, OG_ERROR_RATE_LIMITED);
  g_assert_cmpstr (copy->message, ==, error->message);
  g_assert_cmpstr (og_error_get_request_id (copy), ==, "r-1");
  g_assert_cmpuint (og_error_get_retry_after (copy), ==, 60);
  g_assert_cmpuint (og_error_get_http_status (copy), ==, 429);
}

static void
test_other_domains_have_no_details (void)
{
  g_autoptr (GError) io = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "x");
  g_autoptr (GError) plain = g_error_new_literal (OG_ERROR, OG_ERROR_NETWORK, "offline");

  g_assert_null (og_error_get_request_id (io));
  g_assert_cmpuint (og_error_get_http_status (io), ==, 0);
  g_assert_null (og_error_get_request_id (NULL));
  g_assert_null (og_error_get_request_id (plain));
  g_assert_null (og_error_get_field_errors (plain));
}

/* Every class has its own first sentence: the user can tell them apart. */
static void
test_sentences_distinct (void)
{
  static const guint statuses[] = { 400, 401, 402, 403, 404, 405, 409, 413, 422, 428, 429, 500 };
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autoptr (GError) error = og_error_new_from_response (statuses[i], NULL, NULL, NULL, 0);

      g_assert_cmpstr (error->message, !=, "");
      g_assert_false (g_hash_table_contains (seen, error->message));
      g_hash_table_add (seen, g_strdup (error->message));
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/error/status-codes", test_status_codes);
  g_test_add_func ("/error/message-keeps-details", test_message_keeps_details);
  g_test_add_func ("/error/details-survive-copy", test_details_survive_copy);
  g_test_add_func ("/error/other-domains", test_other_domains_have_no_details);
  g_test_add_func ("/error/sentences-distinct", test_sentences_distinct);

  return g_test_run ();
}
