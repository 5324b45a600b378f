/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "og-sandbox"

#include "config.h"

#include "og-sandbox-private.h"
#include "og-sandbox.h"

/*
 * The sandbox's organisation: people, teams, services, sixty incidents and a dozen
 * postmortems written the way incident managers write them. Everything is derived from
 * the tables below, so two sandboxes (and two runs) hold the same data.
 *
 * The postmortem narratives use a small line markup, turned into ADF by build_blocks():
 *   "- item", "  - nested", "1. item"   lists     "```lang" … "```"  code block
 *   "!warning text" (info, note, …)     panel     "> text"            quote
 *   "[ ] task", "[x] done"              task list "---"               rule
 * and inline: **strong**, _em_, `code`, [text](url), @[Full Name] (mention),
 * {status:TEXT|color} (lozenge), {date:+N} (N days after the incident).
 */

#define SEED_DOMAIN "sandbox-org.example"
#define SEED_JIRA   "https://sandbox-org.atlassian.net/browse/"
#define GREY        "#7a869a"

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

/* An incident with a postmortem. Lists are '|'-separated; responders are "Name=Role". */
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
} SeedPostmortem;

static const SeedPostmortem seed_postmortems[] = {
  {
      .tiny_id = 5,
      .priority = "P1",
      .start = "09:12",
      .respond_minutes = 7,
      .duration_minutes = 26,
      .region = "eu-west-1",
      .message = "Payments Gateway: checkout payment failures above 4%",
      .description = "Authorisations failing with timeouts for 4% of checkout requests.",
      .tags = "payments|checkout|customer-facing",
      .services = "Payments Gateway|Checkout Web",
      .teams = "Payments",
      .title = "Checkout payment failures after a connection pool change",
      .status = "published",
      .owner = "Priya Raman",
      .responders = "Priya Raman=Incident Commander|Kenji Watanabe=Subject Matter Expert|"
                    "Sofia Marquez=Communication Officer",
      .jira = "PAY-1457|PAY-1458|SRE-311",
      .related = "4|6",
      .summary
      = "On a weekday morning **about 4% of checkout payments failed for 23 minutes** after a "
        "configuration change shrank the Payments Gateway's database connection pool. 1,874 "
        "customers saw an error; nobody was charged twice.\n"
        "The change was rolled back. Three follow-ups will stop an out-of-range pool size from "
        "reaching production again.",
      .leadup = "At 09:12 UTC a configuration change to `payments-gateway` lowered its database "
                "connection pool from 200 to **20**. It was part of "
                "[PAY-1422](" SEED_JIRA "PAY-1422), which tuned pools across services after the "
                "Postgres 15 upgrade.",
      .fault = "Under normal weekday load the pool ran out within minutes. Requests queued and "
               "_timed out after 30 s_. The readiness probe does not touch the database, so "
               "Kubernetes kept every pod in rotation.\n"
               "```yaml\n"
               "database:\n"
               "  pool:\n"
               "    maxSize: 20   # was 200\n"
               "    acquireTimeout: 30s\n"
               "```",
      .impact = "- About 4% of checkout requests failed for **23 minutes**\n"
                "- 1,874 customers saw \"Payment could not be processed\"\n"
                "  - 1,512 retried successfully within the hour\n"
                "  - 362 abandoned their basket\n"
                "- No double charges: the ledger rejected every retried authorisation\n"
                "!warning Customer-facing: the status page was updated at 09:31 UTC.",
      .detection
      = "The `PaymentsGatewayErrorRate` alert fired at 09:15 and paged @[Kenji Watanabe], "
        "who acknowledged it two minutes later. Synthetic checkout checks did not fail: "
        "they run every 5 minutes and happened to succeed.",
      .response
      = "@[Priya Raman] declared the incident at 09:19 and took command on the bridge. The "
        "team chose a rollback over a forward fix because the change was a single "
        "configuration value.",
      .recovery = "The rollback finished at 09:35 {status:ROLLED BACK|blue} and error rates were "
                  "back to baseline at 09:38.\n"
                  "```bash\n"
                  "kubectl -n payments rollout undo deploy/payments-gateway\n"
                  "kubectl -n payments rollout status deploy/payments-gateway\n"
                  "```",
      .timeline = "09:12 Configuration change deployed {status:DEPLOYED|blue}\n"
                  "09:15 `PaymentsGatewayErrorRate` fired; @[Kenji Watanabe] acknowledged\n"
                  "09:19 Incident declared; @[Priya Raman] incident commander\n"
                  "09:31 Status page updated by @[Sofia Marquez]\n"
                  "09:35 Rollback complete\n"
                  "09:38 Error rate back to baseline {status:RESOLVED|green}",
      .root_causes = "1. Why did payments fail? The gateway ran out of database connections.\n"
                     "2. Why? The pool size had been lowered to 20.\n"
                     "3. Why was that value accepted? The configuration schema has no lower bound "
                     "for pool sizes.\n"
                     "4. Why did review miss it? The diff showed the number, not its effect at "
                     "peak load.\n"
                     "5. Why was there no load signal? The change skipped the staging soak "
                     "because it was labelled \"config only\".",
      .lessons = "- Add a lower bound for pool sizes to the config schema "
                 "([PAY-1457](" SEED_JIRA "PAY-1457)), due {date:+14}\n"
                 "- Make the readiness probe borrow a database connection "
                 "([PAY-1458](" SEED_JIRA "PAY-1458))\n"
                 "- Alert on pool saturation above 80% ([SRE-311](" SEED_JIRA "SRE-311))\n"
                 "---\n"
                 "> Blameless: the change passed review; the gap was the missing validation, "
                 "not the reviewer.",
  },
  {
      .tiny_id = 9,
      .priority = "P2",
      .start = "07:40",
      .respond_minutes = 6,
      .duration_minutes = 52,
      .region = "us-east-1",
      .message = "Auth Service: login p99 latency above 3 s",
      .description = "p99 of POST /oauth/token above 3 s for 10 minutes in us-east-1.",
      .tags = "auth|redis|tls",
      .services = "Auth Service",
      .teams = "Identity & Access",
      .title = "Slow logins after the session cache certificate expired",
      .status = "published",
      .owner = "Hannah Becker",
      .responders = "Hannah Becker=Incident Commander|Mohammed Al-Sayed=Subject Matter Expert|"
                    "Grace Liu=Responder",
      .jira = "IAM-882|IAM-883",
      .related = "",
      .summary = "For 52 minutes logins took **up to 9 seconds** because the Auth Service could "
                 "not reach its Redis session cache and fell back to Postgres for every session "
                 "lookup. The cache's TLS client certificate had expired: it was the one "
                 "certificate in the fleet that cert-manager did not manage.",
      .leadup = "The Redis session cache moved to a managed cluster in 2023. Its client "
                "certificate was issued by hand for one year and stored in Vault at "
                "`secret/auth/redis-client`.",
      .fault = "At 07:40 UTC the certificate expired. Every new connection from `auth-service` "
               "failed the TLS handshake and the client library fell back to the Postgres "
               "session table, as designed, but that path is _ten times slower_.\n"
               "```text\n"
               "redis: x509: certificate has expired or is not yet valid\n"
               "```",
      .impact = "- Login p99 rose from 400 ms to **9 s**; p50 from 120 ms to 1.8 s\n"
                "- Mobile clients time out after 10 s: about 6,300 sign-ins failed\n"
                "- Postgres CPU on `auth-db-1` reached 94%, close to a failover\n"
                "!info Existing sessions kept working: only new logins and token refreshes were "
                "slow.",
      .detection = "`AuthLoginLatencyP99` paged @[Grace Liu] at 07:46. The first 15 minutes went "
                   "to the database, because its CPU alert fired at the same time and looked like "
                   "the cause.",
      .response
      = "@[Hannah Becker] took command at 07:58 and asked @[Mohammed Al-Sayed] to look at "
        "the cache. Its connection errors pointed at the certificate within minutes.",
      .recovery = "A new certificate was issued from the internal CA and rolled out at 08:29; "
                  "latency was normal at 08:32 {status:RESOLVED|green}.\n"
                  "```bash\n"
                  "vault write pki-internal/issue/redis-client common_name=auth-service ttl=2160h\n"
                  "kubectl -n identity rollout restart deploy/auth-service\n"
                  "```",
      .timeline = "07:40 Redis client certificate expires\n"
                  "07:46 `AuthLoginLatencyP99` pages @[Grace Liu]\n"
                  "07:47 Postgres CPU alert fires on `auth-db-1`\n"
                  "07:58 @[Hannah Becker] takes command {status:INVESTIGATING|yellow}\n"
                  "08:12 Cache TLS errors identified\n"
                  "08:29 New certificate deployed\n"
                  "08:32 Latency back to normal {status:RESOLVED|green}",
      .root_causes = "1. Why were logins slow? Every session lookup went to Postgres.\n"
                     "2. Why? The Redis client could not connect.\n"
                     "3. Why? Its TLS certificate had expired.\n"
                     "4. Why did nobody renew it? It was issued by hand and not tracked by "
                     "cert-manager.\n"
                     "5. Why was it not tracked? The 2023 migration runbook had no step for "
                     "client certificates.",
      .lessons = "- Move the Redis client certificate to cert-manager "
                 "([IAM-882](" SEED_JIRA "IAM-882)), due {date:+7}\n"
                 "- Alert 30 days before any certificate in Vault expires "
                 "([IAM-883](" SEED_JIRA "IAM-883))\n"
                 "- Log the fallback to Postgres at _warning_ level, so the slow path is visible",
  },
  {
      .tiny_id = 14,
      .priority = "P1",
      .start = "16:04",
      .respond_minutes = 3,
      .duration_minutes = 41,
      .region = "eu-west-1",
      .message = "Edge Proxy: 503 for all traffic in eu-west-1",
      .description = "Availability of the eu-west-1 edge below 10%; every host behind the edge "
                     "proxy is affected.",
      .tags = "edge|waf|outage|customer-facing",
      .services = "Edge Proxy|Checkout Web|Search API",
      .teams = "Platform Infrastructure|Site Reliability",
      .title = "Regional outage in eu-west-1 after a WAF rule blocked health checks",
      .status = "in-review",
      .owner = "Lucas Ferreira",
      .responders = "Lucas Ferreira=Incident Commander|Oliver Hughes=Subject Matter Expert|"
                    "Sofia Marquez=Communication Officer|Yuki Tanaka=Scribe",
      .jira = "NET-2210|NET-2211|NET-2214",
      .related = "13|15",
      .summary = "**All traffic to eu-west-1 failed for 41 minutes.** A new WAF rule meant to "
                 "block a credential-stuffing campaign also matched the load balancer's health "
                 "checks, so every edge node was taken out of service.\n"
                 "Customers in Europe could not reach the site or the apps; other regions were "
                 "not affected.",
      .leadup = "Security saw a credential-stuffing campaign against `/login` from rotating "
                "residential addresses. A rule blocking requests with an empty `Accept-Language` "
                "header was prepared and reviewed in [NET-2198](" SEED_JIRA "NET-2198).",
      .fault = "The rule was pushed to all edge nodes at 16:04 UTC. The load balancer's health "
               "checks send no `Accept-Language` header either, so they got a 403 and the "
               "balancer marked **every** node unhealthy within 30 seconds.\n"
               "```nginx\n"
               "if ($http_accept_language = \"\") {\n"
               "    return 403;\n"
               "}\n"
               "```",
      .impact = "- eu-west-1 served only 503s for 41 minutes\n"
                "- About 310,000 requests failed; the mobile apps showed their offline screen\n"
                "- Orders in Europe dropped to zero: roughly €84,000 of sales delayed or lost\n"
                "!error The status page stayed green for the first 12 minutes because its probe "
                "runs from us-east-1.",
      .detection = "Edge availability alerts paged @[Oliver Hughes] at 16:07, three minutes after "
                   "the push. Customer reports on social media followed at 16:09.",
      .response = "@[Lucas Ferreira] took command at 16:10. The WAF change was the only deploy in "
                  "the window, but reverting it took time: the pipeline requires two approvals, "
                  "and the second approver was in a meeting.",
      .recovery = "The rule was reverted at 16:38 and nodes came back as their health checks "
                  "passed; traffic was normal at 16:45 {status:RESOLVED|green}.",
      .timeline = "16:04 WAF rule pushed to all edge nodes {status:DEPLOYED|blue}\n"
                  "16:05 Load balancer marks every eu-west-1 node unhealthy\n"
                  "16:07 Edge availability alert pages @[Oliver Hughes]\n"
                  "16:10 @[Lucas Ferreira] incident commander\n"
                  "16:16 Status page set to major outage by @[Sofia Marquez]\n"
                  "16:27 WAF rule identified as the cause\n"
                  "16:38 Rule reverted\n"
                  "16:45 Traffic back to normal {status:RESOLVED|green}",
      .root_causes = "1. Why did eu-west-1 fail? Every edge node was marked unhealthy.\n"
                     "2. Why? Health checks received 403 responses.\n"
                     "3. Why? The new WAF rule matched requests without `Accept-Language`, and "
                     "health checks are such requests.\n"
                     "4. Why was it not caught before production? WAF rules are not canaried; "
                     "they go to all nodes at once.\n"
                     "5. Why is there no canary? The WAF pipeline predates the edge canary and "
                     "was never moved to it.",
      .lessons = "- Exempt health-check paths from WAF rules ([NET-2210](" SEED_JIRA "NET-2210))\n"
                 "- Roll WAF rules out through the edge canary "
                 "([NET-2211](" SEED_JIRA "NET-2211)), due {date:+21}\n"
                 "- Allow a single approval for reverts during an incident "
                 "([NET-2214](" SEED_JIRA "NET-2214))\n"
                 "- Probe the status page from every region",
  },
  {
      .tiny_id = 18,
      .priority = "P2",
      .start = "11:25",
      .respond_minutes = 5,
      .duration_minutes = 95,
      .region = "eu-west-1",
      .message = "Event Bus: consumer lag above 500k on orders.v2",
      .description = "Consumer group order-confirmations is 500,000 messages behind on orders.v2.",
      .tags = "kafka|consumer-lag|orders",
      .services = "Event Bus (Kafka)|Push Notifications",
      .teams = "Data Platform",
      .title = "Order confirmation e-mails delayed by Kafka consumer lag",
      .status = "published",
      .owner = "Amara Nwosu",
      .responders = "Amara Nwosu=Incident Commander|Noah Fischer=Subject Matter Expert|"
                    "Ingrid Johansson=Responder",
      .jira = "DATA-640|DATA-641",
      .related = "17",
      .summary = "Order confirmation e-mails and push notifications were **delayed by up to 95 "
                 "minutes**. A partition reassignment during a broker upgrade made the "
                 "confirmation consumers rebalance in a loop. No order was lost, but customers "
                 "contacted support about missing confirmations.",
      .leadup = "Broker `kafka-3` was upgraded to 3.6 as part of the rolling upgrade in "
                "[DATA-612](" SEED_JIRA "DATA-612). The plan moved its partitions to the other "
                "brokers first.",
      .fault = "The reassignment throttled replication to 10 MB/s, so it took much longer than "
               "planned. During it the `order-confirmations` consumers exceeded "
               "`max.poll.interval.ms` on large batches and left the group, starting a rebalance "
               "every few minutes.\n"
               "```properties\n"
               "max.poll.interval.ms=300000\n"
               "max.poll.records=500\n"
               "```",
      .impact = "- Confirmation e-mails delayed by up to **95 minutes** for 41,000 orders\n"
                "- Push notifications for shipped orders delayed by up to an hour\n"
                "- Support received 380 contacts about missing confirmations\n"
                "!note No message was lost: the consumers caught up from their committed offsets.",
      .detection = "The lag alert fired at 11:30 and paged @[Noah Fischer]. Its threshold of "
                   "500,000 messages is already 20 minutes of delay at peak.",
      .response = "@[Amara Nwosu] led the response from 11:41. Pausing the reassignment was "
                  "considered and rejected, because it would have left `kafka-3` half-drained.",
      .recovery = "@[Ingrid Johansson] lowered `max.poll.records` to 100 and restarted the "
                  "consumers at 12:32; the group settled and the lag was gone by 13:00 "
                  "{status:CAUGHT UP|green}.",
      .timeline = "11:25 Partition reassignment starts for `kafka-3`\n"
                  "11:30 Consumer lag alert pages @[Noah Fischer]\n"
                  "11:41 @[Amara Nwosu] incident commander {status:INVESTIGATING|yellow}\n"
                  "12:05 Rebalance loop found in the consumer logs\n"
                  "12:32 Consumers restarted with smaller batches\n"
                  "13:00 Lag back to zero {status:RESOLVED|green}",
      .root_causes = "1. Why were confirmations late? The consumer group kept rebalancing.\n"
                     "2. Why? Consumers took longer than `max.poll.interval.ms` to process a "
                     "batch.\n"
                     "3. Why? Batches of 500 orders waited on slower brokers during the "
                     "reassignment.\n"
                     "4. Why was the upgrade not paused? The runbook does not list consumer lag "
                     "as a stop condition.",
      .lessons = "[ ] Alert on consumer lag in minutes, not messages, due {date:+10}\n"
                 "[ ] Add consumer lag as a stop condition to the broker upgrade runbook\n"
                 "[x] Lower `max.poll.records` for `order-confirmations` to 100\n"
                 "> We were lucky that this happened on a Tuesday morning and not during the "
                 "spring sale.",
  },
  {
      .tiny_id = 22,
      .priority = "P3",
      .start = "02:10",
      .respond_minutes = 380,
      .duration_minutes = 470,
      .region = "us-east-1",
      .message = "Search Indexer: index freshness above 2 hours",
      .description = "The newest document in the products index is older than 2 hours.",
      .tags = "search|memory-leak",
      .services = "Search Indexer|Search API",
      .teams = "Search & Discovery",
      .title = "Stale search results after an indexer memory leak",
      .status = "draft",
      .owner = "Mei Chen",
      .responders = "Mei Chen=Incident Commander|Ravi Shankar=Subject Matter Expert",
      .jira = "SRCH-315",
      .related = "",
      .summary = "For about eight hours overnight, product search showed prices and stock levels "
                 "**up to seven hours old**. The indexer leaked memory after a library upgrade "
                 "and was killed in a loop. The alert was a P3, so it paged nobody until morning.",
      .leadup = "The day before, the indexer moved to version 8.12 of the Elasticsearch client in "
                "the routine dependency update [SRCH-301](" SEED_JIRA "SRCH-301).",
      .fault = "The new client kept a reference to every bulk response. The heap grew until the "
               "container hit its 4 GiB limit and was OOM-killed, about every 40 minutes, each "
               "time restarting from the last checkpoint.\n"
               "```text\n"
               "State:          Terminated\n"
               "Reason:         OOMKilled\n"
               "Exit Code:      137\n"
               "Restart Count:  11\n"
               "```",
      .impact = "- Search showed stale prices and stock for up to **7 hours**\n"
                "- 1,120 orders were placed for sold-out items; they were cancelled and refunded\n"
                "- No outage: search itself stayed fast and available",
      .detection = "The freshness alert fired at 02:10 but, as a P3, only opened a ticket. "
                   "@[Mei Chen] saw it at 08:30 when the morning shift started.",
      .response = "@[Mei Chen] rolled the indexer back to the previous image at 08:52 and asked "
                  "@[Ravi Shankar] to reproduce the leak in staging.",
      .recovery = "The rollback stopped the restarts; a full reindex finished at 10:00 and "
                  "freshness was back under five minutes {status:RESOLVED|green}.",
      .timeline = "02:10 Index freshness alert, P3, no page\n"
                  "02:50 Indexer OOM-killed for the first time\n"
                  "08:30 @[Mei Chen] picks up the alert\n"
                  "08:52 Indexer rolled back {status:ROLLED BACK|blue}\n"
                  "10:00 Full reindex complete {status:RESOLVED|green}",
      .root_causes = "1. Why were results stale? The indexer restarted before finishing a cycle.\n"
                     "2. Why? It was OOM-killed.\n"
                     "3. Why? The new client library kept every bulk response.\n"
                     "4. Why did nobody respond for six hours? Freshness was a P3 alert, and P3 "
                     "alerts do not page at night.",
      .lessons = "- Raise the freshness alert to P2 beyond one hour "
                 "([SRCH-315](" SEED_JIRA "SRCH-315))\n"
                 "- Add a memory soak test to the indexer pipeline, due {date:+30}\n"
                 "- _Open question:_ should stock levels bypass the index altogether?",
  },
  {
      .tiny_id = 26,
      .priority = "P1",
      .start = "01:30",
      .respond_minutes = 14,
      .duration_minutes = 190,
      .region = "eu-west-1",
      .message = "Ledger: duplicate journal entries detected",
      .description = "Reconciliation found 2,318 journal entries with identical external "
                     "references.",
      .tags = "ledger|data-integrity|batch",
      .services = "Ledger|Payments Gateway",
      .teams = "Payments",
      .title = "Duplicate ledger entries from a retried settlement batch",
      .status = "in-review",
      .owner = "Daniel Okafor",
      .responders = "Daniel Okafor=Incident Commander|Arjun Mehta=Subject Matter Expert|"
                    "Laura Schmidt=Scribe|Sofia Marquez=Communication Officer",
      .jira = "PAY-1510|PAY-1511|FIN-77",
      .related = "25",
      .summary = "The nightly settlement job wrote **2,318 journal entries twice** after a "
                 "database failover interrupted it and the scheduler retried the whole batch. "
                 "Balances shown to 1,906 merchants were overstated for three hours.\n"
                 "No money moved: payouts run from a later, reconciled snapshot.",
      .leadup = "The settlement batch runs at 01:00 UTC and writes one journal entry per settled "
                "payment. At 01:22 the primary of `ledger-db` failed over to its replica during "
                "maintenance by the cloud provider.",
      .fault = "The job lost its connection in the middle of the batch. The scheduler restarts a "
               "failed job from the beginning, and the insert does not check the external "
               "reference, so the first 2,318 entries were written again.\n"
               "```sql\n"
               "INSERT INTO journal_entries (account_id, amount, external_ref)\n"
               "VALUES ($1, $2, $3);\n"
               "-- no ON CONFLICT (external_ref) DO NOTHING\n"
               "```",
      .impact = "- 2,318 duplicate journal entries, **€1.2M** in total\n"
                "- Dashboard balances overstated for 1,906 merchants for about three hours\n"
                "- No payout affected\n"
                "!warning Finance must sign off the correction before this postmortem is "
                "published.",
      .detection = "The reconciliation job at 01:30 flagged the duplicates and paged "
                   "@[Arjun Mehta].",
      .response = "@[Daniel Okafor] took command at 01:44, paused the payout scheduler as a "
                  "precaution and asked Finance to join at 02:00.",
      .recovery = "The duplicates were reversed with compensating entries, reviewed by Finance, "
                  "at 04:35 {status:CORRECTED|green}. The payout scheduler was resumed at 04:40.",
      .timeline = "01:00 Settlement batch starts\n"
                  "01:22 `ledger-db` fails over during provider maintenance\n"
                  "01:23 Scheduler retries the batch from the start\n"
                  "01:30 Reconciliation flags duplicates; @[Arjun Mehta] paged\n"
                  "01:44 @[Daniel Okafor] incident commander; payouts paused {status:PAUSED|red}\n"
                  "04:35 Compensating entries posted\n"
                  "04:40 Payouts resumed {status:RESOLVED|green}",
      .root_causes = "1. Why were entries duplicated? The batch ran twice over the same "
                     "payments.\n"
                     "2. Why? The scheduler retried the whole job after a connection error.\n"
                     "3. Why did the second run write again? Inserts are not idempotent on the "
                     "external reference.\n"
                     "4. Why was that not enforced? The unique constraint was dropped in 2022 to "
                     "speed up a migration and never restored.",
      .lessons = "- Restore the unique constraint on `external_ref` "
                 "([PAY-1510](" SEED_JIRA "PAY-1510)), due {date:+7}\n"
                 "- Make the settlement job resume from a checkpoint "
                 "([PAY-1511](" SEED_JIRA "PAY-1511))\n"
                 "- Agree a correction procedure with Finance ([FIN-77](" SEED_JIRA "FIN-77))",
  },
  {
      .tiny_id = 31,
      .priority = "P2",
      .start = "13:05",
      .respond_minutes = 9,
      .duration_minutes = 127,
      .region = "us-east-1",
      .message = "Push Notifications: APNs delivery failures above 20%",
      .description = "APNs rejected 23% of notifications with 403 InvalidProviderToken.",
      .tags = "ios|apns|push",
      .services = "Push Notifications|Mobile BFF",
      .teams = "Mobile",
      .title = "iOS push notifications failed after an APNs key rotation",
      .status = "published",
      .owner = "Isabella Costa",
      .responders = "Isabella Costa=Incident Commander|Samuel Mensah=Subject Matter Expert|"
                    "Zoe Papadopoulos=Responder",
      .jira = "MOB-930|MOB-931",
      .related = "",
      .summary = "For just over two hours **about a quarter of iOS push notifications were "
                 "rejected** by Apple. A signing key was rotated on schedule, but two of the six "
                 "notification workers kept the old key in memory. Android was not affected.",
      .leadup = "APNs signing keys are rotated every six months. The new key was uploaded to the "
                "secrets store at 13:00 and the old one revoked in the Apple developer portal at "
                "13:05, as the runbook says.",
      .fault = "Workers read the key at start-up only. Four workers had restarted during the "
               "morning deploy and used the new key; two had not, and Apple refused every request "
               "they signed with `403 InvalidProviderToken`.",
      .impact = "- About 2.1 million notifications were not delivered, among them delivery "
                "updates and sign-in codes\n"
                "- Sign-in with a push code failed for about 9,000 iOS users; they could fall "
                "back to e-mail codes\n"
                "!info Notifications are not retried after a 403: the failed ones were lost, not "
                "delayed.",
      .detection = "The APNs error-rate alert paged @[Samuel Mensah] at 13:14.",
      .response = "@[Isabella Costa] took command at 13:20. The first hypothesis was an Apple "
                  "outage, because Apple's status page showed a degraded service elsewhere; it "
                  "cost 40 minutes.",
      .recovery = "The last two workers were restarted at 15:12 and the errors stopped at once "
                  "{status:RESOLVED|green}.\n"
                  "```bash\n"
                  "kubectl -n mobile rollout restart deploy/push-worker\n"
                  "```",
      .timeline = "13:00 New APNs key uploaded\n"
                  "13:05 Old key revoked\n"
                  "13:14 Error-rate alert pages @[Samuel Mensah]\n"
                  "13:20 @[Isabella Costa] incident commander\n"
                  "14:00 Apple outage ruled out\n"
                  "14:55 Stale key found on two workers by @[Zoe Papadopoulos]\n"
                  "15:12 Workers restarted {status:RESOLVED|green}",
      .root_causes = "1. Why were notifications rejected? They were signed with a revoked key.\n"
                     "2. Why? Two workers still held the old key in memory.\n"
                     "3. Why? Workers load the key only at start-up.\n"
                     "4. Why was the old key revoked so early? The runbook revokes it five "
                     "minutes after the upload, with no check that every worker uses the new one.",
      .lessons = "- Reload the signing key when the secret changes "
                 "([MOB-930](" SEED_JIRA "MOB-930))\n"
                 "- Show the key id each worker uses, and check it before revoking the old key "
                 "([MOB-931](" SEED_JIRA "MOB-931)), due {date:+14}\n"
                 "- Next rotation: {date:+180}",
  },
  {
      .tiny_id = 35,
      .priority = "P2",
      .start = "10:48",
      .respond_minutes = 4,
      .duration_minutes = 72,
      .region = "eu-west-1",
      .message = "Kubernetes Control Plane: API server unavailable on prod-eu-2",
      .description = "kube-apiserver on prod-eu-2 answers 503; etcd reports NOSPACE.",
      .tags = "kubernetes|etcd|disk",
      .services = "Kubernetes Control Plane",
      .teams = "Platform Infrastructure",
      .title = "Deploys blocked by etcd running out of space",
      .status = "draft",
      .owner = "Tomasz Wiśniewski",
      .responders = "Tomasz Wiśniewski=Incident Commander|Oliver Hughes=Subject Matter Expert",
      .jira = "PLAT-402",
      .related = "34|36",
      .summary = "The Kubernetes API of cluster prod-eu-2 was unavailable for 72 minutes because "
                 "etcd reached its storage quota. **Running workloads were not affected**, but no "
                 "deploy, scale-up or restart could happen in that cluster.",
      .leadup = "A misconfigured CronJob in the `reporting` namespace had created a new ConfigMap "
                "every minute for three weeks, and never removed the old ones.",
      .fault = "At 10:48 UTC etcd's database reached its 8 GiB quota and raised the NOSPACE "
               "alarm; from then on it refused every write.\n"
               "```text\n"
               "etcdserver: mvcc: database space exceeded\n"
               "```",
      .impact = "- No deploy, scaling or pod restart in prod-eu-2 for 72 minutes\n"
                "- The autoscaler could not add pods at the lunchtime peak; p99 latency of two "
                "services rose by 30%\n"
                "- 14 deploys queued in the pipeline",
      .detection = "The API server availability alert paged @[Oliver Hughes] at 10:52.",
      .response = "@[Tomasz Wiśniewski] took command and froze the deploy pipeline for the "
                  "cluster, so that retries would not pile up.",
      .recovery = "The 31,000 stale ConfigMaps were deleted, etcd was compacted and defragmented, "
                  "and the alarm was cleared at 12:00 {status:RESOLVED|green}.\n"
                  "```bash\n"
                  "rev=$(etcdctl endpoint status -w json | jq -r '.[0].Status.header.revision')\n"
                  "etcdctl compact \"$rev\"\n"
                  "etcdctl defrag --cluster\n"
                  "etcdctl alarm disarm\n"
                  "```",
      .timeline = "10:48 etcd NOSPACE alarm\n"
                  "10:52 API server alert pages @[Oliver Hughes]\n"
                  "10:55 @[Tomasz Wiśniewski] incident commander; deploys frozen "
                  "{status:FROZEN|red}\n"
                  "11:20 ConfigMap flood found in `reporting`\n"
                  "11:45 Stale ConfigMaps deleted\n"
                  "12:00 Alarm disarmed {status:RESOLVED|green}",
      .root_causes = "1. Why was the API unavailable? etcd refused writes.\n"
                     "2. Why? Its database reached the storage quota.\n"
                     "3. Why? A CronJob created a ConfigMap every minute and deleted none.\n"
                     "4. Why did nobody notice for three weeks? No alert watches the size of the "
                     "etcd database.",
      .lessons = "- Alert when etcd uses more than 60% of its quota "
                 "([PLAT-402](" SEED_JIRA "PLAT-402))\n"
                 "- Add a ResourceQuota on ConfigMaps to every namespace\n"
                 "- _Draft:_ @[Oliver Hughes] to add the etcd recovery steps to the runbook by "
                 "{date:+7}",
  },
  {
      .tiny_id = 39,
      .priority = "P3",
      .start = "06:00",
      .respond_minutes = 35,
      .duration_minutes = 300,
      .region = "eu-west-1",
      .message = "Warehouse ETL: nightly load missed its 06:00 SLA",
      .description = "The orders_daily load did not complete by 06:00 UTC; downstream dashboards "
                     "are stale.",
      .tags = "etl|schema|finance",
      .services = "Warehouse ETL",
      .teams = "Data Platform",
      .title = "Finance dashboards a day behind after upstream schema drift",
      .status = "draft",
      .owner = "Noah Fischer",
      .responders = "Noah Fischer=Incident Commander|Elena Petrova=Subject Matter Expert|"
                    "Benjamin Levi=Responder",
      .jira = "DATA-702",
      .related = "",
      .summary = "The nightly warehouse load failed and Finance's revenue dashboards showed the "
                 "previous day's figures until 11:00. A column of the orders database changed "
                 "type without notice to the data team.",
      .leadup = "The Checkout team changed `orders.discount` from a whole number of cents to a "
                "decimal amount, in a migration deployed the afternoon before.",
      .fault = "The ETL's schema contract still declared the column an integer. The load job "
               "rejected every row with a decimal value and stopped at the first batch.\n"
               "```text\n"
               "ERROR: column \"discount\" is of type integer but expression is of type numeric\n"
               "```",
      .impact = "- Revenue and refund dashboards were a day behind until 11:00\n"
                "- The daily trading meeting used stale figures\n"
                "!info No data was lost: the raw export was intact and the load was run again.",
      .detection = "The SLA check at 06:00 opened a P3 alert; @[Noah Fischer] picked it up at "
                   "06:35.",
      .response = "@[Noah Fischer] and @[Elena Petrova] confirmed the schema change with the "
                  "Checkout team and agreed to load the column as a decimal.",
      .recovery = "The contract was updated and the load run again; the dashboards were current "
                  "at 11:00 {status:RESOLVED|green}.",
      .timeline = "06:00 Load misses its SLA\n"
                  "06:35 @[Noah Fischer] picks up the alert\n"
                  "07:40 Schema change identified\n"
                  "09:10 Contract updated and load restarted\n"
                  "11:00 Dashboards current {status:RESOLVED|green}",
      .root_causes = "1. Why did the load fail? A column changed type.\n"
                     "2. Why was the ETL not updated? The data team was not told.\n"
                     "3. Why not? Schema changes in the orders database have no review step for "
                     "downstream consumers.",
      .lessons = "[ ] Add the data team as reviewers of migrations in `orders-db` "
                 "([DATA-702](" SEED_JIRA "DATA-702))\n"
                 "[ ] Load unknown types into a quarantine table instead of stopping, due "
                 "{date:+21}",
  },
  {
      .tiny_id = 43,
      .priority = "P2",
      .start = "14:30",
      .respond_minutes = 8,
      .duration_minutes = 64,
      .region = "us-east-1",
      .message = "SSO Bridge: SAML assertions rejected for Okta tenants",
      .description = "Signature validation fails for every SAML response from Okta identity "
                     "providers.",
      .tags = "sso|saml|enterprise",
      .services = "SSO Bridge|Auth Service",
      .teams = "Identity & Access",
      .title = "Enterprise SSO logins failing after an IdP metadata refresh",
      .status = "in-review",
      .owner = "Mohammed Al-Sayed",
      .responders = "Mohammed Al-Sayed=Incident Commander|Chloé Martin=Subject Matter Expert|"
                    "Camille Dubois=Communication Officer",
      .jira = "IAM-910|IAM-911",
      .related = "",
      .summary = "Employees of **37 enterprise customers** who sign in through Okta could not log "
                 "in for 64 minutes. The SSO Bridge refreshed the identity providers' metadata "
                 "and picked up Okta's next signing certificate before Okta started to use it.",
      .leadup = "The SSO Bridge refreshes each tenant's IdP metadata every 24 hours. Okta had "
                "published a rollover certificate in its metadata, after the current one.",
      .fault = "A refactor in the previous release made the bridge keep only the **last** "
               "certificate of the metadata instead of all of them, so assertions signed with the "
               "current certificate failed validation.",
      .impact = "- 37 enterprise tenants, about 12,400 users, could not sign in\n"
                "- Users already signed in were not affected\n"
                "!warning Three customers escalated through their account managers; "
                "@[Camille Dubois] is writing to them.",
      .detection = "The SAML error-rate alert paged @[Chloé Martin] at 14:38.",
      .response = "@[Mohammed Al-Sayed] took command at 14:45 and turned off the scheduled "
                  "metadata refresh, so that it would not spread to other tenants.",
      .recovery = "The previous release was deployed again at 15:28 and the metadata refreshed; "
                  "logins recovered at 15:34 {status:RESOLVED|green}.",
      .timeline = "14:30 Scheduled metadata refresh\n"
                  "14:38 SAML error alert pages @[Chloé Martin]\n"
                  "14:45 @[Mohammed Al-Sayed] incident commander; refresh turned off\n"
                  "15:10 Certificate selection bug found\n"
                  "15:28 Previous release deployed {status:ROLLED BACK|blue}\n"
                  "15:34 Logins recovered {status:RESOLVED|green}",
      .root_causes = "1. Why did logins fail? Assertion signatures did not validate.\n"
                     "2. Why? The bridge trusted only Okta's next certificate.\n"
                     "3. Why? A refactor kept the last certificate of the metadata instead of all "
                     "of them.\n"
                     "4. Why did the tests miss it? Their fixtures hold a single certificate.",
      .lessons = "- Trust every signing certificate in IdP metadata "
                 "([IAM-910](" SEED_JIRA "IAM-910))\n"
                 "- Add metadata with a rollover certificate to the test fixtures "
                 "([IAM-911](" SEED_JIRA "IAM-911)), due {date:+10}",
  },
  {
      .tiny_id = 47,
      .priority = "P1",
      .start = "18:02",
      .respond_minutes = 3,
      .duration_minutes = 38,
      .region = "eu-west-1",
      .message = "Cart API: 500 errors on add-to-cart",
      .description = "POST /v1/carts/{id}/items fails with 500 for 18% of requests.",
      .tags = "cart|sale|customer-facing",
      .services = "Cart API|Checkout Web",
      .teams = "Checkout",
      .title = "Add-to-cart failures during the spring sale",
      .status = "published",
      .owner = "Emily Carter",
      .responders = "Emily Carter=Incident Commander|Lucas Ferreira=Subject Matter Expert|"
                    "Mateo Rossi=Responder|Sofia Marquez=Communication Officer",
      .jira = "CHK-2201|CHK-2202|CHK-2205",
      .related = "46|48",
      .summary = "In the first 38 minutes of the spring sale **18% of add-to-cart requests "
                 "failed**. A hot key in the cart cache saturated one Redis shard, and the Cart "
                 "API treated cache timeouts as fatal instead of reading from the database.",
      .leadup = "The spring sale opened at 18:00 UTC with a promoted bundle on the home page. "
                "Every visitor who added the bundle read the same cache entry, "
                "`bundle:spring-24`.",
      .fault = "The shard holding that key saturated its CPU at 18:02. Cache calls timed out "
               "after 50 ms, and the Cart API answered 500 instead of falling back to Postgres.\n"
               "```java\n"
               "// CartService.java\n"
               "Bundle bundle = cache.get(bundleKey); // throws CacheTimeoutException\n"
               "```",
      .impact = "- 18% of add-to-cart requests failed for **38 minutes**, at the busiest time of "
                "the quarter\n"
                "- An estimated 9,500 baskets were abandoned\n"
                "- First-hour revenue of the sale was 22% under forecast\n"
                "!warning The sale was extended by two hours to make up for the failures.",
      .detection = "Checkout error alerts paged @[Lucas Ferreira] at 18:05; the sale's war room "
                   "saw the graphs at the same moment.",
      .response = "@[Emily Carter], already on the sale bridge, took command at 18:05. "
                  "@[Mateo Rossi] spread the hot key across shards by adding a random suffix to "
                  "its reads.",
      .recovery = "The change went out at 18:36 {status:DEPLOYED|blue} and errors stopped at "
                  "18:40 {status:RESOLVED|green}.",
      .timeline = "18:00 Spring sale opens\n"
                  "18:02 Redis shard 4 at 100% CPU\n"
                  "18:05 Alerts page @[Lucas Ferreira]; @[Emily Carter] incident commander\n"
                  "18:20 Hot key `bundle:spring-24` identified\n"
                  "18:36 Key spreading deployed\n"
                  "18:40 Error rate back to normal {status:RESOLVED|green}",
      .root_causes = "1. Why did add-to-cart fail? Cache reads timed out and were treated as "
                     "fatal.\n"
                     "2. Why did they time out? One shard was saturated by a single hot key.\n"
                     "3. Why was the key so hot? Every visitor added the same promoted bundle.\n"
                     "4. Why did the load test not find it? It used a uniform product mix.",
      .lessons = "- Fall back to Postgres on cache timeouts ([CHK-2201](" SEED_JIRA "CHK-2201))\n"
                 "- Replicate promoted items across shards before a sale "
                 "([CHK-2202](" SEED_JIRA "CHK-2202))\n"
                 "- Load-test sales with the real promotion plan "
                 "([CHK-2205](" SEED_JIRA "CHK-2205)), due {date:+45}\n"
                 "---\n"
                 "> The sale bridge worked well: decisions took minutes, not tens of minutes.",
  },
  {
      .tiny_id = 50,
      .priority = "P2",
      .start = "08:15",
      .respond_minutes = 6,
      .duration_minutes = 95,
      .region = "eu-west-1",
      .message = "Mobile BFF: Android app crashes on launch",
      .description = "Crash-free sessions on Android dropped from 99.8% to 71%.",
      .tags = "android|crash|api-contract",
      .services = "Mobile BFF",
      .teams = "Mobile",
      .title = "Android launch crashes from a renamed API field",
      .status = "draft",
      .owner = "Samuel Mensah",
      .responders = "Samuel Mensah=Incident Commander|Ana Silva=Subject Matter Expert",
      .jira = "MOB-960",
      .related = "",
      .summary = "About **29% of Android app launches crashed** for 95 minutes after the Mobile "
                 "BFF renamed a field of the home-screen response. The iOS app handled the "
                 "change; the Android app did not.",
      .leadup = "The BFF renamed `promoBanner` to `banner` in the home-screen payload, expecting "
                "both apps to have shipped support for the new name. The Android release with "
                "that support was still in a staged rollout at 20%.",
      .fault = "Android versions before 5.42 assume `promoBanner` is always present and crash on "
               "a null value at launch.",
      .impact = "- Crash-free sessions on Android fell from 99.8% to **71%**\n"
                "- About 160,000 launches crashed\n"
                "- The Play Store rating dropped from 4.6 to 4.4 over the next two days",
      .detection = "The crash-rate alert paged @[Ana Silva] at 08:21.",
      .response = "@[Samuel Mensah] took command and reverted the BFF change rather than speed up "
                  "the Android rollout.",
      .recovery = "The revert went out at 09:46; crash rates were normal at 09:50 "
                  "{status:RESOLVED|green}.",
      .timeline = "08:15 BFF release with the renamed field\n"
                  "08:21 Crash-rate alert pages @[Ana Silva]\n"
                  "08:30 @[Samuel Mensah] incident commander\n"
                  "09:10 Renamed field identified as the cause\n"
                  "09:46 BFF change reverted {status:ROLLED BACK|blue}\n"
                  "09:50 Crash rate normal {status:RESOLVED|green}",
      .root_causes = "1. Why did the app crash? A field it requires was missing.\n"
                     "2. Why? The BFF renamed it.\n"
                     "3. Why was that safe for iOS but not for Android? Only the iOS release with "
                     "the new name was fully rolled out.\n"
                     "4. Why did the BFF not check? Field changes are not versioned per client "
                     "release.",
      .lessons = "- Version the home-screen payload by app release "
                 "([MOB-960](" SEED_JIRA "MOB-960)), due {date:+14}\n"
                 "- Make the Android app tolerate a missing banner",
  },
};

