// The December-2026 outcomes through the real path: SSE protocol text → StreamEventDecoder →
// MessageReducer → outcomes/metrics.

import assert from 'node:assert/strict';
import { buildMetrics } from '../../../src/anthropic/metrics';
import { resolveModel } from '../../../src/anthropic/models';
import {
  contextWindowExceeded,
  fallbackModelOf,
  isKnownStopReason,
  refusalOf,
  thinkingTokensOf,
} from '../../../src/anthropic/outcomes';
import { MessageReducer } from '../../../src/anthropic/reducer';
import { StreamEventDecoder } from '../../../src/anthropic/streamEvents';
import type { Message } from '../../../src/anthropic/types';

/** Builds SSE text the way the API frames it: `event:` + `data:` + blank line per event. */
function sse(events: Record<string, unknown>[]): string {
  return events.map((e) => `event: ${String(e.type)}\ndata: ${JSON.stringify(e)}\n\n`).join('');
}

function reduce(text: string): { message: Message; problems: number } {
  const decoder = new StreamEventDecoder();
  const reducer = new MessageReducer();
  // Split mid-event to exercise framing across chunks.
  const bytes = new TextEncoder().encode(text);
  const cut = Math.floor(bytes.length / 3);
  for (const chunk of [bytes.slice(0, cut), bytes.slice(cut)]) decoder.push(chunk, (e) => reducer.apply(e));
  decoder.end();
  return { message: structuredClone(reducer.message), problems: reducer.problems.length };
}

const start = (model: string) => ({
  type: 'message_start',
  message: {
    id: 'msg_1',
    type: 'message',
    role: 'assistant',
    model,
    content: [],
    stop_reason: null,
    stop_sequence: null,
    stop_details: null,
    usage: { input_tokens: 20, output_tokens: 1 },
  },
});
const text = (index: number, t: string) => [
  { type: 'content_block_start', index, content_block: { type: 'text', text: '' } },
  { type: 'content_block_delta', index, delta: { type: 'text_delta', text: t } },
  { type: 'content_block_stop', index },
];

