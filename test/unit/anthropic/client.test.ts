// The client against the simulator over real loopback HTTP: every fault ends in its documented
// outcome, with the partial content kept.

import assert from 'node:assert/strict';
import type { AnthropicClient } from '../../../src/anthropic/client';
import { resolveModel } from '../../../src/anthropic/models';
import { buildRequest, FAST_MODE_BETA, type RequestSettings } from '../../../src/anthropic/requestBuilder';
import type { BuiltRequest, StreamResult, TextBlock } from '../../../src/anthropic/types';
import { LEGACY_FAST_OPUS_4_6 } from '../../simulator/options';
import { startSimulator, type Simulator } from '../../simulator/server';
import { recorder, startRelay, testClient, TEST_KEY } from './clientTestKit';

// The simulator's fast model is Opus 4.6 with the research-preview beta (its Feb-2026 rules); the
// catalogue says fast was removed there, so these tests describe the simulator's model by override.
const SIM_FAST = { 'claude-opus-4-6': { fast: 'beta' as const, fastPrices: { multiplier: 6 } } };

function request(prompt: string, s: Partial<RequestSettings> = {}): BuiltRequest {
  const settings: RequestSettings = { model: 'claude-opus-4-6', maxTokens: 4_000, ...s };
  return buildRequest(settings, resolveModel(settings.model, undefined, SIM_FAST), [
    { role: 'user', content: prompt },
  ]);
}

const textOf = (r: StreamResult): string =>
  r.message.content
    .filter((b): b is TextBlock => b.type === 'text')
    .map((b) => b.text)
    .join('');

