// Reads a refactor answer while it streams: the code lines of its first fenced block as soon as
// each line is complete, and the text outside it. The final verdict on the whole answer (exactly
// one block, closed) stays with `singleFencedBlock`; this only feeds the live view. No vscode import.

import { closesFence, contentLine, openingFence, type FenceOpening } from './codeFence';

export type FenceState = 'before' | 'code' | 'after';

export class FenceStream {
  private partial = '';
  private opening: FenceOpening | undefined;
  private pendingCr = false;
  state: FenceState = 'before';
  /** The complete content lines of the first block so far. */
  readonly code: string[] = [];
  /** Complete lines outside the first block (shown to the user, never applied). */
  readonly outside: string[] = [];

  /** Adds a piece of the answer; returns true when `code` gained lines. */
  push(chunk: string): boolean {
    let text = chunk;
    // A CRLF split between two chunks: the LF belongs to the break already taken.
    if (this.pendingCr && text.startsWith('\n')) text = text.slice(1);
    this.pendingCr = text.endsWith('\r');
    const pieces = (this.partial + text).split(/\r\n|\r|\n/);
    this.partial = pieces.pop() ?? '';
    const before = this.code.length;
    for (const line of pieces) this.line(line);
    return this.code.length > before;
  }

  /** The answer is complete: its last line, if unterminated, counts too. */
  end(): boolean {
    const before = this.code.length;
    if (this.partial !== '') this.line(this.partial);
    this.partial = '';
    return this.code.length > before;
  }

  private line(line: string): void {
    if (this.state === 'before') {
      const open = openingFence(line);
      if (open) {
        this.opening = open;
        this.state = 'code';
      } else this.outside.push(line);
      return;
    }
    if (this.state === 'code' && this.opening) {
      if (closesFence(line, this.opening)) this.state = 'after';
      else this.code.push(contentLine(line, this.opening));
      return;
    }
    this.outside.push(line);
  }
}
