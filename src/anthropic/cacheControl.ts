// Where a request asks the API to cache its prompt. Pure. The choice and its measurements are in
// ARCHITECTURE.md ("Prompt caching"): chat uses the top-level `cache_control`, which leaves the
// history's bytes untouched from turn to turn; explicit breakpoints are kept for the measurement
// and for requests whose only repeating part is the system prompt (refactors).

import type { CacheControl, CacheTtl, MessageCreateParams, MessageParam, TextBlockParam } from './types';

/**
 * - `conversation`: top-level `cache_control` (the API puts the breakpoint on the last block and
 *   moves it as the conversation grows) — the default for chat.
 * - `breakpoints`: explicit breakpoints on the last system block and the last user turn.
 * - `system`: one breakpoint on the last system block — what repeats between refactors.
 * - `off`: no caching.
 */
export type CacheStrategy = 'conversation' | 'breakpoints' | 'system' | 'off';

export const DEFAULT_CACHE_TTL: CacheTtl = '5m';

function marker(ttl: CacheTtl): CacheControl {
  // The default TTL is left implicit, as the API's own examples do; 1h must be said.
  return ttl === '5m' ? { type: 'ephemeral' } : { type: 'ephemeral', ttl };
}

function systemWithBreakpoint(
  system: string | TextBlockParam[] | undefined,
  cc: CacheControl,
): TextBlockParam[] | undefined {
  if (system === undefined) return undefined;
  const blocks = typeof system === 'string' ? [{ type: 'text' as const, text: system }] : system.slice();
  const last = blocks.at(-1);
  if (!last) return undefined;
  blocks[blocks.length - 1] = { ...last, cache_control: cc };
  return blocks;
}

/**
 * Messages in block form (a string content becomes one text block, the same way every turn so
 * the prefix stays byte-stable) with a breakpoint on the last block of the last user message.
 */
function messagesWithBreakpoint(messages: readonly MessageParam[], cc: CacheControl): MessageParam[] {
  const out = messages.map((m) =>
    typeof m.content === 'string'
      ? { role: m.role, content: [{ type: 'text' as const, text: m.content }] }
      : m,
  );
  for (let i = out.length - 1; i >= 0; i--) {
    const m = out[i];
    if (m?.role !== 'user' || typeof m.content === 'string') continue;
    const last = m.content.at(-1);
    if (last?.type !== 'text') break;
    const content = m.content.slice();
    content[content.length - 1] = { ...(last as TextBlockParam), cache_control: cc };
    out[i] = { role: 'user', content };
    break;
  }
  return out;
}

/** Sets the body's cache markers for a strategy. Returns the same body object, changed. */
export function applyCaching(
  body: MessageCreateParams,
  strategy: CacheStrategy,
  ttl: CacheTtl = DEFAULT_CACHE_TTL,
): MessageCreateParams {
  const cc = marker(ttl);
  switch (strategy) {
    case 'off':
      return body;
    case 'conversation':
      body.cache_control = cc;
      return body;
    case 'system': {
      const system = systemWithBreakpoint(body.system, cc);
      if (system) body.system = system;
      return body;
    }
    case 'breakpoints': {
      const system = systemWithBreakpoint(body.system, cc);
      if (system) body.system = system;
      body.messages = messagesWithBreakpoint(body.messages, cc);
      return body;
    }
  }
}
