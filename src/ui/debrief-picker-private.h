/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "debrief-picker.h"

G_BEGIN_DECLS

struct _DebriefPicker
{
  GtkPopover parent_instance;

  GtkSearchEntry *search_entry;
  GtkStack *stack;
  GtkScrolledWindow *scrolled_window;
  GtkListView *list_view;
  GtkLabel *message_label;

  DebriefPickerKind kind;
  OgClient *client;
  GListStore *results;
  GtkSingleSelection *selection;
  /* Teams, services, or the recent incidents a tinyId is looked for in: fetched once per
   * client, filtered on each keystroke. */
  GPtrArray *cache;
  GHashTable *excluded; /* ids, a set */
  GCancellable *cancellable;
  char *query;
  gint next_offset; /* of the next page of users or incidents, -1 when there is none */
  guint page_size;
  gboolean loading;
  /* between the map that opened it and "closed": a map in between is not an opening */
  gboolean open;
};

/* debrief-picker-search.c: starts over with the entry's text, or fetches the next page. */
void _debrief_picker_search (DebriefPicker *self);
void _debrief_picker_load_more (DebriefPicker *self);
/* debrief-picker.c: what the search found (the items appended), or why it failed. */
void _debrief_picker_add_results (DebriefPicker *self, GPtrArray *items, gint next_offset);
void _debrief_picker_show_error (DebriefPicker *self, const GError *error);

/* For tests */
GtkSearchEntry *_debrief_picker_get_search_entry (DebriefPicker *self);
GtkListView *_debrief_picker_get_list_view (DebriefPicker *self);
const char *_debrief_picker_get_message (DebriefPicker *self);
void _debrief_picker_set_page_size (DebriefPicker *self, guint page_size);

G_END_DECLS