describe('client: streaming against the simulator', function () {
  this.timeout(15_000);
  let sim: Simulator;
  let client: AnthropicClient;
  let sleeps: number[];
  let logs: string[];

  before(async () => {
    // These tests use fast mode on Opus 4.6 as it was served before its removal (today: standard).
    sim = await startSimulator({
      tokensPerSecond: 4_000,
      firstTokenDelayMs: 20,
      pingIntervalMs: 2_000,
      modelRules: LEGACY_FAST_OPUS_4_6,
    });
  });
  after(() => sim.close());
  beforeEach(() => {
    sim.configure({
      fault: null,
      apiKeys: undefined,
      tokensPerSecond: 4_000,
      firstTokenDelayMs: 20,
      pingIntervalMs: 2_000,
    });
    sim.clearRequests();
    ({ client, sleeps, logs } = testClient(sim.url));
  });
  afterEach(() => client.close());

  const run = (
    built: BuiltRequest,
    extra: { signal?: AbortSignal; fastPolicy?: 'wait' | 'fallback' } = {},
  ) => {
    const rec = recorder();
    const p = client.stream(built, {
      caps: resolveModel(built.body.model, undefined, SIM_FAST),
      fastPolicy: extra.fastPolicy ?? 'wait',
      signal: extra.signal,
      onEvent: rec.onEvent,
      onDelta: rec.onDelta,
    });
    return { rec, p };
  };

  it('completes a thinking + text answer with metrics, cost, request id and live deltas', async () => {
    const { rec, p } = run(request('Explain binary search in TypeScript'));
    const r = await p;
    assert.equal(r.outcome, 'complete');
    assert.equal(r.error, undefined);
    assert.deepEqual(
      r.message.content.map((b) => b.type),
      ['thinking', 'text'],
    );
    assert.ok((r.message.content[0] as { signature: string }).signature.length > 0);
    assert.equal(rec.text(), textOf(r));
    assert.ok(r.metrics.ttftMs !== undefined && r.metrics.ttftMs >= 15, `ttft ${r.metrics.ttftMs}`);
    assert.ok(r.metrics.outputTokensPerSecond !== undefined && r.metrics.outputTokensPerSecond > 0);
    assert.equal(r.metrics.attempts, 1);
    assert.equal(r.metrics.requestedSpeed, 'standard');
    assert.equal(r.metrics.requestId, sim.requests[0]?.requestId);
    assert.ok(r.metrics.usage.output_tokens > 0);
    assert.ok(r.metrics.cost && r.metrics.cost.totalUsd > 0);
    assert.ok(rec.events.some((e) => e.type === 'headers' && e.requestId === sim.requests[0]?.requestId));
  });

  it('sends version, auth and streaming headers, and the fast beta only with fast mode', async () => {
    await run(request('standard please')).p;
    await run(request('fast please', { fast: true })).p;
    const [std, fast] = sim.requests;
    assert.equal(std?.anthropicVersion, '2023-06-01');
    assert.equal(std?.auth, 'x-api-key');
    assert.deepEqual(std?.betas, []);
    assert.ok(!std?.headerNames.includes('anthropic-beta'));
    assert.deepEqual(fast?.betas, [FAST_MODE_BETA]);
    assert.equal((fast?.body as { speed?: string }).speed, 'fast');
    assert.ok(std?.headerNames.includes('user-agent'));
  });

  it('reports the served speed of a fast request and bills it at fast prices', async () => {
    const r = await run(request('go fast', { fast: true })).p;
    assert.equal(r.outcome, 'complete');
    assert.equal(r.metrics.requestedSpeed, 'fast');
    assert.equal(r.metrics.speed, 'fast');
    assert.equal(r.metrics.cost?.speedMultiplier, 6);
  });

  it('429 then success (wait): waits the server retry-after and retries', async () => {
    sim.configure({ fault: '429;times=1;retry-after=1' });
    const { rec, p } = run(request('hello'));
    const r = await p;
    assert.equal(r.outcome, 'complete');
    assert.equal(r.metrics.attempts, 2);
    assert.deepEqual(sleeps, [1000]);
    const wait = rec.events.find((e) => e.type === 'retryWait');
    assert.deepEqual(wait && { ...wait, reason: '' }, {
      type: 'retryWait',
      attempt: 1,
      delayMs: 1000,
      status: 429,
      reason: '',
    });
  });

  it('fast 429 with the fallback policy re-sends at once at standard speed, without speed or beta', async () => {
    sim.configure({ fault: '429;times=1;fast-only;retry-after=5' });
    const { rec, p } = run(request('fall back', { fast: true }), { fastPolicy: 'fallback' });
    const r = await p;
    assert.equal(r.outcome, 'complete');
    assert.equal(r.metrics.fellBack, true);
    assert.equal(r.metrics.requestedSpeed, 'fast');
    assert.notEqual(r.metrics.speed, 'fast');
    assert.equal(r.metrics.cost?.speedMultiplier, 1);
    assert.deepEqual(sleeps, [], 'no wait before the fallback');
    const fb = rec.events.find((e) => e.type === 'fallback');
    assert.ok(fb && /cache/.test(fb.reason));
    const [first, second] = sim.requests;
    assert.equal(first?.status, 429);
    assert.deepEqual(first?.betas, [FAST_MODE_BETA]);
    assert.equal('speed' in (second?.body as object), false);
    assert.deepEqual(second?.betas, []);
  });

  it('fast 429 with the wait policy retries fast after retry-after', async () => {
    sim.configure({ fault: '429;times=1;fast-only;retry-after=2' });
    const r = await run(request('wait for fast', { fast: true }), { fastPolicy: 'wait' }).p;
    assert.equal(r.outcome, 'complete');
    assert.equal(r.metrics.fellBack, false);
    assert.deepEqual(sleeps, [2000]);
    assert.deepEqual(
      sim.requests.map((q) => q.requestedSpeed),
      ['fast', 'fast'],
    );
  });

  // Issue 10 #17: under `fallback` only the 429 falls back; other transient errors keep retrying.
  const fastTransient: [string, string][] = [
    ['529', '529;times=1;fast-only'],
    ['500', '500;times=1;fast-only'],
    ['a connection drop before any content', 'drop;after=0;times=1;fast-only'],
  ];
  for (const [what, fault] of fastTransient) {
    it(`fallback policy: fast ${what} is retried at fast speed, not failed or fallen back`, async () => {
      sim.configure({ fault });
      const { rec, p } = run(request('fast but flaky', { fast: true }), { fastPolicy: 'fallback' });
      const r = await p;
      assert.equal(r.outcome, 'complete', r.error?.message);
      assert.equal(r.metrics.attempts, 2);
      assert.equal(r.metrics.fellBack, false);
      assert.equal(sleeps.length, 1, 'one backoff wait');
      assert.ok(rec.events.some((e) => e.type === 'retryWait'));
      assert.ok(!rec.events.some((e) => e.type === 'fallback'));
      assert.deepEqual(
        sim.requests.map((q) => q.requestedSpeed),
        ['fast', 'fast'],
      );
    });
  }

  it('529 twice then success: retried with backoff', async () => {
    sim.configure({ fault: '529;times=2' });
    const r = await run(request('busy')).p;
    assert.equal(r.outcome, 'complete');
    assert.equal(r.metrics.attempts, 3);
    assert.equal(sleeps.length, 2);
    assert.ok(sleeps[0] >= 375 && sleeps[0] <= 500 && sleeps[1] >= 750 && sleeps[1] <= 1000, String(sleeps));
  });

  it('500 then success: retried', async () => {
    sim.configure({ fault: '500;times=1' });
    const r = await run(request('oops')).p;
    assert.equal(r.outcome, 'complete');
    assert.equal(r.metrics.attempts, 2);
  });

  it('gives up after maxRetries and fails with the typed error', async () => {
    sim.configure({ fault: '529;times=5' });
    const r = await run(request('still busy')).p;
    assert.equal(r.outcome, 'failed');
    assert.equal(r.error?.kind, 'overloaded');
    assert.equal(r.error?.status, 529);
    assert.equal(r.error?.errorType, 'overloaded_error');
    assert.equal(r.error?.requestId, sim.requests[2]?.requestId);
    assert.equal(sim.requests.length, 3);
  });

  it('401 is not retried and asks for a key with the set-key command', async () => {
    sim.configure({ apiKeys: ['a-different-key-entirely'] });
    const r = await run(request('hi')).p;
    assert.equal(r.outcome, 'failed');
    assert.equal(r.error?.kind, 'authentication');
    assert.equal(r.error?.retryable, false);
    assert.match(
      r.error?.message ?? '',
      /API key was rejected\. Set a valid key with “Thinkfast: Set API Key”/,
    );
    assert.equal(sim.requests.length, 1);
  });

  it('x-should-retry: false stops a retry the status would allow; true allows one it would not', async () => {
    sim.configure({ fault: '529;times=1;should-retry=false' });
    const r1 = await run(request('no')).p;
    assert.equal(r1.outcome, 'failed');
    assert.equal(r1.error?.retryable, false);
    assert.equal(sim.requests.length, 1);
    sim.configure({ fault: 'http;code=400;times=1;should-retry=true' });
    const r2 = await run(request('yes')).p;
    assert.equal(r2.outcome, 'complete');
    assert.equal(r2.metrics.attempts, 2);
  });

  const partialCases: [string, string, string][] = [
    ['a mid-stream error event', 'stream-error;after=8', 'stream_error'],
    ['a connection drop after N events', 'drop;after=8', 'connection'],
    ['malformed SSE', 'malformed;after=8', 'stream_error'],
    ['a stream without message_stop', 'no-message-stop', 'truncated'],
    ['a last event without its closing blank line', 'no-final-blank', 'truncated'],
  ];
  for (const [what, fault, kind] of partialCases) {
    it(`${what} → interrupted (${kind}), partial content kept, not retried`, async () => {
      sim.configure({ fault: `${fault};times=1` });
      const { rec, p } = run(request('Explain hash maps'));
      const r = await p;
      assert.equal(r.outcome, 'interrupted');
      assert.equal(r.error?.kind, kind);
      assert.ok(r.message.content.length > 0, 'partial content kept');
      assert.ok(rec.deltas.some(({ delta }) => delta.op === 'append'));
      assert.equal(sim.requests.length, 1);
      assert.equal(r.metrics.attempts, 1);
    });
  }

  it('a stall ends the attempt as idle_timeout after idleMs, keeping the partial content', async () => {
    ({ client } = testClient(sim.url, { timeouts: { connectMs: 2_000, headersMs: 5_000, idleMs: 300 } }));
    sim.configure({ fault: 'stall;after=8;times=1' });
    const t0 = Date.now();
    const r = await run(request('Explain tries')).p;
    assert.equal(r.outcome, 'interrupted');
    assert.equal(r.error?.kind, 'idle_timeout');
    assert.ok(r.message.content.length > 0);
    assert.ok(Date.now() - t0 < 3_000);
  });

  it('pings count as activity: a long silent first-token delay with pings is not an idle timeout', async () => {
    ({ client } = testClient(sim.url, { timeouts: { connectMs: 2_000, headersMs: 5_000, idleMs: 300 } }));
    sim.configure({ firstTokenDelayMs: 900, pingIntervalMs: 100 });
    const r = await run(request('think long')).p;
    assert.equal(r.outcome, 'complete');
  });

  it('abort mid-stream → stopped, partial kept, and the server sees the socket close', async () => {
    sim.configure({ tokensPerSecond: 100 });
    const ac = new AbortController();
    const rec = recorder();
    const p = client.stream(request('Explain quicksort'), {
      fastPolicy: 'wait',
      signal: ac.signal,
      onEvent: rec.onEvent,
      onDelta: (d, m) => {
        rec.onDelta(d, m);
        if (d.op === 'append' && m.content[d.index]?.type === 'thinking') ac.abort();
      },
    });
    const r = await p;
    assert.equal(r.outcome, 'stopped');
    assert.equal(r.error, undefined);
    assert.ok(r.message.content.some((b) => b.type === 'thinking'));
    for (let i = 0; i < 50 && sim.requests[0]?.outcome !== 'client-closed'; i++)
      await new Promise((res) => setTimeout(res, 20));
    assert.equal(sim.requests[0]?.outcome, 'client-closed');
  });

  it('abort during a retry wait → stopped without another request', async () => {
    ({ client } = testClient(sim.url, { sleep: undefined }));
    sim.configure({ fault: '529;times=1;retry-after=5' });
    const ac = new AbortController();
    const t0 = Date.now();
    const p = client.stream(request('x'), {
      fastPolicy: 'wait',
      signal: ac.signal,
      onEvent: (e) => e.type === 'retryWait' && ac.abort(),
    });
    const r = await p;
    assert.equal(r.outcome, 'stopped');
    assert.ok(Date.now() - t0 < 2_000);
    assert.equal(sim.requests.length, 1);
  });

  it('honours retry-after in real time (measured wait ≥ the given 1 s)', async () => {
    ({ client } = testClient(sim.url, { sleep: undefined }));
    sim.configure({ fault: '429;times=1;retry-after=1' });
    const r = await run(request('patience')).p;
    assert.equal(r.outcome, 'complete');
    const [a, b] = sim.requests;
    assert.ok(b.receivedAt - a.receivedAt >= 1000, `${b.receivedAt - a.receivedAt} ms`);
  });

  it('reuses one kept-alive connection for consecutive requests and after warm()', async () => {
    const relay = await startRelay(sim.port);
    try {
      const { client: c } = testClient(relay.url);
      const warm = await c.warm();
      assert.equal(warm.ok, true);
      assert.equal(warm.status, 200);
      for (let i = 0; i < 3; i++)
        assert.equal(
          (await c.stream(request(`turn ${i}`), { fastPolicy: 'wait', onEvent: () => undefined })).outcome,
          'complete',
        );
      assert.equal(relay.connections, 1);
      assert.match(relay.sent, /\r\nuser-agent: thinkfast\/0\.1\.0 \(test\)\r\n/i);
      assert.match(relay.sent, /\r\naccept: text\/event-stream\r\n/i);
      await c.close();
    } finally {
      await relay.close();
    }
  });

  it('sends authorization: Bearer when configured with a bearer token', async () => {
    ({ client } = testClient(sim.url, { auth: { bearer: TEST_KEY } }));
    await run(request('gateway')).p;
    assert.equal(sim.requests[0]?.auth, 'bearer');
  });

  it('never puts the key into errors, logs or results, even when the server or the URL echoes it', async () => {
    sim.configure({ fault: `http;code=400;times=1;message=bad-key-${TEST_KEY}` });
    const r1 = await run(request('leak?')).p;
    assert.equal(r1.outcome, 'failed');
    assert.match(r1.error?.message ?? '', /\[REDACTED\]/);
    ({ client, logs } = testClient(`${sim.url}/${TEST_KEY}`));
    const r2 = await run(request('leak via url?')).p;
    assert.equal(r2.error?.kind, 'not_found');
    for (const text of [
      JSON.stringify(r1),
      r1.error?.message,
      JSON.stringify(r2),
      r2.error?.message,
      String(r2.error?.cause),
      ...logs,
    ]) {
      assert.ok(!String(text).includes(TEST_KEY), `key leaked into: ${text}`);
      assert.ok(!String(text).includes('TESTKEY'), `key leaked into: ${text}`);
    }
  });

  it('a refused connection fails as a retryable connection error after the retries', async () => {
    const dead = await startSimulator();
    const url = dead.url;
    await dead.close();
    ({ client, sleeps } = testClient(url));
    const r = await run(request('anyone?')).p;
    assert.equal(r.outcome, 'failed');
    assert.equal(r.error?.kind, 'connection');
    assert.equal(r.metrics.attempts, 3);
    assert.equal(sleeps.length, 2);
  });

  it('counts tokens and lists models', async () => {
    const n = await client.countTokens(request('count me').body);
    assert.ok(n > 0);
    const models = await client.listModels();
    assert.ok(models.some((m) => m.id === 'claude-opus-4-6'));
    const listed = models.find((m) => m.id === 'claude-opus-4-6');
    assert.equal(resolveModel('claude-opus-4-6', models).contextWindow, listed?.max_input_tokens);
  });

  it('logs attempts and retries in redacted lines', async () => {
    sim.configure({ fault: '529;times=1' });
    await run(request('log me')).p;
    assert.ok(logs.some((l) => /attempt 1 \(standard\) failed: overloaded 529/.test(l)));
  });
});
