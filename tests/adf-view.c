/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * adf-view FILE: a test window (built, not installed) showing an ADF document in a read-only
 * and an editable view of one AdfBuffer, side by side, with a few toolbar buttons. For
 * looking at documents and screenshots while the real editor does not exist yet.
 */
#include "config.h"

#include <gtk/gtk.h>

#include "adf-buffer.h"
#include "adf-parse.h"
#include "adf-text-view.h"

typedef struct
{
  const char *label;
  const char *tooltip;
  void (*func) (AdfBuffer *buffer, int arg);
  int arg;
} Button;

static void
do_mark (AdfBuffer *buffer, int arg)
{
  adf_buffer_toggle_mark (buffer, arg);
}

static void
do_block (AdfBuffer *buffer, int arg)
{
  adf_buffer_set_block_type (buffer, arg);
}

static void
do_list (AdfBuffer *buffer, int arg)
{
  adf_buffer_toggle_list (buffer, arg);
}

static void
do_indent (AdfBuffer *buffer, int arg)
{
  if (arg)
    adf_buffer_indent (buffer);
  else
    adf_buffer_outdent (buffer);
}

static void
do_link (AdfBuffer *buffer, int arg)
{
  adf_buffer_set_link (buffer, "https://example.com", NULL);
}

static void
do_color (AdfBuffer *buffer, int arg)
{
  adf_buffer_set_text_color (buffer, "#ff5630");
}

static void
do_misc (AdfBuffer *buffer, int arg)
{
  switch (arg)
    {
    case 0:
      adf_buffer_insert_rule (buffer);
      break;
    case 1:
      adf_buffer_insert_hard_break (buffer);
      break;
    case 2:
      adf_buffer_clear_formatting (buffer);
      break;
    case 3:
      adf_buffer_undo (buffer);
      break;
    default:
      adf_buffer_redo (buffer);
      break;
    }
}

static const Button buttons[] = {
  { "B", "Strong", do_mark, ADF_MARK_STRONG },
  { "I", "Emphasis", do_mark, ADF_MARK_EM },
  { "U", "Underline", do_mark, ADF_MARK_UNDERLINE },
  { "S", "Strike", do_mark, ADF_MARK_STRIKE },
  { "</>", "Code", do_mark, ADF_MARK_CODE },
  { "Link", "Link to example.com", do_link, 0 },
  { "Red", "Text colour", do_color, 0 },
  { "Clear", "Clear formatting", do_misc, 2 },
  { "P", "Paragraph", do_block, ADF_BLOCK_PARAGRAPH },
  { "H1", "Heading 1", do_block, ADF_BLOCK_HEADING_1 },
  { "H2", "Heading 2", do_block, ADF_BLOCK_HEADING_2 },
  { "Code", "Code block", do_block, ADF_BLOCK_CODE },
  { "Quote", "Quote", do_block, ADF_BLOCK_QUOTE },
  { "•", "Bullet list", do_list, ADF_LIST_BULLET },
  { "1.", "Ordered list", do_list, ADF_LIST_ORDERED },
  { "→", "Indent", do_indent, 1 },
  { "←", "Outdent", do_indent, 0 },
  { "—", "Rule", do_misc, 0 },
  { "↵", "Hard break", do_misc, 1 },
  { "Undo", "Undo", do_misc, 3 },
  { "Redo", "Redo", do_misc, 4 },
};

static void
on_clicked (GtkButton *button, AdfBuffer *buffer)
{
  const Button *b = g_object_get_data (G_OBJECT (button), "adf-button");

  b->func (buffer, b->arg);
}

static gboolean
on_undo (GtkWidget *widget, GVariant *args, gpointer data)
{
  if (g_variant_get_boolean (args))
    adf_buffer_redo (data);
  else
    adf_buffer_undo (data);
  return TRUE;
}

static GtkWidget *
scrolled (GtkWidget *view, const char *title)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *sw = gtk_scrolled_window_new ();

  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 4);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (sw), view);
  gtk_widget_set_vexpand (sw, TRUE);
  gtk_widget_set_hexpand (sw, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), sw);
  return box;
}

static void
on_destroy (GtkWidget *window, gboolean *done)
{
  *done = TRUE;
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (JsonNode) doc = NULL;
  g_autoptr (AdfBuffer) buffer = NULL;
  GtkWidget *window, *box, *toolbar, *panes, *readonly, *editable;
  GtkShortcutController *shortcuts;
  gboolean done = FALSE;
  gsize length;

  if (argc != 2)
    {
      g_printerr ("usage: adf-view FILE\n");
      return 2;
    }
  gtk_init ();

  if (!g_file_get_contents (argv[1], &contents, &length, &error)
      || !(doc = adf_parse (contents, length, ADF_VALIDATE_ALLOW_UNKNOWN, &error)))
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }
  buffer = adf_buffer_new ();
  if (!adf_buffer_load (buffer, doc, &error))
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }

  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), argv[1]);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  gtk_widget_set_margin_start (toolbar, 6);
  gtk_widget_set_margin_top (toolbar, 6);
  gtk_widget_set_margin_bottom (toolbar, 6);
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkWidget *button = gtk_button_new_with_label (buttons[i].label);

      gtk_widget_set_tooltip_text (button, buttons[i].tooltip);
      gtk_widget_set_focus_on_click (button, FALSE);
      g_object_set_data (G_OBJECT (button), "adf-button", (gpointer) &buttons[i]);
      g_signal_connect (button, "clicked", G_CALLBACK (on_clicked), buffer);
      gtk_box_append (GTK_BOX (toolbar), button);
    }

  readonly = adf_text_view_new (buffer);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (readonly), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (readonly), FALSE);
  editable = adf_text_view_new (buffer);
  panes = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_paned_set_start_child (GTK_PANED (panes), scrolled (readonly, "Read-only"));
  gtk_paned_set_end_child (GTK_PANED (panes), scrolled (editable, "Editable"));
  gtk_paned_set_position (GTK_PANED (panes), 640);
  gtk_box_append (GTK_BOX (box), toolbar);
  gtk_box_append (GTK_BOX (box), panes);
  gtk_window_set_child (GTK_WINDOW (window), box);

  /* GtkTextView's own Ctrl+Z asks GTK's history, which AdfBuffer turns off. */
  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (shortcuts), GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (
      shortcuts, gtk_shortcut_new_with_arguments (
                     gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK),
                     gtk_callback_action_new (on_undo, buffer, NULL), "b", FALSE));
  gtk_shortcut_controller_add_shortcut (
      shortcuts, gtk_shortcut_new_with_arguments (
                     gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                     gtk_callback_action_new (on_undo, buffer, NULL), "b", TRUE));
  gtk_widget_add_controller (window, GTK_EVENT_CONTROLLER (shortcuts));

  g_signal_connect (window, "destroy", G_CALLBACK (on_destroy), &done);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_grab_focus (editable);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}
