/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The list pane over a library in a temporary folder, filled by a real refresh against the
 * sandbox server (or by an index file, for the big ones): the rows the list view's model
 * exposes after a search, filters and each sort, the draft mark, the state pages a user
 * reads, and the incidents without a postmortem. Runs under Xvfb in CI.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "debrief-incident-row.h"
#include "debrief-library-refresh.h"
#include "debrief-library.h"
#include "debrief-postmortem-list-private.h"
#include "debrief-postmortem-row.h"
#include "debrief-test-store-util.h"
#include "debrief-test-ui-util.h"
#include "debrief-test-util.h"
#include "og-client.h"
#include "og-sandbox.h"

#define N_SEEDED 12

typedef struct
{
  char *directory;
  OgSandbox *sandbox;
  OgClient *client;
  DebriefLibrary *library;
  DebriefLibraryRefresh *refresh;
  GtkWindow *window;
  DebriefPostmortemList *list;
} Fixture;

static gboolean
refresh_is_idle (gpointer data)
{
  return !debrief_postmortem_list_get_refreshing (data);
}

/* Runs a refresh from the list, as F5 would, and waits for its end. */
static void
refresh_and_wait (Fixture *fixture)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->list), "postmortem-list.refresh", NULL);
  g_assert_true (debrief_postmortem_list_get_refreshing (fixture->list));
  DEBRIEF_TEST_WAIT_FOR (refresh_is_idle, fixture->list, "the refresh ended");
  /* The run's result arrives after its last notify. */
  debrief_test_spin (20);
}

/* What the list shows */

static GPtrArray *
dup_shown_entries (DebriefPostmortemList *list)
{
  GListModel *model = _debrief_postmortem_list_get_model (list);
  GPtrArray *entries = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (entries, g_list_model_get_item (model, i));
  return entries;
}

static gboolean
is_shown (DebriefPostmortemList *list, DebriefLibraryEntry *entry)
{
  g_autoptr (GPtrArray) shown = dup_shown_entries (list);

  return g_ptr_array_find (shown, entry, NULL);
}

static guint
n_shown (DebriefPostmortemList *list)
{
  return g_list_model_get_n_items (_debrief_postmortem_list_get_model (list));
}

static void
search (DebriefPostmortemList *list, const char *text)
{
  GtkSearchEntry *entry = _debrief_postmortem_list_get_search_entry (list);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* The entry says so after a pause; the user would wait for it too. */
  g_signal_emit_by_name (entry, "search-changed");
}

static const char *
status_description (DebriefPostmortemList *list, const char *state)
{
  return adw_status_page_get_description (_debrief_postmortem_list_get_status_page (list, state));
}

static const char *
status_title (DebriefPostmortemList *list, const char *state)
{
  return adw_status_page_get_title (_debrief_postmortem_list_get_status_page (list, state));
}

static gboolean
has_incident_rows (gpointer data)
{
  g_autoptr (GPtrArray) rows = debrief_test_find_all (data, DEBRIEF_TYPE_INCIDENT_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (debrief_incident_row_get_incident (g_ptr_array_index (rows, i)) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
has_postmortem_rows (gpointer data)
{
  g_autoptr (GPtrArray) rows = debrief_test_find_all (data, DEBRIEF_TYPE_POSTMORTEM_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (debrief_postmortem_row_get_entry (g_ptr_array_index (rows, i)) != NULL)
      return TRUE;
  return FALSE;
}

/* Fixture: a sandbox, a library in a temporary folder, a list in a window */

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  fixture->directory = debrief_test_make_tmp_dir ("debrief-list-XXXXXX");
  fixture->sandbox = debrief_test_sandbox_new ();
  fixture->client = debrief_test_client_new (fixture->sandbox);

  fixture->library = debrief_test_library_load (fixture->directory);
  fixture->refresh = debrief_library_refresh_new (fixture->library, fixture->client);

  fixture->list = DEBRIEF_POSTMORTEM_LIST (debrief_postmortem_list_new ());
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 400, 700);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->list));
  g_object_ref (fixture->window);
  debrief_postmortem_list_set_library (fixture->list, fixture->library);
  debrief_postmortem_list_set_refresh (fixture->list, fixture->refresh);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->window);
  debrief_test_spin (20);
  g_clear_object (&fixture->refresh);
  g_clear_object (&fixture->library);
  debrief_test_sandbox_stop (&fixture->sandbox, &fixture->client);
  debrief_test_remove_tree (fixture->directory);
  g_free (fixture->directory);
}

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

/* Tests */

/* Every template type, so that a type named only in a .ui file and missing on the version
 * floor fails here. */
static void
test_templates (void)
{
  GtkWidget *list = g_object_ref_sink (debrief_postmortem_list_new ());
  GtkWidget *incident_row = g_object_ref_sink (debrief_incident_row_new ());
  GtkWidget *row = g_object_ref_sink (debrief_postmortem_row_new ());

  g_assert_true (DEBRIEF_IS_POSTMORTEM_LIST (list));
  g_assert_true (DEBRIEF_IS_INCIDENT_ROW (incident_row));
  g_assert_null (debrief_postmortem_row_get_entry (DEBRIEF_POSTMORTEM_ROW (row)));
  /* Nothing to show and nothing to refresh. */
  g_assert_cmpstr (_debrief_postmortem_list_get_state (DEBRIEF_POSTMORTEM_LIST (list)), ==,
                   "empty");
  gtk_widget_activate_action (list, "postmortem-list.refresh", NULL);
  g_assert_false (debrief_postmortem_list_get_refreshing (DEBRIEF_POSTMORTEM_LIST (list)));

  g_object_unref (list);
  g_object_unref (incident_row);
  g_object_unref (row);
}

