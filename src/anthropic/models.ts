// The model catalogue's merging: the built-in table (modelTable*.ts) < what `GET /v1/models` says
// (serverModels.ts) < the user's override < what the API's own 400s taught us (learnedFacts.ts),
// field by field. Request building and pricing read the result; nothing else branches on an id.

import { learnedPatch, type LearnedFacts } from './learnedFacts';
import { MODELS_5X } from './modelTable';
import { MODELS_4X } from './modelTable4';
import { CATALOG_DATE } from './modelTableKit';
import type {
  FastPrices,
  ModelCapabilities,
  ModelPatch,
  ModelPrices,
  ModelRecord,
  ThinkingMode,
} from './modelTypes';
import { fromServerInfo, type ServerModelInfo } from './serverModels';

// Kept so existing importers of these names from models.ts need no change.
export type { ModelCapabilities, ModelPrices, ThinkingMode } from './modelTypes';
export type { ServerModelInfo } from './serverModels';

/**
 * A user override (`thinkfast.modelOverrides`): a patch, plus the pre-catalogue field names
 * `thinkingModes`, `fastMode` and `thinkingDisplay`, which are translated.
 */
export type ModelOverride = ModelPatch & {
  thinkingModes?: ThinkingMode[];
  fastMode?: boolean;
  thinkingDisplay?: boolean;
  fastPrices?: FastPrices;
};

/** User overrides keyed by model id (or alias). */
export type ModelOverrides = Record<string, ModelOverride>;

/** The date the built-in facts (prices included) were checked. */
export const PRICE_TABLE_DATE = CATALOG_DATE;

/** Cache price multipliers on input used only to complete a user's input/output price override. */
const CLASSIC_CACHE = { write5m: 1.25, write1h: 2, read: 0.1 };

/** A full price sheet from an input and output price, with the classic cache multipliers. */
export function classicSheet(input: number, output: number): ModelPrices {
  return {
    input,
    output,
    cacheWrite5m: input * CLASSIC_CACHE.write5m,
    cacheWrite1h: input * CLASSIC_CACHE.write1h,
    cacheRead: input * CLASSIC_CACHE.read,
  };
}

/** Adds the fields derived from the facts. */
export function derive(record: ModelRecord): ModelCapabilities {
  const t = record.thinkingTypes;
  const thinkingModes: ThinkingMode[] = (['adaptive', 'enabled'] as const).filter((m) => t[m] === 'accepted');
  const caps: ModelCapabilities = {
    ...record,
    thinkingModes,
    thinkingDisplay: record.displayValues.includes('summarized') || record.displayValues.includes('omitted'),
    fastMode: record.fast === 'ga' || record.fast === 'beta',
  };
  if (thinkingModes[0]) caps.defaultThinking = thinkingModes[0];
  if (caps.defaultEffort && !caps.effortLevels.includes(caps.defaultEffort)) delete caps.defaultEffort;
  return caps;
}

/** The built-in table, newest line first. */
export const BUILT_IN_MODELS: readonly ModelCapabilities[] = [...MODELS_5X, ...MODELS_4X].map(derive);

/** Finds a built-in record by id or alias. */
export function findBuiltInModel(id: string): ModelCapabilities | undefined {
  return BUILT_IN_MODELS.find((m) => m.id === id || m.aliases.includes(id));
}

/** The record for an id nobody describes: every fact unknown, so nothing unsure is sent. */
export function unknownModel(id: string): ModelRecord {
  return {
    id,
    aliases: [],
    displayName: id,
    lifecycle: { status: 'unknown' },
    thinkingTypes: { adaptive: 'unknown', enabled: 'unknown', disabled: 'unknown', between_tools: 'unknown' },
    alwaysThinks: false,
    thinksWhenOmitted: 'unknown',
    displayValues: [],
    defaultDisplay: 'unknown',
    effortLevels: [],
    fast: 'unknown',
    prices: {},
    sampling: 'unknown',
    prefill: 'unknown',
    betasRefused: [],
    source: { keys: [], date: '' },
    unknownFacts: ['all'],
    priceTableDate: 'unknown',
  };
}

const NESTED = new Set(['thinkingTypes', 'lifecycle', 'prices']);

/** Applies `patch` over `base` field by field (nested objects merge; undefined changes nothing). */
export function applyPatch(base: ModelRecord, patch: ModelPatch | undefined): ModelRecord {
  if (!patch) return base;
  const out = { ...base } as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    out[key] = NESTED.has(key) ? { ...(out[key] as object), ...(value as object) } : value;
  }
  return out as unknown as ModelRecord;
}

/** Translates a user override (old or new field names) into a patch. */
export function fromUserOverride(o: ModelOverride, base: ModelRecord): ModelPatch {
  const { thinkingModes, fastMode, thinkingDisplay, ...patch } = o;
  if (thinkingModes) {
    const has = (m: ThinkingMode): 'accepted' | 'refused' =>
      thinkingModes.includes(m) ? 'accepted' : 'refused';
    patch.thinkingTypes = { adaptive: has('adaptive'), enabled: has('enabled'), ...patch.thinkingTypes };
  }
  if (fastMode !== undefined && patch.fast === undefined) {
    const served = base.fast === 'ga' || base.fast === 'beta';
    patch.fast = fastMode ? (served ? base.fast : 'ga') : 'never';
  }
  if (thinkingDisplay !== undefined && patch.displayValues === undefined)
    patch.displayValues = thinkingDisplay ? ['summarized', 'omitted'] : [];
  if (patch.prices || patch.fastPrices || patch.longContext)
    patch.priceTableDate = patch.priceTableDate ?? 'override';
  return patch;
}

function isInfoList(v: ServerModelInfo | readonly ServerModelInfo[]): v is readonly ServerModelInfo[] {
  return Array.isArray(v);
}

/**
 * The capabilities of model `id`, merged table < server < override < learned. An id the table does
 * not know starts from {@link unknownModel} and gets what the server says about it.
 */
export function resolveModel(
  id: string,
  serverInfo?: ServerModelInfo | readonly ServerModelInfo[],
  overrides?: ModelOverrides,
  learned?: LearnedFacts,
): ModelCapabilities {
  const builtIn = findBuiltInModel(id);
  const names = builtIn ? [builtIn.id, ...builtIn.aliases] : [id];
  let rec: ModelRecord = builtIn ? { ...builtIn, id } : unknownModel(id);
  const infos: readonly ServerModelInfo[] =
    serverInfo === undefined ? [] : isInfoList(serverInfo) ? serverInfo : [serverInfo];
  const server = infos.find((s) => s.id === id) ?? infos.find((s) => names.includes(s.id));
  if (server) rec = applyPatch(rec, fromServerInfo(server, rec, builtIn === undefined));
  // An override may be keyed by the canonical id or by the alias the user picked.
  const override = overrides?.[id] ?? names.map((n) => overrides?.[n]).find((o) => o !== undefined);
  if (override) rec = applyPatch(rec, fromUserOverride(override, rec));
  if (learned) rec = applyPatch(rec, learnedPatch(learned, [...new Set([id, ...names])], rec));
  return derive({ ...rec, id });
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
