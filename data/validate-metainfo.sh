#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# validate-metainfo.sh APPSTREAMCLI METAINFO: fails when appstreamcli finds an error or a
# warning. appstreamcli 0.16 already exits non-zero on warnings; the grep keeps the rule when
# a version or an option does not. Infos and pedantic hints pass (0.16 knows no <developer>).
set -u
appstreamcli=${1:?usage: validate-metainfo.sh APPSTREAMCLI METAINFO}
metainfo=${2:?usage: validate-metainfo.sh APPSTREAMCLI METAINFO}
out=$("$appstreamcli" validate --no-net --explain "$metainfo" 2>&1)
status=$?
printf '%s\n' "$out"
if [ $status -ne 0 ]; then
  echo "appstreamcli failed ($status)"
  exit 1
fi
if printf '%s\n' "$out" | grep -qE '^[WE]: '; then
  echo "appstreamcli reported errors or warnings"
  exit 1
fi
exit 0
