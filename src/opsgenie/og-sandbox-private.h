/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "og-sandbox.h"

G_BEGIN_DECLS

/*
 * The sandbox's organisation, kept as the JSON the API answers with, so that the server
 * needs no model code and stays an independent implementation the client is tested
 * against. Every collection holds JsonObjects in the order the API lists them.
 */
typedef struct
{
  GPtrArray *users;       /* GET /v2/users items */
  GPtrArray *teams;       /* GET /v2/teams items */
  GPtrArray *services;    /* GET /v1/services items */
  GPtrArray *incidents;   /* GET /v1/incidents items, by tinyId */
  GPtrArray *postmortems; /* GET /v2/postmortem/{id} "data" objects, oldest first */
} OgSandboxStore;

/* The seeded organisation; the same from run to run. */
OgSandboxStore *_og_sandbox_store_new_seeded (void);
void _og_sandbox_store_free (OgSandboxStore *store);

/* The member of @collection whose "id" (or "postmortemId") is @id, or NULL. */
JsonObject *_og_sandbox_store_find (GPtrArray *collection, const char *id);

/* A uuid-shaped id derived from @kind and @key: stable from run to run. */
char *_og_sandbox_make_id (const char *kind, const char *key);

/* "2025-04-17T09:12:00.000Z" */
char *_og_sandbox_format_time (GDateTime *time);

/* The shapes a postmortem refers to others with. */
JsonNode *_og_sandbox_incident_summary (JsonObject *incident);
JsonNode *_og_sandbox_user_ref (JsonObject *user);
/* {id, name} of a team or a service */
JsonNode *_og_sandbox_ref (JsonObject *object);
/* {id, name, role} of a responder user */
JsonNode *_og_sandbox_responder (JsonObject *user, const char *role);

/* A new draft for @incident as Opsgenie creates it: titled after the incident, its
 * content the Opsgenie template, its services and team taken from the incident. Sets
 * the incident's extraProperties.postmortemId; the caller adds it to the store. */
JsonObject *_og_sandbox_store_create_postmortem (OgSandboxStore *store,
                                                 JsonObject *incident,
                                                 JsonObject *owner,
                                                 const char *postmortem_id,
                                                 GDateTime *created_at);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OgSandboxStore, _og_sandbox_store_free)

/* The seed (og-sandbox-seed.c, og-sandbox-seed-postmortems.c) */

/* The member of @collection whose @member is @value. The seed tables name each other: a
 * miss is a typo in them, and aborts. */
JsonObject *_og_sandbox_seed_find (GPtrArray *collection, const char *member, const char *value);

/* Midnight UTC of the day incident @tiny_id happens. */
GDateTime *_og_sandbox_seed_incident_day (guint tiny_id);

/* An incident with a postmortem. Lists are '|'-separated; responders are "Name=Role". The
 * sections are in the markup of og-sandbox-adf.c. */
typedef struct
{
  guint tiny_id;
  const char *priority;
  const char *start; /* "HH:MM" UTC on the incident's day */
  guint respond_minutes;
  guint duration_minutes;
  const char *region;
  const char *message;
  const char *description;
  const char *tags;
  const char *services;
  const char *teams;
  const char *title;
  const char *status;
  const char *owner;
  const char *responders;
  const char *jira;
  const char *related; /* tinyIds */
  const char *summary;
  const char *leadup;
  const char *fault;
  const char *impact;
  const char *detection;
  const char *response;
  const char *recovery;
  const char *timeline; /* "HH:MM event" lines */
  const char *root_causes;
  const char *lessons;
} OgSandboxSeedPostmortem;

/* The written postmortem of incident @tiny_id, or NULL. */
const OgSandboxSeedPostmortem *_og_sandbox_seed_find_postmortem (guint tiny_id);

/* Adds the written postmortems to @store, whose users, teams, services and incidents are
 * seeded already. */
void _og_sandbox_seed_add_postmortems (OgSandboxStore *store);

/* The ADF builder (og-sandbox-adf.c) */

/* What the ADF builder needs to resolve mentions and dates, and to number task ids. */
typedef struct
{
  OgSandboxStore *store;
  GDateTime *day;  /* midnight UTC of the incident */
  const char *key; /* makes task ids unique per document */
  guint n_ids;
} OgSandboxAdfContext;

