/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * How long Debrief takes from exec to the first frame drawn, with 1,000 postmortems in the
 * library of the account it shows at start (the sandbox's). Not part of `meson test`; run
 * it on demand, in its own display and D-Bus session (a Debrief already running on the
 * session bus would take the start over):
 *
 *   ninja -C _build && xvfb-run -a dbus-run-session -- _build/tests/bench-startup [N]
 *
 * A warm start, as a user's: every subject below is started once untimed first (page cache,
 * fontconfig, Mesa's shader cache in the bench's HOME, the accessibility bus), then N times
 * each (default 10), taking turns so that a change in the machine's load touches them all.
 * Each start spawns `debrief --sandbox` with DEBRIEF_BENCH_FIRST_FRAME set, in a throwaway
 * HOME whose $XDG_DATA_HOME/debrief/sandbox/ holds the library, rewritten before each
 * spawn; the window prints "first-frame <µs>" (g_get_monotonic_time(), CLOCK_MONOTONIC)
 * after its first paint, and the run lasts from a g_get_monotonic_time() taken right before
 * the spawn to that.
 *
 * Prints "BENCH <name> <value> <unit>" lines; the medians of:
 *   startup-first-frame          Debrief, GTK's own choice of renderer (GSK_RENDERER unset):
 *                                the goal of issue #6 is under 400 ms
 *   startup-first-frame-cairo    Debrief with GSK_RENDERER=cairo. Under Xvfb there is no GPU
 *                                and GTK's GL renderer runs on Mesa's llvmpipe, in software:
 *                                its set-up and shader compiles are a good part of a start
 *                                here that a desktop with a GPU does not pay
 *   startup-first-frame-bare-adw an AdwApplicationWindow with a header bar and nothing else
 *   startup-first-frame-bare-gtk a GtkApplicationWindow with nothing in it
 *                                (bench-startup-bare: what GTK and libadwaita cost alone,
 *                                same display, same renderer, same runs)
 * each with -cpu: the CPU time (user + system, all threads, from /proc, ticks of 10 ms) the
 * process had used by its first frame. On a shared, busy machine the wall time is mostly the
 * wait for a core: load-average says how busy it was.
 *
 * DEBRIEF_BENCH_ACCOUNT names another account folder for the library (default "sandbox");
 * DEBRIEF_BENCH_EXE another debrief executable.
 */
#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "debrief-library.h"
#include "debrief-store-io.h"
#include "debrief-test-store-util.h"

#define N_ENTRIES       1000
#define DEFAULT_RUNS    10
#define RUN_TIMEOUT_MS  20000
#define FIRST_FRAME_TAG "first-frame "

/* The library as the app would have left it: fetched entries with titles, incidents,
 * owners, severities and statuses. */
static void
fill_library (const char *directory)
{
  g_autoptr (DebriefLibrary) library = debrief_library_new_for_directory (directory);
  g_autoptr (GError) error = NULL;

  debrief_test_fill_library (library, N_ENTRIES, 6);
  if (!debrief_library_save (library, &error))
    g_error ("could not write the library in %s: %s", directory, error->message);
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_remove (path);
}

/* Reads @fd until a "first-frame <µs>" line; its value, or -1 on time-out or end. */
static gint64
read_first_frame (int fd, GString *log)
{
  gint64 deadline = g_get_monotonic_time () + RUN_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;

  for (;;)
    {
      struct pollfd pfd = { fd, POLLIN, 0 };
      gint64 left = (deadline - g_get_monotonic_time ()) / G_TIME_SPAN_MILLISECOND;
      const char *tag;
      char buffer[4096];
      ssize_t n;

      if (left <= 0)
        return -1;
      if (poll (&pfd, 1, (int) left) < 0)
        {
          if (errno == EINTR)
            continue;
          return -1;
        }
      if (!(pfd.revents & (POLLIN | POLLHUP)))
        continue;
      n = read (fd, buffer, sizeof buffer);
      if (n <= 0)
        return -1;
      g_string_append_len (log, buffer, n);

      tag = strstr (log->str, FIRST_FRAME_TAG);
      if (tag != NULL && strchr (tag, '\n') != NULL)
        return g_ascii_strtoll (tag + strlen (FIRST_FRAME_TAG), NULL, 10);
    }
}

