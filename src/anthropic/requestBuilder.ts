// Turns the user's settings and the model's capabilities into a request body, refusing
// combinations the API would answer with 400 before anything is sent — with a message that
// says what to change.

import { applyCaching, type CacheStrategy } from './cacheControl';
import { ConfigError } from './errors';
import type { ModelCapabilities } from './models';
import { buildThinking, type ThinkingSetting } from './thinkingParam';
import type {
  BuiltRequest,
  CacheTtl,
  Effort,
  MessageCreateParams,
  MessageParam,
  TextBlockParam,
} from './types';

/** The beta that `speed: "fast"` needs on the models whose fast mode is a research preview. */
export const FAST_MODE_BETA = 'fast-mode-2026-02-01';

export { MIN_THINKING_BUDGET, type ThinkingSetting } from './thinkingParam';
export type { CacheStrategy } from './cacheControl';

/** What the user chose; everything optional falls back to the model's defaults. */
export interface RequestSettings {
  /** Model id or alias, sent as given. */
  model: string;
  /** Caps thinking and text together. */
  maxTokens: number;
  /**
   * The setting's own vocabulary (package.json `thinkfast.thinking.mode`): `adaptive` (adaptive
   * where accepted, else a budget), `manual` (a budget or a refusal), `off` (per model: omitted,
   * `disabled` or `between_tools`; refused on models that always think). Default `adaptive`.
   */
  thinking?: ThinkingSetting;
  /** Budget for budget thinking; default half of maxTokens, clamped to [1024, 32000]. */
  budgetTokens?: number;
  /** Undefined = let the server use the model's default level. */
  effort?: Effort;
  /** Ask for `speed: "fast"`. */
  fast?: boolean;
  /** Where the model accepts `thinking.display`; default `summarized` (most models default to omitted). */
  display?: 'summarized' | 'omitted';
  /** Where the prompt is cached (cacheControl.ts); default `conversation` (top-level `cache_control`). */
  cacheStrategy?: CacheStrategy;
  /** Prompt-cache TTL (`thinkfast.cache.ttl`); default `5m`. A 1h write costs 2× input, a 5m one 1.25×. */
  cacheTtl?: CacheTtl;
  /**
   * Cache diagnostics: the previous response's message id (`null` on a first turn) makes the
   * answer say why its prompt missed the cache. Undefined = not asked.
   */
  previousMessageId?: string | null;
}

const thousands = (n: number): string => n.toLocaleString('en-US');

/** Drops text blocks that are empty or whitespace only (the API refuses them), and turns left empty. */
export function withoutEmptyText(messages: readonly MessageParam[]): MessageParam[] {
  const out: MessageParam[] = [];
  for (const m of messages) {
    if (typeof m.content === 'string') {
      if (m.content.trim() !== '') out.push(m);
      continue;
    }
    const content = m.content.filter((b) => b.type !== 'text' || (b as TextBlockParam).text.trim() !== '');
    if (content.length > 0) out.push(content.length === m.content.length ? m : { ...m, content });
  }
  return out;
}

/**
 * Builds a streaming request. Never sends sampling parameters.
 *
 * Effort: sent whenever the user picked a level the model accepts — including the model's
 * default — because the server's default can move and an explicit choice must mean the same thing
 * tomorrow. Omitted only when `effort` is unset.
 *
 * @throws ConfigError for an impossible combination (nothing is sent).
 */