static void
count_notify (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
test_refresh_fills_list (Fixture *fixture, gconstpointer data)
{
  DebriefPostmortemList *list = fixture->list;
  guint n_refreshing_notifies = 0;
  g_auto (GStrv) ids = og_sandbox_dup_postmortem_ids (fixture->sandbox);
  g_autoptr (GPtrArray) shown = NULL;

  /* Before the first refresh: the empty page explains discovery and offers a refresh. */
  g_assert_cmpstr (_debrief_postmortem_list_get_state (list), ==, "empty");
  g_assert_cmpstr (status_title (list, "empty"), ==, "No Postmortems Yet");
  g_assert_nonnull (strstr (status_description (list, "empty"), "resolved incidents"));

  g_signal_connect (list, "notify::refreshing", G_CALLBACK (count_notify), &n_refreshing_notifies);
  gtk_widget_activate_action (GTK_WIDGET (list), "postmortem-list.refresh", NULL);
  g_assert_true (debrief_postmortem_list_get_refreshing (list));
  g_assert_cmpuint (n_refreshing_notifies, ==, 1);
  /* Nothing cached: the loading page, and the progress under the header. */
  g_assert_cmpstr (_debrief_postmortem_list_get_state (list), ==, "loading");
  g_assert_true (gtk_revealer_get_reveal_child (
      GTK_REVEALER (_debrief_postmortem_list_get_progress_revealer (list))));
  g_assert_nonnull (
      strstr (gtk_progress_bar_get_text (_debrief_postmortem_list_get_progress_bar (list)), "of"));
  if (!debrief_test_wait_until (refresh_is_idle, list, DEBRIEF_TEST_TIMEOUT_MS))
    g_error ("the refresh did not end");
  debrief_test_spin (20);
  g_assert_cmpuint (n_refreshing_notifies, ==, 2);

  g_assert_cmpuint (g_strv_length (ids), ==, N_SEEDED);
  g_assert_cmpuint (n_shown (list), ==, N_SEEDED);
  g_assert_cmpstr (_debrief_postmortem_list_get_state (list), ==, "list");
  g_assert_false (gtk_revealer_get_reveal_child (
      GTK_REVEALER (_debrief_postmortem_list_get_progress_revealer (list))));
  g_assert_false (gtk_revealer_get_reveal_child (
      GTK_REVEALER (_debrief_postmortem_list_get_problem_bar (list))));

  /* Every sandbox postmortem once, with its title, newest first. */
  shown = dup_shown_entries (list);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr (JsonNode) node = og_sandbox_dup_postmortem (fixture->sandbox, ids[i]);
      DebriefLibraryEntry *entry = debrief_library_lookup (fixture->library, ids[i]);

      g_assert_nonnull (entry);
      g_assert_true (g_ptr_array_find (shown, entry, NULL));
      g_assert_cmpstr (debrief_library_entry_get_title (entry), ==,
                       json_object_get_string_member (json_node_get_object (node), "title"));
    }
  for (guint i = 1; i < shown->len; i++)
    g_assert_cmpint (debrief_library_entry_get_created (g_ptr_array_index (shown, i - 1)), >=,
                     debrief_library_entry_get_created (g_ptr_array_index (shown, i)));

  /* Rows appear for them in the window. */
  gtk_window_present (fixture->window);
  g_assert_true (
      debrief_test_wait_until (has_postmortem_rows, fixture->window, DEBRIEF_TEST_TIMEOUT_MS));
}

/* The user's view of a match: the title, "#tinyId message" or the owner contain @needle,
 * ignoring case. Written out here, not taken from the library. */
static gboolean
user_expects_match (DebriefLibraryEntry *entry, const char *needle)
{
  g_autofree char *folded = g_utf8_casefold (needle, -1);
  g_autofree char *incident
      = g_strdup_printf ("#%s %s", debrief_library_entry_get_incident_tiny_id (entry) ?: "",
                         debrief_library_entry_get_incident_message (entry) ?: "");
  const char *fields[] = { debrief_library_entry_get_title (entry), incident,
                           debrief_library_entry_get_owner_name (entry) };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *field = g_utf8_casefold (fields[i] ? fields[i] : "", -1);

      if (strstr (field, folded) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
assert_search_shows_expected (Fixture *fixture, const char *needle)
{
  g_autoptr (GPtrArray) shown = NULL;
  guint n_expected = 0;

  search (fixture->list, needle);
  shown = dup_shown_entries (fixture->list);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fixture->library)); i++)
    {
      g_autoptr (DebriefLibraryEntry) entry
          = g_list_model_get_item (G_LIST_MODEL (fixture->library), i);
      gboolean expected = user_expects_match (entry, needle);

      n_expected += expected;
      if (expected != g_ptr_array_find (shown, entry, NULL))
        g_error ("search “%s”: “%s” %s", needle, debrief_library_entry_get_title (entry),
                 expected ? "is missing" : "should not show");
    }
  g_assert_cmpuint (shown->len, ==, n_expected);
}

static void
test_search (Fixture *fixture, gconstpointer data)
{
  DebriefPostmortemList *list = fixture->list;
  g_autoptr (GPtrArray) all = NULL;
  DebriefLibraryEntry *first;
  g_autofree char *shouted = NULL;
  g_autofree char *tiny = NULL;
  g_autofree char *owner = NULL;

  refresh_and_wait (fixture);
  all = dup_shown_entries (list);
  first = g_ptr_array_index (all, 0);

  /* A title in capitals finds it. */
  shouted = g_utf8_strup (debrief_library_entry_get_title (first), -1);
  assert_search_shows_expected (fixture, shouted);
  g_assert_true (is_shown (list, first));
  g_assert_cmpstr (_debrief_postmortem_list_get_state (list), ==, "list");

  /* The incident's tiny id, as the row shows it. */
  tiny = g_strdup_printf ("#%s ", debrief_library_entry_get_incident_tiny_id (first));
  assert_search_shows_expected (fixture, tiny);
  g_assert_cmpuint (n_shown (list), >=, 1);

  /* The owner's name, in lower case. */
  for (guint i = 0; i < all->len && owner == NULL; i++)
    {
      const char *name = debrief_library_entry_get_owner_name (g_ptr_array_index (all, i));

      if (name != NULL && *name != '\0')
        owner = g_utf8_strdown (name, -1);
    }
  g_assert_nonnull (owner);
  assert_search_shows_expected (fixture, owner);
  g_assert_cmpuint (n_shown (list), >=, 1);

  /* A word from an incident message, shorter and longer (less and more strict). */
  assert_search_shows_expected (fixture, "e");
  assert_search_shows_expected (fixture, "er");
  assert_search_shows_expected (fixture, "e");

  /* Nothing matches: the no-results page says what was searched. */
  search (list, "no such postmortem");
  g_assert_cmpuint (n_shown (list), ==, 0);
  g_assert_cmpstr (_debrief_postmortem_list_get_state (list), ==, "no-results");
  g_assert_cmpstr (status_description (list, "no-results"), ==,
                   "No postmortems match “no such postmortem”.");

  /* Escape clears the search. */
  g_signal_emit_by_name (_debrief_postmortem_list_get_search_entry (list), "stop-search");
  debrief_test_spin (300);
  g_assert_cmpstr (
      gtk_editable_get_text (GTK_EDITABLE (_debrief_postmortem_list_get_search_entry (list))), ==,
      "");
  g_assert_cmpuint (n_shown (list), ==, N_SEEDED);
  g_assert_cmpstr (_debrief_postmortem_list_get_state (list), ==, "list");
}

static void
set_filter (DebriefPostmortemList *list, const char *name, gboolean active)
{
  gtk_check_button_set_active (_debrief_postmortem_list_get_filter_check (list, name), active);
}

/* The rows shown are exactly the library's entries with a status in @statuses (a bit mask,
 * 0 for any) and a severity in @severities, in the order shown. */
