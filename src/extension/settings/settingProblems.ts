// What a malformed setting value gets: one problem per bad value, saying which setting, what is
// wrong with it and what is used instead. The settings snapshot and the model-override checks
// collect them; `SettingsWarnings` shows each distinct one once. Free of the vscode API.

import type { ModelCapabilities } from '../../anthropic/models';

/** One bad setting value, in words the user can act on. */
export interface SettingProblem {
  /** The setting's key under `thinkfast.`: "Open Settings" focuses it. */
  readonly key: string;
  /** The same bad value read again is the same problem (its warning is not repeated). */
  readonly id: string;
  readonly message: string;
}

export type ReportProblem = (problem: SettingProblem) => void;

/** A value as the message quotes it: JSON, cut short. */
export function quoteValue(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** A list of allowed values as a message names them: "a", "b" or "c". */
export function quoteChoices(values: readonly unknown[]): string {
  const quoted = values.map((v) => JSON.stringify(v));
  return quoted.length < 2 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

export interface ProblemParts {
  /** The setting's key under `thinkfast.`. */
  key: string;
  value: unknown;
  /** What the value must be, e.g. "a whole number of at least 1". */
  rule: string;
  /** What happens instead, a sentence, e.g. "Using 16000 instead." */
  instead: string;
  /** What is bad when it is not the whole setting, e.g. `"effortLevels" of "claude-x" in`. */
  part?: string;
  /** The message names the value unless it may hold a secret (a base URL with credentials). */
  hideValue?: boolean;
}

/** The problem for a value that breaks `rule`. */
export function settingProblem(p: ProblemParts): SettingProblem {
  const setting = `${p.part ? `${p.part} ` : ''}"thinkfast.${p.key}"`;
  const value = p.hideValue ? '' : ` is ${quoteValue(p.value)}, but it`;
  const message = `${capitalize(setting)}${value} must be ${p.rule}. ${p.instead}`;
  return { key: p.key, id: `${p.key}|${p.part ?? ''}|${quoteValue(p.value)}|${p.rule}`, message };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "Using 16000 instead." / "Using the default, "high", instead." */
export function usingInstead(value: unknown, isDefault = true): string {
  return isDefault
    ? `Using the default, ${quoteValue(value)}, instead.`
    : `Using ${quoteValue(value)} instead.`;
}

/** What a model is asked to write at most: `thinkfast.maxTokens`, lowered to the model's limit. */
export function effectiveMaxTokens(
  maxTokens: number,
  caps: Pick<ModelCapabilities, 'maxOutputTokens'>,
): number {
  const cap = caps.maxOutputTokens;
  return cap !== undefined && maxTokens > cap ? cap : maxTokens;
}

/** The note for a `thinkfast.maxTokens` above what the model writes, else undefined. */
export function maxTokensNote(
  maxTokens: number,
  caps: Pick<ModelCapabilities, 'id' | 'displayName' | 'maxOutputTokens'>,
): SettingProblem | undefined {
  const used = effectiveMaxTokens(maxTokens, caps);
  if (used === maxTokens) return undefined;
  const n = (v: number): string => v.toLocaleString('en-US');
  return {
    key: 'maxTokens',
    id: `maxTokens|${caps.id}|${maxTokens}`,
    message: `"thinkfast.maxTokens" is ${n(maxTokens)}, but ${caps.displayName} writes at most ${n(used)} output tokens. Using ${n(used)} for it.`,
  };
}
