/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The main window as an incident manager uses it, against the sandbox over real HTTP:
 * open a postmortem from the list, edit it through the page's widgets, save (win.save, what
 * Ctrl+S does) and check what the sandbox received; the published lock and its revert; a
 * conflict resolved in its dialog; a partial failure; delete with and without the timeline;
 * create from an incident; drafts kept and offered back; search, filter and sort in the
 * window's list. And every template type of the application built once. Runs under Xvfb.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "debrief-window-private.h"

#include "debrief-account-list.h"
#include "debrief-connect-window.h"
#include "debrief-incident-row.h"
#include "debrief-picker.h"
#include "debrief-postmortem-list-private.h"
#include "debrief-postmortem-page-private.h"
#include "debrief-postmortem-row.h"
#include "debrief-preferences-window.h"
#include "debrief-responder-row.h"
#include "debrief-test-ui-util.h"
#include "debrief-test-util.h"
#include "debrief-user-picker.h"
#include "og-client.h"
#include "og-error.h"
#include "og-sandbox.h"

typedef struct
{
  OgSandbox *sandbox;
  OgClient *client;
  DebriefWindow *window;
  char *account;
} Fixture;

static gboolean
window_refreshed (gpointer data)
{
  return !debrief_window_get_loading (data)
         && g_list_model_get_n_items (_debrief_window_get_model (data)) > 0;
}

static gboolean
session_ready (gpointer data)
{
  DebriefEditSession *session = _debrief_window_get_session (data);

  return session != NULL && debrief_edit_session_get_working (session) != NULL
         && !debrief_edit_session_get_loading (session)
         && !debrief_edit_session_get_saving (session);
}

static gboolean
session_idle (gpointer data)
{
  DebriefEditSession *session = _debrief_window_get_session (data);

  return session == NULL || !debrief_edit_session_get_saving (session);
}

static gboolean
no_session (gpointer data)
{
  return _debrief_window_get_session (data) == NULL;
}

static gboolean
has_conflict_dialog (gpointer data)
{
  return _debrief_window_get_conflict_dialog (data) != NULL;
}

/* The sandbox's side */

static JsonObject *
sandbox_postmortem (OgSandbox *sandbox, const char *id, JsonNode **keep)
{
  *keep = og_sandbox_dup_postmortem (sandbox, id);
  return *keep != NULL ? json_node_get_object (*keep) : NULL;
}

/* The first postmortem in the sandbox with @status */
static char *
find_postmortem (OgSandbox *sandbox, const char *status)
{
  g_auto (GStrv) ids = og_sandbox_dup_postmortem_ids (sandbox);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr (JsonNode) node = NULL;
      JsonObject *object = sandbox_postmortem (sandbox, ids[i], &node);

      if (g_strcmp0 (json_object_get_string_member_with_default (object, "status", ""), status)
          == 0)
        return g_strdup (ids[i]);
    }
  g_error ("the sandbox has no %s postmortem", status);
}

/* The bodies of the requests @route received since the last clear */
static GPtrArray *
request_bodies (OgSandbox *sandbox, OgRoute route)
{
  const GPtrArray *requests = og_sandbox_get_requests (sandbox);
  GPtrArray *bodies = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);

  for (guint i = 0; i < requests->len; i++)
    {
      const OgSandboxRequest *request = g_ptr_array_index (requests, i);
      JsonNode *json;

      if (!request->has_route || request->route != route)
        continue;
      json = og_sandbox_request_get_json (request);
      g_ptr_array_add (bodies, json != NULL ? json : json_node_new (JSON_NODE_NULL));
    }
  return bodies;
}

static guint
count_writes (OgSandbox *sandbox)
{
  guint n = 0;

  for (OgRoute route = OG_ROUTE_POSTMORTEM_CREATE; route <= OG_ROUTE_POSTMORTEM_RESPONDER_USERS;
       route++)
    n += og_sandbox_count_requests (sandbox, route);
  return n;
}

/* Fixture */

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  fixture->sandbox = debrief_test_sandbox_new ();
  fixture->client = debrief_test_client_new (fixture->sandbox);
  fixture->window = g_object_ref (debrief_window_new (NULL));
  debrief_window_set_sandbox (fixture->window, TRUE);
  /* A library of its own for each test. */
  fixture->account = g_strdup_printf ("test-window-%u", g_random_int ());
  debrief_window_set_account (fixture->window, fixture->account, NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
  debrief_window_set_client (fixture->window, fixture->client);
  DEBRIEF_TEST_WAIT_FOR (window_refreshed, fixture->window, "the list refreshed");
  og_sandbox_clear_requests (fixture->sandbox);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  debrief_test_spin (50);
  g_clear_pointer (&fixture->account, g_free);
  debrief_test_sandbox_stop (&fixture->sandbox, &fixture->client);
}

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

/* The window's side */

static DebriefPostmortemList *
list_of (Fixture *fixture)
{
  return _debrief_window_get_postmortem_list (fixture->window);
}

static DebriefPostmortemPage *
page_of (Fixture *fixture)
{
  return _debrief_window_get_page (fixture->window);
}

static OgPostmortem *
working_of (Fixture *fixture)
{
  return debrief_edit_session_get_working (_debrief_window_get_session (fixture->window));
}

static guint
position_in_list (DebriefPostmortemList *list, const char *id)
{
  GListModel *model = _debrief_postmortem_list_get_model (list);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (DebriefLibraryEntry) entry = g_list_model_get_item (model, i);

      if (g_strcmp0 (debrief_library_entry_get_id (entry), id) == 0)
        return i;
    }
  g_error ("%s is not in the list", id);
}

/* Opens @id as a user does: its row in the list, activated. */
static void
open_from_list (Fixture *fixture, const char *id)
{
  DebriefPostmortemList *list = list_of (fixture);
  guint position = position_in_list (list, id);

  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (_debrief_postmortem_list_get_list_view (list)),
                                  "list.activate-item", "u", position));
  DEBRIEF_TEST_WAIT_FOR (session_ready, fixture->window, "the postmortem opened");
  g_assert_cmpstr (
      debrief_edit_session_get_postmortem_id (_debrief_window_get_session (fixture->window)), ==,
      id);
  g_assert_cmpstr (_debrief_window_get_content_page_name (fixture->window), ==, "page");
}

static GtkEditable *
title_entry (Fixture *fixture)
{
  return GTK_EDITABLE (
      _debrief_postmortem_page_get_field_widget (page_of (fixture), OG_POSTMORTEM_FIELD_TITLE));
}

static AdwComboRow *
severity_row (Fixture *fixture)
{
  return ADW_COMBO_ROW (
      _debrief_postmortem_page_get_field_widget (page_of (fixture), OG_POSTMORTEM_FIELD_SEVERITY));
}

/* What the Save button says: it follows win.save, enabled only when something changed. */
static gboolean
save_enabled (Fixture *fixture)
{
  return gtk_widget_is_sensitive (fixture->window->save_button);
}

static void
save_and_wait (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL));
  debrief_test_spin (20);
  DEBRIEF_TEST_WAIT_FOR (session_idle, fixture->window, "the save ended");
  debrief_test_spin (50);
}

static const char *
body_string (JsonNode *body, const char *member)
{
  return json_object_get_string_member_with_default (json_node_get_object (body), member, NULL);
}

/* Tests */

