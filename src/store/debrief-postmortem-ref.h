/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  DEBRIEF_REGION_UNKNOWN, /* a bare id */
  DEBRIEF_REGION_US,      /* *.opsgenie.com */
  DEBRIEF_REGION_EU,      /* *.eu.opsgenie.com */
} DebriefRegion;

/*
 * What a user pastes to open a postmortem: its id, or an Opsgenie link to it — the web app
 * (https://<org>.app.opsgenie.com/postmortem/<id>, …/reports/postmortem/<id>/detail, the EU
 * instance https://<org>.app.eu.opsgenie.com/…, a "#/postmortem/<id>" route) or the API
 * (https://api[.eu].opsgenie.com/v2/postmortem/<id>). Liberal in what it takes (spaces,
 * angle brackets, a missing https://, any trailing path, query or fragment), strict about
 * the host: only opsgenie.com and its subdomains. Returns the id, or NULL with an
 * OG_ERROR_INVALID_ARGUMENT a user can read. @region may be NULL.
 */
char *debrief_parse_postmortem_reference (const char *text, DebriefRegion *region, GError **error);

/* Letters, digits, "-" and "_", 1 to 128 of them: what Opsgenie ids are made of. */
gboolean debrief_is_postmortem_id (const char *text);

G_END_DECLS
