/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-window"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-window-private.h"

#include "og-error.h"
#include "og-sandbox.h"

/* The postmortem shown: a DebriefEditSession behind the DebriefPostmortemPage and its two
 * rich text editors. The page and the editors edit the session's working copy in place;
 * what the session changes under them (a server value taken in, a draft restored) goes back
 * to them. */

static const char *
actor_user_id (DebriefWindow *self)
{
  return self->actor_user_id != NULL ? self->actor_user_id : OG_SANDBOX_ACTOR_ID;
}

static DebriefRichText *
rich_text_for (DebriefWindow *self, OgPostmortemField field)
{
  if (field == OG_POSTMORTEM_FIELD_EXECUTIVE_SUMMARY)
    return self->summary_text;
  if (field == OG_POSTMORTEM_FIELD_CONTENT)
    return self->content_text;
  return NULL;
}

static JsonNode *
get_adf (OgPostmortem *postmortem, OgPostmortemField field)
{
  return field == OG_POSTMORTEM_FIELD_CONTENT ? og_postmortem_get_content (postmortem)
                                              : og_postmortem_get_executive_summary (postmortem);
}

/* Shows the working copy's rich text @field in its editor (no "changed"). */
static void
load_rich_text (DebriefWindow *self, OgPostmortemField field)
{
  DebriefRichText *text = rich_text_for (self, field);
  OgPostmortem *working = debrief_edit_session_get_working (self->session);
  g_autoptr (JsonNode) empty = NULL;
  g_autoptr (GError) error = NULL;
  JsonNode *adf = working != NULL ? get_adf (working, field) : NULL;

  if (adf == NULL)
    {
      empty = json_from_string ("{\"type\":\"doc\",\"version\":1,\"content\":[]}", NULL);
      adf = empty;
    }

  self->loading_rich_text = TRUE;
  if (!debrief_rich_text_load (text, adf, &error))
    g_warning ("Could not show the %s: %s", debrief_edit_session_field_label (field),
               error->message);
  self->loading_rich_text = FALSE;
}

/* Writes an editor's document into the working copy if it differs; TRUE if it did. */
static gboolean
store_rich_text (DebriefWindow *self, OgPostmortemField field)
{
  OgPostmortem *working;
  g_autoptr (JsonNode) adf = NULL;
  JsonNode *current;

  if (self->session == NULL || self->loading_rich_text)
    return FALSE;
  working = debrief_edit_session_get_working (self->session);
  if (working == NULL)
    return FALSE;

  adf = debrief_rich_text_write (rich_text_for (self, field));
  current = get_adf (working, field);
  if (adf == NULL || (current != NULL && json_node_equal (adf, current)))
    return FALSE;

  if (field == OG_POSTMORTEM_FIELD_CONTENT)
    og_postmortem_set_content (working, adf);
  else
    og_postmortem_set_executive_summary (working, adf);
  /* The page marks it and emits "changed", which tells the session. */
  debrief_postmortem_page_field_changed (self->page, field);
  return TRUE;
}

void
_debrief_window_store_rich_texts (DebriefWindow *self)
{
  self->rich_text_pending = FALSE;
  store_rich_text (self, OG_POSTMORTEM_FIELD_EXECUTIVE_SUMMARY);
  store_rich_text (self, OG_POSTMORTEM_FIELD_CONTENT);
}

/* Typing: Save is there at once (Ctrl+S writes what the editor holds first), not only after
 * the editor's pause. */
static void
on_rich_text_buffer_changed (DebriefWindow *self)
{
  if (self->loading_rich_text || self->session == NULL || self->rich_text_pending)
    return;

  self->rich_text_pending = TRUE;
  _debrief_window_update_actions (self);
}

static void
on_rich_text_changed (DebriefWindow *self, DebriefRichText *text)
{
  self->rich_text_pending = FALSE;
  store_rich_text (self, text == self->summary_text ? OG_POSTMORTEM_FIELD_EXECUTIVE_SUMMARY
                                                    : OG_POSTMORTEM_FIELD_CONTENT);
}

