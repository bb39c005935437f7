// Issue 10 #7 in the real extension host: re-showing the view mid-stream, or a webview that asks for
// a `resync`, gets a snapshot of the streaming turn (content index, open state, the `seq` it
// includes) and the deltas after it continue it exactly: nothing frozen, duplicated or lost.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BlockDelta, HostMessage, TurnView } from '../../src/shared/protocol';
import { useSimulator, waitFor } from './simulatorSession';
import { openChat, type ThinkfastTestApi, fromWebview } from './thinkfastExtension';

interface Rebuilt {
  text: Map<number, string>;
  open: Set<number>;
  kinds: Map<number, string>;
}

/** What a webview shows: the snapshot, then every later delta applied; asserts `seq` has no gap. */
function rebuild(snapshot: TurnView, later: readonly HostMessage[]): Rebuilt {
  const r: Rebuilt = { text: new Map(), open: new Set(), kinds: new Map() };
  for (const b of snapshot.blocks) {
    assert.ok(b.index !== undefined, 'snapshot blocks carry their content index');
    r.kinds.set(b.index, b.kind);
    r.text.set(b.index, 'text' in b ? b.text : '');
    if (b.open) r.open.add(b.index);
  }
  let seq = snapshot.seq ?? 0;
  for (const m of later) {
    if (m.type !== 'delta' || m.turnId !== snapshot.id || m.seq <= (snapshot.seq ?? 0)) continue;
    assert.equal(m.seq, seq + 1, 'deltas continue the snapshot without a gap');
    seq = m.seq;
    for (const op of m.ops as BlockDelta[]) {
      if (op.op === 'start') {
        assert.ok(!r.kinds.has(op.index), `block ${op.index} started twice`);
        r.kinds.set(op.index, op.kind);
        r.text.set(op.index, '');
        r.open.add(op.index);
      } else if (op.op === 'append') {
        assert.ok(r.open.has(op.index), `an append to block ${op.index}, which is not open (frozen)`);
        r.text.set(op.index, (r.text.get(op.index) ?? '') + op.text);
      } else {
        r.open.delete(op.index);
      }
    }
  }
  return r;
}

describe('re-showing the view mid-stream (real host)', function () {
  this.timeout(90_000);
  let api: ThinkfastTestApi;
  let session: Awaited<ReturnType<typeof useSimulator>>;

  before(async () => {
    session = await useSimulator({ tokensPerSecond: 300, firstTokenDelayMs: 50 });
    api = await openChat();
  });
  after(async () => {
    await api.chat.stop();
    await session.stop();
  });
  beforeEach(() => api.chat.newChat());

  /** Until a block of `kind` has started streaming, and a moment more so that it is mid-block. */
  async function waitForOp(messages: HostMessage[], kind: 'thinking' | 'text'): Promise<void> {
    await waitFor(
      () =>
        messages.some((m) => m.type === 'delta' && m.ops.some((o) => o.op === 'start' && o.kind === kind)),
      `a ${kind} block to start`,
    );
    await new Promise((r) => setTimeout(r, 200));
  }

  async function during(kind: 'thinking' | 'text', interrupt: () => Promise<void>): Promise<void> {
    const messages: HostMessage[] = [];
    const sub = api.chatView.onDidPost((m) => messages.push(m));
    // Thinking is short: the stream pauses 6 s inside it (then resumes), so the view reloads while
    // the thinking block is open. The answer is long enough (about 13 s) by itself.
    session.sim.configure({ fault: kind === 'thinking' ? 'stall;after=4;ms=6000;times=1' : null });
    try {
      const sent = api.chat.send('Explain how a hash map handles collisions. [sim:long tokens=4000]');
      await sent;
      await waitForOp(messages, kind);
      const from = messages.length;
      await interrupt();
      await api.chat.idle();
      const after = messages.slice(from);
      const snapshotAt = after.findIndex((m) => m.type === 'conversation');
      const conv = after[snapshotAt];
      assert.ok(conv?.type === 'conversation', 'the view got the conversation again');
      const live = conv.turns.at(-1);
      assert.ok(live, 'the snapshot has the streaming turn');
      assert.equal(live.outcome, 'streaming');
      assert.ok(
        live.blocks.some((b) => b.kind === kind && b.open),
        `the ${kind} block is open in the snapshot`,
      );
      const shown = rebuild(live, after.slice(snapshotAt + 1));
      const turn = api.chat.current.turns.at(-1);
      assert.ok(turn && turn.outcome === 'complete', turn?.error?.message);
      turn.content.forEach((b, i) => {
        if (b.type === 'thinking')
          assert.equal(shown.text.get(i), b.thinking, `thinking ${i} complete, once`);
        if (b.type === 'text') assert.equal(shown.text.get(i), b.text, `text ${i} complete, once`);
      });
      assert.equal(shown.open.size, 0, 'every block ended');
    } finally {
      sub.dispose();
    }
  }

  const reshow = async (): Promise<void> => {
    const ready = new Promise<void>((resolve) => {
      const sub = api.chatView.onDidBecomeReady(() => {
        sub.dispose();
        resolve();
      });
    });
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('thinkfast.chat.focus');
    await ready;
  };
  const resync = (): Promise<void> => {
    fromWebview(api, { type: 'resync' });
    return Promise.resolve();
  };

  it('hide and show during the thinking: it keeps streaming, nothing duplicated or lost', () =>
    during('thinking', reshow));
  it('hide and show during the answer: it keeps streaming, nothing duplicated or lost', () =>
    during('text', reshow));
  it('the host answers `resync` mid-answer with a snapshot the later deltas continue', () =>
    during('text', resync));
});
