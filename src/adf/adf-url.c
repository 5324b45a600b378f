/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "adf-url"

#include "config.h"

#include "adf-parse.h"

#include <string.h>

/* Which link targets Atlassian accepts: a port of adf-utils' isSafeUrl (is-safe-url.js).
 *
 * The schemes adf-utils' isSafeUrl lets through (it matches at the start of any line,
 * case-insensitively, after trimming). */
static const char *const safe_prefixes[] = {
  "http://",
  "https://",
  "ftp://",
  "ftps://",
  "gopher://",
  "integrity://",
  "file://",
  "smb://",
  "dynamicsnav://",
  "jamfselfservice://",
  "/",
  "mailto:",
  "skype:",
  "callto:",
  "facetime:",
  "git:",
  "irc:",
  "irc6:",
  "news:",
  "nntp:",
  "feed:",
  "cvs:",
  "svn:",
  "mvn:",
  "ssh:",
  "scp://",
  "sftp://",
  "itms:",
  "notes:",
  "hipchat://",
  "sourcetree:",
  "urn:",
  "tel:",
  "xmpp:",
  "telnet:",
  "vnc:",
  "rdp:",
  "whatsapp:",
  "slack:",
  "sip:",
  "sips:",
  "magnet:",
  "#",
};

static gboolean
is_js_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0xfeff || c == 0xa0
         || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR;
}

gboolean
adf_is_safe_url (const char *url)
{
  g_autoptr (GString) folded = g_string_new (NULL);
  const char *start = url;
  const char *end = url + strlen (url);

  /* Trim as JavaScript's String.prototype.trim does. */
  while (start < end && is_js_space (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!is_js_space (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  if (start == end)
    return TRUE;

  /* ASCII case folding, plus the two non-ASCII letters JavaScript's /i folds into 's' and
   * 'k' (ſ and the Kelvin sign), which the patterns name on purpose. */
  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x17f)
        g_string_append_c (folded, 's');
      else if (c == 0x212a)
        g_string_append_c (folded, 'k');
      else if (c < 0x80)
        g_string_append_c (folded, g_ascii_tolower ((char) c));
      else
        g_string_append_len (folded, p, g_utf8_next_char (p) - p);
    }

  /* /m: any line may start with a safe scheme. */
  for (const char *line = folded->str; line != NULL;)
    {
      const char *next;

      for (gsize i = 0; i < G_N_ELEMENTS (safe_prefixes); i++)
        if (g_str_has_prefix (line, safe_prefixes[i]))
          return TRUE;

      next = strpbrk (line, "\n\r");
      {
        const char *ls = strstr (line, "\xe2\x80\xa8");
        const char *ps = strstr (line, "\xe2\x80\xa9");

        if (ls != NULL && (next == NULL || ls < next))
          next = ls + 2;
        if (ps != NULL && (next == NULL || ps < next))
          next = ps + 2;
      }
      line = next ? next + 1 : NULL;
    }
  return FALSE;
}
