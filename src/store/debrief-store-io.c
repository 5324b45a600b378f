/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-store"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-store-io.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "debrief-store-io-private.h"

G_DEFINE_QUARK (debrief - store - error - quark, debrief_store_error)

static DebriefStoreCrashHook before_rename_hook;

static void
set_errno_error (GError **error, int saved_errno, const char *format, const char *path)
{
  g_autofree char *display = g_filename_display_name (path);

  /* format is one of the translated sentences below, with a %s for the file and one for
   * the reason. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), format, display,
               g_strerror (saved_errno));
#pragma GCC diagnostic pop
}

static gboolean
write_all (int fd, const char *data, gsize len)
{
  while (len > 0)
    {
      gssize written = write (fd, data, len);

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        return FALSE;
      if (written == 0)
        {
          errno = ENOSPC;
          return FALSE;
        }
      data += written;
      len -= (gsize) written;
    }

  return TRUE;
}

static void
sync_dir (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  /* The rename is durable once the directory is on disk; when that cannot be forced the
   * file is still whole, only perhaps the older one after a power cut. */
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

void
_debrief_store_set_before_rename_hook (DebriefStoreCrashHook hook)
{
  before_rename_hook = hook;
}

gboolean
debrief_store_ensure_dir (const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) < 0)
    {
      set_errno_error (error, errno, _ ("Could not create the folder “%s”: %s"), dir);
      return FALSE;
    }

  return TRUE;
}

gboolean
debrief_store_write_atomic (const char *path, const char *data, gsize len, GError **error)
{
  g_autofree char *temporary = g_strconcat (path, DEBRIEF_STORE_TEMP_INFIX "XXXXXX", NULL);
  int saved_errno;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  if (!debrief_store_ensure_dir (path, error))
    return FALSE;

  fd = g_mkstemp_full (temporary, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_errno_error (error, errno, _ ("Could not write “%s”: %s"), path);
      return FALSE;
    }

  if (!write_all (fd, data, len) || fsync (fd) < 0)
    {
      saved_errno = errno;
      close (fd);
      g_unlink (temporary);
      set_errno_error (error, saved_errno, _ ("Could not write “%s”: %s"), path);
      return FALSE;
    }

  /* close() can report a deferred write error (NFS, quotas). */
  if (close (fd) < 0)
    {
      saved_errno = errno;
      g_unlink (temporary);
      set_errno_error (error, saved_errno, _ ("Could not write “%s”: %s"), path);
      return FALSE;
    }

  if (before_rename_hook != NULL)
    before_rename_hook (temporary);

  if (g_rename (temporary, path) < 0)
    {
      saved_errno = errno;
      g_unlink (temporary);
      set_errno_error (error, saved_errno, _ ("Could not write “%s”: %s"), path);
      return FALSE;
    }

  sync_dir (path);
  return TRUE;
}

void
debrief_store_reject (const char *path, const char *reason, GError **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");
  g_autofree char *aside = NULL;
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *display_aside = NULL;

  /* Two rejects within a second must not overwrite each other's evidence. */
  aside = g_strdup_printf ("%s.corrupt-%sZ", path, stamp);
  for (guint i = 1; g_file_test (aside, G_FILE_TEST_EXISTS) && i < 1000; i++)
    {
      g_free (aside);
      aside = g_strdup_printf ("%s.corrupt-%sZ-%u", path, stamp, i);
    }
  display_aside = g_filename_display_name (aside);

  if (g_rename (path, aside) < 0)
    {
      int saved_errno = errno;

      g_message ("could not move %s aside: %s", path, g_strerror (saved_errno));
      g_set_error (error, DEBRIEF_STORE_ERROR, DEBRIEF_STORE_ERROR_CORRUPT,
                   _ ("“%s” is damaged (%s) and could not be moved aside: %s"), display, reason,
                   g_strerror (saved_errno));
      return;
    }

  g_message ("%s is damaged (%s): moved to %s", path, reason, aside);
  g_set_error (error, DEBRIEF_STORE_ERROR, DEBRIEF_STORE_ERROR_CORRUPT,
               _ ("“%s” is damaged (%s). It was kept as “%s”."), display, reason, display_aside);
}

gboolean
debrief_store_read (const char *path,
                    gsize max_size,
                    char **contents,
                    gsize *length,
                    GError **error)
{
  g_autoptr (GError) file_error = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  if (g_stat (path, &st) < 0)
    {
      set_errno_error (error, errno, _ ("Could not read “%s”: %s"), path);
      return FALSE;
    }

  if ((guint64) st.st_size > max_size)
    {
      debrief_store_reject (path, _ ("too large"), error);
      return FALSE;
    }

  if (!g_file_get_contents (path, contents, length, &file_error))
    {
      /* GLib's message names the file already. */
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_file_error (file_error->code),
                           file_error->message);
      return FALSE;
    }

  return TRUE;
}

JsonObject *
debrief_store_load_json_object (const char *path, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GError) parse_error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  JsonNode *root;

  if (!debrief_store_read (path, DEBRIEF_STORE_MAX_FILE_SIZE, &contents, &length, error))
    return NULL;

  if (length == 0)
    {
      debrief_store_reject (path, _ ("empty"), error);
      return NULL;
    }

  if (!g_utf8_validate (contents, (gssize) length, NULL))
    {
      debrief_store_reject (path, _ ("not text"), error);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, contents, (gssize) length, &parse_error))
    {
      debrief_store_reject (path, _ ("not valid JSON"), error);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      debrief_store_reject (path, _ ("not a JSON object"), error);
      return NULL;
    }

  return json_object_ref (json_node_get_object (root));
}

gboolean
debrief_store_save_json_object (const char *path, JsonObject *object, GError **error)
{
  g_autoptr (JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *data = NULL;
  gsize length = 0;

  json_node_set_object (root, object);
  data = json_to_string (root, FALSE);
  length = strlen (data);

  return debrief_store_write_atomic (path, data, length, error);
}

void
debrief_store_remove_stale_temporaries (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;

  /* Only a crashed writer leaves these: the file they were to replace is intact. */
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      if (strstr (name, DEBRIEF_STORE_TEMP_INFIX) != NULL)
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);

          g_debug ("removing %s, left by an interrupted write", path);
          g_unlink (path);
        }
    }
}

static gboolean
is_plain (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_';
}

char *
debrief_store_escape_name (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (is_plain (*p))
        g_string_append_c (out, *p);
      else
        g_string_append_printf (out, "%%%02X", (guchar) *p);
    }
  /* "" would name the folder itself. */
  if (out->len == 0)
    g_string_append (out, "%00");

  return g_string_free (out, FALSE);
}

char *
debrief_store_unescape_name (const char *name)
{
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  text = g_uri_unescape_string (name, NULL);
  if (text == NULL)
    return NULL;
  again = debrief_store_escape_name (text);
  return g_str_equal (again, name) ? g_steal_pointer (&text) : NULL;
}

const char *
debrief_store_get_string (JsonObject *object, const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gint64
debrief_store_get_int (JsonObject *object, const char *member, gint64 fallback)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_INT64)
    return fallback;
  return json_node_get_int (node);
}
