import * as assert from 'node:assert/strict';
import { createParser } from 'eventsource-parser';
import { AnthropicError } from '../../../src/anthropic/errors';
import { SseDecoder } from '../../../src/anthropic/sse';
import type { SseEnd, SseEvent } from '../../../src/anthropic/sse';
import {
  parseStreamEvent,
  StreamEventDecoder,
  streamErrorToAnthropicError,
} from '../../../src/anthropic/streamEvents';
import type { StreamEvent } from '../../../src/anthropic/types';
import { HandRolledSseDecoder } from '../../bench/handRolledSse';
import { completeFixtures, failingFixtures, readFixture } from '../../fixtures/streams/streamFixtures';

const utf8 = new TextEncoder();

interface Decoded {
  events: SseEvent[];
  end: SseEnd;
}

/** The production decoder (eventsource-parser inside) and the benchmark's hand-rolled contender. */
type AnyDecoder = SseDecoder | HandRolledSseDecoder;
const implementations: [string, () => AnyDecoder][] = [
  ['SseDecoder', () => new SseDecoder()],
  ['HandRolledSseDecoder (benchmark contender)', () => new HandRolledSseDecoder()],
];
let makeDecoder: () => AnyDecoder = () => new SseDecoder();

function decode(chunks: Uint8Array[]): Decoded {
  const d = makeDecoder();
  const events: SseEvent[] = [];
  for (const c of chunks) events.push(...d.push(c));
  return { events, end: d.end() };
}

function decodeText(...parts: string[]): Decoded {
  return decode(parts.map((p) => utf8.encode(p)));
}

/** Every way the tests cut a stream: whole, at each byte offset into two, and byte by byte. */
function* chunkings(bytes: Uint8Array): Generator<[string, Uint8Array[]]> {
  yield ['whole', [bytes]];
  for (let i = 0; i <= bytes.length; i++) yield [`split at ${i}`, [bytes.subarray(0, i), bytes.subarray(i)]];
  yield ['byte by byte', Array.from(bytes, (_, i) => bytes.subarray(i, i + 1))];
}

/** Asserts the stream decodes identically however it is cut; returns the result. */
function decodeEveryWay(bytes: Uint8Array): Decoded {
  const reference = decode([bytes]);
  for (const [how, chunks] of chunkings(bytes)) assert.deepEqual(decode(chunks), reference, how);
  return reference;
}

/** The same stream with other legal line ends. */
function withLineEnds(bytes: Uint8Array, eol: '\n' | '\r\n' | '\r'): Uint8Array {
  return utf8.encode(new TextDecoder().decode(bytes).replace(/\n/g, eol));
}

/** eventsource-parser, a well-kept independent implementation, as an oracle. */
function oracle(bytes: Uint8Array): SseEvent[] {
  const out: SseEvent[] = [];
  const p = createParser({ onEvent: (m) => out.push({ event: m.event ?? 'message', data: m.data }) });
  const text = new TextDecoder().decode(bytes);
  p.feed(text);
  // It holds a final `\r` back waiting for a possible `\n`; a `\n` completes that same line end.
  if (text.endsWith('\r')) p.feed('\n');
  return out;
}

