/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "og-postmortem"

#include "config.h"

#include "og-postmortem.h"

#include "og-enum-types.h"
#include "og-json-private.h"
#include "og-postmortem-private.h"

G_DEFINE_FINAL_TYPE (OgPostmortem, og_postmortem, G_TYPE_OBJECT)

enum
{
  PROP_0,
  /* The editable fields first, in OgPostmortemField's order (see field_property). */
  PROP_TITLE,
  PROP_SEVERITY,
  PROP_STATUS,
  PROP_OWNER,
  PROP_JIRA_ISSUES,
  PROP_RELATED_INCIDENTS,
  PROP_AFFECTED_SERVICES,
  PROP_RESPONDER_TEAMS,
  PROP_RESPONDERS,
  PROP_EXECUTIVE_SUMMARY,
  PROP_CONTENT,
  PROP_ID,
  PROP_ROOT_INCIDENT,
  PROP_TIMELINE,
  PROP_START_TIME,
  PROP_END_TIME,
  PROP_RESPOND_TIME,
  PROP_RESOLVE_TIME,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_STATIC_ASSERT (PROP_TITLE - 1 == OG_POSTMORTEM_FIELD_TITLE);
G_STATIC_ASSERT (PROP_CONTENT - 1 == OG_POSTMORTEM_FIELD_CONTENT);

/* The property that holds @field. */
static GParamSpec *
field_property (OgPostmortemField field)
{
  return properties[PROP_TITLE + field];
}

typedef gboolean (*ElementEqualFunc) (gpointer a, gpointer b);

static gboolean
ref_equal (gpointer a, gpointer b)
{
  return og_ref_equal (a, b);
}

static gboolean
responder_equal (gpointer a, gpointer b)
{
  return og_responder_equal (a, b);
}

/* A related incident is the id the update sends; its message may change meanwhile. */
static gboolean
incident_equal (gpointer a, gpointer b)
{
  return g_strcmp0 (og_incident_get_id (a), og_incident_get_id (b)) == 0;
}

static gboolean
list_equal (GPtrArray *a, GPtrArray *b, ElementEqualFunc equal)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    if (!equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;

  return TRUE;
}

static gboolean
adf_equal (JsonNode *a, JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return json_node_equal (a, b);
}

static gboolean
elements_are (GPtrArray *list, GType type)
{
  for (guint i = 0; list != NULL && i < list->len; i++)
    if (!G_TYPE_CHECK_INSTANCE_TYPE (g_ptr_array_index (list, i), type))
      return FALSE;

  return TRUE;
}

/* Holds references to the same (immutable) elements: the caller's array stays theirs. */
static GPtrArray *
copy_list (GPtrArray *list)
{
  GPtrArray *copy = g_ptr_array_new_full (list ? list->len : 0, g_object_unref);

  for (guint i = 0; list != NULL && i < list->len; i++)
    g_ptr_array_add (copy, g_object_ref (g_ptr_array_index (list, i)));

  return copy;
}

/* Replaces *list with a copy of value, unless they are equal; TRUE when it did. */
static gboolean
set_list (GPtrArray **list, GPtrArray *value, ElementEqualFunc equal)
{
  g_autoptr (GPtrArray) copy = copy_list (value);

  if (list_equal (*list, copy, equal))
    return FALSE;

  g_ptr_array_unref (*list);
  *list = g_steal_pointer (&copy);
  return TRUE;
}

static gboolean
set_adf (JsonNode **adf, JsonNode *value)
{
  if (adf_equal (*adf, value))
    return FALSE;

  g_clear_pointer (adf, json_node_unref);
  if (value != NULL)
    *adf = _og_json_node_deep_copy (value);
  return TRUE;
}

static void
og_postmortem_finalize (GObject *object)
{
  OgPostmortem *self = OG_POSTMORTEM (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_object (&self->owner);
  g_clear_object (&self->root_incident);
  g_clear_object (&self->timeline);
  g_clear_pointer (&self->executive_summary, json_node_unref);
  g_clear_pointer (&self->content, json_node_unref);
  g_clear_pointer (&self->start_time, g_date_time_unref);
  g_clear_pointer (&self->end_time, g_date_time_unref);
  g_clear_pointer (&self->respond_time, g_date_time_unref);
  g_clear_pointer (&self->resolve_time, g_date_time_unref);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->jira_issues, g_strfreev);
  g_clear_pointer (&self->related_incidents, g_ptr_array_unref);
  g_clear_pointer (&self->affected_services, g_ptr_array_unref);
  g_clear_pointer (&self->responder_teams, g_ptr_array_unref);
  g_clear_pointer (&self->responders, g_ptr_array_unref);
  g_clear_pointer (&self->icc_sessions, json_node_unref);

  G_OBJECT_CLASS (og_postmortem_parent_class)->finalize (object);
}

static void
og_postmortem_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  OgPostmortem *self = OG_POSTMORTEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SEVERITY:
      g_value_set_enum (value, self->severity);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_OWNER:
      g_value_set_object (value, self->owner);
      break;
    case PROP_ROOT_INCIDENT:
      g_value_set_object (value, self->root_incident);
      break;
    case PROP_TIMELINE:
      g_value_set_object (value, self->timeline);
      break;
    case PROP_EXECUTIVE_SUMMARY:
      g_value_set_boxed (value, self->executive_summary);
      break;
    case PROP_CONTENT:
      g_value_set_boxed (value, self->content);
      break;
    case PROP_START_TIME:
      g_value_set_boxed (value, self->start_time);
      break;
    case PROP_END_TIME:
      g_value_set_boxed (value, self->end_time);
      break;
    case PROP_RESPOND_TIME:
      g_value_set_boxed (value, self->respond_time);
      break;
    case PROP_RESOLVE_TIME:
      g_value_set_boxed (value, self->resolve_time);
      break;
    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;
    case PROP_JIRA_ISSUES:
      g_value_set_boxed (value, self->jira_issues);
      break;
    case PROP_RELATED_INCIDENTS:
      g_value_set_boxed (value, self->related_incidents);
      break;
    case PROP_AFFECTED_SERVICES:
      g_value_set_boxed (value, self->affected_services);
      break;
    case PROP_RESPONDER_TEAMS:
      g_value_set_boxed (value, self->responder_teams);
      break;
    case PROP_RESPONDERS:
      g_value_set_boxed (value, self->responders);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
og_postmortem_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  OgPostmortem *self = OG_POSTMORTEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      og_postmortem_set_id (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      og_postmortem_set_title (self, g_value_get_string (value));
      break;
    case PROP_SEVERITY:
      og_postmortem_set_severity (self, g_value_get_enum (value));
      break;
    case PROP_STATUS:
      og_postmortem_set_status (self, g_value_get_enum (value));
      break;
    case PROP_OWNER:
      og_postmortem_set_owner (self, g_value_get_object (value));
      break;
    case PROP_EXECUTIVE_SUMMARY:
      og_postmortem_set_executive_summary (self, g_value_get_boxed (value));
      break;
    case PROP_CONTENT:
      og_postmortem_set_content (self, g_value_get_boxed (value));
      break;
    case PROP_JIRA_ISSUES:
      og_postmortem_set_jira_issues (self, g_value_get_boxed (value));
      break;
    case PROP_RELATED_INCIDENTS:
      og_postmortem_set_related_incidents (self, g_value_get_boxed (value));
      break;
    case PROP_AFFECTED_SERVICES:
      og_postmortem_set_affected_services (self, g_value_get_boxed (value));
      break;
    case PROP_RESPONDER_TEAMS:
      og_postmortem_set_responder_teams (self, g_value_get_boxed (value));
      break;
    case PROP_RESPONDERS:
      og_postmortem_set_responders (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
og_postmortem_class_init (OgPostmortemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = og_postmortem_finalize;
  object_class->get_property = og_postmortem_get_property;
  object_class->set_property = og_postmortem_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, rw);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_SEVERITY]
      = g_param_spec_enum ("severity", NULL, NULL, OG_TYPE_SEVERITY, OG_SEVERITY_P3, rw);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, OG_TYPE_POSTMORTEM_STATUS,
                                               OG_POSTMORTEM_STATUS_DRAFT, rw);
  properties[PROP_OWNER] = g_param_spec_object ("owner", NULL, NULL, OG_TYPE_REF, rw);
  properties[PROP_ROOT_INCIDENT]
      = g_param_spec_object ("root-incident", NULL, NULL, OG_TYPE_INCIDENT, ro);
  properties[PROP_TIMELINE] = g_param_spec_object ("timeline", NULL, NULL, OG_TYPE_REF, ro);
  properties[PROP_EXECUTIVE_SUMMARY]
      = g_param_spec_boxed ("executive-summary", NULL, NULL, JSON_TYPE_NODE, rw);
  properties[PROP_CONTENT] = g_param_spec_boxed ("content", NULL, NULL, JSON_TYPE_NODE, rw);
  properties[PROP_START_TIME] = g_param_spec_boxed ("start-time", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_END_TIME] = g_param_spec_boxed ("end-time", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_RESPOND_TIME]
      = g_param_spec_boxed ("respond-time", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_RESOLVE_TIME]
      = g_param_spec_boxed ("resolve-time", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_CREATED_AT] = g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_JIRA_ISSUES] = g_param_spec_boxed ("jira-issues", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_RELATED_INCIDENTS]
      = g_param_spec_boxed ("related-incidents", NULL, NULL, G_TYPE_PTR_ARRAY, rw);
  properties[PROP_AFFECTED_SERVICES]
      = g_param_spec_boxed ("affected-services", NULL, NULL, G_TYPE_PTR_ARRAY, rw);
  properties[PROP_RESPONDER_TEAMS]
      = g_param_spec_boxed ("responder-teams", NULL, NULL, G_TYPE_PTR_ARRAY, rw);
  properties[PROP_RESPONDERS] = g_param_spec_boxed ("responders", NULL, NULL, G_TYPE_PTR_ARRAY, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
og_postmortem_init (OgPostmortem *self)
{
  self->severity = OG_SEVERITY_P3;
  self->status = OG_POSTMORTEM_STATUS_DRAFT;
  self->jira_issues = g_new0 (char *, 1);
  self->related_incidents = g_ptr_array_new_with_free_func (g_object_unref);
  self->affected_services = g_ptr_array_new_with_free_func (g_object_unref);
  self->responder_teams = g_ptr_array_new_with_free_func (g_object_unref);
  self->responders = g_ptr_array_new_with_free_func (g_object_unref);
}

OgPostmortem *
og_postmortem_new (void)
{
  return g_object_new (OG_TYPE_POSTMORTEM, NULL);
}

OgPostmortem *
og_postmortem_copy (OgPostmortem *self)
{
  OgPostmortem *copy;

  g_return_val_if_fail (OG_IS_POSTMORTEM (self), NULL);

  copy = og_postmortem_new ();
  copy->id = g_strdup (self->id);
  copy->title = g_strdup (self->title);
  copy->severity = self->severity;
  copy->status = self->status;
  g_set_object (&copy->owner, self->owner);
  g_set_object (&copy->root_incident, self->root_incident);
  g_set_object (&copy->timeline, self->timeline);
  if (self->executive_summary != NULL)
    copy->executive_summary = _og_json_node_deep_copy (self->executive_summary);
  if (self->content != NULL)
    copy->content = _og_json_node_deep_copy (self->content);
  copy->start_time = self->start_time ? g_date_time_ref (self->start_time) : NULL;
  copy->end_time = self->end_time ? g_date_time_ref (self->end_time) : NULL;
  copy->respond_time = self->respond_time ? g_date_time_ref (self->respond_time) : NULL;
  copy->resolve_time = self->resolve_time ? g_date_time_ref (self->resolve_time) : NULL;
  copy->created_at = self->created_at ? g_date_time_ref (self->created_at) : NULL;
  g_strfreev (copy->jira_issues);
  copy->jira_issues = g_strdupv (self->jira_issues);
  g_ptr_array_unref (copy->related_incidents);
  copy->related_incidents = copy_list (self->related_incidents);
  g_ptr_array_unref (copy->affected_services);
  copy->affected_services = copy_list (self->affected_services);
  g_ptr_array_unref (copy->responder_teams);
  copy->responder_teams = copy_list (self->responder_teams);
  g_ptr_array_unref (copy->responders);
  copy->responders = copy_list (self->responders);
  if (self->icc_sessions != NULL)
    copy->icc_sessions = _og_json_node_deep_copy (self->icc_sessions);

  return copy;
}

gboolean
og_postmortem_field_equal (OgPostmortem *a, OgPostmortem *b, OgPostmortemField field)
{
  g_return_val_if_fail (OG_IS_POSTMORTEM (a), FALSE);
  g_return_val_if_fail (OG_IS_POSTMORTEM (b), FALSE);
  g_return_val_if_fail (field < OG_N_POSTMORTEM_FIELDS, FALSE);

  switch (field)
    {
    case OG_POSTMORTEM_FIELD_TITLE:
      return g_strcmp0 (a->title, b->title) == 0;
    case OG_POSTMORTEM_FIELD_SEVERITY:
      return a->severity == b->severity;
    case OG_POSTMORTEM_FIELD_STATUS:
      return a->status == b->status;
    case OG_POSTMORTEM_FIELD_OWNER:
      /* The update sends only the id: a renamed owner is the same owner. */
      return g_strcmp0 (a->owner ? og_ref_get_id (a->owner) : NULL,
                        b->owner ? og_ref_get_id (b->owner) : NULL)
             == 0;
    case OG_POSTMORTEM_FIELD_JIRA_ISSUES:
      return g_strv_equal ((const char *const *) a->jira_issues,
                           (const char *const *) b->jira_issues);
    case OG_POSTMORTEM_FIELD_RELATED_INCIDENTS:
      return list_equal (a->related_incidents, b->related_incidents, incident_equal);
    case OG_POSTMORTEM_FIELD_AFFECTED_SERVICES:
      return list_equal (a->affected_services, b->affected_services, ref_equal);
    case OG_POSTMORTEM_FIELD_RESPONDER_TEAMS:
      return list_equal (a->responder_teams, b->responder_teams, ref_equal);
    case OG_POSTMORTEM_FIELD_RESPONDER_USERS:
      return list_equal (a->responders, b->responders, responder_equal);
    case OG_POSTMORTEM_FIELD_EXECUTIVE_SUMMARY:
      return adf_equal (a->executive_summary, b->executive_summary);
    case OG_POSTMORTEM_FIELD_CONTENT:
      return adf_equal (a->content, b->content);
    default:
      g_assert_not_reached ();
    }
}

void
og_postmortem_copy_field (OgPostmortem *to, OgPostmortem *from, OgPostmortemField field)
{
  g_auto (GValue) value = G_VALUE_INIT;
  GParamSpec *pspec;

  g_return_if_fail (OG_IS_POSTMORTEM (to));
  g_return_if_fail (OG_IS_POSTMORTEM (from));
  g_return_if_fail (field < OG_N_POSTMORTEM_FIELDS);

  /* Through the property: its setter is the field's own, which copies and notifies. */
  pspec = field_property (field);
  g_value_init (&value, pspec->value_type);
  g_object_get_property (G_OBJECT (from), pspec->name, &value);
  g_object_set_property (G_OBJECT (to), pspec->name, &value);
}

const char *
og_postmortem_get_id (OgPostmortem *self)
{
  g_return_val_if_fail (OG_IS_POSTMORTEM (self), NULL);

  return self->id;
}

void
og_postmortem_set_id (OgPostmortem *self, const char *id)
{
  g_return_if_fail (OG_IS_POSTMORTEM (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;

  g_free (self->id);
  self->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
og_postmortem_get_title (OgPostmortem *self)
{
  g_return_val_if_fail (OG_IS_POSTMORTEM (self), NULL);

  return self->title;
}

void
og_postmortem_set_title (OgPostmortem *self, const char *title)
{
  g_return_if_fail (OG_IS_POSTMORTEM (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

OgSeverity
og_postmortem_get_severity (OgPostmortem *self)
{
  g_return_val_if_fail (OG_IS_POSTMORTEM (self), OG_SEVERITY_P3);

  return self->severity;
}

void
og_postmortem_set_severity (OgPostmortem *self, OgSeverity severity)
{
  g_return_if_fail (OG_IS_POSTMORTEM (self));
  g_return_if_fail (severity <= OG_SEVERITY_P5);

  if (self->severity == severity)
    return;

  self->severity = severity;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEVERITY]);
}

OgPostmortemStatus
og_postmortem_get_status (OgPostmortem *self)
{
  g_return_val_if_fail (OG_IS_POSTMORTEM (self), OG_POSTMORTEM_STATUS_DRAFT);

  return self->status;
}

void
og_postmortem_set_status (OgPostmortem *self, OgPostmortemStatus status)
{
  g_return_if_fail (OG_IS_POSTMORTEM (self));
  g_return_if_fail (status <= OG_POSTMORTEM_STATUS_PUBLISHED);

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

OgRef *
og_postmortem_get_owner (OgPostmortem *self)
{
  g_return_val_if_fail (OG_IS_POSTMORTEM (self), NULL);

  return self->owner;
}

void
og_postmortem_set_owner (OgPostmortem *self, OgRef *owner)
{
  g_return_if_fail (OG_IS_POSTMORTEM (self));
  g_return_if_fail (owner == NULL || OG_IS_REF (owner));

  if (og_ref_equal (self->owner, owner))
    return;

  g_set_object (&self->owner, owner);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER]);
}

OgIncident *
og_postmortem_get_root_incident (OgPostmortem *self)
{
  g_return_val_if_fail (OG_IS_POSTMORTEM (self), NULL);

  return self->root_incident;
}

OgRef *
og_postmortem_get_timeline (OgPostmortem *self)
{
  g_return_val_if_fail (OG_IS_POSTMORTEM (self), NULL);

  return self->timeline;
}

JsonNode *
og_postmortem_get_executive_summary (OgPostmortem *self)
{
  g_return_val_if_fail (OG_IS_POSTMORTEM (self), NULL);

  return self->executive_summary;
}

/* Keeps a deep copy of adf (a JSON object node, or NULL for none). */
void
og_postmortem_set_executive_summary (OgPostmortem *self, JsonNode *adf)
{
  g_return_if_fail (OG_IS_POSTMORTEM (self));
  g_return_if_fail (adf == NULL || JSON_NODE_HOLDS_OBJECT (adf));

  if (set_adf (&self->executive_summary, adf))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXECUTIVE_SUMMARY]);
}

JsonNode *
og_postmortem_get_content (OgPostmortem *self)
{
  g_return_val_if_fail (OG_IS_POSTMORTEM (self), NULL);

  return self->content;
}

/* Keeps a deep copy of adf (a JSON object node, or NULL for none). */
void
og_postmortem_set_content (OgPostmortem *self, JsonNode *adf)
{
  g_return_if_fail (OG_IS_POSTMORTEM (self));
  g_return_if_fail (adf == NULL || JSON_NODE_HOLDS_OBJECT (adf));

  if (set_adf (&self->content, adf))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT]);
}

