/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "adf-buffer.h"
#include "adf-tree-private.h"

G_BEGIN_DECLS

/*
 * How a document lives in the buffer (see DESIGN.md, "ADF in the editor"):
 *
 * - Every textblock (paragraph, heading) is one buffer line; a codeBlock is one line per line
 *   of code. A hardBreak is U+2028 inside the line (Pango breaks there, GTK does not).
 * - Every line carries exactly one line tag (AdfLineInfo): the chain of containers from the
 *   root (blockquote, list, listItem — "frames") down to the line's own block ("leaf"), and
 *   the depth at which this line opens new containers ("start"). Lines that continue a
 *   container of the line before share its frames. A line without a line tag is a root
 *   paragraph. Frames and leaves are "shells": the original node without its content, so
 *   attrs and marks nobody edits (localId, alignment, order…) come back as they came.
 * - Marks are text tags (AdfMarkInfo); a mark with attrs has one tag per distinct value,
 *   holding the mark's JSON.
 * - Inline atoms (mention, emoji, date, status, inlineCard, placeholder, unknown inline
 *   nodes) and blocks we do not edit ("islands": table, panel, media…, unknown blocks) are
 *   child anchors holding their original JSON; an island is alone on its line.
 */

typedef enum
{
  ADF_LEAF_PARAGRAPH,
  ADF_LEAF_HEADING,
  ADF_LEAF_CODE,
  ADF_LEAF_ISLAND,
} AdfLeafKind;

typedef enum
{
  ADF_FRAME_QUOTE,
  ADF_FRAME_BULLET_LIST,
  ADF_FRAME_ORDERED_LIST,
  ADF_FRAME_LIST_ITEM,
  ADF_FRAME_OTHER,
} AdfFrameKind;

/* A node without its content, interned by its JSON: frames and leaves of lines. */
typedef struct
{
  JsonObject *object; /* type, attrs, marks…; "content": [] only when the node had it empty */
  char *key;
  int kind;       /* AdfFrameKind for frames, AdfLeafKind for leaves */
  int level;      /* heading level */
  gboolean plain; /* no key but "type" (and an empty content) */
} AdfShell;

typedef struct
{
  GtkTextTag *tag;
  guint n_frames;
  AdfShell **frames;
  AdfShell *leaf;
  /* The shallowest frame this line opens anew: 0…n_frames-1 open containers,
   * n_frames opens only the leaf block, n_frames + 1 continues the leaf (code lines). */
  guint start;
  guint list_depth;
  char *key;
} AdfLineInfo;

typedef enum
{
  ADF_MARK_KIND_STRONG,
  ADF_MARK_KIND_EM,
  ADF_MARK_KIND_UNDERLINE,
  ADF_MARK_KIND_STRIKE,
  ADF_MARK_KIND_CODE,
  ADF_MARK_KIND_SUBSUP,
  ADF_MARK_KIND_LINK,
  ADF_MARK_KIND_TEXT_COLOR,
  ADF_MARK_KIND_BACKGROUND_COLOR,
  ADF_MARK_KIND_ANNOTATION,
  ADF_MARK_KIND_OTHER,
  ADF_N_MARK_KINDS
} AdfMarkKind;

typedef struct
{
  GtkTextTag *tag;
  AdfMarkKind kind;
  JsonNode *json; /* the mark object as written */
  char *type;     /* the mark's "type" */
  char *key;
} AdfMarkInfo;

/* Tags that are neither marks nor lines: what the writer needs to give back text nodes
 * exactly as they were split and ordered. */
typedef enum
{
  ADF_AUX_SEAM,  /* parity flip between two text nodes with the same marks */
  ADF_AUX_ORDER, /* the marks' original order, when not ours */
  ADF_AUX_CHAR,  /* U+2028 standing for another character or a hardBreak with attrs */
} AdfAuxKind;

typedef struct
{
  GtkTextTag *tag;
  AdfAuxKind kind;
  char *value;    /* ORDER: type names joined by ","; CHAR: the UTF-8 it stands for */
  JsonNode *json; /* CHAR: a hardBreak node to write instead, or NULL */
} AdfAuxInfo;

struct _AdfBuffer
{
  GtkTextBuffer parent_instance;