static char *
format_time (GDateTime *time)
{
  g_autoptr (GDateTime) local = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  if (time == NULL)
    return g_strdup (_ ("an unknown time"));

  local = g_date_time_to_local (time);
  if (g_date_time_get_year (local) == g_date_time_get_year (now)
      && g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    return g_date_time_format (local, "%H:%M");
  return g_date_time_format (local, "%x %H:%M");
}

static void
update_title (DebriefWindow *self)
{
  OgPostmortem *base = self->session != NULL ? debrief_edit_session_get_base (self->session) : NULL;
  const char *title = base != NULL ? og_postmortem_get_title (base) : NULL;

  adw_window_title_set_title (self->postmortem_title, self->session == NULL ? ""
                                                      : title != NULL && *title != '\0'
                                                          ? title
                                                          : _ ("Untitled Postmortem"));

  if (self->session != NULL && debrief_edit_session_get_from_cache (self->session)
      && !debrief_edit_session_get_loading (self->session))
    {
      g_autofree char *when = format_time (debrief_edit_session_get_fetched_at (self->session));
      g_autofree char *subtitle = NULL;

      /* Translators: %s is a time or date and time */
      subtitle = g_strdup_printf (_ ("Offline copy from %s"), when);
      adw_window_title_set_subtitle (self->postmortem_title, subtitle);
    }
  else if (self->session != NULL && debrief_edit_session_get_loading (self->session))
    adw_window_title_set_subtitle (self->postmortem_title, _ ("Fetching the latest version…"));
  else
    adw_window_title_set_subtitle (self->postmortem_title, NULL);
}

static void
update_draft_bar (DebriefWindow *self)
{
  gboolean available
      = self->session != NULL && debrief_edit_session_get_draft_available (self->session);

  if (available)
    {
      g_autofree char *when = format_time (debrief_edit_session_get_draft_saved_at (self->session));
      g_autofree char *text = NULL;

      /* Translators: %s is a time or date and time */
      text = g_strdup_printf (_ ("Unsaved changes from %s"), when);
      gtk_label_set_label (self->draft_label, text);
    }
  gtk_revealer_set_reveal_child (self->draft_revealer, available);
  gtk_widget_set_visible (GTK_WIDGET (self->draft_revealer), available);
}

static void
update_progress (DebriefWindow *self)
{
  gboolean saving = self->session != NULL && debrief_edit_session_get_saving (self->session);

  gtk_widget_set_visible (GTK_WIDGET (self->save_progress), saving);
  if (saving)
    {
      guint n = debrief_edit_session_get_n_steps (self->session);
      guint done = debrief_edit_session_get_n_steps_done (self->session);

      if (n > 0)
        gtk_progress_bar_set_fraction (self->save_progress, (double) done / n);
      else
        gtk_progress_bar_pulse (self->save_progress);
    }
}

void
_debrief_window_update_actions (DebriefWindow *self)
{
  gboolean open = self->session != NULL && debrief_edit_session_get_working (self->session) != NULL;
  gboolean saving = open && debrief_edit_session_get_saving (self->session);
  gboolean dirty = open && debrief_edit_session_get_dirty (self->session);
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "win.refresh", self->client != NULL);
  gtk_widget_action_set_enabled (widget, "win.new-postmortem", self->client != NULL);
  gtk_widget_action_set_enabled (widget, "win.open", self->client != NULL);
  gtk_widget_action_set_enabled (widget, "win.save",
                                 (dirty || (open && self->rich_text_pending)) && !saving);
  gtk_widget_action_set_enabled (widget, "win.delete", open && !saving);
  gtk_widget_action_set_enabled (widget, "win.restore-draft", open);
  gtk_widget_action_set_enabled (widget, "win.discard-draft", open);
  gtk_widget_set_visible (self->save_button, open);
  gtk_widget_set_visible (self->postmortem_menu_button, open);
}

