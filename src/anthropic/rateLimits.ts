// Parsing of rate-limit headers (API-NOTES "Responses and errors"). Pure.

import type { LimitWindow, RateLimitInfo } from './types';

/** Headers as undici gives them (lower-case names; repeated headers as arrays) or a plain map. */
export type HeaderBag = Record<string, string | string[] | undefined>;

/** The first value of a header, by lower-case name. */
export function header(headers: HeaderBag, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * The server's requested wait in milliseconds: `retry-after-ms`, else `retry-after` as seconds
 * or as an HTTP date (relative to `now`). Undefined when absent or unreadable; never negative.
 */
export function parseRetryAfter(headers: HeaderBag, now: number = Date.now()): number | undefined {
  const ms = header(headers, 'retry-after-ms');
  if (ms !== undefined) {
    const n = Number.parseFloat(ms);
    if (Number.isFinite(n) && n >= 0) return n;
  }
  const ra = header(headers, 'retry-after');
  if (ra === undefined || ra.trim() === '') return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(ra)) return Number.parseFloat(ra) * 1000;
  const date = Date.parse(ra);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

function num(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

function window(headers: HeaderBag, prefix: string): LimitWindow | undefined {
  const limit = num(header(headers, `${prefix}-limit`));
  const remaining = num(header(headers, `${prefix}-remaining`));
  const reset = header(headers, `${prefix}-reset`);
  if (limit === undefined && remaining === undefined && reset === undefined) return undefined;
  const w: LimitWindow = {};
  if (limit !== undefined) w.limit = limit;
  if (remaining !== undefined) w.remaining = remaining;
  if (reset !== undefined) w.reset = reset;
  return w;
}

/** All rate-limit information in a response's headers; absent headers stay absent. */
export function parseRateLimits(headers: HeaderBag, now: number = Date.now()): RateLimitInfo {
  const info: RateLimitInfo = {};
  const retryAfterMs = parseRetryAfter(headers, now);
  if (retryAfterMs !== undefined) info.retryAfterMs = retryAfterMs;
  const windows: [keyof Omit<RateLimitInfo, 'retryAfterMs'>, string][] = [
    ['requests', 'anthropic-ratelimit-requests'],
    ['tokens', 'anthropic-ratelimit-tokens'],
    ['inputTokens', 'anthropic-ratelimit-input-tokens'],
    ['outputTokens', 'anthropic-ratelimit-output-tokens'],
    ['fastInputTokens', 'anthropic-fast-input-tokens'],
    ['fastOutputTokens', 'anthropic-fast-output-tokens'],
  ];
  for (const [key, prefix] of windows) {
    const w = window(headers, prefix);
    if (w) info[key] = w;
  }
  return info;
}
