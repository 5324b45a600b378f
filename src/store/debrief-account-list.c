/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-account-list"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-account-list.h"

#include <errno.h>
#include <string.h>

#include "debrief-secrets.h"

#define GENERAL_GROUP  "General"
#define ACCOUNT_PREFIX "Account "

struct _DebriefAccountList
{
  GObject parent_instance;

  char *path;
  GPtrArray *accounts; /* DebriefAccount */
  char *active_id;
};

enum
{
  PROP_0,
  PROP_ACTIVE_ID,
  N_PROPS
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DebriefAccountList,
                               debrief_account_list,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GParamSpec *properties[N_PROPS];

static gboolean
find (DebriefAccountList *self, const char *id, guint *position)
{
  for (guint i = 0; i < self->accounts->len; i++)
    {
      if (g_strcmp0 (debrief_account_get_id (g_ptr_array_index (self->accounts, i)), id) == 0)
        {
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
set_active (DebriefAccountList *self, const char *id)
{
  if (g_strcmp0 (self->active_id, id) == 0)
    return;

  g_free (self->active_id);
  self->active_id = g_strdup (id);
  g_debug ("active account: %s", id != NULL ? id : "(none)");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE_ID]);
}

static void
set_or_remove (GKeyFile *file, const char *group, const char *key, const char *value)
{
  if (value != NULL)
    g_key_file_set_string (file, group, key, value);
}

static DebriefAccount *
account_from_group (GKeyFile *file, const char *group)
{
  const char *id = group + strlen (ACCOUNT_PREFIX);
  g_autofree char *base_url = g_key_file_get_string (file, group, "base-url", NULL);
  g_autofree char *region = g_key_file_get_string (file, group, "region", NULL);
  g_autofree char *display_name = g_key_file_get_string (file, group, "display-name", NULL);
  g_autofree char *organization = g_key_file_get_string (file, group, "organization", NULL);
  g_autofree char *plan = g_key_file_get_string (file, group, "plan", NULL);
  g_autofree char *actor_id = g_key_file_get_string (file, group, "actor-id", NULL);
  g_autofree char *actor_name = g_key_file_get_string (file, group, "actor-name", NULL);
  DebriefAccount *account;

  if (*id == '\0' || base_url == NULL)
    {
      g_warning ("accounts file: skipping [%s] without an id or base-url", group);
      return NULL;
    }

  /* clang-format off */
  account = g_object_new (DEBRIEF_TYPE_ACCOUNT,
                          "id", id,
                          "base-url", base_url,
                          "region", debrief_region_from_string (region),
                          "display-name", display_name,
                          "organization", organization,
                          "plan", plan,
                          NULL);
  /* clang-format on */
  debrief_account_set_actor (account, actor_id, actor_name);

  return account;
}

/* GListModel */

static GType
list_get_item_type (GListModel *model)
{
  return DEBRIEF_TYPE_ACCOUNT;
}

static guint
list_get_n_items (GListModel *model)
{
  return DEBRIEF_ACCOUNT_LIST (model)->accounts->len;
}

static gpointer
list_get_item (GListModel *model, guint position)
{
  DebriefAccountList *self = DEBRIEF_ACCOUNT_LIST (model);

  if (position >= self->accounts->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->accounts, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_get_item_type;
  iface->get_n_items = list_get_n_items;
  iface->get_item = list_get_item;
}

/* GObject */

static void
debrief_account_list_finalize (GObject *object)
{
  DebriefAccountList *self = DEBRIEF_ACCOUNT_LIST (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  g_clear_pointer (&self->active_id, g_free);

  G_OBJECT_CLASS (debrief_account_list_parent_class)->finalize (object);
}

static void
debrief_account_list_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  DebriefAccountList *self = DEBRIEF_ACCOUNT_LIST (object);

  switch (prop_id)
    {
    case PROP_ACTIVE_ID:
      g_value_set_string (value, self->active_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
debrief_account_list_class_init (DebriefAccountListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = debrief_account_list_finalize;
  object_class->get_property = debrief_account_list_get_property;

  properties[PROP_ACTIVE_ID] = g_param_spec_string ("active-id", NULL, NULL, NULL,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
debrief_account_list_init (DebriefAccountList *self)
{
  self->accounts = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Public API */

DebriefAccountList *
debrief_account_list_new (const char *path)
{
  DebriefAccountList *self = g_object_new (DEBRIEF_TYPE_ACCOUNT_LIST, NULL);

  if (path != NULL)
    self->path = g_strdup (path);
  else
    self->path = g_build_filename (g_get_user_config_dir (), "debrief", "accounts.ini", NULL);

  return self;
}

const char *
debrief_account_list_get_path (DebriefAccountList *self)
{
  g_return_val_if_fail (DEBRIEF_IS_ACCOUNT_LIST (self), NULL);

  return self->path;
}

gboolean
debrief_account_list_load (DebriefAccountList *self, GError **error)
{
  g_autoptr (GKeyFile) file = g_key_file_new ();
  g_autoptr (GError) local_error = NULL;
  g_auto (GStrv) groups = NULL;
  g_autofree char *active = NULL;
  guint n_old;

  g_return_val_if_fail (DEBRIEF_IS_ACCOUNT_LIST (self), FALSE);

  if (!g_key_file_load_from_file (file, self->path, G_KEY_FILE_NONE, &local_error))
    {
      if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_set_error (error, local_error->domain, local_error->code,
                       _ ("Could not read the accounts from %s: %s"), self->path,
                       local_error->message);
          return FALSE;
        }
    }

  n_old = self->accounts->len;
  g_ptr_array_set_size (self->accounts, 0);

  groups = g_key_file_get_groups (file, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      DebriefAccount *account;

      if (!g_str_has_prefix (groups[i], ACCOUNT_PREFIX))
        continue;
      account = account_from_group (file, groups[i]);
      if (account != NULL)
        g_ptr_array_add (self->accounts, account);
    }

  active = g_key_file_get_string (file, GENERAL_GROUP, "active", NULL);
  if (active == NULL || !find (self, active, NULL))
    {
      g_clear_pointer (&active, g_free);
      if (self->accounts->len > 0)
        active = g_strdup (debrief_account_get_id (g_ptr_array_index (self->accounts, 0)));
    }

  g_debug ("loaded %u accounts from %s", self->accounts->len, self->path);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, n_old, self->accounts->len);
  set_active (self, active);

  return TRUE;
}

gboolean
debrief_account_list_save (DebriefAccountList *self, GError **error)
{
  g_autoptr (GKeyFile) file = g_key_file_new ();
  g_autoptr (GError) local_error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (DEBRIEF_IS_ACCOUNT_LIST (self), FALSE);

  if (self->active_id != NULL)
    g_key_file_set_string (file, GENERAL_GROUP, "active", self->active_id);

  for (guint i = 0; i < self->accounts->len; i++)
    {
      DebriefAccount *account = g_ptr_array_index (self->accounts, i);
      g_autofree char *group = g_strconcat (ACCOUNT_PREFIX, debrief_account_get_id (account), NULL);

      set_or_remove (file, group, "display-name", debrief_account_get_display_name (account));
      set_or_remove (file, group, "base-url", debrief_account_get_base_url (account));
      set_or_remove (file, group, "region",
                     debrief_region_to_string (debrief_account_get_region (account)));
      set_or_remove (file, group, "organization", debrief_account_get_organization (account));
      set_or_remove (file, group, "plan", debrief_account_get_plan (account));
      set_or_remove (file, group, "actor-id", debrief_account_get_actor_id (account));
      set_or_remove (file, group, "actor-name", debrief_account_get_actor_name (account));
    }

  data = g_key_file_to_data (file, &length, NULL);
  dir = g_path_get_dirname (self->path);

  /* Written to a temporary file and renamed over the old one, so that a crash leaves the
   * old list or the new one. 0600: the file says which organisations the user works for. */
  if (g_mkdir_with_parents (dir, 0700) != 0
      || !g_file_set_contents_full (self->path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                    &local_error))
    {
      g_set_error (error, G_FILE_ERROR,
                   local_error != NULL ? local_error->code : G_FILE_ERROR_FAILED,
                   _ ("Could not save the accounts to %s: %s"), self->path,
                   local_error != NULL ? local_error->message : g_strerror (errno));
      return FALSE;
    }

  g_debug ("saved %u accounts to %s", self->accounts->len, self->path);
  return TRUE;
}

DebriefAccount *
debrief_account_list_lookup (DebriefAccountList *self, const char *id)
{
  guint position;

  g_return_val_if_fail (DEBRIEF_IS_ACCOUNT_LIST (self), NULL);

  if (id == NULL || !find (self, id, &position))
    return NULL;
  return g_ptr_array_index (self->accounts, position);
}

gboolean
debrief_account_list_add (DebriefAccountList *self, DebriefAccount *account, GError **error)
{
  g_return_val_if_fail (DEBRIEF_IS_ACCOUNT_LIST (self), FALSE);
  g_return_val_if_fail (DEBRIEF_IS_ACCOUNT (account), FALSE);
  g_return_val_if_fail (!find (self, debrief_account_get_id (account), NULL), FALSE);

  g_ptr_array_add (self->accounts, g_object_ref (account));
  g_list_model_items_changed (G_LIST_MODEL (self), self->accounts->len - 1, 0, 1);
  if (self->active_id == NULL)
    set_active (self, debrief_account_get_id (account));

  return debrief_account_list_save (self, error);
}

gboolean
debrief_account_list_rename (DebriefAccountList *self,
                             const char *id,
                             const char *display_name,
                             GError **error)
{
  guint position;

  g_return_val_if_fail (DEBRIEF_IS_ACCOUNT_LIST (self), FALSE);
  g_return_val_if_fail (id != NULL && find (self, id, &position), FALSE);

  debrief_account_set_display_name (g_ptr_array_index (self->accounts, position), display_name);
  /* The row that shows it is out of date: tell the views. */
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
  return debrief_account_list_save (self, error);
}

static void
on_key_cleared (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  DebriefAccountList *self = g_task_get_source_object (task);
  const char *id = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  guint position;

  if (!debrief_secrets_clear_finish (result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (find (self, id, &position))
    {
      g_ptr_array_remove_index (self->accounts, position);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
    }

  if (g_strcmp0 (self->active_id, id) == 0)
    {
      set_active (self, self->accounts->len > 0
                            ? debrief_account_get_id (g_ptr_array_index (self->accounts, 0))
                            : NULL);
    }

  if (!debrief_account_list_save (self, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
debrief_account_list_remove_async (DebriefAccountList *self,
                                   const char *id,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *host = NULL;
  DebriefAccount *account;

  g_return_if_fail (DEBRIEF_IS_ACCOUNT_LIST (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, debrief_account_list_remove_async);
  g_task_set_task_data (task, g_strdup (id), g_free);

  account = debrief_account_list_lookup (self, id);
  if (account == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  host = debrief_account_dup_host (account);
  debrief_secrets_clear_async (id, host != NULL ? host : "", cancellable, on_key_cleared,
                               g_steal_pointer (&task));
}

gboolean
debrief_account_list_remove_finish (DebriefAccountList *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

const char *
debrief_account_list_get_active_id (DebriefAccountList *self)
{
  g_return_val_if_fail (DEBRIEF_IS_ACCOUNT_LIST (self), NULL);

  return self->active_id;
}

DebriefAccount *
debrief_account_list_get_active (DebriefAccountList *self)
{
  g_return_val_if_fail (DEBRIEF_IS_ACCOUNT_LIST (self), NULL);

  return debrief_account_list_lookup (self, self->active_id);
}

gboolean
debrief_account_list_set_active_id (DebriefAccountList *self, const char *id, GError **error)
{
  g_return_val_if_fail (DEBRIEF_IS_ACCOUNT_LIST (self), FALSE);
  g_return_val_if_fail (id != NULL && find (self, id, NULL), FALSE);

  if (g_strcmp0 (self->active_id, id) == 0)
    return TRUE;

  set_active (self, id);
  return debrief_account_list_save (self, error);
}
