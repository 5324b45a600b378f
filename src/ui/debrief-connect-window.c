/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-connect-window"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-connect-window.h"
#include "debrief-connect-window-private.h"

#include "debrief-secrets.h"
#include "debrief-user-picker.h"
#include "debrief-user-picker-private.h"
#include "og-client.h"
#include "og-error.h"

/* The positions of region_row's model. */
enum
{
  REGION_US,
  REGION_EU,
  REGION_CUSTOM,
};

struct _DebriefConnectWindow
{
  AdwWindow parent_instance;

  AdwComboRow *region_row;
  AdwEntryRow *url_row;
  AdwPasswordEntryRow *key_row;
  GtkLabel *url_error_label;
  GtkLabel *check_error_label;
  GtkSpinner *check_spinner;
  GtkButton *check_button;
  GtkWidget *org_group;
  AdwActionRow *org_row;
  AdwEntryRow *name_row;
  GtkWidget *me_group;
  DebriefUserPicker *user_picker;
  GtkLabel *save_error_label;
  GtkButton *save_button;
  GtkScrolledWindow *scroller;

  DebriefAccountList *accounts;
  GSettings *settings;

  /* The check in flight, and the client it proved good. */
  GCancellable *check_cancellable;
  OgClient *client;
  OgAccount *og_account;

  GCancellable *save_cancellable;
  DebriefAccount *saving;
};

enum
{
  PROP_0,
  PROP_ACCOUNTS,
  N_PROPS
};

enum
{
  ACCOUNT_ADDED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (DebriefConnectWindow, debrief_connect_window, ADW_TYPE_WINDOW)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
show_message (GtkLabel *label, const char *message)
{
  gtk_label_set_label (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

/* The base URL the rows describe, or NULL (with the reason) when it is not one we may send a
 * key to. */
static char *
dup_base_url (DebriefConnectWindow *self, GError **error)
{
  g_autofree char *url = NULL;

  switch (adw_combo_row_get_selected (self->region_row))
    {
    case REGION_US:
      return g_strdup (OG_BASE_URL_US);
    case REGION_EU:
      return g_strdup (OG_BASE_URL_EU);
    default:
      break;
    }

  url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->url_row))));
  if (*url == '\0')
    {
      g_set_error_literal (error, OG_ERROR, OG_ERROR_INVALID_URL,
                           _ ("Enter the address of the Opsgenie API, starting with https://."));
      return NULL;
    }
  /* A trailing slash is what people paste; the client takes the address without one. */
  while (g_str_has_suffix (url, "/") && !g_str_has_suffix (url, "://"))
    url[strlen (url) - 1] = '\0';

  if (!og_client_check_base_url (url, error))
    return NULL;

  return g_steal_pointer (&url);
}

static DebriefRegion
selected_region (DebriefConnectWindow *self)
{
  switch (adw_combo_row_get_selected (self->region_row))
    {
    case REGION_US:
      return DEBRIEF_REGION_US;
    case REGION_EU:
      return DEBRIEF_REGION_EU;
    default:
      return DEBRIEF_REGION_CUSTOM;
    }
}

static const char *
get_key (DebriefConnectWindow *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->key_row));
}

static gboolean
key_is_entered (DebriefConnectWindow *self)
{
  g_autofree char *key = g_strstrip (g_strdup (get_key (self)));

  return *key != '\0';
}

static void
update_check_button (DebriefConnectWindow *self)
{
  g_autofree char *url = dup_base_url (self, NULL);

  gtk_widget_set_sensitive (GTK_WIDGET (self->check_button),
                            url != NULL && key_is_entered (self)
                                && self->check_cancellable == NULL);
}

static void
update_save_button (DebriefConnectWindow *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button),
                            self->client != NULL
                                && debrief_user_picker_get_selected_user (self->user_picker) != NULL
                                && self->saving == NULL);
}

/* Anything the check proved is void once the address or the key changes. */
static void
forget_check (DebriefConnectWindow *self)
{
  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  gtk_widget_set_visible (GTK_WIDGET (self->check_spinner), FALSE);
  g_clear_object (&self->client);
  g_clear_object (&self->og_account);
  debrief_user_picker_set_client (self->user_picker, NULL);

  gtk_widget_set_visible (self->org_group, FALSE);
  gtk_widget_set_visible (self->me_group, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), FALSE);
  show_message (self->check_error_label, NULL);
  show_message (self->save_error_label, NULL);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->key_row),
                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  gtk_widget_remove_css_class (GTK_WIDGET (self->key_row), "error");
  update_check_button (self);
  update_save_button (self);
}

