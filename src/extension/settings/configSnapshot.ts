// The settings as one immutable value: parsed from raw values with the table's defaults, cached by
// `Settings` and compared with `isEqualTo` so listeners run only when something really changed.
// Free of the vscode API (lint-enforced): unit-tested in plain Node.

import type { Effort } from '../../anthropic/types';
import { SettingTable, type SettingSpec } from './settingsTable';

/** Where raw values come from: the merged value, the user's value only, or trust-dependent. */
export interface ConfigSource {
  /** The effective value (workspace over user over default). */
  get(key: string): unknown;
  /** The user's (global) value only: settings that decide where the key is sent. */
  user(key: string): unknown;
  /** The effective value in a trusted workspace, the user's value otherwise. */
  trusted(key: string): unknown;
}

type Enum<S extends { enum: readonly string[] }> = S['enum'][number];
type T = typeof SettingTable;

function oneOf<S extends SettingSpec & { enum: readonly string[]; default: string }>(
  value: unknown,
  spec: S,
): Enum<S> {
  return (spec.enum.includes(value as string) ? value : spec.default) as Enum<S>;
}

function positive(value: unknown, spec: { default: number }): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : spec.default;
}

function record(value: unknown): Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function maxRetries(value: unknown): number {
  const spec = SettingTable.maxRetries;
  const n = typeof value === 'number' && Number.isFinite(value) ? Math.floor(value) : spec.default;
  return Math.max(spec.minimum, Math.min(spec.maximum, n));
}

/** An immutable snapshot of the settings; a new one is made only when a setting changes. */
export class ConfigSnapshot {
  readonly model: string;
  readonly effort: Effort;
  readonly fastMode: boolean;
  readonly fastModeOn429: Enum<T['fastModeOn429']>;
  readonly maxTokens: number;
  readonly thinkingMode: Enum<T['thinkingMode']>;
  readonly thinkingBudgetTokens: number;
  readonly thinkingDisplay: Enum<T['thinkingDisplay']>;
  readonly chatThinkingView: Enum<T['chatThinkingView']>;
  readonly systemPrompt: string;
  /** Only the user's (global) value counts: a workspace must not redirect the key. */
  readonly baseUrl: string;
  readonly authHeader: Enum<T['authHeader']>;
  readonly connectTimeoutMs: number;
  readonly idleTimeoutMs: number;
  readonly maxRetries: number;
  readonly modelOverrides: Readonly<Record<string, unknown>>;
  readonly priceOverrides: Readonly<Record<string, unknown>>;
  readonly refactorEffort: Effort;
  readonly refactorPresets: readonly string[];
  readonly chatCodeWrap: boolean;
  readonly cacheTtl: Enum<T['cacheTtl']>;
  /** US dollars per conversation before Thinkfast asks; 0 = off. */
  readonly spendLimitPerConversation: number;
  readonly refactorSpeed: 'fast' | 'standard' | 'chat';

  constructor(src: ConfigSource) {
    const s = SettingTable;
    const model = src.get(s.model.key);
    this.model = (typeof model === 'string' ? model.trim() : '') || s.model.default;
    this.effort = oneOf(src.get(s.effort.key), s.effort);
    this.fastMode = src.get(s.fastMode.key) === true;
    this.fastModeOn429 = oneOf(src.get(s.fastModeOn429.key), s.fastModeOn429);
    this.maxTokens = Math.floor(positive(src.get(s.maxTokens.key), s.maxTokens));
    this.thinkingMode = oneOf(src.get(s.thinkingMode.key), s.thinkingMode);
    this.thinkingBudgetTokens = Math.floor(
      positive(src.get(s.thinkingBudgetTokens.key), s.thinkingBudgetTokens),
    );
    this.thinkingDisplay = oneOf(src.get(s.thinkingDisplay.key), s.thinkingDisplay);
    this.chatThinkingView = oneOf(src.get(s.chatThinkingView.key), s.chatThinkingView);
    const prompt = src.trusted(s.systemPrompt.key);
    this.systemPrompt = typeof prompt === 'string' ? prompt : s.systemPrompt.default;
    const baseUrl = src.user(s.baseUrl.key);
    this.baseUrl = typeof baseUrl === 'string' ? baseUrl : s.baseUrl.default;
    this.authHeader = oneOf(src.user(s.authHeader.key), s.authHeader);
    this.connectTimeoutMs = positive(src.get(s.connectTimeoutSeconds.key), s.connectTimeoutSeconds) * 1000;
    this.idleTimeoutMs = positive(src.get(s.idleTimeoutSeconds.key), s.idleTimeoutSeconds) * 1000;
    this.maxRetries = maxRetries(src.get(s.maxRetries.key));
    this.modelOverrides = record(src.user(s.modelOverrides.key));
    this.priceOverrides = record(src.user(s.priceOverrides.key));
    this.refactorEffort = oneOf(src.get(s.refactorEffort.key), s.refactorEffort);
    const presets = src.get(s.refactorPresets.key);
    this.refactorPresets = (
      Array.isArray(presets) ? (presets as unknown[]) : s.refactorPresets.default
    ).filter((p): p is string => typeof p === 'string' && p.trim() !== '');
    this.chatCodeWrap = src.get(s.chatCodeWrap.key) === true;
    this.cacheTtl = oneOf(src.get(s.cacheTtl.key), s.cacheTtl);
    const limit = src.get(s.spendLimitPerConversation.key);
    this.spendLimitPerConversation =
      typeof limit === 'number' && Number.isFinite(limit) && limit > 0 ? limit : 0;
    this.refactorSpeed = oneOf(src.get(s.refactorSpeed.key), s.refactorSpeed);
    Object.freeze(this);
  }

  /** True when every setting has the same value (deep for overrides and presets). */
  isEqualTo(other: ConfigSnapshot): boolean {
    return JSON.stringify(this) === JSON.stringify(other);
  }
}
