/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-rich-text"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-rich-text.h"

#include "adf-text-view.h"
#include "debrief-rich-text-private.h"
#include "debrief-wrap-layout.h"

/* A rich text field of a postmortem (executive summary, content): an AdfTextView over an
 * AdfBuffer it owns, a toolbar, and the keys of an editor. Every edit goes through
 * AdfBuffer's operations, so undo and redo are AdfBuffer's (GTK's history is off). */

/* How long typing may pause before "changed" says so: one emission per burst of edits. */
#define CHANGED_DELAY_MS 250

enum
{
  PROP_0,
  PROP_LABEL,
  PROP_EDITABLE,
  N_PROPS
};

enum
{
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DebriefRichText, debrief_rich_text, GTK_TYPE_WIDGET)

/* Static helpers */

static gboolean
emit_changed (gpointer data)
{
  DebriefRichText *self = data;

  self->changed_id = 0;
  g_signal_emit (self, signals[CHANGED], 0);
  return G_SOURCE_REMOVE;
}

static void
on_document_changed (DebriefRichText *self)
{
  _debrief_rich_text_sync_toolbar (self);
  if (self->loading > 0)
    return;
  g_clear_handle_id (&self->changed_id, g_source_remove);
  self->changed_id = g_timeout_add (CHANGED_DELAY_MS, emit_changed, self);
}

static void
on_mark_set (GtkTextBuffer *buffer, GtkTextIter *location, GtkTextMark *mark, DebriefRichText *self)
{
  if (mark == gtk_text_buffer_get_insert (buffer)
      || mark == gtk_text_buffer_get_selection_bound (buffer))
    _debrief_rich_text_sync_toolbar (self);
}

/* GObject overrides */

static void
debrief_rich_text_dispose (GObject *object)
{
  DebriefRichText *self = DEBRIEF_RICH_TEXT (object);
  GtkWidget *child;

  g_clear_handle_id (&self->changed_id, g_source_remove);
  g_clear_handle_id (&self->fit_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), DEBRIEF_TYPE_RICH_TEXT);
  /* The template's unnamed children (the separator) too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (debrief_rich_text_parent_class)->dispose (object);
}

static void
debrief_rich_text_finalize (GObject *object)
{
  DebriefRichText *self = DEBRIEF_RICH_TEXT (object);

  g_clear_object (&self->buffer);
  g_free (self->label);
  G_OBJECT_CLASS (debrief_rich_text_parent_class)->finalize (object);
}

static void
debrief_rich_text_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DebriefRichText *self = DEBRIEF_RICH_TEXT (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_rich_text_set_property (GObject *object,
                                guint prop_id,
                                const GValue *value,
                                GParamSpec *pspec)
{
  DebriefRichText *self = DEBRIEF_RICH_TEXT (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      debrief_rich_text_set_label (self, g_value_get_string (value));
      break;
    case PROP_EDITABLE:
      debrief_rich_text_set_editable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Focusing the field focuses its text, not its toolbar */
static gboolean
debrief_rich_text_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (DEBRIEF_RICH_TEXT (widget)->view);
}

/* The Tab chain: Tab into the field lands in its text and Tab from the text leaves the field;
 * Shift+Tab from the text goes up through the toolbar and on out of the field. GTK's own
 * chain asks a widget to take the focus itself (grab_focus) when Shift+Tab leaves its first
 * child, and ours put it back in the text: from the toolbar's first button, Shift+Tab went
 * round to the text for ever, a keyboard trap. Other directions are GTK's. */
static gboolean
debrief_rich_text_focus (GtkWidget *widget, GtkDirectionType direction)
{
  DebriefRichText *self = DEBRIEF_RICH_TEXT (widget);
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return GTK_WIDGET_CLASS (debrief_rich_text_parent_class)->focus (widget, direction);

  /* Coming in, either way: the text */
  if (focus_child == NULL)
    return gtk_widget_child_focus (self->scroller, direction);

  if (focus_child == self->scroller)
    {
      /* An island's widget in the text first, then the toolbar when going back */
      if (gtk_widget_child_focus (self->scroller, direction))
        return TRUE;
      return direction == GTK_DIR_TAB_BACKWARD && gtk_widget_child_focus (self->toolbar, direction);
    }

  if (gtk_widget_child_focus (focus_child, direction))
    return TRUE;
  return direction == GTK_DIR_TAB_FORWARD && gtk_widget_child_focus (self->scroller, direction);
}

