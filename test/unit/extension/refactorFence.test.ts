import * as assert from 'node:assert/strict';
import { findFencedBlocks, singleFencedBlock } from '../../../src/extension/refactor/codeFence';

describe('refactor answer: exactly one fenced block', () => {
  it('takes the one block and its language, ignoring prose around it', () => {
    const answer = 'Here you go:\n\n```typescript\nconst a = 1;\n\nconst b = 2;\n```\n\nI renamed nothing.';
    assert.deepEqual(singleFencedBlock(answer), {
      ok: true,
      lang: 'typescript',
      code: 'const a = 1;\n\nconst b = 2;',
    });
  });

  it('keeps inner backtick runs shorter than the fence, and tilde fences', () => {
    const code = 'const md = "```js\\nx\\n```";';
    assert.deepEqual(singleFencedBlock(`\`\`\`\`ts\n${code}\n\`\`\`\``), { ok: true, lang: 'ts', code });
    assert.deepEqual(singleFencedBlock('~~~python\nx = 1\n~~~'), { ok: true, lang: 'python', code: 'x = 1' });
  });

  it('reads CRLF answers and strips the opening fence indentation from content lines', () => {
    assert.deepEqual(singleFencedBlock('  ```js\r\n    a();\r\n  b();\r\n  ```\r\n'), {
      ok: true,
      lang: 'js',
      code: '  a();\nb();',
    });
  });

  it('refuses no block, two blocks, and a block cut off before its closing fence', () => {
    const none = singleFencedBlock('I would rather not.');
    assert.ok(!none.ok && /no fenced code block/.test(none.problem));
    const empty = singleFencedBlock('  ');
    assert.ok(!empty.ok && /empty/.test(empty.problem));
    const two = singleFencedBlock('```js\na\n```\nand\n```js\nb\n```');
    assert.ok(!two.ok && /2 code blocks/.test(two.problem));
    const cut = singleFencedBlock('```js\nfunction f() {\n');
    assert.ok(!cut.ok && /cut off/.test(cut.problem));
  });

  it('does not close a fence with a shorter one or with the other character', () => {
    const blocks = findFencedBlocks('````\na\n```\n~~~~\nb\n````\n');
    assert.equal(blocks.length, 1);
    assert.equal(blocks[0]?.code, 'a\n```\n~~~~\nb');
  });

  it('treats a line with backticks in the info string as inline code, not a fence', () => {
    assert.equal(findFencedBlocks('``` `x` ```\n').length, 0);
  });
});
