/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * DebriefRichText, the rich text editor of the postmortem page: what its toolbar and its keys
 * do to the written ADF (which Atlassian's validator must accept), that the toolbar follows
 * the cursor, that the link popover refuses what is not a web or mail address, that undo
 * brings formatting back, that read-only refuses edits; and screenshots. Runs under Xvfb.
 */
#include "config.h"

#include <adwaita.h>

#include "adf-parse.h"
#include "adf-test-util.h"
#include "debrief-rich-text-private.h"
#include "debrief-test-ui-util.h"
#include "debrief-test-util.h"

/* Helpers */

static void
count (guint *counter)
{
  (*counter)++;
}

static JsonNode *
parse (const char *json)
{
  g_autoptr (GError) error = NULL;
  JsonNode *doc = adf_parse (json, -1, ADF_VALIDATE_ALLOW_UNKNOWN, &error);

  g_assert_no_error (error);
  return doc;
}

static JsonNode *
parse_sample (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "adf", "samples", name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;
  JsonNode *doc;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  doc = adf_parse (contents, length, ADF_VALIDATE_ALLOW_UNKNOWN, &error);
  g_assert_no_error (error);
  return doc;
}

static void
assert_writes (DebriefRichText *editor, const char *expected_json)
{
  g_autoptr (JsonNode) expected = parse (expected_json);
  g_autoptr (JsonNode) actual = debrief_rich_text_write (editor);

  if (!adf_json_equal (expected, actual))
    {
      g_autofree char *a = adf_to_json (actual, FALSE);
      g_test_message ("expected: %s\nactual:   %s", expected_json, a);
      g_test_fail_printf ("written ADF differs");
    }
}

/* The editor in a window, so that popovers and focus work as for a user. */
typedef struct
{
  GtkWidget *window;
  DebriefRichText *editor;
  AdfBuffer *buffer;
  GPtrArray *written; /* documents for Atlassian's validator, one batch per test */
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  fixture->window = gtk_window_new ();
  fixture->editor = DEBRIEF_RICH_TEXT (debrief_rich_text_new ());
  debrief_rich_text_set_label (fixture->editor, "Content");
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->editor));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 800, 500);
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture->buffer = debrief_rich_text_get_buffer (fixture->editor);
  fixture->written = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  if (data)
    {
      g_autoptr (JsonNode) doc = parse (data);
      g_autoptr (GError) error = NULL;
      g_assert_true (debrief_rich_text_load (fixture->editor, doc, &error));
      g_assert_no_error (error);
    }
  gtk_widget_grab_focus (fixture->editor->view);
  debrief_test_spin (50);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  if (fixture->written->len > 0)
    {
      g_autofree gboolean *verdicts = NULL;
      g_auto (GStrv) messages = NULL;

      if (adf_test_atlassian_verdicts (fixture->written, &verdicts, &messages))
        for (guint i = 0; i < fixture->written->len; i++)
          if (!verdicts[i])
            {
              g_autofree char *json = adf_to_json (fixture->written->pdata[i], FALSE);
              g_test_message ("%s\n%s", json, messages ? messages[i] : "");
              g_test_fail_printf ("Atlassian's validator rejects document %u", i);
            }
    }
  g_ptr_array_unref (fixture->written);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
keep_written (Fixture *fixture)
{
  g_ptr_array_add (fixture->written, debrief_rich_text_write (fixture->editor));
}

static void
select_offsets (Fixture *fixture, int a, int b)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (fixture->buffer), &start, a);
  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (fixture->buffer), &end, b);
  gtk_text_buffer_select_range (GTK_TEXT_BUFFER (fixture->buffer), &end, &start);
}

static void
activate (Fixture *fixture, const char *action, GVariant *param)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->editor), action, param));
}

/* Presses @keyval with @modifiers the way GTK would: the shortcut bound to that key on the
 * editor (its class bindings or its capture controller), activated on the editor; whether
 * it took the key. press() asserts it did. */
