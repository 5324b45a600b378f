/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "adf-buffer.h"

G_BEGIN_DECLS

#define ADF_TYPE_TEXT_VIEW (adf_text_view_get_type ())
G_DECLARE_FINAL_TYPE (AdfTextView, adf_text_view, ADF, TEXT_VIEW, GtkTextView)

GtkWidget *adf_text_view_new (AdfBuffer *buffer);

G_END_DECLS
