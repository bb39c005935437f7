import * as vscode from 'vscode';
import { chatViewId, CommandIds } from '../commandIds';
import type { Backend } from '../connection/backend';
import { LazyFeature } from '../lazyFeature';
import type { StreamActivity } from '../status/streamActivity';
import type { ChatParts } from './chatStart';

/**
 * The chat, loaded on first use: the view is registered at activation and resolves once the
 * chat's code (chatStart.ts) has loaded; New Chat run before that waits for it.
 */
export function registerChat(
  context: vscode.ExtensionContext,
  backend: Backend,
  activity: StreamActivity,
  log: vscode.LogOutputChannel,
): { chat: LazyFeature<ChatParts>; disposable: vscode.Disposable } {
  const chat = new LazyFeature(
    vscode.commands,
    [CommandIds.newChat],
    async () => {
      const { startChat } = await import('./chatStart');
      return () => startChat(context, backend, activity, log);
    },
    (e) => log.error('loading the chat failed', e),
  );
  const view = vscode.window.registerWebviewViewProvider(chatViewId, {
    resolveWebviewView: async (webviewView, _context, token) => {
      const { chatView } = await chat.get();
      if (!token.isCancellationRequested) chatView.resolveWebviewView(webviewView);
    },
  });
  return { chat, disposable: vscode.Disposable.from(chat, view) };
}
