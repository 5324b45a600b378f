/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "adf-schema"

#include "config.h"

#include "adf-schema-private.h"

#include <string.h>

/*
 * The tables. Read them beside ADF-NOTES.md §2–§5; names in comments are the JSON schema's
 * definitions (full.json), where a difference matters.
 */

#define REQ       ADF_ATTR_REQUIRED
#define NON_EMPTY ADF_ATTR_NON_EMPTY
#define END                \
  {                        \
    NULL, 0, 0, 0, 0, NULL \
  }
#define LOCAL_ID                              \
  {                                           \
    "localId", ADF_ATTR_STRING, 0, 0, 0, NULL \
  }
#define STR(name)                        \
  {                                      \
    name, ADF_ATTR_STRING, 0, 0, 0, NULL \
  }
#define NUM(name)                        \
  {                                      \
    name, ADF_ATTR_NUMBER, 0, 0, 0, NULL \
  }
#define BOOL(name)                        \
  {                                       \
    name, ADF_ATTR_BOOLEAN, 0, 0, 0, NULL \
  }
#define ENUM(name, flags, values)            \
  {                                          \
    name, ADF_ATTR_ENUM, flags, 0, 0, values \
  }
#define PATTERN(name, pattern)                                                         \
  {                                                                                    \
    name, ADF_ATTR_PATTERN, REQ, 0, 0, (const char *const *) GINT_TO_POINTER (pattern) \
  }

/* Enumerations */

static const char *const layouts_media[] = { "wide",      "full-width", "center",      "wrap-right",
                                             "wrap-left", "align-end",  "align-start", NULL };
static const char *const layouts_table[]
    = { "wide", "full-width", "center", "align-end", "align-start", "default", NULL };
static const char *const layouts_extension[] = { "wide", "full-width", "default", NULL };
static const char *const display_modes[] = { "default", "fixed", NULL };
static const char *const valigns[] = { "top", "middle", "bottom", NULL };
static const char *const panel_types[]
    = { "info", "note", "tip", "warning", "error", "success", "custom", NULL };
static const char *const task_states[] = { "TODO", "DONE", NULL };
static const char *const user_types[] = { "DEFAULT", "SPECIAL", "APP", NULL };
static const char *const media_file_types[] = { "link", "file", NULL };
static const char *const media_external_types[] = { "external", NULL };
static const char *const media_inline_types[] = { "link", "file", "image", NULL };
static const char *const width_percentage[] = { "percentage", NULL };
static const char *const width_pixel[] = { "pixel", NULL };
static const char *const hard_break_texts[] = { "\n", NULL };
static const char *const aligns[] = { "center", "end", NULL };
static const char *const subsup_types[] = { "sub", "sup", NULL };
static const char *const annotation_types[] = { "inlineComment", NULL };
static const char *const font_sizes[] = { "small", NULL };
static const char *const breakout_modes[] = { "wide", "full-width", NULL };

/* Attributes of nodes */

static const AdfAttrSpec local_id_only[] = { LOCAL_ID, END };
static const AdfAttrSpec *const attrs_local_id[] = { local_id_only, NULL };

static const AdfAttrSpec heading_a[]
    = { { "level", ADF_ATTR_NUMBER, REQ | ADF_ATTR_MIN | ADF_ATTR_MAX, 1, 6, NULL },
        LOCAL_ID,
        END };
static const AdfAttrSpec *const attrs_heading[] = { heading_a, NULL };

static const AdfAttrSpec ordered_list_a[]
    = { { "order", ADF_ATTR_NUMBER, ADF_ATTR_MIN, 0, 0, NULL }, LOCAL_ID, END };
static const AdfAttrSpec *const attrs_ordered_list[] = { ordered_list_a, NULL };

static const AdfAttrSpec code_block_a[] = { STR ("language"), STR ("uniqueId"),         LOCAL_ID,
                                            BOOL ("wrap"),    BOOL ("hideLineNumbers"), END };
static const AdfAttrSpec *const attrs_code_block[] = { code_block_a, NULL };