/* An empty document: {"version": 1, "type": "doc", "content": []} */
JsonObject *_og_sandbox_adf_doc (void);

/* The document of @markup's blocks. */
JsonNode *_og_sandbox_adf_document (OgSandboxAdfContext *context, const char *markup);

/* Appends a heading and @markup's blocks to @doc. */
void _og_sandbox_adf_section (OgSandboxAdfContext *context,
                              JsonObject *doc,
                              const char *heading,
                              const char *markup);

/* Appends the "Timeline" heading and @timeline's "HH:MM event" lines to @doc, as a table
 * (time, event) or as a list. */
void _og_sandbox_adf_timeline (OgSandboxAdfContext *context,
                               JsonObject *doc,
                               const char *timeline,
                               gboolean as_table);

/* The server (og-sandbox.c) */

struct _OgSandbox
{
  GObject parent_instance;

  OgSandboxStore *store;
  /* store is the seed as _og_sandbox_store_new_seeded() made it: a state file loads into
   * it rather than into a new one (the seed is 32 M instructions, half the sandbox's start) */
  gboolean store_is_seed;
  SoupServer *server;
  char *base_url;
  GMainContext *context;
  GQueue faults[OG_N_ROUTES]; /* OgSandboxFault */
  GPtrArray *requests;        /* OgSandboxRequest */
  GPtrArray *deferred;        /* OgSandboxCall */
  guint n_created;
  /* og-sandbox-state.c */
  GFile *state_file;
  GSource *save_source; /* a save waiting for more changes */
  gboolean state_dirty;
  gboolean state_save_failed; /* reported already */
};

/* One request being answered. */
typedef struct
{
  OgSandbox *self;
  SoupServerMessage *msg;
  OgRoute route;
  char *id;          /* the route's {id}, unescaped */
  GHashTable *query; /* name → value */
  char *request_id;
  gint64 started;    /* monotonic, for "took" */
  gboolean truncate; /* TRUNCATED fault: send half of the answer */
  /* An answer held back by a DELAY or DROP fault */
  gboolean drop;
  GSource *source;
  gulong disconnected_handler;
} OgSandboxCall;

void _og_sandbox_call_free (OgSandboxCall *call);
const char *_og_sandbox_call_get_query (OgSandboxCall *call, const char *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OgSandboxCall, _og_sandbox_call_free)

/* Answers @call as its route does. */
void _og_sandbox_answer (OgSandboxCall *call);

/* Recording (og-sandbox-requests.c) */

void _og_sandbox_request_free (OgSandboxRequest *request);
void _og_sandbox_record_request (OgSandbox *self,
                                 SoupServerMessage *msg,
                                 const char *path,
                                 GHashTable *query,
                                 gboolean has_route,
                                 OgRoute route);

/* Faults (og-sandbox-faults.c) */

typedef struct
{
  OgSandboxFaultKind kind;
  guint value;
  guint times; /* left to fire; 0: until cleared */
} OgSandboxFault;

/* The next fault queued for @route, counted as fired. */
gboolean _og_sandbox_take_fault (OgSandbox *self, OgRoute route, OgSandboxFault *fault);
/* Answers @call as @fault says; takes @call. */
void _og_sandbox_apply_fault (OgSandboxCall *call, const OgSandboxFault *fault);

/* Answers (og-sandbox-respond.c) */

void _og_sandbox_log_answer (OgSandboxCall *call, guint status);
void _og_sandbox_send_body (OgSandboxCall *call,
                            guint status,
                            const char *content_type,
                            char *body, /* taken */
                            gsize length);
/* Sends @envelope (taken) with "took" and "requestId" added, as every Opsgenie answer has. */
void _og_sandbox_respond_object (OgSandboxCall *call, guint status, JsonObject *envelope);
/* {"data": @data (taken)} */
void _og_sandbox_respond_data (OgSandboxCall *call, guint status, JsonNode *data);
/* {"data": {"message": …}} */
void _og_sandbox_respond_message (OgSandboxCall *call, guint status, const char *message);
/* {"message": …, "errors": @errors} (errors may be NULL or empty) */
void _og_sandbox_respond_error (OgSandboxCall *call,
                                guint status,
                                JsonObject *errors,
                                const char *format,
                                ...) G_GNUC_PRINTF (4, 5);