GDateTime *
og_postmortem_get_start_time (OgPostmortem *self)
{
  g_return_val_if_fail (OG_IS_POSTMORTEM (self), NULL);

  return self->start_time;
}

GDateTime *
og_postmortem_get_end_time (OgPostmortem *self)
{
  g_return_val_if_fail (OG_IS_POSTMORTEM (self), NULL);

  return self->end_time;
}

GDateTime *
og_postmortem_get_respond_time (OgPostmortem *self)
{
  g_return_val_if_fail (OG_IS_POSTMORTEM (self), NULL);

  return self->respond_time;
}

GDateTime *
og_postmortem_get_resolve_time (OgPostmortem *self)
{
  g_return_val_if_fail (OG_IS_POSTMORTEM (self), NULL);

  return self->resolve_time;
}

GDateTime *
og_postmortem_get_created_at (OgPostmortem *self)
{
  g_return_val_if_fail (OG_IS_POSTMORTEM (self), NULL);

  return self->created_at;
}

/* Never NULL. */
const char *const *
og_postmortem_get_jira_issues (OgPostmortem *self)
{
  g_return_val_if_fail (OG_IS_POSTMORTEM (self), NULL);

  return (const char *const *) self->jira_issues;
}

/* urls NULL empties the list. */
void
og_postmortem_set_jira_issues (OgPostmortem *self, const char *const *urls)
{
  const char *const none[] = { NULL };

  g_return_if_fail (OG_IS_POSTMORTEM (self));

  if (urls == NULL)
    urls = none;
  if (g_strv_equal ((const char *const *) self->jira_issues, urls))
    return;

  g_strfreev (self->jira_issues);
  self->jira_issues = g_strdupv ((char **) urls);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JIRA_ISSUES]);
}

