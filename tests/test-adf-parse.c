/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "adf-parse.h"
#include "adf-schema-private.h"
#include "adf-test-util.h"
#include "adf-private.h"

/* Every document parsed here is parsed twice: by adf_parse(), which validates the tree the
 * text is read into, and read the same but validated as JsonNodes built in memory are. One
 * validator reads both kinds of tree through AdfValue: both must give the same verdict, the
 * same message and a JSON-equal document, on the fixtures, the corpora checked against
 * Atlassian's validator and the hostile inputs alike. */
static JsonNode *
parse_both (const char *data, gssize length, AdfValidateFlags flags, GError **error)
{
  g_autoptr (GError) node_error = NULL;
  g_autoptr (JsonNode) via_node = _adf_parse_via_node (data, length, flags, &node_error);
  JsonNode *doc = (adf_parse) (data, length, flags, error);

  if (doc == NULL)
    {
      g_assert_null (via_node);
      g_assert_nonnull (node_error);
      if (error)
        {
          g_assert_error (node_error, (*error)->domain, (*error)->code);
          g_assert_cmpstr (node_error->message, ==, (*error)->message);
        }
    }
  else
    {
      g_assert_no_error (node_error);
      g_assert_true (adf_json_equal (doc, via_node));
    }
  return doc;
}

#define adf_parse(data, length, flags, error) parse_both (data, length, flags, error)

/* Helpers */

/* Every *.json in tests/adf/DIR (sorted), whose name starts with INVALID- or not. */
static GPtrArray *
fixture_files (const char *dir, int invalid)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "adf", dir, NULL);
  g_autoptr (GDir) d = g_dir_open (path, 0, NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      if (!g_str_has_suffix (name, ".json"))
        continue;
      if (invalid >= 0 && g_str_has_prefix (name, "INVALID-") != invalid)
        continue;
      g_ptr_array_add (files, g_build_filename (path, name, NULL));
    }
  g_ptr_array_sort (files, (GCompareFunc) g_strcmp0);
  /* g_ptr_array_sort compares pointers to elements */
  return files;
}

