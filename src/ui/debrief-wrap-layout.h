/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DEBRIEF_TYPE_WRAP_LAYOUT (debrief_wrap_layout_get_type ())
G_DECLARE_FINAL_TYPE (DebriefWrapLayout,
                      debrief_wrap_layout,
                      DEBRIEF,
                      WRAP_LAYOUT,
                      GtkLayoutManager)

GtkLayoutManager *debrief_wrap_layout_new (void);

G_END_DECLS
