// `POST /v1/messages` and `POST /v1/messages/count_tokens`: validate, pick a fault, then answer
// with an error, a paced SSE stream, or a JSON Message.

import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { type ApiFailure, ERROR_TYPES, failure, sendFailure, sendJson } from './apiErrors';
import { findDirectives } from './directives';
import {
  type Fault,
  FaultSpecError,
  type ServerFault,
  describeFault,
  isFaultName,
  makeFault,
  numParam,
  parseFaultSpec,
} from './faults';
import { type SimulatorSettings, fastRate } from './options';
import { lastUserPrompt, planMessage } from './plan';
import type { CacheDiagnostics } from './cacheDiagnostics';
import { type PromptCache, inputTokens, segments } from './promptCache';
import type { RateLimiter } from './rateLimits';
import type { LoggedRequest } from './requestLog';
import type { Signer } from './signatures';
import { writeStream } from './sseStream';
import { type ValidRequest, type ValidationContext, validateRequest } from './validate';

/** What the routes share with the server that owns them. */
export interface RouteContext {
  settingsNow(): SimulatorSettings;
  /** Takes the server-wide fault for this request, counting down its `times`. */
  takeServerFault(fast: boolean): ServerFault | undefined;
  signer: Signer;
  cache: PromptCache;
  diagnostics: CacheDiagnostics;
  limiter: RateLimiter;
}

export interface Exchange {
  headers: IncomingHttpHeaders;
  body: unknown;
  betas: string[];
  res: ServerResponse;
  entry: LoggedRequest;
  /** Aborts when the client goes away or the server closes. */
  signal: AbortSignal;
  startedAt: number;
}

export const newId = (prefix: string): string => `${prefix}${randomBytes(12).toString('hex')}`;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    if (signal.aborted) done();
    else signal.addEventListener('abort', done);
  });
}

function reply(x: Exchange, f: ApiFailure, headers: Record<string, string> = {}): void {
  x.entry.status = f.status;
  x.entry.errorType = f.type;
  x.entry.outcome = 'error';
  sendFailure(x.res, x.entry.requestId, f, headers);
}

/** Header first, then a `[sim:NAME]` directive in the prompt, then the server-wide fault. */
function chooseFault(x: Exchange, req: ValidRequest, ctx: RouteContext): Fault | undefined {
  const header = x.headers['x-sim-fault'];
  if (typeof header === 'string' && header.trim() !== '') return parseFaultSpec(header);
  const directive = findDirectives(lastUserPrompt(req.messages)).find((d) => isFaultName(d.name));
  if (directive) return makeFault(directive.name, directive.params);
  return ctx.takeServerFault(req.speed === 'fast');
}

/** The error response an HTTP-level fault asks for, or undefined for stream-level faults. */
function httpFault(
  fault: Fault,
  fast: boolean,
  ctx: RouteContext,
): { f: ApiFailure; headers: Record<string, string> } | undefined {
  const status = fault.name === 'http' ? numParam(fault, 'code', 500) : Number(fault.name);
  if (!Number.isInteger(status) || status < 400) return undefined;
  const type = fault.params.type ?? ERROR_TYPES[status] ?? 'api_error';
  const defaults: Record<string, string> = {
    rate_limit_error: fast
      ? 'Fast mode rate limit exceeded; retry shortly or send the request at standard speed.'
      : 'Number of request tokens has exceeded your per-minute rate limit.',
    overloaded_error: 'Overloaded',
    api_error: 'Internal server error',
  };
  const headers: Record<string, string> = {};
  if (status === 429) {
    Object.assign(headers, ctx.limiter.headers(fast, true));
    const after = fault.params['retry-after'] ?? '1';
    if (after !== 'none') headers['retry-after'] = after;
  } else if (fault.params['retry-after'] !== undefined) {
    headers['retry-after'] = fault.params['retry-after'];
  }
  if (fault.params['retry-after-ms'] !== undefined)
    headers['retry-after-ms'] = fault.params['retry-after-ms'];
  if (fault.params['should-retry'] !== undefined) headers['x-should-retry'] = fault.params['should-retry'];
  return { f: failure(status, fault.params.message ?? defaults[type] ?? 'Error', type), headers };
}

function validation(x: Exchange, ctx: RouteContext, countTokens: boolean): ValidationContext {
  return {
    betas: x.betas,
    version: x.entry.anthropicVersion ?? '',
    signer: ctx.signer,
    rules: ctx.settingsNow().modelRules,
    countTokens,
  };
}

