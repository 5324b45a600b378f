/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "og-sandbox"

#include "config.h"

#include "og-sandbox-private.h"
#include "og-sandbox.h"

/*
 * The sandbox's organisation: people, teams, services, sixty incidents and a dozen
 * postmortems written the way incident managers write them. Everything is derived from
 * the tables below and from the written postmortems of og-sandbox-seed-postmortems.c, so
 * two sandboxes (and two runs) hold the same data.
 */

#define SEED_DOMAIN "sandbox-org.example"

typedef struct
{
  const char *full_name;
  const char *local_part;
  const char *role;
  const char *time_zone;
} SeedUser;

/* The first is the actor (OG_SANDBOX_ACTOR_ID): an incident commander. */
static const SeedUser seed_users[] = {
  { "Priya Raman", "priya.raman", "Admin", "Europe/London" },
  { "Daniel Okafor", "daniel.okafor", "Owner", "Europe/London" },
  { "Sofia Marquez", "sofia.marquez", "User", "Europe/Madrid" },
  { "Tomasz Wiśniewski", "tomasz.wisniewski", "User", "Europe/Warsaw" },
  { "Hannah Becker", "hannah.becker", "User", "Europe/Berlin" },
  { "Kenji Watanabe", "kenji.watanabe", "Admin", "Asia/Tokyo" },
  { "Amara Nwosu", "amara.nwosu", "User", "Africa/Lagos" },
  { "Lucas Ferreira", "lucas.ferreira", "User", "America/Sao_Paulo" },
  { "Chloé Martin", "chloe.martin", "User", "Europe/Paris" },
  { "Arjun Mehta", "arjun.mehta", "User", "Asia/Kolkata" },
  { "Emily Carter", "emily.carter", "User", "America/New_York" },
  { "Mohammed Al-Sayed", "mohammed.alsayed", "User", "Asia/Dubai" },
  { "Ingrid Johansson", "ingrid.johansson", "User", "Europe/Stockholm" },
  { "Mateo Rossi", "mateo.rossi", "User", "Europe/Rome" },
  { "Grace Liu", "grace.liu", "Admin", "America/Los_Angeles" },
  { "Oliver Hughes", "oliver.hughes", "User", "Europe/London" },
  { "Fatima Zahra Benali", "fatima.benali", "User", "Africa/Casablanca" },
  { "Ethan Brooks", "ethan.brooks", "User", "America/Chicago" },
  { "Zoe Papadopoulos", "zoe.papadopoulos", "User", "Europe/Athens" },
  { "Samuel Mensah", "samuel.mensah", "User", "Africa/Accra" },
  { "Aisha Khan", "aisha.khan", "User", "Asia/Karachi" },
  { "Noah Fischer", "noah.fischer", "User", "Europe/Zurich" },
  { "Isabella Costa", "isabella.costa", "User", "Europe/Lisbon" },
  { "Ravi Shankar", "ravi.shankar", "Admin", "Asia/Kolkata" },
  { "Mei Chen", "mei.chen", "User", "Asia/Singapore" },
  { "Jakub Novák", "jakub.novak", "User", "Europe/Prague" },
  { "Laura Schmidt", "laura.schmidt", "User", "Europe/Berlin" },
  { "Diego Hernández", "diego.hernandez", "User", "America/Mexico_City" },
  { "Nora Haddad", "nora.haddad", "User", "Asia/Beirut" },
  { "William Turner", "william.turner", "Stakeholder", "Europe/London" },
  { "Yuki Tanaka", "yuki.tanaka", "User", "Asia/Tokyo" },
  { "Elena Petrova", "elena.petrova", "User", "Europe/Sofia" },
  { "Marcus Johnson", "marcus.johnson", "User", "America/New_York" },
  { "Sara Lindgren", "sara.lindgren", "User", "Europe/Stockholm" },
  { "Thabo Dlamini", "thabo.dlamini", "User", "Africa/Johannesburg" },
  { "Camille Dubois", "camille.dubois", "Stakeholder", "Europe/Paris" },
  { "Andrés Gómez", "andres.gomez", "User", "America/Bogota" },
  { "Leila Farahani", "leila.farahani", "User", "Europe/Amsterdam" },
  { "Connor Walsh", "connor.walsh", "User", "Europe/Dublin" },
  { "Ana Silva", "ana.silva", "User", "Europe/Lisbon" },
  { "Benjamin Levi", "benjamin.levi", "User", "Asia/Jerusalem" },
  { "Olivia Bennett", "olivia.bennett", "Stakeholder", "Australia/Sydney" },
};

