/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-postmortem-page"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-postmortem-page-private.h"
#include "debrief-responder-row.h"

/*
 * The list fields of the page: Jira links, related incidents, affected services, responder
 * teams and responders. Each shows its items as rows of a boxed list (a remove button on
 * each) and adds through a picker in the group's header (Jira's entry row is in
 * debrief-postmortem-page-jira.c), and the roles seen so far for the responders.
 */

static GtkListBox *
list_of (DebriefPostmortemPage *self, OgPostmortemField field)
{
  switch (field)
    {
    case OG_POSTMORTEM_FIELD_JIRA_ISSUES:
      return self->jira_list;
    case OG_POSTMORTEM_FIELD_RELATED_INCIDENTS:
      return self->incidents_list;
    case OG_POSTMORTEM_FIELD_AFFECTED_SERVICES:
      return self->services_list;
    case OG_POSTMORTEM_FIELD_RESPONDER_TEAMS:
      return self->teams_list;
    case OG_POSTMORTEM_FIELD_RESPONDER_USERS:
      return self->responders_list;
    default:
      g_assert_not_reached ();
    }
}

static GtkWidget *
add_button_of (DebriefPostmortemPage *self, OgPostmortemField field)
{
  switch (field)
    {
    case OG_POSTMORTEM_FIELD_JIRA_ISSUES:
      return GTK_WIDGET (self->jira_entry_row);
    case OG_POSTMORTEM_FIELD_RELATED_INCIDENTS:
      return GTK_WIDGET (self->incidents_button);
    case OG_POSTMORTEM_FIELD_AFFECTED_SERVICES:
      return GTK_WIDGET (self->services_button);
    case OG_POSTMORTEM_FIELD_RESPONDER_TEAMS:
      return GTK_WIDGET (self->teams_button);
    case OG_POSTMORTEM_FIELD_RESPONDER_USERS:
      return GTK_WIDGET (self->responders_button);
    default:
      g_assert_not_reached ();
    }
}

/* The working copy's list of @field (OgIncident, OgRef or OgResponder), or NULL for Jira */
static GPtrArray *
objects_of (DebriefPostmortemPage *self, OgPostmortemField field)
{
  switch (field)
    {
    case OG_POSTMORTEM_FIELD_RELATED_INCIDENTS:
      return og_postmortem_get_related_incidents (self->working);
    case OG_POSTMORTEM_FIELD_AFFECTED_SERVICES:
      return og_postmortem_get_affected_services (self->working);
    case OG_POSTMORTEM_FIELD_RESPONDER_TEAMS:
      return og_postmortem_get_responder_teams (self->working);
    case OG_POSTMORTEM_FIELD_RESPONDER_USERS:
      return og_postmortem_get_responders (self->working);
    default:
      return NULL;
    }
}

static void
set_objects (DebriefPostmortemPage *self, OgPostmortemField field, GPtrArray *objects)
{
  switch (field)
    {
    case OG_POSTMORTEM_FIELD_RELATED_INCIDENTS:
      og_postmortem_set_related_incidents (self->working, objects);
      break;
    case OG_POSTMORTEM_FIELD_AFFECTED_SERVICES:
      og_postmortem_set_affected_services (self->working, objects);
      break;
    case OG_POSTMORTEM_FIELD_RESPONDER_TEAMS:
      og_postmortem_set_responder_teams (self->working, objects);
      break;
    case OG_POSTMORTEM_FIELD_RESPONDER_USERS:
      og_postmortem_set_responders (self->working, objects);
      break;
    default:
      g_assert_not_reached ();
    }
}

static const char *
object_id (GObject *object)
{
  if (OG_IS_INCIDENT (object))
    return og_incident_get_id (OG_INCIDENT (object));
  if (OG_IS_RESPONDER (object))
    return og_responder_get_id (OG_RESPONDER (object));
  return og_ref_get_id (OG_REF (object));
}