/* The Opsgenie postmortem template, as its API documentation shows it: a new postmortem's
 * content. */
static const char template_content[]
    = "{\"version\":1,\"type\":\"doc\",\"content\":["
      "{\"type\":\"heading\",\"attrs\":{\"level\":4},\"content\":[{\"type\":\"text\",\"text\":"
      "\"Leadup\"}]},"
      "{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"Describe the "
      "circumstances "
      "that led to this incident\",\"marks\":[{\"type\":\"textColor\",\"attrs\":{\"color\":"
      "\"#7a869a\"}}]},{\"type\":\"hardBreak\"}]},"
      "{\"type\":\"heading\",\"attrs\":{\"level\":4},\"content\":[{\"type\":\"text\",\"text\":"
      "\"Fault\"}]},"
      "{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"Describe what failed to "
      "work as expected\",\"marks\":[{\"type\":\"textColor\",\"attrs\":{\"color\":\"#7a869a\"}}]},"
      "{\"type\":\"hardBreak\"}]},"
      "{\"type\":\"heading\",\"attrs\":{\"level\":4},\"content\":[{\"type\":\"text\",\"text\":"
      "\"Detection\"}]},"
      "{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"Describe how the "
      "incident "
      "was detected\",\"marks\":[{\"type\":\"textColor\",\"attrs\":{\"color\":\"#7a869a\"}}]},"
      "{\"type\":\"hardBreak\"}]},"
      "{\"type\":\"heading\",\"attrs\":{\"level\":4},\"content\":[{\"type\":\"text\",\"text\":"
      "\"Root causes\"}]},"
      "{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"Run a 5-whys analysis to "
      "understand the true causes of the incident\",\"marks\":[{\"type\":\"textColor\",\"attrs\":"
      "{\"color\":\"#7a869a\"}}]}]}]}";

