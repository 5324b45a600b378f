/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-library"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-postmortem-ref.h"

#include <gio/gio.h>
#include <string.h>

#include "og-error.h"

#define MAX_ID_LENGTH 128

/* Words of the web app's routes that follow "postmortem" but are not an id. */
static const char *const route_words[] = {
  "detail", "details", "edit", "view", "list", "new", "create", "postmortem", "postmortems", NULL,
};

gboolean
debrief_is_postmortem_id (const char *text)
{
  gsize length = 0;

  if (text == NULL)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++, length++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;

  return length > 0 && length <= MAX_ID_LENGTH;
}

static gboolean
is_opsgenie_host (const char *host)
{
  g_autofree char *lower = host ? g_ascii_strdown (host, -1) : NULL;

  if (lower == NULL)
    return FALSE;
  if (g_str_has_suffix (lower, "."))
    lower[strlen (lower) - 1] = '\0';
  return g_str_equal (lower, "opsgenie.com") || g_str_has_suffix (lower, ".opsgenie.com");
}

static DebriefRegion
region_of_host (const char *host)
{
  g_autofree char *lower = g_ascii_strdown (host, -1);

  return g_str_has_prefix (lower, "eu.") || strstr (lower, ".eu.") != NULL ? DEBRIEF_REGION_EU
                                                                           : DEBRIEF_REGION_US;
}

/* The segment after "postmortem" (or "postmortems") in @segments that is an id. */
static char *
find_id_after_keyword (char **segments)
{
  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (g_ascii_strcasecmp (segments[i], "postmortem") != 0
          && g_ascii_strcasecmp (segments[i], "postmortems") != 0)
        continue;

      for (guint j = i + 1; segments[j] != NULL; j++)
        {
          if (*segments[j] == '\0' || g_str_equal (segments[j], "!"))
            continue;
          if (g_strv_contains (route_words, segments[j]))
            continue;
          if (debrief_is_postmortem_id (segments[j]))
            return g_strdup (segments[j]);
          break;
        }
    }

  return NULL;
}

static char *
id_from_uri (GUri *uri)
{
  g_autofree char *path = g_uri_unescape_string (g_uri_get_path (uri), NULL);
  g_autofree char *fragment = NULL;
  g_autofree char *joined = NULL;
  g_auto (GStrv) segments = NULL;
  const char *query = g_uri_get_query (uri);

  if (g_uri_get_fragment (uri) != NULL)
    fragment = g_uri_unescape_string (g_uri_get_fragment (uri), NULL);

  /* "…/postmortem#/<id>" and "#/postmortem/<id>?tab=…": path and route read as one. */
  joined = g_strconcat (path ? path : "", "/", fragment ? fragment : "", NULL);
  segments = g_strsplit_set (joined, "/?&=#", -1);
  {
    char *id = find_id_after_keyword (segments);

    if (id != NULL)
      return id;
  }

  if (query != NULL)
    {
      g_autoptr (GHashTable) params
          = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_CASE_INSENSITIVE, NULL);
      const char *value = params ? g_hash_table_lookup (params, "postmortemId") : NULL;

      if (debrief_is_postmortem_id (value))
        return g_strdup (value);
    }

  return NULL;
}

char *
debrief_parse_postmortem_reference (const char *text, DebriefRegion *region, GError **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *with_scheme = NULL;
  g_autoptr (GUri) uri = NULL;
  const char *scheme;
  char *id;
  gsize length;

  g_return_val_if_fail (text != NULL, NULL);

  trimmed = g_strstrip (g_strdup (text));
  length = strlen (trimmed);
  /* Mail and chat clients wrap links in <…> or quotes. */
  while (length >= 2
         && ((trimmed[0] == '<' && trimmed[length - 1] == '>')
             || (trimmed[0] == '"' && trimmed[length - 1] == '"')
             || (trimmed[0] == '\'' && trimmed[length - 1] == '\'')))
    {
      memmove (trimmed, trimmed + 1, length - 2);
      trimmed[length - 2] = '\0';
      length -= 2;
      g_strstrip (trimmed);
      length = strlen (trimmed);
    }

  if (debrief_is_postmortem_id (trimmed))
    {
      if (region != NULL)
        *region = DEBRIEF_REGION_UNKNOWN;
      return g_steal_pointer (&trimmed);
    }

  if (*trimmed == '\0')
    {
      g_set_error (error, OG_ERROR, OG_ERROR_INVALID_ARGUMENT,
                   _ ("Paste a postmortem’s link or id."));
      return NULL;
    }

  with_scheme = strstr (trimmed, "://") != NULL ? g_strdup (trimmed)
                                                : g_strconcat ("https://", trimmed, NULL);
  uri = g_uri_parse (with_scheme, G_URI_FLAGS_PARSE_RELAXED | G_URI_FLAGS_ENCODED, NULL);
  scheme = uri ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || (g_strcmp0 (scheme, "https") != 0 && g_strcmp0 (scheme, "http") != 0))
    {
      g_set_error (error, OG_ERROR, OG_ERROR_INVALID_ARGUMENT,
                   _ ("“%s” is neither a postmortem id nor a web link."), trimmed);
      return NULL;
    }

  if (!is_opsgenie_host (g_uri_get_host (uri)))
    {
      g_set_error (error, OG_ERROR, OG_ERROR_INVALID_ARGUMENT, _ ("“%s” is not an Opsgenie link."),
                   trimmed);
      return NULL;
    }

  id = id_from_uri (uri);
  if (id == NULL)
    {
      g_set_error (error, OG_ERROR, OG_ERROR_INVALID_ARGUMENT,
                   _ ("This Opsgenie link does not point to a postmortem."));
      return NULL;
    }

  if (region != NULL)
    *region = region_of_host (g_uri_get_host (uri));
  return id;
}
