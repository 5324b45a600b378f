/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-application"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-application.h"

#include "debrief-account-list.h"
#include "debrief-connect-window.h"
#include "debrief-first-frame.h"
#include "debrief-preferences-window.h"
#include "debrief-secrets.h"
#include "debrief-window.h"
#include "og-sandbox.h"

struct _DebriefApplication
{
  AdwApplication parent_instance;

  OgSandbox *sandbox;
  OgClient *client;
  /* An error that happened before there was a window to show it in. */
  char *pending_error;

  DebriefAccountList *accounts;
  GSettings *settings;
  /* The key lookup (or unlock) of the active account in flight. */
  GCancellable *key_cancellable;
  gboolean keyring_locked;
};

G_DEFINE_FINAL_TYPE (DebriefApplication, debrief_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[]
    = { { "sandbox", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
          N_ ("Work on sample data from a built-in server; nothing leaves this computer"), NULL },
        { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
          N_ ("Show the version and exit"), NULL },
        { NULL } };

static void
report_error (DebriefApplication *self, const char *message)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (DEBRIEF_IS_WINDOW (window))
    {
      debrief_window_show_toast (DEBRIEF_WINDOW (window), message);
    }
  else
    {
      g_free (self->pending_error);
      self->pending_error = g_strdup (message);
    }
}

static void
apply_timeouts (DebriefApplication *self)
{
  guint timeout = g_settings_get_uint (self->settings, "request-timeout");

  if (self->client != NULL)
    og_client_set_timeouts (self->client, MIN (timeout, 15), timeout);
}

static void
for_each_window (DebriefApplication *self, void (*func) (DebriefWindow *, gpointer), gpointer data)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (DEBRIEF_IS_WINDOW (l->data))
        func (l->data, data);
    }
}

static void
window_show_client (DebriefWindow *window, gpointer user_data)
{
  DebriefApplication *self = user_data;
  DebriefAccount *account = debrief_account_list_get_active (self->accounts);

  /* The indication first, so that the window never loads sandbox data unmarked. */
  debrief_window_set_sandbox (window, self->sandbox != NULL);
  debrief_window_set_account_name (
      window, account != NULL ? debrief_account_get_display_name (account) : NULL);
  /* The library of the account, and who writes in it; the sandbox has its own. */
  if (self->sandbox != NULL || account == NULL)
    debrief_window_set_account (window, NULL, NULL);
  else
    debrief_window_set_account (window, debrief_account_get_id (account),
                                debrief_account_get_actor_id (account));
  debrief_window_set_client (window, self->client);
  /* The key is on its way: not the welcome page meanwhile. */
  if (self->client == NULL && self->sandbox == NULL && account != NULL
      && self->key_cancellable != NULL)
    debrief_window_show_opening (window);
}

static void
window_show_keyring_error (DebriefWindow *window, gpointer user_data)
{
  DebriefApplication *self = DEBRIEF_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));

  debrief_window_show_keyring_error (window, user_data, self->keyring_locked);
}

static void
report_keyring_error (DebriefApplication *self, const char *message, gboolean locked)
{
  g_clear_object (&self->client);
  self->keyring_locked = locked;
  for_each_window (self, window_show_keyring_error, (gpointer) message);
}

static void
on_key_found (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DebriefApplication) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (OgClient) client = NULL;
  DebriefAccount *account;
  char *key;

  key = debrief_secrets_lookup_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->key_cancellable);

  account = debrief_account_list_get_active (self->accounts);
  if (account == NULL || self->sandbox != NULL)
    {
      debrief_secrets_key_free (key);
      return;
    }

  if (error != NULL)
    {
      report_keyring_error (
          self, error->message,
          g_error_matches (error, DEBRIEF_SECRETS_ERROR, DEBRIEF_SECRETS_ERROR_LOCKED));
      return;
    }

  if (key == NULL)
    {
      /* Translators: %s is the name of an account */
      g_autofree char *message = g_strdup_printf (
          _ ("The keyring has no API key for “%s”. Remove the account in Preferences and "
             "connect it again."),
          debrief_account_get_display_name (account));

      report_keyring_error (self, message, FALSE);
      return;
    }

  client = og_client_new (debrief_account_get_base_url (account), &error);
  if (client == NULL)
    {
      debrief_secrets_key_free (key);
      report_keyring_error (self, error->message, FALSE);
      return;
    }
  og_client_set_api_key (client, key);
  debrief_secrets_key_free (key);

  g_debug ("account %s ready", debrief_account_get_id (account));
  g_set_object (&self->client, client);
  apply_timeouts (self);
  for_each_window (self, window_show_client, self);
}