static int
compare_paths (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static GPtrArray *
valid_files (void)
{
  GPtrArray *files = fixture_files ("samples", FALSE);
  g_autoptr (GPtrArray) more = fixture_files ("validator/tests/valid", -1);

  for (guint i = 0; i < more->len; i++)
    g_ptr_array_add (files, g_strdup (g_ptr_array_index (more, i)));
  g_ptr_array_sort (files, compare_paths);
  return files;
}

static GPtrArray *
invalid_files (void)
{
  GPtrArray *files = fixture_files ("samples", TRUE);
  g_autoptr (GPtrArray) more = fixture_files ("validator/tests/invalid", -1);

  for (guint i = 0; i < more->len; i++)
    g_ptr_array_add (files, g_strdup (g_ptr_array_index (more, i)));
  g_ptr_array_sort (files, compare_paths);
  return files;
}

static char *
read_file (const char *path, gsize *length)
{
  g_autoptr (GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, length, &error);
  g_assert_no_error (error);
  return text;
}

static JsonNode *
parse_ok (const char *text)
{
  g_autoptr (GError) error = NULL;
  JsonNode *doc = adf_parse (text, -1, ADF_VALIDATE_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

/* Parses text expecting code; returns the message. */
static char *
parse_fails (const char *text, gssize length, AdfValidateFlags flags, int code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) doc = adf_parse (text, length, flags, &error);

  g_assert_null (doc);
  g_assert_error (error, ADF_ERROR, code);
  return g_strdup (error->message);
}

/* A message starts with a path: "doc" or content[i]/marks[i] segments. */
static gboolean
names_path (const char *message)
{
  return g_regex_match_simple (
      "^(doc|(content|marks)\\[\\d+\\](\\.(content|marks)\\[\\d+\\])*): .+", message, 0, 0);
}

static JsonNode *
string_form (JsonNode *doc)
{
  g_autofree char *json = adf_to_json (doc, FALSE);
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, json);
  return node;
}

static char *
node_to_string (JsonNode *node)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

/* Tests: fixtures */

static void
test_valid_fixtures (void)
{
  g_autoptr (GPtrArray) files = valid_files ();

  g_assert_cmpuint (files->len, >=, 40);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *text = read_file (path, NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (JsonNode) doc = adf_parse (text, -1, ADF_VALIDATE_DEFAULT, &error);
      g_autoptr (JsonNode) wrapped = NULL;
      g_autoptr (JsonNode) again = NULL;
      g_autoptr (JsonNode) from_node = NULL;
      g_autofree char *wrapped_text = NULL;

      if (error != NULL)
        g_error ("%s: %s", path, error->message);
      g_assert_true (JSON_NODE_HOLDS_OBJECT (doc));

      /* The API's form: the same document as a JSON string. */
      wrapped = string_form (doc);
      wrapped_text = node_to_string (wrapped);
      again = adf_parse (wrapped_text, -1, ADF_VALIDATE_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_true (adf_json_equal (doc, again));

      from_node = adf_parse_node (wrapped, ADF_VALIDATE_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_true (adf_json_equal (doc, from_node));
    }
}

static void
test_invalid_fixtures (void)
{
  g_autoptr (GPtrArray) files = invalid_files ();

  g_assert_cmpuint (files->len, >=, 45);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *text = read_file (path, NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (JsonNode) doc = adf_parse (text, -1, ADF_VALIDATE_DEFAULT, &error);

      if (doc != NULL)
        g_error ("%s was accepted", path);
      g_assert_true (error->domain == ADF_ERROR);
      g_test_message ("%s: %s", path, error->message);
      /* A document problem names where; a JSON problem names the position in the text. */
      if (error->code == ADF_ERROR_INVALID)
        g_assert_true (names_path (error->message));
      else
        g_assert_true (strstr (error->message, "JSON") != NULL);
    }
}

/* Our verdict and Atlassian's on the same files. */
static guint
count_agreement (const char *const *files, guint n, guint *disagree)
{
  g_autofree gboolean *verdicts = NULL;
  g_auto (GStrv) messages = NULL;
  guint agree = 0;

  *disagree = 0;
  if (!adf_test_atlassian_verdicts_files (files, &verdicts, &messages))
    return 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = NULL;
      gsize length;
      g_autoptr (GError) error = NULL;
      g_autoptr (JsonNode) doc = NULL;

      text = read_file (files[i], &length);
      doc = adf_parse (text, length, ADF_VALIDATE_DEFAULT, &error);
      if ((doc != NULL) == verdicts[i])
        agree++;
      else
        {
          (*disagree)++;
          g_test_message ("DISAGREE %s: ours %s, Atlassian %s\n  ours: %s\n  theirs: %s\n  doc: %s",
                          files[i], doc ? "OK" : "INVALID", verdicts[i] ? "OK" : "INVALID",
                          error ? error->message : "-", messages[i] ? messages[i] : "-", text);
        }
    }
  return agree;
}

static void
test_agree_fixtures (void)
{
  g_autoptr (GPtrArray) files = valid_files ();
  g_autoptr (GPtrArray) invalid = invalid_files ();
  guint agree, disagree;

  for (guint i = 0; i < invalid->len; i++)
    g_ptr_array_add (files, g_strdup (g_ptr_array_index (invalid, i)));
  g_ptr_array_add (files, NULL);

  agree = count_agreement ((const char *const *) files->pdata, files->len - 1, &disagree);
  if (g_test_failed () || (agree == 0 && disagree == 0))
    return;
  g_test_message ("fixtures: C and Atlassian agree on %u/%u", agree, agree + disagree);
  g_print ("# AGREEMENT fixtures %u/%u\n", agree, agree + disagree);
  g_assert_cmpuint (disagree, ==, 0);
}

/* Tests: a generated corpus */

static const char *const node_types[] = {
  "paragraph",    "heading",         "bulletList",
  "orderedList",  "listItem",        "codeBlock",
  "blockquote",   "panel",           "rule",
  "table",        "tableRow",        "tableCell",
  "tableHeader",  "mediaSingle",     "mediaGroup",
  "media",        "caption",         "expand",
  "nestedExpand", "decisionList",    "decisionItem",
  "taskList",     "taskItem",        "layoutSection",
  "layoutColumn", "blockCard",       "embedCard",
  "extension",    "bodiedExtension", "text",
  "hardBreak",    "mention",         "emoji",
  "date",         "status",          "inlineCard",
  "placeholder",  "inlineExtension", "mediaInline",
  "bogusNode",
};

static const char *const mark_jsons[] = {
  "{\"type\":\"strong\"}",
  "{\"type\":\"em\"}",
  "{\"type\":\"underline\"}",
  "{\"type\":\"strike\"}",
  "{\"type\":\"code\"}",
  "{\"type\":\"link\",\"attrs\":{\"href\":\"https://example.com\"}}",
  "{\"type\":\"link\",\"attrs\":{\"href\":\"javascript:alert(1)\"}}",
  "{\"type\":\"link\",\"attrs\":{\"href\":\"www.example.com\"}}",
  "{\"type\":\"link\",\"attrs\":{\"href\":\"  HTTPS://x\"}}",
  "{\"type\":\"link\",\"attrs\":{\"href\":\"x\\nmailto:a@b\"}}",
  "{\"type\":\"link\",\"attrs\":{\"href\":\"\"}}",
  "{\"type\":\"textColor\",\"attrs\":{\"color\":\"#aabbcc\"}}",
  "{\"type\":\"textColor\",\"attrs\":{\"color\":\"#abc\"}}",
  "{\"type\":\"backgroundColor\",\"attrs\":{\"color\":\"#AABBCC\"}}",
  "{\"type\":\"subsup\",\"attrs\":{\"type\":\"sub\"}}",
  "{\"type\":\"subsup\",\"attrs\":{\"type\":\"low\"}}",
  "{\"type\":\"annotation\",\"attrs\":{\"id\":\"a\",\"annotationType\":\"inlineComment\"}}",
  "{\"type\":\"alignment\",\"attrs\":{\"align\":\"center\"}}",
  "{\"type\":\"alignment\",\"attrs\":{\"align\":\"left\"}}",
  "{\"type\":\"indentation\",\"attrs\":{\"level\":2}}",
  "{\"type\":\"indentation\",\"attrs\":{\"level\":7}}",
  "{\"type\":\"fontSize\",\"attrs\":{\"fontSize\":\"small\"}}",
  "{\"type\":\"breakout\",\"attrs\":{\"mode\":\"wide\"}}",
  "{\"type\":\"border\",\"attrs\":{\"size\":2,\"color\":\"#11223344\"}}",
  "{\"type\":\"fragment\",\"attrs\":{\"localId\":\"f\"}}",
  "{\"type\":\"dataConsumer\",\"attrs\":{\"sources\":[\"s\"]}}",
  "{\"type\":\"strong\",\"attrs\":{}}",
  "{\"type\":\"bold\"}",
};

static const char *const attr_jsons[] = {
  "{\"level\":0}",
  "{\"level\":3}",
  "{\"level\":7}",
  "{\"level\":2.5}",
  "{\"level\":\"2\"}",
  "{\"order\":-1}",
  "{\"order\":5}",
  "{\"order\":0}",
  "{\"panelType\":\"info\"}",
  "{\"panelType\":\"bogus\"}",
  "{\"language\":\"c\"}",
  "{\"language\":3}",
  "{}",
  "{\"localId\":\"x\"}",
  "{\"foo\":1}",
  "{\"color\":\"grey\",\"text\":\"A\"}",
  "{\"color\":\"#123456\",\"text\":\"A\"}",
  "{\"color\":\"red\",\"text\":\"\"}",
  "{\"timestamp\":\"1\"}",
  "{\"timestamp\":1}",
  "{\"id\":\"u\",\"text\":\"@U\"}",
  "{\"shortName\":\":x:\"}",
  "{\"url\":\"https://a\"}",
  "{\"url\":\"javascript:x\"}",
  "{\"text\":\"\\n\"}",
  "{\"text\":\"x\"}",
  "{\"localId\":\"l\",\"state\":\"TODO\"}",
  "{\"localId\":\"l\",\"state\":\"todo\"}",
  "{\"layout\":\"center\"}",
  "{\"width\":50}",
  "{\"colspan\":2,\"colwidth\":[10,20]}",
  "{\"extensionKey\":\"k\",\"extensionType\":\"t\"}",
};

static void
collect_nodes (JsonNode *node, GPtrArray *out)
{
  JsonObject *object;
  JsonNode *content;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;
  object = json_node_get_object (node);
  g_ptr_array_add (out, object);
  content = json_object_get_member (object, "content");
  if (content != NULL && JSON_NODE_HOLDS_ARRAY (content))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (content)); i++)
      collect_nodes (json_array_get_element (json_node_get_array (content), i), out);
}