static void
instantiate_templates_in (const char *path, GHashTable *classes)
{
  g_auto (GStrv) children = g_resources_enumerate_children (path, 0, NULL);

  for (guint i = 0; children != NULL && children[i] != NULL; i++)
    {
      g_autofree char *child = g_strconcat (path, children[i], NULL);
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (GRegex) template_regex = NULL;
      g_autoptr (GRegex) class_regex = NULL;
      g_autoptr (GMatchInfo) match = NULL;
      const char *xml;

      if (g_str_has_suffix (child, "/"))
        {
          instantiate_templates_in (child, classes);
          continue;
        }
      if (!g_str_has_suffix (child, ".ui"))
        continue;

      bytes = g_resources_lookup_data (child, 0, NULL);
      g_assert_nonnull (bytes);
      xml = g_bytes_get_data (bytes, NULL);

      template_regex = g_regex_new ("<template class=\"([A-Za-z]+)\"", 0, 0, NULL);
      if (g_regex_match (template_regex, xml, 0, &match))
        {
          g_autofree char *name = g_match_info_fetch (match, 1);
          GType type = g_type_from_name (name);
          GObjectClass *klass;
          gboolean has_accounts;
          GObject *object;

          g_test_message ("%s: template %s", child, name);
          if (type == 0)
            g_error ("%s: its template type %s is not registered: add it to the list in "
                     "test_templates",
                     child, name);
          klass = g_type_class_ref (type);
          has_accounts = g_object_class_find_property (klass, "accounts") != NULL;
          g_type_class_unref (klass);
          if (has_accounts)
            {
              /* The connect and preferences windows work on the account list. */
              g_autoptr (DebriefAccountList) accounts = debrief_account_list_new (NULL);

              object = g_object_new (type, "accounts", accounts, NULL);
            }
          else
            object = g_object_new (type, NULL);
          /* GTK owns a window; anything else is ours to sink and drop. */
          if (GTK_IS_WINDOW (object))
            gtk_window_destroy (GTK_WINDOW (object));
          else
            g_object_unref (g_object_ref_sink (object));
        }
      else
        {
          /* A plain builder file (the shortcuts window): build it. */
          g_autoptr (GtkBuilder) builder = gtk_builder_new_from_resource (child);
          GSList *objects = gtk_builder_get_objects (builder);

          g_test_message ("%s: %u objects", child, g_slist_length (objects));
          g_assert_nonnull (objects);
          for (GSList *l = objects; l != NULL; l = l->next)
            {
              if (GTK_IS_WINDOW (l->data))
                gtk_window_destroy (l->data);
            }
          g_slist_free (objects);
        }
      g_clear_pointer (&match, g_match_info_free);

      class_regex = g_regex_new ("class=\"([A-Za-z]+)\"", 0, 0, NULL);
      g_regex_match (class_regex, xml, 0, &match);
      while (g_match_info_matches (match))
        {
          g_hash_table_add (classes, g_match_info_fetch (match, 1));
          g_match_info_next (match, NULL);
        }
    }
}

/* Every .ui file of the application: each template type built once, each plain builder
 * file built, and every class any of them names known — so that a type missing on the
 * version floor (libadwaita 1.2, GTK 4.8) fails here, not on a user's desktop. */
static void
test_templates (void)
{
  g_autoptr (GHashTable) classes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  const char *name;
  guint n_templates = 0;

  /* The template types of the application (a new one fails below until it is here). */
  g_type_ensure (DEBRIEF_TYPE_WINDOW);
  g_type_ensure (DEBRIEF_TYPE_CONNECT_WINDOW);
  g_type_ensure (DEBRIEF_TYPE_PREFERENCES_WINDOW);
  g_type_ensure (DEBRIEF_TYPE_USER_PICKER);
  g_type_ensure (DEBRIEF_TYPE_POSTMORTEM_LIST);
  g_type_ensure (DEBRIEF_TYPE_POSTMORTEM_ROW);
  g_type_ensure (DEBRIEF_TYPE_INCIDENT_ROW);
  g_type_ensure (DEBRIEF_TYPE_POSTMORTEM_PAGE);
  g_type_ensure (DEBRIEF_TYPE_PICKER);
  g_type_ensure (DEBRIEF_TYPE_RESPONDER_ROW);
  g_type_ensure (DEBRIEF_TYPE_RICH_TEXT);

  instantiate_templates_in (RESOURCE_BASE "/", classes);

  g_hash_table_iter_init (&iter, classes);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    {
      /* GtkBuilder resolves a name by get_type when it is not registered yet. */
      if (g_type_from_name (name) == 0)
        {
          g_autoptr (GtkBuilder) builder = gtk_builder_new ();

          if (gtk_builder_get_type_from_name (builder, name) == 0)
            g_error ("%s, named in a .ui file, is not a type here", name);
        }
      if (g_str_has_prefix (name, "Debrief"))
        n_templates++;
    }
  /* The window, the list, the page, the rich text, the picker, the rows. */
  g_assert_cmpuint (n_templates, >=, 11);
}

/* Open from the list, change the title and the severity through the page, Ctrl+S: one PUT
 * each, with what was typed, and nothing else; a toast says it is saved. */
static void
test_edit_and_save (Fixture *fixture, gconstpointer data)
{
  g_autofree char *id = find_postmortem (fixture->sandbox, "in-review");
  g_autoptr (GPtrArray) titles = NULL;
  g_autoptr (GPtrArray) severities = NULL;
  g_autoptr (JsonNode) node = NULL;
  AdwComboRow *severity;
  guint other;

  open_from_list (fixture, id);
  g_assert_false (save_enabled (fixture));

  gtk_editable_set_text (title_entry (fixture), "Checkout failed for an hour");
  severity = severity_row (fixture);
  other = (adw_combo_row_get_selected (severity) + 2) % 5;
  adw_combo_row_set_selected (severity, other);
  g_assert_true (debrief_edit_session_get_dirty (_debrief_window_get_session (fixture->window)));
  g_assert_true (save_enabled (fixture));

  save_and_wait (fixture);

  titles = request_bodies (fixture->sandbox, OG_ROUTE_POSTMORTEM_TITLE);
  severities = request_bodies (fixture->sandbox, OG_ROUTE_POSTMORTEM_SEVERITY);
  g_assert_cmpuint (titles->len, ==, 1);
  g_assert_cmpuint (severities->len, ==, 1);
  g_assert_cmpuint (count_writes (fixture->sandbox), ==, 2);
  g_assert_cmpstr (body_string (titles->pdata[0], "title"), ==, "Checkout failed for an hour");
  g_assert_cmpstr (body_string (severities->pdata[0], "severity"), ==,
                   og_severity_to_string (other));
  g_assert_cmpstr (body_string (titles->pdata[0], "actorUserId"), ==, OG_SANDBOX_ACTOR_ID);

  g_assert_cmpstr (
      json_object_get_string_member (sandbox_postmortem (fixture->sandbox, id, &node), "title"), ==,
      "Checkout failed for an hour");
  g_assert_false (debrief_edit_session_get_dirty (_debrief_window_get_session (fixture->window)));
  g_assert_false (save_enabled (fixture));
  g_assert_cmpstr (_debrief_window_get_last_toast (fixture->window), ==, "Saved to Opsgenie");
  /* The list shows the new title. */
  {
    g_autoptr (DebriefLibraryEntry) entry
        = g_list_model_get_item (_debrief_postmortem_list_get_model (list_of (fixture)),
                                 position_in_list (list_of (fixture), id));

    g_assert_cmpstr (debrief_library_entry_get_title (entry), ==, "Checkout failed for an hour");
  }
}

