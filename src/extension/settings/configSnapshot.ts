// The settings as one immutable value: parsed from raw values with the table's defaults, cached by
// `Settings` and compared with `isEqualTo` so listeners run only when something really changed.
// Free of the vscode API (lint-enforced): unit-tested in plain Node.

import type { Effort } from '../../anthropic/types';
import { checkBaseUrl } from '../connection/baseUrl';
import { overridesFromSettings } from '../connection/modelCatalog';
import type { SettingProblem } from './settingProblems';
import { SettingTable } from './settingsTable';
import { SettingValues } from './settingValues';

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

  /** Every bad value read, each with what is used instead (not part of `isEqualTo`). */
  readonly #problems: SettingProblem[] = [];

  constructor(src: ConfigSource) {
    const s = SettingTable;
    const read = new SettingValues((p) => this.#problems.push(p));
    const model = read.string(src.get(s.model.key), s.model);
    this.model = model.trim() || s.model.default;
    this.effort = read.oneOf(src.get(s.effort.key), s.effort);
    this.fastMode = read.boolean(src.get(s.fastMode.key), s.fastMode);
    this.fastModeOn429 = read.oneOf(src.get(s.fastModeOn429.key), s.fastModeOn429);
    this.maxTokens = read.number(src.get(s.maxTokens.key), s.maxTokens);
    this.thinkingMode = read.oneOf(src.get(s.thinkingMode.key), s.thinkingMode);
    this.thinkingBudgetTokens = read.number(src.get(s.thinkingBudgetTokens.key), s.thinkingBudgetTokens);
    this.thinkingDisplay = read.oneOf(src.get(s.thinkingDisplay.key), s.thinkingDisplay);
    this.chatThinkingView = read.oneOf(src.get(s.chatThinkingView.key), s.chatThinkingView);
    this.systemPrompt = read.string(src.trusted(s.systemPrompt.key), s.systemPrompt);
    this.baseUrl = read.string(src.user(s.baseUrl.key), s.baseUrl);
    const base = checkBaseUrl(this.baseUrl);
    if (!base.ok) {
      this.#problems.push({
        key: s.baseUrl.key,
        id: `baseUrl|${this.baseUrl}`,
        message: `"thinkfast.baseUrl": ${base.message} Nothing is sent until it is fixed.`,
      });
    }
    this.authHeader = read.oneOf(src.user(s.authHeader.key), s.authHeader);
    this.connectTimeoutMs = read.number(src.get(s.connectTimeoutSeconds.key), s.connectTimeoutSeconds) * 1000;
    this.idleTimeoutMs = read.number(src.get(s.idleTimeoutSeconds.key), s.idleTimeoutSeconds) * 1000;
    this.maxRetries = read.number(src.get(s.maxRetries.key), s.maxRetries, true);
    this.modelOverrides = read.record(src.user(s.modelOverrides.key), s.modelOverrides);
    this.priceOverrides = read.record(src.user(s.priceOverrides.key), s.priceOverrides);
    overridesFromSettings(this.modelOverrides, this.priceOverrides, (p) => this.#problems.push(p));
    this.refactorEffort = read.oneOf(src.get(s.refactorEffort.key), s.refactorEffort);
    this.refactorPresets = read.texts(src.get(s.refactorPresets.key), s.refactorPresets);
    this.chatCodeWrap = read.boolean(src.get(s.chatCodeWrap.key), s.chatCodeWrap);
    this.cacheTtl = read.oneOf(src.get(s.cacheTtl.key), s.cacheTtl);
    this.spendLimitPerConversation = read.number(
      src.get(s.spendLimitPerConversation.key),
      s.spendLimitPerConversation,
    );
    this.refactorSpeed = read.oneOf(src.get(s.refactorSpeed.key), s.refactorSpeed);
    Object.freeze(this);
  }

  /** The bad values this snapshot replaced, one problem each. */
  get problems(): readonly SettingProblem[] {
    return this.#problems;
  }

  /** True when every setting has the same value (deep for overrides and presets). */
  isEqualTo(other: ConfigSnapshot): boolean {
    return JSON.stringify(this) === JSON.stringify(other);
  }
}