/* Left the company: still listed, as Opsgenie lists blocked users. */
#define SEED_BLOCKED_USER "Connor Walsh"

typedef struct
{
  const char *name;
  const char *description;
} SeedTeam;

static const SeedTeam seed_teams[] = {
  { "Platform Infrastructure", "Kubernetes clusters, networking and the edge" },
  { "Payments", "Payment authorisation, settlement and the ledger" },
  { "Checkout", "Basket, checkout pages and the Cart API" },
  { "Identity & Access", "Sign-in, single sign-on and sessions" },
  { "Data Platform", "The event bus, the warehouse and its pipelines" },
  { "Mobile", "The iOS and Android apps and their backend" },
  { "Site Reliability", "On-call tooling, observability and the status page" },
  { "Search & Discovery", "Product search and recommendations" },
};

typedef struct
{
  const char *name;
  const char *slug;
  const char *team;
  const char *description;
} SeedService;

static const SeedService seed_services[] = {
  { "Edge Proxy", "edge-proxy", "Platform Infrastructure", "TLS termination, WAF and routing" },
  { "Kubernetes Control Plane", "k8s-control-plane", "Platform Infrastructure",
    "API servers and etcd of the production clusters" },
  { "Payments Gateway", "payments-gateway", "Payments", "Card authorisation and capture" },
  { "Ledger", "ledger", "Payments", "Double-entry journal of every money movement" },
  { "Checkout Web", "checkout-web", "Checkout", "The checkout pages" },
  { "Cart API", "cart-api", "Checkout", "Baskets and their items" },
  { "Auth Service", "auth-service", "Identity & Access", "OAuth tokens and sessions" },
  { "SSO Bridge", "sso-bridge", "Identity & Access", "SAML and OIDC for enterprise tenants" },
  { "Event Bus (Kafka)", "event-bus", "Data Platform", "Kafka clusters and their topics" },
  { "Warehouse ETL", "warehouse-etl", "Data Platform", "Nightly loads into the warehouse" },
  { "Mobile BFF", "mobile-bff", "Mobile", "Backend for the mobile apps" },
  { "Push Notifications", "push-notifications", "Mobile", "APNs and FCM delivery" },
  { "Status Page", "status-page", "Site Reliability", "The public status page" },
  { "Search API", "search-api", "Search & Discovery", "Product search queries" },
  { "Search Indexer", "search-indexer", "Search & Discovery", "Keeps the product index fresh" },
};

/* Incidents without a postmortem: one alert pattern applied to one service. */
typedef struct
{
  const char *message; /* "{service}" is replaced */
  const char *description;
  const char *priority;
  const char *tag;
  const char *source;
} SeedPattern;

