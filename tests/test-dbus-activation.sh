#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The desktop entry says DBusActivatable=true: a launcher then asks the session bus for the
# app id instead of running Exec=. This starts a private bus that knows only the service
# file the build made (its Exec path pointed at the built binary), activates Debrief through
# org.freedesktop.Application as a launcher does, checks that a window opened, and quits it.
#
# Usage: test-dbus-activation.sh /path/to/debrief /path/to/APP_ID.service APP_ID
# Needs a display (Xvfb in CI). Exit status 0: pass, 1: fail, 77: skipped.

set -u

exe=${1:?usage: test-dbus-activation.sh DEBRIEF SERVICE_FILE APP_ID}
service=${2:?usage: test-dbus-activation.sh DEBRIEF SERVICE_FILE APP_ID}
app_id=${3:?usage: test-dbus-activation.sh DEBRIEF SERVICE_FILE APP_ID}

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  if [ -n "${CI:-}" ]; then
    echo "FAIL: no display: this test must run under Xvfb in CI" >&2
    exit 1
  fi
  echo "SKIP: no display" >&2
  exit 77
fi

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/share/dbus-1/services" "$dir/home"
sed "s|^Exec=[^ ]*|Exec=$exe|" "$service" >"$dir/share/dbus-1/services/$app_id.service"
grep -q -- '--gapplication-service$' "$dir/share/dbus-1/services/$app_id.service" || {
  echo "FAIL: $service does not start the app as a D-Bus service" >&2
  exit 1
}

# The bus passes its environment to the services it starts: nothing of the user's is touched.
# Our services directory comes first, and wins over a Debrief installed on the system; the
# system's stay for the icon theme and the MIME database.
export XDG_DATA_DIRS="$dir/share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
export HOME="$dir/home"
export XDG_CONFIG_HOME="$dir/home/.config" XDG_DATA_HOME="$dir/home/.local/share"
export XDG_CACHE_HOME="$dir/home/.cache" XDG_STATE_HOME="$dir/home/.local/state"

object_path=/$(echo "$app_id" | tr . /)
dbus-run-session -- sh -c '
  app_id=$1 path=$2
  if ! gdbus call --session --timeout 30 --dest "$app_id" --object-path "$path" \
        --method org.freedesktop.Application.Activate "{}" >/dev/null; then
    echo "FAIL: the bus could not activate $app_id" >&2
    exit 1
  fi
  # GtkApplication exports the actions of each of its windows under PATH/window/N.
  if ! gdbus call --session --dest "$app_id" --object-path "$path/window/1" \
        --method org.gtk.Actions.List >/dev/null; then
    echo "FAIL: $app_id was activated but opened no window" >&2
    exit 1
  fi
  gdbus call --session --dest "$app_id" --object-path "$path" \
    --method org.freedesktop.Application.ActivateAction quit "[]" "{}" >/dev/null
  # Gone from the bus once it has quit.
  for i in $(seq 50); do
    gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
      --method org.freedesktop.DBus.NameHasOwner "$app_id" | grep -q false && exit 0
    sleep 0.1
  done
  echo "FAIL: $app_id did not quit" >&2
  exit 1
' sh "$app_id" "$object_path" || exit 1
echo "PASS: the bus started $app_id from its service file and it opened a window"
