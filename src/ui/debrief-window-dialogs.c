/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-window"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-window-private.h"

#include "debrief-picker.h"
#include "og-sandbox.h"

/* The window's dialogs: a new postmortem for an incident (Ctrl+N), open by id or link
 * (Ctrl+L), delete, the shortcuts window (Ctrl+?). */

static const char *
actor_user_id (DebriefWindow *self)
{
  return self->actor_user_id != NULL ? self->actor_user_id : OG_SANDBOX_ACTOR_ID;
}

/* Create */

static void
on_created (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DebriefWindow) self = user_data;
  g_autoptr (DebriefEditSession) session = NULL;
  g_autoptr (GError) error = NULL;

  session = debrief_edit_session_create_finish (result, &error);
  if (session == NULL)
    {
      g_autofree char *description = NULL;
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      description = _debrief_window_describe_error (error);
      /* Translators: %s says why */
      message = g_strdup_printf (_ ("Could not create the postmortem. %s"), description);
      _debrief_window_toast (self, message);
      return;
    }

  if (self->library == NULL || debrief_edit_session_get_library (session) != self->library)
    return;

  _debrief_window_show_session (self, session);
  debrief_postmortem_list_select (self->postmortem_list,
                                  debrief_edit_session_get_postmortem_id (session));
  /* The incident has its postmortem now: it leaves the pending ones. */
  debrief_postmortem_list_refresh (self->postmortem_list);
  _debrief_window_toast (self, _ ("Postmortem created"));
}

void
_debrief_window_create_for_incident (DebriefWindow *self,
                                     const char *incident_id,
                                     const char *owner_id)
{
  g_return_if_fail (incident_id != NULL);

  if (self->library == NULL || self->client == NULL)
    return;

  debrief_edit_session_create_async (self->library, self->client, incident_id, actor_user_id (self),
                                     owner_id, self->cancellable, on_created, g_object_ref (self));
}

typedef struct
{
  DebriefWindow *window; /* weak: the dialog is destroyed with it */
  GtkWidget *dialog;
  GtkWidget *search_entry;
  GtkListBox *list_box;
  GtkCustomFilter *filter;
  GtkWidget *create_button;
  GtkWidget *owner_button;
  char *owner_id;
  char *search;
} CreateDialog;

static void
create_dialog_free (CreateDialog *create)
{
  g_clear_object (&create->filter);
  g_clear_object (&create->create_button);
  g_free (create->owner_id);
  g_free (create->search);
  g_free (create);
}

/* The list box unselects its rows as the dialog goes: nothing of the dialog may answer
 * then. */
static void
disconnect_create_dialog (CreateDialog *create)
{
  g_signal_handlers_disconnect_by_data (create->list_box, create);
  g_signal_handlers_disconnect_by_data (create->search_entry, create);
}

static gboolean
on_create_close_request (CreateDialog *create)
{
  disconnect_create_dialog (create);
  return FALSE;
}

static gboolean
incident_matches (gpointer item, gpointer user_data)
{
  CreateDialog *create = user_data;
  OgIncident *incident = item;
  g_autofree char *haystack = NULL;
  g_autofree char *folded = NULL;

  if (create->search == NULL || *create->search == '\0')
    return TRUE;

  haystack = g_strdup_printf ("#%s %s", og_incident_get_tiny_id (incident) ?: "",
                              og_incident_get_message (incident) ?: "");
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, create->search) != NULL;
}

static GtkWidget *
create_incident_row (gpointer item, gpointer user_data)
{
  OgIncident *incident = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *tiny = g_strdup_printf ("#%s", og_incident_get_tiny_id (incident) ?: "?");
  g_autofree char *escaped = g_markup_escape_text (og_incident_get_message (incident) ?: "", -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), tiny);
  g_object_set_data_full (G_OBJECT (row), "incident", g_object_ref (incident), g_object_unref);
  return row;
}

