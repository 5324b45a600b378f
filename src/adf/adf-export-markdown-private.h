/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What the Markdown/text block walk (adf-export-markdown.c) and its inline half
 * (adf-export-markdown-inline.c) share. */

typedef struct
{
  gboolean markdown; /* FALSE: plain text, nothing escaped, no marks */
} AdfTextExport;

/* text, backslash-escaped where CommonMark would read markup (plain text: as is) */
void _adf_text_append_escaped (AdfTextExport *e, GString *out, const char *text);

/* A paragraph's (or heading's, cell's…) inline nodes, marks and atoms */
void _adf_text_render_inlines (AdfTextExport *e, GString *out, JsonArray *content, guint depth);

G_END_DECLS
