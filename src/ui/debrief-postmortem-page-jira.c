/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-postmortem-page"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-postmortem-page-private.h"

/*
 * The Jira issues of the page: links added through an entry row, checked to be web links
 * before they reach the working copy (why not is said under the entry), opened in the
 * browser from their rows.
 */

static void
open_clicked_cb (GtkWidget *button, DebriefPostmortemPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                g_object_get_data (G_OBJECT (button), "url"), GDK_CURRENT_TIME);
}

GtkWidget *
_debrief_postmortem_page_new_jira_row (DebriefPostmortemPage *self, guint index, const char *url)
{
  g_autofree char *open_label = NULL;
  GtkWidget *open;
  GtkWidget *row;

  /* Translators: the accessible name of a button that opens a Jira link in the browser */
  open_label = g_strdup_printf (_ ("Open %s in the browser"), url);
  open = _debrief_postmortem_page_new_icon_button ("adw-external-link-symbolic",
                                                   _ ("Open in Browser"), open_label);
  g_object_set_data_full (G_OBJECT (open), "url", g_strdup (url), g_free);
  g_signal_connect_object (open, "clicked", G_CALLBACK (open_clicked_cb), self, 0);

  row = _debrief_postmortem_page_new_item_row (self, OG_POSTMORTEM_FIELD_JIRA_ISSUES, index, url,
                                               open);
  /* activating the row opens the link too */
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), open);
  return row;
}

/* NULL when @url may be added, else why not */
static char *
check_jira_url (DebriefPostmortemPage *self, const char *url)
{
  const char *const *urls = og_postmortem_get_jira_issues (self->working);
  g_autoptr (GUri) uri = NULL;
  const char *scheme;

  if (*url == '\0')
    return g_strdup (_ ("Enter the link of a Jira issue"));

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  if (scheme == NULL
      || (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0)
      || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    return g_strdup (_ ("Not a web link: enter one that starts with https:// or http://"));

  if (urls != NULL && g_strv_contains (urls, url))
    return g_strdup (_ ("This link is already in the list"));

  return NULL;
}

static void
show_jira_error (DebriefPostmortemPage *self, const char *message)
{
  gtk_label_set_label (self->jira_error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->jira_error_label), message != NULL);
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->jira_entry_row), "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->jira_entry_row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->jira_entry_row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->jira_entry_row), "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->jira_entry_row),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->jira_entry_row),
                                  GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
jira_apply_cb (DebriefPostmortemPage *self)
{
  g_autofree char *url = NULL;
  g_autofree char *problem = NULL;
  const char *const *urls;
  g_autoptr (GStrvBuilder) builder = NULL;
  g_auto (GStrv) edited = NULL;

  if (self->working == NULL || !self->fields_editable)
    return;

  url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->jira_entry_row))));
  problem = check_jira_url (self, url);
  if (problem != NULL)
    {
      show_jira_error (self, problem);
      return;
    }

  urls = og_postmortem_get_jira_issues (self->working);
  builder = g_strv_builder_new ();
  if (urls != NULL)
    g_strv_builder_addv (builder, (const char **) urls);
  g_strv_builder_add (builder, url);
  edited = g_strv_builder_end (builder);
  og_postmortem_set_jira_issues (self->working, (const char *const *) edited);

  self->updating++;
  gtk_editable_set_text (GTK_EDITABLE (self->jira_entry_row), "");
  self->updating--;
  show_jira_error (self, NULL);
  _debrief_postmortem_page_update_list (self, OG_POSTMORTEM_FIELD_JIRA_ISSUES);
  _debrief_postmortem_page_edited (self, OG_POSTMORTEM_FIELD_JIRA_ISSUES);
}

/* The message is about what was applied; typing again starts over. */
static void
jira_entry_changed_cb (DebriefPostmortemPage *self)
{
  if (self->updating == 0)
    show_jira_error (self, NULL);
}

void
_debrief_postmortem_page_jira_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemPage, jira_list);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemPage, jira_entry_row);
  gtk_widget_class_bind_template_child (widget_class, DebriefPostmortemPage, jira_error_label);
  gtk_widget_class_bind_template_callback (widget_class, jira_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, jira_entry_changed_cb);
}

AdwEntryRow *
_debrief_postmortem_page_get_jira_entry_row (DebriefPostmortemPage *self)
{
  return self->jira_entry_row;
}

GtkLabel *
_debrief_postmortem_page_get_jira_error_label (DebriefPostmortemPage *self)
{
  return self->jira_error_label;
}