static void
on_create_search_changed (CreateDialog *create)
{
  g_free (create->search);
  create->search
      = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (create->search_entry)), -1);
  gtk_filter_changed (GTK_FILTER (create->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_create_selection_changed (CreateDialog *create)
{
  gtk_widget_set_sensitive (create->create_button,
                            gtk_list_box_get_selected_row (create->list_box) != NULL);
}

static void
on_create_clicked (CreateDialog *create)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (create->list_box);
  OgIncident *incident = row != NULL ? g_object_get_data (G_OBJECT (row), "incident") : NULL;

  if (incident == NULL)
    return;

  _debrief_window_create_for_incident (create->window, og_incident_get_id (incident),
                                       create->owner_id);
  disconnect_create_dialog (create);
  gtk_window_destroy (GTK_WINDOW (create->dialog));
}

/* Enter in the search: the row chosen, or the first that matches. */
static void
on_create_search_activate (CreateDialog *create)
{
  if (gtk_list_box_get_selected_row (create->list_box) == NULL)
    {
      GtkListBoxRow *first = gtk_list_box_get_row_at_index (create->list_box, 0);

      if (first == NULL)
        return;
      gtk_list_box_select_row (create->list_box, first);
    }
  on_create_clicked (create);
}

static gboolean
on_create_enter (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  CreateDialog *create = user_data;

  if (gtk_list_box_get_selected_row (create->list_box) == NULL)
    return FALSE;
  on_create_clicked (create);
  return TRUE;
}

static void
on_create_row_activated (CreateDialog *create, GtkListBoxRow *row)
{
  gtk_list_box_select_row (create->list_box, row);
  on_create_clicked (create);
}

static void
on_owner_picked (CreateDialog *create, DebriefPickerItem *item)
{
  g_free (create->owner_id);
  create->owner_id = g_strdup (debrief_picker_item_get_id (item));
  gtk_menu_button_set_label (GTK_MENU_BUTTON (create->owner_button),
                             debrief_picker_item_get_title (item));
}

static void
new_postmortem_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DebriefWindow *self = DEBRIEF_WINDOW (widget);
  CreateDialog *create;
  GtkWidget *dialog, *box, *header, *cancel, *scroller, *list_box, *owner_row, *picker, *label;
  g_autoptr (GtkFilterListModel) filtered = NULL;
  GListModel *pending;

  if (self->refresh == NULL)
    return;
  if (self->create_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->create_dialog));
      return;
    }

  create = g_new0 (CreateDialog, 1);
  create->window = self;

  dialog = adw_window_new ();
  create->dialog = dialog;
  g_object_set_data_full (G_OBJECT (dialog), "create-dialog", create,
                          (GDestroyNotify) create_dialog_free);
  gtk_window_set_title (GTK_WINDOW (dialog), _ ("New Postmortem"));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 480, 560);
  gtk_window_set_hide_on_close (GTK_WINDOW (dialog), FALSE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_ ("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  /* A reference of its own: the list box may unselect its rows after the button is gone. */
  create->create_button = g_object_ref (gtk_button_new_with_mnemonic (_ ("C_reate")));
  gtk_widget_add_css_class (create->create_button, "suggested-action");
  gtk_widget_set_sensitive (create->create_button, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (create->create_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Create Postmortem"), -1);
  g_signal_connect_swapped (create->create_button, "clicked", G_CALLBACK (on_create_clicked),
                            create);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), create->create_button);
  gtk_box_append (GTK_BOX (box), header);

  {
    GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
    GtkWidget *owner_list = gtk_list_box_new ();

    gtk_widget_set_margin_top (inner, 12);
    gtk_widget_set_margin_bottom (inner, 12);
    gtk_widget_set_margin_start (inner, 12);
    gtk_widget_set_margin_end (inner, 12);
    gtk_widget_set_vexpand (inner, TRUE);

    label = gtk_label_new (_ ("A resolved incident without a postmortem"));
    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_widget_add_css_class (label, "heading");
    gtk_box_append (GTK_BOX (inner), label);

    create->search_entry = gtk_search_entry_new ();
    gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (create->search_entry), dialog);
    gtk_accessible_update_property (GTK_ACCESSIBLE (create->search_entry),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Search incidents"), -1);
    g_object_set (create->search_entry, "placeholder-text", _ ("Search incidents"), NULL);
    g_signal_connect_swapped (create->search_entry, "search-changed",
                              G_CALLBACK (on_create_search_changed), create);
    g_signal_connect_swapped (create->search_entry, "activate",
                              G_CALLBACK (on_create_search_activate), create);
    gtk_box_append (GTK_BOX (inner), create->search_entry);

    scroller = gtk_scrolled_window_new ();
    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                    GTK_POLICY_AUTOMATIC);
    gtk_widget_set_vexpand (scroller, TRUE);
    list_box = gtk_list_box_new ();
    create->list_box = GTK_LIST_BOX (list_box);
    gtk_widget_add_css_class (list_box, "boxed-list");
    gtk_widget_set_valign (list_box, GTK_ALIGN_START);
    gtk_list_box_set_selection_mode (GTK_LIST_BOX (list_box), GTK_SELECTION_SINGLE);
    /* A click chooses, Enter or a double click (or Create) creates. */
    gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (list_box), FALSE);
    gtk_accessible_update_property (GTK_ACCESSIBLE (list_box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _ ("Incidents without a postmortem"), -1);
    {
      GtkWidget *empty = adw_status_page_new ();

      adw_status_page_set_title (ADW_STATUS_PAGE (empty), _ ("No Incident Waits for One"));
      adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                       _ ("Every resolved incident has a postmortem, or the list "
                                          "has not been refreshed yet (F5)."));
      gtk_widget_add_css_class (empty, "compact");
      gtk_list_box_set_placeholder (GTK_LIST_BOX (list_box), empty);
    }
    pending = debrief_library_refresh_get_pending_incidents (self->refresh);
    create->filter = gtk_custom_filter_new (incident_matches, create, NULL);
    filtered = gtk_filter_list_model_new (g_object_ref (pending),
                                          GTK_FILTER (g_object_ref (create->filter)));
    gtk_list_box_bind_model (GTK_LIST_BOX (list_box), G_LIST_MODEL (filtered), create_incident_row,
                             create, NULL);
    g_signal_connect_swapped (list_box, "row-selected", G_CALLBACK (on_create_selection_changed),
                              create);
    g_signal_connect_swapped (list_box, "row-activated", G_CALLBACK (on_create_row_activated),
                              create);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list_box);
    gtk_box_append (GTK_BOX (inner), scroller);

    gtk_widget_add_css_class (owner_list, "boxed-list");
    gtk_list_box_set_selection_mode (GTK_LIST_BOX (owner_list), GTK_SELECTION_NONE);
    owner_row = adw_action_row_new ();
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (owner_row), _ ("Owner"));
    create->owner_button = gtk_menu_button_new ();
    gtk_menu_button_set_label (GTK_MENU_BUTTON (create->owner_button), _ ("Me"));
    gtk_widget_set_valign (create->owner_button, GTK_ALIGN_CENTER);
    gtk_accessible_update_property (GTK_ACCESSIBLE (create->owner_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Owner"), -1);
    picker = debrief_picker_new (DEBRIEF_PICKER_USERS);
    debrief_picker_set_client (DEBRIEF_PICKER (picker), self->client);
    g_signal_connect_swapped (picker, "picked", G_CALLBACK (on_owner_picked), create);
    gtk_menu_button_set_popover (GTK_MENU_BUTTON (create->owner_button), picker);
    adw_action_row_add_suffix (ADW_ACTION_ROW (owner_row), create->owner_button);
    adw_action_row_set_activatable_widget (ADW_ACTION_ROW (owner_row), create->owner_button);
    gtk_list_box_append (GTK_LIST_BOX (owner_list), owner_row);
    gtk_box_append (GTK_BOX (inner), owner_list);

    gtk_box_append (GTK_BOX (box), inner);
  }

  adw_window_set_content (ADW_WINDOW (dialog), box);
  {
    GtkEventController *keys = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (
        GTK_SHORTCUT_CONTROLLER (keys),
        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                          gtk_named_action_new ("window.close")));
    /* Enter creates for the incident chosen, wherever the focus is (what has a use for
     * Enter itself, the owner's button say, has it first). */
    gtk_shortcut_controller_add_shortcut (
        GTK_SHORTCUT_CONTROLLER (keys),
        gtk_shortcut_new (
            gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, 0),
                                         gtk_keyval_trigger_new (GDK_KEY_KP_Enter, 0)),
            gtk_callback_action_new (on_create_enter, create, NULL)));
    gtk_widget_add_controller (dialog, keys);
  }

  g_signal_connect_swapped (dialog, "close-request", G_CALLBACK (on_create_close_request), create);
  g_set_weak_pointer (&self->create_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (create->search_entry);
}