static char *
describe_check_error (DebriefConnectWindow *self, const GError *error)
{
  g_autofree char *url = dup_base_url (self, NULL);
  g_autofree char *host = url != NULL ? debrief_secrets_host_from_url (url) : NULL;
  guint timeout = g_settings_get_uint (self->settings, "request-timeout");

  if (error->domain != OG_ERROR)
    return g_strdup (error->message);

  switch (error->code)
    {
    case OG_ERROR_UNAUTHORIZED:
      return g_strdup (_ ("Opsgenie rejected this API key. Check that you copied all of it and "
                          "that its integration is enabled."));
    case OG_ERROR_FORBIDDEN:
      return g_strdup (_ ("This API key may not read the organisation. Give its API "
                          "integration read access in Opsgenie."));
    case OG_ERROR_PAYMENT_REQUIRED:
      return g_strdup (_ ("This organisation’s Opsgenie plan does not include postmortems."));
    case OG_ERROR_NETWORK:
      /* Translators: %s is a host name, such as api.opsgenie.com */
      return g_strdup_printf (_ ("Could not reach %s. Check the address and the network "
                                 "connection."),
                              host);
    case OG_ERROR_TLS:
      /* Translators: %s is a host name, such as api.opsgenie.com */
      return g_strdup_printf (_ ("The secure connection to %s could not be verified, so the "
                                 "key was not sent. Check the address."),
                              host);
    case OG_ERROR_TIMEOUT:
      /* Translators: %s is a host name, %u a number of seconds */
      return g_strdup_printf (ngettext ("%s did not answer within %u second. Check the network "
                                        "connection, or allow more time in Preferences.",
                                        "%s did not answer within %u seconds. Check the network "
                                        "connection, or allow more time in Preferences.",
                                        timeout),
                              host, timeout);
    default:
      return g_strdup (error->message);
    }
}

static void
show_check_error (DebriefConnectWindow *self, const char *message)
{
  show_message (self->check_error_label, message);
  /* Where a screen reader is: the key row says what is wrong with it. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->key_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  gtk_widget_add_css_class (GTK_WIDGET (self->key_row), "error");
}

static void
on_selected_user_changed (DebriefConnectWindow *self)
{
  /* Before the template is disposed of, the picker may notify as it empties. */
  if (self->save_error_label == NULL)
    return;

  show_message (self->save_error_label, NULL);
  update_save_button (self);
}

static void
on_account_checked (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DebriefConnectWindow) self = user_data;
  g_autoptr (OgAccount) account = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *subtitle = NULL;

  account = og_client_get_account_finish (OG_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->check_cancellable);
  gtk_widget_set_visible (GTK_WIDGET (self->check_spinner), FALSE);
  update_check_button (self);

  if (account == NULL)
    {
      g_autofree char *message = describe_check_error (self, error);

      g_debug ("check failed: %s", error->message);
      g_clear_object (&self->client);
      show_check_error (self, message);
      gtk_widget_grab_focus (GTK_WIDGET (self->key_row));
      return;
    }

  g_debug ("key accepted by %s", og_account_get_name (account));
  self->og_account = g_steal_pointer (&account);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->org_row),
                                 og_account_get_name (self->og_account));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->org_row), FALSE);
  /* Translators: %s is the name of an Opsgenie plan, such as "Enterprise" */
  subtitle = g_strdup_printf (_ ("%s plan"), og_account_get_plan_name (self->og_account) != NULL
                                                 ? og_account_get_plan_name (self->og_account)
                                                 : _ ("Unknown"));
  adw_action_row_set_subtitle (self->org_row, subtitle);
  if (*gtk_editable_get_text (GTK_EDITABLE (self->name_row)) == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), og_account_get_name (self->og_account));

  gtk_widget_set_visible (self->org_group, TRUE);
  gtk_widget_set_visible (self->me_group, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), TRUE);
  debrief_user_picker_set_client (self->user_picker, self->client);
  gtk_widget_grab_focus (GTK_WIDGET (self->user_picker));
}