static const AdfAttrSpec panel_a[] = { ENUM ("panelType", REQ, panel_types),
                                       STR ("panelIcon"),
                                       STR ("panelIconId"),
                                       STR ("panelIconText"),
                                       STR ("panelColor"),
                                       LOCAL_ID,
                                       END };
static const AdfAttrSpec *const attrs_panel[] = { panel_a, NULL };

static const AdfAttrSpec table_a[] = { ENUM ("displayMode", 0, display_modes),
                                       BOOL ("isNumberColumnEnabled"),
                                       ENUM ("layout", 0, layouts_table),
                                       { "localId", ADF_ATTR_STRING, NON_EMPTY, 0, 0, NULL },
                                       NUM ("width"),
                                       END };
static const AdfAttrSpec *const attrs_table[] = { table_a, NULL };

static const AdfAttrSpec cell_a[] = { NUM ("colspan"),
                                      NUM ("rowspan"),
                                      { "colwidth", ADF_ATTR_NUMBER_ARRAY, 0, 0, 0, NULL },
                                      STR ("background"),
                                      LOCAL_ID,
                                      ENUM ("valign", 0, valigns),
                                      END };
static const AdfAttrSpec *const attrs_cell[] = { cell_a, NULL };

static const AdfAttrSpec media_single_percentage[]
    = { LOCAL_ID,
        { "width", ADF_ATTR_NUMBER, ADF_ATTR_MIN | ADF_ATTR_MAX, 0, 100, NULL },
        ENUM ("layout", REQ, layouts_media),
        ENUM ("widthType", 0, width_percentage),
        END };
static const AdfAttrSpec media_single_pixel[]
    = { LOCAL_ID,
        { "width", ADF_ATTR_NUMBER, REQ | ADF_ATTR_MIN, 0, 0, NULL },
        ENUM ("widthType", REQ, width_pixel),
        ENUM ("layout", REQ, layouts_media),
        END };
static const AdfAttrSpec *const attrs_media_single[]
    = { media_single_percentage, media_single_pixel, NULL };

static const AdfAttrSpec media_file[]
    = { ENUM ("type", REQ, media_file_types),
        LOCAL_ID,
        { "id", ADF_ATTR_STRING, REQ | NON_EMPTY, 0, 0, NULL },
        STR ("alt"),
        { "collection", ADF_ATTR_STRING, REQ, 0, 0, NULL },
        NUM ("height"),
        { "occurrenceKey", ADF_ATTR_STRING, NON_EMPTY, 0, 0, NULL },
        NUM ("width"),
        END };
static const AdfAttrSpec media_external[] = {
  ENUM ("type", REQ, media_external_types),    LOCAL_ID, STR ("alt"), NUM ("height"), NUM ("width"),
  { "url", ADF_ATTR_STRING, REQ, 0, 0, NULL }, END
};
static const AdfAttrSpec *const attrs_media[] = { media_file, media_external, NULL };

static const AdfAttrSpec media_inline_a[]
    = { ENUM ("type", 0, media_inline_types),
        LOCAL_ID,
        { "id", ADF_ATTR_STRING, REQ | NON_EMPTY, 0, 0, NULL },
        STR ("alt"),
        { "collection", ADF_ATTR_STRING, REQ, 0, 0, NULL },
        { "occurrenceKey", ADF_ATTR_STRING, NON_EMPTY, 0, 0, NULL },
        NUM ("width"),
        NUM ("height"),
        { "data", ADF_ATTR_OBJECT, 0, 0, 0, NULL },
        END };
static const AdfAttrSpec *const attrs_media_inline[] = { media_inline_a, NULL };

static const AdfAttrSpec expand_a[] = { STR ("title"), LOCAL_ID, END };
static const AdfAttrSpec *const attrs_expand[] = { expand_a, NULL };

static const AdfAttrSpec decision_list_a[]
    = { { "localId", ADF_ATTR_STRING, REQ, 0, 0, NULL }, END };
static const AdfAttrSpec *const attrs_decision_list[] = { decision_list_a, NULL };

static const AdfAttrSpec decision_item_a[] = { { "localId", ADF_ATTR_STRING, REQ, 0, 0, NULL },
                                               { "state", ADF_ATTR_STRING, REQ, 0, 0, NULL },
                                               END };