static DebriefPageFieldState
page_state_for (DebriefFieldState state)
{
  switch (state)
    {
    case DEBRIEF_FIELD_STATE_CLEAN:
      return DEBRIEF_PAGE_FIELD_CLEAN;
    case DEBRIEF_FIELD_STATE_UNSAVED:
      return DEBRIEF_PAGE_FIELD_UNSAVED;
    case DEBRIEF_FIELD_STATE_CONFLICT:
      return DEBRIEF_PAGE_FIELD_CONFLICT;
    case DEBRIEF_FIELD_STATE_FAILED:
    default:
      return DEBRIEF_PAGE_FIELD_FAILED;
    }
}

static void
show_field_state (DebriefWindow *self, OgPostmortemField field)
{
  DebriefFieldState state = debrief_edit_session_get_field_state (self->session, field);
  const GError *error = debrief_edit_session_get_field_error (self->session, field);
  g_autofree char *message = NULL;

  if (state == DEBRIEF_FIELD_STATE_CONFLICT)
    message = g_strdup (_ ("Changed in Opsgenie too: choose which version to keep when saving"));
  else if (error != NULL && state != DEBRIEF_FIELD_STATE_CLEAN)
    message = _debrief_window_describe_error (error);

  debrief_postmortem_page_set_field_state (self->page, field, page_state_for (state), message);
}

static void
on_field_state_changed (DebriefWindow *self, OgPostmortemField field, DebriefEditSession *session)
{
  show_field_state (self, field);
}

/* The session changed a field of the working copy under the page. */
static void
on_field_changed (DebriefWindow *self, OgPostmortemField field, DebriefEditSession *session)
{
  if (rich_text_for (self, field) != NULL)
    load_rich_text (self, field);
  else
    debrief_postmortem_page_refresh_field (self->page, field);
  show_field_state (self, field);
}

void
_debrief_window_show_working (DebriefWindow *self)
{
  OgPostmortem *working = debrief_edit_session_get_working (self->session);

  if (working == NULL)
    return;

  debrief_postmortem_page_set_postmortem (self->page, working,
                                          debrief_edit_session_get_base (self->session));
  load_rich_text (self, OG_POSTMORTEM_FIELD_EXECUTIVE_SUMMARY);
  load_rich_text (self, OG_POSTMORTEM_FIELD_CONTENT);
  for (guint f = 0; f < OG_N_POSTMORTEM_FIELDS; f++)
    show_field_state (self, f);

  gtk_stack_set_visible_child_name (self->content_stack, "page");
  update_title (self);
  _debrief_window_update_actions (self);
}

static void
on_working_changed (DebriefWindow *self)
{
  _debrief_window_show_working (self);
}

static void
on_base_changed (DebriefWindow *self)
{
  OgPostmortem *base = debrief_edit_session_get_base (self->session);

  if (base != NULL && debrief_postmortem_page_get_postmortem (self->page) != NULL)
    debrief_postmortem_page_set_base (self->page, base);
  update_title (self);
}

static void
on_session_state_changed (DebriefWindow *self)
{
  update_title (self);
  update_draft_bar (self);
  update_progress (self);
  _debrief_window_update_actions (self);
}

static void
on_page_changed (DebriefWindow *self, OgPostmortemField field, DebriefPostmortemPage *page)
{
  if (self->session == NULL || debrief_edit_session_get_working (self->session) == NULL)
    return;

  debrief_edit_session_working_changed (self->session, field);
  _debrief_window_update_actions (self);
}

static void
on_page_revert_requested (DebriefWindow *self, DebriefPostmortemPage *page)
{
  _debrief_window_revert (self);
}

static void
on_opened (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (DebriefWindow) self = user_data;
  DebriefEditSession *session = DEBRIEF_EDIT_SESSION (object);
  g_autoptr (GError) error = NULL;

  if (debrief_edit_session_open_finish (session, result, &error))
    {
      debrief_postmortem_list_select (self->postmortem_list,
                                      debrief_edit_session_get_postmortem_id (session));
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->session != session)
    return;

  if (debrief_edit_session_get_working (session) == NULL)
    {
      g_autofree char *description = _debrief_window_describe_error (error);
      g_autofree char *escaped = g_markup_escape_text (description, -1);

      adw_status_page_set_description (self->open_error_page, escaped);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
    }
  else
    {
      g_autofree char *description = _debrief_window_describe_error (error);
      g_autofree char *message = NULL;

      /* Translators: %s says why */
      message = g_strdup_printf (_ ("Showing the offline copy. %s"), description);
      _debrief_window_toast (self, message);
    }
  update_title (self);
}

