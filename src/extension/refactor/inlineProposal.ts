import * as vscode from 'vscode';
import { applyLineEdit, HunkDecisions, minimalReplacement, type LineEdit } from './hunkDecisions';
import { diffLines, settledHunks, type Hunk } from './lineDiff';
import { fitProposal } from './proposalText';
import type { RangeWatch } from './rangeWatch';

const lineBreak = /\r\n|\r|\n/;

/** The two decoration types every proposal draws with (theme diff colours). */
export interface ProposalStyles {
  readonly removed: vscode.TextEditorDecorationType;
  readonly added: vscode.TextEditorDecorationType;
}

export function createStyles(): ProposalStyles {
  return {
    // The line's text only, not the whole line: the replacement drawn after it keeps its own colour.
    removed: vscode.window.createTextEditorDecorationType({
      backgroundColor: new vscode.ThemeColor('diffEditor.removedTextBackground'),
      textDecoration: 'line-through',
      overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.deletedForeground'),
      overviewRulerLane: vscode.OverviewRulerLane.Left,
    }),
    added: vscode.window.createTextEditorDecorationType({
      after: {
        margin: '0 0 0 1.5em',
        backgroundColor: new vscode.ThemeColor('diffEditor.insertedTextBackground'),
        color: new vscode.ThemeColor('editor.foreground'),
      },
      overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.addedForeground'),
      overviewRulerLane: vscode.OverviewRulerLane.Left,
    }),
  };
}

/** A hunk as drawn: its index among the proposal's hunks and its first line in the range now. */
export interface ShownHunk {
  readonly index: number;
  readonly hunk: Hunk;
  readonly line: number;
}

export type Decision = 'kept' | 'undone' | 'conflict' | 'failed' | 'none';

/**
 * One refactor proposal drawn into its document: while it streams, the hunks that later lines can
 * no longer change; afterwards every hunk until it is kept (one edit each) or undone (no edit).
 */
export class InlineProposal {
  readonly uri: vscode.Uri;
  private readonly eol: '\n' | '\r\n';
  private readonly originalLines: string[];
  private live: Hunk[] = [];
  private decisions: HunkDecisions | undefined;
  /** The whole replacement for the range, once the stream ended. */
  proposal: string | undefined;

  constructor(
    document: vscode.TextDocument,
    readonly watch: RangeWatch,
  ) {
    this.uri = document.uri;
    this.eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    this.originalLines = watch.original.split(lineBreak);
  }

  get streaming(): boolean {
    return this.decisions === undefined;
  }

  private fit(code: string): string {
    return fitProposal(code, {
      original: this.watch.original,
      eol: this.eol,
      startsAtLineStart: this.watch.startsAtLineStart,
    });
  }

  /** New complete code lines arrived; returns true when the settled hunks changed. */
  update(code: readonly string[]): boolean {
    const lines = this.fit(code.join('\n')).split(lineBreak);
    // A partial proposal has not reached the selection's closing line break yet.
    if (this.originalLines.at(-1) === '' && lines.at(-1) === '') lines.pop();
    const next = settledHunks(this.originalLines, lines);
    if (JSON.stringify(next) === JSON.stringify(this.live)) return false;
    this.live = next;
    return true;
  }

  /** The stream ended with `code`: returns the number of hunks to decide on. */
  finish(code: string): number {
    this.proposal = this.fit(code);
    this.decisions = new HunkDecisions(diffLines(this.originalLines, this.proposal.split(lineBreak)));
    return this.decisions.hunks.length;
  }

  /** The hunks to draw now, positioned in the range's current text. */
  shown(): ShownHunk[] {
    const d = this.decisions;
    if (!d) return this.live.map((hunk, index) => ({ index, hunk, line: hunk.start }));
    return d.open().flatMap((index) => {
      const hunk = d.hunks[index];
      return hunk ? [{ index, hunk, line: d.currentStart(index) }] : [];
    });
  }

  get openCount(): number {
    return this.decisions?.open().length ?? 0;
  }

  get counts(): { open: number; kept: number; undone: number } {
    return this.decisions?.counts() ?? { open: 0, kept: 0, undone: 0 };
  }

  /** The whole range as it would read with every open hunk kept. */
  withOpenKept(): string {
    const edit = this.decisions?.keepAllEdit(this.watch.text.split(lineBreak));
    return edit ? applyLineEdit(this.watch.text.split(lineBreak), edit).join(this.eol) : this.watch.text;
  }

