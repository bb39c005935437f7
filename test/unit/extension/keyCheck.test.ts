// Issue 10 #12: Set API Key says what was checked against what. The simulator accepts any key, so
// while it runs a key is never reported "accepted" unless a configured endpoint checked it.

import * as assert from 'node:assert/strict';
import { AnthropicClient } from '../../../src/anthropic/client';
import { checkKey, type KeyCheckInput } from '../../../src/extension/connection/keyCheck';
import { startSimulator, type Simulator } from '../../simulator/server';

const goodKey = 'sk-ant-api03-GOODKEY0123456789abcdef';
const badKey = 'sk-ant-api03-BADKEY0123456789abcdefg';

describe('Set API Key: what the key is checked against', function () {
  this.timeout(15_000);
  let simulator: Simulator; // where requests go while the simulator runs (accepts any key)
  let endpoint: Simulator; // a configured endpoint that knows one key

  before(async () => {
    simulator = await startSimulator();
    endpoint = await startSimulator({ apiKeys: [goodKey] });
  });
  after(async () => {
    await simulator.close();
    await endpoint.close();
  });
  beforeEach(() => {
    simulator.clearRequests();
    endpoint.clearRequests();
  });

  const input = (change: Partial<KeyCheckInput>): KeyCheckInput => ({
    key: goodKey,
    baseUrl: 'https://api.anthropic.com',
    baseUrlIsSet: false,
    simulatorUrl: simulator.url,
    authHeader: 'x-api-key',
    model: 'claude-opus-4-6',
    client: { userAgent: 'thinkfast-test', timeouts: { connectMs: 2_000, headersMs: 5_000, idleMs: 5_000 } },
    createClient: (options) => new AnthropicClient(options),
    ...change,
  });

  it('with the simulator running and no endpoint set: saved, not checked, and it says why', async () => {
    const r = await checkKey(input({ key: badKey }));
    assert.equal(r.level, 'info');
    assert.doesNotMatch(r.message, /accepted/);
    assert.match(r.message, /not checked/);
    assert.ok(r.message.includes(simulator.url), r.message);
    assert.match(r.message, /accepts any key/);
    assert.equal(simulator.requests.length, 0, 'the simulator is not asked');
  });

  const cases: [string, Partial<KeyCheckInput>, 'info' | 'warning', RegExp][] = [
    ['simulator running, endpoint set, good key', { baseUrlIsSet: true }, 'info', /accepted by .*simulator/],
    ['simulator running, endpoint set, bad key', { baseUrlIsSet: true, key: badKey }, 'warning', /refused/],
    ['no simulator, good key', { simulatorUrl: undefined }, 'info', /accepted by http:\/\/127\.0\.0\.1/],
    ['no simulator, bad key', { simulatorUrl: undefined, key: badKey }, 'warning', /refused the check/],
  ];
  for (const [what, change, level, pattern] of cases) {
    it(`${what}: checked at the configured endpoint, and the message names it`, async () => {
      const r = await checkKey(input({ baseUrl: endpoint.url, ...change }));
      assert.equal(r.level, level, r.message);
      assert.match(r.message, pattern);
      assert.ok(r.message.includes(endpoint.url), r.message);
      assert.ok(!r.message.includes('GOODKEY') && !r.message.includes('BADKEY'), 'no key in the message');
      assert.equal(endpoint.requests.length, 1);
      assert.equal(simulator.requests.length, 0);
    });
  }

  it('a base URL with credentials is refused before anything is sent', async () => {
    const r = await checkKey(input({ simulatorUrl: undefined, baseUrl: 'https://user:pw@example.com' }));
    assert.equal(r.level, 'warning');
    assert.match(r.message, /not checked/);
    assert.ok(!r.message.includes('pw@'), r.message);
  });
});