static void
on_check_clicked (DebriefConnectWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *key = NULL;
  guint timeout;

  forget_check (self);

  url = dup_base_url (self, &error);
  if (url == NULL)
    {
      show_message (self->url_error_label, error->message);
      return;
    }

  self->client = og_client_new (url, &error);
  if (self->client == NULL)
    {
      show_message (self->url_error_label, error->message);
      return;
    }

  key = g_strstrip (g_strdup (get_key (self)));
  og_client_set_api_key (self->client, key);
  timeout = g_settings_get_uint (self->settings, "request-timeout");
  og_client_set_timeouts (self->client, MIN (timeout, 15), timeout);
  /* The user is waiting: one attempt, and the answer. */
  og_client_set_max_retries (self->client, 0);

  self->check_cancellable = g_cancellable_new ();
  gtk_widget_set_visible (GTK_WIDGET (self->check_spinner), TRUE);
  update_check_button (self);

  g_debug ("checking the key against %s", url);
  og_client_get_account_async (self->client, self->check_cancellable, on_account_checked,
                               g_object_ref (self));
}

static void
on_server_changed (DebriefConnectWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *url = NULL;
  gboolean custom = adw_combo_row_get_selected (self->region_row) == REGION_CUSTOM;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->url_row));

  gtk_widget_set_visible (GTK_WIDGET (self->url_row), custom);

  /* Inline, as the user types; nothing to say about an empty field yet. */
  url = dup_base_url (self, &error);
  if (custom && url == NULL && *text != '\0')
    {
      show_message (self->url_error_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->url_row), "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->url_row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message, -1);
    }
  else
    {
      show_message (self->url_error_label, NULL);
      gtk_widget_remove_css_class (GTK_WIDGET (self->url_row), "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->url_row),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }

  forget_check (self);
}

static void
on_key_activated (DebriefConnectWindow *self)
{
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->check_button)))
    on_check_clicked (self);
}

