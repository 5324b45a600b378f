/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "og-client.h"
#include "og-routes.h"

G_BEGIN_DECLS

/* Turns a successful response's root (NULL for an empty body) into the task's result. */
typedef gpointer (*OgResponseParser) (JsonNode *root, GError **error);

GTask *_og_client_new_task (OgClient *self,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data,
                            gpointer source_tag);

/* Returns the task with an OG_ERROR_INVALID_ARGUMENT (and drops it) when @value is empty. */
gboolean _og_client_check_argument (GTask *task, const char *value, const char *message);

/* As _og_client_check_argument, for the actorUserId every write carries. */
gboolean _og_client_check_actor (GTask *task, const char *actor_user_id);

/* The result of a task from _og_client_new_task with @source_tag. */
gpointer _og_client_finish_pointer (OgClient *self,
                                    GAsyncResult *result,
                                    gpointer source_tag,
                                    GError **error);
gboolean _og_client_finish_boolean (OgClient *self,
                                    GAsyncResult *result,
                                    gpointer source_tag,
                                    GError **error);

/* The "data" member every answer has, of @type, or NULL and an error. */
JsonNode *_og_client_get_data (JsonNode *root, JsonNodeType type, GError **error);

/*
 * Sends one request of @route and resolves @task (from _og_client_new_task; this takes it
 * over) with @parser's result, or TRUE when @parser is NULL. @query is a NULL-terminated
 * list of name, value pairs (a NULL value skips the pair).
 */
void _og_client_send (OgClient *self,
                      GTask *task,
                      OgRoute route,
                      const char *id,
                      const char **query,
                      JsonNode *body,
                      OgResponseParser parser,
                      GDestroyNotify result_free);

G_END_DECLS