static guint
assert_filtered (Fixture *fixture, guint statuses, guint severities)
{
  g_autoptr (GPtrArray) shown = dup_shown_entries (fixture->list);
  guint n_expected = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fixture->library)); i++)
    {
      g_autoptr (DebriefLibraryEntry) entry
          = g_list_model_get_item (G_LIST_MODEL (fixture->library), i);
      gboolean expected
          = (statuses == 0 || (statuses & (1u << debrief_library_entry_get_status (entry))))
            && (severities == 0
                || (severities & (1u << debrief_library_entry_get_severity (entry))));

      n_expected += expected;
      g_assert_cmpint (expected, ==, g_ptr_array_find (shown, entry, NULL));
    }
  g_assert_cmpuint (shown->len, ==, n_expected);
  return n_expected;
}

static void
assert_filter_count (DebriefPostmortemList *list, guint n)
{
  GtkLabel *count = _debrief_postmortem_list_get_filter_count_label (list);
  g_autofree char *text = g_strdup_printf ("%u", n);
  g_autofree char *spoken = g_strdup_printf ("Filters, %u active", n);
  g_autofree char *mismatch = NULL;

  g_assert_cmpint (gtk_widget_get_visible (GTK_WIDGET (count)), ==, n > 0);
  if (n > 0)
    g_assert_cmpstr (gtk_label_get_label (count), ==, text);
  mismatch = gtk_test_accessible_check_property (
      GTK_ACCESSIBLE (gtk_widget_get_first_child (
          GTK_WIDGET (_debrief_postmortem_list_get_filter_button (list)))),
      GTK_ACCESSIBLE_PROPERTY_LABEL, n > 0 ? spoken : "Filters");
  g_assert_null (mismatch);
}

static void
test_filters (Fixture *fixture, gconstpointer data)
{
  DebriefPostmortemList *list = fixture->list;
  static const char *const statuses[] = { "draft", "in-review", "published" };
  static const char *const severities[] = { "p1", "p2", "p3", "p4", "p5" };
  guint total = 0;
  gboolean saw_empty_combination = FALSE;

  refresh_and_wait (fixture);
  assert_filter_count (list, 0);

  /* Each status alone: together they are every row. */
  for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
    {
      set_filter (list, statuses[s], TRUE);
      assert_filter_count (list, 1);
      total += assert_filtered (fixture, 1u << s, 0);
      set_filter (list, statuses[s], FALSE);
    }
  g_assert_cmpuint (total, ==, N_SEEDED);

  /* Each severity alone. */
  total = 0;
  for (guint p = 0; p < G_N_ELEMENTS (severities); p++)
    {
      set_filter (list, severities[p], TRUE);
      total += assert_filtered (fixture, 0, 1u << p);
      set_filter (list, severities[p], FALSE);
    }
  g_assert_cmpuint (total, ==, N_SEEDED);

  /* Two of a kind are either; a status and a severity are both. */
  set_filter (list, "draft", TRUE);
  set_filter (list, "published", TRUE);
  assert_filter_count (list, 2);
  assert_filtered (fixture, 1u << 0 | 1u << 2, 0);
  set_filter (list, "p1", TRUE);
  set_filter (list, "p2", TRUE);
  assert_filter_count (list, 4);
  assert_filtered (fixture, 1u << 0 | 1u << 2, 1u << 0 | 1u << 1);

  /* With a search on top: both. */
  search (list, "e");
  {
    g_autoptr (GPtrArray) shown = dup_shown_entries (list);

    for (guint i = 0; i < shown->len; i++)
      {
        DebriefLibraryEntry *entry = g_ptr_array_index (shown, i);

        g_assert_true (user_expects_match (entry, "e"));
        g_assert_cmpint (debrief_library_entry_get_status (entry), !=,
                         OG_POSTMORTEM_STATUS_IN_REVIEW);
        g_assert_cmpint (debrief_library_entry_get_severity (entry), <=, OG_SEVERITY_P2);
      }
  }
  search (list, "");

  /* Clear Filters: every row again, no count. */
  gtk_widget_activate_action (GTK_WIDGET (list), "postmortem-list.clear-filters", NULL);
  assert_filter_count (list, 0);
  g_assert_cmpuint (n_shown (list), ==, N_SEEDED);

  /* A combination nothing has: the no-results page says it is the filters. */
  for (guint s = 0; s < G_N_ELEMENTS (statuses) && !saw_empty_combination; s++)
    for (guint p = 0; p < G_N_ELEMENTS (severities) && !saw_empty_combination; p++)
      {
        set_filter (list, statuses[s], TRUE);
        set_filter (list, severities[p], TRUE);
        if (n_shown (list) == 0)
          {
            saw_empty_combination = TRUE;
            g_assert_cmpstr (_debrief_postmortem_list_get_state (list), ==, "no-results");
            g_assert_cmpstr (status_description (list, "no-results"), ==,
                             "No postmortems match the filters.");
            /* Its button clears search and filters at once. */
            gtk_widget_activate_action (GTK_WIDGET (list), "postmortem-list.clear-search", NULL);
            g_assert_cmpuint (n_shown (list), ==, N_SEEDED);
            g_assert_cmpstr (_debrief_postmortem_list_get_state (list), ==, "list");
          }
        else
          {
            g_assert_cmpstr (_debrief_postmortem_list_get_state (list), ==, "list");
            set_filter (list, statuses[s], FALSE);
            set_filter (list, severities[p], FALSE);
          }
      }
  g_assert_true (saw_empty_combination);
}

static gint64
sort_value (DebriefLibraryEntry *entry, const char *key)
{
  if (g_str_equal (key, "severity"))
    return OG_SEVERITY_P5 - debrief_library_entry_get_severity (entry);
  if (g_str_equal (key, "updated"))
    return debrief_library_entry_get_updated (entry);
  return debrief_library_entry_get_created (entry);
}

static void
assert_sorted (DebriefPostmortemList *list, const char *key, gboolean descending)
{
  g_autoptr (GPtrArray) shown = dup_shown_entries (list);

  g_assert_cmpuint (shown->len, ==, N_SEEDED);
  for (guint i = 1; i < shown->len; i++)
    {
      gint64 a = sort_value (g_ptr_array_index (shown, i - 1), key);
      gint64 b = sort_value (g_ptr_array_index (shown, i), key);

      if (descending)
        g_assert_cmpint (a, >=, b);
      else
        g_assert_cmpint (a, <=, b);
    }
}

