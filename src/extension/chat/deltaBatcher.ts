// Coalesces the client's block deltas so the host posts about one `delta` message per frame, each
// with only what arrived since the last one and a sequence number. It keeps no copy of the text:
// a webview that (re)loads mid-stream gets a snapshot made from the live message.
// Free of the vscode API (lint-enforced): unit-tested in plain Node.

import type { ContentBlock, Message, ThinkingBlock } from '../../anthropic/types';
import type { BlockDelta, BlockKind, BlockView } from '../../shared/protocol';
import { blockView } from './views';

interface BlockState {
  readonly kind: BlockKind;
  readonly startedAt: number;
  open: boolean;
  durationMs?: number;
}

export interface DeltaBatcherOptions {
  /** Called with each batch and its sequence number (1, 2, …); never with an empty batch. */
  post(seq: number, ops: BlockDelta[]): void;
  /** Coalescing window; ~16 ms is one frame. */
  intervalMs?: number;
  now?: () => number;
}

/** What a (re)loaded webview starts from: the shown blocks and the last `seq` they include. */
export interface LiveSnapshot {
  readonly blocks: BlockView[];
  readonly seq: number;
}

export class DeltaBatcher {
  private ops: BlockDelta[] = [];
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The message the deltas were applied to (the reducer's, live). */
  private message: Readonly<Message> | undefined;
  /** The blocks the chat shows, by content index. */
  private readonly blocks = new Map<number, BlockState>();
  /** Thinking durations by content index, for the stored turn. */
  readonly thinkingMs: Record<number, number> = {};
  private readonly intervalMs: number;
  private readonly now: () => number;

  constructor(private readonly options: DeltaBatcherOptions) {
    this.intervalMs = options.intervalMs ?? 16;
    this.now = options.now ?? Date.now;
  }

  /** The client's `onDelta`. */
  push(delta: BlockDelta, message: Readonly<Message>): void {
    this.message = message;
    switch (delta.op) {
      case 'start':
        if (delta.kind === 'other') return; // tool use and newer blocks are not shown in the chat
        this.blocks.set(delta.index, { kind: delta.kind, startedAt: this.now(), open: true });
        this.add(delta);
        return;
      case 'append': {
        if (delta.text === '' || !this.blocks.has(delta.index)) return;
        const last = this.ops[this.ops.length - 1];
        // Appends to the same block within one window become one string: the hot path stays O(delta).
        if (last?.op === 'append' && last.index === delta.index) {
          this.ops[this.ops.length - 1] = { op: 'append', index: delta.index, text: last.text + delta.text };
          this.schedule();
        } else {
          this.add(delta);
        }
        return;
      }
      case 'stop': {
        const block = this.blocks.get(delta.index);
        if (!block) return;
        block.open = false;
        if (block.kind !== 'thinking') return this.add(delta);
        const durationMs = this.now() - block.startedAt;
        block.durationMs = durationMs;
        this.thinkingMs[delta.index] = durationMs;
        const omitted = thinkingText(message.content[delta.index]) === '';
        this.add({ op: 'stop', index: delta.index, durationMs, ...(omitted ? { omitted } : {}) });
        return;
      }
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
    this.seq += 1;
    this.options.post(this.seq, ops);
  }

  /**
   * The shown blocks as they are now, from the live message, with their content index and whether
   * they are still open. Flushes first, so the snapshot includes exactly the deltas up to `seq`.
   */
  snapshot(): LiveSnapshot {
    this.flush();
    const content = this.message?.content ?? [];
    const blocks = [...this.blocks.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([index, b]) => blockView(content[index], index, { durationMs: b.durationMs, open: b.open }))
      .filter((b) => b !== undefined);
    return { blocks, seq: this.seq };
  }

  /** The live message's content as it is now (the reducer's own blocks: copy before keeping). */
  get liveContent(): readonly ContentBlock[] {
    return this.message?.content ?? [];
  }

  /** Forgets the blocks, for a retried attempt that starts over (the sequence continues). */
  reset(): void {
    this.flush();
    this.blocks.clear();
    this.message = undefined;
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.ops = [];
  }

  private add(op: BlockDelta): void {
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

function thinkingText(block: ContentBlock | undefined): string {
  return block?.type === 'thinking' ? (block as ThinkingBlock).thinking : '';
}
