/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "adf-buffer"

#include "config.h"

#include <glib/gi18n.h>

#include "adf-buffer-private.h"

/* Undo keeps whole documents: an entry is the ADF written before an edit (or before a run of
 * typing) and the selection. Restoring one reloads tags, anchors and islands exactly, which
 * GTK's text-only history cannot. Postmortem fields are small; a write is cheap. */

#define MAX_UNDO 200

static void
snapshot_free (gpointer data)
{
  AdfSnapshot *snapshot = data;

  json_node_unref (snapshot->doc);
  g_free (snapshot);
}

static AdfSnapshot *
snapshot_take (AdfBuffer *self)
{
  AdfSnapshot *snapshot = g_new0 (AdfSnapshot, 1);
  GtkTextIter insert, bound;

  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self), &insert,
                                    gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (self)));
  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self), &bound,
                                    gtk_text_buffer_get_selection_bound (GTK_TEXT_BUFFER (self)));
  snapshot->doc = adf_buffer_write (self);
  snapshot->cursor = gtk_text_iter_get_offset (&insert);
  snapshot->bound = gtk_text_iter_get_offset (&bound);
  return snapshot;
}

static void
snapshot_restore (AdfBuffer *self, AdfSnapshot *snapshot)
{
  GtkTextIter insert, bound;

  _adf_buffer_load_doc (self, _adf_value_from_node (snapshot->doc));
  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (self), &insert, snapshot->cursor);
  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (self), &bound, snapshot->bound);
  gtk_text_buffer_select_range (GTK_TEXT_BUFFER (self), &insert, &bound);
}

static void
push_undo (AdfBuffer *self)
{
  if (self->undo_stack->len == MAX_UNDO)
    g_ptr_array_remove_index (self->undo_stack, 0);
  g_ptr_array_add (self->undo_stack, snapshot_take (self));
  g_ptr_array_set_size (self->redo_stack, 0);
}

/* Private API */

void
_adf_buffer_history_init (AdfBuffer *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func (snapshot_free);
  self->redo_stack = g_ptr_array_new_with_free_func (snapshot_free);
}

void
_adf_buffer_history_clear (AdfBuffer *self)
{
  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  self->typing_group = FALSE;
}

void
_adf_buffer_history_free (AdfBuffer *self)
{
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
}

/* Before an operation of the toolbar: one undo step of its own. */
void
_adf_buffer_begin_edit (AdfBuffer *self)
{
  push_undo (self);
  self->typing_group = FALSE;
  self->busy++;
}

void
_adf_buffer_end_edit (AdfBuffer *self)
{
  self->busy--;
  _adf_buffer_emit_changed (self);
}

/* An operation that found nothing to do leaves no undo step. */
void
_adf_buffer_history_drop_last (AdfBuffer *self)
{
  if (self->undo_stack->len > 0)
    g_ptr_array_set_size (self->undo_stack, self->undo_stack->len - 1);
}

/* Before the user inserts or deletes text: typing that goes on where the last typing
 * stopped, the same way (inserting, or deleting), joins its undo step. */
void
_adf_buffer_note_typing (AdfBuffer *self, int start, int end, gboolean insert)
{
  int at = insert ? start : end;
  gboolean continues
      = self->typing_group && self->typing_insert == insert && at == self->typing_end;

  /* One user action (typing over a selection: a delete, then an insert) is one step. */
  if (self->user_action > 0)
    {
      continues |= self->action_seen;
      self->action_seen = TRUE;
    }
  if (!continues)
    push_undo (self);
  self->typing_group = TRUE;
  self->typing_insert = insert;
}

/* Public API */

/**
 * adf_buffer_break_undo_group:
 *
 * Makes the next typing start an undo step of its own: for the window to call when the
 * user pauses, clicks elsewhere or leaves the field.
 */
void
adf_buffer_break_undo_group (AdfBuffer *self)
{
  g_return_if_fail (ADF_IS_BUFFER (self));
  self->typing_group = FALSE;
}

gboolean
adf_buffer_can_undo (AdfBuffer *self)
{
  g_return_val_if_fail (ADF_IS_BUFFER (self), FALSE);
  return self->undo_stack->len > 0;
}

gboolean
adf_buffer_can_redo (AdfBuffer *self)
{
  g_return_val_if_fail (ADF_IS_BUFFER (self), FALSE);
  return self->redo_stack->len > 0;
}

/* Undo and redo alike: the buffer becomes the last snapshot of @stack, taken off it. */
static void
restore_last (AdfBuffer *self, GPtrArray *stack)
{
  AdfSnapshot *snapshot = g_ptr_array_steal_index (stack, stack->len - 1);

  self->busy++;
  snapshot_restore (self, snapshot);
  self->busy--;
  snapshot_free (snapshot);
  self->typing_group = FALSE;
  g_clear_pointer (&self->stored_marks, g_ptr_array_unref);
  _adf_buffer_emit_changed (self);
}

/**
 * adf_buffer_undo:
 *
 * Puts the document back as it was before the last edit or run of typing: text,
 * formatting, blocks, lists and islands.
 */
void
adf_buffer_undo (AdfBuffer *self)
{
  g_return_if_fail (ADF_IS_BUFFER (self));
  if (self->undo_stack->len == 0)
    return;

  g_ptr_array_add (self->redo_stack, snapshot_take (self));
  restore_last (self, self->undo_stack);
}

void
adf_buffer_redo (AdfBuffer *self)
{
  g_return_if_fail (ADF_IS_BUFFER (self));
  if (self->redo_stack->len == 0)
    return;

  if (self->undo_stack->len == MAX_UNDO)
    g_ptr_array_remove_index (self->undo_stack, 0);
  g_ptr_array_add (self->undo_stack, snapshot_take (self));
  restore_last (self, self->redo_stack);
}
