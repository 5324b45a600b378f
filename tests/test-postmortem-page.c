/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The postmortem page and its pickers against the sandbox server over real HTTP: every field
 * edited through its widgets changes the working copy and says so with "changed"; what
 * equals the base copy is not marked; the published lock; save states next to the fields.
 * Runs under Xvfb in CI.
 */
#include "config.h"

#include <adwaita.h>

/* The window includes both: the page's names must not clash with the session's. */
#include "debrief-edit-session.h"
#include "debrief-picker-private.h"
#include "debrief-postmortem-page-private.h"
#include "debrief-responder-row.h"
#include "debrief-test-ui-util.h"
#include "debrief-test-util.h"
#include "og-client.h"
#include "og-sandbox.h"

typedef struct
{
  OgSandbox *sandbox;
  OgClient *client;
  GtkWindow *window;
  DebriefPostmortemPage *page;
  OgPostmortem *working;
  OgPostmortem *base;
  GArray *changes; /* OgPostmortemField, in the order "changed" told them */
  guint reverts;
} Fixture;

/* Fixture: a sandbox, a client, a window showing an in-review postmortem of the sandbox */

static OgPostmortem *
dup_sandbox_postmortem (OgSandbox *sandbox, const char *status)
{
  g_auto (GStrv) ids = og_sandbox_dup_postmortem_ids (sandbox);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr (JsonNode) node = og_sandbox_dup_postmortem (sandbox, ids[i]);
      g_autoptr (GError) error = NULL;
      g_autoptr (OgPostmortem) postmortem = og_postmortem_new_from_json (node, &error);

      g_assert_no_error (error);
      if (g_str_equal (og_postmortem_status_to_string (og_postmortem_get_status (postmortem)),
                       status)
          && og_postmortem_get_responders (postmortem)->len > 0
          && og_postmortem_get_jira_issues (postmortem) != NULL)
        return g_steal_pointer (&postmortem);
    }
  g_assert_not_reached ();
}

static void
changed_cb (DebriefPostmortemPage *page, OgPostmortemField field, Fixture *fixture)
{
  g_array_append_val (fixture->changes, field);
}

static void
revert_requested_cb (DebriefPostmortemPage *page, Fixture *fixture)
{
  fixture->reverts++;
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  fixture->sandbox = debrief_test_sandbox_new ();
  fixture->client = debrief_test_client_new (fixture->sandbox);
  fixture->base = dup_sandbox_postmortem (fixture->sandbox, data != NULL ? data : "in-review");
  fixture->working = og_postmortem_copy (fixture->base);
  fixture->changes = g_array_new (FALSE, FALSE, sizeof (OgPostmortemField));

  fixture->window = g_object_ref (GTK_WINDOW (gtk_window_new ()));
  gtk_window_set_default_size (fixture->window, 800, 560);
  fixture->page = DEBRIEF_POSTMORTEM_PAGE (debrief_postmortem_page_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  debrief_postmortem_page_set_client (fixture->page, fixture->client);
  debrief_postmortem_page_set_postmortem (fixture->page, fixture->working, fixture->base);
  g_signal_connect (fixture->page, "changed", G_CALLBACK (changed_cb), fixture);
  g_signal_connect (fixture->page, "revert-requested", G_CALLBACK (revert_requested_cb), fixture);
  gtk_window_present (fixture->window);
  /* popovers are placed against the window: it must be on the screen first */
  if (!debrief_test_wait_until (is_mapped, fixture->window, DEBRIEF_TEST_TIMEOUT_MS))
    g_error ("the window was not mapped");
  debrief_test_spin (100);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->window);
  debrief_test_spin (50);
  g_clear_object (&fixture->working);
  g_clear_object (&fixture->base);
  g_array_unref (fixture->changes);
  debrief_test_sandbox_stop (&fixture->sandbox, &fixture->client);
}

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
#define ADD_PUBLISHED_TEST(path, func) \
  g_test_add (path, Fixture, "published", fixture_set_up, func, fixture_tear_down)

/* Assertions on what the page says */

static void
assert_changed_once (Fixture *fixture, OgPostmortemField field)
{
  g_assert_cmpuint (fixture->changes->len, >=, 1);
  for (guint i = 0; i < fixture->changes->len; i++)
    g_assert_cmpint (g_array_index (fixture->changes, OgPostmortemField, i), ==, field);
  g_array_set_size (fixture->changes, 0);
}

static gboolean
is_marked (Fixture *fixture, OgPostmortemField field)
{
  gboolean marked = gtk_widget_has_css_class (
      _debrief_postmortem_page_get_field_widget (fixture->page, field), "changed");

  g_assert_cmpint (marked, ==, debrief_postmortem_page_get_field_changed (fixture->page, field));
  return marked;
}

static void
assert_only_marked (Fixture *fixture, OgPostmortemField field)
{
  for (guint f = 0; f < OG_N_POSTMORTEM_FIELDS; f++)
    {
      if (is_marked (fixture, f) != (f == field))
        g_error ("field %s is %smarked", og_postmortem_field_to_string (f),
                 f == field ? "not " : "");
    }
}

static void
assert_accessible_label (GtkWidget *widget, const char *label)
{
  g_autofree char *mismatch = gtk_test_accessible_check_property (
      GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label);

  g_assert_null (mismatch);
}

static gboolean
has_focus_within (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* What a click does, at once (gtk_widget_activate clicks after a press animation) */
static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_is_visible (button));
  g_signal_emit_by_name (button, "clicked");
}

/* Pickers: open from the page's button, type, wait for the sandbox's answer, move with the
 * arrow keys, press Enter (what the entry's "activate" is) */

typedef struct
{
  DebriefPicker *picker;
  const char *query;
  const char *title;
} PickerWait;

static gint
find_result (DebriefPicker *picker, const char *title)
{
  GListModel *results = debrief_picker_get_results (picker);

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr (DebriefPickerItem) item = g_list_model_get_item (results, i);

      if (g_str_equal (debrief_picker_item_get_title (item), title))
        return (gint) i;
    }
  return -1;
}

static gboolean
picker_shows (gpointer data)
{
  PickerWait *wait = data;

  /* the search of what was typed, not the one the picker opened with */
  return g_strcmp0 (wait->picker->query, wait->query) == 0
         && !debrief_picker_get_loading (wait->picker)
         && find_result (wait->picker, wait->title) >= 0;
}

static void
press_key (GtkWidget *widget, guint keyval)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (!GTK_IS_EVENT_CONTROLLER_KEY (controller)
          || gtk_event_controller_get_propagation_phase (controller) != GTK_PHASE_CAPTURE)
        continue;
      g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
      if (handled)
        return;
    }
  g_error ("nothing handled key %u", keyval);
}

/* Popovers are placed against their button: it must be on the screen (under Xvfb, GTK 4.8
 * fails to place a popover whose button is scrolled out of the window). */
