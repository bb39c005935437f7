// Turns HTTP error responses and network failures into AnthropicErrors with a message for a
// person. Every piece of server or system text passes through the redactor first.

import { AnthropicError, type ErrorKind } from './errors';
import { header, parseRetryAfter, type HeaderBag } from './rateLimits';
import type { Redactor } from './redact';
import { isRetryableResponse } from './retry';

/** The command the extension registers for entering a key; named in the 401 message. */
export const SET_KEY_COMMAND_TITLE = 'Thinkfast: Set API Key';

interface ParsedBody {
  errorType?: string;
  message?: string;
  requestId?: string;
}

function parseErrorBody(text: string): ParsedBody {
  try {
    const v = JSON.parse(text) as { error?: { type?: unknown; message?: unknown }; request_id?: unknown };
    return {
      errorType: typeof v.error?.type === 'string' ? v.error.type : undefined,
      message: typeof v.error?.message === 'string' ? v.error.message : undefined,
      requestId: typeof v.request_id === 'string' ? v.request_id : undefined,
    };
  } catch {
    // A proxy or gateway page, not the API: show a short, single-line excerpt.
    const excerpt = text.replace(/\s+/g, ' ').trim().slice(0, 200);
    return excerpt ? { message: excerpt } : {};
  }
}

function kindForStatus(status: number): ErrorKind {
  switch (status) {
    case 400:
    case 413:
      return 'invalid_request';
    case 401:
      return 'authentication';
    case 402:
      return 'billing';
    case 403:
      return 'permission';
    case 404:
      return 'not_found';
    case 408:
      return 'timeout';
    case 429:
      return 'rate_limit';
    case 529:
      return 'overloaded';
    default:
      return status >= 500 ? 'server' : 'unknown';
  }
}

function seconds(ms: number): string {
  const s = Math.max(1, Math.ceil(ms / 1000));
  return s === 1 ? '1 second' : `${s} seconds`;
}

function personMessage(
  status: number,
  serverText: string | undefined,
  retryAfterMs: number | undefined,
): string {
  const said = serverText ? ` The server said: “${serverText}”` : '';
  switch (status) {
    case 400:
      return `The API refused the request.${said}`;
    case 401:
      return `The API key was rejected. Set a valid key with “${SET_KEY_COMMAND_TITLE}”.`;
    case 402:
      return `The API reports a billing problem. Check your plan and credit balance in the Anthropic Console.${said}`;
    case 403:
      return `This API key is not allowed to do that (for example, use this model or feature).${said}`;
    case 404:
      return `The API did not find what was asked for. Check the model id and the base URL.${said}`;
    case 408:
      return 'The request timed out at the server. Try again.';
    case 409:
      return `The request conflicted with another one. Try again.${said}`;
    case 413:
      return 'The request is too large. Shorten the conversation or remove attachments.';
    case 429:
      return retryAfterMs !== undefined
        ? `Rate limit reached. Try again in ${seconds(retryAfterMs)}.${said}`
        : `Rate limit reached. Wait a moment and try again.${said}`;
    case 529:
      return 'The API is overloaded right now. Try again in a moment.';
    case 500:
      return 'The API had an internal error. Try again.';
    case 504:
      return 'The API timed out while answering. Try again, or lower the effort level.';
    default:
      return `The API answered with HTTP ${status}.${said}`;
  }
}

/** Builds the error for a non-2xx response from its status, headers and body text. */
export function errorFromResponse(
  status: number,
  headers: HeaderBag,
  bodyText: string,
  redact: Redactor,
  now?: number,
): AnthropicError {
  const body = parseErrorBody(bodyText);
  const retryAfterMs = parseRetryAfter(headers, now);
  const serverText = body.message === undefined ? undefined : redact(body.message);
  return new AnthropicError({
    kind: kindForStatus(status),
    message: personMessage(status, serverText, retryAfterMs),
    status,
    errorType: body.errorType,
    requestId: header(headers, 'request-id') ?? body.requestId,
    retryAfterMs,
    retryable: isRetryableResponse(status, headers),
  });
}

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/;

/**
 * Builds the error for a failure without a usable response: timeouts, refused or dropped
 * connections, TLS trouble. `phase` says whether response headers had arrived.
 */
export function errorFromNetwork(
  cause: unknown,
  phase: 'request' | 'body',
  redact: Redactor,
  requestId?: string,
): AnthropicError {
  const e = (cause ?? {}) as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  const detail = redact(typeof e.message === 'string' ? e.message : String(cause));
  if (code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new AnthropicError({
      kind: 'timeout',
      message: 'Could not connect to the API in time. Check the network or proxy settings.',
      retryable: true,
      requestId,
      cause: detail,
    });
  }
  if (code === 'UND_ERR_HEADERS_TIMEOUT') {
    return new AnthropicError({
      kind: 'timeout',
      message: 'The API did not start answering in time. Try again.',
      retryable: true,
      requestId,
      cause: detail,
    });
  }
  if (TLS_CODES.test(code)) {
    return new AnthropicError({
      kind: 'connection',
      message: `The secure connection failed (${code}). Behind a proxy that inspects TLS, check http.proxyStrictSSL or your certificates.`,
      retryable: false,
      requestId,
      cause: detail,
    });
  }
  const where = phase === 'body' ? 'The connection dropped during the response' : 'Could not reach the API';
  return new AnthropicError({
    kind: 'connection',
    message: `${where}${code ? ` (${code})` : ''}. Check the network, the base URL and the proxy settings.`,
    retryable: true,
    requestId,
    cause: detail,
  });
}
