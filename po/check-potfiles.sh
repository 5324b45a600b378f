#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a source or .ui file with translatable strings is missing from POTFILES.in, or
# when POTFILES.in names a file that does not exist.
set -u
cd "${1:?usage: check-potfiles.sh SOURCE_ROOT}" || exit 1
status=0
listed=$(grep -v '^#' po/POTFILES.in | grep -v '^$')
for f in $listed; do
  [ -f "$f" ] || { echo "POTFILES.in names $f, which does not exist"; status=1; }
done
for f in $(grep -rlE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|g_dngettext|ngettext) ?\(' --include='*.c' src) \
         $(grep -rl 'translatable="yes"' --include='*.ui' src); do
  echo "$listed" | grep -qx "$f" || { echo "$f has translatable strings and is not in po/POTFILES.in"; status=1; }
done
[ $status -eq 0 ] && echo "POTFILES.in lists $(echo "$listed" | wc -l) files, none missing"
exit $status
