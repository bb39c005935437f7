// Incremental markdown for streamed text. The text is cut into top-level blocks; a block that is
// provably finished is rendered once and its DOM nodes are never touched again, and only the open
// tail (usually the last block) is re-rendered per flush. The cut points are chosen so that the
// concatenation equals rendering the whole text at once (see findCommitPoint).
import type { Token } from 'markdown-it';
import type { MarkdownRenderer } from './markdownRenderer';

/** Blocks that end on their own last line: nothing after them can extend them. */
const selfTerminating = new Set(['fence', 'heading_open', 'hr']);

/** Finished blocks per wrapper: layout then walks a few dozen wrappers, not thousands of blocks. */
const blocksPerChunk = 32;

/** The open tail is a fenced code block still streaming: its text is appended, not re-rendered. */
interface OpenFence {
  /** Offset of the fence's first line in the source; identifies the fence across flushes. */
  readonly start: number;
  readonly code: Element;
  /** Characters of the fence's content already in `code`. */
  shown: number;
  /**
   * For a fence whose opening line is not indented, its content is the source text after the
   * opening line as is: where that content starts, and the line that would close the fence.
   * New text is then appended without parsing the tail again (see appendToFence).
   */
  readonly plain?: { readonly contentStart: number; readonly closing: RegExp };
}

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
    return this.render(false);
  }

  /** The stream ended: a held carriage return becomes a line break and the tail is rendered. */
  finish(): void {
    if (this.heldCarriageReturn) {
      this.heldCarriageReturn = false;
      this.source += '\n';
      this.dirty = true;
    }
    // A streaming fence was shown unhighlighted: it needs its real render now.
    if (this.openFence) this.dirty = true;
    this.render(true);
  }

  private render(final: boolean): boolean {
    if (!this.dirty) return false;
    this.dirty = false;
    if (!final && this.appendToFence()) return true;
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
      this.openFence.code.append(fence.content.slice(this.openFence.shown));
      this.openFence.shown = fence.content.length;
      this.openSource = undefined;
      return true;
    }
    this.clearOpen();
    const fragment = this.renderer.renderFragment(openTokens);
    this.openNodes = Array.from(fragment.childNodes);
    this.openSource = cut ? tail.slice(cut.offset) : tail;
    const code = fence && fragment.querySelector('pre code');
    if (fence && code)
      this.openFence = { start: fence.start, code, shown: fence.content.length, plain: fence.plain };
    this.container.append(fragment);
    return true;
  }

  /**
   * The open tail is an unindented fence and none of the lines that arrived (nor the line that
   * was incomplete before) can close it: at the top level only a closing fence ends a fence, so
   * the new text is the new code, appended as plain text in O(new text) instead of a re-parse of
   * the whole block. Returns false when the tail must be parsed.
   */
  private appendToFence(): boolean {
    const fence = this.openFence;
    if (!fence?.plain) return false;
    const from = fence.plain.contentStart + fence.shown;
    if (from > this.source.length) return false;
    const lineStart = this.source.lastIndexOf('\n', from - 1) + 1;
    const lines = this.source.slice(Math.max(lineStart, fence.plain.contentStart)).split('\n');
    if (lines.some((line) => fence.plain!.closing.test(line))) return false;
    // markdown-it reads NUL as U+FFFD and leaves out a last line of only spaces and tabs while it
    // is incomplete; nothing else in unindented fence content differs from the source.
    const last = lines.at(-1) ?? '';
    const end = /^[ \t]+$/.test(last) ? this.source.length - last.length : this.source.length;
    if (end < from) return false;
    const text = this.source.slice(from, end).replace(/\0/g, '\uFFFD');
    fence.code.append(text);
    fence.shown += text.length;
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

/**
 * The open tail's fenced code block, if the tail is exactly one fence whose opening line is
 * complete (so its language is settled) and whose closing fence has not arrived.
 */
function streamingFence(
  tokens: readonly Token[],
  tail: string,
  tailStart: number,
): { start: number; content: string; plain?: OpenFence['plain'] } | undefined {
  const token = tokens[0];
  if (tokens.length !== 1 || token?.type !== 'fence' || !token.map) return undefined;
  const [first, end] = token.map;
  const lines = tail.split('\n');
  if (lines.length <= first + 1) return undefined;
  const fenceChar = token.markup.startsWith('~') ? '~' : '`';
  const closing = new RegExp(`^ {0,3}${fenceChar}{${token.markup.length},}[ \\t]*$`);
  // Closed (or the closing line may be arriving): render normally.
  if (end - 1 > first && closing.test(lines[end - 1] ?? '')) return undefined;
  let start = tailStart;
  for (let i = 0; i < first; i++) start += (lines[i]?.length ?? 0) + 1;
  const opening = lines[first] ?? '';
  const contentStart = start + opening.length + 1;
  const plain = /^[`~]/.test(opening) ? { contentStart, closing } : undefined;
  return { start, content: token.content, plain };
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
