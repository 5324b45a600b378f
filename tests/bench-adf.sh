#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# tests/bench-adf.sh [BUILD_DIR] [RUNS]: ADF → AdfBuffer → ADF on a generated ~1 MB document,
# and on the same file in the same run ProseMirror's round trip (prosemirror-model with
# @atlaskit/adf-schema, installed here from the npm registry with npm ci), then Debrief's time
# divided by ProseMirror's. Run on demand; not part of the test suite.
#
# Both sides go from the JSON text to the document model and back to a document: Debrief
# parses, validates and loads an AdfBuffer (adf_buffer_load_data) and writes ADF
# (adf_buffer_write); ProseMirror does JSON.parse, Node.fromJSON and toJSON. Serializing
# (adf_to_json, JSON.stringify) is timed apart and left out of the ratios. The
# two alternate ROUNDS times so that a busy machine slows both alike; each figure is a median.
# The last line, ratio_debrief_over_prosemirror, is the goal (below 1.0): wall time, end to
# end. ratio_cpu_… divides processor time instead, steadier on a shared machine;
# ratio_model_… compares the document models alone (load + write vs fromJSON + toJSON).
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$top/_build}" && pwd)
runs=${2:-7}
rounds=3
work=$build/bench-adf
bench=$build/tests/bench-adf

say() { printf '%s\n' "$*" >&2; }

[ -x "$bench" ] || { say "no $bench: build first (ninja -C $build)"; exit 1; }
# AdfBuffer is a GtkTextBuffer: GTK needs a display, even for a buffer no one sees.
[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || {
  say "no display: run it as xvfb-run -a sh $0 ${1:-_build} $runs"; exit 1; }
command -v node >/dev/null && command -v npm >/dev/null || { say "node and npm are needed"; exit 1; }

mkdir -p "$work/prosemirror"
cp "$top/tests/bench/prosemirror/package.json" "$top/tests/bench/prosemirror/package-lock.json" \
   "$top/tests/bench/prosemirror/roundtrip.mjs" "$work/prosemirror/"
if [ ! -d "$work/prosemirror/node_modules/@atlaskit/adf-schema" ]; then
  say "Installing ProseMirror and @atlaskit/adf-schema (npm ci)"
  (cd "$work/prosemirror" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi

doc=$work/doc.json
"$bench" generate "$doc" 1024

# Medians of the medians over the rounds, and the ratio of the two totals.
tmp=$work/results
: > "$tmp"
i=0
while [ $i -lt $rounds ]; do
  "$bench" run "$doc" "$runs" | sed "s/^/C /" >> "$tmp"
  node "$work/prosemirror/roundtrip.mjs" "$doc" "$runs" | sed "s/^/PM /" >> "$tmp"
  i=$((i + 1))
done

python3 - "$tmp" <<'PY'
import json, statistics, sys
c, pm = {}, {}
for line in open(sys.argv[1]):
    side, rest = line.split(" ", 1)
    if side == "C":
        _, name, value, unit = rest.split()
        c.setdefault((name, unit), []).append(float(value))
    else:
        for name, value in json.loads(rest).items():
            pm.setdefault(name, []).append(float(value))
med = {name: statistics.median(v) for (name, unit), v in c.items()}
for (name, unit) in c:
    print(f"BENCH {name} {med[name]:.2f} {unit}" if unit == "ms" else f"BENCH {name} {med[name]:.0f} {unit}")
pmed = {name: statistics.median(v) for name, v in pm.items()}
for name in ("parse", "fromJSON", "toJSON", "stringify", "total", "total_cpu"):
    print(f"BENCH prosemirror_{name} {pmed[name]:.2f} ms")
# Text → model → doc: adf_buffer_load_data + adf_buffer_write against JSON.parse + fromJSON + toJSON
print(f"BENCH ratio_model_debrief_over_prosemirror {(med['adf_buffer_load'] + med['adf_buffer_write']) / (pmed['fromJSON'] + pmed['toJSON']):.3f} ratio")
print(f"BENCH ratio_cpu_debrief_over_prosemirror {med['adf_roundtrip_total_cpu'] / pmed['total_cpu']:.3f} ratio")
print(f"BENCH ratio_debrief_over_prosemirror {med['adf_roundtrip_total'] / pmed['total']:.3f} ratio")
PY