GPtrArray *
og_postmortem_get_related_incidents (OgPostmortem *self)
{
  g_return_val_if_fail (OG_IS_POSTMORTEM (self), NULL);

  return self->related_incidents;
}

/* Related incidents are the same when their ids are: nothing else of them is sent. */
void
og_postmortem_set_related_incidents (OgPostmortem *self, GPtrArray *incidents)
{
  g_return_if_fail (OG_IS_POSTMORTEM (self));
  g_return_if_fail (elements_are (incidents, OG_TYPE_INCIDENT));

  if (set_list (&self->related_incidents, incidents, incident_equal))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELATED_INCIDENTS]);
}

GPtrArray *
og_postmortem_get_affected_services (OgPostmortem *self)
{
  g_return_val_if_fail (OG_IS_POSTMORTEM (self), NULL);

  return self->affected_services;
}

void
og_postmortem_set_affected_services (OgPostmortem *self, GPtrArray *services)
{
  g_return_if_fail (OG_IS_POSTMORTEM (self));
  g_return_if_fail (elements_are (services, OG_TYPE_REF));

  if (set_list (&self->affected_services, services, ref_equal))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AFFECTED_SERVICES]);
}

GPtrArray *
og_postmortem_get_responder_teams (OgPostmortem *self)
{
  g_return_val_if_fail (OG_IS_POSTMORTEM (self), NULL);

  return self->responder_teams;
}

void
og_postmortem_set_responder_teams (OgPostmortem *self, GPtrArray *teams)
{
  g_return_if_fail (OG_IS_POSTMORTEM (self));
  g_return_if_fail (elements_are (teams, OG_TYPE_REF));

  if (set_list (&self->responder_teams, teams, ref_equal))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESPONDER_TEAMS]);
}

GPtrArray *
og_postmortem_get_responders (OgPostmortem *self)
{
  g_return_val_if_fail (OG_IS_POSTMORTEM (self), NULL);

  return self->responders;
}

void
og_postmortem_set_responders (OgPostmortem *self, GPtrArray *responders)
{
  g_return_if_fail (OG_IS_POSTMORTEM (self));
  g_return_if_fail (elements_are (responders, OG_TYPE_RESPONDER));

  if (set_list (&self->responders, responders, responder_equal))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESPONDERS]);
}