/* Incident n (1-based) happens every other day from this one on. */
#define SEED_FIRST_YEAR  2025
#define SEED_FIRST_MONTH 2
#define SEED_FIRST_DAY   1
#define SEED_N_INCIDENTS 60

/* What the ADF builder needs to resolve mentions and dates, and to number task ids. */
typedef struct
{
  OgSandboxStore *store;
  GDateTime *day;  /* midnight UTC of the incident */
  const char *key; /* makes task ids unique per document */
  guint n_ids;
} AdfContext;

static JsonObject *
find_by_member (GPtrArray *collection, const char *member, const char *value)
{
  for (guint i = 0; i < collection->len; i++)
    {
      JsonObject *object = g_ptr_array_index (collection, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (object, member, NULL), value) == 0)
        return object;
    }

  /* The seed tables name each other: a miss is a typo in this file. */
  g_error ("Sandbox seed: no %s \"%s\"", member, value);
  return NULL;
}

static GDateTime *
add_minutes (GDateTime *time, guint minutes)
{
  return g_date_time_add_minutes (time, (gint) minutes);
}

/* ADF construction */

static JsonObject *
adf_node (const char *type)
{
  JsonObject *node = json_object_new ();

  json_object_set_string_member (node, "type", type);
  return node;
}

/* Appends @child (taken) to @parent's content and returns it. */
static JsonObject *
adf_append (JsonObject *parent, JsonObject *child)
{
  if (!json_object_has_member (parent, "content"))
    json_object_set_array_member (parent, "content", json_array_new ());
  json_array_add_object_element (json_object_get_array_member (parent, "content"), child);

  return child;
}

