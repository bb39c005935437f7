import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CommandIds } from '../../src/extension/commandIds';
import { SettingKeys, configSection } from '../../src/extension/settingKeys';

interface Manifest {
  contributes: {
    commands: { command: string; category?: string }[];
    configuration: {
      properties: Record<
        string,
        { scope?: string; default?: unknown; enum?: unknown[]; enumDescriptions?: unknown[] }
      >;
    };
    keybindings: { command: string; key: string }[];
  };
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

  it('declares exactly the settings the code reads, each with a default', () => {
    const declared = Object.keys(manifest.contributes.configuration.properties).sort();
    assert.deepEqual(
      declared,
      Object.values(SettingKeys)
        .map((k) => `${configSection}.${k}`)
        .sort(),
    );
    for (const [key, p] of Object.entries(manifest.contributes.configuration.properties)) {
      assert.notEqual(p.default, undefined, `${key} has a default`);
      if (p.enumDescriptions)
        assert.equal(p.enumDescriptions.length, p.enum?.length, `${key} describes every value`);
    }
  });

  it('keeps where the key is sent out of workspace reach (application scope)', () => {
    const props = manifest.contributes.configuration.properties;
    assert.equal(props['thinkfast.baseUrl'].scope, 'application');
    assert.equal(props['thinkfast.authHeader'].scope, 'application');
  });

  it('binds only commands that exist', () => {
    const ids = new Set<string>(Object.values(CommandIds));
    for (const k of manifest.contributes.keybindings) assert.ok(ids.has(k.command), k.command);
  });

  it('never activates on startup (`*`)', () => {
    assert.ok(!manifest.activationEvents.includes('*'));
  });
});
