/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-library"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-library-entry.h"

#include <string.h>

#include "debrief-library-entry-private.h"
#include "og-enum-types.h"

enum
{
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_FETCHED,
  PROP_SEVERITY,
  PROP_STATUS,
  PROP_INCIDENT_TINY_ID,
  PROP_INCIDENT_MESSAGE,
  PROP_OWNER_NAME,
  PROP_CREATED,
  PROP_UPDATED,
  PROP_LAST_FETCHED,
  PROP_HAS_DRAFT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DebriefLibraryEntry, debrief_library_entry, G_TYPE_OBJECT)

char *
_debrief_fold (const char *text)
{
  const char *p;

  if (text == NULL)
    return g_strdup ("");

  /* Almost every title is ASCII: g_utf8_casefold costs ten times more. */
  for (p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return g_utf8_casefold (text, -1);

  return g_ascii_strdown (text, p - text);
}

static void
debrief_library_entry_finalize (GObject *object)
{
  DebriefLibraryEntry *self = DEBRIEF_LIBRARY_ENTRY (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->title_folded);
  g_free (self->incident_id);
  g_free (self->incident_tiny_id);
  g_free (self->incident_message);
  g_free (self->incident_folded);

  G_OBJECT_CLASS (debrief_library_entry_parent_class)->finalize (object);
}

static void
debrief_library_entry_get_property (GObject *object,
                                    guint prop_id,
                                    GValue *value,
                                    GParamSpec *pspec)
{
  DebriefLibraryEntry *self = DEBRIEF_LIBRARY_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_FETCHED:
      g_value_set_boolean (value, self->fetched);
      break;
    case PROP_SEVERITY:
      g_value_set_enum (value, self->severity);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_INCIDENT_TINY_ID:
      g_value_set_string (value, self->incident_tiny_id);
      break;
    case PROP_INCIDENT_MESSAGE:
      g_value_set_string (value, self->incident_message);
      break;
    case PROP_OWNER_NAME:
      g_value_set_string (value, self->owner_name);
      break;
    case PROP_CREATED:
      g_value_set_int64 (value, self->created);
      break;
    case PROP_UPDATED:
      g_value_set_int64 (value, self->updated);
      break;
    case PROP_LAST_FETCHED:
      g_value_set_int64 (value, self->last_fetched);
      break;
    case PROP_HAS_DRAFT:
      g_value_set_boolean (value, self->has_draft);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_library_entry_class_init (DebriefLibraryEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = debrief_library_entry_finalize;
  object_class->get_property = debrief_library_entry_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_FETCHED] = g_param_spec_boolean ("fetched", NULL, NULL, FALSE, flags);
  properties[PROP_SEVERITY]
      = g_param_spec_enum ("severity", NULL, NULL, OG_TYPE_SEVERITY, OG_SEVERITY_P3, flags);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, OG_TYPE_POSTMORTEM_STATUS,
                                               OG_POSTMORTEM_STATUS_DRAFT, flags);
  properties[PROP_INCIDENT_TINY_ID]
      = g_param_spec_string ("incident-tiny-id", NULL, NULL, NULL, flags);
  properties[PROP_INCIDENT_MESSAGE]
      = g_param_spec_string ("incident-message", NULL, NULL, NULL, flags);
  properties[PROP_OWNER_NAME] = g_param_spec_string ("owner-name", NULL, NULL, NULL, flags);
  properties[PROP_CREATED] = g_param_spec_int64 ("created", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UPDATED] = g_param_spec_int64 ("updated", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_LAST_FETCHED]
      = g_param_spec_int64 ("last-fetched", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_HAS_DRAFT] = g_param_spec_boolean ("has-draft", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
debrief_library_entry_init (DebriefLibraryEntry *self)
{
  self->severity = OG_SEVERITY_P3;
  self->status = OG_POSTMORTEM_STATUS_DRAFT;
}

DebriefLibraryEntry *
_debrief_library_entry_new (const char *id)
{
  DebriefLibraryEntry *self = g_object_new (DEBRIEF_TYPE_LIBRARY_ENTRY, NULL);

  self->id = g_strdup (id);
  self->title = g_strdup ("");
  self->title_folded = g_strdup ("");
  self->incident_folded = g_strdup ("");
  return self;
}

void
_debrief_library_entry_take_title (DebriefLibraryEntry *self, char *title)
{
  g_free (self->title);
  self->title = title != NULL ? title : g_strdup ("");
  g_free (self->title_folded);
  self->title_folded = _debrief_fold (self->title);
}

void
_debrief_library_entry_take_incident (DebriefLibraryEntry *self,
                                      char *id,
                                      char *tiny_id,
                                      char *message)
{
  g_autofree char *both = NULL;

  g_free (self->incident_id);
  self->incident_id = id;
  g_free (self->incident_tiny_id);
  self->incident_tiny_id = tiny_id;
  g_free (self->incident_message);
  self->incident_message = message;

  /* "#42 Checkout down": a search for "#42" finds the incident's postmortem. */
  both = g_strdup_printf ("#%s %s", tiny_id ? tiny_id : "", message ? message : "");
  g_free (self->incident_folded);
  self->incident_folded = _debrief_fold (both);
}

void
_debrief_library_entry_notify_all (DebriefLibraryEntry *self)
{
  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = PROP_TITLE; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
debrief_library_entry_get_id (DebriefLibraryEntry *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY_ENTRY (self), NULL);
  return self->id;
}

const char *
debrief_library_entry_get_title (DebriefLibraryEntry *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY_ENTRY (self), NULL);
  return self->title;
}

gboolean
debrief_library_entry_is_fetched (DebriefLibraryEntry *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY_ENTRY (self), FALSE);
  return self->fetched;
}

