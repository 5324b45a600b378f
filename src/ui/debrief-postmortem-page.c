/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-postmortem-page"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-postmortem-page-private.h"

#include "og-enum-types.h"

enum
{
  PROP_0,
  PROP_EDITABLE,
  PROP_FIELDS_EDITABLE,
  N_PROPS
};

enum
{
  CHANGED,
  REVERT_REQUESTED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (DebriefPostmortemPage, debrief_postmortem_page, GTK_TYPE_WIDGET)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Read-only while not editable or published; reading, copying and opening links stay. */
static void
update_lock (DebriefPostmortemPage *self)
{
  gboolean published
      = self->working != NULL
        && og_postmortem_get_status (self->working) == OG_POSTMORTEM_STATUS_PUBLISHED;
  gboolean fields_editable = self->working != NULL && self->editable && !published;

  gtk_widget_set_visible (self->lock_bar, published);
  gtk_widget_set_sensitive (self->revert_button, self->editable);

  if (fields_editable == self->fields_editable)
    return;
  self->fields_editable = fields_editable;

  gtk_editable_set_editable (GTK_EDITABLE (self->title_row), fields_editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->severity_row), fields_editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_row), fields_editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->owner_button), fields_editable);
  gtk_widget_set_visible (GTK_WIDGET (self->jira_entry_row), fields_editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->incidents_button), fields_editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->services_button), fields_editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->teams_button), fields_editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->responders_button), fields_editable);
  if (!fields_editable)
    gtk_widget_set_visible (GTK_WIDGET (self->jira_error_label), FALSE);

  /* the rows' remove buttons and role entries */
  for (guint f = OG_POSTMORTEM_FIELD_JIRA_ISSUES; f <= OG_POSTMORTEM_FIELD_RESPONDER_USERS; f++)
    _debrief_postmortem_page_update_list (self, f);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELDS_EDITABLE]);
}

/* Shows the working copy's @field in its widgets. */
static void
update_field (DebriefPostmortemPage *self, OgPostmortemField field)
{
  OgPostmortem *p = self->working;

  self->updating++;
  switch (field)
    {
    case OG_POSTMORTEM_FIELD_TITLE:
      gtk_editable_set_text (
          GTK_EDITABLE (self->title_row),
          p != NULL && og_postmortem_get_title (p) != NULL ? og_postmortem_get_title (p) : "");
      break;
    case OG_POSTMORTEM_FIELD_SEVERITY:
      adw_combo_row_set_selected (self->severity_row,
                                  p != NULL ? og_postmortem_get_severity (p) : 0);
      break;
    case OG_POSTMORTEM_FIELD_STATUS:
      adw_combo_row_set_selected (self->status_row, p != NULL ? og_postmortem_get_status (p) : 0);
      update_lock (self);
      break;
    case OG_POSTMORTEM_FIELD_OWNER:
      _debrief_postmortem_page_update_owner (self);
      break;
    case OG_POSTMORTEM_FIELD_JIRA_ISSUES:
    case OG_POSTMORTEM_FIELD_RELATED_INCIDENTS:
    case OG_POSTMORTEM_FIELD_AFFECTED_SERVICES:
    case OG_POSTMORTEM_FIELD_RESPONDER_TEAMS:
    case OG_POSTMORTEM_FIELD_RESPONDER_USERS:
      _debrief_postmortem_page_update_list (self, field);
      break;
    case OG_POSTMORTEM_FIELD_EXECUTIVE_SUMMARY:
    case OG_POSTMORTEM_FIELD_CONTENT:
    default:
      /* the editor in the slot shows these */
      break;
    }
  _debrief_postmortem_page_update_mark (self, field);
  self->updating--;
}

static void
update_all (DebriefPostmortemPage *self)
{
  for (guint f = 0; f < OG_N_POSTMORTEM_FIELDS; f++)
    update_field (self, f);
  _debrief_postmortem_page_update_times (self);
  update_lock (self);
}

