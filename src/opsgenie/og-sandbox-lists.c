/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "og-sandbox"

#include "config.h"

#include "og-sandbox.h"

#include "og-sandbox-private.h"

/*
 * The routes that read the organisation: incidents (with the part of Opsgenie's query
 * language Debrief uses), users, teams, services and the account.
 */

static gboolean
contains_casefolded (const char *haystack, const char *casefolded_needle)
{
  g_autofree char *folded = g_utf8_casefold (haystack, -1);

  return strstr (folded, casefolded_needle) != NULL;
}

static const char *const incident_statuses[] = { "open", "resolved", "closed", NULL };
static const char *const postmortem_filters[] = { "has-postmortem", "no-postmortem", NULL };

static const struct
{
  const char *name;
  const char *const *values;
} query_fields[] = {
  { "status", incident_statuses },
  { "priority", _og_sandbox_severities },
  { "postmortemStatus", postmortem_filters },
};

/* Checks a "field:value" term; records the problem in @errors. */
static gboolean
check_query_term (const char *term, const char *colon, JsonObject *errors)
{
  g_autofree char *name = g_strndup (term, colon - term);

  for (guint i = 0; i < G_N_ELEMENTS (query_fields); i++)
    {
      g_autofree char *values = NULL;

      if (!g_str_equal (query_fields[i].name, name))
        continue;
      if (g_strv_contains (query_fields[i].values, colon + 1))
        return TRUE;

      values = g_strjoinv (", ", (char **) query_fields[i].values);
      _og_sandbox_add_error (errors, "query", "%s must be one of %s", name, values);
      return FALSE;
    }

  _og_sandbox_add_error (errors, "query", "unknown field %s", name);
  return FALSE;
}

/*
 * The part of Opsgenie's incident query language Debrief uses: terms joined by AND (or by
 * plain spaces), each "status:…", "priority:…", "postmortemStatus:…" or a word the message
 * must contain. Returns the terms (words casefolded), or NULL after recording the problem.
 */
static GStrv
parse_incident_query (const char *query, JsonObject *errors)
{
  g_auto (GStrv) tokens = g_strsplit_set (query != NULL ? query : "", " \t", -1);
  g_autoptr (GStrvBuilder) terms = g_strv_builder_new ();

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      const char *token = tokens[i];
      const char *colon = strchr (token, ':');

      if (*token == '\0' || g_str_equal (token, "AND") || g_str_equal (token, "and"))
        continue;

      if (g_str_equal (token, "OR") || g_str_equal (token, "NOT"))
        {
          _og_sandbox_add_error (errors, "query", "%s is not supported; join terms with AND",
                                 token);
          return NULL;
        }

      if (colon != NULL)
        {
          if (!check_query_term (token, colon, errors))
            return NULL;
          g_strv_builder_add (terms, token);
        }
      else
        {
          g_autofree char *folded = g_utf8_casefold (token, -1);

          g_strv_builder_add (terms, folded);
        }
    }

  return g_strv_builder_end (terms);
}

