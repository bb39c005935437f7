// Writes a planned message as Server-Sent Events at a token rate, with pings, and carries out the
// stream-level faults (mid-stream error, dropped connection, stall, slow drip, malformed data,
// truncated endings). The framing is the API's: `event: NAME\ndata: JSON\n\n`.

import type { ServerResponse } from 'node:http';
import type { StreamEvent } from '../../src/anthropic/types';
import { type Fault, numParam } from './faults';
import type { MessagePlan } from './plan';
import type { LoggedRequest } from './requestLog';

export interface StreamPacing {
  tokensPerSecond: number;
  firstTokenDelayMs: number;
  /** 0 disables the periodic pings (the one after message_start is always sent). */
  pingIntervalMs: number;
  /** performance.now() when the request arrived: the first-token delay counts from here. */
  startedAt: number;
}

export type StreamOutcome = NonNullable<LoggedRequest['outcome']>;

/** Non-ping events written before an `after=N` fault fires, when the fault names no N. */
export const DEFAULT_FAULT_AFTER = 3;
/** Writes between yields to the event loop when the rate is so high that nothing waits. */
const YIELD_EVERY = 64;

export function frame(event: StreamEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/** Resolves after `ms`, or at once when the signal aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    signal.addEventListener('abort', done);
  });
}

class Writer {
  private writesSinceYield = 0;

  constructor(
    private readonly res: ServerResponse,
    private readonly signal: AbortSignal,
    private dripMs: number | undefined,
  ) {}

  startDrip(ms: number): void {
    this.dripMs = ms;
  }

  /** Resolves once everything written so far has left for the socket, so a drop loses nothing sent. */
  flushed(): Promise<void> {
    return new Promise<void>((resolve) => {
      if (this.signal.aborted || this.res.writableEnded) resolve();
      else this.res.write('', () => resolve());
    });
  }

  async write(text: string): Promise<void> {
    if (this.signal.aborted) return;
    if (this.dripMs !== undefined) {
      // One byte per write (and per chunk), splitting UTF-8 sequences and line endings apart.
      for (const byte of Buffer.from(text, 'utf8')) {
        if (this.signal.aborted) return;
        this.res.write(Buffer.of(byte));
        // ms=0 still yields between bytes, so each byte leaves in its own socket write.
        if (this.dripMs > 0) await sleep(this.dripMs, this.signal);
        else await new Promise<void>((resolve) => setImmediate(resolve));
      }
      return;
    }
    if (!this.res.write(text)) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          this.res.off('drain', done);
          this.signal.removeEventListener('abort', done);
          resolve();
        };
        this.res.on('drain', done);
        this.signal.addEventListener('abort', done);
      });
    }
    if (++this.writesSinceYield >= YIELD_EVERY) {
      this.writesSinceYield = 0;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
}

/**
 * Streams `plan` into `res` (status and headers already sent). `signal` aborts when the client
 * goes away or the server closes. Returns how the stream ended, for the request log.
 */
export async function writeStream(
  res: ServerResponse,
  plan: MessagePlan,
  pacing: StreamPacing,
  fault: Fault | undefined,
  signal: AbortSignal,
): Promise<StreamOutcome> {
  const after = fault ? numParam(fault, 'after', DEFAULT_FAULT_AFTER) : 0;
  const dripAfter = fault?.name === 'drip' ? numParam(fault, 'after', 0) : Infinity;
  const writer = new Writer(res, signal, undefined);
  const msPerToken = 1000 / pacing.tokensPerSecond;
  let offset = 0; // grows by the length of a timed stall, so pacing resumes where it left off
  let nextPing = Infinity;
  let written = 0;
  let cumulative = 0;

  const waitUntil = async (due: number): Promise<void> => {
    for (;;) {
      const now = performance.now();
      if (signal.aborted || now >= due) return;
      if (now >= nextPing) {
        await writer.write(frame({ type: 'ping' }));
        nextPing += pacing.pingIntervalMs;
        continue;
      }
      await sleep(Math.min(due, nextPing) - now, signal);
    }
  };

  for (const [i, planned] of plan.events.entries()) {
    cumulative += planned.cost;
    // A delta goes out once its tokens are generated: the first at the first-token delay.
    const due = i === 0 ? 0 : pacing.firstTokenDelayMs + Math.max(0, cumulative - 1) * msPerToken;
    await waitUntil(pacing.startedAt + offset + due);
    if (signal.aborted) return 'client-closed';

    if (written === dripAfter) writer.startDrip(numParam(fault as Fault, 'ms', 1));
    if (fault && written === after) {
      switch (fault.name) {
        case 'stream-error': {
          const type = fault.params.type ?? 'overloaded_error';
          const message =
            fault.params.message ?? (type === 'overloaded_error' ? 'Overloaded' : 'Internal server error');
          await writer.write(frame({ type: 'error', error: { type, message } }));
          res.end();
          return 'stream-error';
        }
        case 'drop':
          // Events already written must reach the client before the connection dies: a real drop
          // cuts the stream after what was sent, it does not take back buffered bytes.
          await writer.flushed();
          res.socket?.destroy();
          return 'dropped';
        case 'stall': {
          const ms = numParam(fault, 'ms', Infinity);
          const began = performance.now();
          await sleep(ms, signal);
          if (signal.aborted || !Number.isFinite(ms)) return 'stalled';
          offset += performance.now() - began;
          nextPing += performance.now() - began;
          break;
        }
        case 'malformed':
          // An extra event whose data line is cut mid-JSON; the real events continue after it.
          await writer.write(
            'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":\n\n',
          );
          break;
        default:
          break;
      }
    }

    const isStop = planned.event.type === 'message_stop';
    if (isStop && fault?.name === 'no-message-stop') {
      res.end();
      return 'truncated';
    }
    if (isStop && fault?.name === 'no-final-blank') {
      // The last event lacks the blank line that would dispatch it: by SSE rules it is discarded.
      await writer.write(frame(planned.event).slice(0, -1));
      res.end();
      return 'truncated';
    }
    await writer.write(frame(planned.event));
    written += 1;
    if (i === 0) {
      // The API follows message_start with a ping straight away.
      await writer.write(frame({ type: 'ping' }));
      if (pacing.pingIntervalMs > 0) nextPing = performance.now() + pacing.pingIntervalMs;
    }
  }
  res.end();
  return 'complete';
}
