// The models the user can pick and what each supports: the built-in table, merged with
// `GET /v1/models` when the server describes capabilities, and with the user's overrides.
// No vscode import: unit-tested in plain Node.

import type { LearnedFacts } from '../../anthropic/learnedFacts';
import {
  classicSheet,
  knownModelIds,
  resolveModel,
  type ModelCapabilities,
  type ModelOverrides,
  type ServerModelInfo,
} from '../../anthropic/models';
import type { ReportProblem } from '../settings/settingProblems';
import { checkModelOverride, checkPriceOverride } from './overrideCheck';

/**
 * Builds the override map from the two settings (`modelOverrides`, `priceOverrides`). A field or
 * entry of the wrong type is left out and given to `report`.
 */
export function overridesFromSettings(
  modelOverrides: Readonly<Record<string, unknown>>,
  priceOverrides: Readonly<Record<string, unknown>>,
  report: ReportProblem = () => undefined,
): ModelOverrides {
  const out: ModelOverrides = {};
  for (const [id, value] of Object.entries(modelOverrides)) {
    const override = checkModelOverride(id, value, report);
    if (override) out[id] = override;
  }
  for (const [id, value] of Object.entries(priceOverrides)) {
    const p = checkPriceOverride(id, value, report);
    if (!p) continue;
    // Cache prices follow the classic multipliers unless the override names them.
    const sheet = { ...classicSheet(p.input, p.output), ...p };
    out[id] = { ...out[id], prices: sheet, priceTableDate: 'your override' };
  }
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
