// Speed and cost of one call, computed from timestamps the client took and the final usage. Pure.

import type { ModelCapabilities } from './models';
import { thinkingTokensOf } from './outcomes';
import { computeCost } from './pricing';
import type { RateLimitInfo, ResponseMetrics, Speed, Usage } from './types';

/** Timestamps in ms from one monotonic clock (performance.now in production). */
export interface Timings {
  /** stream() was called. */
  startedAt: number;
  /** The final attempt's request was sent. */
  attemptStartedAt: number;
  /** First thinking or text delta of the final attempt. */
  firstDeltaAt?: number;
  /** Last thinking or text delta of the final attempt. */
  lastDeltaAt?: number;
  /** stream() settled. */
  endedAt: number;
}

export interface MetricsInput {
  model: string;
  requestId?: string;
  timings: Timings;
  usage: Usage;
  requestedSpeed: Speed;
  fellBack: boolean;
  attempts: number;
  rateLimits: RateLimitInfo;
  /** Capabilities of the requested model, for pricing. */
  caps?: ModelCapabilities;
  /** The model that served after a server-side fallback; priced at its rates via `servedCaps`. */
  servedModel?: string;
  servedCaps?: ModelCapabilities;
  /** `usage` is an estimate (turnUsage.ts): the turn ended before the final usage arrived. */
  usageEstimated?: boolean;
}

/**
 * Output tokens per second over the generation phase. The phase is first delta → last delta, so
 * the time to first token does not dilute the rate; fewer than two deltas give no rate.
 */
export function outputRate(
  outputTokens: number,
  firstDeltaAt: number | undefined,
  lastDeltaAt: number | undefined,
): number | undefined {
  if (firstDeltaAt === undefined || lastDeltaAt === undefined || outputTokens <= 0) return undefined;
  const seconds = (lastDeltaAt - firstDeltaAt) / 1000;
  return seconds > 0 ? outputTokens / seconds : undefined;
}

/** Assembles the metrics of a finished (or failed) call. */
export function buildMetrics(input: MetricsInput): ResponseMetrics {
  const { timings: t, usage, caps } = input;
  const served = usage.speed ?? undefined;
  const metrics: ResponseMetrics = {
    model: input.model,
    totalMs: t.endedAt - t.startedAt,
    usage,
    requestedSpeed: input.requestedSpeed,
    fellBack: input.fellBack,
    attempts: input.attempts,
    rateLimits: input.rateLimits,
  };
  if (input.requestId !== undefined) metrics.requestId = input.requestId;
  if (t.firstDeltaAt !== undefined) metrics.ttftMs = t.firstDeltaAt - t.attemptStartedAt;
  const rate = outputRate(usage.output_tokens, t.firstDeltaAt, t.lastDeltaAt);
  if (rate !== undefined) metrics.outputTokensPerSecond = rate;
  if (served === 'fast' || served === 'standard') metrics.speed = served;
  const thinking = thinkingTokensOf(usage);
  if (thinking !== undefined) metrics.thinkingTokens = thinking;
  if (input.servedModel !== undefined && input.servedModel !== input.model)
    metrics.servedModel = input.servedModel;
  const priceCaps = metrics.servedModel !== undefined ? input.servedCaps : caps;
  // Without usage.speed, bill at standard: never guess "fast".
  const cost = priceCaps ? computeCost(usage, priceCaps, served ?? 'standard') : 'unknown';
  if (input.usageEstimated) metrics.usageEstimated = true;
  if (cost === 'unknown') metrics.priceUnknown = true;
  else metrics.cost = input.usageEstimated ? { ...cost, estimated: true } : cost;
  return metrics;
}
