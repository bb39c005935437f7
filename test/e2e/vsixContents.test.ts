import * as assert from 'node:assert/strict';
import { e2e } from './fixture';
import { zipEntries } from './zipEntries';

/** Files a user's VS Code needs; anything else in the package is weight or a leak. */
const runtimeFile = [
  /^package\.json$/,
  // vsce lower-cases the changelog's name and adds .txt to the licence's.
  /^readme\.md$/i,
  /^changelog\.md$/i,
  /^LICENSE(\.txt|\.md)?$/,
  /^dist\/(extension|undici)\.js$/,
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
  });

  it('holds every file the extension loads at runtime', () => {
    const files = new Set(packagedFiles());
    for (const f of [
      'package.json',
      'dist/extension.js',
      'dist/undici.js',
      'dist/webview.js',
      'dist/codicon.css',
      'dist/codicon.ttf',
      'media/thinkfast.svg',
    ]) {
      assert.ok(files.has(f), `${f} is missing from the .vsix`);
    }
  });
});
