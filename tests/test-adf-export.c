/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "adf-export.h"
#include "adf-parse.h"

/* Helpers */

/* A document around content (the JSON of the doc's content array), strictly validated. */
static JsonNode *
doc_flags (const char *content, AdfValidateFlags flags)
{
  g_autofree char *json
      = g_strdup_printf ("{\"version\":1,\"type\":\"doc\",\"content\":[%s]}", content);
  g_autoptr (GError) error = NULL;
  JsonNode *doc = adf_parse (json, -1, flags, &error);

  g_assert_no_error (error);
  return doc;
}

static JsonNode *
doc (const char *content)
{
  return doc_flags (content, ADF_VALIDATE_DEFAULT);
}

#define P(inline)       "{\"type\":\"paragraph\",\"content\":[" inline "]}"
#define T(text)         "{\"type\":\"text\",\"text\":\"" text "\"}"
#define TM(text, marks) "{\"type\":\"text\",\"text\":\"" text "\",\"marks\":[" marks "]}"
#define STRONG          "{\"type\":\"strong\"}"
#define EM              "{\"type\":\"em\"}"
#define CODE            "{\"type\":\"code\"}"
#define LINK(href)      "{\"type\":\"link\",\"attrs\":{\"href\":\"" href "\"}}"
#define LI(blocks)      "{\"type\":\"listItem\",\"content\":[" blocks "]}"
#define UL(items)       "{\"type\":\"bulletList\",\"content\":[" items "]}"
#define OL(order, items) \
  "{\"type\":\"orderedList\",\"attrs\":{\"order\":" order "},\"content\":[" items "]}"

static void
assert_markdown (const char *content, const char *expected)
{
  g_autoptr (JsonNode) d = doc (content);
  g_autofree char *md = adf_export_markdown (d);

  g_assert_cmpstr (md, ==, expected);
}

static void
assert_html (const char *content, const char *expected)
{
  g_autoptr (JsonNode) d = doc (content);
  g_autofree char *html = adf_export_html (d);

  g_assert_cmpstr (html, ==, expected);
}

static void
assert_text (const char *content, const char *expected)
{
  g_autoptr (JsonNode) d = doc (content);
  g_autofree char *text = adf_export_text (d);

  g_assert_cmpstr (text, ==, expected);
}

/* Tests: Markdown */

static void
test_markdown_escaping (void)
{
  assert_markdown (P (T ("a *b* _c_ [d](e) <f> `g` \\\\ h|i ~j~ &amp;")),
                   "a \\*b\\* \\_c\\_ \\[d\\](e) \\<f\\> \\`g\\` \\\\ h\\|i \\~j\\~ \\&amp;\n");
  /* what would start a block at the start of a line */
  assert_markdown (P (T ("# not a heading")) "," P (T ("- not a list")) "," P (
                       T ("1. not a list")) "," P (T ("2025) neither")) "," P (T ("> no quote")),
                   "\\# not a heading\n\n\\- not a list\n\n1\\. not a list\n\n2025\\) neither\n\n"
                   "\\> no quote\n");
  /* in the middle of a line they are text */
  assert_markdown (P (T ("version 1. # - + fine")), "version 1. # - + fine\n");
}

static void
test_markdown_code (void)
{
  assert_markdown (P (T ("run ") "," TM ("a`b", CODE)), "run ``a`b``\n");
  assert_markdown (P (TM ("`x`", CODE)), "`` `x` ``\n");
  assert_markdown (P (TM ("*not emphasis*", CODE)), "`*not emphasis*`\n");
  /* code + link: the span inside the link text */
  assert_markdown (P (TM ("main()", CODE "," LINK ("https://x.org/a b"))),
                   "[`main()`](<https://x.org/a b>)\n");
  /* a fence longer than any backtick run in the code, and the language */
  assert_markdown ("{\"type\":\"codeBlock\",\"attrs\":{\"language\":\"markdown\"},\"content\":["
                   "{\"type\":\"text\",\"text\":\"```\\nfenced\\n```\"}]}",
                   "````markdown\n```\nfenced\n```\n````\n");
  assert_markdown ("{\"type\":\"codeBlock\"}", "```\n```\n");
}

