import * as vscode from 'vscode';
import { CommandIds } from './commandIds';

/** The Thinkfast output channel and Thinkfast: Show Log. */
export function registerLog(): { log: vscode.LogOutputChannel; disposable: vscode.Disposable } {
  const log = vscode.window.createOutputChannel('Thinkfast', { log: true });
  return {
    log,
    disposable: vscode.Disposable.from(
      log,
      vscode.commands.registerCommand(CommandIds.showLog, () => log.show()),
    ),
  };
}
