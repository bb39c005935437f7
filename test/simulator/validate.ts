// Request validation with the API's status codes, error types and (paraphrased, or where known
// verbatim) messages, so a client that builds a wrong request fails here exactly as it would in
// production. The per-model rules are in validateRules.ts.

import type { Effort, MessageParam, TextBlockParam } from '../../src/anthropic/types';
import { type ApiFailure, failure } from './apiErrors';
import { type ModelRules, type SimModel, findModel } from './models';
import type { Signer } from './signatures';
import { checkCacheControl, checkMessages, checkSignatures, checkSystem } from './validateMessages';
import {
  FAST_MODE_BETA,
  Refusal,
  type ThinkingMode,
  checkEffort,
  checkPrefill,
  checkSampling,
  checkSpeed,
  checkThinking,
  checkToolChoice,
  isObject,
  refuse,
} from './validateRules';

export { FAST_MODE_BETA, type ThinkingMode };

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
  'cache-diagnosis-2026-04-07',
  'thinking-display-updates-2026-08-18',
  'thinking-token-count-2026-05-13',
];

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
  'cache_control',
  'diagnostics',
]);

/** A request that passed validation, with defaults filled in. */
export interface ValidRequest {
  model: SimModel;
  /** 0 for count_tokens, which does not take max_tokens. */
  maxTokens: number;
  messages: MessageParam[];
  system: string | TextBlockParam[] | undefined;
  tools: unknown[] | undefined;
  stream: boolean;
  thinking: ThinkingMode;
  effort: Effort;
  /** `speed` as sent; undefined when absent. */
  speed: 'fast' | 'standard' | undefined;
  /** The speed that serves it (`usage.speed`). */
  servedSpeed: 'fast' | 'standard';
  /** Top-level `cache_control` (automatic breakpoint on the last cacheable block). */
  cacheControl: { ttl?: string } | undefined;
  /** `diagnostics.previous_message_id` when the request opted in (null on a first turn). */
  diagnostics: { previousMessageId: string | null } | undefined;
}

type Result = { ok: true; request: ValidRequest } | { ok: false; failure: ApiFailure };

export interface ValidationContext {
  betas: readonly string[];
  version: string;
  signer: Signer;
  rules: ModelRules;
  countTokens?: boolean;
}

/**
 * Validates a `POST /v1/messages` body (or, with `countTokens`, a count_tokens body, which has no
 * max_tokens or stream). Thinking signatures are checked with the context's signer.
 */
export function validateRequest(body: unknown, ctx: ValidationContext): Result {
  try {
    return { ok: true, request: check(body, ctx) };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, failure: e.failure };
    throw e;
  }
}

function check(body: unknown, ctx: ValidationContext): ValidRequest {
  const countTokens = ctx.countTokens === true;
  if (!isObject(body)) refuse('The request body must be a JSON object.');
  for (const b of ctx.betas) {
    if (!KNOWN_BETAS.includes(b)) refuse(`Unexpected value(s) \`${b}\` for the \`anthropic-beta\` header.`);
  }
  for (const key of Object.keys(body)) {
    if (!TOP_LEVEL_FIELDS.has(key)) refuse(`${key}: Extra inputs are not permitted`);
    if (countTokens && (key === 'max_tokens' || key === 'stream'))
      refuse(`${key}: Extra inputs are not permitted`);
  }

  if (typeof body.model !== 'string' || body.model === '') refuse('model: Field required');
  const model = findModel(body.model, ctx.rules);
  if (!model || model.lifecycle === 'retired') throw new Refusal(failure(404, `model: ${body.model}`));

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
  if (body.tools !== undefined && !Array.isArray(body.tools)) refuse('tools: Input should be a valid list');

  const effort = checkEffort(body.output_config, model);
  const thinking = checkThinking(body.thinking, model, effort, maxTokens, countTokens);
  const speeds = checkSpeed(body.speed, model, ctx.betas);
  const thinks = thinking.type !== 'off';
  checkSampling(body, model, ctx.version, thinks);
  checkToolChoice(body.tool_choice, model, thinks);
  checkPrefill(messages, model, thinks);
  checkSignatures(messages, ctx.signer);

  return {
    model,
    maxTokens,
    messages,
    system,
    tools: body.tools as unknown[] | undefined,
    stream: body.stream === true,
    thinking,
    effort,
    speed: speeds.requested,
    servedSpeed: speeds.served,
    cacheControl: checkCacheControl(body.cache_control, 'cache_control'),
    diagnostics: checkDiagnostics(body.diagnostics),
  };
}

function checkDiagnostics(raw: unknown): ValidRequest['diagnostics'] {
  if (raw === undefined || raw === null) return undefined;
  if (!isObject(raw)) refuse('diagnostics: Input should be a valid dictionary');
  const id = raw.previous_message_id;
  if (id !== undefined && id !== null && typeof id !== 'string') {
    refuse('diagnostics.previous_message_id: Input should be a valid string');
  }
  return { previousMessageId: typeof id === 'string' ? id : null };
}