static void
scroll_into_view (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  double x, y;

  /* The page scrolls to a widget that takes the focus: measure after that has settled. */
  debrief_test_spin (100);
  g_assert_true (gtk_widget_translate_coordinates (widget, scrolled, 0, 0, &x, &y));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + y - 100);
  debrief_test_spin (100);
  g_assert_true (gtk_widget_translate_coordinates (widget, scrolled, 0, 0, &x, &y));
  g_assert_cmpfloat (y, >=, 0);
  g_assert_cmpfloat (y + gtk_widget_get_height (widget), <=, gtk_widget_get_height (scrolled));
}

static DebriefPicker *
open_picker (Fixture *fixture, OgPostmortemField field)
{
  DebriefPicker *picker = _debrief_postmortem_page_get_picker (fixture->page, field);
  GtkWidget *button = gtk_widget_get_parent (GTK_WIDGET (picker));

  g_assert_true (GTK_IS_MENU_BUTTON (button));
  g_assert_true (gtk_widget_get_sensitive (button));
  /* as a keyboard user gets there */
  g_assert_true (gtk_widget_grab_focus (button));
  scroll_into_view (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (picker)));
  g_assert_true (has_focus_within (GTK_WIDGET (_debrief_picker_get_search_entry (picker))));
  g_assert_true (debrief_picker_get_client (picker) == fixture->client);
  return picker;
}

static void
search_and_pick (Fixture *fixture, OgPostmortemField field, const char *text, const char *title)
{
  DebriefPicker *picker = open_picker (fixture, field);
  GtkWidget *entry = GTK_WIDGET (_debrief_picker_get_search_entry (picker));
  PickerWait wait = { picker, text, title };
  gint position;

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  if (!debrief_test_wait_until (picker_shows, &wait, DEBRIEF_TEST_TIMEOUT_MS))
    g_error ("searching for “%s” did not show “%s”", text, title);

  position = find_result (picker, title);
  for (gint i = 0; i < position; i++)
    press_key (entry, GDK_KEY_Down);
  g_signal_emit_by_name (entry, "activate");

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (picker)));
}

static const char *
row_title (GPtrArray *rows, guint i)
{
  return adw_preferences_row_get_title (g_ptr_array_index (rows, i));
}

/* Tests */

static void
test_templates (void)
{
  GtkWidget *page = g_object_ref_sink (debrief_postmortem_page_new ());
  g_autoptr (OgResponder) responder = og_responder_new ("id", "Ada", "Scribe");
  GtkWidget *row = g_object_ref_sink (debrief_responder_row_new (responder, NULL));

  g_assert_true (DEBRIEF_IS_POSTMORTEM_PAGE (page));
  g_assert_null (debrief_postmortem_page_get_postmortem (DEBRIEF_POSTMORTEM_PAGE (page)));
  g_assert_false (debrief_postmortem_page_get_fields_editable (DEBRIEF_POSTMORTEM_PAGE (page)));
  g_assert_true (GTK_IS_BOX (debrief_postmortem_page_get_rich_text_slot (
      DEBRIEF_POSTMORTEM_PAGE (page), OG_POSTMORTEM_FIELD_CONTENT)));
  g_assert_true (GTK_IS_BOX (debrief_postmortem_page_get_rich_text_slot (
      DEBRIEF_POSTMORTEM_PAGE (page), OG_POSTMORTEM_FIELD_EXECUTIVE_SUMMARY)));
  g_assert_cmpstr (debrief_responder_row_get_role (DEBRIEF_RESPONDER_ROW (row)), ==, "Scribe");

  for (guint kind = DEBRIEF_PICKER_USERS; kind <= DEBRIEF_PICKER_INCIDENTS; kind++)
    {
      GtkWidget *picker = g_object_ref_sink (debrief_picker_new (kind));

      g_assert_cmpint (debrief_picker_get_kind (DEBRIEF_PICKER (picker)), ==, kind);
      g_object_unref (picker);
    }

  g_object_unref (row);
  g_object_unref (page);
}

static void
test_shows_postmortem (Fixture *fixture, gconstpointer data)
{
  DebriefPostmortemPage *page = fixture->page;
  OgPostmortem *p = fixture->working;
  GPtrArray *rows;

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_debrief_postmortem_page_get_field_widget (
                       page, OG_POSTMORTEM_FIELD_TITLE))),
                   ==, og_postmortem_get_title (p));
  g_assert_cmpuint (
      adw_combo_row_get_selected (ADW_COMBO_ROW (
          _debrief_postmortem_page_get_field_widget (page, OG_POSTMORTEM_FIELD_SEVERITY))),
      ==, og_postmortem_get_severity (p));
  g_assert_cmpuint (
      adw_combo_row_get_selected (ADW_COMBO_ROW (
          _debrief_postmortem_page_get_field_widget (page, OG_POSTMORTEM_FIELD_STATUS))),
      ==, OG_POSTMORTEM_STATUS_IN_REVIEW);
  g_assert_cmpstr (
      adw_action_row_get_subtitle (ADW_ACTION_ROW (
          _debrief_postmortem_page_get_field_widget (page, OG_POSTMORTEM_FIELD_OWNER))),
      ==, og_ref_get_name (og_postmortem_get_owner (p)));

  rows = _debrief_postmortem_page_get_item_rows (page, OG_POSTMORTEM_FIELD_JIRA_ISSUES);
  g_assert_cmpuint (rows->len, ==, g_strv_length ((char **) og_postmortem_get_jira_issues (p)));
  g_assert_cmpstr (row_title (rows, 0), ==, og_postmortem_get_jira_issues (p)[0]);
  rows = _debrief_postmortem_page_get_item_rows (page, OG_POSTMORTEM_FIELD_RESPONDER_USERS);
  g_assert_cmpuint (rows->len, ==, og_postmortem_get_responders (p)->len);
  g_assert_cmpstr (debrief_responder_row_get_role (g_ptr_array_index (rows, 0)), ==,
                   og_responder_get_role (g_ptr_array_index (og_postmortem_get_responders (p), 0)));
  rows = _debrief_postmortem_page_get_item_rows (page, OG_POSTMORTEM_FIELD_AFFECTED_SERVICES);
  g_assert_cmpuint (rows->len, ==, og_postmortem_get_affected_services (p)->len);
  rows = _debrief_postmortem_page_get_item_rows (page, OG_POSTMORTEM_FIELD_RESPONDER_TEAMS);
  g_assert_cmpuint (rows->len, ==, og_postmortem_get_responder_teams (p)->len);
  rows = _debrief_postmortem_page_get_item_rows (page, OG_POSTMORTEM_FIELD_RELATED_INCIDENTS);
  g_assert_cmpuint (rows->len, ==, og_postmortem_get_related_incidents (p)->len);

  /* the read-only incident and its times */
  {
    g_autoptr (GDateTime) local = g_date_time_to_local (og_postmortem_get_start_time (p));
    g_autofree char *started = g_date_time_format (local, "%-d %b %Y, %H:%M");
    g_autofree char *incident
        = g_strdup_printf ("#%s %s", og_incident_get_tiny_id (og_postmortem_get_root_incident (p)),
                           og_incident_get_message (og_postmortem_get_root_incident (p)));

    g_assert_cmpstr (adw_action_row_get_subtitle (page->start_row), ==, started);
    g_assert_cmpstr (adw_action_row_get_subtitle (page->root_incident_row), ==, incident);
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (page->duration_row), "min"));
  }

  /* nothing differs from the base yet, nothing is locked */
  assert_only_marked (fixture, OG_N_POSTMORTEM_FIELDS);
  g_assert_true (debrief_postmortem_page_get_fields_editable (page));
  g_assert_false (gtk_widget_get_visible (_debrief_postmortem_page_get_lock_bar (page)));
  g_assert_cmpuint (fixture->changes->len, ==, 0);
}

