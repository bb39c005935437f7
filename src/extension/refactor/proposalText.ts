// Fits the code block a model returned to the place it will replace: the document's line endings,
// the selection's trailing newline, and its indentation when the model dropped it.
// No vscode import.

export interface FitTarget {
  /** The selected text being replaced. */
  readonly original: string;
  /** The document's end-of-line sequence. */
  readonly eol: '\n' | '\r\n';
  /** Whether the selection starts at column 0 (so its first line carries its indentation). */
  readonly startsAtLineStart: boolean;
}

const lineBreak = /\r\n|\r|\n/;

/** The longest run of leading whitespace that every non-blank line shares. */
function commonIndent(lines: readonly string[]): string {
  let indent: string | undefined;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const own = /^[ \t]*/.exec(line)?.[0] ?? '';
    if (indent === undefined) {
      indent = own;
      continue;
    }
    let i = 0;
    while (i < indent.length && i < own.length && indent[i] === own[i]) i++;
    indent = indent.slice(0, i);
  }
  return indent ?? '';
}

/** The proposal as it should be inserted over `target.original`. */
export function fitProposal(proposal: string, target: FitTarget): string {
  let lines = proposal.split(lineBreak);
  const originalLines = target.original.split(lineBreak);
  const originalEndsWithBreak = originalLines.length > 1 && originalLines.at(-1) === '';
  // A fenced block never ends with a newline of its own; drop blank tail lines before deciding.
  while (lines.length > 1 && lines.at(-1)?.trim() === '') lines.pop();

  if (target.startsAtLineStart) {
    const want = commonIndent(originalLines);
    const have = commonIndent(lines);
    // Models often return a nested selection flush left; put it back where it was.
    if (want !== '' && have === '') lines = lines.map((l) => (l.trim() === '' ? l : want + l));
  }
  const body = lines.join(target.eol);
  return originalEndsWithBreak ? body + target.eol : body;
}

/** Whether two texts differ only in line endings. */
export function sameCode(a: string, b: string): boolean {
  return a.split(lineBreak).join('\n') === b.split(lineBreak).join('\n');
}