static const AdfAttrSpec *const attrs_decision_item[] = { decision_item_a, NULL };

static const AdfAttrSpec task_item_a[]
    = { { "localId", ADF_ATTR_STRING, REQ, 0, 0, NULL }, ENUM ("state", REQ, task_states), END };
static const AdfAttrSpec *const attrs_task_item[] = { task_item_a, NULL };

static const AdfAttrSpec layout_column_a[]
    = { { "width", ADF_ATTR_NUMBER, REQ | ADF_ATTR_MIN | ADF_ATTR_MAX, 0, 100, NULL },
        LOCAL_ID,
        ENUM ("valign", 0, valigns),
        END };
static const AdfAttrSpec *const attrs_layout_column[] = { layout_column_a, NULL };

static const AdfAttrSpec block_card_datasource[]
    = { LOCAL_ID,
        { "url", ADF_ATTR_URL, 0, 0, 0, NULL },
        { "datasource", ADF_ATTR_DATASOURCE, REQ, 0, 0, NULL },
        NUM ("width"),
        ENUM ("layout", 0, layouts_media),
        END };
static const AdfAttrSpec card_url[] = { { "url", ADF_ATTR_URL, REQ, 0, 0, NULL }, LOCAL_ID, END };
static const AdfAttrSpec card_data[]
    = { { "data", ADF_ATTR_OBJECT, REQ, 0, 0, NULL }, LOCAL_ID, END };
static const AdfAttrSpec *const attrs_block_card[]
    = { block_card_datasource, card_url, card_data, NULL };
static const AdfAttrSpec *const attrs_inline_card[] = { card_url, card_data, NULL };

static const AdfAttrSpec embed_card_a[]
    = { { "url", ADF_ATTR_URL, REQ, 0, 0, NULL },
        ENUM ("layout", REQ, layouts_media),
        { "width", ADF_ATTR_NUMBER, ADF_ATTR_MIN | ADF_ATTR_MAX, 0, 100, NULL },
        NUM ("originalHeight"),
        NUM ("originalWidth"),
        LOCAL_ID,
        END };
static const AdfAttrSpec *const attrs_embed_card[] = { embed_card_a, NULL };

static const AdfAttrSpec extension_a[]
    = { { "extensionKey", ADF_ATTR_STRING, REQ | NON_EMPTY, 0, 0, NULL },
        { "extensionType", ADF_ATTR_STRING, REQ | NON_EMPTY, 0, 0, NULL },
        { "parameters", ADF_ATTR_OBJECT, 0, 0, 0, NULL },
        STR ("text"),
        ENUM ("layout", 0, layouts_extension),
        { "localId", ADF_ATTR_STRING, NON_EMPTY, 0, 0, NULL },
        END };
static const AdfAttrSpec *const attrs_extension[] = { extension_a, NULL };

static const AdfAttrSpec inline_extension_a[]
    = { { "extensionKey", ADF_ATTR_STRING, REQ | NON_EMPTY, 0, 0, NULL },
        { "extensionType", ADF_ATTR_STRING, REQ | NON_EMPTY, 0, 0, NULL },
        { "parameters", ADF_ATTR_OBJECT, 0, 0, 0, NULL },
        STR ("text"),
        { "localId", ADF_ATTR_STRING, NON_EMPTY, 0, 0, NULL },
        END };
static const AdfAttrSpec *const attrs_inline_extension[] = { inline_extension_a, NULL };

static const AdfAttrSpec sync_block_a[] = { { "resourceId", ADF_ATTR_STRING, REQ, 0, 0, NULL },
                                            { "localId", ADF_ATTR_STRING, REQ, 0, 0, NULL },
                                            END };
static const AdfAttrSpec *const attrs_sync_block[] = { sync_block_a, NULL };

static const AdfAttrSpec hard_break_a[] = { ENUM ("text", 0, hard_break_texts), LOCAL_ID, END };
static const AdfAttrSpec *const attrs_hard_break[] = { hard_break_a, NULL };

