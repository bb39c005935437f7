// Turns the user's settings and the model's capabilities into a request body, refusing
// combinations the API would answer with 400 before anything is sent — with a message that
// says what to change.

import { ConfigError } from './errors';
import type { ModelCapabilities } from './models';
import type {
  BuiltRequest,
  Effort,
  MessageCreateParams,
  MessageParam,
  TextBlockParam,
  ThinkingParam,
} from './types';

/** The beta that `speed: "fast"` needs. Sent only on fast requests. */
export const FAST_MODE_BETA = 'fast-mode-2026-02-01';

/** Smallest thinking budget the API accepts. */
export const MIN_THINKING_BUDGET = 1024;

/** What the user chose; everything optional falls back to the model's defaults. */
export interface RequestSettings {
  /** Model id or alias, sent as given. */
  model: string;
  /** Caps thinking and text together. */
  maxTokens: number;
  /**
   * `default`: the model's default mode (adaptive where it exists, else a budget);
   * `adaptive` / `enabled`: that mode or a refusal; `off`: no thinking. Default `default`.
   */
  thinking?: 'default' | 'adaptive' | 'enabled' | 'off';
  /** Budget for `enabled` thinking; default half of maxTokens, clamped to [1024, 32000]. */
  budgetTokens?: number;
  /** Undefined = let the server use the model's default level. */
  effort?: Effort;
  /** Ask for `speed: "fast"`. */
  fast?: boolean;
  /** Where the model accepts `thinking.display`; default `summarized` (some models default to omitted). */
  display?: 'summarized' | 'omitted';
  /** Only allowed with thinking off. */
  temperature?: number;
  /** Only allowed with thinking off. */
  topK?: number;
}

const DEFAULT_BUDGET_CAP = 32_000;

const thousands = (n: number): string => n.toLocaleString('en-US');

/**
 * Builds a streaming request.
 *
 * Effort: sent whenever the user picked a level the model accepts — including the model's
 * default — because the server's default can move (API-NOTES: newer models may default lower)
 * and an explicit choice must mean the same thing tomorrow. Omitted only when `effort` is unset.
 *
 * Display: sent as `summarized` (or the user's choice) only where the model accepts the field;
 * elsewhere thinking is always summarized and the field would be a 400.
 *
 * @throws ConfigError for an impossible combination (nothing is sent).
 */
export function buildRequest(
  settings: RequestSettings,
  caps: ModelCapabilities,
  messages: MessageParam[],
  system?: string | TextBlockParam[],
): BuiltRequest {
  const name = caps.displayName;
  const { maxTokens } = settings;
  if (!Number.isInteger(maxTokens) || maxTokens < 1) {
    throw new ConfigError(`Max tokens must be a whole number of at least 1 (got ${maxTokens}).`);
  }
  if (maxTokens > caps.maxOutputTokens) {
    throw new ConfigError(
      `${name} writes at most ${thousands(caps.maxOutputTokens)} output tokens, but max tokens is ${thousands(maxTokens)}. Lower max tokens to ${thousands(caps.maxOutputTokens)} or less.`,
    );
  }

  const thinking = buildThinking(settings, caps);
  const body: MessageCreateParams = { model: settings.model, max_tokens: maxTokens, messages, stream: true };
  if (system !== undefined && (typeof system === 'string' ? system.length > 0 : system.length > 0))
    body.system = system;
  if (thinking) body.thinking = thinking;

  if (thinking && (settings.temperature !== undefined || settings.topK !== undefined)) {
    throw new ConfigError(
      'Temperature and top-k cannot be changed while thinking is on. Clear them, or turn thinking off.',
    );
  }
  if (settings.temperature !== undefined) body.temperature = settings.temperature;
  if (settings.topK !== undefined) body.top_k = settings.topK;

  if (thinking && messages.at(-1)?.role === 'assistant') {
    throw new ConfigError(
      'The conversation ends with an assistant turn, which is not allowed while thinking is on. End it with your message, or turn thinking off.',
    );
  }

  if (settings.effort !== undefined) {
    const effort = settings.effort;
    if (caps.effortLevels.length === 0) {
      throw new ConfigError(
        `${name} has no effort setting. Clear the effort level, or pick a model that has one.`,
      );
    }
    if (!caps.effortLevels.includes(effort)) {
      throw new ConfigError(
        `${name} has no ${effort} effort. Choose ${listOr(caps.effortLevels)}${effort === 'max' ? ', or pick Claude Opus 4.6' : ''}.`,
      );
    }
    body.output_config = { effort };
  }

  const betas: string[] = [];
  if (settings.fast) {
    if (!caps.fastMode) {
      throw new ConfigError(`${name} has no fast mode. Turn fast mode off or pick Claude Opus 4.6.`);
    }
    body.speed = 'fast';
    betas.push(FAST_MODE_BETA);
  }
  return { body, betas };
}

