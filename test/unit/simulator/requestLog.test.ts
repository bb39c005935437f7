import * as assert from 'node:assert/strict';
import { type Simulator, startSimulator } from '../../simulator/server';
import { FAST_TEST_SETTINGS, KEY, post, userTurn } from './helpers';

describe('simulator: request log', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator(FAST_TEST_SETTINGS);
  });
  beforeEach(() => sim.clearRequests());
  after(() => sim.close());

  it('records path, parsed body, betas, speed, auth presence, fault and status', async () => {
    const body = userTurn('hello', { speed: 'fast', stream: false });
    const res = await post(sim, '/v1/messages', {
      body,
      betas: ['fast-mode-2026-02-01'],
      headers: { 'x-sim-fault': 'serve-standard' },
    });
    await res.text();
    const [entry] = sim.requests;
    assert.ok(entry);
    assert.equal(entry.method, 'POST');
    assert.equal(entry.path, '/v1/messages');
    assert.deepEqual(entry.body, body);
    assert.deepEqual(entry.betas, ['fast-mode-2026-02-01']);
    assert.equal(entry.auth, 'x-api-key');
    assert.equal(entry.anthropicVersion, '2023-06-01');
    assert.equal(entry.requestedSpeed, 'fast');
    assert.equal(entry.servedSpeed, 'standard');
    assert.equal(entry.fault, 'serve-standard');
    assert.equal(entry.status, 200);
    assert.equal(entry.outcome, 'complete');
    assert.equal(entry.requestId, res.headers.get('request-id'));
    assert.ok(entry.headerNames.includes('x-api-key'));
  });

  it('records refusals with their status and error type, and bearer auth', async () => {
    await (
      await post(sim, '/v1/messages', {
        body: userTurn('hi', { model: 'claude-sonnet-4-6', speed: 'fast' }),
        key: null,
        headers: { authorization: `Bearer ${KEY}` },
      })
    ).text();
    await (await post(sim, '/v1/messages', { body: userTurn('hi'), key: null })).text();
    const [fast, anonymous] = sim.requests;
    assert.equal(fast?.auth, 'bearer');
    assert.equal(fast?.status, 400);
    assert.equal(fast?.errorType, 'invalid_request_error');
    assert.equal(anonymous?.auth, null);
    assert.equal(anonymous?.status, 401);
  });

  it('never stores the API key', async () => {
    await (await post(sim, '/v1/messages', { body: userTurn('hi') })).text();
    await (
      await post(sim, '/v1/messages', {
        body: userTurn('hi'),
        key: null,
        headers: { authorization: `Bearer ${KEY}` },
      })
    ).text();
    await (await post(sim, '/v1/messages', { body: userTurn('hi'), key: `${KEY}-wrong` })).text();
    const dump = JSON.stringify(sim.requests);
    assert.equal(sim.requests.length, 3);
    assert.ok(!dump.includes(KEY.slice(-8)), 'the key leaked into the log');
  });

  it('clearRequests empties the log', async () => {
    await (await post(sim, '/v1/messages', { body: userTurn('hi') })).text();
    sim.clearRequests();
    assert.equal(sim.requests.length, 0);
  });
});
