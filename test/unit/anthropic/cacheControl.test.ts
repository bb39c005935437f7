import assert from 'node:assert/strict';
import { applyCaching } from '../../../src/anthropic/cacheControl';
import { resolveModel } from '../../../src/anthropic/models';
import { buildRequest } from '../../../src/anthropic/requestBuilder';
import type { MessageCreateParams, MessageParam } from '../../../src/anthropic/types';

const caps = resolveModel('claude-opus-5-5');
const history: MessageParam[] = [
  { role: 'user', content: 'First question' },
  { role: 'assistant', content: [{ type: 'text', text: 'First answer' }] },
  { role: 'user', content: 'Second question' },
];
const body = (): MessageCreateParams => ({
  model: 'claude-opus-5-5',
  max_tokens: 100,
  system: 'Be brief.',
  messages: history.map((m) => ({ ...m })),
});

describe('prompt-cache breakpoints', () => {
  it('chat default: one top-level cache_control, history and system sent untouched', () => {
    const built = buildRequest({ model: 'claude-opus-5-5', maxTokens: 100 }, caps, history, 'Be brief.');
    assert.deepEqual(built.body.cache_control, { type: 'ephemeral' });
    assert.equal(built.body.system, 'Be brief.');
    assert.deepEqual(built.body.messages, history);
    assert.ok(!JSON.stringify(built.body.messages).includes('cache_control'));
  });

  it('puts system and history before the per-turn fields in the body', () => {
    const built = buildRequest(
      { model: 'claude-opus-5-5', maxTokens: 100, previousMessageId: 'msg_1' },
      caps,
      history,
      'S',
    );
    assert.deepEqual(Object.keys(built.body).slice(0, 4), ['model', 'max_tokens', 'system', 'messages']);
    assert.deepEqual(built.body.diagnostics, { previous_message_id: 'msg_1' });
  });

  it('asks for diagnostics with null on a first turn, and not at all when unset', () => {
    const first = buildRequest(
      { model: 'claude-opus-5-5', maxTokens: 100, previousMessageId: null },
      caps,
      history,
    );
    assert.deepEqual(first.body.diagnostics, { previous_message_id: null });
    assert.equal(
      buildRequest({ model: 'claude-opus-5-5', maxTokens: 100 }, caps, history).body.diagnostics,
      undefined,
    );
  });

  it('a 1h TTL says so; the 5m default stays implicit', () => {
    const built = buildRequest({ model: 'claude-opus-5-5', maxTokens: 100, cacheTtl: '1h' }, caps, history);
    assert.deepEqual(built.body.cache_control, { type: 'ephemeral', ttl: '1h' });
  });

  it('off sends no marker anywhere', () => {
    const b = applyCaching(body(), 'off');
    assert.ok(!JSON.stringify(b).includes('cache_control'));
  });

  it('system (refactors): one breakpoint on the last system block, nothing on messages', () => {
    const b = applyCaching(body(), 'system', '1h');
    assert.deepEqual(b.system, [
      { type: 'text', text: 'Be brief.', cache_control: { type: 'ephemeral', ttl: '1h' } },
    ]);
    assert.equal(b.cache_control, undefined);
    assert.ok(!JSON.stringify(b.messages).includes('cache_control'));
    const blocks = applyCaching(
      {
        ...body(),
        system: [
          { type: 'text', text: 'A' },
          { type: 'text', text: 'B' },
        ],
      },
      'system',
    );
    assert.deepEqual(blocks.system, [
      { type: 'text', text: 'A' },
      { type: 'text', text: 'B', cache_control: { type: 'ephemeral' } },
    ]);
  });

  it('breakpoints: the last system block and the last user turn, every string turn in block form', () => {
    const b = applyCaching(body(), 'breakpoints');
    assert.deepEqual(b.messages, [
      { role: 'user', content: [{ type: 'text', text: 'First question' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'First answer' }] },
      {
        role: 'user',
        content: [{ type: 'text', text: 'Second question', cache_control: { type: 'ephemeral' } }],
      },
    ]);
    assert.equal(
      JSON.stringify(b).split('cache_control').length - 1,
      2,
      'two breakpoints of the four allowed',
    );
    assert.equal(b.cache_control, undefined);
  });

  it('without a system prompt there is no system breakpoint to place', () => {
    const { system: _s, ...rest } = body();
    const b = applyCaching(rest, 'system');
    assert.equal(b.system, undefined);
  });
});
