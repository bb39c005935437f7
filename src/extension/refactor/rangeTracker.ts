// Keeps a range of a document pointing at the same text while the user edits elsewhere, and
// notices when an edit touches it. Offsets, not positions, so one rule covers every case.
// No vscode import.

/** Character offsets into a document, end exclusive. */
export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

/** One content change as VS Code reports it: `removed` characters at `offset` replaced by `inserted`. */
export interface TextChange {
  readonly offset: number;
  readonly removed: number;
  readonly inserted: number;
}

/**
 * Where `range` is after `change`, or undefined when the change overlaps it. Edits that only
 * touch its edges (typing right before or right after it) leave its text intact and do not count.
 */
export function shiftRange(range: OffsetRange, change: TextChange): OffsetRange | undefined {
  const changeEnd = change.offset + change.removed;
  // Entirely before (an insertion at the very start lands before it too): the range moves, intact.
  if (changeEnd <= range.start) {
    const delta = change.inserted - change.removed;
    return { start: range.start + delta, end: range.end + delta };
  }
  if (change.offset >= range.end) return range;
  return undefined;
}
