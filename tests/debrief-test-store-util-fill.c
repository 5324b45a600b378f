/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "debrief-test-store-util.h"

#include "debrief-library-entry-private.h"

/* Apart from the fixture, which stops sandboxes: a benchmark that only fills a library does
 * not link the client and libsoup, which would weigh on the memory it measures. */

#define N_OWNERS 40

static const char *const words[] = {
  "checkout", "database", "latency",  "outage",      "payments", "login",  "degraded", "timeout",
  "queue",    "backlog",  "DNS",      "certificate", "expired",  "memory", "leak",     "region",
  "failover", "cache",    "stampede", "deploy",      "rollback", "search", "index",    "Zürich",
};

static char *
make_text (GRand *rand, guint n_words)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    {
      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
    }
  return g_string_free (text, FALSE);
}

void
debrief_test_fill_library (DebriefLibrary *library, guint n_entries, guint32 seed)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);

  for (guint i = 0; i < n_entries; i++)
    {
      g_autofree char *id = g_strdup_printf ("%08x-1fa4-47fb-9b27-%012u", g_rand_int (rand), i);
      g_autofree char *owner_id = g_strdup_printf ("owner-%u", i % N_OWNERS);
      g_autofree char *owner_name = g_strdup_printf ("Responder Number %u", i % N_OWNERS);
      DebriefLibraryEntry *entry = debrief_library_add (library, id);

      _debrief_library_entry_take_title (entry, make_text (rand, 8));
      _debrief_library_entry_take_incident (entry, g_uuid_string_random (),
                                            g_strdup_printf ("%u", 1000 + i), make_text (rand, 6));
      entry->fetched = TRUE;
      entry->severity = i % 5;
      entry->status = i % 3;
      entry->owner_id = g_intern_string (owner_id);
      entry->owner_name = g_intern_string (owner_name);
      entry->created = 1700000000 + i * 60;
      entry->updated = entry->created + 3600;
      entry->last_fetched = entry->updated;
    }
}
