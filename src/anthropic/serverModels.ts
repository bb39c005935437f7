// What `GET /v1/models` says about a model (the SDK's ModelInfo shape), as a catalogue patch. Only
// fields the server actually states are set, so an older server changes nothing it does not know.

import type {
  Acceptance,
  LifecycleStatus,
  ModelLine,
  ModelPatch,
  ModelRecord,
  ThinkingType,
} from './modelTypes';
import type { Effort } from './types';

interface Supported {
  supported?: boolean;
}

/** One entry of `GET /v1/models` as far as this client reads it; extra fields are ignored. */
export interface ServerModelInfo {
  id: string;
  display_name?: string;
  created_at?: string;
  lifecycle?: 'active' | 'deprecated' | 'retired' | null;
  deprecated_at?: string | null;
  retires_at?: string | null;
  line?: ModelLine | null;
  max_input_tokens?: number | null;
  max_tokens?: number | null;
  capabilities?: {
    effort?: (Supported & Partial<Record<Effort, Supported | null>>) | null;
    thinking?: (Supported & { types?: Partial<Record<ThinkingType, Supported | null>> | null }) | null;
    [key: string]: unknown;
  } | null;
}

const EFFORT_ORDER: readonly Effort[] = ['low', 'medium', 'high', 'xhigh', 'max'];
const THINKING_TYPES: readonly ThinkingType[] = ['adaptive', 'enabled', 'disabled', 'between_tools'];

const isoDate = (v: unknown): string | undefined =>
  typeof v === 'string' && v.length >= 10 ? v.slice(0, 10) : undefined;

/**
 * Translates a server description into a patch over `base`. `unknownBase`: the table has never
 * heard of the model, so facts the GA API implies (adaptive thinking takes `display`) are filled in.
 */
export function fromServerInfo(info: ServerModelInfo, base?: ModelRecord, unknownBase = false): ModelPatch {
  const out: ModelPatch = {};
  if (info.display_name) out.displayName = info.display_name;
  if (info.line) out.line = info.line;
  if (typeof info.max_input_tokens === 'number') out.contextWindow = info.max_input_tokens;
  if (typeof info.max_tokens === 'number') out.maxOutputTokens = info.max_tokens;
  if (info.lifecycle) {
    // "Legacy" is `active` on the wire: keep the table's finer label while the server says active.
    const status: LifecycleStatus =
      info.lifecycle === 'active' && base?.lifecycle.status === 'legacy' ? 'legacy' : info.lifecycle;
    out.lifecycle = { status };
  }
  const deprecatedAt = isoDate(info.deprecated_at);
  const retiresAt = isoDate(info.retires_at);
  if (deprecatedAt || retiresAt) out.lifecycle = { ...out.lifecycle, deprecatedAt, retiresAt };

  const caps = info.capabilities;
  const effort = caps?.effort;
  if (effort && typeof effort.supported === 'boolean')
    out.effortLevels = effort.supported ? EFFORT_ORDER.filter((l) => effort[l]?.supported === true) : [];
  const thinking = caps?.thinking;
  if (thinking && typeof thinking.supported === 'boolean') {
    const types: Partial<Record<ThinkingType, Acceptance>> = {};
    for (const t of THINKING_TYPES) {
      const s = thinking.types?.[t]?.supported;
      if (!thinking.supported) types[t] = t === 'disabled' ? 'unknown' : 'refused';
      else if (typeof s === 'boolean') types[t] = s ? 'accepted' : 'refused';
    }
    out.thinkingTypes = types;
    if (!thinking.supported) out.thinksWhenOmitted = false;
    if (unknownBase && types.adaptive === 'accepted') out.displayValues = ['summarized', 'omitted'];
  }
  if (unknownBase) out.priceTableDate = 'unknown';
  return out;
}
