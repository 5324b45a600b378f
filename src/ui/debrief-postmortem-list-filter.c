/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-postmortem-list"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-postmortem-list-private.h"

#include <string.h>

/* Search, filters and sort of the list pane. The models: library → sort → filter →
 * selection. Sorting before filtering means a keystroke only filters (one matcher call per
 * entry on a pre-folded needle); the sort runs when the library or the order changes. Both
 * are not incremental: 10,000 entries filter in a few milliseconds, and a list that fills
 * in bit by bit would make the state pages flicker. */

static const char *
fold_owner (DebriefPostmortemList *self, const char *name)
{
  const char *folded = g_hash_table_lookup (self->owner_fold, name);

  if (folded == NULL)
    {
      folded = g_utf8_casefold (name, -1);
      g_hash_table_insert (self->owner_fold, g_strdup (name), (char *) folded);
    }
  return folded;
}

static gboolean
filter_entry (gpointer item, gpointer user_data)
{
  DebriefPostmortemList *self = user_data;
  DebriefLibraryEntry *entry = item;
  const char *owner;

  if (self->status_mask != 0 || self->severity_mask != 0)
    {
      /* An entry never fetched has no known status or severity: no filter keeps it. */
      if (!debrief_library_entry_is_fetched (entry))
        return FALSE;
      if (self->status_mask != 0
          && (self->status_mask & (1u << debrief_library_entry_get_status (entry))) == 0)
        return FALSE;
      if (self->severity_mask != 0
          && (self->severity_mask & (1u << debrief_library_entry_get_severity (entry))) == 0)
        return FALSE;
    }

  if (self->needle == NULL || debrief_library_entry_matches (entry, self->needle))
    return TRUE;

  owner = debrief_library_entry_get_owner_name (entry);
  return owner != NULL && *owner != '\0' && strstr (fold_owner (self, owner), self->needle) != NULL;
}

/* Pending incidents are a few hundred at most: folded at each call. */
static gboolean
filter_incident (gpointer item, gpointer user_data)
{
  DebriefPostmortemList *self = user_data;
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;

  if (self->needle == NULL)
    return TRUE;

  text = g_strdup_printf ("#%s %s", og_incident_get_tiny_id (item) ?: "",
                          og_incident_get_message (item) ?: "");
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, self->needle) != NULL;
}

/* Larger is "more": newer, or more severe. Unfetched entries are the least of all. */
static gint64
sort_value (DebriefPostmortemList *self, DebriefLibraryEntry *entry)
{
  if (g_str_equal (self->sort_key, "severity"))
    {
      if (!debrief_library_entry_is_fetched (entry))
        return -1;
      return OG_SEVERITY_P5 - debrief_library_entry_get_severity (entry);
    }
  if (g_str_equal (self->sort_key, "updated"))
    return debrief_library_entry_get_updated (entry);
  return debrief_library_entry_get_created (entry);
}

static int
compare_entries (gconstpointer a, gconstpointer b, gpointer user_data)
{
  DebriefPostmortemList *self = user_data;
  DebriefLibraryEntry *ea = (DebriefLibraryEntry *) a;
  DebriefLibraryEntry *eb = (DebriefLibraryEntry *) b;
  gint64 va = sort_value (self, ea);
  gint64 vb = sort_value (self, eb);
  int result = (va > vb) - (va < vb);

  if (g_str_equal (self->sort_order, "descending"))
    result = -result;

  /* Equal keys: newest first, then by id, so that the order is the same every time. */
  if (result == 0)
    {
      gint64 ca = debrief_library_entry_get_created (ea);
      gint64 cb = debrief_library_entry_get_created (eb);

      result = (cb > ca) - (cb < ca);
    }
  if (result == 0)
    result = g_strcmp0 (debrief_library_entry_get_id (ea), debrief_library_entry_get_id (eb));

  return result;
}

void
_debrief_postmortem_list_setup_models (DebriefPostmortemList *self)
{
  self->owner_fold = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->sorter = gtk_custom_sorter_new (compare_entries, self, NULL);
  self->sort_model = gtk_sort_list_model_new (NULL, g_object_ref (GTK_SORTER (self->sorter)));
  gtk_sort_list_model_set_incremental (self->sort_model, FALSE);

  self->filter = gtk_custom_filter_new (filter_entry, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sort_model)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  gtk_filter_list_model_set_incremental (self->filter_model, FALSE);

  self->first_rows
      = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)), 0, G_MAXUINT);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->first_rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  self->incident_filter = gtk_custom_filter_new (filter_incident, self, NULL);
  self->incident_filter_model
      = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->incident_filter)));
  self->incident_selection
      = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->incident_filter_model)));
  gtk_list_view_set_model (self->incident_list_view,
                           GTK_SELECTION_MODEL (self->incident_selection));
  /* The page and its count follow what the refresh found and what the search keeps. */
  g_signal_connect_swapped (self->incident_filter_model, "items-changed",
                            G_CALLBACK (_debrief_postmortem_list_update_incidents), self);
}

