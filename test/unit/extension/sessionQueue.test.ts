// Issue 10 #8 and #6 in plain Node: every operation that starts a turn goes through one queue and
// re-checks its state there, so two turns never stream at once (the pause_turn auto-continue
// included); and a reload reopens the conversation the window had open, not the newest one.

import * as assert from 'node:assert/strict';
import { ConversationStore, type SaveResult } from '../../../src/extension/chat/conversationStore';
import type { Conversation } from '../../../src/extension/chat/conversation';
import { startSimulator, type Simulator } from '../../simulator/server';
import { sessionRig, tempStorage, type SessionRig } from './sessionKit';

/** A store whose next save waits until `release()`: "a send during a save". */
class SlowStore extends ConversationStore {
  private gate: Promise<void> | undefined;
  release = (): void => undefined;
  holdNextSave(): void {
    this.gate = new Promise((r) => (this.release = r));
  }
  override async save(c: Conversation): Promise<SaveResult> {
    const gate = this.gate;
    this.gate = undefined;
    if (gate) await gate;
    return super.save(c);
  }
}

async function waitUntil(probe: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('chat session: one queue for every turn', function () {
  this.timeout(30_000);
  let sim: Simulator;
  let rig: SessionRig | undefined;
  before(async () => {
    sim = await startSimulator({ tokensPerSecond: 3_000, firstTokenDelayMs: 0, pingIntervalMs: 2_000 });
  });
  after(() => sim.close());
  afterEach(async () => {
    await rig?.dispose();
    rig = undefined;
  });

  it('carries on after pause_turn by itself, in one continuation turn', async () => {
    rig = sessionRig(sim.url);
    await rig.session.send('A long job, please. [sim:pause-turn text=10]');
    await rig.settled(2);
    const turns = rig.session.current.turns;
    assert.deepEqual(
      turns.map((t) => [t.outcome, t.stopReason, t.continuation ?? false]),
      [
        ['complete', 'pause_turn', false],
        ['complete', 'end_turn', true],
      ],
    );
    assert.equal(rig.maxConcurrent(), 1);
  });

  it('a send as the paused turn ends wins: the auto-continue neither starts nor stops it', async () => {
    const store = new SlowStore(tempStorage());
    let send: Promise<void> | undefined;
    rig = sessionRig(sim.url, {
      store,
      // The user's send arrives the moment the paused turn ends, before its save and auto-continue.
      onPost: (m) => {
        if (m.type === 'turnEnd' && !send) send = rig?.session.send('Actually: what is a heap?');
      },
    });
    store.holdNextSave();
    await rig.session.send('A long job, please. [sim:pause-turn text=10]');
    await waitUntil(() => send !== undefined);
    store.release();
    await send;
    await rig.settled(2);
    const turns = rig.session.current.turns;
    assert.deepEqual(
      turns.map((t) => t.prompt),
      ['A long job, please. [sim:pause-turn text=10]', 'Actually: what is a heap?'],
      'no continuation after the user moved on',
    );
    assert.equal(turns[1].outcome, 'complete', 'the user’s turn was not stopped');
    assert.equal(rig.maxConcurrent(), 1, 'never two turns at once');
  });

  it('a send during the paused turn’s save runs after the auto-continue, never beside it', async () => {
    const store = new SlowStore(tempStorage());
    rig = sessionRig(sim.url, { store });
    store.holdNextSave();
    await rig.session.send('A long job, please. [sim:pause-turn text=10]');
    const current = rig;
    await waitUntil(() => current.posted.some((m) => m.type === 'turnEnd'));
    const send = rig.session.send('Actually: what is a heap?');
    store.release();
    await send;
    await rig.settled(3);
    const turns = rig.session.current.turns;
    assert.equal(turns.at(-1)?.prompt, 'Actually: what is a heap?');
    assert.equal(turns.at(-1)?.outcome, 'complete', 'the user’s turn was not stopped');
    assert.ok(turns.every((t) => t.outcome !== 'streaming'));
    assert.equal(rig.maxConcurrent(), 1, 'never two turns at once');
    assert.ok(!rig.logged.some((l) => l.startsWith('error')), rig.logged.join('\n'));
  });

  it('sends, regenerations, continues and retries asked at once run one at a time', async () => {
    rig = sessionRig(sim.url);
    await rig.session.send('First question.');
    await rig.settled(1);
    const first = rig.session.current.turns[0].id;
    const ops = [
      rig.session.send('Second question.'),
      rig.session.rerunLast(),
      rig.session.continue(),
      rig.session.retry(first), // no longer the last turn when its time comes: ignored
      rig.session.send('Last question.'),
    ];
    await Promise.all(ops);
    await rig.settled(5);
    assert.equal(rig.maxConcurrent(), 1, 'never two turns at once');
    const turns = rig.session.current.turns;
    assert.equal(turns.at(-1)?.prompt, 'Last question.');
    assert.equal(turns.at(-1)?.outcome, 'complete');
    assert.ok(turns.slice(0, -1).every((t) => t.outcome !== 'streaming'));
    assert.ok(!turns.some((t) => t.id === first && t !== turns[0]));
    assert.equal(turns.filter((t) => t.outcome === 'streaming').length, 0);
  });

  it('Continue for a turn that is no longer the last is ignored', async () => {
    rig = sessionRig(sim.url);
    await rig.session.send('One.');
    await rig.settled(1);
    const stale = rig.session.current.turns[0].id;
    await rig.session.send('Two.');
    await rig.settled(2);
    await rig.session.continue(stale);
    await rig.settled(2);
    assert.deepEqual(
      rig.session.current.turns.map((t) => t.prompt),
      ['One.', 'Two.'],
    );
  });
});

describe('chat session: reopening after a reload (#6)', function () {
  this.timeout(30_000);
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ tokensPerSecond: 5_000, firstTokenDelayMs: 0 });
  });
  after(() => sim.close());

  it('reopens the conversation this window had open, not the newest one', async () => {
    const dir = tempStorage();
    const remembered = new Map<string, string>();
    const memory = (name: string) => ({
      get: () => remembered.get(name),
      set: (id: string) => void remembered.set(name, id),
    });
    const a = sessionRig(sim.url, { dir, memory: memory('window A') });
    await a.session.send('The conversation open in window A.');
    await a.settled(1);
    const openInA = a.session.current.id;
    await a.dispose();
    // Another window writes a newer conversation afterwards.
    const b = sessionRig(sim.url, { dir, memory: memory('window B') });
    await b.session.send('A newer conversation from window B.');
    await b.settled(1);
    await b.dispose();

    const reloaded = sessionRig(sim.url, { dir, memory: memory('window A') });
    await reloaded.session.restore();
    assert.equal(reloaded.session.current.id, openInA);
    await reloaded.session.newChat();
    const fresh = reloaded.session.current.id;
    await reloaded.dispose();

    // A new chat that was never sent stays a new chat after a reload.
    const again = sessionRig(sim.url, { dir, memory: memory('window A') });
    await again.session.restore();
    assert.equal(again.session.current.turns.length, 0);
    assert.notEqual(again.session.current.id, openInA);
    assert.equal(remembered.get('window A'), fresh);
    await again.dispose();

    // A window that remembers nothing (first start) opens the newest.
    const first = sessionRig(sim.url, { dir, memory: memory('window C') });
    await first.session.restore();
    assert.equal(first.session.current.turns[0]?.prompt, 'A newer conversation from window B.');
    await first.dispose();
  });
});
