import assert from 'node:assert/strict';
import { resolveModel } from '../../../src/anthropic/models';
import { buildRequest } from '../../../src/anthropic/requestBuilder';
import type { StreamResult } from '../../../src/anthropic/types';
import { historyMessages, type Turn } from '../../../src/extension/chat/conversation';
import { startSimulator, type Simulator } from '../../simulator/server';
import { startRelay, testClient, type Relay } from './clientTestKit';

const MODEL = 'claude-opus-5-5';
const caps = resolveModel(MODEL);
/** Over the model's 512-token minimum on its own, so the first turn already writes the cache. */
const SYSTEM = Array.from({ length: 120 }, (_, i) => `Rule ${i + 1}: keep changes small and say why.`).join(
  '\n',
);

/** The JSON bodies of the POST /v1/messages requests in the relay's raw bytes, in order. */
function rawBodies(relay: Relay): string[] {
  const out: string[] = [];
  const re = /POST [^ ]*\/v1\/messages HTTP\/1\.1\r\n([\s\S]*?)\r\n\r\n/g;
  for (let m = re.exec(relay.sent); m; m = re.exec(relay.sent)) {
    const length = Number(/content-length:\s*(\d+)/i.exec(m[1] ?? '')?.[1]);
    assert.ok(Number.isInteger(length), 'request has a content-length');
    out.push(relay.sent.slice(re.lastIndex, re.lastIndex + length));
  }
  return out;
}

/** Bytes of `body` up to the end of its messages array, without the closing `]`. */
function throughMessages(body: string): string {
  const parsed = JSON.parse(body) as { messages: unknown[] };
  const start = body.indexOf('"messages":');
  assert.ok(start > 0);
  const messages = JSON.stringify(parsed.messages);
  assert.equal(
    body.slice(start + 11, start + 11 + messages.length),
    messages,
    'messages serialized as parsed',
  );
  return body.slice(0, start + 11 + messages.length - 1);
}

describe('byte-stable history: turn 2 begins with turn 1 (simulator, loopback HTTP)', () => {
  let sim: Simulator;
  let relay: Relay;
  before(async () => {
    sim = await startSimulator({ tokensPerSecond: 50_000, firstTokenDelayMs: 0 });
    relay = await startRelay(sim.port);
  });
  after(async () => {
    await relay.close();
    await sim.close();
  });

  it('sends the first request’s model, system and messages as the exact prefix of the second, and turn 2 reads the cache', async () => {
    const { client } = testClient(relay.url);
    const turns: Turn[] = [];
    const results: StreamResult[] = [];
    try {
      for (const prompt of ['Explain the retry loop.', 'Now shorten it.']) {
        const turn: Turn = {
          id: `t${turns.length}`,
          prompt,
          attachments: [],
          content: [],
          outcome: 'complete',
        };
        turns.push(turn);
        const built = buildRequest({ model: MODEL, maxTokens: 4_000 }, caps, historyMessages(turns), SYSTEM);
        const result = await client.stream(built, { fastPolicy: 'wait', onEvent: () => undefined });
        assert.equal(result.outcome, 'complete', result.error?.message);
        // What the extension stores: the content as it arrived, round-tripped through JSON (persistence).
        turn.content = JSON.parse(JSON.stringify(result.message.content)) as Turn['content'];
        results.push(result);
      }
    } finally {
      await client.close();
    }

    const [first, second] = rawBodies(relay);
    assert.ok(first !== undefined && second !== undefined, 'two request bodies on the wire');
    const prefix = throughMessages(first);
    assert.ok(
      second.startsWith(`${prefix},`),
      'turn 2 body = turn 1 body through its messages, then more messages',
    );
    assert.ok(prefix.includes('"system":'), 'the system prompt is inside the shared prefix');
    // The simulator's own log saw the same bodies.
    const logged = sim.requests.filter((r) => r.path === '/v1/messages').map((r) => JSON.stringify(r.body));
    assert.deepEqual(logged, [first, second]);

    const [u1, u2] = results.map((r) => r.metrics.usage);
    assert.ok((u1?.cache_creation_input_tokens ?? 0) > 0, 'turn 1 writes the prefix');
    assert.equal(u1?.cache_read_input_tokens ?? 0, 0);
    assert.equal(
      u2?.cache_read_input_tokens,
      (u1?.cache_creation_input_tokens ?? 0) + (u1?.input_tokens ?? 0),
    );
    assert.ok((results[1]?.metrics.cost?.cacheSavedUsd ?? 0) > 0, 'the saving is priced');
  });
});
