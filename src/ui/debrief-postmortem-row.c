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
  GtkWidget *draft_mark;

  OgPostmortem *postmortem;
  DebriefLibraryEntry *entry;
  OgSeverity severity; /* for the tooltips */
  gint64 date;         /* the one shown */
  gboolean show_updated;
};

enum
{
  PROP_0,
  PROP_POSTMORTEM,
  PROP_ENTRY,
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

/* What a row shows, from a fetched postmortem or from a library entry. */
typedef struct
{
  const char *title;
  const char *tiny_id;
  const char *message;
  gint64 created; /* Unix seconds, 0 when unknown */
  gint64 updated;
  OgSeverity severity;
  OgPostmortemStatus status;
  gboolean fetched;
  gboolean has_incident;
  gboolean has_draft;
} RowFacts;

static void
show_severity (DebriefPostmortemRow *self, const RowFacts *facts)
{
  /* Before the first fetch the severity is unknown: no badge rather than a wrong one. */
  gtk_widget_set_visible (GTK_WIDGET (self->severity_label), facts->fetched);
  if (!facts->fetched)
    {
      gtk_label_set_label (self->severity_label, "");
      return;
    }

  g_assert (facts->severity < G_N_ELEMENTS (severity_classes));
  gtk_label_set_label (self->severity_label, og_severity_to_string (facts->severity));
  set_one_class (GTK_WIDGET (self->severity_label), severity_classes,
                 G_N_ELEMENTS (severity_classes), facts->severity);

  self->severity = facts->severity;
}

static void
show_status (DebriefPostmortemRow *self, const RowFacts *facts)
{
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), facts->fetched);
  if (!facts->fetched)
    {
      gtk_label_set_label (self->status_label, "");
      return;
    }

  g_assert (facts->status < G_N_ELEMENTS (status_classes));
  gtk_label_set_label (self->status_label, status_label (facts->status));
  set_one_class (GTK_WIDGET (self->status_label), status_classes, G_N_ELEMENTS (status_classes),
                 facts->status);
}

static void
show_incident (DebriefPostmortemRow *self, const RowFacts *facts)
{
  g_autofree char *text = NULL;

  if (facts->has_incident)
    {
      /* Translators: an incident: "#" and its short number, then its message */
      text = g_strdup_printf (_ ("#%s %s"), facts->tiny_id ? facts->tiny_id : "?",
                              facts->message ? facts->message : "");
    }

  gtk_label_set_label (self->incident_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->incident_label), text != NULL);
}

static void
show_date (DebriefPostmortemRow *self, const RowFacts *facts)
{
  g_autoptr (GDateTime) local = NULL;
  g_autofree char *date = NULL;

  /* Sorted by last update, the row shows that date, or the order would look random. */
  if (self->show_updated && facts->updated > 0)
    {
      local = g_date_time_new_from_unix_local (facts->updated);
      /* Translators: when a postmortem last changed, a short date (see the strftime manual
       * page) */
      date = g_date_time_format (local, _ ("Updated %-d %b %Y"));
      self->date = facts->updated;
    }
  else if (facts->created > 0)
    {
      local = g_date_time_new_from_unix_local (facts->created);
      /* Translators: a short date, see the strftime manual page */
      date = g_date_time_format (local, _ ("%-d %b %Y"));
      self->date = facts->created;
    }
  else
    self->date = 0;

  gtk_label_set_label (self->date_label, date);
  gtk_widget_set_visible (GTK_WIDGET (self->date_label), date != NULL);
}

