// The model catalogue: what each model accepts and what it costs, as data. Request building and
// pricing read these records; nothing else in the client branches on a model id.
//
// Three sources are merged, later ones winning field by field: the built-in table below,
// `GET /v1/models` `capabilities` (newer servers describe themselves), and the user's override
// object (which may also describe a model id this table has never heard of).

import type { Effort } from './types';

export type ThinkingMode = 'adaptive' | 'enabled';

/** Per-MTok prices in US dollars. Cache prices derive from `input` (see pricing.ts). */
export interface ModelPrices {
  input: number;
  output: number;
}

/** Prices above a prompt-length threshold (total input tokens), replacing the base prices. */
export interface PriceTier {
  aboveInputTokens: number;
  prices: ModelPrices;
}

/** Fast-mode prices: `standard` up to the threshold, `long` above it. */
export interface FastPrices {
  standard: ModelPrices;
  long?: PriceTier;
}

/** Everything the client needs to know about one model. */
export interface ModelCapabilities {
  id: string;
  /** Other ids that name the same model (dated snapshots, short aliases). */
  aliases: string[];
  displayName: string;
  /** Thinking types the model accepts; empty = no extended thinking. */
  thinkingModes: ThinkingMode[];
  /** The mode used when the settings say "model default"; undefined when thinking is unsupported. */
  defaultThinking?: ThinkingMode;
  /** Effort levels accepted in `output_config.effort`; empty = the field is refused. */
  effortLevels: Effort[];
  /** The level the server uses when `effort` is omitted. */
  defaultEffort?: Effort;
  fastMode: boolean;
  /** Whether `thinking.display` is accepted. */
  thinkingDisplay: boolean;
  contextWindow: number;
  maxOutputTokens: number;
  prices: ModelPrices;
  /** Long-context pricing (requests over the threshold), if the model has it. */
  longContext?: PriceTier;
  /** Fast-mode prices, present only for models with fast mode. */
  fastPrices?: FastPrices;
  /** Date of the price data, or "override" / "server" when not from the built-in table. */
  priceTableDate: string;
}

/** A partial record used for overrides and server data; `id` comes from the map key. */
export type ModelOverride = Partial<Omit<ModelCapabilities, 'id'>>;

/** User overrides keyed by model id (or alias). */
export type ModelOverrides = Record<string, ModelOverride>;

/** The date the built-in prices were checked against the public price list. */
export const PRICE_TABLE_DATE = '2026-02-17';

const MTOK_200K = 200_000;

/** The built-in table. Prices: API-NOTES.md "Standard prices" and "Fast mode specifics". */
export const BUILT_IN_MODELS: readonly ModelCapabilities[] = [
  {
    id: 'claude-opus-4-6',
    aliases: [],
    displayName: 'Claude Opus 4.6',
    // Manual budgets still work on Opus 4.6 but are deprecated; adaptive is the default.
    thinkingModes: ['adaptive', 'enabled'],
    defaultThinking: 'adaptive',
    effortLevels: ['low', 'medium', 'high', 'max'],
    defaultEffort: 'high',
    fastMode: true,
    thinkingDisplay: true,
    contextWindow: MTOK_200K,
    maxOutputTokens: 128_000,
    prices: { input: 5, output: 25 },
    longContext: { aboveInputTokens: MTOK_200K, prices: { input: 10, output: 37.5 } },
    // 6x standard up to 200K input tokens; $60 / $225 above.
    fastPrices: {
      standard: { input: 30, output: 150 },
      long: { aboveInputTokens: MTOK_200K, prices: { input: 60, output: 225 } },
    },
    priceTableDate: PRICE_TABLE_DATE,
  },
  {
    id: 'claude-opus-4-5',
    aliases: ['claude-opus-4-5-20251101'],
    displayName: 'Claude Opus 4.5',
    thinkingModes: ['enabled'],
    defaultThinking: 'enabled',
    effortLevels: ['low', 'medium', 'high'],
    defaultEffort: 'high',
    fastMode: false,
    thinkingDisplay: false,
    contextWindow: MTOK_200K,
    maxOutputTokens: 64_000,
    prices: { input: 5, output: 25 },
    priceTableDate: PRICE_TABLE_DATE,
  },
  {
    id: 'claude-sonnet-4-6',
    aliases: [],
    displayName: 'Claude Sonnet 4.6',
    thinkingModes: ['adaptive', 'enabled'],
    defaultThinking: 'adaptive',
    effortLevels: ['low', 'medium', 'high'],
    defaultEffort: 'high',
    fastMode: false,
    thinkingDisplay: true,
    contextWindow: MTOK_200K,
    maxOutputTokens: 64_000,
    prices: { input: 3, output: 15 },
    longContext: { aboveInputTokens: MTOK_200K, prices: { input: 6, output: 22.5 } },
    priceTableDate: PRICE_TABLE_DATE,
  },
  {
    id: 'claude-sonnet-4-5',
    aliases: ['claude-sonnet-4-5-20250929'],
    displayName: 'Claude Sonnet 4.5',
    thinkingModes: ['enabled'],
    defaultThinking: 'enabled',
    // Effort arrived with Opus 4.5; Sonnet 4.5 answers 400 to output_config.effort.
    effortLevels: [],
    fastMode: false,
    thinkingDisplay: false,
    contextWindow: MTOK_200K,
    maxOutputTokens: 64_000,
    prices: { input: 3, output: 15 },
    longContext: { aboveInputTokens: MTOK_200K, prices: { input: 6, output: 22.5 } },
    priceTableDate: PRICE_TABLE_DATE,
  },
  {
    id: 'claude-haiku-4-5',
    aliases: ['claude-haiku-4-5-20251001'],
    displayName: 'Claude Haiku 4.5',
    thinkingModes: ['enabled'],
    defaultThinking: 'enabled',
    effortLevels: [],
    fastMode: false,
    thinkingDisplay: false,
    contextWindow: MTOK_200K,
    maxOutputTokens: 64_000,
    prices: { input: 1, output: 5 },
    priceTableDate: PRICE_TABLE_DATE,
  },
];

