import assert from 'node:assert/strict';
import { ConfigError } from '../../../src/anthropic/errors';
import { resolveModel } from '../../../src/anthropic/models';
import {
  buildRequest,
  FAST_MODE_BETA,
  stripThinking,
  toStandardSpeed,
  type RequestSettings,
} from '../../../src/anthropic/requestBuilder';
import type { MessageParam } from '../../../src/anthropic/types';

const user: MessageParam[] = [{ role: 'user', content: 'Hello' }];
const build = (s: Partial<RequestSettings> & { model: string }) =>
  buildRequest({ maxTokens: 16_000, ...s }, resolveModel(s.model), user);

function refuses(s: Partial<RequestSettings> & { model: string }, pattern: RegExp): void {
  assert.throws(
    () => build(s),
    (e: unknown) => {
      assert.ok(e instanceof ConfigError);
      assert.equal(e.kind, 'invalid_request');
      assert.equal(e.retryable, false);
      assert.match(e.message, pattern);
      return true;
    },
  );
}

describe('requestBuilder: settings + capabilities → request', () => {
  it('sends an explicitly chosen effort, even the default level, so its meaning cannot drift', () => {
    assert.deepEqual(build({ model: 'claude-opus-5-5', effort: 'medium' }).body.output_config, {
      effort: 'medium',
    });
    assert.deepEqual(build({ model: 'claude-opus-5-5', effort: 'xhigh' }).body.output_config, {
      effort: 'xhigh',
    });
    assert.equal(build({ model: 'claude-opus-5-5' }).body.output_config, undefined);
  });

  it('toStandardSpeed drops speed and the fast beta without touching the original', () => {
    const r = build({ model: 'claude-opus-5', fast: true });
    assert.deepEqual(r.betas, [FAST_MODE_BETA]);
    const std = toStandardSpeed(r);
    assert.equal('speed' in std.body, false);
    assert.deepEqual(std.betas, []);
    assert.equal(r.body.speed, 'fast');
  });

  it('never sends sampling parameters', () => {
    for (const model of ['claude-opus-4-5', 'claude-opus-5-5', 'claude-haiku-4-5']) {
      const body = build({ model, thinking: model === 'claude-opus-5-5' ? 'adaptive' : 'off' })
        .body as unknown as Record<string, unknown>;
      for (const k of ['temperature', 'top_p', 'top_k']) assert.equal(k in body, false, `${model} ${k}`);
    }
  });

  it('never sends an empty or whitespace-only text block, and drops turns left empty', () => {
    const history: MessageParam[] = [
      { role: 'user', content: 'Q1' },
      {
        role: 'assistant',
        content: [
          { type: 'thinking', thinking: '', signature: 'sig' },
          { type: 'text', text: '  \n' },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'text', text: '' },
          { type: 'text', text: 'Q2' },
        ],
      },
      { role: 'user', content: '   ' },
    ];
    const r = buildRequest(
      { model: 'claude-opus-5-5', maxTokens: 1000 },
      resolveModel('claude-opus-5-5'),
      history,
    );
    assert.deepEqual(r.body.messages, [
      { role: 'user', content: 'Q1' },
      { role: 'assistant', content: [{ type: 'thinking', thinking: '', signature: 'sig' }] },
      { role: 'user', content: [{ type: 'text', text: 'Q2' }] },
    ]);
  });

  it('includes a system prompt only when non-empty', () => {
    const caps = resolveModel('claude-opus-5-5');
    const sys = (s: string): unknown =>
      buildRequest({ model: caps.id, maxTokens: 100 }, caps, user, s).body.system;
    assert.equal(sys('Be brief.'), 'Be brief.');
    assert.equal(sys('  '), undefined);
  });

  describe('refuses impossible combinations before sending, saying what to do', () => {
    it('effort on a model without effort', () =>
      refuses({ model: 'claude-haiku-4-5', effort: 'low' }, /Claude Haiku 4\.5 has no effort setting/));
    it('a level the model lacks, naming its levels and default', () =>
      refuses(
        { model: 'claude-opus-4-5', effort: 'max' },
        /has no max effort\. Choose low, medium or high \(its default is high\)/,
      ));
    it('a thinking budget below 1,024', () =>
      refuses({ model: 'claude-haiku-4-5', budgetTokens: 1000 }, /at least 1,024 tokens/));
    it('a thinking budget not below max_tokens', () =>
      refuses(
        { model: 'claude-haiku-4-5', thinking: 'manual', budgetTokens: 16_000 },
        /must be less than max tokens/,
      ));
    it('max_tokens above the model maximum', () =>
      refuses({ model: 'claude-haiku-4-5', maxTokens: 100_000 }, /at most 64,000 output tokens/));
    it('a budget on a model without any thinking known', () =>
      assert.throws(
        () => buildRequest({ model: 'x', maxTokens: 100, thinking: 'manual' }, resolveModel('x'), user),
        /has no extended thinking/,
      ));
    it('a retired model, naming its successor', () =>
      refuses(
        { model: 'claude-mythos-preview' },
        /was retired on 2026-06-30 .* Switch to claude-mythos-5\./,
      ));
    it('fast mode where nobody knows whether it exists, pointing at the override', () =>
      assert.throws(
        () => buildRequest({ model: 'x', maxTokens: 100, fast: true }, resolveModel('x'), user),
        /unknown\..*thinkfast\.modelOverrides/,
      ));
    it('an assistant prefill on a model that refuses it', () =>
      assert.throws(
        () =>
          buildRequest(
            { model: 'claude-opus-4-6', maxTokens: 100, thinking: 'off' },
            resolveModel('claude-opus-4-6'),
            [...user, { role: 'assistant', content: 'Sure' }],
          ),
        /ends with an assistant turn, which Claude Opus 4\.6 refuses/,
      ));
  });

  it('allows a prefill where the model takes it and thinking is off', () => {
    const r = buildRequest(
      { model: 'claude-opus-4-5', maxTokens: 100, thinking: 'off' },
      resolveModel('claude-opus-4-5'),
      [...user, { role: 'assistant', content: 'Sure' }],
    );
    assert.equal(r.body.messages.at(-1)?.role, 'assistant');
  });

  it('passes earlier assistant turns through verbatim, signatures and redacted blocks included', () => {
    const history: MessageParam[] = [
      { role: 'user', content: 'Q1' },
      {
        role: 'assistant',
        content: [
          { type: 'thinking', thinking: 'hmm', signature: 'sig==' },
          { type: 'redacted_thinking', data: 'enc' },
          { type: 'text', text: 'A1' },
        ],
      },
      { role: 'user', content: 'Q2' },
    ];
    const r = buildRequest(
      { model: 'claude-opus-4-6', maxTokens: 100 },
      resolveModel('claude-opus-4-6'),
      history,
    );
    assert.deepEqual(r.body.messages, history);
    const stripped = stripThinking(history);
    assert.deepEqual(stripped[1], { role: 'assistant', content: [{ type: 'text', text: 'A1' }] });
    assert.equal(stripped[0], history[0]);
    assert.deepEqual(
      stripThinking([{ role: 'assistant', content: [{ type: 'thinking', thinking: '', signature: 's' }] }]),
      [],
    );
  });
});