export function buildRequest(
  settings: RequestSettings,
  caps: ModelCapabilities,
  history: MessageParam[],
  system?: string | TextBlockParam[],
): BuiltRequest {
  const name = caps.displayName;
  const { maxTokens } = settings;
  checkLifecycle(caps);
  if (!Number.isInteger(maxTokens) || maxTokens < 1) {
    throw new ConfigError(`Max tokens must be a whole number of at least 1 (got ${maxTokens}).`);
  }
  const cap = caps.maxOutputTokens;
  if (cap !== undefined && maxTokens > cap) {
    throw new ConfigError(
      `${name} writes at most ${thousands(cap)} output tokens, but max tokens is ${thousands(maxTokens)}. Lower max tokens to ${thousands(cap)} or less.`,
    );
  }
  const effort = checkEffort(settings.effort, caps);
  const thinking = buildThinking({ ...settings, effort }, caps);
  const messages = withoutEmptyText(history);
  // Key order puts what repeats first (model, system, history), so turn N+1's body begins with the
  // bytes of turn N's up to the end of its history; what may change per turn comes after.
  const hasSystem =
    system !== undefined && (typeof system === 'string' ? system.trim().length > 0 : system.length > 0);
  const body: MessageCreateParams = {
    model: settings.model,
    max_tokens: maxTokens,
    ...(hasSystem ? { system } : {}),
    messages,
    stream: true,
  };
  if (thinking) body.thinking = thinking;

  if (messages.at(-1)?.role === 'assistant') {
    if (caps.prefill !== 'accepted' || (thinking && thinking.type !== 'disabled')) {
      throw new ConfigError(
        `The conversation ends with an assistant turn, which ${caps.prefill === 'refused' ? `${name} refuses` : 'is not allowed here'}. End it with your message.`,
      );
    }
  }
  if (effort !== undefined) body.output_config = { effort };
  applyCaching(body, settings.cacheStrategy ?? 'conversation', settings.cacheTtl);
  if (settings.previousMessageId !== undefined)
    body.diagnostics = { previous_message_id: settings.previousMessageId };

  const built: BuiltRequest = { body, betas: [] };
  if (settings.fast) applyFast(built, caps);
  return built;
}

function checkLifecycle(caps: ModelCapabilities): void {
  const l = caps.lifecycle;
  if (l.status !== 'retired') return;
  const when = l.retiresAt ? ` on ${l.retiresAt}` : '';
  const to = l.successor ? ` Switch to ${l.successor}.` : ' Pick another model.';
  throw new ConfigError(`${caps.displayName} was retired${when} and no longer answers.${to}`);
}

function checkEffort(effort: Effort | undefined, caps: ModelCapabilities): Effort | undefined {
  if (effort === undefined) return undefined;
  const name = caps.displayName;
  if (caps.effortLevels.length === 0) {
    throw new ConfigError(
      `${name} has no effort setting. Clear the effort level, or pick a model that has one.`,
    );
  }
  if (!caps.effortLevels.includes(effort)) {
    const def = caps.defaultEffort ? ` (its default is ${caps.defaultEffort})` : '';
    throw new ConfigError(`${name} has no ${effort} effort. Choose ${listOr(caps.effortLevels)}${def}.`);
  }
  return effort;
}

function applyFast(built: BuiltRequest, caps: ModelCapabilities): void {
  const name = caps.displayName;
  const off = ' Turn fast mode off, or pick a model that has it (e.g. Claude Opus 5.5).';
  const at = caps.fastRemovedAt ? ` on ${caps.fastRemovedAt}` : '';
  switch (caps.fast) {
    case 'ga':
      built.body.speed = 'fast';
      return;
    case 'beta':
      if (caps.betasRefused.includes(FAST_MODE_BETA))
        throw new ConfigError(`The API refused the fast-mode beta for ${name}.${off}`);
      built.body.speed = 'fast';
      built.betas.push(FAST_MODE_BETA);
      return;
    case 'removed_standard':
      built.body.speed = 'fast';
      built.warnings = [
        `Fast mode on ${name} was removed${at}: the API answers at standard speed and price.`,
      ];
      return;
    case 'removed_refused':
      throw new ConfigError(`Fast mode on ${name} was removed${at}, and the API refuses it.${off}`);
    case 'never':
      throw new ConfigError(`${name} has no fast mode.${off}`);
    case 'unknown':
      throw new ConfigError(
        `Whether ${name} has fast mode is unknown.${off} If it has, set "thinkfast.modelOverrides": {"${caps.id}": {"fast": "ga"}}.`,
      );
  }
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
