/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "og-sandbox"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "og-sandbox.h"

#include "og-json-private.h"
#include "og-sandbox-private.h"

/*
 * The sandbox's state on disk, so that what a newcomer tries in `debrief --sandbox`
 * survives a restart. Only what the write routes change is kept: the postmortems, the
 * incidents' links to them and the count that makes created ids unique. Users, teams,
 * services and incidents come from the seed each time.
 *
 *   {
 *     "version": 1,
 *     "createdCount": 3,
 *     "postmortems": [ the GET "data" objects, oldest first ],
 *     "incidentPostmortems": { "<incident id>": "<postmortem id>", … }
 *   }
 *
 * The file is written whole (temporary file, fsync, rename) a moment after a write request
 * changed something, so that the partial updates of one save land in one write, and at
 * once on stop and on reset. Nothing in it is secret: the API key is never part of the
 * store.
 */

#define STATE_VERSION 1

/* Long enough to gather the partial updates a save sends one after the other, short enough
 * that a crash soon after loses little. */
#define SAVE_DELAY_MS 250

G_DEFINE_QUARK (og - sandbox - error - quark, og_sandbox_error)

/* Reading */

typedef struct
{
  const char *member;
  JsonNodeType type;
  GType value_type; /* for JSON_NODE_VALUE */
} MemberShape;

/* What every stored postmortem has, as _og_sandbox_store_create_postmortem() makes it and
 * the update routes keep it. */
static const MemberShape postmortem_shape[] = {
  { "postmortemId", JSON_NODE_VALUE, G_TYPE_STRING },
  { "title", JSON_NODE_VALUE, G_TYPE_STRING },
  { "severity", JSON_NODE_VALUE, G_TYPE_STRING },
  { "status", JSON_NODE_VALUE, G_TYPE_STRING },
  { "startTime", JSON_NODE_VALUE, G_TYPE_STRING },
  { "endTime", JSON_NODE_VALUE, G_TYPE_STRING },
  { "respondTime", JSON_NODE_VALUE, G_TYPE_STRING },
  { "resolveTime", JSON_NODE_VALUE, G_TYPE_STRING },
  { "createdAtTime", JSON_NODE_VALUE, G_TYPE_STRING },
  { "executiveSummary", JSON_NODE_OBJECT, G_TYPE_INVALID },
  { "content", JSON_NODE_OBJECT, G_TYPE_INVALID },
  { "rootIncident", JSON_NODE_OBJECT, G_TYPE_INVALID },
  { "owner", JSON_NODE_OBJECT, G_TYPE_INVALID },
  { "timeline", JSON_NODE_OBJECT, G_TYPE_INVALID },
  { "jiraIssues", JSON_NODE_ARRAY, G_TYPE_INVALID },
  { "relatedIncidents", JSON_NODE_ARRAY, G_TYPE_INVALID },
  { "affectedServices", JSON_NODE_ARRAY, G_TYPE_INVALID },
  { "iccSessions", JSON_NODE_ARRAY, G_TYPE_INVALID },
  { "responderTeams", JSON_NODE_ARRAY, G_TYPE_INVALID },
  { "responders", JSON_NODE_ARRAY, G_TYPE_INVALID },
};

static const char *
describe_shape (const MemberShape *shape)
{
  switch (shape->type)
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "an array";
    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      return shape->value_type == G_TYPE_STRING ? "a string" : "a number";
    }
}

static gboolean
has_shape (JsonNode *node, const MemberShape *shape)
{
  if (node == NULL || JSON_NODE_TYPE (node) != shape->type)
    return FALSE;
  return shape->type != JSON_NODE_VALUE || json_node_get_value_type (node) == shape->value_type;
}

/* The member @shape names in @object, or NULL after saying what is wrong with it. */
static JsonNode *
read_member (JsonObject *object, const char *path, const MemberShape *shape, GString *problem)
{
  JsonNode *node = json_object_get_member (object, shape->member);

  if (has_shape (node, shape))
    return node;

  g_string_printf (problem, "%s%s%s: expected %s, got %s", path != NULL ? path : "",
                   path != NULL ? "." : "", shape->member, describe_shape (shape),
                   node != NULL ? _og_json_node_describe (node) : "nothing");
  return NULL;
}

