/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "og-account.h"
#include "og-enums.h"
#include "og-incident.h"
#include "og-postmortem.h"
#include "og-service.h"
#include "og-team.h"
#include "og-user.h"

G_BEGIN_DECLS

#define OG_BASE_URL_US "https://api.opsgenie.com"
#define OG_BASE_URL_EU "https://api.eu.opsgenie.com"

/* The API's own ceiling for list pages. */
#define OG_MAX_PAGE_SIZE 100

#define OG_TYPE_CLIENT (og_client_get_type ())
G_DECLARE_FINAL_TYPE (OgClient, og_client, OG, CLIENT, GObject)

/* Refuses (OG_ERROR_INVALID_URL) anything but https://, or http:// to a loopback host. */
OgClient *og_client_new (const char *base_url, GError **error);
gboolean og_client_check_base_url (const char *base_url, GError **error);
const char *og_client_get_base_url (OgClient *self);

/* The key is kept in memory only and sent as "Authorization: GenieKey <key>". */
void og_client_set_api_key (OgClient *self, const char *api_key);
gboolean og_client_has_api_key (OgClient *self);

/* Seconds; 0 disables. Defaults: connect/IO 15 s, overall 60 s. */
void og_client_set_timeouts (OgClient *self, guint connect_timeout, guint overall_timeout);
/* Bytes of response body accepted before the request fails with OG_ERROR_TOO_LARGE. */
void og_client_set_max_response_size (OgClient *self, gsize max_bytes);
/* How many times a 429 (or a 5xx of an idempotent request) is retried. Default 3. */
void og_client_set_max_retries (OgClient *self, guint max_retries);
/* Upper bound, in milliseconds, of one wait between retries (tests shorten it). */
void og_client_set_max_retry_delay (OgClient *self, guint max_delay_ms);

/* Postmortems */
void og_client_get_postmortem_async (OgClient *self,
                                     const char *postmortem_id,
                                     GCancellable *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer user_data);
OgPostmortem *
og_client_get_postmortem_finish (OgClient *self, GAsyncResult *result, GError **error);

/* owner_id may be NULL (the actor becomes the owner). Returns the new postmortem's id. */
void og_client_create_postmortem_async (OgClient *self,
                                        const char *incident_id,
                                        const char *actor_user_id,
                                        const char *owner_id,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer user_data);
char *og_client_create_postmortem_finish (OgClient *self, GAsyncResult *result, GError **error);

void og_client_delete_postmortem_async (OgClient *self,
                                        const char *postmortem_id,
                                        const char *actor_user_id,
                                        gboolean delete_exported_timelines,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer user_data);
gboolean og_client_delete_postmortem_finish (OgClient *self, GAsyncResult *result, GError **error);

/* PUT of every field the full update takes, read from @postmortem. */
void og_client_update_postmortem_async (OgClient *self,
                                        OgPostmortem *postmortem,
                                        const char *actor_user_id,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer user_data);
gboolean og_client_update_postmortem_finish (OgClient *self, GAsyncResult *result, GError **error);

/* One partial update: sends @field's value, read from @postmortem, to its own route. */
void og_client_update_field_async (OgClient *self,
                                   OgPostmortem *postmortem,
                                   OgPostmortemField field,
                                   const char *actor_user_id,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
gboolean og_client_update_field_finish (OgClient *self, GAsyncResult *result, GError **error);

/* Incidents. One page: @query in Opsgenie's query syntax (may be NULL), @sort/@order may
 * be NULL. The finish returns OgIncident objects; *next_offset is the offset of the next
 * page, or -1 when this was the last one. */
void og_client_list_incidents_async (OgClient *self,
                                     const char *query,
                                     const char *sort,
                                     const char *order,
                                     guint offset,
                                     guint limit,
                                     GCancellable *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer user_data);
GPtrArray *og_client_list_incidents_finish (OgClient *self,
                                            GAsyncResult *result,
                                            gint *next_offset,
                                            GError **error);

/* Follows the pages until the end or @max_items (0: no bound). */
void og_client_list_all_incidents_async (OgClient *self,
                                         const char *query,
                                         guint max_items,
                                         GCancellable *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer user_data);
GPtrArray *
og_client_list_all_incidents_finish (OgClient *self, GAsyncResult *result, GError **error);

void og_client_get_incident_async (OgClient *self,
                                   const char *incident_id,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
OgIncident *og_client_get_incident_finish (OgClient *self, GAsyncResult *result, GError **error);

/* Users: one page, @query may be NULL. */
void og_client_list_users_async (OgClient *self,
                                 const char *query,
                                 guint offset,
                                 guint limit,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
GPtrArray *og_client_list_users_finish (OgClient *self,
                                        GAsyncResult *result,
                                        gint *next_offset,
                                        GError **error);

void og_client_list_teams_async (OgClient *self,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
GPtrArray *og_client_list_teams_finish (OgClient *self, GAsyncResult *result, GError **error);

void og_client_list_services_async (OgClient *self,
                                    guint offset,
                                    guint limit,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data);
GPtrArray *og_client_list_services_finish (OgClient *self,
                                           GAsyncResult *result,
                                           gint *next_offset,
                                           GError **error);

void og_client_get_account_async (OgClient *self,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data);
OgAccount *og_client_get_account_finish (OgClient *self, GAsyncResult *result, GError **error);

G_END_DECLS
