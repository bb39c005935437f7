import * as vscode from 'vscode';
import type { Settings } from '../settings/config';
import { ApiKeyStore } from './apiKey';
import { registerApiKeyCommands } from './apiKeyCommands';
import { Backend } from './backend';

/** The API key (Set / Clear API Key) and the client provider every feature asks for a client. */
export function registerConnection(
  secrets: vscode.SecretStorage,
  settings: Settings,
  log: vscode.LogOutputChannel,
  version: string,
  globalState?: vscode.Memento,
): { backend: Backend; disposable: vscode.Disposable } {
  const keys = new ApiKeyStore(secrets);
  const backend = new Backend(keys, settings, log, version, process.env, globalState);
  return { backend, disposable: vscode.Disposable.from(backend, registerApiKeyCommands(keys, backend, log)) };
}