for (const [implementation, make] of implementations)
  describe(implementation, function () {
    // Every-split runs take a few seconds on a loaded machine.
    this.timeout(60_000);
    before(() => {
      makeDecoder = make;
    });
    after(() => {
      makeDecoder = () => new SseDecoder();
    });

    describe('fixtures', () => {
      for (const name of [...completeFixtures, ...failingFixtures]) {
        for (const [label, eol] of [
          ['LF', '\n'],
          ['CRLF', '\r\n'],
          ['CR', '\r'],
        ] as const) {
          it(`decodes ${name} (${label}) identically at every split and byte by byte`, () => {
            const bytes = withLineEnds(readFixture(name), eol);
            const result = decodeEveryWay(bytes);
            assert.deepEqual(
              result.events,
              decode([readFixture(name)]).events,
              'same events as the LF original',
            );
            assert.deepEqual(result.events, oracle(bytes), 'same events as eventsource-parser');
          });
        }
      }

      it('ends every complete fixture cleanly', () => {
        for (const name of completeFixtures) assert.equal(decode([readFixture(name)]).end.clean, true, name);
      });

      it('reports the fixture cut before its final blank line as not clean and drops its last event', () => {
        const { events, end } = decode([readFixture('cutBeforeBlankLine')]);
        assert.equal(end.clean, false);
        assert.equal(events.length, 3);
        assert.ok(events.every((e) => !e.data.includes('Dropped')));
      });
    });

    describe('line ends', () => {
      it('treats \\n, \\r and \\r\\n alike', () => {
        const expected = [{ event: 'x', data: 'a\nb' }];
        assert.deepEqual(decodeText('event: x\ndata: a\ndata: b\n\n').events, expected);
        assert.deepEqual(decodeText('event: x\rdata: a\rdata: b\r\r').events, expected);
        assert.deepEqual(decodeText('event: x\r\ndata: a\r\ndata: b\r\n\r\n').events, expected);
        assert.deepEqual(decodeText('event: x\r\ndata: a\rdata: b\n\r\n').events, expected, 'mixed');
      });

      it('does not see an extra blank line when \\r\\n is split across chunks', () => {
        const { events } = decodeText('data: a\r', '\ndata: b\r', '\n', '\r', '\n');
        assert.deepEqual(events, [{ event: 'message', data: 'a\nb' }]);
      });

      it('dispatches on a blank line made of a lone \\r at the very end of input', () => {
        const { events, end } = decodeText('data: a\n\r');
        assert.deepEqual(events, [{ event: 'message', data: 'a' }]);
        assert.equal(end.clean, true);
      });
    });

    describe('UTF-8', () => {
      it('decodes multi-byte characters split at every byte boundary', () => {
        const bytes = utf8.encode('data: {"t":"é — 日本 🧠"}\n\n');
        const { events } = decodeEveryWay(bytes);
        assert.deepEqual(events, [{ event: 'message', data: '{"t":"é — 日本 🧠"}' }]);
      });

      it('strips one byte-order mark at the start of the stream only', () => {
        const { events } = decodeText('\uFEFFdata: a\n\ndata: \uFEFFb\n\n');
        assert.deepEqual(events, [
          { event: 'message', data: 'a' },
          { event: 'message', data: '\uFEFFb' },
        ]);
      });

      it('reports a UTF-8 sequence cut by the end of input as not clean', () => {
        const bytes = utf8.encode('data: a\n\ndata: 🧠');
        const end = decode([bytes.subarray(0, bytes.length - 2)]).end;
        assert.equal(end.clean, false);
      });
    });

    describe('fields', () => {
      it('joins several data lines with \\n', () => {
        assert.deepEqual(decodeText('data: {"a":\ndata: 1}\n\n').events, [
          { event: 'message', data: '{"a":\n1}' },
        ]);
      });

      it('ignores comment lines, also inside an event, and a comment-only stream ends cleanly', () => {
        assert.deepEqual(decodeText(':hi\nevent: e\n: note\ndata: d\n\n: bye\n').events, [
          { event: 'e', data: 'd' },
        ]);
        assert.equal(decodeText(': keep-alive\n').end.clean, true);
      });

      it('removes exactly one optional space after the colon', () => {
        assert.deepEqual(decodeText('data:x\n\ndata: x\n\ndata:  x\n\nevent:e\ndata:\n\n').events, [
          { event: 'message', data: 'x' },
          { event: 'message', data: 'x' },
          { event: 'message', data: ' x' },
          { event: 'e', data: '' },
        ]);
      });

      it('reads a line without a colon as a field with an empty value', () => {
        assert.deepEqual(decodeText('data\ndata\n\nevent\ndata: x\n\n').events, [
          { event: 'message', data: '\n' },
          { event: 'message', data: 'x' },
        ]);
      });

      it('does not dispatch an event without data lines', () => {
        assert.deepEqual(decodeText('event: ping\n\n\n\n').events, []);
      });

      it('keeps the event name when it follows the data, and defaults it to "message"', () => {
        assert.deepEqual(decodeText('data: 1\nevent: late\n\ndata: 2\n\n').events, [
          { event: 'late', data: '1' },
          { event: 'message', data: '2' },
        ]);
      });

      it('records id and retry without putting them in events, ignoring invalid values', () => {
        const d = makeDecoder();
        const events = [
          ...d.pushText('id: 7\nretry: 2500\ndata: a\n\nid: bad\0id\nretry: soon\nunknown: x\ndata: b\n\n'),
        ];
        assert.deepEqual(events, [
          { event: 'message', data: 'a' },
          { event: 'message', data: 'b' },
        ]);
        assert.equal(d.lastEventId, '7');
        assert.equal(d.retryMs, 2500);
      });

      it('keeps trailing spaces of a data line (JSON.parse accepts them)', () => {
        const { events } = decodeText('data: {"type":"ping"}  \t\n\n');
        assert.equal(events[0].data, '{"type":"ping"}  \t');
        assert.deepEqual(parseStreamEvent(events[0]), { type: 'ping' });
      });

      it('decodes a long line that arrives over many chunks', () => {
        const text = 'x'.repeat(100_000);
        const parts = ['data: ', ...text.match(/.{1,997}/g)!, '\n\n'];
        assert.deepEqual(decodeText(...parts).events, [{ event: 'message', data: text }]);
      });
    });

    describe('end of input', () => {
      it('discards an event not closed by a blank line and says so', () => {
        const r = decodeText('data: a\n\ndata: b\n');
        assert.deepEqual(r.events, [{ event: 'message', data: 'a' }]);
        assert.deepEqual(r.end, { clean: false, discardedChars: 0 });
      });

      it('discards a partial last line and counts its characters', () => {
        assert.deepEqual(decodeText('data: a\n\ndata: {"ty').end, { clean: false, discardedChars: 10 });
      });

      it('ends cleanly at an event boundary, and an empty stream ends cleanly', () => {
        assert.deepEqual(decodeText('data: a\n\n').end, { clean: true, discardedChars: 0 });
        assert.deepEqual(decodeText().end, { clean: true, discardedChars: 0 });
      });

      it('can be reused after end()', () => {
        const d = makeDecoder();
        d.pushText('data: partial\r');
        assert.equal(d.end().clean, false);
        assert.deepEqual([...d.pushText('\ndata: next\n\n')], [{ event: 'message', data: 'next' }]);
      });
    });
  });

