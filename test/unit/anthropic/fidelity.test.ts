// Fidelity: for every scenario, the official @anthropic-ai/sdk on its defaults (anthropic-version
// 2026-10-21, `Authorization: Bearer`) and our client (2023-06-01, `x-api-key`) each talk to their
// own simulator (same settings, same signing secret), and must reduce the stream to the same final
// message. Values random per response (message id, signature nonces, redacted data) are compared
// by shape only.

import Anthropic from '@anthropic-ai/sdk';
import assert from 'node:assert/strict';
import { resolveModel } from '../../../src/anthropic/models';
import { buildRequest, type RequestSettings } from '../../../src/anthropic/requestBuilder';
import type { BuiltRequest, Message, MessageParam } from '../../../src/anthropic/types';
import { startSimulator, type Simulator } from '../../simulator/server';
import { testClient, TEST_KEY } from './clientTestKit';
import { SCENARIOS, explicitBody, type Scenario } from './fidelityScenarios';

/** The SDK's client-side additions (structured-output helper), not part of the wire message. */
const SDK_ONLY = ['parsed_output'];

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

function firstRequest(sc: Scenario): BuiltRequest {
  const body = explicitBody(sc);
  if (body) return { body: { ...body, stream: true }, betas: sc.betas ?? [] };
  const settings: RequestSettings = { model: 'claude-opus-4-6', maxTokens: 4_000, ...sc.settings };
  return buildRequest(settings, resolveModel(settings.model), [{ role: 'user', content: sc.prompt }]);
}

/** The same conversation one turn on: the first answer sent back as it came, then a new prompt. */
function followUp(built: BuiltRequest, answer: Message): BuiltRequest {
  const messages: MessageParam[] = [
    ...built.body.messages,
    { role: 'assistant', content: answer.content },
    { role: 'user', content: 'And how would you test that?' },
  ];
  return { ...built, body: { ...built.body, messages } };
}

describe('fidelity: our client builds the same message as the official SDK on its defaults', function () {
  this.timeout(20_000);
  let oursSim: Simulator;
  let sdkSim: Simulator;
  let sdk: Anthropic;

  before(async () => {
    const settings = { tokensPerSecond: 20_000, firstTokenDelayMs: 5 };
    [oursSim, sdkSim] = await Promise.all([startSimulator(settings), startSimulator(settings)]);
    sdk = new Anthropic({ baseURL: sdkSim.url, apiKey: TEST_KEY, maxRetries: 0 });
  });
  after(() => Promise.all([oursSim.close(), sdkSim.close()]));

  async function ours(built: BuiltRequest): Promise<Message> {
    const { client } = testClient(oursSim.url);
    const r = await client.stream(built, { fastPolicy: 'wait', onEvent: () => undefined });
    await client.close();
    assert.equal(r.outcome, 'complete');
    return r.message;
  }

  async function theirs(built: BuiltRequest): Promise<Message> {
    const { stream: _stream, ...params } = built.body;
    const m =
      built.betas.length > 0
        ? await sdk.beta.messages
            .stream({ ...params, betas: built.betas } as Parameters<typeof sdk.beta.messages.stream>[0])
            .finalMessage()
        : await sdk.messages.stream(params as Parameters<typeof sdk.messages.stream>[0]).finalMessage();
    return m as unknown as Message;
  }

  for (const sc of SCENARIOS) {
    it(`${sc.name}: same final message`, async () => {
      const built = firstRequest(sc);
      let [a, b] = [await ours(built), await theirs(built)];
      if (sc.followUp) [a, b] = [await ours(followUp(built, a)), await theirs(followUp(built, b))];
      assert.deepEqual(normalize(a), normalize(b));
      sc.check?.(a);
    });
  }

  it('each side spoke its own version and auth', async () => {
    const sc = SCENARIOS[0];
    assert.ok(sc);
    await Promise.all([ours(firstRequest(sc)), theirs(firstRequest(sc))]);
    const kinds = (sim: Simulator): string[] => [
      ...new Set(sim.requests.map((r) => `${r.anthropicVersion ?? ''} ${r.auth ?? ''}`)),
    ];
    assert.deepEqual(kinds(oursSim), ['2023-06-01 x-api-key']);
    assert.deepEqual(kinds(sdkSim), ['2026-10-21 bearer']);
  });
});
