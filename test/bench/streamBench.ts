// Stream decoding benchmark: `npm run bench:stream`. Not a test: it prints a table.
//
// One synthetic but realistic response (> 5 MB of SSE: a long thinking block, then a long text
// block, deltas of a few tokens, pings, a signature, message_delta) is cut into 1–16 KB chunks at
// arbitrary byte boundaries and fed, as a Response/ReadableStream body, to each variant:
//   a floor        split on "\n\n" + bare JSON.parse of each data payload: the least possible
//   b sdk          @anthropic-ai/sdk: client.messages.stream(...).finalMessage(), as its users stream
//   c hand-rolled  our own SSE scanner (./handRolledSse.ts) + parseStreamEvent + MessageReducer
//   d shipped      StreamEventDecoder (eventsource-parser inside SseDecoder) + MessageReducer
// (c and d call the reducer with a delta callback, as the UI does), plus the SSE decoders alone
// (no JSON), which is what the parser choice turns on.
// Variants alternate within each round; medians over the rounds are reported, since the
// machine is shared and noisy.

import { Anthropic } from '@anthropic-ai/sdk';
import { createParser } from 'eventsource-parser';
import { MessageReducer } from '../../src/anthropic/reducer';
import { SseDecoder } from '../../src/anthropic/sse';
import { HandRolledSseDecoder } from './handRolledSse';
import { parseStreamEvent, StreamEventDecoder } from '../../src/anthropic/streamEvents';
import type { Message } from '../../src/anthropic/types';
import type { BlockDelta } from '../../src/shared/protocol';
import { seededRandom } from '../fixtures/seededRandom';

const WARMUP_ROUNDS = 3;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);

// ---------------------------------------------------------------------------------------------
// Input.

const WORDS = (
  'the a of to and in is that for it with as on be by this are was or at from an not we can ' +
  'function return const value request stream token cache latency thinking answer because ' +
  'however therefore let me check whether 日本語 café naïve — “quoted” 🧠 {x: 1} a\\b "q"'
).split(' ');

/** A few tokens of text, like one API delta: 1–6 words, sometimes a newline or punctuation. */
function fewTokens(rand: () => number): string {
  const n = 1 + Math.floor(rand() * 6);
  let s = '';
  for (let i = 0; i < n; i++)
    s += (i === 0 && rand() < 0.5 ? '' : ' ') + WORDS[Math.floor(rand() * WORDS.length)];
  const r = rand();
  if (r < 0.05) s += '.\n\n';
  else if (r < 0.12) s += ',';
  return s;
}

function sse(event: string, payload: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
}

/** Builds the response text: about `thinkingBytes` of thinking deltas, then `textBytes` of text. */
function buildStream(thinkingBytes: number, textBytes: number): string {
  const rand = seededRandom(42);
  const parts: string[] = [];
  let size = 0;
  const push = (s: string): void => {
    parts.push(s);
    size += s.length;
  };
  push(
    sse('message_start', {
      type: 'message_start',
      message: {
        id: 'msg_01BenchBenchBenchBench01',
        type: 'message',
        role: 'assistant',
        model: 'claude-opus-4-6',
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: {
          input_tokens: 2104,
          cache_creation_input_tokens: 0,
          cache_read_input_tokens: 18000,
          cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
          output_tokens: 4,
          service_tier: 'standard',
          speed: 'fast',
        },
      },
    }),
  );
  push(sse('ping', { type: 'ping' }));
  const block = (index: number, kind: 'thinking' | 'text', bytes: number): void => {
    push(
      sse('content_block_start', {
        type: 'content_block_start',
        index,
        content_block:
          kind === 'thinking'
            ? { type: 'thinking', thinking: '', signature: '' }
            : { type: 'text', text: '' },
      }),
    );
    const end = size + bytes;
    let n = 0;
    while (size < end) {
      const delta =
        kind === 'thinking'
          ? { type: 'thinking_delta', thinking: fewTokens(rand) }
          : { type: 'text_delta', text: fewTokens(rand) };
      push(sse('content_block_delta', { type: 'content_block_delta', index, delta }));
      if (++n % 250 === 0) push(sse('ping', { type: 'ping' }));
    }
    if (kind === 'thinking') {
      let signature = '';
      while (signature.length < 600) signature += Math.floor(rand() * 2 ** 32).toString(36);
      push(
        sse('content_block_delta', {
          type: 'content_block_delta',
          index,
          delta: { type: 'signature_delta', signature },
        }),
      );
    }
    push(sse('content_block_stop', { type: 'content_block_stop', index }));
  };
  block(0, 'thinking', thinkingBytes);
  block(1, 'text', textBytes);
  push(
    sse('message_delta', {
      type: 'message_delta',
      delta: { stop_reason: 'end_turn', stop_sequence: null },
      usage: {
        input_tokens: 2104,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 18000,
        output_tokens: 310_000,
      },
    }),
  );
  push(sse('message_stop', { type: 'message_stop' }));
  return parts.join('');
}

