import * as assert from 'node:assert/strict';
import { MessageReducer } from '../../../src/anthropic/reducer';
import type { StreamEvent } from '../../../src/anthropic/types';
import { DeltaBatcher } from '../../../src/extension/chat/deltaBatcher';
import type { BlockDelta } from '../../../src/shared/protocol';

/** Drives the batcher through the real reducer, as the client does. */
class Stream {
  readonly reducer = new MessageReducer();
  constructor(private readonly batcher: DeltaBatcher) {
    this.event({
      type: 'message_start',
      message: {
        id: 'msg_1',
        type: 'message',
        role: 'assistant',
        model: 'm',
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: 1, output_tokens: 0 },
      },
    });
  }
  event(e: StreamEvent): this {
    this.reducer.apply(e, (d, m) => this.batcher.push(d, m));
    return this;
  }
  start(index: number, block: Record<string, unknown>): this {
    return this.event({ type: 'content_block_start', index, content_block: block } as StreamEvent);
  }
  text(index: number, text: string): this {
    return this.event({ type: 'content_block_delta', index, delta: { type: 'text_delta', text } });
  }
  thinking(index: number, thinking: string): this {
    return this.event({ type: 'content_block_delta', index, delta: { type: 'thinking_delta', thinking } });
  }
  stop(index: number): this {
    return this.event({ type: 'content_block_stop', index });
  }
}

describe('DeltaBatcher', () => {
  let batches: { seq: number; ops: BlockDelta[] }[];
  let clock: number;
  let batcher: DeltaBatcher;
  let stream: Stream;
  beforeEach(() => {
    batches = [];
    clock = 0;
    batcher = new DeltaBatcher({
      post: (seq, ops) => batches.push({ seq, ops }),
      intervalMs: 16,
      now: () => clock,
    });
    stream = new Stream(batcher);
  });
  afterEach(() => batcher.dispose());

  it('coalesces appends to one block within a window into one op carrying only the new text', async () => {
    stream.start(0, { type: 'text', text: '' });
    for (const t of ['Hel', 'lo', ', ', 'world']) stream.text(0, t);
    await new Promise((r) => setTimeout(r, 40));
    assert.deepEqual(batches, [
      {
        seq: 1,
        ops: [
          { op: 'start', index: 0, kind: 'text' },
          { op: 'append', index: 0, text: 'Hello, world' },
        ],
      },
    ]);
    stream.text(0, '!');
    batcher.flush();
    assert.deepEqual(
      batches[1],
      { seq: 2, ops: [{ op: 'append', index: 0, text: '!' }] },
      'never the whole text again',
    );
  });

  it('times thinking blocks and marks a thinking block with no text as omitted', () => {
    stream.start(0, { type: 'thinking', thinking: '', signature: '' });
    stream.thinking(0, '');
    clock = 2500;
    stream.stop(0).start(1, { type: 'thinking', thinking: '', signature: '' }).thinking(1, 'Considering');
    clock = 4000;
    stream.stop(1);
    batcher.flush();
    assert.deepEqual(batches[0]?.ops, [
      { op: 'start', index: 0, kind: 'thinking' },
      { op: 'stop', index: 0, durationMs: 2500, omitted: true },
      { op: 'start', index: 1, kind: 'thinking' },
      { op: 'append', index: 1, text: 'Considering' },
      { op: 'stop', index: 1, durationMs: 1500 },
    ]);
    assert.deepEqual(batcher.thinkingMs, { 0: 2500, 1: 1500 });
  });

  it('maps redacted thinking and ignores blocks the chat does not show', () => {
    stream.start(0, { type: 'redacted_thinking', data: 'x' });
    stream.start(1, { type: 'tool_use', id: 'toolu_1', name: 't', input: {} });
    stream.event({
      type: 'content_block_delta',
      index: 1,
      delta: { type: 'input_json_delta', partial_json: '{}' },
    });
    stream.stop(1);
    batcher.flush();
    assert.deepEqual(batches, [{ seq: 1, ops: [{ op: 'start', index: 0, kind: 'redacted' }] }]);
  });

  it('posts nothing when nothing arrived', () => {
    batcher.flush();
    assert.deepEqual(batches, []);
  });

  it('keeps counting sequence numbers across a reset (a retried attempt)', () => {
    stream.start(0, { type: 'text', text: '' }).text(0, 'a');
    batcher.reset();
    const retry = new Stream(batcher);
    retry.start(0, { type: 'text', text: '' }).text(0, 'b');
    batcher.flush();
    assert.deepEqual(
      batches.map((b) => b.seq),
      [1, 2],
    );
    assert.deepEqual(batcher.snapshot().blocks, [{ kind: 'text', text: 'b', index: 0, open: true }]);
  });
});

describe('DeltaBatcher.snapshot (a webview reloaded mid-stream)', () => {
  it('is taken from the live message after a flush, with content indexes and open state', () => {
    const posted: { seq: number; ops: BlockDelta[] }[] = [];
    const b = new DeltaBatcher({ post: (seq, ops) => posted.push({ seq, ops }), now: () => 0 });
    const s = new Stream(b);
    s.start(0, { type: 'thinking', thinking: '', signature: '' }).thinking(0, 'Hmm').stop(0);
    s.start(1, { type: 'tool_use', id: 'toolu_1', name: 't', input: {} }).stop(1);
    s.start(2, { type: 'text', text: '' }).text(2, 'Hel');
    b.flush();
    s.text(2, 'lo');
    const snap = b.snapshot();
    assert.deepEqual(snap, {
      seq: 2,
      blocks: [
        { kind: 'thinking', text: 'Hmm', index: 0, open: false, durationMs: 0 },
        { kind: 'text', text: 'Hello', index: 2, open: true },
      ],
    });
    assert.deepEqual(
      posted.at(-1),
      { seq: 2, ops: [{ op: 'append', index: 2, text: 'lo' }] },
      'flushed first',
    );
    s.text(2, '!');
    b.flush();
    assert.deepEqual(
      posted.at(-1),
      { seq: 3, ops: [{ op: 'append', index: 2, text: '!' }] },
      'continues after it',
    );
    b.dispose();
  });
});
