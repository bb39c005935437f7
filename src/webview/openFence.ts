// A fenced code block at the end of a streaming answer that has not closed yet. Its new text is
// appended to the DOM as plain text (highlighting waits for the final render), in blocks of lines
// so layout stays cheap, and for an unindented fence without parsing the block again: per-flush
// cost does not grow with the length of the block.
import type { Token } from 'markdown-it';

/** Lines of a streaming code block per layout block (see appendCode). */
const linesPerCodeChunk = 64;

/** The open tail is a fenced code block still streaming: its text is appended, not re-rendered. */
export interface OpenFence {
  /** Offset of the fence's first line in the source; identifies the fence across flushes. */
  readonly start: number;
  readonly code: Element;
  /** Characters of the fence's content already in `code`. */
  shown: number;
  /** Where new code goes: `code` itself, then blocks of lines (see appendCode). */
  chunk: Element;
  chunkLines: number;
  /**
   * For a fence whose opening line is not indented, its content is the source text after the
   * opening line as is: where that content starts, and the line that would close the fence.
   * New text is then appended without parsing the tail again (see fenceTextToAppend).
   */
  readonly plain?: { readonly contentStart: number; readonly closing: RegExp };
  /** The source's last, incomplete line, and the end of it not yet shown (spaces held back). */
  lastLine: string;
  unshown: string;
}

/** What streamingFence found: the fence's first offset, its content, and the plain-fence facts. */
export interface FoundFence {
  readonly start: number;
  readonly content: string;
  readonly plain?: OpenFence['plain'];
}

/** The open-fence state for a fence just rendered in full into `code` from `source`. */
export function openFence(found: FoundFence, code: Element, source: string): OpenFence {
  const { start, content, plain } = found;
  const fence = { start, code, shown: content.length, chunk: code, chunkLines: lineBreaks(content), plain };
  return { ...fence, ...lastLineOf(fence, source) };
}

/** After a parse appended `content` to the fence: where its fast path resumes. */
export function syncFence(fence: OpenFence, content: string, source: string): void {
  appendCode(fence, content.slice(fence.shown));
  Object.assign(fence, lastLineOf(fence, source));
}

function lastLineOf(fence: Pick<OpenFence, 'plain' | 'shown'>, source: string) {
  const shownEnd = fence.plain ? fence.plain.contentStart + fence.shown : source.length;
  return {
    lastLine: source.slice(source.lastIndexOf('\n') + 1),
    unshown: source.slice(Math.min(shownEnd, source.length)),
  };
}

/**
 * The code to append to an unindented open fence for `fresh`, the text that arrived since the
 * last flush; undefined when the tail must be parsed. None of the lines that arrived (nor the
 * line that was incomplete before) may close the fence: at the top level only a closing fence
 * ends one, so the new source text is the new code. O(new text + last line), not O(block).
 */
export function fenceTextToAppend(fence: OpenFence, fresh: string): string | undefined {
  if (!fence.plain) return undefined;
  const lines = (fence.lastLine + fresh).split('\n');
  if (lines.some((line) => fence.plain!.closing.test(line))) return undefined;
  // markdown-it reads NUL as U+FFFD and leaves out a last line of only spaces and tabs while it
  // is incomplete; nothing else in unindented fence content differs from the source.
  const last = lines.at(-1) ?? '';
  const held = /^[ \t]+$/.test(last) ? last : '';
  const text = fence.unshown + fresh;
  if (held.length > text.length) return undefined;
  fence.lastLine = last;
  fence.unshown = held;
  return text.slice(0, text.length - held.length).replace(/\0/g, '\uFFFD');
}

/**
 * Appends streamed code to an open fence. One ever-longer run of text would be laid out again in
 * full on every frame, so the code goes into blocks of about `linesPerCodeChunk` lines (split
 * after a line break, so no line is cut in two). Only while streaming: the fence's final render
 * replaces them.
 */
export function appendCode(fence: OpenFence, text: string): void {
  if (!text) return;
  fence.shown += text.length;
  const breaks = lineBreaks(text);
  if (fence.chunkLines + breaks < linesPerCodeChunk) {
    fence.chunk.append(text);
    fence.chunkLines += breaks;
    return;
  }
  const cut = text.lastIndexOf('\n') + 1;
  fence.chunk.append(text.slice(0, cut));
  fence.chunk = document.createElement('div');
  fence.code.append(fence.chunk);
  fence.chunkLines = 0;
  if (cut < text.length) fence.chunk.append(text.slice(cut));
}

function lineBreaks(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/**
 * The open tail's fenced code block, if the tail is exactly one fence whose opening line is
 * complete (so its language is settled) and whose closing fence has not arrived.
 */
export function streamingFence(
  tokens: readonly Token[],
  tail: string,
  tailStart: number,
): FoundFence | undefined {
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