/* Typing in the content editor and saving sends the content as ADF. */
static void
test_rich_text_saved (Fixture *fixture, gconstpointer data)
{
  g_autofree char *id = find_postmortem (fixture->sandbox, "draft");
  DebriefRichText *content;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  g_autoptr (GPtrArray) bodies = NULL;
  const char *adf;

  open_from_list (fixture, id);
  content = _debrief_window_get_rich_text (fixture->window, OG_POSTMORTEM_FIELD_CONTENT);
  g_assert_true (debrief_rich_text_get_editable (content));
  buffer = GTK_TEXT_BUFFER (debrief_rich_text_get_buffer (content));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, " We decided on a rollback.", -1);

  /* Saved at once, without waiting for the editor's pause in typing. */
  save_and_wait (fixture);

  bodies = request_bodies (fixture->sandbox, OG_ROUTE_POSTMORTEM_CONTENT);
  g_assert_cmpuint (bodies->len, ==, 1);
  adf = body_string (bodies->pdata[0], "content");
  g_assert_nonnull (adf);
  g_assert_nonnull (strstr (adf, "We decided on a rollback."));
  g_assert_cmpuint (count_writes (fixture->sandbox), ==, 1);
}

static gboolean
lock_bar_hidden (gpointer data)
{
  return !gtk_widget_get_visible (_debrief_postmortem_page_get_lock_bar (data));
}

/* A published postmortem: every field read-only under the lock bar; its button sends one
 * status change to in-review, and the fields can be edited again. */
static void
test_published_lock_and_revert (Fixture *fixture, gconstpointer data)
{
  g_autofree char *id = find_postmortem (fixture->sandbox, "published");
  g_autoptr (GPtrArray) statuses = NULL;
  g_autoptr (JsonNode) node = NULL;
  DebriefPostmortemPage *page = page_of (fixture);
  GtkWidget *revert;

  open_from_list (fixture, id);
  g_assert_true (gtk_widget_get_visible (_debrief_postmortem_page_get_lock_bar (page)));
  g_assert_false (gtk_editable_get_editable (title_entry (fixture)));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (severity_row (fixture))));
  g_assert_false (debrief_rich_text_get_editable (
      _debrief_window_get_rich_text (fixture->window, OG_POSTMORTEM_FIELD_CONTENT)));
  g_assert_true (
      debrief_edit_session_get_read_only (_debrief_window_get_session (fixture->window)));

  revert = _debrief_postmortem_page_get_revert_button (page);
  g_assert_true (gtk_widget_is_sensitive (revert));
  g_signal_emit_by_name (revert, "clicked");
  if (!debrief_test_wait_until (lock_bar_hidden, page, DEBRIEF_TEST_TIMEOUT_MS))
    g_error ("the lock bar stayed; the window said: %s",
             _debrief_window_get_last_toast (fixture->window));
  DEBRIEF_TEST_WAIT_FOR (session_ready, fixture->window, "the revert ended");

  statuses = request_bodies (fixture->sandbox, OG_ROUTE_POSTMORTEM_STATUS);
  g_assert_cmpuint (statuses->len, ==, 1);
  g_assert_cmpstr (body_string (statuses->pdata[0], "status"), ==, "in-review");
  g_assert_cmpuint (count_writes (fixture->sandbox), ==, 1);
  g_assert_cmpstr (
      json_object_get_string_member (sandbox_postmortem (fixture->sandbox, id, &node), "status"),
      ==, "in-review");

  g_assert_true (gtk_editable_get_editable (title_entry (fixture)));
  g_assert_true (debrief_rich_text_get_editable (
      _debrief_window_get_rich_text (fixture->window, OG_POSTMORTEM_FIELD_CONTENT)));
  g_assert_false (debrief_edit_session_get_dirty (_debrief_window_get_session (fixture->window)));
}

static void
on_other_update (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (og_client_update_field_finish (OG_CLIENT (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

/* Someone else changes @field of @id to what @theirs has. */
static void
change_in_opsgenie (Fixture *fixture, OgPostmortem *theirs, OgPostmortemField field)
{
  gboolean done = FALSE;

  og_client_update_field_async (fixture->client, theirs, field, OG_SANDBOX_ACTOR_ID, NULL,
                                on_other_update, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static GtkCheckButton *
theirs_button (AdwMessageDialog *dialog, OgPostmortemField field)
{
  g_autofree char *key = g_strdup_printf ("theirs-%u", (guint) field);

  return g_object_get_data (G_OBJECT (dialog), key);
}

/* Title and severity changed here and in Opsgenie: the dialog shows both values of each;
 * "theirs" for the title and "mine" for the severity sends the severity only, and the page
 * shows their title. */
static void
test_conflict_dialog (Fixture *fixture, gconstpointer data)
{
  g_autofree char *id = find_postmortem (fixture->sandbox, "draft");
  g_autoptr (OgPostmortem) theirs = NULL;
  g_autoptr (GPtrArray) titles = NULL;
  g_autoptr (GPtrArray) severities = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  AdwMessageDialog *dialog;
  GtkWidget *extra;
  guint mine_severity;
  guint their_severity;
  gboolean saw_mine = FALSE, saw_theirs = FALSE;

  open_from_list (fixture, id);
  theirs = og_postmortem_copy (
      debrief_edit_session_get_base (_debrief_window_get_session (fixture->window)));
  mine_severity = (og_postmortem_get_severity (theirs) + 1) % 5;
  their_severity = (og_postmortem_get_severity (theirs) + 2) % 5;

  gtk_editable_set_text (title_entry (fixture), "Mine: the cache stampede");
  adw_combo_row_set_selected (severity_row (fixture), mine_severity);

  og_postmortem_set_title (theirs, "Theirs: a bad deploy");
  og_postmortem_set_severity (theirs, their_severity);
  change_in_opsgenie (fixture, theirs, OG_POSTMORTEM_FIELD_TITLE);
  change_in_opsgenie (fixture, theirs, OG_POSTMORTEM_FIELD_SEVERITY);
  og_sandbox_clear_requests (fixture->sandbox);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL));
  DEBRIEF_TEST_WAIT_FOR (has_conflict_dialog, fixture->window, "the conflict dialog");
  /* Nothing sent yet. */
  g_assert_cmpuint (count_writes (fixture->sandbox), ==, 0);

  dialog = _debrief_window_get_conflict_dialog (fixture->window);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog))
                 == GTK_WINDOW (fixture->window));
  extra = adw_message_dialog_get_extra_child (dialog);
  g_assert_nonnull (extra);
  {
    GtkWidget *stack[64];
    guint top = 0;

    stack[top++] = extra;
    while (top > 0)
      {
        GtkWidget *widget = stack[--top];

        if (GTK_IS_CHECK_BUTTON (widget))
          {
            GtkWidget *child = gtk_check_button_get_child (GTK_CHECK_BUTTON (widget));
            const char *label
                = GTK_IS_LABEL (child) ? gtk_label_get_label (GTK_LABEL (child)) : NULL;

            saw_mine |= g_strcmp0 (label, "Mine: Mine: the cache stampede") == 0;
            saw_theirs |= g_strcmp0 (label, "Theirs: Theirs: a bad deploy") == 0;
          }
        for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL && top < 64;
             c = gtk_widget_get_next_sibling (c))
          stack[top++] = c;
      }
  }
  g_assert_true (saw_mine);
  g_assert_true (saw_theirs);
  g_assert_nonnull (theirs_button (dialog, OG_POSTMORTEM_FIELD_TITLE));
  g_assert_nonnull (theirs_button (dialog, OG_POSTMORTEM_FIELD_SEVERITY));

  gtk_check_button_set_active (theirs_button (dialog, OG_POSTMORTEM_FIELD_TITLE), TRUE);
  adw_message_dialog_response (dialog, "save");
  debrief_test_spin (20);
  DEBRIEF_TEST_WAIT_FOR (session_idle, fixture->window, "the save ended");
  debrief_test_spin (50);

  titles = request_bodies (fixture->sandbox, OG_ROUTE_POSTMORTEM_TITLE);
  severities = request_bodies (fixture->sandbox, OG_ROUTE_POSTMORTEM_SEVERITY);
  g_assert_cmpuint (titles->len, ==, 0);
  g_assert_cmpuint (severities->len, ==, 1);
  g_assert_cmpstr (body_string (severities->pdata[0], "severity"), ==,
                   og_severity_to_string (mine_severity));

  sandbox_postmortem (fixture->sandbox, id, &node);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "title"), ==,
                   "Theirs: a bad deploy");
  g_assert_cmpstr (gtk_editable_get_text (title_entry (fixture)), ==, "Theirs: a bad deploy");
  g_assert_false (debrief_edit_session_get_dirty (_debrief_window_get_session (fixture->window)));
}