static gboolean
try_press (Fixture *fixture, guint keyval, GdkModifierType modifiers)
{
  g_autoptr (GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, modifiers);
  g_autoptr (GListModel) controllers
      = gtk_widget_observe_controllers (GTK_WIDGET (fixture->editor));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (!gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            continue;
          /* GtkTextView takes these itself (GTK's undo, a tab character): ours must go first */
          if (keyval == GDK_KEY_z || keyval == GDK_KEY_y || keyval == GDK_KEY_Tab
              || keyval == GDK_KEY_ISO_Left_Tab)
            g_assert_cmpint (
                gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)), ==,
                GTK_PHASE_CAPTURE);
          return gtk_shortcut_action_activate (
              gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
              GTK_WIDGET (fixture->editor), gtk_shortcut_get_arguments (shortcut));
        }
    }
  g_test_fail_printf ("no shortcut for %s", gtk_accelerator_name (keyval, modifiers));
  return FALSE;
}

static void
press (Fixture *fixture, guint keyval, GdkModifierType modifiers)
{
  g_assert_true (try_press (fixture, keyval, modifiers));
}

static gboolean
button_active (GtkWidget *button)
{
  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button));
}

#define PLAIN                                                                                    \
  "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":" \
  "\"text\",\"text\":\"Hello world\"}]}]}"

#define BOLD_MIDDLE                                                                    \
  "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\",\"content\":[" \
  "{\"type\":\"text\",\"text\":\"one \"},"                                             \
  "{\"type\":\"text\",\"text\":\"two\",\"marks\":[{\"type\":\"strong\"}]},"            \
  "{\"type\":\"text\",\"text\":\" three\"}]}]}"

#define LIST                                                                                     \
  "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"bulletList\",\"content\":["          \
  "{\"type\":\"listItem\",\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\"," \
  "\"text\":\"a\"}]}]},"                                                                         \
  "{\"type\":\"listItem\",\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\"," \
  "\"text\":\"b\"}]}]}]}]}"

#define ATOMS                                                                          \
  "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\",\"content\":[" \
  "{\"type\":\"text\",\"text\":\"Owner \"},"                                           \
  "{\"type\":\"mention\",\"attrs\":{\"id\":\"u1\",\"text\":\"@Jane Doe\"}},"           \
  "{\"type\":\"text\",\"text\":\" status \"},"                                         \
  "{\"type\":\"status\",\"attrs\":{\"text\":\"Resolved\",\"color\":\"green\"}},"       \
  "{\"type\":\"text\",\"text\":\" on \"},"                                             \
  "{\"type\":\"date\",\"attrs\":{\"timestamp\":\"1735732800000\"}},"                   \
  "{\"type\":\"text\",\"text\":\" \"},"                                                \
  "{\"type\":\"emoji\",\"attrs\":{\"shortName\":\":tada:\",\"text\":\"🎉\"}}]}]}"

/* Tests */

static void
test_template (void)
{
  g_autoptr (GtkWidget) editor = g_object_ref_sink (debrief_rich_text_new ());
  DebriefRichText *self = DEBRIEF_RICH_TEXT (editor);

  g_assert_true (ADF_IS_BUFFER (debrief_rich_text_get_buffer (self)));
  g_assert_true (debrief_rich_text_get_editable (self));
  g_object_set (editor, "label", "Executive summary", NULL);
  g_assert_cmpstr (debrief_rich_text_get_label (self), ==, "Executive summary");
  gtk_test_accessible_assert_property (self->view, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Executive summary");
  /* What a user of a screen reader hears on each control */
  gtk_test_accessible_assert_property (self->bold_button, GTK_ACCESSIBLE_PROPERTY_LABEL, "Bold");
  gtk_test_accessible_assert_property (self->link_button, GTK_ACCESSIBLE_PROPERTY_LABEL, "Link");
  gtk_test_accessible_assert_property (self->block_button, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Text style");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (self->bold_button), ==, "Bold (Ctrl+B)");
}

/* Every control of the toolbar has an accessible name and is reachable by Tab. */
static void
test_toolbar_accessible (Fixture *fixture, gconstpointer data)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (fixture->editor->toolbar); child;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autofree char *label = NULL;

      if (GTK_IS_SEPARATOR (child))
        continue;
      g_assert_true (
          gtk_test_accessible_has_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL));
      g_assert_nonnull (gtk_widget_get_tooltip_text (child));
      n++;
    }
  g_assert_cmpuint (n, ==, 16);

  /* Focusing the field puts the cursor in its text */
  gtk_widget_grab_focus (GTK_WIDGET (fixture->editor->bold_button));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (fixture->editor)));
  g_assert_true (gtk_widget_has_focus (fixture->editor->view));

  /* Alt+F10 goes to the toolbar, as in Atlassian's editor */
  press (fixture, GDK_KEY_F10, GDK_ALT_MASK);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                         fixture->editor->toolbar));
}

