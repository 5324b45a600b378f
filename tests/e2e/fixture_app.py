# SPDX-License-Identifier: GPL-3.0-or-later
"""
A stand-in window for harness_selftest.py: the widget kinds issue #6's form is built from
(AdwEntryRow, AdwComboRow, a GtkTextView with a Bold toggle, a Save button), with the
accessible names flow.py expects, so that the harness's typing, keys, choosing and reading
are proven on GTK 4.8 / libadwaita 1.2 before the real form is in the window. On exit it
prints what it holds as one JSON line.
"""

import json
import sys

import gi

gi.require_version("Gtk", "4.0")
gi.require_version("Adw", "1")
from gi.repository import Adw, Gio, Gtk  # noqa: E402

SEVERITIES = ["P1", "P2", "P3", "P4", "P5"]


class Fixture(Adw.Application):
    def __init__(self):
        super().__init__(application_id="io.github.debrief.E2eFixture",
                         flags=Gio.ApplicationFlags.NON_UNIQUE)
        self.state = {"jira": [], "saved": 0}

    def do_activate(self):
        window = Adw.ApplicationWindow(application=self, title="Fixture", default_width=700,
                                       default_height=600)
        box = Gtk.Box(orientation=Gtk.Orientation.VERTICAL, spacing=6)

        group = Adw.PreferencesGroup(title="Details")
        self.title_row = Adw.EntryRow(title="Title")
        group.add(self.title_row)
        self.severity_row = Adw.ComboRow(title="Severity", model=Gtk.StringList.new(SEVERITIES))
        group.add(self.severity_row)
        self.jira_row = Adw.EntryRow(title="Add a Jira issue link")
        self.jira_row.connect("entry-activated", self.on_jira)
        group.add(self.jira_row)
        box.append(group)

        self.bold = Gtk.ToggleButton(icon_name="format-text-bold-symbolic")
        self.bold.update_property([Gtk.AccessibleProperty.LABEL], ["Bold"])
        self.bold.connect("toggled", self.on_bold)
        box.append(self.bold)
        # Ctrl+B, as the real editor has it (flow.py uses the key, not the button).
        keys = Gtk.ShortcutController(propagation_phase=Gtk.PropagationPhase.CAPTURE)
        keys.add_shortcut(Gtk.Shortcut.new(
            Gtk.ShortcutTrigger.parse_string("<Control>b"),
            Gtk.CallbackAction.new(lambda *a: (self.bold.set_active(not self.bold.get_active()),
                                               True)[1])))
        window.add_controller(keys)

        self.buffer = Gtk.TextBuffer()
        self.strong = self.buffer.create_tag("strong", weight=700)
        view = Gtk.TextView(buffer=self.buffer, vexpand=True)
        view.update_property([Gtk.AccessibleProperty.LABEL], ["Content"])
        box.append(view)

        save = Gtk.Button(label="Save")
        save.connect("clicked", self.on_save)
        box.append(save)
        self.saved_label = Gtk.Label(label="")
        box.append(self.saved_label)

        window.set_content(box)
        self.set_accels_for_action("app.save", ["<Control>s"])
        action = Gio.SimpleAction.new("save", None)
        action.connect("activate", lambda *a: self.on_save(None))
        self.add_action(action)
        self.set_accels_for_action("app.quit", ["<Control>q"])
        action = Gio.SimpleAction.new("quit", None)
        action.connect("activate", lambda *a: self.quit())
        self.add_action(action)
        window.present()

    def on_jira(self, row):
        self.state["jira"].append(row.get_text())
        label = Gtk.Label(label=row.get_text())
        self.saved_label.get_parent().append(label)
        row.set_text("")

    def on_bold(self, button):
        if not button.get_active():
            return
        bounds = self.buffer.get_selection_bounds()
        if bounds:
            self.buffer.apply_tag(self.strong, *bounds)
            self.state["bold"] = self.buffer.get_text(bounds[0], bounds[1], False)

    def on_save(self, button):
        self.state["saved"] += 1
        self.saved_label.set_label("Saved")

    def do_shutdown(self):
        start, end = self.buffer.get_bounds()
        self.state.update(title=self.title_row.get_text(),
                          severity=SEVERITIES[self.severity_row.get_selected()],
                          content=self.buffer.get_text(start, end, False))
        print(json.dumps(self.state), flush=True)
        Adw.Application.do_shutdown(self)


if __name__ == "__main__":
    sys.exit(Fixture().run(sys.argv[:1]))
