/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "og-sandbox"

#include "config.h"

#include "og-sandbox.h"

#include "og-sandbox-private.h"

/*
 * Faults on demand: a queue per route, each fault answering in the route's place for a
 * number of requests — an error status, a rate limit, an answer held back or never sent, a
 * body cut short, not JSON, of the wrong types, empty or huge — so that the client's
 * handling of each is tested over real HTTP.
 */

/* The next fault queued for @route, counted as fired. */
gboolean
_og_sandbox_take_fault (OgSandbox *self, OgRoute route, OgSandboxFault *fault)
{
  OgSandboxFault *head = g_queue_peek_head (&self->faults[route]);

  if (head == NULL)
    return FALSE;

  *fault = *head;
  if (head->times > 0 && --head->times == 0)
    g_free (g_queue_pop_head (&self->faults[route]));

  return TRUE;
}

/* Valid JSON whose "data" has the members the route's answer has, of the wrong types. */
static const char *
wrong_types_body (OgRoute route)
{
  switch (route)
    {
    case OG_ROUTE_POSTMORTEM_GET:
      return "{\"data\":{\"postmortemId\":42,\"title\":1234,\"severity\":[\"P1\"],"
             "\"status\":true,\"content\":\"not a document\",\"executiveSummary\":7,"
             "\"startTime\":false,\"createdAtTime\":1700000000,\"rootIncident\":[],"
             "\"owner\":\"nobody\",\"timeline\":5,\"jiraIssues\":\"https://example.com\","
             "\"relatedIncidents\":{},\"affectedServices\":3,\"iccSessions\":null,"
             "\"responderTeams\":\"team\",\"responders\":{\"id\":1}}}";
    case OG_ROUTE_POSTMORTEM_CREATE:
      return "{\"data\":{\"postmortemId\":12345}}";
    case OG_ROUTE_INCIDENTS_LIST:
    case OG_ROUTE_USERS_LIST:
    case OG_ROUTE_TEAMS_LIST:
    case OG_ROUTE_SERVICES_LIST:
      return "{\"data\":{\"id\":\"not-a-list\"},\"paging\":\"next\",\"totalCount\":\"sixty\"}";
    case OG_ROUTE_INCIDENT_GET:
      return "{\"data\":{\"id\":17,\"tinyId\":[\"17\"],\"message\":false,\"status\":3,"
             "\"priority\":{},\"createdAt\":1700000000,\"tags\":\"a,b\",\"extraProperties\":[]}}";
    case OG_ROUTE_ACCOUNT_GET:
      return "{\"data\":{\"name\":7,\"userCount\":\"many\",\"plan\":\"Standard\"}}";
    case OG_ROUTE_POSTMORTEM_DELETE:
    case OG_ROUTE_POSTMORTEM_UPDATE:
    case OG_ROUTE_POSTMORTEM_CONTENT:
    case OG_ROUTE_POSTMORTEM_EXECUTIVE_SUMMARY:
    case OG_ROUTE_POSTMORTEM_STATUS:
    case OG_ROUTE_POSTMORTEM_OWNER:
    case OG_ROUTE_POSTMORTEM_SEVERITY:
    case OG_ROUTE_POSTMORTEM_TITLE:
    case OG_ROUTE_POSTMORTEM_JIRA_ISSUES:
    case OG_ROUTE_POSTMORTEM_RELATED_INCIDENTS:
    case OG_ROUTE_POSTMORTEM_AFFECTED_SERVICES:
    case OG_ROUTE_POSTMORTEM_RESPONDER_TEAMS:
    case OG_ROUTE_POSTMORTEM_RESPONDER_USERS:
      return "{\"data\":{\"postmortemId\":42,\"message\":[\"updated\"]}}";
    case OG_N_ROUTES:
      g_assert_not_reached ();
    }

  g_return_val_if_reached (NULL);
}

/* A valid JSON answer of exactly @size bytes (at least "{}"). */
static void
respond_huge (OgSandboxCall *call, guint size)
{
  g_autofree char *head = g_strdup ("{\"data\":{\"padding\":\"");
  g_autofree char *tail
      = g_strdup_printf ("\"},\"took\":0.001,\"requestId\":\"%s\"}", call->request_id);
  gsize frame = strlen (head) + strlen (tail);
  GString *body = g_string_sized_new (MAX (size, frame) + 1);
  gsize length;

  if (size >= frame)
    {
      g_string_append (body, head);
      for (gsize i = frame; i < size; i++)
        g_string_append_c (body, 'x');
      g_string_append (body, tail);
    }
  else
    {
      /* Too small for an envelope: an object padded with spaces. */
      g_string_append (body, "{}");
      while (body->len < size)
        g_string_append_c (body, ' ');
    }

  length = body->len;
  _og_sandbox_send_body (call, SOUP_STATUS_OK, "application/json", g_string_free (body, FALSE),
                         length);
}

static void
deferred_disconnected (OgSandboxCall *call)
{
  /* The client went away while its answer was held: there is no one left to answer. */
  g_ptr_array_remove_fast (call->self->deferred, call);
}