static const AdfAttrSpec mention_a[]
    = { { "id", ADF_ATTR_STRING, REQ, 0, 0, NULL }, LOCAL_ID, STR ("text"), STR ("accessLevel"),
        ENUM ("userType", 0, user_types),           END };
static const AdfAttrSpec *const attrs_mention[] = { mention_a, NULL };

static const AdfAttrSpec emoji_a[] = { { "shortName", ADF_ATTR_STRING, REQ, 0, 0, NULL },
                                       STR ("id"),
                                       STR ("text"),
                                       LOCAL_ID,
                                       END };
static const AdfAttrSpec *const attrs_emoji[] = { emoji_a, NULL };

static const AdfAttrSpec date_a[]
    = { { "timestamp", ADF_ATTR_STRING, REQ | NON_EMPTY, 0, 0, NULL }, LOCAL_ID, END };
static const AdfAttrSpec *const attrs_date[] = { date_a, NULL };

static const AdfAttrSpec status_a[] = { { "text", ADF_ATTR_STRING, REQ | NON_EMPTY, 0, 0, NULL },
                                        PATTERN ("color", ADF_PATTERN_STATUS_COLOR),
                                        LOCAL_ID,
                                        STR ("style"),
                                        END };
static const AdfAttrSpec *const attrs_status[] = { status_a, NULL };

static const AdfAttrSpec placeholder_a[]
    = { { "text", ADF_ATTR_STRING, REQ, 0, 0, NULL }, LOCAL_ID, END };
static const AdfAttrSpec *const attrs_placeholder[] = { placeholder_a, NULL };

/* Content: who may hold whom, carrying which marks (the *_with_* variants of the schema) */

#define FONT_SIZE   ADF_MARK_FONT_SIZE
#define ALIGNMENT   ADF_MARK_ALIGNMENT
#define INDENTATION ADF_MARK_INDENTATION
#define BREAKOUT    ADF_MARK_BREAKOUT
#define FRAGMENT    ADF_MARK_FRAGMENT
#define EXT_MARKS   ADF_MARKS_EXTENSION
#define MEDIA_MARKS ADF_MARKS_MEDIA
#define CHILDREN_END \
  {                  \
    NULL, 0          \
  }
#define MEDIA_SINGLE             \
  {                              \
    "mediaSingle", ADF_MARK_LINK \
  }
#define TEXT_INLINE \
  { "text", ADF_MARKS_FORMATTED }, { "text", ADF_MARKS_CODE }

static const AdfChildRule doc_children[] = { { "blockCard", 0 },
                                             { "codeBlock", BREAKOUT },
                                             MEDIA_SINGLE,
                                             { "paragraph", FONT_SIZE | ALIGNMENT },
                                             { "paragraph", FONT_SIZE | INDENTATION },
                                             { "taskList", 0 },
                                             { "orderedList", 0 },
                                             { "bulletList", 0 },
                                             { "blockquote", 0 },
                                             { "decisionList", 0 },
                                             { "embedCard", 0 },
                                             { "extension", EXT_MARKS },
                                             { "heading", INDENTATION },
                                             { "heading", ALIGNMENT },
                                             { "mediaGroup", 0 },
                                             { "rule", 0 },
                                             { "panel", 0 },
                                             { "table", FRAGMENT },
                                             { "bodiedExtension", EXT_MARKS },
                                             { "expand", BREAKOUT },
                                             { "layoutSection", BREAKOUT },
                                             { "syncBlock", BREAKOUT },
                                             { "bodiedSyncBlock", BREAKOUT },
                                             CHILDREN_END };

/* inline_node */
static const AdfChildRule inline_children[] = { TEXT_INLINE,
                                                { "date", 0 },
                                                { "emoji", 0 },
                                                { "hardBreak", 0 },
                                                { "inlineCard", 0 },
                                                { "mention", 0 },
                                                { "placeholder", 0 },
                                                { "status", 0 },
                                                { "inlineExtension", EXT_MARKS },
                                                { "mediaInline", MEDIA_MARKS },
                                                CHILDREN_END };