/* Looks up the active account's key and gives the windows a client for it. */
static void
start_account (DebriefApplication *self)
{
  DebriefAccount *account = debrief_account_list_get_active (self->accounts);
  g_autofree char *host = NULL;

  g_cancellable_cancel (self->key_cancellable);
  g_clear_object (&self->key_cancellable);

  if (account == NULL || self->sandbox != NULL)
    return;

  host = debrief_account_dup_host (account);
  self->key_cancellable = g_cancellable_new ();
  debrief_secrets_lookup_async (debrief_account_get_id (account), host != NULL ? host : "",
                                self->key_cancellable, on_key_found, g_object_ref (self));
}

static void
on_active_account_changed (DebriefApplication *self)
{
  /* Picking an account leaves the sandbox. */
  if (self->sandbox != NULL)
    {
      og_sandbox_stop (self->sandbox);
      g_clear_object (&self->sandbox);
      g_simple_action_set_enabled (
          G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "reset-sandbox")),
          FALSE);
    }
  g_clear_object (&self->client);

  /* No window keeps working with the previous account's client (or a stopped sandbox's)
   * while the new key is looked up. */
  start_account (self);
  for_each_window (self, window_show_client, self);
}

static void
on_unlocked (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DebriefApplication) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!debrief_secrets_unlock_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_clear_object (&self->key_cancellable);
      report_keyring_error (
          self, error->message,
          g_error_matches (error, DEBRIEF_SECRETS_ERROR, DEBRIEF_SECRETS_ERROR_LOCKED));
      return;
    }

  start_account (self);
}

static void
unlock_keyring_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  DebriefApplication *self = DEBRIEF_APPLICATION (user_data);
  DebriefAccount *account = debrief_account_list_get_active (self->accounts);
  g_autofree char *host = NULL;

  if (account == NULL)
    return;
  if (!self->keyring_locked)
    {
      start_account (self);
      return;
    }

  /* The keyring shows its own prompt. */
  g_cancellable_cancel (self->key_cancellable);
  g_clear_object (&self->key_cancellable);
  self->key_cancellable = g_cancellable_new ();
  host = debrief_account_dup_host (account);
  debrief_secrets_unlock_async (debrief_account_get_id (account), host != NULL ? host : "",
                                self->key_cancellable, on_unlocked, g_object_ref (self));
}

static void
on_account_added (DebriefApplication *self, DebriefAccount *account)
{
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (debrief_account_list_get_active_id (self->accounts),
                 debrief_account_get_id (account))
      == 0)
    {
      /* The first account: active since it was added, before the window closed. */
      on_active_account_changed (self);
      return;
    }

  if (!debrief_account_list_set_active_id (self->accounts, debrief_account_get_id (account),
                                           &error))
    report_error (self, error->message);
}

static void
connect_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  DebriefApplication *self = DEBRIEF_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  DebriefConnectWindow *window = debrief_connect_window_new (parent, self->accounts);

  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (self));
  g_signal_connect_object (window, "account-added", G_CALLBACK (on_account_added), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static void
preferences_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  DebriefApplication *self = DEBRIEF_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  DebriefPreferencesWindow *window = debrief_preferences_window_new (parent, self->accounts);

  /* So that its buttons reach the app.* actions (Add Account is app.connect). */
  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (window));
}

static void
sandbox_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  DebriefApplication *self = DEBRIEF_APPLICATION (user_data);
  g_autoptr (GError) error = NULL;

  if (!debrief_application_enter_sandbox (self, &error))
    {
      /* Translators: %s is why, a sentence */
      g_autofree char *message
          = g_strdup_printf (_ ("Could not start the sandbox. %s"), error->message);

      report_error (self, message);
    }
}

/* A toast is one line: the sandbox's own message, with the file names and the reason, goes
 * to the log (it logs it), the toast says what it means for the user. */
static const char *
describe_state_error (const GError *error)
{
  if (g_error_matches (error, OG_SANDBOX_ERROR, OG_SANDBOX_ERROR_STATE_VERSION))
    return _ ("Saved sandbox from another Debrief version set aside; sample data restored");
  if (g_error_matches (error, OG_SANDBOX_ERROR, OG_SANDBOX_ERROR_STATE_CORRUPT))
    return _ ("Saved sandbox was damaged and set aside; sample data restored");
  if (g_error_matches (error, OG_SANDBOX_ERROR, OG_SANDBOX_ERROR_STATE_UNREADABLE))
    return _ ("Could not read the saved sandbox; using the sample data");
  return _ ("The sandbox could not save your changes; they last until Debrief quits");
}

