/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-window"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-window-private.h"

/* Save (Ctrl+S), the conflicts it may find, and the published lock's revert. */

#define MAX_VALUE_CHARS 160

static void
append_adf_text (JsonNode *node, GString *text)
{
  if (node == NULL)
    return;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      const char *type = json_object_get_string_member_with_default (object, "type", "");

      if (g_strcmp0 (type, "text") == 0)
        g_string_append (text, json_object_get_string_member_with_default (object, "text", ""));
      if (json_object_has_member (object, "content"))
        {
          gboolean block = g_strcmp0 (type, "paragraph") == 0 || g_strcmp0 (type, "heading") == 0;

          append_adf_text (json_object_get_member (object, "content"), text);
          if (block && text->len > 0 && text->str[text->len - 1] != ' ')
            g_string_append_c (text, ' ');
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        append_adf_text (json_array_get_element (array, i), text);
    }
}

static void
append_value (JsonNode *node, GString *text)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *string = json_node_get_string (node);
      g_autoptr (JsonNode) adf = NULL;

      /* The two rich fields travel as an ADF document in a string: show its words. */
      if (g_str_has_prefix (string, "{") && (adf = json_from_string (string, NULL)) != NULL)
        append_adf_text (adf, text);
      else
        g_string_append (text, string);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          if (i > 0)
            g_string_append (text, ", ");
          append_value (json_array_get_element (array, i), text);
        }
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      const char *names[] = { "name", "username", "fullName", "id" };
      gboolean found = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (names) && !found; i++)
        {
          if (json_object_has_member (object, names[i]))
            {
              append_value (json_object_get_member (object, names[i]), text);
              found = TRUE;
            }
        }
      if (!found)
        {
          /* One member (the partial update's): its value. */
          g_autoptr (GList) members = json_object_get_values (object);

          for (GList *l = members; l != NULL; l = l->next)
            {
              if (l != members)
                g_string_append (text, ", ");
              append_value (l->data, text);
            }
        }
    }
  else
    {
      g_autofree char *string = json_to_string (node, FALSE);

      g_string_append (text, string);
    }
}

/* A conflict's value as the user reads it: words, not JSON. */
static char *
describe_value (JsonNode *node)
{
  GString *text = g_string_new (NULL);

  append_value (node, text);
  g_strstrip (text->str);
  text->len = strlen (text->str);
  if (text->len == 0)
    g_string_assign (text, _ ("(empty)"));
  if (g_utf8_strlen (text->str, -1) > MAX_VALUE_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (text->str, 0, MAX_VALUE_CHARS);

      g_string_printf (text, "%s…", cut);
    }
  return g_string_free (text, FALSE);
}

/* A radio choice whose words wrap: a value may be a long title or a summary. */
static GtkWidget *
new_choice (const char *text)
{
  GtkWidget *button = gtk_check_button_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  return button;
}

static void on_saved (GObject *object, GAsyncResult *result, gpointer user_data);

static void
start_save (DebriefWindow *self)
{
  debrief_edit_session_save_async (self->session, self->session_cancellable, on_saved,
                                   g_object_ref (self));
  _debrief_window_update_actions (self);
}

static void
on_conflict_response (DebriefWindow *self, const char *response, AdwMessageDialog *dialog)
{
  DebriefEditSession *session = g_object_get_data (G_OBJECT (dialog), "session");

  if (session == NULL || session != self->session)
    return;

  if (g_strcmp0 (response, "save") != 0)
    {
      _debrief_window_toast (self, _ ("Not saved: the fields changed in Opsgenie too are marked"));
      return;
    }

  for (guint i = 0; i < debrief_edit_session_get_n_conflicts (session); i++)
    {
      const DebriefSaveConflict *conflict = debrief_edit_session_get_conflict (session, i);
      g_autofree char *key = g_strdup_printf ("theirs-%u", (guint) conflict->field);
      GtkCheckButton *theirs = g_object_get_data (G_OBJECT (dialog), key);
      gboolean take_theirs = theirs != NULL && gtk_check_button_get_active (theirs);

      debrief_edit_session_resolve_conflict (session, conflict->field,
                                             take_theirs ? DEBRIEF_CONFLICT_TAKE_THEIRS
                                                         : DEBRIEF_CONFLICT_KEEP_MINE);
    }

  if (debrief_edit_session_get_dirty (session))
    start_save (self);
  else
    _debrief_window_toast (self, _ ("Nothing left to save: Opsgenie’s versions were kept"));
}