/* The row is a group of labels: a screen reader gets the gist in one sentence. */
static void
update_accessible_label (DebriefPostmortemRow *self, const RowFacts *facts)
{
  g_autofree char *label = NULL;

  if (facts->has_draft)
    {
      /* Translators: a postmortem in the list, read by screen readers: title, severity
       * ("P2"), status ("In review") and incident ("#50 API errors"), then the mark of a
       * draft that is not saved to Opsgenie yet */
      label = g_strdup_printf (
          _ ("%s, %s, %s, %s, unsaved draft"), gtk_label_get_label (self->title_label),
          gtk_label_get_label (self->severity_label), gtk_label_get_label (self->status_label),
          gtk_label_get_label (self->incident_label));
    }
  else
    {
      /* Translators: a postmortem in the list, read by screen readers: title, severity
       * ("P2"), status ("In review") and incident ("#50 API errors") */
      label = g_strdup_printf (_ ("%s, %s, %s, %s"), gtk_label_get_label (self->title_label),
                               gtk_label_get_label (self->severity_label),
                               gtk_label_get_label (self->status_label),
                               gtk_label_get_label (self->incident_label));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
show (DebriefPostmortemRow *self, const RowFacts *facts)
{
  const char *title = facts->title;

  if (!facts->fetched)
    title = _ ("Not Fetched Yet");
  else if (title == NULL || *title == '\0')
    title = _ ("Untitled Postmortem");
  gtk_label_set_label (self->title_label, title);

  show_severity (self, facts);
  show_status (self, facts);
  show_incident (self, facts);
  show_date (self, facts);
  gtk_widget_set_visible (self->draft_mark, facts->has_draft);
  update_accessible_label (self, facts);
}

static void
update_from_postmortem (DebriefPostmortemRow *self)
{
  OgIncident *incident = og_postmortem_get_root_incident (self->postmortem);
  GDateTime *created_at = og_postmortem_get_created_at (self->postmortem);
  RowFacts facts = {
    .title = og_postmortem_get_title (self->postmortem),
    .tiny_id = incident ? og_incident_get_tiny_id (incident) : NULL,
    .message = incident ? og_incident_get_message (incident) : NULL,
    .created = created_at ? g_date_time_to_unix (created_at) : 0,
    .severity = og_postmortem_get_severity (self->postmortem),
    .status = og_postmortem_get_status (self->postmortem),
    .fetched = TRUE,
    .has_incident = incident != NULL,
    .has_draft = FALSE,
  };

  show (self, &facts);
}

static void
update_from_entry (DebriefPostmortemRow *self)
{
  DebriefLibraryEntry *entry = self->entry;
  const char *tiny_id = debrief_library_entry_get_incident_tiny_id (entry);
  const char *message = debrief_library_entry_get_incident_message (entry);
  RowFacts facts = {
    .title = debrief_library_entry_get_title (entry),
    .tiny_id = tiny_id,
    .message = message,
    .created = debrief_library_entry_get_created (entry),
    .updated = debrief_library_entry_get_updated (entry),
    .severity = debrief_library_entry_get_severity (entry),
    .status = debrief_library_entry_get_status (entry),
    .fetched = debrief_library_entry_is_fetched (entry),
    .has_incident = tiny_id != NULL || message != NULL,
    .has_draft = debrief_library_entry_get_has_draft (entry),
  };

  show (self, &facts);
}

static void
on_entry_notify (DebriefPostmortemRow *self, GParamSpec *pspec, DebriefLibraryEntry *entry)
{
  /* A fetch or a draft changes the entry in place; the list may keep this row for it. */
  if (entry == self->entry)
    update_from_entry (self);
}

static void
clear_entry (DebriefPostmortemRow *self)
{
  if (self->entry == NULL)
    return;
  g_signal_handlers_disconnect_by_func (self->entry, on_entry_notify, self);
  g_clear_object (&self->entry);
}

/* Tooltips are made when asked for: gtk_widget_set_tooltip_text() on a shown widget asks the
 * display where the pointer is, a round trip per row that a list rebinding 200 rows at a
 * keystroke cannot afford. */
static gboolean
on_query_severity_tooltip (DebriefPostmortemRow *self,
                           int x,
                           int y,
                           gboolean keyboard,
                           GtkTooltip *tooltip,
                           GtkWidget *label)
{
  g_autofree char *text = NULL;

  /* Translators: %s is a severity, "P1" (highest) to "P5" */
  text = g_strdup_printf (_ ("Severity %s"), og_severity_to_string (self->severity));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static gboolean
on_query_date_tooltip (DebriefPostmortemRow *self,
                       int x,
                       int y,
                       gboolean keyboard,
                       GtkTooltip *tooltip,
                       GtkWidget *label)
{
  g_autoptr (GDateTime) local = NULL;
  g_autofree char *text = NULL;

  if (self->date <= 0)
    return FALSE;
  local = g_date_time_new_from_unix_local (self->date);
  text = g_date_time_format (local, "%c");
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
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
  clear_entry (self);

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

    case PROP_ENTRY:
      g_value_set_object (value, self->entry);
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

    case PROP_ENTRY:
      debrief_postmortem_row_set_entry (self, g_value_get_object (value));
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
  properties[PROP_ENTRY]
      = g_param_spec_object ("entry", NULL, NULL, DEBRIEF_TYPE_LIBRARY_ENTRY,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/debrief-postmortem-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemRow, severity_label);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemRow, incident_label);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemRow, date_label);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemRow, draft_mark);

  gtk_widget_class_set_css_name (widget_class, "postmortemrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
debrief_postmortem_row_init (DebriefPostmortemRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self->severity_label), TRUE);
  g_signal_connect_swapped (self->severity_label, "query-tooltip",
                            G_CALLBACK (on_query_severity_tooltip), self);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->date_label), TRUE);
  g_signal_connect_swapped (self->date_label, "query-tooltip", G_CALLBACK (on_query_date_tooltip),
                            self);
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

  if (!g_set_object (&self->postmortem, postmortem))
    return;

  if (self->entry != NULL)
    {
      clear_entry (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY]);
    }
  if (postmortem != NULL)
    update_from_postmortem (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSTMORTEM]);
}

DebriefLibraryEntry *
debrief_postmortem_row_get_entry (DebriefPostmortemRow *self)
{
  g_return_val_if_fail (DEBRIEF_IS_POSTMORTEM_ROW (self), NULL);

  return self->entry;
}

void
debrief_postmortem_row_set_entry (DebriefPostmortemRow *self, DebriefLibraryEntry *entry)
{
  g_return_if_fail (DEBRIEF_IS_POSTMORTEM_ROW (self));
  g_return_if_fail (entry == NULL || DEBRIEF_IS_LIBRARY_ENTRY (entry));

  if (self->entry == entry)
    return;

  clear_entry (self);
  if (self->postmortem != NULL)
    {
      g_clear_object (&self->postmortem);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSTMORTEM]);
    }

  if (entry != NULL)
    {
      self->entry = g_object_ref (entry);
      g_signal_connect_swapped (entry, "notify", G_CALLBACK (on_entry_notify), self);
      update_from_entry (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY]);
}

void
debrief_postmortem_row_set_show_updated (DebriefPostmortemRow *self, gboolean show_updated)
{
  g_return_if_fail (DEBRIEF_IS_POSTMORTEM_ROW (self));

  show_updated = !!show_updated;
  if (self->show_updated == show_updated)
    return;
  self->show_updated = show_updated;
  if (self->entry != NULL)
    update_from_entry (self);
}