static void
test_edit_title (Fixture *fixture, gconstpointer data)
{
  GtkEditable *title = GTK_EDITABLE (
      _debrief_postmortem_page_get_field_widget (fixture->page, OG_POSTMORTEM_FIELD_TITLE));
  g_autofree char *original = g_strdup (og_postmortem_get_title (fixture->base));

  gtk_editable_set_text (title, "Checkout failed for an hour");
  g_assert_cmpstr (og_postmortem_get_title (fixture->working), ==, "Checkout failed for an hour");
  assert_changed_once (fixture, OG_POSTMORTEM_FIELD_TITLE);
  assert_only_marked (fixture, OG_POSTMORTEM_FIELD_TITLE);

  /* typed back to what the base has: no longer marked */
  gtk_editable_set_text (title, original);
  assert_changed_once (fixture, OG_POSTMORTEM_FIELD_TITLE);
  assert_only_marked (fixture, OG_N_POSTMORTEM_FIELDS);
  /* the base is only read */
  g_assert_cmpstr (og_postmortem_get_title (fixture->base), ==, original);

  /* a value taken in from the server is shown, and is no edit of the user's */
  og_postmortem_set_title (fixture->working, "Renamed in Opsgenie");
  debrief_postmortem_page_refresh_field (fixture->page, OG_POSTMORTEM_FIELD_TITLE);
  g_assert_cmpstr (gtk_editable_get_text (title), ==, "Renamed in Opsgenie");
  g_assert_cmpuint (fixture->changes->len, ==, 0);
  assert_only_marked (fixture, OG_POSTMORTEM_FIELD_TITLE);
  /* the rich text editors' edits are the user's */
  debrief_postmortem_page_field_changed (fixture->page, OG_POSTMORTEM_FIELD_CONTENT);
  assert_changed_once (fixture, OG_POSTMORTEM_FIELD_CONTENT);

  /* saved: the server's copy becomes the base, the marks go, a field's state stays */
  gtk_editable_set_text (title, "Checkout failed for an hour");
  g_array_set_size (fixture->changes, 0);
  debrief_postmortem_page_set_field_state (fixture->page, OG_POSTMORTEM_FIELD_SEVERITY,
                                           DEBRIEF_PAGE_FIELD_FAILED, "Severity is locked");
  {
    g_autoptr (OgPostmortem) saved = og_postmortem_copy (fixture->working);

    debrief_postmortem_page_set_base (fixture->page, saved);
    assert_only_marked (fixture, OG_N_POSTMORTEM_FIELDS);
    g_assert_true (debrief_postmortem_page_get_base (fixture->page) == saved);
  }
  g_assert_cmpstr (
      _debrief_postmortem_page_get_field_message (fixture->page, OG_POSTMORTEM_FIELD_SEVERITY), ==,
      "Severity is locked");
  g_assert_cmpuint (fixture->changes->len, ==, 0);
}

