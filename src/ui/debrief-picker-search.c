/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-picker-private.h"

/*
 * Where a picker's results come from. Users and incidents are searched by the API a page at
 * a time; teams and services are few, so they are fetched once and filtered here. A tinyId
 * ("42" or "#42") cannot be searched through the incident query, so the most recent
 * incidents are fetched once and searched here for it.
 */

#define RECENT_INCIDENTS 500

/* Each search runs under its own cancellable: a newer search cancels it, so a callback
 * that is not cancelled belongs to the search the picker shows. */
static gboolean
finish_failed (DebriefPicker *self, GError *error)
{
  if (error == NULL)
    return FALSE;
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _debrief_picker_show_error (self, error);
  return TRUE;
}

static GPtrArray *
wrap_objects (GPtrArray *objects)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; objects != NULL && i < objects->len; i++)
    g_ptr_array_add (items, debrief_picker_item_new (g_ptr_array_index (objects, i)));
  return items;
}

/* "42" or "#42": the tinyId searched for, or NULL */
static char *
query_tiny_id (const char *query)
{
  const char *digits = query[0] == '#' ? query + 1 : query;

  if (*digits == '\0')
    return NULL;
  for (const char *p = digits; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return NULL;
  return g_strdup (digits);
}

/* The words of @query as Opsgenie's incident query: message words joined by AND. Field terms
 * and operators typed by the user would change the query's meaning or be refused: they are
 * left out. */
static char *
incident_query (const char *query)
{
  g_auto (GStrv) words = g_strsplit_set (query, " \t", -1);
  g_autoptr (GStrvBuilder) kept = g_strv_builder_new ();
  g_auto (GStrv) terms = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0' || strpbrk (words[i], ":()\"'") != NULL
          || g_ascii_strcasecmp (words[i], "AND") == 0 || g_ascii_strcasecmp (words[i], "OR") == 0
          || g_ascii_strcasecmp (words[i], "NOT") == 0)
        continue;
      g_strv_builder_add (kept, words[i]);
    }
  terms = g_strv_builder_end (kept);
  return terms[0] != NULL ? g_strjoinv (" AND ", terms) : NULL;
}

static void
filter_cache (DebriefPicker *self)
{
  g_autofree char *folded = g_utf8_casefold (self->query, -1);
  g_autofree char *tiny_id
      = self->kind == DEBRIEF_PICKER_INCIDENTS ? query_tiny_id (self->query) : NULL;
  g_autoptr (GPtrArray) matches = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->cache->len; i++)
    {
      DebriefPickerItem *item = g_ptr_array_index (self->cache, i);
      gboolean match;

      if (tiny_id != NULL)
        match = g_str_has_prefix (
            og_incident_get_tiny_id (OG_INCIDENT (debrief_picker_item_get_object (item))), tiny_id);
      else
        match = debrief_picker_item_matches (item, folded);

      if (!match)
        continue;
      /* "#4" finds #4 first, then #40… */
      if (tiny_id != NULL
          && g_str_equal (
              og_incident_get_tiny_id (OG_INCIDENT (debrief_picker_item_get_object (item))),
              tiny_id))
        g_ptr_array_insert (matches, 0, g_object_ref (item));
      else
        g_ptr_array_add (matches, g_object_ref (item));
    }

  _debrief_picker_add_results (self, matches, -1);
}

static void
cache_and_filter (DebriefPicker *self, GPtrArray *objects)
{
  g_clear_pointer (&self->cache, g_ptr_array_unref);
  self->cache = wrap_objects (objects);
  filter_cache (self);
}

static void
users_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  gint next_offset = -1;
  g_autoptr (GPtrArray) users
      = og_client_list_users_finish (OG_CLIENT (source), result, &next_offset, &error);
  g_autoptr (GPtrArray) items = NULL;

  if (finish_failed (user_data, error))
    return;
  items = wrap_objects (users);
  _debrief_picker_add_results (user_data, items, next_offset);
}

static void
incidents_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  gint next_offset = -1;
  g_autoptr (GPtrArray) incidents
      = og_client_list_incidents_finish (OG_CLIENT (source), result, &next_offset, &error);
  g_autoptr (GPtrArray) items = NULL;

  if (finish_failed (user_data, error))
    return;
  items = wrap_objects (incidents);
  _debrief_picker_add_results (user_data, items, next_offset);
}

