import assert from 'node:assert/strict';
import {
  cacheReport,
  cachedPrefixTokens,
  estimateSwitchCost,
  isCacheable,
} from '../../../src/anthropic/cacheCost';
import { resolveModel } from '../../../src/anthropic/models';
import type { ModelCapabilities } from '../../../src/anthropic/models';
import { buildRequest } from '../../../src/anthropic/requestBuilder';
import type { Message, MessageParam, Usage } from '../../../src/anthropic/types';
import { startSimulator } from '../../simulator/server';
import { testClient } from './clientTestKit';

const opus55 = resolveModel('claude-opus-5-5');
const near = (a: number, b: number): void => assert.ok(Math.abs(a - b) < 1e-12, `${a} ≠ ${b}`);
const usage: Usage = {
  input_tokens: 0,
  output_tokens: 800,
  cache_read_input_tokens: 9_000,
  cache_creation_input_tokens: 1_000,
  speed: 'standard',
};

describe('cache cost: minimums and the price of a switch', () => {
  it('below the model’s minimum nothing is cacheable; an unknown minimum claims nothing either way', () => {
    assert.equal(isCacheable(511, opus55), false);
    assert.equal(isCacheable(512, opus55), true);
    const unknownMin: ModelCapabilities = { ...opus55, minCacheableTokens: undefined };
    assert.equal(isCacheable(100_000, unknownMin), undefined);
  });

  it('counts read + written tokens as the cached prefix', () => {
    assert.equal(cachedPrefixTokens(usage), 10_000);
  });

  it('standard → fast on Opus 5.5: re-writes the 10,000 cached tokens at the fast 5m write price', () => {
    const c = estimateSwitchCost(usage, { caps: opus55, speed: 'standard' }, { caps: opus55, speed: 'fast' });
    assert.notEqual(c, 'unknown');
    if (c === 'unknown') return;
    assert.equal(c.tokens, 10_000);
    near(c.rewriteUsd, (10_000 * 5 * 2) / 1e6); // $5/MTok write × 2 (fast)
    near(c.readUsd, (10_000 * 0.2) / 1e6);
    near(c.extraUsd, c.rewriteUsd - c.readUsd);
    assert.equal(c.text, 're-writes ≈ 10,000 cached tokens ≈ $0.100');
  });

  it('a model switch is priced at the target’s rates and the chosen TTL', () => {
    const sonnet = resolveModel('claude-sonnet-5-5');
    const c = estimateSwitchCost(
      usage,
      { caps: opus55, speed: 'standard' },
      { caps: sonnet, speed: 'standard' },
      '1h',
    );
    assert.ok(c !== 'unknown');
    near(c.rewriteUsd, (10_000 * 4) / 1e6); // Sonnet 5.5 1h write $4/MTok
  });

  it('nothing cached costs nothing to lose', () => {
    const none = estimateSwitchCost(
      { input_tokens: 300, output_tokens: 10 },
      { caps: opus55, speed: 'standard' },
      { caps: opus55, speed: 'fast' },
    );
    assert.ok(none !== 'unknown');
    assert.equal(none.tokens, 0);
    assert.equal(none.rewriteUsd, 0);
  });

  it('a target that cannot cache the prefix re-sends it as plain input', () => {
    const bigMin: ModelCapabilities = { ...opus55, minCacheableTokens: 50_000 };
    const c = estimateSwitchCost(
      usage,
      { caps: opus55, speed: 'standard' },
      { caps: bigMin, speed: 'standard' },
    );
    assert.ok(c !== 'unknown');
    assert.equal(c.cacheable, false);
    near(c.rewriteUsd, (10_000 * 4) / 1e6);
    assert.match(c.text, /^re-sends uncached/);
  });

  it('an unknown price stays unknown, never $0', () => {
    const noFastPrice: ModelCapabilities = { ...opus55, fastPrices: {} };
    assert.equal(
      estimateSwitchCost(usage, { caps: opus55, speed: 'standard' }, { caps: noFastPrice, speed: 'fast' }),
      'unknown',
    );
    const noWrite: ModelCapabilities = { ...opus55, prices: { input: 4, output: 20, cacheRead: 0.2 } };
    assert.equal(
      estimateSwitchCost(usage, { caps: opus55, speed: 'standard' }, { caps: noWrite, speed: 'standard' }),
      'unknown',
    );
  });
});

describe('cache cost against the simulator: a speed switch misses as estimated', () => {
  it('turn 2 hits; a switch to fast before turn 3 misses with model_changed, the lost tokens as estimated', async () => {
    const sim = await startSimulator({ tokensPerSecond: 50_000, firstTokenDelayMs: 0 });
    const { client } = testClient(sim.url, { maxRetries: 0 });
    const system = Array.from({ length: 100 }, (_, i) => `Rule ${i}: small steps.`).join('\n');
    const history: MessageParam[] = [];
    const messages: Message[] = [];
    try {
      for (const [i, prompt] of ['First question', 'Second question', 'Third question'].entries()) {
        history.push({ role: 'user', content: prompt });
        const settings = {
          model: 'claude-opus-5-5',
          maxTokens: 2_000,
          fast: i === 2,
          previousMessageId: messages.at(-1)?.id ?? null,
        };
        const r = await client.stream(buildRequest(settings, opus55, history, system), {
          fastPolicy: 'wait',
          onEvent: () => undefined,
        });
        assert.equal(r.outcome, 'complete', r.error?.message);
        history.push({ role: 'assistant', content: r.message.content });
        messages.push(r.message);
      }
    } finally {
      await client.close();
      await sim.close();
    }
    const [, second, third] = messages;
    assert.ok(second && third);
    assert.match(cacheReport(second).text, /^cache hit /);
    const report = cacheReport(third);
    assert.equal(report.miss?.type, 'model_changed');
    assert.equal(report.read, 0);
    const predicted = estimateSwitchCost(
      second.usage,
      { caps: opus55, speed: 'standard' },
      { caps: opus55, speed: 'fast' },
    );
    assert.ok(predicted !== 'unknown');
    assert.equal(predicted.tokens, report.miss?.cache_missed_input_tokens);
    assert.match(report.text, /^cache miss: model or speed changed \(/);
  });
});
