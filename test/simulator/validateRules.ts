// The per-model half of request validation: thinking, display, effort, speed, sampling, prefill
// and forced tool use, each decided by a field of the model's row (models.ts), never by its id.

import type { Effort, MessageParam } from '../../src/anthropic/types';
import { type ApiFailure, invalid } from './apiErrors';
import type { SimModel, ThinkingType } from './models';

export const FAST_MODE_BETA = 'fast-mode-2026-02-01';
/** The API version that removed sampling parameters (the SDK's default). */
export const VERSION_2026 = '2026-10-21';
export const VERSION_2023 = '2023-06-01';
export const API_VERSIONS: readonly string[] = [VERSION_2023, VERSION_2026];

export const EFFORTS: readonly Effort[] = ['low', 'medium', 'high', 'xhigh', 'max'];
const SAMPLING = ['temperature', 'top_p', 'top_k'] as const;

export type Display = 'summarized' | 'omitted';
export type ThinkingMode =
  | { type: 'off' }
  | { type: 'adaptive'; display: Display }
  | { type: 'enabled'; budgetTokens: number; display: Display };

export class Refusal extends Error {
  constructor(readonly failure: ApiFailure) {
    super(failure.message);
  }
}

export function refuse(message: string): never {
  throw new Refusal(invalid(message));
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The API's wording for a thinking type the model does not take. */
export const typeNotSupported = (t: ThinkingType): string =>
  `"thinking.type.${t}" is not supported for this model. Use "thinking.type.adaptive" and "output_config.effort" to control thinking behavior.`;
export const PREFILL_REFUSED =
  'This model does not support assistant message prefill. The conversation must end with a user message.';
export const FORCED_TOOL_REFUSED = 'tool_choice: type "tool" and "any" are not supported for this model.';

export function checkEffort(raw: unknown, model: SimModel): Effort {
  if (raw === undefined) return model.defaultEffort;
  if (!isObject(raw)) refuse('output_config: Input should be a valid dictionary');
  const effort = raw.effort;
  if (effort === undefined || effort === null) return model.defaultEffort;
  if (typeof effort !== 'string' || !(EFFORTS as readonly string[]).includes(effort)) {
    refuse(`output_config.effort: Input should be ${EFFORTS.map((e) => `'${e}'`).join(', ')}`);
  }
  if (model.effortLevels.length === 0) refuse(`output_config.effort: effort is not supported on ${model.id}`);
  if (!model.effortLevels.includes(effort as Effort)) {
    refuse(`output_config.effort: effort level '${effort}' is not supported on ${model.id}`);
  }
  return effort as Effort;
}

function checkDisplay(t: Record<string, unknown>, model: SimModel): Display {
  if (t.display === undefined || t.display === null) return model.displayDefault;
  if (!model.acceptsDisplay) refuse(`thinking.display: not supported for model ${model.id}`);
  if (t.display !== 'summarized' && t.display !== 'omitted') {
    refuse("thinking.display: Input should be 'summarized' or 'omitted'");
  }
  return t.display;
}

/** `disabled` / `between_tools`: accepted only where the model takes them, at an effort it allows. */
function checkOff(t: 'disabled' | 'between_tools', model: SimModel, effort: Effort): ThinkingMode {
  if (!model.thinkingTypes.includes(t)) refuse(typeNotSupported(t));
  const cap = model.thinkingOffMaxEffort;
  if (cap !== undefined && EFFORTS.indexOf(effort) > EFFORTS.indexOf(cap)) {
    refuse(`"thinking.type.${t}" is not supported with effort "${effort}" for this model.`);
  }
  return { type: 'off' };
}

export function checkThinking(
  raw: unknown,
  model: SimModel,
  effort: Effort,
  maxTokens: number,
  countTokens: boolean,
): ThinkingMode {
  if (raw === undefined || raw === null) {
    return model.thinkingDefault === 'adaptive'
      ? { type: 'adaptive', display: model.displayDefault }
      : { type: 'off' };
  }
  if (!isObject(raw)) refuse('thinking: Input should be a valid dictionary');
  switch (raw.type) {
    case 'disabled':
    case 'between_tools':
      return checkOff(raw.type, model, effort);
    case 'adaptive':
      if (!model.thinkingTypes.includes('adaptive')) {
        refuse(
          `thinking.type: adaptive thinking is not supported on ${model.id}; use "enabled" with budget_tokens`,
        );
      }
      return { type: 'adaptive', display: checkDisplay(raw, model) };
    case 'enabled': {
      if (!model.thinkingTypes.includes('enabled')) refuse(typeNotSupported('enabled'));
      const budget = raw.budget_tokens;
      if (budget === undefined) refuse('thinking.enabled.budget_tokens: Field required');
      if (typeof budget !== 'number' || !Number.isInteger(budget)) {
        refuse('thinking.enabled.budget_tokens: Input should be a valid integer');
      }
      if (budget < 1024)
        refuse('thinking.enabled.budget_tokens: Input should be greater than or equal to 1024');
      if (!countTokens && budget >= maxTokens) {
        refuse('`max_tokens` must be greater than `thinking.budget_tokens`');
      }
      return { type: 'enabled', budgetTokens: budget, display: checkDisplay(raw, model) };
    }
    default:
      return refuse("thinking.type: Input should be 'enabled', 'adaptive', 'disabled' or 'between_tools'");
  }
}

export interface Speeds {
  requested: 'fast' | 'standard' | undefined;
  served: 'fast' | 'standard';
}

export function checkSpeed(raw: unknown, model: SimModel, betas: readonly string[]): Speeds {
  if (raw === undefined || raw === null) return { requested: undefined, served: 'standard' };
  if (raw !== 'fast' && raw !== 'standard') refuse("speed: Input should be 'standard' or 'fast'");
  if (model.fastMode === 'beta' && !betas.includes(FAST_MODE_BETA)) {
    refuse(`speed: this model requires the \`anthropic-beta: ${FAST_MODE_BETA}\` header`);
  }
  if (raw === 'standard') return { requested: raw, served: 'standard' };
  if (model.fastMode === 'removed') refuse(`speed: fast mode is no longer available for ${model.id}`);
  if (model.fastMode === 'none') refuse(`speed: fast mode is not supported on ${model.id}`);
  return { requested: raw, served: model.fastMode === 'standard' ? 'standard' : 'fast' };
}

export function checkSampling(
  body: Record<string, unknown>,
  model: SimModel,
  version: string,
  thinking: boolean,
): void {
  const present = SAMPLING.filter((k) => body[k] !== undefined);
  if (version === VERSION_2026) {
    for (const k of present) refuse(`${k}: Extra inputs are not permitted`);
    return;
  }
  const { temperature, top_k: topK, top_p: topP } = body;
  if (temperature !== undefined && (typeof temperature !== 'number' || temperature < 0 || temperature > 1)) {
    refuse('temperature: Input should be a number between 0 and 1');
  }
  if (topK !== undefined && (typeof topK !== 'number' || !Number.isInteger(topK) || topK < 0)) {
    refuse('top_k: Input should be a non-negative integer');
  }
  if (topP !== undefined && (typeof topP !== 'number' || topP < 0 || topP > 1)) {
    refuse('top_p: Input should be a number between 0 and 1');
  }
  if (model.sampling === 'deprecated') {
    // `temperature: 1` alone is tolerated; anything else is refused, defaults included.
    if (present.length === 1 && present[0] === 'temperature' && temperature === 1) return;
    const culprit = present.find((k) => !(k === 'temperature' && temperature === 1)) ?? present[0];
    if (culprit) refuse(`\`${culprit}\` is deprecated for this model.`);
    return;
  }
  if (!thinking) return;
  if (temperature !== undefined && temperature !== 1) {
    refuse('`temperature` may only be set to 1 when thinking is enabled');
  }
  if (topK !== undefined) refuse('`top_k` is not supported when thinking is enabled');
  if (typeof topP === 'number' && topP < 0.95) {
    refuse('`top_p` must be greater than or equal to 0.95 when thinking is enabled');
  }
}

export function checkToolChoice(raw: unknown, model: SimModel, thinking: boolean): void {
  if (!isObject(raw) || raw.type === 'auto' || raw.type === 'none') return;
  if (model.refusesForcedToolChoice) refuse(FORCED_TOOL_REFUSED);
  if (thinking) refuse('tool_choice: only "auto" and "none" are supported when thinking is enabled');
}

export function checkPrefill(messages: readonly MessageParam[], model: SimModel, thinking: boolean): void {
  const last = messages[messages.length - 1];
  if (last?.role !== 'assistant') return;
  if (model.refusesPrefill) refuse(PREFILL_REFUSED);
  if (thinking) {
    refuse(
      'messages: assistant message prefill is not supported when thinking is enabled; the final message must have the "user" role',
    );
  }
}