void
_debrief_window_close_session (DebriefWindow *self)
{
  g_autoptr (DebriefEditSession) session = NULL;
  g_autoptr (GError) error = NULL;
  gboolean had_changes;

  if (self->session == NULL)
    return;

  /* What the editors hold and the debounce has not written yet goes into the draft too. */
  _debrief_window_store_rich_texts (self);

  session = g_steal_pointer (&self->session);
  g_signal_handlers_disconnect_by_data (session, self);
  g_cancellable_cancel (self->session_cancellable);
  g_clear_object (&self->session_cancellable);

  had_changes = debrief_edit_session_get_dirty (session);
  if (!debrief_edit_session_close (session, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why */
      message = g_strdup_printf (_ ("Could not keep the unsaved changes. %s"), error->message);
      _debrief_window_toast (self, message);
    }
  else if (had_changes)
    {
      OgPostmortem *working = debrief_edit_session_get_working (session);
      const char *title = working != NULL ? og_postmortem_get_title (working) : NULL;
      g_autofree char *message = NULL;

      /* Translators: %s is the title of a postmortem */
      message = g_strdup_printf (_ ("Unsaved changes to “%s” are kept as a draft"),
                                 title != NULL && *title != '\0' ? title : _ ("Untitled"));
      _debrief_window_toast (self, message);
    }

  debrief_postmortem_page_set_postmortem (self->page, NULL, NULL);
  gtk_stack_set_visible_child_name (self->content_stack, "none");
  update_title (self);
  update_draft_bar (self);
  update_progress (self);
  _debrief_window_update_actions (self);
}

void
_debrief_window_show_session (DebriefWindow *self, DebriefEditSession *session)
{
  _debrief_window_close_session (self);
  _debrief_window_ensure_page (self);

  self->session = g_object_ref (session);
  self->session_cancellable = g_cancellable_new ();

  g_signal_connect_swapped (session, "notify::working", G_CALLBACK (on_working_changed), self);
  g_signal_connect_swapped (session, "notify::base", G_CALLBACK (on_base_changed), self);
  g_signal_connect_swapped (session, "notify::dirty", G_CALLBACK (on_session_state_changed), self);
  g_signal_connect_swapped (session, "notify::saving", G_CALLBACK (on_session_state_changed), self);
  g_signal_connect_swapped (session, "notify::loading", G_CALLBACK (on_session_state_changed),
                            self);
  g_signal_connect_swapped (session, "notify::from-cache", G_CALLBACK (on_session_state_changed),
                            self);
  g_signal_connect_swapped (session, "notify::n-steps-done", G_CALLBACK (on_session_state_changed),
                            self);
  g_signal_connect_swapped (session, "notify::draft-available",
                            G_CALLBACK (on_session_state_changed), self);
  g_signal_connect_swapped (session, "notify::read-only", G_CALLBACK (on_session_state_changed),
                            self);
  g_signal_connect_swapped (session, "field-changed", G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (session, "field-state-changed", G_CALLBACK (on_field_state_changed),
                            self);

  if (debrief_edit_session_get_working (session) != NULL)
    _debrief_window_show_working (self);
  else
    gtk_stack_set_visible_child_name (self->content_stack, "loading");

  on_session_state_changed (self);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

void
_debrief_window_open (DebriefWindow *self, const char *id_or_url)
{
  g_autoptr (DebriefEditSession) session = NULL;

  g_return_if_fail (self->library != NULL && self->client != NULL);

  if (self->session != NULL
      && g_strcmp0 (debrief_edit_session_get_postmortem_id (self->session), id_or_url) == 0)
    {
      if (adw_leaflet_get_folded (self->leaflet))
        adw_leaflet_set_visible_child (self->leaflet, self->content);
      return;
    }

  session = debrief_edit_session_new (self->library, self->client, actor_user_id (self));
  _debrief_window_show_session (self, session);
  adw_window_title_set_title (self->postmortem_title, _ ("Opening…"));
  debrief_edit_session_open_async (session, id_or_url, self->session_cancellable, on_opened,
                                   g_object_ref (self));
}

static void
restore_draft_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DebriefWindow *self = DEBRIEF_WINDOW (widget);
  g_autoptr (GError) error = NULL;

  if (!debrief_edit_session_restore_draft (self->session, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why */
      message = g_strdup_printf (_ ("Could not restore the unsaved changes. %s"), error->message);
      _debrief_window_toast (self, message);
    }
  _debrief_window_show_working (self);
  update_draft_bar (self);
}

static void
discard_draft_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  DebriefWindow *self = DEBRIEF_WINDOW (widget);
  g_autoptr (GError) error = NULL;

  if (!debrief_edit_session_discard_draft (self->session, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why */
      message = g_strdup_printf (_ ("Could not discard the unsaved changes. %s"), error->message);
      _debrief_window_toast (self, message);
    }
  update_draft_bar (self);
}

void
_debrief_window_session_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.restore-draft", NULL, restore_draft_action);
  gtk_widget_class_install_action (widget_class, "win.discard-draft", NULL, discard_draft_action);
}

void
_debrief_window_session_init (DebriefWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->draft_revealer), FALSE);
}