static JsonNode *
json_of (const char *text)
{
  return json_from_string (text, NULL);
}

/* Applies one of the mutation operators to a copy of doc. */
static JsonNode *
mutate (JsonNode *doc, GRand *rand)
{
  g_autoptr (GPtrArray) objects = g_ptr_array_new ();
  g_autofree char *json = adf_to_json (doc, FALSE);
  JsonNode *copy = json_from_string (json, NULL);
  JsonObject *target;
  JsonNode *member;

  collect_nodes (copy, objects);
  target = g_ptr_array_index (objects,
                              g_rand_int_range (rand, objects->len > 1 ? 1 : 0, objects->len));

  switch (g_rand_int_range (rand, 0, 10))
    {
    case 0: /* swap the node's type */
      json_object_set_string_member (
          target, "type", node_types[g_rand_int_range (rand, 0, G_N_ELEMENTS (node_types))]);
      break;
    case 1:
    case 2: /* add a mark */
      {
        JsonArray *marks;

        member = json_object_get_member (target, "marks");
        if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
          json_object_set_array_member (target, "marks", json_array_new ());
        marks = json_object_get_array_member (target, "marks");
        json_array_add_element (
            marks, json_of (mark_jsons[g_rand_int_range (rand, 0, G_N_ELEMENTS (mark_jsons))]));
        break;
      }
    case 3:
    case 4: /* replace the attrs */
      json_object_set_member (
          target, "attrs",
          json_of (attr_jsons[g_rand_int_range (rand, 0, G_N_ELEMENTS (attr_jsons))]));
      break;
    case 5: /* merge one attribute into the attrs */
      {
        JsonNode *extra
            = json_of (attr_jsons[g_rand_int_range (rand, 0, G_N_ELEMENTS (attr_jsons))]);
        JsonObjectIter iter;
        const char *name;
        JsonNode *value;

        member = json_object_get_member (target, "attrs");
        if (member == NULL || !JSON_NODE_HOLDS_OBJECT (member))
          json_object_set_object_member (target, "attrs", json_object_new ());
        json_object_iter_init (&iter, json_node_get_object (extra));
        while (json_object_iter_next (&iter, &name, &value))
          json_object_set_member (json_object_get_object_member (target, "attrs"), name,
                                  json_node_copy (value));
        json_node_unref (extra);
        break;
      }
    case 6: /* drop attrs, content or marks */
      {
        static const char *const members[] = { "attrs", "content", "marks", "text" };

        json_object_remove_member (target, members[g_rand_int_range (rand, 0, 4)]);
        break;
      }
    case 7: /* empty content, empty text, or a wrong type */
      switch (g_rand_int_range (rand, 0, 4))
        {
        case 0:
          json_object_set_array_member (target, "content", json_array_new ());
          break;
        case 1:
          json_object_set_string_member (target, "text", "");
          break;
        case 2:
          json_object_set_null_member (target, "content");
          break;
        default:
          json_object_set_string_member (target, "content", "x");
          break;
        }
      break;
    case 8: /* move another node (copied) into this one */
      {
        JsonObject *other = g_ptr_array_index (
            objects, g_rand_int_range (rand, 1, MAX (2, objects->len)) % objects->len);
        g_autofree char *other_json = NULL;
        JsonNode *wrapper = json_node_new (JSON_NODE_OBJECT);

        json_node_set_object (wrapper, other);
        other_json = node_to_string (wrapper);
        json_node_unref (wrapper);
        member = json_object_get_member (target, "content");
        if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
          json_object_set_array_member (target, "content", json_array_new ());
        json_array_add_element (json_object_get_array_member (target, "content"),
                                json_of (other_json));
        break;
      }
    default: /* wrap this node's content in a new node of some type */
      {
        JsonObject *wrapper = json_object_new ();

        json_object_set_string_member (
            wrapper, "type", node_types[g_rand_int_range (rand, 0, G_N_ELEMENTS (node_types))]);
        member = json_object_get_member (target, "content");
        if (member != NULL)
          json_object_set_member (wrapper, "content", json_node_copy (member));
        else
          json_object_set_array_member (wrapper, "content", json_array_new ());
        json_object_set_array_member (target, "content", json_array_new ());
        json_array_add_object_element (json_object_get_array_member (target, "content"), wrapper);
        break;
      }
    }
  return copy;
}

#define CORPUS_PER_DOC 16

/* ADF_TEST_CORPUS_SCALE=N makes both corpora N times larger (and the test N times slower),
 * for a deeper look than every test run can afford. */
static guint
corpus_scale (void)
{
  const char *scale = g_getenv ("ADF_TEST_CORPUS_SCALE");

  return scale ? CLAMP (atoi (scale), 1, 100) : 1;
}

static void
test_agree_corpus (void)
{
  g_autoptr (GPtrArray) files = valid_files ();
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261126);
  g_autofree gboolean *verdicts = NULL;
  g_auto (GStrv) messages = NULL;
  guint agree = 0, disagree = 0, accepted = 0;

  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *text = read_file (g_ptr_array_index (files, i), NULL);
      g_autoptr (JsonNode) doc = parse_ok (text);

      for (guint k = 0; k < CORPUS_PER_DOC * corpus_scale (); k++)
        {
          JsonNode *mutant = mutate (doc, rand);

          /* Two mutations on every other one: errors that hide behind each other. */
          if (k % 2 == 1)
            {
              JsonNode *twice = mutate (mutant, rand);

              json_node_unref (mutant);
              mutant = twice;
            }
          g_ptr_array_add (docs, mutant);
        }
    }

  if (!adf_test_atlassian_verdicts (docs, &verdicts, &messages))
    return;

  for (guint i = 0; i < docs->len; i++)
    {
      JsonNode *mutant = g_ptr_array_index (docs, i);
      g_autoptr (GError) error = NULL;
      gboolean ours = adf_validate (mutant, ADF_VALIDATE_DEFAULT, &error);

      if (ours)
        accepted++;
      if (ours == verdicts[i])
        agree++;
      else
        {
          g_autofree char *text = node_to_string (mutant);

          disagree++;
          g_test_message (
              "DISAGREE #%u: ours %s, Atlassian %s\n  ours: %s\n  theirs: %s\n  doc: %s", i,
              ours ? "OK" : "INVALID", verdicts[i] ? "OK" : "INVALID", error ? error->message : "-",
              messages[i] ? messages[i] : "-", text);
        }
      if (error != NULL && error->code == ADF_ERROR_INVALID)
        g_assert_true (names_path (error->message));
    }

  g_test_message ("corpus: C and Atlassian agree on %u/%u mutated documents (%u valid)", agree,
                  docs->len, accepted);
  g_print ("# AGREEMENT corpus %u/%u (%u accepted by both)\n", agree, docs->len, accepted);
  g_assert_cmpuint (disagree, ==, 0);
  /* A corpus that is all invalid (or all valid) would prove little. */
  g_assert_cmpuint (accepted, >, docs->len / 20);
  g_assert_cmpuint (accepted, <, docs->len * 9 / 10);
}

