/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "adf-tool"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "adf-buffer.h"
#include "adf-export.h"
#include "adf-parse.h"

/*
 * Output is written with stdio, not g_print: documents and messages are UTF-8 and must reach
 * a pipe byte for byte, whatever the locale.
 *
 * adf-tool: check and convert ADF documents from the shell. Not installed; a developer's and
 * the tests' tool. Each command is one row of the table in main(): adding one (the buffer's
 * "roundtrip") is a function and a row.
 */

typedef int (*CommandFunc) (int argc, char **argv);

typedef struct
{
  const char *name;
  const char *usage;
  CommandFunc func;
} Command;

/* Reads FILE, or stdin for "-". */
static gboolean
read_input (const char *file, char **contents, gsize *length, GError **error)
{
  if (strcmp (file, "-") == 0)
    {
      GString *data = g_string_new (NULL);
      char buffer[65536];
      size_t n;

      while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
        {
          g_string_append_len (data, buffer, n);
          if (data->len > ADF_MAX_BYTES + 1)
            break; /* adf_parse refuses it anyway: no need to read a huge pipe to its end */
        }
      *length = data->len;
      *contents = g_string_free (data, FALSE);
      return TRUE;
    }
  return g_file_get_contents (file, contents, length, error);
}

static JsonNode *
load (const char *file, GError **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!read_input (file, &contents, &length, error))
    return NULL;
  return adf_parse (contents, length, ADF_VALIDATE_DEFAULT, error);
}

static int
command_validate (int argc, char **argv)
{
  int status = 0;

  if (argc < 1)
    return 2;
  for (int i = 0; i < argc; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (JsonNode) doc = load (argv[i], &error);

      if (doc != NULL)
        printf ("OK %s\n", argv[i]);
      else
        {
          printf ("INVALID %s: %s\n", argv[i], error->message);
          status = 1;
        }
    }
  return status;
}

/* markdown, html, text: FILE's export on stdout, or the error and exit 1 */
static int
command_export (int argc, char **argv, char *(*export) (JsonNode *doc))
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) doc = NULL;
  g_autofree char *out = NULL;

  if (argc != 1)
    return 2;
  doc = load (argv[0], &error);
  if (doc == NULL)
    {
      fprintf (stderr, "%s: %s\n", argv[0], error->message);
      return 1;
    }
  out = export(doc);
  fputs (out, stdout);
  return 0;
}

static int
command_markdown (int argc, char **argv)
{
  return command_export (argc, argv, adf_export_markdown);
}

static int
command_html (int argc, char **argv)
{
  return command_export (argc, argv, adf_export_html);
}

static int
command_text (int argc, char **argv)
{
  return command_export (argc, argv, adf_export_text);
}

/* roundtrip: FILE loaded into an AdfBuffer and written back, or the error and exit 1 */
static int
command_roundtrip (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (JsonNode) written = NULL;
  g_autoptr (AdfBuffer) buffer = NULL;
  g_autofree char *out = NULL;
  gsize length = 0;

  if (argc != 1)
    return 2;
  /* The editor's way in for text (unknown node types are its islands: load what a newer
   * editor wrote), so that the round-trip tests go through it. */
  buffer = adf_buffer_new ();
  if (!read_input (argv[0], &contents, &length, &error)
      || !adf_buffer_load_data (buffer, contents, length, &error))
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      return 1;
    }
  written = adf_buffer_write (buffer);
  out = adf_to_json (written, TRUE);
  puts (out);
  return 0;
}

static const Command commands[] = {
  { "validate", "FILE…", command_validate },  { "markdown", "FILE", command_markdown },
  { "html", "FILE", command_html },           { "text", "FILE", command_text },
  { "roundtrip", "FILE", command_roundtrip },
};

static void
usage (void)
{
  g_printerr ("usage:\n");
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    g_printerr ("  adf-tool %s %s\n", commands[i].name, commands[i].usage);
  g_printerr ("FILE “-” reads standard input.\n");
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");

  if (argc < 2)
    {
      usage ();
      return 2;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      {
        int status = commands[i].func (argc - 2, argv + 2);

        if (status == 2)
          usage ();
        return status;
      }
  usage ();
  return 2;
}
