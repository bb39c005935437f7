// The simulator's knobs: what startSimulator accepts and what configure() may change later.

import { type ServerFault, parseFaultSpec } from './faults';
import { DEFAULT_RATE_LIMITS, type RateLimitSettings } from './rateLimits';

export interface SimulatorSettings {
  /** Accepted API keys; undefined accepts any non-empty key. */
  apiKeys: readonly string[] | undefined;
  /** Standard output speed in tokens per second. */
  tokensPerSecond: number;
  /** Fast-mode output speed; undefined means 2.5 × tokensPerSecond. */
  fastTokensPerSecond: number | undefined;
  /** Time from the request to the first content delta, the same for fast and standard. */
  firstTokenDelayMs: number;
  /** A `ping` event follows message_start, then one every this many ms while streaming. */
  pingIntervalMs: number;
  /** Applied to matching `POST /v1/messages` requests that name no fault of their own. */
  fault: ServerFault | null;
  rateLimits: RateLimitSettings;
}

/** configure() input: any subset; a fault may be given as a `NAME;k=v` string. */
export type SimulatorConfig = Partial<Omit<SimulatorSettings, 'fault' | 'rateLimits'>> & {
  fault?: ServerFault | string | null;
  rateLimits?: Partial<RateLimitSettings>;
};

export interface SimulatorOptions extends SimulatorConfig {
  /** 0 (default) picks a free port. The server binds 127.0.0.1 only. */
  port?: number;
  /** HMAC secret for thinking signatures and redacted data (see signatures.ts). */
  signingSecret?: string;
}

export const DEFAULT_SETTINGS: SimulatorSettings = {
  apiKeys: undefined,
  tokensPerSecond: 60,
  fastTokensPerSecond: undefined,
  firstTokenDelayMs: 500,
  pingIntervalMs: 5_000,
  fault: null,
  rateLimits: DEFAULT_RATE_LIMITS,
};

/** The fast rate fast mode is documented to reach: up to 2.5× standard. */
export const FAST_MULTIPLIER = 2.5;

export function fastRate(s: SimulatorSettings): number {
  return s.fastTokensPerSecond ?? s.tokensPerSecond * FAST_MULTIPLIER;
}

/** Applies a configure() call to settings, returning new settings (throws on a bad fault spec). */
export function mergeSettings(base: SimulatorSettings, change: SimulatorConfig): SimulatorSettings {
  const next: SimulatorSettings = { ...base, rateLimits: { ...base.rateLimits, ...change.rateLimits } };
  for (const key of [
    'apiKeys',
    'tokensPerSecond',
    'fastTokensPerSecond',
    'firstTokenDelayMs',
    'pingIntervalMs',
  ] as const) {
    if (key in change) (next as unknown as Record<string, unknown>)[key] = change[key];
  }
  if ('fault' in change) {
    const f = change.fault;
    next.fault = typeof f === 'string' ? parseFaultSpec(f) : f ? { ...f } : null;
  }
  if (!(next.tokensPerSecond > 0)) throw new Error('tokensPerSecond must be > 0');
  return next;
}
