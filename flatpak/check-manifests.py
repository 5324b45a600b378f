#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-manifests.py SOURCE_ROOT: flatpak-builder --show-manifest parses both manifests
without a warning (it drops a misspelt key with one), and what it read is what Debrief
needs: GNOME 49, the debrief command, no wider permissions than the five below, the app as
the only module, built from this tree, tests run, and the .Devel manifest with the
development profile. TAP; skipped when flatpak-builder is absent, unless CI is set."""

import json
import os
import shutil
import subprocess
import sys

FINISH_ARGS = [
    "--share=network",
    "--share=ipc",
    "--socket=fallback-x11",
    "--socket=wayland",
    "--device=dri",
]
BASE_ID = "io.github.debrief.Debrief"

root = sys.argv[1]
flatpak_builder = shutil.which("flatpak-builder")
if flatpak_builder is None:
    if os.environ.get("CI"):
        print("1..1\nnot ok 1 - flatpak-builder is not installed, and CI is set")
        sys.exit(1)
    print("1..0 # SKIP flatpak-builder is not installed")
    sys.exit(0)

checks = []


def check(ok, what):
    checks.append((bool(ok), what))


for app_id, profile in ((BASE_ID, None), (BASE_ID + ".Devel", "development")):
    path = os.path.join(root, "flatpak", app_id + ".json")
    run = subprocess.run([flatpak_builder, "--show-manifest", path],
                         capture_output=True, text=True)
    name = os.path.basename(path)
    check(run.returncode == 0 and not run.stderr.strip(),
          f"{name} parses without a warning"
          + (f": {run.stderr.strip()}" if run.stderr.strip() else ""))
    try:
        m = json.loads(run.stdout)
    except ValueError:
        m = {}
    check(m.get("id") == app_id, f"{name}: id is {app_id}")
    check(m.get("runtime") == "org.gnome.Platform" and m.get("sdk") == "org.gnome.Sdk"
          and m.get("runtime-version") == "49", f"{name}: org.gnome.Platform and Sdk 49")
    check(m.get("command") == "debrief", f"{name}: command is debrief")
    check(m.get("finish-args") == FINISH_ARGS,
          f"{name}: finish-args are exactly {' '.join(FINISH_ARGS)}"
          + ("" if m.get("finish-args") == FINISH_ARGS else f" (got {m.get('finish-args')})"))
    modules = m.get("modules", [])
    mod = modules[0] if len(modules) == 1 and isinstance(modules[0], dict) else {}
    check(mod.get("buildsystem") == "meson" and mod.get("sources", [{}])[0].get("type") == "dir"
          and mod["sources"][0].get("path") == "..",
          f"{name}: the only module is this tree, built with meson")
    check(mod.get("run-tests") is True and mod.get("test-commands"),
          f"{name}: the module runs its tests")
    opts = mod.get("config-opts", [])
    if profile:
        check(f"-Dprofile={profile}" in opts, f"{name}: built with -Dprofile={profile}")
    else:
        check(not any(o.startswith("-Dprofile") for o in opts), f"{name}: the default profile")

print(f"1..{len(checks)}")
for n, (ok, what) in enumerate(checks, 1):
    print(f"{'ok' if ok else 'not ok'} {n} - {what}")
sys.exit(0 if all(ok for ok, _ in checks) else 1)
