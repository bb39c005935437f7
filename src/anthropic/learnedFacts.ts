// What the API's own 400s taught us, per model: pure and JSON-serialisable, so the extension can
// persist it. Tied to the catalogue data version: when the table changes, learned facts are dropped
// (the new table may already know better).

import { CATALOG_DATA_VERSION } from './modelTableKit';
import type { ModelPatch, ModelRecord } from './modelTypes';
import type { RefusedFeature } from './refusalClassifier';

export interface LearnedRefusal {
  feature: RefusedFeature;
  /** ISO time it was learned (the caller's clock). */
  at: string;
  /** The server's message, for the notice (already redacted by the client). */
  message?: string;
}

export interface LearnedFacts {
  catalogVersion: string;
  /** Refusals per model id as sent. */
  models: Record<string, LearnedRefusal[]>;
}

export function emptyLearned(): LearnedFacts {
  return { catalogVersion: CATALOG_DATA_VERSION, models: {} };
}

/** Restores persisted facts: anything malformed or from another catalogue version gives empty facts. */
export function loadLearned(value: unknown): LearnedFacts {
  if (typeof value !== 'object' || value === null) return emptyLearned();
  const v = value as Partial<LearnedFacts>;
  if (v.catalogVersion !== CATALOG_DATA_VERSION || typeof v.models !== 'object' || v.models === null)
    return emptyLearned();
  const models: Record<string, LearnedRefusal[]> = {};
  for (const [id, list] of Object.entries(v.models)) {
    if (Array.isArray(list))
      models[id] = list.filter((r: LearnedRefusal) => typeof r?.feature?.kind === 'string');
  }
  return { catalogVersion: CATALOG_DATA_VERSION, models };
}

const sameFeature = (a: RefusedFeature, b: RefusedFeature): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

/** A copy of `learned` with `refusal` recorded for `modelId` (a repeat is not recorded twice). */
export function recordRefusal(learned: LearnedFacts, modelId: string, refusal: LearnedRefusal): LearnedFacts {
  const base = learned.catalogVersion === CATALOG_DATA_VERSION ? learned : emptyLearned();
  const list = base.models[modelId] ?? [];
  if (list.some((r) => sameFeature(r.feature, refusal.feature))) return base;
  return { catalogVersion: base.catalogVersion, models: { ...base.models, [modelId]: [...list, refusal] } };
}

/** Forgets what was learned for one model (e.g. the user asks to try again). */
export function forgetModel(learned: LearnedFacts, modelId: string): LearnedFacts {
  const models = { ...learned.models };
  delete models[modelId];
  return { catalogVersion: learned.catalogVersion, models };
}

/** The refusals recorded under any of `names` (a model's id and aliases). */
export function refusalsFor(learned: LearnedFacts, names: readonly string[]): LearnedRefusal[] {
  if (learned.catalogVersion !== CATALOG_DATA_VERSION) return [];
  return names.flatMap((n) => learned.models[n] ?? []);
}

/** The catalogue patch that makes a record refuse what the server refused. */
export function learnedPatch(
  learned: LearnedFacts,
  names: readonly string[],
  rec: ModelRecord,
): ModelPatch | undefined {
  const refusals = refusalsFor(learned, names);
  if (refusals.length === 0) return undefined;
  const patch: ModelPatch = {};
  for (const { feature: f } of refusals) {
    switch (f.kind) {
      case 'speed':
        patch.fast = 'removed_refused';
        break;
      case 'thinking':
        patch.thinkingTypes = { ...patch.thinkingTypes, [f.type]: 'refused' };
        break;
      case 'display': {
        const values = patch.displayValues ?? rec.displayValues;
        patch.displayValues = f.value ? values.filter((v) => v !== f.value) : [];
        break;
      }
      case 'effort': {
        const levels = patch.effortLevels ?? rec.effortLevels;
        patch.effortLevels = f.level ? levels.filter((l) => l !== f.level) : [];
        break;
      }
      case 'beta':
        patch.betasRefused = [...(patch.betasRefused ?? rec.betasRefused), f.header];
        break;
      case 'sampling':
        patch.sampling = 'refused';
        break;
      case 'prefill':
        patch.prefill = 'refused';
        break;
      case 'tool_choice':
        break;
    }
  }
  return patch;
}
