/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Shows the postmortem page with a sandbox postmortem in a window, to look at it or take
 * screenshots under Xvfb (not installed):
 *
 *   preview-postmortem-page [--width W] [--height H] [--published] [--failed]
 *                           [--picker owner|services|teams|incidents|responders --query TEXT]
 *                           [--jira URL] [--scroll PIXELS] [--shot FILE.png]
 *
 * --shot captures the screen (popovers included) with ImageMagick's import, then quits.
 */
#include "config.h"

#include <adwaita.h>

#include "debrief-picker-private.h"
#include "debrief-postmortem-page-private.h"
#include "debrief-test-ui-util.h"
#include "debrief-test-util.h"
#include "og-client.h"
#include "og-sandbox.h"

static int width = 1280;
static int height = 800;
static gboolean published;
static gboolean failed;
static char *picker_name;
static char *query;
static int scroll;
static char *shot;
static char *jira;

static GOptionEntry entries[] = {
  { "width", 0, 0, G_OPTION_ARG_INT, &width, "Window width", "W" },
  { "height", 0, 0, G_OPTION_ARG_INT, &height, "Window height", "H" },
  { "published", 0, 0, G_OPTION_ARG_NONE, &published, "Show a published postmortem", NULL },
  { "failed", 0, 0, G_OPTION_ARG_NONE, &failed, "Mark fields as failed to save", NULL },
  { "picker", 0, 0, G_OPTION_ARG_STRING, &picker_name, "Open a picker", "FIELD" },
  { "query", 0, 0, G_OPTION_ARG_STRING, &query, "Type this in the picker", "TEXT" },
  { "scroll", 0, 0, G_OPTION_ARG_INT, &scroll, "Scroll the page down", "PIXELS" },
  { "jira", 0, 0, G_OPTION_ARG_STRING, &jira, "Add this as a Jira link", "URL" },
  { "shot", 0, 0, G_OPTION_ARG_FILENAME, &shot, "Save a screenshot and quit", "FILE" },
  { NULL },
};

static OgPostmortem *
dup_postmortem (OgSandbox *sandbox, OgPostmortemStatus status)
{
  g_auto (GStrv) ids = og_sandbox_dup_postmortem_ids (sandbox);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr (JsonNode) node = og_sandbox_dup_postmortem (sandbox, ids[i]);
      g_autoptr (OgPostmortem) postmortem = og_postmortem_new_from_json (node, NULL);

      if (postmortem != NULL && og_postmortem_get_status (postmortem) == status)
        return g_steal_pointer (&postmortem);
    }
  g_error ("no postmortem of that status in the sandbox");
}

static GtkWidget *
stand_in_editor (const char *text)
{
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_widget_set_size_request (view, -1, 120);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  return frame;
}

static OgPostmortemField
field_of (const char *name)
{
  if (g_strcmp0 (name, "services") == 0)
    return OG_POSTMORTEM_FIELD_AFFECTED_SERVICES;
  if (g_strcmp0 (name, "teams") == 0)
    return OG_POSTMORTEM_FIELD_RESPONDER_TEAMS;
  if (g_strcmp0 (name, "incidents") == 0)
    return OG_POSTMORTEM_FIELD_RELATED_INCIDENTS;
  if (g_strcmp0 (name, "responders") == 0)
    return OG_POSTMORTEM_FIELD_RESPONDER_USERS;
  return OG_POSTMORTEM_FIELD_OWNER;
}

static gboolean
take_shot (gpointer data)
{
  /* a popover may reach out of a narrow window */
  g_autofree char *geometry
      = g_strdup_printf ("%dx%d+0+0", picker_name != NULL ? MAX (width, 720) : width, height);
  const char *argv[] = { "import", "-window", "root", "-crop", geometry, shot, NULL };
  g_autoptr (GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                     &status, &error))
    g_error ("import: %s", error->message);
  g_print ("%s\n", shot);
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static DebriefPicker *
picker_of (DebriefPostmortemPage *page)
{
  return _debrief_postmortem_page_get_picker (page, field_of (picker_name));
}

static gboolean
pop_up (gpointer data)
{
  DebriefPicker *picker = picker_of (data);

  gtk_menu_button_popup (GTK_MENU_BUTTON (gtk_widget_get_parent (GTK_WIDGET (picker))));
  if (query != NULL)
    gtk_editable_set_text (GTK_EDITABLE (_debrief_picker_get_search_entry (picker)), query);
  return G_SOURCE_REMOVE;
}

