#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# check-install.sh MESON BUILD_ROOT SOURCE_ROOT APP_ID BINDIR DATADIR LOCALEDIR
# Installs the build (already built: --no-rebuild) into a temporary DESTDIR, lists what was
# installed and checks, as TAP, that every file a desktop needs is where it looks for it, and
# that appstreamcli validate-tree accepts the installed tree.
# The directories are the absolute ones of the build's prefix.
set -u
meson=$1 build=$2 src=$3 app_id=$4 bindir=$5 datadir=$6 localedir=$7

dest=$(mktemp -d "${TMPDIR:-/tmp}/debrief-install.XXXXXX") || exit 1
trap 'rm -rf "$dest"' EXIT

if ! "$meson" install -C "$build" --no-rebuild --quiet --destdir "$dest" >"$dest.log" 2>&1; then
  echo "Bail out! meson install failed:"
  sed 's/^/# /' "$dest.log"
  rm -f "$dest.log"
  exit 1
fi
rm -f "$dest.log"

echo "# installed into $dest:"
(cd "$dest" && find . -type f | sort | sed 's/^\./# /')

expected="$bindir/debrief
$datadir/applications/$app_id.desktop
$datadir/dbus-1/services/$app_id.service
$datadir/metainfo/$app_id.metainfo.xml
$datadir/glib-2.0/schemas/$app_id.gschema.xml
$datadir/icons/hicolor/scalable/apps/$app_id.svg
$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
for lang in $(sed 's/#.*//' "$src/po/LINGUAS"); do
  expected="$expected
$localedir/$lang/LC_MESSAGES/debrief.mo"
done

n=0 status=0
plan=$(printf '%s\n' "$expected" | wc -l)
echo "1..$((plan + 3))"
for f in $expected; do
  n=$((n + 1))
  if [ -f "$dest$f" ]; then
    echo "ok $n - $f"
  else
    echo "not ok $n - $f is not installed"
    status=1
  fi
done

# The session bus starts the installed binary by the service file's Exec line, and the
# desktop entry names the service by its file name and the icon by the app id.
n=$((n + 1))
if grep -qx "Exec=$bindir/debrief --gapplication-service" \
     "$dest$datadir/dbus-1/services/$app_id.service" 2>/dev/null \
   && grep -qx "Name=$app_id" "$dest$datadir/dbus-1/services/$app_id.service"; then
  echo "ok $n - the service file starts $bindir/debrief as $app_id"
else
  echo "not ok $n - the service file does not start $bindir/debrief as $app_id"
  status=1
fi
n=$((n + 1))
if grep -qx "Icon=$app_id" "$dest$datadir/applications/$app_id.desktop" 2>/dev/null \
   && grep -qx "DBusActivatable=true" "$dest$datadir/applications/$app_id.desktop"; then
  echo "ok $n - the desktop entry is D-Bus activatable and shows the $app_id icon"
else
  echo "not ok $n - the desktop entry is not D-Bus activatable with the $app_id icon"
  status=1
fi

# The installed tree as a software centre reads it: the metainfo finds its desktop entry.
n=$((n + 1))
prefix_dir=${datadir%/*}
if ! command -v appstreamcli >/dev/null 2>&1; then
  echo "ok $n # SKIP appstreamcli is not installed"
elif out=$(appstreamcli validate-tree --no-net "$dest$prefix_dir" 2>&1) \
     && ! printf '%s\n' "$out" | grep -qE '^ *[WE]: '; then
  echo "ok $n - appstreamcli validate-tree accepts the installed tree"
else
  echo "not ok $n - appstreamcli validate-tree rejects the installed tree:"
  printf '%s\n' "$out" | sed 's/^/# /'
  status=1
fi
exit $status