/* The severity's update answered 422: the title is saved, the severity alone stays marked,
 * with the server's message and the request id. */
static void
test_partial_failure (Fixture *fixture, gconstpointer data)
{
  g_autofree char *id = find_postmortem (fixture->sandbox, "in-review");
  DebriefEditSession *session;
  DebriefPostmortemPage *page = page_of (fixture);
  const char *message;
  const GError *error;
  g_autoptr (JsonNode) node = NULL;

  open_from_list (fixture, id);
  session = _debrief_window_get_session (fixture->window);
  gtk_editable_set_text (title_entry (fixture), "Saved title");
  adw_combo_row_set_selected (severity_row (fixture),
                              (adw_combo_row_get_selected (severity_row (fixture)) + 1) % 5);
  og_sandbox_add_fault (fixture->sandbox, OG_ROUTE_POSTMORTEM_SEVERITY, OG_SANDBOX_FAULT_STATUS,
                        422, 1);

  save_and_wait (fixture);

  g_assert_cmpint (debrief_edit_session_get_field_state (session, OG_POSTMORTEM_FIELD_TITLE), ==,
                   DEBRIEF_FIELD_STATE_CLEAN);
  g_assert_cmpint (debrief_edit_session_get_field_state (session, OG_POSTMORTEM_FIELD_SEVERITY), ==,
                   DEBRIEF_FIELD_STATE_FAILED);
  for (OgPostmortemField f = 0; f < OG_N_POSTMORTEM_FIELDS; f++)
    {
      DebriefPageFieldState expected = f == OG_POSTMORTEM_FIELD_SEVERITY ? DEBRIEF_PAGE_FIELD_FAILED
                                                                         : DEBRIEF_PAGE_FIELD_CLEAN;

      g_assert_cmpint (debrief_postmortem_page_get_field_state (page, f), ==, expected);
    }

  error = debrief_edit_session_get_field_error (session, OG_POSTMORTEM_FIELD_SEVERITY);
  g_assert_nonnull (error);
  message = _debrief_postmortem_page_get_field_message (page, OG_POSTMORTEM_FIELD_SEVERITY);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, error->message));
  g_assert_nonnull (og_error_get_request_id (error));
  g_assert_nonnull (strstr (message, og_error_get_request_id (error)));
  g_assert_null (_debrief_postmortem_page_get_field_message (page, OG_POSTMORTEM_FIELD_TITLE));

  g_assert_cmpstr (
      json_object_get_string_member (sandbox_postmortem (fixture->sandbox, id, &node), "title"), ==,
      "Saved title");
  g_assert_true (debrief_edit_session_get_dirty (session));
  g_assert_true (save_enabled (fixture));
  g_assert_nonnull (strstr (_debrief_window_get_last_toast (fixture->window), "Severity"));
}

static void
delete_through_dialog (Fixture *fixture, gboolean timeline)
{
  g_autofree char *id = find_postmortem (fixture->sandbox, "draft");
  g_autoptr (GPtrArray) deletes = NULL;
  g_autoptr (JsonNode) gone = NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  GtkCheckButton *check;
  const char *title;
  JsonObject *body;

  open_from_list (fixture, id);
  title = og_postmortem_get_title (working_of (fixture));
  heading = g_strdup_printf ("Delete “%s”?", title);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete", NULL));
  dialog = _debrief_window_get_delete_dialog (fixture->window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "delete"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  check = GTK_CHECK_BUTTON (adw_message_dialog_get_extra_child (dialog));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_check_button_get_child (check))), ==,
                   "Also delete the _timeline exported to Confluence");
  g_assert_false (gtk_check_button_get_active (check));
  if (timeline)
    gtk_check_button_set_active (check, TRUE);
  adw_message_dialog_response (dialog, "delete");
  DEBRIEF_TEST_WAIT_FOR (no_session, fixture->window, "the postmortem deleted");
  debrief_test_spin (50);

  deletes = request_bodies (fixture->sandbox, OG_ROUTE_POSTMORTEM_DELETE);
  g_assert_cmpuint (deletes->len, ==, 1);
  body = json_node_get_object (deletes->pdata[0]);
  g_assert_cmpstr (json_object_get_string_member (body, "actorUserId"), ==, OG_SANDBOX_ACTOR_ID);
  g_assert_true (json_object_has_member (body, "deleteExportIncidentTimelines"));
  g_assert_cmpint (json_object_get_boolean_member (body, "deleteExportIncidentTimelines"), ==,
                   timeline);

  g_assert_null (sandbox_postmortem (fixture->sandbox, id, &gone));
  g_assert_null (debrief_library_lookup (_debrief_window_get_library (fixture->window), id));
  g_assert_cmpstr (_debrief_window_get_content_page_name (fixture->window), ==, "none");
  {
    g_autofree char *toast = g_strdup_printf ("“%s” deleted", title);

    g_assert_cmpstr (_debrief_window_get_last_toast (fixture->window), ==, toast);
  }
}

static void
test_delete (Fixture *fixture, gconstpointer data)
{
  delete_through_dialog (fixture, FALSE);
}

static void
test_delete_with_timeline (Fixture *fixture, gconstpointer data)
{
  delete_through_dialog (fixture, TRUE);
}

static gboolean
has_create_dialog_rows (gpointer data)
{
  GtkWindow *dialog = _debrief_window_get_create_dialog (data);

  return dialog != NULL;
}

static GtkListBox *
find_list_box (GtkWidget *root, const char *label)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkListBox *found;

      if (GTK_IS_LIST_BOX (c) && gtk_list_box_get_row_at_index (GTK_LIST_BOX (c), 0) != NULL
          && ADW_IS_ACTION_ROW (gtk_list_box_get_row_at_index (GTK_LIST_BOX (c), 0))
          && g_strcmp0 (label, "incidents") == 0
          && g_object_get_data (G_OBJECT (gtk_list_box_get_row_at_index (GTK_LIST_BOX (c), 0)),
                                "incident")
                 != NULL)
        return GTK_LIST_BOX (c);
      if ((found = find_list_box (c, label)) != NULL)
        return found;
    }
  return NULL;
}

/* New Postmortem (Ctrl+N): pick an incident without one in the dialog, Create: one POST
 * with the incident and the actor, and the new postmortem is open and in the list. */
