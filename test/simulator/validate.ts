// Request validation with the API's status codes, error types and (paraphrased) messages, so a
// client that builds a wrong request fails here exactly as it would in production.

import type { Effort, MessageParam, TextBlockParam } from '../../src/anthropic/types';
import { type ApiFailure, failure, invalid } from './apiErrors';
import { type SimModel, findModel } from './models';
import type { Signer } from './signatures';

export const FAST_MODE_BETA = 'fast-mode-2026-02-01';

/** Betas the simulator accepts; anything else is refused as the API refuses unknown betas. */
export const KNOWN_BETAS: readonly string[] = [
  FAST_MODE_BETA,
  'interleaved-thinking-2025-05-14',
  'context-1m-2025-08-07',
  'context-management-2025-06-27',
  'effort-2025-11-24',
  'fine-grained-tool-streaming-2025-05-14',
  'token-efficient-tools-2025-02-19',
  'output-128k-2025-02-19',
  'prompt-caching-2024-07-31',
  'extended-cache-ttl-2025-04-11',
  'files-api-2025-04-14',
];

const EFFORTS: readonly Effort[] = ['low', 'medium', 'high', 'xhigh', 'max'];

const TOP_LEVEL_FIELDS = new Set([
  'model',
  'max_tokens',
  'messages',
  'system',
  'stream',
  'thinking',
  'output_config',
  'speed',
  'temperature',
  'top_k',
  'top_p',
  'metadata',
  'stop_sequences',
  'tools',
  'tool_choice',
  'service_tier',
  'container',
  'context_management',
  'mcp_servers',
  'inference_geo',
]);

export type ThinkingMode =
  | { type: 'off' }
  | { type: 'adaptive'; display: 'summarized' | 'omitted' }
  | { type: 'enabled'; budgetTokens: number; display: 'summarized' | 'omitted' };

/** A request that passed validation, with defaults filled in. */
export interface ValidRequest {
  model: SimModel;
  /** Undefined only for count_tokens, which does not take max_tokens. */
  maxTokens: number;
  messages: MessageParam[];
  system: string | TextBlockParam[] | undefined;
  stream: boolean;
  thinking: ThinkingMode;
  effort: Effort;
  /** `speed` as sent; undefined when absent. */
  speed: 'fast' | 'standard' | undefined;
}

type Result = { ok: true; request: ValidRequest } | { ok: false; failure: ApiFailure };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Validates a `POST /v1/messages` body (or, with `countTokens`, a count_tokens body, which has no
 * max_tokens or stream). Thinking signatures are checked with `signer`.
 */
export function validateRequest(
  body: unknown,
  betas: readonly string[],
  signer: Signer,
  countTokens = false,
): Result {
  try {
    return { ok: true, request: check(body, betas, signer, countTokens) };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, failure: e.failure };
    throw e;
  }
}

class Refusal extends Error {
  constructor(readonly failure: ApiFailure) {
    super(failure.message);
  }
}

function refuse(message: string): never {
  throw new Refusal(invalid(message));
}

function check(body: unknown, betas: readonly string[], signer: Signer, countTokens: boolean): ValidRequest {
  if (!isObject(body)) refuse('The request body must be a JSON object.');
  for (const b of betas) {
    if (!KNOWN_BETAS.includes(b)) refuse(`Unexpected value(s) \`${b}\` for the \`anthropic-beta\` header.`);
  }
  for (const key of Object.keys(body)) {
    if (!TOP_LEVEL_FIELDS.has(key)) refuse(`${key}: Extra inputs are not permitted`);
    if (countTokens && (key === 'max_tokens' || key === 'stream'))
      refuse(`${key}: Extra inputs are not permitted`);
  }

  if (typeof body.model !== 'string' || body.model === '') refuse('model: Field required');
  const model = findModel(body.model);
  if (!model) throw new Refusal(failure(404, `model: ${body.model}`));

  let maxTokens = 0;
  if (!countTokens) {
    if (body.max_tokens === undefined) refuse('max_tokens: Field required');
    if (typeof body.max_tokens !== 'number' || !Number.isInteger(body.max_tokens)) {
      refuse('max_tokens: Input should be a valid integer');
    }
    if (body.max_tokens < 1) refuse('max_tokens: Input should be greater than or equal to 1');
    if (body.max_tokens > model.maxOutputTokens) {
      refuse(
        `max_tokens: ${body.max_tokens} > ${model.maxOutputTokens}, which is the maximum allowed number of output tokens for ${model.id}`,
      );
    }
    maxTokens = body.max_tokens;
  }

  const messages = checkMessages(body.messages);
  const system = checkSystem(body.system);
  if (body.stream !== undefined && typeof body.stream !== 'boolean')
    refuse('stream: Input should be a valid boolean');

  const thinking = checkThinking(body.thinking, model, maxTokens, countTokens);
  const effort = checkEffort(body.output_config, model);
  const speed = checkSpeed(body.speed, model, betas);
  checkSampling(body, thinking.type !== 'off');

  if (thinking.type !== 'off') {
    const last = messages[messages.length - 1];
    if (last?.role === 'assistant') {
      refuse(
        'messages: assistant message prefill is not supported when thinking is enabled; the final message must have the "user" role',
      );
    }
  }
  checkSignatures(messages, signer);

  return { model, maxTokens, messages, system, stream: body.stream === true, thinking, effort, speed };
}

