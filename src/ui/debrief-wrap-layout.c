/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-wrap-layout"

#include "config.h"

#include "debrief-wrap-layout.h"

/* Children in a row at their natural size, wrapping to a new row where the width ends: a
 * toolbar that stays whole in a narrow window (GTK 4.8 has no wrap box; AdwWrapBox is 1.7). */

#define SPACING 2

struct _DebriefWrapLayout
{
  GtkLayoutManager parent_instance;
};

G_DEFINE_FINAL_TYPE (DebriefWrapLayout, debrief_wrap_layout, GTK_TYPE_LAYOUT_MANAGER)

/* Static helpers */

static void
child_size (GtkWidget *child, int *width, int *height)
{
  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, width, NULL, NULL);
  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, *width, NULL, height, NULL, NULL);
}

/* The height of the row that starts at @child in @width; *next is the first child after it. */
static int
row (GtkWidget *child, int width, GtkWidget **next)
{
  int x = 0, height = 0;

  for (; child; child = gtk_widget_get_next_sibling (child))
    {
      int w, h;

      if (!gtk_widget_should_layout (child))
        continue;
      child_size (child, &w, &h);
      if (x > 0 && x + w > width)
        break;
      x += w + SPACING;
      height = MAX (height, h);
    }
  *next = child;
  return height;
}

/* Lays the children out in @width (allocating them when @allocate); returns the height.
 * A child gets its row's height: separators reach across it, buttons centre in it. */
static int
flow (GtkWidget *widget, int width, gboolean allocate)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int y = 0;

  while (child)
    {
      GtkWidget *next;
      int height = row (child, width, &next);
      int x = 0;

      for (; allocate && child != next; child = gtk_widget_get_next_sibling (child))
        {
          int w, h;

          if (!gtk_widget_should_layout (child))
            continue;
          child_size (child, &w, &h);
          gtk_widget_size_allocate (child,
                                    &(GtkAllocation){ rtl ? width - x - w : x, y, w, height }, -1);
          x += w + SPACING;
        }
      child = next;
      y += height + (child ? SPACING : 0);
    }
  return y;
}

/* GtkLayoutManager overrides */

static GtkSizeRequestMode
debrief_wrap_layout_get_request_mode (GtkLayoutManager *manager, GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
debrief_wrap_layout_measure (GtkLayoutManager *manager,
                             GtkWidget *widget,
                             GtkOrientation orientation,
                             int for_size,
                             int *minimum,
                             int *natural,
                             int *minimum_baseline,
                             int *natural_baseline)
{
  int min = 0, nat = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* At least the widest child; at best all in one row */
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
           child = gtk_widget_get_next_sibling (child))
        {
          int w, h;

          if (!gtk_widget_should_layout (child))
            continue;
          child_size (child, &w, &h);
          min = MAX (min, w);
          nat += (nat > 0 ? SPACING : 0) + w;
        }
    }
  else
    min = nat = flow (widget, for_size < 0 ? G_MAXINT : for_size, FALSE);
  *minimum = min;
  *natural = nat;
}

static void
debrief_wrap_layout_allocate (GtkLayoutManager *manager,
                              GtkWidget *widget,
                              int width,
                              int height,
                              int baseline)
{
  flow (widget, width, TRUE);
}

static void
debrief_wrap_layout_class_init (DebriefWrapLayoutClass *klass)
{
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  layout_class->get_request_mode = debrief_wrap_layout_get_request_mode;
  layout_class->measure = debrief_wrap_layout_measure;
  layout_class->allocate = debrief_wrap_layout_allocate;
}

static void
debrief_wrap_layout_init (DebriefWrapLayout *self)
{
}

/* Public API */

GtkLayoutManager *
debrief_wrap_layout_new (void)
{
  return g_object_new (DEBRIEF_TYPE_WRAP_LAYOUT, NULL);
}