static void
test_create_from_incident (Fixture *fixture, gconstpointer data)
{
  GListModel *pending = debrief_library_refresh_get_pending_incidents (
      _debrief_window_get_refresh (fixture->window));
  g_autoptr (OgIncident) incident = NULL;
  g_autoptr (GPtrArray) creates = NULL;
  GtkWindow *dialog;
  GtkListBox *list_box;
  GtkListBoxRow *row;
  const char *new_id;

  g_assert_cmpuint (g_list_model_get_n_items (pending), >, 0);
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-postmortem", NULL));
  DEBRIEF_TEST_WAIT_FOR (has_create_dialog_rows, fixture->window, "the create dialog");
  dialog = _debrief_window_get_create_dialog (fixture->window);
  g_assert_cmpstr (gtk_window_get_title (dialog), ==, "New Postmortem");
  list_box = find_list_box (GTK_WIDGET (dialog), "incidents");
  g_assert_nonnull (list_box);

  row = gtk_list_box_get_row_at_index (list_box, 0);
  incident = g_object_ref (g_object_get_data (G_OBJECT (row), "incident"));
  /* Enter on the row creates it. */
  g_signal_emit_by_name (list_box, "row-activated", row);
  DEBRIEF_TEST_WAIT_FOR (session_ready, fixture->window, "the new postmortem opened");

  creates = request_bodies (fixture->sandbox, OG_ROUTE_POSTMORTEM_CREATE);
  g_assert_cmpuint (creates->len, ==, 1);
  g_assert_cmpstr (body_string (creates->pdata[0], "incidentId"), ==,
                   og_incident_get_id (incident));
  g_assert_cmpstr (body_string (creates->pdata[0], "actorUserId"), ==, OG_SANDBOX_ACTOR_ID);

  new_id = debrief_edit_session_get_postmortem_id (_debrief_window_get_session (fixture->window));
  g_assert_nonnull (new_id);
  g_assert_nonnull (debrief_library_lookup (_debrief_window_get_library (fixture->window), new_id));
  g_assert_cmpstr (_debrief_window_get_content_page_name (fixture->window), ==, "page");
  g_assert_cmpstr (og_incident_get_id (og_postmortem_get_root_incident (working_of (fixture))), ==,
                   og_incident_get_id (incident));
  g_assert_null (_debrief_window_get_create_dialog (fixture->window));
}

/* The list pane's "Create Postmortem" on a pending incident does the same. */
static void
test_create_from_list (Fixture *fixture, gconstpointer data)
{
  GListModel *pending = debrief_library_refresh_get_pending_incidents (
      _debrief_window_get_refresh (fixture->window));
  g_autoptr (OgIncident) incident = g_list_model_get_item (pending, 0);
  g_autoptr (GPtrArray) creates = NULL;

  g_signal_emit_by_name (list_of (fixture), "create-requested", incident);
  DEBRIEF_TEST_WAIT_FOR (session_ready, fixture->window, "the new postmortem opened");
  creates = request_bodies (fixture->sandbox, OG_ROUTE_POSTMORTEM_CREATE);
  g_assert_cmpuint (creates->len, ==, 1);
  g_assert_cmpstr (body_string (creates->pdata[0], "incidentId"), ==,
                   og_incident_get_id (incident));
}

/* Open by id (Ctrl+L): the dialog's entry, Enter. */
static void
test_open_by_id (Fixture *fixture, gconstpointer data)
{
  g_autofree char *id = find_postmortem (fixture->sandbox, "in-review");
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open", NULL));
  dialog = _debrief_window_get_open_dialog (fixture->window);
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "open"));
  entry = adw_message_dialog_get_extra_child (dialog);
  gtk_editable_set_text (GTK_EDITABLE (entry), id);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "open"));
  g_signal_emit_by_name (entry, "activate");
  DEBRIEF_TEST_WAIT_FOR (session_ready, fixture->window, "the postmortem opened");
  g_assert_cmpstr (
      debrief_edit_session_get_postmortem_id (_debrief_window_get_session (fixture->window)), ==,
      id);
}

/* Switching postmortems with unsaved changes keeps them as a draft and says so; reopened,
 * the draft is offered with Restore and Discard, and Restore brings the words back. */
static void
test_draft_kept_and_restored (Fixture *fixture, gconstpointer data)
{
  g_autofree char *first = find_postmortem (fixture->sandbox, "in-review");
  g_autofree char *second = find_postmortem (fixture->sandbox, "draft");
  g_autofree char *original = NULL;
  GtkWidget *bar = _debrief_window_get_draft_bar (fixture->window);

  open_from_list (fixture, first);
  original = g_strdup (gtk_editable_get_text (title_entry (fixture)));
  g_assert_false (gtk_widget_get_visible (bar));
  gtk_editable_set_text (title_entry (fixture), "Words not saved yet");

  open_from_list (fixture, second);
  g_assert_nonnull (
      strstr (_debrief_window_get_last_toast (fixture->window), "are kept as a draft"));
  g_assert_cmpuint (count_writes (fixture->sandbox), ==, 0);

  open_from_list (fixture, first);
  g_assert_true (gtk_widget_get_visible (bar));
  g_assert_true (
      g_str_has_prefix (_debrief_window_get_draft_text (fixture->window), "Unsaved changes from "));
  g_assert_cmpstr (gtk_editable_get_text (title_entry (fixture)), ==, original);

  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.restore-draft", NULL));
  g_assert_cmpstr (gtk_editable_get_text (title_entry (fixture)), ==, "Words not saved yet");
  g_assert_false (gtk_widget_get_visible (bar));
  g_assert_true (debrief_edit_session_get_dirty (_debrief_window_get_session (fixture->window)));
}

/* A notification server of the test's own on the session bus (org.freedesktop.Notifications,
 * which GLib's notifications use outside a Flatpak when GTK's own service is not there). */
typedef struct
{
  char *summary;
  char *body;
} Notified;