/* Open by id or link */

static void
on_open_response (DebriefWindow *self, const char *response, AdwMessageDialog *dialog)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autofree char *text = NULL;

  if (g_strcmp0 (response, "open") != 0)
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  if (*text != '\0' && self->library != NULL)
    _debrief_window_open (self, text);
}

static void
on_open_entry_changed (AdwMessageDialog *dialog, GtkEditable *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "open", *text != '\0');
}

static void
on_open_entry_activate (AdwMessageDialog *dialog, GtkEntry *entry)
{
  if (adw_message_dialog_get_response_enabled (dialog, "open"))
    adw_message_dialog_response (dialog, "open");
}

static void
open_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DebriefWindow *self = DEBRIEF_WINDOW (widget);
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  if (self->library == NULL)
    return;

  dialog = ADW_MESSAGE_DIALOG (
      adw_message_dialog_new (GTK_WINDOW (self), _ ("Open a Postmortem"),
                              _ ("Paste its link from Opsgenie, or type its id.")));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _ ("Link or id"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Postmortem link or id"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);

  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "open", _ ("_Open"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "open", FALSE);
  adw_message_dialog_set_default_response (dialog, "open");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (on_open_entry_changed), dialog);
  g_signal_connect_swapped (entry, "activate", G_CALLBACK (on_open_entry_activate), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_open_response), self,
                           G_CONNECT_SWAPPED);

  g_set_weak_pointer (&self->open_dialog, GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Delete */

static void
on_deleted (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DebriefWindow) self = user_data;
  DebriefEditSession *session = DEBRIEF_EDIT_SESSION (object);
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (!debrief_edit_session_delete_finish (session, result, &error))
    {
      g_autofree char *description = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      description = _debrief_window_describe_error (error);
      /* Translators: %s says why */
      message = g_strdup_printf (_ ("Could not delete the postmortem. %s"), description);
      _debrief_window_toast (self, message);
      return;
    }

  message = g_strdup (g_object_get_data (G_OBJECT (session), "deleted-message"));
  if (self->session == session)
    _debrief_window_close_session (self);
  _debrief_window_toast (self, message != NULL ? message : _ ("Postmortem deleted"));
}

