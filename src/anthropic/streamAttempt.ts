// One HTTP attempt of a streaming Messages call: send, read headers, feed the body through the
// SSE decoder and the reducer, and classify how it ended. No retries here (client.ts decides).

import type { Dispatcher } from 'undici';
import { AnthropicError } from './errors';
import { errorFromNetwork, errorFromResponse } from './errorMapping';
import { header, parseRateLimits, type HeaderBag } from './rateLimits';
import type { Redactor } from './redact';
import { MessageReducer, type DeltaSink } from './reducer';
import { StreamEventDecoder, streamErrorToAnthropicError } from './streamEvents';
import type { BuiltRequest, RateLimitInfo } from './types';

/** What the attempt needs from its client. */
export interface AttemptContext {
  dispatcher: Dispatcher;
  origin: string;
  /** Path prefix of the base URL (e.g. a gateway's `/anthropic`), without a trailing slash. */
  basePath: string;
  headers: (betas: readonly string[]) => Record<string, string>;
  idleMs: number;
  clock: () => number;
  redact: Redactor;
}

/** How one attempt ended. `error` is absent only for a complete message. */
export interface AttemptResult {
  reducer: MessageReducer;
  error?: AnthropicError;
  /** HTTP status, when headers arrived. */
  status?: number;
  headers?: HeaderBag;
  requestId?: string;
  rateLimits: RateLimitInfo;
  startedAt: number;
  firstDeltaAt?: number;
  lastDeltaAt?: number;
  /** Content (a block or a stop reason) reached the caller: the attempt must not be repeated. */
  contentDelivered: boolean;
}

const MAX_ERROR_BODY = 64 * 1024;

/** Resolves after pending I/O callbacks have run (see the call sites for why). */
export function yieldToPool(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Reads a (small) error body as text, bounded so a misbehaving proxy cannot flood memory. */
async function readErrorBody(body: Dispatcher.ResponseData['body']): Promise<string> {
  let text = '';
  for await (const chunk of body as AsyncIterable<Buffer>) {
    text += chunk.toString('utf8');
    if (text.length > MAX_ERROR_BODY) {
      body.destroy();
      break;
    }
  }
  return text;
}

/**
 * Runs one attempt. Never throws: every failure becomes `error`, and the reducer keeps whatever
 * arrived. `signal` aborts the HTTP request itself, so the server sees the socket close.
 */
export async function runAttempt(
  ctx: AttemptContext,
  request: BuiltRequest,
  signal: AbortSignal | undefined,
  onDelta: DeltaSink,
): Promise<AttemptResult> {
  const reducer = new MessageReducer();
  const result: AttemptResult = { reducer, rateLimits: {}, startedAt: ctx.clock(), contentDelivered: false };
  const aborted = (): AnthropicError =>
    new AnthropicError({
      kind: 'aborted',
      message: 'Stopped.',
      retryable: false,
      requestId: result.requestId,
    });

  if (signal?.aborted) return { ...result, error: aborted() };

  let res: Dispatcher.ResponseData;
  try {
    res = await ctx.dispatcher.request({
      origin: ctx.origin,
      path: `${ctx.basePath}/v1/messages`,
      method: 'POST',
      headers: ctx.headers(request.betas),
      body: JSON.stringify(request.body),
      signal,
    });
  } catch (cause) {
    return { ...result, error: signal?.aborted ? aborted() : errorFromNetwork(cause, 'request', ctx.redact) };
  }

  result.status = res.statusCode;
  result.headers = res.headers;
  result.requestId = header(res.headers, 'request-id');
  result.rateLimits = parseRateLimits(res.headers);

  if (res.statusCode !== 200) {
    try {
      const text = await readErrorBody(res.body);
      result.error = errorFromResponse(res.statusCode, res.headers, text, ctx.redact);
      await yieldToPool();
    } catch (cause) {
      result.error = signal?.aborted
        ? aborted()
        : errorFromNetwork(cause, 'body', ctx.redact, result.requestId);
    }
    return result;
  }

  // The one wrapper on the delta path: times the first and last text or thinking delta.
  const emit: DeltaSink = (delta, message) => {
    if (delta.op === 'append') {
      const now = ctx.clock();
      result.firstDeltaAt ??= now;
      result.lastDeltaAt = now;
    }
    onDelta(delta, message);
  };

  const decoder = new StreamEventDecoder();
  let idleFired = false;
  let idleTimer: NodeJS.Timeout | undefined;
  const armIdle = (): void => {
    if (idleTimer) idleTimer.refresh();
    else
      idleTimer = setTimeout(() => {
        idleFired = true;
        // Destroying the body closes the socket, so the server stops generating for nobody.
        res.body.destroy(new Error('idle timeout'));
      }, ctx.idleMs);
  };

  let failure: AnthropicError | undefined;
  try {
    armIdle();
    for await (const chunk of res.body as AsyncIterable<Buffer>) {
      armIdle();
      decoder.push(chunk, (event) => reducer.apply(event, emit));
      // An `error` event ends the attempt; stop reading rather than wait for the server to close.
      if (reducer.error) break;
    }
  } catch (cause) {
    if (signal?.aborted) failure = aborted();
    else if (idleFired) {
      failure = new AnthropicError({
        kind: 'idle_timeout',
        message: `The response stalled: nothing arrived for ${Math.round(ctx.idleMs / 1000)} s. What arrived is kept; retry to get a full answer.`,
        retryable: true,
        requestId: result.requestId,
      });
    } else if (cause instanceof AnthropicError) {
      // The decoder refused a malformed event: everything before it is valid and kept.
      failure = new AnthropicError({
        kind: cause.kind,
        message: `${cause.message} What arrived before it is kept.`,
        retryable: cause.retryable,
        requestId: result.requestId,
      });
    } else {
      failure = errorFromNetwork(cause, 'body', ctx.redact, result.requestId);
    }
  } finally {
    clearTimeout(idleTimer);
  }
  if (!res.body.destroyed && (failure || reducer.error)) res.body.destroy();
  result.contentDelivered = reducer.message.content.length > 0 || reducer.message.stop_reason !== null;

  // undici marks the socket idle just after the body's end event; yielding one macrotask lets it
  // return to the pool, so a request sent right after this one reuses it instead of dialling anew.
  await yieldToPool();
  const end = decoder.end();
  if (!failure && reducer.error) failure = streamErrorToAnthropicError(reducer.error, result.requestId);
  if (!failure && (!reducer.sawMessageStop || !end.clean)) {
    failure = new AnthropicError({
      kind: 'truncated',
      message: 'The response ended before it was complete. What arrived is kept; retry to get a full answer.',
      retryable: true,
      requestId: result.requestId,
    });
  }
  result.error = failure;
  return result;
}
