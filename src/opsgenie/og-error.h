/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define OG_ERROR (og_error_quark ())

/**
 * OgErrorCode:
 *
 * One code per class of failure, so that the UI can say what to do about it. HTTP
 * statuses map one to one; everything that never reached a status has its own code.
 */
typedef enum
{
  OG_ERROR_BAD_REQUEST,        /* 400 */
  OG_ERROR_UNAUTHORIZED,       /* 401: the key was rejected */
  OG_ERROR_PAYMENT_REQUIRED,   /* 402: the plan has no postmortems */
  OG_ERROR_FORBIDDEN,          /* 403: the key lacks the access right */
  OG_ERROR_NOT_FOUND,          /* 404 */
  OG_ERROR_METHOD_NOT_ALLOWED, /* 405 */
  OG_ERROR_CONFLICT,           /* 409 */
  OG_ERROR_TOO_LARGE,          /* 413, or a response over the client's size cap */
  OG_ERROR_INVALID,            /* 422: a field value was refused */
  OG_ERROR_PRECONDITION,       /* 428 */
  OG_ERROR_RATE_LIMITED,       /* 429 after the bounded retries */
  OG_ERROR_SERVER,             /* 5xx */
  OG_ERROR_NETWORK,            /* unreachable host, refused or dropped connection */
  OG_ERROR_TIMEOUT,            /* connect or overall time-out */
  OG_ERROR_TLS,                /* certificate or handshake failure */
  OG_ERROR_BAD_RESPONSE,       /* not JSON, truncated, wrong types, unexpected status */
  OG_ERROR_INVALID_URL,        /* a base URL we refuse to send a key to */
  OG_ERROR_INVALID_ARGUMENT,   /* a request we refuse to send (empty id, bad value) */
} OgErrorCode;

GQuark og_error_quark (void);

OgErrorCode og_error_code_from_status (guint status);

/* Details kept on an OG_ERROR (an extended GError); NULL/0 when absent. */
guint og_error_get_http_status (const GError *error);
const char *og_error_get_server_message (const GError *error);
const char *og_error_get_request_id (const GError *error);
/* field name → message, from the response's "errors" object; may be NULL */
GHashTable *og_error_get_field_errors (const GError *error);
/* seconds the server asked us to wait (429), 0 when it did not say */
guint og_error_get_retry_after (const GError *error);

/* Creates an OG_ERROR whose message is a sentence a user can act on, followed by what the
 * server said, its field errors and the request id. Takes ownership of nothing. */
GError *og_error_new_from_response (guint status,
                                    const char *server_message,
                                    GHashTable *field_errors,
                                    const char *request_id,
                                    guint retry_after);

G_END_DECLS
