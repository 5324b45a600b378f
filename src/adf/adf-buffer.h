/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define ADF_TYPE_BUFFER (adf_buffer_get_type ())
G_DECLARE_FINAL_TYPE (AdfBuffer, adf_buffer, ADF, BUFFER, GtkTextBuffer)

/* Marks the toolbar toggles. Link, text colour and sub/superscript carry a value and have
 * their own setters. */
typedef enum
{
  ADF_MARK_STRONG,
  ADF_MARK_EM,
  ADF_MARK_UNDERLINE,
  ADF_MARK_STRIKE,
  ADF_MARK_CODE,
  ADF_MARK_SUB,
  ADF_MARK_SUP,
} AdfMark;

/* What a line of text is: the toolbar's block-type menu. */
typedef enum
{
  ADF_BLOCK_PARAGRAPH,
  ADF_BLOCK_HEADING_1,
  ADF_BLOCK_HEADING_2,
  ADF_BLOCK_HEADING_3,
  ADF_BLOCK_HEADING_4,
  ADF_BLOCK_HEADING_5,
  ADF_BLOCK_HEADING_6,
  ADF_BLOCK_CODE,
  ADF_BLOCK_QUOTE,
} AdfBlockType;

typedef enum
{
  ADF_LIST_BULLET,
  ADF_LIST_ORDERED,
} AdfListKind;

AdfBuffer *adf_buffer_new (void);

gboolean adf_buffer_load (AdfBuffer *self, JsonNode *doc, GError **error);
gboolean adf_buffer_load_data (AdfBuffer *self, const char *data, gssize length, GError **error);
JsonNode *adf_buffer_write (AdfBuffer *self);

void adf_buffer_toggle_mark (AdfBuffer *self, AdfMark mark);
gboolean adf_buffer_has_mark (AdfBuffer *self, AdfMark mark);
void adf_buffer_set_link (AdfBuffer *self, const char *href, const char *title);
void adf_buffer_remove_link (AdfBuffer *self);
char *adf_buffer_get_link (AdfBuffer *self, char **title);
void adf_buffer_set_text_color (AdfBuffer *self, const char *color);
void adf_buffer_clear_formatting (AdfBuffer *self);

void adf_buffer_set_block_type (AdfBuffer *self, AdfBlockType type);
void adf_buffer_toggle_list (AdfBuffer *self, AdfListKind kind);
gboolean adf_buffer_indent (AdfBuffer *self);
gboolean adf_buffer_outdent (AdfBuffer *self);
void adf_buffer_insert_rule (AdfBuffer *self);
void adf_buffer_insert_hard_break (AdfBuffer *self);

gboolean adf_buffer_can_undo (AdfBuffer *self);
gboolean adf_buffer_can_redo (AdfBuffer *self);
void adf_buffer_undo (AdfBuffer *self);
void adf_buffer_redo (AdfBuffer *self);
void adf_buffer_break_undo_group (AdfBuffer *self);

/* Child anchors: inline atoms (mention, status…) and islands (table, panel…) */
const char *adf_buffer_anchor_kind (GtkTextChildAnchor *anchor);
gboolean adf_buffer_anchor_is_block (GtkTextChildAnchor *anchor);
char *adf_buffer_anchor_text (GtkTextChildAnchor *anchor);
const char *adf_buffer_anchor_attr (GtkTextChildAnchor *anchor, const char *name);
char *adf_buffer_describe_island (GtkTextChildAnchor *anchor);
char *adf_buffer_island_preview (GtkTextChildAnchor *anchor);

G_END_DECLS
