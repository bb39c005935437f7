// Turns SSE records into typed Messages API stream events: bytes → SseDecoder → JSON → StreamEvent.
// Unknown event types are dropped here (the API may add new ones); `error` events are kept so the
// caller can fail the attempt while keeping what arrived.

import { AnthropicError } from './errors';
import { SseDecoder } from './sse';
import type { SseEnd, SseEvent } from './sse';
import type { ApiErrorBody, StreamEvent } from './types';

/** Error types after which the same request may well succeed if sent again. */
const RETRYABLE_STREAM_ERRORS = new Set([
  'overloaded_error',
  'api_error',
  'rate_limit_error',
  'timeout_error',
]);

/**
 * Parses one SSE record into a {@link StreamEvent}.
 *
 * Returns undefined for event types this client does not know. Throws an {@link AnthropicError}
 * of kind `stream_error` when the data is not JSON (a proxy or server fault: everything decoded
 * before it is still valid). An `event: error` whose data is not the usual JSON body still
 * becomes an `error` event, with the raw text as its message.
 */
export function parseStreamEvent(sse: SseEvent): StreamEvent | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(sse.data);
  } catch (cause) {
    if (sse.event === 'error') return { type: 'error', error: { type: 'api_error', message: sse.data } };
    throw new AnthropicError({
      kind: 'stream_error',
      message: `The response stream sent an event that is not valid JSON (event "${sse.event}").`,
      retryable: true,
      cause,
    });
  }
  const type =
    typeof parsed === 'object' && parsed !== null ? (parsed as { type?: unknown }).type : undefined;
  switch (type) {
    case 'content_block_delta':
    case 'ping':
    case 'content_block_start':
    case 'content_block_stop':
    case 'message_start':
    case 'message_delta':
    case 'message_stop':
      return parsed as StreamEvent;
    case 'error':
      return { type: 'error', error: errorBody((parsed as { error?: unknown }).error) };
    default:
      // The event name is authoritative for errors even when the body has an unexpected shape.
      if (sse.event === 'error') return { type: 'error', error: errorBody(parsed) };
      return undefined;
  }
}

function errorBody(value: unknown): ApiErrorBody {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Partial<ApiErrorBody>;
  return {
    type: typeof v.type === 'string' ? v.type : 'api_error',
    message: typeof v.message === 'string' ? v.message : 'The server reported an error during the response.',
  };
}

/**
 * Builds the typed error for an `event: error` received after HTTP 200. Per API-NOTES the caller
 * treats it as a failed attempt: keep the content, mark the message, offer a retry.
 */
export function streamErrorToAnthropicError(body: ApiErrorBody, requestId?: string): AnthropicError {
  return new AnthropicError({
    kind: 'stream_error',
    message: `The server stopped the response: ${body.message} (${body.type}).`,
    errorType: body.type,
    requestId,
    retryable: RETRYABLE_STREAM_ERRORS.has(body.type),
  });
}

/**
 * Bytes of a `/v1/messages` stream in, typed events out: an {@link SseDecoder} plus
 * {@link parseStreamEvent}. This is what the HTTP client feeds each body chunk into.
 */
export class StreamEventDecoder {
  private readonly sse = new SseDecoder();

  /**
   * Feeds one body chunk and hands each known event it completed to `onEvent`, in order.
   * Throws like {@link parseStreamEvent}; the events before the bad one have been delivered.
   */
  push(chunk: Uint8Array, onEvent: (event: StreamEvent) => void): void {
    const records = this.sse.push(chunk);
    for (let i = 0; i < records.length; i++) {
      const event = parseStreamEvent(records[i]);
      if (event !== undefined) onEvent(event);
    }
  }

  /** Ends the body; `clean: false` means an unterminated event was discarded (the stream was cut). */
  end(): SseEnd {
    return this.sse.end();
  }
}