/* The "id" string of @object's member @member (an object), or NULL. */
static const char *
get_ref_id (JsonObject *object, const char *member)
{
  JsonObject *ref = json_object_get_object_member (object, member);
  JsonNode *id = json_object_get_member (ref, "id");

  if (id == NULL || !JSON_NODE_HOLDS_VALUE (id) || json_node_get_value_type (id) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (id);
}

typedef struct
{
  GPtrArray *postmortems; /* JsonObject */
  JsonObject *links;      /* incident id → postmortem id */
  guint n_created;
} State;

static void
state_clear (State *state)
{
  g_clear_pointer (&state->postmortems, g_ptr_array_unref);
  g_clear_pointer (&state->links, json_object_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (State, state_clear)

/* Reads @root into @state, checking it against @seed (whose incidents the state refers to).
 * FALSE with @problem set when it is not a state this version wrote. */
static gboolean
read_state (JsonNode *root, OgSandboxStore *seed, State *state, guint *version, GString *problem)
{
  static const MemberShape version_shape = { "version", JSON_NODE_VALUE, G_TYPE_INT64 };
  static const MemberShape count_shape = { "createdCount", JSON_NODE_VALUE, G_TYPE_INT64 };
  static const MemberShape list_shape = { "postmortems", JSON_NODE_ARRAY, G_TYPE_INVALID };
  static const MemberShape links_shape
      = { "incidentPostmortems", JSON_NODE_OBJECT, G_TYPE_INVALID };
  g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *object;
  JsonNode *node;
  JsonArray *list;
  gint64 count;

  *version = 0;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_string_printf (problem, "expected an object, got %s", _og_json_node_describe (root));
      return FALSE;
    }
  object = json_node_get_object (root);

  if ((node = read_member (object, NULL, &version_shape, problem)) == NULL)
    return FALSE;
  *version = (guint) CLAMP (json_node_get_int (node), 0, G_MAXUINT);
  if (json_node_get_int (node) != STATE_VERSION)
    {
      g_string_printf (problem, "version %" G_GINT64_FORMAT ", this Debrief reads version %d",
                       json_node_get_int (node), STATE_VERSION);
      return FALSE;
    }

  if ((node = read_member (object, NULL, &count_shape, problem)) == NULL)
    return FALSE;
  count = json_node_get_int (node);
  if (count < 0 || count > G_MAXUINT)
    {
      g_string_printf (problem, "createdCount: %" G_GINT64_FORMAT " is out of range", count);
      return FALSE;
    }
  state->n_created = (guint) count;

  if ((node = read_member (object, NULL, &list_shape, problem)) == NULL)
    return FALSE;
  list = json_node_get_array (node);
  state->postmortems = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      g_autofree char *path = g_strdup_printf ("postmortems[%u]", i);
      JsonNode *element = json_array_get_element (list, i);
      JsonObject *postmortem;
      const char *id, *incident_id;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_string_printf (problem, "%s: expected an object, got %s", path,
                           _og_json_node_describe (element));
          return FALSE;
        }
      postmortem = json_node_get_object (element);
      for (guint j = 0; j < G_N_ELEMENTS (postmortem_shape); j++)
        if (read_member (postmortem, path, &postmortem_shape[j], problem) == NULL)
          return FALSE;

      id = json_object_get_string_member (postmortem, "postmortemId");
      if (!g_hash_table_add (ids, (gpointer) id))
        {
          g_string_printf (problem, "%s: postmortem %s is there twice", path, id);
          return FALSE;
        }
      incident_id = get_ref_id (postmortem, "rootIncident");
      if (incident_id == NULL || _og_sandbox_store_find (seed->incidents, incident_id) == NULL)
        {
          g_string_printf (problem, "%s.rootIncident: not an incident of the sandbox", path);
          return FALSE;
        }
      if (get_ref_id (postmortem, "owner") == NULL)
        {
          g_string_printf (problem, "%s.owner: no id", path);
          return FALSE;
        }
      g_ptr_array_add (state->postmortems, json_object_ref (postmortem));
    }

  if ((node = read_member (object, NULL, &links_shape, problem)) == NULL)
    return FALSE;
  state->links = json_object_ref (json_node_get_object (node));
  {
    JsonObjectIter iter;
    const char *incident_id;
    JsonNode *value;

    json_object_iter_init (&iter, state->links);
    while (json_object_iter_next (&iter, &incident_id, &value))
      {
        if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
          {
            g_string_printf (problem, "incidentPostmortems.%s: expected a string, got %s",
                             incident_id, _og_json_node_describe (value));
            return FALSE;
          }
        if (_og_sandbox_store_find (seed->incidents, incident_id) == NULL)
          {
            g_string_printf (problem, "incidentPostmortems.%s: not an incident of the sandbox",
                             incident_id);
            return FALSE;
          }
        if (!g_hash_table_contains (ids, json_node_get_string (value)))
          {
            g_string_printf (problem, "incidentPostmortems.%s: no postmortem %s", incident_id,
                             json_node_get_string (value));
            return FALSE;
          }
      }
  }

  return TRUE;
}

