/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-responder-row"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-responder-row.h"

struct _DebriefResponderRow
{
  AdwActionRow parent_instance;

  GtkEntry *role_entry;
  GtkMenuButton *roles_button;
  GtkWidget *remove_button;

  OgResponder *responder;
};

enum
{
  ROLE_CHANGED,
  REMOVE,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (DebriefResponderRow, debrief_responder_row, ADW_TYPE_ACTION_ROW)

static guint signals[N_SIGNALS];

static void
role_changed_cb (DebriefResponderRow *self)
{
  g_signal_emit (self, signals[ROLE_CHANGED], 0, debrief_responder_row_get_role (self));
}

static void
remove_clicked_cb (DebriefResponderRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
set_role_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DebriefResponderRow *self = DEBRIEF_RESPONDER_ROW (widget);

  debrief_responder_row_set_role (self, g_variant_get_string (parameter, NULL));
  gtk_widget_grab_focus (GTK_WIDGET (self->role_entry));
}

static void
debrief_responder_row_dispose (GObject *object)
{
  DebriefResponderRow *self = DEBRIEF_RESPONDER_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DEBRIEF_TYPE_RESPONDER_ROW);
  g_clear_object (&self->responder);

  G_OBJECT_CLASS (debrief_responder_row_parent_class)->dispose (object);
}

static void
debrief_responder_row_class_init (DebriefResponderRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = debrief_responder_row_dispose;

  /* role-changed (const char *role) */
  signals[ROLE_CHANGED]
      = g_signal_new ("role-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                      NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "responder.set-role", "s", set_role_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/debrief-responder-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DebriefResponderRow, role_entry);
  gtk_widget_class_bind_template_child (widget_class, DebriefResponderRow, roles_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefResponderRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, role_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
debrief_responder_row_init (DebriefResponderRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
debrief_responder_row_new (OgResponder *responder, GMenuModel *roles)
{
  DebriefResponderRow *self;
  const char *name;
  g_autofree char *role_label = NULL;
  g_autofree char *roles_label = NULL;
  g_autofree char *remove_label = NULL;

  g_return_val_if_fail (OG_IS_RESPONDER (responder), NULL);
  g_return_val_if_fail (roles == NULL || G_IS_MENU_MODEL (roles), NULL);

  self = g_object_new (DEBRIEF_TYPE_RESPONDER_ROW, NULL);
  self->responder = g_object_ref (responder);

  name = og_responder_get_name (responder);
  if (name == NULL || *name == '\0')
    name = og_responder_get_id (responder);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name);

  g_signal_handlers_block_by_func (self->role_entry, role_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->role_entry), og_responder_get_role (responder)
                                                              ? og_responder_get_role (responder)
                                                              : "");
  g_signal_handlers_unblock_by_func (self->role_entry, role_changed_cb, self);

  gtk_menu_button_set_menu_model (self->roles_button, roles);
  gtk_widget_set_visible (GTK_WIDGET (self->roles_button),
                          roles != NULL && g_menu_model_get_n_items (roles) > 0);

  /* Translators: accessible names in a responder's row; %s is the user's name */
  role_label = g_strdup_printf (_ ("Role of %s"), name);
  roles_label = g_strdup_printf (_ ("Roles seen so far, for %s"), name);
  remove_label = g_strdup_printf (_ ("Remove %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->role_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  role_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->roles_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, roles_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);

  return GTK_WIDGET (self);
}

OgResponder *
debrief_responder_row_get_responder (DebriefResponderRow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_RESPONDER_ROW (self), NULL);
  return self->responder;
}

const char *
debrief_responder_row_get_role (DebriefResponderRow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_RESPONDER_ROW (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->role_entry));
}

void
debrief_responder_row_set_role (DebriefResponderRow *self, const char *role)
{
  g_return_if_fail (DEBRIEF_IS_RESPONDER_ROW (self));
  gtk_editable_set_text (GTK_EDITABLE (self->role_entry), role != NULL ? role : "");
}

void
debrief_responder_row_set_editable (DebriefResponderRow *self, gboolean editable)
{
  g_return_if_fail (DEBRIEF_IS_RESPONDER_ROW (self));

  gtk_editable_set_editable (GTK_EDITABLE (self->role_entry), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->roles_button), editable);
  gtk_widget_set_sensitive (self->remove_button, editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "responder.set-role", editable);
}

GtkEditable *
debrief_responder_row_get_role_entry (DebriefResponderRow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_RESPONDER_ROW (self), NULL);
  return GTK_EDITABLE (self->role_entry);
}

GtkWidget *
debrief_responder_row_get_remove_button (DebriefResponderRow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_RESPONDER_ROW (self), NULL);
  return self->remove_button;
}
