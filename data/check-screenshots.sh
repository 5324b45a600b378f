#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# check-screenshots.sh SOURCE_ROOT METAINFO: every screenshot the metainfo shows is a file
# of this repository (the URLs point at data/screenshots/ on the main branch). Skipped while
# data/screenshots/ does not exist yet; fails when it does and a name is not in it.
set -u
root=${1:?usage: check-screenshots.sh SOURCE_ROOT METAINFO}
metainfo=${2:?usage: check-screenshots.sh SOURCE_ROOT METAINFO}
prefix=https://raw.githubusercontent.com/debrief/debrief/main/

if [ ! -d "$root/data/screenshots" ]; then
  echo "1..0 # SKIP data/screenshots/ does not exist yet"
  exit 0
fi
images=$(sed -n 's|.*<image>\(.*\)</image>.*|\1|p' "$metainfo")
echo "1..$(printf '%s\n' "$images" | grep -c .)"
n=0 status=0
for url in $images; do
  n=$((n + 1))
  case $url in
    "$prefix"*) file=${url#"$prefix"} ;;
    *) echo "not ok $n - $url is not a file of this repository"; status=1; continue ;;
  esac
  if [ -f "$root/$file" ]; then
    echo "ok $n - $file"
  else
    echo "not ok $n - $file does not exist"
    status=1
  fi
done
exit $status