static void
show_conflicts (DebriefWindow *self)
{
  DebriefEditSession *session = self->session;
  AdwMessageDialog *dialog;
  GtkWidget *box;
  guint n = debrief_edit_session_get_n_conflicts (session);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
      GTK_WINDOW (self),
      ngettext ("A Field Was Changed in Opsgenie Too", "Fields Were Changed in Opsgenie Too", n),
      _ ("Someone changed these fields in Opsgenie since you opened the postmortem. Choose the "
         "version to keep for each; the rest of your changes are saved as they are.")));
  g_object_set_data_full (G_OBJECT (dialog), "session", g_object_ref (session), g_object_unref);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  for (guint i = 0; i < n; i++)
    {
      const DebriefSaveConflict *conflict = debrief_edit_session_get_conflict (session, i);
      const char *label = debrief_edit_session_field_label (conflict->field);
      g_autofree char *mine_value = describe_value (conflict->mine);
      g_autofree char *theirs_value = describe_value (conflict->theirs);
      g_autofree char *mine_text = NULL;
      g_autofree char *theirs_text = NULL;
      g_autofree char *key = g_strdup_printf ("theirs-%u", (guint) conflict->field);
      GtkWidget *group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *heading = gtk_label_new (label);
      GtkWidget *mine;
      GtkWidget *theirs;

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_add_css_class (heading, "heading");
      gtk_box_append (GTK_BOX (group), heading);

      /* Translators: %s is the value the user typed */
      mine_text = g_strdup_printf (_ ("Mine: %s"), mine_value);
      /* Translators: %s is the value someone else saved in Opsgenie */
      theirs_text = g_strdup_printf (_ ("Theirs: %s"), theirs_value);
      mine = new_choice (mine_text);
      theirs = new_choice (theirs_text);
      gtk_check_button_set_group (GTK_CHECK_BUTTON (theirs), GTK_CHECK_BUTTON (mine));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (mine), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (group), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      gtk_box_append (GTK_BOX (group), mine);
      gtk_box_append (GTK_BOX (group), theirs);
      gtk_box_append (GTK_BOX (box), group);
      g_object_set_data (G_OBJECT (dialog), key, theirs);
    }
  adw_message_dialog_set_extra_child (dialog, box);

  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "save", _ ("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_conflict_response), self,
                           G_CONNECT_SWAPPED);

  g_set_weak_pointer (&self->conflict_dialog, GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_saved (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DebriefWindow) self = user_data;
  DebriefEditSession *session = DEBRIEF_EDIT_SESSION (object);
  g_autoptr (GError) error = NULL;

  if (debrief_edit_session_save_finish (session, result, &error))
    {
      if (self->session == session)
        _debrief_window_toast (self, _ ("Saved to Opsgenie"));
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->session != session)
    return;

  _debrief_window_update_actions (self);

  if (g_error_matches (error, DEBRIEF_EDIT_SESSION_ERROR, DEBRIEF_EDIT_SESSION_ERROR_CONFLICTS))
    show_conflicts (self);
  else if (g_error_matches (error, DEBRIEF_EDIT_SESSION_ERROR,
                            DEBRIEF_EDIT_SESSION_ERROR_NOT_SAVED))
    {
      g_autoptr (GArray) unsaved = debrief_edit_session_dup_unsaved_fields (session);
      g_autoptr (GString) names = g_string_new (NULL);
      g_autofree char *message = NULL;

      for (guint i = 0; i < unsaved->len; i++)
        {
          if (i > 0)
            g_string_append (names, ", ");
          g_string_append (names, debrief_edit_session_field_label (
                                      g_array_index (unsaved, OgPostmortemField, i)));
        }
      /* Translators: %s lists the fields ("Title, Severity") */
      message
          = g_strdup_printf (_ ("Not everything was saved: %s. The fields say why."), names->str);
      _debrief_window_toast (self, message);
    }
  else if (!g_error_matches (error, DEBRIEF_EDIT_SESSION_ERROR, DEBRIEF_EDIT_SESSION_ERROR_BUSY))
    {
      g_autofree char *description = _debrief_window_describe_error (error);
      g_autofree char *message = NULL;

      /* Translators: %s says why; nothing was lost */
      message = g_strdup_printf (_ ("Could not save. %s Your changes are kept."), description);
      _debrief_window_toast (self, message);
    }
}

void
_debrief_window_save (DebriefWindow *self)
{
  if (self->session == NULL || debrief_edit_session_get_saving (self->session))
    return;

  /* What an editor holds but has not written into the working copy yet. */
  _debrief_window_store_rich_texts (self);

  if (!debrief_edit_session_get_dirty (self->session))
    {
      _debrief_window_update_actions (self);
      return;
    }

  start_save (self);
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  _debrief_window_save (DEBRIEF_WINDOW (widget));
}

static void
on_reverted (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DebriefWindow) self = user_data;
  DebriefEditSession *session = DEBRIEF_EDIT_SESSION (object);
  g_autoptr (GError) error = NULL;

  if (debrief_edit_session_revert_to_in_review_finish (session, result, &error))
    {
      if (self->session == session)
        _debrief_window_toast (self, _ ("In review again: the postmortem can be edited"));
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->session != session)
    return;

  {
    g_autofree char *description = _debrief_window_describe_error (error);
    g_autofree char *message = NULL;

    /* Translators: %s says why */
    message = g_strdup_printf (_ ("Could not revert to In review. %s"), description);
    _debrief_window_toast (self, message);
  }
  /* The page set the status in the working copy: show the session's again. */
  _debrief_window_show_working (self);
}

void
_debrief_window_revert (DebriefWindow *self)
{
  if (self->session == NULL)
    return;

  debrief_edit_session_revert_to_in_review_async (self->session, self->session_cancellable,
                                                  on_reverted, g_object_ref (self));
}

void
_debrief_window_save_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
}

AdwMessageDialog *
_debrief_window_get_conflict_dialog (DebriefWindow *self)
{
  return self->conflict_dialog != NULL ? ADW_MESSAGE_DIALOG (self->conflict_dialog) : NULL;
}