static void
on_delete_response (DebriefWindow *self, const char *response, AdwMessageDialog *dialog)
{
  DebriefEditSession *session = g_object_get_data (G_OBJECT (dialog), "session");
  GtkCheckButton *timeline = g_object_get_data (G_OBJECT (dialog), "timeline");
  const char *title = g_object_get_data (G_OBJECT (dialog), "title");

  if (g_strcmp0 (response, "delete") != 0 || session == NULL || session != self->session)
    return;

  /* Translators: %s is the title of a postmortem */
  g_object_set_data_full (G_OBJECT (session), "deleted-message",
                          g_strdup_printf (_ ("“%s” deleted"), title), g_free);
  debrief_edit_session_delete_async (session, gtk_check_button_get_active (timeline),
                                     self->session_cancellable, on_deleted, g_object_ref (self));
  _debrief_window_update_actions (self);
}

static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DebriefWindow *self = DEBRIEF_WINDOW (widget);
  OgPostmortem *base;
  AdwMessageDialog *dialog;
  GtkWidget *timeline;
  const char *title;
  g_autofree char *heading = NULL;

  if (self->session == NULL || (base = debrief_edit_session_get_base (self->session)) == NULL)
    return;

  title = og_postmortem_get_title (base);
  if (title == NULL || *title == '\0')
    title = _ ("Untitled Postmortem");

  /* Translators: %s is the title of a postmortem */
  heading = g_strdup_printf (_ ("Delete “%s”?"), title);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
      GTK_WINDOW (self), heading,
      _ ("It is deleted in Opsgenie for everyone, and cannot be brought back.")));
  timeline = gtk_check_button_new ();
  {
    /* A label of its own, so that it wraps in a narrow window. */
    GtkWidget *label
        = gtk_label_new_with_mnemonic (_ ("Also delete the _timeline exported to Confluence"));

    gtk_label_set_wrap (GTK_LABEL (label), TRUE);
    gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_label_set_mnemonic_widget (GTK_LABEL (label), timeline);
    gtk_check_button_set_child (GTK_CHECK_BUTTON (timeline), label);
    gtk_accessible_update_property (GTK_ACCESSIBLE (timeline), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _ ("Also delete the timeline exported to Confluence"), -1);
  }
  gtk_check_button_set_active (GTK_CHECK_BUTTON (timeline), FALSE);
  adw_message_dialog_set_extra_child (dialog, timeline);
  g_object_set_data (G_OBJECT (dialog), "timeline", timeline);
  g_object_set_data_full (G_OBJECT (dialog), "session", g_object_ref (self->session),
                          g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "title", g_strdup (title), g_free);

  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "delete", _ ("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self,
                           G_CONNECT_SWAPPED);

  g_set_weak_pointer (&self->delete_dialog, GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Shortcuts */

/* Built when asked for and destroyed when closed, instead of GtkApplication's help overlay,
 * which it builds for every window from gtk/help-overlay.ui and keeps hidden: GTK 4.8's
 * AT-SPI root answers GetChildAtIndex past its last shown window with the last toplevel, and
 * a window never shown has no object path, so that answer crashed Debrief (SIGSEGV in
 * g_variant_new) when a screen reader or the e2e test counted the windows as a dialog
 * closed. Every toplevel Debrief has is on screen. */
static void
show_help_overlay_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DebriefWindow *self = DEBRIEF_WINDOW (widget);
  g_autoptr (GtkBuilder) builder = NULL;
  GtkWindow *shortcuts;

  if (self->shortcuts_window != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->shortcuts_window));
      return;
    }

  builder = gtk_builder_new_from_resource (RESOURCE_BASE "/ui/debrief-shortcuts-window.ui");
  shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (self));
  gtk_window_set_hide_on_close (shortcuts, FALSE);
  g_set_weak_pointer (&self->shortcuts_window, GTK_WIDGET (shortcuts));
  gtk_window_present (shortcuts);
}

void
_debrief_window_dialogs_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-postmortem", NULL, new_postmortem_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-postmortem", NULL);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_install_action (widget_class, "win.delete", NULL, delete_action);
  /* Its accelerator, Ctrl+?, is the application's: the menu shows it. */
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);
}

GtkWindow *
_debrief_window_get_create_dialog (DebriefWindow *self)
{
  return self->create_dialog != NULL ? GTK_WINDOW (self->create_dialog) : NULL;
}

AdwMessageDialog *
_debrief_window_get_open_dialog (DebriefWindow *self)
{
  return self->open_dialog != NULL ? ADW_MESSAGE_DIALOG (self->open_dialog) : NULL;
}

GtkWindow *
_debrief_window_get_shortcuts_window (DebriefWindow *self)
{
  return self->shortcuts_window != NULL ? GTK_WINDOW (self->shortcuts_window) : NULL;
}

AdwMessageDialog *
_debrief_window_get_delete_dialog (DebriefWindow *self)
{
  return self->delete_dialog != NULL ? ADW_MESSAGE_DIALOG (self->delete_dialog) : NULL;
}
