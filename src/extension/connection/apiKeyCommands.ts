import * as vscode from 'vscode';
import type { ApiKeyStore } from './apiKey';
import type { Backend } from './backend';
import { CommandIds } from '../commandIds';
import { SettingTable } from '../settings/settingsTable';
import { simulatorEnvVar } from './backend';
import { checkKey, type KeyCheckInput } from './keyCheck';

/** Set API Key (password input, checked at the configured endpoint, never the simulator) and Clear API Key. */
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
          const result = await checkKey(keyCheckInput(key, backend));
          if (result.level === 'warning') log.warn(result.message);
          else log.info(result.message);
          void (result.level === 'info'
            ? vscode.window.showInformationMessage(result.message)
            : vscode.window.showWarningMessage(result.message));
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

/** The check's input from the current settings (the proxy as VS Code's `http.proxy` says). */
function keyCheckInput(key: string, backend: Backend): KeyCheckInput {
  const settings = backend.settings.current;
  const http = vscode.workspace.getConfiguration('http');
  const proxyUrl = (http.get<string>('proxy') ?? '').trim();
  return {
    key,
    baseUrl: settings.baseUrl,
    baseUrlIsSet: settings.baseUrl !== SettingTable.baseUrl.default,
    simulatorUrl: process.env[simulatorEnvVar] || undefined,
    authHeader: settings.authHeader === 'bearer' ? 'bearer' : 'x-api-key',
    model: settings.model,
    client: {
      userAgent: `thinkfast (vscode ${vscode.version})`,
      timeouts: { connectMs: settings.connectTimeoutMs, headersMs: 30_000, idleMs: settings.idleTimeoutMs },
      ...(proxyUrl
        ? { proxy: { url: proxyUrl, strictSSL: http.get<boolean>('proxyStrictSSL') ?? true } }
        : {}),
    },
    createClient: async (options) => new (await import('../../anthropic/client')).AnthropicClient(options),
  };
}
