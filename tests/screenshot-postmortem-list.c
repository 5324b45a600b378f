/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Screenshots of the list pane against the sandbox, to look at (not a test):
 *
 *   xvfb-run -a -s "-screen 0 1280x800x24" _build/tests/screenshot-postmortem-list OUTDIR
 *
 * writes list-wide.png (1280×800, the pane as the sidebar beside a placeholder),
 * list-narrow.png, incidents-narrow.png, no-results-narrow.png, filters-narrow.png,
 * offline-narrow.png, loading-narrow.png and empty-narrow.png (360×720).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "debrief-library-refresh.h"
#include "debrief-library.h"
#include "debrief-postmortem-list-private.h"
#include "debrief-test-ui-util.h"
#include "debrief-test-util.h"
#include "og-client.h"
#include "og-sandbox.h"

static void
refresh_and_wait (DebriefPostmortemList *list)
{
  debrief_postmortem_list_refresh (list);
  while (debrief_postmortem_list_get_refreshing (list))
    g_main_context_iteration (NULL, TRUE);
  debrief_test_spin (300);
}

static void
save_png (GtkWindow *window, const char *directory, const char *name)
{
  /* The content, not the window: a widget paintable of a toplevel draws nothing. */
  GtkWidget *content = g_object_get_data (G_OBJECT (window), "content");
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (content);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (directory, name, NULL);
  int width;
  int height;

  debrief_test_spin (400);
  width = gtk_widget_get_width (content);
  height = gtk_widget_get_height (content);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    g_error ("could not write %s", path);
  g_print ("%s\n", path);
}

