#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# adf-tool roundtrip: every valid sample comes back JSON-equal; every invalid one exits 1 with
# the error on stderr and nothing on stdout.
# Usage: test-adf-tool-roundtrip.sh ADF_TOOL SAMPLES_DIR
set -u
tool=$1
samples=$2
status=0
n=0
for f in "$samples"/*.json; do
  n=$((n + 1))
  name=$(basename "$f")
  out=$("$tool" roundtrip "$f" 2>/tmp/adf-tool-err.$$)
  code=$?
  case "$name" in
    INVALID-unknown-node-type-*)
      # Unknown node types are islands for the buffer: kept, not refused.
      expect=0 ;;
    INVALID-*) expect=1 ;;
    *) expect=0 ;;
  esac
  if [ $code -ne $expect ]; then
    echo "not ok $n $name: exit $code, expected $expect: $(cat /tmp/adf-tool-err.$$)"
    status=1
  elif [ $expect -eq 1 ]; then
    if [ -n "$out" ] || [ ! -s /tmp/adf-tool-err.$$ ]; then
      echo "not ok $n $name: an invalid file must print its error only"
      status=1
    else
      echo "ok $n $name rejected: $(head -c 200 /tmp/adf-tool-err.$$)"
    fi
  elif printf '%s' "$out" | python3 -c '
import json, sys
def load(t):
    d = json.loads(t)
    return json.loads(d) if isinstance(d, str) else d
a = load(sys.stdin.read())
b = load(open(sys.argv[1]).read())
sys.exit(0 if a == b else 1)' "$f"; then
    echo "ok $n $name"
  else
    echo "not ok $n $name: written ADF differs"
    status=1
  fi
done
rm -f /tmp/adf-tool-err.$$
echo "1..$n"
exit $status
