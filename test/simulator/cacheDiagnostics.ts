// Cache diagnostics (`diagnostics.previous_message_id`): the server keeps a fingerprint of each
// request that opted in, under the id of the message it answered with, and tells the next request
// why its prompt could not reuse that one's cached prefix. The order of the checks is the API's:
// model or speed, then tools, then system, then messages; other prompt-affecting settings such as
// `thinking` can only be reported as `unavailable`.

import type { Segment } from './promptCache';
import { cacheSeed } from './promptCache';
import type { ValidRequest } from './validate';

export type CacheMissReason =
  | {
      type: 'model_changed' | 'system_changed' | 'tools_changed' | 'messages_changed';
      cache_missed_input_tokens: number;
    }
  | { type: 'previous_message_not_found' }
  | { type: 'unavailable' };

export interface Diagnostics {
  cache_miss_reason: CacheMissReason | null;
}

interface Fingerprint {
  modelAndSpeed: string;
  seed: string;
  tools: string;
  system: string;
  /** One hash per message (its blocks' hashes joined). */
  messages: string[];
  /** Tokens that were in the cache after that request (read + written). */
  cachedTokens: number;
}

/** Bound on remembered fingerprints, oldest dropped first. */
const MAX_FINGERPRINTS = 1_000;

function fingerprint(req: ValidRequest, segs: readonly Segment[], cachedTokens: number): Fingerprint {
  const join = (pick: (s: Segment) => boolean): string =>
    segs
      .filter(pick)
      .map((s) => s.own)
      .join(',');
  return {
    modelAndSpeed: `${req.model.id}\u0000${req.servedSpeed}`,
    seed: cacheSeed(req),
    tools: join((s) => s.part === 'tools'),
    system: join((s) => s.part === 'system'),
    messages: req.messages.map((_, i) => join((s) => s.part === 'messages' && s.message === i)),
    cachedTokens,
  };
}

export class CacheDiagnostics {
  private readonly byMessageId = new Map<string, Fingerprint>();

  /**
   * The `diagnostics` of a response (null when not asked for or when nothing diverged), and the
   * request's fingerprint remembered under `messageId` when it opted in.
   */
  diagnose(
    req: ValidRequest,
    segs: readonly Segment[],
    messageId: string,
    usage: { cache_read_input_tokens?: number | null; cache_creation_input_tokens?: number | null },
  ): Diagnostics | null {
    if (!req.diagnostics) return null;
    const read = usage.cache_read_input_tokens ?? 0;
    const now = fingerprint(req, segs, read + (usage.cache_creation_input_tokens ?? 0));
    this.byMessageId.set(messageId, now);
    if (this.byMessageId.size > MAX_FINGERPRINTS) {
      const oldest = this.byMessageId.keys().next().value;
      if (oldest !== undefined) this.byMessageId.delete(oldest);
    }
    const previousId = req.diagnostics.previousMessageId;
    if (previousId === null) return null;
    const before = this.byMessageId.get(previousId);
    if (!before) return { cache_miss_reason: { type: 'previous_message_not_found' } };
    const missed = Math.max(0, before.cachedTokens - read);
    const reason = (
      type: 'model_changed' | 'system_changed' | 'tools_changed' | 'messages_changed',
    ): Diagnostics => ({
      cache_miss_reason: { type, cache_missed_input_tokens: missed },
    });
    if (before.modelAndSpeed !== now.modelAndSpeed) return reason('model_changed');
    if (before.tools !== now.tools) return reason('tools_changed');
    if (before.system !== now.system) return reason('system_changed');
    const appendOnly =
      before.messages.length <= now.messages.length && before.messages.every((m, i) => m === now.messages[i]);
    if (!appendOnly) return reason('messages_changed');
    if (before.seed !== now.seed) return { cache_miss_reason: { type: 'unavailable' } };
    return null;
  }
}