static gboolean
incident_matches (JsonObject *incident, const char *const *terms)
{
  for (guint i = 0; terms[i] != NULL; i++)
    {
      const char *term = terms[i];
      const char *value = strchr (term, ':') != NULL ? strchr (term, ':') + 1 : NULL;
      gboolean match;

      if (g_str_has_prefix (term, "status:"))
        match = g_str_equal (json_object_get_string_member (incident, "status"), value);
      else if (g_str_has_prefix (term, "priority:"))
        match = g_str_equal (json_object_get_string_member (incident, "priority"), value);
      else if (g_str_has_prefix (term, "postmortemStatus:"))
        match = json_object_has_member (json_object_get_object_member (incident, "extraProperties"),
                                        "postmortemId")
                == g_str_equal (value, "has-postmortem");
      else
        match = contains_casefolded (json_object_get_string_member (incident, "message"), term);

      if (!match)
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  const char *field;
  gboolean descending;
} IncidentOrder;

static gint
compare_incidents (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const IncidentOrder *order = user_data;
  JsonObject *first = *(JsonObject **) a;
  JsonObject *second = *(JsonObject **) b;
  guint64 first_tiny = g_ascii_strtoull (json_object_get_string_member (first, "tinyId"), NULL, 10);
  guint64 second_tiny
      = g_ascii_strtoull (json_object_get_string_member (second, "tinyId"), NULL, 10);
  gint result = 0;

  /* The timestamps share one format: as strings they sort in time order. */
  if (!g_str_equal (order->field, "tinyId"))
    result = g_strcmp0 (json_object_get_string_member (first, order->field),
                        json_object_get_string_member (second, order->field));
  if (result == 0)
    result = first_tiny < second_tiny ? -1 : first_tiny > second_tiny;

  return order->descending ? -result : result;
}

void
_og_sandbox_handle_incidents_list (OgSandboxCall *call)
{
  static const char *const sort_fields[] = { "createdAt", "updatedAt", "tinyId", NULL };
  static const char *const orders[] = { "asc", "desc", NULL };
  OgSandbox *self = call->self;
  g_autoptr (JsonObject) errors = json_object_new ();
  g_autoptr (GPtrArray) matches = g_ptr_array_new ();
  g_auto (GStrv) terms = NULL;
  const char *sort = _og_sandbox_call_get_query (call, "sort");
  const char *order = _og_sandbox_call_get_query (call, "order");
  IncidentOrder incident_order;
  OgSandboxPage page;

  page = _og_sandbox_read_page (call, 20, 100, errors);
  if (sort != NULL && !g_strv_contains (sort_fields, sort))
    _og_sandbox_add_error (errors, "sort", "must be one of createdAt, updatedAt, tinyId");
  if (order != NULL && !g_strv_contains (orders, order))
    _og_sandbox_add_error (errors, "order", "must be asc or desc");
  terms = parse_incident_query (_og_sandbox_call_get_query (call, "query"), errors);
  if (json_object_get_size (errors) > 0)
    {
      _og_sandbox_respond_invalid (call, errors);
      return;
    }

  for (guint i = 0; i < self->store->incidents->len; i++)
    if (incident_matches (g_ptr_array_index (self->store->incidents, i),
                          (const char *const *) terms))
      g_ptr_array_add (matches, g_ptr_array_index (self->store->incidents, i));

  incident_order.field = sort != NULL ? sort : "createdAt";
  incident_order.descending = order == NULL || g_str_equal (order, "desc");
  g_ptr_array_sort_with_data (matches, compare_incidents, &incident_order);

  _og_sandbox_respond_page (call, matches, page);
}

void
_og_sandbox_handle_incident_get (OgSandboxCall *call)
{
  OgSandbox *self = call->self;
  const char *identifier_type = _og_sandbox_call_get_query (call, "identifierType");
  JsonObject *incident = NULL;

  if (identifier_type != NULL && !g_str_equal (identifier_type, "id")
      && !g_str_equal (identifier_type, "tiny"))
    {
      g_autoptr (JsonObject) errors = json_object_new ();

      _og_sandbox_add_error (errors, "identifierType", "must be id or tiny");
      _og_sandbox_respond_invalid (call, errors);
      return;
    }

  if (g_strcmp0 (identifier_type, "tiny") == 0)
    {
      for (guint i = 0; i < self->store->incidents->len && incident == NULL; i++)
        if (g_str_equal (json_object_get_string_member (
                             g_ptr_array_index (self->store->incidents, i), "tinyId"),
                         call->id))
          incident = g_ptr_array_index (self->store->incidents, i);
    }
  else
    {
      incident = _og_sandbox_store_find (self->store->incidents, call->id);
    }

  if (incident == NULL)
    {
      _og_sandbox_respond_error (call, SOUP_STATUS_NOT_FOUND, NULL,
                                 "Incident with id %s does not exist", call->id);
      return;
    }
  _og_sandbox_respond_data (call, SOUP_STATUS_OK, _og_sandbox_object_node (incident));
}

void
_og_sandbox_handle_users_list (OgSandboxCall *call)
{
  OgSandbox *self = call->self;
  g_autoptr (JsonObject) errors = json_object_new ();
  g_autoptr (GPtrArray) matches = g_ptr_array_new ();
  const char *query = _og_sandbox_call_get_query (call, "query");
  g_autofree char *folded = query != NULL ? g_utf8_casefold (query, -1) : NULL;
  OgSandboxPage page = _og_sandbox_read_page (call, 100, 100, errors);

  if (json_object_get_size (errors) > 0)
    {
      _og_sandbox_respond_invalid (call, errors);
      return;
    }

  for (guint i = 0; i < self->store->users->len; i++)
    {
      JsonObject *user = g_ptr_array_index (self->store->users, i);

      if (folded == NULL
          || contains_casefolded (json_object_get_string_member (user, "username"), folded)
          || contains_casefolded (json_object_get_string_member (user, "fullName"), folded))
        g_ptr_array_add (matches, user);
    }

  _og_sandbox_respond_page (call, matches, page);
}

void
_og_sandbox_handle_teams_list (OgSandboxCall *call)
{
  GPtrArray *teams = call->self->store->teams;
  JsonArray *data = json_array_new ();
  JsonObject *envelope = json_object_new ();

  for (guint i = 0; i < teams->len; i++)
    json_array_add_element (data, _og_sandbox_object_node (g_ptr_array_index (teams, i)));
  json_object_set_array_member (envelope, "data", data);
  _og_sandbox_respond_object (call, SOUP_STATUS_OK, envelope);
}

void
_og_sandbox_handle_services_list (OgSandboxCall *call)
{
  g_autoptr (JsonObject) errors = json_object_new ();
  OgSandboxPage page = _og_sandbox_read_page (call, 20, 100, errors);

  if (json_object_get_size (errors) > 0)
    {
      _og_sandbox_respond_invalid (call, errors);
      return;
    }
  _og_sandbox_respond_page (call, call->self->store->services, page);
}

void
_og_sandbox_handle_account_get (OgSandboxCall *call)
{
  JsonObject *account = json_object_new ();
  JsonObject *plan = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (account, "name", "Sandbox Org");
  json_object_set_int_member (account, "userCount", call->self->store->users->len);
  json_object_set_int_member (plan, "maxUserCount", 100);
  json_object_set_string_member (plan, "name", "Standard");
  json_object_set_boolean_member (plan, "isYearly", TRUE);
  json_object_set_object_member (account, "plan", plan);
  json_node_take_object (node, account);
  _og_sandbox_respond_data (call, SOUP_STATUS_OK, node);
}