static const AdfChildRule caption_children[]
    = { TEXT_INLINE,          { "hardBreak", 0 },  { "mention", 0 }, { "emoji", 0 }, { "date", 0 },
        { "placeholder", 0 }, { "inlineCard", 0 }, { "status", 0 },  CHILDREN_END };

/* text_with_no_marks_node */
static const AdfChildRule code_children[] = { { "text", 0 }, CHILDREN_END };

static const AdfChildRule list_children[] = { { "listItem", 0 }, CHILDREN_END };

static const AdfChildRule list_item_children[]
    = { { "paragraph", FONT_SIZE }, { "bulletList", 0 }, { "orderedList", 0 },
        { "taskList", 0 },          MEDIA_SINGLE,        { "codeBlock", 0 },
        { "extension", EXT_MARKS }, CHILDREN_END };

static const AdfChildRule blockquote_children[]
    = { { "paragraph", 0 }, { "orderedList", 0 }, { "bulletList", 0 },        { "codeBlock", 0 },
        MEDIA_SINGLE,       { "mediaGroup", 0 },  { "extension", EXT_MARKS }, CHILDREN_END };

static const AdfChildRule panel_children[] = { { "paragraph", FONT_SIZE },
                                               { "heading", 0 },
                                               { "bulletList", 0 },
                                               { "orderedList", 0 },
                                               { "blockCard", 0 },
                                               { "mediaGroup", 0 },
                                               MEDIA_SINGLE,
                                               { "codeBlock", 0 },
                                               { "taskList", 0 },
                                               { "rule", 0 },
                                               { "decisionList", 0 },
                                               { "extension", EXT_MARKS },
                                               CHILDREN_END };

static const AdfChildRule table_children[] = { { "tableRow", 0 }, CHILDREN_END };

static const AdfChildRule row_children[]
    = { { "tableCell", 0 }, { "tableHeader", 0 }, CHILDREN_END };

/* table_cell_content */
static const AdfChildRule cell_children[] = { { "paragraph", FONT_SIZE | ALIGNMENT },
                                              { "panel", 0 },
                                              { "blockquote", 0 },
                                              { "orderedList", 0 },
                                              { "bulletList", 0 },
                                              { "rule", 0 },
                                              { "heading", ALIGNMENT },
                                              { "heading", INDENTATION },
                                              { "codeBlock", 0 },
                                              MEDIA_SINGLE,
                                              { "mediaGroup", 0 },
                                              { "decisionList", 0 },
                                              { "taskList", 0 },
                                              { "blockCard", 0 },
                                              { "embedCard", 0 },
                                              { "extension", EXT_MARKS },
                                              { "nestedExpand", 0 },
                                              CHILDREN_END };

static const AdfChildRule media_group_children[] = { { "media", MEDIA_MARKS }, CHILDREN_END };

static const AdfChildRule media_single_children[]
    = { { "media", MEDIA_MARKS }, { "caption", 0 }, CHILDREN_END };

#define NON_NESTABLE                                                                     \
  { "paragraph", FONT_SIZE }, { "panel", 0 }, { "blockquote", 0 }, { "orderedList", 0 }, \
      { "bulletList", 0 }, { "rule", 0 }, { "heading", 0 }, { "codeBlock", 0 },          \
      { "mediaGroup", 0 }, MEDIA_SINGLE, { "decisionList", 0 }, { "taskList", 0 },       \
      { "table", FRAGMENT }, { "blockCard", 0 }, { "embedCard", 0 },                     \
  {                                                                                      \
    "extension", EXT_MARKS                                                               \
  }

/* non_nestable_block_content */
static const AdfChildRule bodied_extension_children[] = { NON_NESTABLE, CHILDREN_END };

static const AdfChildRule expand_children[] = { NON_NESTABLE, { "nestedExpand", 0 }, CHILDREN_END };

/* nestedExpand_content */
static const AdfChildRule nested_expand_children[]
    = { { "paragraph", FONT_SIZE }, { "heading", 0 },    MEDIA_SINGLE,         { "mediaGroup", 0 },
        { "codeBlock", 0 },         { "bulletList", 0 }, { "orderedList", 0 }, { "taskList", 0 },
        { "decisionList", 0 },      { "rule", 0 },       { "panel", 0 },       { "blockquote", 0 },
        { "extension", EXT_MARKS }, CHILDREN_END };

