// What the API's own 400s taught us per model, kept across restarts in the extension's global
// state. The facts carry the catalogue's data version: when the built-in table changes they are
// dropped on load (learnedFacts.ts), because the new table may already know better.

import type * as vscode from 'vscode';
import {
  emptyLearned,
  loadLearned,
  recordRefusal,
  refusalsFor,
  type LearnedFacts,
  type LearnedRefusal,
} from '../../anthropic/learnedFacts';
import type { RefusedFeature } from '../../anthropic/refusalClassifier';

export const learnedStateKey = 'thinkfast.learnedFacts';

/** The part of `vscode.Memento` the store uses. */
export type LearnedMemento = Pick<vscode.Memento, 'get' | 'update'>;

export class LearnedStore {
  private facts: LearnedFacts;

  constructor(
    private readonly memento: LearnedMemento | undefined,
    private readonly onChange: (facts: LearnedFacts) => void,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.facts = memento ? loadLearned(memento.get(learnedStateKey)) : emptyLearned();
  }

  get current(): LearnedFacts {
    return this.facts;
  }

  /** Records a refusal for `modelId`; false when it was known already. */
  async record(modelId: string, feature: RefusedFeature, message?: string): Promise<boolean> {
    const refusal: LearnedRefusal = {
      feature,
      at: this.now().toISOString(),
      ...(message ? { message } : {}),
    };
    const next = recordRefusal(this.facts, modelId, refusal);
    if (next === this.facts) return false;
    this.facts = next;
    this.onChange(next);
    await this.memento?.update(learnedStateKey, next);
    return true;
  }

  /** The refusal of `kind` learned for any of `names`, if any. */
  refusal(names: readonly string[], kind: RefusedFeature['kind']): LearnedRefusal | undefined {
    return refusalsFor(this.facts, names).find((r) => r.feature.kind === kind);
  }

  /** Forgets everything (a test, or the user asking to start over). */
  async clear(): Promise<void> {
    this.facts = emptyLearned();
    this.onChange(this.facts);
    await this.memento?.update(learnedStateKey, undefined);
  }
}
