// Every setting once: key, type, default, allowed values and scope. package.json's
// `contributes.configuration` is checked against this table both ways by a unit test, and the
// code reads defaults only from here. Free of the vscode API (lint-enforced).

import { EFFORTS } from '../../anthropic/types';

export const configSection = 'thinkfast';

export interface SettingSpec {
  /** The key under `thinkfast.`. */
  readonly key: string;
  readonly type: 'string' | 'boolean' | 'integer' | 'number' | 'object' | 'array';
  readonly default: unknown;
  readonly enum?: readonly string[];
  readonly minimum?: number;
  readonly maximum?: number;
  /** `application`: user settings only (where the key is sent). Absent: the manifest's default. */
  readonly scope?: 'application';
}

export const SettingTable = {
  model: { key: 'model', type: 'string', default: 'claude-opus-5-5' },
  effort: { key: 'effort', type: 'string', enum: EFFORTS, default: 'high' },
  fastMode: { key: 'fastMode', type: 'boolean', default: false },
  fastModeOn429: { key: 'fastModeOn429', type: 'string', enum: ['fallback', 'wait'], default: 'fallback' },
  maxTokens: { key: 'maxTokens', type: 'integer', default: 16000, minimum: 1 },
  thinkingMode: {
    key: 'thinking.mode',
    type: 'string',
    enum: ['adaptive', 'manual', 'off'],
    default: 'adaptive',
  },
  thinkingBudgetTokens: { key: 'thinking.budgetTokens', type: 'integer', default: 8000, minimum: 1024 },
  thinkingDisplay: {
    key: 'thinking.display',
    type: 'string',
    enum: ['summarized', 'omitted'],
    default: 'summarized',
  },
  chatThinkingView: {
    key: 'chat.thinkingView',
    type: 'string',
    enum: ['collapsed', 'expanded', 'hidden'],
    default: 'collapsed',
  },
  systemPrompt: { key: 'systemPrompt', type: 'string', default: '' },
  baseUrl: { key: 'baseUrl', type: 'string', default: 'https://api.anthropic.com', scope: 'application' },
  authHeader: {
    key: 'authHeader',
    type: 'string',
    enum: ['x-api-key', 'bearer'],
    default: 'x-api-key',
    scope: 'application',
  },
  connectTimeoutSeconds: { key: 'timeouts.connectSeconds', type: 'number', default: 15, minimum: 1 },
  idleTimeoutSeconds: { key: 'timeouts.idleSeconds', type: 'number', default: 90, minimum: 5 },
  maxRetries: { key: 'maxRetries', type: 'integer', default: 2, minimum: 0, maximum: 10 },
  modelOverrides: { key: 'modelOverrides', type: 'object', default: {}, scope: 'application' },
  priceOverrides: { key: 'priceOverrides', type: 'object', default: {}, scope: 'application' },
  refactorEffort: { key: 'refactor.effort', type: 'string', enum: EFFORTS, default: 'medium' },
  refactorPresets: {
    key: 'refactor.presets',
    type: 'array',
    default: [
      'Refactor this code for clarity',
      'Add types and doc comments',
      'Simplify control flow',
      'Improve naming',
      'Make it more idiomatic',
    ],
  },
  chatCodeWrap: { key: 'chat.codeWrap', type: 'boolean', default: false },
  cacheTtl: { key: 'cache.ttl', type: 'string', enum: ['5m', '1h'], default: '5m' },
  spendLimitPerConversation: { key: 'spendLimitPerConversation', type: 'number', default: 0, minimum: 0 },
  refactorSpeed: {
    key: 'refactor.speed',
    type: 'string',
    enum: ['fast', 'standard', 'chat'],
    default: 'fast',
  },
} as const satisfies Record<string, SettingSpec>;

type Table = typeof SettingTable;

/** The key of each setting by its name in the table, e.g. `SettingKeys.thinkingMode` = `thinking.mode`. */
export const SettingKeys = Object.fromEntries(
  Object.entries(SettingTable).map(([name, spec]) => [name, spec.key]),
) as { readonly [K in keyof Table]: Table[K]['key'] };

export type SettingKey = Table[keyof Table]['key'];
