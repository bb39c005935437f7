import assert from 'node:assert/strict';
import { resolveModel } from '../../../src/anthropic/models';
import { computeCost, formatUsd, totalInputTokens } from '../../../src/anthropic/pricing';
import type { CostBreakdown, Usage } from '../../../src/anthropic/types';

function known(c: CostBreakdown | 'unknown'): CostBreakdown {
  assert.notEqual(c, 'unknown');
  return c as CostBreakdown;
}
const near = (a: number, b: number): void => assert.ok(Math.abs(a - b) < 1e-9, `${a} ≠ ${b}`);

describe('pricing: cost from usage and the catalogue', () => {
  const opus55 = resolveModel('claude-opus-5-5');

  it('bills Opus 5.5 standard: 10,000 in + 2,000 out = $0.04 + $0.04', () => {
    const c = known(computeCost({ input_tokens: 10_000, output_tokens: 2_000, speed: 'standard' }, opus55));
    near(c.totalUsd, 0.08);
    assert.equal(c.speedMultiplier, 1);
    assert.equal(c.pricedModel, 'claude-opus-5-5');
  });

  it('bills fast only when usage.speed says fast was served, at the multiplier', () => {
    const usage: Usage = { input_tokens: 10_000, output_tokens: 2_000, speed: 'fast' };
    const c = known(computeCost(usage, opus55));
    near(c.totalUsd, 0.16);
    assert.equal(c.speedMultiplier, 2);
    near(known(computeCost({ ...usage, speed: 'standard' }, opus55)).totalUsd, 0.08);
  });

  it('prices cache writes and reads from the table, not a flat multiplier', () => {
    const usage: Usage = {
      input_tokens: 1_000,
      output_tokens: 0,
      cache_creation_input_tokens: 3_000,
      cache_creation: { ephemeral_5m_input_tokens: 1_000, ephemeral_1h_input_tokens: 2_000 },
      cache_read_input_tokens: 10_000,
    };
    const c = known(computeCost(usage, opus55));
    // $4 in, $5 5m write, $8 1h write, $0.20 read (0.05x) per MTok.
    near(c.totalUsd, (1_000 * 4 + 1_000 * 5 + 2_000 * 8 + 10_000 * 0.2) / 1e6);
    assert.deepEqual(
      c.lines.map((l) => l.usdPerMTok),
      [4, 5, 8, 0.2, 20],
    );
  });

  it('takes the Haiku 5.5 price step above 100K prompt tokens, cache reads included', () => {
    const haiku = resolveModel('claude-haiku-5-5');
    const below = known(computeCost({ input_tokens: 100_000, output_tokens: 1_000 }, haiku));
    near(below.totalUsd, (100_000 * 0.1 + 1_000 * 0.5) / 1e6);
    assert.equal(below.longContext, false);
    const above = known(
      computeCost({ input_tokens: 60_000, cache_read_input_tokens: 50_000, output_tokens: 1_000 }, haiku),
    );
    assert.equal(above.longContext, true);
    near(above.totalUsd, (60_000 * 0.5 + 50_000 * 0.05 + 1_000 * 2.5) / 1e6);
    assert.match(above.lines[0]?.label ?? '', /over 100K/);
    // The 1h write price above the step is not published: unknown, never $0.
    const h1 = { input_tokens: 200_000, output_tokens: 1, cache_creation: { ephemeral_1h_input_tokens: 10 } };
    assert.equal(computeCost(h1, haiku), 'unknown');
  });

  it('says unknown (never $0) when a needed price is unknown', () => {
    assert.equal(
      computeCost({ input_tokens: 10, output_tokens: 10 }, resolveModel('claude-future-1')),
      'unknown',
    );
    const mythos52 = resolveModel('claude-mythos-5-2');
    near(known(computeCost({ input_tokens: 1_000_000, output_tokens: 0 }, mythos52)).totalUsd, 8);
    assert.equal(
      computeCost({ input_tokens: 1, output_tokens: 1, cache_read_input_tokens: 5 }, mythos52),
      'unknown',
    );
    // Fast served on a model whose fast price nobody published.
    assert.equal(
      computeCost({ input_tokens: 1, output_tokens: 1, speed: 'fast' }, resolveModel('claude-fable-5-2')),
      'unknown',
    );
  });

  it('uses override prices, cache prices completed from the classic multipliers', () => {
    const m = resolveModel('claude-future-1', undefined, {
      'claude-future-1': { prices: { input: 2, output: 10, cacheRead: 0.2 } },
    });
    near(
      known(computeCost({ input_tokens: 1_000_000, output_tokens: 0, cache_read_input_tokens: 1_000_000 }, m))
        .totalUsd,
      2.2,
    );
    assert.equal(known(computeCost({ input_tokens: 1, output_tokens: 1 }, m)).priceTableDate, 'override');
  });

  it('counts total input as uncached + writes + reads, and formats small sums with four decimals', () => {
    assert.equal(
      totalInputTokens({
        input_tokens: 1,
        output_tokens: 0,
        cache_creation_input_tokens: 2,
        cache_read_input_tokens: 3,
      }),
      6,
    );
    assert.equal(formatUsd(0.0042), '$0.0042');
    assert.equal(formatUsd(1.5), '$1.50');
  });
});
