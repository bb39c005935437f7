import * as vscode from 'vscode';
import { CommandIds } from '../commandIds';
import { Settings } from './config';

/** The cached settings and Thinkfast: Open Settings. */
export function registerSettings(): { settings: Settings; disposable: vscode.Disposable } {
  const settings = new Settings();
  return {
    settings,
    disposable: vscode.Disposable.from(
      settings,
      vscode.commands.registerCommand(CommandIds.openSettings, () =>
        vscode.commands.executeCommand('workbench.action.openSettings', '@ext:thinkfast.thinkfast'),
      ),
    ),
  };
}
