/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "og-routes.h"

G_BEGIN_DECLS

/* The one key the sandbox accepts. It is not a secret: it only opens the sandbox, and the
 * tests grep logs for it to prove that no key is ever written out. */
#define OG_SANDBOX_API_KEY "sandbox-0d1f9e2c-6b3a-4c8e-9f21-7a5d4e3b2c10"

/* The user the sandbox treats as "this is me" (an incident commander in the seed). */
#define OG_SANDBOX_ACTOR_ID "6f1c2b9e-0a7d-4e55-8a0b-5c3d2e1f0a01"

typedef enum
{
  OG_SANDBOX_FAULT_STATUS,      /* answer @status with an Opsgenie error body */
  OG_SANDBOX_FAULT_RATE_LIMIT,  /* 429 with X-RateLimit-State and -Period-In-Sec: @value */
  OG_SANDBOX_FAULT_DELAY,       /* hold the answer @value milliseconds, then answer normally */
  OG_SANDBOX_FAULT_DROP,        /* close the connection without an answer */
  OG_SANDBOX_FAULT_TRUNCATED,   /* 200 with the first half of the JSON body */
  OG_SANDBOX_FAULT_NOT_JSON,    /* 200 with an HTML page */
  OG_SANDBOX_FAULT_WRONG_TYPES, /* 200, valid JSON, but "data" members of the wrong types */
  OG_SANDBOX_FAULT_EMPTY,       /* 200 with an empty body */
  OG_SANDBOX_FAULT_HUGE,        /* 200 with a valid JSON body of @value bytes */
} OgSandboxFaultKind;

/* One request as the sandbox received it. */
typedef struct
{
  char *method;
  char *path;                  /* unescaped, without the query */
  GHashTable *query;           /* name → value, may be empty, never NULL */
  SoupMessageHeaders *headers; /* a copy */
  GBytes *body;                /* never NULL (may be empty) */
  gboolean has_route;
  OgRoute route; /* when has_route */
} OgSandboxRequest;

/* The parsed body of @request (free it), or NULL when it is empty or not JSON. */
JsonNode *og_sandbox_request_get_json (const OgSandboxRequest *request);

/* Problems with the state file (og_sandbox_set_state_file()); a failed write is a
 * GFileError or GIOError. */
#define OG_SANDBOX_ERROR (og_sandbox_error_quark ())
GQuark og_sandbox_error_quark (void);

typedef enum
{
  OG_SANDBOX_ERROR_STATE_UNREADABLE, /* the file is there but could not be read */
  OG_SANDBOX_ERROR_STATE_CORRUPT,    /* not a sandbox state: moved aside */
  OG_SANDBOX_ERROR_STATE_VERSION,    /* another version's format: moved aside */
} OgSandboxError;

#define OG_TYPE_SANDBOX (og_sandbox_get_type ())
G_DECLARE_FINAL_TYPE (OgSandbox, og_sandbox, OG, SANDBOX, GObject)

/* A sandbox with the seeded organisation (≥ 40 users, 8 teams, 15 services, 60 incidents,
 * postmortems with realistic ADF), deterministic from run to run. */
OgSandbox *og_sandbox_new (void);

/* Listens on 127.0.0.1 on a port the OS picks, in the thread-default main context. */
gboolean og_sandbox_start (OgSandbox *self, GError **error);
/* Also writes the state file now if a write request changed something since. */
void og_sandbox_stop (OgSandbox *self);
/* "http://127.0.0.1:<port>", NULL before start */
const char *og_sandbox_get_base_url (OgSandbox *self);

/* Keeps what the write requests change (the postmortems, the incidents' links to them) in
 * @file, so that it survives a restart: read here, written whole a moment after each
 * successful write request, and at once on stop. Without a file (the default, and NULL)
 * the sandbox holds the seed in memory only.
 *
 * No file yet: the seed. A file this version cannot use (not JSON, wrong members, another
 * format version, empty) is moved aside to "<name>.corrupt-<time>" and the seed used: FALSE
 * with an OG_SANDBOX_ERROR saying so, a sentence for the user. The sandbox serves either
 * way. A later failure to write is reported by the ::state-error signal, once until a
 * write succeeds again; the sandbox keeps serving from memory. The file never holds the
 * API key. */
gboolean og_sandbox_set_state_file (OgSandbox *self, GFile *file, GError **error);
GFile *og_sandbox_get_state_file (OgSandbox *self);

/* Back to the seed, and the state file (if any) rewritten at once. FALSE when writing
 * failed; the sandbox holds the seed anyway. */
gboolean og_sandbox_reset (OgSandbox *self, GError **error);

/* Faults: @route answers with the fault the next @times requests (0: until cleared).
 * Faults on one route queue up in the order added. */
void og_sandbox_add_fault (OgSandbox *self,
                           OgRoute route,
                           OgSandboxFaultKind kind,
                           guint value,
                           guint times);
void og_sandbox_clear_faults (OgSandbox *self);

/* Every request received since start or the last clear, oldest first. */
const GPtrArray *og_sandbox_get_requests (OgSandbox *self);
const OgSandboxRequest *og_sandbox_get_last_request (OgSandbox *self);
guint og_sandbox_count_requests (OgSandbox *self, OgRoute route);
void og_sandbox_clear_requests (OgSandbox *self);

/* The sandbox's current state of a postmortem as the GET route would answer it (its
 * "data" object), or NULL. For tests to check what a write did. */
JsonNode *og_sandbox_dup_postmortem (OgSandbox *self, const char *postmortem_id);
/* Ids of the postmortems the sandbox holds now (seeded, plus created, less deleted), in a
 * stable order. */
GStrv og_sandbox_dup_postmortem_ids (OgSandbox *self);
/* The incident as GET /v1/incidents/{id} would answer it (its "data" object), or NULL:
 * for tests to check what a create or delete did to extraProperties.postmortemId. */
JsonNode *og_sandbox_dup_incident (OgSandbox *self, const char *incident_id);

G_END_DECLS