/* The page, with its pickers and the two editors, is most of the window's widgets; a start
 * that shows the list alone does not build it. */
void
_debrief_window_ensure_page (DebriefWindow *self)
{
  struct
  {
    OgPostmortemField field;
    DebriefRichText **text;
    const char *label;
  } editors[] = {
    { OG_POSTMORTEM_FIELD_EXECUTIVE_SUMMARY, &self->summary_text, _ ("Executive Summary") },
    { OG_POSTMORTEM_FIELD_CONTENT, &self->content_text, _ ("Content") },
  };

  if (self->page != NULL)
    return;

  self->page = DEBRIEF_POSTMORTEM_PAGE (debrief_postmortem_page_new ());
  g_signal_connect_object (self->page, "changed", G_CALLBACK (on_page_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->page, "revert-requested", G_CALLBACK (on_page_revert_requested),
                           self, G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->page), "page");

  for (guint i = 0; i < G_N_ELEMENTS (editors); i++)
    {
      GtkBox *slot = debrief_postmortem_page_get_rich_text_slot (self->page, editors[i].field);
      GtkWidget *text = debrief_rich_text_new ();

      debrief_rich_text_set_label (DEBRIEF_RICH_TEXT (text), editors[i].label);
      gtk_widget_set_hexpand (text, TRUE);
      gtk_box_append (slot, text);
      g_object_bind_property (self->page, "fields-editable", text, "editable",
                              G_BINDING_SYNC_CREATE);
      g_signal_connect_object (text, "changed", G_CALLBACK (on_rich_text_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (debrief_rich_text_get_buffer (DEBRIEF_RICH_TEXT (text)), "changed",
                               G_CALLBACK (on_rich_text_buffer_changed), self, G_CONNECT_SWAPPED);
      *editors[i].text = DEBRIEF_RICH_TEXT (text);
    }
}

DebriefRichText *
_debrief_window_get_rich_text (DebriefWindow *self, OgPostmortemField field)
{
  _debrief_window_ensure_page (self);
  return rich_text_for (self, field);
}

const char *
_debrief_window_get_content_page_name (DebriefWindow *self)
{
  return gtk_stack_get_visible_child_name (self->content_stack);
}

GtkWidget *
_debrief_window_get_draft_bar (DebriefWindow *self)
{
  return GTK_WIDGET (self->draft_revealer);
}

const char *
_debrief_window_get_draft_text (DebriefWindow *self)
{
  return gtk_label_get_label (self->draft_label);
}