static void
recent_incidents_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) incidents
      = og_client_list_all_incidents_finish (OG_CLIENT (source), result, &error);

  if (finish_failed (user_data, error))
    return;
  cache_and_filter (user_data, incidents);
}

static void
teams_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) teams = og_client_list_teams_finish (OG_CLIENT (source), result, &error);

  if (finish_failed (user_data, error))
    return;
  cache_and_filter (user_data, teams);
}

/* Services come in pages; the picker walks them all once. */
typedef struct
{
  DebriefPicker *picker;
  GPtrArray *services;
} ServicesWalk;

static void
services_walk_free (ServicesWalk *walk)
{
  g_ptr_array_unref (walk->services);
  g_free (walk);
}

static void
services_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ServicesWalk *walk = user_data;
  g_autoptr (GError) error = NULL;
  gint next_offset = -1;
  g_autoptr (GPtrArray) page
      = og_client_list_services_finish (OG_CLIENT (source), result, &next_offset, &error);

  if (finish_failed (walk->picker, error))
    {
      services_walk_free (walk);
      return;
    }

  for (guint i = 0; i < page->len; i++)
    g_ptr_array_add (walk->services, g_object_ref (g_ptr_array_index (page, i)));

  if (next_offset >= 0 && page->len > 0)
    {
      og_client_list_services_async (OG_CLIENT (source), next_offset, OG_MAX_PAGE_SIZE,
                                     walk->picker->cancellable, services_done, walk);
      return;
    }

  cache_and_filter (walk->picker, walk->services);
  services_walk_free (walk);
}

static void
fetch_page (DebriefPicker *self, guint offset)
{
  g_autofree char *query = NULL;

  self->loading = TRUE;
  if (self->kind == DEBRIEF_PICKER_USERS)
    {
      og_client_list_users_async (self->client, *self->query != '\0' ? self->query : NULL, offset,
                                  self->page_size, self->cancellable, users_done, self);
      return;
    }

  g_assert (self->kind == DEBRIEF_PICKER_INCIDENTS);
  query = incident_query (self->query);
  og_client_list_incidents_async (self->client, query, "createdAt", "desc", offset, self->page_size,
                                  self->cancellable, incidents_done, self);
}

void
_debrief_picker_search (DebriefPicker *self)
{
  g_autofree char *tiny_id = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->next_offset = -1;
  self->loading = FALSE;
  g_list_store_remove_all (self->results);

  g_free (self->query);
  self->query = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  if (self->client == NULL)
    return;

  tiny_id = self->kind == DEBRIEF_PICKER_INCIDENTS ? query_tiny_id (self->query) : NULL;
  if (self->kind == DEBRIEF_PICKER_USERS || (self->kind == DEBRIEF_PICKER_INCIDENTS && !tiny_id))
    {
      fetch_page (self, 0);
      return;
    }

  /* The cache of recent incidents only serves tinyIds; teams and services are all there. */
  if (self->cache != NULL)
    {
      filter_cache (self);
      return;
    }

  self->loading = TRUE;
  switch (self->kind)
    {
    case DEBRIEF_PICKER_TEAMS:
      og_client_list_teams_async (self->client, self->cancellable, teams_done, self);
      break;
    case DEBRIEF_PICKER_SERVICES:
      {
        ServicesWalk *walk = g_new0 (ServicesWalk, 1);

        walk->picker = self;
        walk->services = g_ptr_array_new_with_free_func (g_object_unref);
        og_client_list_services_async (self->client, 0, OG_MAX_PAGE_SIZE, self->cancellable,
                                       services_done, walk);
      }
      break;
    case DEBRIEF_PICKER_INCIDENTS:
      og_client_list_all_incidents_async (self->client, NULL, RECENT_INCIDENTS, self->cancellable,
                                          recent_incidents_done, self);
      break;
    case DEBRIEF_PICKER_USERS:
    default:
      g_assert_not_reached ();
    }
}

void
_debrief_picker_load_more (DebriefPicker *self)
{
  if (self->loading || self->next_offset < 0 || self->client == NULL)
    return;
  fetch_page (self, self->next_offset);
}
