// The client cache: identified by a digest (never the raw key), and a replaced client stays open
// while a request still holds it, so a retry on it reaches the server.

import assert from 'node:assert/strict';
import { resolveModel } from '../../../src/anthropic/models';
import { buildRequest } from '../../../src/anthropic/requestBuilder';
import type { AnthropicClient } from '../../../src/anthropic/client';
import { ClientLeases, clientIdentity } from '../../../src/extension/connection/clientLease';
import { startSimulator, type Simulator } from '../../simulator/server';
import { testClient, TEST_KEY } from '../anthropic/clientTestKit';

const model = 'claude-opus-4-6';
const built = () =>
  buildRequest({ model, maxTokens: 2_000 }, resolveModel(model), [{ role: 'user', content: 'hello' }]);

describe('client lease', function () {
  this.timeout(15_000);
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ tokensPerSecond: 4_000, firstTokenDelayMs: 0, pingIntervalMs: 2_000 });
  });
  after(() => sim.close());

  it('identifies a client by a SHA-256 digest that does not contain the key', () => {
    const a = clientIdentity({ baseUrl: sim.url, key: TEST_KEY });
    assert.match(a, /^[0-9a-f]{64}$/);
    assert.ok(!a.includes(TEST_KEY) && !a.includes('TESTKEY'));
    assert.equal(a, clientIdentity({ baseUrl: sim.url, key: TEST_KEY }), 'stable');
    assert.notEqual(a, clientIdentity({ baseUrl: sim.url, key: `${TEST_KEY}x` }), 'changes with the key');
  });

  it('reuses the client for the same identity and closes an unheld one when replaced', () => {
    const closed: string[] = [];
    const leases = new ClientLeases<{ name: string; close(): void }>();
    const make = (name: string) => () => ({ name, close: () => void closed.push(name) });
    const first = leases.acquire('a', make('A'));
    const again = leases.acquire('a', make('A2'));
    assert.equal(first.created, true);
    assert.equal(again.created, false);
    assert.equal(again.lease.client, first.lease.client);
    first.lease.release();
    again.lease.release();
    again.lease.release(); // idempotent: must not drive the count below zero
    leases.acquire('b', make('B')).lease.release();
    assert.deepEqual(closed, ['A'], 'A had no holder left, so it closed at once');
    leases.dispose();
    assert.deepEqual(closed, ['A', 'B']);
  });

  it('keeps a replaced client open for the retry of the request that holds it', async () => {
    const leases = new ClientLeases<AnthropicClient>();
    let replaced = false;
    // The retry's back-off is where a settings change lands: the old client is replaced mid-request.
    const old = testClient(sim.url, {
      sleep: () => {
        leases.acquire('new', () => testClient(sim.url).client).lease.release();
        replaced = true;
        return Promise.resolve();
      },
    }).client;
    const { lease } = leases.acquire('old', () => old);
    sim.configure({ fault: '529;times=1' });
    const result = await lease.client.stream(built(), {
      caps: resolveModel(model),
      fastPolicy: 'wait',
      onDelta: () => undefined,
    });
    assert.equal(replaced, true, 'the client was replaced during the back-off');
    assert.equal(result.outcome, 'complete', result.error?.message);
    assert.equal(result.metrics.attempts, 2, 'the retry ran on the old, still open client');
    assert.equal(leases.retiredCount, 1);

    lease.release();
    assert.equal(leases.retiredCount, 0, 'released by its last holder, so closed');
    const after = await old.stream(built(), {
      caps: resolveModel(model),
      fastPolicy: 'wait',
      onDelta: () => undefined,
    });
    assert.notEqual(after.outcome, 'complete', 'a closed client sends nothing');
    leases.dispose();
  });
});
