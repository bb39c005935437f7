// The usage to bill a turn by. A complete turn has the server's final figures. A stopped or
// interrupted one may not: if the stream ended before the `message_delta` that carries the final
// usage, `usage.output_tokens` is still message_start's placeholder (often 1) while thinking and
// text did arrive. Then the output is estimated from what arrived and flagged. Pure.

import type { Message, Outcome, Usage } from './types';

/** About four characters per token, the rule the API's docs give for English and code. */
export const CHARS_PER_TOKEN = 4;

export interface SettledUsage {
  usage: Usage;
  /** True when `output_tokens` is an estimate (show it with `~`). */
  estimated: boolean;
}

/** Output tokens that the content received so far accounts for at least. */
export function estimateOutputTokens(message: Message): number {
  let chars = 0;
  for (const b of message.content) {
    const block = b as { type: string; text?: unknown; thinking?: unknown; input?: unknown };
    if (typeof block.text === 'string') chars += block.text.length;
    else if (typeof block.thinking === 'string') chars += block.thinking.length;
    else if (block.type === 'tool_use' && block.input !== undefined)
      chars += JSON.stringify(block.input).length;
  }
  return Math.ceil(chars / CHARS_PER_TOKEN);
}

/**
 * The usage of a finished call. The server's figures win whenever they cover what arrived: a
 * complete turn, a turn whose final `message_delta` came, or one whose reported output is at
 * least the estimate. Otherwise the output is the estimate, flagged. Thinking the server did not
 * show (`display: "omitted"`) cannot be counted, so such an estimate is a lower bound.
 */
export function settledUsage(message: Message, outcome: Outcome): SettledUsage {
  const usage = message.usage;
  if (outcome === 'complete' || message.stop_reason !== null) return { usage, estimated: false };
  const estimate = estimateOutputTokens(message);
  if (usage.output_tokens >= estimate) return { usage, estimated: false };
  return { usage: { ...usage, output_tokens: estimate }, estimated: true };
}
