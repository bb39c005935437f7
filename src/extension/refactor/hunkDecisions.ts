// The decisions on one proposal's hunks: which are kept (written into the file), undone
// (dropped) or still open, and where each open hunk sits in the text the file holds now. Each
// decision is one replacement of whole lines. No vscode import.

import { commonEnds, type Hunk } from './lineDiff';

export type HunkState = 'open' | 'kept' | 'undone';

/** Replace lines [startLine, endLine) of the watched range's current text with `lines`. */
export interface LineEdit {
  readonly startLine: number;
  readonly endLine: number;
  readonly lines: readonly string[];
}

export class HunkDecisions {
  private readonly states: HunkState[];

  constructor(readonly hunks: readonly Hunk[]) {
    this.states = hunks.map(() => 'open');
  }

  state(i: number): HunkState | undefined {
    return this.states[i];
  }

  /** Indexes of the hunks still waiting for a decision. */
  open(): number[] {
    return this.states.flatMap((s, i) => (s === 'open' ? [i] : []));
  }

  /** Where hunk `i`'s original lines start in the current text (earlier kept hunks moved it). */
  currentStart(i: number): number {
    let shift = 0;
    for (let k = 0; k < i; k++) {
      const h = this.hunks[k];
      if (h && this.states[k] === 'kept') shift += h.lines.length - (h.end - h.start);
    }
    return (this.hunks[i]?.start ?? 0) + shift;
  }

  /** The edit that keeps hunk `i`, against the current text; undefined unless it is open. */
  keepEdit(i: number): LineEdit | undefined {
    const h = this.hunks[i];
    if (!h || this.states[i] !== 'open') return undefined;
    const start = this.currentStart(i);
    return { startLine: start, endLine: start + (h.end - h.start), lines: h.lines };
  }

  /**
   * One edit that keeps every open hunk: from the first open hunk's start to the last one's end,
   * with the lines between them as they are now.
   */
  keepAllEdit(current: readonly string[]): LineEdit | undefined {
    const open = this.open();
    const first = open[0];
    const last = open.at(-1);
    if (first === undefined || last === undefined) return undefined;
    const startLine = this.currentStart(first);
    const lastHunk = this.hunks[last];
    const endLine = this.currentStart(last) + (lastHunk ? lastHunk.end - lastHunk.start : 0);
    const lines: string[] = [];
    let at = startLine;
    for (const i of open) {
      const h = this.hunks[i];
      if (!h) continue;
      const s = this.currentStart(i);
      lines.push(...current.slice(at, s), ...h.lines);
      at = s + (h.end - h.start);
    }
    return { startLine, endLine, lines };
  }

  mark(i: number, state: 'kept' | 'undone'): void {
    if (this.states[i] === 'open') this.states[i] = state;
  }

  markAll(state: 'kept' | 'undone'): void {
    for (const i of this.open()) this.states[i] = state;
  }

  counts(): { open: number; kept: number; undone: number } {
    const c = { open: 0, kept: 0, undone: 0 };
    for (const s of this.states) c[s]++;
    return c;
  }
}

/** `lines` with `edit` applied. */
export function applyLineEdit(lines: readonly string[], edit: LineEdit): string[] {
  return [...lines.slice(0, edit.startLine), ...edit.lines, ...lines.slice(edit.endLine)];
}

/** The smallest replacement turning `before` into `after`: offset, removed length, new text. */
export function minimalReplacement(
  before: string,
  after: string,
): { readonly offset: number; readonly removed: number; readonly text: string } {
  const { head, tail } = commonEnds(before, after);
  return { offset: head, removed: before.length - head - tail, text: after.slice(head, after.length - tail) };
}