/* Focus first, so that the page scrolls to the button, then open. */
static gboolean
open_picker (gpointer data)
{
  gtk_widget_grab_focus (gtk_widget_get_parent (GTK_WIDGET (picker_of (data))));
  g_timeout_add (300, pop_up, data);
  return G_SOURCE_REMOVE;
}

static gboolean
scroll_page (gpointer data)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (
      GTK_WIDGET (debrief_postmortem_page_get_rich_text_slot (data, OG_POSTMORTEM_FIELD_CONTENT)),
      GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  gtk_adjustment_set_value (adjustment, scroll);
  return G_SOURCE_REMOVE;
}

int
main (int argc, char *argv[])
{
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (OgSandbox) sandbox = NULL;
  g_autoptr (OgClient) client = NULL;
  g_autoptr (OgPostmortem) base = NULL;
  g_autoptr (OgPostmortem) working = NULL;
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  GtkWidget *window;
  GtkWidget *box;
  DebriefPostmortemPage *page;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);

  gtk_init ();
  adw_init ();
  debrief_test_load_style ();

  sandbox = debrief_test_sandbox_new ();
  client = debrief_test_client_new (sandbox);

  base = dup_postmortem (sandbox, published ? OG_POSTMORTEM_STATUS_PUBLISHED
                                            : OG_POSTMORTEM_STATUS_IN_REVIEW);
  working = og_postmortem_copy (base);
  if (!published)
    {
      const char *const *urls = og_postmortem_get_jira_issues (working);
      g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
      g_auto (GStrv) edited = NULL;
      g_autoptr (GPtrArray) services = g_ptr_array_new_with_free_func (g_object_unref);
      GPtrArray *old = og_postmortem_get_affected_services (working);

      /* a few edits, for the "changed" marks */
      og_postmortem_set_title (working, "Checkout payment failures after a pool change");
      if (urls != NULL)
        g_strv_builder_addv (builder, (const char **) urls);
      g_strv_builder_add (builder, "https://sandbox-org.atlassian.net/browse/PAY-2001");
      edited = g_strv_builder_end (builder);
      og_postmortem_set_jira_issues (working, (const char *const *) edited);
      for (guint i = 1; i < old->len; i++)
        g_ptr_array_add (services, g_object_ref (g_ptr_array_index (old, i)));
      og_postmortem_set_affected_services (working, services);
    }

  window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  page = DEBRIEF_POSTMORTEM_PAGE (debrief_postmortem_page_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (page), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (page));
  adw_window_set_content (ADW_WINDOW (window), box);

  gtk_box_append (
      debrief_postmortem_page_get_rich_text_slot (page, OG_POSTMORTEM_FIELD_EXECUTIVE_SUMMARY),
      stand_in_editor ("The executive summary editor (issue #3) goes here."));
  gtk_box_append (debrief_postmortem_page_get_rich_text_slot (page, OG_POSTMORTEM_FIELD_CONTENT),
                  stand_in_editor ("The content editor (issue #3) goes here."));

  debrief_postmortem_page_set_client (page, client);
  debrief_postmortem_page_set_postmortem (page, working, base);
  if (failed)
    {
      debrief_postmortem_page_set_field_state (
          page, OG_POSTMORTEM_FIELD_TITLE, DEBRIEF_PAGE_FIELD_FAILED,
          "Not saved: Title must be shorter than 120 characters (request 7f3c9a1e-2b4d)");
      debrief_postmortem_page_set_field_state (page, OG_POSTMORTEM_FIELD_RESPONDER_TEAMS,
                                               DEBRIEF_PAGE_FIELD_SAVING, NULL);
      debrief_postmortem_page_set_field_state (
          page, OG_POSTMORTEM_FIELD_CONTENT, DEBRIEF_PAGE_FIELD_UNSAVED,
          "Not saved yet: the server did not answer within 60 seconds");
    }

  g_signal_connect_swapped (window, "close-request", G_CALLBACK (g_main_loop_quit), loop);
  gtk_window_present (GTK_WINDOW (window));

  if (jira != NULL)
    {
      AdwEntryRow *row = _debrief_postmortem_page_get_jira_entry_row (page);

      gtk_editable_set_text (GTK_EDITABLE (row), jira);
      g_signal_emit_by_name (row, "apply");
    }
  if (scroll > 0)
    g_timeout_add (300, scroll_page, page);
  if (picker_name != NULL)
    g_timeout_add (500, open_picker, page);
  if (shot != NULL)
    g_timeout_add (picker_name != NULL ? 1800 : 800, take_shot, loop);

  g_main_loop_run (loop);
  gtk_window_destroy (GTK_WINDOW (window));
  og_sandbox_stop (sandbox);
  return 0;
}