static void
test_markdown_marks (void)
{
  /* adjacent runs share their delimiters: no "****" */
  assert_markdown (P (TM ("bold ", STRONG) "," TM ("both", STRONG "," EM) "," T (" plain")),
                   "**bold *both*** plain\n");
  /* spaces move outside delimiters, or CommonMark would not read them as emphasis */
  assert_markdown (P (T ("a") "," TM (" b ", EM) "," T ("c")), "a *b* c\n");
  assert_markdown (
      P (TM ("x", "{\"type\":\"strike\"}") "," TM ("y", "{\"type\":\"underline\"}") "," TM (
          "2", "{\"type\":\"subsup\",\"attrs\":{\"type\":\"sup\"}}")),
      "~~x~~<u>y</u><sup>2</sup>\n");
  assert_markdown (P (TM ("the docs", LINK ("https://example.com/a_(b)")) "," T (" and ") "," TM (
                       "mail", "{\"type\":\"link\",\"attrs\":{\"href\":\"mailto:a@b.c\","
                               "\"title\":\"Say \\\"hi\\\"\"}}")),
                   "[the docs](<https://example.com/a_(b)>) and [mail](mailto:a@b.c \"Say "
                   "\\\"hi\\\"\")\n");
  /* a hard break is a backslash at the end of the line, and nothing at the end of a block */
  assert_markdown (P (T ("one") ",{\"type\":\"hardBreak\"}," T ("two")), "one\\\ntwo\n");
  assert_markdown (
      P (T ("end") ",{\"type\":\"hardBreak\"},{\"type\":\"hardBreak\"}") "," P (T ("next")),
      "end\n\nnext\n");
  assert_text (P (T ("end") ",{\"type\":\"hardBreak\"}") "," P (T ("next")), "end\n\nnext\n");
  assert_markdown ("{\"type\":\"heading\",\"attrs\":{\"level\":3},\"content\":[" T (
                       "a") ","
                            "{\"type\":\"hardBreak\"}," T ("b") "]}",
                   "### a b\n");
}

static void
test_markdown_lists (void)
{
  assert_markdown (UL (LI (P (T ("a")) "," OL (
                       "3", LI (P (T ("b")) "," UL (LI (P (T ("c"))))) "," LI (
                                P (T ("d"))))) "," LI (P (T ("e")) "," P (T ("second paragraph")))),
                   "- a\n"
                   "  3. b\n"
                   "     - c\n"
                   "  4. d\n"
                   "- e\n"
                   "\n"
                   "  second paragraph\n");
  /* markers widen past 9: continuation lines follow each marker's own width */
  assert_markdown (OL ("9", LI (P (T ("nine")) "," UL (LI (P (T ("x"))))) "," LI (
                                P (T ("ten")) "," UL (LI (P (T ("y")))))),
                   "9. nine\n   - x\n10. ten\n    - y\n");
  assert_markdown (OL ("0", LI (P (T ("zero")))), "0. zero\n");
  /* a code block inside an item keeps its fence indented */
  assert_markdown (
      UL (LI (P (T ("run:")) ",{\"type\":\"codeBlock\",\"content\":[" T ("ls\\n\\ncd") "]}")),
      "- run:\n\n  ```\n  ls\n\n  cd\n  ```\n");
}

static void
test_markdown_atoms (void)
{
  assert_markdown (
      P ("{\"type\":\"mention\",\"attrs\":{\"id\":\"1\",\"text\":\"@Jane Doe\"}},"
         "{\"type\":\"mention\",\"attrs\":{\"id\":\"2\",\"text\":\"Bob\"}},"
         "{\"type\":\"mention\",\"attrs\":{\"id\":\"abc\"}},"
         "{\"type\":\"emoji\",\"attrs\":{\"shortName\":\":smile:\",\"text\":\"😄\"}},"
         "{\"type\":\"emoji\",\"attrs\":{\"shortName\":\":custom_thing:\"}},"
         "{\"type\":\"date\",\"attrs\":{\"timestamp\":\"1735689599999\"}},"
         "{\"type\":\"status\",\"attrs\":{\"text\":\"In progress\",\"color\":\"blue\"}},"
         "{\"type\":\"inlineCard\",\"attrs\":{\"url\":\"https://example.com/x\"}}"),
      "@Jane Doe@Bob@abc😄:custom\\_thing:2024-12-31\\[IN PROGRESS\\]"
      "<https://example.com/x>\n");
}

static void
test_markdown_table (void)
{
  assert_markdown (
      "{\"type\":\"table\",\"content\":["
      "{\"type\":\"tableRow\",\"content\":["
      "{\"type\":\"tableHeader\",\"attrs\":{\"colspan\":2},\"content\":[" P (T (
          "Wide")) "]},"
                   "{\"type\":\"tableHeader\",\"content\":[" P (T (
                       "C")) "]}]},"
                             "{\"type\":\"tableRow\",\"content\":["
                             "{\"type\":\"tableCell\",\"content\":[" P (T (
                                 "a|b")) "]},"
                                         "{\"type\":\"tableCell\",\"content\":[" P (T (
                                             "two")) "," P (T ("lines")) "]},"
                                                                         "{\"type\":\"tableCell\","
                                                                         "\"content\":[" P (TM (
                                                                             "x", STRONG)) "]}]}]}",
      "| Wide |  | C |\n"
      "| --- | --- | --- |\n"
      "| a\\|b | two<br>lines | **x** |\n");
}