static void
debrief_rich_text_class_init (DebriefRichTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = debrief_rich_text_dispose;
  object_class->finalize = debrief_rich_text_finalize;
  object_class->get_property = debrief_rich_text_get_property;
  object_class->set_property = debrief_rich_text_set_property;
  widget_class->grab_focus = debrief_rich_text_grab_focus;
  widget_class->focus = debrief_rich_text_focus;

  /**
   * DebriefRichText:label:
   *
   * What the field is ("Executive summary"): the text's accessible name.
   */
  properties[PROP_LABEL]
      = g_param_spec_string ("label", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITABLE]
      = g_param_spec_boolean ("editable", NULL, NULL, TRUE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DebriefRichText::changed:
   *
   * The user changed the document (typing, formatting, undo…), once per burst of edits;
   * not emitted by debrief_rich_text_load().
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (ADF_TYPE_TEXT_VIEW);
  g_type_ensure (DEBRIEF_TYPE_WRAP_LAYOUT);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/debrief/Debrief/ui/debrief-rich-text.ui");
  gtk_widget_class_bind_template_child (widget_class, DebriefRichText, toolbar);
  gtk_widget_class_bind_template_child (widget_class, DebriefRichText, scroller);
  gtk_widget_class_bind_template_child (widget_class, DebriefRichText, view);
  gtk_widget_class_bind_template_child (widget_class, DebriefRichText, bold_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefRichText, italic_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefRichText, underline_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefRichText, strike_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefRichText, code_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefRichText, link_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefRichText, block_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefRichText, color_button);
  gtk_widget_class_bind_template_child (widget_class, DebriefRichText, color_grid);
  gtk_widget_class_bind_template_child (widget_class, DebriefRichText, link_popover);
  gtk_widget_class_bind_template_child (widget_class, DebriefRichText, link_entry);
  gtk_widget_class_bind_template_child (widget_class, DebriefRichText, link_title_entry);
  gtk_widget_class_bind_template_child (widget_class, DebriefRichText, link_error);
  gtk_widget_class_bind_template_child (widget_class, DebriefRichText, link_remove_button);

  _debrief_rich_text_class_add_actions (widget_class);
}

static void
debrief_rich_text_init (DebriefRichText *self)
{
  self->editable = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->buffer = adf_buffer_new ();
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self->view), GTK_TEXT_BUFFER (self->buffer));
  /* Tab moves the focus out (and indents list items, see on_tab) */
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->view), FALSE);
  g_signal_connect_object (self->buffer, "document-changed", G_CALLBACK (on_document_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "mark-set", G_CALLBACK (on_mark_set), self, 0);
  _debrief_rich_text_islands_init (self);
  _debrief_rich_text_actions_init (self);
  _debrief_rich_text_link_init (self);
  _debrief_rich_text_color_init (self);
  _debrief_rich_text_update_actions (self);
}

/* Public API */

GtkWidget *
debrief_rich_text_new (void)
{
  return g_object_new (DEBRIEF_TYPE_RICH_TEXT, NULL);
}

/**
 * debrief_rich_text_get_buffer:
 *
 * Returns: (transfer none): the document being edited.
 */
AdfBuffer *
debrief_rich_text_get_buffer (DebriefRichText *self)
{
  g_return_val_if_fail (DEBRIEF_IS_RICH_TEXT (self), NULL);

  return self->buffer;
}

/**
 * debrief_rich_text_load:
 * @adf: an ADF document
 *
 * Shows @adf, with an empty undo history; does not emit #DebriefRichText::changed.
 *
 * Returns: %FALSE with @error set when @adf is not ADF (the text is then unchanged).
 */
gboolean
debrief_rich_text_load (DebriefRichText *self, JsonNode *adf, GError **error)
{
  gboolean ok;

  g_return_val_if_fail (DEBRIEF_IS_RICH_TEXT (self), FALSE);
  g_return_val_if_fail (adf != NULL, FALSE);

  self->loading++;
  ok = adf_buffer_load (self->buffer, adf, error);
  self->loading--;
  if (ok)
    {
      GtkTextIter start;

      /* A change still waiting belongs to the document that was replaced. */
      g_clear_handle_id (&self->changed_id, g_source_remove);
      gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (self->buffer), &start);
      gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (self->buffer), &start);
    }
  _debrief_rich_text_sync_toolbar (self);
  return ok;
}

/**
 * debrief_rich_text_write:
 *
 * Returns: (transfer full): the document as ADF.
 */
JsonNode *
debrief_rich_text_write (DebriefRichText *self)
{
  g_return_val_if_fail (DEBRIEF_IS_RICH_TEXT (self), NULL);

  return adf_buffer_write (self->buffer);
}

gboolean
debrief_rich_text_get_editable (DebriefRichText *self)
{
  g_return_val_if_fail (DEBRIEF_IS_RICH_TEXT (self), FALSE);

  return self->editable;
}

/**
 * debrief_rich_text_set_editable:
 *
 * Read-only (a published postmortem): no toolbar, no typing, but the text can still be
 * selected and copied.
 */
void
debrief_rich_text_set_editable (DebriefRichText *self, gboolean editable)
{
  g_return_if_fail (DEBRIEF_IS_RICH_TEXT (self));

  editable = !!editable;
  if (self->editable == editable)
    return;
  self->editable = editable;
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->view), editable);
  gtk_widget_set_sensitive (self->toolbar, editable);
  if (editable)
    gtk_widget_remove_css_class (GTK_WIDGET (self), "read-only");
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "read-only");
      gtk_popover_popdown (GTK_POPOVER (self->link_popover));
    }
  _debrief_rich_text_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

const char *
debrief_rich_text_get_label (DebriefRichText *self)
{
  g_return_val_if_fail (DEBRIEF_IS_RICH_TEXT (self), NULL);

  return self->label;
}

void
debrief_rich_text_set_label (DebriefRichText *self, const char *label)
{
  g_autofree char *toolbar_label = NULL;

  g_return_if_fail (DEBRIEF_IS_RICH_TEXT (self));

  if (g_strcmp0 (self->label, label) == 0)
    return;
  g_free (self->label);
  self->label = g_strdup (label);
  if (label)
    {
      /* TRANSLATORS: the toolbar of a text field, e.g. "Executive summary formatting" */
      toolbar_label = g_strdup_printf (_ ("%s formatting"), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->toolbar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      toolbar_label, -1);
    }
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}
