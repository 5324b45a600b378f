/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "debrief-drafts.h"

G_BEGIN_DECLS

/* Shared by the journal (debrief-drafts.c) and the reading side (debrief-drafts-read.c). */

#define DEBRIEF_DRAFT_VERSION 1

typedef struct
{
  OgPostmortem *base;
  OgPostmortem *working;
} Pending;

struct _DebriefDrafts
{
  GObject parent_instance;

  char *directory;
  guint delay_ms;
  GHashTable *pending; /* id → Pending */
  GHashTable *on_disk; /* ids with a draft file */
  guint timeout_id;
};

/* "<directory>/<escaped id>.json" */
char *_debrief_drafts_path_for (DebriefDrafts *self, const char *id);
/* ::changed */
void _debrief_drafts_emit_changed (DebriefDrafts *self, const char *id);

G_END_DECLS
