/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "adf-parse.h"
#include "adf-tree-private.h"

G_BEGIN_DECLS

/* adf_parse() for a reader that only reads the document it gets (adf_buffer_load_data): the
 * validated document stays in the tree returned, *doc its document object. */
AdfTree *_adf_parse_tree (const char *data,
                          gssize length,
                          AdfValidateFlags flags,
                          AdfValue *doc,
                          GError **error);

/* adf_parse() the other way round, for tests: the text read, built into JsonNodes unchecked,
 * then validated as a document built in memory is. The same verdict, message and document
 * as adf_parse(), or the validator reads one kind of tree unlike the other. */
JsonNode *
_adf_parse_via_node (const char *data, gssize length, AdfValidateFlags flags, GError **error);

/* "an object", "a string", "null", … as messages name a JSON value's type */
const char *_adf_describe_json (JsonNode *node);

/* Every node below node copied, values included (json_node_copy shares them). Recurses:
 * call it on validated documents only, whose depth is bounded. */
JsonNode *_adf_json_deep_copy (JsonNode *node);

/* The number a value holds, for int64 and double alike; FALSE for anything else. */
gboolean _adf_json_number (JsonNode *node, double *out);

/* The string member name of object, or NULL when absent or not a string. */
const char *_adf_json_string (JsonObject *object, const char *name);

G_END_DECLS
