// The checks on what `thinkfast.modelOverrides` and `thinkfast.priceOverrides` hold per model:
// a field of the wrong type is left out (the model keeps its own value) and reported; the rest of
// the override is kept. No vscode import: unit-tested in plain Node.

import type { ModelOverride, ModelPrices } from '../../anthropic/models';
import { EFFORTS } from '../../anthropic/types';
import { quoteChoices, settingProblem, type ReportProblem } from '../settings/settingProblems';
import { isRecord } from '../settings/settingValues';

type Check = readonly [rule: string, ok: (v: unknown) => boolean];

const within =
  (values: readonly unknown[]) =>
  (v: unknown): boolean =>
    values.includes(v);
const listOf =
  (ok: (v: unknown) => boolean) =>
  (v: unknown): boolean =>
    Array.isArray(v) && v.every(ok);
const isText = (v: unknown): boolean => typeof v === 'string';
const isBool = (v: unknown): boolean => typeof v === 'boolean';
const isCount = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v > 0;
const isPrice = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v >= 0;

const ACCEPTANCE = ['accepted', 'refused', 'unknown'];
const THINKING_TYPES = ['adaptive', 'enabled', 'disabled', 'between_tools'];
const DISPLAYS = ['summarized', 'omitted', 'updates'];
const FAST = ['ga', 'beta', 'removed_refused', 'removed_standard', 'never', 'unknown'];
const PRICE_KEYS = ['input', 'output', 'cacheWrite5m', 'cacheWrite1h', 'cacheRead'];

const effortCheck: Check = [`one of ${quoteChoices(EFFORTS)}`, within(EFFORTS)];
const countCheck: Check = ['a whole number above 0', isCount];
const boolCheck: Check = ['true or false', isBool];
const acceptanceCheck: Check = [`one of ${quoteChoices(ACCEPTANCE)}`, within(ACCEPTANCE)];

/** The fields whose type is checked; others pass as they are. */
const FIELD_CHECKS: Readonly<Record<string, Check>> = {
  displayName: ['text', isText],
  aliases: ['a list of model ids', listOf(isText)],
  effortLevels: [`a list of ${quoteChoices(EFFORTS)}`, listOf(within(EFFORTS))],
  defaultEffort: effortCheck,
  offUpToEffort: effortCheck,
  fast: [`one of ${quoteChoices(FAST)}`, within(FAST)],
  fastMode: boolCheck,
  thinkingDisplay: boolCheck,
  alwaysThinks: boolCheck,
  thinksWhenOmitted: ['true, false or "unknown"', within([true, false, 'unknown'])],
  thinkingModes: ['a list of "adaptive" or "enabled"', listOf(within(['adaptive', 'enabled']))],
  thinkingTypes: [
    `an object with ${quoteChoices(ACCEPTANCE)} per thinking type (${THINKING_TYPES.join(', ')})`,
    (v) =>
      isRecord(v) &&
      Object.entries(v).every(([k, a]) => THINKING_TYPES.includes(k) && ACCEPTANCE.includes(a as string)),
  ],
  displayValues: [`a list of ${quoteChoices(DISPLAYS)}`, listOf(within(DISPLAYS))],
  contextWindow: countCheck,
  maxOutputTokens: countCheck,
  minCacheableTokens: countCheck,
  prices: [`an object of prices in dollars per million tokens (${PRICE_KEYS.join(', ')})`, isPriceSheet],
  fastPrices: [
    'an object with a "multiplier" above 0',
    (v) => isRecord(v) && isPrice(v.multiplier) && v.multiplier !== 0,
  ],
  sampling: acceptanceCheck,
  prefill: acceptanceCheck,
};

function isPriceSheet(v: unknown): boolean {
  return isRecord(v) && Object.entries(v).every(([k, p]) => PRICE_KEYS.includes(k) && isPrice(p));
}

/** The override for `id` with its bad fields left out, or undefined when it is not an object. */
export function checkModelOverride(
  id: string,
  value: unknown,
  report: ReportProblem,
): ModelOverride | undefined {
  if (!isRecord(value)) {
    report(
      settingProblem({
        key: 'modelOverrides',
        part: `The entry for ${JSON.stringify(id)} in`,
        value,
        rule: 'an object of model facts, e.g. {"maxOutputTokens": 64000}',
        instead: 'It is ignored; the model keeps what Thinkfast knows about it.',
      }),
    );
    return undefined;
  }
  const out: Record<string, unknown> = {};
  for (const [field, v] of Object.entries(value)) {
    const check = FIELD_CHECKS[field];
    if (!check || check[1](v)) {
      out[field] = v;
      continue;
    }
    report(
      settingProblem({
        key: 'modelOverrides',
        part: `${JSON.stringify(field)} of ${JSON.stringify(id)} in`,
        value: v,
        rule: check[0],
        instead: 'That field is ignored; the model keeps its own value.',
      }),
    );
  }
  return out;
}

/** The prices for `id` when they read (input and output at least), else undefined, reported. */
export function checkPriceOverride(
  id: string,
  value: unknown,
  report: ReportProblem,
): (ModelPrices & { input: number; output: number }) | undefined {
  const ok =
    isRecord(value) &&
    isPrice(value.input) &&
    isPrice(value.output) &&
    Object.entries(value).every(([k, p]) => PRICE_KEYS.includes(k) && isPrice(p));
  if (ok) return value as unknown as ModelPrices & { input: number; output: number };
  report(
    settingProblem({
      key: 'priceOverrides',
      part: `The prices for ${JSON.stringify(id)} in`,
      value,
      rule: `an object with "input" and "output" (and optionally ${quoteChoices(PRICE_KEYS.slice(2))}) in dollars per million tokens, each 0 or more`,
      instead: 'They are ignored; the built-in prices are used.',
    }),
  );
  return undefined;
}
