import * as vscode from 'vscode';
import type { ApiKeyStore } from './apiKey';
import type { Backend } from './backend';
import { CommandIds } from '../commandIds';

/** Set API Key (password input, validated with a cheap request) and Clear API Key. */
export function registerApiKeyCommands(
  keys: ApiKeyStore,
  backend: Backend,
  log: vscode.LogOutputChannel,
): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(CommandIds.setApiKey, async () => {
      const key = await vscode.window.showInputBox({
        title: 'Thinkfast: Set API Key',
        prompt: 'Your Anthropic API key. It is kept in VS Code’s secret storage, never in settings.',
        password: true,
        ignoreFocusOut: true,
        placeHolder: 'sk-ant-…',
        validateInput: (v) =>
          v.trim() === ''
            ? 'Enter a key, or press Escape to cancel.'
            : /\s/.test(v.trim())
              ? 'A key has no spaces.'
              : undefined,
      });
      if (key === undefined) return;
      await keys.set(key);
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Thinkfast: checking the key…' },
        async () => {
          const ready = await backend.clientFor(backend.settings.current);
          if ('error' in ready) {
            void vscode.window.showWarningMessage(`Key saved. ${ready.error.message}`);
            return;
          }
          try {
            // count_tokens is free and needs a valid key: a cheap, honest check.
            await ready.client.countTokens({
              model: backend.settings.current.model,
              max_tokens: 1,
              messages: [{ role: 'user', content: 'ping' }],
            });
            void vscode.window.showInformationMessage('Thinkfast: API key saved and accepted.');
          } catch (e) {
            const message = (e as Error).message;
            log.warn(`key check failed: ${message}`);
            void vscode.window.showWarningMessage(`Thinkfast: key saved, but the check failed: ${message}`);
          }
        },
      );
    }),
    vscode.commands.registerCommand(CommandIds.clearApiKey, async () => {
      await keys.clear();
      const env = process.env.ANTHROPIC_API_KEY
        ? ' ANTHROPIC_API_KEY is still set in the environment and will be used.'
        : '';
      void vscode.window.showInformationMessage(`Thinkfast: API key removed from secret storage.${env}`);
    }),
  );
}
