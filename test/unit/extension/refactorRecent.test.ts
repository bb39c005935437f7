import * as assert from 'node:assert/strict';
import {
  RecentInstructions,
  type InstructionMemory,
} from '../../../src/extension/refactor/recentInstructions';

class MapMemory implements InstructionMemory {
  readonly map = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.map.get(key) as T | undefined;
  }
  update(key: string, value: unknown): Promise<void> {
    this.map.set(key, value);
    return Promise.resolve();
  }
}

describe('refactor recent instructions', () => {
  it('keeps them newest first, without duplicates, up to the limit, in the given memory', async () => {
    const memory = new MapMemory();
    const recents = new RecentInstructions(memory, 3);
    for (const i of ['a', 'b', ' a ', 'c', 'd']) await recents.remember(i);
    assert.deepEqual(recents.list(), ['d', 'c', 'a']);
    assert.deepEqual(new RecentInstructions(memory, 3).list(), ['d', 'c', 'a']);
  });

  it('ignores blank instructions and junk in storage, and works without a memory', async () => {
    const memory = new MapMemory();
    memory.map.set('thinkfast.refactor.recentInstructions', ['ok', 3, '', null]);
    assert.deepEqual(new RecentInstructions(memory).list(), ['ok']);
    const session = new RecentInstructions();
    await session.remember('   ');
    await session.remember('x');
    assert.deepEqual(session.list(), ['x']);
  });
});
