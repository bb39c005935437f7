import assert from 'node:assert/strict';
import { AnthropicError, type ErrorKind } from '../../../src/anthropic/errors';
import {
  abortableSleep,
  backoffDelayMs,
  decideRetry,
  isRetryableResponse,
  isRetryableStatus,
  retryDelayMs,
} from '../../../src/anthropic/retry';

const err = (kind: ErrorKind, retryable = true): AnthropicError =>
  new AnthropicError({ kind, message: kind, retryable });

describe('retry: policy', () => {
  it('retries 408, 409, 429, 5xx and 529 but not other 4xx', () => {
    for (const s of [408, 409, 429, 500, 502, 504, 529]) assert.equal(isRetryableStatus(s), true, String(s));
    for (const s of [400, 401, 402, 403, 404, 413]) assert.equal(isRetryableStatus(s), false, String(s));
  });

  it('lets x-should-retry override the status rule both ways', () => {
    assert.equal(isRetryableResponse(500, { 'x-should-retry': 'false' }), false);
    assert.equal(isRetryableResponse(400, { 'x-should-retry': 'true' }), true);
    assert.equal(isRetryableResponse(529, {}), true);
  });

  it('backs off min(0.5·2^n, 8) s with up to 25% jitter downwards', () => {
    assert.equal(backoffDelayMs(0, 0), 500);
    assert.equal(backoffDelayMs(0, 1), 375);
    assert.equal(backoffDelayMs(1, 0), 1000);
    assert.equal(backoffDelayMs(3, 0), 4000);
    assert.equal(backoffDelayMs(10, 0), 8000);
    assert.equal(backoffDelayMs(10, 1), 6000);
    for (let i = 0; i < 200; i++) {
      const d = backoffDelayMs(2);
      assert.ok(d > 1500 - 1e-9 && d <= 2000, String(d));
    }
  });

  it('uses the server wait (ms, seconds, HTTP date) instead of backoff when given', () => {
    assert.equal(retryDelayMs(0, { 'retry-after-ms': '1234' }), 1234);
    assert.equal(retryDelayMs(0, { 'retry-after': '2' }), 2000);
    const now = Date.parse('2026-02-17T10:00:00Z');
    assert.equal(retryDelayMs(0, { 'retry-after': new Date(now + 7000).toUTCString() }, now), 7000);
    assert.equal(retryDelayMs(1, {}, now, 0), 1000);
  });

  it('decides: retry a retryable failure before content, within the budget', () => {
    assert.deepEqual(
      decideRetry({
        error: err('overloaded'),
        retriesSoFar: 0,
        maxRetries: 2,
        contentDelivered: false,
        random: 0,
      }),
      { retry: true, delayMs: 500 },
    );
    assert.equal(
      decideRetry({ error: err('overloaded'), retriesSoFar: 2, maxRetries: 2, contentDelivered: false })
        .retry,
      false,
    );
  });

  it('never retries after content, a user abort, a mid-stream failure, or a non-retryable error', () => {
    assert.equal(
      decideRetry({ error: err('connection'), retriesSoFar: 0, maxRetries: 2, contentDelivered: true }).retry,
      false,
    );
    for (const kind of ['aborted', 'stream_error', 'truncated', 'idle_timeout'] as const) {
      assert.equal(
        decideRetry({ error: err(kind), retriesSoFar: 0, maxRetries: 2, contentDelivered: false }).retry,
        false,
        kind,
      );
    }
    assert.equal(
      decideRetry({
        error: err('authentication', false),
        retriesSoFar: 0,
        maxRetries: 2,
        contentDelivered: false,
      }).retry,
      false,
    );
  });

  it('gives up instead of sitting out a server wait over a minute', () => {
    const d = decideRetry({
      error: err('rate_limit'),
      retriesSoFar: 0,
      maxRetries: 2,
      contentDelivered: false,
      headers: { 'retry-after': '600' },
    });
    assert.equal(d.retry, false);
  });

  it('sleeps abortably: an abort ends the wait at once', async () => {
    const ac = new AbortController();
    const t0 = Date.now();
    const p = abortableSleep(5_000, ac.signal);
    setTimeout(() => ac.abort(), 10);
    await p;
    assert.ok(Date.now() - t0 < 1_000);
  });
});