/* A seeded store with @state's postmortems and links in place of the seed's. */
static OgSandboxStore *
store_new_from_state (OgSandboxStore *seed, State *state)
{
  g_ptr_array_unref (seed->postmortems);
  seed->postmortems = g_steal_pointer (&state->postmortems);

  for (guint i = 0; i < seed->incidents->len; i++)
    {
      JsonObject *incident = g_ptr_array_index (seed->incidents, i);
      JsonObject *extra = json_object_get_object_member (incident, "extraProperties");
      const char *id = json_object_get_string_member (incident, "id");

      if (json_object_has_member (extra, "postmortemId"))
        json_object_remove_member (extra, "postmortemId");
      if (json_object_has_member (state->links, id))
        json_object_set_string_member (extra, "postmortemId",
                                       json_object_get_string_member (state->links, id));
    }

  return seed;
}

/* Moves the unreadable @file out of the way, to "<name>.corrupt-<time>", so that nothing
 * of it is lost and the next write does not overwrite it. */
static GFile *
move_aside (GFile *file, GError **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autofree char *basename = g_file_get_basename (file);
  g_autoptr (GFile) parent = g_file_get_parent (file);

  for (guint i = 1;; i++)
    {
      g_autofree char *name = i == 1 ? g_strdup_printf ("%s.corrupt-%s", basename, stamp)
                                     : g_strdup_printf ("%s.corrupt-%s-%u", basename, stamp, i);
      g_autoptr (GFile) target = g_file_get_child (parent, name);
      g_autoptr (GError) local_error = NULL;

      if (g_file_move (file, target, G_FILE_COPY_NOFOLLOW_SYMLINKS, NULL, NULL, NULL, &local_error))
        return g_steal_pointer (&target);
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS) || i >= 100)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
}

/* Loads self->state_file into self->store: the seed when there is no file, and when the
 * file is not a state this version can use (after moving it aside). */
