import * as assert from 'node:assert/strict';
import { ConfigSnapshot, type ConfigSource } from '../../../src/extension/settings/configSnapshot';
import { SettingTable } from '../../../src/extension/settings/settingsTable';

/** A source with workspace values over user values; `trusted` says whether the workspace counts. */
function source(
  user: Record<string, unknown>,
  workspace: Record<string, unknown> = {},
  trusted = true,
): ConfigSource {
  return {
    get: (key) => workspace[key] ?? user[key],
    user: (key) => user[key],
    trusted: (key) => (trusted ? (workspace[key] ?? user[key]) : user[key]),
  };
}

describe('ConfigSnapshot', () => {
  it('takes every default from the settings table', () => {
    const c = new ConfigSnapshot(source({}));
    assert.equal(c.model, SettingTable.model.default);
    assert.equal(c.effort, SettingTable.effort.default);
    assert.equal(c.maxTokens, SettingTable.maxTokens.default);
    assert.equal(c.connectTimeoutMs, SettingTable.connectTimeoutSeconds.default * 1000);
    assert.equal(c.idleTimeoutMs, SettingTable.idleTimeoutSeconds.default * 1000);
    assert.equal(c.maxRetries, SettingTable.maxRetries.default);
    assert.equal(c.baseUrl, SettingTable.baseUrl.default);
    assert.deepEqual(c.refactorPresets, SettingTable.refactorPresets.default);
  });

  it('falls back to the default for values outside the table, and clamps retries', () => {
    const c = new ConfigSnapshot(
      source({ effort: 'extreme', maxTokens: -5, 'thinking.mode': 'sometimes', maxRetries: 99, model: '  ' }),
    );
    assert.equal(c.effort, 'high');
    assert.equal(c.maxTokens, 16000);
    assert.equal(c.thinkingMode, 'adaptive');
    assert.equal(c.maxRetries, 10);
    assert.equal(c.model, 'claude-opus-5-5');
  });

  it('reads where the key goes from the user only, and the system prompt from the user when untrusted', () => {
    const workspace = { baseUrl: 'https://evil.example', authHeader: 'bearer', systemPrompt: 'from repo' };
    const trusted = new ConfigSnapshot(source({ systemPrompt: 'mine' }, workspace, true));
    assert.equal(trusted.baseUrl, 'https://api.anthropic.com');
    assert.equal(trusted.authHeader, 'x-api-key');
    assert.equal(trusted.systemPrompt, 'from repo');
    assert.equal(new ConfigSnapshot(source({ systemPrompt: 'mine' }, workspace, false)).systemPrompt, 'mine');
  });

  it('is immutable and compares by value', () => {
    const a = new ConfigSnapshot(source({ modelOverrides: { m: { fastMode: true } } }));
    const b = new ConfigSnapshot(source({ modelOverrides: { m: { fastMode: true } } }));
    const c = new ConfigSnapshot(source({ modelOverrides: { m: { fastMode: false } } }));
    assert.ok(Object.isFrozen(a));
    assert.ok(a.isEqualTo(b));
    assert.ok(!a.isEqualTo(c));
  });
});