/* Whether the row of @entry shows a date label starting with @prefix. */
static gboolean
row_date_starts_with (DebriefPostmortemList *list, DebriefLibraryEntry *entry, const char *prefix)
{
  g_autoptr (GPtrArray) rows
      = debrief_test_find_all (GTK_WIDGET (list), DEBRIEF_TYPE_POSTMORTEM_ROW);

  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr (GPtrArray) labels = NULL;

      if (debrief_postmortem_row_get_entry (g_ptr_array_index (rows, i)) != entry)
        continue;
      labels = debrief_test_find_all (g_ptr_array_index (rows, i), GTK_TYPE_LABEL);
      for (guint j = 0; j < labels->len; j++)
        {
          const char *text = gtk_label_get_label (g_ptr_array_index (labels, j));

          /* the date: "5 May 2025" or "Updated 26 Nov 2026" */
          if (g_regex_match_simple ("^(Updated )?[0-9]{1,2} [A-Za-z]+ [0-9]{4}$", text, 0, 0))
            return g_str_has_prefix (text, prefix);
        }
    }
  g_error ("no row with a date for %s", debrief_library_entry_get_id (entry));
}

static void
test_sort (Fixture *fixture, gconstpointer data)
{
  DebriefPostmortemList *list = fixture->list;
  static const char *const keys[] = { "created", "updated", "severity" };
  g_autoptr (GPtrArray) shown = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (OgPostmortem) changed = NULL;
  g_autoptr (GError) error = NULL;
  DebriefLibraryEntry *oldest;
  g_autoptr (DebriefLibraryEntry) first = NULL;
  g_autoptr (DebriefLibraryEntry) last = NULL;
  GListModel *model = _debrief_postmortem_list_get_model (list);

  refresh_and_wait (fixture);

  /* The oldest postmortem changes: it is the most recently updated one now. */
  shown = dup_shown_entries (list);
  oldest = g_ptr_array_index (shown, shown->len - 1);
  node = og_sandbox_dup_postmortem (fixture->sandbox, debrief_library_entry_get_id (oldest));
  changed = og_postmortem_new_from_json (node, &error);
  g_assert_no_error (error);
  og_postmortem_set_title (changed, "Renamed after review");
  debrief_library_record_fetch (fixture->library, changed, &error);
  g_assert_no_error (error);
  g_assert_cmpint (debrief_library_entry_get_updated (oldest), >,
                   debrief_library_entry_get_created (oldest));

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      gtk_widget_activate_action (GTK_WIDGET (list), "postmortem-list.sort-key", "s", keys[k]);
      gtk_widget_activate_action (GTK_WIDGET (list), "postmortem-list.sort-order", "s",
                                  "descending");
      assert_sorted (list, keys[k], TRUE);
      gtk_widget_activate_action (GTK_WIDGET (list), "postmortem-list.sort-order", "s",
                                  "ascending");
      assert_sorted (list, keys[k], FALSE);
    }

  /* Updated, newest first: the renamed one leads; created, newest first: it is last. */
  gtk_widget_activate_action (GTK_WIDGET (list), "postmortem-list.sort-key", "s", "updated");
  gtk_widget_activate_action (GTK_WIDGET (list), "postmortem-list.sort-order", "s", "descending");
  first = g_list_model_get_item (model, 0);
  g_assert_true (first == oldest);
  gtk_widget_activate_action (GTK_WIDGET (list), "postmortem-list.sort-key", "s", "created");
  last = g_list_model_get_item (model, N_SEEDED - 1);
  g_assert_true (last == oldest);

  /* Sorted by update, rows show the update date; by creation, the creation date. */
  gtk_window_present (fixture->window);
  g_assert_true (
      debrief_test_wait_until (has_postmortem_rows, fixture->window, DEBRIEF_TEST_TIMEOUT_MS));
  g_assert_true (row_date_starts_with (fixture->list, oldest, ""));
  g_assert_false (row_date_starts_with (fixture->list, oldest, "Updated "));
  gtk_widget_activate_action (GTK_WIDGET (list), "postmortem-list.sort-key", "s", "updated");
  debrief_test_spin (50);
  g_assert_true (row_date_starts_with (fixture->list, oldest, "Updated "));
  gtk_widget_activate_action (GTK_WIDGET (list), "postmortem-list.sort-key", "s", "created");
  debrief_test_spin (50);
  g_assert_false (row_date_starts_with (fixture->list, oldest, "Updated "));

  /* Severity, highest first: P1 before P5. */
  gtk_widget_activate_action (GTK_WIDGET (list), "postmortem-list.sort-key", "s", "severity");
  {
    g_autoptr (DebriefLibraryEntry) top = g_list_model_get_item (model, 0);
    g_autoptr (DebriefLibraryEntry) bottom = g_list_model_get_item (model, N_SEEDED - 1);

    g_assert_cmpint (debrief_library_entry_get_severity (top), <,
                     debrief_library_entry_get_severity (bottom));
  }
}

static DebriefPostmortemRow *
find_row_for (GtkWidget *root, DebriefLibraryEntry *entry)
{
  g_autoptr (GPtrArray) rows = debrief_test_find_all (root, DEBRIEF_TYPE_POSTMORTEM_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (debrief_postmortem_row_get_entry (g_ptr_array_index (rows, i)) == entry)
      return g_ptr_array_index (rows, i);
  return NULL;
}

/* The "Unsaved draft" label of @row, when it is visible. */
static gboolean
row_shows_draft_mark (DebriefPostmortemRow *row)
{
  g_autoptr (GPtrArray) labels = debrief_test_find_all (GTK_WIDGET (row), GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), "Unsaved draft") == 0)
        return gtk_widget_is_visible (label);
    }
  g_assert_not_reached ();
}

