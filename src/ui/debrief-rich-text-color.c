/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-rich-text"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-rich-text-private.h"

/* The text colour popover of DebriefRichText: the palette of Atlassian's editor, so that
 * what is coloured here looks chosen, not random, in Opsgenie and Jira. */

typedef struct
{
  const char *color;
  const char *name;
} Swatch;

/* Three rows of seven, as Atlassian's editor shows them (style.css draws them). */
static const Swatch swatches[] = {
  { "#172b4d", N_ ("Dark grey") },    { "#0747a6", N_ ("Dark blue") },
  { "#008da6", N_ ("Dark teal") },    { "#006644", N_ ("Dark green") },
  { "#ff991f", N_ ("Orange") },       { "#bf2600", N_ ("Dark red") },
  { "#403294", N_ ("Dark purple") },  { "#97a0af", N_ ("Light grey") },
  { "#4c9aff", N_ ("Blue") },         { "#00b8d9", N_ ("Teal") },
  { "#36b37e", N_ ("Green") },        { "#ffc400", N_ ("Yellow") },
  { "#ff5630", N_ ("Red") },          { "#6554c0", N_ ("Purple") },
  { "#ffffff", N_ ("White") },        { "#b3d4ff", N_ ("Light blue") },
  { "#b3f5ff", N_ ("Light teal") },   { "#abf5d1", N_ ("Light green") },
  { "#fff0b3", N_ ("Light yellow") }, { "#ffbdad", N_ ("Light red") },
  { "#eae6ff", N_ ("Light purple") },
};

void
_debrief_rich_text_color_init (DebriefRichText *self)
{
  GtkGrid *grid = GTK_GRID (self->color_grid);
  GtkWidget *reset;

  for (guint i = 0; i < G_N_ELEMENTS (swatches); i++)
    {
      GtkWidget *button = gtk_button_new ();
      g_autofree char *css_class = g_strconcat ("swatch-", swatches[i].color + 1, NULL);

      gtk_widget_add_css_class (button, "color-swatch");
      gtk_widget_add_css_class (button, css_class);
      gtk_widget_set_tooltip_text (button, _ (swatches[i].name));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _ (swatches[i].name), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "rich.text-color");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", swatches[i].color);
      gtk_grid_attach (grid, button, i % 7, i / 7, 1, 1);
    }

  reset = gtk_button_new_with_mnemonic (_ ("_Default Colour"));
  gtk_widget_add_css_class (reset, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (reset), "rich.text-color");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (reset), "s", "");
  gtk_widget_set_margin_top (reset, 4);
  gtk_grid_attach (grid, reset, 0, 3, 7, 1);
}
