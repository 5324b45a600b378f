/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-rich-text"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-rich-text-private.h"

/* The link popover of DebriefRichText (Ctrl+K): address and title of the link at the cursor
 * or for the selection, checked before it reaches the document. */

/* Static helpers */

static void
show_error (DebriefRichText *self, const char *message)
{
  gtk_label_set_text (GTK_LABEL (self->link_error), message);
  gtk_widget_set_visible (self->link_error, message != NULL);
  if (message)
    {
      gtk_widget_add_css_class (self->link_entry, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->link_entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (self->link_entry, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->link_entry),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
on_popover_show (DebriefRichText *self)
{
  g_autofree char *title = NULL;
  g_autofree char *href = adf_buffer_get_link (self->buffer, &title);

  gtk_editable_set_text (GTK_EDITABLE (self->link_entry), href ? href : "");
  gtk_editable_set_text (GTK_EDITABLE (self->link_title_entry), title ? title : "");
  gtk_widget_set_visible (self->link_remove_button, href != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rich.remove-link",
                                 self->editable && href != NULL);
  show_error (self, NULL);
  gtk_widget_grab_focus (self->link_entry);
}

static void
on_popover_closed (DebriefRichText *self)
{
  gtk_widget_grab_focus (self->view);
}

static void
on_entry_changed (DebriefRichText *self)
{
  show_error (self, NULL);
}

/* Private API */

/* Whether Debrief links to @href: http(s) and mailto only (no javascript:, data:, file:…).
 * A bare "www.example.com" is fine: AdfBuffer makes it https. */
gboolean
_debrief_rich_text_href_is_allowed (const char *href)
{
  g_autofree char *scheme = NULL;
  g_autoptr (GUri) uri = NULL;

  if (href == NULL || *href == '\0')
    return FALSE;
  for (const char *p = href; *p; p++)
    if (g_ascii_isspace (*p) || g_ascii_iscntrl (*p))
      return FALSE;

  scheme = g_uri_parse_scheme (href);
  if (scheme == NULL)
    {
      /* No scheme: a host and maybe a path, which AdfBuffer prefixes with https:// */
      g_autofree char *https = NULL;

      if (*href == '/' || *href == '#' || strchr (href, '.') == NULL)
        return FALSE;
      https = g_strconcat ("https://", href, NULL);
      return _debrief_rich_text_href_is_allowed (https);
    }
  if (g_ascii_strcasecmp (scheme, "mailto") == 0)
    return strchr (href, '@') != NULL;
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    return FALSE;
  uri = g_uri_parse (href, G_URI_FLAGS_NONE, NULL);
  return uri != NULL && g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0';
}

void
_debrief_rich_text_show_link_popover (DebriefRichText *self)
{
  gtk_menu_button_popup (GTK_MENU_BUTTON (self->link_button));
}

void
_debrief_rich_text_apply_link (DebriefRichText *self)
{
  g_autofree char *href
      = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->link_entry))));
  g_autofree char *title
      = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->link_title_entry))));

  if (*href == '\0')
    {
      show_error (self, _ ("Enter the address the link goes to."));
      return;
    }
  if (!_debrief_rich_text_href_is_allowed (href))
    {
      show_error (self, _ ("Only web addresses (https://…) and e-mail addresses (mailto:…) can be "
                           "linked."));
      return;
    }
  adf_buffer_set_link (self->buffer, href, *title ? title : NULL);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->link_button));
}

void
_debrief_rich_text_remove_link (DebriefRichText *self)
{
  adf_buffer_remove_link (self->buffer);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->link_button));
}

const char *
_debrief_rich_text_get_link_error (DebriefRichText *self)
{
  if (!gtk_widget_get_visible (self->link_error))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (self->link_error));
}

void
_debrief_rich_text_link_init (DebriefRichText *self)
{
  GtkWidget *apply = gtk_widget_get_next_sibling (self->link_remove_button);

  gtk_popover_set_default_widget (GTK_POPOVER (self->link_popover), apply);
  g_signal_connect_object (self->link_popover, "show", G_CALLBACK (on_popover_show), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->link_popover, "closed", G_CALLBACK (on_popover_closed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->link_entry, "changed", G_CALLBACK (on_entry_changed), self,
                           G_CONNECT_SWAPPED);
}
