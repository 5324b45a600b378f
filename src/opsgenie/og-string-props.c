/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "og-string-props"

#include "config.h"

#include "og-string-props-private.h"

#include "og-json-private.h"

typedef struct
{
  const OgStringProp *props;
  guint n_props;
} Table;

static GQuark
table_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("og-string-props-table");
  return quark;
}

static const Table *
get_table (GObject *object)
{
  const Table *table = g_type_get_qdata (G_OBJECT_TYPE (object), table_quark ());

  g_assert (table != NULL);
  return table;
}

static char **
string_at (GObject *object, const OgStringProp *prop)
{
  return G_STRUCT_MEMBER_P (object, prop->offset);
}

static void
string_props_finalize (GObject *object)
{
  const Table *table = get_table (object);
  /* The type is final (see class_init): the object's class is the type's own. */
  GObjectClass *parent_class = g_type_class_peek_parent (G_OBJECT_GET_CLASS (object));

  for (guint i = 0; i < table->n_props; i++)
    g_clear_pointer (string_at (object, &table->props[i]), g_free);

  parent_class->finalize (object);
}

static void
string_props_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  const Table *table = get_table (object);

  if (prop_id == 0 || prop_id > table->n_props)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  g_value_set_string (value, *string_at (object, &table->props[prop_id - 1]));
}

static void
string_props_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  const Table *table = get_table (object);
  char **string;

  if (prop_id == 0 || prop_id > table->n_props)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  string = string_at (object, &table->props[prop_id - 1]);
  g_free (*string);
  *string = g_value_dup_string (value);
}

void
_og_string_props_class_init (GObjectClass *klass,
                             const OgStringProp *props,
                             guint n_props,
                             GParamFlags flags)
{
  GType type = G_OBJECT_CLASS_TYPE (klass);
  Table *table = g_new (Table, 1);

  g_assert (G_TYPE_IS_FINAL (type));
  g_assert (g_type_parent (type) == G_TYPE_OBJECT);

  table->props = props;
  table->n_props = n_props;
  g_type_set_qdata (type, table_quark (), table);

  klass->finalize = string_props_finalize;
  klass->get_property = string_props_get_property;
  klass->set_property = string_props_set_property;

  for (guint i = 0; i < n_props; i++)
    g_object_class_install_property (
        klass, i + 1,
        g_param_spec_string (props[i].name, NULL, NULL, NULL,
                             flags | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));
}

gpointer
_og_string_props_new_from_json (GType type, JsonNode *node, const char *path, GError **error)
{
  g_autoptr (GObject) self = NULL;
  const Table *table;
  JsonObject *object;

  if (!(object = _og_json_node_get_object (node, path, error)))
    return NULL;

  self = g_object_new (type, NULL);
  table = get_table (self);
  for (guint i = 0; i < table->n_props; i++)
    {
      const OgStringProp *prop = &table->props[i];
      char **string = string_at (self, prop);

      if (prop->required
              ? !_og_json_read_required_string (object, path, prop->member, string, error)
              : !_og_json_read_string (object, path, prop->member, string, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

JsonNode *
_og_string_props_to_json (gpointer instance)
{
  const Table *table = get_table (instance);
  JsonObject *object = json_object_new ();

  for (guint i = 0; i < table->n_props; i++)
    _og_json_object_set_string (object, table->props[i].member,
                                *string_at (instance, &table->props[i]));
  return _og_json_node_new_object (object);
}
