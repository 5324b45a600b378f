/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "adf-error.h"
#include "adf-parse.h"
#include "adf-schema-private.h"
#include "adf-tree-private.h"

G_BEGIN_DECLS

/* What adf-validate.c (the walk) and adf-validate-attrs.c (attrs and marks) share. */

typedef struct
{
  const char *member; /* "content", "marks" */
  guint index;
} AdfPathSegment;

typedef struct
{
  AdfValidateFlags flags;
  GError **error;
  /* The walk refuses nodes deeper than ADF_MAX_DEPTH / 2, and a path has a segment per
   * level and one for marks: a fixed array is enough, and pushed without a call. */
  guint depth;
  AdfPathSegment path[ADF_MAX_DEPTH];
} AdfValidator;

/* Sets the error as "path: message" and returns FALSE, so that checks read
 * `return _adf_validator_fail (…)`. */
gboolean _adf_validator_fail (AdfValidator *v, AdfError code, const char *format, ...)
    G_GNUC_PRINTF (3, 4);
static inline void
_adf_validator_push (AdfValidator *v, const char *member, guint index)
{
  g_assert (v->depth < ADF_MAX_DEPTH);
  v->path[v->depth].member = member;
  v->path[v->depth].index = index;
  v->depth++;
}

static inline void
_adf_validator_pop (AdfValidator *v)
{
  v->depth--;
}

/* attrs (any JSON value) against one of variants; what names the owner ("heading") */
gboolean _adf_validator_check_attrs (AdfValidator *v,
                                     const char *what,
                                     const AdfAttrSpec *const *variants,
                                     AdfValue attrs);

/* A node's marks array; the set of known marks found goes to *bits. */
gboolean
_adf_validator_check_marks (AdfValidator *v, const char *what, AdfValue marks, guint *bits);

/* adf_validate() on either kind of tree */
gboolean _adf_validate_value (AdfValue doc, AdfValidateFlags flags, GError **error);

G_END_DECLS