static const SeedPattern seed_patterns[] = {
  { "{service}: error rate above 5% for 10 minutes",
    "The 5xx ratio of {service} stayed above 5% for 10 minutes.", "P2", "error-rate", "Datadog" },
  { "{service}: p99 latency above 2 s", "p99 latency of {service} crossed 2 s in two zones.", "P3",
    "latency", "Prometheus Alertmanager" },
  { "{service}: pods in CrashLoopBackOff",
    "More than a third of the {service} pods keep restarting.", "P2", "kubernetes",
    "Prometheus Alertmanager" },
  { "{service}: deployment failed readiness checks",
    "The latest rollout of {service} did not pass its readiness checks and was halted.", "P3",
    "deploy", "Argo CD" },
  { "{service}: CPU saturation above 90%", "CPU of {service} above 90% for 15 minutes.", "P4",
    "capacity", "Datadog" },
  { "{service}: memory above 85% of the limit",
    "Working set of {service} above 85% of its memory limit.", "P4", "capacity",
    "Prometheus Alertmanager" },
  { "{service}: persistent volume above 90% full",
    "A persistent volume used by {service} is above 90% full.", "P3", "disk", "Datadog" },
  { "{service}: TLS certificate expires in 7 days",
    "The certificate served by {service} expires in 7 days.", "P4", "certificate",
    "Certificate monitor" },
  { "{service}: synthetic check failing from 3 locations",
    "The synthetic check of {service} fails from Frankfurt, Virginia and Sydney.", "P2",
    "synthetics", "Pingdom" },
  { "{service}: upstream dependency timeouts",
    "Calls from {service} to a dependency time out above 2%.", "P3", "dependency", "Datadog" },
  { "{service}: database connection pool above 80%",
    "{service} uses more than 80% of its database connections.", "P3", "database", "Datadog" },
  { "{service}: queue backlog growing for 30 minutes",
    "The work queue of {service} has grown for 30 minutes.", "P3", "queue",
    "Prometheus Alertmanager" },
  { "{service}: 429 responses from a third-party API", "A provider is rate-limiting {service}.",
    "P4", "rate-limit", "Datadog" },
  { "{service}: error budget burning 10x too fast",
    "{service} burns its monthly error budget 10 times faster than planned.", "P2", "slo",
    "SLO monitor" },
  { "{service}: log volume tripled", "Log ingestion from {service} is three times its baseline.",
    "P5", "logging", "Datadog" },
  { "{service}: health endpoint flapping",
    "The health endpoint of {service} changed state 12 times in 10 minutes.", "P5", "health-check",
    "Pingdom" },
};

static const char *const seed_regions[] = { "eu-west-1", "us-east-1", "ap-southeast-2" };

/* Incident n (1-based) happens every other day from this one on. */
#define SEED_FIRST_YEAR  2025
#define SEED_FIRST_MONTH 2
#define SEED_FIRST_DAY   1
#define SEED_N_INCIDENTS 60

JsonObject *
_og_sandbox_seed_find (GPtrArray *collection, const char *member, const char *value)
{
  for (guint i = 0; i < collection->len; i++)
    {
      JsonObject *object = g_ptr_array_index (collection, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (object, member, NULL), value) == 0)
        return object;
    }

  /* The seed tables name each other: a miss is a typo in them. */
  g_error ("Sandbox seed: no %s \"%s\"", member, value);
  return NULL;
}

static GDateTime *
add_minutes (GDateTime *time, guint minutes)
{
  return g_date_time_add_minutes (time, (gint) minutes);
}

/* The organisation */

static JsonArray *
string_array (const char *const *strings)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strings != NULL && strings[i] != NULL; i++)
    json_array_add_string_element (array, strings[i]);
  return array;
}

static void
seed_users_and_teams (OgSandboxStore *store)
{
  g_autoptr (GDateTime) joined = g_date_time_new_utc (2021, 3, 1, 9, 0, 0);

  for (guint i = 0; i < G_N_ELEMENTS (seed_users); i++)
    {
      const SeedUser *seed = &seed_users[i];
      g_autofree char *id = i == 0 ? g_strdup (OG_SANDBOX_ACTOR_ID)
                                   : _og_sandbox_make_id ("user", seed->local_part);
      g_autofree char *username = g_strconcat (seed->local_part, "@", SEED_DOMAIN, NULL);
      g_autoptr (GDateTime) created = g_date_time_add_days (joined, (gint) i * 23);
      g_autofree char *created_at = _og_sandbox_format_time (created);
      JsonObject *user = json_object_new ();
      JsonObject *role = json_object_new ();

      json_object_set_boolean_member (user, "blocked",
                                      g_str_equal (seed->full_name, SEED_BLOCKED_USER));
      json_object_set_boolean_member (user, "verified", TRUE);
      json_object_set_string_member (user, "id", id);
      json_object_set_string_member (user, "username", username);
      json_object_set_string_member (user, "fullName", seed->full_name);
      json_object_set_string_member (role, "id", seed->role);
      json_object_set_string_member (role, "name", seed->role);
      json_object_set_object_member (user, "role", role);
      json_object_set_string_member (user, "timeZone", seed->time_zone);
      json_object_set_string_member (user, "locale", "en_GB");
      json_object_set_string_member (user, "createdAt", created_at);
      g_ptr_array_add (store->users, user);
    }

  for (guint i = 0; i < G_N_ELEMENTS (seed_teams); i++)
    {
      g_autofree char *id = _og_sandbox_make_id ("team", seed_teams[i].name);
      JsonObject *team = json_object_new ();

      json_object_set_string_member (team, "id", id);
      json_object_set_string_member (team, "name", seed_teams[i].name);
      json_object_set_string_member (team, "description", seed_teams[i].description);
      g_ptr_array_add (store->teams, team);
    }

  for (guint i = 0; i < G_N_ELEMENTS (seed_services); i++)
    {
      const SeedService *seed = &seed_services[i];
      g_autofree char *id = _og_sandbox_make_id ("service", seed->slug);
      JsonObject *team = _og_sandbox_seed_find (store->teams, "name", seed->team);
      const char *tags[] = { seed->slug, NULL };
      JsonObject *service = json_object_new ();

      json_object_set_string_member (service, "id", id);
      json_object_set_string_member (service, "name", seed->name);
      json_object_set_string_member (service, "description", seed->description);
      json_object_set_string_member (service, "teamId", json_object_get_string_member (team, "id"));
      json_object_set_array_member (service, "tags", string_array (tags));
      json_object_set_boolean_member (service, "isExternal", FALSE);
      g_ptr_array_add (store->services, service);
    }
}