/** Cuts the bytes into 1–16 KB chunks at arbitrary boundaries (UTF-8 sequences included). */
function chunk(bytes: Uint8Array): Uint8Array[] {
  const rand = seededRandom(7);
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length;) {
    const n = 1024 + Math.floor(rand() * 15 * 1024);
    out.push(bytes.slice(i, i + n));
    i += n;
  }
  return out;
}

/** The body as the HTTP layer hands it over: a ReadableStream, one chunk per read. */
function body(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(chunks[i++]);
      else controller.close();
    },
  });
}

async function forEachChunk(chunks: Uint8Array[], f: (c: Uint8Array) => void): Promise<void> {
  const reader = body(chunks).getReader();
  for (;;) {
    const r = await reader.read();
    if (r.done) return;
    f(r.value);
  }
}

// ---------------------------------------------------------------------------------------------
// Variants. Each returns something derived from the whole stream so no work can be skipped.

type Variant = (chunks: Uint8Array[]) => Promise<unknown>;

const floor: Variant = async (chunks) => {
  const utf8 = new TextDecoder();
  let pending = '';
  let count = 0;
  await forEachChunk(chunks, (c) => {
    const text = pending + utf8.decode(c, { stream: true });
    let start = 0;
    let end: number;
    while ((end = text.indexOf('\n\n', start)) !== -1) {
      const d = text.indexOf('data: ', start);
      if (d !== -1 && d < end) {
        JSON.parse(text.slice(d + 6, end));
        count++;
      }
      start = end + 2;
    }
    pending = text.slice(start);
  });
  return count;
};

const sdk: Variant = async (chunks) => {
  const client = new Anthropic({
    apiKey: 'bench',
    maxRetries: 0,
    fetch: () =>
      Promise.resolve(new Response(body(chunks), { headers: { 'content-type': 'text/event-stream' } })),
  });
  return client.messages
    .stream({ model: 'claude-opus-4-6', max_tokens: 320_000, messages: [{ role: 'user', content: 'bench' }] })
    .finalMessage();
};

/** What the UI does with each delta: look at it. Counting keeps the calls from being elided. */
let deltaCount = 0;
const onDelta = (d: BlockDelta): void => {
  if (d.op === 'append') deltaCount++;
};

/** (c) The hand-written SSE decoder, then the same JSON step and reducer as shipped. */
const handRolled: Variant = async (chunks) => {
  const decoder = new HandRolledSseDecoder();
  const reducer = new MessageReducer();
  await forEachChunk(chunks, (c) => {
    const records = decoder.push(c);
    for (let i = 0; i < records.length; i++) {
      const e = parseStreamEvent(records[i]);
      if (e !== undefined) reducer.apply(e, onDelta);
    }
  });
  if (!decoder.end().clean) throw new Error('hand-rolled: stream did not end cleanly');
  return reducer.message;
};

/** (d) What ships: StreamEventDecoder (eventsource-parser inside SseDecoder) + reducer. */
const shipped: Variant = async (chunks) => {
  const decoder = new StreamEventDecoder();
  const reducer = new MessageReducer();
  await forEachChunk(chunks, (c) => decoder.push(c, (e) => reducer.apply(e, onDelta)));
  if (!decoder.end().clean) throw new Error('shipped: stream did not end cleanly');
  return reducer.message;
};

const handRolledSseOnly: Variant = async (chunks) => {
  const d = new HandRolledSseDecoder();
  let n = 0;
  await forEachChunk(chunks, (c) => {
    n += d.push(c).length;
  });
  d.end();
  return n;
};

const shippedSseOnly: Variant = async (chunks) => {
  const d = new SseDecoder();
  let n = 0;
  await forEachChunk(chunks, (c) => {
    n += d.push(c).length;
  });
  d.end();
  return n;
};

