// The shape of the model catalogue: one record per model, every fact either known or explicitly
// unknown. The data lives in modelTable*.ts; merging in models.ts.

import type { Effort } from './types';

/** A thinking type of `thinking.type`. `ThinkingMode` (the two that think) is kept from before. */
export type ThinkingType = 'adaptive' | 'enabled' | 'disabled' | 'between_tools';
export type ThinkingMode = 'adaptive' | 'enabled';

/** Whether the API takes a field or value: `unknown` is never sent as if it were accepted. */
export type Acceptance = 'accepted' | 'refused' | 'unknown';

/** `legacy` is still `active` in `/v1/models`; the docs label it "Active (legacy)". */
export type LifecycleStatus = 'active' | 'legacy' | 'deprecated' | 'retired' | 'unknown';

export interface ModelLifecycle {
  status: LifecycleStatus;
  /** ISO date the model was deprecated. */
  deprecatedAt?: string;
  /** ISO date of retirement (may be revised; a past date on a deprecated model means overdue). */
  retiresAt?: string;
  /** "Retirement not sooner than" — a floor, not a date. */
  retiresNotBefore?: string;
  /** The id to switch to. */
  successor?: string;
}

/**
 * Fast mode (`speed: "fast"`):
 * - `ga`: served, no beta header; `beta`: served with `fast-mode-2026-02-01`;
 * - `removed_refused`: removed, the API refuses the request;
 * - `removed_standard`: removed, silently served at standard speed and price;
 * - `never`: the model never had it; `unknown`: nobody says.
 */
export type FastModeState = 'ga' | 'beta' | 'removed_refused' | 'removed_standard' | 'never' | 'unknown';

export type DisplayValue = 'summarized' | 'omitted' | 'updates';
export type ModelLine = 'opus' | 'sonnet' | 'haiku' | 'fable' | 'mythos';

/** Per-MTok prices in US dollars; an absent price is unknown (never zero). */
export interface ModelPrices {
  input?: number;
  output?: number;
  cacheWrite5m?: number;
  cacheWrite1h?: number;
  cacheRead?: number;
}

/** Prices above a prompt-length threshold (all input tokens, cache reads and writes included). */
export interface PriceTier {
  aboveInputTokens: number;
  prices: ModelPrices;
}

/** Fast-mode prices as a multiplier on every standard price; absent multiplier = unknown. */
export interface FastPrices {
  multiplier?: number;
}

/** Where and when a record's facts come from: source keys of the research notes, and their date. */
export interface FactSource {
  keys: string[];
  /** Facts known only from third-party pages. */
  secondary?: string[];
  date: string;
}

export type ThinkingTypes = Record<ThinkingType, Acceptance>;

/** The stored facts of one model (the derived fields of ModelCapabilities are left out). */
export interface ModelRecord {
  id: string;
  /** Other ids that name the same model (dated snapshots). */
  aliases: string[];
  displayName: string;
  line?: ModelLine;
  lifecycle: ModelLifecycle;
  thinkingTypes: ThinkingTypes;
  /** Thinking cannot be turned off ("always thinks"). */
  alwaysThinks: boolean;
  /** What omitting `thinking` does: the model thinks (true), does not (false), or unknown. */
  thinksWhenOmitted: boolean | 'unknown';
  /** `disabled` / `between_tools` are accepted only at this effort or lower. */
  offUpToEffort?: Effort;
  /** `thinking.display` values accepted; empty = do not send the field. */
  displayValues: DisplayValue[];
  /** What the server shows when `display` is omitted. */
  defaultDisplay: 'summarized' | 'omitted' | 'unknown';
  /** Effort levels accepted in `output_config.effort`; empty = not sent. */
  effortLevels: Effort[];
  /** The level the server uses when `effort` is omitted; undefined = unknown or none. */
  defaultEffort?: Effort;
  fast: FastModeState;
  /** When fast mode was removed, for `removed_*`. */
  fastRemovedAt?: string;
  fastPrices?: FastPrices;
  contextWindow?: number;
  maxOutputTokens?: number;
  prices: ModelPrices;
  /** A price step (e.g. Haiku 5.5 above 100K prompt tokens). The old name is kept. */
  longContext?: PriceTier;
  minCacheableTokens?: number;
  /** `temperature` / `top_p` / `top_k` (never sent by this client; informational). */
  sampling: Acceptance;
  /** A conversation that ends with an assistant turn. */
  prefill: Acceptance;
  /** Beta headers learned to be refused for this model. */
  betasRefused: string[];
  source: FactSource;
  /** Facts nobody could source for this record (field names, or a short phrase). */
  unknownFacts: string[];
  /** Date of the price data, or "override" / "server" / "unknown". */
  priceTableDate: string;
}

/** Everything the client needs to know about one model: the facts plus fields derived from them. */
export interface ModelCapabilities extends ModelRecord {
  /** Derived: the thinking types that think and are accepted, adaptive first. */
  thinkingModes: ThinkingMode[];
  /** Derived: the mode "adaptive" settings use (adaptive, else a budget); undefined = none. */
  defaultThinking?: ThinkingMode;
  /** Derived: whether `thinking.display` is sent. */
  thinkingDisplay: boolean;
  /** Derived: fast mode is actually served (`ga` or `beta`). */
  fastMode: boolean;
}

/** A partial record for server data, user overrides and learned facts; nested objects merge. */
export type ModelPatch = Partial<
  Omit<ModelRecord, 'id' | 'thinkingTypes' | 'lifecycle' | 'prices' | 'source'>
> & {
  thinkingTypes?: Partial<ThinkingTypes>;
  lifecycle?: Partial<ModelLifecycle>;
  prices?: ModelPrices;
};