static void
test_draft_mark (Fixture *fixture, gconstpointer data)
{
  DebriefLibraryEntry *entry;
  DebriefPostmortemRow *row;
  DebriefDrafts *drafts = debrief_library_get_drafts (fixture->library);
  g_autoptr (GPtrArray) shown = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (OgPostmortem) base = NULL;
  g_autoptr (OgPostmortem) working = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *spoken = NULL;
  g_autofree char *mismatch = NULL;

  refresh_and_wait (fixture);
  gtk_window_present (fixture->window);
  g_assert_true (
      debrief_test_wait_until (has_postmortem_rows, fixture->window, DEBRIEF_TEST_TIMEOUT_MS));

  shown = dup_shown_entries (fixture->list);
  entry = g_ptr_array_index (shown, 0);
  row = find_row_for (GTK_WIDGET (fixture->list), entry);
  g_assert_nonnull (row);
  g_assert_false (row_shows_draft_mark (row));

  /* The user edits the postmortem: a draft is journaled, the row says so. */
  node = og_sandbox_dup_postmortem (fixture->sandbox, debrief_library_entry_get_id (entry));
  base = og_postmortem_new_from_json (node, &error);
  g_assert_no_error (error);
  working = og_postmortem_copy (base);
  og_postmortem_set_title (working, "A better title");
  debrief_drafts_update (drafts, base, working);
  g_assert_true (debrief_drafts_flush (drafts, &error));
  g_assert_no_error (error);
  g_assert_true (debrief_library_entry_get_has_draft (entry));
  debrief_test_spin (50);

  row = find_row_for (GTK_WIDGET (fixture->list), entry);
  g_assert_nonnull (row);
  g_assert_true (row_shows_draft_mark (row));
  spoken = g_strdup_printf (
      "%s, %s, %s, #%s %s, unsaved draft", debrief_library_entry_get_title (entry),
      og_severity_to_string (debrief_library_entry_get_severity (entry)),
      debrief_library_entry_get_status (entry) == OG_POSTMORTEM_STATUS_DRAFT       ? "Draft"
      : debrief_library_entry_get_status (entry) == OG_POSTMORTEM_STATUS_IN_REVIEW ? "In review"
                                                                                   : "Published",
      debrief_library_entry_get_incident_tiny_id (entry),
      debrief_library_entry_get_incident_message (entry));
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL, spoken);
  g_assert_null (mismatch);

  /* Saved or discarded: the mark goes. */
  g_assert_true (debrief_drafts_discard (drafts, debrief_library_entry_get_id (entry), &error));
  g_assert_no_error (error);
  debrief_test_spin (50);
  row = find_row_for (GTK_WIDGET (fixture->list), entry);
  g_assert_nonnull (row);
  g_assert_false (row_shows_draft_mark (row));
}

static GtkButton *
find_button (GtkWidget *root)
{
  g_autoptr (GPtrArray) buttons = debrief_test_find_all (root, GTK_TYPE_BUTTON);

  g_assert_cmpuint (buttons->len, >=, 1);
  return g_ptr_array_index (buttons, 0);
}

static void
test_error_states (Fixture *fixture, gconstpointer data)
{
  DebriefPostmortemList *list = fixture->list;
  GtkRevealer *problem_bar = GTK_REVEALER (_debrief_postmortem_list_get_problem_bar (list));
  GtkLabel *problem = _debrief_postmortem_list_get_problem_label (list);
  AdwStatusPage *error_page = _debrief_postmortem_list_get_status_page (list, "error");

  /* The server fails the discovery, nothing cached: the error page with the message. */
  og_sandbox_add_fault (fixture->sandbox, OG_ROUTE_INCIDENTS_LIST, OG_SANDBOX_FAULT_STATUS, 403, 0);
  refresh_and_wait (fixture);
  g_assert_cmpstr (_debrief_postmortem_list_get_state (list), ==, "error");
  g_assert_cmpstr (adw_status_page_get_title (error_page), ==, "Could Not Refresh");
  g_assert_cmpstr (adw_status_page_get_description (error_page), !=, "");
  g_assert_false (gtk_revealer_get_reveal_child (problem_bar));

  /* Retry, the server is back: the list. */
  og_sandbox_clear_faults (fixture->sandbox);
  g_signal_emit_by_name (find_button (GTK_WIDGET (error_page)), "clicked");
  g_assert_true (debrief_postmortem_list_get_refreshing (list));
  g_assert_true (debrief_test_wait_until (refresh_is_idle, list, DEBRIEF_TEST_TIMEOUT_MS));
  debrief_test_spin (20);
  g_assert_cmpstr (_debrief_postmortem_list_get_state (list), ==, "list");
  g_assert_cmpuint (n_shown (list), ==, N_SEEDED);

  /* Three postmortems cannot be fetched: the others are, and the bar counts them. */
  debrief_library_refresh_set_max_age (fixture->refresh, 0);
  og_sandbox_add_fault (fixture->sandbox, OG_ROUTE_POSTMORTEM_GET, OG_SANDBOX_FAULT_STATUS, 403, 3);
  refresh_and_wait (fixture);
  g_assert_cmpstr (_debrief_postmortem_list_get_state (list), ==, "list");
  g_assert_true (gtk_revealer_get_reveal_child (problem_bar));
  g_assert_cmpstr (gtk_label_get_label (problem), ==, "3 postmortems could not be fetched");
  /* The details name each one with the reason. */
  {
    g_auto (GStrv) lines
        = g_strsplit (gtk_widget_get_tooltip_text (GTK_WIDGET (problem)), "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 3);
    for (guint i = 0; i < 3; i++)
      g_assert_nonnull (strstr (lines[i], ": "));
  }

  /* Offline with a library: the list stays, the bar says the refresh failed. */
  og_sandbox_clear_faults (fixture->sandbox);
  og_sandbox_stop (fixture->sandbox);
  refresh_and_wait (fixture);
  g_assert_cmpstr (_debrief_postmortem_list_get_state (list), ==, "list");
  g_assert_cmpuint (n_shown (list), ==, N_SEEDED);
  g_assert_true (gtk_revealer_get_reveal_child (problem_bar));
  g_assert_cmpstr (gtk_label_get_label (problem), ==,
                   "Could not refresh, showing saved postmortems");
}

static void
test_offline_empty (Fixture *fixture, gconstpointer data)
{
  DebriefPostmortemList *list = fixture->list;
  AdwStatusPage *error_page = _debrief_postmortem_list_get_status_page (list, "error");

  /* Nothing to show: focus given to the pane goes to the search. */
  gtk_window_present (fixture->window);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (list)));
  g_assert_true (
      gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                              GTK_WIDGET (_debrief_postmortem_list_get_search_entry (list))));

  /* No server and nothing cached: the offline page. */
  og_sandbox_stop (fixture->sandbox);
  refresh_and_wait (fixture);
  g_assert_cmpstr (_debrief_postmortem_list_get_state (list), ==, "error");
  g_assert_cmpstr (adw_status_page_get_title (error_page), ==, "Cannot Reach Opsgenie");
  g_assert_cmpstr (adw_status_page_get_icon_name (error_page), ==, "network-offline-symbolic");
  g_assert_cmpstr (adw_status_page_get_description (error_page), !=, "");
}

static void
on_create_requested (DebriefPostmortemList *list, OgIncident *incident, OgIncident **out)
{
  g_assert_null (*out);
  *out = g_object_ref (incident);
}

