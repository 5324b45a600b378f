/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Screenshots of the main window against the sandbox, to look at (not a test):
 *
 *   XDG_DATA_HOME=$(mktemp -d) xvfb-run -a -s "-screen 0 1280x800x24" \
 *     _build/tests/screenshot-window OUTDIR SUFFIX
 *
 * writes list-SUFFIX.png, postmortem-SUFFIX.png, published-SUFFIX.png, conflict-SUFFIX.png
 * and delete-SUFFIX.png at the window size GSettings has (window-width, window-height): set
 * GSETTINGS_BACKEND=keyfile and `gsettings set io.github.debrief.Debrief window-width 400`
 * for the narrow ones. A dialog is drawn over the dimmed window, centred.
 */
#include "config.h"

#include <adwaita.h>

#include "debrief-test-ui-util.h"
#include "debrief-test-util.h"
#include "debrief-window-private.h"
#include "og-client.h"
#include "og-sandbox.h"

static void
append_widget (GtkSnapshot *snapshot, GtkWidget *widget, int width, int height)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
}

static void
save_png (GtkWindow *window, GtkWindow *dialog, const char *directory, const char *name)
{
  /* The content, not the window: a widget paintable of a toplevel draws nothing. */
  GtkWidget *content = gtk_widget_get_first_child (GTK_WIDGET (window));
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (directory, name, NULL);
  int width, height;

  debrief_test_spin (500);
  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));
  gtk_snapshot_append_color (snapshot, &(GdkRGBA){ 0.98, 0.98, 0.98, 1 },
                             &GRAPHENE_RECT_INIT (0, 0, width, height));
  append_widget (snapshot, content, width, height);

  if (dialog != NULL)
    {
      GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dialog));
      int dw = gtk_widget_get_width (GTK_WIDGET (dialog));
      int dh = gtk_widget_get_height (GTK_WIDGET (dialog));
      float x = MAX (0, (width - dw) / 2.f);
      float y = MAX (0, (height - dh) / 2.f);
      GskRoundedRect outline;

      gtk_snapshot_append_color (snapshot, &(GdkRGBA){ 0, 0, 0, 0.35 },
                                 &GRAPHENE_RECT_INIT (0, 0, width, height));
      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (x, y, dw, dh), 12);
      gtk_snapshot_append_outset_shadow (snapshot, &outline, &(GdkRGBA){ 0, 0, 0, 0.4 }, 0, 4, 4,
                                         16);
      gtk_snapshot_push_rounded_clip (snapshot, &outline);
      gtk_snapshot_append_color (snapshot, &(GdkRGBA){ 1, 1, 1, 1 },
                                 &GRAPHENE_RECT_INIT (x, y, dw, dh));
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
      append_widget (snapshot, child, dw, dh);
      gtk_snapshot_restore (snapshot);
      gtk_snapshot_pop (snapshot);
    }

  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    g_error ("could not write %s", path);
  g_print ("%s\n", path);
}

static void
on_updated (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;

  if (!og_client_update_field_finish (OG_CLIENT (object), result, &error))
    g_error ("%s", error->message);
  *(gboolean *) user_data = TRUE;
}

static void
wait_refreshed (DebriefWindow *window)
{
  debrief_test_spin (200);
  while (debrief_window_get_loading (window))
    g_main_context_iteration (NULL, TRUE);
  debrief_test_spin (300);
}

static void
open_and_wait (DebriefWindow *window, const char *id)
{
  debrief_window_open_postmortem (window, id);
  debrief_test_spin (100);
  while (_debrief_window_get_session (window) == NULL
         || debrief_edit_session_get_loading (_debrief_window_get_session (window)))
    g_main_context_iteration (NULL, TRUE);
  debrief_test_spin (500);
}

/* The first postmortem of the sandbox with @status and a root incident, by title order. */
static char *
find_postmortem (OgSandbox *sandbox, const char *status)
{
  g_auto (GStrv) ids = og_sandbox_dup_postmortem_ids (sandbox);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr (JsonNode) node = og_sandbox_dup_postmortem (sandbox, ids[i]);
      JsonObject *object = json_node_get_object (node);

      if (g_strcmp0 (json_object_get_string_member_with_default (object, "status", ""), status)
          == 0)
        return g_strdup (ids[i]);
    }
  return NULL;
}

