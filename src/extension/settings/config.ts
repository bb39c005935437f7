import * as vscode from 'vscode';
import type { Effort } from '../anthropic/types';
import { configSection, SettingKeys, type SettingKey } from './settingKeys';

export { configSection, SettingKeys, type SettingKey };

export const defaultBaseUrl = 'https://api.anthropic.com';

/** An immutable snapshot of the settings, read once per request. */
export interface ConfigSnapshot {
  readonly model: string;
  readonly effort: Effort;
  readonly fastMode: boolean;
  readonly fastModeOn429: 'wait' | 'fallback';
  readonly maxTokens: number;
  readonly thinkingMode: 'adaptive' | 'manual' | 'off';
  readonly thinkingBudgetTokens: number;
  readonly thinkingDisplay: 'summarized' | 'omitted';
  readonly chatThinkingView: 'expanded' | 'collapsed' | 'hidden';
  readonly systemPrompt: string;
  /** Only the user's (global) value counts: see readBaseUrl. */
  readonly baseUrl: string;
  readonly authHeader: 'x-api-key' | 'bearer';
  readonly connectTimeoutMs: number;
  readonly idleTimeoutMs: number;
  readonly maxRetries: number;
  readonly modelOverrides: Readonly<Record<string, unknown>>;
  readonly priceOverrides: Readonly<Record<string, unknown>>;
  readonly refactorEffort: Effort;
  readonly refactorPresets: readonly string[];
}

const efforts: readonly Effort[] = ['low', 'medium', 'high', 'xhigh', 'max'];

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

function positive(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/**
 * Settings that decide where the key is sent are read from the user's settings only: a cloned
 * repository's `.vscode/settings.json` must not redirect requests that carry the key. The manifest
 * marks them application-scoped too; reading `globalValue` makes that hold in every host.
 */
function userOnly<T>(config: vscode.WorkspaceConfiguration, key: string, fallback: T): T {
  const inspected = config.inspect<T>(key);
  return inspected?.globalValue ?? inspected?.defaultValue ?? fallback;
}

/**
 * In an untrusted workspace, settings that change what is sent (system prompt, overrides) come
 * from the user's settings only.
 */
function trustedValue<T>(config: vscode.WorkspaceConfiguration, key: string, fallback: T): T {
  if (vscode.workspace.isTrusted) return config.get<T>(key) ?? fallback;
  return userOnly(config, key, fallback);
}

export function readConfig(): ConfigSnapshot {
  const c = vscode.workspace.getConfiguration(configSection);
  const maxTokens = Math.floor(positive(c.get(SettingKeys.maxTokens), 16000));
  return Object.freeze({
    model: (c.get<string>(SettingKeys.model) ?? '').trim() || 'claude-opus-4-6',
    effort: oneOf(c.get(SettingKeys.effort), efforts, 'high'),
    fastMode: c.get<boolean>(SettingKeys.fastMode) === true,
    fastModeOn429: oneOf(c.get(SettingKeys.fastModeOn429), ['wait', 'fallback'] as const, 'fallback'),
    maxTokens,
    thinkingMode: oneOf(c.get(SettingKeys.thinkingMode), ['adaptive', 'manual', 'off'] as const, 'adaptive'),
    thinkingBudgetTokens: Math.floor(positive(c.get(SettingKeys.thinkingBudgetTokens), 8000)),
    thinkingDisplay: oneOf(
      c.get(SettingKeys.thinkingDisplay),
      ['summarized', 'omitted'] as const,
      'summarized',
    ),
    chatThinkingView: oneOf(
      c.get(SettingKeys.chatThinkingView),
      ['expanded', 'collapsed', 'hidden'] as const,
      'collapsed',
    ),
    systemPrompt: trustedValue(c, SettingKeys.systemPrompt, ''),
    baseUrl: userOnly(c, SettingKeys.baseUrl, defaultBaseUrl),
    authHeader: oneOf(
      userOnly(c, SettingKeys.authHeader, 'x-api-key'),
      ['x-api-key', 'bearer'] as const,
      'x-api-key',
    ),
    connectTimeoutMs: positive(c.get(SettingKeys.connectTimeoutSeconds), 15) * 1000,
    idleTimeoutMs: positive(c.get(SettingKeys.idleTimeoutSeconds), 90) * 1000,
    maxRetries: Math.max(0, Math.min(10, Math.floor(c.get<number>(SettingKeys.maxRetries) ?? 2))),
    modelOverrides: record(userOnly(c, SettingKeys.modelOverrides, {})),
    priceOverrides: record(userOnly(c, SettingKeys.priceOverrides, {})),
    refactorEffort: oneOf(c.get(SettingKeys.refactorEffort), efforts, 'medium'),
    refactorPresets: (c.get<unknown[]>(SettingKeys.refactorPresets) ?? []).filter(
      (p): p is string => typeof p === 'string' && p.trim() !== '',
    ),
  });
}

/** Writes a user setting (global), as the status-bar toggles do. */
export async function updateUserSetting(key: SettingKey, value: unknown): Promise<void> {
  await vscode.workspace
    .getConfiguration(configSection)
    .update(key, value, vscode.ConfigurationTarget.Global);
}

/** Fires when any thinkfast setting changes (settings UI, settings.json, another window). */
export function onDidChangeConfig(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(configSection)) listener();
  });
}
