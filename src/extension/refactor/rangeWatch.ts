import * as vscode from 'vscode';
import { shiftRange, type OffsetRange } from './rangeTracker';

/**
 * Follows the selected range of a document from the moment Refactor Selection starts, so Accept
 * replaces exactly the code that was sent — or refuses when the user edited it meanwhile.
 */
export class RangeWatch implements vscode.Disposable {
  readonly uri: vscode.Uri;
  readonly original: string;
  /** Whether the selection starts at column 0, so its first line carries its indentation. */
  readonly startsAtLineStart: boolean;
  private range: OffsetRange | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(document: vscode.TextDocument, selection: vscode.Range) {
    this.uri = document.uri;
    this.original = document.getText(selection);
    this.startsAtLineStart = selection.start.character === 0;
    this.range = { start: document.offsetAt(selection.start), end: document.offsetAt(selection.end) };
    const key = document.uri.toString();
    this.subscription = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.toString() !== key) return;
      // Changes of one event apply in order, each against the text the previous one left.
      for (const c of e.contentChanges) {
        if (!this.range) return;
        this.range = shiftRange(this.range, {
          offset: c.rangeOffset,
          removed: c.rangeLength,
          inserted: c.text.length,
        });
      }
    });
  }

  /**
   * Where the original text is now in `document`, or undefined when an edit touched it. The text
   * is compared too, which also covers changes made while the document was closed.
   */
  locate(document: vscode.TextDocument): vscode.Range | undefined {
    if (!this.range) return undefined;
    const range = new vscode.Range(
      document.positionAt(this.range.start),
      document.positionAt(this.range.end),
    );
    return document.getText(range) === this.original ? range : undefined;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