describe('SseDecoder and its benchmark contender', () => {
  it('agree on the events and the end of every fixture in every line-end style', () => {
    // Each is also checked at every split above; this pins them to each other, end() included.
    for (const name of [...completeFixtures, ...failingFixtures]) {
      for (const eol of ['\n', '\r\n', '\r'] as const) {
        const bytes = withLineEnds(readFixture(name), eol);
        const a = new SseDecoder();
        const b = new HandRolledSseDecoder();
        assert.deepEqual([...a.push(bytes)], [...b.push(bytes)], `${name} ${JSON.stringify(eol)}`);
        assert.deepEqual(a.end(), b.end(), `${name} ${JSON.stringify(eol)} end`);
      }
    }
  });
});

describe('parseStreamEvent / StreamEventDecoder', () => {
  it('ignores event types this client does not know', () => {
    assert.equal(parseStreamEvent({ event: 'future', data: '{"type":"future","x":1}' }), undefined);
  });

  it('surfaces an error event with its body', () => {
    const e = parseStreamEvent({
      event: 'error',
      data: '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
    });
    assert.deepEqual(e, { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
  });

  it('surfaces an error event whose data is not JSON, with the text as message', () => {
    assert.deepEqual(parseStreamEvent({ event: 'error', data: 'upstream gone' }), {
      type: 'error',
      error: { type: 'api_error', message: 'upstream gone' },
    });
  });

  it('throws a stream_error AnthropicError for malformed JSON', () => {
    assert.throws(
      () => parseStreamEvent({ event: 'content_block_delta', data: '{"type":"content_block_delta",' }),
      (e: unknown) =>
        e instanceof AnthropicError && e.kind === 'stream_error' && e.cause instanceof SyntaxError,
    );
  });

  it('delivers the events before a malformed one in the same chunk', () => {
    const d = new StreamEventDecoder();
    const seen: StreamEvent[] = [];
    assert.throws(() => d.push(utf8.encode('data: {"type":"ping"}\n\ndata: {oops\n\n'), (e) => seen.push(e)));
    assert.deepEqual(seen, [{ type: 'ping' }]);
  });

  it('maps a mid-stream error body to a retryable stream_error for transient types only', () => {
    const overloaded = streamErrorToAnthropicError(
      { type: 'overloaded_error', message: 'Overloaded' },
      'req_1',
    );
    assert.equal(overloaded.kind, 'stream_error');
    assert.equal(overloaded.errorType, 'overloaded_error');
    assert.equal(overloaded.requestId, 'req_1');
    assert.equal(overloaded.retryable, true);
    assert.equal(
      streamErrorToAnthropicError({ type: 'invalid_request_error', message: 'no' }).retryable,
      false,
    );
  });
});
