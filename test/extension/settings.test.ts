import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { readConfig } from '../../src/extension/settings/config';
import { startSimulator, type Simulator } from '../simulator/server';
import { resetSettings, setUserSetting, thinkfast, waitFor } from './simulatorSession';

describe('settings: the base URL comes from user settings only', function () {
  let userSim: Simulator;
  let workspaceSim: Simulator;
  let settingsFile: string;
  let previousSettings: string | undefined;
  const savedEnv = { sim: process.env.THINKFAST_SIMULATOR_URL, key: process.env.ANTHROPIC_API_KEY };

  before(async function () {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    if (!folder) this.skip();
    userSim = await startSimulator({ firstTokenDelayMs: 0 });
    workspaceSim = await startSimulator({ firstTokenDelayMs: 0 });
    settingsFile = path.join(folder, '.vscode', 'settings.json');
    previousSettings = fs.existsSync(settingsFile) ? fs.readFileSync(settingsFile, 'utf8') : undefined;
    // Talk to a "real" base URL, as a user would: no simulator override, a key from the environment.
    delete process.env.THINKFAST_SIMULATOR_URL;
    process.env.ANTHROPIC_API_KEY = 'sk-ant-settings-test';
  });

  after(async () => {
    if (savedEnv.sim === undefined) delete process.env.THINKFAST_SIMULATOR_URL;
    else process.env.THINKFAST_SIMULATOR_URL = savedEnv.sim;
    if (savedEnv.key === undefined) delete process.env.ANTHROPIC_API_KEY;
    else process.env.ANTHROPIC_API_KEY = savedEnv.key;
    if (!settingsFile) return;
    if (previousSettings === undefined) fs.rmSync(settingsFile, { force: true });
    else fs.writeFileSync(settingsFile, previousSettings);
    await setUserSetting('baseUrl', undefined);
    await waitFor(
      () => vscode.workspace.getConfiguration('thinkfast').get('maxTokens') !== 4321,
      'the workspace settings to go',
    );
    await Promise.all([userSim.close(), workspaceSim.close()]);
  });

  it('ignores a workspace .vscode/settings.json that points the key elsewhere', async () => {
    const api = await thinkfast();
    await setUserSetting('baseUrl', userSim.url);
    fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
    // maxTokens rides along as a marker: once it reads 4321 VS Code has loaded this file.
    fs.writeFileSync(
      settingsFile,
      JSON.stringify({ 'thinkfast.baseUrl': workspaceSim.url, 'thinkfast.maxTokens': 4321 }, null, 2),
    );
    await waitFor(
      () => vscode.workspace.getConfiguration('thinkfast').get('maxTokens') === 4321,
      'the workspace settings to load',
    );

    assert.equal(readConfig().baseUrl, userSim.url);

    const ready = await api.backend.prepare();
    assert.ok(!('error' in ready), 'error' in ready ? ready.error.message : '');
    await ready.client.countTokens({
      model: 'claude-opus-4-6',
      max_tokens: 1,
      messages: [{ role: 'user', content: 'ping' }],
    });
    assert.ok(
      userSim.requests.some((r) => r.path === '/v1/messages/count_tokens'),
      'the request went to the user-level URL',
    );
    assert.deepEqual(workspaceSim.requests, [], 'nothing reached the workspace-level URL');
  });
});

describe('settings: a bad value gets one warning', function () {
  const keys = ['maxTokens', 'effort', 'chat.codeWrap', 'model'];
  afterEach(() => resetSettings(keys));

  it('a negative maxTokens: one warning naming the setting and the default used, not one per read', async () => {
    const api = await thinkfast();
    const before = api.settingsWarnings.shown.length;
    const forMaxTokens = () => api.settingsWarnings.shown.slice(before).filter((w) => w.key === 'maxTokens');
    await setUserSetting('maxTokens', -5);
    const [warning] = await waitFor(
      () => forMaxTokens().length > 0 && forMaxTokens(),
      'the maxTokens warning',
    );
    assert.match(warning.message, /"thinkfast\.maxTokens" is -5.*Using the default, 16000, instead/);
    assert.equal(api.backend.settings.current.maxTokens, 16000);

    // Other settings change (each change re-reads every setting); the bad value is still there.
    await setUserSetting('chat.codeWrap', true);
    await waitFor(() => api.backend.settings.current.chatCodeWrap, 'the next read');
    await setUserSetting('effort', 'low');
    await waitFor(() => api.backend.settings.current.effort === 'low', 'the read after');
    assert.equal(forMaxTokens().length, 1, 'warned once for the one bad value');

    // Another bad value is another warning.
    await setUserSetting('maxTokens', 'lots');
    await waitFor(() => forMaxTokens().length === 2, 'the warning for the second bad value');
    assert.match(forMaxTokens()[1].message, /"lots"/);
  });

  it('maxTokens above the model limit: one note naming the model and the limit used', async () => {
    const api = await thinkfast();
    const before = api.settingsWarnings.shown.length;
    await setUserSetting('model', 'claude-opus-4-6');
    await setUserSetting('maxTokens', 500_000);
    const note = await waitFor(
      () => api.settingsWarnings.shown.slice(before).find((w) => w.key === 'maxTokens'),
      'the max tokens note',
    );
    assert.match(note.message, /500,000.*Claude Opus 4\.6 writes at most 128,000.*Using 128,000/);
    await setUserSetting('effort', 'low');
    await waitFor(() => api.backend.settings.current.effort === 'low', 'the next read');
    assert.equal(api.settingsWarnings.shown.slice(before).filter((w) => w.key === 'maxTokens').length, 1);
  });
});
