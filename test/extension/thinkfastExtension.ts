import * as vscode from 'vscode';
import type { ThinkfastTestApi } from '../../src/extension/extension';

export type { ThinkfastTestApi };
export const extensionId = 'thinkfast.thinkfast';

/** The extension under test, activated. Fails the test if VS Code does not know it. */
export async function activateThinkfast(): Promise<vscode.Extension<ThinkfastTestApi>> {
  const extension = vscode.extensions.getExtension<ThinkfastTestApi>(extensionId);
  if (!extension) throw new Error(`${extensionId} is not installed in this extension host`);
  await extension.activate();
  return extension;
}

/** The object `activate()` returns for tests; throws if it is missing. */
export async function thinkfast(): Promise<ThinkfastTestApi> {
  const api = (await activateThinkfast()).exports as Partial<ThinkfastTestApi> | undefined;
  if (!api?.chatView || !api.chat || !api.backend || !api.statusBar) {
    throw new Error('activate() did not return the Thinkfast test API');
  }
  return api as ThinkfastTestApi;
}

let lastWebviewId = 0;

/**
 * Delivers `body` to the chat view as its webview would, in an envelope numbered after the last;
 * returns the envelope's id (the one the host's answer names in `replyTo`).
 */
export function fromWebview(api: ThinkfastTestApi, body: unknown): number {
  const id = ++lastWebviewId;
  receiveRaw(api, { id, body });
  return id;
}

/** Delivers `raw` to the chat view exactly as given (envelope tests). */
export function receiveRaw(api: ThinkfastTestApi, raw: unknown): void {
  (api.chatView as unknown as { receive(raw: unknown): void }).receive(raw);
}

/** Shows the chat view and resolves once its webview has answered `ready`. */
export async function openChat(timeoutMs = 45_000): Promise<ThinkfastTestApi> {
  const api = await thinkfast();
  await vscode.commands.executeCommand('thinkfast.chat.focus');
  if (api.chatView.isReady) return api;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`the chat webview did not say ready within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const listener = api.chatView.onDidBecomeReady(() => {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    });
  });
  return api;
}
