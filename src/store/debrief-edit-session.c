/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-edit-session"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-edit-session.h"

#include "debrief-edit-session-private.h"
#include "og-enum-types.h"

/* DebriefEditSession: the object, its properties and signals. The field states and edits are
 * in debrief-edit-session-fields.c, opening and drafts in debrief-edit-session-open.c, saving
 * and conflicts in debrief-edit-session-save.c, the revert, delete and create in
 * debrief-edit-session-actions.c. */

GParamSpec *_debrief_edit_session_properties[N_PROPS];
guint _debrief_edit_session_signals[N_SIGNALS];
#define properties _debrief_edit_session_properties
#define signals    _debrief_edit_session_signals

G_DEFINE_FINAL_TYPE (DebriefEditSession, debrief_edit_session, G_TYPE_OBJECT)

GQuark
debrief_edit_session_error_quark (void)
{
  return g_quark_from_static_string ("debrief-edit-session-error-quark");
}

void
_debrief_edit_session_set_flag (DebriefEditSession *self, guint prop, gboolean value)
{
  gboolean old;

  value = !!value;
  switch (prop)
    {
    case PROP_FROM_CACHE:
      old = self->from_cache;
      self->from_cache = value;
      break;
    case PROP_LOADING:
      old = self->loading;
      self->loading = value;
      break;
    case PROP_DIRTY:
      old = self->dirty;
      self->dirty = value;
      break;
    case PROP_SAVING:
      old = self->saving;
      self->saving = value;
      break;
    case PROP_READ_ONLY:
      old = self->read_only;
      self->read_only = value;
      break;
    case PROP_DRAFT_AVAILABLE:
      old = self->draft_available;
      self->draft_available = value;
      break;
    default:
      g_assert_not_reached ();
    }

  if (old != value)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
_debrief_edit_session_set_uint (DebriefEditSession *self, guint *field, guint value, guint prop)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
_debrief_edit_session_set_base (DebriefEditSession *self, OgPostmortem *base)
{
  if (!g_set_object (&self->base, base))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE]);
}

void
_debrief_edit_session_set_fetched (DebriefEditSession *self,
                                   gboolean from_cache,
                                   GDateTime *fetched_at)
{
  _debrief_edit_session_set_flag (self, PROP_FROM_CACHE, from_cache);
  if (fetched_at != NULL && self->fetched_at != NULL
      && g_date_time_equal (fetched_at, self->fetched_at))
    return;
  g_clear_pointer (&self->fetched_at, g_date_time_unref);
  if (fetched_at != NULL)
    self->fetched_at = g_date_time_ref (fetched_at);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FETCHED_AT]);
}

/* GObject */

static void
debrief_edit_session_dispose (GObject *object)
{
  DebriefEditSession *self = DEBRIEF_EDIT_SESSION (object);

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->conflicts_plan);
  g_clear_object (&self->conflicts_server);

  G_OBJECT_CLASS (debrief_edit_session_parent_class)->dispose (object);
}

static void
debrief_edit_session_finalize (GObject *object)
{
  DebriefEditSession *self = DEBRIEF_EDIT_SESSION (object);

  g_clear_object (&self->library);
  g_clear_object (&self->client);
  g_clear_object (&self->base);
  g_clear_object (&self->working);
  g_clear_object (&self->open_cancellable);
  g_clear_object (&self->draft_base);
  g_clear_object (&self->draft_working);
  g_clear_pointer (&self->draft_saved_at, g_date_time_unref);
  g_clear_pointer (&self->fetched_at, g_date_time_unref);
  for (guint f = 0; f < OG_N_POSTMORTEM_FIELDS; f++)
    g_clear_error (&self->field_errors[f]);
  g_free (self->actor_user_id);
  g_free (self->id);

  G_OBJECT_CLASS (debrief_edit_session_parent_class)->finalize (object);
}

