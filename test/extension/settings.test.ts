import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { readConfig } from '../../src/extension/settings/config';
import { startSimulator, type Simulator } from '../simulator/server';
import { setUserSetting, thinkfast, waitFor } from './simulatorSession';

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
