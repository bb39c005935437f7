// One non-streaming JSON request over the client's pool (count_tokens, /v1/models): network and
// HTTP failures become AnthropicError with secrets redacted; the body is read to the end so the
// socket goes back to the pool.

import type { Dispatcher } from 'undici';
import { AnthropicError } from './errors';
import { errorFromNetwork, errorFromResponse } from './errorMapping';
import type { Redactor } from './redact';
import { yieldToPool } from './streamAttempt';

export interface JsonTarget {
  dispatcher: Dispatcher;
  origin: string;
  /** Path prefix of the base URL, without a trailing slash ('' for none). */
  basePath: string;
}

export interface JsonCall {
  method: 'GET' | 'POST';
  path: string;
  body: unknown;
  headers: Record<string, string>;
  signal?: AbortSignal;
}

export async function requestJson(target: JsonTarget, call: JsonCall, redact: Redactor): Promise<unknown> {
  let res: Dispatcher.ResponseData;
  try {
    res = await target.dispatcher.request({
      origin: target.origin,
      path: `${target.basePath}${call.path}`,
      method: call.method,
      headers: call.headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      signal: call.signal,
    });
  } catch (e) {
    if (call.signal?.aborted)
      throw new AnthropicError({ kind: 'aborted', message: 'Stopped.', retryable: false });
    throw errorFromNetwork(e, 'request', redact);
  }
  const text = await res.body.text();
  await yieldToPool();
  if (res.statusCode < 200 || res.statusCode >= 300)
    throw errorFromResponse(res.statusCode, res.headers, text, redact);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AnthropicError({
      kind: 'unknown',
      message: `The API sent a response that is not JSON (${call.path}).`,
      retryable: false,
    });
  }
}

/** The `input_tokens` of a count_tokens answer; an answer without it is an error, not zero. */
export function inputTokensOf(res: unknown): number {
  const n = (res as { input_tokens?: unknown } | null)?.input_tokens;
  if (typeof n === 'number') return n;
  throw new AnthropicError({
    kind: 'unknown',
    message: 'The token count response had no input_tokens.',
    retryable: false,
  });
}