describe('new outcomes through the reducer', () => {
  it('a refusal after partial text keeps the text and the stop_details', () => {
    const { message } = reduce(
      sse([
        start('claude-opus-5-5'),
        ...text(0, 'Here is the first part'),
        {
          type: 'message_delta',
          delta: {
            stop_reason: 'refusal',
            stop_sequence: null,
            stop_details: { type: 'refusal', category: 'cyber', explanation: 'This request was declined.' },
          },
          usage: { output_tokens: 12 },
        },
        { type: 'message_stop' },
      ]),
    );
    assert.equal(message.content[0]?.type, 'text');
    assert.deepEqual(refusalOf(message), {
      type: 'refusal',
      category: 'cyber',
      explanation: 'This request was declined.',
    });
    assert.equal(isKnownStopReason(message.stop_reason), true);
  });

  it('model_context_window_exceeded, thinking tokens, served speed', () => {
    const { message } = reduce(
      sse([
        start('claude-opus-5-5'),
        {
          type: 'content_block_start',
          index: 0,
          content_block: { type: 'thinking', thinking: '', signature: '' },
        },
        { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 'sig' } },
        { type: 'content_block_stop', index: 0 },
        {
          type: 'message_delta',
          delta: { stop_reason: 'model_context_window_exceeded', stop_sequence: null },
          usage: { output_tokens: 900, output_tokens_details: { thinking_tokens: 850 }, speed: 'fast' },
        },
        { type: 'message_stop' },
      ]),
    );
    assert.equal(contextWindowExceeded(message), true);
    assert.equal(thinkingTokensOf(message.usage), 850);
    assert.deepEqual(message.content[0], { type: 'thinking', thinking: '', signature: 'sig' });
    const metrics = buildMetrics({
      model: message.model,
      timings: { startedAt: 0, attemptStartedAt: 0, endedAt: 1 },
      usage: message.usage,
      requestedSpeed: 'fast',
      fellBack: false,
      attempts: 1,
      rateLimits: {},
      caps: resolveModel('claude-opus-5-5'),
    });
    assert.equal(metrics.thinkingTokens, 850);
    assert.equal(metrics.speed, 'fast');
    assert.equal(metrics.cost?.speedMultiplier, 2, 'priced from usage.speed');
  });

  it('a fallback block and a fallback_message iteration name the serving model, priced at its rates', () => {
    const { message, problems } = reduce(
      sse([
        start('claude-fable-5-2'),
        {
          type: 'content_block_start',
          index: 0,
          content_block: {
            type: 'fallback',
            from: { model: 'claude-fable-5-2' },
            to: { model: 'claude-opus-5-5' },
            trigger: { type: 'refusal', category: 'cyber' },
          },
        },
        { type: 'content_block_stop', index: 0 },
        ...text(1, 'Answer from Opus'),
        {
          type: 'message_delta',
          delta: { stop_reason: 'end_turn', stop_sequence: null },
          usage: {
            input_tokens: 1_000_000,
            output_tokens: 0,
            iterations: [
              { type: 'message', model: 'claude-fable-5-2', input_tokens: 10, output_tokens: 0 },
              {
                type: 'fallback_message',
                model: 'claude-opus-5-5',
                input_tokens: 1_000_000,
                output_tokens: 0,
              },
            ],
          },
        },
        { type: 'message_stop' },
      ]),
    );
    assert.equal(problems, 0);
    assert.equal(message.content[0]?.type, 'fallback', 'kept in place for echoing back');
    assert.equal(fallbackModelOf(message), 'claude-opus-5-5');
    const metrics = buildMetrics({
      model: message.model,
      timings: { startedAt: 0, attemptStartedAt: 0, endedAt: 1 },
      usage: message.usage,
      requestedSpeed: 'standard',
      fellBack: false,
      attempts: 1,
      rateLimits: {},
      caps: resolveModel('claude-fable-5-2'),
      servedModel: 'claude-opus-5-5',
      servedCaps: resolveModel('claude-opus-5-5'),
    });
    assert.equal(metrics.servedModel, 'claude-opus-5-5');
    assert.equal(metrics.cost?.totalUsd, 4, '1M input at Opus 5.5 $4, not Fable $8');
    // Without iterations, the block alone says who served.
    const blockOnly = { ...message, usage: { input_tokens: 1, output_tokens: 1 } };
    assert.equal(fallbackModelOf(blockOnly), 'claude-opus-5-5');
  });

  it('keeps unknown stop reasons and unknown block types without crashing', () => {
    const { message, problems } = reduce(
      sse([
        start('claude-opus-5-5'),
        { type: 'content_block_start', index: 0, content_block: { type: 'hologram', payload: { x: 1 } } },
        { type: 'content_block_delta', index: 0, delta: { type: 'hologram_delta', bits: 'x' } },
        { type: 'content_block_stop', index: 0 },
        { type: 'brand_new_event', whatever: true },
        {
          type: 'message_delta',
          delta: { stop_reason: 'compaction', stop_sequence: null },
          usage: { output_tokens: 3 },
        },
        { type: 'message_stop' },
      ]),
    );
    assert.equal(problems, 0);
    assert.deepEqual(message.content[0], { type: 'hologram', payload: { x: 1 } });
    assert.equal(message.stop_reason, 'compaction');
    assert.equal(isKnownStopReason(message.stop_reason), false);
    assert.equal(refusalOf(message), undefined);
    const priced = buildMetrics({
      model: message.model,
      timings: { startedAt: 0, attemptStartedAt: 0, endedAt: 1 },
      usage: message.usage,
      requestedSpeed: 'standard',
      fellBack: false,
      attempts: 1,
      rateLimits: {},
      caps: resolveModel('claude-mythos-preview'),
    });
    assert.equal(priced.cost, undefined);
    assert.equal(priced.priceUnknown, true);
  });
});