/** eventsource-parser with nothing around it: shows what SseDecoder's wrapper costs. */
const bareEspSseOnly: Variant = async (chunks) => {
  const utf8 = new TextDecoder();
  let n = 0;
  const parser = createParser({ onEvent: () => void n++ });
  await forEachChunk(chunks, (c) => parser.feed(utf8.decode(c, { stream: true })));
  return n;
};

const FLOOR = 'a floor: split + JSON.parse';
const SDK = 'b sdk: messages.stream().finalMessage()';
const HAND = 'c hand-rolled SSE + JSON + reducer';
const SHIP = 'd eventsource-parser SSE + JSON + reducer (shipped)';
const HAND_SSE = 'hand-rolled SSE only';
const SHIP_SSE = 'SseDecoder (eventsource-parser) SSE only';
const BARE_SSE = 'bare eventsource-parser SSE only';
const variants: [string, Variant][] = [
  [FLOOR, floor],
  [SDK, sdk],
  [HAND, handRolled],
  [SHIP, shipped],
  [HAND_SSE, handRolledSseOnly],
  [SHIP_SSE, shippedSseOnly],
  [BARE_SSE, bareEspSseOnly],
];

// ---------------------------------------------------------------------------------------------

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Same content, as the next turn would send it back (the SDK adds a helper field). */
function comparable(m: unknown): string {
  const { parsed_output: _ignored, ...rest } = m as Message & { parsed_output?: unknown };
  return JSON.stringify(rest);
}

async function main(): Promise<void> {
  const text = buildStream(3_000_000, 2_500_000);
  const bytes = new TextEncoder().encode(text);
  const chunks = chunk(bytes);
  const mb = bytes.length / 1e6;
  console.log(
    `stream: ${mb.toFixed(2)} MB, ${text.split('\n\n').length - 1} events, ${chunks.length} chunks of 1–16 KB; ` +
      `node ${process.version}; ${WARMUP_ROUNDS} warm-up + ${ROUNDS} rounds, variants alternating`,
  );

  // Correctness first: the three accumulating variants must build the same message.
  const reference = comparable(await shipped(chunks));
  if (comparable(await sdk(chunks)) !== reference) throw new Error('the sdk and ours disagree');
  if (comparable(await handRolled(chunks)) !== reference) throw new Error('the two decoders disagree');

  const times = new Map<string, number[]>(variants.map(([name]) => [name, []]));
  for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
    // Rotate the order every round so no variant always runs right after the same neighbour.
    for (let k = 0; k < variants.length; k++) {
      const [name, run] = variants[(k + round) % variants.length];
      const t0 = process.hrtime.bigint();
      await run(chunks);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (round >= WARMUP_ROUNDS) times.get(name)!.push(ms);
    }
  }

  const mbps = new Map<string, number>();
  console.log('\n| variant | median ms | median MB/s |\n| --- | ---: | ---: |');
  for (const [name] of variants) {
    const ms = median(times.get(name)!);
    mbps.set(name, mb / (ms / 1000));
    console.log(`| ${name} | ${ms.toFixed(1)} | ${(mb / (ms / 1000)).toFixed(1)} |`);
  }
  // Ratios per round (same round, neighbouring runs), then the median: steadier than a ratio of medians.
  const ratio = (a: string, b: string): number => {
    const ta = times.get(a)!;
    const tb = times.get(b)!;
    return median(ta.map((t, i) => tb[i] / t));
  };
  console.log(
    [
      '',
      `shipped / sdk throughput:          ${ratio(SHIP, SDK).toFixed(2)}x   (goal >= 1.5x)`,
      `floor / shipped throughput:        ${ratio(FLOOR, SHIP).toFixed(2)}x   (goal <= 2x)`,
      `hand-rolled / sdk throughput:      ${ratio(HAND, SDK).toFixed(2)}x`,
      `floor / hand-rolled throughput:    ${ratio(FLOOR, HAND).toFixed(2)}x`,
      `hand-rolled / shipped (full path): ${ratio(HAND, SHIP).toFixed(2)}x`,
      `hand-rolled / shipped (SSE only):  ${ratio(HAND_SSE, SHIP_SSE).toFixed(2)}x`,
      `hand-rolled / bare eventsource-parser (SSE only): ${ratio(HAND_SSE, BARE_SSE).toFixed(2)}x`,
      `(deltas seen by the UI callback: ${deltaCount})`,
    ].join('\n'),
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
