// The hand-written SSE decoder measured against eventsource-parser by `npm run bench:stream`.
// It lost (a tie on the SSE work), so production uses eventsource-parser behind src/anthropic/sse.ts;
// this one is kept so the benchmark stays reproducible, and the unit tests cross-check both
// decoders on every fixture at every split, so its numbers describe a correct decoder.
// Design: whole decoded chunks scanned with indexOf and sliced, never character by character.

import type { SseEnd, SseEvent } from '../../src/anthropic/sse';

const LF = 0x0a;
const SPACE = 0x20;
const COLON = 0x3a;
const LOWER_D = 0x64;
const LOWER_E = 0x65;

/** Shared result for chunks that complete no event, so quiet chunks allocate nothing. */
const NO_EVENTS: readonly SseEvent[] = Object.freeze([]);

/**
 * Decodes an SSE byte stream fed in arbitrary chunks; same interface as `SseDecoder`.
 *
 * Handles `\n`, `\r` and `\r\n` line ends (including a `\r\n` split across chunks), UTF-8
 * sequences split across chunks, multi-line `data`, comments, fields without a colon, and one
 * optional space after the colon. `id` and `retry` are recorded but have no effect: a POST
 * stream is never resumed with `Last-Event-ID`.
 */
export class HandRolledSseDecoder {
  /** Streaming decoder: holds the bytes of a UTF-8 sequence split across chunks. */
  private readonly utf8 = new TextDecoder();
  /** Text after the last line end: the start of a line still arriving. Never holds a line end. */
  private pending = '';
  /** The last line ended with `\r`: a `\n` at the start of the next text belongs to it. */
  private afterCR = false;
  private eventType = '';
  private data = '';
  private dataLines = 0;
  /** A field line arrived since the last dispatch (an event has started). */
  private started = false;
  private _lastEventId = '';
  private _retryMs: number | undefined;

  /** The last `id:` seen (kept per the SSE rules; unused by the API). */
  get lastEventId(): string {
    return this._lastEventId;
  }

  /** The last valid `retry:` value in ms (kept per the SSE rules; we never reconnect). */
  get retryMs(): number | undefined {
    return this._retryMs;
  }

  /**
   * Feeds one chunk of the body. Returns the events it completed, in order; the array is only
   * valid until the next call (an empty result is a shared frozen array).
   */
  push(chunk: Uint8Array): readonly SseEvent[] {
    return this.pushText(this.utf8.decode(chunk, { stream: true }));
  }

  /**
   * Feeds already-decoded text (tests and callers that hold strings). Do not mix with a
   * `push` that ended mid UTF-8 sequence.
   */
  pushText(text: string): readonly SseEvent[] {
    if (text.length === 0) return NO_EVENTS;
    let from = 0;
    if (this.afterCR) {
      this.afterCR = false;
      if (text.charCodeAt(0) === LF) {
        if (text.length === 1) return NO_EVENTS;
        from = 1;
      }
    }
    // Look for a line end in the new text only: a long line arriving over many chunks is then
    // appended (a cheap rope in V8) and scanned once, instead of rescanned on every chunk.
    const lf = text.indexOf('\n', from);
    const cr = text.indexOf('\r', from);
    if (lf === -1 && cr === -1) {
      this.pending += from === 0 ? text : text.slice(from);
      return NO_EVENTS;
    }
    const prefix = this.pending;
    this.pending = '';
    const shift = prefix.length - from;
    const buf = prefix.length === 0 && from === 0 ? text : prefix + (from === 0 ? text : text.slice(from));
    const out: SseEvent[] = [];
    let start = 0;
    if (cr === -1) {
      // The API's own framing, `\n` only: one indexOf per line, and the event being built kept
      // in locals (registers) rather than fields; the rare lines go through line().
      let eventType = this.eventType;
      let data = this.data;
      let dataLines = this.dataLines;
      let started = this.started;
      let end = lf + shift;
      while (end !== -1) {
        const first = end === start ? LF : buf.charCodeAt(start);
        if (first === LF) {
          if (dataLines > 0) out.push({ event: eventType || 'message', data });
          eventType = '';
          data = '';
          dataLines = 0;
          started = false;
        } else if (isDataLine(buf, start, first)) {
          const value = buf.slice(buf.charCodeAt(start + 5) === SPACE ? start + 6 : start + 5, end);
          data = dataLines === 0 ? value : data + '\n' + value;
          dataLines++;
          started = true;
        } else if (isEventLine(buf, start, first)) {
          eventType = buf.slice(buf.charCodeAt(start + 6) === SPACE ? start + 7 : start + 6, end);
          started = true;
        } else if (first !== COLON) {
          this.eventType = eventType;
          this.data = data;
          this.dataLines = dataLines;
          this.started = started;
          this.line(buf, start, end, out);
          eventType = this.eventType;
          data = this.data;
          dataLines = this.dataLines;
          started = this.started;
        }
        start = end + 1;
        end = buf.indexOf('\n', start);
      }
      this.eventType = eventType;
      this.data = data;
      this.dataLines = dataLines;
      this.started = started;
    } else {
      let nextLF = lf === -1 ? -1 : lf + shift;
      let nextCR = cr + shift;
      for (;;) {
        let end: number;
        if (nextCR === -1) {
          if (nextLF === -1) break;
          end = nextLF;
        } else {
          end = nextLF !== -1 && nextLF < nextCR ? nextLF : nextCR;
        }
        this.line(buf, start, end, out);
        start = end + 1;
        if (end === nextCR) {
          if (start === buf.length) this.afterCR = true;
          else if (buf.charCodeAt(start) === LF) start++;
        }
        // Search again only for the kind of line end we have passed, so the scan stays linear.
        if (nextCR !== -1 && nextCR < start) nextCR = buf.indexOf('\r', start);
        if (nextLF !== -1 && nextLF < start) nextLF = buf.indexOf('\n', start);
      }
    }
    if (start < buf.length) this.pending = buf.slice(start);
    return out.length === 0 ? NO_EVENTS : out;
  }

