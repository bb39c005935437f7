// The simulator's knobs: what startSimulator accepts and what configure() may change later.

import { type ServerFault, parseFaultSpec } from './faults';
import { type ModelRules, mergeRules } from './models';
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
  /**
   * Per model id, fields that replace the simulator's own table (models.ts), so a test can make the
   * server disagree with the client's catalogue. configure() merges field by field; `null` resets.
   */
  modelRules: ModelRules;
  /** The prompt cache's clock (ms since the epoch): a test can move it to expire entries. */
  clock: () => number;
}

/** configure() input: any subset; a fault may be given as a `NAME;k=v` string. */
export type SimulatorConfig = Partial<Omit<SimulatorSettings, 'fault' | 'rateLimits' | 'modelRules'>> & {
  fault?: ServerFault | string | null;
  rateLimits?: Partial<RateLimitSettings>;
  modelRules?: ModelRules | null;
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
  modelRules: {},
  clock: () => Date.now(),
};

/**
 * The rule that makes Opus 4.6 serve fast mode as it did until June 2026 (with the fast-mode beta):
 * for tests written against that behaviour. Today's API serves it at standard speed.
 */
export const LEGACY_FAST_OPUS_4_6: ModelRules = { 'claude-opus-4-6': { fastMode: 'beta' } };

/**
 * The February 2026 rules some extension-host tests were written against: Opus 4.6 fast mode
 * served (as above) and Sonnet 4.6 without the `max` effort level (current sources list it).
 */
export const FEBRUARY_2026_RULES: ModelRules = {
  ...LEGACY_FAST_OPUS_4_6,
  'claude-sonnet-4-6': { effortLevels: ['low', 'medium', 'high'] },
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
    'clock',
  ] as const) {
    if (key in change) (next as unknown as Record<string, unknown>)[key] = change[key];
  }
  if ('modelRules' in change) {
    next.modelRules = change.modelRules ? mergeRules(base.modelRules, change.modelRules) : {};
  }
  if ('fault' in change) {
    const f = change.fault;
    next.fault = typeof f === 'string' ? parseFaultSpec(f) : f ? { ...f } : null;
  }
  if (!(next.tokensPerSecond > 0)) throw new Error('tokensPerSecond must be > 0');
  return next;
}