function checkMessages(raw: unknown): MessageParam[] {
  if (raw === undefined) refuse('messages: Field required');
  if (!Array.isArray(raw)) refuse('messages: Input should be a valid list');
  if (raw.length === 0) refuse('messages: at least one message is required');
  raw.forEach((m: unknown, i) => {
    if (!isObject(m)) refuse(`messages.${i}: Input should be a valid dictionary`);
    if (m.role !== 'user' && m.role !== 'assistant') {
      refuse(`messages.${i}.role: Input should be 'user' or 'assistant'`);
    }
    if (i === 0 && m.role !== 'user') refuse('messages: first message must use the "user" role');
    const prev = i > 0 ? (raw[i - 1] as { role?: unknown }) : undefined;
    if (prev && prev.role === m.role) {
      refuse(
        `messages: roles must alternate between "user" and "assistant", but found multiple "${m.role}" roles in a row`,
      );
    }
    const isFinal = i === raw.length - 1;
    if (typeof m.content === 'string') {
      if (m.content === '' && !(isFinal && m.role === 'assistant')) {
        refuse(`messages.${i}: ${m.role} messages must have non-empty content`);
      }
    } else if (Array.isArray(m.content)) {
      if (m.content.length === 0 && !(isFinal && m.role === 'assistant')) {
        refuse(`messages.${i}: ${m.role} messages must have non-empty content`);
      }
      m.content.forEach((b: unknown, j) => checkBlock(b, `messages.${i}.content.${j}`, m.role as string));
    } else {
      refuse(`messages.${i}.content: Input should be a valid string or list`);
    }
  });
  return raw as MessageParam[];
}

function checkBlock(b: unknown, where: string, role: string): void {
  if (!isObject(b) || typeof b.type !== 'string') refuse(`${where}.type: Field required`);
  if (b.type === 'text' && typeof b.text !== 'string') refuse(`${where}.text: Field required`);
  if ((b.type === 'thinking' || b.type === 'redacted_thinking') && role !== 'assistant') {
    refuse(`${where}: \`${b.type}\` blocks are only allowed in assistant messages`);
  }
}

function checkSystem(raw: unknown): string | TextBlockParam[] | undefined {
  if (raw === undefined || typeof raw === 'string') return raw;
  if (!Array.isArray(raw)) refuse('system: Input should be a valid string or list');
  raw.forEach((b: unknown, i) => {
    if (!isObject(b) || b.type !== 'text' || typeof b.text !== 'string') {
      refuse(`system.${i}: Input should be a text block`);
    }
  });
  return raw as TextBlockParam[];
}

function checkDisplay(t: Record<string, unknown>, model: SimModel): 'summarized' | 'omitted' {
  if (t.display === undefined) return 'summarized';
  if (!model.acceptsDisplay) refuse(`thinking.display: not supported for model ${model.id}`);
  if (t.display !== 'summarized' && t.display !== 'omitted') {
    refuse("thinking.display: Input should be 'summarized' or 'omitted'");
  }
  return t.display;
}

