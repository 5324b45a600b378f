/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-edit-session"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-edit-session.h"

#include "debrief-edit-session-private.h"
#include "debrief-library-private.h"
#include "debrief-postmortem-ref.h"
#include "og-enum-types.h"
#include "og-error.h"

/* DebriefEditSession: the object, opening, drafts and the field states. Saving, conflicts,
 * the revert, delete and create are in debrief-edit-session-save.c. */

enum
{
  FIELD_CHANGED,
  FIELD_STATE_CHANGED,
  N_SIGNALS
};

GParamSpec *_debrief_edit_session_properties[N_PROPS];
#define properties _debrief_edit_session_properties
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DebriefEditSession, debrief_edit_session, G_TYPE_OBJECT)

G_DEFINE_QUARK (debrief - edit - session - error - quark, debrief_edit_session_error)

void
_debrief_postmortem_copy_field (OgPostmortem *to, OgPostmortem *from, OgPostmortemField field)
{
  switch (field)
    {
    case OG_POSTMORTEM_FIELD_TITLE:
      og_postmortem_set_title (to, og_postmortem_get_title (from));
      break;
    case OG_POSTMORTEM_FIELD_SEVERITY:
      og_postmortem_set_severity (to, og_postmortem_get_severity (from));
      break;
    case OG_POSTMORTEM_FIELD_STATUS:
      og_postmortem_set_status (to, og_postmortem_get_status (from));
      break;
    case OG_POSTMORTEM_FIELD_OWNER:
      og_postmortem_set_owner (to, og_postmortem_get_owner (from));
      break;
    case OG_POSTMORTEM_FIELD_JIRA_ISSUES:
      og_postmortem_set_jira_issues (to, og_postmortem_get_jira_issues (from));
      break;
    case OG_POSTMORTEM_FIELD_RELATED_INCIDENTS:
      og_postmortem_set_related_incidents (to, og_postmortem_get_related_incidents (from));
      break;
    case OG_POSTMORTEM_FIELD_AFFECTED_SERVICES:
      og_postmortem_set_affected_services (to, og_postmortem_get_affected_services (from));
      break;
    case OG_POSTMORTEM_FIELD_RESPONDER_TEAMS:
      og_postmortem_set_responder_teams (to, og_postmortem_get_responder_teams (from));
      break;
    case OG_POSTMORTEM_FIELD_RESPONDER_USERS:
      og_postmortem_set_responders (to, og_postmortem_get_responders (from));
      break;
    case OG_POSTMORTEM_FIELD_EXECUTIVE_SUMMARY:
      og_postmortem_set_executive_summary (to, og_postmortem_get_executive_summary (from));
      break;
    case OG_POSTMORTEM_FIELD_CONTENT:
      og_postmortem_set_content (to, og_postmortem_get_content (from));
      break;
    default:
      g_assert_not_reached ();
    }
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

void
_debrief_edit_session_set_field_error (DebriefEditSession *self,
                                       OgPostmortemField field,
                                       const GError *error)
{
  g_clear_error (&self->field_errors[field]);
  if (error != NULL)
    self->field_errors[field] = g_error_copy (error);
}

void
_debrief_edit_session_update_states (DebriefEditSession *self)
{
  gboolean dirty = FALSE;

  for (guint f = 0; f < OG_N_POSTMORTEM_FIELDS; f++)
    {
      DebriefFieldState state = DEBRIEF_FIELD_STATE_CLEAN;
      gboolean differs
          = self->base != NULL && !og_postmortem_field_equal (self->base, self->working, f);

      if (self->conflicts_plan != NULL)
        for (guint i = 0; i < debrief_save_plan_get_n_conflicts (self->conflicts_plan); i++)
          {
            const DebriefSaveConflict *conflict
                = debrief_save_plan_get_conflict (self->conflicts_plan, i);

            if (conflict->field == f && conflict->choice == DEBRIEF_CONFLICT_UNRESOLVED)
              state = DEBRIEF_FIELD_STATE_CONFLICT;
          }

      if (!differs)
        _debrief_edit_session_set_field_error (self, f, NULL);
      else if (state != DEBRIEF_FIELD_STATE_CONFLICT)
        state = self->field_errors[f] != NULL && self->field_errors[f]->domain == OG_ERROR
                    ? DEBRIEF_FIELD_STATE_FAILED
                    : DEBRIEF_FIELD_STATE_UNSAVED;

      dirty |= differs;
      if (self->states[f] != state)
        {
          self->states[f] = state;
          g_signal_emit (self, signals[FIELD_STATE_CHANGED], 0, (OgPostmortemField) f);
        }
    }

  _debrief_edit_session_set_flag (self, PROP_DIRTY, dirty);
  _debrief_edit_session_set_flag (self, PROP_READ_ONLY,
                                  self->base != NULL
                                      && og_postmortem_get_status (self->base)
                                             == OG_POSTMORTEM_STATUS_PUBLISHED);
}

void
_debrief_edit_session_take_field (DebriefEditSession *self,
                                  OgPostmortem *from,
                                  OgPostmortemField field)
{
  if (og_postmortem_field_equal (self->working, from, field))
    return;
  _debrief_postmortem_copy_field (self->working, from, field);
  g_signal_emit (self, signals[FIELD_CHANGED], 0, field);
}

void
_debrief_edit_session_show (DebriefEditSession *self,
                            OgPostmortem *postmortem,
                            gboolean from_cache,
                            GDateTime *fetched_at)
{
  g_autoptr (OgPostmortem) base = og_postmortem_copy (postmortem);

  g_clear_object (&self->working);
  self->working = og_postmortem_copy (postmortem);
  _debrief_edit_session_set_base (self, base);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKING]);
  _debrief_edit_session_set_fetched (self, from_cache, fetched_at);
  _debrief_edit_session_update_states (self);
}

