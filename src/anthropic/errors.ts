// Typed errors of the Messages API client. Messages are written for a person and never contain
// the API key (see redactSecrets in this folder when building one from server text).

/** What went wrong, independent of HTTP: the UI picks its action from this. */
export type ErrorKind =
  | 'invalid_request' // 400, 413, or refused by request building before sending
  | 'authentication' // 401, or no key at all
  | 'billing' // 402
  | 'permission' // 403
  | 'not_found' // 404
  | 'rate_limit' // 429
  | 'overloaded' // 529
  | 'server' // 500, 504, other 5xx
  | 'timeout' // connect/headers timeout, 408
  | 'idle_timeout' // no bytes on the stream body for too long
  | 'connection' // socket errors, dropped connection
  | 'stream_error' // `event: error` after HTTP 200
  | 'truncated' // the stream ended before message_stop
  | 'aborted' // the caller's AbortSignal
  | 'unknown';

export interface AnthropicErrorInit {
  kind: ErrorKind;
  message: string;
  status?: number;
  /** `error.type` from the body, e.g. `overloaded_error`. */
  errorType?: string;
  requestId?: string;
  retryAfterMs?: number;
  /** Whether a retry could succeed (status rule, overridden by `x-should-retry`). */
  retryable: boolean;
  cause?: unknown;
}

export class AnthropicError extends Error {
  readonly kind: ErrorKind;
  readonly status?: number;
  readonly errorType?: string;
  readonly requestId?: string;
  readonly retryAfterMs?: number;
  readonly retryable: boolean;

  constructor(init: AnthropicErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'AnthropicError';
    this.kind = init.kind;
    this.status = init.status;
    this.errorType = init.errorType;
    this.requestId = init.requestId;
    this.retryAfterMs = init.retryAfterMs;
    this.retryable = init.retryable;
  }
}

/**
 * A request refused by request building, before anything was sent: an impossible combination of
 * settings for the chosen model. `kind` is always `invalid_request`; the message says what to do.
 */
export class ConfigError extends AnthropicError {
  constructor(message: string) {
    super({ kind: 'invalid_request', message, retryable: false });
    this.name = 'ConfigError';
  }
}
