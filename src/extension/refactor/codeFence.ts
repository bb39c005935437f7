// Finds the fenced code blocks in a model's answer (CommonMark fences: ``` or ~~~, up to three
// spaces of indentation, a closing fence of the same character at least as long). The refactor
// asks for exactly one block; anything else is reported, never guessed at. No vscode import.

/** One fenced block: its info-string language and its content, without the fence lines. */
export interface FencedBlock {
  readonly lang: string;
  readonly code: string;
  /** False when the answer ended before the closing fence (a cut-off answer). */
  readonly closed: boolean;
}

const OPENING = /^( {0,3})(`{3,}|~{3,})(.*)$/;

/** An opening fence line: its indentation width, fence and info language; undefined otherwise. */
export interface FenceOpening {
  readonly indent: number;
  readonly fence: string;
  readonly info: string;
}

export function openingFence(line: string): FenceOpening | undefined {
  const open = OPENING.exec(line);
  if (!open) return undefined;
  const fence = open[2] ?? '```';
  const info = (open[3] ?? '').trim();
  // A backtick fence's info string may not contain backticks: such a line is inline code.
  if (fence.startsWith('`') && info.includes('`')) return undefined;
  return { indent: open[1]?.length ?? 0, fence, info };
}

/** Whether `line` closes a block opened by `opening` (same character, at least as long). */
export function closesFence(line: string, opening: FenceOpening): boolean {
  const ch = opening.fence[0] === '`' ? '`' : '~';
  return new RegExp(`^ {0,3}${ch}{${opening.fence.length},}[ \\t]*$`).test(line);
}

/** A content line without up to as many leading spaces as the opening fence had. */
export function contentLine(line: string, opening: FenceOpening): string {
  return line.replace(new RegExp(`^ {0,${opening.indent}}`), '');
}

/** Every fenced block in `text`, in order. */
export function findFencedBlocks(text: string): FencedBlock[] {
  const lines = text.split(/\r\n|\r|\n/);
  const blocks: FencedBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = openingFence(lines[i] ?? '');
    if (!open) continue;
    const body: string[] = [];
    let closed = false;
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j] ?? '';
      if (closesFence(line, open)) {
        closed = true;
        break;
      }
      body.push(contentLine(line, open));
    }
    blocks.push({ lang: open.info.split(/\s+/)[0] ?? '', code: body.join('\n'), closed });
    i = j;
  }
  return blocks;
}

export type SingleBlock =
  | { readonly ok: true; readonly lang: string; readonly code: string }
  | { readonly ok: false; readonly problem: string };

/** The one fenced block the refactor prompt asks for, or a sentence saying what came instead. */
export function singleFencedBlock(answer: string): SingleBlock {
  const blocks = findFencedBlocks(answer);
  if (blocks.length === 0) {
    return {
      ok: false,
      problem: answer.trim() === '' ? 'The answer was empty.' : 'The answer contained no fenced code block.',
    };
  }
  if (blocks.length > 1) {
    return {
      ok: false,
      problem: `The answer contained ${blocks.length} code blocks instead of exactly one.`,
    };
  }
  const [block] = blocks;
  if (!block?.closed)
    return { ok: false, problem: 'The answer ended inside its code block (it was cut off).' };
  return { ok: true, lang: block.lang, code: block.code };
}
