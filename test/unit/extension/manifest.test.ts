import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CommandIds } from '../../../src/extension/commandIds';
import { SettingTable, configSection } from '../../../src/extension/settings/settingsTable';

interface Manifest {
  contributes: {
    commands: { command: string; category?: string }[];
    configuration: {
      properties: Record<
        string,
        {
          type?: string;
          scope?: string;
          default?: unknown;
          enum?: unknown[];
          enumDescriptions?: unknown[];
          minimum?: number;
          maximum?: number;
        }
      >;
    };
    keybindings: { command: string; key: string }[];
  };
  activationEvents: string[];
  main: string;
}

const manifest = JSON.parse(
  readFileSync(join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8'),
) as Manifest;

describe('package.json manifest', () => {
  it('declares exactly the commands the code registers', () => {
    const declared = manifest.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(declared, Object.values(CommandIds).sort());
  });

  it('puts every command in the Thinkfast category of the palette', () => {
    for (const c of manifest.contributes.commands) assert.equal(c.category, 'Thinkfast', c.command);
  });

  it('declares exactly the settings of the table, each with its type, default, values and scope', () => {
    const props = manifest.contributes.configuration.properties;
    const table = Object.values(SettingTable);
    assert.deepEqual(
      Object.keys(props).sort(),
      table.map((s) => `${configSection}.${s.key}`).sort(),
      'no setting only in package.json or only in the table',
    );
    for (const spec of table) {
      const key = `${configSection}.${spec.key}`;
      const p = props[key];
      if (p.enumDescriptions)
        assert.equal(p.enumDescriptions.length, p.enum?.length, `${key} describes every value`);
      assert.equal(p.type, spec.type, `${key} type`);
      assert.deepEqual(p.default, spec.default, `${key} default`);
      assert.deepEqual(p.enum, 'enum' in spec ? spec.enum : undefined, `${key} values`);
      assert.equal(p.scope, 'scope' in spec ? spec.scope : undefined, `${key} scope`);
      assert.equal(p.minimum, 'minimum' in spec ? spec.minimum : undefined, `${key} minimum`);
      assert.equal(p.maximum, 'maximum' in spec ? spec.maximum : undefined, `${key} maximum`);
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

  it('activates once the editor has started (status-bar items), never on `*`', () => {
    assert.deepEqual(manifest.activationEvents, ['onStartupFinished']);
  });
});
