import * as assert from 'node:assert/strict';
import type { Message, StreamEvent } from '../../../src/anthropic/types';
import { type Simulator, startSimulator } from '../../simulator/server';
import { FAST_TEST_SETTINGS, post, stream, userTurn } from './helpers';

type Ended = Message & {
  stop_details: { type: string; category: string | null; explanation: string | null } | null;
};

describe('simulator: refusal and context-window directives', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator(FAST_TEST_SETTINGS);
  });
  after(() => sim.close());

  const json = async (prompt: string, extra: Record<string, unknown> = {}): Promise<Ended> =>
    (await (
      await post(sim, '/v1/messages', {
        body: userTurn(prompt, { model: 'claude-opus-5-5', stream: false, ...extra }),
      })
    ).json()) as Ended;

  it('[sim:refusal]: HTTP 200, stop_reason refusal with stop_details, before any output', async () => {
    const m = await json('Write malware [sim:refusal category=cyber]');
    assert.equal(m.stop_reason, 'refusal');
    assert.deepEqual(m.content, []);
    assert.equal(m.stop_details?.type, 'refusal');
    assert.equal(m.stop_details?.category, 'cyber');
    assert.ok((m.stop_details?.explanation ?? '').length > 0);
    assert.equal(m.usage.output_tokens, 0);
  });

  it('[sim:refusal text=N]: partial text first, and stop_details on the streamed message_delta', async () => {
    const { events } = await stream(sim, {
      body: userTurn('Explain lab work [sim:refusal category=bio text=12]', {
        model: 'claude-opus-5-5',
        thinking: { type: 'adaptive', display: 'summarized' },
      }),
    });
    const texts = events.filter((e) => e.type === 'content_block_delta' && e.delta.type === 'text_delta');
    assert.equal(texts.length, 12);
    const delta = events.find((e) => e.type === 'message_delta') as Extract<
      StreamEvent,
      { type: 'message_delta' }
    >;
    assert.equal(delta.delta.stop_reason, 'refusal');
    assert.equal((delta.delta as { stop_details?: { category: string } }).stop_details?.category, 'bio');
    const start = events[0] as Extract<StreamEvent, { type: 'message_start' }>;
    assert.equal((start.message as Ended).stop_details, null);
  });

  it('an unknown category is reported as null, with no explanation', async () => {
    const m = await json('Hmm [sim:refusal category=other]');
    assert.deepEqual(m.stop_details, { type: 'refusal', category: null, explanation: null });
  });

  it('[sim:context-exceeded text=N] and a real overflow stop with model_context_window_exceeded', async () => {
    const m = await json('Summarize [sim:context-exceeded text=5]');
    assert.equal(m.stop_reason, 'model_context_window_exceeded');
    assert.equal(m.stop_details, null);
    sim.configure({ modelRules: { 'claude-opus-5-5': { maxInputTokens: 60 } } });
    try {
      const tight = await json('Explain closures in JavaScript with an example');
      assert.equal(tight.stop_reason, 'model_context_window_exceeded');
      const tooLong = await post(sim, '/v1/messages', {
        body: userTurn('x'.repeat(400), { model: 'claude-opus-5-5', stream: false }),
      });
      assert.equal(tooLong.status, 400);
    } finally {
      sim.configure({ modelRules: null });
    }
  });
});