static void
revert_clicked_cb (DebriefPostmortemPage *self)
{
  if (self->working == NULL || !self->editable)
    return;

  og_postmortem_set_status (self->working, OG_POSTMORTEM_STATUS_IN_REVIEW);
  self->updating++;
  adw_combo_row_set_selected (self->status_row, OG_POSTMORTEM_STATUS_IN_REVIEW);
  self->updating--;
  _debrief_postmortem_page_edited (self, OG_POSTMORTEM_FIELD_STATUS);
  g_signal_emit (self, signals[REVERT_REQUESTED], 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

/* A keyboard user who tabs to a field below the fold, or an assistive technology that
 * focuses it, must see it: GtkViewport's own scroll-to-focus in GTK 4.8 follows only its
 * direct child, here the clamp, so a focus moving inside the page does not scroll. The
 * window's focus-widget is followed instead, and the page scrolls just enough to show the
 * focused widget's row (its top when it is taller than the page). */
static void
scroll_to_focus (DebriefPostmortemPage *self)
{
  GtkWidget *focus;
  GtkWidget *viewport;
  GtkWidget *content;
  GtkWidget *target;
  GtkWidget *row;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double value, page_size, top, bottom;
  const double margin = 12;

  if (self->focus_root == NULL)
    return;
  focus = gtk_root_get_focus (self->focus_root);
  viewport = gtk_scrolled_window_get_child (self->scroller);
  if (focus == NULL || viewport == NULL || !gtk_widget_is_ancestor (focus, viewport))
    return;
  /* A popover (a picker, the link editor) is a surface of its own, placed against its
   * button: scrolling under it would move it away. */
  if (gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL)
    return;
  content = gtk_widget_get_first_child (viewport);
  if (content == NULL)
    return;

  /* The whole row of an entry row or list row, not just its text. */
  target = focus;
  row = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
  if (row != NULL && gtk_widget_is_ancestor (row, viewport))
    target = row;
  if (!gtk_widget_compute_bounds (target, content, &bounds))
    return;

  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  value = gtk_adjustment_get_value (adjustment);
  page_size = gtk_adjustment_get_page_size (adjustment);
  top = bounds.origin.y - margin;
  bottom = bounds.origin.y + bounds.size.height + margin;
  if (top < value)
    gtk_adjustment_set_value (adjustment, top);
  else if (bottom > value + page_size)
    gtk_adjustment_set_value (adjustment, MIN (top, bottom - page_size));
}

static void
focus_widget_changed_cb (DebriefPostmortemPage *self)
{
  scroll_to_focus (self);
}

static void
debrief_postmortem_page_root (GtkWidget *widget)
{
  DebriefPostmortemPage *self = DEBRIEF_POSTMORTEM_PAGE (widget);

  GTK_WIDGET_CLASS (debrief_postmortem_page_parent_class)->root (widget);
  self->focus_root = gtk_widget_get_root (widget);
  self->focus_handler = g_signal_connect_swapped (self->focus_root, "notify::focus-widget",
                                                  G_CALLBACK (focus_widget_changed_cb), self);
}

static void
debrief_postmortem_page_unroot (GtkWidget *widget)
{
  DebriefPostmortemPage *self = DEBRIEF_POSTMORTEM_PAGE (widget);

  if (self->focus_root != NULL)
    g_clear_signal_handler (&self->focus_handler, self->focus_root);
  self->focus_root = NULL;
  GTK_WIDGET_CLASS (debrief_postmortem_page_parent_class)->unroot (widget);
}

static void
debrief_postmortem_page_dispose (GObject *object)
{
  DebriefPostmortemPage *self = DEBRIEF_POSTMORTEM_PAGE (object);
  GtkWidget *child;

  /* dispose_template unparents only the bound children; the outer box is not. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  gtk_widget_dispose_template (GTK_WIDGET (self), DEBRIEF_TYPE_POSTMORTEM_PAGE);
  for (guint f = 0; f < OG_N_POSTMORTEM_FIELDS; f++)
    g_clear_pointer (&self->item_rows[f], g_ptr_array_unref);
  g_clear_object (&self->working);
  g_clear_object (&self->base);
  g_clear_object (&self->client);
  g_clear_object (&self->known_roles);
  g_clear_object (&self->roles_menu);

  G_OBJECT_CLASS (debrief_postmortem_page_parent_class)->dispose (object);
}

static void
debrief_postmortem_page_get_property (GObject *object,
                                      guint prop_id,
                                      GValue *value,
                                      GParamSpec *pspec)
{
  DebriefPostmortemPage *self = DEBRIEF_POSTMORTEM_PAGE (object);

  switch (prop_id)
    {
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;

    case PROP_FIELDS_EDITABLE:
      g_value_set_boolean (value, self->fields_editable);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_postmortem_page_set_property (GObject *object,
                                      guint prop_id,
                                      const GValue *value,
                                      GParamSpec *pspec)
{
  DebriefPostmortemPage *self = DEBRIEF_POSTMORTEM_PAGE (object);

  switch (prop_id)
    {
    case PROP_EDITABLE:
      debrief_postmortem_page_set_editable (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_postmortem_page_class_init (DebriefPostmortemPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = debrief_postmortem_page_dispose;
  object_class->get_property = debrief_postmortem_page_get_property;
  object_class->set_property = debrief_postmortem_page_set_property;
  widget_class->root = debrief_postmortem_page_root;
  widget_class->unroot = debrief_postmortem_page_unroot;

  properties[PROP_EDITABLE]
      = g_param_spec_boolean ("editable", NULL, NULL, TRUE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIELDS_EDITABLE] = g_param_spec_boolean (
      "fields-editable", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* changed (OgPostmortemField field): after the page edited the working copy */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 1, OG_TYPE_POSTMORTEM_FIELD);
  /* revert-requested: the user asked to take a published postmortem back to In review */
  signals[REVERT_REQUESTED] = g_signal_new ("revert-requested", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/debrief-postmortem-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemPage, lock_bar);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemPage, revert_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemPage, root_incident_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemPage, times_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemPage, start_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemPage, end_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemPage, respond_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemPage, resolve_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemPage, created_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemPage, duration_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemPage, summary_slot);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemPage, content_slot);
  gtk_widget_class_bind_template_callback (widget_class, revert_clicked_cb);
  _debrief_postmortem_page_details_class_init (widget_class);
  _debrief_postmortem_page_fields_class_init (widget_class);
  _debrief_postmortem_page_jira_class_init (widget_class);
  _debrief_postmortem_page_lists_class_init (widget_class);

  gtk_widget_class_set_css_name (widget_class, "postmortempage");
}