/* 422 with the problems in @errors */
void _og_sandbox_respond_invalid (OgSandboxCall *call, JsonObject *errors);
/* 200 with no body at all, as the content update answers. */
void _og_sandbox_respond_empty (OgSandboxCall *call);
/* The message of Opsgenie's error body for @status */
const char *_og_sandbox_status_message (guint status);

/* Records the first problem of @member. */
void _og_sandbox_add_error (JsonObject *errors, const char *member, const char *format, ...)
    G_GNUC_PRINTF (3, 4);

JsonNode *_og_sandbox_object_node (JsonObject *object);

typedef struct
{
  guint offset;
  guint limit;
} OgSandboxPage;

/* Reads offset and limit; records problems in @errors. */
OgSandboxPage _og_sandbox_read_page (OgSandboxCall *call,
                                     guint default_limit,
                                     guint max_limit,
                                     JsonObject *errors);
/* {"data": [page of @items], "paging": {…}, "totalCount": n}, as Opsgenie's lists answer. */
void _og_sandbox_respond_page (OgSandboxCall *call, GPtrArray *items, OgSandboxPage page);

/* Request bodies (og-sandbox-validate.c) */

extern const char *const _og_sandbox_severities[];

/* The request body as an object: an empty body reads as {} so that the missing members are
 * named. Answers 400 and returns NULL when the body is not a JSON object. */
JsonObject *_og_sandbox_read_body (OgSandboxCall *call);
/* The string member @name, or NULL after recording why not. */
const char *_og_sandbox_require_string (JsonObject *body, const char *name, JsonObject *errors);
/* The user whose id is the member @name, or NULL after recording why not. */
JsonObject *
_og_sandbox_require_user (OgSandbox *self, JsonObject *body, const char *name, JsonObject *errors);

/*
 * Each check reads one member of an update body and returns what the postmortem stores for
 * it (the GET shape: an update sends ownerId, the postmortem holds owner), or NULL with
 * *problem set.
 */
typedef JsonNode *(*OgSandboxFieldCheck) (OgSandbox *self, JsonNode *value, char **problem);

typedef struct
{
  OgRoute route;      /* the partial update */
  const char *member; /* in its body (and in the full update's) */
  const char *stored; /* in the GET data */
  OgSandboxFieldCheck check;
  gboolean adf; /* takes the document as a JSON string, with "type": "adf" */
} OgSandboxFieldRule;

/* The full update takes every member here but the two ADF ones. */
extern const OgSandboxFieldRule _og_sandbox_field_rules[];
extern const guint _og_sandbox_n_field_rules;

const OgSandboxFieldRule *_og_sandbox_find_field_rule (OgRoute route);
/* The value to store for @rule's member of @body, or NULL after recording why not. */
JsonNode *_og_sandbox_check_field (OgSandbox *self,
                                   const OgSandboxFieldRule *rule,
                                   JsonObject *body,
                                   JsonObject *errors);

/* State on disk (og-sandbox-state.c) */

/* A write request changed the store: saved a moment later, when there is a state file. */
void _og_sandbox_store_changed (OgSandbox *self);
/* Saves now what is not saved yet. */
void _og_sandbox_flush_state (OgSandbox *self);
/* ::state-error (og-sandbox.c) */
void _og_sandbox_emit_state_error (OgSandbox *self, const GError *error);

/* Routes (og-sandbox-postmortems.c, og-sandbox-lists.c) */

void _og_sandbox_handle_postmortem_get (OgSandboxCall *call);
void _og_sandbox_handle_postmortem_create (OgSandboxCall *call);
void _og_sandbox_handle_postmortem_delete (OgSandboxCall *call);
void _og_sandbox_handle_postmortem_update (OgSandboxCall *call);
/* The partial updates: content, executive summary, status, owner, … */
void _og_sandbox_handle_postmortem_field_update (OgSandboxCall *call);

void _og_sandbox_handle_incidents_list (OgSandboxCall *call);
void _og_sandbox_handle_incident_get (OgSandboxCall *call);
void _og_sandbox_handle_users_list (OgSandboxCall *call);
void _og_sandbox_handle_teams_list (OgSandboxCall *call);
void _og_sandbox_handle_services_list (OgSandboxCall *call);
void _og_sandbox_handle_account_get (OgSandboxCall *call);

G_END_DECLS
