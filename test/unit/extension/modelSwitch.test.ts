import * as assert from 'node:assert/strict';
import { resolveModel } from '../../../src/anthropic/models';
import { adjustmentsFor, nearestEffort } from '../../../src/extension/status/modelSwitch';

describe('switching models', () => {
  it('moves an effort the new model lacks to its default, with a notice', () => {
    assert.deepEqual(
      adjustmentsFor(resolveModel('claude-sonnet-4-6'), { effort: 'xhigh', fastMode: false }),
      [
        {
          setting: 'effort',
          value: 'high',
          notice: 'Claude Sonnet 4.6 has no xhigh effort: effort set to high.',
        },
      ],
    );
  });

  it('switches fast mode off for a model without it, with a notice', () => {
    assert.deepEqual(adjustmentsFor(resolveModel('claude-sonnet-4-6'), { effort: 'low', fastMode: true }), [
      {
        setting: 'fastMode',
        value: false,
        notice: 'Claude Sonnet 4.6 has no fast mode: switched to standard speed.',
      },
    ]);
  });

  it('changes nothing the new model supports, and leaves effort alone on a model without levels', () => {
    assert.deepEqual(adjustmentsFor(resolveModel('claude-opus-5-5'), { effort: 'max', fastMode: true }), []);
    assert.deepEqual(
      adjustmentsFor(resolveModel('claude-haiku-4-5'), { effort: 'max', fastMode: false }),
      [],
    );
  });

  it('without a default, picks the highest level below the wanted one', () => {
    const caps = {
      ...resolveModel('claude-opus-4-6'),
      effortLevels: ['low' as const, 'medium' as const],
      defaultEffort: undefined,
    };
    assert.equal(nearestEffort(caps, 'max'), 'medium');
    assert.equal(nearestEffort({ ...caps, effortLevels: ['high'] }, 'low'), 'high');
  });
});
