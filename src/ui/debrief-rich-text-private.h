/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "debrief-rich-text.h"

G_BEGIN_DECLS

/* Shared between the files of DebriefRichText, and for tests. */
struct _DebriefRichText
{
  GtkWidget parent_instance;

  AdfBuffer *buffer;
  char *label;
  gboolean editable;
  int loading;
  guint changed_id;
  guint fit_id;
  gboolean syncing;

  /* Template */
  GtkWidget *toolbar;
  GtkWidget *scroller;
  GtkWidget *view;
  GtkWidget *bold_button;
  GtkWidget *italic_button;
  GtkWidget *underline_button;
  GtkWidget *strike_button;
  GtkWidget *code_button;
  GtkWidget *link_button;
  GtkWidget *block_button;
  GtkWidget *color_button;
  GtkWidget *color_grid;
  GtkWidget *link_popover;
  GtkWidget *link_entry;
  GtkWidget *link_title_entry;
  GtkWidget *link_error;
  GtkWidget *link_remove_button;
};

/* debrief-rich-text-actions.c */
void _debrief_rich_text_class_add_actions (GtkWidgetClass *widget_class);
void _debrief_rich_text_actions_init (DebriefRichText *self);
void _debrief_rich_text_sync_toolbar (DebriefRichText *self);
void _debrief_rich_text_update_actions (DebriefRichText *self);

/* debrief-rich-text-islands.c */
void _debrief_rich_text_islands_init (DebriefRichText *self);

/* debrief-rich-text-link.c */
gboolean _debrief_rich_text_href_is_allowed (const char *href);
void _debrief_rich_text_show_link_popover (DebriefRichText *self);
void _debrief_rich_text_apply_link (DebriefRichText *self);
void _debrief_rich_text_remove_link (DebriefRichText *self);
void _debrief_rich_text_link_init (DebriefRichText *self);

/* debrief-rich-text-color.c */
void _debrief_rich_text_color_init (DebriefRichText *self);

/* For tests: whether the popover said why it refused, and its message. */
const char *_debrief_rich_text_get_link_error (DebriefRichText *self);

G_END_DECLS
