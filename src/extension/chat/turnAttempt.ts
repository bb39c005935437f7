// One streaming attempt of a chat turn (the request already built): coalesced deltas to the
// webview, retry waits and the fast-mode fallback shown on the turn, and the `turnEnd` that closes
// it. Free of the vscode API (lint-enforced), like turnRunner.ts that calls it.

import type { BuiltRequest, StreamResult } from '../../anthropic/types';
import type { Turn } from './conversation';
import { DeltaBatcher } from './deltaBatcher';
import type { TurnDeps } from './turnRunner';

/** Streams `built` once for `turn`; resolves with the result, never rejects for API problems. */
export async function attempt(
  built: BuiltRequest,
  turn: Turn,
  deps: TurnDeps,
  signal: AbortSignal,
  fallbackMessage: (reason: string) => string = (reason) => reason,
): Promise<StreamResult> {
  const now = (): number => (deps.now ? deps.now() : Date.now());
  const batcher = new DeltaBatcher({
    post: (seq, ops) => deps.post({ type: 'delta', turnId: turn.id, seq, ops }),
  });
  deps.onBatcher?.(batcher);
  try {
    const result = await deps.client.stream(built, {
      signal,
      caps: deps.caps,
      fastPolicy: deps.settings.fastModeOn429,
      onDelta: (delta, message) => {
        batcher.push(delta, message);
        deps.onDelta?.(delta);
      },
      onEvent: (e) => {
        switch (e.type) {
          case 'retryWait':
            batcher.reset();
            deps.post({
              type: 'turnStatus',
              turnId: turn.id,
              status: 'waiting',
              message: `${e.reason} Retrying (attempt ${e.attempt + 1})…`,
              retryAt: now() + e.delayMs,
            });
            return;
          case 'fallback':
            deps.post({
              type: 'turnStatus',
              turnId: turn.id,
              status: 'fallback',
              message: fallbackMessage(e.reason),
            });
            return;
          case 'headers':
            deps.onRateLimits?.(e.rateLimits);
            return;
          case 'attempt':
            deps.log?.(`attempt ${e.attempt} at ${e.speed} speed`);
            return;
        }
      },
    });
    turn.thinkingMs = { ...batcher.thinkingMs };
    return result;
  } finally {
    batcher.flush();
    batcher.dispose();
  }
}

/** Records how `turn` ended and tells the webview. */
export function finish(
  turn: Turn,
  outcome: Turn['outcome'],
  deps: TurnDeps,
  extra: { footer?: Turn['footer']; error?: Turn['error'] },
): void {
  turn.outcome = outcome;
  turn.footer = extra.footer;
  turn.error = extra.error;
  deps.post({
    type: 'turnEnd',
    turnId: turn.id,
    outcome: outcome === 'streaming' ? 'interrupted' : outcome,
    ...(extra.footer ? { footer: extra.footer } : {}),
    ...(extra.error ? { error: extra.error } : {}),
    ...(turn.notice ? { notice: turn.notice } : {}),
  });
}
