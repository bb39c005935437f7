import * as vscode from 'vscode';
import { estimateTokens } from '../../shared/tokenEstimate';
import type { Attachment } from './conversation';
import { lineCount, lineSpan, spanLabel } from './mentionMatch';
import type { ResolvedMention } from './mentions';

/** Files larger than this are refused as context: they would blow the context window and the bill. */
const maxChars = 400_000;

/** The selections, symbols and files the user attached to the next message. */
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

  /** Attaches the active editor's selection or whole file. */
  add(kind: 'selection' | 'file'): void {
    const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors[0];
    if (!editor) {
      void vscode.window.showInformationMessage('Open a file in an editor to attach it.');
      return;
    }
    if (kind === 'selection' && editor.selection.isEmpty) {
      void vscode.window.showInformationMessage('Select some code first, or attach the whole file.');
      return;
    }
    this.attach({ document: editor.document, ...(kind === 'selection' ? { range: editor.selection } : {}) });
  }

  /** Attaches a document, or the lines of `range` in it (a selection or a symbol). */
  attach({ document: doc, range, name }: ResolvedMention): void {
    const path = vscode.workspace.asRelativePath(doc.uri, false);
    let text: string;
    let label = path;
    if (range) {
      // The label names exactly the lines covered: a range ending at column 0 leaves that line out.
      const span = lineSpan(range.start.line, range.end.line, range.end.character);
      text = doc.getText(range);
      label = `${name ? `${name} · ` : ''}${spanLabel(path, span)}`;
    } else {
      text = doc.getText();
    }
    if (text.length > maxChars) {
      void vscode.window.showWarningMessage(
        `That is ${text.length.toLocaleString()} characters; attach a selection instead.`,
      );
      return;
    }
    if (this.chips.some((c) => c.label === label && c.text === text)) return;
    this.counter += 1;
    this.chips.push({
      id: `c${this.counter}`,
      label,
      kind: range ? 'selection' : 'file',
      languageId: doc.languageId,
      lines: lineCount(text),
      tokens: estimateTokens(text),
      path,
      text,
    });
    this.changed();
  }
}
