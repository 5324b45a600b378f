#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Connects an account through the whole application (welcome page, connect window, user
# search, save), loads its postmortems, changes a setting and quits, with every debug message
# on and throwaway HOME and XDG directories; then searches every file under them, and every
# line of output, for the API key. Settings go to the keyfile backend so that they are files
# too. The keyring keeps the key (encrypted, in the runner's keyring directory, also searched).
#
# Usage: test-no-key-after-connect.sh /path/to/test-accounts-ui
# Needs a display and a Secret Service (the test runner gives both). 0: pass, 1: fail.

set -u

exe=${1:?usage: test-no-key-after-connect.sh /path/to/test-accounts-ui}
key=sandbox-0d1f9e2c-6b3a-4c8e-9f21-7a5d4e3b2c10
actor=6f1c2b9e-0a7d-4e55-8a0b-5c3d2e1f0a01
runner_data=${XDG_DATA_HOME:-${HOME:-/nonexistent}/.local/share}

dir=$(mktemp -d)
log=$dir/output.log
trap 'rm -rf "$dir"' EXIT

fail () {
  echo "FAIL: $*" >&2
  tail -n 20 "$log" >&2
  exit 1
}

mkdir -p "$dir/home" "$dir/config" "$dir/data" "$dir/cache" "$dir/state"
HOME=$dir/home XDG_CONFIG_HOME=$dir/config XDG_DATA_HOME=$dir/data XDG_CACHE_HOME=$dir/cache \
  XDG_STATE_HOME=$dir/state GSETTINGS_BACKEND=keyfile G_MESSAGES_DEBUG=all \
  DEBRIEF_TEST_KEEP_XDG=1 \
  "$exe" --tap -p /accounts-ui/application/connect-edit-quit >"$log" 2>&1 \
  || fail "the connect-edit-quit run failed"

grep -q '^ok 1 /accounts-ui/application/connect-edit-quit$' "$log" \
  || fail "the run did not pass (or skipped)"
grep -q '# SKIP' "$log" && fail "the run skipped"

# Without these, the absence of the key would prove nothing.
accounts=$dir/config/debrief/accounts.ini
[ -f "$accounts" ] || fail "no accounts file at $accounts"
grep -Fq "actor-id=$actor" "$accounts" || fail "the account was not saved with its actor"
grep -rqx 'request-timeout=45' "$dir/config/glib-2.0" || fail "the setting was not saved"
grep -Fq 'Authorization: [redacted]' "$log" || fail "the request headers were not logged"
grep -Fq 'storing the key of account' "$log" || fail "the keyring store was not logged"

if grep -rlF "$key" "$dir"; then
  fail "the files above (under HOME, XDG dirs or the output) contain the API key"
fi
if [ -d "$runner_data/keyrings" ] && grep -rlF "$key" "$runner_data/keyrings"; then
  fail "the keyring files hold the key in plain text"
fi

echo "PASS: $(find "$dir" -type f | wc -l) files, $(wc -l <"$log") output lines, no key"
exit 0
