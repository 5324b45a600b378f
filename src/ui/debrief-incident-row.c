/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-incident-row"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-incident-row.h"

struct _DebriefIncidentRow
{
  GtkWidget parent_instance;

  GtkLabel *title_label;
  GtkLabel *date_label;
  GtkButton *create_button;

  OgIncident *incident;
};

enum
{
  PROP_0,
  PROP_INCIDENT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (DebriefIncidentRow, debrief_incident_row, GTK_TYPE_WIDGET)

static GParamSpec *properties[N_PROPS];

static void
update (DebriefIncidentRow *self)
{
  const char *tiny_id = og_incident_get_tiny_id (self->incident);
  const char *message = og_incident_get_message (self->incident);
  GDateTime *created_at = og_incident_get_created_at (self->incident);
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  g_autofree char *spoken = NULL;

  /* Translators: an incident: "#" and its short number, then its message */
  title = g_strdup_printf (_ ("#%s %s"), tiny_id ? tiny_id : "?", message ? message : "");
  gtk_label_set_label (self->title_label, title);

  if (created_at != NULL)
    {
      g_autoptr (GDateTime) local = g_date_time_to_local (created_at);
      /* Translators: when an incident was opened; see the strftime manual page */
      date = g_date_time_format (local, _ ("Opened %-d %b %Y"));
    }
  gtk_label_set_label (self->date_label, date);
  gtk_widget_set_visible (GTK_WIDGET (self->date_label), date != NULL);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->create_button), "s",
                                    og_incident_get_id (self->incident));

  /* "Create" alone says nothing to a screen reader going from button to button. */
  /* Translators: the create button of an incident row, read by screen readers */
  spoken = g_strdup_printf (_ ("Create a postmortem for %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->create_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

static void
debrief_incident_row_dispose (GObject *object)
{
  DebriefIncidentRow *self = DEBRIEF_INCIDENT_ROW (object);
  GtkWidget *child;

  /* dispose_template unparents only the bound children; the box is not. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  gtk_widget_dispose_template (GTK_WIDGET (self), DEBRIEF_TYPE_INCIDENT_ROW);
  g_clear_object (&self->incident);

  G_OBJECT_CLASS (debrief_incident_row_parent_class)->dispose (object);
}

static void
debrief_incident_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DebriefIncidentRow *self = DEBRIEF_INCIDENT_ROW (object);

  switch (prop_id)
    {
    case PROP_INCIDENT:
      g_value_set_object (value, self->incident);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_incident_row_set_property (GObject *object,
                                   guint prop_id,
                                   const GValue *value,
                                   GParamSpec *pspec)
{
  DebriefIncidentRow *self = DEBRIEF_INCIDENT_ROW (object);

  switch (prop_id)
    {
    case PROP_INCIDENT:
      debrief_incident_row_set_incident (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_incident_row_class_init (DebriefIncidentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = debrief_incident_row_dispose;
  object_class->get_property = debrief_incident_row_get_property;
  object_class->set_property = debrief_incident_row_set_property;

  properties[PROP_INCIDENT]
      = g_param_spec_object ("incident", NULL, NULL, OG_TYPE_INCIDENT,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/debrief-incident-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DebriefIncidentRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, DebriefIncidentRow, date_label);
  gtk_widget_class_bind_template_child (widget_class, DebriefIncidentRow, create_button);

  gtk_widget_class_set_css_name (widget_class, "incidentrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
debrief_incident_row_init (DebriefIncidentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
debrief_incident_row_new (void)
{
  return g_object_new (DEBRIEF_TYPE_INCIDENT_ROW, NULL);
}

OgIncident *
debrief_incident_row_get_incident (DebriefIncidentRow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_INCIDENT_ROW (self), NULL);

  return self->incident;
}

void
debrief_incident_row_set_incident (DebriefIncidentRow *self, OgIncident *incident)
{
  g_return_if_fail (DEBRIEF_IS_INCIDENT_ROW (self));
  g_return_if_fail (incident == NULL || OG_IS_INCIDENT (incident));

  if (!g_set_object (&self->incident, incident))
    return;

  if (incident != NULL)
    update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCIDENT]);
}

GtkButton *
debrief_incident_row_get_create_button (DebriefIncidentRow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_INCIDENT_ROW (self), NULL);

  return self->create_button;
}