static const AdfChildRule decision_list_children[] = { { "decisionItem", 0 }, CHILDREN_END };

static const AdfChildRule task_list_children[]
    = { { "taskItem", 0 }, { "taskList", 0 }, { "blockTaskItem", 0 }, CHILDREN_END };

/* The schema allows fontSize here, but adf-utils reads blockTaskItem's content as a tuple
 * and then refuses the mark ("unsupported mark"): found by the generated corpus. */
static const AdfChildRule block_task_item_children[]
    = { { "paragraph", 0 }, { "extension", EXT_MARKS }, CHILDREN_END };

static const AdfChildRule layout_section_children[] = { { "layoutColumn", 0 }, CHILDREN_END };

/* block_content */
static const AdfChildRule layout_column_children[] = { { "blockCard", 0 },
                                                       { "paragraph", FONT_SIZE | ALIGNMENT },
                                                       { "paragraph", FONT_SIZE | INDENTATION },
                                                       MEDIA_SINGLE,
                                                       { "codeBlock", 0 },
                                                       { "taskList", 0 },
                                                       { "bulletList", 0 },
                                                       { "orderedList", 0 },
                                                       { "heading", ALIGNMENT },
                                                       { "heading", INDENTATION },
                                                       { "mediaGroup", 0 },
                                                       { "decisionList", 0 },
                                                       { "rule", 0 },
                                                       { "panel", 0 },
                                                       { "blockquote", 0 },
                                                       { "extension", EXT_MARKS },
                                                       { "embedCard", 0 },
                                                       { "table", FRAGMENT },
                                                       { "expand", 0 },
                                                       { "bodiedExtension", EXT_MARKS },
                                                       CHILDREN_END };

static const AdfChildRule sync_block_children[] = { { "paragraph", FONT_SIZE | ALIGNMENT },
                                                    { "paragraph", FONT_SIZE | INDENTATION },
                                                    { "blockCard", 0 },
                                                    { "blockquote", 0 },
                                                    { "bulletList", 0 },
                                                    { "codeBlock", 0 },
                                                    { "decisionList", 0 },
                                                    { "embedCard", 0 },
                                                    { "expand", 0 },
                                                    { "heading", ALIGNMENT },
                                                    { "heading", INDENTATION },
                                                    { "layoutSection", BREAKOUT },
                                                    { "mediaGroup", 0 },
                                                    MEDIA_SINGLE,
                                                    { "orderedList", 0 },
                                                    { "panel", 0 },
                                                    { "rule", 0 },
                                                    { "table", FRAGMENT },
                                                    { "taskList", 0 },
                                                    CHILDREN_END };

/* Nodes: type, attrs, attrs required, content kind, children, content required, min, max,
 * inline */

#define LEAF   ADF_CONTENT_NONE, NULL, FALSE, 0, 0
#define LIST   ADF_CONTENT_LIST
#define BLOCK  FALSE
#define INLINE TRUE

