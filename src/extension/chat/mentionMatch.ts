// Pure helpers for @-mentions and context chips: fuzzy ranking of candidates, exact line spans of
// a selection, and the rough token size shown on a chip. No vscode import: unit-tested in Node.

/** What a person sees in the mention list, and the text the query is matched against. */
export interface MentionCandidate {
  readonly label: string;
  /** Matched too (e.g. a file's folder), but a hit in the label ranks higher. */
  readonly detail?: string;
}

/**
 * Scores `query` as a subsequence of `text` (case-insensitive): 0 means no match; consecutive
 * letters, letters at word starts (after `/`, `.`, `-`, `_`, a space or a lower→upper change) and
 * an early first hit score higher. An empty query matches everything with score 1.
 */
export function fuzzyScore(query: string, text: string): number {
  const q = query.toLowerCase();
  if (q === '') return 1;
  const t = text.toLowerCase();
  let score = 0;
  let from = 0;
  let previous = -2;
  for (const ch of q) {
    const at = t.indexOf(ch, from);
    if (at < 0) return 0;
    let points = 1;
    if (at === previous + 1) points += 3;
    if (at === 0 || /[\\/._\-\s]/.test(t[at - 1]) || isCaseBoundary(text, at)) points += 2;
    score += points;
    previous = at;
    from = at + 1;
  }
  // Prefer short texts and early first hits among equal matches.
  return score + 1 / (1 + t.indexOf(q[0])) + 1 / (1 + t.length);
}

function isCaseBoundary(text: string, at: number): boolean {
  const before = text[at - 1];
  const here = text[at];
  return before !== undefined && before === before.toLowerCase() && here !== here.toLowerCase();
}

/** The best `limit` candidates for `query`, best first; ties keep their input order. */
export function rankMentions<T extends MentionCandidate>(
  query: string,
  candidates: readonly T[],
  limit: number,
): T[] {
  const scored: { item: T; score: number; order: number }[] = [];
  candidates.forEach((item, order) => {
    const inLabel = fuzzyScore(query, item.label);
    const inDetail = item.detail ? fuzzyScore(query, `${item.detail}/${item.label}`) / 2 : 0;
    const score = Math.max(inLabel, inDetail);
    if (score > 0) scored.push({ item, score, order });
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.slice(0, limit).map((s) => s.item);
}

/**
 * The 1-based first and last line a selection really covers. A selection that ends at column 0 of
 * a later line does not include that line: from line 2 to line 7 column 1 (one-based) is 2–6.
 * Arguments are 0-based, as in `vscode.Position`.
 */
export function lineSpan(
  startLine: number,
  endLine: number,
  endCharacter: number,
): { first: number; last: number } {
  const last = endCharacter === 0 && endLine > startLine ? endLine - 1 : endLine;
  return { first: startLine + 1, last: last + 1 };
}

/** `a.ts:3` for one line, `a.ts:2-6` for several. */
export function spanLabel(path: string, span: { first: number; last: number }): string {
  return span.first === span.last ? `${path}:${span.first}` : `${path}:${span.first}-${span.last}`;
}

/** Lines in `text`; a final line break does not start another line. */
export function lineCount(text: string): number {
  if (text === '') return 0;
  const breaks = text.match(/\r?\n/g)?.length ?? 0;
  return /\r?\n$/.test(text) ? breaks : breaks + 1;
}