int
main (int argc, char *argv[])
{
  g_autoptr (OgSandbox) sandbox = NULL;
  g_autoptr (OgClient) client = NULL;
  g_autoptr (OgClient) other = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *published = NULL;
  g_autofree char *list_name = NULL;
  g_autofree char *postmortem_name = NULL;
  g_autofree char *published_name = NULL;
  g_autofree char *conflict_name = NULL;
  g_autofree char *delete_name = NULL;
  DebriefWindow *window;
  DebriefEditSession *session;
  const char *directory, *suffix;

  if (argc != 3)
    g_error ("usage: %s OUTDIR SUFFIX", argv[0]);
  directory = argv[1];
  suffix = argv[2];

  gtk_init ();
  adw_init ();
  debrief_test_load_style ();

  sandbox = debrief_test_sandbox_new ();
  client = debrief_test_client_new (sandbox);
  other = debrief_test_client_new (sandbox);

  window = debrief_window_new (NULL);
  debrief_window_set_sandbox (window, TRUE);
  debrief_window_set_client (window, client);
  gtk_window_present (GTK_WINDOW (window));
  wait_refreshed (window);

  list_name = g_strdup_printf ("list-%s.png", suffix);
  save_png (GTK_WINDOW (window), NULL, directory, list_name);

  draft = find_postmortem (sandbox, "in-review");
  if (draft == NULL)
    draft = find_postmortem (sandbox, "draft");
  open_and_wait (window, draft);
  postmortem_name = g_strdup_printf ("postmortem-%s.png", suffix);
  save_png (GTK_WINDOW (window), NULL, directory, postmortem_name);

  published = find_postmortem (sandbox, "published");
  open_and_wait (window, published);
  published_name = g_strdup_printf ("published-%s.png", suffix);
  save_png (GTK_WINDOW (window), NULL, directory, published_name);

  open_and_wait (window, draft);
  /* A conflict: the title changed here and, meanwhile, in Opsgenie. */
  session = _debrief_window_get_session (window);
  og_postmortem_set_title (debrief_edit_session_get_working (session),
                           "Checkout outage: expired TLS certificate on the payment gateway");
  debrief_edit_session_working_changed (session, OG_POSTMORTEM_FIELD_TITLE);
  _debrief_window_show_working (window);
  {
    g_autoptr (OgPostmortem) theirs = og_postmortem_copy (debrief_edit_session_get_base (session));
    gboolean done = FALSE;

    og_postmortem_set_title (theirs, "Payment gateway TLS outage");
    og_client_update_field_async (other, theirs, OG_POSTMORTEM_FIELD_TITLE, OG_SANDBOX_ACTOR_ID,
                                  NULL, on_updated, &done);
    while (!done)
      g_main_context_iteration (NULL, TRUE);
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  while (_debrief_window_get_conflict_dialog (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  conflict_name = g_strdup_printf ("conflict-%s.png", suffix);
  save_png (GTK_WINDOW (window), GTK_WINDOW (_debrief_window_get_conflict_dialog (window)),
            directory, conflict_name);
  adw_message_dialog_response (_debrief_window_get_conflict_dialog (window), "cancel");
  gtk_window_destroy (GTK_WINDOW (_debrief_window_get_conflict_dialog (window)));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete", NULL);
  delete_name = g_strdup_printf ("delete-%s.png", suffix);
  save_png (GTK_WINDOW (window), GTK_WINDOW (_debrief_window_get_delete_dialog (window)), directory,
            delete_name);
  gtk_window_destroy (GTK_WINDOW (_debrief_window_get_delete_dialog (window)));

  gtk_window_destroy (GTK_WINDOW (window));
  debrief_test_spin (100);
  og_sandbox_stop (sandbox);
  return 0;
}