/* CPU time (user + system, all threads) @pid has used so far, in ms, or -1. On a busy
 * machine the wall time mostly measures the wait for a core; this does not. */
static double
cpu_ms (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *stat = NULL;
  g_auto (GStrv) fields = NULL;
  const char *after_name;

  if (!g_file_get_contents (path, &stat, NULL, NULL))
    return -1;
  /* The command name may hold spaces: the fields that follow start after its ')'. */
  after_name = strrchr (stat, ')');
  if (after_name == NULL)
    return -1;
  fields = g_strsplit (after_name + 2, " ", -1);
  /* utime and stime are fields 14 and 15 of proc(5), 12 and 13 after the name. */
  if (g_strv_length (fields) < 13)
    return -1;
  return (g_ascii_strtod (fields[11], NULL) + g_ascii_strtod (fields[12], NULL)) * 1000.0
         / sysconf (_SC_CLK_TCK);
}

/* One start: milliseconds from right before the spawn to the first frame, or < 0; and the
 * CPU time the process had used by then in *cpu. */
static double
run_once (const char *const *argv, char **envp, double *cpu)
{
  g_autoptr (GString) log = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  GPid pid;
  int err_fd;
  gint64 start;
  gint64 first_frame;
  int status;

  start = g_get_monotonic_time ();
  if (!g_spawn_async_with_pipes (NULL, (char **) argv, envp, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                 &pid, NULL, NULL, &err_fd, &error))
    g_error ("could not start %s: %s", argv[0], error->message);

  first_frame = read_first_frame (err_fd, log);
  *cpu = cpu_ms (pid);

  kill (pid, SIGTERM);
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);
  close (err_fd);

  if (first_frame < 0)
    {
      g_printerr ("no first frame within %d ms; debrief said:\n%s\n", RUN_TIMEOUT_MS, log->str);
      return -1;
    }
  return (first_frame - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return (da > db) - (da < db);
}