static const AdfNodeSpec nodes[] = {
  { "paragraph", attrs_local_id, FALSE, LIST, inline_children, FALSE, 0, 0, BLOCK },
  { "heading", attrs_heading, TRUE, LIST, inline_children, FALSE, 0, 0, BLOCK },
  { "bulletList", attrs_local_id, FALSE, LIST, list_children, TRUE, 1, 0, BLOCK },
  { "orderedList", attrs_ordered_list, FALSE, LIST, list_children, TRUE, 1, 0, BLOCK },
  { "listItem", attrs_local_id, FALSE, LIST, list_item_children, TRUE, 1, 0, BLOCK },
  { "codeBlock", attrs_code_block, FALSE, LIST, code_children, FALSE, 0, 0, BLOCK },
  { "blockquote", attrs_local_id, FALSE, LIST, blockquote_children, TRUE, 1, 0, BLOCK },
  { "panel", attrs_panel, TRUE, LIST, panel_children, TRUE, 1, 0, BLOCK },
  { "rule", attrs_local_id, FALSE, LEAF, BLOCK },
  { "table", attrs_table, FALSE, LIST, table_children, TRUE, 1, 0, BLOCK },
  { "tableRow", attrs_local_id, FALSE, LIST, row_children, TRUE, 0, 0, BLOCK },
  { "tableCell", attrs_cell, FALSE, LIST, cell_children, TRUE, 1, 0, BLOCK },
  { "tableHeader", attrs_cell, FALSE, LIST, cell_children, TRUE, 1, 0, BLOCK },
  { "mediaSingle", attrs_media_single, FALSE, ADF_CONTENT_MEDIA_SINGLE, media_single_children, TRUE,
    1, 2, BLOCK },
  { "mediaGroup", NULL, FALSE, LIST, media_group_children, TRUE, 1, 0, BLOCK },
  { "media", attrs_media, TRUE, LEAF, BLOCK },
  { "caption", attrs_local_id, FALSE, LIST, caption_children, FALSE, 0, 0, BLOCK },
  { "expand", attrs_expand, FALSE, LIST, expand_children, TRUE, 1, 0, BLOCK },
  { "nestedExpand", attrs_expand, TRUE, LIST, nested_expand_children, TRUE, 1, 0, BLOCK },
  { "decisionList", attrs_decision_list, TRUE, LIST, decision_list_children, TRUE, 1, 0, BLOCK },
  { "decisionItem", attrs_decision_item, TRUE, LIST, inline_children, FALSE, 0, 0, BLOCK },
  { "taskList", attrs_decision_list, TRUE, LIST, task_list_children, TRUE, 1, 0, BLOCK },
  { "taskItem", attrs_task_item, TRUE, LIST, inline_children, FALSE, 0, 0, BLOCK },
  { "blockTaskItem", attrs_task_item, TRUE, LIST, block_task_item_children, TRUE, 1, 0, BLOCK },
  { "layoutSection", attrs_local_id, FALSE, LIST, layout_section_children, TRUE, 2, 3, BLOCK },
  { "layoutColumn", attrs_layout_column, TRUE, LIST, layout_column_children, TRUE, 1, 0, BLOCK },
  { "blockCard", attrs_block_card, TRUE, LEAF, BLOCK },
  { "embedCard", attrs_embed_card, TRUE, LEAF, BLOCK },
  { "extension", attrs_extension, TRUE, LEAF, BLOCK },
  { "bodiedExtension", attrs_extension, TRUE, LIST, bodied_extension_children, TRUE, 1, 0, BLOCK },
  { "syncBlock", attrs_sync_block, TRUE, LEAF, BLOCK },
  { "bodiedSyncBlock", attrs_sync_block, TRUE, LIST, sync_block_children, TRUE, 1, 0, BLOCK },
  { "text", NULL, FALSE, LEAF, INLINE },
  { "hardBreak", attrs_hard_break, FALSE, LEAF, INLINE },
  { "mention", attrs_mention, TRUE, LEAF, INLINE },
  { "emoji", attrs_emoji, TRUE, LEAF, INLINE },
  { "date", attrs_date, TRUE, LEAF, INLINE },
  { "status", attrs_status, TRUE, LEAF, INLINE },
  { "inlineCard", attrs_inline_card, TRUE, LEAF, INLINE },
  { "placeholder", attrs_placeholder, TRUE, LEAF, INLINE },
  { "inlineExtension", attrs_inline_extension, TRUE, LEAF, INLINE },
  { "mediaInline", attrs_media_inline, TRUE, LEAF, INLINE },
};

/* Marks */

static const AdfAttrSpec link_a[] = { { "href", ADF_ATTR_URL, REQ, 0, 0, NULL },
                                      STR ("title"),
                                      STR ("id"),
                                      STR ("collection"),
                                      STR ("occurrenceKey"),
                                      END };
