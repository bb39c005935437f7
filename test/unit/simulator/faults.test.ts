import * as assert from 'node:assert/strict';
import type { StreamEvent } from '../../../src/anthropic/types';
import { parseFaultSpec } from '../../simulator/faults';
import { type Simulator, startSimulator } from '../../simulator/server';
import { FAST_TEST_SETTINGS, errorOf, parseSse, post, readStream, types, userTurn } from './helpers';

const FAST_BETA = ['fast-mode-2026-02-01'];
const fault = (spec: string): Record<string, string> => ({ 'x-sim-fault': spec });
const short = (extra: Record<string, unknown> = {}): Record<string, unknown> =>
  userTurn('Explain closures in JavaScript', { max_tokens: 40, ...extra });

describe('simulator: faults', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator(FAST_TEST_SETTINGS);
  });
  afterEach(() => sim.configure({ fault: null, pingIntervalMs: 0 }));
  after(() => sim.close());

  it('parses fault specs with params, times and fast-only', () => {
    assert.deepEqual(parseFaultSpec('429;retry-after=2;times=1;fast-only'), {
      name: '429',
      params: { 'retry-after': '2' },
      times: 1,
      fastOnly: true,
    });
    assert.throws(() => parseFaultSpec('teapot'), /unknown simulator fault/);
  });

  it('429: rate_limit_error with retry-after (and retry-after-ms when asked)', async () => {
    const res = await post(sim, '/v1/messages', { body: short(), headers: fault('429;retry-after-ms=250') });
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('retry-after'), '1');
    assert.equal(res.headers.get('retry-after-ms'), '250');
    assert.equal(res.headers.get('anthropic-ratelimit-requests-remaining'), '0');
    assert.match(res.headers.get('request-id') ?? '', /^req_sim_/);
    assert.equal((await errorOf(res)).type, 'rate_limit_error');
  });

  it('429 fast-only, once: the fast request fails with fast headers at 0, then fast succeeds', async () => {
    sim.configure({ fault: '429;retry-after=3;times=1;fast-only' });
    const standard = await post(sim, '/v1/messages', { body: short() });
    assert.equal(standard.status, 200);
    await standard.text();
    const fast = await post(sim, '/v1/messages', { body: short({ speed: 'fast' }), betas: FAST_BETA });
    assert.equal(fast.status, 429);
    assert.equal(fast.headers.get('retry-after'), '3');
    assert.equal(fast.headers.get('anthropic-fast-output-tokens-remaining'), '0');
    assert.equal(fast.headers.get('anthropic-fast-input-tokens-remaining'), '0');
    assert.match(
      fast.headers.get('anthropic-fast-input-tokens-reset') ?? '',
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
    );
    await fast.text();
    const again = await post(sim, '/v1/messages', { body: short({ speed: 'fast' }), betas: FAST_BETA });
    assert.equal(again.status, 200);
    await again.text();
    assert.equal(sim.settings.fault, null);
  });

  it('529, 500 and http code=N answer with the matching error type and x-should-retry', async () => {
    const expect: [string, number, string][] = [
      ['529', 529, 'overloaded_error'],
      ['500;should-retry=false', 500, 'api_error'],
      ['http;code=504', 504, 'timeout_error'],
      ['http;code=409', 409, 'conflict_error'],
    ];
    for (const [spec, status, type] of expect) {
      const res = await post(sim, '/v1/messages', { body: short(), headers: fault(spec) });
      assert.equal(res.status, status, spec);
      assert.equal((await errorOf(res)).type, type);
      assert.equal(res.headers.get('x-should-retry'), spec.includes('should-retry') ? 'false' : null);
    }
  });

  it('takes a fault from a [sim:NAME] directive in the prompt', async () => {
    const res = await post(sim, '/v1/messages', { body: userTurn('hello [sim:529]') });
    assert.equal(res.status, 529);
    await res.text();
  });

  it('refuses an unknown fault name with 400', async () => {
    const res = await post(sim, '/v1/messages', { body: short(), headers: fault('teapot') });
    assert.equal(res.status, 400);
    assert.match((await errorOf(res)).message, /teapot/);
  });

  it('stream-error: HTTP 200, N events, then event: error overloaded_error and the end', async () => {
    const res = await post(sim, '/v1/messages', { body: short(), headers: fault('stream-error;after=4') });
    assert.equal(res.status, 200);
    const { events } = await readStream(res);
    const seq = types(events).filter((t) => t !== 'ping');
    assert.equal(seq.length, 5);
    assert.equal(seq[4], 'error');
    const last = events[events.length - 1] as Extract<StreamEvent, { type: 'error' }>;
    assert.deepEqual(last.error, { type: 'overloaded_error', message: 'Overloaded' });
  });

  it('drop: the connection is destroyed mid-stream (and before a JSON response)', async () => {
    const res = await post(sim, '/v1/messages', { body: short(), headers: fault('drop;after=3') });
    assert.equal(res.status, 200);
    const { error } = await readStream(res);
    assert.ok(error, 'the body read should fail');
    await assert.rejects(
      post(sim, '/v1/messages', { body: short({ stream: false }), headers: fault('drop') }),
    );
  });

  it('stall: after N events no more bytes and no pings until the client gives up', async () => {
    sim.configure({ pingIntervalMs: 10 });
    const controller = new AbortController();
    const res = await fetch(`${sim.url}/v1/messages`, {
      method: 'POST',
      headers: { 'x-api-key': 'k', 'anthropic-version': '2023-06-01', 'x-sim-fault': 'stall;after=2' },
      body: JSON.stringify(short()),
      signal: controller.signal,
    });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    let raw = '';
    const decoder = new TextDecoder();
    const timer = setTimeout(() => controller.abort(), 150);
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        raw += decoder.decode(value, { stream: true });
      }
    } catch {
      // aborted by us: expected
    }
    clearTimeout(timer);
    assert.deepEqual(types(parseSse(raw).map((e) => JSON.parse(e.data) as StreamEvent)), [
      'message_start',
      'ping',
      'content_block_start',
    ]);
    await waitFor(() => sim.requests[sim.requests.length - 1]?.outcome === 'stalled');
  });

  it('stall ms=M: resumes after M ms and completes', async () => {
    const t0 = performance.now();
    const { events } = await readStream(
      await post(sim, '/v1/messages', { body: short(), headers: fault('stall;after=3;ms=80') }),
    );
    assert.ok(performance.now() - t0 >= 75);
    assert.equal(types(events).at(-1), 'message_stop');
  });

  it('drip: bytes arrive one at a time, and the stream is still whole', async () => {
    const res = await post(sim, '/v1/messages', {
      body: short({ max_tokens: 3 }),
      headers: fault('drip;ms=0'),
    });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const chunks: Uint8Array[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
    }
    const raw = Buffer.concat(chunks).toString('utf8');
    assert.ok(chunks.length > raw.length / 20, `${chunks.length} reads for ${raw.length} bytes`);
    assert.equal(types(parseSse(raw).map((e) => JSON.parse(e.data) as StreamEvent)).at(-1), 'message_stop');
  });

  it('malformed: one data line is cut mid-JSON, the rest of the stream follows', async () => {
    const res = await post(sim, '/v1/messages', { body: short(), headers: fault('malformed;after=3') });
    const raw = await res.text();
    const parsed = parseSse(raw).map((e) => {
      try {
        return JSON.parse(e.data) as StreamEvent;
      } catch {
        return 'BAD';
      }
    });
    assert.equal(parsed.filter((p) => p === 'BAD').length, 1);
    assert.equal(parsed.indexOf('BAD'), 4); // message_start, ping, block start, delta, BAD
    assert.equal((parsed.at(-1) as StreamEvent).type, 'message_stop');
  });

  it('no-message-stop: the stream ends cleanly after message_delta', async () => {
    const { raw, events } = await readStream(
      await post(sim, '/v1/messages', { body: short(), headers: fault('no-message-stop') }),
    );
    assert.ok(raw.endsWith('\n\n'));
    assert.equal(types(events).at(-1), 'message_delta');
  });

  it('no-final-blank: the last event lacks its blank line, so SSE discards it', async () => {
    const { raw, events } = await readStream(
      await post(sim, '/v1/messages', { body: short(), headers: fault('no-final-blank') }),
    );
    assert.ok(raw.endsWith('{"type":"message_stop"}\n'));
    assert.equal(types(events).at(-1), 'message_delta');
  });

  it('delay: the response headers wait ms', async () => {
    const t0 = performance.now();
    const res = await post(sim, '/v1/messages', { body: short(), headers: fault('delay;ms=100') });
    assert.ok(performance.now() - t0 >= 95);
    await res.text();
  });

  it('serve-standard: a fast request reports usage.speed "standard"', async () => {
    const res = await post(sim, '/v1/messages', {
      body: short({ speed: 'fast', stream: false }),
      betas: FAST_BETA,
      headers: fault('serve-standard'),
    });
    const m = (await res.json()) as { usage: { speed?: string } };
    assert.equal(m.usage.speed, 'standard');
    assert.equal(sim.requests.at(-1)?.servedSpeed, 'standard');
  });
});

async function waitFor(check: () => boolean, ms = 1000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
