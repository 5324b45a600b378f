/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-library"

#include "config.h"

#include <glib/gi18n.h>

#include <stdlib.h>
#include <string.h>

#include "debrief-library-entry-private.h"
#include "debrief-library-private.h"

/*
 * The index file: one line per entry, fields separated by tabs, backslash escapes for the
 * tab, newline, carriage return and backslash inside values:
 *
 *   debrief-library<TAB>1
 *   <id> <title> <severity|-> <status|-> <incident id> <tiny id> <message> <created>
 *        <updated> <last fetched> <owner id> <owner name> <has draft 0|1>
 *   …
 *   end<TAB><number of entries>
 *
 * Not JSON: json-glib builds a tree of nodes before we can read it, which for 10,000 entries
 * costs more than the whole 100 ms budget of a start; this parses in place in one pass. The
 * closing line proves the file is whole; anything unexpected rejects the file.
 */

#define HEADER   "debrief-library\t1\n"
#define N_FIELDS 13

static void
append_escaped (GString *out, const char *value)
{
  if (value == NULL)
    return;

  for (const char *p = value; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
}

char *
_debrief_library_index_serialize (GPtrArray *entries, gsize *length)
{
  GString *out = g_string_sized_new (64 + entries->len * 256);

  g_string_append (out, HEADER);
  for (guint i = 0; i < entries->len; i++)
    {
      DebriefLibraryEntry *entry = g_ptr_array_index (entries, i);

      append_escaped (out, entry->id);
      g_string_append_c (out, '\t');
      append_escaped (out, entry->title);
      g_string_append_printf (
          out, "\t%s\t%s\t", entry->fetched ? og_severity_to_string (entry->severity) : "-",
          entry->fetched ? og_postmortem_status_to_string (entry->status) : "-");
      append_escaped (out, entry->incident_id);
      g_string_append_c (out, '\t');
      append_escaped (out, entry->incident_tiny_id);
      g_string_append_c (out, '\t');
      append_escaped (out, entry->incident_message);
      g_string_append_printf (
          out, "\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t",
          entry->created, entry->updated, entry->last_fetched);
      append_escaped (out, entry->owner_id);
      g_string_append_c (out, '\t');
      append_escaped (out, entry->owner_name);
      g_string_append_printf (out, "\t%d\n", entry->has_draft ? 1 : 0);
    }
  g_string_append_printf (out, "end\t%u\n", entries->len);

  *length = out->len;
  return g_string_free (out, FALSE);
}

/* Unescapes @field in place; FALSE on an unknown escape. */
static gboolean
unescape (char *field)
{
  char *in = strchr (field, '\\');
  char *out;

  if (in == NULL)
    return TRUE;

  for (out = in; *in != '\0'; in++, out++)
    {
      if (*in != '\\')
        {
          *out = *in;
          continue;
        }
      switch (*++in)
        {
        case '\\':
          *out = '\\';
          break;
        case 't':
          *out = '\t';
          break;
        case 'n':
          *out = '\n';
          break;
        case 'r':
          *out = '\r';
          break;
        default:
          return FALSE;
        }
    }
  *out = '\0';
  return TRUE;
}

static gboolean
parse_time (const char *field, gint64 *value)
{
  guint64 number;

  if (!g_ascii_string_to_unsigned (field, 10, 0, G_MAXINT64, &number, NULL))
    return FALSE;
  *value = (gint64) number;
  return TRUE;
}

static char *
dup_or_null (const char *field)
{
  return *field != '\0' ? g_strdup (field) : NULL;
}

static const char *
intern_or_null (const char *field)
{
  return *field != '\0' ? g_intern_string (field) : NULL;
}

static DebriefLibraryEntry *
parse_line (char *line, const char **reason)
{
  g_autoptr (DebriefLibraryEntry) entry = NULL;
  char *fields[N_FIELDS];
  char *p = line;
  guint n = 0;

  while (n < N_FIELDS)
    {
      char *tab = strchr (p, '\t');

      fields[n++] = p;
      if (tab == NULL)
        break;
      *tab = '\0';
      p = tab + 1;
    }
  if (n != N_FIELDS || strchr (fields[N_FIELDS - 1], '\t') != NULL)
    {
      *reason = _ ("a line has the wrong number of fields");
      return NULL;
    }
  for (guint i = 0; i < N_FIELDS; i++)
    if (!unescape (fields[i]))
      {
        *reason = _ ("a value is badly escaped");
        return NULL;
      }

  if (*fields[0] == '\0')
    {
      *reason = _ ("an entry has no id");
      return NULL;
    }

  entry = g_object_new (DEBRIEF_TYPE_LIBRARY_ENTRY, NULL);
  entry->id = g_strdup (fields[0]);
  _debrief_library_entry_take_title (entry, g_strdup (fields[1]));

  if (g_str_equal (fields[2], "-") && g_str_equal (fields[3], "-"))
    entry->fetched = FALSE;
  else if (og_severity_from_string (fields[2], &entry->severity)
           && og_postmortem_status_from_string (fields[3], &entry->status))
    entry->fetched = TRUE;
  else
    {
      *reason = _ ("an entry has an unknown severity or status");
      return NULL;
    }

  _debrief_library_entry_take_incident (entry, dup_or_null (fields[4]), dup_or_null (fields[5]),
                                        dup_or_null (fields[6]));

  if (!parse_time (fields[7], &entry->created) || !parse_time (fields[8], &entry->updated)
      || !parse_time (fields[9], &entry->last_fetched))
    {
      *reason = _ ("an entry has a bad time");
      return NULL;
    }

  entry->owner_id = intern_or_null (fields[10]);
  entry->owner_name = intern_or_null (fields[11]);

  if (!g_str_equal (fields[12], "0") && !g_str_equal (fields[12], "1"))
    {
      *reason = _ ("an entry has a bad draft flag");
      return NULL;
    }
  entry->has_draft = fields[12][0] == '1';

  return g_steal_pointer (&entry);
}

GPtrArray *
_debrief_library_index_parse (char *contents, gsize length, const char **reason)
{
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  char *end = contents + length;
  char *line;
  gboolean closed = FALSE;

  if (length == 0)
    {
      *reason = _ ("empty");
      return NULL;
    }
  if (memchr (contents, '\0', length) != NULL || !g_utf8_validate (contents, (gssize) length, NULL))
    {
      *reason = _ ("not text");
      return NULL;
    }
  if (length < strlen (HEADER) || memcmp (contents, HEADER, strlen (HEADER)) != 0)
    {
      *reason = _ ("not a Debrief library index");
      return NULL;
    }

  for (line = contents + strlen (HEADER); line < end;)
    {
      char *newline = memchr (line, '\n', (gsize) (end - line));
      DebriefLibraryEntry *entry;

      if (closed)
        {
          *reason = _ ("data after the end");
          return NULL;
        }
      if (newline == NULL)
        {
          *reason = _ ("truncated");
          return NULL;
        }
      *newline = '\0';

      if (g_str_has_prefix (line, "end\t"))
        {
          guint64 count;

          if (!g_ascii_string_to_unsigned (line + 4, 10, 0, G_MAXUINT, &count, NULL)
              || count != entries->len)
            {
              *reason = _ ("the entry count does not match");
              return NULL;
            }
          closed = TRUE;
        }
      else
        {
          entry = parse_line (line, reason);
          if (entry == NULL)
            return NULL;
          /* A duplicate would make lookups and the list disagree. */
          if (!g_hash_table_add (ids, entry->id))
            {
              g_object_unref (entry);
              *reason = _ ("an entry appears twice");
              return NULL;
            }
          g_ptr_array_add (entries, entry);
        }
      line = newline + 1;
    }

  if (!closed)
    {
      *reason = _ ("truncated");
      return NULL;
    }

  return g_steal_pointer (&entries);
}
