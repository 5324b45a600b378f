/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "debrief-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "debrief-picker-private.h"

#define DEFAULT_PAGE_SIZE 50
/* Pixels from the end of the list at which the next page is fetched */
#define LOAD_MORE_MARGIN 120

enum
{
  PICKED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (DebriefPicker, debrief_picker, GTK_TYPE_POPOVER)

static guint signals[N_SIGNALS];

static const struct
{
  const char *placeholder;
  const char *accessible;
} kind_texts[] = {
  [DEBRIEF_PICKER_USERS] = { N_ ("Search users"), N_ ("Search users by name or e-mail") },
  [DEBRIEF_PICKER_TEAMS] = { N_ ("Search teams"), N_ ("Search teams by name") },
  [DEBRIEF_PICKER_SERVICES] = { N_ ("Search services"), N_ ("Search services by name") },
  [DEBRIEF_PICKER_INCIDENTS]
  = { N_ ("Search incidents"), N_ ("Search incidents by message or number") },
};

static void
update_page (DebriefPicker *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->results));

  if (n_items > 0)
    gtk_stack_set_visible_child_name (self->stack, "results");
  else if (self->loading)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  else
    {
      gtk_label_set_label (self->message_label, _ ("Nothing found"));
      gtk_stack_set_visible_child_name (self->stack, "message");
    }
}

static void
pick (DebriefPicker *self, guint position)
{
  g_autoptr (DebriefPickerItem) item
      = g_list_model_get_item (G_LIST_MODEL (self->results), position);

  if (item == NULL)
    return;
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[PICKED], 0, item);
}

static void
select_position (DebriefPicker *self, guint position)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->results));

  if (n_items == 0)
    return;
  position = MIN (position, n_items - 1);
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  if (position + 1 == n_items)
    _debrief_picker_load_more (self);
}

static void
search_changed_cb (DebriefPicker *self)
{
  g_autofree char *text = NULL;

  /* A closed picker searches when it opens; an open one only for new text (opening
   * empties the entry, which tells "search-changed" after the search has started). */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  if (g_strcmp0 (text, self->query) == 0
      && (self->loading || g_list_model_get_n_items (G_LIST_MODEL (self->results)) > 0))
    return;

  _debrief_picker_search (self);
  update_page (self);
}

static void
search_activate_cb (DebriefPicker *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  if (position != GTK_INVALID_LIST_POSITION)
    pick (self, position);
}

static void
stop_search_cb (DebriefPicker *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
list_activate_cb (DebriefPicker *self, guint position)
{
  pick (self, position);
}

/* Up and Down move through the results while the focus stays in the entry. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint keyval,
                guint keycode,
                GdkModifierType state,
                DebriefPicker *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    {
      select_position (self, selected == GTK_INVALID_LIST_POSITION ? 0 : selected + 1);
      return GDK_EVENT_STOP;
    }
  if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    {
      select_position (self,
                       selected == GTK_INVALID_LIST_POSITION || selected == 0 ? 0 : selected - 1);
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
scrolled_cb (GtkAdjustment *adjustment, DebriefPicker *self)
{
  double end = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  if (gtk_adjustment_get_value (adjustment) >= end - LOAD_MORE_MARGIN)
    _debrief_picker_load_more (self);
}

static void
setup_item_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  /* incident messages are long: two lines before they are cut */
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 40);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_item_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  DebriefPickerItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  const char *subtitle_text = debrief_picker_item_get_subtitle (item);

  gtk_label_set_label (GTK_LABEL (title), debrief_picker_item_get_title (item));
  gtk_label_set_label (GTK_LABEL (subtitle), subtitle_text);
  gtk_widget_set_visible (subtitle, subtitle_text != NULL);
}

static void
debrief_picker_map (GtkWidget *widget)
{
  DebriefPicker *self = DEBRIEF_PICKER (widget);

  GTK_WIDGET_CLASS (debrief_picker_parent_class)->map (widget);

  if (self->open)
    return;
  self->open = TRUE;

  /* Each opening starts from an empty search: the first results are a useful list too. */
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  _debrief_picker_search (self);
  update_page (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
debrief_picker_closed (GtkPopover *popover)
{
  DEBRIEF_PICKER (popover)->open = FALSE;
}

static void
debrief_picker_dispose (GObject *object)
{
  DebriefPicker *self = DEBRIEF_PICKER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), DEBRIEF_TYPE_PICKER);
  g_clear_object (&self->selection);
  g_clear_object (&self->results);
  g_clear_object (&self->client);
  g_clear_pointer (&self->cache, g_ptr_array_unref);
  g_clear_pointer (&self->excluded, g_hash_table_unref);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (debrief_picker_parent_class)->dispose (object);
}

