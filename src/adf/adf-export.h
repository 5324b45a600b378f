/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/*
 * ADF to other formats, for export and for the clipboard. doc should be a document
 * adf_parse accepted (strict or with ADF_VALIDATE_ALLOW_UNKNOWN); anything else gives a
 * best effort, never a crash. Nodes these formats cannot express (tables in text, panels in
 * Markdown, islands) export their content, never their JSON. Each returns a new string.
 */

/* CommonMark with GFM tables, strikethrough and task lists. Text is escaped. */
char *adf_export_markdown (JsonNode *doc);

/* An HTML fragment (no <html>/<body>). Everything is escaped; only http:, https: and mailto:
 * links become anchors, any other href stays plain text. */
char *adf_export_html (JsonNode *doc);

/* Plain text: blocks separated by blank lines, lists with "- " and "1. " markers. */
char *adf_export_text (JsonNode *doc);

G_END_DECLS