static void
test_roundtrip (Fixture *fixture, gconstpointer data)
{
  g_autoptr (JsonNode) doc = parse_sample ("postmortem-realistic-authored.json");
  g_autoptr (JsonNode) written = NULL;
  g_autoptr (GError) error = NULL;
  guint changed = 0;

  g_signal_connect_swapped (fixture->editor, "changed", G_CALLBACK (count), &changed);
  g_assert_true (debrief_rich_text_load (fixture->editor, doc, &error));
  g_assert_no_error (error);
  written = debrief_rich_text_write (fixture->editor);
  g_assert_true (adf_json_equal (doc, written));
  debrief_test_spin (400);
  g_assert_cmpuint (changed, ==, 0);

  /* Not ADF: refused, and the text stays */
  {
    g_autoptr (JsonNode) bad = json_from_string ("{\"type\":\"paragraph\"}", NULL);
    g_autoptr (JsonNode) again = NULL;

    g_assert_false (debrief_rich_text_load (fixture->editor, bad, &error));
    g_assert_nonnull (error);
    again = debrief_rich_text_write (fixture->editor);
    g_assert_true (adf_json_equal (doc, again));
  }
}

/* One "changed" per burst of edits, after it. */
static void
test_changed (Fixture *fixture, gconstpointer data)
{
  guint changed = 0;

  g_signal_connect_swapped (fixture->editor, "changed", G_CALLBACK (count), &changed);
  select_offsets (fixture, 0, 5);
  activate (fixture, "rich.bold", NULL);
  activate (fixture, "rich.italic", NULL);
  gtk_text_buffer_insert_interactive_at_cursor (GTK_TEXT_BUFFER (fixture->buffer), "!", -1, TRUE);
  g_assert_cmpuint (changed, ==, 0);
  debrief_test_spin (400);
  g_assert_cmpuint (changed, ==, 1);
}

static void
test_marks (Fixture *fixture, gconstpointer data)
{
  select_offsets (fixture, 6, 11);
  activate (fixture, "rich.bold", NULL);
  activate (fixture, "rich.italic", NULL);
  activate (fixture, "rich.underline", NULL);
  activate (fixture, "rich.strike", NULL);
  keep_written (fixture);
  assert_writes (
      fixture->editor,
      "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\",\"content\":["
      "{\"type\":\"text\",\"text\":\"Hello \"},{\"type\":\"text\",\"text\":\"world\",\"marks\":["
      "{\"type\":\"em\"},{\"type\":\"strong\"},{\"type\":\"strike\"},{\"type\":\"underline\"}]}]}]"
      "}");

  activate (fixture, "rich.clear-formatting", NULL);
  select_offsets (fixture, 0, 5);
  activate (fixture, "rich.code", NULL);
  select_offsets (fixture, 6, 11);
  activate (fixture, "rich.text-color", g_variant_new_string ("#ff5630"));
  keep_written (fixture);
  assert_writes (
      fixture->editor,
      "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\",\"content\":["
      "{\"type\":\"text\",\"text\":\"Hello\",\"marks\":[{\"type\":\"code\"}]},"
      "{\"type\":\"text\",\"text\":\" \"},{\"type\":\"text\",\"text\":\"world\","
      "\"marks\":[{\"type\":\"textColor\",\"attrs\":{\"color\":\"#ff5630\"}}]}]}]}");

  /* The default colour takes it away; a colour not "#rrggbb" is ignored */
  activate (fixture, "rich.text-color", g_variant_new_string ("red"));
  activate (fixture, "rich.text-color", g_variant_new_string (""));
  select_offsets (fixture, 0, 5);
  activate (fixture, "rich.code", NULL);
  assert_writes (fixture->editor, PLAIN);
}

