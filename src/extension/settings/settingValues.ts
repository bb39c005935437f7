// Reads one raw setting value against its row of the settings table: the value when it is good,
// the default (or the nearest bound) when it is not, with a problem reported for every bad value.
// An absent value is not bad: it is the default. Free of the vscode API.

import { settingProblem, usingInstead, quoteChoices, type ReportProblem } from './settingProblems';
import type { SettingSpec } from './settingsTable';

type Spec<V> = SettingSpec & { default: V };

export class SettingValues {
  constructor(private readonly report: ReportProblem) {}

  /** Reports that `value` breaks `rule` and returns `instead`. */
  bad<V>(spec: SettingSpec, value: unknown, rule: string, instead: V, isDefault = true): V {
    this.report(settingProblem({ key: spec.key, value, rule, instead: usingInstead(instead, isDefault) }));
    return instead;
  }

  oneOf<S extends SettingSpec & { enum: readonly string[]; default: string }>(
    value: unknown,
    spec: S,
  ): S['enum'][number] {
    if (value === undefined || spec.enum.includes(value as string))
      return (value ?? spec.default) as S['enum'][number];
    return this.bad(spec, value, `one of ${quoteChoices(spec.enum)}`, spec.default);
  }

  boolean(value: unknown, spec: Spec<boolean>): boolean {
    if (value === undefined) return spec.default;
    return typeof value === 'boolean' ? value : this.bad(spec, value, 'true or false', spec.default);
  }

  string(value: unknown, spec: Spec<string>): string {
    if (value === undefined) return spec.default;
    return typeof value === 'string' ? value : this.bad(spec, value, 'text', spec.default);
  }

  /**
   * A number within the row's bounds (whole for `integer` rows). Out of bounds: the default, or
   * with `clamp` the nearest bound.
   */
  number(value: unknown, spec: Spec<number>, clamp = false): number {
    if (value === undefined) return spec.default;
    const whole = spec.type === 'integer';
    const { minimum: min, maximum: max } = spec;
    const bounds = [
      min !== undefined ? `at least ${min}` : '',
      max !== undefined ? `at most ${max}` : '',
    ].filter(Boolean);
    const rule = `${whole ? 'a whole number' : 'a number'}${bounds.length ? ` of ${bounds.join(' and ')}` : ''}`;
    if (typeof value !== 'number' || !Number.isFinite(value) || (whole && !Number.isInteger(value)))
      return this.bad(spec, value, rule, spec.default);
    if (min !== undefined && value < min)
      return this.bad(spec, value, rule, clamp ? min : spec.default, !clamp);
    if (max !== undefined && value > max)
      return this.bad(spec, value, rule, clamp ? max : spec.default, !clamp);
    return value;
  }

  /** An object (a JSON map); anything else counts as empty. */
  record(value: unknown, spec: SettingSpec): Readonly<Record<string, unknown>> {
    if (value === undefined) return {};
    if (isRecord(value)) return value;
    return this.bad(spec, value, 'an object of settings per model id', {});
  }

  /** A list of non-empty texts; other entries are left out. */
  texts(value: unknown, spec: Spec<readonly string[]>): readonly string[] {
    if (value === undefined) return spec.default;
    if (!Array.isArray(value)) return this.bad(spec, value, 'a list of texts', spec.default);
    const texts = (value as unknown[]).filter((p): p is string => typeof p === 'string' && p.trim() !== '');
    if (texts.length !== value.length) this.bad(spec, value, 'a list of non-empty texts', texts, false);
    return texts;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