static void
on_notify_call (GDBusConnection *connection,
                const char *sender,
                const char *object_path,
                const char *interface_name,
                const char *method_name,
                GVariant *parameters,
                GDBusMethodInvocation *invocation,
                gpointer user_data)
{
  Notified *notified = user_data;

  if (g_strcmp0 (method_name, "Notify") == 0)
    {
      g_clear_pointer (&notified->summary, g_free);
      g_clear_pointer (&notified->body, g_free);
      g_variant_get_child (parameters, 3, "s", &notified->summary);
      g_variant_get_child (parameters, 4, "s", &notified->body);
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", 1));
    }
  else if (g_strcmp0 (method_name, "GetCapabilities") == 0)
    g_dbus_method_invocation_return_value (invocation,
                                           g_variant_new_parsed ("(@as ['body', 'actions'],)"));
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static guint
serve_notifications (GDBusConnection *bus, Notified *notified)
{
  static const char xml[]
      = "<node><interface name='org.freedesktop.Notifications'>"
        "<method name='Notify'><arg type='s' direction='in'/><arg type='u' direction='in'/>"
        "<arg type='s' direction='in'/><arg type='s' direction='in'/>"
        "<arg type='s' direction='in'/><arg type='as' direction='in'/>"
        "<arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
        "<arg type='u' direction='out'/></method>"
        "<method name='GetCapabilities'><arg type='as' direction='out'/></method>"
        "<method name='CloseNotification'><arg type='u' direction='in'/></method>"
        "</interface></node>";
  static const GDBusInterfaceVTable vtable = { on_notify_call, NULL, NULL, { 0 } };
  g_autoptr (GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (xml, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) reply = NULL;
  guint id;

  id = g_dbus_connection_register_object (bus, "/org/freedesktop/Notifications",
                                          info->interfaces[0], &vtable, notified, NULL, &error);
  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (
      bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "RequestName",
      g_variant_new ("(su)", "org.freedesktop.Notifications", 0), G_VARIANT_TYPE ("(u)"),
      G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  return id;
}

static gboolean
notified_of (gpointer data)
{
  return ((Notified *) data)->summary != NULL;
}

/* Closing the window with unsaved changes keeps them and says so in a notification (a toast
 * would go with the window); the next window offers them back. */
static void
test_close_keeps_draft_and_says_so (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *id = find_postmortem (fixture->sandbox, "in-review");
  g_autoptr (GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr (GtkApplication) application = NULL;
  g_autoptr (GError) error = NULL;
  Notified notified = { NULL, NULL };
  guint registration;

  g_assert_nonnull (bus);
  registration = serve_notifications (bus, &notified);
  application = gtk_application_new (APP_ID ".TestWindow", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);
  gtk_window_set_application (GTK_WINDOW (fixture->window), application);

  open_from_list (fixture, id);
  gtk_editable_set_text (title_entry (fixture), "Words typed before closing");
  gtk_window_close (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  DEBRIEF_TEST_WAIT_FOR (notified_of, &notified, "the notification");
  g_assert_cmpstr (notified.summary, ==, "Unsaved changes kept as a draft");
  g_assert_nonnull (strstr (notified.body, "Words typed before closing"));
  g_assert_cmpuint (count_writes (fixture->sandbox), ==, 0);

  /* The next window reopens it with the draft on offer. */
  fixture->window = g_object_ref (debrief_window_new (NULL));
  debrief_window_set_sandbox (fixture->window, TRUE);
  debrief_window_set_account (fixture->window, fixture->account, NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
  debrief_window_set_client (fixture->window, fixture->client);
  DEBRIEF_TEST_WAIT_FOR (session_ready, fixture->window, "the last postmortem reopened");
  g_assert_true (gtk_widget_get_visible (_debrief_window_get_draft_bar (fixture->window)));
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.restore-draft", NULL));
  g_assert_cmpstr (gtk_editable_get_text (title_entry (fixture)), ==, "Words typed before closing");

  g_dbus_connection_unregister_object (bus, registration);
  g_free (notified.summary);
  g_free (notified.body);
  g_settings_reset (settings, "last-postmortem");
}

/* Opsgenie out of reach: the copy the refresh cached is shown, and the header says how old
 * it is. */
static void
test_offline_copy (Fixture *fixture, gconstpointer data)
{
  g_autofree char *id = find_postmortem (fixture->sandbox, "in-review");
  const char *subtitle;

  og_sandbox_add_fault (fixture->sandbox, OG_ROUTE_POSTMORTEM_GET, OG_SANDBOX_FAULT_DROP, 0, 0);
  open_from_list (fixture, id);

  g_assert_true (
      debrief_edit_session_get_from_cache (_debrief_window_get_session (fixture->window)));
  subtitle = adw_window_title_get_subtitle (fixture->window->postmortem_title);
  g_assert_nonnull (subtitle);
  g_assert_true (g_str_has_prefix (subtitle, "Offline copy from "));
  g_assert_cmpstr (gtk_editable_get_text (title_entry (fixture)), !=, "");
}

/* The postmortem open when the window closed opens again with the next window of the
 * account (GSettings reopen-last-postmortem, on by default); with the setting off, none. */
static void
test_reopen_last (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *id = find_postmortem (fixture->sandbox, "draft");

  open_from_list (fixture, id);
  gtk_window_close (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  debrief_test_spin (50);

  for (guint round = 0; round < 2; round++)
    {
      gboolean reopen = round == 0;

      g_settings_set_boolean (settings, "reopen-last-postmortem", reopen);
      fixture->window = g_object_ref (debrief_window_new (NULL));
      debrief_window_set_sandbox (fixture->window, TRUE);
      debrief_window_set_account (fixture->window, fixture->account, NULL);
      gtk_window_present (GTK_WINDOW (fixture->window));
      debrief_window_set_client (fixture->window, fixture->client);
      if (reopen)
        {
          DEBRIEF_TEST_WAIT_FOR (session_ready, fixture->window, "the last postmortem reopened");
          g_assert_cmpstr (debrief_edit_session_get_postmortem_id (
                               _debrief_window_get_session (fixture->window)),
                           ==, id);
          /* Closed with it open: it stays the last one. */
          gtk_window_close (GTK_WINDOW (fixture->window));
          g_clear_object (&fixture->window);
          debrief_test_spin (50);
        }
      else
        {
          debrief_test_spin (200);
          g_assert_null (_debrief_window_get_session (fixture->window));
        }
    }
  g_settings_reset (settings, "reopen-last-postmortem");
  g_settings_reset (settings, "last-postmortem");
}

typedef struct
{
  OgSandbox *sandbox;
  DebriefWindow *window;
  int requests;  /* what the sandbox had received at the first frame, -1 before it */
  guint n_shown; /* the rows the list had then */
} FirstFrame;

static void
on_first_after_paint (GdkFrameClock *clock, FirstFrame *first)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_after_paint, first);
  first->requests = (int) og_sandbox_get_requests (first->sandbox)->len;
  first->n_shown = g_list_model_get_n_items (
      _debrief_postmortem_list_get_model (_debrief_window_get_postmortem_list (first->window)));
}

static gboolean
first_frame_drawn (gpointer data)
{
  return ((FirstFrame *) data)->requests >= 0;
}

/* A window opens on what its library knew (issue #6): the first frame shows the list, and
 * the refresh asks Opsgenie only after it. Started before, the refresh's requests and their
 * answers kept the main loop from drawing until they were all done. */
static void
test_first_frame_before_refresh (Fixture *fixture, gconstpointer data)
{
  FirstFrame first = { fixture->sandbox, NULL, -1, 0 };
  guint n_known = g_list_model_get_n_items (_debrief_window_get_model (fixture->window));

  g_assert_cmpuint (n_known, >, 0);
  /* The library on disk is the one the fixture's window refreshed. */
  gtk_window_close (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  debrief_test_spin (50);
  og_sandbox_clear_requests (fixture->sandbox);

  fixture->window = g_object_ref (debrief_window_new (NULL));
  first.window = fixture->window;
  debrief_window_set_sandbox (fixture->window, TRUE);
  debrief_window_set_account (fixture->window, fixture->account, NULL);
  /* As the application does it: the client first, then present. */
  debrief_window_set_client (fixture->window, fixture->client);
  g_assert_true (debrief_window_get_loading (fixture->window));
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (fixture->window)), "after-paint",
                    G_CALLBACK (on_first_after_paint), &first);

  DEBRIEF_TEST_WAIT_FOR (first_frame_drawn, &first, "the first frame");
  g_assert_cmpint (first.requests, ==, 0);
  g_assert_cmpuint (first.n_shown, ==, n_known);
  /* No postmortem shown: the page is not built either. */
  g_assert_null (fixture->window->page);

  DEBRIEF_TEST_WAIT_FOR (window_refreshed, fixture->window, "the list refreshed");
  g_assert_cmpuint (og_sandbox_count_requests (fixture->sandbox, OG_ROUTE_INCIDENTS_LIST), >, 0);
}

/* Reset Sandbox reloads the window, maybe while a refresh runs: the old run ends quietly, the
 * new one fills the list. */
static void
test_reload_while_refreshing (Fixture *fixture, gconstpointer data)
{
  og_sandbox_add_fault (fixture->sandbox, OG_ROUTE_POSTMORTEM_GET, OG_SANDBOX_FAULT_DELAY, 100, 6);
  debrief_window_reload (fixture->window);
  debrief_test_spin (150);
  g_assert_true (debrief_window_get_loading (fixture->window));
  debrief_window_reload (fixture->window);
  debrief_test_spin (30);
  debrief_window_reload (fixture->window);
  DEBRIEF_TEST_WAIT_FOR (window_refreshed, fixture->window, "the list refreshed");
  debrief_test_spin (300);
  g_assert_false (debrief_window_get_loading (fixture->window));
  g_assert_cmpuint (g_list_model_get_n_items (_debrief_window_get_model (fixture->window)), >, 0);
}

static void
search (DebriefPostmortemList *list, const char *text)
{
  GtkSearchEntry *entry = _debrief_postmortem_list_get_search_entry (list);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "search-changed");
  debrief_test_spin (20);
}

/* Search, a severity filter and the severity sort, in the window's own list pane. */
static void
test_filter_and_sort (Fixture *fixture, gconstpointer data)
{
  DebriefPostmortemList *list = list_of (fixture);
  GListModel *shown = _debrief_postmortem_list_get_model (list);
  guint n_all = g_list_model_get_n_items (shown);
  g_autofree char *id = find_postmortem (fixture->sandbox, "published");
  g_autoptr (JsonNode) node = NULL;
  const char *title
      = json_object_get_string_member (sandbox_postmortem (fixture->sandbox, id, &node), "title");
  g_autofree char *word = g_strndup (title, 12);

  g_assert_cmpuint (n_all, ==,
                    g_list_model_get_n_items (_debrief_window_get_model (fixture->window)));

  /* Ctrl+F goes to the search. */
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.focus-search", NULL));
  search (list, word);
  g_assert_cmpuint (g_list_model_get_n_items (shown), >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (shown), <, n_all);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr (DebriefLibraryEntry) entry = g_list_model_get_item (shown, i);
      g_autofree char *folded = g_utf8_casefold (word, -1);

      g_assert_true (debrief_library_entry_matches (entry, folded));
    }
  search (list, "");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_all);

  gtk_check_button_set_active (_debrief_postmortem_list_get_filter_check (list, "p1"), TRUE);
  debrief_test_spin (20);
  g_assert_cmpuint (g_list_model_get_n_items (shown), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (shown), <, n_all);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr (DebriefLibraryEntry) entry = g_list_model_get_item (shown, i);

      g_assert_cmpint (debrief_library_entry_get_severity (entry), ==, OG_SEVERITY_P1);
    }
  gtk_check_button_set_active (_debrief_postmortem_list_get_filter_check (list, "p1"), FALSE);
  debrief_test_spin (20);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_all);

  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (list), "postmortem-list.sort-key", "s", "severity"));
  debrief_test_spin (20);
  for (guint i = 1; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr (DebriefLibraryEntry) a = g_list_model_get_item (shown, i - 1);
      g_autoptr (DebriefLibraryEntry) b = g_list_model_get_item (shown, i);

      /* Most severe first, in either order the toggle gives: all in one direction. */
      g_assert_cmpint (debrief_library_entry_get_severity (a), <=,
                       debrief_library_entry_get_severity (b));
    }
}

