import * as assert from 'node:assert/strict';
import { singleFencedBlock } from '../../../src/extension/refactor/codeFence';
import { FenceStream } from '../../../src/extension/refactor/fenceStream';
import { diffLines, settledHunks, type Hunk } from '../../../src/extension/refactor/lineDiff';

/** A small deterministic generator, so a failing split can be reproduced. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

function splitAt(text: string, rnd: () => number): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const n = 1 + Math.floor(rnd() * 7);
    out.push(text.slice(i, i + n));
    i += n;
  }
  return out;
}

/** Applies hunks to `original`, the way a kept proposal is written. */
function apply(original: readonly string[], hunks: readonly Hunk[]): string[] {
  const out: string[] = [];
  let at = 0;
  for (const h of hunks) {
    out.push(...original.slice(at, h.start), ...h.lines);
    at = h.end;
  }
  return [...out, ...original.slice(at)];
}

describe('refactor streaming: the fence read as it arrives', () => {
  const answers = [
    'Here it is:\n\n```ts\nconst a = 1;\n\nconst b = 2;\n```\n\nDone.',
    '```ts\r\nfunction f() {\r\n  return 1;\r\n}\r\n```\r\n',
    '  ````js\n    a();\n  ```\n  b();\n  ````',
    '~~~python\nx = 1\n~~~',
    '```ts\nconst cut = true;\nconst off',
  ];

  it('gives the same code lines for any split of the stream as the one-shot parser', () => {
    for (const [n, answer] of answers.entries()) {
      const oneShot = singleFencedBlock(answer);
      for (let seed = 1; seed <= 40; seed++) {
        const fence = new FenceStream();
        for (const piece of splitAt(answer, random(seed * 31 + n))) fence.push(piece);
        fence.end();
        if (oneShot.ok) assert.deepEqual(fence.code, oneShot.code.split('\n'), `answer ${n} seed ${seed}`);
        else assert.deepEqual(fence.code, ['const cut = true;', 'const off'], `answer ${n} seed ${seed}`);
      }
    }
  });

  it('releases a code line only when it is complete, and keeps the prose outside apart', () => {
    const fence = new FenceStream();
    assert.equal(fence.push('Sure.\n```ts\nconst a'), false);
    assert.deepEqual(fence.code, []);
    assert.equal(fence.state, 'code');
    assert.equal(fence.push(' = 1;\n'), true);
    assert.deepEqual(fence.code, ['const a = 1;']);
    fence.push('```\nI renamed it.');
    fence.end();
    assert.equal(fence.state, 'after');
    assert.deepEqual(fence.outside, ['Sure.', 'I renamed it.']);
  });
});

describe('refactor streaming: line diff and settled hunks', () => {
  const original = ['a', 'b', 'c', 'd', 'e', 'f'];

  it('finds replacements, insertions and deletions as separate hunks', () => {
    const proposal = ['// note', 'a', 'B', 'c', 'e', 'f', 'g'];
    const hunks = diffLines(original, proposal);
    assert.deepEqual(hunks, [
      { start: 0, end: 0, lines: ['// note'] },
      { start: 1, end: 2, lines: ['B'] },
      { start: 3, end: 4, lines: [] },
      { start: 6, end: 6, lines: ['g'] },
    ]);
    assert.deepEqual(apply(original, hunks), proposal);
  });

  it('applying the hunks always gives the proposal (random edits)', () => {
    const rnd = random(7);
    for (let round = 0; round < 200; round++) {
      const a = Array.from({ length: Math.floor(rnd() * 12) }, () => 'xyz'[Math.floor(rnd() * 3)] ?? 'x');
      const b = Array.from({ length: Math.floor(rnd() * 12) }, () => 'xyzw'[Math.floor(rnd() * 4)] ?? 'x');
      assert.deepEqual(apply(a, diffLines(a, b)), b, `${a.join('')} → ${b.join('')}`);
    }
  });

  it('settles a hunk once an unchanged line follows it, never the open tail', () => {
    const proposal = ['a', 'B', 'c', 'd', 'E', 'f'];
    assert.deepEqual(settledHunks(original, proposal.slice(0, 2)), [], 'B may still grow');
    assert.deepEqual(settledHunks(original, proposal.slice(0, 3)), [{ start: 1, end: 2, lines: ['B'] }]);
    assert.deepEqual(settledHunks(original, proposal.slice(0, 5)), [{ start: 1, end: 2, lines: ['B'] }]);
    assert.deepEqual(settledHunks(original, proposal), [
      { start: 1, end: 2, lines: ['B'] },
      { start: 4, end: 5, lines: ['E'] },
    ]);
    // The settled hunks of every prefix are hunks of the final diff.
    const final = JSON.stringify(diffLines(original, proposal));
    for (let k = 0; k <= proposal.length; k++)
      for (const h of settledHunks(original, proposal.slice(0, k)))
        assert.ok(final.includes(JSON.stringify(h)));
  });
});
