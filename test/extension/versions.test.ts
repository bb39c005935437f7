// Versions in a real extension host against the simulator: Regenerate and editing a prompt keep the
// earlier versions, the pager's choice is what the next request sends as history, and the choice
// survives a reload from disk.

import * as assert from 'node:assert/strict';
import type { Envelope, HostMessage } from '../../src/shared/protocol';
import type { Simulator } from '../simulator/server';
import { useSimulator } from './simulatorSession';
import { openChat, type ThinkfastTestApi, fromWebview as post } from './thinkfastExtension';

interface SentBody {
  messages: { role: string; content: unknown }[];
}

describe('conversation versions (extension host)', function () {
  this.timeout(60_000);
  let api: ThinkfastTestApi;
  let session: Awaited<ReturnType<typeof useSimulator>>;
  let sim: Simulator;

  before(async () => {
    session = await useSimulator({ tokensPerSecond: 4000, firstTokenDelayMs: 5 });
    sim = session.sim;
    api = await openChat();
  });
  after(async () => {
    await api.chat.stop();
    await session.stop();
  });
  beforeEach(() => api.chat.newChat());

  /** Posts a message as the webview would, and waits for what it started to finish. */
  async function fromWebview(message: unknown): Promise<void> {
    post(api, message);
    await new Promise((r) => setTimeout(r, 50));
    await api.chat.idle();
  }
  const lastBody = (): SentBody => sim.requests[sim.requests.length - 1].body as SentBody;
  const answerOf = (i: number): string =>
    JSON.stringify(api.chat.current.turns[i].content.filter((b) => b.type === 'text'));

  it('Regenerate keeps the first answer as version 1 of 2, and the chosen one is sent back', async () => {
    await api.chat.send('Name a sorting algorithm.');
    await api.chat.idle();
    const firstAnswer = answerOf(0);
    await fromWebview({ type: 'regenerate' });
    const regenerated = api.chat.current.turns[0];
    assert.equal(regenerated.outcome, 'complete');
    const posted: HostMessage[] = [];
    const sub = api.chatView.onDidPost((m) => posted.push(m));
    try {
      await fromWebview({ type: 'switchVersion', turnId: regenerated.id, index: 0 });
      await api.chatView.whenDelivered(); // onDidPost fires once the view confirms delivery
    } finally {
      sub.dispose();
    }
    assert.equal(answerOf(0), firstAnswer, 'version 1 is the first answer again');
    const shown = posted.find((m) => m.type === 'conversation');
    assert.ok(shown && shown.type === 'conversation', 'the view was given the chosen version');
    assert.deepEqual(shown.turns[0]?.version, { index: 0, count: 2 });

    await api.chat.send('And its complexity?');
    await api.chat.idle();
    const sent = lastBody().messages;
    assert.equal(sent.length, 3);
    assert.equal(
      JSON.stringify((sent[1].content as { type: string }[]).filter((b) => b.type === 'text')),
      firstAnswer,
    );
  });

  it('editing an earlier prompt forks from there; switching back restores the later turns, also from disk', async () => {
    await api.chat.send('What is a heap?');
    await api.chat.idle();
    await api.chat.send('Show one in Python.');
    await api.chat.idle();
    const [first] = api.chat.current.turns;
    await fromWebview({ type: 'editPrompt', turnId: first.id, text: 'What is a stack?' });
    let turns = api.chat.current.turns;
    assert.deepEqual(
      turns.map((t) => t.prompt),
      ['What is a stack?'],
    );
    assert.deepEqual(lastBody().messages, [{ role: 'user', content: 'What is a stack?' }]);

    await fromWebview({ type: 'switchVersion', turnId: turns[0].id, index: 0 });
    turns = api.chat.current.turns;
    assert.deepEqual(
      turns.map((t) => t.prompt),
      ['What is a heap?', 'Show one in Python.'],
    );
    const stored = await api.store.load(api.chat.current.id);
    assert.deepEqual(
      stored?.turns.map((t) => t.prompt),
      ['What is a heap?', 'Show one in Python.'],
      'the choice was saved',
    );
    assert.equal(stored?.turns[0].versions?.others[0]?.[0]?.prompt, 'What is a stack?');
  });

  it('a long conversation reaches the view in pages, and a turn the view never loaded can be edited', async () => {
    await api.chat.send('Name a data structure.');
    await api.chat.idle();
    // Thirty turns, each a copy of the real one (its answer and signature) under its own id.
    const c = api.chat.current;
    const [real] = c.turns;
    c.turns = Array.from({ length: 30 }, (_, i) => ({ ...structuredClone(real), id: `${real.id}-${i}` }));
    const all = c.turns.map((t) => t.id);
    const posted: Envelope<HostMessage>[] = [];
    const sub = api.chatView.onDidPostEnvelope((e) => posted.push(e));
    const arrived = async (match: (e: Envelope<HostMessage>) => boolean): Promise<Envelope<HostMessage>> => {
      for (let i = 0; i < 100; i++) {
        await api.chatView.whenDelivered();
        const found = posted.find(match);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 50));
      }
      assert.fail('the host did not answer');
    };
    try {
      post(api, { type: 'resync' });
      const opening = (await arrived((e) => e.body.type === 'conversation')).body;
      assert.ok(opening.type === 'conversation');
      assert.deepEqual(
        opening.turns.map((t) => t.id),
        all.slice(10),
      );
      assert.deepEqual(
        opening.earlier?.map((t) => t.id),
        all.slice(0, 10),
      );
      const asked = post(api, { type: 'loadTurns', conversationId: c.id, beforeTurnId: all[10], count: 20 });
      const answer = await arrived((e) => e.replyTo === asked);
      assert.ok(answer.body.type === 'turns');
      assert.deepEqual(
        answer.body.turns.map((t) => t.id),
        all.slice(0, 10),
      );
      assert.ok(
        answer.body.turns[3].blocks.some((b) => b.kind === 'text'),
        'in full',
      );
    } finally {
      sub.dispose();
    }
    // Turn 4 was only ever a stub in the view; the host has it, so editing it forks there.
    await fromWebview({ type: 'editPrompt', turnId: all[3], text: 'Name a tree.' });
    const turns = api.chat.current.turns;
    assert.equal(turns.length, 4);
    assert.equal(turns[3].prompt, 'Name a tree.');
    assert.equal(lastBody().messages.length, 7, 'three earlier exchanges and the edited prompt');
    await fromWebview({ type: 'switchVersion', turnId: turns[3].id, index: 0 });
    assert.deepEqual(
      api.chat.current.turns.map((t) => t.id),
      all,
      'the old version is all there',
    );
  });
});