static void
debrief_edit_session_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DebriefEditSession *self = DEBRIEF_EDIT_SESSION (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_ACTOR_USER_ID:
      g_value_set_string (value, self->actor_user_id);
      break;
    case PROP_POSTMORTEM_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_BASE:
      g_value_set_object (value, self->base);
      break;
    case PROP_WORKING:
      g_value_set_object (value, self->working);
      break;
    case PROP_FROM_CACHE:
      g_value_set_boolean (value, self->from_cache);
      break;
    case PROP_FETCHED_AT:
      g_value_set_boxed (value, self->fetched_at);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    case PROP_SAVING:
      g_value_set_boolean (value, self->saving);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_N_STEPS:
      g_value_set_uint (value, self->n_steps);
      break;
    case PROP_N_STEPS_DONE:
      g_value_set_uint (value, self->n_steps_done);
      break;
    case PROP_DRAFT_AVAILABLE:
      g_value_set_boolean (value, self->draft_available);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_edit_session_set_property (GObject *object,
                                   guint prop_id,
                                   const GValue *value,
                                   GParamSpec *pspec)
{
  DebriefEditSession *self = DEBRIEF_EDIT_SESSION (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_ACTOR_USER_ID:
      self->actor_user_id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_edit_session_class_init (DebriefEditSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = debrief_edit_session_dispose;
  object_class->finalize = debrief_edit_session_finalize;
  object_class->get_property = debrief_edit_session_get_property;
  object_class->set_property = debrief_edit_session_set_property;

  properties[PROP_LIBRARY]
      = g_param_spec_object ("library", NULL, NULL, DEBRIEF_TYPE_LIBRARY, construct);
  properties[PROP_CLIENT] = g_param_spec_object ("client", NULL, NULL, OG_TYPE_CLIENT, construct);
  properties[PROP_ACTOR_USER_ID]
      = g_param_spec_string ("actor-user-id", NULL, NULL, NULL, construct);
  properties[PROP_POSTMORTEM_ID] = g_param_spec_string ("postmortem-id", NULL, NULL, NULL, ro);
  properties[PROP_BASE] = g_param_spec_object ("base", NULL, NULL, OG_TYPE_POSTMORTEM, ro);
  properties[PROP_WORKING] = g_param_spec_object ("working", NULL, NULL, OG_TYPE_POSTMORTEM, ro);
  properties[PROP_FROM_CACHE] = g_param_spec_boolean ("from-cache", NULL, NULL, FALSE, ro);
  properties[PROP_FETCHED_AT] = g_param_spec_boxed ("fetched-at", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, ro);
  properties[PROP_DIRTY] = g_param_spec_boolean ("dirty", NULL, NULL, FALSE, ro);
  properties[PROP_SAVING] = g_param_spec_boolean ("saving", NULL, NULL, FALSE, ro);
  properties[PROP_READ_ONLY] = g_param_spec_boolean ("read-only", NULL, NULL, FALSE, ro);
  properties[PROP_N_STEPS] = g_param_spec_uint ("n-steps", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_STEPS_DONE]
      = g_param_spec_uint ("n-steps-done", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_DRAFT_AVAILABLE]
      = g_param_spec_boolean ("draft-available", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FIELD_CHANGED]
      = g_signal_new ("field-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                      NULL, G_TYPE_NONE, 1, OG_TYPE_POSTMORTEM_FIELD);
  signals[FIELD_STATE_CHANGED]
      = g_signal_new ("field-state-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                      NULL, NULL, G_TYPE_NONE, 1, OG_TYPE_POSTMORTEM_FIELD);
}

static void
debrief_edit_session_init (DebriefEditSession *self)
{
  self->open_cancellable = g_cancellable_new ();
}

/* Public API */

DebriefEditSession *
debrief_edit_session_new (DebriefLibrary *library, OgClient *client, const char *actor_user_id)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (OG_IS_CLIENT (client), NULL);

  return g_object_new (DEBRIEF_TYPE_EDIT_SESSION, "library", library, "client", client,
                       "actor-user-id", actor_user_id, NULL);
}

DebriefLibrary *
debrief_edit_session_get_library (DebriefEditSession *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EDIT_SESSION (self), NULL);
  return self->library;
}

const char *
debrief_edit_session_get_postmortem_id (DebriefEditSession *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EDIT_SESSION (self), NULL);
  return self->id;
}

OgPostmortem *
debrief_edit_session_get_base (DebriefEditSession *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EDIT_SESSION (self), NULL);
  return self->base;
}

OgPostmortem *
debrief_edit_session_get_working (DebriefEditSession *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EDIT_SESSION (self), NULL);
  return self->working;
}

gboolean
debrief_edit_session_get_from_cache (DebriefEditSession *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EDIT_SESSION (self), FALSE);
  return self->from_cache;
}

GDateTime *
debrief_edit_session_get_fetched_at (DebriefEditSession *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EDIT_SESSION (self), NULL);
  return self->fetched_at;
}

gboolean
debrief_edit_session_get_loading (DebriefEditSession *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EDIT_SESSION (self), FALSE);
  return self->loading;
}

gboolean
debrief_edit_session_get_dirty (DebriefEditSession *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EDIT_SESSION (self), FALSE);
  return self->dirty;
}

gboolean
debrief_edit_session_get_saving (DebriefEditSession *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EDIT_SESSION (self), FALSE);
  return self->saving;
}

gboolean
debrief_edit_session_get_read_only (DebriefEditSession *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EDIT_SESSION (self), FALSE);
  return self->read_only;
}

guint
debrief_edit_session_get_n_steps (DebriefEditSession *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EDIT_SESSION (self), 0);
  return self->n_steps;
}

guint
debrief_edit_session_get_n_steps_done (DebriefEditSession *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EDIT_SESSION (self), 0);
  return self->n_steps_done;
}
