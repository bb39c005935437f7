import * as vscode from 'vscode';
import { ApiKeyStore } from './apiKey';
import { registerApiKeyCommands } from './apiKeyCommands';
import { Backend } from './backend';
import { ChatController } from './chatController';
import { ChatViewProvider } from './chatViewProvider';
import { CommandIds } from './commandIds';
import { ConversationStore } from './conversationStore';
import { registerRefactor } from './refactor/refactorCommand';
import { registerStatusBar, type StatusBar } from './statusBar';

/** What `activate` returns: used by the extension-host tests, not a public API. */
export interface ThinkfastTestApi {
  readonly chatView: ChatViewProvider;
  readonly chat: ChatController;
  readonly backend: Backend;
  readonly store: ConversationStore;
  readonly statusBar: StatusBar;
}

/** Wires the features; each registers its own disposables. */
export function activate(context: vscode.ExtensionContext): ThinkfastTestApi {
  const log = vscode.window.createOutputChannel('Thinkfast', { log: true });
  const version = String((context.extension.packageJSON as { version?: string }).version);
  const keys = new ApiKeyStore(context.secrets);
  const backend = new Backend(keys, log, version);
  const store = new ConversationStore(context.globalStorageUri.fsPath, (c) => {
    log.warn(`moved unreadable conversation ${c.file} to ${c.movedTo}: ${c.reason}`);
    void vscode.window.showWarningMessage(
      `Thinkfast could not read a saved conversation (${c.reason}). It was moved aside to ${c.movedTo}; your other conversations are unaffected.`,
    );
  });
  const chatView = new ChatViewProvider(context.extensionUri, log);
  const chat = new ChatController(chatView, store, backend, log);
  const statusBar = registerStatusBar(backend);

  context.subscriptions.push(
    log,
    backend,
    chatView,
    chat,
    { dispose: () => void store.flush() },
    vscode.window.registerWebviewViewProvider(ChatViewProvider.viewId, chatView),
    chatView.onDidBecomeReady(() => void backend.warm()),
    registerApiKeyCommands(keys, backend, log),
    statusBar,
    registerRefactor(backend, log, context.globalState),
    vscode.commands.registerCommand(CommandIds.showLog, () => log.show()),
    vscode.commands.registerCommand(CommandIds.openSettings, () =>
      vscode.commands.executeCommand('workbench.action.openSettings', '@ext:thinkfast.thinkfast'),
    ),
    vscode.commands.registerCommand(CommandIds.newChat, async () => {
      await chatView.reveal();
      await chat.newChat();
    }),
  );
  void chat.restore();
  log.info(`Thinkfast ${version} activated${backend.simulator ? ' (simulator)' : ''}`);
  return { chatView, chat, backend, store, statusBar };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
