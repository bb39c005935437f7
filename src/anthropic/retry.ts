// When to retry and how long to wait (API-NOTES "Responses and errors"). Pure functions plus an
// abortable sleep; the clock, the randomness and the sleep are parameters so tests can fake them.

import type { AnthropicError } from './errors';
import { header, parseRetryAfter, type HeaderBag } from './rateLimits';

/** The official SDK's default, kept: two retries after the first attempt. */
export const DEFAULT_MAX_RETRIES = 2;

/** Longer server-requested waits are not sat out silently: the attempt fails and says when to retry. */
export const MAX_AUTOMATIC_WAIT_MS = 60_000;

const INITIAL_DELAY_S = 0.5;
const MAX_DELAY_S = 8;

/** Status rule: 408, 409, 429 and every 5xx (incl. 529) may succeed on a second try. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** The status rule, overridden by `x-should-retry: true|false` when the server sends it. */
export function isRetryableResponse(status: number, headers: HeaderBag): boolean {
  const hint = header(headers, 'x-should-retry')?.trim().toLowerCase();
  if (hint === 'true') return true;
  if (hint === 'false') return false;
  return isRetryableStatus(status);
}

/**
 * Exponential backoff with jitter for retry number `retryIndex` (0 for the first retry):
 * `min(0.5 · 2^n, 8) s × (1 − 0.25 · random)`, so between 75% and 100% of the nominal step.
 */
export function backoffDelayMs(retryIndex: number, random: number = Math.random()): number {
  const nominal = Math.min(INITIAL_DELAY_S * 2 ** retryIndex, MAX_DELAY_S);
  return nominal * (1 - 0.25 * random) * 1000;
}

/** The wait before retry `retryIndex`: the server's `retry-after(-ms)` when given, else backoff. */
export function retryDelayMs(
  retryIndex: number,
  headers: HeaderBag | undefined,
  now: number = Date.now(),
  random: number = Math.random(),
): number {
  const server = headers ? parseRetryAfter(headers, now) : undefined;
  return server ?? backoffDelayMs(retryIndex, random);
}

/** What the client knows when an attempt has failed. */
export interface RetryInput {
  error: AnthropicError;
  /** Retries already made in this phase (0 after the first attempt failed). */
  retriesSoFar: number;
  maxRetries: number;
  /** Whether any delta reached the caller: then a retry would duplicate or lose content. */
  contentDelivered: boolean;
  /** Headers of the failed response, when there was one. */
  headers?: HeaderBag;
  now?: number;
  random?: number;
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; why: string };

/**
 * Decides whether to retry. Never after content was delivered, never a user abort, never a
 * mid-stream failure (stream_error, truncated, idle_timeout: content may have been lost), and never
 * a server wait longer than {@link MAX_AUTOMATIC_WAIT_MS}.
 */
export function decideRetry(input: RetryInput): RetryDecision {
  const { error } = input;
  if (input.contentDelivered) return { retry: false, why: 'content was already delivered' };
  if (error.kind === 'aborted') return { retry: false, why: 'stopped by the user' };
  if (error.kind === 'stream_error' || error.kind === 'truncated' || error.kind === 'idle_timeout') {
    return { retry: false, why: 'the stream failed after it started' };
  }
  if (!error.retryable) return { retry: false, why: 'not retryable' };
  if (input.retriesSoFar >= input.maxRetries) return { retry: false, why: 'out of retries' };
  const delayMs = retryDelayMs(input.retriesSoFar, input.headers, input.now, input.random);
  if (delayMs > MAX_AUTOMATIC_WAIT_MS) return { retry: false, why: 'the server asked for a long wait' };
  return { retry: true, delayMs };
}

/** A sleep that can be cut short. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Resolves after `ms`, or early (without throwing) when `signal` aborts; the caller checks the signal. */
export const abortableSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    signal?.addEventListener('abort', done, { once: true });
  });
