// Reading the newer outcomes off a finished (or partial) message: refusals with their details,
// the context window running out, thinking tokens, and which model actually answered. Pure.

import type { FallbackBlock, Message, StopDetails, Usage } from './types';

/** Stop reasons this client knows; any other string is kept and shown as it came. */
export const KNOWN_STOP_REASONS = [
  'end_turn',
  'max_tokens',
  'stop_sequence',
  'tool_use',
  'pause_turn',
  'refusal',
  'model_context_window_exceeded',
] as const;

export function isKnownStopReason(reason: string | null): boolean {
  return reason === null || (KNOWN_STOP_REASONS as readonly string[]).includes(reason);
}

/** The refusal's details (`category`, `explanation`) when the message stopped with `refusal`. */
export function refusalOf(message: Message): StopDetails | undefined {
  if (message.stop_reason !== 'refusal') return undefined;
  return message.stop_details ?? { type: 'refusal', category: null, explanation: null };
}

export function contextWindowExceeded(message: Message): boolean {
  return message.stop_reason === 'model_context_window_exceeded';
}

/** `usage.output_tokens_details.thinking_tokens`, when the server reported it. */
export function thinkingTokensOf(usage: Usage): number | undefined {
  const n = usage.output_tokens_details?.thinking_tokens;
  return typeof n === 'number' ? n : undefined;
}

/**
 * The model that served the answer: the last `fallback_message` iteration (the authoritative
 * signal), else the last `fallback` block's target, else undefined (the requested model served).
 */
export function fallbackModelOf(message: Message): string | undefined {
  const iterations = Array.isArray(message.usage.iterations) ? message.usage.iterations : [];
  const fromUsage = iterations
    .filter((i) => i?.type === 'fallback_message' && typeof i.model === 'string')
    .at(-1);
  if (fromUsage?.model) return fromUsage.model;
  const block = message.content
    .filter((b): b is FallbackBlock & { [k: string]: unknown } => b.type === 'fallback')
    .at(-1);
  const to = block?.to?.model;
  return typeof to === 'string' ? to : undefined;
}