static void
test_pending_incidents (Fixture *fixture, gconstpointer data)
{
  DebriefPostmortemList *list = fixture->list;
  GtkStack *views = _debrief_postmortem_list_get_view_stack (list);
  GListModel *pending = debrief_library_refresh_get_pending_incidents (fixture->refresh);
  GtkListView *incident_view = _debrief_postmortem_list_get_incident_list_view (list);
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (OgIncident) requested = NULL;
  g_autofree char *page_title = NULL;
  DebriefIncidentRow *row = NULL;
  GListModel *shown;

  /* Before a refresh the page says how to fill it. */
  g_assert_cmpstr (_debrief_postmortem_list_get_incidents_state (list), ==, "status");

  refresh_and_wait (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (pending), >, 0);
  g_assert_cmpstr (_debrief_postmortem_list_get_incidents_state (list), ==, "list");
  shown = G_LIST_MODEL (gtk_list_view_get_model (incident_view));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, g_list_model_get_n_items (pending));
  page_title = g_strdup_printf ("Incidents (%u)", g_list_model_get_n_items (pending));
  g_assert_cmpstr (gtk_stack_page_get_title (gtk_stack_get_page (
                       views, gtk_stack_get_child_by_name (views, "incidents"))),
                   ==, page_title);

  /* None of them has a postmortem in the sandbox. */
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr (OgIncident) incident = g_list_model_get_item (shown, i);
      g_autoptr (JsonNode) node
          = og_sandbox_dup_incident (fixture->sandbox, og_incident_get_id (incident));
      JsonObject *extra;

      g_assert_nonnull (node);
      extra = json_object_get_object_member (json_node_get_object (node), "extraProperties");
      g_assert_true (extra == NULL || !json_object_has_member (extra, "postmortemId"));
    }

  /* The search applies to the incidents too. */
  {
    g_autoptr (OgIncident) first = g_list_model_get_item (shown, 0);
    g_autofree char *tiny = g_strdup_printf ("#%s ", og_incident_get_tiny_id (first));

    search (list, tiny);
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
    search (list, "no such incident");
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
    g_assert_cmpstr (_debrief_postmortem_list_get_incidents_state (list), ==, "status");
    search (list, "");
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, g_list_model_get_n_items (pending));
  }

  /* "Create" on a row asks for a postmortem for that incident. */
  gtk_stack_set_visible_child_name (views, "incidents");
  gtk_window_present (fixture->window);
  g_assert_true (
      debrief_test_wait_until (has_incident_rows, incident_view, DEBRIEF_TEST_TIMEOUT_MS));
  rows = debrief_test_find_all (GTK_WIDGET (incident_view), DEBRIEF_TYPE_INCIDENT_ROW);
  for (guint i = 0; i < rows->len && row == NULL; i++)
    if (debrief_incident_row_get_incident (g_ptr_array_index (rows, i)) != NULL)
      row = g_ptr_array_index (rows, i);
  g_assert_nonnull (row);

  g_signal_connect (list, "create-requested", G_CALLBACK (on_create_requested), &requested);
  g_signal_emit_by_name (debrief_incident_row_get_create_button (row), "clicked");
  g_assert_nonnull (requested);
  g_assert_cmpstr (og_incident_get_id (requested), ==,
                   og_incident_get_id (debrief_incident_row_get_incident (row)));

  /* Its accessible name says which incident. */
  {
    OgIncident *incident = debrief_incident_row_get_incident (row);
    g_autofree char *spoken
        = g_strdup_printf ("Create a postmortem for #%s %s", og_incident_get_tiny_id (incident),
                           og_incident_get_message (incident));
    g_autofree char *mismatch = gtk_test_accessible_check_property (
        GTK_ACCESSIBLE (debrief_incident_row_get_create_button (row)),
        GTK_ACCESSIBLE_PROPERTY_LABEL, spoken);

    g_assert_null (mismatch);
  }
}

static void
on_activated (DebriefPostmortemList *list, const char *id, char **out)
{
  g_free (*out);
  *out = g_strdup (id);
}

static void
test_select_and_activate (Fixture *fixture, gconstpointer data)
{
  DebriefPostmortemList *list = fixture->list;
  g_autoptr (GPtrArray) shown = NULL;
  g_autofree char *activated = NULL;
  DebriefLibraryEntry *last;
  GtkWidget *focus;

  refresh_and_wait (fixture);
  gtk_window_present (fixture->window);
  shown = dup_shown_entries (list);
  last = g_ptr_array_index (shown, shown->len - 1);

  g_assert_null (debrief_postmortem_list_get_selected_id (list));
  g_assert_true (debrief_postmortem_list_select (list, debrief_library_entry_get_id (last)));
  g_assert_cmpstr (debrief_postmortem_list_get_selected_id (list), ==,
                   debrief_library_entry_get_id (last));
  g_assert_false (debrief_postmortem_list_select (list, "no-such-id"));

  /* Hidden by a search: selecting it clears the search. */
  search (list, "no such postmortem");
  g_assert_cmpuint (n_shown (list), ==, 0);
  g_assert_true (debrief_postmortem_list_select (list, debrief_library_entry_get_id (last)));
  g_assert_cmpuint (n_shown (list), ==, N_SEEDED);
  g_assert_cmpstr (debrief_postmortem_list_get_selected_id (list), ==,
                   debrief_library_entry_get_id (last));

  /* Enter on a row (the list view's activate) opens it. */
  g_signal_connect (list, "activated", G_CALLBACK (on_activated), &activated);
  g_signal_emit_by_name (_debrief_postmortem_list_get_list_view (list), "activate", 0);
  g_assert_cmpstr (activated, ==, debrief_library_entry_get_id (g_ptr_array_index (shown, 0)));

  /* Ctrl+F's action puts the keyboard in the search. */
  gtk_widget_activate_action (GTK_WIDGET (list), "postmortem-list.focus-search", NULL);
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == GTK_WIDGET (_debrief_postmortem_list_get_search_entry (list))
                 || gtk_widget_is_ancestor (
                     focus, GTK_WIDGET (_debrief_postmortem_list_get_search_entry (list))));

  /* Focus given to the pane lands on the rows. */
  gtk_widget_grab_focus (GTK_WIDGET (_debrief_postmortem_list_get_search_entry (list)));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (list)));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (
      gtk_widget_is_ancestor (focus, GTK_WIDGET (_debrief_postmortem_list_get_list_view (list))));

  /* Escape in the list clears a search too. */
  search (list, "no such postmortem");
  gtk_widget_activate_action (GTK_WIDGET (list), "postmortem-list.stop-search", NULL);
  g_assert_cmpuint (n_shown (list), ==, N_SEEDED);
  g_assert_cmpstr (
      gtk_editable_get_text (GTK_EDITABLE (_debrief_postmortem_list_get_search_entry (list))), ==,
      "");

  /* Escape in an empty search hands the keyboard to the list. */
  g_signal_emit_by_name (_debrief_postmortem_list_get_search_entry (list), "stop-search");
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == GTK_WIDGET (_debrief_postmortem_list_get_list_view (list))
                 || gtk_widget_is_ancestor (
                     focus, GTK_WIDGET (_debrief_postmortem_list_get_list_view (list))));
}