GDateTime *
_og_sandbox_seed_incident_day (guint tiny_id)
{
  g_autoptr (GDateTime) first
      = g_date_time_new_utc (SEED_FIRST_YEAR, SEED_FIRST_MONTH, SEED_FIRST_DAY, 0, 0, 0);

  return g_date_time_add_days (first, (gint) (tiny_id - 1) * 2);
}

typedef struct
{
  const char *message;
  const char *description;
  const char *priority;
  const char *status;
  const char *region;
  const char *source;
  char **tags;
  char **services; /* names */
  const char *team;
  GDateTime *created;
  GDateTime *updated;
} IncidentSpec;

static JsonObject *
add_incident (OgSandboxStore *store, guint tiny_id, const IncidentSpec *spec)
{
  g_autofree char *tiny = g_strdup_printf ("%u", tiny_id);
  g_autofree char *id = _og_sandbox_make_id ("incident", tiny);
  g_autofree char *created_at = _og_sandbox_format_time (spec->created);
  g_autofree char *updated_at = _og_sandbox_format_time (spec->updated);
  JsonObject *team = _og_sandbox_seed_find (store->teams, "name", spec->team);
  JsonObject *incident = json_object_new ();
  JsonObject *responder = json_object_new ();
  JsonArray *responders = json_array_new ();
  JsonArray *impacted = json_array_new ();
  JsonObject *extra = json_object_new ();

  for (guint i = 0; spec->services[i] != NULL; i++)
    {
      JsonObject *service = _og_sandbox_seed_find (store->services, "name", spec->services[i]);

      json_array_add_string_element (impacted, json_object_get_string_member (service, "id"));
    }

  json_object_set_string_member (responder, "type", "team");
  json_object_set_string_member (responder, "id", json_object_get_string_member (team, "id"));
  json_array_add_object_element (responders, responder);
  json_object_set_string_member (extra, "region", spec->region);
  json_object_set_string_member (extra, "source", spec->source);

  json_object_set_string_member (incident, "id", id);
  json_object_set_string_member (incident, "tinyId", tiny);
  json_object_set_string_member (incident, "message", spec->message);
  json_object_set_string_member (incident, "description", spec->description);
  json_object_set_string_member (incident, "status", spec->status);
  json_object_set_string_member (incident, "priority", spec->priority);
  json_object_set_array_member (incident, "tags", string_array ((const char *const *) spec->tags));
  json_object_set_string_member (incident, "createdAt", created_at);
  json_object_set_string_member (incident, "updatedAt", updated_at);
  json_object_set_string_member (incident, "ownerTeam", json_object_get_string_member (team, "id"));
  json_object_set_array_member (incident, "responders", responders);
  json_object_set_array_member (incident, "impactedServices", impacted);
  json_object_set_object_member (incident, "extraProperties", extra);
  g_ptr_array_add (store->incidents, incident);

  return incident;
}