static void
test_keys (Fixture *fixture, gconstpointer data)
{
  select_offsets (fixture, 0, 5);
  press (fixture, GDK_KEY_b, GDK_CONTROL_MASK);
  press (fixture, GDK_KEY_i, GDK_CONTROL_MASK);
  press (fixture, GDK_KEY_u, GDK_CONTROL_MASK);
  keep_written (fixture);
  assert_writes (
      fixture->editor,
      "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\",\"content\":["
      "{\"type\":\"text\",\"text\":\"Hello\",\"marks\":[{\"type\":\"em\"},"
      "{\"type\":\"strong\"},{\"type\":\"underline\"}]},"
      "{\"type\":\"text\",\"text\":\" world\"}]}]}");

  /* Undo and redo are AdfBuffer's, formatting included, and go first (capture phase) */
  press (fixture, GDK_KEY_z, GDK_CONTROL_MASK);
  press (fixture, GDK_KEY_z, GDK_CONTROL_MASK);
  press (fixture, GDK_KEY_z, GDK_CONTROL_MASK);
  assert_writes (fixture->editor, PLAIN);
  g_assert_false (adf_buffer_can_undo (fixture->buffer));
  press (fixture, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  assert_writes (
      fixture->editor,
      "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\",\"content\":["
      "{\"type\":\"text\",\"text\":\"Hello\",\"marks\":[{\"type\":\"strong\"}]},"
      "{\"type\":\"text\",\"text\":\" world\"}]}]}");
  press (fixture, GDK_KEY_y, GDK_CONTROL_MASK);
  press (fixture, GDK_KEY_y, GDK_CONTROL_MASK);
  g_assert_false (adf_buffer_can_redo (fixture->buffer));
  keep_written (fixture);

  /* Lists from the keyboard */
  press (fixture, GDK_KEY_8, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  keep_written (fixture);
  {
    g_autoptr (JsonNode) doc = debrief_rich_text_write (fixture->editor);
    g_autofree char *json = adf_to_json (doc, FALSE);
    g_assert_nonnull (strstr (json, "\"bulletList\""));
  }
  press (fixture, GDK_KEY_7, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  keep_written (fixture);
  {
    g_autoptr (JsonNode) doc = debrief_rich_text_write (fixture->editor);
    g_autofree char *json = adf_to_json (doc, FALSE);
    g_assert_nonnull (strstr (json, "\"orderedList\""));
  }
}

static void
test_blocks (Fixture *fixture, gconstpointer data)
{
  GtkWidget *block = fixture->editor->block_button;

  select_offsets (fixture, 2, 2);
  activate (fixture, "rich.block", g_variant_new_int32 (ADF_BLOCK_HEADING_2));
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (block)), ==, "Heading 2");
  gtk_test_accessible_assert_property (block, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Heading 2");
  keep_written (fixture);
  assert_writes (fixture->editor,
                 "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"heading\",\"attrs\":"
                 "{\"level\":2},\"content\":[{\"type\":\"text\",\"text\":\"Hello world\"}]}]}");
  activate (fixture, "rich.block", g_variant_new_int32 (ADF_BLOCK_QUOTE));
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (block)), ==, "Quote");
  keep_written (fixture);
  activate (fixture, "rich.block", g_variant_new_int32 (ADF_BLOCK_CODE));
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (block)), ==, "Code block");
  keep_written (fixture);
  /* Quote is around the block: a paragraph stays in it until Quote is chosen again */
  activate (fixture, "rich.block", g_variant_new_int32 (ADF_BLOCK_PARAGRAPH));
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (block)), ==, "Quote");
  assert_writes (fixture->editor,
                 "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"blockquote\","
                 "\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\","
                 "\"text\":\"Hello world\"}]}]}]}");
  activate (fixture, "rich.block", g_variant_new_int32 (ADF_BLOCK_QUOTE));
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (block)), ==, "Paragraph");
  assert_writes (fixture->editor, PLAIN);

  activate (fixture, "rich.bullet-list", NULL);
  keep_written (fixture);
  activate (fixture, "rich.ordered-list", NULL);
  keep_written (fixture);
  activate (fixture, "rich.ordered-list", NULL);
  assert_writes (fixture->editor, PLAIN);

  select_offsets (fixture, 11, 11);
  activate (fixture, "rich.rule", NULL);
  keep_written (fixture);
  {
    g_autoptr (JsonNode) doc = debrief_rich_text_write (fixture->editor);
    g_autofree char *json = adf_to_json (doc, FALSE);
    g_assert_nonnull (strstr (json, "{\"type\":\"rule\"}"));
  }
}

