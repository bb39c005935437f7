import * as assert from 'node:assert/strict';
import { findBuiltInModel } from '../../../src/anthropic/models';
import { computeCost } from '../../../src/anthropic/pricing';
import {
  chooseSpeed,
  estimateRefactor,
  estimateTitle,
  estimatedUsage,
} from '../../../src/extension/refactor/costEstimate';
import {
  applyLineEdit,
  HunkDecisions,
  minimalReplacement,
} from '../../../src/extension/refactor/hunkDecisions';
import { diffLines } from '../../../src/extension/refactor/lineDiff';

describe('refactor decisions: keep and undo per hunk', () => {
  const original = ['a', 'b', 'c', 'd', 'e', 'f'];
  const proposal = ['a', 'B1', 'B2', 'c', 'd', 'f', 'g'];

  it('keeping one hunk then another gives exactly those changes, positions following earlier keeps', () => {
    const d = new HunkDecisions(diffLines(original, proposal));
    assert.equal(d.hunks.length, 3);
    let text = original;
    const first = d.keepEdit(0);
    assert.ok(first);
    text = applyLineEdit(text, first);
    d.mark(0, 'kept');
    d.mark(1, 'undone');
    const last = d.keepEdit(2);
    assert.ok(last);
    text = applyLineEdit(text, last);
    d.mark(2, 'kept');
    assert.deepEqual(text, ['a', 'B1', 'B2', 'c', 'd', 'e', 'f', 'g']);
    assert.deepEqual(d.counts(), { open: 0, kept: 2, undone: 1 });
    assert.equal(d.keepEdit(2), undefined, 'a decided hunk has no edit');
  });

  it('keep all is one edit over the open hunks, leaving undone ones and the lines between alone', () => {
    const d = new HunkDecisions(diffLines(original, proposal));
    d.mark(1, 'undone');
    const edit = d.keepAllEdit(original);
    assert.ok(edit);
    assert.deepEqual(applyLineEdit(original, edit), ['a', 'B1', 'B2', 'c', 'd', 'e', 'f', 'g']);
    d.markAll('kept');
    assert.deepEqual(d.open(), []);
    assert.equal(d.keepAllEdit(original), undefined);
  });

  it('the smallest replacement between two texts', () => {
    assert.deepEqual(minimalReplacement('abcdef', 'abXYef'), { offset: 2, removed: 2, text: 'XY' });
    assert.deepEqual(minimalReplacement('same', 'same'), { offset: 4, removed: 0, text: '' });
    assert.deepEqual(minimalReplacement('aa', 'aaa'), { offset: 2, removed: 0, text: 'a' });
  });
});

describe('refactor speed and cost estimate', () => {
  const opus = findBuiltInModel('claude-opus-5-5');
  const sonnet = findBuiltInModel('claude-sonnet-5-5');

  it('the setting picks fast, standard, or the chat toggle; fast only where served', () => {
    assert.ok(opus && sonnet);
    assert.deepEqual(chooseSpeed('fast', false, opus), { speed: 'fast' });
    assert.deepEqual(chooseSpeed('standard', true, opus), { speed: 'standard' });
    assert.deepEqual(chooseSpeed('chat', true, opus), { speed: 'fast' });
    assert.deepEqual(chooseSpeed('chat', false, opus), { speed: 'standard' });
    const s = chooseSpeed('fast', false, sonnet);
    assert.equal(s.speed, 'standard');
    assert.match(s.notice ?? '', /has no fast mode/);
  });

  it('prices each speed with the pricing module and shows both in the title, the chosen first', () => {
    assert.ok(opus);
    const input = { promptChars: 4000, selectionChars: 800, effort: 'medium' as const };
    const [fast, standard] = estimateRefactor(input, opus);
    assert.ok(fast && standard);
    const expect = (speed: 'fast' | 'standard') => {
      const cost = computeCost(estimatedUsage(input, speed), opus, speed);
      return cost === 'unknown' ? undefined : cost.totalUsd;
    };
    assert.equal(fast.usd, expect('fast'));
    assert.equal(standard.usd, expect('standard'));
    assert.ok((fast.usd ?? 0) > (standard.usd ?? 0), 'fast costs more');
    assert.ok(fast.seconds < standard.seconds, 'and takes less time');
    const title = estimateTitle([fast, standard], 'standard');
    assert.match(
      title,
      /^Thinkfast: Refactor Selection — ▸ standard ≈ \$[\d.]+, ~\d+ s · fast ≈ \$[\d.]+, ~\d+ s$/,
    );
  });

  it('a measured rate replaces the assumed one', () => {
    assert.ok(opus);
    const input = { promptChars: 400, selectionChars: 4000, effort: 'low' as const };
    const [, slow] = estimateRefactor({ ...input, measured: { standard: 10 } }, opus);
    const [, quick] = estimateRefactor({ ...input, measured: { standard: 1000 } }, opus);
    assert.ok(slow && quick && slow.seconds > quick.seconds * 10);
  });
});
