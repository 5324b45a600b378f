# SPDX-License-Identifier: GPL-3.0-or-later
"""
Proves the harness on the widget kinds of issue #6's form before the real form is in the
window: runs flow.py's own form steps (set_title, set_severity, bold_a_word_in_content,
add_jira_link) against fixture_app.py — an AdwEntryRow "Title", an AdwComboRow
"Severity", a GtkTextView "Content" with a "Bold" toggle, an AdwEntryRow "Add a Jira issue
link", Save on Ctrl+S — and then checks what the fixture says it holds. So when a step of
flow.py fails on the real window, the names are at fault, not the typing, the keys or the
choosing. Run through run-e2e.sh --harness-selftest (TAP on stdout).
"""

import json
import os
import sys

from atspi_harness import AtspiUnreachable, Debrief, E2EFailure, check_atspi_reachable
from flow import BOLD_WORD, JIRA_URL, SEVERITY, TITLE, Flow

HERE = os.path.dirname(os.path.abspath(__file__))


class FixtureFlow(Flow):
    def __init__(self, timeout):
        self.artifacts = os.environ.get("DEBRIEF_E2E_ARTIFACTS", "/tmp/debrief-e2e-artifacts")
        env = dict(os.environ)
        env.pop("NO_AT_BRIDGE", None)
        env.pop("GTK_A11Y", None)
        command = [sys.executable, os.path.join(HERE, "fixture_app.py")]
        self.d = Debrief(None, env, self.artifacts, timeout=timeout, command=command)
        self.created_id = None
        self.page_root = None

    def page(self):
        return self.d.app  # one small window, no page

    def start_fixture(self):
        self.d.start()
        self.el("title")

    def save_with_keys(self):
        self.d.key("<Control>s")
        self.el("saved_toast")

    def quit_with_keys_and_check(self):
        log_path = self.d.log_path
        self.d.key("<Control>q")
        self.d.wait_exit()
        with open(log_path) as f:
            lines = [line for line in f if line.startswith("{")]
        if not lines:
            raise E2EFailure("the fixture printed no state; its log: %s" % log_path)
        state = json.loads(lines[-1])
        expected = {"title": TITLE, "severity": SEVERITY, "bold": BOLD_WORD, "jira": [JIRA_URL]}
        wrong = {k: state.get(k) for k, v in expected.items() if state.get(k) != v}
        if not state["content"].endswith(BOLD_WORD):
            wrong["content"] = state["content"]
        if state.get("saved", 0) < 1:
            wrong["saved"] = state.get("saved")
        if wrong:
            raise E2EFailure("the fixture holds %r, expected %r" % (wrong, expected))


STEPS = [
    FixtureFlow.start_fixture,
    Flow.set_title,
    Flow.set_severity,
    Flow.bold_a_word_in_content,
    Flow.add_jira_link,
    FixtureFlow.save_with_keys,
    FixtureFlow.quit_with_keys_and_check,
]


def main():
    try:
        check_atspi_reachable()
    except AtspiUnreachable as error:
        if os.environ.get("CI"):
            print("1..1\nnot ok 1 - AT-SPI reachable: %s" % error)
            return 1
        print("1..0 # SKIP %s (a failure in CI)" % error)
        return 0

    timeout = float(os.environ.get("DEBRIEF_E2E_TIMEOUT", "15"))
    flow = FixtureFlow(timeout)
    print("1..%d" % len(STEPS), flush=True)
    try:
        for number, step in enumerate(STEPS, 1):
            try:
                step(flow)
            except Exception as error:
                print("not ok %d - %s" % (number, step.__name__))
                for line in str(error).splitlines() or [repr(error)]:
                    print("# " + line)
                print("Bail out! step %d (%s) failed" % (number, step.__name__), flush=True)
                return 1
            print("ok %d - %s" % (number, step.__name__), flush=True)
    finally:
        flow.d.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
