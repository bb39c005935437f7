import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { waitFor } from './simulatorSession';
import { activateThinkfast, extensionId, type ThinkfastTestApi } from './thinkfastExtension';

interface Manifest {
  contributes: { commands: { command: string }[] };
}

/** The extension's dist/ files this extension host has evaluated so far (one module cache per host). */
function evaluatedDistFiles(extension: vscode.Extension<unknown>): string[] {
  const dist = path.join(extension.extensionPath, 'dist') + path.sep;
  return Object.keys(require.cache)
    .filter((f) => f.startsWith(dist))
    .map((f) => f.slice(dist.length));
}

describe('activation', () => {
  it('activates once the editor has started, without a view or command, and shows the status bar', async () => {
    // Runs first: nothing has opened the chat or run a command yet (onStartupFinished, not `*`).
    const extension = vscode.extensions.getExtension<ThinkfastTestApi>(extensionId);
    assert.ok(extension, `${extensionId} is installed`);
    await waitFor(() => extension.isActive, 'activation on startup', 30_000);
    const { speed, effort, model } = extension.exports.statusBar.snapshot();
    for (const item of [speed, effort, model]) assert.notEqual(item.text, '');
    // Not a pass/fail figure: the activation time, for the record (see ARCHITECTURE.md).
    const { ms, loadMs, activateMs, hostWaitMs } = extension.exports.activation;
    console.log(
      `[activation] ${ms} ms = load ${loadMs} ms + activate ${activateMs} ms (the host waited ${hostWaitMs} ms between them)`,
    );
    const files = evaluatedDistFiles(extension);
    const kb = files.reduce(
      (sum, f) => sum + fs.statSync(path.join(extension.extensionPath, 'dist', f)).size,
      0,
    );
    console.log(`[activation] evaluated ${(kb / 1024).toFixed(0)} KB: ${files.join(', ')}`);
    assert.ok(files.includes('extension.js'), files.join(', '));
    // Nothing has run a refactor: its code (and undici's) is not loaded.
    assert.deepEqual(
      files.filter((f) => f.startsWith('refactorCommand') || f === 'undici.js'),
      [],
    );
  });

  it('runs commands fired before their feature has loaded, each one, once it is there', async () => {
    const extension = await activateThinkfast();
    assert.ok(!evaluatedDistFiles(extension).some((f) => f.startsWith('refactorCommand')), 'not loaded yet');
    // With no editor open Refactor Selection answers at once; both calls land in the stand-in.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const outcomes = await Promise.all([
      vscode.commands.executeCommand<{ outcome: string }>('thinkfast.refactorSelection'),
      vscode.commands.executeCommand<{ outcome: string }>('thinkfast.refactorSelection'),
    ]);
    assert.deepEqual(
      outcomes.map((o) => o?.outcome),
      ['unavailable', 'unavailable'],
    );
    assert.ok(
      evaluatedDistFiles(extension).some((f) => f.startsWith('refactorCommand')),
      'loaded by the first call',
    );
  });

  it('activates without throwing', async () => {
    const extension = await activateThinkfast();
    assert.equal(extension.isActive, true);
  });

  it('registers every command that package.json contributes', async () => {
    const extension = await activateThinkfast();
    const manifest = extension.packageJSON as Manifest;
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = manifest.contributes.commands.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `${extensionId} declares commands it never registers`);
  });
});
