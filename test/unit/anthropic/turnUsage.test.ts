import assert from 'node:assert/strict';
import { buildMetrics } from '../../../src/anthropic/metrics';
import { resolveModel } from '../../../src/anthropic/models';
import { buildRequest } from '../../../src/anthropic/requestBuilder';
import { estimateOutputTokens, settledUsage } from '../../../src/anthropic/turnUsage';
import type { Message } from '../../../src/anthropic/types';
import { startSimulator } from '../../simulator/server';
import { testClient } from './clientTestKit';

function message(partial: Partial<Message>): Message {
  return {
    id: 'msg_1',
    type: 'message',
    role: 'assistant',
    model: 'claude-opus-5-5',
    content: [],
    stop_reason: null,
    stop_sequence: null,
    usage: { input_tokens: 2_000, output_tokens: 1, speed: 'standard' },
    ...partial,
  };
}
const produced = [
  { type: 'thinking', thinking: 'x'.repeat(400), signature: '' },
  { type: 'text', text: 'y'.repeat(800) },
];

describe('usage of stopped and interrupted turns', () => {
  it('a stop before the final message_delta estimates the output from what arrived, flagged', () => {
    const s = settledUsage(message({ content: produced }), 'stopped');
    assert.equal(s.estimated, true);
    assert.equal(s.usage.output_tokens, 300);
    assert.equal(s.usage.input_tokens, 2_000, 'input is known from message_start');
    assert.equal(estimateOutputTokens(message({ content: produced })), 300);
  });

  it('the server’s figures win when the final message_delta came (stop_reason set)', () => {
    const m = message({
      content: produced,
      stop_reason: 'end_turn',
      usage: { input_tokens: 2_000, output_tokens: 420 },
    });
    assert.deepEqual(settledUsage(m, 'interrupted'), { usage: m.usage, estimated: false });
  });

  it('a message_delta usage that covers the content is used as is', () => {
    const m = message({ content: produced, usage: { input_tokens: 2_000, output_tokens: 350 } });
    assert.equal(settledUsage(m, 'stopped').estimated, false);
  });

  it('a complete turn is never estimated', () => {
    assert.equal(settledUsage(message({ content: produced }), 'complete').estimated, false);
  });

  it('the metrics price the estimate and mark the cost as estimated', () => {
    const s = settledUsage(message({ content: produced }), 'stopped');
    const m = buildMetrics({
      model: 'claude-opus-5-5',
      timings: { startedAt: 0, attemptStartedAt: 0, firstDeltaAt: 10, lastDeltaAt: 1_010, endedAt: 1_100 },
      usage: s.usage,
      usageEstimated: s.estimated,
      requestedSpeed: 'standard',
      fellBack: false,
      attempts: 1,
      rateLimits: {},
      caps: resolveModel('claude-opus-5-5'),
    });
    assert.equal(m.usageEstimated, true);
    assert.equal(m.cost?.estimated, true);
    const output = m.cost?.lines.find((l) => l.kind === 'output');
    assert.equal(output?.tokens, 300);
    assert.ok(Math.abs((output?.usd ?? 0) - (300 * 20) / 1e6) < 1e-12);
  });

  it('through the client: a stream cut before message_delta is priced from the estimate, flagged', async () => {
    const sim = await startSimulator({ tokensPerSecond: 50_000, firstTokenDelayMs: 0 });
    const { client } = testClient(sim.url, { maxRetries: 0 });
    try {
      const caps = resolveModel('claude-opus-5-5');
      const built = buildRequest({ model: 'claude-opus-5-5', maxTokens: 4_000 }, caps, [
        { role: 'user', content: 'Explain the event loop in detail [sim:drop after=40]' },
      ]);
      const r = await client.stream(built, { fastPolicy: 'wait', onEvent: () => undefined, caps });
      assert.equal(r.outcome, 'interrupted');
      assert.equal(r.message.stop_reason, null, 'no message_delta arrived');
      assert.equal(r.metrics.usageEstimated, true);
      assert.equal(r.metrics.usage.output_tokens, estimateOutputTokens(r.message));
      assert.ok(r.metrics.usage.output_tokens > 1, 'more than message_start’s placeholder');
      assert.equal(r.metrics.cost?.estimated, true);
      assert.ok((r.metrics.cost?.lines.find((l) => l.kind === 'output')?.usd ?? 0) > 0);
    } finally {
      await client.close();
      await sim.close();
    }
  });
});
