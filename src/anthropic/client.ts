// The Messages API client: one kept-alive connection pool per base URL, streaming with retries and
// the fast→standard fallback, non-streaming helpers (count tokens, list models), and warm-up.
// The retry loop stays in one piece here; its two ends live in streamResult.ts, one attempt in
// streamAttempt.ts, JSON calls in jsonRequest.ts, the option types in clientOptions.ts.

import { performance } from 'node:perf_hooks';
import type { Dispatcher } from 'undici';
import { AnthropicError } from './errors';
import type { ServerModelInfo } from './models';
import { inputTokensOf, requestJson } from './jsonRequest';
import { guardListeners, settleStream } from './streamResult';
import { makeRedactor, type Redactor } from './redact';
import { isFastRequest, toStandardSpeed } from './requestBuilder';
import { abortableSleep, decideRetry, DEFAULT_MAX_RETRIES, type Sleep } from './retry';
import { runAttempt, yieldToPool, type AttemptContext, type AttemptResult } from './streamAttempt';
import {
  ANTHROPIC_VERSION,
  buildHeaders,
  createDispatcher,
  listModelPages,
  planRoute,
  routeSecrets,
  type RoutePlan,
  type Timeouts,
} from './transport';
import type { BuiltRequest, MessageCreateParams, Speed, StreamResult } from './types';

import type { AnthropicClientOptions, MessageStreamer, StreamOptions, WarmResult } from './clientOptions';

export type {
  AnthropicClientOptions,
  FastPolicy,
  MessageStreamer,
  StreamOptions,
  WarmResult,
} from './clientOptions';

/** A streaming Messages API client. Create one per base URL + key and reuse it; `close()` at the end. */
export class AnthropicClient implements MessageStreamer {
  private readonly dispatcher: Dispatcher;
  private readonly origin: string;
  private readonly basePath: string;
  private readonly timeouts: Timeouts;
  private readonly maxRetries: number;
  private readonly redact: Redactor;
  private readonly sleep: Sleep;
  private readonly clock: () => number;
  private readonly random: () => number;
  private readonly version: string;
  /** How requests travel (direct or via a proxy), decided once at construction. */
  readonly route: RoutePlan;

  constructor(private readonly options: AnthropicClientOptions) {
    const url = new URL(options.baseUrl);
    this.origin = url.origin;
    this.basePath = url.pathname.replace(/\/+$/, '');
    this.timeouts = { ...options.timeouts };
    this.maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
    this.route = planRoute(options.baseUrl, options.proxy, options.env);
    const secret = 'apiKey' in options.auth ? options.auth.apiKey : options.auth.bearer;
    this.redact = makeRedactor([secret, ...routeSecrets(this.route)]);
    this.dispatcher = createDispatcher(this.route, this.timeouts);
    this.sleep = options.sleep ?? abortableSleep;
    this.clock = options.clock ?? (() => performance.now());
    this.random = options.random ?? Math.random;
    this.version = options.anthropicVersion ?? ANTHROPIC_VERSION;
  }

  /** Request headers for these betas (exposed for tests and diagnostics; contains the key). */
  headers(betas: readonly string[], stream = true): Record<string, string> {
    return buildHeaders({
      auth: this.options.auth,
      anthropicVersion: this.version,
      userAgent: this.options.userAgent,
      betas,
      json: true,
      stream,
    });
  }