/* Tests: documents generated from our own tables, judged by Atlassian. Whatever our tables
 * allow is built here; a rule of ours that is too lax shows up as Atlassian's INVALID. */

static JsonNode *
generate_value (const AdfAttrSpec *spec, GRand *rand)
{
  switch (spec->kind)
    {
    case ADF_ATTR_STRING:
      return json_from_string (g_rand_boolean (rand) ? "\"x\"" : "\"Some words\"", NULL);
    case ADF_ATTR_NUMBER:
      {
        double lo = (spec->flags & ADF_ATTR_MIN) ? spec->min : 0;
        double hi = (spec->flags & ADF_ATTR_MAX) ? spec->max : lo + 500;
        JsonNode *node = json_node_new (JSON_NODE_VALUE);

        json_node_set_int (node, (gint64) g_rand_double_range (rand, lo, hi + 0.999));
        if (json_node_get_int (node) > hi)
          json_node_set_int (node, (gint64) hi);
        return node;
      }
    case ADF_ATTR_BOOLEAN:
      return json_from_string (g_rand_boolean (rand) ? "true" : "false", NULL);
    case ADF_ATTR_ENUM:
      {
        guint n = g_strv_length ((char **) spec->values);
        JsonNode *node = json_node_new (JSON_NODE_VALUE);

        json_node_set_string (node, spec->values[g_rand_int_range (rand, 0, n)]);
        return node;
      }
    case ADF_ATTR_PATTERN:
      switch ((AdfPattern) GPOINTER_TO_INT (spec->values))
        {
        case ADF_PATTERN_COLOR:
          return json_from_string ("\"#6554C0\"", NULL);
        case ADF_PATTERN_BORDER_COLOR:
          return json_from_string (g_rand_boolean (rand) ? "\"#091e4224\"" : "\"#aabbcc\"", NULL);
        case ADF_PATTERN_STATUS_COLOR:
        default:
          return json_from_string (g_rand_boolean (rand) ? "\"purple\"" : "\"#00B8D9\"", NULL);
        }
    case ADF_ATTR_URL:
      {
        static const char *const urls[] = { "\"https://example.com/a\"", "\"mailto:a@b.c\"",
                                            "\"/relative\"", "\"#anchor\"", "\"tel:123\"" };

        return json_from_string (urls[g_rand_int_range (rand, 0, G_N_ELEMENTS (urls))], NULL);
      }
    case ADF_ATTR_OBJECT:
      return json_from_string ("{\"k\":[1,\"v\"]}", NULL);
    case ADF_ATTR_NUMBER_ARRAY:
      return json_from_string ("[120,80]", NULL);
    case ADF_ATTR_STRING_ARRAY:
      return json_from_string ("[\"source\"]", NULL);
    case ADF_ATTR_DATASOURCE:
    default:
      return json_from_string ("{\"id\":\"d\",\"parameters\":{},\"views\":[{\"type\":\"table\"}]}",
                               NULL);
    }
}

static JsonObject *
generate_attrs (const AdfAttrSpec *specs, GRand *rand)
{
  JsonObject *attrs = json_object_new ();

  for (const AdfAttrSpec *spec = specs; spec->name != NULL; spec++)
    if ((spec->flags & ADF_ATTR_REQUIRED) || g_rand_int_range (rand, 0, 3) == 0)
      json_object_set_member (attrs, spec->name, generate_value (spec, rand));
  return attrs;
}

static gboolean
is_terminal (const char *type)
{
  const AdfNodeSpec *spec = _adf_schema_node (type);

  return spec->content_kind == ADF_CONTENT_NONE || !spec->content_required
         || spec->min_content == 0;
}

static JsonObject *generate_node (const AdfChildRule *rule, GRand *rand, guint depth);

static void
generate_children (JsonObject *object, const AdfNodeSpec *spec, GRand *rand, guint depth)
{
  JsonArray *content = json_array_new ();
  /* small trees: Atlassian's validator takes ~100 ms for a document of a few hundred nodes */
  guint n = g_rand_int_range (rand, 0, 3);
  guint rules = 0;

  while (spec->children[rules].type != NULL)
    rules++;

  if (spec->content_kind == ADF_CONTENT_MEDIA_SINGLE)
    {
      json_array_add_object_element (content, generate_node (&spec->children[0], rand, depth));
      if (g_rand_boolean (rand))
        json_array_add_object_element (content, generate_node (&spec->children[1], rand, depth));
      json_object_set_array_member (object, "content", content);
      return;
    }

  n = MAX (n, spec->min_content);
  if (spec->max_content > 0)
    n = MIN (n, spec->max_content);
  for (guint i = 0; i < n; i++)
    {
      const AdfChildRule *rule = &spec->children[g_rand_int_range (rand, 0, rules)];

      /* deep down, prefer children that need no children of their own */
      for (guint tries = 0; depth > 2 && tries < 20 && !is_terminal (rule->type); tries++)
        rule = &spec->children[g_rand_int_range (rand, 0, rules)];
      json_array_add_object_element (content, generate_node (rule, rand, depth + 1));
    }
  if (n > 0 || spec->content_required || g_rand_boolean (rand))
    json_object_set_array_member (object, "content", content);
  else
    json_array_unref (content);
}

