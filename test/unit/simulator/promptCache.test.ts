import * as assert from 'node:assert/strict';
import type { Message, Usage } from '../../../src/anthropic/types';
import { type Simulator, startSimulator } from '../../simulator/server';
import { FAST_TEST_SETTINGS, post } from './helpers';

const SYSTEM = 'You are a careful senior engineer who answers briefly. '.repeat(60); // ≈ 840 tokens
type Turn = { role: 'user' | 'assistant'; content: string };
type Reply = Message & { diagnostics: { cache_miss_reason: Record<string, unknown> | null } | null };

describe('simulator: prompt cache and cache diagnostics', () => {
  let sim: Simulator;
  let now = 1_000_000;
  before(async () => {
    sim = await startSimulator({ ...FAST_TEST_SETTINGS, clock: () => now });
  });
  after(() => sim.close());

  async function send(
    extra: Record<string, unknown>,
    messages: Turn[] = [{ role: 'user', content: 'hi' }],
  ): Promise<Reply> {
    const body = {
      model: 'claude-opus-5-5',
      max_tokens: 2_000,
      system: SYSTEM,
      messages,
      cache_control: { type: 'ephemeral' },
      ...extra,
    };
    const res = await post(sim, '/v1/messages', { body });
    assert.equal(res.status, 200, await res.clone().text());
    return (await res.json()) as Reply;
  }
  const usage = async (extra: Record<string, unknown>, messages?: Turn[]): Promise<Usage> =>
    (await send(extra, messages)).usage;

  it('top-level cache_control: the next turn reads the prefix written by the previous one', async () => {
    const t1: Turn[] = [{ role: 'user', content: 'Explain closures' }];
    const first = await usage({ system: `${SYSTEM} A` }, t1);
    assert.ok((first.cache_creation_input_tokens ?? 0) > 500);
    assert.equal(first.cache_read_input_tokens, 0);
    const t2: Turn[] = [
      ...t1,
      { role: 'assistant', content: 'A closure keeps its scope.' },
      { role: 'user', content: 'More?' },
    ];
    const second = await usage({ system: `${SYSTEM} A` }, t2);
    assert.equal(second.cache_read_input_tokens, first.cache_creation_input_tokens);
    assert.ok((second.cache_creation_input_tokens ?? 0) > 0, 'the new turns are written');
  });

  it('separates caches per model, per served speed and per thinking settings', async () => {
    const base = { system: `${SYSTEM} B` };
    await usage(base);
    assert.ok(((await usage(base)).cache_read_input_tokens ?? 0) > 0);
    assert.equal((await usage({ ...base, speed: 'fast' })).cache_read_input_tokens, 0);
    assert.equal((await usage({ ...base, model: 'claude-sonnet-5-5' })).cache_read_input_tokens, 0);
    const summarized = { ...base, thinking: { type: 'adaptive', display: 'summarized' } };
    assert.equal((await usage(summarized)).cache_read_input_tokens, 0);
  });

  it('expires 5m entries after five minutes and 1h entries after an hour, on the given clock', async () => {
    const five = { system: `${SYSTEM} C` };
    const hour = { system: `${SYSTEM} D`, cache_control: { type: 'ephemeral', ttl: '1h' } };
    const created = await usage(hour);
    assert.equal(created.cache_creation?.ephemeral_1h_input_tokens, created.cache_creation_input_tokens);
    assert.equal(created.cache_creation?.ephemeral_5m_input_tokens, 0);
    await usage(five);
    now += 4 * 60_000;
    assert.ok(((await usage(five)).cache_read_input_tokens ?? 0) > 0, 'a read refreshes the 5m entry');
    now += 5 * 60_000 + 1;
    assert.equal((await usage(five)).cache_read_input_tokens, 0);
    assert.ok(((await usage(hour)).cache_read_input_tokens ?? 0) > 0);
    now += 60 * 60_000 + 1;
    assert.equal((await usage(hour)).cache_read_input_tokens, 0);
  });

  it('splits creation by the TTL of each block-level breakpoint', async () => {
    const system = [
      { type: 'text', text: `${SYSTEM} E`, cache_control: { type: 'ephemeral', ttl: '1h' } },
      { type: 'text', text: SYSTEM, cache_control: { type: 'ephemeral' } },
    ];
    const u = await usage({ system, cache_control: undefined });
    const split = u.cache_creation;
    assert.ok((split?.ephemeral_1h_input_tokens ?? 0) > 0 && (split?.ephemeral_5m_input_tokens ?? 0) > 0);
    assert.equal(
      (split?.ephemeral_1h_input_tokens ?? 0) + (split?.ephemeral_5m_input_tokens ?? 0),
      u.cache_creation_input_tokens,
    );
  });

  it('caches nothing below the model minimum (Opus 4.6: 4,096 tokens), without an error', async () => {
    const u = await usage({ model: 'claude-opus-4-6', system: `${SYSTEM} F` });
    assert.equal(u.cache_creation_input_tokens, 0);
    assert.equal(u.cache_read_input_tokens, 0);
    sim.configure({ modelRules: { 'claude-opus-4-6': { minCacheTokens: 0 } } });
    try {
      assert.ok(
        ((await usage({ model: 'claude-opus-4-6', system: `${SYSTEM} F` })).cache_creation_input_tokens ??
          0) > 0,
      );
    } finally {
      sim.configure({ modelRules: null });
    }
  });

  it('diagnostics: why a turn missed the previous one, by previous_message_id', async () => {
    const sys = `${SYSTEM} G`;
    const first = await send({ system: sys, diagnostics: { previous_message_id: null } });
    assert.equal(first.diagnostics, null);
    const reason = async (extra: Record<string, unknown>, messages?: Turn[]): Promise<unknown> =>
      (await send({ system: sys, diagnostics: { previous_message_id: first.id }, ...extra }, messages))
        .diagnostics?.cache_miss_reason ?? null;
    const appended: Turn[] = [
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: 'Hello.' },
      { role: 'user', content: 'Next' },
    ];
    assert.equal(await reason({}, appended), null);
    const model = (await reason({ model: 'claude-sonnet-5-5' })) as {
      type: string;
      cache_missed_input_tokens: number;
    };
    assert.equal(model.type, 'model_changed');
    assert.ok(model.cache_missed_input_tokens > 0);
    assert.equal(((await reason({ speed: 'fast' })) as { type: string }).type, 'model_changed');
    assert.equal(((await reason({ system: `${sys}!` })) as { type: string }).type, 'system_changed');
    assert.equal(
      ((await reason({}, [{ role: 'user', content: 'edited' }])) as { type: string }).type,
      'messages_changed',
    );
    assert.equal(
      ((await reason({ thinking: { type: 'adaptive', display: 'summarized' } })) as { type: string }).type,
      'unavailable',
    );
    const lost = await send({ diagnostics: { previous_message_id: 'msg_never_seen' } });
    assert.deepEqual(lost.diagnostics, { cache_miss_reason: { type: 'previous_message_not_found' } });
    assert.equal((await send({})).diagnostics, null, 'null when not asked for');
  });
});
