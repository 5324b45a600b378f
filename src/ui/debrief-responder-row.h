/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "og-responder.h"

G_BEGIN_DECLS

/*
 * A responder of a postmortem: the user's name, an entry for their role with a menu of the
 * roles seen so far, and a remove button. "role-changed" follows the entry; "remove" is the
 * button. Accessible names carry the user's name ("Role of Priya Raman", "Remove Priya
 * Raman"), so that a screen reader tells the rows apart.
 */
#define DEBRIEF_TYPE_RESPONDER_ROW (debrief_responder_row_get_type ())
G_DECLARE_FINAL_TYPE (DebriefResponderRow,
                      debrief_responder_row,
                      DEBRIEF,
                      RESPONDER_ROW,
                      AdwActionRow)

/* @roles: a menu model whose items activate "responder.set-role" with the role as target */
GtkWidget *debrief_responder_row_new (OgResponder *responder, GMenuModel *roles);
OgResponder *debrief_responder_row_get_responder (DebriefResponderRow *self);
/* The role as typed now */
const char *debrief_responder_row_get_role (DebriefResponderRow *self);
void debrief_responder_row_set_role (DebriefResponderRow *self, const char *role);
void debrief_responder_row_set_editable (DebriefResponderRow *self, gboolean editable);
GtkEditable *debrief_responder_row_get_role_entry (DebriefResponderRow *self);
GtkWidget *debrief_responder_row_get_remove_button (DebriefResponderRow *self);

G_END_DECLS
