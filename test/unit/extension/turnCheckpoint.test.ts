// Issue 10 #4 in plain Node: a streaming turn is checkpointed (bounded), so what arrived survives a
// host that dies; suspending (deactivate, window closing) saves it once more as interrupted; and a
// stored `streaming` turn loads as interrupted, with Continue and Retry.

import * as assert from 'node:assert/strict';
import type { Conversation, Turn } from '../../../src/extension/chat/conversation';
import { ConversationStore, type SaveResult } from '../../../src/extension/chat/conversationStore';
import { startSimulator, type Simulator } from '../../simulator/server';
import { sessionRig, tempStorage } from './sessionKit';

class CountingStore extends ConversationStore {
  saves = 0;
  override save(c: Conversation): Promise<SaveResult> {
    this.saves += 1;
    return super.save(c);
  }
}

const textOf = (t: Turn | undefined): string =>
  (t?.content ?? []).map((b) => (b.type === 'text' ? b.text : '')).join('');

async function until(probe: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('turn checkpoints', function () {
  this.timeout(30_000);
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ tokensPerSecond: 400, firstTokenDelayMs: 0, pingIntervalMs: 1_000 });
  });
  after(() => sim.close());

  it('saves the partial answer while it streams, and a reader sees it as interrupted', async () => {
    const dir = tempStorage();
    const store = new CountingStore(dir);
    const rig = sessionRig(sim.url, { dir, store, checkpointMs: 200 });
    try {
      await rig.session.send('An essay on parsers, please. [sim:long tokens=3000]');
      const id = rig.session.current.id;
      const other = new ConversationStore(dir); // another window, or the next start after a crash
      await until(async () => textOf((await other.load(id))?.turns[0]).length > 20);
      const seen = (await other.load(id))?.turns[0];
      assert.equal(seen?.outcome, 'interrupted', 'a stored streaming turn loads as interrupted');
      assert.deepEqual(seen?.error?.actions, ['continue', 'retry']);
      assert.equal(rig.session.current.turns[0].outcome, 'streaming', 'still streaming here');

      const savesBefore = store.saves;
      await new Promise((r) => setTimeout(r, 1_000));
      const during = store.saves - savesBefore;
      assert.ok(during >= 2 && during <= 6, `about one save per 200 ms, not per delta (${during})`);

      await rig.session.suspend();
      const suspended = (await other.load(id))?.turns[0];
      assert.equal(suspended?.outcome, 'interrupted');
      assert.ok(textOf(suspended).length >= textOf(seen).length, 'the last checkpoint has the most');
      await rig.session.idle();
      await store.flush();
      const later = (await other.load(id))?.turns[0];
      assert.equal(later?.outcome, 'interrupted', 'the stop that follows does not overwrite it as stopped');
      assert.equal(textOf(later), textOf(suspended));
    } finally {
      await rig.dispose();
    }
  });

  it('stops checkpointing when the turn ends: the final save is the complete turn', async () => {
    const dir = tempStorage();
    const rig = sessionRig(sim.url, { dir, checkpointMs: 50 });
    try {
      await rig.session.send('A short one.');
      await rig.settled(1);
      await new Promise((r) => setTimeout(r, 200));
      await rig.store.flush();
      const saved = await new ConversationStore(dir).load(rig.session.current.id);
      assert.equal(saved?.turns[0].outcome, 'complete');
      assert.equal(saved?.turns[0].error, undefined);
      assert.equal(textOf(saved?.turns[0]), textOf(rig.session.current.turns[0]));
    } finally {
      await rig.dispose();
    }
  });
});