  /**
   * Ends the input. An event not closed by a blank line is discarded (SSE rules); the result
   * says whether that happened. The decoder is reset and can be reused.
   */
  end(): SseEnd {
    const tail = this.pending + this.utf8.decode();
    const clean = tail.length === 0 && !this.started;
    this.pending = '';
    this.afterCR = false;
    this.resetEvent();
    return { clean, discardedChars: tail.length };
  }

  /** Interprets the line `buf[start, end)`; `end` is the index of its line end. */
  private line(buf: string, start: number, end: number, out: SseEvent[]): void {
    if (start === end) {
      if (this.dataLines > 0) out.push({ event: this.eventType || 'message', data: this.data });
      this.resetEvent();
      return;
    }
    const first = buf.charCodeAt(start);
    // Fast paths for the two fields the API sends, checked by char code before any slicing.
    if (isDataLine(buf, start, first)) {
      this.addData(buf.slice(buf.charCodeAt(start + 5) === SPACE ? start + 6 : start + 5, end));
      return;
    }
    if (isEventLine(buf, start, first)) {
      this.eventType = buf.slice(buf.charCodeAt(start + 6) === SPACE ? start + 7 : start + 6, end);
      this.started = true;
      return;
    }
    if (first === COLON) return; // comment (servers send these as keep-alives)
    let colon = buf.indexOf(':', start);
    if (colon === -1 || colon > end) colon = end;
    const field = buf.slice(start, colon);
    let valueStart = colon + 1;
    if (valueStart < end && buf.charCodeAt(valueStart) === SPACE) valueStart++;
    const value = valueStart < end ? buf.slice(valueStart, end) : '';
    this.field(field, value);
  }

  private field(name: string, value: string): void {
    switch (name) {
      case 'data':
        this.addData(value);
        return;
      case 'event':
        this.eventType = value;
        this.started = true;
        return;
      case 'id':
        // The spec ignores ids containing NUL; they could never be sent back in a header.
        if (!value.includes('\0')) this._lastEventId = value;
        this.started = true;
        return;
      case 'retry':
        if (/^[0-9]+$/.test(value)) this._retryMs = Number(value);
        this.started = true;
        return;
      default:
        // Unknown fields are ignored by the SSE rules.
        this.started = true;
        return;
    }
  }

  private addData(value: string): void {
    this.data = this.dataLines === 0 ? value : this.data + '\n' + value;
    this.dataLines++;
    this.started = true;
  }

  private resetEvent(): void {
    this.eventType = '';
    this.data = '';
    this.dataLines = 0;
    this.started = false;
  }
}

// The prefix checks below may read past the line end: that character is `\r` or `\n`, which
// matches none of the letters, so a shorter line is never mistaken for the field.

/** `data:` at `start` (`first` is its char code). */
function isDataLine(buf: string, start: number, first: number): boolean {
  return (
    first === LOWER_D &&
    buf.charCodeAt(start + 4) === COLON &&
    buf.charCodeAt(start + 1) === 0x61 &&
    buf.charCodeAt(start + 2) === 0x74 &&
    buf.charCodeAt(start + 3) === 0x61
  );
}

/** `event:` at `start` (`first` is its char code). */
function isEventLine(buf: string, start: number, first: number): boolean {
  return (
    first === LOWER_E &&
    buf.charCodeAt(start + 5) === COLON &&
    buf.charCodeAt(start + 1) === 0x76 &&
    buf.charCodeAt(start + 2) === 0x65 &&
    buf.charCodeAt(start + 3) === 0x6e &&
    buf.charCodeAt(start + 4) === 0x74
  );
}
