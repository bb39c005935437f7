import * as assert from 'node:assert/strict';
import type { ContentBlock, Message } from '../../../src/anthropic/types';
import { REDACTED_THINKING_TRIGGER } from '../../simulator/plan';
import { type Simulator, startSimulator } from '../../simulator/server';
import { Signer } from '../../simulator/signatures';
import { FAST_TEST_SETTINGS, errorOf, post, stream, userTurn } from './helpers';

const THINK = { thinking: { type: 'adaptive' }, stream: false };

async function firstTurn(
  sim: Simulator,
  prompt: string,
  extra: Record<string, unknown> = {},
): Promise<Message> {
  const res = await post(sim, '/v1/messages', { body: userTurn(prompt, { ...THINK, ...extra }) });
  assert.equal(res.status, 200);
  return (await res.json()) as Message;
}

function secondTurn(content: ContentBlock[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return userTurn('', {
    ...THINK,
    ...extra,
    messages: [
      { role: 'user', content: 'Explain closures in JavaScript' },
      { role: 'assistant', content },
      { role: 'user', content: 'And in Python?' },
    ],
  });
}

describe('simulator: thinking signatures', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator(FAST_TEST_SETTINGS);
  });
  after(() => sim.close());

  it('accepts thinking blocks sent back unmodified (streamed and JSON)', async () => {
    const json = await firstTurn(sim, 'Explain closures in JavaScript');
    assert.equal((await post(sim, '/v1/messages', { body: secondTurn(json.content) })).status, 200);
    const streamed = await stream(sim, {
      body: userTurn('Explain closures in JavaScript', { thinking: { type: 'adaptive' } }),
    });
    let thinking = '';
    let signature = '';
    for (const e of streamed.events) {
      if (e.type !== 'content_block_delta' || e.index !== 0) continue;
      if (e.delta.type === 'thinking_delta') thinking += (e.delta as { thinking: string }).thinking;
      if (e.delta.type === 'signature_delta') signature = (e.delta as { signature: string }).signature;
    }
    const res = await post(sim, '/v1/messages', {
      body: secondTurn([
        { type: 'thinking', thinking, signature },
        { type: 'text', text: 'x' },
      ]),
    });
    assert.equal(res.status, 200);
  });

  it('mentions the turn number in later answers', async () => {
    const json = await firstTurn(sim, 'Explain closures in JavaScript');
    const res = await post(sim, '/v1/messages', { body: secondTurn(json.content) });
    const m = (await res.json()) as Message;
    assert.match((m.content[1] as { text: string }).text, /turn 2/);
  });

  it('accepts an omitted-display block (empty thinking, valid signature)', async () => {
    const json = await firstTurn(sim, 'Explain closures in JavaScript', {
      thinking: { type: 'adaptive', display: 'omitted' },
    });
    assert.equal((json.content[0] as { thinking: string }).thinking, '');
    assert.equal((await post(sim, '/v1/messages', { body: secondTurn(json.content) })).status, 200);
  });

  it('refuses a thinking block whose text was modified', async () => {
    const json = await firstTurn(sim, 'Explain closures in JavaScript');
    const [thinking, ...rest] = json.content as [{ type: 'thinking'; thinking: string; signature: string }];
    const tampered = [{ ...thinking, thinking: `${thinking.thinking} (edited)` }, ...rest];
    const res = await post(sim, '/v1/messages', { body: secondTurn(tampered) });
    assert.equal(res.status, 400);
    const err = await errorOf(res);
    assert.equal(err.type, 'invalid_request_error');
    assert.match(err.message, /messages\.1\.content\.0.*signature.*thinking/);
  });

  it('refuses a missing signature, a foreign signature and garbage', async () => {
    const json = await firstTurn(sim, 'Explain closures in JavaScript');
    const thinking = json.content[0] as { type: 'thinking'; thinking: string; signature: string };
    const foreign = new Signer('another-server').signThinking(thinking.thinking);
    for (const signature of ['', foreign, 'bm90IGEgc2lnbmF0dXJl', thinking.signature.slice(0, -4)]) {
      const res = await post(sim, '/v1/messages', {
        body: secondTurn([{ ...thinking, signature }, json.content[1]]),
      });
      assert.equal(res.status, 400, `signature ${signature.slice(0, 12)}`);
      assert.match((await errorOf(res)).message, /signature/);
    }
  });

  it('returns a verifiable redacted_thinking block on the magic string', async () => {
    const { events } = await stream(sim, {
      body: userTurn(`Think about this: ${REDACTED_THINKING_TRIGGER}`, { thinking: { type: 'adaptive' } }),
    });
    const start = events.find((e) => e.type === 'content_block_start' && e.index === 0);
    assert.ok(start && start.type === 'content_block_start');
    const block = start.content_block as { type: string; data: string };
    assert.equal(block.type, 'redacted_thinking');
    assert.ok(block.data.length > 40);
    assert.equal(
      events.filter((e) => e.type === 'content_block_delta' && e.index === 0).length,
      0,
      'no deltas for redacted',
    );
    const text = events
      .filter((e) => e.type === 'content_block_delta' && e.index === 1)
      .map((e) => (e.type === 'content_block_delta' ? (e.delta as { text: string }).text : ''))
      .join('');
    assert.ok(!text.includes(REDACTED_THINKING_TRIGGER));

    const back = [block, { type: 'text', text }] as ContentBlock[];
    assert.equal((await post(sim, '/v1/messages', { body: secondTurn(back) })).status, 200);
    const forged = [
      { type: 'redacted_thinking', data: `${block.data.slice(0, 10)}AAAA${block.data.slice(14)}` },
      back[1],
    ] as ContentBlock[];
    const res = await post(sim, '/v1/messages', { body: secondTurn(forged) });
    assert.equal(res.status, 400);
    assert.match((await errorOf(res)).message, /redacted_thinking/);
  });

  it('keeps signatures valid across a restart with the same secret, not with another', async () => {
    const json = await firstTurn(sim, 'Explain closures in JavaScript');
    const same = await startSimulator(FAST_TEST_SETTINGS);
    const other = await startSimulator({ ...FAST_TEST_SETTINGS, signingSecret: 'different' });
    try {
      assert.equal((await post(same, '/v1/messages', { body: secondTurn(json.content) })).status, 200);
      assert.equal((await post(other, '/v1/messages', { body: secondTurn(json.content) })).status, 400);
    } finally {
      await same.close();
      await other.close();
    }
  });
});
