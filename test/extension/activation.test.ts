import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from './simulatorSession';
import { activateThinkfast, extensionId, type ThinkfastTestApi } from './thinkfastExtension';

interface Manifest {
  contributes: { commands: { command: string }[] };
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
    console.log(
      `[activation] ${extension.exports.activationMs} ms from loading the bundle to the end of activate()`,
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
