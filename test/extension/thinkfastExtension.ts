import * as vscode from 'vscode';
import type { ThinkfastActivationApi, ThinkfastTestApi } from '../../src/extension/extension';

export type { ThinkfastActivationApi, ThinkfastTestApi };
export const extensionId = 'thinkfast.thinkfast';

/** The extension under test, activated. Fails the test if VS Code does not know it. */
export async function activateThinkfast(): Promise<vscode.Extension<ThinkfastActivationApi>> {
  const extension = vscode.extensions.getExtension<ThinkfastActivationApi>(extensionId);
  if (!extension) throw new Error(`${extensionId} is not installed in this extension host`);
  await extension.activate();
  return extension;
}

/**
 * The test API, with the chat loaded (as its first use loads it: the view or New Chat would
 * wait the same way); throws if `activate()` did not return it.
 */
export async function thinkfast(): Promise<ThinkfastTestApi> {
  const exported = (await activateThinkfast()).exports as Partial<ThinkfastActivationApi> | undefined;
  if (!exported?.loaded) throw new Error('activate() did not return the Thinkfast test API');
  const api = await exported.loaded();
  if (!api.chatView || !api.chat || !api.backend || !api.statusBar) {
    throw new Error('the Thinkfast test API is incomplete');
  }
  return api;
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
