import assert from 'node:assert/strict';
import { parseRateLimits, parseRetryAfter } from '../../../src/anthropic/rateLimits';

describe('rateLimits: header parsing', () => {
  it('reads retry-after as seconds, retry-after-ms first, and an HTTP date relative to now', () => {
    assert.equal(parseRetryAfter({ 'retry-after': '3' }), 3000);
    assert.equal(parseRetryAfter({ 'retry-after': '3', 'retry-after-ms': '250' }), 250);
    const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
    assert.equal(parseRetryAfter({ 'retry-after': 'Wed, 21 Oct 2026 07:28:05 GMT' }, now), 5000);
    assert.equal(parseRetryAfter({ 'retry-after': 'Wed, 21 Oct 2026 07:27:00 GMT' }, now), 0);
    assert.equal(parseRetryAfter({ 'retry-after': 'soon' }), undefined);
    assert.equal(parseRetryAfter({}), undefined);
  });

  it('parses standard and fast-mode windows and leaves absent ones absent', () => {
    const info = parseRateLimits({
      'retry-after': '1',
      'anthropic-ratelimit-requests-limit': '50',
      'anthropic-ratelimit-requests-remaining': '49',
      'anthropic-ratelimit-requests-reset': '2026-02-17T10:00:00Z',
      'anthropic-ratelimit-output-tokens-remaining': '7999',
      'anthropic-fast-input-tokens-limit': '1000000',
      'anthropic-fast-input-tokens-remaining': '0',
      'anthropic-fast-output-tokens-reset': '2026-02-17T10:00:01Z',
    });
    assert.deepEqual(info, {
      retryAfterMs: 1000,
      requests: { limit: 50, remaining: 49, reset: '2026-02-17T10:00:00Z' },
      outputTokens: { remaining: 7999 },
      fastInputTokens: { limit: 1_000_000, remaining: 0 },
      fastOutputTokens: { reset: '2026-02-17T10:00:01Z' },
    });
  });

  it('accepts undici-style repeated headers (arrays)', () => {
    assert.equal(parseRetryAfter({ 'retry-after': ['2', '9'] }), 2000);
  });
});
