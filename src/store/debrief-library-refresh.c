/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-refresh"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-library-refresh.h"

#include "debrief-library-refresh-private.h"

/* The object, its settings and its progress; the run itself is in
 * debrief-library-refresh-run.c. */

enum
{
  PROP_0,
  PROP_RUNNING,
  PROP_N_DONE,
  PROP_N_TOTAL,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DebriefLibraryRefresh, debrief_library_refresh, G_TYPE_OBJECT)

void
_debrief_library_refresh_set_progress (DebriefLibraryRefresh *self, guint n_done, guint n_total)
{
  gboolean done_changed = n_done != self->n_done;
  gboolean total_changed = n_total != self->n_total;

  if (!done_changed && !total_changed)
    return;

  self->n_done = n_done;
  self->n_total = n_total;
  g_object_freeze_notify (G_OBJECT (self));
  if (done_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
  if (total_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
  g_object_thaw_notify (G_OBJECT (self));
}

void
_debrief_library_refresh_set_running (DebriefLibraryRefresh *self, gboolean running)
{
  if (self->running == running)
    return;
  self->running = running;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
debrief_library_refresh_dispose (GObject *object)
{
  DebriefLibraryRefresh *self = DEBRIEF_LIBRARY_REFRESH (object);

  g_clear_object (&self->library);
  g_clear_object (&self->client);
  g_clear_object (&self->pending_incidents);

  G_OBJECT_CLASS (debrief_library_refresh_parent_class)->dispose (object);
}

static void
debrief_library_refresh_finalize (GObject *object)
{
  DebriefLibraryRefresh *self = DEBRIEF_LIBRARY_REFRESH (object);

  g_queue_clear_full (&self->queue, g_free);
  g_clear_pointer (&self->queued, g_hash_table_unref);
  g_clear_pointer (&self->requeued, g_hash_table_unref);
  g_clear_pointer (&self->failures, g_hash_table_unref);
  g_clear_error (&self->pending_error);

  G_OBJECT_CLASS (debrief_library_refresh_parent_class)->finalize (object);
}

static void
debrief_library_refresh_get_property (GObject *object,
                                      guint prop_id,
                                      GValue *value,
                                      GParamSpec *pspec)
{
  DebriefLibraryRefresh *self = DEBRIEF_LIBRARY_REFRESH (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    case PROP_N_DONE:
      g_value_set_uint (value, self->n_done);
      break;
    case PROP_N_TOTAL:
      g_value_set_uint (value, self->n_total);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, debrief_library_refresh_get_fraction (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_library_refresh_class_init (DebriefLibraryRefreshClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = debrief_library_refresh_dispose;
  object_class->finalize = debrief_library_refresh_finalize;
  object_class->get_property = debrief_library_refresh_get_property;

  properties[PROP_RUNNING] = g_param_spec_boolean ("running", NULL, NULL, FALSE, flags);
  properties[PROP_N_DONE] = g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_TOTAL] = g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_FRACTION] = g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
debrief_library_refresh_init (DebriefLibraryRefresh *self)
{
  self->max_in_flight = DEBRIEF_REFRESH_DEFAULT_MAX_IN_FLIGHT;
  self->max_age = DEBRIEF_REFRESH_DEFAULT_MAX_AGE;
  self->pending_incidents = g_list_store_new (OG_TYPE_INCIDENT);
  g_queue_init (&self->queue);
  self->queued = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->requeued = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->failures
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_error_free);
}

DebriefLibraryRefresh *
debrief_library_refresh_new (DebriefLibrary *library, OgClient *client)
{
  DebriefLibraryRefresh *self;

  g_return_val_if_fail (DEBRIEF_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (OG_IS_CLIENT (client), NULL);

  self = g_object_new (DEBRIEF_TYPE_LIBRARY_REFRESH, NULL);
  self->library = g_object_ref (library);
  self->client = g_object_ref (client);
  return self;
}

void
debrief_library_refresh_set_max_in_flight (DebriefLibraryRefresh *self, guint max_in_flight)
{
  g_return_if_fail (DEBRIEF_IS_LIBRARY_REFRESH (self));
  g_return_if_fail (max_in_flight > 0);
  self->max_in_flight = max_in_flight;
}

void
debrief_library_refresh_set_max_age (DebriefLibraryRefresh *self, guint seconds)
{
  g_return_if_fail (DEBRIEF_IS_LIBRARY_REFRESH (self));
  self->max_age = seconds;
}

GListModel *
debrief_library_refresh_get_pending_incidents (DebriefLibraryRefresh *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY_REFRESH (self), NULL);
  return G_LIST_MODEL (self->pending_incidents);
}

gboolean
debrief_library_refresh_get_running (DebriefLibraryRefresh *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY_REFRESH (self), FALSE);
  return self->running;
}

guint
debrief_library_refresh_get_n_done (DebriefLibraryRefresh *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY_REFRESH (self), 0);
  return self->n_done;
}

guint
debrief_library_refresh_get_n_total (DebriefLibraryRefresh *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY_REFRESH (self), 0);
  return self->n_total;
}

double
debrief_library_refresh_get_fraction (DebriefLibraryRefresh *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY_REFRESH (self), 0.0);

  if (self->n_total == 0)
    return 0.0;
  return MIN (1.0, (double) self->n_done / (double) self->n_total);
}

guint
debrief_library_refresh_get_n_failed (DebriefLibraryRefresh *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY_REFRESH (self), 0);
  return g_hash_table_size (self->failures);
}

GStrv
debrief_library_refresh_dup_failed_ids (DebriefLibraryRefresh *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (DEBRIEF_IS_LIBRARY_REFRESH (self), NULL);

  g_hash_table_iter_init (&iter, self->failures);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_strv_builder_add (builder, key);
  return g_strv_builder_end (builder);
}

const GError *
debrief_library_refresh_get_failure (DebriefLibraryRefresh *self, const char *id)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY_REFRESH (self), NULL);
  return g_hash_table_lookup (self->failures, id);
}

const GError *
debrief_library_refresh_get_pending_error (DebriefLibraryRefresh *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY_REFRESH (self), NULL);
  return self->pending_error;
}