static void
test_cancel_refresh (Fixture *fixture, gconstpointer data)
{
  DebriefPostmortemList *list = fixture->list;

  /* A slow discovery, stopped by the user: no error page, nothing half-shown. */
  og_sandbox_add_fault (fixture->sandbox, OG_ROUTE_INCIDENTS_LIST, OG_SANDBOX_FAULT_DELAY, 2000, 1);
  gtk_widget_activate_action (GTK_WIDGET (list), "postmortem-list.refresh", NULL);
  debrief_test_spin (100);
  g_assert_true (debrief_postmortem_list_get_refreshing (list));
  g_assert_cmpstr (_debrief_postmortem_list_get_state (list), ==, "loading");

  gtk_widget_activate_action (GTK_WIDGET (list), "postmortem-list.cancel-refresh", NULL);
  g_assert_true (debrief_test_wait_until (refresh_is_idle, list, DEBRIEF_TEST_TIMEOUT_MS));
  debrief_test_spin (20);
  g_assert_cmpstr (_debrief_postmortem_list_get_state (list), ==, "empty");
  g_assert_false (gtk_revealer_get_reveal_child (
      GTK_REVEALER (_debrief_postmortem_list_get_progress_revealer (list))));
  g_assert_false (gtk_revealer_get_reveal_child (
      GTK_REVEALER (_debrief_postmortem_list_get_problem_bar (list))));

  /* And it can run again. */
  og_sandbox_clear_faults (fixture->sandbox);
  refresh_and_wait (fixture);
  g_assert_cmpuint (n_shown (list), ==, N_SEEDED);
}

/* A queued refresh (the window's first one, after its first frame) is a refresh already for
 * what the user sees; cancelled before it starts, it asks nothing. */
static void
test_queued_refresh (Fixture *fixture, gconstpointer data)
{
  DebriefPostmortemList *list = fixture->list;

  debrief_postmortem_list_queue_refresh (list);
  g_assert_true (debrief_postmortem_list_get_refreshing (list));
  g_assert_cmpstr (_debrief_postmortem_list_get_state (list), ==, "loading");
  debrief_postmortem_list_cancel_refresh (list);
  g_assert_false (debrief_postmortem_list_get_refreshing (list));
  g_assert_cmpstr (_debrief_postmortem_list_get_state (list), ==, "empty");
  debrief_test_spin (100);
  g_assert_cmpuint (og_sandbox_get_requests (fixture->sandbox)->len, ==, 0);

  /* Shown: it waits for the window's next frame, then runs. */
  gtk_window_present (fixture->window);
  debrief_postmortem_list_queue_refresh (list);
  g_assert_cmpuint (og_sandbox_get_requests (fixture->sandbox)->len, ==, 0);
  g_assert_true (debrief_test_wait_until (refresh_is_idle, list, DEBRIEF_TEST_TIMEOUT_MS));
  g_assert_cmpuint (n_shown (list), ==, N_SEEDED);
}

/* Whether a screen reader has a name for @widget: its accessible label, or the text of a
 * label it shows (buttons with text, check buttons, stack switcher buttons). */
static gboolean
has_name (GtkWidget *widget)
{
  g_autoptr (GPtrArray) labels = NULL;

  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return TRUE;
  if (GTK_IS_CHECK_BUTTON (widget))
    return gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)) != NULL;
  labels = debrief_test_find_all (widget, GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    if (*gtk_label_get_label (g_ptr_array_index (labels, i)) != '\0')
      return TRUE;
  return FALSE;
}

static void
test_accessible_names (Fixture *fixture, gconstpointer data)
{
  GType focusable[] = { GTK_TYPE_BUTTON, GTK_TYPE_CHECK_BUTTON, GTK_TYPE_SEARCH_ENTRY,
                        GTK_TYPE_LIST_VIEW, GTK_TYPE_PROGRESS_BAR };
  GtkMenuButton *filters = _debrief_postmortem_list_get_filter_button (fixture->list);
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (filters));
  guint n_checked = 0;

  refresh_and_wait (fixture);
  gtk_window_present (fixture->window);
  g_assert_true (
      debrief_test_wait_until (has_postmortem_rows, fixture->window, DEBRIEF_TEST_TIMEOUT_MS));

  /* Every control of the pane (and of the filter popover), rows included. */
  for (guint t = 0; t < G_N_ELEMENTS (focusable); t++)
    {
      g_autoptr (GPtrArray) found
          = debrief_test_find_all (GTK_WIDGET (fixture->list), focusable[t]);

      debrief_test_collect (popover, focusable[t], found);
      for (guint i = 0; i < found->len; i++)
        {
          GtkWidget *widget = g_ptr_array_index (found, i);

          /* The inner button of a menu button carries the name (see -states.c). */
          if (GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget))
              && !has_name (gtk_widget_get_parent (widget)) && !has_name (widget))
            g_error ("a menu button has no accessible name");
          if (!has_name (widget))
            g_error ("a %s has no accessible name", G_OBJECT_TYPE_NAME (widget));
          n_checked++;
        }
    }
  /* search, 2 menu buttons, switcher, stop, details, retry, status page buttons, 8 checks… */
  g_assert_cmpuint (n_checked, >=, 20);
}

/* An index file of @n entries, as the library writes it (see debrief-library-index.c). */
static void
write_big_index (const char *directory, guint n)
{
  static const char *const statuses[] = { "draft", "in-review", "published" };
  static const char *const owners[] = { "Ada Lovelace", "Grace Hopper", "Émile Zola" };
  GString *out = g_string_new ("debrief-library\t1\n");
  g_autofree char *path = g_build_filename (directory, "library.index", NULL);
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out,
                            "pm-%05u\tPostmortem %u of the checkout outage\tP%u\t%s\tinc-%u\t%u\t"
                            "Checkout errors %u\t%u\t%u\t%u\tuser-%u\t%s\t%d\n",
                            i, i, i % 5 + 1, statuses[i % 3], i, 1000 + i, i, 1600000000 + i * 7,
                            1700000000 - i * 3, 1700000000, i % 3, owners[i % 3], i % 97 == 0);
  g_string_append_printf (out, "end\t%u\n", n);
  g_file_set_contents (path, out->str, out->len, &error);
  g_assert_no_error (error);
  g_string_free (out, TRUE);
}

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Types @typed one key at a time, as a user does; the slowest keystroke in ms. */
static double
type_search (DebriefPostmortemList *list, const char *typed)
{
  double worst = 0;

  for (guint i = 1; i <= strlen (typed); i++)
    {
      g_autofree char *prefix = g_strndup (typed, i);
      gint64 start = g_get_monotonic_time ();

      search (list, prefix);
      worst = MAX (worst, elapsed_ms (start));
    }
  return worst;
}

static void
on_after_paint (GdkFrameClock *clock, guint *n_frames)
{
  (*n_frames)++;
}

static gboolean
frame_drawn (gpointer data)
{
  return *(guint *) data > 0;
}

