/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "adf-buffer.h"

G_BEGIN_DECLS

#define DEBRIEF_TYPE_RICH_TEXT (debrief_rich_text_get_type ())
G_DECLARE_FINAL_TYPE (DebriefRichText, debrief_rich_text, DEBRIEF, RICH_TEXT, GtkWidget)

GtkWidget *debrief_rich_text_new (void);

AdfBuffer *debrief_rich_text_get_buffer (DebriefRichText *self);
gboolean debrief_rich_text_load (DebriefRichText *self, JsonNode *adf, GError **error);
JsonNode *debrief_rich_text_write (DebriefRichText *self);

gboolean debrief_rich_text_get_editable (DebriefRichText *self);
void debrief_rich_text_set_editable (DebriefRichText *self, gboolean editable);

const char *debrief_rich_text_get_label (DebriefRichText *self);
void debrief_rich_text_set_label (DebriefRichText *self, const char *label);

G_END_DECLS