static void
test_markdown_islands (void)
{
  g_autoptr (JsonNode) d = doc_flags (
      "{\"type\":\"panel\",\"attrs\":{\"panelType\":\"note\"},\"content\":[" P (T (
          "Mind the gap")) "]},"
                           "{\"type\":\"expand\",\"attrs\":{\"title\":\"More\"},\"content\":[" P (
                               T ("hidden")) "]},"
                                             "{\"type\":\"mediaSingle\",\"attrs\":{\"layout\":"
                                             "\"center\"},\"content\":[{\"type\":\"media\","
                                             "\"attrs\":{\"type\":\"file\",\"id\":\"f\","
                                             "\"collection\":\"\",\"alt\":\"graph.png\"}},"
                                             "{\"type\":\"caption\",\"content\":[" T (
                                                 "Latency") "]}]},"
                                                            "{\"type\":\"futureChart\",\"attrs\":{"
                                                            "\"data\":[1,2]},\"content\":[" P (
                                                                T ("Q3 numbers")) "]},"
                                                                                  "{\"type\":"
                                                                                  "\"extension\","
                                                                                  "\"attrs\":{"
                                                                                  "\"extensionKey\""
                                                                                  ":\"k\","
                                                                                  "\"extensionType"
                                                                                  "\":\"t\","
                                                                                  "\"text\":\"Jira "
                                                                                  "macro\"}}",
      ADF_VALIDATE_ALLOW_UNKNOWN);
  g_autofree char *md = adf_export_markdown (d);
  g_autofree char *html = adf_export_html (d);
  g_autofree char *text = adf_export_text (d);

  g_assert_cmpstr (md, ==,
                   "> **Note**\n>\n> Mind the gap\n\n"
                   "**More**\n\nhidden\n\n"
                   "\\[Attachment: graph.png\\]\nLatency\n\n"
                   "Q3 numbers\n\n"
                   "Jira macro\n");
  g_assert_cmpstr (text, ==,
                   "Note\n\nMind the gap\n\nMore\n\nhidden\n\n[Attachment: graph.png]\nLatency\n\n"
                   "Q3 numbers\n\nJira macro\n");
  g_assert_cmpstr (html, ==,
                   "<div class=\"panel\" data-panel-type=\"note\">\n<p><strong>Note</strong></p>\n"
                   "<p>Mind the gap</p>\n</div>\n"
                   "<details>\n<summary>More</summary>\n<p>hidden</p>\n</details>\n"
                   "<figure>[Attachment: graph.png]<figcaption>Latency</figcaption></figure>\n"
                   "<p>Q3 numbers</p>\n"
                   "<p>Jira macro</p>\n");
  /* never the JSON of an island */
  g_assert_null (strstr (md, "\"type\""));
  g_assert_null (strstr (html, "futureChart"));
}

/* Tests: HTML */

static void
test_html_escaping (void)
{
  assert_html (P (T ("<script>alert('x')</script> & \\\"q\\\"")),
               "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</p>\n");
  /* only http, https and mailto become anchors; the text stays */
  assert_html (
      P (TM ("web", LINK ("https://example.com/?a=1&b=\\\"2\\\"")) "," T (" ") "," TM (
          "mail",
          LINK (
              "MAILTO:x@y.z")) "," T (" ") "," TM ("ftp",
                                                   LINK (
                                                       "ftp://f.org")) "," T (" ") "," TM ("rel",
                                                                                           LINK (
                                                                                               "/wi"
                                                                                               "k"
                                                                                               "i"))),
      "<p><a href=\"https://example.com/?a=1&amp;b=&quot;2&quot;\">web</a> "
      "<a href=\"MAILTO:x@y.z\">mail</a> ftp rel</p>\n");
  assert_html (
      P (TM ("<b>", STRONG "," EM) "," TM ("x", "{\"type\":\"textColor\",\"attrs\":{\"color\":"
                                                "\"#ff0000\"}}")),
      "<p><strong><em>&lt;b&gt;</em></strong><span style=\"color: #ff0000\">x</span></p>\n");
}