/* The severity badge the row shows for its selected item (not those of its closed popover) */
static const char *
shown_severity_badge (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "severity-badge")
      && gtk_widget_get_mapped (widget))
    return gtk_label_get_label (GTK_LABEL (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *found = shown_severity_badge (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_edit_severity_and_status (Fixture *fixture, gconstpointer data)
{
  AdwComboRow *severity = ADW_COMBO_ROW (
      _debrief_postmortem_page_get_field_widget (fixture->page, OG_POSTMORTEM_FIELD_SEVERITY));
  AdwComboRow *status = ADW_COMBO_ROW (
      _debrief_postmortem_page_get_field_widget (fixture->page, OG_POSTMORTEM_FIELD_STATUS));
  OgSeverity other = og_postmortem_get_severity (fixture->base) == OG_SEVERITY_P4 ? OG_SEVERITY_P2
                                                                                  : OG_SEVERITY_P4;

  debrief_test_spin (100);
  g_assert_cmpstr (shown_severity_badge (GTK_WIDGET (severity)), ==,
                   og_severity_to_string (og_postmortem_get_severity (fixture->base)));
  adw_combo_row_set_selected (severity, other);
  g_assert_cmpint (og_postmortem_get_severity (fixture->working), ==, other);
  debrief_test_spin (100);
  g_assert_cmpstr (shown_severity_badge (GTK_WIDGET (severity)), ==, og_severity_to_string (other));
  assert_changed_once (fixture, OG_POSTMORTEM_FIELD_SEVERITY);
  assert_only_marked (fixture, OG_POSTMORTEM_FIELD_SEVERITY);
  adw_combo_row_set_selected (severity, og_postmortem_get_severity (fixture->base));
  assert_changed_once (fixture, OG_POSTMORTEM_FIELD_SEVERITY);

  adw_combo_row_set_selected (status, OG_POSTMORTEM_STATUS_DRAFT);
  g_assert_cmpint (og_postmortem_get_status (fixture->working), ==, OG_POSTMORTEM_STATUS_DRAFT);
  assert_changed_once (fixture, OG_POSTMORTEM_FIELD_STATUS);
  assert_only_marked (fixture, OG_POSTMORTEM_FIELD_STATUS);

  /* choosing Published locks the page at once */
  adw_combo_row_set_selected (status, OG_POSTMORTEM_STATUS_PUBLISHED);
  g_assert_cmpint (og_postmortem_get_status (fixture->working), ==, OG_POSTMORTEM_STATUS_PUBLISHED);
  assert_changed_once (fixture, OG_POSTMORTEM_FIELD_STATUS);
  g_assert_true (gtk_widget_get_visible (_debrief_postmortem_page_get_lock_bar (fixture->page)));
  g_assert_false (debrief_postmortem_page_get_fields_editable (fixture->page));
}

static void
test_pick_owner (Fixture *fixture, gconstpointer data)
{
  const char *name
      = g_str_equal (og_ref_get_name (og_postmortem_get_owner (fixture->base)), "Grace Liu")
            ? "Mei Chen"
            : "Grace Liu";
  g_autofree char *query = g_utf8_substring (name, 0, 4);
  const OgSandboxRequest *request;

  og_sandbox_clear_requests (fixture->sandbox);
  search_and_pick (fixture, OG_POSTMORTEM_FIELD_OWNER, query, name);

  g_assert_cmpstr (og_ref_get_name (og_postmortem_get_owner (fixture->working)), ==, name);
  g_assert_nonnull (og_ref_get_id (og_postmortem_get_owner (fixture->working)));
  assert_changed_once (fixture, OG_POSTMORTEM_FIELD_OWNER);
  assert_only_marked (fixture, OG_POSTMORTEM_FIELD_OWNER);
  g_assert_cmpstr (
      adw_action_row_get_subtitle (ADW_ACTION_ROW (
          _debrief_postmortem_page_get_field_widget (fixture->page, OG_POSTMORTEM_FIELD_OWNER))),
      ==, name);

  /* the search ran in the API, with what was typed */
  request = og_sandbox_get_last_request (fixture->sandbox);
  g_assert_cmpint (request->route, ==, OG_ROUTE_USERS_LIST);
  g_assert_cmpstr (g_hash_table_lookup (request->query, "query"), ==, query);

  /* the owner now is not offered as the new owner */
  {
    DebriefPicker *picker = open_picker (fixture, OG_POSTMORTEM_FIELD_OWNER);

    gtk_editable_set_text (GTK_EDITABLE (_debrief_picker_get_search_entry (picker)), query);
    while (g_strcmp0 (picker->query, query) != 0 || debrief_picker_get_loading (picker))
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpint (find_result (picker, name), <, 0);
    gtk_popover_popdown (GTK_POPOVER (picker));
  }
}

/* The button under @root that a screen reader calls @label */
static GtkWidget *
find_button_labelled (GtkWidget *root, const char *label)
{
  if (GTK_IS_BUTTON (root)
      && gtk_test_accessible_check_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                             label)
             == NULL)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_labelled (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_jira_issues (Fixture *fixture, gconstpointer data)
{
  AdwEntryRow *entry = _debrief_postmortem_page_get_jira_entry_row (fixture->page);
  GtkLabel *error = _debrief_postmortem_page_get_jira_error_label (fixture->page);
  guint n_before = g_strv_length ((char **) og_postmortem_get_jira_issues (fixture->base));
  const char *url = "https://example.atlassian.net/browse/PAY-1999";
  GPtrArray *rows;

  /* not a web link: refused, said next to the entry, nothing changed */
  gtk_editable_set_text (GTK_EDITABLE (entry), "javascript:alert(1)");
  g_signal_emit_by_name (entry, "apply");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error)));
  g_assert_nonnull (strstr (gtk_label_get_label (error), "https://"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_cmpuint (g_strv_length ((char **) og_postmortem_get_jira_issues (fixture->working)), ==,
                    n_before);
  g_assert_cmpuint (fixture->changes->len, ==, 0);

  gtk_editable_set_text (GTK_EDITABLE (entry), "PAY-1999");
  g_signal_emit_by_name (entry, "entry-activated");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error)));
  g_assert_cmpuint (fixture->changes->len, ==, 0);

  /* typing again clears the message */
  gtk_editable_set_text (GTK_EDITABLE (entry), url);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error)));
  g_signal_emit_by_name (entry, "apply");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error)));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_cmpuint (g_strv_length ((char **) og_postmortem_get_jira_issues (fixture->working)), ==,
                    n_before + 1);
  g_assert_cmpstr (og_postmortem_get_jira_issues (fixture->working)[n_before], ==, url);
  assert_changed_once (fixture, OG_POSTMORTEM_FIELD_JIRA_ISSUES);
  assert_only_marked (fixture, OG_POSTMORTEM_FIELD_JIRA_ISSUES);

  rows = _debrief_postmortem_page_get_item_rows (fixture->page, OG_POSTMORTEM_FIELD_JIRA_ISSUES);
  g_assert_cmpuint (rows->len, ==, n_before + 1);
  g_assert_cmpstr (row_title (rows, n_before), ==, url);

  /* the same link twice: refused */
  gtk_editable_set_text (GTK_EDITABLE (entry), url);
  g_signal_emit_by_name (entry, "apply");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error)));
  g_assert_cmpuint (fixture->changes->len, ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");

  /* removed with its row's button, named after the link */
  {
    g_autofree char *remove_label = g_strdup_printf ("Remove %s", url);
    GtkWidget *remove = find_button_labelled (g_ptr_array_index (rows, n_before), remove_label);

    g_assert_nonnull (remove);
    click (remove);
  }
  g_assert_cmpuint (g_strv_length ((char **) og_postmortem_get_jira_issues (fixture->working)), ==,
                    n_before);
  assert_changed_once (fixture, OG_POSTMORTEM_FIELD_JIRA_ISSUES);
  assert_only_marked (fixture, OG_N_POSTMORTEM_FIELDS);
}

static gboolean
has_ref_named (GPtrArray *refs, const char *name)
{
  for (guint i = 0; i < refs->len; i++)
    if (g_strcmp0 (og_ref_get_name (g_ptr_array_index (refs, i)), name) == 0)
      return TRUE;
  return FALSE;
}

static void
test_pick_services_and_teams (Fixture *fixture, gconstpointer data)
{
  GPtrArray *services = og_postmortem_get_affected_services (fixture->base);
  GPtrArray *rows;
  GtkWidget *remove;
  const char *service = "Search Indexer";
  const char *team = "Search & Discovery";

  for (guint i = 0; i < services->len; i++)
    g_assert_cmpstr (og_ref_get_name (g_ptr_array_index (services, i)), !=, service);

  search_and_pick (fixture, OG_POSTMORTEM_FIELD_AFFECTED_SERVICES, "index", service);
  services = og_postmortem_get_affected_services (fixture->working);
  /* what is chosen is not offered again */
  {
    DebriefPicker *picker = open_picker (fixture, OG_POSTMORTEM_FIELD_AFFECTED_SERVICES);

    gtk_editable_set_text (GTK_EDITABLE (_debrief_picker_get_search_entry (picker)), "search");
    while (g_strcmp0 (picker->query, "search") != 0 || debrief_picker_get_loading (picker))
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpint (find_result (picker, "Search API") < 0, ==,
                     has_ref_named (services, "Search API"));
    g_assert_cmpint (find_result (picker, service), <, 0);
    gtk_popover_popdown (GTK_POPOVER (picker));
  }
  g_assert_cmpstr (og_ref_get_name (g_ptr_array_index (services, services->len - 1)), ==, service);
  assert_changed_once (fixture, OG_POSTMORTEM_FIELD_AFFECTED_SERVICES);
  assert_only_marked (fixture, OG_POSTMORTEM_FIELD_AFFECTED_SERVICES);

  /* each row's remove button is named after its item */
  rows = _debrief_postmortem_page_get_item_rows (fixture->page,
                                                 OG_POSTMORTEM_FIELD_AFFECTED_SERVICES);
  remove = find_button_labelled (g_ptr_array_index (rows, rows->len - 1), "Remove Search Indexer");
  g_assert_nonnull (remove);
  click (remove);
  assert_changed_once (fixture, OG_POSTMORTEM_FIELD_AFFECTED_SERVICES);
  assert_only_marked (fixture, OG_N_POSTMORTEM_FIELDS);

  /* teams are filtered here, on what was typed, in any case */
  search_and_pick (fixture, OG_POSTMORTEM_FIELD_RESPONDER_TEAMS, "DISCOVERY", team);
  {
    GPtrArray *teams = og_postmortem_get_responder_teams (fixture->working);

    g_assert_cmpstr (og_ref_get_name (g_ptr_array_index (teams, teams->len - 1)), ==, team);
  }
  assert_changed_once (fixture, OG_POSTMORTEM_FIELD_RESPONDER_TEAMS);
  assert_only_marked (fixture, OG_POSTMORTEM_FIELD_RESPONDER_TEAMS);
  g_assert_cmpuint (og_sandbox_count_requests (fixture->sandbox, OG_ROUTE_TEAMS_LIST), ==, 1);
}