static void
debrief_picker_class_init (DebriefPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = debrief_picker_dispose;
  widget_class->map = debrief_picker_map;
  GTK_POPOVER_CLASS (klass)->closed = debrief_picker_closed;

  /* picked (DebriefPickerItem *item) */
  signals[PICKED] = g_signal_new ("picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 1, DEBRIEF_TYPE_PICKER_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/debrief-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, DebriefPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DebriefPicker, stack);
  gtk_widget_class_bind_template_child (widget_class, DebriefPicker, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, DebriefPicker, list_view);
  gtk_widget_class_bind_template_child (widget_class, DebriefPicker, message_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
}

static void
debrief_picker_init (DebriefPicker *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->next_offset = -1;
  self->page_size = DEFAULT_PAGE_SIZE;
  self->query = g_strdup ("");
  self->excluded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->results = g_list_store_new (DEBRIEF_TYPE_PICKER_ITEM);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->results)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);

  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scrolled_window),
                           "value-changed", G_CALLBACK (scrolled_cb), self, 0);
}

GtkWidget *
debrief_picker_new (DebriefPickerKind kind)
{
  DebriefPicker *self;

  g_return_val_if_fail (kind <= DEBRIEF_PICKER_INCIDENTS, NULL);

  self = g_object_new (DEBRIEF_TYPE_PICKER, NULL);
  self->kind = kind;
  g_object_set (self->search_entry, "placeholder-text", _ (kind_texts[kind].placeholder), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _ (kind_texts[kind].accessible),
                                  -1);
  return GTK_WIDGET (self);
}

DebriefPickerKind
debrief_picker_get_kind (DebriefPicker *self)
{
  g_return_val_if_fail (DEBRIEF_IS_PICKER (self), DEBRIEF_PICKER_USERS);
  return self->kind;
}

void
debrief_picker_set_client (DebriefPicker *self, OgClient *client)
{
  g_return_if_fail (DEBRIEF_IS_PICKER (self));
  g_return_if_fail (client == NULL || OG_IS_CLIENT (client));

  if (g_set_object (&self->client, client))
    {
      g_clear_pointer (&self->cache, g_ptr_array_unref);
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        {
          _debrief_picker_search (self);
          update_page (self);
        }
    }
}

OgClient *
debrief_picker_get_client (DebriefPicker *self)
{
  g_return_val_if_fail (DEBRIEF_IS_PICKER (self), NULL);
  return self->client;
}

void
debrief_picker_set_excluded_ids (DebriefPicker *self, const char *const *ids)
{
  g_return_if_fail (DEBRIEF_IS_PICKER (self));

  g_hash_table_remove_all (self->excluded);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    g_hash_table_add (self->excluded, g_strdup (ids[i]));
}

GListModel *
debrief_picker_get_results (DebriefPicker *self)
{
  g_return_val_if_fail (DEBRIEF_IS_PICKER (self), NULL);
  return G_LIST_MODEL (self->results);
}

gboolean
debrief_picker_get_loading (DebriefPicker *self)
{
  g_return_val_if_fail (DEBRIEF_IS_PICKER (self), FALSE);
  return self->loading;
}

void
_debrief_picker_add_results (DebriefPicker *self, GPtrArray *items, gint next_offset)
{
  g_autoptr (GPtrArray) offered = g_ptr_array_new ();

  self->loading = FALSE;
  self->next_offset = next_offset;
  for (guint i = 0; i < items->len; i++)
    if (!g_hash_table_contains (self->excluded,
                                debrief_picker_item_get_id (g_ptr_array_index (items, i))))
      g_ptr_array_add (offered, g_ptr_array_index (items, i));
  g_list_store_splice (self->results, g_list_model_get_n_items (G_LIST_MODEL (self->results)), 0,
                       offered->pdata, offered->len);

  /* a page of nothing but chosen items: the next may have some */
  if (offered->len == 0 && items->len > 0 && next_offset >= 0)
    _debrief_picker_load_more (self);
  update_page (self);
}

void
_debrief_picker_show_error (DebriefPicker *self, const GError *error)
{
  g_autofree char *text = NULL;

  self->loading = FALSE;
  self->next_offset = -1;
  /* Translators: %s says why a search in a picker failed */
  text = g_strdup_printf (_ ("Could not search: %s"), error->message);
  gtk_label_set_label (self->message_label, text);
  gtk_stack_set_visible_child_name (self->stack, "message");
}

GtkSearchEntry *
_debrief_picker_get_search_entry (DebriefPicker *self)
{
  return self->search_entry;
}

GtkListView *
_debrief_picker_get_list_view (DebriefPicker *self)
{
  return self->list_view;
}

const char *
_debrief_picker_get_message (DebriefPicker *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "message") != 0)
    return NULL;
  return gtk_label_get_label (self->message_label);
}

void
_debrief_picker_set_page_size (DebriefPicker *self, guint page_size)
{
  self->page_size = CLAMP (page_size, 1, OG_MAX_PAGE_SIZE);
}
