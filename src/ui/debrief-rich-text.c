/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-rich-text"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-rich-text.h"

#include "adf-buffer-private.h"
#include "adf-text-view.h"
#include "debrief-rich-text-private.h"
#include "debrief-wrap-layout.h"

/* A rich text field of a postmortem (executive summary, content): an AdfTextView over an
 * AdfBuffer it owns, a toolbar, and the keys of an editor. Every edit goes through
 * AdfBuffer's operations, so undo and redo are AdfBuffer's (GTK's history is off). */

/* How long typing may pause before "changed" says so: one emission per burst of edits. */
#define CHANGED_DELAY_MS 250

/* What a GtkTextBuffer holds where a child anchor is */
#define ANCHOR_CHAR 0xFFFC

#define ISLAND_MIN_WIDTH 200
#define ISLAND_MAX_WIDTH 560

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

typedef struct
{
  const char *action;
  AdfMark mark;
} MarkAction;

static const MarkAction mark_actions[] = {
  { "rich.bold", ADF_MARK_STRONG },         { "rich.italic", ADF_MARK_EM },
  { "rich.underline", ADF_MARK_UNDERLINE }, { "rich.strike", ADF_MARK_STRIKE },
  { "rich.code", ADF_MARK_CODE },
};

/* Every action that changes the document: off in read-only mode. */
static const char *const edit_actions[] = {
  "rich.bold",  "rich.italic",      "rich.underline",    "rich.strike",     "rich.code",
  "rich.link",  "rich.apply-link",  "rich.remove-link",  "rich.text-color", "rich.clear-formatting",
  "rich.block", "rich.bullet-list", "rich.ordered-list", "rich.indent",     "rich.outdent",
  "rich.rule",
};

/* Static helpers */

static AdfLineInfo *
line_at_cursor (DebriefRichText *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return _adf_buffer_line_info_at (self->buffer, &iter);
}

static AdfBlockType
block_type_at_cursor (DebriefRichText *self)
{
  AdfLineInfo *info = line_at_cursor (self);

  if (info->leaf->kind == ADF_LEAF_CODE)
    return ADF_BLOCK_CODE;
  if (info->leaf->kind == ADF_LEAF_HEADING)
    return ADF_BLOCK_HEADING_1 + CLAMP (info->leaf->level, 1, 6) - 1;
  for (guint i = 0; i < info->n_frames; i++)
    if (info->frames[i]->kind == ADF_FRAME_QUOTE)
      return ADF_BLOCK_QUOTE;
  return ADF_BLOCK_PARAGRAPH;
}

static const char *
block_type_name (AdfBlockType type)
{
  switch (type)
    {
    case ADF_BLOCK_HEADING_1:
      return _ ("Heading 1");
    case ADF_BLOCK_HEADING_2:
      return _ ("Heading 2");
    case ADF_BLOCK_HEADING_3:
      return _ ("Heading 3");
    case ADF_BLOCK_HEADING_4:
      return _ ("Heading 4");
    case ADF_BLOCK_HEADING_5:
      return _ ("Heading 5");
    case ADF_BLOCK_HEADING_6:
      return _ ("Heading 6");
    case ADF_BLOCK_CODE:
      return _ ("Code block");
    case ADF_BLOCK_QUOTE:
      return _ ("Quote");
    case ADF_BLOCK_PARAGRAPH:
    default:
      return _ ("Paragraph");
    }
}

/* The toolbar follows the cursor: a toggle is active when the text there has its mark. */
static void
sync_toolbar (DebriefRichText *self)
{
  GtkWidget *toggles[] = { self->bold_button, self->italic_button, self->underline_button,
                           self->strike_button, self->code_button };

  self->syncing = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (toggles); i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggles[i]),
                                  adf_buffer_has_mark (self->buffer, mark_actions[i].mark));
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->block_button),
                             block_type_name (block_type_at_cursor (self)));
  self->syncing = FALSE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rich.undo",
                                 self->editable && adf_buffer_can_undo (self->buffer));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rich.redo",
                                 self->editable && adf_buffer_can_redo (self->buffer));
}

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
  sync_toolbar (self);
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
    sync_toolbar (self);
}

static gboolean
is_anchor_char (gunichar c, gpointer data)
{
  return c == ANCHOR_CHAR;
}

static int
island_width (DebriefRichText *self)
{
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->view));
  GtkTextView *view = GTK_TEXT_VIEW (self->view);
  int width = (int) gtk_adjustment_get_page_size (hadjustment)
              - gtk_text_view_get_left_margin (view) - gtk_text_view_get_right_margin (view) - 8;

  return CLAMP (width, ISLAND_MIN_WIDTH, ISLAND_MAX_WIDTH);
}

static gboolean
fit_anchor (GtkTextChildAnchor *anchor, int width)
{
  gboolean changed = FALSE;
  g_autofree GtkWidget **widgets = NULL;
  guint n = 0;

  if (anchor == NULL || !adf_buffer_anchor_is_block (anchor))
    return FALSE;
  widgets = gtk_text_child_anchor_get_widgets (anchor, &n);
  for (guint i = 0; i < n; i++)
    {
      int current;

      gtk_widget_get_size_request (widgets[i], &current, NULL);
      if (current != width)
        {
          gtk_widget_set_size_request (widgets[i], width, -1);
          changed = TRUE;
        }
    }
  return changed;
}

