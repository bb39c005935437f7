// The models the user can pick and what each supports: the built-in table, merged with
// `GET /v1/models` when the server describes capabilities, and with the user's overrides.
// No vscode import: unit-tested in plain Node.

import type { LearnedFacts } from '../../anthropic/learnedFacts';
import {
  classicSheet,
  knownModelIds,
  resolveModel,
  type ModelCapabilities,
  type ModelOverride,
  type ModelOverrides,
  type ServerModelInfo,
} from '../../anthropic/models';

/** Builds the override map from the two settings (`modelOverrides`, `priceOverrides`). */
export function overridesFromSettings(
  modelOverrides: Readonly<Record<string, unknown>>,
  priceOverrides: Readonly<Record<string, unknown>>,
): ModelOverrides {
  const out: ModelOverrides = {};
  for (const [id, value] of Object.entries(modelOverrides)) {
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      out[id] = { ...(value as ModelOverride) };
  }
  for (const [id, value] of Object.entries(priceOverrides)) {
    if (typeof value !== 'object' || value === null) continue;
    const p = value as Record<string, unknown>;
    if (typeof p.input === 'number' && typeof p.output === 'number') {
      // Cache prices follow the classic multipliers unless the override names them.
      const sheet = { ...classicSheet(p.input, p.output), ...pick(p) };
      out[id] = { ...out[id], prices: sheet, priceTableDate: 'your override' };
    }
  }
  return out;
}

function pick(p: Record<string, unknown>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of ['cacheWrite5m', 'cacheWrite1h', 'cacheRead']) if (typeof p[k] === 'number') out[k] = p[k];
  return out;
}

export class ModelCatalog {
  private server: readonly ServerModelInfo[] = [];
  private overrides: ModelOverrides = {};
  private learned: LearnedFacts | undefined;

  setServerModels(models: readonly ServerModelInfo[]): void {
    this.server = models;
  }

  setOverrides(overrides: ModelOverrides): void {
    this.overrides = overrides;
  }

  setLearned(learned: LearnedFacts | undefined): void {
    this.learned = learned;
  }

  get serverModels(): readonly ServerModelInfo[] {
    return this.server;
  }

  resolve(id: string): ModelCapabilities {
    return resolveModel(id, this.server, this.overrides, this.learned);
  }

  /** Every model to offer, built-ins first, each resolved. */
  all(): ModelCapabilities[] {
    return knownModelIds(this.server, this.overrides).map((id) => this.resolve(id));
  }
}
