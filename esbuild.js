// Builds the two runtime bundles (and, with --tests, the test tree).
//   node esbuild.js               dist/extension.js + dist/webview.js (with sourcemaps)
//   node esbuild.js --production  minified, no sourcemaps: what the .vsix ships
//   node esbuild.js --watch       rebuild on change
//   node esbuild.js --tests       transpile src/ and test/ into out/ for mocha and the test hosts
//   node esbuild.js --tests PATH… only the files under the given paths (for quick iteration)
'use strict';
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const selected = (f) => only.length === 0 || only.some((p) => f.startsWith(path.normalize(p)));

/** Reports build results in the `$esbuild-watch` problem-matcher format. */
const reporter = {
  name: 'reporter',
  setup(build) {
    build.onStart(() => {
      if (watch) console.log('[watch] build started');
    });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      if (watch) console.log('[watch] build finished');
    });
  },
};

/**
 * In the extension bundle, `require('undici')` becomes `require('./undici.js')`: undici is built into
 * its own file beside the bundle and loaded with the first HTTP client, not at activation.
 */
const undiciBeside = {
  name: 'undici-beside',
  setup(build) {
    build.onResolve({ filter: /^undici$/ }, () => ({ path: './undici.js', external: true }));
  },
};

/**
 * The first line of each chunk: strict mode, as the ESM it was (esbuild's conversion adds no
 * directive); in dist/extension.js also where the activation clock starts (activationClock.ts).
 */
const strict = '"use strict";';
const loadStart = 'var thinkfastLoadStart = performance.now();';

/**
 * Writes each ESM output of the split build as CommonJS, the module format the extension host
 * loads: `import` becomes `require`, `import()` becomes a `require` when the promise runs, and
 * `vscode` stays a `require("vscode")`. Source maps carry through (the ESM is converted with its
 * inline map).
 */
const chunksToCjs = {
  name: 'chunks-to-cjs',
  setup(build) {
    build.onEnd(async (result) => {
      if (result.errors.length > 0 || !result.outputFiles) return;
      fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
      for (const file of result.outputFiles) {
        if (!file.path.endsWith('.js')) continue;
        const entry = path.basename(file.path) === 'extension.js';
        const cjs = await esbuild.transform(file.text, {
          format: 'cjs',
          platform: 'node',
          target: 'node20',
          supported: { 'dynamic-import': false },
          minify: production,
          sourcemap: production ? false : 'external',
          sourcefile: path.basename(file.path),
          banner: entry ? `${strict}${loadStart}` : strict,
        });
        const map = cjs.map ? `\n//# sourceMappingURL=${path.basename(file.path)}.map\n` : '';
        fs.writeFileSync(file.path, cjs.code + map);
        if (cjs.map) fs.writeFileSync(`${file.path}.map`, cjs.map);
      }
    });
  },
};

/** Copies the codicon font and stylesheet next to the webview bundle (localResourceRoots = dist, media). */
function copyCodicons() {
  const from = path.join(__dirname, 'node_modules', '@vscode', 'codicons', 'dist');
  fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) {
    fs.copyFileSync(path.join(from, file), path.join(__dirname, 'dist', file));
  }
}

function walk(dir, accept, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, accept, out);
    else if (accept(full)) out.push(full);
  }
  return out;
}

const isTs = (f) => f.endsWith('.ts') && !f.endsWith('.d.ts');
const isBrowserPage = (f) => f.split(path.sep).join('/').includes('test/webview/page/');

async function main() {
  if (!tests) fs.rmSync(path.join(__dirname, 'dist'), { recursive: true, force: true });
  const contexts = [];
  if (tests) {
    // Node-side code: transpiled file by file so mocha and the extension host load out/ as-is.
    const nodeFiles = [
      ...walk('src', (f) => isTs(f) && !f.startsWith(path.join('src', 'webview'))),
      ...walk('test', (f) => isTs(f) && !isBrowserPage(f)),
    ].filter(selected);
    contexts.push(
      await esbuild.context({
        entryPoints: nodeFiles,
        outdir: 'out',
        outbase: '.',
        format: 'cjs',
        platform: 'node',
        target: 'node20',
        sourcemap: 'inline',
        logLevel: 'warning',
        plugins: [reporter],
      }),
    );
    // Browser pages the webview suite and the render benchmark load into Chromium.
    const pages = walk(path.join('test', 'webview', 'page'), isTs).filter(selected);
    if (pages.length > 0) {
      contexts.push(
        await esbuild.context({
          entryPoints: pages,
          bundle: true,
          outdir: 'out',
          outbase: '.',
          format: 'iife',
          platform: 'browser',
          target: 'es2022',
          sourcemap: 'inline',
          logLevel: 'warning',
          plugins: [reporter],
        }),
      );
    }
  } else {
    copyCodicons();
    contexts.push(
      // The extension in chunks: what activation needs in dist/extension.js (and the chunks it
      // requires), each feature's code in its own chunk loaded on first use (see lazyFeature.ts).
      // esbuild splits only ESM, so the chunks are built as ESM in memory and converted to CJS.
      await esbuild.context({
        entryPoints: ['src/extension/extension.ts'],
        bundle: true,
        format: 'esm',
        splitting: true,
        write: false,
        minify: production,
        sourcemap: production ? false : 'inline',
        sourcesContent: false,
        platform: 'node',
        target: 'node20',
        outdir: 'dist',
        entryNames: '[name]',
        chunkNames: '[name]-[hash]',
        external: ['vscode'],
        logLevel: 'warning',
        plugins: [reporter, undiciBeside, chunksToCjs],
      }),
      await esbuild.context({
        entryPoints: [require.resolve('undici')],
        bundle: true,
        format: 'cjs',
        minify: production,
        sourcemap: false,
        platform: 'node',
        target: 'node20',
        outfile: 'dist/undici.js',
        logLevel: 'warning',
        plugins: [reporter],
      }),
      await esbuild.context({
        entryPoints: ['src/webview/main.ts'],
        bundle: true,
        format: 'iife',
        minify: production,
        sourcemap: !production,
        sourcesContent: false,
        platform: 'browser',
        target: 'es2022',
        outfile: 'dist/webview.js',
        logLevel: 'warning',
        plugins: [reporter],
      }),
    );
  }
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
  } else {
    await Promise.all(contexts.map((c) => c.rebuild()));
    await Promise.all(contexts.map((c) => c.dispose()));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