  /**
   * Streams one response. Never rejects for API or network trouble: the result says how it ended
   * (`complete` | `stopped` | `interrupted` | `failed`) and keeps the partial message.
   *
   * Retries (before any content only): 408/409/429/5xx/529 and connection errors, with backoff or
   * the server's retry-after. With `fastPolicy: 'fallback'` a fast request's 429 re-sends at once at
   * standard speed (emitting `fallback`; the prompt cache is lost); its other errors retry as usual.
   */
  async stream(built: BuiltRequest, opts: StreamOptions): Promise<StreamResult> {
    const startedAt = this.clock();
    const requestedSpeed: Speed = isFastRequest(built) ? 'fast' : 'standard';
    const { emit, onDelta } = guardListeners(opts, (line) => this.log(line));
    const ctx: AttemptContext = {
      dispatcher: this.dispatcher,
      origin: this.origin,
      basePath: this.basePath,
      headers: (betas) => this.headers(betas),
      idleMs: this.timeouts.idleMs,
      clock: this.clock,
      redact: this.redact,
    };

    let request = built;
    let attempts = 0;
    let retriesSoFar = 0;
    let fellBack = false;
    let last: AttemptResult;
    for (;;) {
      attempts++;
      const fast = isFastRequest(request);
      emit({ type: 'attempt', attempt: attempts, speed: fast ? 'fast' : 'standard' });
      last = await runAttempt(ctx, request, opts.signal, onDelta);
      if (last.status !== undefined)
        emit({ type: 'headers', requestId: last.requestId, rateLimits: last.rateLimits });
      const error = last.error;
      if (!error) break;
      this.log(
        `attempt ${attempts} (${fast ? 'fast' : 'standard'}) failed: ${error.kind}${error.status ? ` ${error.status}` : ''}${last.requestId ? ` request-id ${last.requestId}` : ''}`,
      );

      // Under `fallback` only the fast 429 changes course; 529, 500 and connection errors keep
      // the normal retries (at fast speed: the limit that made fast impossible is not theirs).
      const fallsBack = fast && opts.fastPolicy === 'fallback';
      if (fallsBack && error.status === 429 && !last.contentDelivered && !opts.signal?.aborted) {
        const reason =
          'Fast mode is rate limited; answering at standard speed (the prompt cache does not carry over).';
        emit({ type: 'fallback', reason });
        this.log('fast mode 429: falling back to standard speed');
        request = toStandardSpeed(request);
        fellBack = true;
        retriesSoFar = 0;
        continue;
      }
      const decision = decideRetry({
        error,
        retriesSoFar,
        maxRetries: this.maxRetries,
        contentDelivered: last.contentDelivered,
        headers: last.headers,
        random: this.random(),
      });
      if (!decision.retry || opts.signal?.aborted) break;
      emit({
        type: 'retryWait',
        attempt: attempts,
        delayMs: decision.delayMs,
        status: error.status,
        reason: error.message,
      });
      this.log(`retrying in ${Math.round(decision.delayMs)} ms`);
      await this.sleep(decision.delayMs, opts.signal);
      if (opts.signal?.aborted) {
        last = {
          ...last,
          error: new AnthropicError({ kind: 'aborted', message: 'Stopped.', retryable: false }),
        };
        break;
      }
      retriesSoFar++;
    }

    // Events the reducer could not apply (a misbehaving server or gateway): kept or ignored, and said.
    for (const p of last.reducer.problems)
      this.log(`stream problem ${p.kind}${p.index === undefined ? '' : ` at block ${p.index}`}: ${p.detail}`);
    return settleStream(last, {
      model: request.body.model,
      startedAt,
      endedAt: this.clock(),
      requestedSpeed,
      fellBack,
      attempts,
      caps: opts.caps,
      resolveCaps: opts.resolveCaps,
    });
  }

  /** `POST /v1/messages/count_tokens` for the same body (an estimate). Rejects with AnthropicError. */
  async countTokens(
    body: MessageCreateParams,
    betas: readonly string[] = [],
    signal?: AbortSignal,
  ): Promise<number> {
    const { model, messages, system, thinking, output_config } = body;
    const payload = { model, messages, system, thinking, output_config };
    return inputTokensOf(await this.json('POST', '/v1/messages/count_tokens', payload, betas, signal));
  }

  /** Every model the server lists (`GET /v1/models`, all pages). Rejects with AnthropicError. */
  listModels(signal?: AbortSignal, lifecycle?: readonly string[]): Promise<ServerModelInfo[]> {
    return listModelPages<ServerModelInfo>(this, signal, lifecycle);
  }

  /** GET a JSON document under the base URL (used by listModels). */
  getJson(path: string, signal?: AbortSignal): Promise<unknown> {
    return this.json('GET', path, undefined, [], signal);
  }

  /**
   * Opens (and keeps alive) a connection before the first real request, so the first prompt skips
   * DNS, TCP and TLS setup. Uses the cheapest authenticated call, `GET /v1/models?limit=1`; any
   * HTTP answer counts as warm. Never rejects.
   */
  async warm(signal?: AbortSignal): Promise<WarmResult> {
    const t0 = this.clock();
    try {
      const res = await this.dispatcher.request({
        origin: this.origin,
        path: `${this.basePath}/v1/models?limit=1`,
        method: 'GET',
        headers: this.headers([], false),
        signal,
      });
      // Reading to the end is what returns the socket to the pool.
      await res.body.dump();
      await yieldToPool();
      return { ok: true, ms: this.clock() - t0, status: res.statusCode };
    } catch (e) {
      this.log(`warm-up failed: ${this.redact(String(e))}`);
      return { ok: false, ms: this.clock() - t0 };
    }
  }

  /** Closes the pool's sockets. The client cannot be used afterwards. */
  async close(): Promise<void> {
    await this.dispatcher.close();
  }

  private json(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    betas: readonly string[],
    signal?: AbortSignal,
  ): Promise<unknown> {
    const headers = buildHeaders({
      auth: this.options.auth,
      anthropicVersion: this.version,
      userAgent: this.options.userAgent,
      betas,
      json: body !== undefined,
    });
    const target = { dispatcher: this.dispatcher, origin: this.origin, basePath: this.basePath };
    return requestJson(target, { method, path, body, headers, signal }, this.redact);
  }

  private log(line: string): void {
    this.options.log?.(this.redact(line));
  }
}
