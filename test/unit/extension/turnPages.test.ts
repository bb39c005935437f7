// The host's side of long conversations in pages: the `conversation` message carries the last
// turns in full and stubs before them; `turns` pages answer `loadTurns` from the whole conversation.
import * as assert from 'node:assert/strict';
import type { Conversation, Turn } from '../../../src/extension/chat/conversation';
import { newConversation } from '../../../src/extension/chat/conversation';
import { conversationMessage, turnsPage, type Running } from '../../../src/extension/chat/sessionTurn';
import { forkAt } from '../../../src/extension/chat/versions';
import { turnView } from '../../../src/extension/chat/views';
import type { FooterView, HostMessage } from '../../../src/shared/protocol';
import { pageBefore, splitForOpening, turnsInFull } from '../../../src/shared/turnPages';

const footer = (costUsd?: number, estimated?: boolean): FooterView => ({
  model: 'claude-opus-4-6',
  speed: 'standard',
  fellBack: false,
  inputTokens: 10,
  outputTokens: 20,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
  ...(costUsd === undefined ? {} : { costUsd }),
  ...(estimated ? { estimated } : {}),
  costBreakdown: [],
  simulator: true,
});

function turn(i: number): Turn {
  return {
    id: `t${i}`,
    prompt: `prompt ${i}`,
    attachments: [],
    content: [{ type: 'text', text: `answer ${i}` }],
    outcome: 'complete',
    footer: footer(i / 100),
  };
}

function conversation(n: number): Conversation {
  const c = newConversation('c1', 'claude-opus-4-6');
  c.turns = Array.from({ length: n }, (_, i) => turn(i));
  return c;
}

type Opening = Extract<HostMessage, { type: 'conversation' }>;
type Page = Extract<HostMessage, { type: 'turns' }>;
const ids = (xs: readonly { id: string }[]) => xs.map((x) => x.id);
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `t${from + i}`);

describe('long conversations in pages (host side)', () => {
  it('splits off the last turns, and leaves a short conversation whole', () => {
    assert.deepEqual(splitForOpening([1, 2, 3, 4, 5], 2), { earlier: [1, 2, 3], recent: [4, 5] });
    assert.deepEqual(splitForOpening([1, 2], 5), { earlier: [], recent: [1, 2] });
    assert.deepEqual(splitForOpening([], 5), { earlier: [], recent: [] });
  });

  it('opens with the last turns in full and every older one as a stub with its cost', () => {
    const c = conversation(100);
    c.turns[3].footer = footer(undefined);
    c.turns[4].footer = footer(0.5, true);
    delete c.turns[5].footer;
    const m = conversationMessage(c, undefined) as Opening;
    assert.deepEqual(ids(m.turns), range(100 - turnsInFull, 100));
    assert.deepEqual(m.turns, c.turns.slice(100 - turnsInFull).map(turnView));
    assert.deepEqual(ids(m.earlier!), range(0, 100 - turnsInFull));
    assert.deepEqual(m.earlier![2], { id: 't2', cost: { usd: 0.02 } });
    assert.deepEqual(m.earlier![3], { id: 't3', cost: {} }, 'a price nobody knows stays unknown');
    assert.deepEqual(m.earlier![4], { id: 't4', cost: { usd: 0.5, estimated: true } });
    assert.deepEqual(m.earlier![5], { id: 't5' }, 'no footer, no cost');
    assert.ok(!('prompt' in m.earlier![0]), 'stubs carry no content');
  });

  it('sends a conversation of up to the limit whole, without stubs', () => {
    const m = conversationMessage(conversation(turnsInFull), undefined) as Opening;
    assert.equal(m.turns.length, turnsInFull);
    assert.equal('earlier' in m, false);
  });

  it('shows the streaming turn as its live snapshot', () => {
    const c = conversation(30);
    const last = c.turns[29];
    const running = {
      turn: last,
      batcher: {
        snapshot: () => ({ blocks: [{ kind: 'text', text: 'so far', index: 0, open: true }], seq: 7 }),
      },
    } as unknown as Running;
    const m = conversationMessage(c, running) as Opening;
    assert.deepEqual(m.turns.at(-1), {
      ...turnView(last),
      blocks: [{ kind: 'text', text: 'so far', index: 0, open: true }],
      seq: 7,
      outcome: 'streaming',
    });
  });

  it('answers a page with the turns just before the one asked about, in full and in order', () => {
    const c = conversation(100);
    const page = turnsPage(c, 't80', 20, undefined) as Page;
    assert.deepEqual(page, {
      type: 'turns',
      conversationId: 'c1',
      beforeTurnId: 't80',
      turns: c.turns.slice(60, 80).map(turnView),
    });
    assert.deepEqual(ids((turnsPage(c, 't5', 20, undefined) as Page).turns), range(0, 5));
    assert.deepEqual((turnsPage(c, 't0', 20, undefined) as Page).turns, []);
    assert.deepEqual((turnsPage(c, 'gone', 20, undefined) as Page).turns, [], 'a turn no longer here');
    assert.equal(pageBefore(c.turns, 'gone', 3), undefined);
  });

  it('a page carries the versions of a turn that was never loaded', () => {
    const c = conversation(60);
    c.turns = forkAt(c.turns, 10, { ...turn(10), id: 'again', footer: footer(0.2) });
    assert.equal(c.turns.length, 11);
    const page = turnsPage(c, c.turns[10].id, 5, undefined) as Page;
    assert.deepEqual(ids(page.turns), range(5, 10));
    const m = conversationMessage(c, undefined) as Opening;
    assert.deepEqual(m.turns.at(-1)?.version, { index: 1, count: 2 });
  });
});