static JsonObject *
adf_doc (void)
{
  JsonObject *doc = json_object_new ();

  json_object_set_int_member (doc, "version", 1);
  json_object_set_string_member (doc, "type", "doc");
  json_object_set_array_member (doc, "content", json_array_new ());

  return doc;
}

static JsonObject *
adf_mark (const char *type)
{
  return adf_node (type);
}

static JsonObject *
adf_attrs (JsonObject *node)
{
  if (!json_object_has_member (node, "attrs"))
    json_object_set_object_member (node, "attrs", json_object_new ());
  return json_object_get_object_member (node, "attrs");
}

typedef struct
{
  AdfContext *context;
  JsonObject *block;
  GString *run;
  gboolean strong;
  gboolean em;
} InlineState;

static void
inline_flush (InlineState *state, const char *href, gboolean code)
{
  JsonObject *text;
  JsonArray *marks;

  if (state->run->len == 0)
    return;

  text = adf_append (state->block, adf_node ("text"));
  json_object_set_string_member (text, "text", state->run->str);
  g_string_truncate (state->run, 0);

  /* code combines with link only: the markup never puts code inside bold or italics. */
  marks = json_array_new ();
  if (code)
    json_array_add_object_element (marks, adf_mark ("code"));
  if (state->strong && !code)
    json_array_add_object_element (marks, adf_mark ("strong"));
  if (state->em && !code)
    json_array_add_object_element (marks, adf_mark ("em"));
  if (href != NULL)
    {
      JsonObject *link = adf_mark ("link");

      json_object_set_string_member (adf_attrs (link), "href", href);
      json_array_add_object_element (marks, link);
    }

  /* ADF forbids an empty marks array. */
  if (json_array_get_length (marks) > 0)
    json_object_set_array_member (text, "marks", marks);
  else
    json_array_unref (marks);
}