static void
test_pick_related_incident (Fixture *fixture, gconstpointer data)
{
  GPtrArray *related;
  const char *message;
  g_autofree char *title = NULL;
  g_autofree char *word = NULL;
  g_autofree char *tiny_query = NULL;
  g_autofree char *id = NULL;
  guint before = og_postmortem_get_related_incidents (fixture->base)->len;

  /* an incident the postmortem does not name yet, by a number that begins others ("#4" and
   * #40…#49): the exact one comes first */
  for (guint tiny = 1; tiny < 10 && tiny_query == NULL; tiny++)
    {
      g_autofree char *tiny_id = g_strdup_printf ("%u", tiny);
      gboolean named = FALSE;

      related = og_postmortem_get_related_incidents (fixture->base);
      for (guint i = 0; i < related->len; i++)
        named |= g_str_equal (og_incident_get_tiny_id (g_ptr_array_index (related, i)), tiny_id);
      named |= g_str_equal (
          og_incident_get_tiny_id (og_postmortem_get_root_incident (fixture->base)), tiny_id);
      if (!named)
        tiny_query = g_strdup_printf ("#%s", tiny_id);
    }
  g_assert_nonnull (tiny_query);

  /* by number ("#60"): among the recent incidents, fetched once */
  {
    DebriefPicker *picker = open_picker (fixture, OG_POSTMORTEM_FIELD_RELATED_INCIDENTS);
    GtkWidget *entry = GTK_WIDGET (_debrief_picker_get_search_entry (picker));
    g_autoptr (DebriefPickerItem) item = NULL;

    gtk_editable_set_text (GTK_EDITABLE (entry), tiny_query);
    while (g_strcmp0 (picker->query, tiny_query) != 0 || debrief_picker_get_loading (picker))
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpuint (g_list_model_get_n_items (debrief_picker_get_results (picker)), >, 1);
    item = g_list_model_get_item (debrief_picker_get_results (picker), 0);
    g_assert_cmpstr (og_incident_get_tiny_id (OG_INCIDENT (debrief_picker_item_get_object (item))),
                     ==, tiny_query + 1);
    title = g_strdup (debrief_picker_item_get_title (item));
    /* related incidents are others than the root one */
    for (guint i = 0; i < g_list_model_get_n_items (debrief_picker_get_results (picker)); i++)
      {
        g_autoptr (DebriefPickerItem) other
            = g_list_model_get_item (debrief_picker_get_results (picker), i);

        g_assert_cmpstr (debrief_picker_item_get_id (other), !=,
                         og_incident_get_id (og_postmortem_get_root_incident (fixture->base)));
      }
    id = g_strdup (debrief_picker_item_get_id (item));
    message = og_incident_get_message (OG_INCIDENT (debrief_picker_item_get_object (item)));
    gtk_popover_popdown (GTK_POPOVER (picker));

    /* a word of its message, searched by the API */
    word = g_strndup (message, strcspn (message, " :"));
  }

  og_sandbox_clear_requests (fixture->sandbox);
  search_and_pick (fixture, OG_POSTMORTEM_FIELD_RELATED_INCIDENTS, word, title);
  g_assert_cmpuint (og_sandbox_count_requests (fixture->sandbox, OG_ROUTE_INCIDENTS_LIST), >=, 1);

  related = og_postmortem_get_related_incidents (fixture->working);
  g_assert_cmpuint (related->len, ==, before + 1);
  g_assert_cmpstr (og_incident_get_id (g_ptr_array_index (related, before)), ==, id);
  assert_changed_once (fixture, OG_POSTMORTEM_FIELD_RELATED_INCIDENTS);
  assert_only_marked (fixture, OG_POSTMORTEM_FIELD_RELATED_INCIDENTS);
  g_assert_cmpstr (row_title (_debrief_postmortem_page_get_item_rows (
                                  fixture->page, OG_POSTMORTEM_FIELD_RELATED_INCIDENTS),
                              before),
                   ==, title);
}