/* Tab indents a list item (the second becomes a list inside the first), Shift+Tab brings it
 * back; outside lists Tab is left to move the focus. */
static void
test_tab (Fixture *fixture, gconstpointer data)
{
  g_autoptr (JsonNode) before = debrief_rich_text_write (fixture->editor);

  select_offsets (fixture, 3, 3); /* in "b" */
  press (fixture, GDK_KEY_Tab, 0);
  keep_written (fixture);
  assert_writes (
      fixture->editor,
      "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"bulletList\",\"content\":["
      "{\"type\":\"listItem\",\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\","
      "\"text\":\"a\"}]},{\"type\":\"bulletList\",\"content\":[{\"type\":\"listItem\",\"content\":"
      "[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"b\"}]}]}]}]}]}]}");
  press (fixture, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK);
  assert_writes (fixture->editor, LIST);

  activate (fixture, "rich.indent", NULL);
  activate (fixture, "rich.outdent", NULL);
  assert_writes (fixture->editor, LIST);
}

/* Moves the focus as Tab or Shift+Tab does, from @from until @to has it; how many moves that
 * took, or 0 when @to was not reached within @limit (a keyboard trap). */
static guint
moves_to (GtkWidget *window,
          GtkWidget *from,
          GtkWidget *to,
          GtkDirectionType direction,
          guint limit)
{
  g_assert_true (gtk_widget_grab_focus (from));
  for (guint moves = 1; moves <= limit; moves++)
    {
      g_signal_emit_by_name (window, "move-focus", direction);
      if (gtk_root_get_focus (GTK_ROOT (window)) == to)
        return moves;
    }
  return 0;
}

/* A keyboard user goes into the editor and out of it both ways: Tab from the widget before
 * it lands in the text, and the next Tab leaves; Shift+Tab from the widget after it lands in
 * the text, then goes up through the toolbar (Undo last, Bold first) and on to the widget
 * before the editor. */
