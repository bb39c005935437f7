// Setting keys in one place, free of the vscode API so a plain-Node test can check them against
// package.json.

export const configSection = 'thinkfast';

/** Every setting key under `thinkfast.`; a unit test checks this list against package.json. */
export const SettingKeys = {
  model: 'model',
  effort: 'effort',
  fastMode: 'fastMode',
  fastModeOn429: 'fastModeOn429',
  maxTokens: 'maxTokens',
  thinkingMode: 'thinking.mode',
  thinkingBudgetTokens: 'thinking.budgetTokens',
  thinkingDisplay: 'thinking.display',
  chatThinkingView: 'chat.thinkingView',
  systemPrompt: 'systemPrompt',
  baseUrl: 'baseUrl',
  authHeader: 'authHeader',
  connectTimeoutSeconds: 'timeouts.connectSeconds',
  idleTimeoutSeconds: 'timeouts.idleSeconds',
  maxRetries: 'maxRetries',
  modelOverrides: 'modelOverrides',
  priceOverrides: 'priceOverrides',
  refactorEffort: 'refactor.effort',
  refactorPresets: 'refactor.presets',
} as const;

export type SettingKey = (typeof SettingKeys)[keyof typeof SettingKeys];
