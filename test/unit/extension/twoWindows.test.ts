// Issue 10 #5 in plain Node: two windows are two stores (and sessions) on one storage folder. A
// conversation continued in both loses no turn in either: a save merges the other window's new
// turns instead of overwriting them, a regenerated turn stays replaced, and a window that acts
// after the other one wrote takes its turns in first.

import * as assert from 'node:assert/strict';
import { mergeTurns } from '../../../src/extension/chat/conversationMerge';
import { newConversation, newTurn, type Conversation } from '../../../src/extension/chat/conversation';
import { ConversationStore } from '../../../src/extension/chat/conversationStore';
import { startSimulator, type Simulator } from '../../simulator/server';
import { sessionRig, tempStorage } from './sessionKit';

const ids = (c: Conversation | undefined): string[] => (c?.turns ?? []).map((t) => t.prompt);

function turn(prompt: string) {
  return { ...newTurn(prompt), outcome: 'complete' as const };
}

describe('two windows, one history: the store merges', () => {
  it('keeps the other window’s new turns in their place, and not the ones this store removed', () => {
    const [a, b, c, d, e] = ['a', 'b', 'c', 'd', 'e'].map(turn);
    const seen = new Set([a.id, b.id, c.id]);
    // Both windows had [a, b]; the other appended d; we replaced b's successor c by e.
    assert.deepEqual(
      mergeTurns([a, b, e], [a, b, c, d], seen).map((t) => t.prompt),
      ['a', 'b', 'd', 'e'],
    );
    const same = [a, b];
    assert.equal(mergeTurns(same, [a], seen), same, 'nothing new: the same array');
  });

  it('two stores on one folder: neither save loses the other’s turn; newer never replaced by older', async () => {
    const dir = tempStorage();
    const w1 = new ConversationStore(dir);
    const w2 = new ConversationStore(dir);
    const c1 = newConversation('x-1', 'claude-opus-4-6');
    c1.turns.push(turn('first'));
    await w1.save(c1);
    const c2 = await w2.load('x-1');
    assert.ok(c2);
    c1.turns.push(turn('from window 1'));
    await w1.save(c1);
    c2.turns.push(turn('from window 2')); // window 2 never saw window 1's second turn
    const result = await w2.save(c2);
    assert.deepEqual(ids(result.merged), ['first', 'from window 1', 'from window 2']);
    assert.deepEqual(ids(await new ConversationStore(dir).load('x-1')), [
      'first',
      'from window 1',
      'from window 2',
    ]);
    // Window 1 saves its (older) view again: window 2's turn stays.
    c1.title = 'Renamed in window 1';
    await w1.save(c1);
    assert.deepEqual(ids(await new ConversationStore(dir).load('x-1')), [
      'first',
      'from window 1',
      'from window 2',
    ]);
    // Window 1 notices window 2's write before its next turn.
    const elsewhere = await w1.changedElsewhere('x-1');
    assert.equal(elsewhere, undefined, 'window 1 wrote last, after merging: nothing new');
    await w2.save({ ...c2, turns: [...c2.turns, turn('again from window 2')] });
    assert.deepEqual(ids(await w1.changedElsewhere('x-1')).at(-1), 'again from window 2');
  });
});

describe('two windows, one history: two sessions', function () {
  this.timeout(30_000);
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ tokensPerSecond: 5_000, firstTokenDelayMs: 0 });
  });
  after(() => sim.close());

  it('a conversation continued in both windows keeps every turn, in both', async () => {
    const dir = tempStorage();
    const one = sessionRig(sim.url, { dir });
    const two = sessionRig(sim.url, { dir });
    try {
      await one.session.send('Asked in window one.');
      await one.settled(1);
      const id = one.session.current.id;
      assert.equal(await two.session.open(id), true);

      await one.session.send('Window one again.');
      await one.settled(2);
      // Window two sends without having seen window one's second turn: it takes it in first.
      await two.session.send('Then window two.');
      await two.settled(1);
      assert.deepEqual(ids(two.session.current), [
        'Asked in window one.',
        'Window one again.',
        'Then window two.',
      ]);
      const body = sim.requests.at(-1)?.body as { messages: { role: string }[] };
      assert.equal(body.messages.length, 5, 'window two’s request carried window one’s turn');

      // Both stream at once: each save keeps the other's turn.
      await Promise.all([one.session.send('Both at once: one.'), two.session.send('Both at once: two.')]);
      await Promise.all([one.settled(3), two.settled(2)]);
      const onDisk = await new ConversationStore(dir).load(id);
      for (const p of ['Both at once: one.', 'Both at once: two.', 'Then window two.', 'Window one again.'])
        assert.ok(ids(onDisk).includes(p), `${p} is on disk: ${ids(onDisk).join(' | ')}`);
      const last = ids(onDisk);
      // The window that saved last has every turn; the other takes them in before its next turn.
      await one.session.send('Window one, finally.');
      await one.settled(4);
      for (const p of last) assert.ok(ids(one.session.current).includes(p), `window one has ${p}`);
      assert.equal(ids(await new ConversationStore(dir).load(id)).length, last.length + 1);
    } finally {
      await one.dispose();
      await two.dispose();
    }
  });
});
