import * as vscode from 'vscode';
import { ChatViewProvider } from './chatViewProvider';
import { CommandIds } from './commandIds';

/** Wires the features; each registers its own disposables. */
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Thinkfast', { log: true });
  context.subscriptions.push(log);

  const chatView = new ChatViewProvider(context.extensionUri, log);
  context.subscriptions.push(
    chatView,
    vscode.window.registerWebviewViewProvider(ChatViewProvider.viewId, chatView),
    vscode.commands.registerCommand(CommandIds.showLog, () => log.show()),
    vscode.commands.registerCommand(CommandIds.openSettings, () =>
      vscode.commands.executeCommand('workbench.action.openSettings', '@ext:thinkfast.thinkfast'),
    ),
    vscode.commands.registerCommand(CommandIds.newChat, async () => {
      await chatView.reveal();
      chatView.post({ type: 'conversation', id: 'new', title: 'New chat', turns: [] });
    }),
  );
  log.info(`Thinkfast ${String((context.extension.packageJSON as { version?: string }).version)} activated`);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