static gboolean
load_state (OgSandbox *self, GError **error)
{
  g_autoptr (OgSandboxStore) seed
      = self->store_is_seed ? g_steal_pointer (&self->store) : _og_sandbox_store_new_seeded ();
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GError) report = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GString) problem = g_string_new (NULL);
  g_autoptr (GFile) aside = NULL;
  g_autofree char *data = NULL;
  g_autofree char *path = g_file_get_parse_name (self->state_file);
  g_auto (State) state = { 0 };
  guint version = 0;
  gsize length = 0;
  gint64 started = g_get_monotonic_time ();

  g_clear_pointer (&self->store, _og_sandbox_store_free);
  /* Every way out below but a state read keeps the seed. */
  self->store_is_seed = TRUE;

  if (!g_file_load_contents (self->state_file, NULL, &data, &length, NULL, &local_error))
    {
      self->store = g_steal_pointer (&seed);
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_debug ("No sandbox state yet: starting from the seed");
          return TRUE;
        }
      /* Translators: %s is the file, the second %s why it could not be read */
      g_set_error (error, OG_SANDBOX_ERROR, OG_SANDBOX_ERROR_STATE_UNREADABLE,
                   _ ("The sandbox’s saved state in %s could not be read (%s); the sandbox "
                      "holds the sample data for now."),
                   path, local_error->message);
      return FALSE;
    }

  root = _og_json_parse (data, (gssize) length, NULL, &local_error);
  if (root == NULL)
    g_string_assign (problem, local_error->message);
  else if (read_state (root, seed, &state, &version, problem))
    {
      self->store = store_new_from_state (g_steal_pointer (&seed), &state);
      self->store_is_seed = FALSE;
      self->n_created = MAX (self->n_created, state.n_created);
      g_debug ("Loaded the sandbox state: %u postmortems, %" G_GSIZE_FORMAT " bytes in %.1f ms",
               self->store->postmortems->len, length, (g_get_monotonic_time () - started) / 1000.0);
      return TRUE;
    }

  self->store = g_steal_pointer (&seed);
  g_clear_error (&local_error);
  aside = move_aside (self->state_file, &local_error);
  if (aside == NULL)
    {
      /* Translators: %s is the file, the second %s what is wrong with it, the third why it
       * could not be moved */
      g_set_error (&report, OG_SANDBOX_ERROR, OG_SANDBOX_ERROR_STATE_CORRUPT,
                   _ ("The sandbox’s saved state in %s is damaged (%s) and could not be set "
                      "aside (%s); the sandbox holds the sample data."),
                   path, problem->str, local_error->message);
    }
  else
    {
      g_autofree char *aside_path = g_file_get_parse_name (aside);

      if (version != 0 && version != STATE_VERSION)
        /* Translators: %s is the file, %u a number, the second %s where it was moved */
        g_set_error (&report, OG_SANDBOX_ERROR, OG_SANDBOX_ERROR_STATE_VERSION,
                     _ ("The sandbox’s saved state in %s was written by another version of "
                        "Debrief (format %u) and was moved to %s; the sandbox holds the sample "
                        "data."),
                     path, version, aside_path);
      else
        /* Translators: %s is the file, the second %s what is wrong with it, the third where
         * it was moved */
        g_set_error (&report, OG_SANDBOX_ERROR, OG_SANDBOX_ERROR_STATE_CORRUPT,
                     _ ("The sandbox’s saved state in %s is damaged (%s) and was moved to %s; "
                        "the sandbox holds the sample data."),
                     path, problem->str, aside_path);
    }
  g_message ("%s", report->message);
  g_propagate_error (error, g_steal_pointer (&report));
  return FALSE;
}

/* Writing */

static JsonNode *
state_to_json (OgSandbox *self)
{
  JsonObject *root = json_object_new ();
  JsonArray *postmortems = json_array_new ();
  JsonObject *links = json_object_new ();

  /* The store's own objects, referenced: the tree lives only while it is written out. */
  for (guint i = 0; i < self->store->postmortems->len; i++)
    json_array_add_object_element (
        postmortems, json_object_ref (g_ptr_array_index (self->store->postmortems, i)));
  for (guint i = 0; i < self->store->incidents->len; i++)
    {
      JsonObject *incident = g_ptr_array_index (self->store->incidents, i);
      const char *postmortem_id = json_object_get_string_member_with_default (
          json_object_get_object_member (incident, "extraProperties"), "postmortemId", NULL);

      if (postmortem_id != NULL)
        json_object_set_string_member (links, json_object_get_string_member (incident, "id"),
                                       postmortem_id);
    }

  json_object_set_int_member (root, "version", STATE_VERSION);
  json_object_set_int_member (root, "createdCount", self->n_created);
  json_object_set_array_member (root, "postmortems", postmortems);
  json_object_set_object_member (root, "incidentPostmortems", links);

  return _og_json_node_new_object (root);
}