void
_debrief_edit_session_rebase (DebriefEditSession *self, OgPostmortem *fresh)
{
  g_autoptr (OgPostmortem) new_base = og_postmortem_copy (fresh);

  for (guint f = 0; f < OG_N_POSTMORTEM_FIELDS; f++)
    {
      gboolean mine = !og_postmortem_field_equal (self->base, self->working, f);

      if (!mine)
        _debrief_edit_session_take_field (self, fresh, f);
      else if (!og_postmortem_field_equal (self->base, fresh, f)
               && !og_postmortem_field_equal (self->working, fresh, f))
        /* Both changed it: the old base keeps the conflict visible to the save. */
        _debrief_postmortem_copy_field (new_base, self->base, f);
    }

  _debrief_edit_session_set_base (self, new_base);
  _debrief_edit_session_update_states (self);
}

void
_debrief_edit_session_journal (DebriefEditSession *self)
{
  DebriefDrafts *drafts = debrief_library_get_drafts (self->library);
  g_autoptr (GError) error = NULL;

  if (self->closed || self->id == NULL || self->working == NULL)
    return;

  if (self->dirty)
    debrief_drafts_update (drafts, self->base, self->working);
  else if (debrief_drafts_has (drafts, self->id)
           && !debrief_drafts_discard (drafts, self->id, &error))
    _debrief_library_emit_store_error (self->library, error);
}

void
_debrief_edit_session_record_saved (DebriefEditSession *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GError) error = NULL;

  /* A cache write that fails is reported by the library (::store-error). */
  debrief_library_record_fetch (self->library, self->base, NULL);
  if (!debrief_library_save (self->library, &error))
    _debrief_library_emit_store_error (self->library, error);
  _debrief_edit_session_set_fetched (self, FALSE, now);
}

static void
clear_draft (DebriefEditSession *self)
{
  g_clear_object (&self->draft_base);
  g_clear_object (&self->draft_working);
  g_clear_pointer (&self->draft_saved_at, g_date_time_unref);
  _debrief_edit_session_set_flag (self, PROP_DRAFT_AVAILABLE, FALSE);
}

