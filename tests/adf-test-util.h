/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/*
 * Atlassian's own verdict on documents, for tests: runs
 * tests/adf/validator/validate-adf.bundle.cjs (found through G_TEST_SRCDIR) under node.
 * Without node the calling test is skipped, or failed when the environment sets CI.
 * node starts in ~0.3 s: check many documents with one batch call, not one call each.
 */

/* Whether Atlassian's validators accept doc (an object, or a string holding one). On
 * FALSE, out_message (may be NULL) receives the validator's INVALID line, or why it could
 * not run. Returns FALSE too when node is missing; g_test_skip/g_test_fail is then set, so
 * check g_test_failed ()/skip with adf_test_have_node () where that matters. */
gboolean adf_test_atlassian_accepts (JsonNode *doc, char **out_message);

/* Whether node and the bundle can run here; when not, skips (or fails under CI) the test. */
gboolean adf_test_have_node (void);

/* One node process for all of docs (JsonNode *): verdicts[i] is TRUE when docs[i] is accepted,
 * messages[i] (NULL-terminated array, may be NULL) its INVALID line or NULL. Returns FALSE,
 * with the test skipped or failed, when the validator could not run. */
gboolean adf_test_atlassian_verdicts (GPtrArray *docs, gboolean **verdicts, GStrv *messages);

/* The same for files already on disk (as the validator reads them: object or string form). */
gboolean
adf_test_atlassian_verdicts_files (const char *const *files, gboolean **verdicts, GStrv *messages);

G_END_DECLS
