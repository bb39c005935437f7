// Routing (proxy or direct), headers and metrics: the parts of the client that are pure, plus one
// end-to-end run through a real CONNECT proxy.

import assert from 'node:assert/strict';
import { buildMetrics, outputRate } from '../../../src/anthropic/metrics';
import { resolveModel } from '../../../src/anthropic/models';
import { buildRequest } from '../../../src/anthropic/requestBuilder';
import { buildHeaders, matchesNoProxy, planRoute } from '../../../src/anthropic/transport';
import { isLoopbackHost } from '../../../src/shared/patterns';
import { startSimulator } from '../../simulator/server';
import { startConnectProxy, testClient } from './clientTestKit';

describe('client transport: proxy routing, headers, metrics', () => {
  const env = { HTTPS_PROXY: 'http://proxy.corp:3128', NO_PROXY: 'internal.corp,.example.org' };

  it('never proxies loopback, even with an explicit proxy', () => {
    for (const host of ['localhost', '127.0.0.1', '127.1.2.3', '[::1]']) {
      assert.equal(isLoopbackHost(new URL(`http://${host}:8080`).hostname), true, host);
    }
    assert.equal(planRoute('http://127.0.0.1:9999', { url: 'http://proxy:1' }, env).kind, 'direct');
  });

  it('uses HTTPS_PROXY (or https_proxy, then HTTP_PROXY) for an https base URL', () => {
    assert.deepEqual(planRoute('https://api.anthropic.com', undefined, env), {
      kind: 'proxy',
      proxyUrl: 'http://proxy.corp:3128',
      strictSSL: true,
    });
    assert.equal(
      planRoute('https://api.anthropic.com', undefined, { https_proxy: 'http://lower:1' }).kind,
      'proxy',
    );
    assert.equal(
      planRoute('https://api.anthropic.com', undefined, { HTTP_PROXY: 'http://plain:1' }).kind,
      'proxy',
    );
    assert.equal(planRoute('https://api.anthropic.com', undefined, {}).kind, 'direct');
  });

  it('prefers the explicit proxy (VS Code http.proxy) and carries strictSSL', () => {
    assert.deepEqual(
      planRoute('https://api.anthropic.com', { url: 'http://vscode:8080', strictSSL: false }, env),
      {
        kind: 'proxy',
        proxyUrl: 'http://vscode:8080',
        strictSSL: false,
      },
    );
  });

  it('honours NO_PROXY / no_proxy: exact hosts, suffixes, ports and *', () => {
    assert.equal(planRoute('https://internal.corp/gw', undefined, env).kind, 'direct');
    assert.equal(planRoute('https://api.example.org', undefined, env).kind, 'direct');
    assert.equal(
      planRoute('https://api.anthropic.com', undefined, { ...env, NO_PROXY: undefined, no_proxy: '*' }).kind,
      'direct',
    );
    const u = new URL('https://gw.corp:8443');
    assert.equal(matchesNoProxy(u, 'gw.corp:8443'), true);
    assert.equal(matchesNoProxy(u, 'gw.corp:443'), false);
    assert.equal(matchesNoProxy(u, '*.corp'), true);
    assert.equal(matchesNoProxy(u, 'other.corp'), false);
  });

  it('sends anthropic-beta only when there are betas, and the right auth header', () => {
    const h = buildHeaders({
      auth: { apiKey: 'k' },
      anthropicVersion: '2023-06-01',
      userAgent: 'ua',
      json: true,
      stream: true,
    });
    assert.deepEqual(h, {
      'anthropic-version': '2023-06-01',
      'user-agent': 'ua',
      accept: 'text/event-stream',
      'x-api-key': 'k',
      'content-type': 'application/json',
    });
    const b = buildHeaders({
      auth: { bearer: 't' },
      anthropicVersion: '2023-06-01',
      userAgent: 'ua',
      betas: ['a', 'b'],
    });
    assert.equal(b.authorization, 'Bearer t');
    assert.equal(b['anthropic-beta'], 'a,b');
    assert.equal('x-api-key' in b, false);
  });

  it('streams through a CONNECT proxy when the base URL is not loopback', async () => {
    const sim = await startSimulator({ tokensPerSecond: 5_000, firstTokenDelayMs: 5 });
    const proxy = await startConnectProxy(sim.port);
    const { client } = testClient(`http://api.example.test:${sim.port}`, {
      proxy: { url: proxy.url },
      env: {},
    });
    try {
      assert.equal(client.route.kind, 'proxy');
      const built = buildRequest(
        { model: 'claude-opus-4-6', maxTokens: 2_000 },
        resolveModel('claude-opus-4-6'),
        [{ role: 'user', content: 'via proxy' }],
      );
      const r = await client.stream(built, { fastPolicy: 'wait', onEvent: () => undefined });
      assert.equal(r.outcome, 'complete');
      assert.deepEqual(proxy.targets, [`api.example.test:${sim.port}`]);
    } finally {
      await client.close();
      await proxy.close();
      await sim.close();
    }
  });

  it('metrics: TTFT from the final attempt, rate over the generation phase, cost at the served speed', () => {
    assert.equal(outputRate(100, 1_000, 3_000), 50);
    assert.equal(outputRate(100, 1_000, 1_000), undefined);
    const m = buildMetrics({
      model: 'claude-opus-4-6',
      requestId: 'req_1',
      timings: {
        startedAt: 0,
        attemptStartedAt: 1_200,
        firstDeltaAt: 1_700,
        lastDeltaAt: 3_700,
        endedAt: 3_800,
      },
      usage: { input_tokens: 10_000, output_tokens: 2_000, speed: 'fast' },
      requestedSpeed: 'fast',
      fellBack: false,
      attempts: 2,
      rateLimits: {},
      caps: resolveModel('claude-opus-4-6', undefined, {
        'claude-opus-4-6': { fastPrices: { multiplier: 6 } },
      }),
    });
    assert.equal(m.ttftMs, 500);
    assert.equal(m.outputTokensPerSecond, 1_000);
    assert.equal(m.totalMs, 3_800);
    assert.equal(m.speed, 'fast');
    assert.ok(Math.abs((m.cost?.totalUsd ?? 0) - 0.6) < 1e-9);
    const unknown = buildMetrics({
      ...{
        model: 'x',
        timings: { startedAt: 0, attemptStartedAt: 0, endedAt: 1 },
        usage: { input_tokens: 1, output_tokens: 1 },
        requestedSpeed: 'standard',
        fellBack: false,
        attempts: 1,
        rateLimits: {},
      },
      caps: resolveModel('x'),
    });
    assert.equal(unknown.cost, undefined, 'no made-up cost for a model without prices');
    assert.equal(unknown.priceUnknown, true);
  });
});
