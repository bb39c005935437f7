// Fidelity: for every simulator scenario, the official @anthropic-ai/sdk pointed at the simulator
// builds the same final message as our client (SSE decoder + reducer + transport). Fields that are
// random per response (message id, signature nonces, redacted data) are compared by shape only.

import Anthropic from '@anthropic-ai/sdk';
import assert from 'node:assert/strict';
import { resolveModel } from '../../../src/anthropic/models';
import { buildRequest, type RequestSettings } from '../../../src/anthropic/requestBuilder';
import type { BuiltRequest, Message } from '../../../src/anthropic/types';
import { startSimulator, type Simulator } from '../../simulator/server';
import { testClient, TEST_KEY } from './clientTestKit';

const MAGIC =
  'ANTHROPIC_MAGIC_STRING_TRIGGER_REDACTED_THINKING_46C9A13E193C177646C7398A98432ECCCE4C1253D5E2D82641AC0E52CC2876CB';

interface Scenario {
  name: string;
  prompt: string;
  settings?: Partial<RequestSettings>;
  check?: (m: Message) => void;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'adaptive thinking then text',
    prompt: 'Explain memoization in Python',
    check: (m) =>
      assert.deepEqual(
        m.content.map((b) => b.type),
        ['thinking', 'text'],
      ),
  },
  {
    name: 'redacted thinking (magic string)',
    prompt: `Tell me a secret ${MAGIC}`,
    check: (m) => assert.ok(m.content.some((b) => b.type === 'redacted_thinking')),
  },
  {
    name: 'omitted thinking display',
    prompt: 'Explain closures in JavaScript',
    settings: { display: 'omitted' },
    check: (m) => assert.equal((m.content[0] as { thinking?: string }).thinking, ''),
  },
  {
    name: 'budget thinking on Haiku 4.5',
    prompt: 'Explain recursion',
    settings: { model: 'claude-haiku-4-5' },
  },
  {
    name: 'fast mode (beta)',
    prompt: 'Explain generators in Python',
    settings: { fast: true },
    check: (m) => assert.equal(m.usage.speed, 'fast'),
  },
  {
    name: 'max_tokens stop',
    prompt: 'Explain the borrow checker in Rust [sim:long tokens=2000]',
    settings: { maxTokens: 300, thinking: 'off' },
    check: (m) => assert.equal(m.stop_reason, 'max_tokens'),
  },
  {
    name: 'long answer',
    prompt: 'Write a long guide to Go channels [sim:long tokens=3000]',
    settings: { maxTokens: 8_000 },
  },
];

/** The SDK's client-side additions (structured-output helper), not part of the wire message. */
const SDK_ONLY = ['parsed_output'];

/**
 * Replaces per-response random values with placeholders (after checking they are present), and
 * compares as JSON so an `undefined` field equals an absent one.
 */
function normalize(message: Message): unknown {
  const m = JSON.parse(JSON.stringify(message)) as Message;
  for (const key of SDK_ONLY) delete (m as unknown as Record<string, unknown>)[key];
  return {
    ...m,
    id: m.id.length > 0 ? '<id>' : '',
    content: m.content.map((b) => {
      if (b.type === 'thinking')
        return { ...b, signature: (b as { signature: string }).signature.length > 0 ? '<sig>' : '' };
      if (b.type === 'redacted_thinking')
        return { ...b, data: (b as { data: string }).data.length > 0 ? '<data>' : '' };
      return b;
    }),
  };
}

describe('fidelity: our client builds the same message as the official SDK', function () {
  this.timeout(20_000);
  let sim: Simulator;
  let sdk: Anthropic;

  before(async () => {
    sim = await startSimulator({ tokensPerSecond: 20_000, firstTokenDelayMs: 5 });
    // This SDK release sends a newer anthropic-version than the one we (and the simulator) speak.
    sdk = new Anthropic({
      baseURL: sim.url,
      apiKey: TEST_KEY,
      maxRetries: 0,
      defaultHeaders: { 'anthropic-version': '2023-06-01' },
    });
  });
  after(() => sim.close());

  for (const sc of SCENARIOS) {
    it(`${sc.name}: same final message`, async () => {
      const settings: RequestSettings = { model: 'claude-opus-4-6', maxTokens: 4_000, ...sc.settings };
      const built: BuiltRequest = buildRequest(settings, resolveModel(settings.model), [
        { role: 'user', content: sc.prompt },
      ]);

      const { client } = testClient(sim.url);
      const ours = await client.stream(built, { fastPolicy: 'wait', onEvent: () => undefined });
      await client.close();
      assert.equal(ours.outcome, 'complete');

      const { stream: _stream, ...params } = built.body;
      const theirs =
        built.betas.length > 0
          ? await sdk.beta.messages
              .stream({ ...params, betas: built.betas } as Parameters<typeof sdk.beta.messages.stream>[0])
              .finalMessage()
          : await sdk.messages.stream(params as Parameters<typeof sdk.messages.stream>[0]).finalMessage();

      assert.deepEqual(normalize(ours.message), normalize(theirs as unknown as Message));
      sc.check?.(ours.message);
    });
  }
});
