import * as vscode from 'vscode';
import type { Backend } from '../connection/backend';
import { CommandIds } from '../commandIds';
import type { StreamActivity } from '../status/streamActivity';
import { ChatController } from './chatController';
import { ChatViewProvider } from './chatViewProvider';
import { ConversationStore } from './conversationStore';

export interface ChatParts extends vscode.Disposable {
  readonly chatView: ChatViewProvider;
  readonly chat: ChatController;
  readonly store: ConversationStore;
}

/**
 * The chat view's provider, its controller and conversation store, and the New Chat command:
 * started on the chat's first use (chatFeature.ts), which also resolves the view through it.
 */
export function startChat(
  context: vscode.ExtensionContext,
  backend: Backend,
  activity: StreamActivity,
  log: vscode.LogOutputChannel,
): ChatParts {
  const store = new ConversationStore(context.globalStorageUri.fsPath, (c) => {
    log.warn(`moved unreadable conversation ${c.file} to ${c.movedTo}: ${c.reason}`);
    void vscode.window.showWarningMessage(
      `Thinkfast could not read a saved conversation (${c.reason}). It was moved aside to ${c.movedTo}; your other conversations are unaffected.`,
    );
  });
  const chatView = new ChatViewProvider(context.extensionUri, log);
  const openKey = 'thinkfast.openConversation';
  const openConversation = {
    get: () => context.workspaceState.get<string>(openKey),
    set: (id: string) => {
      context.workspaceState.update(openKey, id).then(undefined, (e: unknown) => {
        log.warn(`could not remember the open conversation: ${String(e)}`);
      });
    },
  };
  const confirmSpend = async (question: string): Promise<boolean> =>
    (await vscode.window.showWarningMessage(question, { modal: true }, 'Send')) === 'Send';
  const chat = new ChatController(chatView, store, backend, activity, log, openConversation, confirmSpend);
  const disposable = vscode.Disposable.from(
    chatView,
    chat,
    { dispose: () => void store.flush() },
    chatView.onDidBecomeReady(() => {
      backend.warm().catch((e: unknown) => log.debug(`warm-up failed: ${String(e)}`));
    }),
    vscode.commands.registerCommand(CommandIds.newChat, async () => {
      await chatView.reveal();
      await chat.newChat();
    }),
  );
  chat.restore().catch((e: unknown) => log.error('restoring the last conversation failed', e));
  return {
    chatView,
    chat,
    store,
    dispose: () => {
      disposable.dispose();
    },
  };
}
