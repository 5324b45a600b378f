# SPDX-License-Identifier: GPL-3.0-or-later
"""
A small layer over pyatspi that drives Debrief the way a person does: it finds widgets by
their accessible role and name, clicks them, types into them, presses keys and reads
labels, and waits for what should happen with a time-out that fails with a clear message
and a screenshot of the whole screen.

It needs what tests/e2e/run-e2e.sh sets up: an X display (Xvfb), a D-Bus session bus on
which org.a11y.Bus can be activated (dbus-run-session does; the session bus then starts
at-spi-bus-launcher and at-spi2-registryd on demand), and GTK_A11Y / NO_AT_BRIDGE unset so
that GTK 4 talks AT-SPI.

Only the Python of Debian (python3-pyatspi, in /usr/lib/python3/dist-packages) is needed;
dogtail is not used.
"""

import os
import re
import shutil
import signal
import subprocess
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

import pyatspi  # noqa: E402

DEFAULT_TIMEOUT = 15.0
POLL_INTERVAL = 0.05


class E2EFailure(AssertionError):
    """A step did not see what it waited for. The message says what, and where the
    screenshot and the application's log are."""


class AtspiUnreachable(RuntimeError):
    """The accessibility bus or its registry could not be reached."""


def pump():
    """Lets libatspi handle the events that keep its cached names and states current."""
    context = GLib.MainContext.default()
    while context.pending():
        context.iteration(False)


def describe(acc):
    try:
        return "%s %r" % (acc.getRoleName(), acc.name)
    except Exception as error:  # the object went away
        return "<gone: %s>" % error


def name_matches(actual, wanted):
    """@wanted is a str (equal), a compiled regex (search) or None (any name)."""
    if wanted is None:
        return True
    actual = actual or ""
    if isinstance(wanted, re.Pattern):
        return wanted.search(actual) is not None
    return actual == wanted


def role_matches(acc, role):
    if role is None:
        return True
    if isinstance(role, str):
        return acc.getRoleName() == role
    return acc.getRole() == role


def walk(root, max_depth=60):
    """Every descendant of @root, depth first, skipping what disappears under us."""
    stack = [(root, 0)]
    while stack:
        acc, depth = stack.pop()
        yield acc
        if depth >= max_depth:
            continue
        try:
            n = acc.childCount
        except Exception:
            continue
        children = []
        for i in range(n):
            try:
                child = acc.getChildAtIndex(i)
            except Exception:
                child = None
            if child is not None:
                children.append((child, depth + 1))
        stack.extend(reversed(children))


def is_showing(acc):
    """Whether @acc is on screen. GTK 4.8 reports SHOWING on the toplevel only (VISIBLE
    on every widget whose visible property is set, on a hidden stack page too), so without
    SHOWING this falls back on the extents: a widget never allocated has none. A page shown
    once and then hidden keeps its last extents, so wait for what should appear rather
    than for what should go."""
    try:
        states = acc.getState()
        if not states.contains(pyatspi.STATE_VISIBLE):
            return False
        if states.contains(pyatspi.STATE_SHOWING):
            return True
        extents = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        return extents.width > 0 and extents.height > 0
    except Exception:
        return False


def dump_tree(root, max_lines=400):
    lines = []

    def visit(acc, depth):
        if len(lines) >= max_lines:
            return
        lines.append("  " * depth + describe(acc) + ("" if is_showing(acc) else "  (hidden)"))
        try:
            n = acc.childCount
        except Exception:
            return
        for i in range(n):
            child = acc.getChildAtIndex(i)
            if child is not None:
                visit(child, depth + 1)

    visit(root, 0)
    return "\n".join(lines)


