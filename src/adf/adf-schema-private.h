/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The full (non stage-0) ADF schema as tables: what each node and mark accepts, and which
 * children (carrying which marks) each kind of content allows. Derived from the JSON schema
 * of @atlaskit/adf-schema 57.7.22 (dist/json-schema/v1/full.json) and the runtime rules of
 * @atlaskit/adf-utils 20.9.78 where those are stricter (safe URLs, no empty marks).
 */

typedef enum
{
  ADF_MARK_STRONG = 1 << 0,
  ADF_MARK_EM = 1 << 1,
  ADF_MARK_UNDERLINE = 1 << 2,
  ADF_MARK_STRIKE = 1 << 3,
  ADF_MARK_CODE = 1 << 4,
  ADF_MARK_LINK = 1 << 5,
  ADF_MARK_TEXT_COLOR = 1 << 6,
  ADF_MARK_BACKGROUND_COLOR = 1 << 7,
  ADF_MARK_SUBSUP = 1 << 8,
  ADF_MARK_ANNOTATION = 1 << 9,
  ADF_MARK_ALIGNMENT = 1 << 10,
  ADF_MARK_INDENTATION = 1 << 11,
  ADF_MARK_FONT_SIZE = 1 << 12,
  ADF_MARK_BREAKOUT = 1 << 13,
  ADF_MARK_BORDER = 1 << 14,
  ADF_MARK_DATA_CONSUMER = 1 << 15,
  ADF_MARK_FRAGMENT = 1 << 16,
} AdfMarkBit;

/* formatted_text_inline_node and code_inline_node: a text node's marks come all from one */
#define ADF_MARKS_FORMATTED                                                          \
  (ADF_MARK_LINK | ADF_MARK_EM | ADF_MARK_STRONG | ADF_MARK_STRIKE | ADF_MARK_SUBSUP \
   | ADF_MARK_UNDERLINE | ADF_MARK_TEXT_COLOR | ADF_MARK_ANNOTATION | ADF_MARK_BACKGROUND_COLOR)
#define ADF_MARKS_CODE      (ADF_MARK_CODE | ADF_MARK_LINK | ADF_MARK_ANNOTATION)
#define ADF_MARKS_EXTENSION (ADF_MARK_DATA_CONSUMER | ADF_MARK_FRAGMENT)
#define ADF_MARKS_MEDIA \
  (ADF_MARK_DATA_CONSUMER | ADF_MARK_LINK | ADF_MARK_ANNOTATION | ADF_MARK_BORDER)

typedef enum
{
  ADF_ATTR_STRING,
  ADF_ATTR_NUMBER,
  ADF_ATTR_BOOLEAN,
  ADF_ATTR_ENUM,         /* a string among values */
  ADF_ATTR_PATTERN,      /* a string matching one of the ADF_PATTERN_* */
  ADF_ATTR_URL,          /* a string that is a safe URL (adf-utils' isSafeUrl) */
  ADF_ATTR_OBJECT,       /* any JSON object (extension parameters, card data) */
  ADF_ATTR_NUMBER_ARRAY, /* colwidth */
  ADF_ATTR_STRING_ARRAY, /* dataConsumer sources, at least one */
  ADF_ATTR_DATASOURCE,   /* blockCard datasource {id, parameters, views} */
} AdfAttrKind;

typedef enum
{
  ADF_PATTERN_COLOR,        /* #rrggbb */
  ADF_PATTERN_BORDER_COLOR, /* #rrggbb or #rrggbbaa */
  ADF_PATTERN_STATUS_COLOR, /* neutral, purple, blue, red, yellow, green or #rrggbb */
} AdfPattern;

enum
{
  ADF_ATTR_REQUIRED = 1 << 0,
  ADF_ATTR_NON_EMPTY = 1 << 1, /* minLength 1 */
  ADF_ATTR_MIN = 1 << 2,
  ADF_ATTR_MAX = 1 << 3,
};

typedef struct
{
  const char *name;
  AdfAttrKind kind;
  guint flags;
  double min;
  double max;
  const char *const *values; /* ADF_ATTR_ENUM; ADF_ATTR_PATTERN: GINT_TO_POINTER(pattern) */
} AdfAttrSpec;

/* One allowed child: its type, and the marks it may carry in this place. */
typedef struct
{
  const char *type;
  guint marks;
} AdfChildRule;

typedef enum
{
  ADF_CONTENT_NONE,         /* a leaf: no "content" member at all */
  ADF_CONTENT_LIST,         /* children from rules, any order */
  ADF_CONTENT_MEDIA_SINGLE, /* exactly [media] or [media, caption] */
} AdfContentKind;

typedef struct
{
  const char *type;
  /* Alternatives for "attrs" (NULL-terminated; the node's attrs must match one), or NULL
   * when the node takes no attrs member at all. */
  const AdfAttrSpec *const *attrs;
  gboolean attrs_required;
  AdfContentKind content_kind;
  const AdfChildRule *children; /* terminated by a NULL type */
  gboolean content_required;
  guint min_content;
  guint max_content; /* 0: no maximum */
  gboolean is_inline;
} AdfNodeSpec;

typedef struct
{
  const char *type;
  AdfMarkBit bit;
  const AdfAttrSpec *attrs; /* NULL: the mark takes no attrs member at all */
} AdfMarkSpec;

const AdfNodeSpec *_adf_schema_node (const char *type);
const AdfMarkSpec *_adf_schema_mark (const char *type);
const AdfMarkSpec *_adf_schema_mark_bit (guint bit);
const AdfChildRule *_adf_schema_doc_rules (void);

G_END_DECLS