static void
on_sandbox_state_error (DebriefApplication *self, const GError *error, OgSandbox *sandbox)
{
  report_error (self, describe_state_error (error));
}

static void
reset_sandbox (DebriefApplication *self)
{
  g_autoptr (GError) error = NULL;
  const char *message;
  GList *windows;

  g_return_if_fail (self->sandbox != NULL);

  if (og_sandbox_reset (self->sandbox, &error))
    {
      message = _ ("The sandbox holds the sample data again");
    }
  else
    {
      g_message ("Could not save the reset sandbox: %s", error->message);
      message = _ ("The sandbox holds the sample data again, but could not save it");
    }

  windows = gtk_application_get_windows (GTK_APPLICATION (self));
  for (const GList *l = windows; l != NULL; l = l->next)
    {
      if (DEBRIEF_IS_WINDOW (l->data))
        {
          debrief_window_reload (l->data);
          debrief_window_show_toast (l->data, message);
        }
    }
}

static void
on_reset_sandbox_response (DebriefApplication *self, const char *response, AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "reset") == 0 && self->sandbox != NULL)
    reset_sandbox (self);
}

static void
reset_sandbox_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  DebriefApplication *self = DEBRIEF_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (
      parent, _ ("Reset the Sandbox?"),
      _ ("Postmortems you created or changed in the sandbox are replaced by the sample data."));
  /* clang-format off */
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _ ("_Cancel"),
                                    "reset", _ ("_Reset"),
                                    NULL);
  /* clang-format on */
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reset",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reset_sandbox_response), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
about_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  DebriefApplication *self = DEBRIEF_APPLICATION (user_data);
  static const char *developers[] = { "The Debrief contributors", NULL };

  /* clang-format off */
  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", _ ("Debrief"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _ ("Write and review Opsgenie postmortems"),
                         "developer-name", _ ("The Debrief contributors"),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _ ("translator-credits"),
                         NULL);
  /* clang-format on */
}

static void
quit_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "sandbox", sandbox_action },
  { "connect", connect_action },
  { "preferences", preferences_action },
  { "unlock-keyring", unlock_keyring_action },
  { "reset-sandbox", reset_sandbox_action },
  { "about", about_action },
  { "quit", quit_action },
};

static int
debrief_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  g_autoptr (GError) error = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "debrief", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_contains (options, "sandbox"))
    {
      /* Through the action rather than a flag on this object: when Debrief already runs,
       * the action reaches the running instance, which switches to the sandbox. */
      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
      g_action_group_activate_action (G_ACTION_GROUP (app), "sandbox", NULL);
    }

  return G_APPLICATION_CLASS (debrief_application_parent_class)
      ->handle_local_options (app, options);
}

static void
debrief_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  DebriefApplication *self = DEBRIEF_APPLICATION (app);
  g_autoptr (GError) error = NULL;

  G_APPLICATION_CLASS (debrief_application_parent_class)->startup (app);

  /* Wayland shells find the icon through the desktop entry of the app id; X11 ones (the
   * Flatpak's fallback-x11) look at the window's own, which is the profile's icon too. */
  gtk_window_set_default_icon_name (APP_ID);

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         preferences_accels);

  if (!debrief_account_list_load (self->accounts, &error))
    report_error (self, error->message);
  g_signal_connect_object (self->accounts, "notify::active-id",
                           G_CALLBACK (on_active_account_changed), self, G_CONNECT_SWAPPED);

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay",
                                         shortcuts_accels);
}

static void
debrief_application_activate (GApplication *app)
{
  DebriefApplication *self = DEBRIEF_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      DebriefWindow *debrief_window = debrief_window_new (GTK_APPLICATION (self));

      /* The lookup first, so that the window knows the key is coming. */
      if (self->client == NULL && self->key_cancellable == NULL)
        start_account (self);
      window_show_client (debrief_window, self);
      if (self->pending_error != NULL)
        {
          debrief_window_show_toast (debrief_window, self->pending_error);
          g_clear_pointer (&self->pending_error, g_free);
        }
      window = GTK_WINDOW (debrief_window);
      debrief_first_frame_watch (GTK_WIDGET (window));
    }

  gtk_window_present (window);
}

