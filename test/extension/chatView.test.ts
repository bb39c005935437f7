import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateThinkfast, testApi } from './thinkfastExtension';

const readyTimeoutMs = 20_000;

describe('chat view', () => {
  it('opens through its focus command', async () => {
    await activateThinkfast();
    // Throws if no provider is registered for the view id.
    await vscode.commands.executeCommand('thinkfast.chat.focus');
  });

  it('loads its webview, which answers `ready`', async function () {
    const api = testApi(await activateThinkfast());
    if (!api) {
      // Readiness is only visible through the test API returned by activate(); until it exists
      // this shows up as pending rather than as a pass.
      this.skip();
    }
    await vscode.commands.executeCommand('thinkfast.chat.focus');
    if (api.chatView.isReady) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        listener.dispose();
        reject(new Error(`the chat webview did not say ready within ${readyTimeoutMs / 1000} s`));
      }, readyTimeoutMs);
      const listener = api.chatView.onDidBecomeReady(() => {
        clearTimeout(timer);
        listener.dispose();
        resolve();
      });
    });
    assert.equal(api.chatView.isReady, true);
  });

  it('runs New Chat without error', async () => {
    await activateThinkfast();
    await vscode.commands.executeCommand('thinkfast.newChat');
  });
});