/* Islands (tables, panels, rules…) are as wide as the text, up to a card's width: a fixed
 * width would hold a narrow window open, or stick out of it. */
static void
fit_islands (DebriefRichText *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->view);
  int width = island_width (self);
  gboolean changed = FALSE;
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (self->buffer), &iter);
  while (gtk_text_iter_get_char (&iter) == ANCHOR_CHAR
         || gtk_text_iter_forward_find_char (&iter, is_anchor_char, NULL, NULL))
    {
      changed |= fit_anchor (gtk_text_iter_get_child_anchor (&iter), width);
      if (!gtk_text_iter_forward_char (&iter))
        break;
    }
  /* The view measures its children when it lays their lines out, not when they change
   * size: a change of wrap mode lays out everything again. */
  if (changed)
    {
      GtkWrapMode mode = gtk_text_view_get_wrap_mode (view);

      gtk_text_view_set_wrap_mode (view, mode == GTK_WRAP_WORD ? GTK_WRAP_CHAR : GTK_WRAP_WORD);
      gtk_text_view_set_wrap_mode (view, mode);
    }
}

static void
on_insert_child_anchor (GtkTextBuffer *buffer,
                        GtkTextIter *location,
                        GtkTextChildAnchor *anchor,
                        DebriefRichText *self)
{
  fit_anchor (anchor, island_width (self));
}

static gboolean
fit_islands_idle (gpointer data)
{
  DebriefRichText *self = data;

  self->fit_id = 0;
  fit_islands (self);
  return G_SOURCE_REMOVE;
}

static void
queue_fit_islands (DebriefRichText *self)
{
  if (self->fit_id == 0)
    self->fit_id = g_idle_add (fit_islands_idle, self);
}

/* After a toolbar button, typing goes on where it was. */
static void
refocus_text (DebriefRichText *self)
{
  if (!gtk_widget_has_focus (self->view))
    gtk_widget_grab_focus (self->view);
}

static void
toggle_mark_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  DebriefRichText *self = DEBRIEF_RICH_TEXT (widget);

  for (guint i = 0; i < G_N_ELEMENTS (mark_actions); i++)
    if (g_str_equal (action_name, mark_actions[i].action))
      adf_buffer_toggle_mark (self->buffer, mark_actions[i].mark);
  /* A mark toggled with no selection changes no text, but what will be typed */
  sync_toolbar (self);
}

static void
block_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  DebriefRichText *self = DEBRIEF_RICH_TEXT (widget);
  int type = g_variant_get_int32 (param);

  if (type < ADF_BLOCK_PARAGRAPH || type > ADF_BLOCK_QUOTE)
    return;
  adf_buffer_set_block_type (self->buffer, type);
  refocus_text (self);
}

static void
list_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  DebriefRichText *self = DEBRIEF_RICH_TEXT (widget);

  adf_buffer_toggle_list (self->buffer, g_str_equal (action_name, "rich.bullet-list")
                                            ? ADF_LIST_BULLET
                                            : ADF_LIST_ORDERED);
}

static void
indent_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  DebriefRichText *self = DEBRIEF_RICH_TEXT (widget);

  if (g_str_equal (action_name, "rich.indent"))
    adf_buffer_indent (self->buffer);
  else
    adf_buffer_outdent (self->buffer);
}

static void
misc_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  DebriefRichText *self = DEBRIEF_RICH_TEXT (widget);

  if (g_str_equal (action_name, "rich.rule"))
    adf_buffer_insert_rule (self->buffer);
  else if (g_str_equal (action_name, "rich.clear-formatting"))
    adf_buffer_clear_formatting (self->buffer);
  else if (g_str_equal (action_name, "rich.undo"))
    adf_buffer_undo (self->buffer);
  else if (g_str_equal (action_name, "rich.redo"))
    adf_buffer_redo (self->buffer);
  else if (g_str_equal (action_name, "rich.focus-toolbar"))
    gtk_widget_child_focus (self->toolbar, GTK_DIR_TAB_FORWARD);
  sync_toolbar (self);
}

static void
link_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  DebriefRichText *self = DEBRIEF_RICH_TEXT (widget);

  if (g_str_equal (action_name, "rich.link"))
    _debrief_rich_text_show_link_popover (self);
  else if (g_str_equal (action_name, "rich.apply-link"))
    _debrief_rich_text_apply_link (self);
  else
    _debrief_rich_text_remove_link (self);
}

static void
color_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  DebriefRichText *self = DEBRIEF_RICH_TEXT (widget);
  const char *color = g_variant_get_string (param, NULL);

  if (*color != '\0' && (strlen (color) != 7 || color[0] != '#'))
    return;
  adf_buffer_set_text_color (self->buffer, *color ? color : NULL);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->color_button));
  refocus_text (self);
}