static JsonObject *
generate_node (const AdfChildRule *rule, GRand *rand, guint depth)
{
  const AdfNodeSpec *spec = _adf_schema_node (rule->type);
  JsonObject *object = json_object_new ();
  JsonArray *marks = json_array_new ();
  guint variants = 0;

  g_assert_nonnull (spec);
  json_object_set_string_member (object, "type", rule->type);

  if (spec->attrs != NULL)
    {
      while (spec->attrs[variants] != NULL)
        variants++;
      if (spec->attrs_required || g_rand_boolean (rand))
        json_object_set_object_member (
            object, "attrs",
            generate_attrs (spec->attrs[g_rand_int_range (rand, 0, variants)], rand));
    }

  /* any subset of the marks this place allows, but alignment and indentation exclude each
   * other in every place that has both in separate rules */
  for (guint bit = 1; bit != 0 && bit <= rule->marks; bit <<= 1)
    if ((rule->marks & bit) && g_rand_int_range (rand, 0, 3) == 0)
      {
        const AdfMarkSpec *mark = _adf_schema_mark_bit (bit);
        JsonObject *m = json_object_new ();

        json_object_set_string_member (m, "type", mark->type);
        if (mark->attrs != NULL)
          json_object_set_object_member (m, "attrs", generate_attrs (mark->attrs, rand));
        json_array_add_object_element (marks, m);
      }
  if (json_array_get_length (marks) > 0)
    json_object_set_array_member (object, "marks", marks);
  else
    json_array_unref (marks);

  if (strcmp (rule->type, "text") == 0)
    json_object_set_string_member (object, "text", g_rand_boolean (rand) ? "word" : " two words ");
  else if (spec->content_kind != ADF_CONTENT_NONE)
    generate_children (object, spec, rand, depth);
  return object;
}

static void
test_agree_generated (void)
{
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autoptr (GRand) rand = g_rand_new_with_seed (3);
  const AdfChildRule *rules = _adf_schema_doc_rules ();
  g_autofree gboolean *verdicts = NULL;
  g_auto (GStrv) messages = NULL;
  guint n_rules = 0, agree = 0, accepted = 0;

  while (rules[n_rules].type != NULL)
    n_rules++;

  for (guint i = 0; i < 300 * corpus_scale (); i++)
    {
      JsonObject *doc = json_object_new ();
      JsonArray *content = json_array_new ();
      JsonNode *node = json_node_new (JSON_NODE_OBJECT);

      json_object_set_int_member (doc, "version", 1);
      json_object_set_string_member (doc, "type", "doc");
      /* every root rule at least once, then at random */
      json_array_add_object_element (content, generate_node (&rules[i % n_rules], rand, 0));
      for (guint k = g_rand_int_range (rand, 0, 2); k > 0; k--)
        json_array_add_object_element (
            content, generate_node (&rules[g_rand_int_range (rand, 0, n_rules)], rand, 0));
      json_object_set_array_member (doc, "content", content);
      json_node_take_object (node, doc);
      /* half of them also mutated once */
      if (i % 2 == 1)
        {
          JsonNode *mutant = mutate (node, rand);

          json_node_unref (node);
          node = mutant;
        }
      g_ptr_array_add (docs, node);
    }

  if (!adf_test_atlassian_verdicts (docs, &verdicts, &messages))
    return;

  for (guint i = 0; i < docs->len; i++)
    {
      JsonNode *d = g_ptr_array_index (docs, i);
      g_autoptr (GError) error = NULL;
      gboolean ours = adf_validate (d, ADF_VALIDATE_DEFAULT, &error);

      accepted += ours;
      if (ours == verdicts[i])
        agree++;
      else
        {
          g_autofree char *text = node_to_string (d);

          g_test_message (
              "DISAGREE #%u: ours %s, Atlassian %s\n  ours: %s\n  theirs: %s\n  doc: %s", i,
              ours ? "OK" : "INVALID", verdicts[i] ? "OK" : "INVALID", error ? error->message : "-",
              messages[i] ? messages[i] : "-", text);
        }
    }
  g_print ("# AGREEMENT generated %u/%u (%u accepted by both)\n", agree, docs->len, accepted);
  g_assert_cmpuint (agree, ==, docs->len);
  /* the unmutated half is built to be valid: most of it must be */
  g_assert_cmpuint (accepted, >, docs->len / 3);
}

/* Tests: messages */

static void
test_message_heading_level (void)
{
  g_autofree char *message = parse_fails (
      "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\"},{\"type\":\"rule\"},"
      "{\"type\":\"paragraph\"},{\"type\":\"heading\",\"attrs\":{\"level\":9}}]}",
      -1, ADF_VALIDATE_DEFAULT, ADF_ERROR_INVALID);

  g_assert_cmpstr (message, ==, "content[3]: heading level 9 outside 1–6");
}

static void
test_message_nested (void)
{
  g_autofree char *code = parse_fails (
      "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"bulletList\",\"content\":["
      "{\"type\":\"listItem\",\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":"
      "\"text\",\"text\":\"x\",\"marks\":[{\"type\":\"strong\"},{\"type\":\"code\"}]}]}]}]}]}",
      -1, ADF_VALIDATE_DEFAULT, ADF_ERROR_INVALID);
  g_autofree char *href = parse_fails (
      "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":"
      "\"text\",\"text\":\"x\",\"marks\":[{\"type\":\"link\",\"attrs\":{\"href\":\"javascript:"
      "alert(1)\"}}]}]}]}",
      -1, ADF_VALIDATE_DEFAULT, ADF_ERROR_INVALID);

  g_assert_cmpstr (code, ==,
                   "content[0].content[0].content[0].content[0]: code cannot be "
                   "combined with strong");
  g_assert_true (g_str_has_prefix (href, "content[0].content[0].marks[0]: link href "
                                         "“javascript:alert(1)” is not a safe link"));
}

/* Tests: unknown types */

static void
test_allow_unknown (void)
{
  const char *unknown_node = "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":"
                             "\"futureWidget\",\"attrs\":{\"x\":1},\"content\":[{\"a\":[]}]}]}";
  const char *unknown_mark = "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":"
                             "\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"x\","
                             "\"marks\":[{\"type\":\"sparkle\",\"attrs\":{\"n\":2}}]}]}]}";
  const char *known_bad
      = "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"futureWidget\"},"
        "{\"type\":\"heading\",\"attrs\":{\"level\":7}}]}";
  g_autofree char *m1 = parse_fails (unknown_node, -1, 0, ADF_ERROR_INVALID);
  g_autofree char *m2 = parse_fails (unknown_mark, -1, 0, ADF_ERROR_INVALID);
  g_autofree char *m3 = parse_fails (known_bad, -1, ADF_VALIDATE_ALLOW_UNKNOWN, ADF_ERROR_INVALID);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) doc = NULL;
  g_autoptr (JsonNode) doc2 = NULL;
  g_autoptr (JsonNode) expected = json_from_string (unknown_node, NULL);

  g_assert_cmpstr (m1, ==, "content[0]: unknown node type “futureWidget”");
  g_assert_cmpstr (m2, ==, "content[0].content[0].marks[0]: unknown mark “sparkle”");
  g_assert_cmpstr (m3, ==, "content[1]: heading level 7 outside 1–6");

  /* Lenient: kept whole, not a member lost. */
  doc = adf_parse (unknown_node, -1, ADF_VALIDATE_ALLOW_UNKNOWN, &error);
  g_assert_no_error (error);
  g_assert_true (adf_json_equal (doc, expected));
  doc2 = adf_parse (unknown_mark, -1, ADF_VALIDATE_ALLOW_UNKNOWN, &error);
  g_assert_no_error (error);
}

