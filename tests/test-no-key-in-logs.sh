#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs the real `debrief --sandbox` with every debug message on, waits until it has loaded
# the sandbox's postmortems, and checks that nothing it wrote contains the API key.
#
# Usage: test-no-key-in-logs.sh /path/to/debrief
# Needs a display (Xvfb in CI). Exit status 0: pass, 1: fail, 77: skipped.

set -u

exe=${1:?usage: test-no-key-in-logs.sh /path/to/debrief}
key=sandbox-0d1f9e2c-6b3a-4c8e-9f21-7a5d4e3b2c10
timeout=30

fail () {
  echo "FAIL: $*" >&2
  if [ -s "$log" ]; then
    echo "--- last lines of the log ---" >&2
    tail -n 20 "$log" >&2
  fi
  exit 1
}

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  if [ -n "${CI:-}" ]; then
    echo "FAIL: no display: this test must run under Xvfb in CI" >&2
    exit 1
  fi
  echo "SKIP: no display" >&2
  exit 77
fi

dir=$(mktemp -d)
log=$dir/debrief.log
# A library of its own: with one from an earlier run, every postmortem may be fresh enough
# in the cache that no GET (and so no request header) is logged.
export XDG_DATA_HOME="$dir/data"
pid=
cleanup () {
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  fi
  rm -rf "$dir"
}
trap cleanup EXIT

version=$("$exe" --version) || fail "debrief --version failed"
case $version in
  "debrief "[0-9]*) ;;
  *) fail "debrief --version printed '$version'" ;;
esac

G_MESSAGES_DEBUG=all "$exe" --sandbox >"$log" 2>&1 &
pid=$!

waited=0
while ! grep -Eq 'loaded [0-9]+ postmortems' "$log"; do
  if ! kill -0 "$pid" 2>/dev/null; then
    pid=
    fail "debrief exited before it loaded the postmortems"
  fi
  if [ "$waited" -ge $((timeout * 10)) ]; then
    fail "no 'loaded N postmortems' line within $timeout s"
  fi
  sleep 0.1
  waited=$((waited + 1))
done

kill "$pid"
wait "$pid" 2>/dev/null
pid=

[ -s "$log" ] || fail "the log is empty"
grep -Eq 'loaded [1-9][0-9]* postmortems' "$log" || fail "the sandbox's postmortems were not loaded"
# Without the requests' headers in the log, the absence of the key would prove nothing.
grep -Fq 'GET /v2/postmortem/' "$log" || fail "the requests were not logged"
grep -Fq "Authorization: [redacted]" "$log" || fail "the request headers were not logged"

if grep -Fq "$key" "$log"; then
  fail "the log contains the sandbox API key"
fi
if grep -Fq "GenieKey sandbox" "$log"; then
  fail "the log contains an Authorization header with the key"
fi

echo "PASS: $(grep -Eo 'loaded [0-9]+ postmortems' "$log" | tail -n 1), $(wc -l <"$log") log lines, no key"
exit 0