/* Tab and Shift+Tab indent and outdent list items; elsewhere they move the focus, so that
 * the toolbar and the rest of the page stay reachable from the keyboard. */
static gboolean
on_tab (GtkWidget *widget, GVariant *args, gpointer data)
{
  DebriefRichText *self = DEBRIEF_RICH_TEXT (widget);

  if (!self->editable || !gtk_widget_has_focus (self->view)
      || line_at_cursor (self)->list_depth == 0)
    return FALSE;
  if (g_variant_get_boolean (args))
    adf_buffer_outdent (self->buffer);
  else
    adf_buffer_indent (self->buffer);
  return TRUE;
}

static void
add_capture_shortcut (GtkShortcutController *controller,
                      guint keyval,
                      GdkModifierType modifiers,
                      GtkShortcutAction *action,
                      GVariant *args)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers), action);

  if (args)
    gtk_shortcut_set_arguments (shortcut, args);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

/* GtkTextView handles Ctrl+Z (GTK's history) and Tab (a tab character) itself, before any
 * binding of ours would see them: these go first. */
static void
add_capture_shortcuts (DebriefRichText *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_capture_shortcut (shortcuts, GDK_KEY_z, GDK_CONTROL_MASK, gtk_named_action_new ("rich.undo"),
                        NULL);
  add_capture_shortcut (shortcuts, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                        gtk_named_action_new ("rich.redo"), NULL);
  add_capture_shortcut (shortcuts, GDK_KEY_y, GDK_CONTROL_MASK, gtk_named_action_new ("rich.redo"),
                        NULL);
  add_capture_shortcut (shortcuts, GDK_KEY_Tab, 0, gtk_callback_action_new (on_tab, NULL, NULL),
                        g_variant_new_boolean (FALSE));
  add_capture_shortcut (shortcuts, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK,
                        gtk_callback_action_new (on_tab, NULL, NULL), g_variant_new_boolean (TRUE));
  add_capture_shortcut (shortcuts, GDK_KEY_Tab, GDK_SHIFT_MASK,
                        gtk_callback_action_new (on_tab, NULL, NULL), g_variant_new_boolean (TRUE));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
update_actions (DebriefRichText *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (edit_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), edit_actions[i], self->editable);
  sync_toolbar (self);
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

static void
debrief_rich_text_class_init (DebriefRichTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = debrief_rich_text_dispose;
  object_class->finalize = debrief_rich_text_finalize;
  object_class->get_property = debrief_rich_text_get_property;
  object_class->set_property = debrief_rich_text_set_property;

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

  for (guint i = 0; i < G_N_ELEMENTS (mark_actions); i++)
    gtk_widget_class_install_action (widget_class, mark_actions[i].action, NULL,
                                     toggle_mark_action);
  gtk_widget_class_install_action (widget_class, "rich.link", NULL, link_action);
  gtk_widget_class_install_action (widget_class, "rich.apply-link", NULL, link_action);
  gtk_widget_class_install_action (widget_class, "rich.remove-link", NULL, link_action);
  gtk_widget_class_install_action (widget_class, "rich.text-color", "s", color_action);
  gtk_widget_class_install_action (widget_class, "rich.clear-formatting", NULL, misc_action);
  gtk_widget_class_install_action (widget_class, "rich.block", "i", block_action);
  gtk_widget_class_install_action (widget_class, "rich.bullet-list", NULL, list_action);
  gtk_widget_class_install_action (widget_class, "rich.ordered-list", NULL, list_action);
  gtk_widget_class_install_action (widget_class, "rich.indent", NULL, indent_action);
  gtk_widget_class_install_action (widget_class, "rich.outdent", NULL, indent_action);
  gtk_widget_class_install_action (widget_class, "rich.rule", NULL, misc_action);
  gtk_widget_class_install_action (widget_class, "rich.undo", NULL, misc_action);
  gtk_widget_class_install_action (widget_class, "rich.redo", NULL, misc_action);
  gtk_widget_class_install_action (widget_class, "rich.focus-toolbar", NULL, misc_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, GDK_CONTROL_MASK, "rich.bold",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "rich.italic",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_u, GDK_CONTROL_MASK, "rich.underline",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "rich.link",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_7, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "rich.ordered-list", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_8, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "rich.bullet-list", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_ALT_MASK,
                                       "rich.focus-toolbar", NULL);
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
  /* After AdfTextView's handler, which gives the anchor its widget */
  g_signal_connect_object (self->buffer, "insert-child-anchor", G_CALLBACK (on_insert_child_anchor),
                           self, G_CONNECT_AFTER);
  /* The text view configures it (page size = its width) on every allocation */
  g_signal_connect_object (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->view)), "changed",
                           G_CALLBACK (queue_fit_islands), self, G_CONNECT_SWAPPED);

  add_capture_shortcuts (self);
  _debrief_rich_text_link_init (self);
  _debrief_rich_text_color_init (self);
  update_actions (self);
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
  sync_toolbar (self);
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
  update_actions (self);
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
