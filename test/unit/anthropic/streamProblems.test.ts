// A stream with events the reducer cannot apply (here: a delta for a block that never started)
// still gives the answer, and the client's log says what was wrong (issue 10 #15).
import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testClient } from './clientTestKit';

function sse(events: object[]): string {
  return events.map((e) => `event: ${(e as { type: string }).type}\ndata: ${JSON.stringify(e)}\n\n`).join('');
}

describe('stream problems', () => {
  let server: Server;
  let url: string;
  before(async () => {
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(
        sse([
          {
            type: 'message_start',
            message: {
              id: 'msg_1',
              type: 'message',
              role: 'assistant',
              model: 'claude-opus-4-6',
              content: [],
              stop_reason: null,
              usage: { input_tokens: 5, output_tokens: 1 },
            },
          },
          { type: 'content_block_delta', index: 3, delta: { type: 'text_delta', text: 'lost?' } },
          { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
          { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hello.' } },
          { type: 'content_block_stop', index: 0 },
          { type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 3 } },
          { type: 'message_stop' },
        ]),
      );
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  it('keeps the answer and logs the problem', async () => {
    const { client, logs } = testClient(url);
    try {
      const result = await client.stream(
        {
          body: { model: 'claude-opus-4-6', max_tokens: 100, messages: [{ role: 'user', content: 'hi' }] },
          betas: [],
        },
        { fastPolicy: 'wait' },
      );
      assert.equal(result.outcome, 'complete');
      assert.deepEqual(result.message.content, [{ type: 'text', text: 'Hello.' }]);
      assert.ok(
        logs.some((l) => /stream problem bad_index at block 3/.test(l)),
        logs.join('\n'),
      );
    } finally {
      await client.close();
    }
  });
});