static void
debrief_postmortem_page_init (DebriefPostmortemPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->editable = TRUE;
  /* so that the first update_lock applies the state */
  self->fields_editable = TRUE;

  _debrief_postmortem_page_details_init (self);
  _debrief_postmortem_page_fields_init (self);
  _debrief_postmortem_page_lists_init (self);
  update_all (self);
}

void
_debrief_postmortem_page_edited (DebriefPostmortemPage *self, OgPostmortemField field)
{
  _debrief_postmortem_page_update_mark (self, field);
  if (field == OG_POSTMORTEM_FIELD_STATUS)
    update_lock (self);
  g_signal_emit (self, signals[CHANGED], 0, field);
}

GtkWidget *
debrief_postmortem_page_new (void)
{
  return g_object_new (DEBRIEF_TYPE_POSTMORTEM_PAGE, NULL);
}

void
debrief_postmortem_page_set_postmortem (DebriefPostmortemPage *self,
                                        OgPostmortem *working,
                                        OgPostmortem *base)
{
  g_return_if_fail (DEBRIEF_IS_POSTMORTEM_PAGE (self));
  g_return_if_fail (working == NULL || OG_IS_POSTMORTEM (working));
  g_return_if_fail (base == NULL || OG_IS_POSTMORTEM (base));

  g_set_object (&self->working, working);
  g_set_object (&self->base, base);
  /* A new postmortem starts clean: states belong to the one the save flow ran on. */
  for (guint f = 0; f < OG_N_POSTMORTEM_FIELDS; f++)
    debrief_postmortem_page_set_field_state (self, f, DEBRIEF_PAGE_FIELD_CLEAN, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->jira_entry_row), "");
  if (base != NULL)
    _debrief_postmortem_page_remember_roles (self, base);
  if (working != NULL)
    _debrief_postmortem_page_remember_roles (self, working);
  update_all (self);
}