static GtkWindow *
new_window (GtkWidget *list, gboolean wide)
{
  AdwWindow *window = ADW_WINDOW (adw_window_new ());
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new ("Debrief", NULL));
  gtk_box_append (GTK_BOX (box), header);

  if (wide)
    {
      GtkWidget *panes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkWidget *placeholder = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (placeholder), "document-edit-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (placeholder), "No Postmortem Selected");
      gtk_widget_set_hexpand (placeholder, TRUE);
      gtk_widget_set_size_request (list, 380, -1);
      gtk_widget_set_vexpand (panes, TRUE);
      gtk_box_append (GTK_BOX (panes), list);
      gtk_box_append (GTK_BOX (panes), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
      gtk_box_append (GTK_BOX (panes), placeholder);
      gtk_box_append (GTK_BOX (box), panes);
      gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
    }
  else
    {
      gtk_widget_set_vexpand (list, TRUE);
      gtk_box_append (GTK_BOX (box), list);
      gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
    }

  gtk_widget_add_css_class (box, "background");
  g_object_set_data (G_OBJECT (window), "content", box);
  adw_window_set_content (window, box);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

int
main (int argc, char **argv)
{
  const char *out = argc > 1 ? argv[1] : ".";
  g_autofree char *directory = g_dir_make_tmp ("debrief-shots-XXXXXX", NULL);
  g_autoptr (OgSandbox) sandbox = NULL;
  g_autoptr (OgClient) client = NULL;
  g_autoptr (DebriefLibrary) library = NULL;
  g_autoptr (DebriefLibraryRefresh) refresh = NULL;
  DebriefPostmortemList *list;
  GtkWindow *window;

  gtk_init ();
  adw_init ();
  debrief_test_load_style ();
  g_mkdir_with_parents (out, 0755);

  sandbox = debrief_test_sandbox_new ();
  client = debrief_test_client_new (sandbox);
  library = debrief_library_new_for_directory (directory);
  debrief_library_load (library, NULL);
  refresh = debrief_library_refresh_new (library, client);

  /* Empty, then the first refresh with two postmortems failing and one draft. */
  list = DEBRIEF_POSTMORTEM_LIST (debrief_postmortem_list_new ());
  debrief_postmortem_list_set_library (list, library);
  debrief_postmortem_list_set_refresh (list, refresh);
  window = new_window (GTK_WIDGET (list), FALSE);
  save_png (window, out, "empty-narrow.png");

  /* The first refresh, slowed down to be seen. */
  og_sandbox_add_fault (sandbox, OG_ROUTE_INCIDENTS_LIST, OG_SANDBOX_FAULT_DELAY, 3000, 1);
  debrief_postmortem_list_refresh (list);
  save_png (window, out, "loading-narrow.png");
  while (debrief_postmortem_list_get_refreshing (list))
    g_main_context_iteration (NULL, TRUE);
  og_sandbox_clear_faults (sandbox);

  og_sandbox_add_fault (sandbox, OG_ROUTE_POSTMORTEM_GET, OG_SANDBOX_FAULT_STATUS, 403, 2);
  refresh_and_wait (list);
  og_sandbox_clear_faults (sandbox);
  debrief_library_refresh_set_max_age (refresh, 0);
  refresh_and_wait (list);
  og_sandbox_add_fault (sandbox, OG_ROUTE_POSTMORTEM_GET, OG_SANDBOX_FAULT_STATUS, 403, 2);
  refresh_and_wait (list);
  {
    g_autoptr (DebriefLibraryEntry) entry
        = g_list_model_get_item (_debrief_postmortem_list_get_model (list), 1);
    g_autoptr (JsonNode) node
        = og_sandbox_dup_postmortem (sandbox, debrief_library_entry_get_id (entry));
    g_autoptr (OgPostmortem) base = og_postmortem_new_from_json (node, NULL);
    g_autoptr (OgPostmortem) working = og_postmortem_copy (base);

    og_postmortem_set_title (working, "Edited");
    debrief_drafts_update (debrief_library_get_drafts (library), base, working);
    debrief_drafts_flush (debrief_library_get_drafts (library), NULL);
    debrief_postmortem_list_select (list, debrief_library_entry_get_id (entry));
  }
  save_png (window, out, "list-narrow.png");

  gtk_stack_set_visible_child_name (_debrief_postmortem_list_get_view_stack (list), "incidents");
  save_png (window, out, "incidents-narrow.png");
  gtk_stack_set_visible_child_name (_debrief_postmortem_list_get_view_stack (list), "postmortems");

  gtk_check_button_set_active (_debrief_postmortem_list_get_filter_check (list, "published"), TRUE);
  gtk_check_button_set_active (_debrief_postmortem_list_get_filter_check (list, "p1"), TRUE);
  gtk_check_button_set_active (_debrief_postmortem_list_get_filter_check (list, "p2"), TRUE);
  gtk_menu_button_popup (_debrief_postmortem_list_get_filter_button (list));
  save_png (window, out, "filters-narrow.png");
  gtk_menu_button_popdown (_debrief_postmortem_list_get_filter_button (list));
  gtk_widget_activate_action (GTK_WIDGET (list), "postmortem-list.clear-filters", NULL);

  gtk_editable_set_text (GTK_EDITABLE (_debrief_postmortem_list_get_search_entry (list)),
                         "kubernetes upgrade");
  save_png (window, out, "no-results-narrow.png");
  gtk_editable_set_text (GTK_EDITABLE (_debrief_postmortem_list_get_search_entry (list)), "");
  debrief_test_spin (300);

  gtk_window_destroy (window);

  /* Wide: the pane as the sidebar. */
  list = DEBRIEF_POSTMORTEM_LIST (debrief_postmortem_list_new ());
  debrief_postmortem_list_set_library (list, library);
  debrief_postmortem_list_set_refresh (list, refresh);
  window = new_window (GTK_WIDGET (list), TRUE);
  og_sandbox_add_fault (sandbox, OG_ROUTE_POSTMORTEM_GET, OG_SANDBOX_FAULT_STATUS, 403, 3);
  refresh_and_wait (list);
  save_png (window, out, "list-wide.png");
  gtk_window_destroy (window);

  /* Offline with nothing cached. */
  {
    g_autofree char *empty_dir = g_build_filename (directory, "empty", NULL);
    g_autoptr (DebriefLibrary) empty = debrief_library_new_for_directory (empty_dir);
    g_autoptr (DebriefLibraryRefresh) failing = debrief_library_refresh_new (empty, client);

    og_sandbox_stop (sandbox);
    list = DEBRIEF_POSTMORTEM_LIST (debrief_postmortem_list_new ());
    debrief_postmortem_list_set_library (list, empty);
    debrief_postmortem_list_set_refresh (list, failing);
    window = new_window (GTK_WIDGET (list), FALSE);
    refresh_and_wait (list);
    save_png (window, out, "offline-narrow.png");
    gtk_window_destroy (window);
  }

  return 0;
}
