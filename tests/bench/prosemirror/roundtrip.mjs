// SPDX-License-Identifier: GPL-3.0-or-later
// ProseMirror's round trip of an ADF document with Atlassian's schema, the figure
// tests/bench-adf.sh divides Debrief's by: JSON.parse, Node.fromJSON, toJSON, JSON.stringify.
// Usage: node roundtrip.mjs FILE [RUNS]; prints one JSON object of medians in ms.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// The prosemirror-model that @atlaskit/adf-schema builds its schema with (Atlassian pins it
// through @atlaskit/editor-prosemirror); a second copy of prosemirror-model would refuse the
// schema's nodes ("multiple versions of prosemirror-model were loaded").
const { Node } = require('@atlaskit/editor-prosemirror/model');
const { defaultSchema } = require('@atlaskit/adf-schema/schema-default');

const [file, runsArg] = process.argv.slice(2);
const runs = Math.max(1, Number(runsArg ?? 7));
const text = readFileSync(file, 'utf8');
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const phases = { parse: [], fromJSON: [], toJSON: [], stringify: [], total: [], total_cpu: [] };
let size = 0;
for (let i = 0; i < runs; i++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const json = JSON.parse(text);
  const t1 = performance.now();
  const doc = Node.fromJSON(defaultSchema, json);
  const t2 = performance.now();
  const back = doc.toJSON();
  const t3 = performance.now();
  const c = process.cpuUsage(c0);
  const out = JSON.stringify(back);
  const t4 = performance.now();
  size = out.length;
  phases.parse.push(t1 - t0);
  phases.fromJSON.push(t2 - t1);
  phases.toJSON.push(t3 - t2);
  phases.stringify.push(t4 - t3);
  // Text to document model and back: JSON.parse, fromJSON, toJSON (stringify apart)
  phases.total.push(t3 - t0);
  // every thread of the process (the JIT and GC helpers work for it too), in ms
  phases.total_cpu.push((c.user + c.system) / 1000);
}
const result = { size };
for (const [name, xs] of Object.entries(phases)) result[name] = median(xs);
console.log(JSON.stringify(result));