/**
 * Conservative record for an id nobody describes: no thinking, effort or fast mode, so request
 * building never sends a field the model might refuse. Prices are unknown (zero) until overridden.
 */
function unknownModel(id: string): ModelCapabilities {
  return {
    id,
    aliases: [],
    displayName: id,
    thinkingModes: [],
    effortLevels: [],
    fastMode: false,
    thinkingDisplay: false,
    contextWindow: MTOK_200K,
    maxOutputTokens: 8_192,
    prices: { input: 0, output: 0 },
    priceTableDate: 'unknown',
  };
}

/** Finds a built-in record by id or alias. */
export function findBuiltInModel(id: string): ModelCapabilities | undefined {
  return BUILT_IN_MODELS.find((m) => m.id === id || m.aliases.includes(id));
}

// ---------------------------------------------------------------------------------------------
// GET /v1/models

interface Supported {
  supported?: boolean;
}

/** One entry of `GET /v1/models` as far as this client reads it; extra fields are ignored. */
export interface ServerModelInfo {
  id: string;
  display_name?: string;
  created_at?: string;
  max_input_tokens?: number | null;
  max_tokens?: number | null;
  capabilities?: {
    effort?: (Supported & Partial<Record<Effort, Supported | null>>) | null;
    thinking?:
      (Supported & { types?: Partial<Record<'adaptive' | 'enabled', Supported | null>> | null }) | null;
    [key: string]: unknown;
  } | null;
}

const EFFORT_ORDER: readonly Effort[] = ['low', 'medium', 'high', 'xhigh', 'max'];

/**
 * Translates a server description into an override-shaped record. Only fields the server
 * actually states are set, so older servers (no `capabilities`) change nothing but limits.
 */
export function fromServerInfo(info: ServerModelInfo): ModelOverride {
  const out: ModelOverride = {};
  if (info.display_name) out.displayName = info.display_name;
  if (typeof info.max_input_tokens === 'number') out.contextWindow = info.max_input_tokens;
  if (typeof info.max_tokens === 'number') out.maxOutputTokens = info.max_tokens;
  const caps = info.capabilities;
  if (caps?.effort && typeof caps.effort.supported === 'boolean') {
    const effort = caps.effort;
    out.effortLevels = effort.supported ? EFFORT_ORDER.filter((l) => effort[l]?.supported === true) : [];
  }
  if (caps?.thinking && typeof caps.thinking.supported === 'boolean') {
    const thinking = caps.thinking;
    const modes: ThinkingMode[] = [];
    if (thinking.supported) {
      if (thinking.types?.adaptive?.supported) modes.push('adaptive');
      if (thinking.types?.enabled?.supported) modes.push('enabled');
    }
    out.thinkingModes = modes;
  }
  return out;
}

