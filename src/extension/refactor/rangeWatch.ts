import * as vscode from 'vscode';
import { shiftRange, type OffsetRange } from './rangeTracker';

/**
 * Follows the selected range of a document from the moment Refactor Selection reads it: edits
 * above move it, an edit inside it (the user's, not one of ours) marks it conflicted and fires
 * `onConflict`. `text` is what the range must hold; our own kept hunks update it.
 */
export class RangeWatch implements vscode.Disposable {
  readonly uri: vscode.Uri;
  /** The text when the refactor started. */
  readonly original: string;
  /** What the range holds now, as far as we know: the original with our kept hunks. */
  text: string;
  /** Whether the selection starts at column 0, so its first line carries its indentation. */
  readonly startsAtLineStart: boolean;
  private range: OffsetRange | undefined;
  private ownEdits = 0;
  private readonly conflicted = new vscode.EventEmitter<void>();
  readonly onConflict = this.conflicted.event;
  private readonly subscription: vscode.Disposable;

  constructor(document: vscode.TextDocument, selection: vscode.Range) {
    this.uri = document.uri;
    this.original = document.getText(selection);
    this.text = this.original;
    this.startsAtLineStart = selection.start.character === 0;
    this.range = { start: document.offsetAt(selection.start), end: document.offsetAt(selection.end) };
    const key = document.uri.toString();
    this.subscription = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.toString() !== key || e.contentChanges.length === 0) return;
      // Changes of one event apply in order, each against the text the previous one left.
      for (const c of e.contentChanges) {
        if (!this.range) return;
        const change = { offset: c.rangeOffset, removed: c.rangeLength, inserted: c.text.length };
        const inside = change.offset >= this.range.start && change.offset + change.removed <= this.range.end;
        if (this.ownEdits > 0 && inside) {
          this.range = { start: this.range.start, end: this.range.end + change.inserted - change.removed };
          continue;
        }
        this.range = shiftRange(this.range, change);
        if (!this.range) this.conflicted.fire();
      }
    });
  }

  /** True once an edit of the user's touched the range. */
  get isConflicted(): boolean {
    return this.range === undefined;
  }

  /** Where the range starts now (a character offset), unless conflicted. */
  get start(): number | undefined {
    return this.range?.start;
  }

  /**
   * Where the expected text is now in `document`, or undefined when an edit touched it. The text
   * is compared too, which also covers changes made while the document was closed.
   */
  locate(document: vscode.TextDocument): vscode.Range | undefined {
    if (!this.range) return undefined;
    const range = new vscode.Range(
      document.positionAt(this.range.start),
      document.positionAt(this.range.end),
    );
    return document.getText(range) === this.text ? range : undefined;
  }

  /** Applies our own edit inside the range; on success the range holds `next`. */
  async applyOwn(edit: vscode.WorkspaceEdit, next: string): Promise<boolean> {
    this.ownEdits++;
    let applied = false;
    try {
      applied = await vscode.workspace.applyEdit(edit);
    } finally {
      this.ownEdits--;
    }
    if (applied && this.range) {
      this.text = next;
      this.range = { start: this.range.start, end: this.range.start + next.length };
    }
    return applied;
  }

  dispose(): void {
    this.subscription.dispose();
    this.conflicted.dispose();
  }
}
