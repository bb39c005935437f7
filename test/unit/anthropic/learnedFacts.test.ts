import assert from 'node:assert/strict';
import {
  emptyLearned,
  forgetModel,
  loadLearned,
  recordRefusal,
  refusalsFor,
} from '../../../src/anthropic/learnedFacts';
import { CATALOG_DATA_VERSION } from '../../../src/anthropic/modelTableKit';
import { resolveModel } from '../../../src/anthropic/models';
import { classifyRefusal, describeRefusal } from '../../../src/anthropic/refusalClassifier';

describe('learning from 400s', () => {
  describe('classifyRefusal names what was refused', () => {
    const cases: [string, unknown][] = [
      // The exact texts from the research notes (§B4).
      [
        '"thinking.type.disabled" is not supported for this model. Use "thinking.type.adaptive" and "output_config.effort" to control thinking behavior.',
        { kind: 'thinking', type: 'disabled' },
      ],
      [
        '"thinking.type.enabled" is not supported for this model. Use "thinking.type.adaptive" and "output_config.effort" to control thinking behavior.',
        { kind: 'thinking', type: 'enabled' },
      ],
      ['tool_choice: type "tool" and "any" are not supported for this model.', { kind: 'tool_choice' }],
      [
        'This model does not support assistant message prefill. The conversation must end with a user message.',
        { kind: 'prefill' },
      ],
      ['`temperature` is deprecated for this model.', { kind: 'sampling', param: 'temperature' }],
      // Others seen: API 2026-10-21 sampling, beta header, fast mode, effort, display.
      ['temperature: Extra inputs are not permitted', { kind: 'sampling', param: 'temperature' }],
      [
        'Unexpected value(s) `fast-mode-2026-02-01` for the `anthropic-beta` header. Please consult our documentation at docs.anthropic.com or try again without the header.',
        { kind: 'beta', header: 'fast-mode-2026-02-01' },
      ],
      ['speed: fast mode is not supported on claude-opus-4-8', { kind: 'speed' }],
      ['Fast mode has been removed for this model.', { kind: 'speed' }],
      ['output_config.effort: "xhigh" is not supported for this model.', { kind: 'effort', level: 'xhigh' }],
      ['This model does not support the effort parameter.', { kind: 'effort' }],
      [
        'thinking.display: "summarized" is not supported for this model.',
        { kind: 'display', value: 'summarized' },
      ],
      // The simulator's wording.
      ['thinking.display: not supported for model claude-opus-4-5', { kind: 'display' }],
      [
        "output_config.effort: effort level 'xhigh' is not supported on claude-opus-4-6",
        { kind: 'effort', level: 'xhigh' },
      ],
      ['output_config.effort: effort is not supported on claude-haiku-4-5', { kind: 'effort' }],
      ['speed: fast mode is no longer available for claude-opus-4-8', { kind: 'speed' }],
      ['`top_k` is not supported when thinking is enabled', { kind: 'sampling', param: 'top_k' }],
    ];
    for (const [message, expected] of cases) {
      it(message.slice(0, 60), () => assert.deepEqual(classifyRefusal({ status: 400, message }), expected));
    }

    it('does not treat a signature bound to another conversation as a feature refusal', () => {
      const m =
        'messages.1.content.0: Invalid `signature` in `thinking` block. The block is bound to a different conversation. Remove the block, or set `thinking.block_binding.prefix_mismatch_behavior` to "drop_block".';
      assert.equal(classifyRefusal({ status: 400, message: m }), undefined);
      assert.equal(
        classifyRefusal({ status: 400, message: 'messages: at least one message is required' }),
        undefined,
      );
      assert.equal(classifyRefusal({ status: 429, message: 'speed: fast mode is not supported' }), undefined);
      const needsBeta = 'speed: this model requires the `anthropic-beta: fast-mode-2026-02-01` header';
      assert.equal(
        classifyRefusal({ status: 400, message: needsBeta }),
        undefined,
        'a missing beta is not a refusal',
      );
      const atEffort = '"thinking.type.disabled" is not supported with effort "xhigh" for this model.';
      assert.equal(
        classifyRefusal({ status: 400, message: atEffort }),
        undefined,
        'refused only at that effort',
      );
    });

    it('reads error.details as well as the message', () => {
      const f = classifyRefusal({
        status: 400,
        message: 'Invalid request.',
        details: { param: 'top_k', reason: 'top_k is not supported' },
      });
      assert.deepEqual(f, { kind: 'sampling', param: 'top_k' });
      assert.match(describeRefusal({ kind: 'speed' }), /fast mode/);
    });
  });

  it('records per model, without repeats, and stays JSON-serialisable', () => {
    let l = emptyLearned();
    l = recordRefusal(l, 'claude-opus-5', { feature: { kind: 'speed' }, at: '2026-12-01T23:00:00Z' });
    l = recordRefusal(l, 'claude-opus-5', { feature: { kind: 'speed' }, at: '2026-12-01T23:01:00Z' });
    assert.equal(refusalsFor(l, ['claude-opus-5']).length, 1);
    const restored = loadLearned(JSON.parse(JSON.stringify(l)));
    assert.deepEqual(restored, l);
    assert.equal(resolveModel('claude-opus-5', undefined, undefined, restored).fast, 'removed_refused');
    assert.deepEqual(forgetModel(l, 'claude-opus-5').models, {});
  });

  it('drops learned facts recorded against another catalogue version', () => {
    const old = {
      catalogVersion: '2026-01-01.0',
      models: { 'claude-opus-5-5': [{ feature: { kind: 'speed' }, at: 't' }] },
    };
    assert.deepEqual(loadLearned(old), emptyLearned());
    assert.equal(resolveModel('claude-opus-5-5', undefined, undefined, old as never).fast, 'ga');
    assert.deepEqual(loadLearned('garbage'), { catalogVersion: CATALOG_DATA_VERSION, models: {} });
  });

  it('applies each kind of refusal to the record', () => {
    const l = [
      { kind: 'thinking', type: 'adaptive' },
      { kind: 'beta', header: 'fast-mode-2026-02-01' },
      { kind: 'prefill' },
      { kind: 'sampling', param: 'temperature' },
    ].reduce(
      (acc, feature) => recordRefusal(acc, 'claude-opus-4-5', { feature: feature as never, at: 't' }),
      emptyLearned(),
    );
    const m = resolveModel('claude-opus-4-5-20251101', undefined, undefined, l);
    assert.equal(m.thinkingTypes.adaptive, 'refused');
    assert.deepEqual(m.betasRefused, ['fast-mode-2026-02-01']);
    assert.equal(m.prefill, 'refused');
    assert.equal(m.sampling, 'refused');
  });
});
