// What loading the extension bundle costs, side by side: the shipped dist/extension.js (undici in
// its own file, loaded on the first request) against the same sources built with undici inside
// the bundle, as before. Each load runs in a fresh Node process with a stand-in for `vscode`;
// the figure is the time `require()` of the bundle takes (module evaluation, no activate()),
// alternating the two variants, medians. Part of `npm run bench:host`.

import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { build } from 'esbuild';

const LOADS = Number(process.env.BENCH_LOADS ?? 21);
const DIR = path.resolve('out', 'bench-bundle');

// Runs in the child: `vscode` is a proxy that answers every property and call with itself.
const PROBE = `
const Module = require('node:module');
const load = Module._load;
const stub = new Proxy(function () {}, {
  get: (_t, k) => (k === 'then' ? undefined : stub),
  apply: () => stub,
  construct: () => stub,
});
Module._load = function (request, ...rest) {
  return request === 'vscode' ? stub : load.call(this, request, ...rest);
};
const t0 = performance.now();
require(process.argv[2]);
process.stdout.write(String(performance.now() - t0));
`;

function loadMs(probe: string, bundle: string): number {
  const r = spawnSync(process.execPath, [probe, bundle], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`loading ${bundle} failed:\n${r.stderr}`);
  return Number(r.stdout);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

export async function bundleLoadComparison(): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  const inline = path.join(DIR, 'extension-inline.js');
  await build({
    entryPoints: ['src/extension/extension.ts'],
    bundle: true,
    format: 'cjs',
    minify: true,
    platform: 'node',
    target: 'node20',
    outfile: inline,
    external: ['vscode'],
    logLevel: 'error',
  });
  const probe = path.join(DIR, 'probe.js');
  writeFileSync(probe, PROBE);
  const shipped = path.resolve('dist', 'extension.js');
  const kb = (f: string): string => `${(statSync(f).size / 1024).toFixed(0)} KB`;
  const times = { shipped: [] as number[], inline: [] as number[] };
  for (let i = 0; i < LOADS; i++) {
    times.shipped.push(loadMs(probe, shipped));
    times.inline.push(loadMs(probe, inline));
  }
  const s = median(times.shipped);
  const n = median(times.inline);
  console.log(
    `  bundle load in plain Node, median of ${LOADS} alternating loads (require() only, no activate):`,
  );
  console.log(`    undici inside the bundle (${kb(inline)}): ${n.toFixed(1)} ms`);
  console.log(
    `    shipped, undici beside it (${kb(shipped)}): ${s.toFixed(1)} ms → ${(n / s).toFixed(2)}x less`,
  );
}
