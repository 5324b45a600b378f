/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/*
 * The files of the local library (index, cache, drafts): written atomically, and read so
 * that a file we cannot trust is reported and moved aside, never dropped and never a crash.
 */

#define DEBRIEF_STORE_ERROR (debrief_store_error_quark ())

typedef enum
{
  /* A file was truncated, not ours, or of the wrong shape: it was moved aside to
   * "<name>.corrupt-<timestamp>", and the message names where. */
  DEBRIEF_STORE_ERROR_CORRUPT,
} DebriefStoreErrorCode;

GQuark debrief_store_error_quark (void);

/* Files over this size are refused as corrupt before they are read whole. */
#define DEBRIEF_STORE_MAX_FILE_SIZE (64 * 1024 * 1024)

/* Temporary file in the same directory, write, fsync, rename over @path, fsync the
 * directory. A crash at any point leaves either the old or the new content at @path. Errors
 * are G_IO_ERRORs (G_IO_ERROR_NO_SPACE, G_IO_ERROR_READ_ONLY, G_IO_ERROR_PERMISSION_DENIED…)
 * whose message names the file. */
gboolean debrief_store_write_atomic (const char *path, const char *data, gsize len, GError **error);

/* Makes @path's directory (and its parents) with mode 0700. */
gboolean debrief_store_ensure_dir (const char *path, GError **error);

/* Reads @path whole. A missing file is G_IO_ERROR_NOT_FOUND; one larger than @max_size is
 * moved aside and reported as DEBRIEF_STORE_ERROR_CORRUPT. */
gboolean debrief_store_read (const char *path,
                             gsize max_size,
                             char **contents,
                             gsize *length,
                             GError **error);

/* Moves @path aside to "<path>.corrupt-<UTC timestamp>" and sets a
 * DEBRIEF_STORE_ERROR_CORRUPT saying what was wrong (@reason) and where the file went. */
void debrief_store_reject (const char *path, const char *reason, GError **error);

/* Reads and parses a JSON file whose root must be an object; anything else is rejected as
 * above. */
JsonObject *debrief_store_load_json_object (const char *path, GError **error);

/* Serializes @object compactly and writes it atomically. */
gboolean debrief_store_save_json_object (const char *path, JsonObject *object, GError **error);

/* A member of the expected type, or NULL / @fallback: never a critical on a file someone
 * else wrote. */
const char *debrief_store_get_string (JsonObject *object, const char *member);
gint64 debrief_store_get_int (JsonObject *object, const char *member, gint64 fallback);

/* Any string (an account or postmortem id) as one safe file name: letters, digits, "-" and
 * "_" stay, every other byte becomes "%XX". Unescape returns NULL for a name that escape
 * did not make. */
char *debrief_store_escape_name (const char *text);
char *debrief_store_unescape_name (const char *name);

/* Removes the temporary files a crash between write and rename left in @dir. */
void debrief_store_remove_stale_temporaries (const char *dir);

G_END_DECLS
