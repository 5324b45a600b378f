/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "og-client.h"
#include "og-postmortem.h"

G_BEGIN_DECLS

/* Where a field stands in the save flow, as the page shows it: anything but CLEAN is said
 * next to the field. (DebriefEditSession's DebriefFieldState maps onto it; SAVING is the
 * page's own, while a field's update is on its way.) */
typedef enum
{
  DEBRIEF_PAGE_FIELD_CLEAN,
  DEBRIEF_PAGE_FIELD_UNSAVED,
  DEBRIEF_PAGE_FIELD_SAVING,
  DEBRIEF_PAGE_FIELD_FAILED,
  DEBRIEF_PAGE_FIELD_CONFLICT,
} DebriefPageFieldState;

/*
 * The form of one postmortem. It edits the working copy given to set_postmortem in place
 * and emits "changed" (OgPostmortemField) after each edit (for DebriefEditSession:
 * debrief_edit_session_working_changed); a field that differs from the
 * base copy is marked (style class "changed"). Users, teams, services and incidents are
 * chosen in pickers that search through the client.
 *
 * A published postmortem is shown read-only under a bar that offers to revert it to In
 * review; the button sets the working copy's status and emits "changed" (STATUS) and then
 * "revert-requested", for the save flow to send the status.
 *
 * The two rich text fields are slots (empty GtkBoxes) for an editor that the caller puts
 * there. The page leaves the slots sensitive, so that a published text stays readable: the
 * editor must bind its editability to "fields-editable", and call
 * debrief_postmortem_page_field_changed after it edits the working copy.
 */
#define DEBRIEF_TYPE_POSTMORTEM_PAGE (debrief_postmortem_page_get_type ())
G_DECLARE_FINAL_TYPE (DebriefPostmortemPage,
                      debrief_postmortem_page,
                      DEBRIEF,
                      POSTMORTEM_PAGE,
                      GtkWidget)

GtkWidget *debrief_postmortem_page_new (void);

/* @working is edited in place; @base (may be NULL: nothing is marked) is only read. */
void debrief_postmortem_page_set_postmortem (DebriefPostmortemPage *self,
                                             OgPostmortem *working,
                                             OgPostmortem *base);
/* A new base (say, what the server has after a save): updates the marks, keeps the field
 * states (set_postmortem clears them). */
void debrief_postmortem_page_set_base (DebriefPostmortemPage *self, OgPostmortem *base);
OgPostmortem *debrief_postmortem_page_get_postmortem (DebriefPostmortemPage *self);
OgPostmortem *debrief_postmortem_page_get_base (DebriefPostmortemPage *self);

void debrief_postmortem_page_set_client (DebriefPostmortemPage *self, OgClient *client);
OgClient *debrief_postmortem_page_get_client (DebriefPostmortemPage *self);

/* FALSE while, say, a save runs; a published postmortem is read-only either way. */
void debrief_postmortem_page_set_editable (DebriefPostmortemPage *self, gboolean editable);
gboolean debrief_postmortem_page_get_editable (DebriefPostmortemPage *self);
/* editable and not published: what the rich text editors should follow */
gboolean debrief_postmortem_page_get_fields_editable (DebriefPostmortemPage *self);

/* @message (may be NULL) is shown next to the field: the server's message and request id. */
void debrief_postmortem_page_set_field_state (DebriefPostmortemPage *self,
                                              OgPostmortemField field,
                                              DebriefPageFieldState state,
                                              const char *message);
DebriefPageFieldState debrief_postmortem_page_get_field_state (DebriefPostmortemPage *self,
                                                               OgPostmortemField field);

/* Whether the working copy's @field differs from the base's */
gboolean debrief_postmortem_page_get_field_changed (DebriefPostmortemPage *self,
                                                    OgPostmortemField field);
/* For whoever edits the working copy behind the page's back (the rich text editors): shows
 * @field afresh, updates its mark and emits "changed". */
void debrief_postmortem_page_field_changed (DebriefPostmortemPage *self, OgPostmortemField field);
/* For a change that is not the user's (the server's value taken in, a conflict resolved for
 * theirs, DebriefEditSession's ::field-changed): shows @field afresh and updates its mark,
 * without "changed". */
void debrief_postmortem_page_refresh_field (DebriefPostmortemPage *self, OgPostmortemField field);

/* The box of OG_POSTMORTEM_FIELD_EXECUTIVE_SUMMARY or OG_POSTMORTEM_FIELD_CONTENT */
GtkBox *debrief_postmortem_page_get_rich_text_slot (DebriefPostmortemPage *self,
                                                    OgPostmortemField field);

/* Responder roles to suggest besides those of the postmortems shown so far */
void debrief_postmortem_page_add_known_roles (DebriefPostmortemPage *self,
                                              const char *const *roles);

G_END_DECLS
