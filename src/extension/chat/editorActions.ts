import * as vscode from 'vscode';
import type { WebviewMessage } from '../../shared/protocol';
import { safeExternalUrl } from '../../shared/protocolValidation';
import type { Effort } from '../../anthropic/types';
import { CommandIds } from '../commandIds';
import { writeSetting } from '../settings/settingWriter';
import { SettingKeys } from '../settings/settingsTable';

type Command = Extract<WebviewMessage, { type: 'command' }>['command'];

const commandIds: Record<Command, string> = {
  toggleFast: CommandIds.toggleFastMode,
  setEffort: CommandIds.setEffort,
  selectModel: CommandIds.selectModel,
  setApiKey: CommandIds.setApiKey,
  openSettings: CommandIds.openSettings,
};

/** What the chat's code buttons, links and composer shortcuts do in the editor. */
export const editorActions = {
  /** Makes `effort` the effort setting (where it is set: workspace or user). */
  async setEffort(effort: Effort): Promise<void> {
    await writeSetting(SettingKeys.effort, effort);
  },

  async copyCode(code: string): Promise<void> {
    await vscode.env.clipboard.writeText(code);
    void vscode.window.setStatusBarMessage('$(check) Copied', 2000);
  },

  /** Replaces each selection of the active (else the first visible) editor with `code`. */
  async insertCode(code: string): Promise<void> {
    const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors[0];
    if (!editor) {
      void vscode.window.showInformationMessage('Open an editor to insert the code into.');
      return;
    }
    await editor.edit((b) => {
      for (const sel of editor.selections) b.replace(sel, code);
    });
  },

  /** Opens `code` in a new untitled editor, in its language when VS Code knows it. */
  async openCode(code: string, languageId?: string): Promise<void> {
    const known = languageId ? (await vscode.languages.getLanguages()).includes(languageId) : false;
    const document = await vscode.workspace.openTextDocument({
      content: code,
      ...(known ? { language: languageId } : {}),
    });
    await vscode.window.showTextDocument(document, { preview: false });
  },

  /** Opens http(s) links only; returns false when the link was refused. */
  async openLink(href: string): Promise<boolean> {
    const url = safeExternalUrl(href);
    if (!url) return false;
    await vscode.env.openExternal(vscode.Uri.parse(url.toString(), true));
    return true;
  },

  async runCommand(command: Command): Promise<void> {
    await vscode.commands.executeCommand(commandIds[command]);
  },
};
