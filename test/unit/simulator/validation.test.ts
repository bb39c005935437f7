import * as assert from 'node:assert/strict';
import { type Simulator, startSimulator } from '../../simulator/server';
import { type Call, FAST_TEST_SETTINGS, errorOf, post, userTurn } from './helpers';

const FAST_BETA = ['fast-mode-2026-02-01'];

interface Case {
  name: string;
  call: Call;
  status: number;
  type: string;
  message?: RegExp;
}

const cases: Case[] = [
  {
    name: 'no API key',
    call: { key: null, body: userTurn('hi') },
    status: 401,
    type: 'authentication_error',
  },
  {
    name: 'an unknown API key',
    call: { key: 'sk-wrong', body: userTurn('hi') },
    status: 401,
    type: 'authentication_error',
  },
  {
    name: 'no anthropic-version',
    call: { headers: { 'anthropic-version': '' }, body: userTurn('hi') },
    status: 400,
    type: 'invalid_request_error',
    message: /anthropic-version/,
  },
  {
    name: 'an unknown model',
    call: { body: userTurn('hi', { model: 'claude-nope-9' }) },
    status: 404,
    type: 'not_found_error',
    message: /claude-nope-9/,
  },
  {
    name: 'no max_tokens',
    call: { body: userTurn('hi', { max_tokens: undefined }) },
    status: 400,
    type: 'invalid_request_error',
    message: /max_tokens/,
  },
  {
    name: 'max_tokens 0',
    call: { body: userTurn('hi', { max_tokens: 0 }) },
    status: 400,
    type: 'invalid_request_error',
    message: /max_tokens/,
  },
  {
    name: 'max_tokens over the model limit',
    call: { body: userTurn('hi', { model: 'claude-haiku-4-5', max_tokens: 100_000 }) },
    status: 400,
    type: 'invalid_request_error',
  },
  {
    name: 'empty messages',
    call: { body: userTurn('hi', { messages: [] }) },
    status: 400,
    type: 'invalid_request_error',
    message: /messages/,
  },
  {
    name: 'a first message from the assistant',
    call: {
      body: userTurn('hi', {
        messages: [
          { role: 'assistant', content: 'x' },
          { role: 'user', content: 'y' },
        ],
      }),
    },
    status: 400,
    type: 'invalid_request_error',
  },
  {
    name: 'two user messages in a row',
    call: {
      body: userTurn('hi', {
        messages: [
          { role: 'user', content: 'x' },
          { role: 'user', content: 'y' },
        ],
      }),
    },
    status: 400,
    type: 'invalid_request_error',
    message: /alternate/,
  },
  {
    name: 'a misspelt top-level field',
    call: { body: userTurn('hi', { effort: 'low' }) },
    status: 400,
    type: 'invalid_request_error',
    message: /effort/,
  },
  {
    name: 'an unknown beta',
    call: { body: userTurn('hi'), betas: ['fast-mode-2025-01-01'] },
    status: 400,
    type: 'invalid_request_error',
    message: /anthropic-beta/,
  },
  {
    name: 'adaptive thinking on Sonnet 4.5',
    call: { body: userTurn('hi', { model: 'claude-sonnet-4-5', thinking: { type: 'adaptive' } }) },
    status: 400,
    type: 'invalid_request_error',
    message: /adaptive/,
  },
  {
    name: 'budget_tokens below 1024',
    call: { body: userTurn('hi', { thinking: { type: 'enabled', budget_tokens: 1000 } }) },
    status: 400,
    type: 'invalid_request_error',
    message: /budget_tokens/,
  },
  {
    name: 'budget_tokens not below max_tokens',
    call: { body: userTurn('hi', { max_tokens: 2000, thinking: { type: 'enabled', budget_tokens: 2000 } }) },
    status: 400,
    type: 'invalid_request_error',
    message: /budget_tokens/,
  },
  {
    name: 'thinking.display on a model without it',
    call: {
      body: userTurn('hi', {
        model: 'claude-opus-4-5',
        thinking: { type: 'enabled', budget_tokens: 1024, display: 'omitted' },
      }),
    },
    status: 400,
    type: 'invalid_request_error',
    message: /display/,
  },
  {
    name: 'effort xhigh on Sonnet 4.6',
    call: { body: userTurn('hi', { model: 'claude-sonnet-4-6', output_config: { effort: 'xhigh' } }) },
    status: 400,
    type: 'invalid_request_error',
    message: /xhigh/,
  },
  {
    name: 'any effort on Haiku 4.5',
    call: { body: userTurn('hi', { model: 'claude-haiku-4-5', output_config: { effort: 'low' } }) },
    status: 400,
    type: 'invalid_request_error',
    message: /effort/,
  },
  {
    name: 'effort xhigh on Opus 4.6',
    call: { body: userTurn('hi', { output_config: { effort: 'xhigh' } }) },
    status: 400,
    type: 'invalid_request_error',
  },
  {
    name: 'speed fast without the beta on Opus 5 (research preview)',
    call: { body: userTurn('hi', { model: 'claude-opus-5', speed: 'fast' }) },
    status: 400,
    type: 'invalid_request_error',
    message: /fast-mode-2026-02-01/,
  },
  {
    name: 'speed fast on Sonnet 4.6',
    call: { body: userTurn('hi', { model: 'claude-sonnet-4-6', speed: 'fast' }), betas: FAST_BETA },
    status: 400,
    type: 'invalid_request_error',
    message: /fast/,
  },
  {
    name: 'temperature 0.5 with thinking',
    call: { body: userTurn('hi', { thinking: { type: 'adaptive' }, temperature: 0.5 }) },
    status: 400,
    type: 'invalid_request_error',
    message: /temperature/,
  },
  {
    name: 'top_k with thinking',
    call: { body: userTurn('hi', { thinking: { type: 'adaptive' }, top_k: 5 }) },
    status: 400,
    type: 'invalid_request_error',
    message: /top_k/,
  },
  {
    name: 'assistant prefill with thinking',
    call: {
      body: userTurn('hi', {
        thinking: { type: 'adaptive' },
        messages: [
          { role: 'user', content: 'x' },
          { role: 'assistant', content: 'The answer is' },
        ],
      }),
    },
    status: 400,
    type: 'invalid_request_error',
    message: /prefill/,
  },
  {
    name: 'tool_choice any with thinking',
    call: { body: userTurn('hi', { thinking: { type: 'adaptive' }, tool_choice: { type: 'any' } }) },
    status: 400,
    type: 'invalid_request_error',
  },
];