static void
test_responders (Fixture *fixture, gconstpointer data)
{
  GPtrArray *responders = og_postmortem_get_responders (fixture->base);
  const char *known_role = og_responder_get_role (g_ptr_array_index (responders, 0));
  guint before = responders->len;
  const char *name = "Zoe Papadopoulos";
  DebriefResponderRow *row;
  GPtrArray *rows;
  OgResponder *added;

  for (guint i = 0; i < before; i++)
    g_assert_cmpstr (og_responder_get_name (g_ptr_array_index (responders, i)), !=, name);

  search_and_pick (fixture, OG_POSTMORTEM_FIELD_RESPONDER_USERS, "papado", name);
  assert_changed_once (fixture, OG_POSTMORTEM_FIELD_RESPONDER_USERS);
  responders = og_postmortem_get_responders (fixture->working);
  g_assert_cmpuint (responders->len, ==, before + 1);
  g_assert_cmpstr (og_responder_get_name (g_ptr_array_index (responders, before)), ==, name);

  /* the new row waits for the role, named after the user */
  rows
      = _debrief_postmortem_page_get_item_rows (fixture->page, OG_POSTMORTEM_FIELD_RESPONDER_USERS);
  row = g_ptr_array_index (rows, before);
  debrief_test_spin (50);
  g_assert_true (has_focus_within (GTK_WIDGET (debrief_responder_row_get_role_entry (row))));
  assert_accessible_label (GTK_WIDGET (debrief_responder_row_get_role_entry (row)),
                           "Role of Zoe Papadopoulos");
  assert_accessible_label (debrief_responder_row_get_remove_button (row),
                           "Remove Zoe Papadopoulos");

  gtk_editable_set_text (debrief_responder_row_get_role_entry (row), "Scribe");
  added = g_ptr_array_index (og_postmortem_get_responders (fixture->working), before);
  g_assert_cmpstr (og_responder_get_role (added), ==, "Scribe");
  assert_changed_once (fixture, OG_POSTMORTEM_FIELD_RESPONDER_USERS);

  /* a role seen before, from the menu of roles */
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (row), "responder.set-role", "s", known_role));
  added = g_ptr_array_index (og_postmortem_get_responders (fixture->working), before);
  g_assert_cmpstr (og_responder_get_role (added), ==, known_role);
  g_assert_cmpstr (debrief_responder_row_get_role (row), ==, known_role);
  assert_changed_once (fixture, OG_POSTMORTEM_FIELD_RESPONDER_USERS);
  assert_only_marked (fixture, OG_POSTMORTEM_FIELD_RESPONDER_USERS);

  /* the menu offers the roles of the postmortems shown so far */
  {
    GMenuModel *menu = G_MENU_MODEL (fixture->page->roles_menu);
    gboolean offered = FALSE;

    for (gint i = 0; i < g_menu_model_get_n_items (menu); i++)
      {
        g_autofree char *label = NULL;

        g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
        offered |= g_str_equal (label, known_role);
      }
    g_assert_true (offered);
  }

  /* removed: the list equals the base again */
  g_signal_emit_by_name (row, "remove");
  g_assert_cmpuint (og_postmortem_get_responders (fixture->working)->len, ==, before);
  assert_changed_once (fixture, OG_POSTMORTEM_FIELD_RESPONDER_USERS);
  assert_only_marked (fixture, OG_N_POSTMORTEM_FIELDS);
}

/* Every field read-only (@locked) or editable; the bar shows only for the published lock. */
static void
assert_read_only (Fixture *fixture, gboolean locked, gboolean bar)
{
  DebriefPostmortemPage *page = fixture->page;
  GPtrArray *rows;

  g_assert_cmpint (gtk_widget_get_visible (_debrief_postmortem_page_get_lock_bar (page)), ==, bar);
  g_assert_cmpint (debrief_postmortem_page_get_fields_editable (page), ==, !locked);
  g_assert_cmpint (
      gtk_editable_get_editable (GTK_EDITABLE (
          _debrief_postmortem_page_get_field_widget (page, OG_POSTMORTEM_FIELD_TITLE))),
      ==, !locked);
  for (guint f = OG_POSTMORTEM_FIELD_SEVERITY; f <= OG_POSTMORTEM_FIELD_STATUS; f++)
    g_assert_cmpint (gtk_widget_get_sensitive (_debrief_postmortem_page_get_field_widget (page, f)),
                     ==, !locked);
  for (guint f = OG_POSTMORTEM_FIELD_OWNER; f <= OG_POSTMORTEM_FIELD_RESPONDER_USERS; f++)
    if (f != OG_POSTMORTEM_FIELD_JIRA_ISSUES)
      g_assert_cmpint (gtk_widget_get_sensitive (gtk_widget_get_parent (
                           GTK_WIDGET (_debrief_postmortem_page_get_picker (page, f)))),
                       ==, !locked);
  g_assert_cmpint (
      gtk_widget_get_visible (GTK_WIDGET (_debrief_postmortem_page_get_jira_entry_row (page))), ==,
      !locked);
  /* the rich text editors follow this */
  {
    gboolean fields_editable = FALSE;

    g_object_get (page, "fields-editable", &fields_editable, NULL);
    g_assert_cmpint (fields_editable, ==, !locked);
  }

  /* remove buttons and role entries */
  rows = _debrief_postmortem_page_get_item_rows (page, OG_POSTMORTEM_FIELD_RESPONDER_USERS);
  g_assert_cmpuint (rows->len, >, 0);
  g_assert_cmpint (gtk_editable_get_editable (
                       debrief_responder_row_get_role_entry (g_ptr_array_index (rows, 0))),
                   ==, !locked);
  g_assert_cmpint (gtk_widget_get_sensitive (
                       debrief_responder_row_get_remove_button (g_ptr_array_index (rows, 0))),
                   ==, !locked);
  rows = _debrief_postmortem_page_get_item_rows (page, OG_POSTMORTEM_FIELD_JIRA_ISSUES);
  {
    g_autofree char *label = g_strdup_printf ("Remove %s", row_title (rows, 0));
    g_autofree char *open_label = g_strdup_printf ("Open %s in the browser", row_title (rows, 0));

    g_assert_cmpint (
        gtk_widget_get_sensitive (find_button_labelled (g_ptr_array_index (rows, 0), label)), ==,
        !locked);
    /* reading is never locked */
    g_assert_true (
        gtk_widget_get_sensitive (find_button_labelled (g_ptr_array_index (rows, 0), open_label)));
  }
}

static void
test_published_lock (Fixture *fixture, gconstpointer data)
{
  GtkWidget *revert = _debrief_postmortem_page_get_revert_button (fixture->page);

  g_assert_cmpint (og_postmortem_get_status (fixture->working), ==, OG_POSTMORTEM_STATUS_PUBLISHED);
  assert_read_only (fixture, TRUE, TRUE);
  g_assert_true (gtk_widget_get_sensitive (revert));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (revert)), ==, "Revert to In review to edit");

  /* a locked page ignores an edit that reaches it anyway */
  g_signal_emit_by_name (_debrief_postmortem_page_get_jira_entry_row (fixture->page), "apply");
  g_assert_cmpuint (fixture->changes->len, ==, 0);

  click (revert);
  g_assert_cmpint (og_postmortem_get_status (fixture->working), ==, OG_POSTMORTEM_STATUS_IN_REVIEW);
  g_assert_cmpuint (fixture->reverts, ==, 1);
  assert_changed_once (fixture, OG_POSTMORTEM_FIELD_STATUS);
  assert_only_marked (fixture, OG_POSTMORTEM_FIELD_STATUS);
  g_assert_cmpuint (
      adw_combo_row_get_selected (ADW_COMBO_ROW (
          _debrief_postmortem_page_get_field_widget (fixture->page, OG_POSTMORTEM_FIELD_STATUS))),
      ==, OG_POSTMORTEM_STATUS_IN_REVIEW);
  assert_read_only (fixture, FALSE, FALSE);
}