/* The text between @start and the next @end, or NULL; *after points past @end. */
static char *
take_until (const char *start, const char *end, const char **after)
{
  const char *found = strstr (start, end);

  if (found == NULL)
    g_error ("Sandbox seed: unclosed markup at \"%s\"", start);

  *after = found + strlen (end);
  return g_strndup (start, found - start);
}

static void
inline_atom (InlineState *state, const char *spec)
{
  if (g_str_has_prefix (spec, "status:"))
    {
      g_auto (GStrv) parts = g_strsplit (spec + strlen ("status:"), "|", 2);
      JsonObject *status = adf_append (state->block, adf_node ("status"));
      JsonObject *attrs = adf_attrs (status);

      json_object_set_string_member (attrs, "text", parts[0]);
      json_object_set_string_member (attrs, "color", parts[1]);
    }
  else if (g_str_has_prefix (spec, "date:"))
    {
      guint days = (guint) g_ascii_strtoull (spec + strlen ("date:+"), NULL, 10);
      g_autoptr (GDateTime) date = g_date_time_add_days (state->context->day, (gint) days);
      g_autofree char *timestamp
          = g_strdup_printf ("%" G_GINT64_FORMAT, g_date_time_to_unix (date) * 1000);
      JsonObject *node = adf_append (state->block, adf_node ("date"));

      json_object_set_string_member (adf_attrs (node), "timestamp", timestamp);
    }
  else
    {
      g_error ("Sandbox seed: unknown inline atom {%s}", spec);
    }
}

