/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "adf-error"

#include "config.h"

#include "adf-error.h"

G_DEFINE_QUARK (adf - error - quark, adf_error)
