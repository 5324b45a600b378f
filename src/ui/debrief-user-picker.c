/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-user-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-user-picker.h"
#include "debrief-user-picker-private.h"

/* A page of the user list: enough to fill a window, small enough to come back quickly from
 * an organisation of thousands (the search narrows it down). */
#define PAGE_SIZE 25

struct _DebriefUserPicker
{
  AdwBin parent_instance;

  GtkSearchEntry *search_entry;
  GtkListBox *list;
  GtkLabel *status_label;
  GtkButton *more_button;

  OgClient *client;
  GCancellable *cancellable; /* the page in flight */
  char *query;
  gint next_offset;
};

enum
{
  PROP_0,
  PROP_CLIENT,
  PROP_SELECTED_USER,
  PROP_BUSY,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (DebriefUserPicker, debrief_user_picker, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];

static void
show_status (DebriefUserPicker *self, const char *message, gboolean error)
{
  gtk_label_set_label (self->status_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), message != NULL);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static void
set_busy (DebriefUserPicker *self, GCancellable *cancellable)
{
  gboolean was_busy = self->cancellable != NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = cancellable;

  if (was_busy != (cancellable != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
clear (DebriefUserPicker *self)
{
  gboolean had_selection = gtk_list_box_get_selected_row (self->list) != NULL;
  GtkWidget *child;

  set_busy (self, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->list), FALSE);

  self->next_offset = -1;
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), FALSE);
  show_status (self, NULL, FALSE);

  if (had_selection)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_USER]);
}

static GtkWidget *
new_row (OgUser *user)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  /* Markup off: names come from the server. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), og_user_get_full_name (user));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), og_user_get_username (user));
  gtk_widget_set_visible (check, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Selected"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
  g_object_set_data (G_OBJECT (row), "check", check);
  g_object_set_data_full (G_OBJECT (row), "user", g_object_ref (user), g_object_unref);

  return row;
}

static void
on_listed (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DebriefUserPicker) self = user_data;
  g_autoptr (GPtrArray) users = NULL;
  g_autoptr (GError) error = NULL;
  gint next_offset = -1;
  gboolean empty;

  users = og_client_list_users_finish (OG_CLIENT (object), result, &next_offset, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, NULL);

  if (users == NULL)
    {
      show_status (self, error->message, TRUE);
      return;
    }

  for (guint i = 0; i < users->len; i++)
    gtk_list_box_append (self->list, new_row (g_ptr_array_index (users, i)));

  self->next_offset = next_offset;
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), next_offset >= 0);
  empty = gtk_widget_get_first_child (GTK_WIDGET (self->list)) == NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->list), !empty);
  show_status (self, empty ? _ ("No user matches this search.") : NULL, FALSE);

  g_debug ("listed %u users, next offset %d", users->len, next_offset);
}

static void
fetch (DebriefUserPicker *self)
{
  GCancellable *cancellable = g_cancellable_new ();

  g_assert (self->client != NULL);

  set_busy (self, cancellable);
  og_client_list_users_async (self->client, self->query,
                              self->next_offset > 0 ? (guint) self->next_offset : 0, PAGE_SIZE,
                              cancellable, on_listed, g_object_ref (self));
}

static void
on_search_changed (DebriefUserPicker *self)
{
  g_autofree char *query = NULL;

  if (self->client == NULL)
    return;

  query = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  g_free (self->query);
  self->query = *query != '\0' ? g_steal_pointer (&query) : NULL;

  clear (self);
  fetch (self);
}

static void
on_more_clicked (DebriefUserPicker *self)
{
  if (self->client == NULL || self->next_offset < 0)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->more_button), FALSE);
  fetch (self);
}

static void
on_row_selected (DebriefUserPicker *self, GtkListBoxRow *selected)
{
  /* The list box selects nothing as it goes with the template. */
  if (self->list == NULL)
    return;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = g_object_get_data (G_OBJECT (row), "check");

      if (check != NULL)
        gtk_widget_set_visible (check, row == GTK_WIDGET (selected));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_USER]);
}

static gboolean
debrief_user_picker_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (DEBRIEF_USER_PICKER (widget)->search_entry));
}

static void
debrief_user_picker_dispose (GObject *object)
{
  DebriefUserPicker *self = DEBRIEF_USER_PICKER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), DEBRIEF_TYPE_USER_PICKER);
  g_clear_object (&self->client);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (debrief_user_picker_parent_class)->dispose (object);
}

static void
debrief_user_picker_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DebriefUserPicker *self = DEBRIEF_USER_PICKER (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_SELECTED_USER:
      g_value_set_object (value, debrief_user_picker_get_selected_user (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->cancellable != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_user_picker_set_property (GObject *object,
                                  guint prop_id,
                                  const GValue *value,
                                  GParamSpec *pspec)
{
  DebriefUserPicker *self = DEBRIEF_USER_PICKER (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      debrief_user_picker_set_client (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_user_picker_class_init (DebriefUserPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = debrief_user_picker_dispose;
  object_class->get_property = debrief_user_picker_get_property;
  object_class->set_property = debrief_user_picker_set_property;
  widget_class->grab_focus = debrief_user_picker_grab_focus;

  properties[PROP_CLIENT]
      = g_param_spec_object ("client", NULL, NULL, OG_TYPE_CLIENT,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_USER] = g_param_spec_object ("selected-user", NULL, NULL, OG_TYPE_USER,
                                                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY]
      = g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/debrief-user-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, DebriefUserPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DebriefUserPicker, list);
  gtk_widget_class_bind_template_child (widget_class, DebriefUserPicker, status_label);
  gtk_widget_class_bind_template_child (widget_class, DebriefUserPicker, more_button);
}

static void
debrief_user_picker_init (DebriefUserPicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->next_offset = -1;
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (on_search_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->more_button, "clicked", G_CALLBACK (on_more_clicked), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "row-selected", G_CALLBACK (on_row_selected), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
debrief_user_picker_new (void)
{
  return g_object_new (DEBRIEF_TYPE_USER_PICKER, NULL);
}

OgClient *
debrief_user_picker_get_client (DebriefUserPicker *self)
{
  g_return_val_if_fail (DEBRIEF_IS_USER_PICKER (self), NULL);

  return self->client;
}

void
debrief_user_picker_set_client (DebriefUserPicker *self, OgClient *client)
{
  g_return_if_fail (DEBRIEF_IS_USER_PICKER (self));
  g_return_if_fail (client == NULL || OG_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;

  clear (self);
  if (client != NULL)
    on_search_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

OgUser *
debrief_user_picker_get_selected_user (DebriefUserPicker *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (DEBRIEF_IS_USER_PICKER (self), NULL);

  row = self->list != NULL ? gtk_list_box_get_selected_row (self->list) : NULL;
  return row != NULL ? g_object_get_data (G_OBJECT (row), "user") : NULL;
}

gboolean
debrief_user_picker_get_busy (DebriefUserPicker *self)
{
  g_return_val_if_fail (DEBRIEF_IS_USER_PICKER (self), FALSE);

  return self->cancellable != NULL;
}

GtkSearchEntry *
_debrief_user_picker_get_search_entry (DebriefUserPicker *self)
{
  return self->search_entry;
}

GtkListBox *
_debrief_user_picker_get_list (DebriefUserPicker *self)
{
  return self->list;
}

GtkButton *
_debrief_user_picker_get_more_button (DebriefUserPicker *self)
{
  return self->more_button;
}