static void
count_notify_cb (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

/* While the save flow runs, say: read-only without the published bar. */
static void
test_not_editable (Fixture *fixture, gconstpointer data)
{
  guint notified = 0;

  g_signal_connect (fixture->page, "notify::fields-editable", G_CALLBACK (count_notify_cb),
                    &notified);
  debrief_postmortem_page_set_editable (fixture->page, FALSE);
  g_assert_cmpuint (notified, ==, 1);
  assert_read_only (fixture, TRUE, FALSE);

  debrief_postmortem_page_set_editable (fixture->page, TRUE);
  g_assert_cmpuint (notified, ==, 2);
  assert_read_only (fixture, FALSE, FALSE);
  g_assert_cmpuint (fixture->changes->len, ==, 0);
}

static void
test_field_state (Fixture *fixture, gconstpointer data)
{
  const char *message = "Title must be shorter than 1000 characters (request id 5c1f0a2e)";

  for (guint f = 0; f < OG_N_POSTMORTEM_FIELDS; f++)
    g_assert_null (_debrief_postmortem_page_get_field_message (fixture->page, f));

  debrief_postmortem_page_set_field_state (fixture->page, OG_POSTMORTEM_FIELD_TITLE,
                                           DEBRIEF_PAGE_FIELD_FAILED, message);
  g_assert_cmpstr (
      _debrief_postmortem_page_get_field_message (fixture->page, OG_POSTMORTEM_FIELD_TITLE), ==,
      message);
  g_assert_cmpint (
      debrief_postmortem_page_get_field_state (fixture->page, OG_POSTMORTEM_FIELD_TITLE), ==,
      DEBRIEF_PAGE_FIELD_FAILED);
  /* the server's words as they are, even with markup characters */
  debrief_postmortem_page_set_field_state (fixture->page, OG_POSTMORTEM_FIELD_CONTENT,
                                           DEBRIEF_PAGE_FIELD_UNSAVED, "<b>bad</b> & worse");
  g_assert_cmpstr (
      _debrief_postmortem_page_get_field_message (fixture->page, OG_POSTMORTEM_FIELD_CONTENT), ==,
      "<b>bad</b> & worse");
  debrief_postmortem_page_set_field_state (fixture->page, OG_POSTMORTEM_FIELD_RESPONDER_TEAMS,
                                           DEBRIEF_PAGE_FIELD_SAVING, NULL);
  g_assert_cmpstr (_debrief_postmortem_page_get_field_message (fixture->page,
                                                               OG_POSTMORTEM_FIELD_RESPONDER_TEAMS),
                   ==, "Saving…");

  debrief_postmortem_page_set_field_state (fixture->page, OG_POSTMORTEM_FIELD_OWNER,
                                           DEBRIEF_PAGE_FIELD_CONFLICT, NULL);
  g_assert_nonnull (
      strstr (_debrief_postmortem_page_get_field_message (fixture->page, OG_POSTMORTEM_FIELD_OWNER),
              "choose"));
  debrief_postmortem_page_set_field_state (fixture->page, OG_POSTMORTEM_FIELD_OWNER,
                                           DEBRIEF_PAGE_FIELD_CLEAN, NULL);

  /* only those three say something */
  for (guint f = 0; f < OG_N_POSTMORTEM_FIELDS; f++)
    if (f != OG_POSTMORTEM_FIELD_TITLE && f != OG_POSTMORTEM_FIELD_CONTENT
        && f != OG_POSTMORTEM_FIELD_RESPONDER_TEAMS)
      g_assert_null (_debrief_postmortem_page_get_field_message (fixture->page, f));

  debrief_postmortem_page_set_field_state (fixture->page, OG_POSTMORTEM_FIELD_TITLE,
                                           DEBRIEF_PAGE_FIELD_CLEAN, NULL);
  g_assert_null (
      _debrief_postmortem_page_get_field_message (fixture->page, OG_POSTMORTEM_FIELD_TITLE));

  /* another postmortem starts clean */
  debrief_postmortem_page_set_postmortem (fixture->page, fixture->working, fixture->base);
  for (guint f = 0; f < OG_N_POSTMORTEM_FIELDS; f++)
    g_assert_null (_debrief_postmortem_page_get_field_message (fixture->page, f));
}

/* Users come a page at a time: scrolling to the end fetches the next. */
static void
test_picker_pages_users (Fixture *fixture, gconstpointer data)
{
  DebriefPicker *picker
      = _debrief_postmortem_page_get_picker (fixture->page, OG_POSTMORTEM_FIELD_OWNER);
  GListModel *results = debrief_picker_get_results (picker);
  GtkWidget *entry = GTK_WIDGET (_debrief_picker_get_search_entry (picker));
  const GPtrArray *requests;
  guint n_requests;

  _debrief_picker_set_page_size (picker, 10);
  /* every user counts here, the owner too */
  debrief_picker_set_excluded_ids (picker, NULL);
  og_sandbox_clear_requests (fixture->sandbox);
  open_picker (fixture, OG_POSTMORTEM_FIELD_OWNER);
  while (debrief_picker_get_loading (picker))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 10);

  /* Down onto the last result asks for more; scrolling near the end may ask for a page
   * ahead too: each request follows the one before */
  for (guint i = 0; i < 9; i++)
    press_key (entry, GDK_KEY_Down);
  g_assert_true (debrief_picker_get_loading (picker));
  do
    {
      while (debrief_picker_get_loading (picker))
        g_main_context_iteration (NULL, TRUE);
      debrief_test_spin (200);
    }
  while (debrief_picker_get_loading (picker));

  n_requests = og_sandbox_count_requests (fixture->sandbox, OG_ROUTE_USERS_LIST);
  g_assert_cmpuint (n_requests, >=, 2);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 10 * n_requests);
  requests = og_sandbox_get_requests (fixture->sandbox);
  for (guint i = 0, page = 0; i < requests->len; i++)
    {
      const OgSandboxRequest *request = g_ptr_array_index (requests, i);
      const char *offset = g_hash_table_lookup (request->query, "offset");
      g_autofree char *expected = g_strdup_printf ("%u", 10 * page);

      if (request->route != OG_ROUTE_USERS_LIST)
        continue;
      g_assert_cmpstr (offset != NULL ? offset : "0", ==, expected);
      g_assert_cmpstr (g_hash_table_lookup (request->query, "limit"), ==, "10");
      page++;
    }

  /* Up moves back; Escape (the entry's stop-search) closes */
  press_key (entry, GDK_KEY_Up);
  g_assert_cmpuint (gtk_single_selection_get_selected (picker->selection), ==, 8);
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (picker)));
  g_assert_cmpuint (fixture->changes->len, ==, 0);
}

static void
test_picker_error (Fixture *fixture, gconstpointer data)
{
  DebriefPicker *picker;

  og_sandbox_add_fault (fixture->sandbox, OG_ROUTE_TEAMS_LIST, OG_SANDBOX_FAULT_STATUS, 500, 0);
  og_client_set_max_retries (fixture->client, 0);
  picker = open_picker (fixture, OG_POSTMORTEM_FIELD_RESPONDER_TEAMS);
  while (debrief_picker_get_loading (picker))
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (_debrief_picker_get_message (picker));
  g_assert_true (g_str_has_prefix (_debrief_picker_get_message (picker), "Could not search: "));
}

static guint n_controls;