static char *
object_label (GObject *object)
{
  if (OG_IS_INCIDENT (object))
    {
      const char *tiny_id = og_incident_get_tiny_id (OG_INCIDENT (object));
      const char *message = og_incident_get_message (OG_INCIDENT (object));

      /* Translators: an incident: "#" and its short number, then its message */
      return g_strdup_printf (_ ("#%s %s"), tiny_id ? tiny_id : "?", message ? message : "");
    }
  if (og_ref_get_name (OG_REF (object)) != NULL)
    return g_strdup (og_ref_get_name (OG_REF (object)));
  return g_strdup (og_ref_get_id (OG_REF (object)));
}

/* The list of @field without the item at @index, or with @added at the end */
static void
edit_objects (DebriefPostmortemPage *self, OgPostmortemField field, guint index, GObject *added)
{
  GPtrArray *objects = objects_of (self, field);
  g_autoptr (GPtrArray) edited = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < objects->len; i++)
    if (added != NULL || i != index)
      g_ptr_array_add (edited, g_object_ref (g_ptr_array_index (objects, i)));
  if (added != NULL)
    g_ptr_array_add (edited, g_object_ref (added));
  set_objects (self, field, edited);
}

static void
remove_item (DebriefPostmortemPage *self, OgPostmortemField field, guint index)
{
  if (self->working == NULL || !self->fields_editable)
    return;

  if (field == OG_POSTMORTEM_FIELD_JIRA_ISSUES)
    {
      const char *const *urls = og_postmortem_get_jira_issues (self->working);
      g_autoptr (GStrvBuilder) kept = g_strv_builder_new ();
      g_auto (GStrv) edited = NULL;

      for (guint i = 0; urls != NULL && urls[i] != NULL; i++)
        if (i != index)
          g_strv_builder_add (kept, urls[i]);
      edited = g_strv_builder_end (kept);
      og_postmortem_set_jira_issues (self->working, (const char *const *) edited);
    }
  else
    {
      edit_objects (self, field, index, NULL);
    }

  _debrief_postmortem_page_update_list (self, field);
  _debrief_postmortem_page_edited (self, field);
  /* The focused button went with its row: keyboard users continue from the add control. */
  gtk_widget_grab_focus (add_button_of (self, field));
}

static void
remove_clicked_cb (GtkWidget *button, DebriefPostmortemPage *self)
{
  remove_item (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "field")),
               GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index")));
}

GtkWidget *
_debrief_postmortem_page_new_icon_button (const char *icon_name,
                                          const char *tooltip,
                                          const char *accessible_label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  return button;
}

GtkWidget *
_debrief_postmortem_page_new_item_row (DebriefPostmortemPage *self,
                                       OgPostmortemField field,
                                       guint index,
                                       const char *label,
                                       GtkWidget *first_suffix)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *remove_label = NULL;
  GtkWidget *remove;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);

  /* Translators: the accessible name of a button that removes an item from a list */
  remove_label = g_strdup_printf (_ ("Remove %s"), label);
  remove = _debrief_postmortem_page_new_icon_button ("user-trash-symbolic", _ ("Remove"),
                                                     remove_label);
  gtk_widget_set_sensitive (remove, self->fields_editable);
  g_object_set_data (G_OBJECT (remove), "field", GUINT_TO_POINTER (field));
  g_object_set_data (G_OBJECT (remove), "index", GUINT_TO_POINTER (index));
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
  if (first_suffix != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), first_suffix);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

static void
responder_role_changed_cb (DebriefResponderRow *row, const char *role, DebriefPostmortemPage *self)
{
  GPtrArray *responders;
  g_autoptr (GPtrArray) edited = NULL;
  OgResponder *old = debrief_responder_row_get_responder (row);

  if (self->working == NULL || self->updating > 0 || !self->fields_editable)
    return;

  responders = og_postmortem_get_responders (self->working);
  edited = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < responders->len; i++)
    {
      OgResponder *responder = g_ptr_array_index (responders, i);

      if (g_strcmp0 (og_responder_get_id (responder), og_responder_get_id (old)) == 0)
        g_ptr_array_add (edited, og_responder_new (og_responder_get_id (responder),
                                                   og_responder_get_name (responder), role));
      else
        g_ptr_array_add (edited, g_object_ref (responder));
    }
  og_postmortem_set_responders (self->working, edited);
  _debrief_postmortem_page_edited (self, OG_POSTMORTEM_FIELD_RESPONDER_USERS);
}

