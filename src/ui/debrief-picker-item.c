/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-picker-item.h"

#include "og-incident.h"
#include "og-service.h"
#include "og-team.h"
#include "og-user.h"

struct _DebriefPickerItem
{
  GObject parent_instance;

  GObject *object;
  char *id;
  char *title;
  char *subtitle;
};

G_DEFINE_FINAL_TYPE (DebriefPickerItem, debrief_picker_item, G_TYPE_OBJECT)

static gboolean
contains_casefolded (const char *haystack, const char *casefolded_needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, casefolded_needle) != NULL;
}

/* Opsgenie's incident statuses in the user's words; others as Opsgenie says them */
static const char *
incident_status_label (const char *status)
{
  if (g_strcmp0 (status, "open") == 0)
    return C_ ("incident", "Open");
  if (g_strcmp0 (status, "resolved") == 0)
    return C_ ("incident", "Resolved");
  if (g_strcmp0 (status, "closed") == 0)
    return C_ ("incident", "Closed");
  return status;
}

static void
debrief_picker_item_finalize (GObject *object)
{
  DebriefPickerItem *self = DEBRIEF_PICKER_ITEM (object);

  g_clear_object (&self->object);
  g_free (self->id);
  g_free (self->title);
  g_free (self->subtitle);

  G_OBJECT_CLASS (debrief_picker_item_parent_class)->finalize (object);
}

static void
debrief_picker_item_class_init (DebriefPickerItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = debrief_picker_item_finalize;
}

static void
debrief_picker_item_init (DebriefPickerItem *self)
{
}

DebriefPickerItem *
debrief_picker_item_new (GObject *object)
{
  DebriefPickerItem *self;

  g_return_val_if_fail (OG_IS_USER (object) || OG_IS_TEAM (object) || OG_IS_SERVICE (object)
                            || OG_IS_INCIDENT (object),
                        NULL);

  self = g_object_new (DEBRIEF_TYPE_PICKER_ITEM, NULL);
  self->object = g_object_ref (object);

  if (OG_IS_USER (object))
    {
      OgUser *user = OG_USER (object);
      const char *name = og_user_get_full_name (user);

      self->id = g_strdup (og_user_get_id (user));
      self->title = g_strdup (name != NULL && *name != '\0' ? name : og_user_get_username (user));
      self->subtitle = g_strdup (og_user_get_username (user));
    }
  else if (OG_IS_TEAM (object))
    {
      self->id = g_strdup (og_team_get_id (OG_TEAM (object)));
      self->title = g_strdup (og_team_get_name (OG_TEAM (object)));
      self->subtitle = g_strdup (og_team_get_description (OG_TEAM (object)));
    }
  else if (OG_IS_SERVICE (object))
    {
      self->id = g_strdup (og_service_get_id (OG_SERVICE (object)));
      self->title = g_strdup (og_service_get_name (OG_SERVICE (object)));
      self->subtitle = g_strdup (og_service_get_description (OG_SERVICE (object)));
    }
  else
    {
      OgIncident *incident = OG_INCIDENT (object);
      const char *tiny_id = og_incident_get_tiny_id (incident);
      const char *message = og_incident_get_message (incident);

      self->id = g_strdup (og_incident_get_id (incident));
      /* Translators: an incident: "#" and its short number, then its message */
      self->title = g_strdup_printf (_ ("#%s %s"), tiny_id ? tiny_id : "?", message ? message : "");
      self->subtitle = g_strdup (incident_status_label (og_incident_get_status (incident)));
    }

  if (self->subtitle != NULL && *self->subtitle == '\0')
    g_clear_pointer (&self->subtitle, g_free);
  if (self->title == NULL)
    self->title = g_strdup (self->id);

  return self;
}

const char *
debrief_picker_item_get_id (DebriefPickerItem *self)
{
  g_return_val_if_fail (DEBRIEF_IS_PICKER_ITEM (self), NULL);
  return self->id;
}

const char *
debrief_picker_item_get_title (DebriefPickerItem *self)
{
  g_return_val_if_fail (DEBRIEF_IS_PICKER_ITEM (self), NULL);
  return self->title;
}

const char *
debrief_picker_item_get_subtitle (DebriefPickerItem *self)
{
  g_return_val_if_fail (DEBRIEF_IS_PICKER_ITEM (self), NULL);
  return self->subtitle;
}

GObject *
debrief_picker_item_get_object (DebriefPickerItem *self)
{
  g_return_val_if_fail (DEBRIEF_IS_PICKER_ITEM (self), NULL);
  return self->object;
}

gboolean
debrief_picker_item_matches (DebriefPickerItem *self, const char *casefolded_text)
{
  g_return_val_if_fail (DEBRIEF_IS_PICKER_ITEM (self), FALSE);

  return casefolded_text == NULL || *casefolded_text == '\0'
         || contains_casefolded (self->title, casefolded_text)
         || contains_casefolded (self->subtitle, casefolded_text);
}
