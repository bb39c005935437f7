import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CommandIds } from '../../src/extension/commandIds';

interface Manifest {
  contributes: { commands: { command: string; category?: string }[] };
  activationEvents: string[];
  main: string;
}

const manifest = JSON.parse(
  readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'),
) as Manifest;

describe('package.json manifest', () => {
  it('declares exactly the commands the code registers', () => {
    const declared = manifest.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(declared, Object.values(CommandIds).sort());
  });

  it('puts every command in the Thinkfast category of the palette', () => {
    for (const c of manifest.contributes.commands) assert.equal(c.category, 'Thinkfast', c.command);
  });

  it('never activates on startup (`*`)', () => {
    assert.ok(!manifest.activationEvents.includes('*'));
  });
});