/* A library set before the window is on screen (a start): its first frame gets the rows of
 * a screenful, not the 200 GtkListView would build; all of them come with the next frame,
 * or when one of them is selected. */
static void
test_first_screenful (Fixture *fixture, gconstpointer data)
{
  g_autofree char *directory = g_build_filename (fixture->directory, "big", NULL);
  g_autoptr (DebriefLibrary) library = NULL;
  g_autoptr (GError) error = NULL;
  DebriefPostmortemList *list = fixture->list;
  guint n_frames = 0;

  g_mkdir_with_parents (directory, 0700);
  write_big_index (directory, 300);
  library = debrief_library_new_for_directory (directory);
  g_assert_true (debrief_library_load (library, &error));
  g_assert_no_error (error);
  debrief_postmortem_list_set_refresh (list, NULL);

  debrief_postmortem_list_set_library (list, library);
  gtk_window_present (fixture->window);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (fixture->window)), "after-paint",
                    G_CALLBACK (on_after_paint), &n_frames);
  /* Enough to fill the 700 px high window with the lowest rows (40 px), not 200. */
  g_assert_cmpuint (n_shown (list), >=, 700 / 40);
  g_assert_cmpuint (n_shown (list), <, 200);
  g_assert_cmpstr (_debrief_postmortem_list_get_state (list), ==, "list");
  g_assert_true (debrief_test_wait_until (frame_drawn, &n_frames, DEBRIEF_TEST_TIMEOUT_MS));
  g_assert_cmpuint (n_shown (list), ==, 300);

  /* Again, with the oldest selected before the first frame. */
  debrief_postmortem_list_set_library (list, NULL);
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->window);
  fixture->list = list = DEBRIEF_POSTMORTEM_LIST (debrief_postmortem_list_new ());
  fixture->window = g_object_ref (GTK_WINDOW (gtk_window_new ()));
  gtk_window_set_default_size (fixture->window, 400, 700);
  gtk_window_set_child (fixture->window, GTK_WIDGET (list));
  debrief_postmortem_list_set_library (list, library);
  gtk_window_present (fixture->window);
  g_assert_cmpuint (n_shown (list), <, 200);
  g_assert_true (debrief_postmortem_list_select (list, "pm-00000"));
  g_assert_cmpstr (debrief_postmortem_list_get_selected_id (list), ==, "pm-00000");
  g_assert_cmpuint (n_shown (list), ==, 300);
}

static void
test_ten_thousand (Fixture *fixture, gconstpointer data)
{
  g_autofree char *directory = g_build_filename (fixture->directory, "big", NULL);
  g_autoptr (DebriefLibrary) library = NULL;
  DebriefPostmortemList *list = fixture->list;
  GtkListView *view = _debrief_postmortem_list_get_list_view (list);
  g_autoptr (GtkSelectionModel) selection = NULL;
  const char *typed = "checkout errors 42";
  double worst_models = 0;
  double ms;
  gint64 start;

  g_mkdir_with_parents (directory, 0700);
  write_big_index (directory, 10000);
  library = debrief_test_library_load (directory);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 10000);

  debrief_postmortem_list_set_refresh (list, NULL);
  gtk_window_present (fixture->window);
  start = g_get_monotonic_time ();
  debrief_postmortem_list_set_library (list, library);
  g_test_message ("BENCH list-set-library-10000 %.1f ms", elapsed_ms (start));
  debrief_test_spin (100);
  g_assert_cmpuint (n_shown (list), ==, 10000);

  /* With the rows on screen: GTK 4.8 makes new row widgets for the rows a change brings
   * into view, which costs more than the filtering; reported, bounded loosely. */
  ms = type_search (list, typed);
  g_test_message ("BENCH list-search-keystroke-10000-with-rows %.1f ms (worst)", ms);
  /* "Checkout errors 42", "… 420" … "… 4299": 111 of them. */
  g_assert_cmpuint (n_shown (list), ==, 111);
  g_assert_cmpfloat (ms, <, 3000);
  search (list, "");

  /* The models alone (the view detached): what this pane's own code costs. */
  selection = g_object_ref (gtk_list_view_get_model (view));
  gtk_list_view_set_model (view, NULL);

  worst_models = type_search (list, typed);
  g_test_message ("BENCH list-search-keystroke-10000 %.1f ms (worst)", worst_models);
  g_assert_cmpuint (n_shown (list), ==, 111);

  /* The owner's name, accents folded with case. */
  search (list, "ÉMILE");
  g_assert_cmpuint (n_shown (list), ==, 3333);
  search (list, "");

  start = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (list), "postmortem-list.sort-key", "s", "severity");
  ms = elapsed_ms (start);
  g_test_message ("BENCH list-sort-10000 %.1f ms", ms);
  worst_models = MAX (worst_models, ms);

  start = g_get_monotonic_time ();
  gtk_check_button_set_active (_debrief_postmortem_list_get_filter_check (list, "p1"), TRUE);
  ms = elapsed_ms (start);
  g_test_message ("BENCH list-filter-10000 %.1f ms", ms);
  worst_models = MAX (worst_models, ms);
  g_assert_cmpuint (n_shown (list), ==, 2000);

  /* Generous for sanitizer builds on a shared machine; a few ms on an idle one. */
  g_assert_cmpfloat (worst_models, <, 250);
  gtk_list_view_set_model (view, selection);
}

int
main (int argc, char **argv)
{
  /* Accessible names are part of what is tested: with GTK_A11Y=none (the suite's default) a
   * widget in a window has no accessible state to check. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/postmortem-list/templates", test_templates);
  ADD_TEST ("/postmortem-list/refresh/fills-list", test_refresh_fills_list);
  ADD_TEST ("/postmortem-list/search", test_search);
  ADD_TEST ("/postmortem-list/filters", test_filters);
  ADD_TEST ("/postmortem-list/sort", test_sort);
  ADD_TEST ("/postmortem-list/draft-mark", test_draft_mark);
  ADD_TEST ("/postmortem-list/states/errors", test_error_states);
  ADD_TEST ("/postmortem-list/states/offline-empty", test_offline_empty);
  ADD_TEST ("/postmortem-list/pending-incidents", test_pending_incidents);
  ADD_TEST ("/postmortem-list/select-and-activate", test_select_and_activate);
  ADD_TEST ("/postmortem-list/ten-thousand", test_ten_thousand);
  ADD_TEST ("/postmortem-list/first-screenful", test_first_screenful);
  ADD_TEST ("/postmortem-list/refresh/cancel", test_cancel_refresh);
  ADD_TEST ("/postmortem-list/refresh/queued", test_queued_refresh);
  ADD_TEST ("/postmortem-list/accessible-names", test_accessible_names);

  return g_test_run ();
}