/** The API refuses a prompt longer than the model's context window before generating anything. */
function tooLong(req: ValidRequest): ApiFailure | undefined {
  const n = inputTokens(req);
  const max = req.model.maxInputTokens;
  return n > max ? failure(400, `prompt is too long: ${n} tokens > ${max} maximum`) : undefined;
}

export async function handleMessages(x: Exchange, ctx: RouteContext): Promise<void> {
  const body = x.body as Record<string, unknown> | undefined;
  if (body && typeof body === 'object') {
    x.entry.stream = body.stream === true;
    if (body.speed === 'fast' || body.speed === 'standard') x.entry.requestedSpeed = body.speed;
  }
  const checked = validateRequest(x.body, validation(x, ctx, false));
  if (!checked.ok) return reply(x, checked.failure);
  const req = checked.request;
  const fast = req.speed === 'fast';
  const overLimit = tooLong(req);
  if (overLimit) return reply(x, overLimit);

  let fault: Fault | undefined;
  try {
    fault = chooseFault(x, req, ctx);
  } catch (e) {
    if (e instanceof FaultSpecError) return reply(x, failure(400, `x-sim-fault: ${e.message}`));
    throw e;
  }
  if (fault) x.entry.fault = describeFault(fault);

  if (fault?.name === 'delay') await sleep(numParam(fault, 'ms', 1000), x.signal);
  if (x.signal.aborted) return;
  const asError = fault && httpFault(fault, fast, ctx);
  if (asError) return reply(x, asError.f, asError.headers);
  if (!req.stream && fault?.name === 'drop') {
    x.entry.outcome = 'dropped';
    x.res.socket?.destroy();
    return;
  }
  if (!req.stream && fault?.name === 'stall') {
    x.entry.outcome = 'stalled';
    return sleep(2 ** 31 - 1, x.signal);
  }

  const s = ctx.settingsNow();
  const servedFast = req.servedSpeed === 'fast' && fault?.name !== 'serve-standard';
  const served: ValidRequest = { ...req, servedSpeed: servedFast ? 'fast' : 'standard' };
  if (fast) x.entry.servedSpeed = served.servedSpeed;
  const segs = segments(served);
  const input = ctx.cache.account(served, segs);
  const messageId = newId('msg_sim_');
  const diagnostics = ctx.diagnostics.diagnose(served, segs, messageId, input);
  // Fast-mode limits count only what fast mode served (Opus 4.6 "fast" is standard now).
  ctx.limiter.noteRequest(inputTokens(req), servedFast);
  const headers = ctx.limiter.headers(servedFast);
  const plan = planMessage({
    request: served,
    modelId: (x.body as { model: string }).model,
    messageId,
    input,
    diagnostics,
    signer: ctx.signer,
  });
  const pacing = {
    tokensPerSecond: servedFast ? fastRate(s) : s.tokensPerSecond,
    firstTokenDelayMs: s.firstTokenDelayMs,
    pingIntervalMs: s.pingIntervalMs,
    startedAt: x.startedAt,
  };
  ctx.limiter.noteOutput(plan.message.usage.output_tokens, servedFast);

  if (req.stream) {
    x.res.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
    });
    x.res.flushHeaders();
    x.entry.status = 200;
    x.entry.outcome = await writeStream(x.res, plan, pacing, fault, x.signal);
    if (x.entry.outcome === 'stream-error') x.entry.errorType = fault?.params.type ?? 'overloaded_error';
    return;
  }
  const tokens = plan.events.reduce((sum, e) => sum + e.cost, 0);
  await sleep(
    pacing.firstTokenDelayMs + (tokens * 1000) / pacing.tokensPerSecond - (performance.now() - x.startedAt),
    x.signal,
  );
  if (x.signal.aborted) {
    x.entry.outcome = 'client-closed';
    return;
  }
  x.entry.status = 200;
  x.entry.outcome = 'complete';
  sendJson(x.res, 200, plan.message, headers);
}

export function handleCountTokens(x: Exchange, ctx: RouteContext): void {
  const checked = validateRequest(x.body, validation(x, ctx, true));
  if (!checked.ok) return reply(x, checked.failure);
  x.entry.status = 200;
  x.entry.outcome = 'complete';
  sendJson(x.res, 200, { input_tokens: inputTokens(checked.request) });
}

export { reply as replyFailure };
