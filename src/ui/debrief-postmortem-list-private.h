/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "debrief-postmortem-list.h"

G_BEGIN_DECLS

/* The list pane's fields, shared by its files: debrief-postmortem-list.c (the widget),
 * -api.c (public API), -states.c (which page), -rows.c (rows, opening one), -actions.c,
 * -filter.c (search, filters, sort), -refresh.c (progress, failures), -frame.c (what waits
 * for the window's next frame). */
struct _DebriefPostmortemList
{
  GtkWidget parent_instance;

  /* template */
  GtkSearchEntry *search_entry;
  GtkMenuButton *filter_button;
  GtkLabel *filter_count_label;
  GtkMenuButton *sort_button;
  GtkStack *view_stack;
  GtkStackPage *incidents_stack_page;
  GtkRevealer *progress_revealer;
  GtkProgressBar *progress_bar;
  GtkRevealer *problem_revealer;
  GtkLabel *problem_label;
  GtkMenuButton *problem_details_button;
  GtkLabel *problem_details_label;
  GtkWidget *problem_retry_button;
  GtkStack *state_stack;
  GtkListView *list_view;
  AdwStatusPage *error_page;
  AdwStatusPage *no_results_page;
  GtkStack *incidents_stack;
  GtkListView *incident_list_view;
  AdwStatusPage *incidents_status_page;
  GtkCheckButton *status_checks[3];   /* draft, in review, published */
  GtkCheckButton *severity_checks[5]; /* P1 … P5 */

  /* models: library → sort → filter → first rows → selection */
  DebriefLibrary *library;
  DebriefLibraryRefresh *refresh;
  GtkSortListModel *sort_model;
  GtkCustomSorter *sorter;
  GtkFilterListModel *filter_model;
  GtkCustomFilter *filter;
  GtkSliceListModel *first_rows; /* all of them but while rows_held */
  GtkSingleSelection *selection;
  GtkFilterListModel *incident_filter_model; /* the pending incidents, searched */
  GtkCustomFilter *incident_filter;
  GtkNoSelection *incident_selection;

  /* search and filters */
  char *needle;           /* g_utf8_casefold'ed, NULL when the search is empty */
  GHashTable *owner_fold; /* owner name → folded, so a keystroke folds no owner twice */
  guint status_mask;      /* 1 << OgPostmortemStatus; 0: any */
  guint severity_mask;    /* 1 << OgSeverity; 0: any */
  char *sort_key;         /* "created", "updated", "severity" */
  char *sort_order;       /* "descending", "ascending" */
  gboolean clearing_filters;

  /* refresh */
  GCancellable *cancellable;
  GError *refresh_error; /* the last run's, NULL after a good one */
  gboolean refreshed;    /* a run finished since the refresh was set */

  /* what waits for the window's next frame (-frame.c) */
  gboolean refresh_queued; /* a run: debrief_postmortem_list_queue_refresh() */
  gboolean rows_held;      /* first_rows has the first screenful only */
  guint frame_wait_id;     /* the idle that looks at the window, then the time-out */
  GdkFrameClock *frame_clock;
  gulong after_paint_id;

  /* the last row opened by a click, so that a double click does not open it twice */
  char *last_click_id;
  gint64 last_click_time;
};

/* -filter.c */
void _debrief_postmortem_list_setup_models (DebriefPostmortemList *self);
void _debrief_postmortem_list_dispose_models (DebriefPostmortemList *self);
void _debrief_postmortem_list_search_changed (DebriefPostmortemList *self);
void _debrief_postmortem_list_filters_changed (DebriefPostmortemList *self);
void _debrief_postmortem_list_sort_changed (DebriefPostmortemList *self);
void _debrief_postmortem_list_clear_filters (DebriefPostmortemList *self);
guint _debrief_postmortem_list_count_filters (DebriefPostmortemList *self);

/* -frame.c */
void _debrief_postmortem_list_wait_for_frame (DebriefPostmortemList *self);
void _debrief_postmortem_list_stop_waiting (DebriefPostmortemList *self);
void _debrief_postmortem_list_hold_rows (DebriefPostmortemList *self);
void _debrief_postmortem_list_release_rows (DebriefPostmortemList *self);

/* -refresh.c */
void _debrief_postmortem_list_update_incidents (DebriefPostmortemList *self);
void _debrief_postmortem_list_connect_refresh (DebriefPostmortemList *self);
void _debrief_postmortem_list_disconnect_refresh (DebriefPostmortemList *self);
void _debrief_postmortem_list_update_problems (DebriefPostmortemList *self);

/* debrief-postmortem-list.c */
void _debrief_postmortem_list_emit_activated (DebriefPostmortemList *self, const char *id);
void _debrief_postmortem_list_emit_create_requested (DebriefPostmortemList *self,
                                                     OgIncident *incident);

/* -states.c */
void _debrief_postmortem_list_label_menu_button (GtkMenuButton *button, const char *label);
void _debrief_postmortem_list_update_state (DebriefPostmortemList *self);
void _debrief_postmortem_list_library_changed (DebriefPostmortemList *self);

/* -rows.c */
void _debrief_postmortem_list_setup_rows (DebriefPostmortemList *self);
void _debrief_postmortem_list_update_row_dates (DebriefPostmortemList *self);

/* -actions.c */
void _debrief_postmortem_list_install_actions (GtkWidgetClass *widget_class);

/* For the tests: what the user sees. */
GListModel *_debrief_postmortem_list_get_model (DebriefPostmortemList *self);
const char *_debrief_postmortem_list_get_state (DebriefPostmortemList *self);
AdwStatusPage *_debrief_postmortem_list_get_status_page (DebriefPostmortemList *self,
                                                         const char *state);
GtkSearchEntry *_debrief_postmortem_list_get_search_entry (DebriefPostmortemList *self);
/* "draft", "in-review", "published", "p1" … "p5" */
GtkCheckButton *_debrief_postmortem_list_get_filter_check (DebriefPostmortemList *self,
                                                           const char *name);
GtkMenuButton *_debrief_postmortem_list_get_filter_button (DebriefPostmortemList *self);
GtkLabel *_debrief_postmortem_list_get_filter_count_label (DebriefPostmortemList *self);
GtkLabel *_debrief_postmortem_list_get_problem_label (DebriefPostmortemList *self);
GtkWidget *_debrief_postmortem_list_get_problem_bar (DebriefPostmortemList *self);
GtkProgressBar *_debrief_postmortem_list_get_progress_bar (DebriefPostmortemList *self);
GtkWidget *_debrief_postmortem_list_get_progress_revealer (DebriefPostmortemList *self);
GtkStack *_debrief_postmortem_list_get_view_stack (DebriefPostmortemList *self);
GtkListView *_debrief_postmortem_list_get_list_view (DebriefPostmortemList *self);
GtkListView *_debrief_postmortem_list_get_incident_list_view (DebriefPostmortemList *self);
const char *_debrief_postmortem_list_get_incidents_state (DebriefPostmortemList *self);

G_END_DECLS