function buildThinking(settings: RequestSettings, caps: ModelCapabilities): ThinkingParam | undefined {
  const name = caps.displayName;
  const choice = settings.thinking ?? 'default';
  if (choice === 'off') return undefined;
  const mode = choice === 'default' ? caps.defaultThinking : choice;
  if (mode === undefined) return undefined; // the model has no thinking and none was demanded
  if (!caps.thinkingModes.includes(mode)) {
    if (mode === 'adaptive') {
      const alt = caps.thinkingModes.includes('enabled')
        ? ' Use a thinking budget instead'
        : ' Turn thinking off';
      throw new ConfigError(`${name} has no adaptive thinking.${alt}, or pick Claude Opus 4.6.`);
    }
    throw new ConfigError(
      caps.thinkingModes.length === 0
        ? `${name} has no extended thinking. Turn thinking off, or pick a model that thinks.`
        : `${name} does not take a thinking budget. Use adaptive thinking instead.`,
    );
  }
  const display = caps.thinkingDisplay ? (settings.display ?? 'summarized') : undefined;
  if (mode === 'adaptive') return display ? { type: 'adaptive', display } : { type: 'adaptive' };

  let budget = settings.budgetTokens;
  if (budget === undefined) {
    budget = Math.min(Math.max(Math.floor(settings.maxTokens / 2), MIN_THINKING_BUDGET), DEFAULT_BUDGET_CAP);
    // With a tiny max_tokens no legal budget exists; thinking was not explicitly asked for, so skip it.
    if (budget >= settings.maxTokens && choice === 'default') return undefined;
  }
  if (!Number.isInteger(budget) || budget < MIN_THINKING_BUDGET) {
    throw new ConfigError(
      `The thinking budget must be at least ${thousands(MIN_THINKING_BUDGET)} tokens (got ${thousands(budget)}). Raise the budget, or turn thinking off.`,
    );
  }
  if (budget >= settings.maxTokens) {
    throw new ConfigError(
      `The thinking budget (${thousands(budget)}) must be less than max tokens (${thousands(settings.maxTokens)}), which caps thinking and answer together. Raise max tokens or lower the budget.`,
    );
  }
  return display
    ? { type: 'enabled', budget_tokens: budget, display }
    : { type: 'enabled', budget_tokens: budget };
}

function listOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/**
 * The fast-mode fallback: the same request at standard speed — no `speed`, no fast beta.
 * Fast and standard do not share prompt-cache prefixes, so the caller should say the cache is lost.
 */
export function toStandardSpeed(built: BuiltRequest): BuiltRequest {
  const body: MessageCreateParams = { ...built.body };
  delete body.speed;
  return { body, betas: built.betas.filter((b) => b !== FAST_MODE_BETA) };
}

/** Whether a built request asks for fast mode. */
export function isFastRequest(built: BuiltRequest): boolean {
  return built.body.speed === 'fast';
}

/**
 * Removes thinking and redacted_thinking blocks from assistant turns: the once-only recovery when
 * the API rejects a thinking signature. Assistant turns left empty are dropped (the API merges
 * the neighbouring user turns). Other turns are returned as the same objects.
 */
export function stripThinking(messages: readonly MessageParam[]): MessageParam[] {
  const out: MessageParam[] = [];
  for (const m of messages) {
    if (m.role !== 'assistant' || typeof m.content === 'string') {
      out.push(m);
      continue;
    }
    const content = m.content.filter((b) => b.type !== 'thinking' && b.type !== 'redacted_thinking');
    if (content.length > 0) out.push(content.length === m.content.length ? m : { ...m, content });
  }
  return out;
}
