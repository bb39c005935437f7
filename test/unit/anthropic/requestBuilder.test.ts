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
  it('uses adaptive thinking with summarized display and streaming on Opus 4.6', () => {
    const r = build({ model: 'claude-opus-4-6' });
    assert.deepEqual(r.body.thinking, { type: 'adaptive', display: 'summarized' });
    assert.equal(r.body.stream, true);
    assert.equal(r.body.output_config, undefined); // no effort chosen → server default
    assert.deepEqual(r.betas, []);
    assert.equal(r.body.speed, undefined);
  });

  it('sends an explicitly chosen effort, even the default level, so its meaning cannot drift', () => {
    assert.deepEqual(build({ model: 'claude-opus-4-6', effort: 'max' }).body.output_config, {
      effort: 'max',
    });
    assert.deepEqual(build({ model: 'claude-opus-4-6', effort: 'high' }).body.output_config, {
      effort: 'high',
    });
  });

  it('passes the user choice of omitted display through where accepted', () => {
    assert.deepEqual(build({ model: 'claude-opus-4-6', display: 'omitted' }).body.thinking, {
      type: 'adaptive',
      display: 'omitted',
    });
  });

  it('uses a budget (and no display field) on budget models', () => {
    const r = build({ model: 'claude-opus-4-5', budgetTokens: 4000, effort: 'medium' });
    assert.deepEqual(r.body.thinking, { type: 'enabled', budget_tokens: 4000 });
    assert.deepEqual(r.body.output_config, { effort: 'medium' });
    assert.deepEqual(build({ model: 'claude-haiku-4-5' }).body.thinking, {
      type: 'enabled',
      budget_tokens: 8000,
    });
  });

  it('adds speed fast and the fast beta only when fast is requested on a model that has it', () => {
    const r = build({ model: 'claude-opus-4-6', fast: true });
    assert.equal(r.body.speed, 'fast');
    assert.deepEqual(r.betas, [FAST_MODE_BETA]);
    const std = toStandardSpeed(r);
    assert.equal('speed' in std.body, false);
    assert.deepEqual(std.betas, []);
    assert.equal(r.body.speed, 'fast'); // the original is not mutated
  });

  it('omits thinking when it is off, and then allows temperature', () => {
    const r = build({ model: 'claude-opus-4-6', thinking: 'off', temperature: 0.2 });
    assert.equal(r.body.thinking, undefined);
    assert.equal(r.body.temperature, 0.2);
  });

  it('includes a system prompt only when non-empty', () => {
    const caps = resolveModel('claude-opus-4-6');
    assert.equal(
      buildRequest({ model: 'claude-opus-4-6', maxTokens: 100 }, caps, user, 'Be brief.').body.system,
      'Be brief.',
    );
    assert.equal(
      'system' in buildRequest({ model: 'claude-opus-4-6', maxTokens: 100 }, caps, user, '').body,
      false,
    );
  });

  describe('refuses impossible combinations before sending, saying what to do', () => {
    it('fast mode on a model without it', () =>
      refuses(
        { model: 'claude-opus-4-5', fast: true },
        /^Claude Opus 4\.5 has no fast mode\. Turn fast mode off or pick Claude Opus 4\.6\.$/,
      ));
    it('max effort on a model without it', () =>
      refuses(
        { model: 'claude-sonnet-4-6', effort: 'max' },
        /has no max effort\. Choose low, medium or high, or pick Claude Opus 4\.6/,
      ));
    it('effort on a model without effort', () =>
      refuses({ model: 'claude-haiku-4-5', effort: 'low' }, /Claude Haiku 4\.5 has no effort setting/));
    it('adaptive thinking on a model without it', () =>
      refuses(
        { model: 'claude-opus-4-5', thinking: 'adaptive' },
        /has no adaptive thinking\. Use a thinking budget instead/,
      ));
    it('a thinking budget below 1,024', () =>
      refuses({ model: 'claude-haiku-4-5', budgetTokens: 1000 }, /at least 1,024 tokens/));
    it('a thinking budget not below max_tokens', () =>
      refuses(
        { model: 'claude-haiku-4-5', thinking: 'enabled', budgetTokens: 16_000 },
        /must be less than max tokens/,
      ));
    it('max_tokens above the model maximum', () =>
      refuses({ model: 'claude-haiku-4-5', maxTokens: 100_000 }, /at most 64,000 output tokens/));
    it('temperature while thinking', () =>
      refuses({ model: 'claude-opus-4-6', temperature: 0.5 }, /cannot be changed while thinking is on/));
    it('thinking on a model that has none', () => {
      assert.throws(
        () => buildRequest({ model: 'x', maxTokens: 100, thinking: 'enabled' }, resolveModel('x'), user),
        /has no extended thinking/,
      );
    });
    it('assistant prefill with thinking on', () => {
      assert.throws(
        () =>
          buildRequest({ model: 'claude-opus-4-6', maxTokens: 100 }, resolveModel('claude-opus-4-6'), [
            ...user,
            { role: 'assistant', content: 'Sure' },
          ]),
        /ends with an assistant turn/,
      );
    });
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
    assert.equal(r.body.messages, history);
    const stripped = stripThinking(history);
    assert.deepEqual(stripped[1], { role: 'assistant', content: [{ type: 'text', text: 'A1' }] });
    assert.equal(stripped[0], history[0]);
    assert.deepEqual(
      stripThinking([{ role: 'assistant', content: [{ type: 'thinking', thinking: '', signature: 's' }] }]),
      [],
    );
  });
});