static void
test_html_javascript_href (void)
{
  /* adf_parse refuses javascript: links; a document built by hand must still not get one */
  g_autoptr (JsonNode) d = json_from_string (
      "{\"version\":1,\"type\":\"doc\",\"content\":[" P (
          TM ("click", LINK ("javascript:alert(1)")) ","
                                                     "{\"type\":\"inlineCard\",\"attrs\":{\"url\":"
                                                     "\" JavaScript:alert(2)\"}}") "]}",
      NULL);
  g_autofree char *html = adf_export_html (d);
  g_autofree char *md = adf_export_markdown (d);

  g_assert_cmpstr (html, ==, "<p>click JavaScript:alert(2)</p>\n");
  g_assert_cmpstr (md, ==, "click JavaScript:alert(2)\n");
  g_assert_null (strstr (html, "<a"));
  /* Markdown keeps the link as written (adf_parse is what refuses it), but never autolinks it */
  g_assert_null (strstr (md, "<JavaScript"));
}

/* Atlassian's isSafeUrl matches any line of the href: this passes both validators (and ours,
 * which agrees with them), so the exporters must not trust validation for what they link. */
static void
test_multiline_javascript_href (void)
{
  g_autoptr (JsonNode) d = doc (P (TM ("x", LINK ("javascript:alert(1)\\nhttps://x.org"))));
  g_autofree char *html = adf_export_html (d);
  g_autofree char *md = adf_export_markdown (d);

  g_assert_cmpstr (html, ==, "<p>x</p>\n");
  g_assert_cmpstr (md, ==, "x\n");
}

static void
test_html_table_and_lists (void)
{
  assert_html (
      "{\"type\":\"table\",\"content\":[{\"type\":\"tableRow\",\"content\":["
      "{\"type\":\"tableHeader\",\"attrs\":{\"colspan\":2},\"content\":[" P (
          T ("H")) "]}]},"
                   "{\"type\":\"tableRow\",\"content\":["
                   "{\"type\":\"tableCell\",\"content\":[" P (T (
                       "a<")) "]},"
                              "{\"type\":\"tableCell\",\"attrs\":{\"rowspan\":3},\"content\":[" P (
                                  T ("b")) "]}]}]}",
      "<table>\n<tr><th colspan=\"2\"><p>H</p></th></tr>\n"
      "<tr><td><p>a&lt;</p></td><td rowspan=\"3\"><p>b</p></td></tr>\n</table>\n");
  assert_html (OL ("4", LI (P (T ("four")) "," UL (LI (P (T ("in")))))),
               "<ol start=\"4\">\n<li><p>four</p>\n<ul>\n<li><p>in</p></li>\n</ul></li>\n</ol>\n");
  assert_html (
      "{\"type\":\"codeBlock\",\"attrs\":{\"language\":\"c\\\"><x\"},\"content\":[" T (
          "if (a < b && c)") "]}",
      "<pre><code class=\"language-c&quot;&gt;&lt;x\">if (a &lt; b &amp;&amp; c)</code></pre>\n");
}

/* Tests: text */

static void
test_text_lists (void)
{
  assert_text (
      "{\"type\":\"heading\",\"attrs\":{\"level\":2},\"content\":[" T ("Title") "]}," UL (
          LI (P (T ("a")) "," OL (
              "1",
              LI (P (T (
                  "b")))))) "," P (TM ("docs",
                                       LINK ("https://d.org")) "," T (" ") "," TM ("https://d.org",
                                                                                   LINK ("https://"
                                                                                         "d.org"))),
      "Title\n\n- a\n  1. b\n\ndocs (https://d.org) https://d.org\n");
  assert_text ("{\"type\":\"table\",\"content\":[{\"type\":\"tableRow\",\"content\":["
               "{\"type\":\"tableCell\",\"content\":[" P (
                   T ("a")) "]},"
                            "{\"type\":\"tableCell\",\"content\":[" P (T ("b")) "]}]}]}",
               "a\tb\n");
}

/* Tests: samples */

static char *
read_data (const char *dir, const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, dir, name, NULL);
  g_autoptr (GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
test_realistic_sample (void)
{
  g_autofree char *json = read_data ("adf/samples", "postmortem-realistic-authored.json");
  g_autofree char *md_expected = read_data ("data/adf-export", "postmortem-realistic-authored.md");
  g_autofree char *html_expected
      = read_data ("data/adf-export", "postmortem-realistic-authored.html");
  g_autofree char *text_expected
      = read_data ("data/adf-export", "postmortem-realistic-authored.txt");
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) d = adf_parse (json, -1, 0, &error);
  g_autofree char *md = NULL;
  g_autofree char *html = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  md = adf_export_markdown (d);
  html = adf_export_html (d);
  text = adf_export_text (d);
  g_assert_cmpstr (md, ==, md_expected);
  g_assert_cmpstr (html, ==, html_expected);
  g_assert_cmpstr (text, ==, text_expected);
}

