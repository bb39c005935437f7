import * as assert from 'node:assert/strict';
import { IgnoreRules } from '../../../src/extension/chat/gitignore';
import {
  fuzzyScore,
  lineCount,
  lineSpan,
  rankMentions,
  spanLabel,
} from '../../../src/extension/chat/mentionMatch';

describe('mentions: line spans', () => {
  it('leaves out the line a selection ends on at column 0 (line 2 to line 7 column 1 is 2–6)', () => {
    // 0-based: start line 1, end line 6 character 0.
    assert.deepEqual(lineSpan(1, 6, 0), { first: 2, last: 6 });
    assert.equal(spanLabel('src/a.ts', lineSpan(1, 6, 0)), 'src/a.ts:2-6');
  });

  it('keeps the last line when the selection ends inside it, and one line reads as one number', () => {
    assert.deepEqual(lineSpan(1, 6, 3), { first: 2, last: 7 });
    assert.equal(
      spanLabel('a.ts', lineSpan(4, 4, 0)),
      'a.ts:5',
      'an empty-ended one-line range stays one line',
    );
    assert.equal(spanLabel('a.ts', lineSpan(4, 4, 9)), 'a.ts:5');
  });

  it('counts lines without counting a final line break as another line', () => {
    assert.equal(lineCount(''), 0);
    assert.equal(lineCount('one'), 1);
    assert.equal(lineCount('one\n'), 1);
    assert.equal(lineCount('one\r\ntwo\r\n'), 2);
    assert.equal(lineCount('a\nb\nc\nd\ne\n'), 5, 'lines 2–6 selected to column 0 of line 7');
  });
});

describe('mentions: fuzzy ranking', () => {
  const files = [
    { label: 'chatController.ts', detail: 'src/extension/chat' },
    { label: 'controller.md', detail: 'docs' },
    { label: 'README.md' },
    { label: 'contextChips.ts', detail: 'src/extension/chat' },
  ];

  it('matches subsequences case-insensitively and refuses what is not one', () => {
    assert.ok(fuzzyScore('cc', 'chatController.ts') > 0);
    assert.equal(fuzzyScore('xyz', 'chatController.ts'), 0);
    assert.equal(fuzzyScore('', 'anything'), 1);
  });

  it('ranks word-start and consecutive hits first, and keeps input order for an empty query', () => {
    assert.deepEqual(
      rankMentions('cc', files, 10).map((f) => f.label),
      ['contextChips.ts', 'chatController.ts', 'controller.md'], // the last only through docs/
    );
    assert.equal(rankMentions('readme', files, 10)[0].label, 'README.md');
    assert.deepEqual(
      rankMentions('', files, 2).map((f) => f.label),
      ['chatController.ts', 'controller.md'],
    );
  });

  it('matches the folder too, below a hit in the name', () => {
    assert.deepEqual(
      rankMentions('docs', files, 10).map((f) => f.label),
      ['controller.md'],
    );
  });
});

describe('mentions: .gitignore rules', () => {
  const rules = new IgnoreRules();
  rules.add(
    '',
    [
      '# build output',
      'out/',
      '*.log',
      '!keep.log',
      '/secret.txt',
      'docs/**/*.tmp',
      'cache?',
      '',
      '[Tt]emp',
    ].join('\n'),
  );
  rules.add('packages/web', 'dist\n!dist/keep.js\n');

  const cases: [string, boolean][] = [
    ['out/a.js', true],
    ['src/out/a.js', true],
    ['out', false], // a file named out is not the directory pattern
    ['debug.log', true],
    ['logs/deep/x.log', true],
    ['keep.log', false],
    ['secret.txt', true],
    ['src/secret.txt', false],
    ['docs/a/b/c.tmp', true],
    ['docs/c.tmp', true],
    ['cache1', true],
    ['cache12', false],
    ['Temp/x', true],
    ['temp', true],
    ['packages/web/dist/keep.js', true], // a negation cannot reach inside an ignored folder
    ['packages/web/src/dist.ts', false],
    ['dist/x.js', false], // the nested file applies only below its folder
    ['src/app.ts', false],
  ];
  for (const [path, ignored] of cases) {
    it(`${ignored ? 'ignores' : 'keeps'} ${path}`, () => assert.equal(rules.ignores(path), ignored));
  }

  it('reads a directory given as one', () => {
    assert.equal(rules.ignores('out', true), true);
  });
});