static void
inline_mention (InlineState *state, const char *full_name)
{
  JsonObject *user = find_by_member (state->context->store->users, "fullName", full_name);
  JsonObject *mention = adf_append (state->block, adf_node ("mention"));
  JsonObject *attrs = adf_attrs (mention);
  g_autofree char *text = g_strconcat ("@", full_name, NULL);

  json_object_set_string_member (attrs, "id", json_object_get_string_member (user, "id"));
  json_object_set_string_member (attrs, "text", text);
}

/* Appends the inline nodes of @markup to @block. */
static void
build_inline (AdfContext *context, JsonObject *block, const char *markup)
{
  InlineState state = { context, block, g_string_new (NULL), FALSE, FALSE };
  const char *p = markup;

  while (*p != '\0')
    {
      g_autofree char *inner = NULL;

      if (g_str_has_prefix (p, "**"))
        {
          inline_flush (&state, NULL, FALSE);
          state.strong = !state.strong;
          p += 2;
        }
      else if (*p == '_')
        {
          inline_flush (&state, NULL, FALSE);
          state.em = !state.em;
          p++;
        }
      else if (*p == '`')
        {
          inline_flush (&state, NULL, FALSE);
          inner = take_until (p + 1, "`", &p);
          g_string_append (state.run, inner);
          inline_flush (&state, NULL, TRUE);
        }
      else if (g_str_has_prefix (p, "@["))
        {
          inline_flush (&state, NULL, FALSE);
          inner = take_until (p + 2, "]", &p);
          inline_mention (&state, inner);
        }
      else if (*p == '[')
        {
          g_autofree char *href = NULL;

          inline_flush (&state, NULL, FALSE);
          inner = take_until (p + 1, "](", &p);
          href = take_until (p, ")", &p);
          g_string_append (state.run, inner);
          inline_flush (&state, href, FALSE);
        }
      else if (*p == '{')
        {
          inline_flush (&state, NULL, FALSE);
          inner = take_until (p + 1, "}", &p);
          inline_atom (&state, inner);
        }
      else
        {
          g_string_append_c (state.run, *p);
          p++;
        }
    }

  inline_flush (&state, NULL, FALSE);
  if (state.strong || state.em)
    g_error ("Sandbox seed: unbalanced emphasis in \"%s\"", markup);
  g_string_free (state.run, TRUE);
}

static JsonObject *
adf_paragraph (AdfContext *context, const char *markup)
{
  JsonObject *paragraph = adf_node ("paragraph");

  build_inline (context, paragraph, markup);
  return paragraph;
}

static void
adf_heading (JsonObject *doc, const char *text)
{
  JsonObject *heading = adf_append (doc, adf_node ("heading"));

  /* Level 4, as in the Opsgenie template. */
  json_object_set_int_member (adf_attrs (heading), "level", 4);
  json_object_set_string_member (adf_append (heading, adf_node ("text")), "text", text);
}

/* A list line: its depth (two spaces a level), whether it is ordered, its number, and the
 * text after the bullet. FALSE when @line is no list item. */
static gboolean
parse_list_item (const char *line,
                 guint *depth,
                 gboolean *ordered,
                 guint64 *number,
                 const char **text)
{
  const char *p = line;
  char *end;

  while (*p == ' ')
    p++;
  *depth = (guint) (p - line) / 2;

  if (g_str_has_prefix (p, "- "))
    {
      *ordered = FALSE;
      *text = p + 2;
      return TRUE;
    }

  *number = g_ascii_strtoull (p, &end, 10);
  if (end != p && g_str_has_prefix (end, ". "))
    {
      *ordered = TRUE;
      *text = end + 2;
      return TRUE;
    }

  return FALSE;
}

/* Consumes the list lines from lines[*i] on and appends them to @parent as (nested) lists. */
static void
build_list (AdfContext *context, JsonObject *parent, char **lines, guint *i, guint depth)
{
  JsonObject *list = NULL;
  JsonObject *item = NULL;
  gboolean list_ordered = FALSE;

  while (lines[*i] != NULL)
    {
      guint line_depth;
      gboolean ordered;
      guint64 number = 0;
      const char *text;

      if (!parse_list_item (lines[*i], &line_depth, &ordered, &number, &text) || line_depth < depth)
        return;

      if (line_depth > depth)
        {
          /* A nested list goes inside the item it follows. */
          g_assert (item != NULL);
          build_list (context, item, lines, i, line_depth);
          continue;
        }

      if (list == NULL || ordered != list_ordered)
        {
          list = adf_append (parent, adf_node (ordered ? "orderedList" : "bulletList"));
          list_ordered = ordered;
          if (ordered)
            json_object_set_int_member (adf_attrs (list), "order", (gint64) number);
        }

      item = adf_append (list, adf_node ("listItem"));
      adf_append (item, adf_paragraph (context, text));
      (*i)++;
    }
}

static void
build_code_block (JsonObject *doc, char **lines, guint *i)
{
  JsonObject *code = adf_append (doc, adf_node ("codeBlock"));
  const char *language = lines[*i] + strlen ("```");
  g_autoptr (GString) text = g_string_new (NULL);

  if (*language != '\0')
    json_object_set_string_member (adf_attrs (code), "language", language);

  for ((*i)++; lines[*i] != NULL && !g_str_equal (lines[*i], "```"); (*i)++)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, lines[*i]);
    }
  if (lines[*i] == NULL)
    g_error ("Sandbox seed: unclosed code block");
  (*i)++;

  json_object_set_string_member (adf_append (code, adf_node ("text")), "text", text->str);
}

