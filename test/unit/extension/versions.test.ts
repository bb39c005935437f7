import * as assert from 'node:assert/strict';
import type { Turn } from '../../../src/extension/chat/conversation';
import { historyMessages } from '../../../src/extension/chat/conversation';
import { migrateConversation } from '../../../src/extension/chat/conversationStore';
import { forkAt, switchVersion, versionOf } from '../../../src/extension/chat/versions';

function turn(id: string, prompt: string, answer = `answer to ${prompt}`): Turn {
  return { id, prompt, attachments: [], content: [{ type: 'text', text: answer }], outcome: 'complete' };
}

const ids = (turns: readonly Turn[]): string[] => turns.map((t) => t.id);

describe('conversation versions', () => {
  const base = [turn('a', 'one'), turn('b', 'two'), turn('c', 'three')];

  it('regenerating the last turn keeps the old answer as version 1 of 2', () => {
    const next = forkAt(base, 2, turn('c2', 'three', 'a better answer'));
    assert.deepEqual(ids(next), ['a', 'b', 'c2']);
    assert.deepEqual(versionOf(next[2]), { index: 1, count: 2 });
    const back = switchVersion(next, 'c2', 0)!;
    assert.deepEqual(ids(back), ['a', 'b', 'c']);
    assert.deepEqual(versionOf(back[2]), { index: 0, count: 2 });
    // And forward again: the same turns as before, nothing duplicated or lost.
    assert.deepEqual(switchVersion(back, 'c', 1), next);
  });

  it('editing an earlier prompt forks: the later turns stay reachable in the old version', () => {
    const edited = forkAt(base, 1, turn('b2', 'two, said differently'));
    assert.deepEqual(ids(edited), ['a', 'b2']);
    const old = switchVersion(edited, 'b2', 0)!;
    assert.deepEqual(ids(old), ['a', 'b', 'c']);
    assert.equal(old[2].prompt, 'three');
  });

  it('only the chosen path is sent to the API', () => {
    const edited = forkAt(base, 1, turn('b2', 'two, said differently'));
    const sent = JSON.stringify(historyMessages(edited));
    assert.ok(sent.includes('two, said differently'));
    assert.ok(!sent.includes('"answer to two"') && !sent.includes('three'), sent);
    assert.ok(!sent.includes('versions'));
  });

  it('a third version goes last and the pager counts all three', () => {
    let turns = forkAt(base, 2, turn('c2', 'three'));
    turns = switchVersion(turns, 'c2', 0)!;
    turns = forkAt(turns, 2, turn('c3', 'three'));
    assert.deepEqual(versionOf(turns[2]), { index: 2, count: 3 });
    assert.deepEqual(
      [0, 1, 2].map((i) => switchVersion(turns, 'c3', i)![2].id),
      ['c', 'c2', 'c3'],
    );
  });

  it('versions nest: a fork inside an older version survives switching away and back', () => {
    let turns = forkAt(base, 1, turn('b2', 'two again')); // [a, b2]; old: [b, c]
    turns = switchVersion(turns, 'b2', 0)!; // [a, b, c]
    turns = forkAt(turns, 2, turn('c2', 'three again')); // [a, b, c2]; c kept under c2
    turns = switchVersion(turns, 'b', 1)!; // [a, b2]
    turns = switchVersion(turns, 'b2', 0)!; // back to [a, b, c2]
    assert.deepEqual(ids(turns), ['a', 'b', 'c2']);
    assert.deepEqual(ids(switchVersion(turns, 'c2', 0)!), ['a', 'b', 'c']);
  });

  it('refuses an unknown turn or version index', () => {
    const next = forkAt(base, 2, turn('c2', 'three'));
    assert.equal(switchVersion(next, 'nope', 0), undefined);
    assert.equal(switchVersion(next, 'c2', 2), undefined);
    assert.equal(switchVersion(next, 'c2', -1), undefined);
    assert.equal(switchVersion(next, 'c2', 0.5), undefined);
    assert.equal(versionOf(base[0]), undefined);
  });

  it('forking past the end appends (a first turn)', () => {
    assert.deepEqual(ids(forkAt([], 0, turn('a', 'one'))), ['a']);
  });
});

describe('stored versions', () => {
  it('load back; a malformed set of versions is dropped and the chosen path kept', () => {
    const good = forkAt([turn('a', 'one')], 0, turn('a2', 'one again'));
    const file = {
      version: 1,
      id: 'c1',
      title: 't',
      createdAt: 1,
      updatedAt: 1,
      model: 'm',
      turns: [...good, { ...turn('b', 'two'), versions: { others: [[{ id: 3 }]], index: 0 } }],
    };
    const loaded = migrateConversation(JSON.parse(JSON.stringify(file)));
    assert.deepEqual(versionOf(loaded.turns[0]), { index: 1, count: 2 });
    assert.equal(loaded.turns[1].versions, undefined);
    assert.equal(loaded.turns[1].prompt, 'two');
  });
});
