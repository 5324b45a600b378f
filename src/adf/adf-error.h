/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ADF_ERROR (adf_error_quark ())

/**
 * AdfError:
 *
 * Why a document was refused. The message always names where (a path such as
 * "content[3].content[0]") and which rule, in words a user can act on.
 */
typedef enum
{
  ADF_ERROR_NOT_JSON,  /* not JSON, not UTF-8, a NUL byte, or a string inside a string */
  ADF_ERROR_INVALID,   /* JSON, but not a document Atlassian's validator accepts */
  ADF_ERROR_TOO_LARGE, /* over ADF_MAX_BYTES: refused whole, never truncated */
  ADF_ERROR_TOO_DEEP,  /* nested deeper than ADF_MAX_DEPTH */
} AdfError;

GQuark adf_error_quark (void);

G_END_DECLS
