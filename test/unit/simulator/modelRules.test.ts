import * as assert from 'node:assert/strict';
import type { Message } from '../../../src/anthropic/types';
import { type Simulator, startSimulator } from '../../simulator/server';
import { type Call, FAST_TEST_SETTINGS, errorOf, post, userTurn } from './helpers';

const FAST_BETA = ['fast-mode-2026-02-01'];
const json = (extra: Record<string, unknown>): Record<string, unknown> =>
  userTurn('Explain closures in JavaScript', { stream: false, ...extra });

async function message(sim: Simulator, call: Call): Promise<Message> {
  const res = await post(sim, '/v1/messages', call);
  assert.equal(res.status, 200, await res.clone().text());
  return (await res.json()) as Message;
}

async function refusal(sim: Simulator, call: Call): Promise<string> {
  const res = await post(sim, '/v1/messages', call);
  assert.equal(res.status, 400, await res.clone().text());
  const err = await errorOf(res);
  assert.equal(err.type, 'invalid_request_error');
  return err.message;
}

const thinkingText = (m: Message): string | undefined =>
  (m.content.find((b) => b.type === 'thinking') as { thinking?: string } | undefined)?.thinking;

describe('simulator: per-model rules (December 2026 lineup)', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator(FAST_TEST_SETTINGS);
  });
  afterEach(() => sim.configure({ modelRules: null }));
  after(() => sim.close());

  it('refuses disabled and budgets on always-on models with the API text', async () => {
    const text = (t: string): string =>
      `"thinking.type.${t}" is not supported for this model. Use "thinking.type.adaptive" and "output_config.effort" to control thinking behavior.`;
    for (const model of ['claude-opus-5-5', 'claude-fable-5-2', 'claude-sonnet-5-5']) {
      assert.equal(
        await refusal(sim, { body: json({ model, thinking: { type: 'disabled' } }) }),
        text('disabled'),
      );
    }
    assert.equal(
      await refusal(sim, {
        body: json({ model: 'claude-sonnet-5-5', thinking: { type: 'enabled', budget_tokens: 2048 } }),
      }),
      text('enabled'),
    );
  });

  it('takes between_tools on Sonnet 5.5 up to effort high, and disabled on Haiku 5.5 up to high', async () => {
    const bt = { model: 'claude-sonnet-5-5', thinking: { type: 'between_tools' } };
    const m = await message(sim, { body: json({ ...bt, output_config: { effort: 'high' } }) });
    assert.deepEqual(
      m.content.map((b) => b.type),
      ['text'],
    );
    assert.match(await refusal(sim, { body: json({ ...bt, output_config: { effort: 'xhigh' } }) }), /xhigh/);
    const off = { model: 'claude-haiku-5-5', thinking: { type: 'disabled' } };
    await message(sim, { body: json({ ...off, output_config: { effort: 'low' } }) });
    assert.match(await refusal(sim, { body: json({ ...off, output_config: { effort: 'max' } }) }), /max/);
    assert.match(
      await refusal(sim, { body: json({ thinking: { type: 'between_tools' } }) }),
      /between_tools/,
    );
  });

  it('defaults display to omitted on 4.7+ and 5.x (signed, empty) and to summarized on 4.6', async () => {
    const opus57 = await message(sim, {
      body: json({ model: 'claude-opus-4-7', thinking: { type: 'adaptive' } }),
    });
    assert.equal(thinkingText(opus57), '');
    const o55 = await message(sim, { body: json({ model: 'claude-opus-5-5' }) });
    assert.equal(thinkingText(o55), '');
    assert.ok((o55.content[0] as { signature?: string }).signature);
    assert.ok((o55.usage.output_tokens_details as { thinking_tokens: number }).thinking_tokens > 0);
    const shown = await message(sim, {
      body: json({ model: 'claude-opus-5-5', thinking: { type: 'adaptive', display: 'summarized' } }),
    });
    assert.notEqual(thinkingText(shown), '');
    assert.notEqual(thinkingText(await message(sim, { body: json({ thinking: { type: 'adaptive' } }) })), '');
    const o48 = await message(sim, { body: json({ model: 'claude-opus-4-8' }) });
    assert.equal(thinkingText(o48), undefined, 'Opus 4.8 thinks only when asked');
  });

  it('serves fast per model: GA, beta-only, removed, silently standard, never', async () => {
    const speedOf = async (model: string, betas?: string[]): Promise<unknown> =>
      (await message(sim, { body: json({ model, speed: 'fast' }), betas })).usage.speed;
    assert.equal(await speedOf('claude-opus-5-5'), 'fast');
    assert.equal(await speedOf('claude-fable-5-2'), 'fast');
    assert.equal(await speedOf('claude-opus-5', FAST_BETA), 'fast');
    assert.equal(await speedOf('claude-opus-4-6', FAST_BETA), 'standard');
    assert.equal(await speedOf('claude-opus-4-6'), 'standard');
    assert.equal((await message(sim, { body: json({}) })).usage.speed, 'standard');
    assert.match(
      await refusal(sim, { body: json({ model: 'claude-opus-5', speed: 'fast' }) }),
      /fast-mode-2026-02-01/,
    );
    for (const model of ['claude-opus-4-8', 'claude-opus-4-7', 'claude-sonnet-5-5', 'claude-haiku-5-5']) {
      assert.match(
        await refusal(sim, { body: json({ model, speed: 'fast' }), betas: FAST_BETA }),
        /fast mode/,
      );
    }
  });

  it('refuses prefill on 4.6+ with the API text, and forced tool use where the model does', async () => {
    const prefill = {
      messages: [
        { role: 'user', content: 'x' },
        { role: 'assistant', content: 'The answer is' },
      ],
    };
    for (const model of ['claude-opus-4-6', 'claude-sonnet-5-5']) {
      assert.equal(
        await refusal(sim, { body: json({ model, ...prefill }) }),
        'This model does not support assistant message prefill. The conversation must end with a user message.',
      );
    }
    await message(sim, { body: json({ model: 'claude-opus-4-5', ...prefill }) });
    assert.equal(
      await refusal(sim, { body: json({ model: 'claude-fable-5-2', tool_choice: { type: 'any' } }) }),
      'tool_choice: type "tool" and "any" are not supported for this model.',
    );
  });

  it('caps max_tokens per model and 404s a retired model', async () => {
    await message(sim, { body: json({ model: 'claude-opus-5-5', max_tokens: 128_000 }) });
    assert.match(
      await refusal(sim, { body: json({ model: 'claude-opus-5-5', max_tokens: 128_001 }) }),
      /128000/,
    );
    assert.match(
      await refusal(sim, { body: json({ model: 'claude-haiku-4-5', max_tokens: 64_001 }) }),
      /64000/,
    );
    const res = await post(sim, '/v1/messages', { body: json({ model: 'claude-opus-4-1' }) });
    assert.equal(res.status, 404);
  });

  it('lets a test override a model rule (the server is the truth) and reset it', async () => {
    sim.configure({ modelRules: { 'claude-opus-5-5': { fastMode: 'removed' } } });
    assert.match(await refusal(sim, { body: json({ model: 'claude-opus-5-5', speed: 'fast' }) }), /fast/);
    sim.configure({ modelRules: { 'claude-opus-5-5': { maxOutputTokens: 1_000 } } });
    assert.match(
      await refusal(sim, { body: json({ model: 'claude-opus-5-5', speed: 'fast', max_tokens: 500 }) }),
      /fast/,
    );
    assert.match(await refusal(sim, { body: json({ model: 'claude-opus-5-5', max_tokens: 2_000 }) }), /1000/);
    sim.configure({ modelRules: null });
    await message(sim, { body: json({ model: 'claude-opus-5-5', speed: 'fast' }) });
  });

  it('serves a model only an override knows, per server', async () => {
    const own = await startSimulator({
      ...FAST_TEST_SETTINGS,
      modelRules: { 'claude-opus-6': { displayName: 'Claude Opus 6', fastMode: 'ga' } },
    });
    try {
      assert.equal(
        (await message(own, { body: json({ model: 'claude-opus-6', speed: 'fast' }) })).usage.speed,
        'fast',
      );
      assert.equal((await post(sim, '/v1/messages', { body: json({ model: 'claude-opus-6' }) })).status, 404);
    } finally {
      await own.close();
    }
  });

  it('refuses empty and whitespace-only text blocks, in messages and system', async () => {
    const blocks = (text: string): Record<string, unknown> =>
      json({ messages: [{ role: 'user', content: [{ type: 'text', text }] }] });
    assert.match(
      await refusal(sim, { body: blocks('') }),
      /messages\.0\.content\.0: text content blocks must be non-empty/,
    );
    assert.match(await refusal(sim, { body: blocks(' \n\t ') }), /non-whitespace/);
    const history = json({
      model: 'claude-opus-4-5',
      messages: [
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: [{ type: 'text', text: '' }] },
        { role: 'user', content: 'again' },
      ],
    });
    assert.match(await refusal(sim, { body: history }), /messages\.1\.content\.0/);
    assert.match(await refusal(sim, { body: json({ system: [{ type: 'text', text: '  ' }] }) }), /system\.0/);
    assert.match(
      await refusal(sim, { body: json({ messages: [{ role: 'user', content: '   ' }] }) }),
      /non-whitespace/,
    );
  });
});
