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


def is_gone(error):
    """Whether @error is libatspi's answer for an object its application removed (a closed
    dialog, a destroyed widget). It says "The application no longer exists" then, although
    the application runs on: the object's link to it was dropped with the object."""
    # ATSPI_ERROR_APPLICATION_GONE (0) in the "atspi_error" domain, which GI does not expose.
    return (isinstance(error, GLib.Error) and error.domain == "atspi_error"
            and error.code == 0)


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
        # What has the keyboard focus, as the application's focus events say (a walk of the
        # tree for the FOCUSED state would cost hundreds of calls).
        self.focused = None
        self.listening = False

    def on_focus_event(self, event):
        if event.detail1:
            self.focused = event.source
        elif event.source == self.focused:
            # Gone to something that says nothing (an entry row's text in GTK 4.8).
            self.focused = None

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
        self.focused = None
        if not self.listening:
            pyatspi.Registry.registerEventListener(self.on_focus_event,
                                                   "object:state-changed:focused")
            self.listening = True

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
        # names, states and children cached from an earlier look. An object's role and
        # interfaces never change, nor does the parent of the widgets a test follows: those
        # are kept, since every call is a round trip to an application that may be busy.
        try:
            self.app.set_cache_mask(Atspi.Cache.ROLE | Atspi.Cache.INTERFACES
                                    | Atspi.Cache.PARENT)
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

    def death(self):
        """How the application died, if it did, else None. A crash reads like any other
        failure through AT-SPI ("The application no longer exists", which libatspi also says
        of an object the application removed)."""
        if self.process is None or self.process.poll() is None:
            return None
        status = self.process.returncode
        return "debrief has died: %s" % ("killed by signal %d" % -status if status < 0
                                         else "exit status %d" % status)

    def fail(self, message):
        shot = self.screenshot("failure-%d" % int(time.time() * 1000))
        details = [message]
        if self.death():
            details.append(self.death())
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

    def matches(self, role=None, name=None, root=None, showing=True):
        """The objects under @root (the application) with @role and @name, in tree order,
        as they are found: the cheap checks first, and none of what disappears meanwhile
        (a dialog that closed, a recycled list row)."""
        for acc in walk(root or self.app):
            try:
                if (role_matches(acc, role) and (name is None or name_matches(acc.name, name))
                        and (not showing or is_showing(acc))):
                    yield acc
            except GLib.Error as error:
                if not is_gone(error):
                    raise

    def find_all(self, role=None, name=None, root=None, showing=True):
        return list(self.matches(role, name, root, showing))

    def find(self, role=None, name=None, root=None, showing=True):
        return next(self.matches(role, name, root, showing), None)

    def main_window(self):
        """The application's first shown frame, from its own children only: cheaper than a
        walk of the whole tree, which a poll repeats."""
        for i in range(self.app.childCount):
            try:
                child = self.app.getChildAtIndex(i)
                if child is not None and child.getRoleName() == "frame" and is_showing(child):
                    return child
            except GLib.Error as error:
                if not is_gone(error):
                    raise
        self.fail("debrief shows no window")

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
        """Whether the keyboard focus is on @acc or inside it, as the focus events say."""
        pump()
        node = self.focused
        try:
            # The parents are cached: no round trip to a busy application per key.
            for _ in range(20):
                if node is None:
                    return False
                if node == acc:
                    return True
                node = node.parent
        except GLib.Error as error:
            if not is_gone(error):
                raise
        return False

    def focus_is_below(self, acc):
        """Whether the keyboard focus is on something under @acc in the same column of the
        window (Shift+Tab is the way up to @acc then)."""
        pump()
        try:
            if self.focused is None:
                return False
            here = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
            there = self.focused.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        except NotImplementedError:  # no place on screen to compare
            return False
        except GLib.Error as error:
            if not is_gone(error):
                raise
            return False
        same_column = here.x <= there.x + there.width // 2 <= here.x + here.width
        return same_column and there.y > here.y

    def focus_into_view(self, acc, what="the field", max_tabs=80, click=True, need_focus=False):
        """Moves the keyboard focus to @acc the way a keyboard user does, with Tab or
        Shift+Tab towards it (GTK 4.8 does not take AT-SPI's grabFocus), waits until the
        page has scrolled it into view (its top inside the window), and clicks it there
        (unless @click is false). With @need_focus, in view is not enough: the focus must
        be on @acc (a combo row that Enter then opens). Debrief's text views move the focus
        on Tab too (they do not take tab characters)."""
        seen = {}

        def position():
            """-1 above the window, 0 in it, 1 below."""
            frame = self.main_window()
            top = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
            bottom = frame.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
            seen["extents"] = "field at y=%d h=%d, window h=%d" % (top.y, top.height,
                                                                  bottom.height)
            if top.y < 0:
                return -1
            if top.y + min(top.height, 40) > bottom.y + bottom.height - 8:
                return 1
            return 0

        def reached():
            # An entry row's focused text is not on the bus in GTK 4.8 (no focus event): in
            # view (the page scrolls the focus into view) counts too, unless the focus itself
            # is needed.
            return self.has_focus(acc) or (not need_focus and position() == 0)

        def settled():
            """reached(), and still so once the focus events of keys already pressed are in
            (on a loaded machine they come late)."""
            if not reached():
                return False
            before = self.focused
            try:
                wait_until(lambda: self.focused is not before, "a late focus event",
                           timeout=0.3)
            except E2EFailure:
                return True
            return reached()

        self.focus(acc)
        if not settled():
            where = position()
            forward = where > 0 or (where == 0 and not self.focus_is_below(acc))
            key = "Tab" if forward else "<Shift>Tab"
            had_it = False
            for tabs in range(1, max_tabs + 1):
                before = self.focused
                if os.environ.get("DEBRIEF_E2E_DEBUG"):
                    print("# focus on %s, pressing %s" % (before and describe(before), key),
                          flush=True)
                self.key(key)
                # The focus event comes soon; an entry row's text sends none, its page's
                # scrolling shows it then.
                try:
                    wait_until(lambda: self.focused is not before, "a focus event", timeout=1)
                except E2EFailure:
                    pass
                if settled():
                    print("# %s reached after %d %s presses" % (what, tabs, key), flush=True)
                    break
                if self.has_focus(acc):
                    had_it = True
                elif had_it:
                    # Gone past it (a key pressed before the last focus event came): back.
                    key = "<Shift>Tab" if key == "Tab" else "Tab"
                    had_it = False
            else:
                self.fail("%s did not bring the focus to %s (%s)"
                          % (key, what, seen.get("extents")))
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