describe('simulator: request validation', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ ...FAST_TEST_SETTINGS, apiKeys: ['sk-ant-test-secret-key-5678'] });
  });
  after(() => sim.close());

  for (const c of cases) {
    it(`refuses ${c.name} with ${c.status} ${c.type}`, async () => {
      const res = await post(sim, '/v1/messages', c.call);
      assert.equal(res.status, c.status);
      const requestId = res.headers.get('request-id');
      assert.match(requestId ?? '', /^req_sim_/);
      const err = await errorOf(res);
      assert.equal(err.type, c.type);
      assert.equal(err.requestId, requestId);
      if (c.message) assert.match(err.message, c.message);
    });
  }

  it('accepts the valid combinations the client builds', async () => {
    const ok: Call[] = [
      {
        body: userTurn('hi', {
          thinking: { type: 'adaptive', display: 'summarized' },
          output_config: { effort: 'max' },
          speed: 'fast',
        }),
        betas: FAST_BETA,
      },
      {
        body: userTurn('hi', {
          model: 'claude-sonnet-4-6',
          thinking: { type: 'adaptive' },
          output_config: { effort: 'low' },
        }),
      },
      {
        body: userTurn('hi', {
          model: 'claude-haiku-4-5',
          thinking: { type: 'enabled', budget_tokens: 1024 },
          temperature: 1,
        }),
      },
      { body: userTurn('hi', { model: 'claude-sonnet-4-5-20250929', temperature: 0.2, top_k: 3 }) },
      {
        body: userTurn('hi', { system: [{ type: 'text', text: 'Be brief.' }] }),
        headers: { authorization: 'Bearer sk-ant-test-secret-key-5678' },
        key: null,
      },
      {
        body: userTurn('hi', {
          model: 'claude-opus-4-5',
          messages: [
            { role: 'user', content: 'x' },
            { role: 'assistant', content: 'The answer is' },
          ],
        }),
      },
    ];
    for (const call of ok) {
      const res = await post(sim, '/v1/messages', call);
      assert.equal(res.status, 200, await res.clone().text());
      await res.text();
    }
  });
});