OgSeverity
debrief_library_entry_get_severity (DebriefLibraryEntry *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY_ENTRY (self), OG_SEVERITY_P3);
  return self->severity;
}

OgPostmortemStatus
debrief_library_entry_get_status (DebriefLibraryEntry *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY_ENTRY (self), OG_POSTMORTEM_STATUS_DRAFT);
  return self->status;
}

const char *
debrief_library_entry_get_incident_id (DebriefLibraryEntry *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY_ENTRY (self), NULL);
  return self->incident_id;
}

const char *
debrief_library_entry_get_incident_tiny_id (DebriefLibraryEntry *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY_ENTRY (self), NULL);
  return self->incident_tiny_id;
}

const char *
debrief_library_entry_get_incident_message (DebriefLibraryEntry *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY_ENTRY (self), NULL);
  return self->incident_message;
}

const char *
debrief_library_entry_get_owner_id (DebriefLibraryEntry *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY_ENTRY (self), NULL);
  return self->owner_id;
}

const char *
debrief_library_entry_get_owner_name (DebriefLibraryEntry *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY_ENTRY (self), NULL);
  return self->owner_name;
}

gint64
debrief_library_entry_get_created (DebriefLibraryEntry *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY_ENTRY (self), 0);
  return self->created;
}

gint64
debrief_library_entry_get_updated (DebriefLibraryEntry *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY_ENTRY (self), 0);
  return self->updated;
}

gint64
debrief_library_entry_get_last_fetched (DebriefLibraryEntry *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY_ENTRY (self), 0);
  return self->last_fetched;
}

gboolean
debrief_library_entry_get_has_draft (DebriefLibraryEntry *self)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY_ENTRY (self), FALSE);
  return self->has_draft;
}

gboolean
debrief_library_entry_matches (DebriefLibraryEntry *self, const char *folded_needle)
{
  g_return_val_if_fail (DEBRIEF_IS_LIBRARY_ENTRY (self), FALSE);

  if (folded_needle == NULL || *folded_needle == '\0')
    return TRUE;

  return strstr (self->title_folded, folded_needle) != NULL
         || strstr (self->incident_folded, folded_needle) != NULL;
}
