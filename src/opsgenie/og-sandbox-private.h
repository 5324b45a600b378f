/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

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

G_END_DECLS