/** Applies `patch` over `base`, then repairs defaults that the patch made impossible. */
function apply(base: ModelCapabilities, patch: ModelOverride | undefined): ModelCapabilities {
  if (!patch) return base;
  const merged: ModelCapabilities = { ...base };
  for (const [key, value] of Object.entries(patch) as [keyof ModelOverride, unknown][]) {
    if (value !== undefined) (merged as unknown as Record<string, unknown>)[key] = value;
  }
  if (patch.prices || patch.fastPrices || patch.longContext)
    merged.priceTableDate = patch.priceTableDate ?? 'override';
  if (merged.defaultThinking && !merged.thinkingModes.includes(merged.defaultThinking)) {
    merged.defaultThinking = merged.thinkingModes[0];
  } else if (!merged.defaultThinking) {
    merged.defaultThinking = merged.thinkingModes[0];
  }
  if (merged.defaultEffort && !merged.effortLevels.includes(merged.defaultEffort)) {
    // A server saying "high is not supported" leaves no trustworthy default: pick none.
    merged.defaultEffort = merged.effortLevels.includes('high') ? 'high' : undefined;
  }
  return merged;
}

function isInfoList(v: ServerModelInfo | readonly ServerModelInfo[]): v is readonly ServerModelInfo[] {
  return Array.isArray(v);
}

/**
 * The capabilities of model `id`: built-in record (or a conservative unknown-model record),
 * then server info, then the user's override for that id — override > server > built-in.
 */
export function resolveModel(
  id: string,
  serverInfo?: ServerModelInfo | readonly ServerModelInfo[],
  overrides?: ModelOverrides,
): ModelCapabilities {
  const builtIn = findBuiltInModel(id);
  const names = builtIn ? [builtIn.id, ...builtIn.aliases] : [id];
  const base: ModelCapabilities = builtIn ? { ...builtIn, id } : unknownModel(id);
  const infos: readonly ServerModelInfo[] =
    serverInfo === undefined ? [] : isInfoList(serverInfo) ? serverInfo : [serverInfo];
  const server = infos.find((s) => names.includes(s.id) || s.id === id);
  let caps = apply(base, server ? fromServerInfo(server) : undefined);
  // An override may be keyed by the canonical id or by the alias the user picked.
  const override = overrides?.[id] ?? names.map((n) => overrides?.[n]).find((o) => o !== undefined);
  caps = apply(caps, override);
  caps.id = id;
  return caps;
}

/** The ids the UI should offer: built-ins, then anything the server or overrides add. */
export function knownModelIds(
  serverInfo: readonly ServerModelInfo[] = [],
  overrides: ModelOverrides = {},
): string[] {
  const ids = BUILT_IN_MODELS.map((m) => m.id);
  const seen = new Set(BUILT_IN_MODELS.flatMap((m) => [m.id, ...m.aliases]));
  for (const id of [...serverInfo.map((s) => s.id), ...Object.keys(overrides)]) {
    if (!seen.has(id)) {
      seen.add(id);
      ids.push(id);
    }
  }
  return ids;
}

/** The one transport call `listModels` needs; AnthropicClient's transport implements it. */
export interface JsonGetter {
  getJson(path: string, signal?: AbortSignal): Promise<unknown>;
}

interface ModelsPage {
  data?: ServerModelInfo[];
  has_more?: boolean;
  last_id?: string | null;
}

/** Fetches every page of `GET /v1/models` (server order: newest first). Errors propagate. */
export async function listModels(transport: JsonGetter, signal?: AbortSignal): Promise<ServerModelInfo[]> {
  const all: ServerModelInfo[] = [];
  let afterId: string | undefined;
  // A guard against a server that keeps saying has_more with the same cursor.
  for (let page = 0; page < 50; page++) {
    const query = `limit=100${afterId ? `&after_id=${encodeURIComponent(afterId)}` : ''}`;
    const body = (await transport.getJson(`/v1/models?${query}`, signal)) as ModelsPage;
    const data = Array.isArray(body.data) ? body.data.filter((m) => typeof m?.id === 'string') : [];
    all.push(...data);
    const next = body.last_id ?? data.at(-1)?.id;
    if (!body.has_more || !next || next === afterId) break;
    afterId = next;
  }
  return all;
}