/* The Save button and win.save follow dirty; the window's controls have names. */
static void
test_accessible_names (Fixture *fixture, gconstpointer data)
{
  DebriefWindow *window = fixture->window;
  GtkWidget *named[] = { window->refresh_button, window->new_button, window->save_button,
                         window->back_button, window->postmortem_menu_button };

  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (named[i]),
                                                     GTK_ACCESSIBLE_PROPERTY_LABEL));
  {
    g_autofree char *mismatch = gtk_test_accessible_check_property (
        GTK_ACCESSIBLE (window->new_button), GTK_ACCESSIBLE_PROPERTY_LABEL, "New Postmortem");
    g_assert_null (mismatch);
  }
  {
    g_autofree char *mismatch = gtk_test_accessible_check_property (
        GTK_ACCESSIBLE (window->save_button), GTK_ACCESSIBLE_PROPERTY_LABEL, "Save");
    g_assert_null (mismatch);
  }
  g_assert_cmpstr (debrief_rich_text_get_label (
                       _debrief_window_get_rich_text (window, OG_POSTMORTEM_FIELD_CONTENT)),
                   ==, "Content");
}

static gboolean
no_shortcuts_window (gpointer data)
{
  return _debrief_window_get_shortcuts_window (data) == NULL;
}

/* Ctrl+? (the menu's Keyboard Shortcuts) builds the shortcuts window, and closing it destroys
 * it: a hidden window that was never shown crashes GTK 4.8's AT-SPI root (see
 * show_help_overlay_action), so none is kept. */
static void
test_shortcuts_window (Fixture *fixture, gconstpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n_toplevels = g_list_model_get_n_items (toplevels);
  GtkWindow *shortcuts;

  g_assert_null (_debrief_window_get_shortcuts_window (fixture->window));
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-help-overlay", NULL));
  shortcuts = _debrief_window_get_shortcuts_window (fixture->window);
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (shortcuts));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (fixture->window));
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_toplevels + 1);

  /* Again: the same window, not a second one. */
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-help-overlay", NULL));
  g_assert_true (_debrief_window_get_shortcuts_window (fixture->window) == shortcuts);

  gtk_window_close (shortcuts);
  DEBRIEF_TEST_WAIT_FOR (no_shortcuts_window, fixture->window, "the shortcuts window to go");
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_toplevels);
}

/* The list's edge, dragged as a user does: through the handle over it. */
static GtkGestureDrag *
handle_drag_of (DebriefWindow *window)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (window->main_overlay);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller))
        return GTK_GESTURE_DRAG (controller);
    }
  g_error ("no drag gesture on the window's overlay");
}

static void
drag_edge (DebriefWindow *window, double from_x, double dx)
{
  GtkGestureDrag *drag = handle_drag_of (window);
  double y = gtk_widget_get_height (window->main_overlay) / 2.0;

  g_signal_emit_by_name (drag, "drag-begin", from_x, y);
  g_signal_emit_by_name (drag, "drag-update", dx / 2, 0.0);
  g_signal_emit_by_name (drag, "drag-update", dx, 0.0);
  g_signal_emit_by_name (drag, "drag-end", dx, 0.0);
  debrief_test_spin (50);
}

static double
edge_x (DebriefWindow *window)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (window->sidebar_clamp, window->main_overlay, &bounds));
  return bounds.origin.x + bounds.size.width;
}

static void
test_sidebar_resize (Fixture *fixture, gconstpointer data)
{
  DebriefWindow *window = fixture->window;
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  graphene_rect_t handle;
  int before, after;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  debrief_test_spin (200);
  g_assert_false (adw_leaflet_get_folded (window->leaflet));
  g_assert_true (gtk_widget_get_visible (window->sidebar_handle));
  before = gtk_widget_get_width (window->sidebar_clamp);
  g_assert_cmpint (before, ==, g_settings_get_int (settings, "sidebar-width"));

  /* The handle covers the edge. */
  g_assert_true (gtk_widget_compute_bounds (window->sidebar_handle, window->main_overlay, &handle));
  g_assert_cmpfloat (handle.origin.x, <, edge_x (window));
  g_assert_cmpfloat (handle.origin.x + handle.size.width, >, edge_x (window));

  /* A drag that starts elsewhere is not a resize. */
  drag_edge (window, edge_x (window) + 100, 80);
  g_assert_cmpint (gtk_widget_get_width (window->sidebar_clamp), ==, before);
  g_assert_cmpint (g_settings_get_int (settings, "sidebar-width"), ==, before);

  /* Wider by 80 pixels, remembered. */
  drag_edge (window, edge_x (window), 80);
  after = gtk_widget_get_width (window->sidebar_clamp);
  g_assert_cmpint (after, ==, before + 80);
  g_assert_cmpint (g_settings_get_int (settings, "sidebar-width"), ==, after);
  g_assert_cmpfloat (edge_x (window), ==, (double) after);

  /* Never wider than the setting allows, nor so wide the postmortem has no room. */
  drag_edge (window, edge_x (window), 2000);
  g_assert_cmpint (g_settings_get_int (settings, "sidebar-width"), ==, 600);
  g_assert_cmpint (gtk_widget_get_width (window->sidebar_clamp), ==, 600);
  /* Nor narrower than the list can be drawn. */
  drag_edge (window, edge_x (window), -2000);
  g_assert_cmpint (g_settings_get_int (settings, "sidebar-width"), ==, 300);
  g_assert_cmpint (gtk_widget_get_width (window->sidebar_clamp), ==, 300);

  /* Folded, the list is the window, and there is no edge to drag. */
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 760);
  debrief_test_spin (200);
  g_assert_true (adw_leaflet_get_folded (window->leaflet));
  g_assert_false (gtk_widget_get_visible (window->sidebar_handle));

  g_settings_reset (settings, "sidebar-width");
}

