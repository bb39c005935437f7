import * as assert from 'node:assert/strict';
import { Anthropic, APIError } from '@anthropic-ai/sdk';
import { MessageReducer } from '../../../src/anthropic/reducer';
import type { ReducerState, StreamProblem } from '../../../src/anthropic/reducer';
import type { SseEnd } from '../../../src/anthropic/sse';
import { StreamEventDecoder } from '../../../src/anthropic/streamEvents';
import type { ApiErrorBody, Message, StreamEvent } from '../../../src/anthropic/types';
import type { BlockDelta } from '../../../src/shared/protocol';
import { completeFixtures, readFixture } from '../../fixtures/streams/streamFixtures';
import type { FixtureName } from '../../fixtures/streams/streamFixtures';

interface Reduced {
  message: Message;
  deltas: BlockDelta[];
  state: ReducerState;
  sawMessageStop: boolean;
  error: ApiErrorBody | undefined;
  problems: readonly StreamProblem[];
  end: SseEnd;
}

/** Bytes → StreamEventDecoder → MessageReducer, the way the HTTP client will run them. */
function reduce(chunks: Uint8Array[]): Reduced {
  const decoder = new StreamEventDecoder();
  const reducer = new MessageReducer();
  const deltas: BlockDelta[] = [];
  const emit = (d: BlockDelta): void => void deltas.push(d);
  for (const c of chunks) decoder.push(c, (e) => reducer.apply(e, emit));
  return {
    message: structuredClone(reducer.message),
    deltas,
    state: reducer.state,
    sawMessageStop: reducer.sawMessageStop,
    error: reducer.error,
    problems: reducer.problems,
    end: decoder.end(),
  };
}

function reduceFixture(name: FixtureName): Reduced {
  return reduce([readFixture(name)]);
}

/** Applies inline events (no SSE) and returns the reducer and the deltas it emitted. */
function applyAll(events: unknown[]): { reducer: MessageReducer; deltas: BlockDelta[] } {
  const reducer = new MessageReducer();
  const deltas: BlockDelta[] = [];
  for (const e of events) reducer.apply(e as StreamEvent, (d) => deltas.push(d));
  return { reducer, deltas };
}

const start = (usage: object = { input_tokens: 10, output_tokens: 1 }): object => ({
  type: 'message_start',
  message: {
    id: 'msg_1',
    type: 'message',
    role: 'assistant',
    model: 'claude-opus-4-6',
    content: [],
    stop_reason: null,
    stop_sequence: null,
    usage,
  },
});
const blockStart = (index: number, block: object): object => ({
  type: 'content_block_start',
  index,
  content_block: block,
});
const delta = (index: number, d: object): object => ({ type: 'content_block_delta', index, delta: d });
const blockStop = (index: number): object => ({ type: 'content_block_stop', index });

/**
 * What an SDK user gets: `client.messages.stream(...).finalMessage()` with the fixture bytes as
 * the HTTP response body (custom fetch), in the given chunks.
 */
async function sdkFinalMessage(chunks: Uint8Array[]): Promise<unknown> {
  const client = new Anthropic({
    apiKey: 'test-key',
    maxRetries: 0,
    fetch: () => {
      let i = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (i < chunks.length) controller.enqueue(chunks[i++]);
          else controller.close();
        },
      });
      return Promise.resolve(new Response(body, { headers: { 'content-type': 'text/event-stream' } }));
    },
  });
  const stream = client.messages.stream({
    model: 'claude-opus-4-6',
    max_tokens: 1024,
    messages: [{ role: 'user', content: 'hi' }],
  });
  return stream.finalMessage();
}

/** JSON as it would be stored or sent back, without the SDK's own helper field. */
function asSentBack(message: unknown): unknown {
  const plain = JSON.parse(JSON.stringify(message)) as Record<string, unknown>;
  delete plain.parsed_output; // added by the SDK's structured-output helper, not part of the API
  return plain;
}