static void
test_all_samples (void)
{
  const char *const dirs[] = { "adf/samples", "adf/validator/tests/valid" };

  for (gsize d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, dirs[d], NULL);
      g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *json = NULL;
          g_autoptr (GError) error = NULL;
          g_autoptr (JsonNode) docn = NULL;
          char *(*exports[]) (JsonNode *)
              = { adf_export_markdown, adf_export_html, adf_export_text };

          if (!g_str_has_suffix (name, ".json") || g_str_has_prefix (name, "INVALID-"))
            continue;
          json = read_data (dirs[d], name);
          docn = adf_parse (json, -1, 0, &error);
          g_assert_no_error (error);

          for (gsize e = 0; e < G_N_ELEMENTS (exports); e++)
            {
              g_autofree char *out = exports[e](docn);
              JsonArray *content
                  = json_object_get_array_member (json_node_get_object (docn), "content");

              g_assert_true (g_utf8_validate (out, -1, NULL));
              g_assert_null (strstr (out, "\"type\""));
              /* a document with any text (not only empty paragraphs) exports something */
              if (json_array_get_length (content) > 0 && strstr (json, "\"text\"") != NULL)
                g_assert_cmpuint (strlen (out), >, 0);
            }
        }
    }
}

static void
test_hostile (void)
{
  /* Not validated, wrong types everywhere, and deeper than any exporter descends. */
  GString *deep = g_string_new ("{\"version\":1,\"type\":\"doc\",\"content\":[");
  g_autoptr (JsonNode) odd = json_from_string (
      "{\"content\":[{\"type\":7},{\"type\":\"heading\",\"attrs\":{\"level\":\"x\"},\"content\":{}}"
      ","
      "{\"type\":\"orderedList\",\"attrs\":{\"order\":1e300},\"content\":[{\"type\":\"listItem\"}]}"
      ","
      "{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":5,\"marks\":{}},null]},"
      "{\"type\":\"table\",\"content\":[{\"type\":\"tableRow\",\"content\":[{\"type\":"
      "\"tableCell\","
      "\"attrs\":{\"colspan\":1e9}}]}]}]}",
      NULL);
  JsonParser *parser = json_parser_new ();
  char *(*exports[]) (JsonNode *) = { adf_export_markdown, adf_export_html, adf_export_text };

  for (gsize e = 0; e < G_N_ELEMENTS (exports); e++)
    {
      g_autofree char *out = exports[e](odd);

      g_assert_nonnull (out);
    }

  /* 400 levels: what json-glib parses without trouble, past ADF_EXPORT_MAX_DEPTH */
  for (guint i = 0; i < 400; i++)
    g_string_append (deep, "{\"type\":\"blockquote\",\"content\":[");
  g_string_append (deep, P (T ("bottom")));
  for (guint i = 0; i < 400; i++)
    g_string_append (deep, "]}");
  g_string_append (deep, "]}");
  g_assert_true (json_parser_load_from_data (parser, deep->str, deep->len, NULL));
  for (gsize e = 0; e < G_N_ELEMENTS (exports); e++)
    {
      g_autofree char *out = exports[e](json_parser_get_root (parser));

      g_assert_null (strstr (out, "bottom"));
    }
  g_object_unref (parser);
  g_string_free (deep, TRUE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/adf/export/markdown/escaping", test_markdown_escaping);
  g_test_add_func ("/adf/export/markdown/code", test_markdown_code);
  g_test_add_func ("/adf/export/markdown/marks", test_markdown_marks);
  g_test_add_func ("/adf/export/markdown/nested-lists", test_markdown_lists);
  g_test_add_func ("/adf/export/markdown/atoms", test_markdown_atoms);
  g_test_add_func ("/adf/export/markdown/table", test_markdown_table);
  g_test_add_func ("/adf/export/islands", test_markdown_islands);
  g_test_add_func ("/adf/export/html/escaping", test_html_escaping);
  g_test_add_func ("/adf/export/html/javascript-href", test_html_javascript_href);
  g_test_add_func ("/adf/export/multiline-javascript-href", test_multiline_javascript_href);
  g_test_add_func ("/adf/export/html/table-and-lists", test_html_table_and_lists);
  g_test_add_func ("/adf/export/text/lists-and-tables", test_text_lists);
  g_test_add_func ("/adf/export/realistic-sample", test_realistic_sample);
  g_test_add_func ("/adf/export/all-samples", test_all_samples);
  g_test_add_func ("/adf/export/hostile", test_hostile);

  return g_test_run ();
}
