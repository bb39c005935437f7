// What a model accepts, as data: the simulator's own catalogue (it plays the server, so it never
// reads the client's table). Every rule is a field of a row in modelTable.ts; validation and
// answers read the fields, never the model id. Tests can override any field per server or per
// test (`modelRules`), so the server can disagree with the client — the server is the truth.

import type { Effort } from '../../src/anthropic/types';
import { CURRENT, MODEL_TABLE } from './modelTable';

export type ThinkingType = 'adaptive' | 'enabled' | 'disabled' | 'between_tools';
export type Lifecycle = 'active' | 'deprecated' | 'retired';
export type ModelLine = 'haiku' | 'sonnet' | 'opus' | 'fable' | 'mythos';

/**
 * `speed: "fast"` per model: `ga` served fast with or without the beta; `beta` served fast, but
 * any `speed` needs the fast-mode beta header; `removed` refused (fast was withdrawn); `standard`
 * accepted and silently served at standard speed; `none` refused (the model never had it).
 */
export type FastMode = 'ga' | 'beta' | 'removed' | 'standard' | 'none';

/**
 * Sampling parameters on `2023-06-01` (on `2026-10-21` they are refused everywhere):
 * `thinking-limits` accepted, but with thinking on temperature must be 1, no top_k, top_p ≥ 0.95;
 * `deprecated` refused, except `temperature: 1` alone.
 */
export type SamplingRule = 'thinking-limits' | 'deprecated';

export interface SimModel {
  id: string;
  /** Other ids the API resolves to this model (dated snapshots). */
  aliases: string[];
  displayName: string;
  line: ModelLine | null;
  /** RFC 3339 release date, as `GET /v1/models` reports it. */
  createdAt: string;
  lifecycle: Lifecycle;
  deprecatedAt: string | null;
  retiresAt: string | null;
  maxInputTokens: number;
  maxOutputTokens: number;
  /** `thinking.type` values accepted. */
  thinkingTypes: ThinkingType[];
  /** What a request without `thinking` gets: no thinking, or adaptive thinking. */
  thinkingDefault: 'off' | 'adaptive';
  /** `disabled` / `between_tools` are accepted only up to this effort (undefined: any effort). */
  thinkingOffMaxEffort?: Effort;
  /** Whether `thinking.display` is accepted, and what it is when not sent. */
  acceptsDisplay: boolean;
  displayDefault: 'summarized' | 'omitted';
  /** Allowed `output_config.effort` values; empty = the field is refused. */
  effortLevels: Effort[];
  defaultEffort: Effort;
  fastMode: FastMode;
  sampling: SamplingRule;
  /** Whether a final assistant message (prefill) is refused. */
  refusesPrefill: boolean;
  /** Whether `tool_choice` of type `any`/`tool` is refused. */
  refusesForcedToolChoice: boolean;
  /** Prefixes shorter than this are not cached (no error). */
  minCacheTokens: number;
}

/** configure({modelRules}): per model id, fields that replace the table's (an unknown id adds a model). */
export type ModelRules = Readonly<Record<string, Partial<Omit<SimModel, 'id'>>>>;

/** The row an override for an id the table does not know starts from: a current 5.x model. */
const NEW_MODEL_BASE: Omit<SimModel, 'id' | 'displayName'> = {
  ...CURRENT,
  line: null,
  createdAt: '2026-11-30T00:00:00Z',
  refusesForcedToolChoice: true,
};

/** The table with `rules` applied, newest first. */
export function catalogue(rules: ModelRules = {}): SimModel[] {
  const out = MODEL_TABLE.map((m) => ({ ...m, ...rules[m.id], id: m.id }));
  for (const [id, change] of Object.entries(rules)) {
    if (!out.some((m) => m.id === id)) out.push({ ...NEW_MODEL_BASE, displayName: id, ...change, id });
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
}

/** Resolves an id or alias, retired models included (the caller decides what retired means). */
export function findModel(id: string, rules: ModelRules = {}): SimModel | undefined {
  return catalogue(rules).find((m) => m.id === id || m.aliases.includes(id));
}

/** Merges two override sets, the later one winning field by field. */
export function mergeRules(base: ModelRules, change: ModelRules): ModelRules {
  const out: Record<string, Partial<Omit<SimModel, 'id'>>> = { ...base };
  for (const [id, fields] of Object.entries(change)) out[id] = { ...out[id], ...fields };
  return out;
}

const supported = (yes: boolean): { supported: boolean } => ({ supported: yes });

/** The `GET /v1/models` entry in the SDK's `ModelInfo` shape. */
export function modelInfo(m: SimModel): Record<string, unknown> {
  const effort = (e: Effort): { supported: boolean } => supported(m.effortLevels.includes(e));
  const thinking = (t: ThinkingType): { supported: boolean } => supported(m.thinkingTypes.includes(t));
  return {
    type: 'model',
    id: m.id,
    display_name: m.displayName,
    created_at: m.createdAt,
    lifecycle: m.lifecycle,
    deprecated_at: m.deprecatedAt,
    retires_at: m.retiresAt,
    line: m.line,
    max_input_tokens: m.maxInputTokens,
    max_tokens: m.maxOutputTokens,
    capabilities: {
      batch: supported(true),
      citations: supported(true),
      code_execution: supported(true),
      context_management: {
        supported: true,
        clear_thinking_20251015: supported(m.thinkingTypes.length > 0),
        clear_tool_uses_20250919: supported(true),
        compact_20260112: supported(m.maxInputTokens >= 1_000_000),
      },
      effort: {
        supported: m.effortLevels.length > 0,
        low: effort('low'),
        medium: effort('medium'),
        high: effort('high'),
        max: effort('max'),
        xhigh: effort('xhigh'),
      },
      image_input: supported(true),
      pdf_input: supported(true),
      server_tools: { supported: true, code_execution: supported(true), web_search: supported(true) },
      structured_outputs: supported(true),
      thinking: {
        supported: m.thinkingTypes.some((t) => t === 'adaptive' || t === 'enabled'),
        types: {
          adaptive: thinking('adaptive'),
          enabled: thinking('enabled'),
          disabled: thinking('disabled'),
          between_tools: thinking('between_tools'),
        },
      },
    },
  };
}