static void
on_key_stored (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DebriefConnectWindow) self = user_data;
  g_autoptr (DebriefAccount) account = NULL;
  g_autoptr (GError) error = NULL;

  if (!debrief_secrets_store_finish (result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  account = g_steal_pointer (&self->saving);
  g_clear_object (&self->save_cancellable);
  update_save_button (self);

  if (error != NULL)
    {
      /* Nothing is stored anywhere else: the user fixes the keyring and saves again. */
      const char *message = error->message;

      show_message (self->save_error_label, message);
      /* The message is at the top, under the Save button. */
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
      return;
    }

  if (!debrief_account_list_add (self->accounts, account, &error))
    {
      show_message (self->save_error_label, error->message);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
      return;
    }

  g_debug ("account %s added", debrief_account_get_id (account));
  g_signal_emit (self, signals[ACCOUNT_ADDED], 0, account);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_save_clicked (DebriefConnectWindow *self)
{
  g_autoptr (DebriefAccount) account = NULL;
  g_autofree char *url = NULL;
  g_autofree char *host = NULL;
  g_autofree char *key = NULL;
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;
  OgUser *user = debrief_user_picker_get_selected_user (self->user_picker);

  if (self->client == NULL || self->og_account == NULL || user == NULL || self->saving != NULL)
    return;

  url = g_strdup (og_client_get_base_url (self->client));
  host = debrief_secrets_host_from_url (url);
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  account = debrief_account_new (selected_region (self), url);
  debrief_account_set_display_name (account,
                                    *name != '\0' ? name : og_account_get_name (self->og_account));
  debrief_account_set_organization (account, og_account_get_name (self->og_account));
  debrief_account_set_plan (account, og_account_get_plan_name (self->og_account));
  debrief_account_set_actor (account, og_user_get_id (user), og_user_get_full_name (user));

  /* Translators: the label of the key in the keyring; %s is the organisation, %s the host */
  label = g_strdup_printf (_ ("Opsgenie API key for %s (%s)"),
                           og_account_get_name (self->og_account), host);
  key = g_strstrip (g_strdup (get_key (self)));

  show_message (self->save_error_label, NULL);
  self->saving = g_steal_pointer (&account);
  self->save_cancellable = g_cancellable_new ();
  update_save_button (self);

  debrief_secrets_store_async (debrief_account_get_id (self->saving), host, label, key,
                               self->save_cancellable, on_key_stored, g_object_ref (self));
}

static void
debrief_connect_window_dispose (GObject *object)
{
  DebriefConnectWindow *self = DEBRIEF_CONNECT_WINDOW (object);

  g_cancellable_cancel (self->check_cancellable);
  g_cancellable_cancel (self->save_cancellable);
  g_clear_object (&self->check_cancellable);
  g_clear_object (&self->save_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), DEBRIEF_TYPE_CONNECT_WINDOW);

  g_clear_object (&self->client);
  g_clear_object (&self->og_account);
  g_clear_object (&self->saving);
  g_clear_object (&self->accounts);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (debrief_connect_window_parent_class)->dispose (object);
}

static void
debrief_connect_window_get_property (GObject *object,
                                     guint prop_id,
                                     GValue *value,
                                     GParamSpec *pspec)
{
  DebriefConnectWindow *self = DEBRIEF_CONNECT_WINDOW (object);

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
debrief_connect_window_set_property (GObject *object,
                                     guint prop_id,
                                     const GValue *value,
                                     GParamSpec *pspec)
{
  DebriefConnectWindow *self = DEBRIEF_CONNECT_WINDOW (object);

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
debrief_connect_window_class_init (DebriefConnectWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = debrief_connect_window_dispose;
  object_class->get_property = debrief_connect_window_get_property;
  object_class->set_property = debrief_connect_window_set_property;

  properties[PROP_ACCOUNTS]
      = g_param_spec_object ("accounts", NULL, NULL, DEBRIEF_TYPE_ACCOUNT_LIST,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The account is in the list and its key in the keyring. */
  signals[ACCOUNT_ADDED]
      = g_signal_new ("account-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                      NULL, G_TYPE_NONE, 1, DEBRIEF_TYPE_ACCOUNT);

  g_type_ensure (DEBRIEF_TYPE_USER_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/debrief-connect-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DebriefConnectWindow, region_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefConnectWindow, url_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefConnectWindow, key_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefConnectWindow, url_error_label);
  gtk_widget_class_bind_template_child (widget_class, DebriefConnectWindow, check_error_label);
  gtk_widget_class_bind_template_child (widget_class, DebriefConnectWindow, check_spinner);
  gtk_widget_class_bind_template_child (widget_class, DebriefConnectWindow, check_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefConnectWindow, org_group);
  gtk_widget_class_bind_template_child (widget_class, DebriefConnectWindow, org_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefConnectWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefConnectWindow, me_group);
  gtk_widget_class_bind_template_child (widget_class, DebriefConnectWindow, user_picker);
  gtk_widget_class_bind_template_child (widget_class, DebriefConnectWindow, save_error_label);
  gtk_widget_class_bind_template_child (widget_class, DebriefConnectWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefConnectWindow, scroller);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
debrief_connect_window_init (DebriefConnectWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);

  g_signal_connect_object (self->region_row, "notify::selected", G_CALLBACK (on_server_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->url_row, "changed", G_CALLBACK (on_server_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->key_row, "changed", G_CALLBACK (forget_check), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->key_row, "entry-activated", G_CALLBACK (on_key_activated), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->check_button, "clicked", G_CALLBACK (on_check_clicked), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->user_picker, "notify::selected-user",
                           G_CALLBACK (on_selected_user_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->save_button, "clicked", G_CALLBACK (on_save_clicked), self,
                           G_CONNECT_SWAPPED);
}

DebriefConnectWindow *
debrief_connect_window_new (GtkWindow *parent, DebriefAccountList *accounts)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DEBRIEF_IS_ACCOUNT_LIST (accounts), NULL);

  /* clang-format off */
  return g_object_new (DEBRIEF_TYPE_CONNECT_WINDOW,
                       "transient-for", parent,
                       "accounts", accounts,
                       NULL);
  /* clang-format on */
}

/* For tests */

#define GETTER(type, name) \
  type _debrief_connect_window_get_##name (DebriefConnectWindow *self) { return self->name; }

GETTER (AdwComboRow *, region_row)
GETTER (AdwEntryRow *, url_row)
GETTER (AdwPasswordEntryRow *, key_row)
GETTER (GtkLabel *, url_error_label)
GETTER (GtkLabel *, check_error_label)
GETTER (GtkButton *, check_button)
GETTER (AdwActionRow *, org_row)
GETTER (AdwEntryRow *, name_row)
GETTER (GtkLabel *, save_error_label)
GETTER (GtkButton *, save_button)

GtkSearchEntry *
_debrief_connect_window_get_user_search (DebriefConnectWindow *self)
{
  return _debrief_user_picker_get_search_entry (self->user_picker);
}

GtkListBox *
_debrief_connect_window_get_user_list (DebriefConnectWindow *self)
{
  return _debrief_user_picker_get_list (self->user_picker);
}

GtkButton *
_debrief_connect_window_get_more_button (DebriefConnectWindow *self)
{
  return _debrief_user_picker_get_more_button (self->user_picker);
}

gboolean
_debrief_connect_window_is_busy (DebriefConnectWindow *self)
{
  return self->check_cancellable != NULL || debrief_user_picker_get_busy (self->user_picker)
         || self->saving != NULL;
}
