// Incremental markdown for streamed text. The text is cut into top-level blocks; a block that is
// provably finished is rendered once and its DOM nodes are never touched again, and only the open
// tail (usually the last block) is re-rendered per flush. The cut points are chosen so that the
// concatenation equals rendering the whole text at once (see findCommitPoint).
import type { Token } from 'markdown-it';
import type { MarkdownRenderer } from './markdownRenderer';
import type { OpenFence } from './openFence';
import {
  appendCode,
  appendNested,
  fenceTextToAppend,
  holdLastLine,
  openFence,
  streamingFence,
  syncFence,
} from './openFence';

/** Blocks that end on their own last line: nothing after them can extend them. */
const selfTerminating = new Set(['fence', 'heading_open', 'hr']);

/** Finished blocks per wrapper: layout then walks a few dozen wrappers, not thousands of blocks. */
const blocksPerChunk = 32;

export class MarkdownStream {
  private source = '';
  /** Offset in `source` where the open tail starts; everything before is committed DOM. */
  private committed = 0;
  private openNodes: ChildNode[] = [];
  /** The tail text `openNodes` are a full render of; undefined once a fence appended to them. */
  private openSource: string | undefined;
  private openFence: OpenFence | undefined;
  private chunk: HTMLElement | undefined;
  private chunkBlocks = 0;
  /** Text appended since the last flush. */
  private fresh = '';
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
    const normalized = text.replace(/\r\n?/g, '\n');
    this.source += normalized;
    this.fresh += normalized;
    this.dirty = true;
  }

  /** Renders what changed since the last flush. Returns false when there was nothing to do. */
  flush(): boolean {
    return this.render(false);
  }

  /** The stream ended: a held carriage return becomes a line break and the tail is rendered. */
  finish(): void {
    if (this.heldCarriageReturn) {
      this.heldCarriageReturn = false;
      this.source += '\n';
      this.fresh += '\n';
      this.dirty = true;
    }
    // A streaming fence was shown unhighlighted: it needs its real render now.
    if (this.openFence) this.dirty = true;
    this.render(true);
  }

  private render(final: boolean): boolean {
    if (!this.dirty) return false;
    this.dirty = false;
    const fresh = this.fresh;
    this.fresh = '';
    if (!final && this.appendToFence(fresh)) return true;
    const tailStart = this.committed;
    const tail = this.source.slice(tailStart);
    const tokens = this.renderer.parse(tail);
    const cut = findCommitPoint(tokens, tail);
    let openTokens = tokens;
    if (cut) {
      const finished = tail.slice(0, cut.offset);
      if (
        this.openSource !== undefined &&
        this.openNodes.length > 0 &&
        sameRender(this.openSource, finished)
      ) {
        // The open render already shows exactly these blocks: they become final as they are.
        const nodes = this.openNodes;
        this.openNodes = [];
        this.commit(nodes);
      } else {
        // Newly finished blocks: rendered once, then left alone for good.
        this.clearOpen();
        this.commit(Array.from(this.renderer.renderFragment(tokens.slice(0, cut.tokenIndex)).childNodes));
      }
      this.openFence = undefined;
      this.openSource = undefined;
      this.committed += cut.offset;
      openTokens = tokens.slice(cut.tokenIndex);
    }
    // Token line numbers are relative to the tail as parsed, before any commit above.
    const fence = final ? undefined : streamingFence(openTokens, tail, tailStart);
    if (fence && this.openFence?.start === fence.start) {
      // Same fence as last time: append only the new code, as plain text (never parsed as HTML).
      syncFence(this.openFence, fence.content, this.source);
      this.openSource = undefined;
      return true;
    }
    this.clearOpen();
    const held = fence ? holdLastLine(fence) : '';
    const fragment = this.renderer.renderFragment(openTokens);
    this.openNodes = Array.from(fragment.childNodes);
    // A nested fence renders without its last line (see holdLastLine): not a full render.
    this.openSource = fence?.nested ? undefined : cut ? tail.slice(cut.offset) : tail;
    const code = fence && Array.from(fragment.querySelectorAll('pre > code')).at(-1);
    if (fence && code) this.openFence = openFence(fence, code, this.source, held);
    this.container.append(fragment);
    return true;
  }

  /** Appends to the open fence without parsing when that is safe (see fenceTextToAppend, appendNested). */
  private appendToFence(fresh: string): boolean {
    const fence = this.openFence;
    if (fence?.nested) return appendNested(fence, fresh, (text) => this.renderer.parse(text));
    const text = fence && fenceTextToAppend(fence, fresh);
    if (text === undefined) return false;
    appendCode(fence!, text);
    this.openSource = undefined;
    return true;
  }

  private clearOpen(): void {
    for (const node of this.openNodes) node.remove();
    this.openNodes = [];
    this.openFence = undefined;
    this.openSource = undefined;
  }

  private commit(nodes: readonly ChildNode[]): void {
    for (const node of nodes) {
      if (!this.chunk || this.chunkBlocks >= blocksPerChunk) {
        this.chunk = document.createElement('div');
        this.chunk.className = 'md-chunk';
        this.chunkBlocks = 0;
        this.container.append(this.chunk);
      }
      this.chunk.append(node);
      if (node.nodeType === Node.ELEMENT_NODE) this.chunkBlocks++;
    }
  }
}

/**
 * True when `finished` is `rendered` plus only line breaks and blank lines, which add nothing to
 * markdown-it's output (spaces on the same line could: indented code keeps them).
 */
function sameRender(rendered: string, finished: string): boolean {
  return finished.startsWith(rendered) && /^(\n[ \t]*)*$/.test(finished.slice(rendered.length));
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