static double
median_of (GArray *values)
{
  guint n = values->len;

  g_array_sort (values, compare_doubles);
  if (n % 2)
    return g_array_index (values, double, n / 2);
  return (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2;
}

/* What is started and timed, in turns. */
typedef struct
{
  const char *name; /* after "startup-first-frame" */
  const char *argv[3];
  gboolean cairo;
  gboolean library; /* Debrief: the library is rewritten before each start */
  GArray *times;
  GArray *cpu_times;
} Subject;

static void
print_figures (Subject *subject, guint n_runs)
{
  GArray *times = subject->times;

  g_print ("BENCH startup-first-frame%s %.1f ms\n", subject->name, median_of (times));
  g_print ("BENCH startup-first-frame%s-min %.1f ms\n", subject->name,
           g_array_index (times, double, 0));
  g_print ("BENCH startup-first-frame%s-max %.1f ms\n", subject->name,
           g_array_index (times, double, n_runs - 1));
  g_print ("BENCH startup-first-frame%s-cpu %.0f ms\n", subject->name,
           median_of (subject->cpu_times));
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *top = NULL;
  g_autofree char *home = NULL;
  g_autofree char *data = NULL;
  g_autofree char *account = NULL;
  g_autofree char *library_dir = NULL;
  g_autofree char *loadavg = NULL;
  const char *exe = g_getenv ("DEBRIEF_BENCH_EXE");
  const char *account_id = g_getenv ("DEBRIEF_BENCH_ACCOUNT");
  guint n_runs = DEFAULT_RUNS;
  char **envp;
  char **cairo_envp;
  double cpu;

  if (argc == 2)
    n_runs = MAX (1, (guint) g_ascii_strtoull (argv[1], NULL, 10));
  if (exe == NULL)
    exe = DEBRIEF_EXE;
  if (account_id == NULL)
    account_id = "sandbox";
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("no display: run it as  xvfb-run -a dbus-run-session -- %s\n", argv[0]);
      return 2;
    }

  top = g_dir_make_tmp ("debrief-bench-startup-XXXXXX", &error);
  g_assert_no_error (error);
  home = g_build_filename (top, "home", NULL);
  data = g_build_filename (home, ".local", "share", NULL);
  account = debrief_store_escape_name (account_id);
  library_dir = g_build_filename (data, "debrief", account, NULL);

  envp = g_get_environ ();
  envp = g_environ_setenv (envp, "HOME", home, TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data, TRUE);
  {
    g_autofree char *config = g_build_filename (home, ".config", NULL);
    g_autofree char *cache = g_build_filename (home, ".cache", NULL);
    g_autofree char *state = g_build_filename (home, ".local", "state", NULL);

    envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", config, TRUE);
    envp = g_environ_setenv (envp, "XDG_CACHE_HOME", cache, TRUE);
    envp = g_environ_setenv (envp, "XDG_STATE_HOME", state, TRUE);
  }
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_SCHEMA_DIR", SCHEMA_DIR, FALSE);
  envp = g_environ_setenv (envp, "DEBRIEF_BENCH_FIRST_FRAME", "1", TRUE);
  /* GTK's own choice, whatever the caller's environment says. */
  envp = g_environ_unsetenv (envp, "GSK_RENDERER");
  cairo_envp = g_environ_setenv (g_strdupv (envp), "GSK_RENDERER", "cairo", TRUE);

  {
    Subject subjects[] = {
      { "", { exe, "--sandbox", NULL }, FALSE, TRUE },
      { "-cairo", { exe, "--sandbox", NULL }, TRUE, TRUE },
      { "-bare-adw", { BARE_EXE, "adw", NULL }, FALSE, FALSE },
      { "-bare-gtk", { BARE_EXE, "gtk", NULL }, FALSE, FALSE },
    };

    for (guint round = 0; round <= n_runs; round++)
      for (guint s = 0; s < G_N_ELEMENTS (subjects); s++)
        {
          Subject *subject = &subjects[s];
          double ms;

          /* Each start finds the same 1,000 postmortems: the refresh of the one before has
           * asked the sandbox for them, been told they do not exist (404) and dropped them,
           * leaving the sandbox's dozen. Rewritten before the spawn, so not timed. */
          if (subject->library)
            {
              remove_tree (library_dir);
              fill_library (library_dir);
            }
          ms = run_once (subject->argv, subject->cairo ? cairo_envp : envp, &cpu);
          if (ms < 0)
            return 1;
          /* Round 0 warms up. */
          if (round == 0)
            {
              subject->times = g_array_new (FALSE, FALSE, sizeof (double));
              subject->cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
              continue;
            }
          g_array_append_val (subject->times, ms);
          g_array_append_val (subject->cpu_times, cpu);
        }

    g_print ("BENCH library_entries %u count\n", N_ENTRIES);
    g_print ("BENCH runs %u count\n", n_runs);
    for (guint s = 0; s < G_N_ELEMENTS (subjects); s++)
      {
        print_figures (&subjects[s], n_runs);
        g_array_unref (subjects[s].times);
        g_array_unref (subjects[s].cpu_times);
      }
  }

  /* How busy the machine was: the runs' last minute. */
  if (g_file_get_contents ("/proc/loadavg", &loadavg, NULL, NULL))
    g_print ("BENCH load-average-1min %.2f load\n", g_ascii_strtod (loadavg, NULL));

  g_strfreev (cairo_envp);
  g_strfreev (envp);
  remove_tree (top);
  return 0;
}