static void
debrief_application_shutdown (GApplication *app)
{
  DebriefApplication *self = DEBRIEF_APPLICATION (app);

  if (self->sandbox != NULL)
    og_sandbox_stop (self->sandbox);

  G_APPLICATION_CLASS (debrief_application_parent_class)->shutdown (app);
}

static void
debrief_application_dispose (GObject *object)
{
  DebriefApplication *self = DEBRIEF_APPLICATION (object);

  g_cancellable_cancel (self->key_cancellable);
  g_clear_object (&self->key_cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->sandbox);
  g_clear_object (&self->accounts);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->pending_error, g_free);

  G_OBJECT_CLASS (debrief_application_parent_class)->dispose (object);
}

static void
debrief_application_class_init (DebriefApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = debrief_application_dispose;

  app_class->handle_local_options = debrief_application_handle_local_options;
  app_class->startup = debrief_application_startup;
  app_class->activate = debrief_application_activate;
  app_class->shutdown = debrief_application_shutdown;
}

static void
debrief_application_init (DebriefApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  /* Only in the sandbox: the menu hides it until then. */
  g_simple_action_set_enabled (
      G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "reset-sandbox")), FALSE);
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);

  self->accounts = debrief_account_list_new (NULL);
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::request-timeout", G_CALLBACK (apply_timeouts),
                           self, G_CONNECT_SWAPPED);
}

DebriefApplication *
debrief_application_new (void)
{
  /* The resource base path is the same for every profile (the .Devel id would move it). */
  /* clang-format off */
  return g_object_new (DEBRIEF_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
  /* clang-format on */
}

gboolean
debrief_application_enter_sandbox (DebriefApplication *self, GError **error)
{
  GList *windows;

  g_return_val_if_fail (DEBRIEF_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->sandbox == NULL)
    {
      g_autoptr (OgSandbox) sandbox = og_sandbox_new ();
      g_autoptr (OgClient) client = NULL;
      g_autoptr (GError) state_error = NULL;
      g_autofree char *state_path
          = g_build_filename (g_get_user_data_dir (), "debrief", "sandbox", "state.json", NULL);
      g_autoptr (GFile) state_file = g_file_new_for_path (state_path);

      /* What a newcomer tried survives a restart. A damaged file is set aside and the
       * sample data used: the sandbox starts anyway, and the user is told. */
      g_signal_connect_object (sandbox, "state-error", G_CALLBACK (on_sandbox_state_error), self,
                               G_CONNECT_SWAPPED);
      if (!og_sandbox_set_state_file (sandbox, state_file, &state_error))
        report_error (self, describe_state_error (state_error));

      if (!og_sandbox_start (sandbox, error))
        return FALSE;

      client = og_client_new (og_sandbox_get_base_url (sandbox), error);
      if (client == NULL)
        {
          og_sandbox_stop (sandbox);
          return FALSE;
        }
      og_client_set_api_key (client, OG_SANDBOX_API_KEY);

      g_debug ("sandbox listening at %s", og_sandbox_get_base_url (sandbox));

      g_clear_object (&self->client);
      self->client = g_steal_pointer (&client);
      self->sandbox = g_steal_pointer (&sandbox);
      g_simple_action_set_enabled (
          G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "reset-sandbox")),
          TRUE);
    }

  /* A key lookup still under way would replace the sandbox's client. */
  g_cancellable_cancel (self->key_cancellable);
  g_clear_object (&self->key_cancellable);

  windows = gtk_application_get_windows (GTK_APPLICATION (self));
  for (const GList *l = windows; l != NULL; l = l->next)
    {
      if (DEBRIEF_IS_WINDOW (l->data))
        window_show_client (l->data, self);
    }

  return TRUE;
}

gboolean
debrief_application_is_sandbox (DebriefApplication *self)
{
  g_return_val_if_fail (DEBRIEF_IS_APPLICATION (self), FALSE);

  return self->sandbox != NULL;
}

DebriefAccountList *
debrief_application_get_accounts (DebriefApplication *self)
{
  g_return_val_if_fail (DEBRIEF_IS_APPLICATION (self), NULL);

  return self->accounts;
}

OgClient *
debrief_application_get_client (DebriefApplication *self)
{
  g_return_val_if_fail (DEBRIEF_IS_APPLICATION (self), NULL);

  return self->client;
}
