/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-postmortem-page"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "debrief-postmortem-page-private.h"

/*
 * What the page says about its fields beyond their values: the "changed" marks against the
 * base copy, the save state with the server's message next to each field, and the
 * read-only facts of the incident (its times in local time and how long it lasted).
 */

static const struct
{
  const char *icon_name;
  const char *style_class;
  const char *default_message;
} state_looks[] = {
  [DEBRIEF_PAGE_FIELD_CLEAN] = { NULL, NULL, NULL },
  [DEBRIEF_PAGE_FIELD_UNSAVED] = { "dialog-warning-symbolic", "warning", N_ ("Not saved") },
  [DEBRIEF_PAGE_FIELD_SAVING] = { "emblem-synchronizing-symbolic", "dim-label", N_ ("Saving…") },
  [DEBRIEF_PAGE_FIELD_FAILED] = { "dialog-error-symbolic", "error", N_ ("Could not save") },
  [DEBRIEF_PAGE_FIELD_CONFLICT] = { "dialog-warning-symbolic", "error",
                                    N_ ("Changed here and in Opsgenie: choose which to keep") },
};

static char *
format_time (GDateTime *time)
{
  g_autoptr (GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup (_ ("Not recorded"));
  local = g_date_time_to_local (time);
  /* Translators: a date and time in local time, see the strftime manual page */
  return g_date_time_format (local, _ ("%-d %b %Y, %H:%M"));
}

static char *
format_duration (GDateTime *start, GDateTime *end)
{
  GTimeSpan span;
  uint64_t minutes;

  if (start == NULL || end == NULL)
    return g_strdup (_ ("Not recorded"));

  span = g_date_time_difference (end, start);
  if (span < 0)
    return g_strdup (_ ("Ends before it starts"));
  minutes = (uint64_t) (span / G_TIME_SPAN_MINUTE);

  if (minutes < 60)
    /* Translators: a duration in minutes */
    return g_strdup_printf (_ ("%" PRIu64 " min"), minutes);
  if (minutes < 24 * 60)
    /* Translators: a duration in hours and minutes */
    return g_strdup_printf (_ ("%" PRIu64 " h %02" PRIu64 " min"), minutes / 60, minutes % 60);
  /* Translators: a duration in days and hours */
  return g_strdup_printf (_ ("%" PRIu64 " d %" PRIu64 " h"), minutes / (24 * 60),
                          minutes / 60 % 24);
}

static void
set_time_row (AdwActionRow *row, GDateTime *time)
{
  g_autofree char *text = format_time (time);

  adw_action_row_set_subtitle (row, text);
}

void
_debrief_postmortem_page_fields_class_init (GtkWidgetClass *widget_class)
{
  static const struct
  {
    const char *name;
    OgPostmortemField field;
  } status_rows[] = {
    { "title_status", OG_POSTMORTEM_FIELD_TITLE },
    { "severity_status", OG_POSTMORTEM_FIELD_SEVERITY },
    { "status_status", OG_POSTMORTEM_FIELD_STATUS },
    { "owner_status", OG_POSTMORTEM_FIELD_OWNER },
    { "jira_status", OG_POSTMORTEM_FIELD_JIRA_ISSUES },
    { "incidents_status", OG_POSTMORTEM_FIELD_RELATED_INCIDENTS },
    { "services_status", OG_POSTMORTEM_FIELD_AFFECTED_SERVICES },
    { "teams_status", OG_POSTMORTEM_FIELD_RESPONDER_TEAMS },
    { "responders_status", OG_POSTMORTEM_FIELD_RESPONDER_USERS },
    { "summary_status", OG_POSTMORTEM_FIELD_EXECUTIVE_SUMMARY },
    { "content_status", OG_POSTMORTEM_FIELD_CONTENT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (status_rows); i++)
    gtk_widget_class_bind_template_child_full (widget_class, status_rows[i].name, FALSE,
                                               G_STRUCT_OFFSET (DebriefPostmortemPage, fields)
                                                   + status_rows[i].field * sizeof (DebriefField)
                                                   + G_STRUCT_OFFSET (DebriefField, status_row));
  gtk_widget_class_bind_template_child_full (
      widget_class, "summary_status_list", FALSE,
      G_STRUCT_OFFSET (DebriefPostmortemPage, fields)
          + OG_POSTMORTEM_FIELD_EXECUTIVE_SUMMARY * sizeof (DebriefField)
          + G_STRUCT_OFFSET (DebriefField, status_container));
  gtk_widget_class_bind_template_child_full (
      widget_class, "content_status_list", FALSE,
      G_STRUCT_OFFSET (DebriefPostmortemPage, fields)
          + OG_POSTMORTEM_FIELD_CONTENT * sizeof (DebriefField)
          + G_STRUCT_OFFSET (DebriefField, status_container));
}

void
_debrief_postmortem_page_fields_init (DebriefPostmortemPage *self)
{
  GtkWidget *marks[] = {
    [OG_POSTMORTEM_FIELD_TITLE] = GTK_WIDGET (self->title_row),
    [OG_POSTMORTEM_FIELD_SEVERITY] = GTK_WIDGET (self->severity_row),
    [OG_POSTMORTEM_FIELD_STATUS] = GTK_WIDGET (self->status_row),
    [OG_POSTMORTEM_FIELD_OWNER] = GTK_WIDGET (self->owner_row),
    [OG_POSTMORTEM_FIELD_JIRA_ISSUES] = GTK_WIDGET (self->jira_list),
    [OG_POSTMORTEM_FIELD_RELATED_INCIDENTS] = GTK_WIDGET (self->incidents_list),
    [OG_POSTMORTEM_FIELD_AFFECTED_SERVICES] = GTK_WIDGET (self->services_list),
    [OG_POSTMORTEM_FIELD_RESPONDER_TEAMS] = GTK_WIDGET (self->teams_list),
    [OG_POSTMORTEM_FIELD_RESPONDER_USERS] = GTK_WIDGET (self->responders_list),
    [OG_POSTMORTEM_FIELD_EXECUTIVE_SUMMARY] = GTK_WIDGET (self->summary_slot),
    [OG_POSTMORTEM_FIELD_CONTENT] = GTK_WIDGET (self->content_slot),
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (marks) == OG_N_POSTMORTEM_FIELDS);

  for (guint f = 0; f < OG_N_POSTMORTEM_FIELDS; f++)
    {
      DebriefField *field = &self->fields[f];

      g_assert (field->status_row != NULL);
      field->mark = marks[f];
      if (field->status_container == NULL)
        field->status_container = GTK_WIDGET (field->status_row);
      /* the server's words, not markup */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (field->status_row), FALSE);
      field->status_icon = gtk_image_new ();
      gtk_accessible_update_property (GTK_ACCESSIBLE (field->status_icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      adw_action_row_add_prefix (field->status_row, field->status_icon);
    }
}

void
_debrief_postmortem_page_update_mark (DebriefPostmortemPage *self, OgPostmortemField field)
{
  GtkWidget *mark = self->fields[field].mark;

  if (debrief_postmortem_page_get_field_changed (self, field))
    {
      gtk_widget_add_css_class (mark, "changed");
      gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _ ("Changed"), -1);
    }
  else
    {
      gtk_widget_remove_css_class (mark, "changed");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

void
_debrief_postmortem_page_update_times (DebriefPostmortemPage *self)
{
  OgPostmortem *p = self->working;
  OgIncident *incident = p != NULL ? og_postmortem_get_root_incident (p) : NULL;
  g_autofree char *incident_text = NULL;
  g_autofree char *duration = NULL;

  if (incident != NULL)
    {
      const char *tiny_id = og_incident_get_tiny_id (incident);
      const char *message = og_incident_get_message (incident);

      /* Translators: an incident: "#" and its short number, then its message */
      incident_text
          = g_strdup_printf (_ ("#%s %s"), tiny_id ? tiny_id : "?", message ? message : "");
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->root_incident_row), FALSE);
  adw_action_row_set_subtitle (self->root_incident_row,
                               incident_text != NULL ? incident_text : _ ("None"));

  set_time_row (self->start_row, p != NULL ? og_postmortem_get_start_time (p) : NULL);
  set_time_row (self->end_row, p != NULL ? og_postmortem_get_end_time (p) : NULL);
  set_time_row (self->respond_row, p != NULL ? og_postmortem_get_respond_time (p) : NULL);
  set_time_row (self->resolve_row, p != NULL ? og_postmortem_get_resolve_time (p) : NULL);
  set_time_row (self->created_row, p != NULL ? og_postmortem_get_created_at (p) : NULL);
  /* the expander's summary: when it started and ended */
  {
    g_autofree char *start = format_time (p != NULL ? og_postmortem_get_start_time (p) : NULL);
    g_autofree char *end = format_time (p != NULL ? og_postmortem_get_end_time (p) : NULL);
    /* Translators: when an incident started and ended, two dates and times */
    g_autofree char *span = g_strdup_printf (_ ("%s – %s"), start, end);

    adw_expander_row_set_subtitle (self->times_row, span);
  }
  duration = format_duration (p != NULL ? og_postmortem_get_start_time (p) : NULL,
                              p != NULL ? og_postmortem_get_end_time (p) : NULL);
  adw_action_row_set_subtitle (self->duration_row, duration);
}

void
debrief_postmortem_page_set_field_state (DebriefPostmortemPage *self,
                                         OgPostmortemField field,
                                         DebriefPageFieldState state,
                                         const char *message)
{
  DebriefField *f;

  g_return_if_fail (DEBRIEF_IS_POSTMORTEM_PAGE (self));
  g_return_if_fail (field < OG_N_POSTMORTEM_FIELDS);
  g_return_if_fail (state <= DEBRIEF_PAGE_FIELD_CONFLICT);

  f = &self->fields[field];
  f->state = state;

  for (guint s = DEBRIEF_PAGE_FIELD_UNSAVED; s <= DEBRIEF_PAGE_FIELD_CONFLICT; s++)
    gtk_widget_remove_css_class (GTK_WIDGET (f->status_row), state_looks[s].style_class);

  if (state == DEBRIEF_PAGE_FIELD_CLEAN)
    {
      gtk_widget_set_visible (f->status_container, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (f->status_row), FALSE);
      return;
    }

  gtk_image_set_from_icon_name (GTK_IMAGE (f->status_icon), state_looks[state].icon_name);
  gtk_widget_add_css_class (GTK_WIDGET (f->status_row), state_looks[state].style_class);
  adw_preferences_row_set_title (
      ADW_PREFERENCES_ROW (f->status_row),
      message != NULL && *message != '\0' ? message : _ (state_looks[state].default_message));
  gtk_widget_set_visible (GTK_WIDGET (f->status_row), TRUE);
  gtk_widget_set_visible (f->status_container, TRUE);
}

DebriefPageFieldState
debrief_postmortem_page_get_field_state (DebriefPostmortemPage *self, OgPostmortemField field)
{
  g_return_val_if_fail (DEBRIEF_IS_POSTMORTEM_PAGE (self), DEBRIEF_PAGE_FIELD_CLEAN);
  g_return_val_if_fail (field < OG_N_POSTMORTEM_FIELDS, DEBRIEF_PAGE_FIELD_CLEAN);

  return self->fields[field].state;
}

gboolean
debrief_postmortem_page_get_field_changed (DebriefPostmortemPage *self, OgPostmortemField field)
{
  g_return_val_if_fail (DEBRIEF_IS_POSTMORTEM_PAGE (self), FALSE);
  g_return_val_if_fail (field < OG_N_POSTMORTEM_FIELDS, FALSE);

  return self->working != NULL && self->base != NULL
         && !og_postmortem_field_equal (self->working, self->base, field);
}

GtkWidget *
_debrief_postmortem_page_get_field_widget (DebriefPostmortemPage *self, OgPostmortemField field)
{
  return self->fields[field].mark;
}

const char *
_debrief_postmortem_page_get_field_message (DebriefPostmortemPage *self, OgPostmortemField field)
{
  DebriefField *f = &self->fields[field];

  if (!gtk_widget_get_visible (GTK_WIDGET (f->status_row))
      || !gtk_widget_get_visible (f->status_container))
    return NULL;
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (f->status_row));
}
