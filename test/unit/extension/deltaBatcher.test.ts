import * as assert from 'node:assert/strict';
import { DeltaBatcher } from '../../../src/extension/deltaBatcher';
import type { DeltaOp } from '../../../src/shared/protocol';

describe('DeltaBatcher', () => {
  let batches: DeltaOp[][];
  let clock: number;
  let batcher: DeltaBatcher;
  beforeEach(() => {
    batches = [];
    clock = 0;
    batcher = new DeltaBatcher({ post: (ops) => batches.push(ops), intervalMs: 16, now: () => clock });
  });
  afterEach(() => batcher.dispose());

  it('coalesces appends to one block within a window into one op carrying only the new text', async () => {
    batcher.push({ kind: 'blockStart', index: 0, blockType: 'text' });
    for (const t of ['Hel', 'lo', ', ', 'world']) batcher.push({ kind: 'text', index: 0, text: t });
    await new Promise((r) => setTimeout(r, 40));
    assert.deepEqual(batches, [
      [
        { op: 'start', index: 0, kind: 'text' },
        { op: 'append', index: 0, text: 'Hello, world' },
      ],
    ]);
    batcher.push({ kind: 'text', index: 0, text: '!' });
    batcher.flush();
    assert.deepEqual(batches[1], [{ op: 'append', index: 0, text: '!' }], 'never the whole text again');
  });

  it('times thinking blocks and marks a thinking block with no text as omitted', () => {
    batcher.push({ kind: 'blockStart', index: 0, blockType: 'thinking' });
    clock = 2500;
    batcher.push({ kind: 'blockStop', index: 0 });
    batcher.push({ kind: 'blockStart', index: 1, blockType: 'thinking' });
    batcher.push({ kind: 'thinking', index: 1, text: 'Considering' });
    clock = 4000;
    batcher.push({ kind: 'blockStop', index: 1 });
    batcher.flush();
    assert.deepEqual(batches[0], [
      { op: 'start', index: 0, kind: 'thinking' },
      { op: 'stop', index: 0, durationMs: 2500, omitted: true },
      { op: 'start', index: 1, kind: 'thinking' },
      { op: 'append', index: 1, text: 'Considering' },
      { op: 'stop', index: 1, durationMs: 1500 },
    ]);
    assert.deepEqual(batcher.thinkingMs, { 0: 2500, 1: 1500 });
  });

  it('maps redacted thinking and ignores blocks the chat does not show', () => {
    batcher.push({ kind: 'blockStart', index: 0, blockType: 'redacted_thinking' });
    batcher.push({ kind: 'blockStart', index: 1, blockType: 'tool_use' });
    batcher.push({ kind: 'text', index: 1, text: 'ignored' });
    batcher.push({ kind: 'usage', usage: { input_tokens: 1, output_tokens: 2 } });
    batcher.flush();
    assert.deepEqual(batches, [[{ op: 'start', index: 0, kind: 'redacted' }]]);
  });

  it('posts nothing when nothing arrived', () => {
    batcher.flush();
    assert.deepEqual(batches, []);
  });
});

describe('DeltaBatcher.snapshot (a webview reloaded mid-stream)', () => {
  it('holds exactly what was posted, so later batches continue it without gaps or repeats', () => {
    const posted: DeltaOp[][] = [];
    const b = new DeltaBatcher({ post: (ops) => posted.push(ops), now: () => 0 });
    b.push({ kind: 'blockStart', index: 0, blockType: 'thinking' });
    b.push({ kind: 'thinking', index: 0, text: 'Hmm' });
    b.push({ kind: 'blockStop', index: 0 });
    b.push({ kind: 'blockStart', index: 1, blockType: 'text' });
    b.push({ kind: 'text', index: 1, text: 'Hel' });
    b.flush();
    b.push({ kind: 'text', index: 1, text: 'lo' });
    assert.deepEqual(b.snapshot(), [
      { kind: 'thinking', text: 'Hmm', durationMs: 0 },
      { kind: 'text', text: 'Hel' },
    ]);
    b.flush();
    assert.deepEqual(b.snapshot()[1], { kind: 'text', text: 'Hello' });
    b.dispose();
  });
});
