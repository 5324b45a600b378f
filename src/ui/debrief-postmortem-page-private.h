/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "debrief-picker.h"
#include "debrief-postmortem-page.h"

G_BEGIN_DECLS

/* What the page shows of one field: the widget marked "changed" and the row that tells its
 * save state (hidden while clean). */
typedef struct
{
  GtkWidget *mark;
  AdwActionRow *status_row;
  GtkWidget *status_container;
  GtkWidget *status_icon;
  DebriefPageFieldState state;
} DebriefField;

struct _DebriefPostmortemPage
{
  GtkWidget parent_instance;

  /* scrolls to the focused widget: see scroll_to_focus */
  GtkScrolledWindow *scroller;
  GtkRoot *focus_root;
  gulong focus_handler;

  /* the published lock */
  GtkWidget *lock_bar;
  GtkWidget *revert_button;

  /* details */
  AdwEntryRow *title_row;
  AdwComboRow *severity_row;
  AdwComboRow *status_row;
  AdwActionRow *owner_row;
  GtkMenuButton *owner_button;

  /* lists */
  GtkListBox *jira_list;
  AdwEntryRow *jira_entry_row;
  GtkLabel *jira_error_label;
  GtkListBox *incidents_list;
  GtkMenuButton *incidents_button;
  GtkListBox *services_list;
  GtkMenuButton *services_button;
  GtkListBox *teams_list;
  GtkMenuButton *teams_button;
  GtkListBox *responders_list;
  GtkMenuButton *responders_button;

  /* read-only */
  AdwActionRow *root_incident_row;
  AdwExpanderRow *times_row;
  AdwActionRow *start_row;
  AdwActionRow *end_row;
  AdwActionRow *respond_row;
  AdwActionRow *resolve_row;
  AdwActionRow *created_row;
  AdwActionRow *duration_row;

  /* rich text */
  GtkBox *summary_slot;
  GtkBox *content_slot;

  DebriefField fields[OG_N_POSTMORTEM_FIELDS];
  /* the rows that show list items, per list field (status rows excluded) */
  GPtrArray *item_rows[OG_N_POSTMORTEM_FIELDS];

  OgPostmortem *working;
  OgPostmortem *base;
  OgClient *client;
  DebriefPicker *pickers[OG_N_POSTMORTEM_FIELDS]; /* owner and the list fields */
  GtkStringList *known_roles;
  GMenu *roles_menu;

  gboolean editable;
  gboolean fields_editable;
  /* set while the page writes to its widgets, so that their signals are not edits */
  guint updating;
};

/* debrief-postmortem-page.c */
void _debrief_postmortem_page_edited (DebriefPostmortemPage *self, OgPostmortemField field);

/* debrief-postmortem-page-details.c: title, severity, status, owner */
void _debrief_postmortem_page_details_class_init (GtkWidgetClass *widget_class);
void _debrief_postmortem_page_details_init (DebriefPostmortemPage *self);
void _debrief_postmortem_page_update_owner (DebriefPostmortemPage *self);

/* debrief-postmortem-page-lists.c: the list fields, their rows and pickers */
void _debrief_postmortem_page_lists_init (DebriefPostmortemPage *self);
void _debrief_postmortem_page_lists_class_init (GtkWidgetClass *widget_class);
void _debrief_postmortem_page_update_list (DebriefPostmortemPage *self, OgPostmortemField field);
GtkWidget *_debrief_postmortem_page_new_icon_button (const char *icon_name,
                                                     const char *tooltip,
                                                     const char *accessible_label);
/* A row of one list item with its remove button (after @first_suffix, may be NULL) */
GtkWidget *_debrief_postmortem_page_new_item_row (DebriefPostmortemPage *self,
                                                  OgPostmortemField field,
                                                  guint index,
                                                  const char *label,
                                                  GtkWidget *first_suffix);
void _debrief_postmortem_page_remember_roles (DebriefPostmortemPage *self,
                                              OgPostmortem *postmortem);

/* debrief-postmortem-page-jira.c: the Jira links' entry row and rows */
void _debrief_postmortem_page_jira_class_init (GtkWidgetClass *widget_class);
GtkWidget *
_debrief_postmortem_page_new_jira_row (DebriefPostmortemPage *self, guint index, const char *url);

/* debrief-postmortem-page-state.c: marks, save states, the read-only incident and times */
void _debrief_postmortem_page_fields_class_init (GtkWidgetClass *widget_class);
void _debrief_postmortem_page_fields_init (DebriefPostmortemPage *self);
void _debrief_postmortem_page_update_mark (DebriefPostmortemPage *self, OgPostmortemField field);
void _debrief_postmortem_page_update_times (DebriefPostmortemPage *self);

/* For tests */
GtkWidget *_debrief_postmortem_page_get_field_widget (DebriefPostmortemPage *self,
                                                      OgPostmortemField field);
const char *_debrief_postmortem_page_get_field_message (DebriefPostmortemPage *self,
                                                        OgPostmortemField field);
DebriefPicker *_debrief_postmortem_page_get_picker (DebriefPostmortemPage *self,
                                                    OgPostmortemField field);
GtkWidget *_debrief_postmortem_page_get_lock_bar (DebriefPostmortemPage *self);
GtkWidget *_debrief_postmortem_page_get_revert_button (DebriefPostmortemPage *self);
AdwEntryRow *_debrief_postmortem_page_get_jira_entry_row (DebriefPostmortemPage *self);
GtkLabel *_debrief_postmortem_page_get_jira_error_label (DebriefPostmortemPage *self);
/* The rows of a list field's items (AdwActionRow, or DebriefResponderRow for responders) */
GPtrArray *_debrief_postmortem_page_get_item_rows (DebriefPostmortemPage *self,
                                                   OgPostmortemField field);

G_END_DECLS