static void
collect_unnamed (GtkWidget *widget, GPtrArray *unnamed)
{
  gboolean icon_only_button = GTK_IS_BUTTON (widget)
                              && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget))
                              && gtk_button_get_label (GTK_BUTTON (widget)) == NULL;
  gboolean control = GTK_IS_MENU_BUTTON (widget) || GTK_IS_ENTRY (widget)
                     || GTK_IS_SEARCH_ENTRY (widget) || icon_only_button;

  if (control)
    n_controls++;
  /* reachable with Tab: a button (a menu button's is inside it) takes the focus */
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget)
      && !gtk_widget_get_focusable (widget))
    g_ptr_array_add (unnamed, widget);
  if (control && gtk_widget_get_visible (widget)
      && !gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    g_ptr_array_add (unnamed, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, unnamed);
}

/* Every icon-only button, menu button and entry of the page and its pickers has a name a
 * screen reader can say (rows, combo rows and entry rows are named by their titles), and
 * every button takes the keyboard focus. */
static void
test_accessible_names (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GPtrArray) unnamed = g_ptr_array_new ();

  n_controls = 0;
  collect_unnamed (GTK_WIDGET (fixture->page), unnamed);
  for (guint f = 0; f < OG_N_POSTMORTEM_FIELDS; f++)
    {
      DebriefPicker *picker = _debrief_postmortem_page_get_picker (fixture->page, f);

      if (picker != NULL)
        collect_unnamed (GTK_WIDGET (picker), unnamed);
    }

  for (guint i = 0; i < unnamed->len; i++)
    g_test_message ("unnamed or unfocusable: %s %s",
                    G_OBJECT_TYPE_NAME (g_ptr_array_index (unnamed, i)),
                    gtk_widget_get_name (g_ptr_array_index (unnamed, i)));
  g_assert_cmpuint (unnamed->len, ==, 0);
  /* the walk found the controls: remove buttons of every list row, role entries, pickers */
  g_assert_cmpuint (n_controls, >, 20);
}

/* Tab alone reaches every control of the form, in order, from the title to the last role. */
static void
test_keyboard_tab_order (Fixture *fixture, gconstpointer data)
{
  DebriefPostmortemPage *page = fixture->page;
  g_autoptr (GPtrArray) wanted = g_ptr_array_new ();
  g_autoptr (GPtrArray) order = g_ptr_array_new ();
  GPtrArray *rows;

  g_ptr_array_add (wanted,
                   _debrief_postmortem_page_get_field_widget (page, OG_POSTMORTEM_FIELD_TITLE));
  g_ptr_array_add (wanted,
                   _debrief_postmortem_page_get_field_widget (page, OG_POSTMORTEM_FIELD_SEVERITY));
  g_ptr_array_add (wanted,
                   _debrief_postmortem_page_get_field_widget (page, OG_POSTMORTEM_FIELD_STATUS));
  for (guint f = OG_POSTMORTEM_FIELD_OWNER; f <= OG_POSTMORTEM_FIELD_RESPONDER_USERS; f++)
    {
      if (f == OG_POSTMORTEM_FIELD_JIRA_ISSUES)
        {
          g_autofree char *remove_label = NULL;

          rows = _debrief_postmortem_page_get_item_rows (page, f);
          remove_label = g_strdup_printf ("Remove %s", row_title (rows, 0));
          g_ptr_array_add (wanted,
                           find_button_labelled (g_ptr_array_index (rows, 0), remove_label));
          g_ptr_array_add (wanted, _debrief_postmortem_page_get_jira_entry_row (page));
          continue;
        }
      g_ptr_array_add (wanted, gtk_widget_get_parent (
                                   GTK_WIDGET (_debrief_postmortem_page_get_picker (page, f))));
    }
  rows = _debrief_postmortem_page_get_item_rows (page, OG_POSTMORTEM_FIELD_RESPONDER_USERS);
  g_ptr_array_add (wanted,
                   debrief_responder_row_get_role_entry (g_ptr_array_index (rows, rows->len - 1)));
  g_ptr_array_add (
      wanted, debrief_responder_row_get_remove_button (g_ptr_array_index (rows, rows->len - 1)));

  /* from nowhere, as when the window opens */
  gtk_root_set_focus (GTK_ROOT (fixture->window), NULL);
  for (guint step = 0; step < 300; step++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD))
        break;
      focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
      for (guint i = 0; i < wanted->len; i++)
        {
          GtkWidget *w = g_ptr_array_index (wanted, i);

          if (focus != NULL && (focus == w || gtk_widget_is_ancestor (focus, w))
              && !g_ptr_array_find (order, w, NULL))
            g_ptr_array_add (order, w);
        }
    }

  for (guint i = 0; i < wanted->len; i++)
    if (!g_ptr_array_find (order, g_ptr_array_index (wanted, i), NULL))
      g_error ("Tab never reached control %u (%s)", i,
               G_OBJECT_TYPE_NAME (g_ptr_array_index (wanted, i)));
  /* in the order the form reads */
  for (guint i = 0; i < wanted->len; i++)
    g_assert_true (g_ptr_array_index (order, i) == g_ptr_array_index (wanted, i));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* The test AT context keeps the accessible properties for gtk_test_accessible_*(). */
  g_setenv ("GTK_A11Y", "test", TRUE);

  if (!gtk_init_check ())
    {
      g_test_add_func ("/postmortem-page/display", debrief_test_no_display);
      return g_test_run ();
    }
  adw_init ();

  g_test_add_func ("/postmortem-page/templates/instantiate", test_templates);
  ADD_TEST ("/postmortem-page/shows-postmortem", test_shows_postmortem);
  ADD_TEST ("/postmortem-page/edit/title", test_edit_title);
  ADD_TEST ("/postmortem-page/edit/severity-and-status", test_edit_severity_and_status);
  ADD_TEST ("/postmortem-page/edit/owner", test_pick_owner);
  ADD_TEST ("/postmortem-page/edit/jira-issues", test_jira_issues);
  ADD_TEST ("/postmortem-page/edit/services-and-teams", test_pick_services_and_teams);
  ADD_TEST ("/postmortem-page/edit/related-incident", test_pick_related_incident);
  ADD_TEST ("/postmortem-page/edit/responders", test_responders);
  ADD_PUBLISHED_TEST ("/postmortem-page/published-lock", test_published_lock);
  ADD_TEST ("/postmortem-page/not-editable", test_not_editable);
  ADD_TEST ("/postmortem-page/field-state", test_field_state);
  ADD_TEST ("/postmortem-page/accessible-names", test_accessible_names);
  ADD_TEST ("/postmortem-page/keyboard-tab-order", test_keyboard_tab_order);
  ADD_TEST ("/postmortem-page/picker/pages-users", test_picker_pages_users);
  ADD_TEST ("/postmortem-page/picker/error", test_picker_error);

  return g_test_run ();
}
