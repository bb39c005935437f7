// The client's contract with its callers (chat view, refactor command, benchmarks): rate limits,
// cost lines, response metrics, the events of one call and its result. The wire types are in
// types.ts, which re-exports this file so callers import from one place.

import type { AnthropicError } from './errors';
import type { Message, Speed, Usage } from './types';

/** Rate-limit headers from the last response, parsed (absent headers are absent). */
export interface RateLimitInfo {
  retryAfterMs?: number;
  requests?: LimitWindow;
  tokens?: LimitWindow;
  inputTokens?: LimitWindow;
  outputTokens?: LimitWindow;
  /** `anthropic-fast-input-tokens-*` */
  fastInputTokens?: LimitWindow;
  /** `anthropic-fast-output-tokens-*` */
  fastOutputTokens?: LimitWindow;
}
export interface LimitWindow {
  limit?: number;
  remaining?: number;
  /** RFC 3339 reset time as sent. */
  reset?: string;
}

/** What a cost line bills. */
export type CostKind = 'input' | 'cacheWrite5m' | 'cacheWrite1h' | 'cacheRead' | 'output';

export interface CostLine {
  kind: CostKind;
  label: string;
  tokens: number;
  usdPerMTok: number;
  usd: number;
}
export interface CostBreakdown {
  totalUsd: number;
  lines: CostLine[];
  /** 1 for standard; 6 or 12 for Opus 4.6 fast mode by prompt length. */
  speedMultiplier: number;
  longContext: boolean;
  /** Date of the built-in price table, or "override". */
  priceTableDate: string;
  /** The model whose rates were used (the serving model after a fallback). */
  pricedModel?: string;
  /** What the cache reads would have cost as plain input minus what they cost (0 without reads). */
  cacheSavedUsd: number;
  /** The usage was estimated (a stopped or interrupted turn whose final usage never arrived). */
  estimated?: boolean;
}

export interface ResponseMetrics {
  model: string;
  requestId?: string;
  /** From the start of the (final) attempt's request to the first thinking or text delta. */
  ttftMs?: number;
  /** Output tokens over the generation phase (first delta to last delta). */
  outputTokensPerSecond?: number;
  totalMs: number;
  usage: Usage;
  /** `usage.speed` as served; undefined when the server did not say. */
  speed?: Speed;
  requestedSpeed: Speed;
  /** The fast request hit 429 and the client re-sent at standard speed. */
  fellBack: boolean;
  attempts: number;
  rateLimits: RateLimitInfo;
  /** Absent when a price is unknown (then `priceUnknown` is true): never a made-up $0. */
  cost?: CostBreakdown;
  priceUnknown?: boolean;
  /** The model that actually answered, when a server-side fallback re-routed the request. */
  servedModel?: string;
  /** `usage.output_tokens_details.thinking_tokens`, when reported. */
  thinkingTokens?: number;
  /** `usage` is an estimate: the turn ended before the server's final usage arrived (show `~`). */
  usageEstimated?: boolean;
}

/** What happened to one call, reported as it happens (content arrives through `onDelta`). */
export type ClientEvent =
  | { type: 'attempt'; attempt: number; speed: Speed }
  /** Waiting `delayMs` before attempt `attempt + 1` (the UI shows a countdown). */
  | { type: 'retryWait'; attempt: number; delayMs: number; status?: number; reason: string }
  /** Fast mode hit 429 with the `fallback` policy: re-sending at standard speed; the prompt cache is lost. */
  | { type: 'fallback'; reason: string }
  | { type: 'headers'; requestId?: string; rateLimits: RateLimitInfo };

export type Outcome = 'complete' | 'stopped' | 'interrupted' | 'failed';

export interface StreamResult {
  outcome: Outcome;
  /** The message as built so far; complete only for outcome `complete`. Content is verbatim. */
  message: Message;
  /** Present for `interrupted` and `failed`. */
  error?: AnthropicError;
  metrics: ResponseMetrics;
}