function checkThinking(raw: unknown, model: SimModel, maxTokens: number, countTokens: boolean): ThinkingMode {
  if (raw === undefined || raw === null) return { type: 'off' };
  if (!isObject(raw)) refuse('thinking: Input should be a valid dictionary');
  switch (raw.type) {
    case 'disabled':
      return { type: 'off' };
    case 'adaptive':
      if (!model.thinkingTypes.includes('adaptive')) {
        refuse(
          `thinking.type: adaptive thinking is not supported on ${model.id}; use "enabled" with budget_tokens`,
        );
      }
      return { type: 'adaptive', display: checkDisplay(raw, model) };
    case 'enabled': {
      if (!model.thinkingTypes.includes('enabled'))
        refuse(`thinking.type: "enabled" is not supported on ${model.id}`);
      const budget = raw.budget_tokens;
      if (budget === undefined) refuse('thinking.enabled.budget_tokens: Field required');
      if (typeof budget !== 'number' || !Number.isInteger(budget)) {
        refuse('thinking.enabled.budget_tokens: Input should be a valid integer');
      }
      if (budget < 1024)
        refuse('thinking.enabled.budget_tokens: Input should be greater than or equal to 1024');
      if (!countTokens && budget >= maxTokens) {
        refuse('`max_tokens` must be greater than `thinking.budget_tokens`');
      }
      return { type: 'enabled', budgetTokens: budget, display: checkDisplay(raw, model) };
    }
    default:
      return refuse("thinking.type: Input should be 'enabled', 'adaptive' or 'disabled'");
  }
}

function checkEffort(raw: unknown, model: SimModel): Effort {
  if (raw === undefined) return 'high';
  if (!isObject(raw)) refuse('output_config: Input should be a valid dictionary');
  const effort = raw.effort;
  if (effort === undefined || effort === null) return 'high';
  if (typeof effort !== 'string' || !(EFFORTS as readonly string[]).includes(effort)) {
    refuse(`output_config.effort: Input should be ${EFFORTS.map((e) => `'${e}'`).join(', ')}`);
  }
  if (model.effortLevels.length === 0) refuse(`output_config.effort: effort is not supported on ${model.id}`);
  if (!model.effortLevels.includes(effort as Effort)) {
    refuse(`output_config.effort: effort level '${effort}' is not supported on ${model.id}`);
  }
  return effort as Effort;
}

function checkSpeed(
  raw: unknown,
  model: SimModel,
  betas: readonly string[],
): 'fast' | 'standard' | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (raw !== 'fast' && raw !== 'standard') refuse("speed: Input should be 'standard' or 'fast'");
  if (raw === 'fast') {
    if (!betas.includes(FAST_MODE_BETA)) {
      refuse(`speed: fast mode requires the \`anthropic-beta: ${FAST_MODE_BETA}\` header`);
    }
    if (!model.fastMode) refuse(`speed: fast mode is not supported on ${model.id}`);
  }
  return raw;
}

function checkSampling(body: Record<string, unknown>, thinking: boolean): void {
  const { temperature, top_k: topK, top_p: topP, tool_choice: toolChoice } = body;
  if (temperature !== undefined && (typeof temperature !== 'number' || temperature < 0 || temperature > 1)) {
    refuse('temperature: Input should be a number between 0 and 1');
  }
  if (topK !== undefined && (typeof topK !== 'number' || !Number.isInteger(topK) || topK < 0)) {
    refuse('top_k: Input should be a non-negative integer');
  }
  if (topP !== undefined && (typeof topP !== 'number' || topP < 0 || topP > 1)) {
    refuse('top_p: Input should be a number between 0 and 1');
  }
  if (!thinking) return;
  if (temperature !== undefined && temperature !== 1) {
    refuse('`temperature` may only be set to 1 when thinking is enabled');
  }
  if (topK !== undefined) refuse('`top_k` is not supported when thinking is enabled');
  if (typeof topP === 'number' && topP < 0.95) {
    refuse('`top_p` must be greater than or equal to 0.95 when thinking is enabled');
  }
  if (isObject(toolChoice) && toolChoice.type !== 'auto' && toolChoice.type !== 'none') {
    refuse('tool_choice: only "auto" and "none" are supported when thinking is enabled');
  }
}

/** Every thinking block sent back must be one this server signed, unmodified. */
function checkSignatures(messages: MessageParam[], signer: Signer): void {
  messages.forEach((m, i) => {
    if (m.role !== 'assistant' || typeof m.content === 'string') return;
    m.content.forEach((b, j) => {
      const where = `messages.${i}.content.${j}`;
      const block = b as unknown as Record<string, unknown>;
      if (block.type === 'thinking') {
        if (typeof block.thinking !== 'string') refuse(`${where}.thinking.thinking: Field required`);
        if (typeof block.signature !== 'string' || block.signature === '') {
          refuse(`${where}.thinking.signature: Field required`);
        }
        if (!signer.verifyThinking(block.thinking, block.signature)) {
          refuse(`${where}: Invalid \`signature\` in \`thinking\` block`);
        }
      } else if (block.type === 'redacted_thinking') {
        if (typeof block.data !== 'string' || !signer.verifyRedacted(block.data)) {
          refuse(`${where}: Invalid \`data\` in \`redacted_thinking\` block`);
        }
      }
    });
  });
}
