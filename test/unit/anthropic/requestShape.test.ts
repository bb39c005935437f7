// What is sent per model family: thinking, display, effort, speed and betas.

import assert from 'node:assert/strict';
import { CATALOG_DATA_VERSION } from '../../../src/anthropic/modelTableKit';
import { ConfigError } from '../../../src/anthropic/errors';
import { BUILT_IN_MODELS, resolveModel } from '../../../src/anthropic/models';
import { buildRequest, FAST_MODE_BETA, type RequestSettings } from '../../../src/anthropic/requestBuilder';

const build = (s: Partial<RequestSettings> & { model: string }) =>
  buildRequest({ maxTokens: 16_000, ...s }, resolveModel(s.model), [{ role: 'user', content: 'Hi' }]);
const shape = (s: Partial<RequestSettings> & { model: string }) => {
  const r = build(s);
  return { thinking: r.body.thinking, speed: r.body.speed, betas: r.betas, warnings: r.warnings };
};

describe('request shape per model family', () => {
  it('Opus 4.6: adaptive + summarized; off omits; manual budget; fast sent but flagged as served standard', () => {
    assert.deepEqual(shape({ model: 'claude-opus-4-6' }).thinking, {
      type: 'adaptive',
      display: 'summarized',
    });
    assert.equal(shape({ model: 'claude-opus-4-6', thinking: 'off' }).thinking, undefined);
    assert.deepEqual(shape({ model: 'claude-opus-4-6', thinking: 'manual', budgetTokens: 4000 }).thinking, {
      type: 'enabled',
      budget_tokens: 4000,
      display: 'summarized',
    });
    const fast = shape({ model: 'claude-opus-4-6', fast: true });
    assert.equal(fast.speed, 'fast');
    assert.deepEqual(fast.betas, []);
    assert.match(fast.warnings?.[0] ?? '', /removed on 2026-06-29: the API answers at standard speed/);
  });

  it('Opus 4.7 / 4.8: adaptive + summarized, no budgets, fast refused with the removal date', () => {
    for (const model of ['claude-opus-4-7', 'claude-opus-4-8']) {
      assert.deepEqual(shape({ model }).thinking, { type: 'adaptive', display: 'summarized' });
      assert.equal(shape({ model, thinking: 'off' }).thinking, undefined, 'omit = no thinking');
      assert.throws(() => build({ model, thinking: 'manual' }), /does not take a thinking budget/);
      assert.deepEqual(build({ model, effort: 'xhigh' }).body.output_config, { effort: 'xhigh' });
    }
    assert.throws(
      () => build({ model: 'claude-opus-4-8', fast: true }),
      /removed on 2026-11-30, and the API refuses it/,
    );
    assert.throws(() => build({ model: 'claude-opus-4-7', fast: true }), /removed on 2026-07-24/);
  });

  it('Opus 5: fast with the beta; off = disabled, refused above effort high', () => {
    assert.deepEqual(shape({ model: 'claude-opus-5', fast: true }), {
      thinking: { type: 'adaptive', display: 'summarized' },
      speed: 'fast',
      betas: [FAST_MODE_BETA],
      warnings: undefined,
    });
    assert.deepEqual(shape({ model: 'claude-opus-5', thinking: 'off' }).thinking, { type: 'disabled' });
    assert.throws(
      () => build({ model: 'claude-opus-5', thinking: 'off', effort: 'xhigh' }),
      /only at effort high or lower/,
    );
  });

  it('Opus 5.5: fast without beta; always thinks, so off is refused with the reason', () => {
    assert.deepEqual(shape({ model: 'claude-opus-5-5', fast: true }), {
      thinking: { type: 'adaptive', display: 'summarized' },
      speed: 'fast',
      betas: [],
      warnings: undefined,
    });
    assert.throws(
      () => build({ model: 'claude-opus-5-5', thinking: 'off' }),
      /always thinks: thinking cannot be turned off/,
    );
    assert.throws(
      () => build({ model: 'claude-opus-5-5', thinking: 'manual' }),
      /does not take a thinking budget/,
    );
    assert.deepEqual(shape({ model: 'claude-opus-5-5', display: 'omitted' }).thinking, {
      type: 'adaptive',
      display: 'omitted',
    });
    assert.equal(resolveModel('claude-opus-5-5').defaultEffort, 'medium');
  });

  it('Sonnet 4.6: adaptive + summarized, off omits, no fast', () => {
    assert.deepEqual(shape({ model: 'claude-sonnet-4-6' }).thinking, {
      type: 'adaptive',
      display: 'summarized',
    });
    assert.equal(shape({ model: 'claude-sonnet-4-6', thinking: 'off' }).thinking, undefined);
    assert.throws(() => build({ model: 'claude-sonnet-4-6', fast: true }), /has no fast mode/);
  });

  it('Sonnet 5.5: off = between_tools (not disabled), refused at xhigh', () => {
    assert.deepEqual(shape({ model: 'claude-sonnet-5-5' }).thinking, {
      type: 'adaptive',
      display: 'summarized',
    });
    assert.deepEqual(shape({ model: 'claude-sonnet-5-5', thinking: 'off' }).thinking, {
      type: 'between_tools',
    });
    assert.throws(
      () => build({ model: 'claude-sonnet-5-5', thinking: 'off', effort: 'max' }),
      /only at effort high/,
    );
    assert.throws(() => build({ model: 'claude-sonnet-5-5', fast: true }), /has no fast mode/);
  });

  it('Haiku 4.5: budget thinking, no display field, no effort; off omits', () => {
    assert.deepEqual(shape({ model: 'claude-haiku-4-5' }).thinking, { type: 'enabled', budget_tokens: 8000 });
    assert.equal(shape({ model: 'claude-haiku-4-5-20251001', thinking: 'off' }).thinking, undefined);
  });

  it('Haiku 5.5: adaptive + summarized, off = disabled, default effort medium, no fast', () => {
    assert.deepEqual(shape({ model: 'claude-haiku-5-5' }).thinking, {
      type: 'adaptive',
      display: 'summarized',
    });
    assert.deepEqual(shape({ model: 'claude-haiku-5-5', thinking: 'off' }).thinking, { type: 'disabled' });
    assert.equal(resolveModel('claude-haiku-5-5').defaultEffort, 'medium');
    assert.throws(() => build({ model: 'claude-haiku-5-5', fast: true }), /has no fast mode/);
  });

  it('Fable 5.2: adaptive + summarized, fast GA without beta, always thinks', () => {
    assert.deepEqual(shape({ model: 'claude-fable-5-2', fast: true }), {
      thinking: { type: 'adaptive', display: 'summarized' },
      speed: 'fast',
      betas: [],
      warnings: undefined,
    });
    assert.throws(() => build({ model: 'claude-fable-5-2', thinking: 'off' }), /always thinks/);
  });

  it('a learned refusal changes what is sent (display refused → not sent)', () => {
    const caps = resolveModel('claude-opus-5-5', undefined, undefined, {
      catalogVersion: CATALOG_DATA_VERSION,
      models: { 'claude-opus-5-5': [{ feature: { kind: 'display' }, at: 't' }] },
    });
    const r = buildRequest({ model: 'claude-opus-5-5', maxTokens: 100 }, caps, [
      { role: 'user', content: 'Hi' },
    ]);
    assert.deepEqual(r.body.thinking, { type: 'adaptive' });
  });

  it('builds, for every catalogue model, a body valid under anthropic-version 2026-10-21 as well', () => {
    let built = 0;
    for (const m of BUILT_IN_MODELS) {
      for (const thinking of ['adaptive', 'off'] as const) {
        let body: Record<string, unknown>;
        try {
          body = build({ model: m.id, thinking, maxTokens: 8_000 }).body as unknown as Record<
            string,
            unknown
          >;
        } catch (e) {
          assert.ok(e instanceof ConfigError, `${m.id}: ${String(e)}`);
          continue;
        }
        built++;
        for (const k of ['temperature', 'top_p', 'top_k']) assert.equal(k in body, false, `${m.id} ${k}`);
      }
    }
    assert.ok(built >= BUILT_IN_MODELS.length, `${built} bodies built`);
  });
});
