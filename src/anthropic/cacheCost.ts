// What the prompt cache is worth, before and after a request: whether a prefix can be cached at
// all (the model's minimum), and what a switch of model, speed, effort or thinking mode costs in
// lost cache. Pure: from the last response's usage and the catalogue's prices.

import { formatUsd } from '../shared/money';
import type { ModelCapabilities } from './models';
import { choosePrices, tokenUsd } from './pricing';
import type { CacheMissReason, CacheTtl, Message, MessageDiagnostics, Speed, Usage } from './types';

/**
 * Whether a prompt of `promptTokens` can be cached on this model: `false` below its minimum
 * (the API neither writes nor reads it, so no saving may be claimed), `undefined` when the
 * catalogue does not know the minimum.
 */
export function isCacheable(promptTokens: number, caps: ModelCapabilities): boolean | undefined {
  const min = caps.minCacheableTokens;
  if (min === undefined) return undefined;
  return promptTokens >= min;
}

/** Tokens in the cache after a response: what it read plus what it wrote. */
export function cachedPrefixTokens(usage: Usage): number {
  return (usage.cache_read_input_tokens ?? 0) + (usage.cache_creation_input_tokens ?? 0);
}

export interface SwitchSide {
  caps: ModelCapabilities;
  speed: Speed;
}

export interface SwitchCost {
  /** Cached tokens the next request has to send again. */
  tokens: number;
  /** False when the target cannot cache them (below its minimum): they go as plain input. */
  cacheable: boolean;
  /** What sending them again costs on the target: a cache write, or plain input. */
  rewriteUsd: number;
  /** What reading them from the cache would have cost without the switch. */
  readUsd: number;
  /** rewriteUsd − readUsd: the price of the switch. */
  extraUsd: number;
  /** e.g. `re-writes ≈ 12,400 cached tokens ≈ $0.062`. */
  text: string;
}

const count = (n: number): string => n.toLocaleString('en-US');

/**
 * The cost in lost cache of switching `from` → `to` before the next turn, or `unknown` when a price
 * it needs is unknown (never $0). Nothing cached costs nothing. The re-write is priced at the
 * target's write price for `ttl` (at its speed and any long-context step); the read it replaces at
 * the current model's read price. The change itself (model, speed, thinking mode, and on most
 * models effort) is the caller's: each of them starts a new cache.
 */
export function estimateSwitchCost(
  lastUsage: Usage,
  from: SwitchSide,
  to: SwitchSide,
  ttl: CacheTtl = '5m',
): SwitchCost | 'unknown' {
  const tokens = cachedPrefixTokens(lastUsage);
  const none: SwitchCost = {
    tokens: 0,
    cacheable: true,
    rewriteUsd: 0,
    readUsd: 0,
    extraUsd: 0,
    text: 'no cached prompt to lose',
  };
  // The usage is the server's word: what it reports as read or written was cached, whatever the
  // catalogue's minimum says.
  if (tokens === 0) return none;
  const target = choosePrices(to.caps, tokens, to.speed);
  const current = choosePrices(from.caps, tokens, from.speed);
  if (target === 'unknown' || current === 'unknown') return 'unknown';
  const cacheable = isCacheable(tokens, to.caps) !== false;
  const writePrice = cacheable
    ? ttl === '1h'
      ? target.prices.cacheWrite1h
      : target.prices.cacheWrite5m
    : target.prices.input;
  const readPrice = current.prices.cacheRead;
  if (writePrice === undefined || readPrice === undefined) return 'unknown';
  const rewriteUsd = tokenUsd(tokens, writePrice);
  const readUsd = tokenUsd(tokens, readPrice);
  const verb = cacheable ? 're-writes' : 're-sends uncached';
  return {
    tokens,
    cacheable,
    rewriteUsd,
    readUsd,
    extraUsd: rewriteUsd - readUsd,
    text: `${verb} ≈ ${count(tokens)} cached tokens ≈ ${formatUsd(rewriteUsd)}`,
  };
}

export interface CacheReport {
  /** Tokens read from the cache. */
  read: number;
  /** Tokens written to it. */
  written: number;
  /** Why the prefix missed, when the server said (diagnostics asked for and something diverged). */
  miss?: CacheMissReason;
  /** e.g. `cache hit 12,400 tok`, `cache miss: speed or model changed (12,400 tok re-written)`. */
  text: string;
}

const MISS_TEXT: Record<string, string> = {
  model_changed: 'model or speed changed',
  system_changed: 'system prompt changed',
  tools_changed: 'tools changed',
  messages_changed: 'earlier messages changed',
  previous_message_not_found: 'previous response unknown to the server',
  unavailable: 'thinking or other settings changed',
};

/** What a response did with the cache, for the footer. */
export function cacheReport(message: Message): CacheReport {
  const read = message.usage.cache_read_input_tokens ?? 0;
  const written = message.usage.cache_creation_input_tokens ?? 0;
  const diagnostics = (message as Message & { diagnostics?: MessageDiagnostics | null }).diagnostics;
  const miss = diagnostics?.cache_miss_reason ?? undefined;
  const report: CacheReport = { read, written, text: '' };
  if (miss) {
    report.miss = miss;
    const lost = miss.cache_missed_input_tokens;
    const why = MISS_TEXT[miss.type] ?? miss.type;
    report.text = `cache miss: ${why}${lost ? ` (${count(lost)} tok not reused)` : ''}`;
  } else if (read > 0) report.text = `cache hit ${count(read)} tok`;
  else if (written > 0) report.text = `cache written ${count(written)} tok`;
  else report.text = 'not cached';
  return report;
}
