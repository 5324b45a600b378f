/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-preferences-window.h"
#include "debrief-preferences-window-private.h"

struct _DebriefPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GtkListBox *accounts_list;
  GtkSpinButton *timeout_spin;
  GtkSwitch *reopen_switch;

  DebriefAccountList *accounts;
  GSettings *settings;
  GCancellable *cancellable;
  AdwMessageDialog *dialog; /* weak: the rename or remove dialog shown now */
};

enum
{
  PROP_0,
  PROP_ACCOUNTS,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (DebriefPreferencesWindow,
                     debrief_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

static GParamSpec *properties[N_PROPS];

static void
show_toast (DebriefPreferencesWindow *self, const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (escaped));
}

static char *
describe_account (DebriefAccount *account)
{
  g_autofree char *host = debrief_account_dup_host (account);
  const char *actor = debrief_account_get_actor_name (account);
  const char *organization = debrief_account_get_organization (account);

  /* Translators: organisation · the user's own name · host */
  return g_strdup_printf (_ ("%s · %s · %s"), organization != NULL ? organization : "",
                          actor != NULL ? actor : _ ("nobody picked"), host != NULL ? host : "");
}

static void
on_removed (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DebriefPreferencesWindow) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!debrief_account_list_remove_finish (DEBRIEF_ACCOUNT_LIST (object), result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: %s is why, a sentence */
      message = g_strdup_printf (_ ("The account was kept. %s"), error->message);
      show_toast (self, message);
    }
}

static void
on_remove_response (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  DebriefPreferencesWindow *self = user_data;
  const char *id = g_object_get_data (G_OBJECT (dialog), "account-id");

  if (g_strcmp0 (response, "remove") != 0)
    return;

  debrief_account_list_remove_async (self->accounts, id, self->cancellable, on_removed,
                                     g_object_ref (self));
}

static void
present_dialog (DebriefPreferencesWindow *self, AdwMessageDialog *dialog, const char *id)
{
  g_object_set_data_full (G_OBJECT (dialog), "account-id", g_strdup (id), g_free);
  g_set_weak_pointer (&self->dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_remove_clicked (GtkButton *button, DebriefPreferencesWindow *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "account-id");
  DebriefAccount *account = debrief_account_list_lookup (self->accounts, id);
  AdwMessageDialog *dialog;

  if (account == NULL)
    return;

  /* Translators: %s is the name of an account */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
      GTK_WINDOW (self), NULL,
      _ ("Its API key is deleted from the keyring. Nothing changes in Opsgenie.")));
  adw_message_dialog_format_heading (dialog, _ ("Remove “%s”?"),
                                     debrief_account_get_display_name (account));
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "remove", _ ("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response), self, 0);
  present_dialog (self, dialog, id);
}

static void
on_rename_response (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  DebriefPreferencesWindow *self = user_data;
  const char *id = g_object_get_data (G_OBJECT (dialog), "account-id");
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *name = NULL;
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "rename") != 0)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  if (*name == '\0' || debrief_account_list_lookup (self->accounts, id) == NULL)
    return;

  if (!debrief_account_list_rename (self->accounts, id, name, &error))
    show_toast (self, error->message);
}

static void
on_rename_text_changed (GtkEditable *entry, GParamSpec *pspec, AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "rename", *name != '\0');
}

static void
on_rename_entry_activate (GtkEntry *entry, AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "rename"))
    {
      adw_message_dialog_response (dialog, "rename");
      gtk_window_close (GTK_WINDOW (dialog));
    }
}

static void
on_rename_clicked (GtkButton *button, DebriefPreferencesWindow *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "account-id");
  DebriefAccount *account = debrief_account_list_lookup (self->accounts, id);
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  if (account == NULL)
    return;

  dialog
      = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _ ("Rename Account"), NULL));
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "rename", _ ("_Rename"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "rename");
  adw_message_dialog_set_close_response (dialog, "cancel");

  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), debrief_account_get_display_name (account));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Account name"), -1);
  g_signal_connect_object (entry, "notify::text", G_CALLBACK (on_rename_text_changed), dialog, 0);
  g_signal_connect_object (entry, "activate", G_CALLBACK (on_rename_entry_activate), dialog, 0);
  adw_message_dialog_set_extra_child (dialog, entry);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rename_response), self, 0);
  present_dialog (self, dialog, id);
}

static void
on_active_toggled (GtkCheckButton *check, DebriefPreferencesWindow *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "account-id");
  g_autoptr (GError) error = NULL;

  if (!gtk_check_button_get_active (check)
      || g_strcmp0 (id, debrief_account_list_get_active_id (self->accounts)) == 0)
    return;

  if (!debrief_account_list_set_active_id (self->accounts, id, &error))
    show_toast (self, error->message);
}

static GtkWidget *
new_icon_button (const char *icon_name, const char *tooltip, const char *accessible)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

