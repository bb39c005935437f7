// The `thinking` field for one model, from the one setting vocabulary (`adaptive | manual | off`,
// as in package.json). Refuses with a reason where the model cannot do what was asked.

import { ConfigError } from './errors';
import type { ModelCapabilities } from './modelTypes';
import type { Effort, ThinkingParam } from './types';

export type ThinkingSetting = 'adaptive' | 'manual' | 'off';

/** Smallest thinking budget the API accepts. */
export const MIN_THINKING_BUDGET = 1024;
const DEFAULT_BUDGET_CAP = 32_000;
const EFFORT_RANK: readonly Effort[] = ['low', 'medium', 'high', 'xhigh', 'max'];

const thousands = (n: number): string => n.toLocaleString('en-US');

export interface ThinkingInput {
  thinking?: ThinkingSetting;
  maxTokens: number;
  budgetTokens?: number;
  /** The effort that will be sent (undefined: the model's default applies). */
  effort?: Effort;
  display?: 'summarized' | 'omitted';
}

/** `display` where the model takes it: the user's choice, else `summarized` so thinking shows. */
function displayFor(s: ThinkingInput, caps: ModelCapabilities): { display?: 'summarized' | 'omitted' } {
  const wanted = s.display ?? 'summarized';
  return caps.displayValues.includes(wanted) ? { display: wanted } : {};
}

/** The field to send, or undefined to omit it. @throws ConfigError when the setting cannot be met. */
export function buildThinking(s: ThinkingInput, caps: ModelCapabilities): ThinkingParam | undefined {
  const name = caps.displayName;
  const t = caps.thinkingTypes;
  const choice = s.thinking ?? 'adaptive';
  if (choice === 'off') return thinkingOff(s, caps);
  if (choice === 'adaptive' && t.adaptive === 'accepted') return { type: 'adaptive', ...displayFor(s, caps) };
  if (t.enabled === 'accepted') return budgetThinking(s, caps, choice === 'manual');
  if (choice === 'manual') {
    throw new ConfigError(
      t.adaptive === 'accepted'
        ? `${name} does not take a thinking budget. Choose adaptive thinking instead.`
        : `${name} has no extended thinking. Turn thinking off, or pick a model that thinks.`,
    );
  }
  // Adaptive asked for, but the model takes neither adaptive nor a budget (or nobody knows):
  // omit the field; models that think by default still think.
  return undefined;
}

function budgetThinking(
  s: ThinkingInput,
  caps: ModelCapabilities,
  explicit: boolean,
): ThinkingParam | undefined {
  let budget = s.budgetTokens;
  if (budget === undefined) {
    budget = Math.min(Math.max(Math.floor(s.maxTokens / 2), MIN_THINKING_BUDGET), DEFAULT_BUDGET_CAP);
    // With a tiny max_tokens no legal budget exists; a budget was not explicitly asked for: skip it.
    if (budget >= s.maxTokens && !explicit) return undefined;
  }
  if (!Number.isInteger(budget) || budget < MIN_THINKING_BUDGET) {
    throw new ConfigError(
      `The thinking budget must be at least ${thousands(MIN_THINKING_BUDGET)} tokens (got ${thousands(budget)}). Raise the budget, or turn thinking off.`,
    );
  }
  if (budget >= s.maxTokens) {
    throw new ConfigError(
      `The thinking budget (${thousands(budget)}) must be less than max tokens (${thousands(s.maxTokens)}), which caps thinking and answer together. Raise max tokens or lower the budget.`,
    );
  }
  return { type: 'enabled', budget_tokens: budget, ...displayFor(s, caps) };
}

/** "Off" per model: omit where omitting means no thinking, else `disabled` or `between_tools`. */
function thinkingOff(s: ThinkingInput, caps: ModelCapabilities): ThinkingParam | undefined {
  const name = caps.displayName;
  if (caps.alwaysThinks) {
    throw new ConfigError(
      `${name} always thinks: thinking cannot be turned off. Choose adaptive thinking (a lower effort thinks less), or pick another model.`,
    );
  }
  if (caps.thinksWhenOmitted === false) return undefined;
  const t = caps.thinkingTypes;
  const type =
    t.disabled === 'accepted' ? 'disabled' : t.between_tools === 'accepted' ? 'between_tools' : undefined;
  if (type === undefined) {
    if (caps.thinksWhenOmitted === 'unknown') return undefined;
    throw new ConfigError(
      `${name} thinks by default and refuses both ways of turning it off. Choose adaptive thinking instead.`,
    );
  }
  const effort = s.effort ?? caps.defaultEffort;
  const limit = caps.offUpToEffort;
  if (limit && effort && EFFORT_RANK.indexOf(effort) > EFFORT_RANK.indexOf(limit)) {
    throw new ConfigError(
      `${name} can turn thinking off only at effort ${limit} or lower (effort is ${effort}). Lower the effort, or turn thinking on.`,
    );
  }
  return { type };
}
