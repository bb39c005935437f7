// What loading the extension's code costs, side by side: the shipped build (dist/extension.js and
// the chunks it requires; each feature's chunk loads on its first use) against the same sources
// in one bundle, as they were built before the split (undici beside it in both). Each load runs in
// a fresh Node process with a stand-in for `vscode`; the figure is the time `require()` of the
// entry takes (module evaluation, no activate()), alternating the two variants, medians; plus the
// files and bytes that `require()` evaluated, read from the process's module cache. Part of
// `npm run bench:host`.

import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { build } from 'esbuild';

const LOADS = Number(process.env.BENCH_LOADS ?? 21);
const DIR = path.resolve('out', 'bench-bundle');

// Runs in the child: `vscode` is a proxy that answers every property and call with itself.
const PROBE = `
const Module = require('node:module');
const fs = require('node:fs');
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
const ms = performance.now() - t0;
const files = Object.keys(require.cache).filter((f) => f !== __filename);
const bytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
process.stdout.write(JSON.stringify({ ms, files: files.length, bytes }));
`;

interface Load {
  ms: number;
  files: number;
  bytes: number;
}

function load(probe: string, bundle: string): Load {
  const r = spawnSync(process.execPath, [probe, bundle], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`loading ${bundle} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout) as Load;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

/** The sources in one CommonJS bundle, undici beside it: the build before the split. */
async function singleBundle(): Promise<string> {
  const outfile = path.join(DIR, 'single', 'extension.js');
  await build({
    entryPoints: ['src/extension/extension.ts'],
    bundle: true,
    format: 'cjs',
    minify: true,
    platform: 'node',
    target: 'node20',
    outfile,
    external: ['vscode', 'undici'],
    logLevel: 'error',
  });
  return outfile;
}

/** Prints the comparison; returns the shipped build's bytes evaluated at load. */
export async function bundleLoadComparison(): Promise<number> {
  mkdirSync(DIR, { recursive: true });
  const single = await singleBundle();
  const probe = path.join(DIR, 'probe.js');
  writeFileSync(probe, PROBE);
  const shipped = path.resolve('dist', 'extension.js');
  const runs = { shipped: [] as Load[], single: [] as Load[] };
  for (let i = 0; i < LOADS; i++) {
    runs.shipped.push(load(probe, shipped));
    runs.single.push(load(probe, single));
  }
  const kb = (l: Load): string => `${(l.bytes / 1024).toFixed(0)} KB in ${l.files} file(s)`;
  const s = median(runs.shipped.map((l) => l.ms));
  const n = median(runs.single.map((l) => l.ms));
  console.log(
    `  code evaluated at load in plain Node, median of ${LOADS} alternating loads (require() only):`,
  );
  console.log(`    one bundle, as before the split (${kb(runs.single[0])}): ${n.toFixed(1)} ms`);
  console.log(
    `    shipped, features in chunks loaded on first use (${kb(runs.shipped[0])}): ${s.toFixed(1)} ms (one bundle / shipped: ${(n / s).toFixed(2)}x)`,
  );
  return runs.shipped[0].bytes;
}
