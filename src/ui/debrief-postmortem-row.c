/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-postmortem-row"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-postmortem-row.h"

struct _DebriefPostmortemRow
{
  GtkWidget parent_instance;

  GtkLabel *severity_label;
  GtkLabel *title_label;
  GtkLabel *incident_label;
  GtkLabel *status_label;
  GtkLabel *date_label;

  OgPostmortem *postmortem;
};

enum
{
  PROP_0,
  PROP_POSTMORTEM,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (DebriefPostmortemRow, debrief_postmortem_row, GTK_TYPE_WIDGET)

static GParamSpec *properties[N_PROPS];

/* Style classes: "p1" … "p5" on the badge, "draft", "in-review", "published" on the pill
 * (style.css colours them). */
static const char *const severity_classes[] = { "p1", "p2", "p3", "p4", "p5" };
static const char *const status_classes[] = { "draft", "in-review", "published" };

static void
set_one_class (GtkWidget *widget, const char *const *classes, guint n_classes, guint index)
{
  for (guint i = 0; i < n_classes; i++)
    {
      if (i == index)
        gtk_widget_add_css_class (widget, classes[i]);
      else
        gtk_widget_remove_css_class (widget, classes[i]);
    }
}

static const char *
status_label (OgPostmortemStatus status)
{
  switch (status)
    {
    case OG_POSTMORTEM_STATUS_DRAFT:
      return _ ("Draft");
    case OG_POSTMORTEM_STATUS_IN_REVIEW:
      return _ ("In review");
    case OG_POSTMORTEM_STATUS_PUBLISHED:
      return _ ("Published");
    default:
      g_assert_not_reached ();
    }
}

static void
update_severity (DebriefPostmortemRow *self)
{
  OgSeverity severity = og_postmortem_get_severity (self->postmortem);
  g_autofree char *tooltip = NULL;

  g_assert (severity < G_N_ELEMENTS (severity_classes));

  gtk_label_set_label (self->severity_label, og_severity_to_string (severity));
  set_one_class (GTK_WIDGET (self->severity_label), severity_classes,
                 G_N_ELEMENTS (severity_classes), severity);

  /* Translators: %s is a severity, "P1" (highest) to "P5" */
  tooltip = g_strdup_printf (_ ("Severity %s"), og_severity_to_string (severity));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->severity_label), tooltip);
}

static void
update_incident (DebriefPostmortemRow *self)
{
  OgIncident *incident = og_postmortem_get_root_incident (self->postmortem);
  g_autofree char *text = NULL;

  if (incident != NULL)
    {
      const char *tiny_id = og_incident_get_tiny_id (incident);
      const char *message = og_incident_get_message (incident);

      /* Translators: an incident: "#" and its short number, then its message */
      text = g_strdup_printf (_ ("#%s %s"), tiny_id ? tiny_id : "?", message ? message : "");
    }

  gtk_label_set_label (self->incident_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->incident_label), text != NULL);
}

static void
update_date (DebriefPostmortemRow *self)
{
  GDateTime *created_at = og_postmortem_get_created_at (self->postmortem);
  g_autoptr (GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *full = NULL;

  if (created_at != NULL)
    {
      local = g_date_time_to_local (created_at);
      /* Translators: a short date, see the strftime manual page */
      date = g_date_time_format (local, _ ("%-d %b %Y"));
      full = g_date_time_format (local, "%c");
    }

  gtk_label_set_label (self->date_label, date);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->date_label), full);
  gtk_widget_set_visible (GTK_WIDGET (self->date_label), date != NULL);
}

/* The row is a group of labels: a screen reader gets the gist in one sentence. */
static void
update_accessible_label (DebriefPostmortemRow *self)
{
  g_autofree char *label = NULL;

  /* Translators: a postmortem in the list, read by screen readers: title, severity ("P2"),
   * status ("In review") and incident ("#50 API errors") */
  label = g_strdup_printf (_ ("%s, %s, %s, %s"), gtk_label_get_label (self->title_label),
                           gtk_label_get_label (self->severity_label),
                           gtk_label_get_label (self->status_label),
                           gtk_label_get_label (self->incident_label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
update (DebriefPostmortemRow *self)
{
  OgPostmortemStatus status;
  const char *title;

  if (self->postmortem == NULL)
    return;

  title = og_postmortem_get_title (self->postmortem);
  gtk_label_set_label (self->title_label,
                       title != NULL && *title != '\0' ? title : _ ("Untitled Postmortem"));

  status = og_postmortem_get_status (self->postmortem);
  g_assert (status < G_N_ELEMENTS (status_classes));
  gtk_label_set_label (self->status_label, status_label (status));
  set_one_class (GTK_WIDGET (self->status_label), status_classes, G_N_ELEMENTS (status_classes),
                 status);

  update_severity (self);
  update_incident (self);
  update_date (self);
  update_accessible_label (self);
}

static void
debrief_postmortem_row_dispose (GObject *object)
{
  DebriefPostmortemRow *self = DEBRIEF_POSTMORTEM_ROW (object);
  GtkWidget *child;

  /* dispose_template unparents only the bound children; the boxes are not. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  gtk_widget_dispose_template (GTK_WIDGET (self), DEBRIEF_TYPE_POSTMORTEM_ROW);
  g_clear_object (&self->postmortem);

  G_OBJECT_CLASS (debrief_postmortem_row_parent_class)->dispose (object);
}

static void
debrief_postmortem_row_get_property (GObject *object,
                                     guint prop_id,
                                     GValue *value,
                                     GParamSpec *pspec)
{
  DebriefPostmortemRow *self = DEBRIEF_POSTMORTEM_ROW (object);

  switch (prop_id)
    {
    case PROP_POSTMORTEM:
      g_value_set_object (value, self->postmortem);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_postmortem_row_set_property (GObject *object,
                                     guint prop_id,
                                     const GValue *value,
                                     GParamSpec *pspec)
{
  DebriefPostmortemRow *self = DEBRIEF_POSTMORTEM_ROW (object);

  switch (prop_id)
    {
    case PROP_POSTMORTEM:
      debrief_postmortem_row_set_postmortem (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_postmortem_row_class_init (DebriefPostmortemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = debrief_postmortem_row_dispose;
  object_class->get_property = debrief_postmortem_row_get_property;
  object_class->set_property = debrief_postmortem_row_set_property;

  properties[PROP_POSTMORTEM]
      = g_param_spec_object ("postmortem", NULL, NULL, OG_TYPE_POSTMORTEM,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/debrief-postmortem-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemRow, severity_label);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemRow, incident_label);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemRow, date_label);

  gtk_widget_class_set_css_name (widget_class, "postmortemrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
debrief_postmortem_row_init (DebriefPostmortemRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
debrief_postmortem_row_new (void)
{
  return g_object_new (DEBRIEF_TYPE_POSTMORTEM_ROW, NULL);
}

OgPostmortem *
debrief_postmortem_row_get_postmortem (DebriefPostmortemRow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_POSTMORTEM_ROW (self), NULL);

  return self->postmortem;
}

void
debrief_postmortem_row_set_postmortem (DebriefPostmortemRow *self, OgPostmortem *postmortem)
{
  g_return_if_fail (DEBRIEF_IS_POSTMORTEM_ROW (self));
  g_return_if_fail (postmortem == NULL || OG_IS_POSTMORTEM (postmortem));

  if (g_set_object (&self->postmortem, postmortem))
    {
      update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSTMORTEM]);
    }
}