static void
seed_incidents (OgSandboxStore *store)
{
  guint generated = 0;

  for (guint tiny_id = 1; tiny_id <= SEED_N_INCIDENTS; tiny_id++)
    {
      const OgSandboxSeedPostmortem *story = _og_sandbox_seed_find_postmortem (tiny_id);
      g_autoptr (GDateTime) day = _og_sandbox_seed_incident_day (tiny_id);
      g_auto (GStrv) tags = NULL;
      g_auto (GStrv) services = NULL;
      g_autofree char *message = NULL;
      g_autofree char *description = NULL;
      IncidentSpec spec = { 0 };

      if (story != NULL)
        {
          g_auto (GStrv) teams = g_strsplit (story->teams, "|", -1);
          guint hour = (guint) g_ascii_strtoull (story->start, NULL, 10);
          guint minute = (guint) g_ascii_strtoull (story->start + 3, NULL, 10);

          tags = g_strsplit (story->tags, "|", -1);
          services = g_strsplit (story->services, "|", -1);
          spec = (IncidentSpec){
            .message = story->message,
            .description = story->description,
            .priority = story->priority,
            .status = "resolved",
            .region = story->region,
            .source = "Datadog",
            .tags = tags,
            .services = services,
            .team = teams[0],
          };
          spec.created = g_date_time_add_full (day, 0, 0, 0, (gint) hour, (gint) minute, 0);
          spec.updated = add_minutes (spec.created, story->duration_minutes);
          add_incident (store, tiny_id, &spec);
        }
      else
        {
          /* Every pattern meets every service at most once: no two messages repeat. */
          const SeedPattern *pattern = &seed_patterns[generated % G_N_ELEMENTS (seed_patterns)];
          const SeedService *service
              = &seed_services[(generated * 7) % G_N_ELEMENTS (seed_services)];
          const char *tag_list[] = { pattern->tag, service->slug, NULL };
          const char *service_list[] = { service->name, NULL };
          GString *text;

          text = g_string_new (pattern->message);
          g_string_replace (text, "{service}", service->name, 0);
          message = g_string_free (text, FALSE);
          text = g_string_new (pattern->description);
          g_string_replace (text, "{service}", service->name, 0);
          description = g_string_free (text, FALSE);

          tags = g_strdupv ((char **) tag_list);
          services = g_strdupv ((char **) service_list);
          spec = (IncidentSpec){
            .message = message,
            .description = description,
            .priority = pattern->priority,
            /* Old alerts get closed; the newest are still open. */
            .status = tiny_id > 54    ? "open"
                      : tiny_id <= 24 ? "closed"
                                      : "resolved",
            .region = seed_regions[generated % G_N_ELEMENTS (seed_regions)],
            .source = pattern->source,
            .tags = tags,
            .services = services,
            .team = service->team,
          };
          spec.created = g_date_time_add_full (day, 0, 0, 0, (gint) (tiny_id * 7 + 3) % 24,
                                               (gint) (tiny_id * 37) % 60, 0);
          spec.updated = add_minutes (spec.created, g_str_equal (spec.status, "open")
                                                        ? 2 + tiny_id % 9
                                                        : 8 + (tiny_id * 53) % 230);
          add_incident (store, tiny_id, &spec);
          generated++;
        }

      g_date_time_unref (spec.created);
      g_date_time_unref (spec.updated);
    }
}

/* Private API */

OgSandboxStore *
_og_sandbox_store_new_seeded (void)
{
  OgSandboxStore *store = g_new0 (OgSandboxStore, 1);

  store->users = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  store->teams = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  store->services = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  store->incidents = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  store->postmortems = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

  seed_users_and_teams (store);
  seed_incidents (store);
  _og_sandbox_seed_add_postmortems (store);

  return store;
}

void
_og_sandbox_store_free (OgSandboxStore *store)
{
  g_ptr_array_unref (store->users);
  g_ptr_array_unref (store->teams);
  g_ptr_array_unref (store->services);
  g_ptr_array_unref (store->incidents);
  g_ptr_array_unref (store->postmortems);
  g_free (store);
}
