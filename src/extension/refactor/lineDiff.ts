// A line diff of the selected code against a proposal, as hunks: which original lines go and which
// lines come in their place. While the proposal streams only its first lines exist, so
// `settledHunks` keeps the hunks that later lines can no longer change. No vscode import.

/** Original lines [start, end) are replaced by `lines` (start === end: a pure insertion). */
export interface Hunk {
  readonly start: number;
  readonly end: number;
  readonly lines: readonly string[];
}

/** Above this many cells the diff gives up on alignment and replaces the middle as one hunk. */
const maxCells = 4_000_000;

type Step = { readonly kind: 'same' | 'del' | 'add'; readonly line: string };

/** Longest-common-subsequence steps turning `a` into `b`. */
function steps(a: readonly string[], b: readonly string[]): Step[] {
  const n = a.length;
  const m = b.length;
  if (n * m > maxCells) {
    return [
      ...a.map((line) => ({ kind: 'del' as const, line })),
      ...b.map((line) => ({ kind: 'add' as const, line })),
    ];
  }
  // lcs[i][j]: the LCS length of a[i..] and b[j..], one flat array.
  const lcs = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number): number => lcs[i * (m + 1) + j] ?? 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] = a[i] === b[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const out: Step[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push({ kind: 'same', line: a[i] ?? '' });
      i++;
      j++;
    } else if (j < m && (i === n || at(i, j + 1) >= at(i + 1, j))) {
      out.push({ kind: 'add', line: b[j] ?? '' });
      j++;
    } else {
      out.push({ kind: 'del', line: a[i] ?? '' });
      i++;
    }
  }
  return out;
}

/** How many leading and trailing items two sequences share (lines, or characters of a string). */
export function commonEnds<T>(a: ArrayLike<T>, b: ArrayLike<T>): { head: number; tail: number } {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  return { head, tail };
}

/** The hunks that turn `original` into `proposal`, in order, never adjacent. */
export function diffLines(original: readonly string[], proposal: readonly string[]): Hunk[] {
  // Equal head and tail lines need no table.
  const { head, tail } = commonEnds(original, proposal);
  const hunks: Hunk[] = [];
  let line = head;
  let open: { start: number; end: number; lines: string[] } | undefined;
  for (const s of steps(
    original.slice(head, original.length - tail),
    proposal.slice(head, proposal.length - tail),
  )) {
    if (s.kind === 'same') {
      if (open) hunks.push(open);
      open = undefined;
      line++;
      continue;
    }
    open ??= { start: line, end: line, lines: [] };
    if (s.kind === 'del') {
      open.end++;
      line++;
    } else open.lines.push(s.line);
  }
  if (open) hunks.push(open);
  return hunks;
}

/**
 * The hunks of a proposal of which only the first lines (`partial`) have arrived that later lines
 * cannot change: each is followed by `anchor` unchanged lines already received. The rest of the
 * original is compared only as far as the proposal has come.
 */
export function settledHunks(original: readonly string[], partial: readonly string[], anchor = 1): Hunk[] {
  const hunks = diffLines(original, partial);
  const settled: Hunk[] = [];
  let offset = 0; // proposal line = original line + offset, between hunks
  for (const h of hunks) {
    offset += h.lines.length - (h.end - h.start);
    // The proposal line right after this hunk, and how many unchanged lines follow it there.
    const after = h.end + offset;
    if (after + anchor > partial.length) break;
    let same = 0;
    while (same < anchor && original[h.end + same] === partial[after + same]) same++;
    if (same < anchor) break;
    settled.push(h);
  }
  return settled;
}