/* Tests: hostile input */

static void
test_hostile_deep (void)
{
  const guint depth = 100000;
  GString *arrays = g_string_new (NULL);
  GString *nodes = g_string_new ("{\"version\":1,\"type\":\"doc\",\"content\":[");
  g_autofree char *m1 = NULL;
  g_autofree char *m2 = NULL;
  g_autofree char *m3 = NULL;
  JsonNode *root;
  JsonObject *parent;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < depth; i++)
    g_string_append_c (arrays, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (arrays, ']');
  m1 = parse_fails (arrays->str, arrays->len, 0, ADF_ERROR_TOO_DEEP);

  for (guint i = 0; i < depth; i++)
    g_string_append (nodes, "{\"type\":\"blockquote\",\"content\":[");
  m2 = parse_fails (nodes->str, nodes->len, 0, ADF_ERROR_TOO_DEEP);

  /* Also inside the string form: the pre-scan runs on the inner text too. */
  {
    JsonNode *s = json_node_new (JSON_NODE_VALUE);
    g_autofree char *wrapped = NULL;

    json_node_set_string (s, arrays->str);
    wrapped = node_to_string (s);
    json_node_unref (s);
    m3 = parse_fails (wrapped, -1, 0, ADF_ERROR_TOO_DEEP);
  }

  /* Built in memory, never pre-scanned: the validator bounds itself. */
  root = json_from_string ("{\"version\":1,\"type\":\"doc\",\"content\":[]}", NULL);
  parent = json_node_get_object (root);
  for (guint i = 0; i < depth; i++)
    {
      JsonObject *child = json_object_new ();

      /* bulletList > listItem > bulletList …: valid at every level but the depth */
      json_object_set_string_member (child, "type", i % 2 ? "listItem" : "bulletList");
      json_object_set_array_member (child, "content", json_array_new ());
      json_array_add_object_element (json_object_get_array_member (parent, "content"), child);
      parent = child;
    }
  g_assert_false (adf_validate (root, 0, &error));
  g_assert_error (error, ADF_ERROR, ADF_ERROR_TOO_DEEP);
  g_clear_error (&error);
  g_assert_null (adf_parse_node (root, ADF_VALIDATE_ALLOW_UNKNOWN, &error));
  g_assert_error (error, ADF_ERROR, ADF_ERROR_TOO_DEEP);
  /* and equality of two such trees does not recurse either */
  g_assert_true (adf_json_equal (root, root));

  /* Freeing 100,000 levels: json-glib recurses here; do it level by level from the bottom. */
  {
    g_autoptr (GPtrArray) chain = g_ptr_array_new ();
    JsonObject *o = json_node_get_object (root);

    while (o != NULL)
      {
        JsonArray *content = json_object_get_array_member (o, "content");

        g_ptr_array_add (chain, o);
        o = json_array_get_length (content) ? json_array_get_object_element (content, 0) : NULL;
      }
    for (guint i = chain->len; i-- > 1;)
      json_array_remove_element (
          json_object_get_array_member (g_ptr_array_index (chain, i - 1), "content"), 0);
  }
  json_node_unref (root);
  g_string_free (arrays, TRUE);
  g_string_free (nodes, TRUE);
}

static void
test_hostile_large (void)
{
  gsize size = 50 * 1024 * 1024;
  GString *text = g_string_sized_new (size + 200);
  g_autofree char *message = NULL;

  g_string_append (text, "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\","
                         "\"content\":[{\"type\":\"text\",\"text\":\"");
  while (text->len < size)
    g_string_append (text, "All work and no play makes Jack a dull boy. ");
  g_string_append (text, "\"}]}]}");

  message = parse_fails (text->str, text->len, 0, ADF_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (message, "16 MiB"));
  g_string_free (text, TRUE);
}

static void
test_hostile_bytes (void)
{
  const char nul[] = "{\"version\":1,\"type\":\"doc\",\"content\":[]}\0garbage";
  g_autofree char *m1 = parse_fails ("{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":"
                                     "\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":"
                                     "\"\xff\xfe\"}]}]}",
                                     -1, 0, ADF_ERROR_NOT_JSON);
  g_autofree char *m2 = parse_fails (nul, sizeof nul - 1, 0, ADF_ERROR_NOT_JSON);
  g_autofree char *m3 = parse_fails ("{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":"
                                     "\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":"
                                     "\"a\\u0000b\"}]}]}",
                                     -1, 0, ADF_ERROR_NOT_JSON);
  g_autofree char *m4 = parse_fails ("", 0, 0, ADF_ERROR_NOT_JSON);
  g_autofree char *m5 = parse_fails ("{\"version\":1,/*x*/\"type\":\"doc\",\"content\":[]}", -1, 0,
                                     ADF_ERROR_NOT_JSON);

  g_assert_nonnull (strstr (m1, "UTF-8"));
  g_assert_nonnull (strstr (m2, "NUL"));
  g_assert_nonnull (strstr (m3, "NUL"));
}