static gboolean
deferred_fire (gpointer user_data)
{
  OgSandboxCall *call = user_data;

  g_clear_signal_handler (&call->disconnected_handler, call->msg);
  if (call->drop)
    {
      g_autoptr (GIOStream) stream = soup_server_message_steal_connection (call->msg);

      g_debug ("%s %s → connection closed without an answer",
               soup_server_message_get_method (call->msg),
               g_uri_get_path (soup_server_message_get_uri (call->msg)));
      if (stream != NULL)
        g_io_stream_close (stream, NULL, NULL);
    }
  else
    {
      _og_sandbox_answer (call);
      soup_server_message_unpause (call->msg);
    }

  /* Frees the call and its source, which GLib keeps alive until this returns. */
  g_ptr_array_remove_fast (call->self->deferred, call);
  return G_SOURCE_REMOVE;
}

/* Holds @call's answer for @delay_ms; then answers it, or drops the connection. Stealing the
 * connection is only safe once the message's I/O is paused, hence a DROP is deferred too. */
static void
defer (OgSandboxCall *call, guint delay_ms, gboolean drop)
{
  OgSandbox *self = call->self;

  soup_server_message_pause (call->msg);
  call->drop = drop;
  call->source = g_timeout_source_new (delay_ms);
  g_source_set_callback (call->source, deferred_fire, call, NULL);
  g_source_attach (call->source, self->context);
  call->disconnected_handler = g_signal_connect_swapped (call->msg, "disconnected",
                                                         G_CALLBACK (deferred_disconnected), call);
  g_ptr_array_add (self->deferred, call);
}

/* Answers @call as @fault says; takes @call. */
void
_og_sandbox_apply_fault (OgSandboxCall *call, const OgSandboxFault *fault)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (call->msg);
  static const char bad_gateway[]
      = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
        "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n"
        "</html>\r\n";
  g_autofree char *period = NULL;
  const char *body;

  switch (fault->kind)
    {
    case OG_SANDBOX_FAULT_STATUS:
      _og_sandbox_respond_error (call, fault->value, NULL, "%s",
                                 _og_sandbox_status_message (fault->value));
      break;
    case OG_SANDBOX_FAULT_RATE_LIMIT:
      period = g_strdup_printf ("%u", fault->value);
      soup_message_headers_replace (headers, "X-RateLimit-State", "THROTTLED");
      soup_message_headers_replace (headers, "X-RateLimit-Reason", "ACCOUNT");
      soup_message_headers_replace (headers, "X-RateLimit-Period-In-Sec", period);
      _og_sandbox_respond_error (
          call, 429, NULL,
          "You are making too many requests! To avoid errors, we recommend you limit "
          "requests.");
      break;
    case OG_SANDBOX_FAULT_DELAY:
      defer (call, fault->value, FALSE);
      return;
    case OG_SANDBOX_FAULT_DROP:
      defer (call, 0, TRUE);
      return;
    case OG_SANDBOX_FAULT_TRUNCATED:
      call->truncate = TRUE;
      _og_sandbox_answer (call);
      break;
    case OG_SANDBOX_FAULT_NOT_JSON:
      _og_sandbox_send_body (call, SOUP_STATUS_OK, "text/html", g_strdup (bad_gateway),
                             strlen (bad_gateway));
      break;
    case OG_SANDBOX_FAULT_WRONG_TYPES:
      body = wrong_types_body (call->route);
      _og_sandbox_send_body (call, SOUP_STATUS_OK, "application/json", g_strdup (body),
                             strlen (body));
      break;
    case OG_SANDBOX_FAULT_EMPTY:
      soup_server_message_set_status (call->msg, SOUP_STATUS_OK, NULL);
      _og_sandbox_log_answer (call, SOUP_STATUS_OK);
      break;
    case OG_SANDBOX_FAULT_HUGE:
      respond_huge (call, fault->value);
      break;
    }

  _og_sandbox_call_free (call);
}

/* Public API */

void
og_sandbox_add_fault (OgSandbox *self,
                      OgRoute route,
                      OgSandboxFaultKind kind,
                      guint value,
                      guint times)
{
  OgSandboxFault *fault;

  g_return_if_fail (OG_IS_SANDBOX (self));
  g_return_if_fail (route < OG_N_ROUTES);
  g_return_if_fail (kind <= OG_SANDBOX_FAULT_HUGE);
  g_return_if_fail (kind != OG_SANDBOX_FAULT_STATUS || (value >= 400 && value <= 599));

  fault = g_new0 (OgSandboxFault, 1);
  fault->kind = kind;
  fault->value = value;
  fault->times = times;
  g_queue_push_tail (&self->faults[route], fault);
}

void
og_sandbox_clear_faults (OgSandbox *self)
{
  g_return_if_fail (OG_IS_SANDBOX (self));

  for (guint i = 0; i < OG_N_ROUTES; i++)
    g_queue_clear_full (&self->faults[i], g_free);
}
