// Why a conversation file does not load, in words for the user: a file from a newer Thinkfast
// (kept in place, never overwritten), or text that is not JSON, with a truncated file (a write
// cut off by a crash) told apart from other damage. No vscode import.

import { conversationVersion } from './conversation';

/** A conversation file whose format is newer than this Thinkfast reads: left as it is. */
export class NewerFormatError extends Error {
  constructor(
    readonly version: number,
    /** What the file says about itself, where it says it in a shape we know. */
    readonly title: string | undefined,
    readonly updatedAt: number | undefined,
    readonly turns: number,
  ) {
    super(
      `saved by a newer Thinkfast (conversation format ${version}; this version reads ${conversationVersion})`,
    );
    this.name = 'NewerFormatError';
  }
}

/** Throws NewerFormatError when `raw` is a conversation from a newer format version. */
export function checkNotNewer(raw: {
  version?: unknown;
  title?: unknown;
  updatedAt?: unknown;
  turns?: unknown;
}): void {
  const v = raw.version;
  if (typeof v !== 'number' || !Number.isInteger(v) || v <= conversationVersion) return;
  throw new NewerFormatError(
    v,
    typeof raw.title === 'string' ? raw.title : undefined,
    typeof raw.updatedAt === 'number' ? raw.updatedAt : undefined,
    Array.isArray(raw.turns) ? raw.turns.length : 0,
  );
}

/** `JSON.parse(text)`, with an error that says what is wrong with the file in plain words. */
export function parseJsonFile(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new Error(describeBadJson(text, e instanceof Error ? e.message : String(e)));
  }
}

function describeBadJson(text: string, parserMessage: string): string {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (text.trim() === '') return `the file is empty (${bytes} bytes)`;
  const at = /position (\d+)/.exec(parserMessage);
  // Cut off: what is there opens more than it closes, and the parser ran out of text, not into junk.
  const ranOut =
    /end of JSON input/.test(parserMessage) || (at !== null && Number(at[1]) >= text.trimEnd().length);
  if (ranOut && endsEarly(text))
    return `the file ends early (${bytes} bytes, cut off in the middle): it was probably being written when VS Code or the machine stopped`;
  const where = at ? ` near ${lineColumn(text, Number(at[1]))}` : '';
  return `the file is not valid JSON${where}`;
}

/** True when `text` reads as the start of a JSON value whose end is missing. */
function endsEarly(text: string): boolean {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (const ch of text) {
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      if (--depth < 0) return false;
    }
  }
  return inString || depth > 0;
}

function lineColumn(text: string, position: number): string {
  const before = text.slice(0, position).split('\n');
  return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}