/* @switchable: there is another account to switch to; a lone one gets no radio button. */
static GtkWidget *
new_account_row (DebriefPreferencesWindow *self,
                 DebriefAccount *account,
                 GtkCheckButton *group,
                 gboolean switchable)
{
  const char *id = debrief_account_get_id (account);
  const char *name = debrief_account_get_display_name (account);
  g_autofree char *subtitle = describe_account (account);
  g_autofree char *use_label = NULL;
  g_autofree char *rename_label = NULL;
  g_autofree char *remove_label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = NULL;
  GtkWidget *rename;
  GtkWidget *remove;

  /* Translators: %s is the name of an account */
  use_label = g_strdup_printf (_ ("Use %s"), name);
  /* Translators: %s is the name of an account */
  rename_label = g_strdup_printf (_ ("Rename %s"), name);
  /* Translators: %s is the name of an account */
  remove_label = g_strdup_printf (_ ("Remove %s"), name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (switchable)
    {
      check = gtk_check_button_new ();
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      if (group != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      gtk_check_button_set_active (
          GTK_CHECK_BUTTON (check),
          g_strcmp0 (id, debrief_account_list_get_active_id (self->accounts)) == 0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      use_label, -1);
      g_object_set_data_full (G_OBJECT (check), "account-id", g_strdup (id), g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_active_toggled), self, 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
    }

  rename = new_icon_button ("document-edit-symbolic", _ ("Rename"), rename_label);
  g_object_set_data_full (G_OBJECT (rename), "account-id", g_strdup (id), g_free);
  g_signal_connect_object (rename, "clicked", G_CALLBACK (on_rename_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), rename);

  remove = new_icon_button ("user-trash-symbolic", _ ("Remove"), remove_label);
  g_object_set_data_full (G_OBJECT (remove), "account-id", g_strdup (id), g_free);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  g_object_set_data_full (G_OBJECT (row), "account-id", g_strdup (id), g_free);
  g_object_set_data (G_OBJECT (row), "check", check);
  g_object_set_data (G_OBJECT (row), "rename", rename);
  g_object_set_data (G_OBJECT (row), "remove", remove);

  return row;
}

static void
rebuild_rows (DebriefPreferencesWindow *self)
{
  GListModel *model = G_LIST_MODEL (self->accounts);
  GtkCheckButton *group = NULL;
  GtkWidget *child;
  guint n = g_list_model_get_n_items (model);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->accounts_list))) != NULL)
    gtk_list_box_remove (self->accounts_list, child);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (DebriefAccount) account = g_list_model_get_item (model, i);
      GtkWidget *row = new_account_row (self, account, group, n > 1);

      if (group == NULL)
        group = g_object_get_data (G_OBJECT (row), "check");
      gtk_list_box_append (self->accounts_list, row);
    }

  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_ ("_Connect…"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("No Accounts Yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _ ("Connect Debrief to your Opsgenie organisation."));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "app.connect");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->accounts_list, row);
    }
}

static void
on_accounts_changed (DebriefPreferencesWindow *self)
{
  rebuild_rows (self);
}

static void
debrief_preferences_window_constructed (GObject *object)
{
  DebriefPreferencesWindow *self = DEBRIEF_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (debrief_preferences_window_parent_class)->constructed (object);

  g_signal_connect_object (self->accounts, "items-changed", G_CALLBACK (on_accounts_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->accounts, "notify::active-id", G_CALLBACK (on_accounts_changed),
                           self, G_CONNECT_SWAPPED);
  rebuild_rows (self);
}

static void
debrief_preferences_window_dispose (GObject *object)
{
  DebriefPreferencesWindow *self = DEBRIEF_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));
  g_clear_weak_pointer (&self->dialog);

  gtk_widget_dispose_template (GTK_WIDGET (self), DEBRIEF_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->accounts);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (debrief_preferences_window_parent_class)->dispose (object);
}

static void
debrief_preferences_window_get_property (GObject *object,
                                         guint prop_id,
                                         GValue *value,
                                         GParamSpec *pspec)
{
  DebriefPreferencesWindow *self = DEBRIEF_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ACCOUNTS:
      g_value_set_object (value, self->accounts);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_preferences_window_set_property (GObject *object,
                                         guint prop_id,
                                         const GValue *value,
                                         GParamSpec *pspec)
{
  DebriefPreferencesWindow *self = DEBRIEF_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ACCOUNTS:
      self->accounts = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_preferences_window_class_init (DebriefPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = debrief_preferences_window_constructed;
  object_class->dispose = debrief_preferences_window_dispose;
  object_class->get_property = debrief_preferences_window_get_property;
  object_class->set_property = debrief_preferences_window_set_property;

  properties[PROP_ACCOUNTS]
      = g_param_spec_object ("accounts", NULL, NULL, DEBRIEF_TYPE_ACCOUNT_LIST,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/debrief-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DebriefPreferencesWindow, accounts_list);
  gtk_widget_class_bind_template_child (widget_class, DebriefPreferencesWindow, timeout_spin);
  gtk_widget_class_bind_template_child (widget_class, DebriefPreferencesWindow, reopen_switch);
}

static void
debrief_preferences_window_init (DebriefPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "request-timeout",
                   gtk_spin_button_get_adjustment (self->timeout_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "reopen-last-postmortem", self->reopen_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}

DebriefPreferencesWindow *
debrief_preferences_window_new (GtkWindow *parent, DebriefAccountList *accounts)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DEBRIEF_IS_ACCOUNT_LIST (accounts), NULL);

  /* clang-format off */
  return g_object_new (DEBRIEF_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "accounts", accounts,
                       NULL);
  /* clang-format on */
}

GtkListBox *
_debrief_preferences_window_get_accounts_list (DebriefPreferencesWindow *self)
{
  return self->accounts_list;
}

GtkSpinButton *
_debrief_preferences_window_get_timeout_spin (DebriefPreferencesWindow *self)
{
  return self->timeout_spin;
}

GtkSwitch *
_debrief_preferences_window_get_reopen_switch (DebriefPreferencesWindow *self)
{
  return self->reopen_switch;
}

AdwMessageDialog *
_debrief_preferences_window_get_dialog (DebriefPreferencesWindow *self)
{
  return self->dialog;
}
