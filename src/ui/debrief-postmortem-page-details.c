/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-postmortem-page"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-postmortem-page-private.h"

/*
 * The details of the page: title, severity (with the colour-coded badge of the list's
 * rows), status and owner (chosen in a user picker).
 */

/* Opsgenie's names of the priorities, beside the colour-coded badge */
static const char *const severity_names[] = {
  N_ ("Critical"), N_ ("High"), N_ ("Moderate"), N_ ("Low"), N_ ("Informational"),
};

static void
setup_severity_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *badge = gtk_label_new (NULL);
  GtkWidget *name = gtk_label_new (NULL);

  gtk_widget_add_css_class (badge, "severity-badge");
  gtk_label_set_width_chars (GTK_LABEL (badge), 2);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_box_append (GTK_BOX (box), badge);
  gtk_box_append (GTK_BOX (box), name);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_severity_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  static const char *const classes[] = { "p1", "p2", "p3", "p4", "p5" };
  GtkStringObject *item = gtk_list_item_get_item (list_item);
  GtkWidget *badge = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  GtkWidget *name = gtk_widget_get_next_sibling (badge);
  OgSeverity position;

  /* From the item, not gtk_list_item_get_position(): the row's own display of the selected
   * item is bound through a list item whose position is always 0 (it showed P1 for all). */
  if (!og_severity_from_string (gtk_string_object_get_string (item), &position))
    g_return_if_reached ();
  g_assert ((guint) position < G_N_ELEMENTS (classes));
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (badge, classes[i]);
  gtk_widget_add_css_class (badge, classes[position]);
  gtk_label_set_label (GTK_LABEL (badge), og_severity_to_string (position));
  gtk_label_set_label (GTK_LABEL (name), _ (severity_names[position]));
}

void
_debrief_postmortem_page_update_owner (DebriefPostmortemPage *self)
{
  OgRef *owner = self->working != NULL ? og_postmortem_get_owner (self->working) : NULL;
  const char *name = NULL;

  if (owner != NULL)
    name = og_ref_get_name (owner) != NULL ? og_ref_get_name (owner) : og_ref_get_id (owner);
  adw_action_row_set_subtitle (self->owner_row, name != NULL ? name : _ ("Nobody"));

  {
    const char *ids[] = { owner != NULL ? og_ref_get_id (owner) : NULL, NULL };

    debrief_picker_set_excluded_ids (self->pickers[OG_POSTMORTEM_FIELD_OWNER], ids);
  }
}

/* What a screen reader says of the chosen severity: "P1 Critical" */
static char *
severity_text (GtkStringObject *item)
{
  OgSeverity severity;

  if (!og_severity_from_string (gtk_string_object_get_string (item), &severity))
    return g_strdup (gtk_string_object_get_string (item));
  return g_strdup_printf ("%s %s", og_severity_to_string (severity), _ (severity_names[severity]));
}

static void
title_changed_cb (DebriefPostmortemPage *self)
{
  if (self->updating > 0 || self->working == NULL)
    return;
  og_postmortem_set_title (self->working, gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  _debrief_postmortem_page_edited (self, OG_POSTMORTEM_FIELD_TITLE);
}

static void
severity_selected_cb (DebriefPostmortemPage *self)
{
  guint selected = adw_combo_row_get_selected (self->severity_row);

  if (self->updating > 0 || self->working == NULL || selected > OG_SEVERITY_P5
      || selected == og_postmortem_get_severity (self->working))
    return;
  og_postmortem_set_severity (self->working, selected);
  _debrief_postmortem_page_edited (self, OG_POSTMORTEM_FIELD_SEVERITY);
}

static void
status_selected_cb (DebriefPostmortemPage *self)
{
  guint selected = adw_combo_row_get_selected (self->status_row);

  if (self->updating > 0 || self->working == NULL || selected > OG_POSTMORTEM_STATUS_PUBLISHED
      || selected == og_postmortem_get_status (self->working))
    return;
  og_postmortem_set_status (self->working, selected);
  _debrief_postmortem_page_edited (self, OG_POSTMORTEM_FIELD_STATUS);
}

static void
owner_picked_cb (DebriefPostmortemPage *self, DebriefPickerItem *item)
{
  g_autoptr (OgRef) owner = NULL;

  if (self->working == NULL || !self->fields_editable)
    return;
  owner = og_ref_new (debrief_picker_item_get_id (item), debrief_picker_item_get_title (item));
  og_postmortem_set_owner (self->working, owner);
  _debrief_postmortem_page_update_owner (self);
  _debrief_postmortem_page_edited (self, OG_POSTMORTEM_FIELD_OWNER);
}

void
_debrief_postmortem_page_details_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemPage, severity_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemPage, owner_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemPage, owner_button);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, severity_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_selected_cb);
}

void
_debrief_postmortem_page_details_init (DebriefPostmortemPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkStringList) severities = gtk_string_list_new (NULL);

  for (guint s = OG_SEVERITY_P1; s <= OG_SEVERITY_P5; s++)
    gtk_string_list_append (severities, og_severity_to_string (s));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_severity_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_severity_cb), NULL);
  adw_combo_row_set_factory (self->severity_row, factory);
  g_object_unref (factory);
  adw_combo_row_set_expression (
      self->severity_row, gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                       G_CALLBACK (severity_text), NULL, NULL));
  self->updating++;
  adw_combo_row_set_model (self->severity_row, G_LIST_MODEL (severities));
  self->updating--;

  self->pickers[OG_POSTMORTEM_FIELD_OWNER]
      = DEBRIEF_PICKER (debrief_picker_new (DEBRIEF_PICKER_USERS));
  gtk_menu_button_set_popover (self->owner_button,
                               GTK_WIDGET (self->pickers[OG_POSTMORTEM_FIELD_OWNER]));
  g_signal_connect_object (self->pickers[OG_POSTMORTEM_FIELD_OWNER], "picked",
                           G_CALLBACK (owner_picked_cb), self, G_CONNECT_SWAPPED);
}
