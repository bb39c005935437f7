// Turns the client's stream deltas into the webview's DeltaOps, coalesced so that the host posts
// about one message per frame and each message carries only what arrived since the last one.
// No vscode import: unit-tested in plain Node.

import type { StreamDelta } from '../anthropic/types';
import type { BlockView, DeltaOp } from '../shared/protocol';

type Kind = 'thinking' | 'text' | 'redacted';

interface BlockState {
  kind: Kind;
  startedAt: number;
  chars: number;
}

export interface DeltaBatcherOptions {
  /** Called with each batch; never with an empty one. */
  post(ops: DeltaOp[]): void;
  /** Coalescing window; ~16 ms is one frame. */
  intervalMs?: number;
  now?: () => number;
}

const kinds: Record<string, Kind | undefined> = {
  thinking: 'thinking',
  text: 'text',
  redacted_thinking: 'redacted',
};

export class DeltaBatcher {
  private ops: DeltaOp[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly blocks = new Map<number, BlockState>();
  /** Thinking durations by content index, for the stored turn. */
  readonly thinkingMs: Record<number, number> = {};
  /** What the webview has been sent so far, by content index: a reloaded view starts from this. */
  private readonly posted = new Map<number, BlockView>();
  private readonly intervalMs: number;
  private readonly now: () => number;

  constructor(private readonly options: DeltaBatcherOptions) {
    this.intervalMs = options.intervalMs ?? 16;
    this.now = options.now ?? Date.now;
  }

  push(delta: StreamDelta): void {
    switch (delta.kind) {
      case 'blockStart': {
        const kind = kinds[delta.blockType];
        if (!kind) return; // tool use and other blocks are not shown in the chat
        this.blocks.set(delta.index, { kind, startedAt: this.now(), chars: 0 });
        this.add({ op: 'start', index: delta.index, kind });
        return;
      }
      case 'thinking':
      case 'text': {
        const block = this.blocks.get(delta.index);
        if (!block || delta.text === '') return;
        block.chars += delta.text.length;
        const last = this.ops[this.ops.length - 1];
        // Appends to the same block within one window become one string: the hot path stays O(delta).
        if (last?.op === 'append' && last.index === delta.index) {
          this.ops[this.ops.length - 1] = { op: 'append', index: delta.index, text: last.text + delta.text };
          this.schedule();
        } else {
          this.add({ op: 'append', index: delta.index, text: delta.text });
        }
        return;
      }
      case 'blockStop': {
        const block = this.blocks.get(delta.index);
        if (!block) return;
        if (block.kind === 'thinking') {
          const durationMs = this.now() - block.startedAt;
          this.thinkingMs[delta.index] = durationMs;
          this.add({
            op: 'stop',
            index: delta.index,
            durationMs,
            ...(block.chars === 0 ? { omitted: true } : {}),
          });
        } else {
          this.add({ op: 'stop', index: delta.index });
        }
        return;
      }
      case 'usage':
      case 'stopReason':
        return;
    }
  }

  /** Posts whatever is pending now (before turnEnd, so the webview has every character first). */
  flush(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.ops.length === 0) return;
    const ops = this.ops;
    this.ops = [];
    for (const op of ops) this.mirror(op);
    this.options.post(ops);
  }

  /** The blocks as posted so far (not what is still pending), in content order. */
  snapshot(): BlockView[] {
    return [...this.posted.entries()].sort((a, b) => a[0] - b[0]).map(([, b]) => b);
  }

  private mirror(op: DeltaOp): void {
    const b = this.posted.get(op.index);
    switch (op.op) {
      case 'start':
        this.posted.set(
          op.index,
          op.kind === 'redacted' ? { kind: 'redacted' } : { kind: op.kind, text: '' },
        );
        return;
      case 'append':
        if (b && b.kind !== 'redacted') this.posted.set(op.index, { ...b, text: b.text + op.text });
        return;
      case 'stop':
        if (b?.kind === 'thinking') {
          this.posted.set(op.index, {
            ...b,
            ...(op.durationMs === undefined ? {} : { durationMs: op.durationMs }),
            ...(op.omitted ? { omitted: true } : {}),
          });
        }
        return;
    }
  }

  /** Forgets block state, for a retried attempt that starts over. */
  reset(): void {
    this.flush();
    this.blocks.clear();
    this.posted.clear();
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.ops = [];
  }

  private add(op: DeltaOp): void {
    this.ops.push(op);
    this.schedule();
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, this.intervalMs);
  }
}