/* While the account's key comes from the keyring: an empty page, then words and a spinner if
 * it takes long; the client ends it. */
static void
test_opening_account (Fixture *fixture, gconstpointer data)
{
  DebriefWindow *window = fixture->window;

  debrief_window_set_client (window, NULL);
  g_assert_cmpstr (_debrief_window_get_visible_page_name (window), ==, "welcome");
  debrief_window_show_opening (window);
  g_assert_cmpstr (_debrief_window_get_visible_page_name (window), ==, "opening");
  g_assert_cmpstr (adw_status_page_get_title (window->opening_page), ==, "");
  g_assert_false (gtk_widget_get_visible (window->opening_spinner));

  debrief_test_spin (1000);
  g_assert_cmpstr (adw_status_page_get_title (window->opening_page), ==, "Opening Your Account…");
  g_assert_true (gtk_widget_get_visible (window->opening_spinner));

  debrief_window_set_client (window, fixture->client);
  g_assert_cmpstr (_debrief_window_get_visible_page_name (window), ==, "main");
  g_assert_false (gtk_widget_get_visible (window->opening_spinner));
  DEBRIEF_TEST_WAIT_FOR (window_refreshed, window, "the list refreshed");
}

/* The help overlay lists every key the window, the list and the editors bind. */
static char *
normalized (guint keyval, GdkModifierType modifiers)
{
  /* Shift+Tab comes as ISO_Left_Tab too; the overlay names it once. */
  if (keyval == GDK_KEY_ISO_Left_Tab)
    keyval = GDK_KEY_Tab;
  return gtk_accelerator_name (keyval, modifiers);
}

static void
add_trigger_keys (GtkShortcutTrigger *trigger, GHashTable *keys)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    {
      add_trigger_keys (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)),
                        keys);
      add_trigger_keys (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)),
                        keys);
    }
  else if (GTK_IS_KEYVAL_TRIGGER (trigger))
    g_hash_table_add (keys,
                      normalized (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                                  gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger))));
}

static void
add_bound_keys (GtkWidget *widget, GHashTable *keys)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          add_trigger_keys (gtk_shortcut_get_trigger (shortcut), keys);
        }
    }
}

/* Those of the widget's own, not the ones GTK gives every widget of its parent type (Tab
 * moving the focus in a window, say). */
static void
add_own_keys (GtkWidget *widget, GHashTable *keys)
{
  GType parent = g_type_parent (G_OBJECT_TYPE (widget));
  g_autoptr (GHashTable) inherited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) all = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  char *key;

  if (!G_TYPE_IS_ABSTRACT (parent))
    {
      GtkWidget *plain = g_object_ref_sink (g_object_new (parent, NULL));

      add_bound_keys (plain, inherited);
      if (GTK_IS_WINDOW (plain))
        gtk_window_destroy (GTK_WINDOW (plain));
      g_object_unref (plain);
    }
  add_bound_keys (widget, all);
  g_hash_table_iter_init (&iter, all);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    if (!g_hash_table_contains (inherited, key))
      g_hash_table_add (keys, g_strdup (key));
}

static void
add_listed_keys (GtkWidget *widget, GHashTable *keys)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;
      g_auto (GStrv) each = NULL;

      g_object_get (widget, "accelerator", &accelerator, NULL);
      each = g_strsplit (accelerator != NULL ? accelerator : "", " ", -1);
      for (guint i = 0; each[i] != NULL; i++)
        {
          guint keyval;
          GdkModifierType modifiers;

          g_assert_true (gtk_accelerator_parse (each[i], &keyval, &modifiers));
          g_hash_table_add (keys, normalized (keyval, modifiers));
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    add_listed_keys (child, keys);
}

static void
test_shortcuts_listed (Fixture *fixture, gconstpointer data)
{
  DebriefWindow *window = fixture->window;
  g_autoptr (GHashTable) bound = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  const char *key;

  add_own_keys (GTK_WIDGET (window), bound);
  add_own_keys (GTK_WIDGET (list_of (fixture)), bound);
  add_own_keys (GTK_WIDGET (_debrief_window_get_rich_text (window, OG_POSTMORTEM_FIELD_CONTENT)),
                bound);
  /* The count keeps the walk honest: Ctrl+N, Ctrl+S, Ctrl+B, Tab… are all found. */
  g_assert_cmpuint (g_hash_table_size (bound), >=, 20);

  /* The window the menu's Keyboard Shortcuts builds (test_shortcuts_window shows it). */
  {
    g_autoptr (GtkBuilder) builder
        = gtk_builder_new_from_resource (RESOURCE_BASE "/ui/debrief-shortcuts-window.ui");
    GtkWidget *shortcuts = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));

    add_listed_keys (shortcuts, listed);
    gtk_window_destroy (GTK_WINDOW (shortcuts));
  }
  g_hash_table_iter_init (&iter, bound);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    if (!g_hash_table_contains (listed, key))
      g_error ("%s is bound but not in the shortcuts window", key);
}

int
main (int argc, char *argv[])
{
  g_autofree char *data_home = NULL;

  g_test_init (&argc, &argv, NULL);
  g_setenv ("GTK_A11Y", "test", TRUE);

  /* Libraries, caches and drafts of this run only (before anything asks GLib for it). */
  data_home = g_dir_make_tmp ("debrief-test-window-XXXXXX", NULL);
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  if (!gtk_init_check ())
    {
      g_test_add_func ("/window/display", debrief_test_no_display);
      return g_test_run ();
    }
  adw_init ();

  g_test_add_func ("/window/templates/every-ui-file", test_templates);
  ADD_TEST ("/window/accessible-names", test_accessible_names);
  ADD_TEST ("/window/shortcuts-window", test_shortcuts_window);
  ADD_TEST ("/window/shortcuts-listed", test_shortcuts_listed);
  ADD_TEST ("/window/sidebar-resize", test_sidebar_resize);
  ADD_TEST ("/window/opening-account", test_opening_account);
  ADD_TEST ("/window/close-keeps-draft-and-says-so", test_close_keeps_draft_and_says_so);
  ADD_TEST ("/window/edit-and-save", test_edit_and_save);
  ADD_TEST ("/window/rich-text-saved", test_rich_text_saved);
  ADD_TEST ("/window/published-lock-and-revert", test_published_lock_and_revert);
  ADD_TEST ("/window/conflict-dialog", test_conflict_dialog);
  ADD_TEST ("/window/partial-failure", test_partial_failure);
  ADD_TEST ("/window/delete", test_delete);
  ADD_TEST ("/window/delete-with-timeline", test_delete_with_timeline);
  ADD_TEST ("/window/create-from-incident", test_create_from_incident);
  ADD_TEST ("/window/create-from-list", test_create_from_list);
  ADD_TEST ("/window/open-by-id", test_open_by_id);
  ADD_TEST ("/window/draft-kept-and-restored", test_draft_kept_and_restored);
  ADD_TEST ("/window/filter-and-sort", test_filter_and_sort);
  ADD_TEST ("/window/offline-copy", test_offline_copy);
  ADD_TEST ("/window/reopen-last", test_reopen_last);
  ADD_TEST ("/window/reload-while-refreshing", test_reload_while_refreshing);
  ADD_TEST ("/window/first-frame-before-refresh", test_first_frame_before_refresh);

  return g_test_run ();
}
