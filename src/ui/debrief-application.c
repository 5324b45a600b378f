/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-application"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-application.h"

#include "debrief-window.h"
#include "og-sandbox.h"

struct _DebriefApplication
{
  AdwApplication parent_instance;

  OgSandbox *sandbox;
  OgClient *client;
  /* An error that happened before there was a window to show it in. */
  char *pending_error;
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

  G_APPLICATION_CLASS (debrief_application_parent_class)->startup (app);

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
}

static void
debrief_application_activate (GApplication *app)
{
  DebriefApplication *self = DEBRIEF_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      DebriefWindow *debrief_window = debrief_window_new (GTK_APPLICATION (self));

      debrief_window_set_sandbox (debrief_window, self->sandbox != NULL);
      debrief_window_set_client (debrief_window, self->client);
      if (self->pending_error != NULL)
        {
          debrief_window_show_toast (debrief_window, self->pending_error);
          g_clear_pointer (&self->pending_error, g_free);
        }
      window = GTK_WINDOW (debrief_window);
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

  g_clear_object (&self->client);
  g_clear_object (&self->sandbox);
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

  windows = gtk_application_get_windows (GTK_APPLICATION (self));
  for (const GList *l = windows; l != NULL; l = l->next)
    {
      if (DEBRIEF_IS_WINDOW (l->data))
        {
          /* The indication first, so that the window never loads sandbox data unmarked. */
          debrief_window_set_sandbox (l->data, TRUE);
          debrief_window_set_client (l->data, self->client);
        }
    }

  return TRUE;
}

gboolean
debrief_application_is_sandbox (DebriefApplication *self)
{
  g_return_val_if_fail (DEBRIEF_IS_APPLICATION (self), FALSE);

  return self->sandbox != NULL;
}

OgClient *
debrief_application_get_client (DebriefApplication *self)
{
  g_return_val_if_fail (DEBRIEF_IS_APPLICATION (self), NULL);

  return self->client;
}