static gboolean
save_state (OgSandbox *self, GError **error)
{
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *path = g_file_get_path (self->state_file);
  g_autofree char *dir = NULL;
  g_autofree char *text = NULL;
  gint64 started = g_get_monotonic_time ();
  gsize length;

  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (self->state_file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   /* Translators: %s is a URI */
                   _ ("The sandbox keeps its state in local files only, not in %s"), name);
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      /* Translators: %s is a folder, the second %s why it could not be made */
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _ ("Could not create the folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  root = state_to_json (self);
  text = json_to_string (root, FALSE);
  length = strlen (text);

  /* A temporary file, fsynced and renamed over the old one: a crash leaves the old state or
   * the new one, never half of either. */
  if (!g_file_set_contents_full (path, text, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0600,
                                 error))
    return FALSE;

  self->state_dirty = FALSE;
  g_debug ("Saved the sandbox state: %u postmortems, %" G_GSIZE_FORMAT " bytes in %.1f ms",
           self->store->postmortems->len, length, (g_get_monotonic_time () - started) / 1000.0);
  return TRUE;
}

/* Saves, and reports a failure once (not at every write request while the disk stays
 * full); a later success rearms the report. */
static void
save_and_report (OgSandbox *self)
{
  g_autoptr (GError) error = NULL;

  if (save_state (self, &error))
    {
      self->state_save_failed = FALSE;
      return;
    }

  g_message ("Could not save the sandbox state: %s", error->message);
  if (!self->state_save_failed)
    {
      self->state_save_failed = TRUE;
      _og_sandbox_emit_state_error (self, error);
    }
}

static gboolean
on_save_timeout (gpointer user_data)
{
  OgSandbox *self = OG_SANDBOX (user_data);

  g_clear_pointer (&self->save_source, g_source_unref);
  save_and_report (self);

  return G_SOURCE_REMOVE;
}

static void
cancel_save (OgSandbox *self)
{
  if (self->save_source != NULL)
    {
      g_source_destroy (self->save_source);
      g_clear_pointer (&self->save_source, g_source_unref);
    }
}

/* Private API */

void
_og_sandbox_store_changed (OgSandbox *self)
{
  self->store_is_seed = FALSE;
  if (self->state_file == NULL)
    return;

  self->state_dirty = TRUE;
  if (self->save_source != NULL)
    return;

  self->save_source = g_timeout_source_new (SAVE_DELAY_MS);
  g_source_set_name (self->save_source, "[debrief] sandbox state save");
  g_source_set_callback (self->save_source, on_save_timeout, self, NULL);
  g_source_attach (self->save_source, self->context);
}

void
_og_sandbox_flush_state (OgSandbox *self)
{
  cancel_save (self);
  if (self->state_file != NULL && self->state_dirty)
    save_and_report (self);
}

/* Public API */

gboolean
og_sandbox_set_state_file (OgSandbox *self, GFile *file, GError **error)
{
  g_return_val_if_fail (OG_IS_SANDBOX (self), FALSE);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* What the old file has not got yet goes there first. */
  _og_sandbox_flush_state (self);
  g_set_object (&self->state_file, file);
  self->state_dirty = FALSE;
  self->state_save_failed = FALSE;

  if (file == NULL)
    return TRUE;
  return load_state (self, error);
}

GFile *
og_sandbox_get_state_file (OgSandbox *self)
{
  g_return_val_if_fail (OG_IS_SANDBOX (self), NULL);

  return self->state_file;
}

gboolean
og_sandbox_reset (OgSandbox *self, GError **error)
{
  g_return_val_if_fail (OG_IS_SANDBOX (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  cancel_save (self);
  g_clear_pointer (&self->store, _og_sandbox_store_free);
  self->store = _og_sandbox_store_new_seeded ();
  self->store_is_seed = TRUE;
  /* n_created goes on counting: an id the old state handed out is never reused. */

  if (self->state_file == NULL)
    return TRUE;

  self->state_dirty = TRUE;
  if (!save_state (self, error))
    return FALSE;
  self->state_save_failed = FALSE;
  return TRUE;
}
