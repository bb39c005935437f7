import * as assert from 'node:assert/strict';
import { type Simulator, startSimulator } from '../../simulator/server';
import { FAST_TEST_SETTINGS, KEY, errorOf, post, userTurn } from './helpers';

const V2026 = { 'anthropic-version': '2026-10-21' };
const short = (extra: Record<string, unknown> = {}): Record<string, unknown> =>
  userTurn('hi', { stream: false, ...extra });

describe('simulator: API versions, auth and /v1/models lifecycle', () => {
  let sim: Simulator;
  const get = (path: string, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${sim.url}${path}`, { headers: { authorization: `Bearer ${KEY}`, ...V2026, ...headers } });
  before(async () => {
    sim = await startSimulator({ ...FAST_TEST_SETTINGS, apiKeys: [KEY] });
  });
  after(() => sim.close());

  it('on 2026-10-21 refuses any sampling parameter, even at its default', async () => {
    for (const [key, value] of [
      ['temperature', 1],
      ['top_p', 0.99],
      ['top_k', 5],
    ] as const) {
      const res = await post(sim, '/v1/messages', {
        body: short({ model: 'claude-opus-4-5', [key]: value }),
        headers: V2026,
      });
      assert.equal(res.status, 400);
      assert.equal((await errorOf(res)).message, `${key}: Extra inputs are not permitted`);
    }
    const plain = await post(sim, '/v1/messages', { body: short(), headers: V2026 });
    assert.equal(plain.status, 200);
  });

  it('on 2023-06-01 applies per-model sampling rules', async () => {
    const status = async (extra: Record<string, unknown>): Promise<[number, string]> => {
      const res = await post(sim, '/v1/messages', { body: short(extra) });
      return [res.status, res.status === 200 ? '' : (await errorOf(res)).message];
    };
    assert.deepEqual(await status({ model: 'claude-sonnet-4-5', temperature: 0.2, top_k: 3 }), [200, '']);
    assert.deepEqual(await status({ model: 'claude-opus-5-5', temperature: 1 }), [200, '']);
    assert.deepEqual(await status({ model: 'claude-opus-4-7', temperature: 0.5 }), [
      400,
      '`temperature` is deprecated for this model.',
    ]);
    assert.deepEqual(await status({ model: 'claude-sonnet-5-5', temperature: 1, top_p: 1 }), [
      400,
      '`top_p` is deprecated for this model.',
    ]);
    assert.equal((await status({ thinking: { type: 'adaptive' }, temperature: 0.5 }))[0], 400);
  });

  it('refuses an unknown version', async () => {
    const res = await post(sim, '/v1/messages', {
      body: short(),
      headers: { 'anthropic-version': '2025-01-01' },
    });
    assert.equal(res.status, 400);
    assert.match((await errorOf(res)).message, /2025-01-01/);
  });

  it('takes x-api-key or Authorization: Bearer, and x-api-key wins when both come', async () => {
    const call = (headers: Record<string, string>): Promise<Response> =>
      post(sim, '/v1/messages', { body: short(), key: null, headers });
    assert.equal((await call({ authorization: `Bearer ${KEY}` })).status, 200);
    assert.equal((await call({ 'x-api-key': KEY, authorization: 'Bearer sk-ant-wrong' })).status, 200);
    assert.equal((await call({ 'x-api-key': 'sk-ant-wrong', authorization: `Bearer ${KEY}` })).status, 401);
    const none = await call({});
    assert.equal(none.status, 401);
    assert.equal((await errorOf(none)).type, 'authentication_error');
  });

  it('serves ModelInfo with lifecycle, dates, line and limits; retired models only when asked', async () => {
    const list = async (query: string): Promise<Record<string, unknown>[]> =>
      ((await (await get(`/v1/models?limit=100${query}`)).json()) as { data: Record<string, unknown>[] })
        .data;
    const byDefault = await list('');
    assert.ok(byDefault.every((m) => m.lifecycle !== 'retired'));
    const sonnet45 = byDefault.find((m) => m.id === 'claude-sonnet-4-5');
    assert.equal(sonnet45?.lifecycle, 'deprecated');
    assert.equal(sonnet45?.retires_at, '2026-11-30T00:00:00Z');
    const opus55 = byDefault.find((m) => m.id === 'claude-opus-5-5');
    assert.deepEqual(
      {
        line: opus55?.line,
        max: opus55?.max_tokens,
        input: opus55?.max_input_tokens,
        dep: opus55?.deprecated_at,
      },
      { line: 'opus', max: 128_000, input: 1_000_000, dep: null },
    );
    const caps = opus55?.capabilities as { thinking: { types: Record<string, { supported: boolean }> } };
    assert.equal(caps.thinking.types.disabled?.supported, false);
    assert.equal(caps.thinking.types.adaptive?.supported, true);
    const retired = await list('&lifecycle[]=retired');
    assert.ok(retired.length > 0 && retired.every((m) => m.lifecycle === 'retired'));
    assert.ok(retired.some((m) => m.id === 'claude-opus-4-1'));
    const both = await list('&lifecycle[]=active&lifecycle[]=retired');
    assert.ok(both.some((m) => m.lifecycle === 'retired') && !both.some((m) => m.lifecycle === 'deprecated'));
    assert.equal((await get('/v1/models?lifecycle[]=gone')).status, 400);
    const one = (await (await get('/v1/models/claude-opus-4-1')).json()) as { lifecycle: string };
    assert.equal(one.lifecycle, 'retired');
  });

  it('pages backwards with before_id', async () => {
    const all = ((await (await get('/v1/models?limit=100')).json()) as { data: { id: string }[] }).data.map(
      (m) => m.id,
    );
    const page = (await (await get(`/v1/models?limit=2&before_id=${all[4]}`)).json()) as {
      data: { id: string }[];
      has_more: boolean;
      first_id: string;
    };
    assert.deepEqual(
      page.data.map((m) => m.id),
      all.slice(2, 4),
    );
    assert.equal(page.has_more, true);
    assert.equal(page.first_id, all[2]);
  });
});