static gboolean
same_fields (OgPostmortem *a, OgPostmortem *b)
{
  for (guint f = 0; f < OG_N_POSTMORTEM_FIELDS; f++)
    if (!og_postmortem_field_equal (a, b, f))
      return FALSE;
  return TRUE;
}

/* A draft that holds what the server has already (a save that finished but whose draft was
 * not dropped) offers nothing to restore. */
static void
drop_draft_if_saved (DebriefEditSession *self)
{
  g_autoptr (GError) error = NULL;

  if (!self->draft_available || self->base == NULL
      || !same_fields (self->draft_working, self->base))
    return;

  g_debug ("the draft of %s holds what the server has: dropped", self->id);
  clear_draft (self);
  if (!debrief_drafts_discard (debrief_library_get_drafts (self->library), self->id, &error))
    _debrief_library_emit_store_error (self->library, error);
}

static void
load_draft (DebriefEditSession *self)
{
  DebriefDrafts *drafts = debrief_library_get_drafts (self->library);
  g_autoptr (GError) error = NULL;

  if (self->draft_available || !debrief_drafts_has (drafts, self->id))
    return;

  if (!debrief_drafts_load (drafts, self->id, &self->draft_base, &self->draft_working,
                            &self->draft_saved_at, &error))
    {
      /* A damaged draft was moved aside: the library says so. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        _debrief_library_emit_store_error (self->library, error);
      return;
    }

  _debrief_edit_session_set_flag (self, PROP_DRAFT_AVAILABLE, TRUE);
  drop_draft_if_saved (self);
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

/* Open */

typedef struct
{
  GCancellable *caller;
  gulong handler;
} OpenLink;

static void
open_link_free (OpenLink *link)
{
  g_cancellable_disconnect (link->caller, link->handler);
  g_object_unref (link->caller);
  g_free (link);
}

static void
cancel_open (GCancellable *caller, gpointer user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static void
on_open_fetched (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  DebriefEditSession *self = g_task_get_source_object (task);
  g_autoptr (OgPostmortem) postmortem = NULL;
  g_autoptr (GDateTime) fetched_at = NULL;
  g_autoptr (GError) error = NULL;
  gboolean from_cache = FALSE;

  _debrief_edit_session_set_flag (self, PROP_LOADING, FALSE);
  postmortem = debrief_library_open_finish (DEBRIEF_LIBRARY (object), result, &from_cache, &error);
  if (postmortem == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (from_cache)
    {
      /* Offline: the cached copy is what there is; it is on screen already unless it
       * appeared between the start of the open and now. */
      if (self->base == NULL)
        {
          g_autoptr (OgPostmortem) cached = debrief_cache_load (
              debrief_library_get_cache (self->library), self->id, &fetched_at, NULL);

          _debrief_edit_session_show (self, cached ? cached : postmortem, TRUE, fetched_at);
        }
    }
  else
    {
      fetched_at = g_date_time_new_now_utc ();
      if (self->base == NULL)
        _debrief_edit_session_show (self, postmortem, FALSE, fetched_at);
      else
        {
          _debrief_edit_session_rebase (self, postmortem);
          _debrief_edit_session_set_fetched (self, FALSE, fetched_at);
        }
      drop_draft_if_saved (self);
    }

  g_task_return_boolean (task, TRUE);
}

void
debrief_edit_session_open_async (DebriefEditSession *self,
                                 const char *id_or_url,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  DebriefCache *cache;
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) fetched_at = NULL;
  g_autoptr (OgPostmortem) cached = NULL;
  g_autofree char *id = NULL;

  g_return_if_fail (DEBRIEF_IS_EDIT_SESSION (self));
  g_return_if_fail (id_or_url != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, debrief_edit_session_open_async);

  id = debrief_parse_postmortem_reference (id_or_url, NULL, &error);
  if (id == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* One postmortem per session: opening again refreshes it. */
  if (self->closed || (self->id != NULL && !g_str_equal (self->id, id)))
    {
      g_task_return_new_error (task, DEBRIEF_EDIT_SESSION_ERROR,
                               DEBRIEF_EDIT_SESSION_ERROR_NOT_OPEN,
                               _ ("This page is closed or shows another postmortem"));
      return;
    }
  if (self->id == NULL)
    {
      self->id = g_steal_pointer (&id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSTMORTEM_ID]);
    }

  cache = debrief_library_get_cache (self->library);
  if (self->base == NULL)
    {
      g_autoptr (GError) cache_error = NULL;

      cached = debrief_cache_load (cache, self->id, &fetched_at, &cache_error);
      if (cached != NULL)
        _debrief_edit_session_show (self, cached, TRUE, fetched_at);
      else if (!g_error_matches (cache_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        _debrief_library_emit_store_error (self->library, cache_error);
    }
  load_draft (self);

  /* The fetch stops when the caller cancels or the page closes. */
  if (g_cancellable_is_cancelled (self->open_cancellable))
    {
      g_object_unref (self->open_cancellable);
      self->open_cancellable = g_cancellable_new ();
    }
  if (cancellable != NULL)
    {
      OpenLink *link = g_new0 (OpenLink, 1);

      link->caller = g_object_ref (cancellable);
      link->handler = g_cancellable_connect (cancellable, G_CALLBACK (cancel_open),
                                             g_object_ref (self->open_cancellable), g_object_unref);
      g_task_set_task_data (task, link, (GDestroyNotify) open_link_free);
    }
  _debrief_edit_session_set_flag (self, PROP_LOADING, TRUE);
  debrief_library_open_async (self->library, self->client, self->id, self->open_cancellable,
                              on_open_fetched, g_steal_pointer (&task));
}

gboolean
debrief_edit_session_open_finish (DebriefEditSession *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Drafts and edits */

gboolean
debrief_edit_session_get_draft_available (DebriefEditSession *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EDIT_SESSION (self), FALSE);
  return self->draft_available;
}

GDateTime *
debrief_edit_session_get_draft_saved_at (DebriefEditSession *self)
{
  g_return_val_if_fail (DEBRIEF_IS_EDIT_SESSION (self), NULL);
  return self->draft_saved_at;
}

gboolean
debrief_edit_session_restore_draft (DebriefEditSession *self, GError **error)
{
  g_autoptr (OgPostmortem) server = NULL;
  g_autoptr (OgPostmortem) draft_base = NULL;

  g_return_val_if_fail (DEBRIEF_IS_EDIT_SESSION (self), FALSE);

  if (!self->draft_available)
    {
      g_set_error_literal (error, DEBRIEF_EDIT_SESSION_ERROR, DEBRIEF_EDIT_SESSION_ERROR_NOT_OPEN,
                           _ ("There is no draft to restore"));
      return FALSE;
    }

  /* The draft was edited from its own base; what the server holds now (if known) is merged
   * in as a rebase, so that a field only someone else changed since is not sent back. */
  server = self->base ? g_object_ref (self->base) : NULL;
  draft_base = og_postmortem_copy (self->draft_base ? self->draft_base : self->draft_working);
  if (self->working == NULL)
    _debrief_edit_session_show (self, draft_base, self->from_cache, self->fetched_at);
  else
    _debrief_edit_session_set_base (self, draft_base);
  for (guint f = 0; f < OG_N_POSTMORTEM_FIELDS; f++)
    _debrief_edit_session_take_field (self, self->draft_working, f);
  if (server != NULL)
    _debrief_edit_session_rebase (self, server);
  else
    _debrief_edit_session_update_states (self);

  clear_draft (self);
  _debrief_edit_session_journal (self);
  return TRUE;
}

gboolean
debrief_edit_session_discard_draft (DebriefEditSession *self, GError **error)
{
  g_return_val_if_fail (DEBRIEF_IS_EDIT_SESSION (self), FALSE);

  clear_draft (self);
  if (self->id == NULL)
    return TRUE;
  return debrief_drafts_discard (debrief_library_get_drafts (self->library), self->id, error);
}

void
debrief_edit_session_working_changed (DebriefEditSession *self, OgPostmortemField field)
{
  g_return_if_fail (DEBRIEF_IS_EDIT_SESSION (self));
  g_return_if_fail (field < OG_N_POSTMORTEM_FIELDS);
  g_return_if_fail (self->working != NULL);

  /* The error was about the value the user just changed. */
  _debrief_edit_session_set_field_error (self, field, NULL);
  /* The new words replace the old draft's on disk: it is no longer offered. */
  clear_draft (self);
  _debrief_edit_session_update_states (self);
  _debrief_edit_session_journal (self);
}

DebriefFieldState
debrief_edit_session_get_field_state (DebriefEditSession *self, OgPostmortemField field)
{
  g_return_val_if_fail (DEBRIEF_IS_EDIT_SESSION (self), DEBRIEF_FIELD_STATE_CLEAN);
  g_return_val_if_fail (field < OG_N_POSTMORTEM_FIELDS, DEBRIEF_FIELD_STATE_CLEAN);
  return self->states[field];
}

const GError *
debrief_edit_session_get_field_error (DebriefEditSession *self, OgPostmortemField field)
{
  g_return_val_if_fail (DEBRIEF_IS_EDIT_SESSION (self), NULL);
  g_return_val_if_fail (field < OG_N_POSTMORTEM_FIELDS, NULL);
  return self->field_errors[field];
}

GArray *
debrief_edit_session_dup_unsaved_fields (DebriefEditSession *self)
{
  GArray *fields = g_array_new (FALSE, FALSE, sizeof (OgPostmortemField));

  g_return_val_if_fail (DEBRIEF_IS_EDIT_SESSION (self), fields);

  for (guint f = 0; f < OG_N_POSTMORTEM_FIELDS; f++)
    if (self->states[f] != DEBRIEF_FIELD_STATE_CLEAN)
      {
        OgPostmortemField field = f;

        g_array_append_val (fields, field);
      }
  return fields;
}

gboolean
debrief_edit_session_close (DebriefEditSession *self, GError **error)
{
  DebriefDrafts *drafts;

  g_return_val_if_fail (DEBRIEF_IS_EDIT_SESSION (self), FALSE);

  g_cancellable_cancel (self->open_cancellable);
  if (self->closed || self->id == NULL)
    return TRUE;
  self->closed = TRUE;

  drafts = debrief_library_get_drafts (self->library);
  if (!debrief_drafts_is_pending (drafts, self->id))
    return TRUE;
  return debrief_drafts_flush (drafts, error);
}

const char *
debrief_edit_session_field_label (OgPostmortemField field)
{
  switch (field)
    {
    case OG_POSTMORTEM_FIELD_TITLE:
      return _ ("Title");
    case OG_POSTMORTEM_FIELD_SEVERITY:
      return _ ("Severity");
    case OG_POSTMORTEM_FIELD_STATUS:
      return _ ("Status");
    case OG_POSTMORTEM_FIELD_OWNER:
      return _ ("Owner");
    case OG_POSTMORTEM_FIELD_JIRA_ISSUES:
      return _ ("Jira issues");
    case OG_POSTMORTEM_FIELD_RELATED_INCIDENTS:
      return _ ("Related incidents");
    case OG_POSTMORTEM_FIELD_AFFECTED_SERVICES:
      return _ ("Affected services");
    case OG_POSTMORTEM_FIELD_RESPONDER_TEAMS:
      return _ ("Responder teams");
    case OG_POSTMORTEM_FIELD_RESPONDER_USERS:
      return _ ("Responder users");
    case OG_POSTMORTEM_FIELD_EXECUTIVE_SUMMARY:
      return _ ("Executive summary");
    case OG_POSTMORTEM_FIELD_CONTENT:
      return _ ("Content");
    default:
      g_return_val_if_reached (NULL);
    }
}