static void
build_task_list (AdfContext *context, JsonObject *doc, char **lines, guint *i)
{
  JsonObject *list = adf_append (doc, adf_node ("taskList"));
  g_autofree char *list_key = g_strdup_printf ("%s/%u", context->key, context->n_ids++);
  g_autofree char *list_id = _og_sandbox_make_id ("task-list", list_key);

  json_object_set_string_member (adf_attrs (list), "localId", list_id);

  for (; lines[*i] != NULL; (*i)++)
    {
      gboolean done = g_str_has_prefix (lines[*i], "[x] ");
      g_autofree char *key = NULL;
      g_autofree char *id = NULL;
      JsonObject *item;

      if (!done && !g_str_has_prefix (lines[*i], "[ ] "))
        break;

      key = g_strdup_printf ("%s/%u", context->key, context->n_ids++);
      id = _og_sandbox_make_id ("task", key);
      item = adf_append (list, adf_node ("taskItem"));
      json_object_set_string_member (adf_attrs (item), "localId", id);
      json_object_set_string_member (adf_attrs (item), "state", done ? "DONE" : "TODO");
      build_inline (context, item, lines[*i] + strlen ("[ ] "));
    }
}

/* Appends the blocks of a section's @markup (see the top of this file) to @doc. */
static void
build_blocks (AdfContext *context, JsonObject *doc, const char *markup)
{
  g_auto (GStrv) lines = g_strsplit (markup, "\n", -1);
  JsonObject *panel = NULL;
  g_autofree char *panel_type = NULL;
  guint i = 0;

  while (lines[i] != NULL)
    {
      const char *line = lines[i];
      guint depth;
      gboolean ordered;
      guint64 number;
      const char *text;

      if (line[0] != '!')
        g_clear_pointer (&panel_type, g_free);

      if (parse_list_item (line, &depth, &ordered, &number, &text))
        {
          build_list (context, doc, lines, &i, 0);
          continue;
        }
      if (g_str_has_prefix (line, "```"))
        {
          build_code_block (doc, lines, &i);
          continue;
        }
      if (g_str_has_prefix (line, "[ ] ") || g_str_has_prefix (line, "[x] "))
        {
          build_task_list (context, doc, lines, &i);
          continue;
        }

      if (line[0] == '!')
        {
          const char *space = strchr (line, ' ');
          g_autofree char *type = g_strndup (line + 1, space - line - 1);

          /* Consecutive lines of one type are paragraphs of one panel. */
          if (g_strcmp0 (type, panel_type) != 0)
            {
              panel = adf_append (doc, adf_node ("panel"));
              json_object_set_string_member (adf_attrs (panel), "panelType", type);
              g_free (panel_type);
              panel_type = g_steal_pointer (&type);
            }
          adf_append (panel, adf_paragraph (context, space + 1));
        }
      else if (g_str_has_prefix (line, "> "))
        {
          JsonObject *quote = adf_append (doc, adf_node ("blockquote"));

          adf_append (quote, adf_paragraph (context, line + 2));
        }
      else if (g_str_equal (line, "---"))
        {
          adf_append (doc, adf_node ("rule"));
        }
      else if (*line != '\0')
        {
          adf_append (doc, adf_paragraph (context, line));
        }
      i++;
    }
}

static void
build_section (AdfContext *context, JsonObject *doc, const char *heading, const char *markup)
{
  adf_heading (doc, heading);
  build_blocks (context, doc, markup);
}

static JsonObject *
table_cell (AdfContext *context, const char *type, const char *markup)
{
  JsonObject *cell = adf_node (type);

  adf_append (cell, adf_paragraph (context, markup));
  return cell;
}

/* The timeline as a table (time, event) or as a list: both are common in real documents. */
static void
build_timeline (AdfContext *context, JsonObject *doc, const char *timeline, gboolean as_table)
{
  g_auto (GStrv) entries = g_strsplit (timeline, "\n", -1);
  JsonObject *container;

  adf_heading (doc, "Timeline");

  if (as_table)
    {
      JsonObject *header;

      container = adf_append (doc, adf_node ("table"));
      json_object_set_boolean_member (adf_attrs (container), "isNumberColumnEnabled", FALSE);
      json_object_set_string_member (adf_attrs (container), "layout", "default");
      header = adf_append (container, adf_node ("tableRow"));
      adf_append (header, table_cell (context, "tableHeader", "**Time (UTC)**"));
      adf_append (header, table_cell (context, "tableHeader", "**Event**"));
    }
  else
    {
      container = adf_append (doc, adf_node ("bulletList"));
    }

  for (guint i = 0; entries[i] != NULL; i++)
    {
      g_autofree char *time = g_strndup (entries[i], 5);
      const char *event = entries[i] + 6;

      if (as_table)
        {
          JsonObject *row = adf_append (container, adf_node ("tableRow"));

          adf_append (row, table_cell (context, "tableCell", time));
          adf_append (row, table_cell (context, "tableCell", event));
        }
      else
        {
          g_autofree char *markup = g_strdup_printf ("**%s** %s", time, event);
          JsonObject *item = adf_append (container, adf_node ("listItem"));

          adf_append (item, adf_paragraph (context, markup));
        }
    }
}

static JsonNode *
build_content (AdfContext *context, const SeedPostmortem *seed, gboolean timeline_as_table)
{
  JsonObject *doc = adf_doc ();
  JsonNode *node;

  build_section (context, doc, "Leadup", seed->leadup);
  build_section (context, doc, "Fault", seed->fault);
  build_section (context, doc, "Impact", seed->impact);
  build_section (context, doc, "Detection", seed->detection);
  build_section (context, doc, "Response", seed->response);
  build_section (context, doc, "Recovery", seed->recovery);
  build_timeline (context, doc, seed->timeline, timeline_as_table);
  build_section (context, doc, "Root causes", seed->root_causes);
  build_section (context, doc, "Lessons", seed->lessons);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, doc);
  return node;
}

static JsonNode *
build_document (AdfContext *context, const char *markup)
{
  JsonObject *doc = adf_doc ();
  JsonNode *node;

  build_blocks (context, doc, markup);
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, doc);
  return node;
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
      JsonObject *team = find_by_member (store->teams, "name", seed->team);
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

static GDateTime *
incident_day (guint tiny_id)
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
  JsonObject *team = find_by_member (store->teams, "name", spec->team);
  JsonObject *incident = json_object_new ();
  JsonObject *responder = json_object_new ();
  JsonArray *responders = json_array_new ();
  JsonArray *impacted = json_array_new ();
  JsonObject *extra = json_object_new ();

  for (guint i = 0; spec->services[i] != NULL; i++)
    {
      JsonObject *service = find_by_member (store->services, "name", spec->services[i]);

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

static const SeedPostmortem *
find_seed_postmortem (guint tiny_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (seed_postmortems); i++)
    if (seed_postmortems[i].tiny_id == tiny_id)
      return &seed_postmortems[i];
  return NULL;
}

