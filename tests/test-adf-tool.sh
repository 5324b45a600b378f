#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# adf-tool from the shell, as a developer uses it: exit codes, OK/INVALID lines, stdin, exports.
# Usage: test-adf-tool.sh ADF_TOOL SOURCE_TESTS_DIR
set -u
tool=${1:?adf-tool}
dir=${2:?tests dir}
n=0
fail=0
check() { # check DESCRIPTION CONDITION...
  n=$((n + 1))
  desc=$1
  shift
  if "$@"; then echo "ok $n $desc"; else echo "not ok $n $desc"; fail=1; fi
}

out=$("$tool" validate "$dir"/adf/samples/[a-z]*.json "$dir"/adf/validator/tests/valid/*.json)
check "validate: every valid sample OK, exit 0" test $? -eq 0
check "validate: no INVALID line for valid samples" sh -c "! printf '%s\n' \"\$1\" | grep -q '^INVALID'" _ "$out"

out=$("$tool" validate "$dir"/adf/samples/INVALID-*.json "$dir"/adf/validator/tests/valid/empty-doc.json)
check "validate: exit 1 when any file is invalid" test $? -eq 1
check "validate: one INVALID line per invalid file, with the path" \
  test "$(printf '%s\n' "$out" | grep -c '^INVALID .*: content\[')" -eq 4
check "validate: the valid one still OK" sh -c "printf '%s\n' \"\$1\" | grep -q '^OK .*empty-doc.json'" _ "$out"

out=$(printf '%s' '{"version":1,"type":"doc","content":[{"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"Hi *there*"}]}]}' | "$tool" markdown -)
check "markdown: stdin, escaped heading" test "$out" = '## Hi \*there\*'

out=$(printf '%s' '{"version":1,"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"<b>"}]}]}' | "$tool" html -)
check "html: escaped" test "$out" = '<p>&lt;b&gt;</p>'

out=$("$tool" text "$dir"/adf/samples/opsgenie-postmortem-template-leadup-as-json-string.json)
check "text: the API's string form" test $? -eq 0

err=$("$tool" markdown "$dir"/adf/validator/tests/invalid/heading7.json 2>&1 >/dev/null)
check "markdown: exit 1 and the error on invalid input" test $? -eq 1
check "markdown: the error names the path and rule" \
  sh -c "printf '%s' \"\$1\" | grep -q 'content\[0\]: heading level 7 outside 1–6'" _ "$err"

"$tool" frobnicate >/dev/null 2>&1
check "unknown command: usage, exit 2" test $? -eq 2

echo "1..$n"
exit $fail
