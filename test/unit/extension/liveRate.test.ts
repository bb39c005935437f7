import * as assert from 'node:assert/strict';
import { LiveRate } from '../../../src/extension/status/liveRate';

describe('live output rate', () => {
  it('estimates tokens per second at about 4 characters per token', () => {
    const rate = new LiveRate();
    assert.equal(rate.update(40, 500), undefined);
    assert.equal(rate.update(80, 600), undefined, 'too short a span to say');
    assert.equal(rate.update(440, 1500), 100);
  });

  it('follows the recent pace, not the average since the start', () => {
    const rate = new LiveRate();
    for (let ms = 0; ms <= 5_000; ms += 100)
      rate.update(ms < 2_500 ? ms * 0.4 : 1_000 + (ms - 2_500) * 2, ms);
    assert.ok(Math.abs((rate.current() ?? 0) - 500) < 1, String(rate.current()));
  });

  it('starts over when a new stream begins', () => {
    const rate = new LiveRate();
    rate.update(0, 0);
    rate.update(4_000, 1_000);
    assert.equal(rate.update(10, 50), undefined);
  });
});

describe('live rate calibration', () => {
  it('learns characters per billed token from finished responses, so the estimate nears the final figure', () => {
    const rate = new LiveRate();
    // A response whose billed output (thinking included) is 2 characters per visible token.
    const final = (chars: number, ms: number): number => chars / 2 / (ms / 1000);
    const estimate = (): number => {
      rate.reset();
      rate.update(0, 0);
      return rate.update(4000, 1000)!;
    };
    const before = Math.abs(estimate() - final(4000, 1000));
    rate.calibrate(4000, 2000);
    rate.calibrate(4000, 2000);
    rate.calibrate(4000, 2000);
    const after = Math.abs(estimate() - final(4000, 1000));
    assert.ok(after < before / 4, `error ${after.toFixed(0)} vs ${before.toFixed(0)} tok/s`);
    assert.ok(rate.charsPerToken > 2 && rate.charsPerToken < 2.3, String(rate.charsPerToken));
  });

  it('ignores responses too small to say anything and clamps wild ratios', () => {
    const rate = new LiveRate();
    rate.calibrate(100, 10);
    assert.equal(rate.charsPerToken, 4);
    rate.calibrate(100_000, 100);
    assert.ok(rate.charsPerToken <= 12);
  });
});