  GHashTable *shells;                          /* key → AdfShell */
  GHashTable *lines;                           /* key → AdfLineInfo */
  GHashTable *marks;                           /* key → AdfMarkInfo */
  GHashTable *aux;                             /* key → AdfAuxInfo */
  GPtrArray *mark_list;                        /* AdfMarkInfo, every mark tag */
  AdfMarkInfo *simple_marks[ADF_N_MARK_KINDS]; /* strong…code: one tag each */
  AdfLineInfo *root_paragraph;                 /* the line info of most lines, looked up once */
  GtkTextTag *seam_tag;
  GString *key_scratch; /* for looking up mark keys */

  /* Marks to give the next typed text (a mark toggled with no selection), or NULL. */
  GPtrArray *stored_marks;

  /* Undo */
  GPtrArray *undo_stack; /* AdfSnapshot */
  GPtrArray *redo_stack;
  gboolean typing_group; /* the last undo entry is a run of typing that may grow */
  gboolean typing_insert;
  int typing_end;       /* offset where the run of typing ended */
  int busy;             /* > 0 while we change the buffer ourselves */
  int user_action;      /* depth of gtk_text_buffer_begin_user_action () */
  gboolean action_seen; /* the current user action has its undo step */
};

typedef struct
{
  JsonNode *doc;
  int cursor;
  int bound;
} AdfSnapshot;

/* adf-buffer-tags.c */
void _adf_buffer_tags_init (AdfBuffer *self);
void _adf_buffer_tags_create (AdfBuffer *self);
void _adf_buffer_tags_free (AdfBuffer *self);
AdfShell *_adf_buffer_intern_shell (AdfBuffer *self, AdfValue node, gboolean is_leaf);
AdfShell *_adf_buffer_island_shell (AdfBuffer *self);
AdfShell *
_adf_buffer_shell_for_type (AdfBuffer *self, const char *type, int level, gboolean is_leaf);
AdfLineInfo *_adf_buffer_intern_line (AdfBuffer *self,
                                      AdfShell **frames,
                                      guint n_frames,
                                      AdfShell *leaf,
                                      guint start);
AdfMarkInfo *_adf_buffer_intern_mark (AdfBuffer *self, AdfValue mark);
AdfAuxInfo *
_adf_buffer_intern_aux (AdfBuffer *self, AdfAuxKind kind, const char *value, JsonNode *json);
AdfLineInfo *_adf_buffer_line_info_at (AdfBuffer *self, const GtkTextIter *iter);
AdfLineInfo *_adf_buffer_tag_line_info (GtkTextTag *tag);
AdfMarkInfo *_adf_buffer_tag_mark_info (GtkTextTag *tag);
AdfAuxInfo *_adf_buffer_tag_aux_info (GtkTextTag *tag);
void _adf_buffer_set_line_info (AdfBuffer *self, int line, AdfLineInfo *info);
AdfLineInfo *_adf_buffer_root_paragraph (AdfBuffer *self);
void _adf_buffer_emit_changed (AdfBuffer *self);
int _adf_mark_compare (const AdfMarkInfo *a, const AdfMarkInfo *b);
GPtrArray *_adf_buffer_marks_at (AdfBuffer *self, const GtkTextIter *pos);
AdfLineInfo *_adf_buffer_split_line_info (AdfBuffer *self, AdfLineInfo *info, gboolean tail_empty);

/* adf-buffer-load.c */
void _adf_buffer_load_doc (AdfBuffer *self, AdfValue doc);

/* adf-buffer-islands.c */
gboolean _adf_node_is_inline_atom (const char *type);
GtkTextChildAnchor *_adf_anchor_new (JsonNode *node, gboolean block);
JsonNode *_adf_anchor_get_node (GtkTextChildAnchor *anchor);
gboolean _adf_anchor_is_block (GtkTextChildAnchor *anchor);
char *_adf_anchor_text (GtkTextChildAnchor *anchor);

/* adf-buffer-history.c */
void _adf_buffer_history_init (AdfBuffer *self);
void _adf_buffer_history_clear (AdfBuffer *self);
void _adf_buffer_history_free (AdfBuffer *self);
void _adf_buffer_begin_edit (AdfBuffer *self);
void _adf_buffer_end_edit (AdfBuffer *self);
void _adf_buffer_history_drop_last (AdfBuffer *self);
void _adf_buffer_note_typing (AdfBuffer *self, int start, int end, gboolean insert);

G_END_DECLS