static const AdfAttrSpec color_a[] = { PATTERN ("color", ADF_PATTERN_COLOR), END };
static const AdfAttrSpec subsup_a[] = { ENUM ("type", REQ, subsup_types), END };
static const AdfAttrSpec annotation_a[] = { { "id", ADF_ATTR_STRING, REQ, 0, 0, NULL },
                                            ENUM ("annotationType", REQ, annotation_types),
                                            END };
static const AdfAttrSpec alignment_a[] = { ENUM ("align", REQ, aligns), END };
static const AdfAttrSpec indentation_a[]
    = { { "level", ADF_ATTR_NUMBER, REQ | ADF_ATTR_MIN | ADF_ATTR_MAX, 1, 6, NULL }, END };
static const AdfAttrSpec font_size_a[] = { ENUM ("fontSize", REQ, font_sizes), END };
static const AdfAttrSpec breakout_a[] = { ENUM ("mode", REQ, breakout_modes), NUM ("width"), END };
static const AdfAttrSpec border_a[]
    = { { "size", ADF_ATTR_NUMBER, REQ | ADF_ATTR_MIN | ADF_ATTR_MAX, 1, 3, NULL },
        PATTERN ("color", ADF_PATTERN_BORDER_COLOR),
        END };
static const AdfAttrSpec data_consumer_a[]
    = { { "sources", ADF_ATTR_STRING_ARRAY, REQ, 0, 0, NULL }, END };
static const AdfAttrSpec fragment_a[]
    = { { "localId", ADF_ATTR_STRING, REQ | NON_EMPTY, 0, 0, NULL }, STR ("name"), END };

static const AdfMarkSpec marks[] = {
  { "strong", ADF_MARK_STRONG, NULL },
  { "em", ADF_MARK_EM, NULL },
  { "underline", ADF_MARK_UNDERLINE, NULL },
  { "strike", ADF_MARK_STRIKE, NULL },
  { "code", ADF_MARK_CODE, NULL },
  { "link", ADF_MARK_LINK, link_a },
  { "textColor", ADF_MARK_TEXT_COLOR, color_a },
  { "backgroundColor", ADF_MARK_BACKGROUND_COLOR, color_a },
  { "subsup", ADF_MARK_SUBSUP, subsup_a },
  { "annotation", ADF_MARK_ANNOTATION, annotation_a },
  { "alignment", ADF_MARK_ALIGNMENT, alignment_a },
  { "indentation", ADF_MARK_INDENTATION, indentation_a },
  { "fontSize", ADF_MARK_FONT_SIZE, font_size_a },
  { "breakout", ADF_MARK_BREAKOUT, breakout_a },
  { "border", ADF_MARK_BORDER, border_a },
  { "dataConsumer", ADF_MARK_DATA_CONSUMER, data_consumer_a },
  { "fragment", ADF_MARK_FRAGMENT, fragment_a },
};

/* Type name → spec, built once: the validator looks a type up for every node. */
static GHashTable *
index_of (gconstpointer table, gsize count, gsize stride)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);

  for (gsize i = 0; i < count; i++)
    {
      gconstpointer entry = (const char *) table + i * stride;

      /* each entry starts with its type name */
      g_hash_table_insert (index, (gpointer) * (const char *const *) entry, (gpointer) entry);
    }
  return index;
}

const AdfNodeSpec *
_adf_schema_node (const char *type)
{
  static GHashTable *index;

  if (g_once_init_enter (&index))
    g_once_init_leave (&index, index_of (nodes, G_N_ELEMENTS (nodes), sizeof nodes[0]));
  return g_hash_table_lookup (index, type);
}

const AdfMarkSpec *
_adf_schema_mark (const char *type)
{
  static GHashTable *index;

  if (g_once_init_enter (&index))
    g_once_init_leave (&index, index_of (marks, G_N_ELEMENTS (marks), sizeof marks[0]));
  return g_hash_table_lookup (index, type);
}

const AdfMarkSpec *
_adf_schema_mark_bit (guint bit)
{
  for (gsize i = 0; i < G_N_ELEMENTS (marks); i++)
    if (marks[i].bit == bit)
      return &marks[i];
  return NULL;
}

const AdfChildRule *
_adf_schema_doc_rules (void)
{
  return doc_children;
}