describe('MessageReducer', () => {
  describe('fixtures', function () {
    // Every-split runs and the SDK round trips take a few seconds on a loaded machine.
    this.timeout(60_000);
    for (const name of completeFixtures) {
      it(`builds the same message and deltas from ${name} at every split and byte by byte`, () => {
        const bytes = readFixture(name);
        const reference = reduce([bytes]);
        assert.equal(reference.state, 'done');
        assert.equal(reference.sawMessageStop, true);
        assert.equal(reference.end.clean, true);
        assert.deepEqual(reference.problems, []);
        for (let i = 0; i <= bytes.length; i++) {
          assert.deepEqual(reduce([bytes.subarray(0, i), bytes.subarray(i)]), reference, `split at ${i}`);
        }
        const bytewise = Array.from(bytes, (_, i) => bytes.subarray(i, i + 1));
        assert.deepEqual(reduce(bytewise), reference, 'byte by byte');
      });

      it(`builds from ${name} exactly the final message the official SDK accumulates`, async () => {
        const bytes = readFixture(name);
        const ours = reduce([bytes]).message;
        assert.deepEqual(asSentBack(ours), asSentBack(await sdkFinalMessage([bytes])));
        // And with the body in small odd-sized chunks, so the SDK's own framing is exercised too.
        const chunks: Uint8Array[] = [];
        for (let i = 0; i < bytes.length; i += 7) chunks.push(bytes.subarray(i, i + 7));
        assert.deepEqual(asSentBack(ours), asSentBack(await sdkFinalMessage(chunks)));
      });
    }

    it('keeps thinking text and signature verbatim, multi-byte characters included', () => {
      const { message } = reduceFixture('thinkingText');
      assert.deepEqual(message.content, [
        {
          type: 'thinking',
          thinking:
            "The user asks why the café's latency doubled — let me check 日本語 logs 🧠.\n\n" +
            'The "p99" went from 120ms to 240ms… likely the cache.',
          signature:
            'EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds7YGhBYMaU+3Rk+oTcNz/1o2lfAqzCQbfUY5DEPjPOKTuX6AOzTDy3/gOLZcLyoQYh0Y34IKVQPaE0Xr/0Nk5hoM',
        },
        {
          type: 'text',
          text: 'The p99 doubled because the cache was cold — naïve warm-up fixes it:\n\n```ts\nawait warm();\n``` ✅ Done.',
        },
      ]);
      assert.equal(message.stop_reason, 'end_turn');
      assert.equal(message.usage.output_tokens, 187);
      assert.equal(message.usage.service_tier, 'standard', 'kept: message_delta did not mention it');
    });

    it('emits blockStart, only the new text of each delta, blockStop, usage and stopReason in order', () => {
      const { deltas } = reduceFixture('thinkingText');
      const ops = deltas.map((d) => `${d.op}${d.index}`).join(',');
      assert.equal(ops, 'start0,append0,append0,append0,append0,stop0,start1,append1,append1,append1,stop1');
      assert.deepEqual(deltas[0], { op: 'start', index: 0, kind: 'thinking' });
      assert.deepEqual(
        deltas[3],
        { op: 'append', index: 0, text: '' },
        'an empty thinking delta is passed on',
      );
      assert.deepEqual(deltas[9], { op: 'append', index: 1, text: ' ✅ Done.' });
      assert.deepEqual(deltas.at(-1), { op: 'stop', index: 1 });
    });

    it('keeps a redacted_thinking block exactly as it arrived', () => {
      const { message, deltas } = reduceFixture('redactedThinking');
      const raw = new TextDecoder().decode(readFixture('redactedThinking'));
      const sent = (
        JSON.parse(
          raw
            .split('\n')
            .find((l) => l.includes('redacted_thinking'))!
            .slice(6),
        ) as {
          content_block: unknown;
        }
      ).content_block;
      assert.deepEqual(message.content[1], sent);
      assert.deepEqual(
        deltas.find((d) => d.op === 'start' && d.index === 1),
        { op: 'start', index: 1, kind: 'redacted' },
      );
    });

    it('parses streamed tool input at block stop, and keeps {} for a tool block without deltas', () => {
      const { message } = reduceFixture('toolUse');
      assert.deepEqual(message.content[1], {
        type: 'tool_use',
        id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6',
        name: 'get_weather',
        input: { location: 'San Francisco, CA', unit: 'fahrenheit', note: 'café ☕' },
      });
      assert.deepEqual((message.content[2] as { input: unknown }).input, {});
      assert.equal(message.stop_reason, 'tool_use');
    });

    it('appends citations to the text block in order', () => {
      const { message } = reduceFixture('citations');
      const block = message.content[1] as { text: string; citations: { cited_text: string }[] };
      assert.equal(block.text, 'the grass is green');
      assert.deepEqual(
        block.citations.map((c) => c.cited_text),
        ['The grass is green. ', 'Grass is green in spring — «vert». '],
      );
    });

    it('overwrites usage with the cumulative counts of the last message_delta (never adds)', () => {
      const { message } = reduceFixture('fastUsage');
      assert.deepEqual(message.usage, {
        input_tokens: 12,
        cache_creation_input_tokens: 3100,
        cache_read_input_tokens: 0,
        cache_creation: { ephemeral_5m_input_tokens: 3100, ephemeral_1h_input_tokens: 0 },
        output_tokens: 58,
        service_tier: 'standard',
        speed: 'fast',
      });
      assert.equal(message.stop_reason, 'end_turn', 'the last message_delta wins');
    });

    it('ignores unknown event and delta types and keeps unknown block types verbatim', () => {
      const { message } = reduceFixture('unknownEvents');
      assert.equal((message.content[1] as { type: string }).type, 'web_search_tool_result');
      assert.equal(
        (message.content[2] as { text: string }).text,
        'Per the spec, unknown fields are ignored.',
      );
      assert.deepEqual((message.content[0] as { input: unknown }).input, { query: 'sse spec' });
      assert.deepEqual(message.usage.server_tool_use, { web_search_requests: 1 });
    });

    it('keeps what arrived before a mid-stream error event and exposes the error body', async () => {
      const r = reduceFixture('errorMidStream');
      assert.equal(r.state, 'errored');
      assert.equal(r.sawMessageStop, false);
      assert.deepEqual(r.error, { type: 'overloaded_error', message: 'Overloaded' });
      assert.deepEqual(r.message.content, [{ type: 'text', text: 'Here is the first half of' }]);
      // The SDK refuses it too, as an APIError of the same type.
      await assert.rejects(
        sdkFinalMessage([readFixture('errorMidStream')]),
        (e: unknown) => e instanceof APIError && e.type === 'overloaded_error',
      );
    });

    it('keeps everything before a cut-off last event, and the end says the stream was cut', async () => {
      const r = reduceFixture('cutBeforeBlankLine');
      assert.equal(r.end.clean, false);
      assert.equal(r.state, 'streaming');
      assert.equal(r.sawMessageStop, false);
      assert.deepEqual(r.message.content, [{ type: 'text', text: 'Kept: this arrived whole.' }]);
      // The SDK refuses a stream without message_stop as well.
      await assert.rejects(sdkFinalMessage([readFixture('cutBeforeBlankLine')]));
    });
  });

  describe('semantics', () => {
    it('starts waiting with an empty placeholder message', () => {
      const r = new MessageReducer();
      assert.equal(r.state, 'waiting');
      assert.deepEqual(r.message.content, []);
    });

    it('replaces the signature on each signature_delta instead of appending', () => {
      const { reducer } = applyAll([
        start(),
        blockStart(0, { type: 'thinking', thinking: '', signature: '' }),
        delta(0, { type: 'signature_delta', signature: 'first' }),
        delta(0, { type: 'signature_delta', signature: 'second' }),
      ]);
      assert.equal((reducer.message.content[0] as { signature: string }).signature, 'second');
    });

    it('overwrites usage fields a message_delta mentions, keeps the others, and ignores nulls', () => {
      const { reducer } = applyAll([
        start({
          input_tokens: 10,
          output_tokens: 1,
          cache_read_input_tokens: 5,
          service_tier: 'standard',
          speed: 'standard',
        }),
        {
          type: 'message_delta',
          delta: { stop_reason: 'end_turn', stop_sequence: null },
          usage: { output_tokens: 40, speed: 'fast' },
        },
        { type: 'message_delta', delta: {}, usage: { output_tokens: 50, cache_read_input_tokens: null } },
      ]);
      assert.deepEqual(reducer.message.usage, {
        input_tokens: 10,
        output_tokens: 50,
        cache_read_input_tokens: 5,
        service_tier: 'standard',
        speed: 'fast',
      });
      assert.equal(reducer.message.stop_reason, 'end_turn', 'a delta without stop_reason keeps it');
    });

    it('keeps invalid tool JSON as the raw string and reports it instead of throwing', () => {
      const { reducer } = applyAll([
        start(),
        blockStart(0, { type: 'tool_use', id: 't', name: 'f', input: {} }),
        delta(0, { type: 'input_json_delta', partial_json: '{"a": ' }),
        blockStop(0),
      ]);
      assert.equal((reducer.message.content[0] as { input: unknown }).input, '{"a": ');
      assert.deepEqual(
        reducer.problems.map((p) => p.kind),
        ['invalid_tool_input'],
      );
    });

    it('does not crash on unknown indexes, duplicate starts, or mismatched delta types', () => {
      const { reducer } = applyAll([
        start(),
        delta(3, { type: 'text_delta', text: 'lost' }),
        blockStop(9),
        blockStart(-1, { type: 'text', text: '' }),
        { type: 'content_block_delta', index: 'constructor', delta: { type: 'text_delta', text: 'x' } },
        { type: 'content_block_stop', index: 'constructor' },
        blockStart(0, { type: 'text', text: '' }),
        blockStart(0, { type: 'text', text: 'again' }),
        delta(0, { type: 'thinking_delta', thinking: 'wrong block' }),
        delta(0, { type: 'text_delta', text: 'ok' }),
        delta(0, { type: 'text_delta' }),
        { type: 'content_block_delta', index: 0, delta: null },
      ]);
      assert.deepEqual(reducer.message.content, [{ type: 'text', text: 'ok' }]);
      assert.equal(reducer.state, 'streaming');
      assert.ok(reducer.problems.length >= 7);
    });

    it('places a block that starts out of order at its index', () => {
      const { reducer } = applyAll([
        start(),
        blockStart(1, { type: 'text', text: '' }),
        blockStart(0, { type: 'text', text: '' }),
        delta(1, { type: 'text_delta', text: 'second' }),
        delta(0, { type: 'text_delta', text: 'first' }),
      ]);
      assert.deepEqual(
        reducer.message.content.map((b) => (b as { text: string }).text),
        ['first', 'second'],
      );
    });

    it('ignores content events before message_start and after message_stop', () => {
      const { reducer } = applyAll([
        blockStart(0, { type: 'text', text: '' }),
        start(),
        { type: 'message_stop' },
        blockStart(0, { type: 'text', text: 'late' }),
      ]);
      assert.equal(reducer.state, 'done');
      assert.deepEqual(reducer.message.content, []);
      assert.equal(reducer.problems.length, 2);
    });

    it('ignores pings anywhere', () => {
      const { reducer, deltas } = applyAll([{ type: 'ping' }, start(), { type: 'ping' }]);
      assert.equal(reducer.state, 'streaming');
      assert.deepEqual(reducer.problems, []);
      assert.equal(deltas.length, 0, 'message_start carries no block');
    });

    it('does not modify the event objects it is given', () => {
      const events = [
        start(),
        blockStart(0, { type: 'text', text: '', citations: [] }),
        delta(0, { type: 'text_delta', text: 'a' }),
        delta(0, { type: 'citations_delta', citation: { n: 1 } }),
        { type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 9 } },
      ];
      const before = structuredClone(events);
      applyAll(events);
      assert.deepEqual(events, before);
    });

    it('works without a delta callback', () => {
      const r = new MessageReducer();
      r.apply(start() as StreamEvent);
      r.apply(blockStart(0, { type: 'text', text: '' }) as StreamEvent);
      r.apply(delta(0, { type: 'text_delta', text: 'hi' }) as StreamEvent);
      assert.equal((r.message.content[0] as { text: string }).text, 'hi');
    });
  });
});