void
_debrief_postmortem_list_dispose_models (DebriefPostmortemList *self)
{
  /* The filter and sorter call back into self: detach them before self goes. */
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  if (self->incident_list_view != NULL)
    gtk_list_view_set_model (self->incident_list_view, NULL);
  g_clear_object (&self->incident_selection);
  g_clear_object (&self->incident_filter_model);
  g_clear_object (&self->incident_filter);
  g_clear_object (&self->selection);
  g_clear_object (&self->first_rows);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorter);
  g_clear_pointer (&self->owner_fold, g_hash_table_unref);
  g_clear_pointer (&self->needle, g_free);
  g_clear_pointer (&self->sort_key, g_free);
  g_clear_pointer (&self->sort_order, g_free);
}

void
_debrief_postmortem_list_search_changed (DebriefPostmortemList *self)
{
  g_autofree char *text
      = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  g_autofree char *needle = *text != '\0' ? g_utf8_casefold (text, -1) : NULL;
  g_autofree char *old = g_steal_pointer (&self->needle);
  GtkFilterChange change;

  if (g_strcmp0 (old, needle) == 0)
    {
      self->needle = g_steal_pointer (&old);
      return;
    }

  /* A longer needle can only drop rows, a shorter one only add: the filter model then
   * looks at the rows it has to, not at all of them. */
  if (old == NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (needle == NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else if (strstr (needle, old) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (strstr (old, needle) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  self->needle = g_steal_pointer (&needle);
  gtk_filter_changed (GTK_FILTER (self->filter), change);
  gtk_filter_changed (GTK_FILTER (self->incident_filter), change);
  _debrief_postmortem_list_update_state (self);
  _debrief_postmortem_list_update_incidents (self);
}

guint
_debrief_postmortem_list_count_filters (DebriefPostmortemList *self)
{
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (self->status_checks); i++)
    n += gtk_check_button_get_active (self->status_checks[i]) ? 1 : 0;
  for (guint i = 0; i < G_N_ELEMENTS (self->severity_checks); i++)
    n += gtk_check_button_get_active (self->severity_checks[i]) ? 1 : 0;
  return n;
}

void
_debrief_postmortem_list_filters_changed (DebriefPostmortemList *self)
{
  guint status_mask = 0;
  guint severity_mask = 0;
  guint n_active = _debrief_postmortem_list_count_filters (self);
  g_autofree char *count = NULL;
  g_autofree char *spoken = NULL;

  if (self->clearing_filters)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (self->status_checks); i++)
    if (gtk_check_button_get_active (self->status_checks[i]))
      status_mask |= 1u << i;
  for (guint i = 0; i < G_N_ELEMENTS (self->severity_checks); i++)
    if (gtk_check_button_get_active (self->severity_checks[i]))
      severity_mask |= 1u << i;

  count = g_strdup_printf ("%u", n_active);
  gtk_label_set_label (self->filter_count_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_count_label), n_active > 0);

  if (n_active > 0)
    /* Translators: the filter button, read by screen readers; %u is how many are on */
    spoken = g_strdup_printf (ngettext ("Filters, %u active", "Filters, %u active", n_active),
                              n_active);
  _debrief_postmortem_list_label_menu_button (self->filter_button,
                                              spoken != NULL ? spoken : _ ("Filters"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "postmortem-list.clear-filters", n_active > 0);

  if (status_mask == self->status_mask && severity_mask == self->severity_mask)
    return;

  self->status_mask = status_mask;
  self->severity_mask = severity_mask;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  _debrief_postmortem_list_update_state (self);
}

void
_debrief_postmortem_list_clear_filters (DebriefPostmortemList *self)
{
  /* Each toggle would filter again: filter once, at the end. */
  self->clearing_filters = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (self->status_checks); i++)
    gtk_check_button_set_active (self->status_checks[i], FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (self->severity_checks); i++)
    gtk_check_button_set_active (self->severity_checks[i], FALSE);
  self->clearing_filters = FALSE;
  _debrief_postmortem_list_filters_changed (self);
}

void
_debrief_postmortem_list_sort_changed (DebriefPostmortemList *self)
{
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}