static void
responder_remove_cb (DebriefResponderRow *row, DebriefPostmortemPage *self)
{
  remove_item (self, OG_POSTMORTEM_FIELD_RESPONDER_USERS,
               GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "index")));
}

static GtkWidget *
new_row (DebriefPostmortemPage *self, OgPostmortemField field, guint index, GObject *object)
{
  g_autofree char *label = NULL;
  GtkWidget *row;

  if (field != OG_POSTMORTEM_FIELD_RESPONDER_USERS)
    {
      label = object_label (object);
      return _debrief_postmortem_page_new_item_row (self, field, index, label, NULL);
    }

  row = debrief_responder_row_new (OG_RESPONDER (object), G_MENU_MODEL (self->roles_menu));
  debrief_responder_row_set_editable (DEBRIEF_RESPONDER_ROW (row), self->fields_editable);
  g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (index));
  g_signal_connect_object (row, "role-changed", G_CALLBACK (responder_role_changed_cb), self, 0);
  g_signal_connect_object (row, "remove", G_CALLBACK (responder_remove_cb), self, 0);
  return row;
}

void
_debrief_postmortem_page_update_list (DebriefPostmortemPage *self, OgPostmortemField field)
{
  GtkListBox *list = list_of (self, field);
  GPtrArray *rows;

  if (self->item_rows[field] == NULL)
    self->item_rows[field] = g_ptr_array_new ();
  rows = self->item_rows[field];

  for (guint i = 0; i < rows->len; i++)
    gtk_list_box_remove (list, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);

  if (self->working == NULL)
    return;

  self->updating++;
  if (field == OG_POSTMORTEM_FIELD_JIRA_ISSUES)
    {
      const char *const *urls = og_postmortem_get_jira_issues (self->working);

      for (guint i = 0; urls != NULL && urls[i] != NULL; i++)
        g_ptr_array_add (rows, _debrief_postmortem_page_new_jira_row (self, i, urls[i]));
    }
  else
    {
      GPtrArray *objects = objects_of (self, field);

      g_autoptr (GStrvBuilder) ids = g_strv_builder_new ();
      g_auto (GStrv) excluded = NULL;

      for (guint i = 0; i < objects->len; i++)
        {
          g_ptr_array_add (rows, new_row (self, field, i, g_ptr_array_index (objects, i)));
          g_strv_builder_add (ids, object_id (g_ptr_array_index (objects, i)));
        }
      /* the picker offers what is not chosen yet, and not the root incident itself */
      if (field == OG_POSTMORTEM_FIELD_RELATED_INCIDENTS
          && og_postmortem_get_root_incident (self->working) != NULL)
        g_strv_builder_add (ids,
                            og_incident_get_id (og_postmortem_get_root_incident (self->working)));
      excluded = g_strv_builder_end (ids);
      debrief_picker_set_excluded_ids (self->pickers[field], (const char *const *) excluded);
    }

  /* after the status row, and before Jira's entry row */
  for (guint i = 0; i < rows->len; i++)
    gtk_list_box_insert (list, g_ptr_array_index (rows, i), (int) i + 1);
  self->updating--;
}

static gboolean
has_object (DebriefPostmortemPage *self, OgPostmortemField field, const char *id)
{
  GPtrArray *objects = objects_of (self, field);

  for (guint i = 0; i < objects->len; i++)
    if (g_strcmp0 (object_id (g_ptr_array_index (objects, i)), id) == 0)
      return TRUE;
  return FALSE;
}

