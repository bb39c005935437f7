// Incremental Server-Sent Events decoder: bytes in, `{event, data}` records out, following the
// WHATWG "event stream interpretation" rules that the Messages API relies on (see API-NOTES.md).
//
// The line parsing is eventsource-parser's: `npm run bench:stream` measured it against a
// hand-written scanner (test/bench/handRolledSse.ts) and the two tied, so the well-kept library
// wins. This file adds what it leaves to callers: UTF-8 decoding across chunks, a `\r` at the
// very end of a chunk, and telling whether the input ended at an event boundary.

import { createParser } from 'eventsource-parser';
import type { EventSourceMessage, EventSourceParser } from 'eventsource-parser';

/** One dispatched Server-Sent Event. */
export interface SseEvent {
  /** The `event:` field; `message` when the server sent none (the SSE default). */
  readonly event: string;
  /** The `data:` lines of the event, joined with `\n`. */
  readonly data: string;
}

/** How the input ended, returned by {@link SseDecoder.end}. */
export interface SseEnd {
  /**
   * True when the input stopped at an event boundary. False when event data or a partial line
   * had arrived without the blank line that closes an event: by the SSE rules it was discarded,
   * and the caller should treat the response as cut short.
   */
  readonly clean: boolean;
  /** Characters of the unterminated last line that were discarded (0 when it ended with a line end). */
  readonly discardedChars: number;
}

const LF = 0x0a;
const CR = 0x0d;

/** Shared result for chunks that complete no event, so quiet chunks allocate nothing. */
const NO_EVENTS: readonly SseEvent[] = Object.freeze([]);

/**
 * Decodes an SSE byte stream fed in arbitrary chunks.
 *
 * Handles `\n`, `\r` and `\r\n` line ends (including a `\r\n` split across chunks), UTF-8
 * sequences split across chunks, multi-line `data`, comments, fields without a colon, and one
 * optional space after the colon. `id` and `retry` are recorded but have no effect: a POST
 * stream is never resumed with `Last-Event-ID`.
 */
export class SseDecoder {
  /** Streaming decoder: holds the bytes of a UTF-8 sequence split across chunks. */
  private readonly utf8 = new TextDecoder();
  private readonly parser: EventSourceParser;
  private out: SseEvent[] = [];
  /** The last text ended with `\r`, already fed as `\r\n`: drop a `\n` that starts the next text. */
  private afterCR = false;
  /** Characters since the last line end: a line still arriving. */
  private tailChars = 0;
  /** end() is flushing: anything dispatched now was never closed by a blank line. */
  private draining = false;
  private drained = 0;
  private _lastEventId = '';
  private _retryMs: number | undefined;

  constructor() {
    this.parser = createParser({
      onEvent: (m: EventSourceMessage) => {
        if (this.draining) {
          this.drained++;
          return;
        }
        if (m.id !== undefined) this._lastEventId = m.id;
        this.out.push({ event: m.event ?? 'message', data: m.data });
      },
      onRetry: (ms: number) => {
        this._retryMs = ms;
      },
      // Unknown fields and bad retry values are ignored by the SSE rules; no onError needed.
    });
  }

  /** The last `id:` of a dispatched event (kept per the SSE rules; unused by the API). */
  get lastEventId(): string {
    return this._lastEventId;
  }

  /** The last valid `retry:` value in ms (kept per the SSE rules; we never reconnect). */
  get retryMs(): number | undefined {
    return this._retryMs;
  }

  /**
   * Feeds one chunk of the body. Returns the events it completed, in order (an empty result is
   * a shared frozen array).
   */
  push(chunk: Uint8Array): readonly SseEvent[] {
    return this.pushText(this.utf8.decode(chunk, { stream: true }));
  }

  /**
   * Feeds already-decoded text (tests and callers that hold strings). Do not mix with a
   * {@link push} that ended mid UTF-8 sequence.
   */
  pushText(text: string): readonly SseEvent[] {
    if (this.afterCR) {
      this.afterCR = false;
      if (text.charCodeAt(0) === LF) text = text.slice(1);
    }
    if (text.length === 0) return NO_EVENTS;
    const last = text.charCodeAt(text.length - 1);
    if (last === CR) {
      // The parser holds a final `\r` back until it sees whether `\n` follows, which would delay
      // the event it closes until the next chunk (or forever, at the end). A `\r` is a complete
      // line end already, so close it now as `\r\n` and swallow a real `\n` if one comes next.
      this.afterCR = true;
      text += '\n';
      this.tailChars = 0;
    } else if (last === LF) {
      this.tailChars = 0;
    } else {
      // Walk back to the last line end: bounded by one line, unlike lastIndexOf on a chunk
      // that has no `\r` at all.
      let i = text.length - 2;
      while (i >= 0) {
        const c = text.charCodeAt(i);
        if (c === LF || c === CR) break;
        i--;
      }
      this.tailChars = i < 0 ? this.tailChars + text.length : text.length - 1 - i;
    }
    this.parser.feed(text);
    if (this.out.length === 0) return NO_EVENTS;
    const out = this.out;
    this.out = [];
    return out;
  }

  /**
   * Ends the input. An event not closed by a blank line is discarded (SSE rules); the result
   * says whether that happened. The decoder is reset and can be reused.
   */
  end(): SseEnd {
    const flushed = this.utf8.decode(); // an incomplete UTF-8 sequence becomes U+FFFD in the tail
    if (flushed.length > 0) this.pushText(flushed);
    const discardedChars = this.tailChars;
    // Close the last line and the event: whatever the parser dispatches now was unterminated.
    this.draining = true;
    this.parser.feed('\n\n');
    this.draining = false;
    const clean = discardedChars === 0 && this.drained === 0;
    this.parser.reset();
    this.out = [];
    this.afterCR = false;
    this.tailChars = 0;
    this.drained = 0;
    return { clean, discardedChars };
  }
}
