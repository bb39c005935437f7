// Versions of a conversation from one turn on. Regenerate and editing a prompt never throw turns
// away: the turns from that point on (the "tail") are kept as another version of that turn, and
// the new turn starts a version of its own. The conversation's `turns` is always the chosen path;
// only it is sent to the API, so a request never contains turns the user has left behind.
// No vscode import: tested in plain Node.

import { newTurn, type Turn } from './conversation';

/** Stored on the first turn of the chosen tail: the other tails and where this one sits among them. */
export interface TurnVersions {
  /** Every other version's tail, in version order without the chosen one. */
  readonly others: readonly (readonly Turn[])[];
  /** The chosen version's position among all of them (0-based). */
  readonly index: number;
}

/** `‹ index+1 / count ›` for a turn that has other versions. */
export function versionOf(turn: Turn): { index: number; count: number } | undefined {
  const v = turn.versions;
  return v && v.others.length > 0 ? { index: v.index, count: v.others.length + 1 } : undefined;
}

/** All versions of the tail starting at `at`, in order, the chosen one included. */
function allVersions(turns: readonly Turn[], at: number): Turn[][] {
  const tail = turns.slice(at);
  const first = tail[0];
  if (!first) return [];
  const { versions, ...bare } = first;
  const chosen = [bare as Turn, ...tail.slice(1)];
  const others = (versions?.others ?? []).map((t) => [...t]);
  const index = Math.min(Math.max(versions?.index ?? 0, 0), others.length);
  others.splice(index, 0, chosen);
  return others;
}

function choose(turns: readonly Turn[], at: number, all: Turn[][], index: number): Turn[] {
  const chosen = all[index] ?? [];
  const others = all.filter((_, i) => i !== index);
  const [first, ...rest] = chosen;
  if (!first) return turns.slice(0, at);
  const head: Turn = others.length > 0 ? { ...first, versions: { others, index } } : first;
  return [...turns.slice(0, at), head, ...rest];
}

/**
 * The turns after replacing the tail at `at` with `replacement` as a new, last version; the old
 * tail stays reachable. `at` past the end appends.
 */
export function forkAt(turns: readonly Turn[], at: number, replacement: Turn): Turn[] {
  if (at >= turns.length) return [...turns, replacement];
  const { versions: _dropped, ...fresh } = replacement;
  const all = allVersions(turns, at);
  all.push([fresh]);
  return choose(turns, at, all, all.length - 1);
}

/** The turns with version `index` of the tail at turn `turnId` chosen; undefined if there is none. */
export function switchVersion(turns: readonly Turn[], turnId: string, index: number): Turn[] | undefined {
  const at = turns.findIndex((t) => t.id === turnId);
  if (at < 0) return undefined;
  const all = allVersions(turns, at);
  if (!Number.isInteger(index) || index < 0 || index >= all.length) return undefined;
  return choose(turns, at, all, index);
}

/**
 * Sending turn `turnId` (default: the last) again, with `prompt` when it was edited: the new turn,
 * the turns before it (the tail from there on kept as another version when it holds any answer),
 * and the turn it replaces. Undefined when there is no such turn, or an edit targets a continuation.
 */
export function rerunFrom(
  turns: readonly Turn[],
  turnId: string | undefined,
  prompt?: string,
): { before: Turn[]; turn: Turn; replaced: Turn } | undefined {
  const at = turnId === undefined ? turns.length - 1 : turns.findIndex((t) => t.id === turnId);
  const replaced = turns[at];
  if (!replaced || (prompt !== undefined && replaced.continuation)) return undefined;
  const turn: Turn = {
    ...newTurn(prompt ?? replaced.prompt),
    attachments: replaced.attachments,
    ...(replaced.continuation && prompt === undefined ? { continuation: true } : {}),
  };
  const keepOld = turns.slice(at).some((t) => t.content.length > 0);
  const next = keepOld
    ? forkAt(turns, at, turn)
    : [...turns.slice(0, at), { ...turn, ...(replaced.versions ? { versions: replaced.versions } : {}) }];
  const head = next.pop()!;
  return { before: next, turn: head, replaced };
}
