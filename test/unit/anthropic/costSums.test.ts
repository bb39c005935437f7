import assert from 'node:assert/strict';
import { displayCost } from '../../../src/anthropic/costDisplay';
import { resolveModel } from '../../../src/anthropic/models';
import { computeCost } from '../../../src/anthropic/pricing';
import type { CostBreakdown, Usage } from '../../../src/anthropic/types';
import { formatUsd } from '../../../src/shared/money';
import { formatUnits, moneyColumn, usdDecimals } from '../../../src/shared/moneyColumn';

function known(c: CostBreakdown | 'unknown'): CostBreakdown {
  assert.notEqual(c, 'unknown');
  return c as CostBreakdown;
}

/** Parses `$1.234` / `~$0.0091` into integer units at `decimals`. */
function units(text: string, decimals: number): number {
  const m = /^~?(-?)\$(\d+)\.(\d+)$/.exec(text);
  assert.ok(m, `money text ${text}`);
  assert.equal(m[3]?.length, decimals, `${text} has ${decimals} decimals`);
  return (m[1] ? -1 : 1) * Number(`${m[2]}${m[3]}`);
}

/** A small seeded PRNG, so the sums are checked over the same many breakdowns every run. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('pricing you can trust: lines add up exactly to the total', () => {
  const opus55 = resolveModel('claude-opus-5-5');
  const sonnet55 = resolveModel('claude-sonnet-5-5');

  it('the issue’s case: $0.0091 + $0.055 shows at one precision and sums to the shown total', () => {
    const col = moneyColumn([0.0091, 0.055]);
    assert.equal(col.decimals, 3);
    assert.deepEqual(col.lines, ['$0.009', '$0.055']);
    assert.equal(col.total, '$0.064');
  });

  it('rounds half up from integer nano-dollars (0.0045 is not 0.004 because of binary floats)', () => {
    assert.deepEqual(moneyColumn([0.0045, 0.5], 3).lines, ['$0.005', '$0.500']);
    assert.equal(formatUnits(-50, 2), '-$0.50');
    assert.equal(usdDecimals(0), 2);
    assert.equal(usdDecimals(0.004), 4);
  });

  it('over 2,000 random usages on two models and both speeds, shown lines sum to the shown total', () => {
    const rand = prng(12);
    for (let i = 0; i < 2_000; i++) {
      const big = rand() < 0.5;
      const scale = big ? 200_000 : 3_000;
      const w5 = Math.floor(rand() * scale);
      const w1 = rand() < 0.3 ? Math.floor(rand() * scale) : 0;
      const usage: Usage = {
        input_tokens: Math.floor(rand() * scale),
        output_tokens: Math.floor(rand() * 20_000),
        cache_read_input_tokens: Math.floor(rand() * scale * 5),
        cache_creation_input_tokens: w5 + w1,
        cache_creation: { ephemeral_5m_input_tokens: w5, ephemeral_1h_input_tokens: w1 },
        speed: rand() < 0.5 ? 'fast' : 'standard',
      };
      const caps = usage.speed === 'fast' || rand() < 0.5 ? opus55 : sonnet55;
      const d = displayCost(known(computeCost(usage, caps)));
      const sum = d.lines.reduce((s, l) => s + units(l.text, d.decimals), 0);
      assert.equal(units(d.total, d.decimals), sum, JSON.stringify(usage));
    }
  });

  it('cache saved = what the reads would have cost as input minus what they cost', () => {
    const c = known(
      computeCost(
        { input_tokens: 100, output_tokens: 10, cache_read_input_tokens: 100_000, speed: 'standard' },
        opus55,
      ),
    );
    assert.ok(Math.abs(c.cacheSavedUsd - (100_000 * (4 - 0.2)) / 1e6) < 1e-12);
    assert.equal(displayCost(c).saved, `cache saved ${formatUsd(0.38)}`);
    const fast = known(
      computeCost(
        { input_tokens: 0, output_tokens: 0, cache_read_input_tokens: 100_000, speed: 'fast' },
        opus55,
      ),
    );
    assert.ok(Math.abs(fast.cacheSavedUsd - 0.76) < 1e-12, 'at the fast prices actually billed');
    const none = known(computeCost({ input_tokens: 100, output_tokens: 10, speed: 'standard' }, opus55));
    assert.equal(none.cacheSavedUsd, 0);
    assert.equal(displayCost(none).saved, undefined);
  });

  it('labels every line by kind, output including thinking', () => {
    const c = known(
      computeCost(
        {
          input_tokens: 10,
          output_tokens: 500,
          cache_read_input_tokens: 2_000,
          cache_creation_input_tokens: 1_500,
          cache_creation: { ephemeral_5m_input_tokens: 1_000, ephemeral_1h_input_tokens: 500 },
          output_tokens_details: { thinking_tokens: 300 },
        },
        opus55,
      ),
    );
    assert.deepEqual(
      c.lines.map((l) => [l.kind, l.tokens]),
      [
        ['input', 10],
        ['cacheWrite5m', 1_000],
        ['cacheWrite1h', 500],
        ['cacheRead', 2_000],
        ['output', 500],
      ],
    );
  });

  it('an estimated usage shows its total with ~; an unknown price stays unknown', () => {
    const c = known(computeCost({ input_tokens: 1_000, output_tokens: 1_000, speed: 'standard' }, opus55));
    assert.match(displayCost({ ...c, estimated: true }).total, /^~\$/);
    assert.equal(
      computeCost({ input_tokens: 1, output_tokens: 1 }, { ...opus55, prices: { output: 20 } }),
      'unknown',
    );
  });
});
