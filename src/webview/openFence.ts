// A fenced code block at the end of a streaming answer that has not closed yet. Its new text is
// appended to the DOM as plain text (highlighting waits for the final render), in blocks of lines
// so layout stays cheap, without parsing the block again: an unindented fence takes the source
// text as it is, any other fence (indented, in a list item or a quote) parses only its opening
// context plus the new lines. Per-flush cost does not grow with the length of the block.
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
  /** Any other fence: how its new lines are parsed (see appendNested). */
  readonly nested?: NestedFence;
}

/**
 * A fence that is not plain: its content lines lose container markers and indentation. Each line
 * is stripped on its own, so the content of new lines is that of a parse of `head` (the tail up to
 * and including the opening line) plus those lines. `shown` counts complete lines only; the
 * incomplete last line is shown in `partial`, replaced on every flush.
 */
interface NestedFence {
  readonly head: string;
  readonly openingLine: number;
  readonly marker: string;
  readonly partial: Text;
  /** The source's last, incomplete line. */
  pending: string;
}

type Parse = (source: string) => Token[];

/** What streamingFence found: the fence's first offset, its content, and how it streams. */
export interface FoundFence {
  readonly start: number;
  readonly content: string;
  readonly token: Token;
  readonly plain?: OpenFence['plain'];
  readonly nested?: Omit<NestedFence, 'partial' | 'pending'>;
}

/**
 * Before the fence's first render: a nested fence shows its incomplete last line apart (see
 * NestedFence), so its token renders the complete lines only. Returns that last line's content.
 */
export function holdLastLine(found: FoundFence): string {
  if (!found.nested) return '';
  const cut = found.content.lastIndexOf('\n') + 1;
  found.token.content = found.content.slice(0, cut);
  return found.content.slice(cut);
}

/** The open-fence state for a fence just rendered into `code` from `source` (see holdLastLine). */
export function openFence(found: FoundFence, code: Element, source: string, held: string): OpenFence {
  const { start, plain } = found;
  const content = found.content.slice(0, found.content.length - held.length);
  const nested = found.nested && {
    ...found.nested,
    partial: document.createTextNode(held),
    pending: source.slice(source.lastIndexOf('\n') + 1),
  };
  if (nested) code.append(nested.partial);
  const fence = { start, code, shown: content.length, chunk: code, chunkLines: lineBreaks(content), plain };
  return { ...fence, nested, ...lastLineOf(fence, source) };
}

/** After a parse appended `content` to the fence: where its fast path resumes. */
export function syncFence(fence: OpenFence, content: string, source: string): void {
  const added = content.slice(fence.shown);
  if (fence.nested) {
    const cut = added.lastIndexOf('\n') + 1;
    showNested(fence, added.slice(0, cut), added.slice(cut));
    fence.nested.pending = source.slice(source.lastIndexOf('\n') + 1);
    return;
  }
  appendCode(fence, added);
  Object.assign(fence, lastLineOf(fence, source));
}

function showNested(fence: OpenFence, complete: string, partial: string): void {
  appendCode(fence, complete);
  const node = fence.nested!.partial;
  node.data = partial;
  // New code went before it: the incomplete line stays last.
  if (fence.chunk.lastChild !== node) fence.chunk.append(node);
}

/**
 * Appends `fresh` to a nested open fence; false when the tail must be parsed instead (a line may
 * close the fence, or the new lines end its container). O(head + new text), not O(block).
 */
export function appendNested(fence: OpenFence, fresh: string, parse: Parse): boolean {
  const nested = fence.nested;
  if (!nested) return false;
  const text = nested.pending + fresh;
  if (text.split('\n').some((line) => mayClose(line, nested.marker))) return false;
  const cut = text.lastIndexOf('\n') + 1;
  const complete = cut > 0 ? contentOf(parse, nested, text.slice(0, cut)) : '';
  const partial = cut < text.length ? contentOf(parse, nested, text.slice(cut)) : '';
  if (complete === undefined || partial === undefined) return false;
  showNested(fence, complete, partial);
  nested.pending = text.slice(cut);
  return true;
}

/** The content `lines` add to the fence, or undefined when they do not all stay in it. */
function contentOf(parse: Parse, nested: NestedFence, lines: string): string | undefined {
  const source = nested.head + lines;
  const token = lastOpenToken(parse(source));
  const open =
    token?.type === 'fence' && token.map?.[0] === nested.openingLine && token.map[1] === lineCount(source);
  return open ? token.content : undefined;
}

/** The last token that is not a closing one: the innermost last block. */
function lastOpenToken(tokens: readonly Token[]): Token | undefined {
  let index = tokens.length - 1;
  while (index >= 0 && tokens[index].nesting === -1) index--;
  return tokens[index];
}

/**
 * Lines as markdown-it counts them: a last line break does not start another, and neither does
 * an incomplete last line of only spaces and tabs.
 */
function lineCount(text: string): number {
  const last = text.slice(text.lastIndexOf('\n') + 1);
  return lineBreaks(text) + (/^[ \t]*$/.test(last) ? 0 : 1);
}

/**
 * Whether `line` could close a fence opened with `marker` in some container: it ends with a run
 * of the marker's character at least as long. Conservative: such a line takes the parsing path.
 */
function mayClose(line: string, marker: string): boolean {
  const run = /(`+|~+)[ \t]*$/.exec(line)?.[1];
  return run !== undefined && run[0] === marker[0] && run.length >= marker.length;
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
  fence.chunk.className = 'code-chunk';
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
 * The open tail's fenced code block, if the tail ends inside a fence (at the top level or in
 * containers) whose opening line is complete (so its language is settled) and whose closing fence
 * has not arrived.
 */
export function streamingFence(
  tokens: readonly Token[],
  tail: string,
  tailStart: number,
): FoundFence | undefined {
  const token = lastOpenToken(tokens);
  if (token?.type !== 'fence' || !token.map) return undefined;
  const [first, end] = token.map;
  const lines = tail.split('\n');
  if (lines.length <= first + 1 || end !== lineCount(tail)) return undefined;
  const fenceChar = token.markup.startsWith('~') ? '~' : '`';
  const closing = new RegExp(`^ {0,3}${fenceChar}{${token.markup.length},}[ \\t]*$`);
  // Closed (or the closing line may be arriving): render normally.
  if (end - 1 > first && mayClose(lines[end - 1] ?? '', token.markup)) return undefined;
  let start = tailStart;
  for (let i = 0; i < first; i++) start += (lines[i]?.length ?? 0) + 1;
  const opening = lines[first] ?? '';
  const contentStart = start + opening.length + 1;
  const found = { start, content: token.content, token };
  if (tokens.length === 1 && /^[`~]/.test(opening)) return { ...found, plain: { contentStart, closing } };
  const head = tail.slice(0, contentStart - tailStart);
  return { ...found, nested: { head, openingLine: first, marker: token.markup } };
}