static void
seed_incidents (OgSandboxStore *store)
{
  guint generated = 0;

  for (guint tiny_id = 1; tiny_id <= SEED_N_INCIDENTS; tiny_id++)
    {
      const SeedPostmortem *story = find_seed_postmortem (tiny_id);
      g_autoptr (GDateTime) day = incident_day (tiny_id);
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

static void
seed_postmortem (OgSandboxStore *store, const SeedPostmortem *seed, guint index)
{
  g_autofree char *tiny = g_strdup_printf ("%u", seed->tiny_id);
  g_autofree char *id = _og_sandbox_make_id ("postmortem", tiny);
  JsonObject *incident = find_by_member (store->incidents, "tinyId", tiny);
  JsonObject *owner = find_by_member (store->users, "fullName", seed->owner);
  g_autoptr (GDateTime) created
      = g_date_time_new_from_iso8601 (json_object_get_string_member (incident, "createdAt"), NULL);
  g_autoptr (GDateTime) respond = add_minutes (created, seed->respond_minutes);
  g_autoptr (GDateTime) written = add_minutes (created, seed->duration_minutes + 26 * 60);
  g_autofree char *respond_time = _og_sandbox_format_time (respond);
  g_autoptr (GDateTime) day = incident_day (seed->tiny_id);
  AdfContext context = { store, day, id, 0 };
  g_auto (GStrv) jira = g_strsplit (seed->jira, "|", -1);
  g_auto (GStrv) related = g_strsplit (seed->related, "|", -1);
  g_auto (GStrv) services = g_strsplit (seed->services, "|", -1);
  g_auto (GStrv) teams = g_strsplit (seed->teams, "|", -1);
  g_auto (GStrv) responders = g_strsplit (seed->responders, "|", -1);
  JsonArray *jira_issues = json_array_new ();
  JsonArray *related_incidents = json_array_new ();
  JsonArray *affected_services = json_array_new ();
  JsonArray *responder_teams = json_array_new ();
  JsonArray *responder_users = json_array_new ();
  JsonObject *postmortem;

  postmortem = _og_sandbox_store_create_postmortem (store, incident, owner, id, written);

  for (guint i = 0; jira[i] != NULL; i++)
    {
      g_autofree char *url = g_strconcat (SEED_JIRA, jira[i], NULL);

      json_array_add_string_element (jira_issues, url);
    }
  for (guint i = 0; related[i] != NULL; i++)
    json_array_add_element (related_incidents, _og_sandbox_incident_summary (find_by_member (
                                                   store->incidents, "tinyId", related[i])));
  for (guint i = 0; services[i] != NULL; i++)
    json_array_add_element (
        affected_services, _og_sandbox_ref (find_by_member (store->services, "name", services[i])));
  for (guint i = 0; teams[i] != NULL; i++)
    json_array_add_element (responder_teams,
                            _og_sandbox_ref (find_by_member (store->teams, "name", teams[i])));
  for (guint i = 0; responders[i] != NULL; i++)
    {
      g_auto (GStrv) name_role = g_strsplit (responders[i], "=", 2);

      json_array_add_element (
          responder_users,
          _og_sandbox_responder (find_by_member (store->users, "fullName", name_role[0]),
                                 name_role[1]));
    }

  json_object_set_member (postmortem, "executiveSummary", build_document (&context, seed->summary));
  json_object_set_member (postmortem, "content", build_content (&context, seed, index % 2 == 0));
  json_object_set_string_member (postmortem, "title", seed->title);
  json_object_set_string_member (postmortem, "status", seed->status);
  json_object_set_string_member (postmortem, "respondTime", respond_time);
  json_object_set_array_member (postmortem, "jiraIssues", jira_issues);
  json_object_set_array_member (postmortem, "relatedIncidents", related_incidents);
  json_object_set_array_member (postmortem, "affectedServices", affected_services);
  json_object_set_array_member (postmortem, "responderTeams", responder_teams);
  json_object_set_array_member (postmortem, "responders", responder_users);

  g_ptr_array_add (store->postmortems, postmortem);
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
  for (guint i = 0; i < G_N_ELEMENTS (seed_postmortems); i++)
    seed_postmortem (store, &seed_postmortems[i], i);

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

JsonObject *
_og_sandbox_store_find (GPtrArray *collection, const char *id)
{
  for (guint i = 0; i < collection->len; i++)
    {
      JsonObject *object = g_ptr_array_index (collection, i);
      const char *object_id = json_object_get_string_member_with_default (object, "id", NULL);

      if (object_id == NULL)
        object_id = json_object_get_string_member_with_default (object, "postmortemId", NULL);
      if (g_strcmp0 (object_id, id) == 0)
        return object;
    }

  return NULL;
}

char *
_og_sandbox_make_id (const char *kind, const char *key)
{
  g_autofree char *input = g_strconcat (kind, "/", key, NULL);
  g_autofree char *hex = g_compute_checksum_for_string (G_CHECKSUM_SHA256, input, -1);

  /* Shaped like a version 4 UUID, as Opsgenie's ids are. */
  hex[12] = '4';
  hex[16] = "89ab"[g_ascii_xdigit_value (hex[16]) & 3];

  return g_strdup_printf ("%.8s-%.4s-%.4s-%.4s-%.12s", hex, hex + 8, hex + 12, hex + 16, hex + 20);
}

char *
_og_sandbox_format_time (GDateTime *time)
{
  g_autoptr (GDateTime) utc = g_date_time_to_utc (time);
  g_autofree char *seconds = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (utc) / 1000);
}

JsonNode *
_og_sandbox_incident_summary (JsonObject *incident)
{
  const char *id = json_object_get_string_member (incident, "id");
  g_autofree char *metadata_id = _og_sandbox_make_id ("metadata", id);
  JsonObject *summary = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (summary, "metadataId", metadata_id);
  json_object_set_string_member (summary, "id", id);
  json_object_set_string_member (summary, "priority",
                                 json_object_get_string_member (incident, "priority"));
  json_object_set_string_member (summary, "tinyId",
                                 json_object_get_string_member (incident, "tinyId"));
  json_object_set_string_member (summary, "message",
                                 json_object_get_string_member (incident, "message"));
  json_object_set_string_member (summary, "status",
                                 json_object_get_string_member (incident, "status"));
  json_object_set_string_member (summary, "creationTime",
                                 json_object_get_string_member (incident, "createdAt"));
  json_object_set_member (summary, "tags",
                          json_node_copy (json_object_get_member (incident, "tags")));
  json_node_take_object (node, summary);
  return node;
}

JsonNode *
_og_sandbox_user_ref (JsonObject *user)
{
  const char *id = json_object_get_string_member (user, "id");
  g_autofree char *metadata_id = _og_sandbox_make_id ("metadata", id);
  JsonObject *ref = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (ref, "metadataId", metadata_id);
  json_object_set_string_member (ref, "id", id);
  json_object_set_string_member (ref, "name", json_object_get_string_member (user, "fullName"));
  json_node_take_object (node, ref);
  return node;
}

JsonNode *
_og_sandbox_ref (JsonObject *object)
{
  JsonObject *ref = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (ref, "id", json_object_get_string_member (object, "id"));
  json_object_set_string_member (ref, "name", json_object_get_string_member (object, "name"));
  json_node_take_object (node, ref);
  return node;
}

JsonNode *
_og_sandbox_responder (JsonObject *user, const char *role)
{
  JsonObject *responder = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (responder, "id", json_object_get_string_member (user, "id"));
  json_object_set_string_member (responder, "name",
                                 json_object_get_string_member (user, "fullName"));
  json_object_set_string_member (responder, "role", role);
  json_node_take_object (node, responder);
  return node;
}

JsonObject *
_og_sandbox_store_create_postmortem (OgSandboxStore *store,
                                     JsonObject *incident,
                                     JsonObject *owner,
                                     const char *postmortem_id,
                                     GDateTime *created_at)
{
  const char *created = json_object_get_string_member (incident, "createdAt");
  const char *resolved = json_object_get_string_member (incident, "updatedAt");
  g_autoptr (GDateTime) start = g_date_time_new_from_iso8601 (created, NULL);
  g_autoptr (GDateTime) respond = add_minutes (start, 5);
  g_autofree char *respond_time = _og_sandbox_format_time (respond);
  g_autofree char *created_time = _og_sandbox_format_time (created_at);
  g_autofree char *title = g_strconcat (json_object_get_string_member (incident, "message"),
                                        " - postmortem report", NULL);
  g_autofree char *timeline_key = g_strconcat ("timeline/", postmortem_id, NULL);
  g_autofree char *timeline_metadata = _og_sandbox_make_id ("metadata", timeline_key);
  g_autofree char *timeline_uuid = _og_sandbox_make_id ("timeline", postmortem_id);
  g_autofree char *timeline_id = g_strconcat ("p_", timeline_uuid, NULL);
  JsonObject *team = _og_sandbox_store_find (store->teams,
                                             json_object_get_string_member (incident, "ownerTeam"));
  JsonArray *impacted = json_object_get_array_member (incident, "impactedServices");
  JsonArray *services = json_array_new ();
  JsonArray *teams = json_array_new ();
  JsonObject *timeline = json_object_new ();
  JsonObject *postmortem = json_object_new ();
  JsonObject *summary = adf_doc ();

  for (guint i = 0; i < json_array_get_length (impacted); i++)
    {
      JsonObject *service
          = _og_sandbox_store_find (store->services, json_array_get_string_element (impacted, i));

      json_array_add_element (services, _og_sandbox_ref (service));
    }
  if (team != NULL)
    json_array_add_element (teams, _og_sandbox_ref (team));
  json_object_set_string_member (timeline, "metadataId", timeline_metadata);
  json_object_set_string_member (timeline, "id", timeline_id);

  /* Members in the order of the documentation's sample. */
  json_object_set_object_member (postmortem, "executiveSummary", summary);
  json_object_set_member (postmortem, "content", json_from_string (template_content, NULL));
  json_object_set_string_member (postmortem, "postmortemId", postmortem_id);
  json_object_set_string_member (postmortem, "title", title);
  json_object_set_string_member (postmortem, "severity",
                                 json_object_get_string_member (incident, "priority"));
  json_object_set_string_member (postmortem, "status", "draft");
  json_object_set_string_member (postmortem, "startTime", created);
  json_object_set_string_member (postmortem, "endTime", resolved);
  json_object_set_string_member (postmortem, "respondTime", respond_time);
  json_object_set_string_member (postmortem, "resolveTime", resolved);
  json_object_set_string_member (postmortem, "createdAtTime", created_time);
  json_object_set_member (postmortem, "rootIncident", _og_sandbox_incident_summary (incident));
  json_object_set_member (postmortem, "owner", _og_sandbox_user_ref (owner));
  json_object_set_object_member (postmortem, "timeline", timeline);
  json_object_set_array_member (postmortem, "jiraIssues", json_array_new ());
  json_object_set_array_member (postmortem, "relatedIncidents", json_array_new ());
  json_object_set_array_member (postmortem, "affectedServices", services);
  json_object_set_array_member (postmortem, "iccSessions", json_array_new ());
  json_object_set_array_member (postmortem, "responderTeams", teams);
  json_object_set_array_member (postmortem, "responders", json_array_new ());

  json_object_set_string_member (json_object_get_object_member (incident, "extraProperties"),
                                 "postmortemId", postmortem_id);

  return postmortem;
}
