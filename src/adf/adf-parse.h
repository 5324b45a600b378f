/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "adf-error.h"

G_BEGIN_DECLS

/* Input larger than this is refused whole (ADF_ERROR_TOO_LARGE), never truncated: 16 MiB is
 * some thirty times the largest postmortem we have seen, and keeps a hostile 50 MB paste from
 * becoming half a million GtkTextTags. */
#define ADF_MAX_BYTES (16 * 1024 * 1024)

/* JSON nesting deeper than this is refused (ADF_ERROR_TOO_DEEP) before json-glib, which
 * recurses, sees it. A list level costs four JSON levels (list, content, item, content), so
 * this allows lists about 120 levels deep; Atlassian's validators set no bound at all. */
#define ADF_MAX_DEPTH 512

typedef enum
{
  ADF_VALIDATE_DEFAULT = 0,
  /* Node types and marks this schema does not know are accepted as opaque (kept whole,
   * unchecked inside), so that a document from a newer Atlassian editor is not refused.
   * Everything known is still checked as strictly as by default. */
  ADF_VALIDATE_ALLOW_UNKNOWN = 1 << 0,
} AdfValidateFlags;

/* Aligned by hand, as the other headers are. */
/* clang-format off */

/* data: an ADF doc object, or a JSON string holding one (the API's form; a string inside a
 * string is rejected). length may be -1 when data is NUL-terminated. Returns the validated
 * doc object (new ref), or NULL and an ADF_ERROR. */
JsonNode *adf_parse       (const char        *data,
                           gssize             length,
                           AdfValidateFlags   flags,
                           GError           **error);

/* Same from an already parsed node (an object, or a string holding one). Returns a new
 * deep copy: the caller's node is never changed or shared. */
JsonNode *adf_parse_node  (JsonNode          *node,
                           AdfValidateFlags   flags,
                           GError           **error);

/* Checks doc against Atlassian's rules (the full schema, not stage-0, and the stricter of
 * Atlassian's runtime validator and its JSON schema). Sets the first problem found. */
gboolean  adf_validate    (JsonNode          *doc,
                           AdfValidateFlags   flags,
                           GError           **error);

/* Compact (pretty FALSE) or indented JSON; members in their stored order. doc: one that
 * adf_parse returned or adf_validate accepted, whose depth is bounded: json-glib's generator
 * recurses. */
char     *adf_to_json     (JsonNode          *doc,
                           gboolean           pretty);

/* JSON equality: object member order ignored, numbers compared by value (1 == 1.0),
 * arrays in order. Does not recurse, so any depth is fine. */
gboolean  adf_json_equal  (JsonNode          *a,
                           JsonNode          *b);

/* Whether Atlassian's validator accepts url as a link href or card URL: its isSafeUrl (http,
 * https, mailto, tel, "/…", "#…" and some 35 more schemes; "" too; any line may match). A
 * link dialog can turn "www.example.com" into "https://www.example.com" before writing it. */
gboolean  adf_is_safe_url (const char        *url);

/* clang-format on */

G_END_DECLS
