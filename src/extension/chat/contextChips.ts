import * as vscode from 'vscode';
import type { Attachment } from './conversation';

/** Files larger than this are refused as context: they would blow the context window and the bill. */
const maxChars = 400_000;

/** The selection or whole file the user attached to the next message. */
export class ContextChips {
  private chips: Attachment[] = [];
  private counter = 0;

  constructor(private readonly changed: () => void) {}

  list(): readonly Attachment[] {
    return this.chips;
  }

  /** Returns the chips for a message being sent and clears them. */
  take(): Attachment[] {
    const taken = this.chips;
    this.chips = [];
    if (taken.length > 0) this.changed();
    return taken;
  }

  clear(): void {
    this.chips = [];
    this.changed();
  }

  remove(id: string): void {
    this.chips = this.chips.filter((c) => c.id !== id);
    this.changed();
  }

  add(kind: 'selection' | 'file'): void {
    const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors[0];
    if (!editor) {
      void vscode.window.showInformationMessage('Open a file in an editor to attach it.');
      return;
    }
    const doc = editor.document;
    const path = vscode.workspace.asRelativePath(doc.uri, false);
    let text: string;
    let label: string;
    if (kind === 'selection') {
      const sel = editor.selection;
      if (sel.isEmpty) {
        void vscode.window.showInformationMessage('Select some code first, or attach the whole file.');
        return;
      }
      text = doc.getText(sel);
      label = `${path}:${sel.start.line + 1}-${sel.end.line + 1}`;
    } else {
      text = doc.getText();
      label = path;
    }
    if (text.length > maxChars) {
      void vscode.window.showWarningMessage(
        `That is ${text.length.toLocaleString()} characters; attach a selection instead.`,
      );
      return;
    }
    this.counter += 1;
    this.chips.push({
      id: `c${this.counter}`,
      label,
      kind,
      languageId: doc.languageId,
      lines: text.split('\n').length,
      path,
      text,
    });
    this.changed();
  }
}
