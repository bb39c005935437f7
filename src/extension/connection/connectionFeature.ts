import * as vscode from 'vscode';
import { CommandIds } from '../commandIds';
import { LazyFeature } from '../lazyFeature';
import type { Settings } from '../settings/config';
import { ApiKeyStore } from './apiKey';
import { Backend } from './backend';

/**
 * The API key and the client provider every feature asks for a client; Set / Clear API Key load
 * their code (the key check) when first run.
 */
export function registerConnection(
  secrets: vscode.SecretStorage,
  settings: Settings,
  log: vscode.LogOutputChannel,
  version: string,
  globalState?: vscode.Memento,
): { backend: Backend; disposable: vscode.Disposable } {
  const keys = new ApiKeyStore(secrets);
  const backend = new Backend(keys, settings, log, version, process.env, globalState);
  const keyCommands = new LazyFeature(
    vscode.commands,
    [CommandIds.setApiKey, CommandIds.clearApiKey],
    async () => {
      const { registerApiKeyCommands } = await import('./apiKeyCommands');
      return () => registerApiKeyCommands(keys, backend, log);
    },
    (e) => log.error('loading the API key commands failed', e),
  );
  return { backend, disposable: vscode.Disposable.from(backend, keyCommands) };
}
