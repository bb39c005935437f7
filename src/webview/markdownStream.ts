// Incremental markdown for streamed text. The text is cut into top-level blocks; a block that is
// provably finished is rendered once and its DOM nodes are never touched again, and only the open
// tail (usually the last block) is re-rendered per flush. The cut points are chosen so that the
// concatenation equals rendering the whole text at once (see findCommitPoint).
import type { Token } from 'markdown-it';
import type { MarkdownRenderer } from './markdownRenderer';

/** Blocks that end on their own last line: nothing after them can extend them. */
const selfTerminating = new Set(['fence', 'heading_open', 'hr']);

export class MarkdownStream {
  private source = '';
  /** Offset in `source` where the open tail starts; everything before is committed DOM. */
  private committed = 0;
  private openNodes: ChildNode[] = [];
  private dirty = false;
  private heldCarriageReturn = false;

  constructor(
    private readonly container: HTMLElement,
    private readonly renderer: MarkdownRenderer,
  ) {}

  /** All text received so far (line endings normalized). */
  get text(): string {
    return this.source;
  }

  /** Length of the text whose blocks are final; the rest is the open tail. */
  get committedLength(): number {
    return this.committed;
  }

  /** Adds streamed text; O(chunk). Rendering waits for flush(). */
  append(chunk: string): void {
    if (!chunk) return;
    // A CRLF split across chunks must not become two line breaks.
    let text = this.heldCarriageReturn ? `\r${chunk}` : chunk;
    this.heldCarriageReturn = text.endsWith('\r');
    if (this.heldCarriageReturn) text = text.slice(0, -1);
    this.source += text.replace(/\r\n?/g, '\n');
    this.dirty = true;
  }

  /** Renders what changed since the last flush. Returns false when there was nothing to do. */
  flush(): boolean {
    if (!this.dirty) return false;
    this.dirty = false;
    const tail = this.source.slice(this.committed);
    const tokens = this.renderer.parse(tail);
    const cut = findCommitPoint(tokens, tail);
    for (const node of this.openNodes) node.remove();
    let openTokens = tokens;
    if (cut) {
      // Newly finished blocks: rendered once, then left alone for good.
      this.container.append(this.renderer.renderFragment(tokens.slice(0, cut.tokenIndex)));
      this.committed += cut.offset;
      openTokens = tokens.slice(cut.tokenIndex);
    }
    const fragment = this.renderer.renderFragment(openTokens);
    this.openNodes = Array.from(fragment.childNodes);
    this.container.append(fragment);
    return true;
  }

  /** The stream ended: a held carriage return becomes a line break and the tail is rendered. */
  finish(): void {
    if (this.heldCarriageReturn) {
      this.heldCarriageReturn = false;
      this.source += '\n';
      this.dirty = true;
    }
    this.flush();
  }
}

/** Where finished blocks end in a parsed tail: a token index and the matching text offset. */
export interface CommitPoint {
  readonly tokenIndex: number;
  readonly offset: number;
}

/**
 * The last point before which every block is finished for good, or undefined.
 *
 * A boundary before top-level block B is safe when B's first line is complete (so its kind can no
 * longer change, e.g. `2` becoming `2. item` and continuing a list) and either a blank line
 * precedes B or the block before B ends on its own line (fence, heading, rule). After a blank
 * line, markdown-it decides whether a list, quote or indented code continues from B's first line
 * alone, so no later text can reopen what came before; and a parse that starts at a block
 * boundary yields the same tokens as the parse of the whole text.
 */
export function findCommitPoint(tokens: readonly Token[], text: string): CommitPoint | undefined {
  const starts: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.level === 0 && token.nesting !== -1 && token.map) starts.push(i);
  }
  if (starts.length < 2) return undefined;
  const lineStarts = lineStartOffsets(text);
  for (let s = starts.length - 1; s >= 1; s--) {
    const block = tokens[starts[s]];
    const previous = tokens[starts[s - 1]];
    const firstLine = block.map![0];
    const firstLineComplete = firstLine + 1 < lineStarts.length;
    if (!firstLineComplete) continue;
    const lineBefore = text.slice(lineStarts[firstLine - 1], lineStarts[firstLine] - 1);
    if (/^[ \t]*$/.test(lineBefore) || selfTerminating.has(previous.type)) {
      return { tokenIndex: starts[s], offset: lineStarts[firstLine] };
    }
  }
  return undefined;
}

/** Offsets where each line starts; the entry after the last newline marks a complete last line. */
function lineStartOffsets(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
