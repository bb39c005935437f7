// How a long conversation crosses to the webview in pages. The `conversation` message carries the
// last turns in full and the older ones as stubs (an id and the figures the header's cost needs);
// the webview asks for older turns with `loadTurns` as the user scrolls up, and the host answers
// with a `turns` page naming the request. Both sides slice with these helpers. Pure.
import type { FooterView, TurnCost, TurnStub } from './protocolViews';

/** Turns sent in full when a conversation opens (more than two screens of any real panel). */
export const turnsInFull = 20;
/** Turns the webview asks for at a time when the user scrolls up. */
export const turnsPerPage = 20;
/** The most turns one `loadTurns` may ask for (a restored scroll position may need many). */
export const maxTurnsPerPage = 500;

/** The older turns (to send as stubs) and the last `inFull` (to send whole), in order. */
export function splitForOpening<T>(
  turns: readonly T[],
  inFull = turnsInFull,
): { readonly earlier: readonly T[]; readonly recent: readonly T[] } {
  const cut = Math.max(0, turns.length - inFull);
  return { earlier: turns.slice(0, cut), recent: turns.slice(cut) };
}

/**
 * Up to `count` turns just before the turn `beforeTurnId`, in order; undefined when that turn is
 * not in the conversation (the view is out of date).
 */
export function pageBefore<T extends { readonly id: string }>(
  turns: readonly T[],
  beforeTurnId: string,
  count: number,
): readonly T[] | undefined {
  const at = turns.findIndex((t) => t.id === beforeTurnId);
  if (at < 0) return undefined;
  return turns.slice(Math.max(0, at - count), at);
}

/** The stub of a turn not sent in full: its id and, when it has a footer, its cost. */
export function turnStub(id: string, footer: FooterView | undefined): TurnStub {
  return footer ? { id, cost: turnCost(footer) } : { id };
}

/** What an answer cost, as the conversation's total needs it. */
export function turnCost(footer: FooterView): TurnCost {
  return {
    ...(footer.costUsd === undefined ? {} : { usd: footer.costUsd }),
    ...(footer.estimated ? { estimated: true } : {}),
  };
}
