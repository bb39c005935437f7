import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateThinkfast, openChat } from './thinkfastExtension';

const readyTimeoutMs = 20_000;

describe('chat view', () => {
  it('opens through its focus command', async () => {
    await activateThinkfast();
    // Throws if no provider is registered for the view id.
    await vscode.commands.executeCommand('thinkfast.chat.focus');
  });

  it('loads its webview, which answers `ready`', async () => {
    const api = await openChat(readyTimeoutMs);
    assert.equal(api.chatView.isReady, true);
  });

  it('runs New Chat without error', async () => {
    await activateThinkfast();
    await vscode.commands.executeCommand('thinkfast.newChat');
  });
});
