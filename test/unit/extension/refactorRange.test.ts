import * as assert from 'node:assert/strict';
import { shiftRange } from '../../../src/extension/refactor/rangeTracker';

const range = { start: 10, end: 20 };

describe('refactor range tracking', () => {
  it('moves with edits entirely before it', () => {
    assert.deepEqual(shiftRange(range, { offset: 0, removed: 0, inserted: 5 }), { start: 15, end: 25 });
    assert.deepEqual(shiftRange(range, { offset: 2, removed: 8, inserted: 1 }), { start: 3, end: 13 });
  });

  it('treats typing right at its start or end as outside it', () => {
    assert.deepEqual(shiftRange(range, { offset: 10, removed: 0, inserted: 3 }), { start: 13, end: 23 });
    assert.deepEqual(shiftRange(range, { offset: 20, removed: 0, inserted: 3 }), range);
    assert.deepEqual(shiftRange(range, { offset: 5, removed: 5, inserted: 0 }), { start: 5, end: 15 });
  });

  it('ignores edits after it', () => {
    assert.deepEqual(shiftRange(range, { offset: 25, removed: 4, inserted: 9 }), range);
  });

  it('gives up on any edit that overlaps it', () => {
    assert.equal(shiftRange(range, { offset: 12, removed: 0, inserted: 1 }), undefined);
    assert.equal(shiftRange(range, { offset: 5, removed: 6, inserted: 0 }), undefined);
    assert.equal(shiftRange(range, { offset: 19, removed: 2, inserted: 0 }), undefined);
    assert.equal(shiftRange(range, { offset: 0, removed: 40, inserted: 40 }), undefined);
  });
});
