/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "debrief-library-refresh.h"

G_BEGIN_DECLS

/* Shared by the object (debrief-library-refresh.c) and its run (debrief-library-refresh-run.c). */
struct _DebriefLibraryRefresh
{
  GObject parent_instance;

  DebriefLibrary *library;
  OgClient *client;
  GListStore *pending_incidents;
  guint max_in_flight;
  guint max_age;

  /* The run under way */
  GTask *task;
  GQueue queue;         /* ids to fetch */
  GHashTable *queued;   /* ids queued or in flight */
  GHashTable *requeued; /* ids put back once after a 429 */
  GHashTable *failures; /* id → GError */
  GError *pending_error;
  guint in_flight;
  guint limit; /* max_in_flight, or 1 after a 429 outlasted the retries */
  guint n_done;
  guint n_total;
  gboolean running;
};

/* Notify only what changed (n-done, n-total, fraction; running). */
void
_debrief_library_refresh_set_progress (DebriefLibraryRefresh *self, guint n_done, guint n_total);
void _debrief_library_refresh_set_running (DebriefLibraryRefresh *self, gboolean running);

G_END_DECLS