static void
picked_cb (DebriefPicker *picker, DebriefPickerItem *item, DebriefPostmortemPage *self)
{
  OgPostmortemField field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (picker), "field"));
  const char *id = debrief_picker_item_get_id (item);
  const char *name = debrief_picker_item_get_title (item);
  g_autoptr (GObject) added = NULL;
  GPtrArray *rows;

  if (self->working == NULL || !self->fields_editable || has_object (self, field, id))
    return;

  if (field == OG_POSTMORTEM_FIELD_RELATED_INCIDENTS)
    added = g_object_ref (debrief_picker_item_get_object (item));
  else if (field == OG_POSTMORTEM_FIELD_RESPONDER_USERS)
    added = G_OBJECT (og_responder_new (id, name, ""));
  else
    added = G_OBJECT (og_ref_new (id, name));

  edit_objects (self, field, 0, added);
  _debrief_postmortem_page_update_list (self, field);
  _debrief_postmortem_page_edited (self, field);

  /* A new responder's role is what the user types next. */
  rows = self->item_rows[field];
  if (field == OG_POSTMORTEM_FIELD_RESPONDER_USERS && rows->len > 0)
    gtk_widget_grab_focus (GTK_WIDGET (
        debrief_responder_row_get_role_entry (g_ptr_array_index (rows, rows->len - 1))));
}

void
_debrief_postmortem_page_lists_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemPage, incidents_list);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemPage, incidents_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemPage, services_list);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemPage, services_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemPage, teams_list);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemPage, teams_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemPage, responders_list);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemPage, responders_button);
}

void
_debrief_postmortem_page_lists_init (DebriefPostmortemPage *self)
{
  static const struct
  {
    OgPostmortemField field;
    DebriefPickerKind kind;
  } pickers[] = {
    { OG_POSTMORTEM_FIELD_RELATED_INCIDENTS, DEBRIEF_PICKER_INCIDENTS },
    { OG_POSTMORTEM_FIELD_AFFECTED_SERVICES, DEBRIEF_PICKER_SERVICES },
    { OG_POSTMORTEM_FIELD_RESPONDER_TEAMS, DEBRIEF_PICKER_TEAMS },
    { OG_POSTMORTEM_FIELD_RESPONDER_USERS, DEBRIEF_PICKER_USERS },
  };

  self->known_roles = gtk_string_list_new (NULL);
  self->roles_menu = g_menu_new ();

  for (guint i = 0; i < G_N_ELEMENTS (pickers); i++)
    {
      OgPostmortemField field = pickers[i].field;
      GtkWidget *picker = debrief_picker_new (pickers[i].kind);

      self->pickers[field] = DEBRIEF_PICKER (picker);
      g_object_set_data (G_OBJECT (picker), "field", GUINT_TO_POINTER (field));
      g_signal_connect_object (picker, "picked", G_CALLBACK (picked_cb), self, 0);
      gtk_menu_button_set_popover (GTK_MENU_BUTTON (add_button_of (self, field)), picker);
    }
}

static void
remember_role (DebriefPostmortemPage *self, const char *role)
{
  g_autoptr (GMenuItem) item = NULL;
  guint n_roles = g_list_model_get_n_items (G_LIST_MODEL (self->known_roles));

  if (role == NULL || *role == '\0')
    return;
  for (guint i = 0; i < n_roles; i++)
    if (g_utf8_collate (gtk_string_list_get_string (self->known_roles, i), role) == 0)
      return;

  gtk_string_list_append (self->known_roles, role);
  item = g_menu_item_new (role, NULL);
  g_menu_item_set_action_and_target_value (item, "responder.set-role", g_variant_new_string (role));
  g_menu_append_item (self->roles_menu, item);
}

void
_debrief_postmortem_page_remember_roles (DebriefPostmortemPage *self, OgPostmortem *postmortem)
{
  GPtrArray *responders = og_postmortem_get_responders (postmortem);

  for (guint i = 0; i < responders->len; i++)
    remember_role (self, og_responder_get_role (g_ptr_array_index (responders, i)));
}

void
debrief_postmortem_page_add_known_roles (DebriefPostmortemPage *self, const char *const *roles)
{
  g_return_if_fail (DEBRIEF_IS_POSTMORTEM_PAGE (self));

  for (guint i = 0; roles != NULL && roles[i] != NULL; i++)
    remember_role (self, roles[i]);
}

GPtrArray *
_debrief_postmortem_page_get_item_rows (DebriefPostmortemPage *self, OgPostmortemField field)
{
  return self->item_rows[field];
}
