// The extension's runtime files in dist/ as the code names them: dist/extension.js and every file
// it loads, statically or on first use, followed through each file's `require("./x.js")` (also
// esbuild's `__require`, minified or not). The .vsix test checks that each one is packaged.

import * as fs from 'node:fs';
import * as path from 'node:path';

/** A call with a "./name.js" literal: how the bundles load their chunks and undici. */
const localLoad = /\(\s*["']\.\/([\w.-]+\.js)["']\s*\)/g;

/** Every dist/ file reachable from `entry` (file names relative to `dist`, the entry first). */
export function distModules(dist: string, entry = 'extension.js'): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = fs.readFileSync(path.join(dist, file), 'utf8');
    for (const m of text.matchAll(localLoad)) visit(m[1]);
  };
  visit(entry);
  return [...seen];
}
