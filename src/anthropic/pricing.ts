// What a response cost, from its usage and the model's price data. Pure: no I/O, no clock.

import type { ModelCapabilities, ModelPrices } from './models';
import type { CostBreakdown, CostLine, Speed, Usage } from './types';

/** Cache multipliers on the input price (API-NOTES "Standard prices"); they stack on fast/long prices. */
export const CACHE_WRITE_5M_MULTIPLIER = 1.25;
export const CACHE_WRITE_1H_MULTIPLIER = 2;
export const CACHE_READ_MULTIPLIER = 0.1;

/** Prompt size as billed: uncached input plus cache writes plus cache reads. */
export function totalInputTokens(usage: Usage): number {
  return usage.input_tokens + (usage.cache_creation_input_tokens ?? 0) + (usage.cache_read_input_tokens ?? 0);
}

interface PriceChoice {
  prices: ModelPrices;
  speedMultiplier: number;
  longContext: boolean;
  tag: string;
}

function choosePrices(
  caps: ModelCapabilities,
  totalInput: number,
  servedSpeed: Speed | undefined,
): PriceChoice {
  const fast = caps.fastPrices;
  if (servedSpeed === 'fast' && fast) {
    const long = fast.long !== undefined && totalInput > fast.long.aboveInputTokens;
    const prices = long && fast.long ? fast.long.prices : fast.standard;
    const base = caps.prices.input;
    const speedMultiplier = base > 0 ? Math.round((prices.input / base) * 100) / 100 : 1;
    const tag = long ? `fast, over ${kTokens(fast.long?.aboveInputTokens ?? 0)}` : 'fast';
    return { prices, speedMultiplier, longContext: long, tag };
  }
  const lc = caps.longContext;
  if (lc && totalInput > lc.aboveInputTokens) {
    return {
      prices: lc.prices,
      speedMultiplier: 1,
      longContext: true,
      tag: `over ${kTokens(lc.aboveInputTokens)}`,
    };
  }
  return { prices: caps.prices, speedMultiplier: 1, longContext: false, tag: '' };
}

function kTokens(n: number): string {
  return n >= 1000 ? `${n / 1000}K` : String(n);
}

/**
 * The cost of one response. Fast-mode prices apply only when the server says it served fast
 * (`servedSpeed`, i.e. `usage.speed`): a request that fell back to standard is billed standard.
 * Cache writes are split 5m/1h from `usage.cache_creation` when present, else all counted as 5m.
 */
export function computeCost(
  usage: Usage,
  caps: ModelCapabilities,
  servedSpeed: Speed | undefined = usage.speed ?? undefined,
): CostBreakdown {
  const totalInput = totalInputTokens(usage);
  const choice = choosePrices(caps, totalInput, servedSpeed);
  const p = choice.prices;
  const suffix = choice.tag ? ` (${choice.tag})` : '';

  const created = usage.cache_creation_input_tokens ?? 0;
  const split = usage.cache_creation;
  const write1h = split ? (split.ephemeral_1h_input_tokens ?? 0) : 0;
  const write5m = split ? (split.ephemeral_5m_input_tokens ?? 0) : created;
  const read = usage.cache_read_input_tokens ?? 0;

  const lines: CostLine[] = [];
  const add = (label: string, tokens: number, usdPerMTok: number, always = false): void => {
    if (tokens > 0 || always)
      lines.push({ label, tokens, usdPerMTok, usd: (tokens * usdPerMTok) / 1_000_000 });
  };
  add(`Input${suffix}`, usage.input_tokens, p.input, true);
  add(`Cache write, 5 min${suffix}`, write5m, p.input * CACHE_WRITE_5M_MULTIPLIER);
  add(`Cache write, 1 hour${suffix}`, write1h, p.input * CACHE_WRITE_1H_MULTIPLIER);
  add(`Cache read${suffix}`, read, p.input * CACHE_READ_MULTIPLIER);
  add(`Output incl. thinking${suffix}`, usage.output_tokens, p.output, true);

  return {
    totalUsd: lines.reduce((sum, l) => sum + l.usd, 0),
    lines,
    speedMultiplier: choice.speedMultiplier,
    longContext: choice.longContext,
    priceTableDate: caps.priceTableDate,
  };
}

/** Dollars for people: at least two decimals, four below a cent so small replies do not read $0.00. */
export function formatUsd(usd: number): string {
  if (usd !== 0 && Math.abs(usd) < 0.01) return `$${usd.toFixed(4)}`;
  return `$${usd.toFixed(2)}`;
}
