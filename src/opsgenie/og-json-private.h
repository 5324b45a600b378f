/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "og-enums.h"
#include "og-incident.h"
#include "og-ref.h"
#include "og-responder.h"

G_BEGIN_DECLS

/*
 * What the models share to read and write Opsgenie's JSON.
 *
 * Every reader takes the object, the object's own path ("rootIncident", "responders[2]";
 * NULL at the top) and the member's name. An absent member and a JSON null both leave the
 * default; a member of the wrong JSON type is an OG_ERROR_BAD_RESPONSE whose message starts
 * with the member's full path ("rootIncident.priority: expected a string, got a number").
 * A reader returns FALSE exactly when it set the error.
 */

/* json-glib 1.6 parses recursively and overflows an 8 MiB stack at about 80 000 levels of
 * nesting; no Opsgenie response or ADF document comes near this bound. */
#define OG_JSON_MAX_DEPTH 512

/* Aligned by hand, as the other headers are. */
/* clang-format off */

/* Parses untrusted JSON (a response body, an ADF document sent as a string): refuses
 * nesting deeper than OG_JSON_MAX_DEPTH before json-glib sees it. Returns the root, or
 * NULL with OG_ERROR_BAD_RESPONSE (an empty document too). path may be NULL. */
JsonNode   *_og_json_parse                  (const char          *data,
                                             gssize               length,
                                             const char          *path,
                                             GError             **error);

/* "path.member", or member alone at the top (path NULL). */
char       *_og_json_member_path            (const char          *path,
                                             const char          *member);

/* Every node below node copied, values included (json_node_copy shares them). */
JsonNode   *_og_json_node_deep_copy         (JsonNode            *node);

/* "a string", "a number", "null", … as error messages name a node's type */
const char *_og_json_node_describe          (JsonNode            *node);

void        _og_json_set_error              (GError             **error,
                                             const char          *path,
                                             const char          *member,
                                             const char          *format,
                                             ...) G_GNUC_PRINTF (4, 5);

/* The node as an object, or NULL and an error naming path. */
JsonObject *_og_json_node_get_object        (JsonNode            *node,
                                             const char          *path,
                                             GError             **error);

gboolean    _og_json_read_string            (JsonObject          *object,
                                             const char          *path,
                                             const char          *member,
                                             char               **out,
                                             GError             **error);
/* As _og_json_read_string, but absence and null are errors too. */
gboolean    _og_json_read_required_string   (JsonObject          *object,
                                             const char          *path,
                                             const char          *member,
                                             char               **out,
                                             GError             **error);
gboolean    _og_json_read_boolean           (JsonObject          *object,
                                             const char          *path,
                                             const char          *member,
                                             gboolean            *out,
                                             GError             **error);
gboolean    _og_json_read_uint              (JsonObject          *object,
                                             const char          *path,
                                             const char          *member,
                                             guint               *out,
                                             GError             **error);
/* An ISO 8601 timestamp; one without a UTC offset is taken as UTC. */
gboolean    _og_json_read_datetime          (JsonObject          *object,
                                             const char          *path,
                                             const char          *member,
                                             GDateTime          **out,
                                             GError             **error);
gboolean    _og_json_read_severity          (JsonObject          *object,
                                             const char          *path,
                                             const char          *member,
                                             OgSeverity          *out,
                                             GError             **error);
gboolean    _og_json_read_postmortem_status (JsonObject          *object,
                                             const char          *path,
                                             const char          *member,
                                             OgPostmortemStatus  *out,
                                             GError             **error);
/* An array of strings; absent or null gives an empty (never NULL) vector. */
gboolean    _og_json_read_strv              (JsonObject          *object,
                                             const char          *path,
                                             const char          *member,
                                             char              ***out,
                                             GError             **error);
/* A member that must be an object; *out is borrowed from object. */
gboolean    _og_json_read_object            (JsonObject          *object,
                                             const char          *path,
                                             const char          *member,
                                             JsonObject         **out,
                                             GError             **error);
/* An ADF document: a JSON object, or a string holding one (how the API sends it at
 * times); a blank string or JSON null is no document. *out is a deep copy. */
gboolean    _og_json_read_adf               (JsonObject          *object,
                                             const char          *path,
                                             const char          *member,
                                             JsonNode           **out,
                                             GError             **error);

/* Parses one element of a model list; path is the element's own path. */
typedef gpointer (*OgJsonParseFunc) (JsonNode    *node,
                                     const char  *path,
                                     GError     **error);

/* A member holding one model object; absent or null gives NULL. */
gboolean    _og_json_read_model             (JsonObject          *object,
                                             const char          *path,
                                             const char          *member,
                                             OgJsonParseFunc      parse,
                                             gpointer            *out,
                                             GError             **error);
/* An array of model objects; absent or null gives an empty array that owns references. */
gboolean    _og_json_read_model_list        (JsonObject          *object,
                                             const char          *path,
                                             const char          *member,
                                             OgJsonParseFunc      parse,
                                             GPtrArray          **out,
                                             GError             **error);

/* Writers: a NULL string or time is left out. Times are written in UTC, with milliseconds
 * as Opsgenie writes them (microseconds when the time has them). */
char       *_og_json_format_datetime        (GDateTime           *datetime);
void        _og_json_object_set_string      (JsonObject          *object,
                                             const char          *member,
                                             const char          *value);
void        _og_json_object_set_datetime    (JsonObject          *object,
                                             const char          *member,
                                             GDateTime           *value);
void        _og_json_object_set_strv        (JsonObject          *object,
                                             const char          *member,
                                             const char *const   *strv);
/* Takes object. */
JsonNode   *_og_json_node_new_object        (JsonObject          *object);

/* The models that nest in a postmortem, parsed at a path so that errors name it. */
OgRef       *_og_ref_new_from_json_at       (JsonNode            *node,
                                             const char          *path,
                                             GError             **error);
OgResponder *_og_responder_new_from_json_at (JsonNode            *node,
                                             const char          *path,
                                             GError             **error);
OgIncident  *_og_incident_new_from_json_at  (JsonNode            *node,
                                             const char          *path,
                                             GError             **error);

/* clang-format on */

G_END_DECLS
