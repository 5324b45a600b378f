/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "og-sandbox"

#include "config.h"

#include "og-sandbox-private.h"
#include "og-sandbox.h"

/*
 * A dozen postmortems, written the way incident managers write them, of the incidents
 * og-sandbox-seed.c seeds; and how each becomes the postmortem the sandbox holds. Their
 * sections are in the markup og-sandbox-adf.c turns into ADF. The texts are data: they
 * make this file long.
 */

#define SEED_JIRA "https://sandbox-org.atlassian.net/browse/"

static const OgSandboxSeedPostmortem seed_postmortems[] = {
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

static JsonNode *
build_content (OgSandboxAdfContext *context,
               const OgSandboxSeedPostmortem *seed,
               gboolean timeline_as_table)
{
  JsonObject *doc = _og_sandbox_adf_doc ();
  JsonNode *node;

  _og_sandbox_adf_section (context, doc, "Leadup", seed->leadup);
  _og_sandbox_adf_section (context, doc, "Fault", seed->fault);
  _og_sandbox_adf_section (context, doc, "Impact", seed->impact);
  _og_sandbox_adf_section (context, doc, "Detection", seed->detection);
  _og_sandbox_adf_section (context, doc, "Response", seed->response);
  _og_sandbox_adf_section (context, doc, "Recovery", seed->recovery);
  _og_sandbox_adf_timeline (context, doc, seed->timeline, timeline_as_table);
  _og_sandbox_adf_section (context, doc, "Root causes", seed->root_causes);
  _og_sandbox_adf_section (context, doc, "Lessons", seed->lessons);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, doc);
  return node;
}

static void
seed_postmortem (OgSandboxStore *store, const OgSandboxSeedPostmortem *seed, guint index)
{
  g_autofree char *tiny = g_strdup_printf ("%u", seed->tiny_id);
  g_autofree char *id = _og_sandbox_make_id ("postmortem", tiny);
  JsonObject *incident = _og_sandbox_seed_find (store->incidents, "tinyId", tiny);
  JsonObject *owner = _og_sandbox_seed_find (store->users, "fullName", seed->owner);
  g_autoptr (GDateTime) created
      = g_date_time_new_from_iso8601 (json_object_get_string_member (incident, "createdAt"), NULL);
  g_autoptr (GDateTime) respond = g_date_time_add_minutes (created, (gint) seed->respond_minutes);
  g_autoptr (GDateTime) written
      = g_date_time_add_minutes (created, (gint) (seed->duration_minutes + 26 * 60));
  g_autofree char *respond_time = _og_sandbox_format_time (respond);
  g_autoptr (GDateTime) day = _og_sandbox_seed_incident_day (seed->tiny_id);
  OgSandboxAdfContext context = { store, day, id, 0 };
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
    json_array_add_element (related_incidents, _og_sandbox_incident_summary (_og_sandbox_seed_find (
                                                   store->incidents, "tinyId", related[i])));
  for (guint i = 0; services[i] != NULL; i++)
    json_array_add_element (affected_services, _og_sandbox_ref (_og_sandbox_seed_find (
                                                   store->services, "name", services[i])));
  for (guint i = 0; teams[i] != NULL; i++)
    json_array_add_element (
        responder_teams, _og_sandbox_ref (_og_sandbox_seed_find (store->teams, "name", teams[i])));
  for (guint i = 0; responders[i] != NULL; i++)
    {
      g_auto (GStrv) name_role = g_strsplit (responders[i], "=", 2);

      json_array_add_element (
          responder_users,
          _og_sandbox_responder (_og_sandbox_seed_find (store->users, "fullName", name_role[0]),
                                 name_role[1]));
    }

  json_object_set_member (postmortem, "executiveSummary",
                          _og_sandbox_adf_document (&context, seed->summary));
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

const OgSandboxSeedPostmortem *
_og_sandbox_seed_find_postmortem (guint tiny_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (seed_postmortems); i++)
    if (seed_postmortems[i].tiny_id == tiny_id)
      return &seed_postmortems[i];
  return NULL;
}

void
_og_sandbox_seed_add_postmortems (OgSandboxStore *store)
{
  for (guint i = 0; i < G_N_ELEMENTS (seed_postmortems); i++)
    seed_postmortem (store, &seed_postmortems[i], i);
}
