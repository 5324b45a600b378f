/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench-adf: times ADF into an AdfBuffer and back out (run by tests/bench-adf.sh, which puts
 * ProseMirror's figures beside these; not a test).
 *
 *   bench-adf generate FILE [KIB]   writes a document of about KIB KiB (default 1024)
 *   bench-adf run FILE [RUNS]       median over RUNS (default 7) of each phase, wall and
 *                                   processor time
 *
 * Output: one "BENCH <name> <value> <unit>" line per figure.
 */
#include "config.h"

#include <gtk/gtk.h>
#include <stdlib.h>
#include <time.h>

#include "adf-buffer.h"
#include "adf-parse.h"

/* Generator */

static JsonNode *
node_new (const char *json)
{
  JsonNode *node = json_from_string (json, NULL);

  g_assert (node != NULL);
  return node;
}

static void
add_text (JsonArray *content, const char *text, const char *marks)
{
  g_autofree char *escaped = g_strescape (text, NULL);
  g_autofree char *json
      = marks
            ? g_strdup_printf ("{\"type\":\"text\",\"text\":\"%s\",\"marks\":[%s]}", escaped, marks)
            : g_strdup_printf ("{\"type\":\"text\",\"text\":\"%s\"}", escaped);

  json_array_add_element (content, node_new (json));
}

static const char *const words[]
    = { "the",     "pool",   "connection", "gateway", "payments", "rollback", "latency", "alert",
        "on-call", "deploy", "service",    "timeout", "region",   "queue",    "retry" };

static char *
sentence (GRand *rand, int n)
{
  GString *s = g_string_new (NULL);

  for (int i = 0; i < n; i++)
    g_string_append_printf (s, "%s%s", i ? " " : "",
                            words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
  return g_string_free (s, FALSE);
}

static JsonNode *
paragraph (GRand *rand, gboolean rich)
{
  static const char *const marks[] = {
    "{\"type\":\"strong\"}",
    "{\"type\":\"em\"}",
    "{\"type\":\"code\"}",
    "{\"type\":\"link\",\"attrs\":{\"href\":\"https://example.com/runbooks/",
    "{\"type\":\"textColor\",\"attrs\":{\"color\":\"#7a869a\"}}",
    "{\"type\":\"em\"},{\"type\":\"underline\"}",
    "{\"type\":\"strike\"}",
  };
  JsonNode *node = node_new ("{\"type\":\"paragraph\",\"content\":[]}");
  JsonArray *content = json_object_get_array_member (json_node_get_object (node), "content");
  int runs = rich ? g_rand_int_range (rand, 3, 8) : 1;

  for (int i = 0; i < runs; i++)
    {
      g_autofree char *text = sentence (rand, g_rand_int_range (rand, 2, 9));
      g_autofree char *plain = g_strconcat (text, " ", NULL);
      int m = g_rand_int_range (rand, 0, G_N_ELEMENTS (marks));
      /* 20 distinct links: a tag each */
      g_autofree char *mark
          = g_str_has_suffix (marks[m], "/")
                ? g_strdup_printf ("%s%d\"}}", marks[m], g_rand_int_range (rand, 0, 20))
                : g_strdup (marks[m]);

      add_text (content, plain, NULL);
      if (rich)
        add_text (content, text, mark);
    }
  if (rich && g_rand_int_range (rand, 0, 10) == 0)
    {
      json_array_add_element (content,
                              node_new ("{\"type\":\"mention\",\"attrs\":{\"id\":\"5b10ac8d\","
                                        "\"text\":\"@Jane Doe\"}}"));
      json_array_add_element (content,
                              node_new ("{\"type\":\"status\",\"attrs\":{\"text\":\"DONE\","
                                        "\"color\":\"green\"}}"));
    }
  return node;
}

static JsonNode *
list (GRand *rand, int depth)
{
  JsonNode *node = node_new (depth % 2 ? "{\"type\":\"orderedList\",\"attrs\":{\"order\":1},"
                                         "\"content\":[]}"
                                       : "{\"type\":\"bulletList\",\"content\":[]}");
  JsonArray *items = json_object_get_array_member (json_node_get_object (node), "content");
  int n = g_rand_int_range (rand, 2, 5);

  for (int i = 0; i < n; i++)
    {
      JsonNode *item = node_new ("{\"type\":\"listItem\",\"content\":[]}");
      JsonArray *blocks = json_object_get_array_member (json_node_get_object (item), "content");

      json_array_add_element (blocks, paragraph (rand, TRUE));
      if (g_rand_int_range (rand, 0, 4) == 0)
        json_array_add_element (blocks, paragraph (rand, FALSE));
      if (depth < 3 && g_rand_int_range (rand, 0, 3) == 0)
        json_array_add_element (blocks, list (rand, depth + 1));
      json_array_add_element (items, item);
    }
  return node;
}

static const char *const islands[] = {
  "{\"type\":\"table\",\"attrs\":{\"isNumberColumnEnabled\":false,\"layout\":\"default\"},"
  "\"content\":[{\"type\":\"tableRow\",\"content\":[{\"type\":\"tableHeader\",\"attrs\":{},"
  "\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"Time\"}]}]},"
  "{\"type\":\"tableHeader\",\"attrs\":{},\"content\":[{\"type\":\"paragraph\",\"content\":"
  "[{\"type\":\"text\",\"text\":\"Event\"}]}]}]},{\"type\":\"tableRow\",\"content\":[{\"type\":"
  "\"tableCell\",\"attrs\":{},\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":"
  "\"text\",\"text\":\"09:12\"}]}]},{\"type\":\"tableCell\",\"attrs\":{},\"content\":[{\"type\":"
  "\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"deployed\"}]}]}]}]}",
  "{\"type\":\"panel\",\"attrs\":{\"panelType\":\"warning\"},\"content\":[{\"type\":"
  "\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"Customer-facing.\"}]}]}",
  "{\"type\":\"taskList\",\"attrs\":{\"localId\":\"t\"},\"content\":[{\"type\":\"taskItem\","
  "\"attrs\":{\"localId\":\"a\",\"state\":\"TODO\"},\"content\":[{\"type\":\"text\",\"text\":"
  "\"Add a check\"}]}]}",
};

static int
generate (const char *file, int kib)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (3);
  g_autoptr (JsonNode) doc = node_new ("{\"version\":1,\"type\":\"doc\",\"content\":[]}");
  JsonArray *content = json_object_get_array_member (json_node_get_object (doc), "content");
  g_autofree char *json = NULL;
  g_autoptr (GError) error = NULL;

  for (int section = 0;; section++)
    {
      g_autofree char *title = sentence (rand, 3);
      g_autofree char *heading
          = g_strdup_printf ("{\"type\":\"heading\",\"attrs\":{\"level\":%d},"
                             "\"content\":[{\"type\":\"text\",\"text\":\"%s\"}]}",
                             section % 3 + 2, title);
      g_autofree char *code = sentence (rand, 6);
      g_autofree char *code_block = NULL;

      json_array_add_element (content, node_new (heading));
      json_array_add_element (content, paragraph (rand, TRUE));
      json_array_add_element (content, list (rand, 0));
      json_array_add_element (content, paragraph (rand, TRUE));
      code_block = g_strdup_printf ("{\"type\":\"codeBlock\",\"attrs\":{\"language\":\"bash\"},"
                                    "\"content\":[{\"type\":\"text\",\"text\":\"kubectl %s\\n"
                                    "kubectl rollout status\\n# %s\"}]}",
                                    code, title);
      json_array_add_element (content, node_new (code_block));
      if (section % 4 == 0)
        json_array_add_element (
            content, node_new ("{\"type\":\"blockquote\",\"content\":[{\"type\":"
                               "\"paragraph\",\"content\":[{\"type\":\"text\","
                               "\"text\":\"Blameless.\",\"marks\":[{\"type\":\"em\"}]}]}]}"));
      if (section % 40 == 0)
        json_array_add_element (content, node_new (islands[(section / 40) % 3]));

      if (section % 20 == 0)
        {
          g_free (json);
          json = json_to_string (doc, FALSE);
          if (strlen (json) >= (gsize) kib * 1024)
            break;
        }
    }
  if (!g_file_set_contents (file, json, -1, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

/* Runner */

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values, int n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

#define NOW_MS() (g_get_monotonic_time () / 1000.0)

/* Processor time of the whole process (every thread), in ms: what a busy machine does not
 * inflate as much as wall time. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* Median wall and processor times, in ms, of each phase over the runs */
enum
{
  PARSE,     /* adf_parse: JSON text → validated doc node */
  LOAD_DATA, /* adf_buffer_load_data: the same, then into the buffer */
  WRITE,     /* adf_buffer_write: buffer → doc node */
  SERIALIZE, /* adf_to_json */
  N_PHASES
};

static const char *const phase_names[N_PHASES]
    = { "adf_parse_validate", "adf_buffer_load_data", "adf_buffer_write", "adf_serialize" };

static int
run (const char *file, int runs)
{
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree double *wall = g_new0 (double, N_PHASES *runs);
  g_autofree double *cpu = g_new0 (double, N_PHASES *runs);
  g_autofree double *total = g_new0 (double, runs);
  g_autofree double *total_cpu = g_new0 (double, runs);
  double med_wall[N_PHASES], med_cpu[N_PHASES];
  gsize length;
  gboolean equal = TRUE;

  if (!g_file_get_contents (file, &contents, &length, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (int i = 0; i < runs; i++)
    {
      g_autoptr (AdfBuffer) buffer = adf_buffer_new ();
      g_autoptr (JsonNode) doc = NULL;
      g_autoptr (JsonNode) written = NULL;
      g_autofree char *out = NULL;
      double t[N_PHASES + 1], c[N_PHASES + 1];

      t[0] = NOW_MS (), c[0] = cpu_ms ();
      doc = adf_parse (contents, length, ADF_VALIDATE_ALLOW_UNKNOWN, &error);
      t[1] = NOW_MS (), c[1] = cpu_ms ();
      /* The way text reaches the editor: parsed, checked once, loaded */
      if (doc == NULL || !adf_buffer_load_data (buffer, contents, length, &error))
        {
          g_printerr ("%s: %s\n", file, error->message);
          return 1;
        }
      t[2] = NOW_MS (), c[2] = cpu_ms ();
      written = adf_buffer_write (buffer);
      t[3] = NOW_MS (), c[3] = cpu_ms ();
      out = adf_to_json (written, FALSE);
      t[4] = NOW_MS (), c[4] = cpu_ms ();

      equal &= adf_json_equal (doc, written);
      for (int p = 0; p < N_PHASES; p++)
        {
          wall[p * runs + i] = t[p + 1] - t[p];
          cpu[p * runs + i] = c[p + 1] - c[p];
        }
      /* Text to document model and back, as ProseMirror's JSON.parse + fromJSON + toJSON */
      total[i] = t[3] - t[1];
      total_cpu[i] = c[3] - c[1];
    }

  g_print ("BENCH adf_doc_size %.0f KiB\n", length / 1024.0);
  for (int p = 0; p < N_PHASES; p++)
    {
      med_wall[p] = median (wall + p * runs, runs);
      med_cpu[p] = median (cpu + p * runs, runs);
      g_print ("BENCH %s %.2f ms\n", phase_names[p], med_wall[p]);
      g_print ("BENCH %s_cpu %.2f ms\n", phase_names[p], med_cpu[p]);
    }
  g_print ("BENCH adf_buffer_load %.2f ms\n", med_wall[LOAD_DATA] - med_wall[PARSE]);
  g_print ("BENCH adf_roundtrip_total %.2f ms\n", median (total, runs));
  g_print ("BENCH adf_roundtrip_total_cpu %.2f ms\n", median (total_cpu, runs));
  g_print ("BENCH adf_roundtrip_lossless %d bool\n", equal);
  return equal ? 0 : 1;
}

int
main (int argc, char *argv[])
{
  if (argc >= 3 && g_str_equal (argv[1], "generate"))
    return generate (argv[2], argc > 3 ? atoi (argv[3]) : 1024);
  if (argc >= 3 && g_str_equal (argv[1], "run"))
    {
      gtk_init ();
      return run (argv[2], argc > 3 ? MAX (1, atoi (argv[3])) : 7);
    }
  g_printerr ("usage: bench-adf generate FILE [KIB] | bench-adf run FILE [RUNS]\n");
  return 2;
}