def wait_until(predicate, what, timeout=DEFAULT_TIMEOUT, on_timeout=None):
    """Polls @predicate until it returns something true, and returns that. On time-out
    calls @on_timeout(message) (which should raise) or raises E2EFailure."""
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        pump()
        try:
            result = predicate()
            if result:
                return result
        except E2EFailure:
            raise
        except Exception as error:  # a half-built tree, an object that went away
            last_error = error
        if time.monotonic() >= deadline:
            message = "timed out after %.0f s waiting for %s" % (timeout, what)
            if last_error is not None:
                message += " (last error: %s)" % last_error
            if on_timeout is not None:
                on_timeout(message)
            raise E2EFailure(message)
        time.sleep(POLL_INTERVAL)


def check_atspi_reachable(timeout=10.0):
    """Raises AtspiUnreachable unless the registry answers."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            desktop = pyatspi.Registry.getDesktop(0)
            if desktop is not None:
                desktop.childCount  # a real round trip to the registry
                return desktop
        except Exception as error:
            last = error
        time.sleep(0.1)
    raise AtspiUnreachable("the AT-SPI registry did not answer: %s" % last)


# X keysyms of the keys the tests press (X11/keysymdef.h); printable ASCII is its own code.
KEYSYMS = {
    "space": 0x20, "BackSpace": 0xFF08, "Tab": 0xFF09, "Return": 0xFF0D, "Escape": 0xFF1B,
    "Home": 0xFF50, "Left": 0xFF51, "Up": 0xFF52, "Right": 0xFF53, "Down": 0xFF54,
    "Page_Up": 0xFF55, "Page_Down": 0xFF56, "End": 0xFF57, "Delete": 0xFFFF,
    "F1": 0xFFBE, "F5": 0xFFC2, "F10": 0xFFC7,
}

# X modifier masks (ShiftMask, ControlMask, Mod1Mask), latched with LOCKMODIFIERS:
# KEY_PRESS and KEY_RELEASE take key codes, not keysyms, and key codes differ by keymap.
MODIFIERS = {"shift": 1 << 0, "control": 1 << 2, "ctrl": 1 << 2, "primary": 1 << 2,
             "alt": 1 << 3}


def keysym(name):
    if name in KEYSYMS:
        return KEYSYMS[name]
    if len(name) == 1:
        code = ord(name)
        return code if 0x20 <= code <= 0x7E else 0x01000000 + code
    raise ValueError("unknown key name %r" % name)


def parse_combo(combo):
    """"<Control><Shift>z" → (modifier mask, keysym)"""
    mask = 0
    for modifier in re.findall(r"<([^>]+)>", combo):
        mask |= MODIFIERS[modifier.lower()]
    key = re.sub(r"<[^>]+>", "", combo)
    if not key:
        raise ValueError("no key in %r" % combo)
    return mask, keysym(key)


class Debrief:
    """One run of `debrief --sandbox`, in the private HOME/XDG folders of @env."""

    def __init__(self, exe, env, artifacts, app_name="debrief", timeout=DEFAULT_TIMEOUT,
                 command=None):
        self.exe = exe
        self.command = command or [exe, "--sandbox"]
        self.env = env
        self.artifacts = artifacts
        self.app_name = app_name
        self.timeout = timeout
        self.process = None
        self.app = None
        self.runs = 0
        self.log_path = None

    # --- lifetime ---

    def start(self, *args):
        self.runs += 1
        self.log_path = os.path.join(self.artifacts, "debrief-run%d.log" % self.runs)
        log = open(self.log_path, "w")
        self.process = subprocess.Popen(
            [*self.command, *args],
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        log.close()
        desktop = check_atspi_reachable()

        def find_app():
            if self.process.poll() is not None:
                self.fail("debrief exited with status %s before it appeared on the "
                          "accessibility bus" % self.process.returncode)
            for i in range(desktop.childCount):
                app = desktop.getChildAtIndex(i)
                if app is None:
                    continue
                try:
                    if app.get_process_id() == self.process.pid:
                        return app
                except Exception:
                    continue
            return None

        self.app = self.wait(find_app, "debrief (pid %d) on the accessibility bus"
                             % self.process.pid, timeout=max(self.timeout, 30))
        # GTK 4.8 has no AT-SPI cache interface: ask it afresh each time rather than trust
        # names and states cached from an earlier look.
        try:
            self.app.set_cache_mask(Atspi.Cache.NONE)
        except Exception:
            pass
        self.wait_find("frame", None, what="the main window")
        return self

    def wait_exit(self, timeout=None):
        timeout = timeout or self.timeout

        def exited():
            return self.process.poll() is not None

        self.wait(exited, "debrief to exit", timeout=timeout)
        status = self.process.returncode
        self.process = None
        self.app = None
        if status != 0:
            self.fail("debrief exited with status %d" % status)

    def kill(self):
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
        self.app = None

    # --- failing clearly ---

    def screenshot(self, name):
        """Saves the whole screen as @name.png in the artifacts folder; returns the path."""
        path = os.path.join(self.artifacts, name + ".png")
        if shutil.which("import") is None:
            return None
        result = subprocess.run(["import", "-window", "root", path], env=self.env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=20)
        return path if result.returncode == 0 else None

    def fail(self, message):
        shot = self.screenshot("failure-%d" % int(time.time() * 1000))
        details = [message]
        if shot:
            details.append("screenshot: %s" % shot)
        if self.log_path:
            details.append("application log: %s" % self.log_path)
        if self.app is not None:
            try:
                tree = os.path.join(self.artifacts, "failure-tree.txt")
                with open(tree, "w") as f:
                    f.write(dump_tree(self.app))
                details.append("accessible tree: %s" % tree)
            except Exception:
                pass
        text = "\n  ".join(details)
        with open(os.path.join(self.artifacts, "failure.txt"), "a") as f:
            f.write(text + "\n")
        raise E2EFailure(text)

    def wait(self, predicate, what, timeout=None):
        return wait_until(predicate, what, timeout or self.timeout, on_timeout=self.fail)

    # --- finding ---

    def find_all(self, role=None, name=None, root=None, showing=True):
        root = root or self.app
        return [acc for acc in walk(root)
                if role_matches(acc, role) and name_matches(acc.name, name)
                and (not showing or is_showing(acc))]

    def find(self, role=None, name=None, root=None, showing=True):
        found = self.find_all(role, name, root, showing)
        return found[0] if found else None

    def wait_find(self, role=None, name=None, root=None, showing=True, what=None, timeout=None):
        what = what or "%s named %r" % (role or "an object", getattr(name, "pattern", name))
        return self.wait(lambda: self.find(role, name, root, showing), what, timeout)

    def wait_gone(self, role=None, name=None, root=None, what=None, timeout=None):
        what = what or "%s named %r to go" % (role or "an object", getattr(name, "pattern", name))
        return self.wait(lambda: self.find(role, name, root) is None, what, timeout)

    # --- acting ---

    def click(self, acc):
        """Runs the object's click action (buttons, menu items), as a pointer click would;
        without one, clicks the middle of it with a synthesized pointer event. GTK 4.8
        also lists a widget's own actions (a label's "clipboard.copy", a window's
        "window.close"): those are never taken for a click."""
        try:
            action = acc.queryAction()
            names = [action.getName(i) for i in range(action.nActions)]
        except Exception:
            action, names = None, []
        for wanted in ("click", "press", "activate", "toggle"):
            if wanted in names:
                action.doAction(names.index(wanted))
                pump()
                return
        self.click_pointer(acc)

    def click_pointer(self, acc):
        # Xvfb has no window manager: the window sits at the origin, window = screen.
        extents = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        x = extents.x + extents.width // 2
        y = extents.y + extents.height // 2
        pyatspi.Registry.generateMouseEvent(x, y, pyatspi.MOUSE_B1C)
        pump()

    def activate_row(self, acc):
        """Opens a list row as a person does with the keyboard: a click puts the focus on
        it, Enter activates it (a GtkListView without single-click-activate needs that or
        a double click)."""
        self.click_pointer(acc)
        self.key("Return")

    def focus(self, acc):
        try:
            acc.queryComponent().grabFocus()
        except Exception:
            pass

    def has_focus(self, acc):
        """Whether @acc or something inside it (an entry row's text) has the keyboard
        focus."""
        return any(a.getState().contains(pyatspi.STATE_FOCUSED) for a in walk(acc, 10))

    def focus_into_view(self, acc, what="the field", max_tabs=80, click=True):
        """Moves the keyboard focus to @acc the way a keyboard user does, with Tab or
        Shift+Tab towards it (GTK 4.8 does not take AT-SPI's grabFocus), waits until the
        page has scrolled it into view (its top inside the window), and clicks it there. Above
        the fold, the mouse wheel scrolls back to it."""
        seen = {}

        def position():
            """-1 above the window, 0 in it, 1 below."""
            frame = self.find("frame")
            top = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
            bottom = frame.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
            seen["extents"] = "field at y=%d h=%d, window h=%d" % (top.y, top.height,
                                                                  bottom.height)
            if top.y < 0:
                return -1
            if top.y + min(top.height, 40) > bottom.y + bottom.height - 8:
                return 1
            return 0

        self.focus(acc)
        where = position()
        if where < 0:
            # Above the fold, the wheel as a person scrolls back up: Shift+Tab out of a
            # text view does not come through XTest's synthesized keys here.
            extents = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
            x = extents.x + extents.width // 2
            for _ in range(60):
                pyatspi.Registry.generateMouseEvent(x, 300, "b4c")
                pump()
                try:
                    wait_until(lambda: position() == 0, "in view", timeout=0.2)
                    break
                except E2EFailure:
                    pass
            where = position()
        if where != 0:
            step = "Tab" if where > 0 else "<Shift>Tab"
            for tabs in range(max_tabs):
                # An entry row's focused text is not on the bus in GTK 4.8: in view (the
                # page scrolls the focus into view) counts too.
                try:
                    wait_until(lambda: self.has_focus(acc) or position() == 0, "focus",
                               timeout=0.3)
                    print("# %s reached after %d %s presses" % (what, tabs, step), flush=True)
                    break
                except E2EFailure:
                    pass
                self.key(step)
            else:
                self.fail("%s did not bring the focus to %s (%s)"
                          % (step, what, seen.get("extents")))
            try:
                wait_until(lambda: position() == 0, "%s to be scrolled into view" % what,
                           self.timeout)
            except E2EFailure as error:
                self.fail("%s (%s)" % (error, seen.get("extents")))
        if click:
            self.click_pointer(acc)

    def key(self, combo):
        """Presses @combo ("<Control>q", "F5") on the keyboard, through the registry
        (XTest on X11), into whatever has the keyboard focus."""
        mask, sym = parse_combo(combo)
        if mask:
            Atspi.generate_keyboard_event(mask, None, Atspi.KeySynthType.LOCKMODIFIERS)
        try:
            Atspi.generate_keyboard_event(sym, None, Atspi.KeySynthType.SYM)
        finally:
            if mask:
                Atspi.generate_keyboard_event(mask, None, Atspi.KeySynthType.UNLOCKMODIFIERS)
        pump()

    def type_text(self, acc, text):
        """Focuses @acc and types @text key by key."""
        if acc is not None:
            self.focus(acc)
            self.click_pointer(acc)
        for ch in text:
            name = {" ": "space", "\n": "Return", "\t": "Tab"}.get(ch, ch)
            Atspi.generate_keyboard_event(keysym(name), None, Atspi.KeySynthType.SYM)
        pump()

    # --- reading ---

    def text_of(self, acc):
        """What the object shows: its Text content when it has one, else its name."""
        try:
            text = acc.queryText()
            return text.getText(0, text.characterCount)
        except Exception:
            return acc.name