static void
test_focus_chain (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *before = gtk_button_new_with_label ("Before");
  GtkWidget *after = gtk_button_new_with_label ("After");
  DebriefRichText *editor = DEBRIEF_RICH_TEXT (debrief_rich_text_new ());
  guint toolbar_buttons = 0;

  gtk_box_append (GTK_BOX (box), before);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (editor));
  gtk_box_append (GTK_BOX (box), after);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 500);
  gtk_window_present (GTK_WINDOW (window));
  debrief_test_spin (100);
  for (GtkWidget *child = gtk_widget_get_first_child (editor->toolbar); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    toolbar_buttons += (GTK_IS_BUTTON (child) || GTK_IS_MENU_BUTTON (child))
                       && gtk_widget_is_sensitive (child) && gtk_widget_get_visible (child);
  g_assert_cmpuint (toolbar_buttons, >, 5);

  g_assert_cmpuint (moves_to (window, before, editor->view, GTK_DIR_TAB_FORWARD, 1), ==, 1);
  g_assert_cmpuint (moves_to (window, editor->view, after, GTK_DIR_TAB_FORWARD, 1), ==, 1);
  g_assert_cmpuint (moves_to (window, after, editor->view, GTK_DIR_TAB_BACKWARD, 1), ==, 1);
  g_assert_cmpuint (
      moves_to (window, editor->view, editor->bold_button, GTK_DIR_TAB_BACKWARD, toolbar_buttons),
      ==, toolbar_buttons);
  /* The trap was here: Shift+Tab from Bold went back to the text. */
  g_assert_cmpuint (moves_to (window, editor->bold_button, before, GTK_DIR_TAB_BACKWARD, 1), ==, 1);
  /* And forward through the toolbar into the text. */
  g_assert_cmpuint (
      moves_to (window, editor->bold_button, editor->view, GTK_DIR_TAB_FORWARD, toolbar_buttons),
      ==, toolbar_buttons);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_toggles_follow_cursor (Fixture *fixture, gconstpointer data)
{
  DebriefRichText *editor = fixture->editor;

  select_offsets (fixture, 1, 1);
  g_assert_false (button_active (editor->bold_button));
  select_offsets (fixture, 5, 5); /* inside "two" */
  g_assert_true (button_active (editor->bold_button));
  g_assert_false (button_active (editor->italic_button));
  select_offsets (fixture, 4, 7);
  g_assert_true (button_active (editor->bold_button));
  select_offsets (fixture, 0, 7); /* only part of it bold */
  g_assert_false (button_active (editor->bold_button));

  /* Clicking the toggle leaves it showing what the text has */
  select_offsets (fixture, 4, 7);
  g_signal_emit_by_name (editor->bold_button, "clicked");
  g_assert_false (button_active (editor->bold_button));
  g_signal_emit_by_name (editor->italic_button, "clicked");
  g_assert_true (button_active (editor->italic_button));
  keep_written (fixture);
}

static void
test_link (Fixture *fixture, gconstpointer data)
{
  DebriefRichText *editor = fixture->editor;
  static const char *const refused[] = { "javascript:alert(1)",
                                         "JavaScript:alert(1)",
                                         "data:text/html,x",
                                         "file:///etc/passwd",
                                         "https://",
                                         "not a url",
                                         "ftp://example.com" };
  static const char *const accepted[] = { "https://example.com/a?b=c", "http://example.com",
                                          "mailto:oncall@example.com", "www.example.com" };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    g_assert_false (_debrief_rich_text_href_is_allowed (refused[i]));
  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    g_assert_true (_debrief_rich_text_href_is_allowed (accepted[i]));

  select_offsets (fixture, 6, 11);
  press (fixture, GDK_KEY_k, GDK_CONTROL_MASK);
  debrief_test_spin (50);
  g_assert_true (gtk_widget_get_visible (editor->link_popover));
  g_assert_false (gtk_widget_get_visible (editor->link_remove_button));
  gtk_editable_set_text (GTK_EDITABLE (editor->link_entry), "javascript:alert(1)");
  activate (fixture, "rich.apply-link", NULL);
  g_assert_nonnull (_debrief_rich_text_get_link_error (editor));
  g_assert_true (gtk_widget_has_css_class (editor->link_entry, "error"));
  g_assert_true (gtk_widget_get_visible (editor->link_popover));
  assert_writes (editor, PLAIN);

  /* Ctrl+Z in the popover's entry is the entry's, not the document's */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                         editor->link_popover));
  g_assert_false (try_press (fixture, GDK_KEY_z, GDK_CONTROL_MASK));

  /* Typing again clears the complaint */
  gtk_editable_set_text (GTK_EDITABLE (editor->link_entry), "https://example.com/runbook");
  g_assert_null (_debrief_rich_text_get_link_error (editor));
  gtk_editable_set_text (GTK_EDITABLE (editor->link_title_entry), "Runbook");
  activate (fixture, "rich.apply-link", NULL);
  debrief_test_spin (50);
  g_assert_false (gtk_widget_get_visible (editor->link_popover));
  keep_written (fixture);
  assert_writes (
      editor, "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\",\"content\":["
              "{\"type\":\"text\",\"text\":\"Hello \"},{\"type\":\"text\",\"text\":\"world\","
              "\"marks\":[{\"type\":\"link\",\"attrs\":{\"href\":\"https://example.com/runbook\","
              "\"title\":\"Runbook\"}}]}]}]}");

  /* Reopened on the link: it shows it, and Remove Link takes it away */
  select_offsets (fixture, 8, 8);
  activate (fixture, "rich.link", NULL);
  debrief_test_spin (50);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor->link_entry)), ==,
                   "https://example.com/runbook");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor->link_title_entry)), ==, "Runbook");
  g_assert_true (gtk_widget_get_visible (editor->link_remove_button));
  activate (fixture, "rich.remove-link", NULL);
  debrief_test_spin (50);
  assert_writes (editor, PLAIN);
}

