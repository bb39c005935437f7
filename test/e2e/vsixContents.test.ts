import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { distModules } from '../host/distModules';
import { repoRoot } from '../host/paths';
import { e2e } from './fixture';
import { zipEntries } from './zipEntries';

/** dist/extension.js and every chunk it loads, at activation or on first use (vsce built them). */
const extensionModules = (): string[] => distModules(path.join(repoRoot, 'dist')).map((f) => `dist/${f}`);

/** Files a user's VS Code needs; anything else in the package is weight or a leak. */
const runtimeFile = [
  /^package\.json$/,
  // vsce lower-cases the changelog's name and adds .txt to the licence's.
  /^readme\.md$/i,
  /^changelog\.md$/i,
  /^LICENSE(\.txt|\.md)?$/,
  // extension.js, undici.js and the chunks the extension loads (checked below to be exactly those).
  /^dist\/[\w-]+\.js$/,
  /^dist\/webview\.js$/,
  /^dist\/webview\.css$/,
  /^dist\/codicon\.(css|ttf)$/,
  /^media\/.+/,
];

/** Everything inside a .vsix lives under extension/, next to two files of vsce's own. */
function packagedFiles(): string[] {
  return zipEntries(e2e().vsix)
    .filter((f) => f !== 'extension.vsixmanifest' && f !== '[Content_Types].xml')
    .map((f) => f.replace(/^extension\//, ''));
}

describe('the .vsix', () => {
  it('holds only runtime files (no sources, tests, maps or node_modules)', () => {
    const files = packagedFiles();
    console.log(`      packaged: ${files.join(', ')}`);
    assert.deepEqual(
      files.filter((f) => !runtimeFile.some((r) => r.test(f))),
      [],
    );
    const loaded = new Set([...extensionModules(), 'dist/webview.js']);
    assert.deepEqual(
      files.filter((f) => /^dist\/.*\.js$/.test(f) && !loaded.has(f)),
      [],
      'scripts in the .vsix that nothing loads',
    );
  });

  it('holds every file the extension loads at runtime', () => {
    const files = new Set(packagedFiles());
    const modules = extensionModules();
    // The chat, the pickers, the key commands and the refactor each load from their own chunk.
    assert.ok(modules.length > 4, `the extension loads its features from chunks: ${modules.join(', ')}`);
    for (const f of [
      'package.json',
      ...modules,
      'dist/undici.js',
      'dist/webview.js',
      'dist/codicon.css',
      'dist/codicon.ttf',
      'media/thinkfast.svg',
    ]) {
      assert.ok(files.has(f), `${f} is missing from the .vsix`);
    }
  });

  it('runs every chunk of the extension in strict mode, as the ESM it was built from', () => {
    // undici.js is undici's own CommonJS, bundled as it is.
    const chunks = extensionModules().filter((f) => f !== 'dist/undici.js');
    const sloppy = chunks.filter(
      (f) => !fs.readFileSync(path.join(repoRoot, f), 'utf8').startsWith('"use strict";'),
    );
    assert.deepEqual(sloppy, [], 'chunks without the "use strict" directive first');
  });
});
