/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "debrief-store-io.h"

G_BEGIN_DECLS

/* Tests only: called after the temporary file is written and synced, just before the
 * rename, so that a test can kill the process there. */
typedef void (*DebriefStoreCrashHook) (const char *temporary_path);
void _debrief_store_set_before_rename_hook (DebriefStoreCrashHook hook);

/* The suffix of temporary files: "<name>.tmp-XXXXXX". */
#define DEBRIEF_STORE_TEMP_INFIX ".tmp-"

G_END_DECLS