static void
test_read_only (Fixture *fixture, gconstpointer data)
{
  DebriefRichText *editor = fixture->editor;
  guint changed = 0;

  g_signal_connect_swapped (editor, "changed", G_CALLBACK (count), &changed);
  debrief_rich_text_set_editable (editor, FALSE);
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (editor->view)));
  g_assert_false (gtk_widget_is_sensitive (editor->toolbar));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (editor), "read-only"));

  select_offsets (fixture, 0, 5);
  gtk_widget_activate_action (GTK_WIDGET (editor), "rich.bold", NULL);
  gtk_widget_activate_action (GTK_WIDGET (editor), "rich.block", "i", ADF_BLOCK_HEADING_1);
  gtk_widget_activate_action (GTK_WIDGET (editor), "rich.bullet-list", NULL);
  gtk_widget_activate_action (GTK_WIDGET (editor), "rich.link", NULL);
  g_assert_false (gtk_text_buffer_insert_interactive_at_cursor (GTK_TEXT_BUFFER (fixture->buffer),
                                                                "x", -1, FALSE));
  debrief_test_spin (400);
  assert_writes (editor, PLAIN);
  g_assert_cmpuint (changed, ==, 0);
  g_assert_false (gtk_widget_get_visible (editor->link_popover));

  /* Still selectable: copy works */
  g_assert_true (gtk_text_buffer_get_has_selection (GTK_TEXT_BUFFER (fixture->buffer)));
  g_assert_true (gtk_widget_activate_action (editor->view, "clipboard.copy", NULL));

  debrief_rich_text_set_editable (editor, TRUE);
  activate (fixture, "rich.bold", NULL);
  keep_written (fixture);
  g_assert_true (adf_buffer_can_undo (fixture->buffer));
}

/* Screenshots */

static void
save_screenshot (GtkWidget *window, const char *name)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  GskRenderer *renderer;
  int width = 0;
  int height = 0;

  /* On a busy machine the surface may not have drawn yet: an unmapped or unsized widget
   * snapshots to nothing, so wait for it (up to 10 s) rather than fail on timing. */
  for (guint attempt = 0; attempt < 100 && node == NULL; attempt++)
    {
      g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();

      width = gtk_widget_get_width (window);
      height = gtk_widget_get_height (window);
      if (gtk_widget_get_mapped (window) && width > 0 && height > 0)
        {
          gdk_paintable_snapshot (paintable, snapshot, width, height);
          node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
        }
      if (node == NULL)
        debrief_test_spin (100);
    }
  g_assert_nonnull (node);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (window));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (dir, 0755);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static void
