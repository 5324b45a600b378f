/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "debrief-edit-session.h"
#include "debrief-library-refresh.h"
#include "debrief-library.h"
#include "debrief-postmortem-list.h"
#include "debrief-postmortem-page.h"
#include "debrief-rich-text.h"
#include "debrief-window.h"

G_BEGIN_DECLS

struct _DebriefWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  GtkWidget *sandbox_button;
  GtkWidget *connect_button;
  AdwStatusPage *keyring_page;
  AdwStatusPage *opening_page;
  GtkWidget *opening_spinner;
  /* Says "Opening Your Account…" once the keyring has taken a while. */
  guint opening_timeout;
  GtkWidget *keyring_button;
  AdwLeaflet *leaflet;
  GtkWidget *sidebar_clamp;
  GtkWidget *sidebar;
  GtkWidget *main_overlay;
  GtkWidget *sidebar_handle;
  AdwWindowTitle *window_title;
  GtkWidget *refresh_button;
  GtkWidget *new_button;
  GtkWidget *sandbox_bar;
  DebriefPostmortemList *postmortem_list;
  GtkWidget *content;
  AdwWindowTitle *postmortem_title;
  GtkWidget *back_button;
  GtkWidget *save_button;
  GtkWidget *postmortem_menu_button;
  GtkProgressBar *save_progress;
  GtkRevealer *draft_revealer;
  GtkLabel *draft_label;
  GtkStack *content_stack;
  AdwStatusPage *open_error_page;
  /* NULL until the first postmortem is shown (_debrief_window_ensure_page) */
  DebriefPostmortemPage *page;
  DebriefRichText *summary_text;
  DebriefRichText *content_text;

  GSettings *settings;
  /* The list's width when the drag of its edge began; -1 while none runs. */
  int drag_start_width;
  /* The limits of that drag */
  int drag_lowest;
  int drag_highest;
  OgClient *client;
  char *account_id;
  char *account_name;
  char *actor_user_id;
  DebriefLibrary *library;
  DebriefLibraryRefresh *refresh;
  /* The refresh and opening postmortems: cancelled with a new client, and in dispose. */
  GCancellable *cancellable;

  /* The postmortem shown, and what its own async calls run under. */
  DebriefEditSession *session;
  GCancellable *session_cancellable;
  /* The conflict dialog while it is up (weak) */
  GtkWidget *conflict_dialog;
  /* The delete dialog while it is up (weak) */
  GtkWidget *delete_dialog;
  /* The create and open dialogs while they are up (weak) */
  GtkWidget *create_dialog;
  GtkWidget *open_dialog;
  /* The shortcuts window while it is up (weak): see show_help_overlay_action */
  GtkWidget *shortcuts_window;
  char *last_toast;

  guint sandbox : 1;
  guint loading_rich_text : 1;
  /* An editor was typed in and has not written its document into the working copy yet. */
  guint rich_text_pending : 1;
};

/* debrief-window-session.c: the postmortem shown */
void _debrief_window_session_class_init (GtkWidgetClass *widget_class);
void _debrief_window_session_init (DebriefWindow *self);
/* Builds the page and its editors, the first time a postmortem is shown. */
void _debrief_window_ensure_page (DebriefWindow *self);
/* Opens @id_or_url in the content pane, closing (and keeping the draft of) the one shown. */
void _debrief_window_open (DebriefWindow *self, const char *id_or_url);
/* Shows @session (already opened, say by create) in the content pane. */
void _debrief_window_show_session (DebriefWindow *self, DebriefEditSession *session);
/* Closes the session shown, keeping its draft; says so in a toast when it had changes. */
void _debrief_window_close_session (DebriefWindow *self);
void _debrief_window_update_actions (DebriefWindow *self);
/* Shows the session's working copy in the page and the editors afresh. */
void _debrief_window_show_working (DebriefWindow *self);
/* Writes what the rich text editors hold into the working copy (their own writes wait for a
 * pause in typing). */
void _debrief_window_store_rich_texts (DebriefWindow *self);

/* debrief-window-save.c: save, conflicts, revert */
void _debrief_window_save_class_init (GtkWidgetClass *widget_class);
void _debrief_window_save (DebriefWindow *self);
void _debrief_window_revert (DebriefWindow *self);

/* debrief-window-dialogs.c: create, open by id or link, delete */
void _debrief_window_dialogs_class_init (GtkWidgetClass *widget_class);
void _debrief_window_create_for_incident (DebriefWindow *self,
                                          const char *incident_id,
                                          const char *owner_id);

void _debrief_window_toast (DebriefWindow *self, const char *message);
/* "message (request id)" for an error of the API, the message otherwise */
char *_debrief_window_describe_error (const GError *error);

/* For tests: what the window shows, without walking its widget tree. */
GListModel *_debrief_window_get_model (DebriefWindow *self);
const char *_debrief_window_get_visible_page_name (DebriefWindow *self);
GtkWidget *_debrief_window_get_sandbox_button (DebriefWindow *self);
GtkWidget *_debrief_window_get_sandbox_bar (DebriefWindow *self);
GtkWidget *_debrief_window_get_connect_button (DebriefWindow *self);
AdwStatusPage *_debrief_window_get_keyring_page (DebriefWindow *self);
GtkWidget *_debrief_window_get_keyring_button (DebriefWindow *self);
GtkWidget *_debrief_window_get_refresh_button (DebriefWindow *self);
DebriefPostmortemList *_debrief_window_get_postmortem_list (DebriefWindow *self);
DebriefPostmortemPage *_debrief_window_get_page (DebriefWindow *self);
DebriefEditSession *_debrief_window_get_session (DebriefWindow *self);
DebriefLibrary *_debrief_window_get_library (DebriefWindow *self);
DebriefLibraryRefresh *_debrief_window_get_refresh (DebriefWindow *self);
DebriefRichText *_debrief_window_get_rich_text (DebriefWindow *self, OgPostmortemField field);
const char *_debrief_window_get_content_page_name (DebriefWindow *self);
GtkWidget *_debrief_window_get_draft_bar (DebriefWindow *self);
const char *_debrief_window_get_draft_text (DebriefWindow *self);
/* The dialogs while they are up, or NULL */
AdwMessageDialog *_debrief_window_get_conflict_dialog (DebriefWindow *self);
AdwMessageDialog *_debrief_window_get_delete_dialog (DebriefWindow *self);
GtkWindow *_debrief_window_get_create_dialog (DebriefWindow *self);
AdwMessageDialog *_debrief_window_get_open_dialog (DebriefWindow *self);
GtkWindow *_debrief_window_get_shortcuts_window (DebriefWindow *self);
/* The text of the last toast shown, or NULL */
const char *_debrief_window_get_last_toast (DebriefWindow *self);

G_END_DECLS
