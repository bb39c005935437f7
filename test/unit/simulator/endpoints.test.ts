import * as assert from 'node:assert/strict';
import { catalogue } from '../../simulator/models';
import { type Simulator, startSimulator } from '../../simulator/server';
import { FAST_TEST_SETTINGS, KEY, errorOf, post, userTurn } from './helpers';

const get = (sim: Simulator, path: string): Promise<Response> =>
  fetch(`${sim.url}${path}`, { headers: { 'x-api-key': KEY, 'anthropic-version': '2023-06-01' } });

interface ModelPage {
  data: {
    id: string;
    capabilities: {
      effort: Record<string, unknown>;
      thinking: { types: Record<string, { supported: boolean }> };
    };
  }[];
  has_more: boolean;
  first_id: string | null;
  last_id: string | null;
}

describe('simulator: other endpoints and headers', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator(FAST_TEST_SETTINGS);
  });
  after(() => sim.close());

  it('lists models newest first with capabilities and pagination fields', async () => {
    const first = (await (await get(sim, '/v1/models?limit=2')).json()) as ModelPage;
    assert.equal(first.data.length, 2);
    assert.equal(first.has_more, true);
    assert.equal(first.first_id, first.data[0]?.id);
    assert.equal(first.last_id, first.data[1]?.id);
    const rest = (await (
      await get(sim, `/v1/models?limit=100&after_id=${first.last_id}`)
    ).json()) as ModelPage;
    assert.equal(rest.has_more, false);
    const ids = [...first.data, ...rest.data].map((m) => m.id);
    assert.deepEqual(
      ids,
      catalogue()
        .filter((m) => m.lifecycle !== 'retired')
        .map((m) => m.id),
    );
    for (const id of ['claude-opus-5-5', 'claude-sonnet-5-5', 'claude-haiku-5-5', 'claude-fable-5-2']) {
      assert.ok(ids.includes(id), id);
    }
    const opus = [...first.data, ...rest.data].find((m) => m.id === 'claude-opus-4-6');
    assert.deepEqual(opus?.capabilities.effort.max, { supported: true });
    assert.equal(opus?.capabilities.thinking.types.adaptive?.supported, true);
  });

  it('gets one model by id and 404s an unknown one', async () => {
    assert.equal(
      ((await (await get(sim, '/v1/models/claude-haiku-4-5')).json()) as { id: string }).id,
      'claude-haiku-4-5',
    );
    const res = await get(sim, '/v1/models/claude-nope');
    assert.equal(res.status, 404);
    assert.equal((await errorOf(res)).type, 'not_found_error');
  });

  it('counts tokens as ≈ chars/4', async () => {
    const res = await post(sim, '/v1/messages/count_tokens', {
      body: { model: 'claude-opus-4-6', messages: [{ role: 'user', content: 'x'.repeat(400) }] },
    });
    assert.deepEqual(await res.json(), { input_tokens: 103 });
  });

  it('404s an unknown path with a not_found_error body', async () => {
    const res = await post(sim, '/v1/complete', { body: {} });
    assert.equal(res.status, 404);
    assert.equal((await errorOf(res)).type, 'not_found_error');
  });

  it('sends RFC 3339 rate-limit headers that count down', async () => {
    const a = await post(sim, '/v1/messages', { body: userTurn('hi', { stream: false }) });
    const b = await post(sim, '/v1/messages', { body: userTurn('hi', { stream: false }) });
    await a.text();
    await b.text();
    for (const kind of ['requests', 'tokens', 'input-tokens', 'output-tokens']) {
      assert.match(b.headers.get(`anthropic-ratelimit-${kind}-limit`) ?? '', /^\d+$/);
      assert.match(
        b.headers.get(`anthropic-ratelimit-${kind}-reset`) ?? '',
        /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
      );
    }
    const remaining = (r: Response): number =>
      Number(r.headers.get('anthropic-ratelimit-requests-remaining'));
    assert.equal(remaining(a) - remaining(b), 1);
  });

  it('keeps the connection alive across requests', async () => {
    const ports = new Set<number>();
    const server = await startSimulator(FAST_TEST_SETTINGS);
    try {
      for (let i = 0; i < 3; i++) {
        const res = await post(server, '/v1/messages', { body: userTurn('hi', { stream: false }) });
        assert.equal(res.headers.get('connection'), 'keep-alive');
        await res.text();
      }
      ports.add(server.port);
    } finally {
      await server.close();
    }
    assert.equal(ports.size, 1);
  });

  it('closes fast even with a stalled stream open', async () => {
    const server = await startSimulator(FAST_TEST_SETTINGS);
    const res = await post(server, '/v1/messages', {
      body: userTurn('hi'),
      headers: { 'x-sim-fault': 'stall;after=1' },
    });
    assert.equal(res.status, 200);
    const t0 = performance.now();
    await server.close();
    assert.ok(performance.now() - t0 < 500);
    await res.text().catch(() => undefined);
  });
});
