// Shorthands for the catalogue data: the facts shared by most records of a generation.

import type { Acceptance, ModelRecord, ThinkingTypes } from './modelTypes';
import type { Effort } from './types';

/** The date the research notes behind the table were compiled. */
export const CATALOG_DATE = '2026-12-01';

/** Bumped whenever the table's facts change: learned refusals recorded against an older one are dropped. */
export const CATALOG_DATA_VERSION = '2026-12-01.1';

export const ALL_EFFORTS: Effort[] = ['low', 'medium', 'high', 'xhigh', 'max'];
export const NO_XHIGH: Effort[] = ['low', 'medium', 'high', 'max'];
export const MTOK = 1_000_000;

const A: Acceptance = 'accepted';
const R: Acceptance = 'refused';
const U: Acceptance = 'unknown';

/** Thinking types from a four-letter code in the order adaptive, enabled, disabled, between_tools. */
export function thinking(code: string): ThinkingTypes {
  const map: Record<string, Acceptance> = { A, R, U };
  const at = (i: number): Acceptance => map[code[i] ?? 'U'] ?? U;
  return { adaptive: at(0), enabled: at(1), disabled: at(2), between_tools: at(3) };
}

/** Base of a 5.x-era record (1M context, 128K output, thinking shown only when asked). */
export function gen5(
  partial: Pick<ModelRecord, 'id' | 'displayName' | 'line' | 'lifecycle' | 'prices' | 'source'> &
    Partial<ModelRecord>,
): ModelRecord {
  return {
    aliases: [],
    thinkingTypes: thinking('ARRU'),
    alwaysThinks: true,
    thinksWhenOmitted: true,
    displayValues: ['summarized', 'omitted'],
    defaultDisplay: 'omitted',
    effortLevels: ALL_EFFORTS,
    defaultEffort: 'high',
    fast: 'never',
    contextWindow: MTOK,
    maxOutputTokens: 128_000,
    sampling: R,
    prefill: R,
    betasRefused: [],
    unknownFacts: [],
    priceTableDate: CATALOG_DATE,
    ...partial,
  };
}

/** Standard-price sheet: input, output, 5m write, 1h write, cache read (undefined = unknown). */
export function sheet(
  input?: number,
  output?: number,
  w5?: number,
  w1?: number,
  read?: number,
): ModelRecord['prices'] {
  const p: ModelRecord['prices'] = {};
  if (input !== undefined) p.input = input;
  if (output !== undefined) p.output = output;
  if (w5 !== undefined) p.cacheWrite5m = w5;
  if (w1 !== undefined) p.cacheWrite1h = w1;
  if (read !== undefined) p.cacheRead = read;
  return p;
}

export function src(keys: string, secondary?: string): ModelRecord['source'] {
  const s: ModelRecord['source'] = { keys: keys.split(/\s+/), date: CATALOG_DATE };
  if (secondary) s.secondary = secondary.split(/\s+/);
  return s;
}
