#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-icons.py ICONS_DIR: the app icons are what the hicolor theme and GTK expect. The
full-colour icons (regular and .Devel) are 128x128 canvases; the symbolic one is a 16x16
canvas drawn with fills of #2e3436 alone, since GTK recolours a symbolic icon by replacing
its fills (a stroke-only path would come out filled, another colour would stay). TAP."""

import os
import re
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
apps = os.path.join(sys.argv[1], "hicolor")
checks = []


def canvas(path):
    root = ET.parse(path).getroot()
    return root, (root.get("width"), root.get("height"), root.get("viewBox"))


for name in ("io.github.debrief.Debrief.svg", "io.github.debrief.Debrief.Devel.svg"):
    root, size = canvas(os.path.join(apps, "scalable", "apps", name))
    checks.append((size == ("128", "128", "0 0 128 128"), f"{name} is a 128x128 canvas"))

name = "io.github.debrief.Debrief-symbolic.svg"
root, size = canvas(os.path.join(apps, "symbolic", "apps", name))
checks.append((size == ("16", "16", "0 0 16 16"), f"{name} is a 16x16 canvas"))
shapes = [e for e in root.iter() if e.tag[len(SVG):] in ("path", "rect", "circle", "ellipse",
                                                          "polygon")]
bad = [e.tag[len(SVG):] for e in shapes
       if e.get("fill", "").lower() != "#2e3436" or e.get("stroke") not in (None, "none")
       or re.search(r"stroke|fill", e.get("style", ""))]
checks.append((shapes and not bad, f"{name} is drawn with #2e3436 fills alone"
               + (f" (not: {', '.join(bad)})" if bad else "")))

print(f"1..{len(checks)}")
for n, (ok, what) in enumerate(checks, 1):
    print(f"{'ok' if ok else 'not ok'} {n} - {what}")
sys.exit(0 if all(ok for ok, _ in checks) else 1)
