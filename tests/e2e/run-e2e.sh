#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs the AT-SPI end-to-end test (tests/e2e/flow.py) against the real `debrief --sandbox`,
# in throwaway HOME and XDG folders. Output: TAP on stdout.
#
# Usage: run-e2e.sh /path/to/debrief /path/to/sandbox-dump [flow.py options, e.g. --timeout 30]
#        run-e2e.sh --harness-selftest      (the harness on a stand-in form: harness_selftest.py)
#
# Needs an X display and a D-Bus session bus (.ci/dev's `headless` gives both: xvfb-run and
# dbus-run-session); without them this script starts its own when xvfb-run and
# dbus-run-session are installed. The session bus activates org.a11y.Bus
# (at-spi-bus-launcher), which starts at-spi2-registryd; GTK 4 talks AT-SPI only when
# GTK_A11Y is not "none" and NO_AT_BRIDGE is unset, so both are unset here (the other tests
# set them).
#
# When AT-SPI cannot be reached: skipped locally, a failure in CI (CI set).

set -u

here=$(cd "$(dirname "$0")" && pwd)

cannot () {
  if [ -n "${CI:-}" ]; then
    echo "1..1"
    echo "not ok 1 - AT-SPI reachable: $*"
    exit 1
  fi
  echo "1..0 # SKIP $*"
  exit 0
}

if [ -z "${DISPLAY:-}" ] && [ -z "${DEBRIEF_E2E_NESTED_X:-}" ]; then
  command -v xvfb-run >/dev/null 2>&1 || cannot "no display and no xvfb-run"
  DEBRIEF_E2E_NESTED_X=1 exec xvfb-run -a -s "-screen 0 1280x800x24" sh "$0" "$@"
fi
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] && [ -z "${DEBRIEF_E2E_NESTED_DBUS:-}" ]; then
  command -v dbus-run-session >/dev/null 2>&1 || cannot "no D-Bus session bus and no dbus-run-session"
  DEBRIEF_E2E_NESTED_DBUS=1 exec dbus-run-session -- sh "$0" "$@"
fi
[ -n "${DISPLAY:-}" ] || cannot "no X display"

unset NO_AT_BRIDGE GTK_A11Y
# No __pycache__ in the source tree.
export PYTHONDONTWRITEBYTECODE=1

# Debian's python3-pyatspi is in /usr/lib/python3/dist-packages: a python3 earlier in PATH
# (pyenv, a venv) does not see it.
python=
for candidate in python3 /usr/bin/python3; do
  if "$candidate" -c 'import pyatspi' >/dev/null 2>&1; then
    python=$candidate
    break
  fi
done
[ -n "$python" ] || cannot "python3-pyatspi is not installed"

# The bus that AT-SPI lives on: asking for its address also starts it.
if ! gdbus call --session --dest org.a11y.Bus --object-path /org/a11y/bus \
       --method org.a11y.Bus.GetAddress >/dev/null 2>&1; then
  cannot "org.a11y.Bus is not available on the session bus (is at-spi2-core installed?)"
fi

top=$(mktemp -d /tmp/debrief-e2e.XXXXXX)
cleanup () {
  rm -rf "$top"
}
trap cleanup EXIT INT TERM

HOME=$top/home
XDG_DATA_HOME=$HOME/.local/share
XDG_CONFIG_HOME=$HOME/.config
XDG_CACHE_HOME=$HOME/.cache
XDG_STATE_HOME=$HOME/.local/state
export HOME XDG_DATA_HOME XDG_CONFIG_HOME XDG_CACHE_HOME XDG_STATE_HOME
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME"

: "${DEBRIEF_E2E_ARTIFACTS:=/tmp/debrief-e2e-artifacts}"
export DEBRIEF_E2E_ARTIFACTS
mkdir -p "$DEBRIEF_E2E_ARTIFACTS"

if [ "${1:-}" = "--harness-selftest" ]; then
  "$python" "$here/harness_selftest.py"
  exit $?
fi
exe=$1
dump=$2
shift 2

# Not exec: the private folders go when it ends (the EXIT trap).
"$python" "$here/flow.py" --debrief "$exe" --sandbox-dump "$dump" "$@"
