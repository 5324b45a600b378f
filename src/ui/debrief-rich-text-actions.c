/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-rich-text"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-rich-text-private.h"

#include "adf-buffer-private.h"

/* The actions of DebriefRichText (rich.bold…), their keys, and the toolbar that shows their
 * state at the cursor. */

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
void
_debrief_rich_text_sync_toolbar (DebriefRichText *self)
{
  GtkWidget *toggles[] = { self->bold_button, self->italic_button, self->underline_button,
                           self->strike_button, self->code_button };
  const char *name;

  self->syncing = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (toggles); i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggles[i]),
                                  adf_buffer_has_mark (self->buffer, mark_actions[i].mark));
  name = block_type_name (block_type_at_cursor (self));
  if (g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (self->block_button)), name) != 0)
    gtk_menu_button_set_label (GTK_MENU_BUTTON (self->block_button), name);
  /* Its accessible name is "Text style": say which one, too */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->block_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, name, -1);
  self->syncing = FALSE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rich.undo",
                                 self->editable && adf_buffer_can_undo (self->buffer));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rich.redo",
                                 self->editable && adf_buffer_can_redo (self->buffer));
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
  _debrief_rich_text_sync_toolbar (self);
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
  _debrief_rich_text_sync_toolbar (self);
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

/* Ctrl+Z and its kin undo the document, unless they are typed in the link popover's entries,
 * which have an undo of their own. */
static gboolean
on_undo_key (GtkWidget *widget, GVariant *args, gpointer data)
{
  DebriefRichText *self = DEBRIEF_RICH_TEXT (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (focus && gtk_widget_is_ancestor (focus, self->link_popover))
    return FALSE;
  return gtk_widget_activate_action (
      widget, g_variant_get_boolean (args) ? "rich.redo" : "rich.undo", NULL);
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
void
_debrief_rich_text_actions_init (DebriefRichText *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_capture_shortcut (shortcuts, GDK_KEY_z, GDK_CONTROL_MASK,
                        gtk_callback_action_new (on_undo_key, NULL, NULL),
                        g_variant_new_boolean (FALSE));
  add_capture_shortcut (shortcuts, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                        gtk_callback_action_new (on_undo_key, NULL, NULL),
                        g_variant_new_boolean (TRUE));
  add_capture_shortcut (shortcuts, GDK_KEY_y, GDK_CONTROL_MASK,
                        gtk_callback_action_new (on_undo_key, NULL, NULL),
                        g_variant_new_boolean (TRUE));
  add_capture_shortcut (shortcuts, GDK_KEY_Tab, 0, gtk_callback_action_new (on_tab, NULL, NULL),
                        g_variant_new_boolean (FALSE));
  add_capture_shortcut (shortcuts, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK,
                        gtk_callback_action_new (on_tab, NULL, NULL), g_variant_new_boolean (TRUE));
  add_capture_shortcut (shortcuts, GDK_KEY_Tab, GDK_SHIFT_MASK,
                        gtk_callback_action_new (on_tab, NULL, NULL), g_variant_new_boolean (TRUE));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

void
_debrief_rich_text_update_actions (DebriefRichText *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (edit_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), edit_actions[i], self->editable);
  _debrief_rich_text_sync_toolbar (self);
}

void
_debrief_rich_text_class_add_actions (GtkWidgetClass *widget_class)
{
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
