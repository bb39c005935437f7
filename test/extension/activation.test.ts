import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateThinkfast, extensionId } from './thinkfastExtension';

interface Manifest {
  contributes: { commands: { command: string }[] };
}

describe('activation', () => {
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
