/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What the exporters share: reading nodes defensively (a document may not have been
 * validated), and the words that stand for what a format cannot show. */

/* Exporters stop descending here, so that no input can exhaust the stack. */
#define ADF_EXPORT_MAX_DEPTH 256

const char *_adf_node_type (JsonNode *node);
JsonArray *_adf_node_content (JsonNode *node);
JsonObject *_adf_node_attrs (JsonNode *node);
const char *_adf_node_attr (JsonNode *node, const char *name);
gboolean _adf_node_attr_number (JsonNode *node, const char *name, double *out);

/* "Info", "Warning", … for a panelType */
const char *_adf_panel_label (const char *panel_type);

/* yyyy-mm-dd (UTC) of an ADF date's millisecond timestamp, or a copy of it when unreadable */
char *_adf_format_date (const char *timestamp);

/* How a mention, an emoji, a status or a card reads in text */
char *_adf_mention_text (JsonNode *node);
const char *_adf_emoji_text (JsonNode *node);
char *_adf_status_text (JsonNode *node);
const char *_adf_card_url (JsonNode *node);
char *_adf_media_text (JsonNode *node);

/* The text of every text node below node (for node types no exporter knows) */
void _adf_collect_text (JsonNode *node, GString *out, guint depth);

/* http:, https: or mailto: (after trimming spaces, any case) */
gboolean _adf_is_web_url (const char *url);

G_END_DECLS
