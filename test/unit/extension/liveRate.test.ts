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
