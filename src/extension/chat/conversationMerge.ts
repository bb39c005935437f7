// Two windows share the extension's global storage, so one conversation file can be written by
// two hosts. A save merges what the other window added instead of overwriting it: turns on disk
// that this store never saw are kept, in their place after the turn that precedes them there;
// turns this store saw and the conversation no longer has (regenerated, edited) stay removed.
// Pure: plain-Node tests cover it.

import type { Conversation, Turn } from './conversation';

/**
 * `ours` with the turns of `theirs` that are neither in `ours` nor in `seen` (turn ids this store
 * has had in a conversation it loaded or saved). Returns `ours` itself when there are none.
 */
export function mergeTurns(
  ours: readonly Turn[],
  theirs: readonly Turn[],
  seen: ReadonlySet<string>,
): Turn[] {
  const have = new Set(ours.map((t) => t.id));
  const foreign = theirs.filter((t) => !have.has(t.id) && !seen.has(t.id));
  if (foreign.length === 0) return ours as Turn[];
  const merged = [...ours];
  let anchor = -1; // where in `merged` the previous turn of `theirs` sits
  for (const t of theirs) {
    const at = merged.findIndex((m) => m.id === t.id);
    if (at >= 0) {
      anchor = at;
    } else if (foreign.includes(t)) {
      merged.splice(anchor + 1, 0, t);
      anchor += 1;
    }
  }
  return merged;
}

/** The conversation to write: ours, with the other window's new turns merged in. */
export function mergeConversation(
  ours: Conversation,
  disk: Conversation,
  seen: ReadonlySet<string>,
): Conversation {
  const turns = mergeTurns(ours.turns, disk.turns, seen);
  if (turns === ours.turns) return ours;
  return {
    ...ours,
    turns,
    title: ours.title === 'New chat' ? disk.title : ours.title,
    updatedAt: Math.max(ours.updatedAt, disk.updatedAt),
  };
}

/** Puts the other window's new turns into `c` itself (the session's live object); true if any. */
export function adoptTurns(c: Conversation, theirs: Conversation, seen: ReadonlySet<string>): boolean {
  const turns = mergeTurns(c.turns, theirs.turns, seen);
  if (turns === c.turns) return false;
  c.turns = turns;
  if (c.title === 'New chat') c.title = theirs.title;
  return true;
}
