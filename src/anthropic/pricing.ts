// What a response cost, from its usage and the model's price data. Pure: no I/O, no clock.
// A price nobody knows is `unknown`, never $0: the caller shows the tokens and asks for an override.

import type { ModelCapabilities, ModelPrices } from './models';
import type { CostBreakdown, CostKind, CostLine, Speed, Usage } from './types';

/** Dollars for `tokens` at `usdPerMTok`. */
export function tokenUsd(tokens: number, usdPerMTok: number): number {
  return (tokens * usdPerMTok) / 1_000_000;
}

/** Prompt size as billed: uncached input plus cache writes plus cache reads. */
export function totalInputTokens(usage: Usage): number {
  return usage.input_tokens + (usage.cache_creation_input_tokens ?? 0) + (usage.cache_read_input_tokens ?? 0);
}

/** What the UI says instead of a price. */
export const PRICE_UNKNOWN_TEXT = 'price unknown (set thinkfast.priceOverrides)';

export interface PriceChoice {
  prices: ModelPrices;
  speedMultiplier: number;
  longContext: boolean;
  tag: string;
}

function kTokens(n: number): string {
  return n >= 1000 ? `${n / 1000}K` : String(n);
}

/** The prices a request of `totalInput` prompt tokens at `servedSpeed` is billed at. */
export function choosePrices(
  caps: ModelCapabilities,
  totalInput: number,
  servedSpeed: Speed | undefined,
): PriceChoice | 'unknown' {
  const step = caps.longContext;
  const long = step !== undefined && totalInput > step.aboveInputTokens;
  const base = long && step ? step.prices : caps.prices;
  const tags = long && step ? [`over ${kTokens(step.aboveInputTokens)}`] : [];
  if (servedSpeed !== 'fast')
    return { prices: base, speedMultiplier: 1, longContext: long, tag: tags.join(', ') };
  const m = caps.fastPrices?.multiplier;
  if (m === undefined) return 'unknown';
  const prices: ModelPrices = {};
  for (const [k, v] of Object.entries(base) as [keyof ModelPrices, number | undefined][])
    if (v !== undefined) prices[k] = v * m;
  return { prices, speedMultiplier: m, longContext: long, tag: ['fast', ...tags].join(', ') };
}

/**
 * The cost of one response, or `unknown` when a price it needs is unknown. Fast-mode prices apply
 * only when the server says it served fast (`servedSpeed`, i.e. `usage.speed`). Cache writes are
 * split 5m/1h from `usage.cache_creation` when present, else all counted as 5m.
 */
export function computeCost(
  usage: Usage,
  caps: ModelCapabilities,
  servedSpeed: Speed | undefined = usage.speed ?? undefined,
): CostBreakdown | 'unknown' {
  const choice = choosePrices(caps, totalInputTokens(usage), servedSpeed);
  if (choice === 'unknown') return 'unknown';
  const p = choice.prices;
  const suffix = choice.tag ? ` (${choice.tag})` : '';

  const created = usage.cache_creation_input_tokens ?? 0;
  const split = usage.cache_creation;
  const write1h = split ? (split.ephemeral_1h_input_tokens ?? 0) : 0;
  const write5m = split ? (split.ephemeral_5m_input_tokens ?? 0) : created;
  const read = usage.cache_read_input_tokens ?? 0;

  const lines: CostLine[] = [];
  let unknown = false;
  const add = (
    kind: CostKind,
    label: string,
    tokens: number,
    usdPerMTok: number | undefined,
    always = false,
  ): void => {
    if (usdPerMTok === undefined) {
      if (tokens > 0 || always) unknown = true;
      return;
    }
    if (tokens > 0 || always)
      lines.push({ kind, label, tokens, usdPerMTok, usd: tokenUsd(tokens, usdPerMTok) });
  };
  add('input', `Input${suffix}`, usage.input_tokens, p.input, true);
  add('cacheWrite5m', `Cache write, 5 min${suffix}`, write5m, p.cacheWrite5m);
  add('cacheWrite1h', `Cache write, 1 hour${suffix}`, write1h, p.cacheWrite1h);
  add('cacheRead', `Cache read${suffix}`, read, p.cacheRead);
  add('output', `Output incl. thinking${suffix}`, usage.output_tokens, p.output, true);
  if (unknown) return 'unknown';
  // Reads were priced (else unknown above); the saving needs the input price too, which is known.
  const saved =
    read > 0 && p.cacheRead !== undefined && p.input !== undefined
      ? tokenUsd(read, p.input - p.cacheRead)
      : 0;

  return {
    totalUsd: lines.reduce((sum, l) => sum + l.usd, 0),
    lines,
    cacheSavedUsd: saved,
    speedMultiplier: choice.speedMultiplier,
    longContext: choice.longContext,
    priceTableDate: caps.priceTableDate,
    pricedModel: caps.id,
  };
}

/** @deprecated Import `formatUsd` from src/shared/money.ts (the one formatter); kept for old imports. */
export { formatUsd } from '../shared/money';
