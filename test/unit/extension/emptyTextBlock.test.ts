// Issue 10 #3: a stop or drop between a text block's start and its first delta must not poison the
// conversation. Against the simulator, which refuses empty text blocks and non-alternating roles
// as the API does: the next turn and a Regenerate both succeed, and a conversation stored by an
// older version with empty text blocks is repaired on load.

import * as assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveModel } from '../../../src/anthropic/models';
import { newConversation, type Conversation, type Turn } from '../../../src/extension/chat/conversation';
import { repairConversation } from '../../../src/extension/chat/conversationRepair';
import { ConversationStore } from '../../../src/extension/chat/conversationStore';
import { runTurn, type TurnSettings } from '../../../src/extension/chat/turnRunner';
import type { HostMessage } from '../../../src/shared/protocol';
import { pushTurn, turnSettings, useTurnBench } from './turnKit';

const settings: TurnSettings = { ...turnSettings, thinkingMode: 'off' };

const hasEmptyText = (t: Turn): boolean =>
  t.content.some((b) => b.type === 'text' && (b as { text: string }).text.trim() === '');

describe('an empty text block does not poison the conversation', function () {
  this.timeout(20_000);
  const bench = useTurnBench();
  beforeEach(() => bench.sim.configure({ fault: null }));

  async function ask(
    c: Conversation,
    prompt: string,
    s: Partial<TurnSettings> = {},
    onPost: (m: HostMessage) => void = () => undefined,
    signal = new AbortController().signal,
  ): Promise<Turn> {
    const turn = pushTurn(c, prompt);
    const merged = { ...settings, ...s };
    await runTurn(
      c,
      turn,
      {
        client: bench.client,
        caps: resolveModel(merged.model),
        settings: merged,
        simulator: true,
        post: onPost,
      },
      signal,
    );
    return turn;
  }

  /** What the session's Regenerate does: drop the last turn, run its prompt again. */
  async function regenerate(c: Conversation): Promise<Turn> {
    const last = c.turns.pop();
    assert.ok(last);
    return ask(c, last.prompt);
  }

  async function assertConversationContinues(c: Conversation): Promise<void> {
    const next = await ask(c, 'And a follow-up question about the same topic, please.');
    assert.equal(next.outcome, 'complete', next.error?.message);
    const again = await regenerate(c);
    assert.equal(again.outcome, 'complete', again.error?.message);
    assert.equal(bench.sim.requests.at(-1)?.status, 200);
  }

  it('a connection drop right after the text block starts: nothing empty stored, the next turn and Regenerate succeed', async () => {
    const c = newConversation('conv-drop', settings.model);
    bench.sim.configure({ fault: 'drop;after=2;times=1' });
    const t1 = await ask(c, 'Explain how a hash map works in a few sentences.');
    assert.equal(t1.outcome, 'interrupted');
    assert.equal(hasEmptyText(t1), false, JSON.stringify(t1.content));
    await assertConversationContinues(c);
  });

  it('Stop right after the text block starts: nothing empty stored, the next turn and Regenerate succeed', async () => {
    const c = newConversation('conv-stop', settings.model);
    bench.sim.configure({ fault: 'stall;after=2;times=1' });
    const abort = new AbortController();
    const t1 = await ask(
      c,
      'Explain how a binary search works in a few sentences.',
      {},
      (m) => {
        if (m.type === 'delta' && m.ops.some((o) => o.op === 'start' && o.kind === 'text')) abort.abort();
      },
      abort.signal,
    );
    assert.equal(t1.outcome, 'stopped');
    assert.equal(hasEmptyText(t1), false, JSON.stringify(t1.content));
    await assertConversationContinues(c);
  });

  it('a conversation stored with empty text blocks (after thinking, and alone) is repaired on load and continues', async () => {
    const c = newConversation('conv-stored', settings.model);
    const t1 = await ask(c, 'Explain closures in JavaScript briefly.', { thinkingMode: 'adaptive' });
    const t2 = await ask(c, 'Explain closures in Python briefly.');
    assert.equal(t1.outcome, 'complete', t1.error?.message);
    assert.equal(t2.outcome, 'complete', t2.error?.message);
    // What an older version stored after a stop: thinking kept, the answer block empty; and a lone
    // whitespace-only block.
    t1.content = t1.content.map((b) => (b.type === 'text' ? { ...b, text: '' } : b));
    t2.content = [{ type: 'text', text: ' \n' }];
    const dir = await mkdtemp(join(tmpdir(), 'thinkfast-repair-'));
    try {
      const store = new ConversationStore(dir);
      await store.save(c);
      const loaded = await store.load(c.id);
      assert.ok(loaded);
      assert.equal(loaded.turns.some(hasEmptyText), false);
      await assertConversationContinues(loaded);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('repairConversation keeps thinking durations with their blocks and returns clean conversations as they are', () => {
    const c = newConversation('conv-pure', settings.model);
    c.turns.push({
      id: 't1',
      prompt: 'p',
      attachments: [],
      outcome: 'stopped',
      content: [
        { type: 'text', text: '' },
        { type: 'thinking', thinking: 'hm', signature: 's' },
        { type: 'text', text: 'answer' },
      ],
      thinkingMs: { 1: 1200 },
    });
    const repaired = repairConversation(c);
    assert.deepEqual(
      repaired.turns[0]?.content.map((b) => b.type),
      ['thinking', 'text'],
    );
    assert.deepEqual(repaired.turns[0]?.thinkingMs, { 0: 1200 });
    assert.equal(c.turns[0]?.content.length, 3, 'the input is not modified');
    assert.equal(repairConversation(repaired), repaired);
  });
});
