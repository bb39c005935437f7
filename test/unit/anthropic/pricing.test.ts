import assert from 'node:assert/strict';
import { resolveModel } from '../../../src/anthropic/models';
import { computeCost, formatUsd } from '../../../src/anthropic/pricing';

const close = (a: number, b: number): void => assert.ok(Math.abs(a - b) < 1e-9, `${a} ≠ ${b}`);
const opus46 = resolveModel('claude-opus-4-6');

describe('pricing: cost from usage and the price table', () => {
  it('bills Opus 4.6 fast at 6x: 10,000 in + 2,000 out = $0.30 + $0.30 = $0.60', () => {
    const c = computeCost({ input_tokens: 10_000, output_tokens: 2_000, speed: 'fast' }, opus46);
    close(c.lines[0].usd, 0.3);
    close(c.lines[1].usd, 0.3);
    close(c.totalUsd, 0.6);
    assert.equal(c.speedMultiplier, 6);
    assert.equal(c.longContext, false);
    assert.equal(formatUsd(c.totalUsd), '$0.60');
  });

  it('bills the same usage at standard prices when the server served standard (fallback)', () => {
    const c = computeCost({ input_tokens: 10_000, output_tokens: 2_000, speed: 'standard' }, opus46);
    close(c.totalUsd, 0.05 + 0.05);
    assert.equal(c.speedMultiplier, 1);
  });

  it('switches fast mode to $60/$225 (12x) when total input incl. cache exceeds 200K', () => {
    const c = computeCost(
      { input_tokens: 1_000, cache_read_input_tokens: 200_000, output_tokens: 1_000, speed: 'fast' },
      opus46,
    );
    assert.equal(c.speedMultiplier, 12);
    assert.equal(c.longContext, true);
    // 1,000 × $60 + 200,000 × $6 (0.1x) + 1,000 × $225, per million
    close(c.totalUsd, 0.06 + 1.2 + 0.225);
  });

  it('splits cache writes 5m/1h from usage.cache_creation and prices reads at 0.1x', () => {
    const c = computeCost(
      {
        input_tokens: 100,
        output_tokens: 0,
        cache_creation_input_tokens: 3_000,
        cache_read_input_tokens: 10_000,
        cache_creation: { ephemeral_5m_input_tokens: 1_000, ephemeral_1h_input_tokens: 2_000 },
      },
      resolveModel('claude-sonnet-4-6'),
    );
    const byLabel = Object.fromEntries(c.lines.map((l) => [l.label, l]));
    close(byLabel['Cache write, 5 min'].usdPerMTok, 3.75);
    close(byLabel['Cache write, 1 hour'].usdPerMTok, 6);
    close(byLabel['Cache read'].usdPerMTok, 0.3);
    close(c.totalUsd, (100 * 3 + 1_000 * 3.75 + 2_000 * 6 + 10_000 * 0.3) / 1e6);
  });

  it('counts all cache writes as 5m when the split is absent', () => {
    const c = computeCost(
      { input_tokens: 0, output_tokens: 0, cache_creation_input_tokens: 1_000_000 },
      resolveModel('claude-haiku-4-5'),
    );
    close(c.totalUsd, 1.25);
  });

  it('applies the long-context tier at standard speed above 200K input', () => {
    const c = computeCost(
      { input_tokens: 300_000, output_tokens: 10_000 },
      resolveModel('claude-sonnet-4-5'),
    );
    assert.equal(c.longContext, true);
    close(c.totalUsd, (300_000 * 6) / 1e6 + (10_000 * 22.5) / 1e6);
    assert.match(c.lines[0].label, /over 200K/);
  });

  it('labels lines for people and carries the price table date', () => {
    const c = computeCost({ input_tokens: 1, output_tokens: 1 }, opus46);
    assert.deepEqual(
      c.lines.map((l) => l.label),
      ['Input', 'Output incl. thinking'],
    );
    assert.equal(c.priceTableDate, opus46.priceTableDate);
    assert.equal(formatUsd(0.0012), '$0.0012');
  });
});