static void
test_hostile_types (void)
{
  static const struct
  {
    const char *json;
    const char *message;
  } cases[] = {
    { "[]", "doc: expected a document object or a JSON string holding one, got an array" },
    { "42", "doc: expected a document object or a JSON string holding one, got a number" },
    { "null", "doc: expected a document object or a JSON string holding one, got null" },
    { "\"\\\"x\\\"\"", "The JSON string holds a string, not a document object (encoded twice?)" },
    { "{\"version\":1,\"type\":\"doc\",\"content\":{}}",
      "doc: doc content must be an array, not an object" },
    { "{\"version\":\"1\",\"type\":\"doc\",\"content\":[]}",
      "doc: unsupported version; only “version”: 1 is ADF" },
    { "{\"version\":1,\"type\":\"doc\",\"content\":[42]}",
      "content[0]: expected a node object, got a number" },
    { "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":7}]}",
      "content[0]: a node without a “type”" },
    { "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"heading\",\"attrs\":{\"level\":"
      "1e400}}]}",
      "content[0]: heading level inf outside 1–6" },
    { "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"orderedList\",\"attrs\":{\"order\":"
      "1e400},"
      "\"content\":[{\"type\":\"listItem\",\"content\":[{\"type\":\"paragraph\"}]}]}]}",
      "content[0]: orderedList attribute “order” is too large a number" },
    { "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"heading\",\"attrs\":{\"level\":"
      "123456789012345678901234567890}}]}",
      "A number has more than 18 digits, more than any document needs" },
    { "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":"
      "\"text\",\"text\":[\"x\"]}]}]}",
      "content[0].content[0]: text must be a string, not an array" },
    { "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\",\"attrs\":[]}]}",
      "content[0]: paragraph attrs must be an object, not an array" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (JsonNode) doc = adf_parse (cases[i].json, -1, 0, &error);

      g_assert_null (doc);
      g_assert_true (error->domain == ADF_ERROR);
      g_test_message ("%s → %s", cases[i].json, error->message);
      if (cases[i].message != NULL)
        g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* json-glib reads more than JSON; JSON.parse (Atlassian) does not, and neither do we. */
static void
test_strict_json (void)
{
  static const char *const cases[] = {
    "{\"version\":0x1,\"type\":\"doc\",\"content\":[]}",
    "{\"version\":01,\"type\":\"doc\",\"content\":[]}",
    "{\"version\":+1,\"type\":\"doc\",\"content\":[]}",
    "{\"version\":1.,\"type\":\"doc\",\"content\":[]}",
    "{\"version\":1,\"type\":\"doc\",\"content\":[]}{}",
    "{\"version\":1,\"type\":\"doc\",\"content\":[],}",
    "{\"version\":1,\"type\":\"doc\",\"content\":[\"a\",]}",
    "{version:1,\"type\":\"doc\",\"content\":[]}",
    "{'version':1,\"type\":\"doc\",\"content\":[]}",
    "{\"version\":1,/* c */\"type\":\"doc\",\"content\":[]}",
    "{\"version\":1,\"type\":\"doc\",\"content\":[]} // c",
    "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\",\"content\":[{"
    "\"type\":\"text\",\"text\":\"tab\there\"}]}]}",
    "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\",\"content\":[{"
    "\"type\":\"text\",\"text\":\"\\x41\"}]}]}",
    "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\",\"content\":[{"
    "\"type\":\"text\",\"text\":\"\\u12\"}]}]}",
    "{\"version\":1,\"type\":\"doc\",\"content\":[tru]}",
    /* lone surrogates: JavaScript keeps them, UTF-8 cannot (json-glib dropped what followed) */
    "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\",\"content\":[{"
    "\"type\":\"text\",\"text\":\"a\\ud800b\"}]}]}",
    "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\",\"content\":[{"
    "\"type\":\"text\",\"text\":\"a\\udc00\"}]}]}",
    "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\",\"content\":[{"
    "\"type\":\"text\",\"text\":\"\\ud83d\\u0041\"}]}]}",
    "{\"version\":1,\"type\":\"doc\",\"content\":[NaN]}",
    "{\"version\":1,\"type\":\"doc\",\"content\":[",
    "   ",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = parse_fails (cases[i], -1, 0, ADF_ERROR_NOT_JSON);

      g_test_message ("%s → %s", cases[i], message);
      g_assert_true (g_str_has_prefix (message, "Not valid JSON: "));
    }

  /* and what is JSON still is */
  {
    g_autoptr (JsonNode) doc
        = parse_ok (" {\"version\" : 1.0e0 ,\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\","
                    "\"content\":[{\"type\":\"text\",\"text\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t"
                    "\\u00e9\\ud83d\\ude00\"}]}]}\r\n");

    JsonObject *text = json_array_get_object_element (
        json_object_get_array_member (
            json_array_get_object_element (
                json_object_get_array_member (json_node_get_object (doc), "content"), 0),
            "content"),
        0);

    g_assert_cmpstr (json_object_get_string_member (text, "text"), ==,
                     "\"\\/\b\f\n\r\t\xc3\xa9\xf0\x9f\x98\x80");
  }
}

static void
test_safe_url (void)
{
  static const struct
  {
    const char *url;
    gboolean safe;
  } cases[] = {
    { "https://example.com", TRUE },
    { "HTTP://EXAMPLE.COM", TRUE },
    { "  https://x ", TRUE },
    { "mailto:a@b.c", TRUE },
    { "tel:+4930", TRUE },
    { "/wiki/x", TRUE },
    { "#anchor", TRUE },
    { "", TRUE },
    { "   ", TRUE },
    { "ssh://host", TRUE },
    { "www.example.com", FALSE },
    { "javascript:alert(1)", FALSE },
    { "JavaScript:x", FALSE },
    { "data:text/html,x", FALSE },
    { "vbscript:x", FALSE },
    { "example.com/a", FALSE },
    { "ſftp://x", TRUE }, /* ſ folds to s, as in JS */
    /* Atlassian's quirk: any line may carry the scheme (the exporters do not link these) */
    { "javascript:alert(1)\nhttps://x", TRUE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    if (adf_is_safe_url (cases[i].url) != cases[i].safe)
      g_error ("adf_is_safe_url (\"%s\") should be %d", cases[i].url, cases[i].safe);
}

/* Tests: the JSON helpers */

static void
test_json_equal (void)
{
  g_autoptr (JsonNode) a = json_from_string ("{\"a\":1,\"b\":[1,2,{\"c\":true}],\"d\":null}", NULL);
  g_autoptr (JsonNode) b
      = json_from_string ("{\"d\":null,\"b\":[1.0,2,{\"c\":true}],\"a\":1}", NULL);
  g_autoptr (JsonNode) c = json_from_string ("{\"a\":1,\"b\":[2,1,{\"c\":true}],\"d\":null}", NULL);
  g_autoptr (JsonNode) d = json_from_string ("{\"a\":1,\"b\":[1,2,{\"c\":true}],\"e\":null}", NULL);
  g_autoptr (JsonNode) e
      = json_from_string ("{\"a\":\"1\",\"b\":[1,2,{\"c\":true}],\"d\":null}", NULL);

  g_assert_true (adf_json_equal (a, b));
  g_assert_false (adf_json_equal (a, c));
  g_assert_false (adf_json_equal (a, d));
  g_assert_false (adf_json_equal (a, e));
}

static void
test_parse_node_copies (void)
{
  g_autoptr (JsonNode) source = json_from_string (
      "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\"}]}", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) doc = adf_parse_node (source, 0, &error);
  g_autofree char *json = NULL;

  g_assert_no_error (error);
  g_assert_true (doc != source);
  json_object_set_int_member (json_node_get_object (doc), "version", 2);
  json = adf_to_json (source, FALSE);
  g_assert_cmpstr (json, ==,
                   "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\"}]}");
}

/* The reader builds what json-glib's parser builds: a member given twice keeps its first
 * place and takes its last value (in small objects and in large ones, which the reader
 * checks another way), escapes and numbers read alike. Compared as written, so member order
 * counts too. */
static void
test_same_as_json_glib (void)
{
  g_autoptr (GString) large = g_string_new (NULL);
  g_autoptr (GPtrArray) cases = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (cases, g_strdup ("{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":"
                                    "\"text\",\"type\":\"paragraph\"}]}"));
  g_ptr_array_add (cases, g_strdup ("{\"content\":[{\"type\":\"rule\"}],\"version\":1,\"type\":"
                                    "\"doc\",\"content\":[],\"version\":1}"));
  g_ptr_array_add (cases, g_strdup ("{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":"
                                    "\"heading\",\"attrs\":{\"level\":7,\"level\":2,\"level\":3},"
                                    "\"content\":[{\"type\":\"text\",\"text\":\"x\",\"text\":"
                                    "\"\\u00e9\\ud83d\\ude00\\n\\/\\t\\\"\"}]}]}"));
  g_string_append (large, "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":"
                          "\"extension\",\"attrs\":{\"extensionKey\":\"k\",\"extensionType\":"
                          "\"t\",\"parameters\":{");
  for (int i = 0; i < 40; i++)
    g_string_append_printf (large, "%s\"p%d\":%s", i ? "," : "", i % 13,
                            i % 4 == 0   ? "-0"
                            : i % 4 == 1 ? "1.5e3"
                            : i % 4 == 2 ? "[true,null,{\"a\":1,\"a\":2}]"
                                         : "-12345678901234567");
  g_string_append (large, "}}}]}");
  g_ptr_array_add (cases, g_strdup (large->str));
  /* A large object the validator reads: only the last level counts */
  g_string_assign (large, "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":"
                          "\"heading\",\"attrs\":{");
  for (int i = 0; i < 20; i++)
    g_string_append_printf (large, "%s\"%s\":%s", i ? "," : "", i % 2 ? "localId" : "level",
                            i % 2    ? "\"a\""
                            : i < 18 ? "9"
                                     : "4");
  g_string_append (large, "}}]}");
  g_ptr_array_add (cases, g_strdup (large->str));

  for (guint i = 0; i < cases->len; i++)
    {
      const char *text = g_ptr_array_index (cases, i);
      g_autoptr (GError) error = NULL;
      g_autoptr (JsonNode) glib_node = json_from_string (text, &error);
      g_autoptr (JsonNode) expected = NULL;
      g_autoptr (JsonNode) doc = NULL;
      g_autofree char *expected_json = NULL;
      g_autofree char *json = NULL;

      g_assert_no_error (error);
      expected = adf_parse_node (glib_node, ADF_VALIDATE_DEFAULT, &error);
      g_assert_no_error (error);
      doc = adf_parse (text, -1, ADF_VALIDATE_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_true (adf_json_equal (doc, expected));
      expected_json = adf_to_json (expected, FALSE);
      json = adf_to_json (doc, FALSE);
      g_assert_cmpstr (json, ==, expected_json);
    }
}

static void
test_biggest_sample_time (void)
{
  g_autoptr (GPtrArray) files = valid_files ();
  const char *biggest = NULL;
  gsize biggest_size = 0;
  g_autofree char *text = NULL;
  gsize length;
  gint64 start;
  const guint rounds = 200;

  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *t = read_file (g_ptr_array_index (files, i), &length);

      if (length > biggest_size)
        {
          biggest_size = length;
          biggest = g_ptr_array_index (files, i);
        }
    }
  text = read_file (biggest, &length);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < rounds; i++)
    {
      g_autoptr (JsonNode) doc = (adf_parse) (text, -1, ADF_VALIDATE_DEFAULT, NULL);
      g_assert_nonnull (doc);
    }
  g_print ("# BENCH adf-parse-biggest-sample %.1f us (%" G_GSIZE_FORMAT " bytes, %s)\n",
           (g_get_monotonic_time () - start) / (double) rounds, length, biggest);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/adf/parse/fixtures/valid", test_valid_fixtures);
  g_test_add_func ("/adf/parse/fixtures/invalid", test_invalid_fixtures);
  g_test_add_func ("/adf/parse/atlassian/fixtures", test_agree_fixtures);
  g_test_add_func ("/adf/parse/atlassian/mutated-corpus", test_agree_corpus);
  g_test_add_func ("/adf/parse/atlassian/generated-corpus", test_agree_generated);
  g_test_add_func ("/adf/parse/message/heading-level", test_message_heading_level);
  g_test_add_func ("/adf/parse/message/nested", test_message_nested);
  g_test_add_func ("/adf/parse/allow-unknown", test_allow_unknown);
  g_test_add_func ("/adf/parse/hostile/deep", test_hostile_deep);
  g_test_add_func ("/adf/parse/hostile/large", test_hostile_large);
  g_test_add_func ("/adf/parse/hostile/bytes", test_hostile_bytes);
  g_test_add_func ("/adf/parse/hostile/types", test_hostile_types);
  g_test_add_func ("/adf/parse/hostile/strict-json", test_strict_json);
  g_test_add_func ("/adf/parse/safe-url", test_safe_url);
  g_test_add_func ("/adf/parse/json-equal", test_json_equal);
  g_test_add_func ("/adf/parse/parse-node-copies", test_parse_node_copies);
  g_test_add_func ("/adf/parse/same-as-json-glib", test_same_as_json_glib);
  g_test_add_func ("/adf/parse/biggest-sample-time", test_biggest_sample_time);

  return g_test_run ();
}