void
debrief_postmortem_page_set_base (DebriefPostmortemPage *self, OgPostmortem *base)
{
  g_return_if_fail (DEBRIEF_IS_POSTMORTEM_PAGE (self));
  g_return_if_fail (base == NULL || OG_IS_POSTMORTEM (base));

  g_set_object (&self->base, base);
  if (base != NULL)
    _debrief_postmortem_page_remember_roles (self, base);
  for (guint f = 0; f < OG_N_POSTMORTEM_FIELDS; f++)
    _debrief_postmortem_page_update_mark (self, f);
}

OgPostmortem *
debrief_postmortem_page_get_postmortem (DebriefPostmortemPage *self)
{
  g_return_val_if_fail (DEBRIEF_IS_POSTMORTEM_PAGE (self), NULL);
  return self->working;
}

OgPostmortem *
debrief_postmortem_page_get_base (DebriefPostmortemPage *self)
{
  g_return_val_if_fail (DEBRIEF_IS_POSTMORTEM_PAGE (self), NULL);
  return self->base;
}

void
debrief_postmortem_page_set_client (DebriefPostmortemPage *self, OgClient *client)
{
  g_return_if_fail (DEBRIEF_IS_POSTMORTEM_PAGE (self));
  g_return_if_fail (client == NULL || OG_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;
  for (guint f = 0; f < OG_N_POSTMORTEM_FIELDS; f++)
    if (self->pickers[f] != NULL)
      debrief_picker_set_client (self->pickers[f], client);
}

OgClient *
debrief_postmortem_page_get_client (DebriefPostmortemPage *self)
{
  g_return_val_if_fail (DEBRIEF_IS_POSTMORTEM_PAGE (self), NULL);
  return self->client;
}

void
debrief_postmortem_page_set_editable (DebriefPostmortemPage *self, gboolean editable)
{
  g_return_if_fail (DEBRIEF_IS_POSTMORTEM_PAGE (self));

  editable = !!editable;
  if (self->editable == editable)
    return;
  self->editable = editable;
  update_lock (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

gboolean
debrief_postmortem_page_get_editable (DebriefPostmortemPage *self)
{
  g_return_val_if_fail (DEBRIEF_IS_POSTMORTEM_PAGE (self), FALSE);
  return self->editable;
}

gboolean
debrief_postmortem_page_get_fields_editable (DebriefPostmortemPage *self)
{
  g_return_val_if_fail (DEBRIEF_IS_POSTMORTEM_PAGE (self), FALSE);
  return self->fields_editable;
}

void
debrief_postmortem_page_field_changed (DebriefPostmortemPage *self, OgPostmortemField field)
{
  g_return_if_fail (DEBRIEF_IS_POSTMORTEM_PAGE (self));
  g_return_if_fail (field < OG_N_POSTMORTEM_FIELDS);

  if (self->working == NULL)
    return;
  /* show the working copy's value afresh, then mark and tell */
  update_field (self, field);
  _debrief_postmortem_page_edited (self, field);
}

void
debrief_postmortem_page_refresh_field (DebriefPostmortemPage *self, OgPostmortemField field)
{
  g_return_if_fail (DEBRIEF_IS_POSTMORTEM_PAGE (self));
  g_return_if_fail (field < OG_N_POSTMORTEM_FIELDS);

  update_field (self, field);
  if (field == OG_POSTMORTEM_FIELD_STATUS)
    update_lock (self);
}

GtkBox *
debrief_postmortem_page_get_rich_text_slot (DebriefPostmortemPage *self, OgPostmortemField field)
{
  g_return_val_if_fail (DEBRIEF_IS_POSTMORTEM_PAGE (self), NULL);
  g_return_val_if_fail (
      field == OG_POSTMORTEM_FIELD_EXECUTIVE_SUMMARY || field == OG_POSTMORTEM_FIELD_CONTENT, NULL);

  return field == OG_POSTMORTEM_FIELD_CONTENT ? self->content_slot : self->summary_slot;
}

GtkWidget *
_debrief_postmortem_page_get_lock_bar (DebriefPostmortemPage *self)
{
  return self->lock_bar;
}

GtkWidget *
_debrief_postmortem_page_get_revert_button (DebriefPostmortemPage *self)
{
  return self->revert_button;
}

DebriefPicker *
_debrief_postmortem_page_get_picker (DebriefPostmortemPage *self, OgPostmortemField field)
{
  return self->pickers[field];
}