  /** Writes hunk `i` (or every open hunk) into the file as one edit: one undo step. */
  async keep(i: number | 'all'): Promise<Decision> {
    const d = this.decisions;
    if (!d) return 'none';
    const current = this.watch.text.split(lineBreak);
    const edit: LineEdit | undefined = i === 'all' ? d.keepAllEdit(current) : d.keepEdit(i);
    if (!edit) return 'none';
    const document = await vscode.workspace.openTextDocument(this.uri);
    const range = this.watch.locate(document);
    const start = this.watch.start;
    if (!range || start === undefined) return 'conflict';
    const next = applyLineEdit(current, edit).join(this.eol);
    const r = minimalReplacement(this.watch.text, next);
    const workspaceEdit = new vscode.WorkspaceEdit();
    workspaceEdit.replace(
      this.uri,
      new vscode.Range(
        document.positionAt(start + r.offset),
        document.positionAt(start + r.offset + r.removed),
      ),
      r.text,
    );
    if (!(await this.watch.applyOwn(workspaceEdit, next))) return 'failed';
    if (i === 'all') d.markAll('kept');
    else d.mark(i, 'kept');
    return 'kept';
  }

  /** Drops hunk `i` (or every open hunk): the file is not touched. */
  undo(i: number | 'all'): Decision {
    const d = this.decisions;
    if (!d) return 'none';
    if (i === 'all') d.markAll('undone');
    else if (d.state(i) === 'open') d.mark(i, 'undone');
    else return 'none';
    return 'undone';
  }

  /** Draws the proposal into `editor` (which shows this document). */
  render(editor: vscode.TextEditor, styles: ProposalStyles): void {
    const range = this.watch.locate(editor.document);
    if (!range) {
      clear(editor, styles);
      return;
    }
    const removed: vscode.Range[] = [];
    const added: vscode.DecorationOptions[] = [];
    const last = editor.document.lineCount - 1;
    const lineAt = (k: number): number => Math.min(last, range.start.line + k);
    for (const { hunk, line } of this.shown()) {
      const count = hunk.end - hunk.start;
      const hover = hunkHover(this.originalLines.slice(hunk.start, hunk.end), hunk.lines);
      for (let k = 0; k < count; k++) {
        const at = lineAt(line + k);
        const text = editor.document.lineAt(at);
        removed.push(
          new vscode.Range(at, text.firstNonWhitespaceCharacterIndex, at, text.range.end.character),
        );
        // Each removed line shows its replacement beside it; extra new lines go on the last one.
        const lines = k === count - 1 ? hunk.lines.slice(k) : hunk.lines.slice(k, k + 1);
        if (lines.length > 0) added.push(addedText(editor.document, at, lines, '→ ', hover));
      }
      if (count === 0) {
        // A pure insertion: on the line above it, or above the range's first line.
        const at = lineAt(Math.max(0, line - 1));
        added.push(addedText(editor.document, at, hunk.lines, line === 0 ? '▲ ' : '▼ ', hover));
      }
    }
    editor.setDecorations(styles.removed, removed);
    editor.setDecorations(styles.added, added);
  }
}

export function clear(editor: vscode.TextEditor, styles: ProposalStyles): void {
  editor.setDecorations(styles.removed, []);
  editor.setDecorations(styles.added, []);
}

function addedText(
  document: vscode.TextDocument,
  line: number,
  lines: readonly string[],
  mark: string,
  hover: vscode.MarkdownString,
): vscode.DecorationOptions {
  const end = document.lineAt(line).range.end;
  // Leading spaces would collapse in the rendered text: keep the indentation visible.
  const text = lines.map((l) => l.replace(/^[ \t]+/, (ws) => '\u00a0'.repeat(ws.length))).join('  ⏎  ');
  return {
    range: new vscode.Range(end, end),
    hoverMessage: hover,
    renderOptions: { after: { contentText: `${mark}${text === '' ? '(blank line)' : text}` } },
  };
}

function hunkHover(removed: readonly string[], added: readonly string[]): vscode.MarkdownString {
  const body = [...removed.map((l) => `- ${l}`), ...added.map((l) => `+ ${l}`)].join('\n');
  const fence = '`'.repeat(Math.max(3, ...(body.match(/`+/g) ?? []).map((r) => r.length + 1)));
  return new vscode.MarkdownString(`**Thinkfast refactor**\n\n${fence}diff\n${body}\n${fence}`);
}