screenshot_at (int width, int height, const char *name)
{
  g_autoptr (JsonNode) doc = parse_sample ("postmortem-realistic-authored.json");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new ("Content");
  DebriefRichText *editor = DEBRIEF_RICH_TEXT (debrief_rich_text_new ());
  GtkTextIter iter, match;
  g_autoptr (JsonNode) atoms = parse (ATOMS);

  /* The inline atoms, which the sample has only inside its table */
  json_array_add_element (
      json_object_get_array_member (json_node_get_object (doc), "content"),
      json_node_copy (json_array_get_element (
          json_object_get_array_member (json_node_get_object (atoms), "content"), 0)));
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  g_object_set (box, "margin-start", 12, "margin-end", 12, "margin-top", 12, "margin-bottom", 12,
                NULL);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (editor));
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  debrief_rich_text_set_label (editor, "Content");
  g_assert_true (debrief_rich_text_load (editor, doc, NULL));
  /* The cursor in bold text, to see the toggle */
  gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (debrief_rich_text_get_buffer (editor)), &iter);
  g_assert_true (gtk_text_iter_forward_search (&iter, "to 20.", 0, &iter, &match, NULL));
  gtk_text_iter_forward_chars (&iter, 4);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (debrief_rich_text_get_buffer (editor)), &iter);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_grab_focus (editor->view);
  /* Xvfb on a busy machine: the islands are fitted and laid out again after the first frame */
  debrief_test_spin (1500);
  save_screenshot (window, name);
  g_assert_cmpint (gtk_widget_get_width (window), <=, width);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The link popover refusing javascript:, and the colour palette: popovers are surfaces of
 * their own, drawn apart from the window. */
static void
test_popover_screenshots (Fixture *fixture, gconstpointer data)
{
  DebriefRichText *editor = fixture->editor;
  GtkWidget *color_popover
      = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (editor->color_button)));

  select_offsets (fixture, 6, 11);
  activate (fixture, "rich.link", NULL);
  gtk_editable_set_text (GTK_EDITABLE (editor->link_entry), "javascript:alert(1)");
  activate (fixture, "rich.apply-link", NULL);
  debrief_test_spin (800);
  save_screenshot (editor->link_popover, "rich-text-link-refused.png");
  gtk_popover_popdown (GTK_POPOVER (editor->link_popover));

  gtk_menu_button_popup (GTK_MENU_BUTTON (editor->color_button));
  debrief_test_spin (800);
  g_assert_true (gtk_widget_get_visible (color_popover));
  save_screenshot (color_popover, "rich-text-colours.png");
  gtk_popover_popdown (GTK_POPOVER (color_popover));
}

static void
test_screenshots (void)
{
  screenshot_at (1000, 760, "rich-text-wide.png");
  screenshot_at (400, 760, "rich-text-narrow.png");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  screenshot_at (1000, 760, "rich-text-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

#define ADD_TEST(path, doc, func) \
  g_test_add (path, Fixture, doc, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("GTK_A11Y", "test", TRUE);

  if (!gtk_init_check ())
    {
      if (g_getenv ("CI"))
        g_error ("no display: the UI tests must run under Xvfb in CI");
      g_test_message ("no display");
      return 77;
    }
  adw_init ();
  debrief_test_load_style ();

  g_test_add_func ("/rich-text/template", test_template);
  ADD_TEST ("/rich-text/toolbar-accessible", PLAIN, test_toolbar_accessible);
  ADD_TEST ("/rich-text/roundtrip", NULL, test_roundtrip);
  ADD_TEST ("/rich-text/changed", PLAIN, test_changed);
  ADD_TEST ("/rich-text/toolbar/marks", PLAIN, test_marks);
  ADD_TEST ("/rich-text/toolbar/blocks", PLAIN, test_blocks);
  ADD_TEST ("/rich-text/keys", PLAIN, test_keys);
  ADD_TEST ("/rich-text/keys/tab", LIST, test_tab);
  g_test_add_func ("/rich-text/keys/focus-chain", test_focus_chain);
  ADD_TEST ("/rich-text/toggles-follow-cursor", BOLD_MIDDLE, test_toggles_follow_cursor);
  ADD_TEST ("/rich-text/link", PLAIN, test_link);
  ADD_TEST ("/rich-text/read-only", PLAIN, test_read_only);
  g_test_add_func ("/rich-text/screenshots", test_screenshots);
  ADD_TEST ("/rich-text/screenshots/popovers", PLAIN, test_popover_screenshots);

  return g_test_run ();
}
