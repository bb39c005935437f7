// Streaming code fences of every shape: the incremental result equals a one-shot render when
// split at every offset (mid-line, mid-marker, mid-info-string), every flush shows the text
// received so far, and fences in containers get new lines appended instead of being re-rendered.
import * as assert from 'node:assert/strict';
import { chunked, delta, sel, start, stop, turnEnd, turnStart } from './fixtures';
import type { Panel } from './panel';
import { usePanel } from './panel';

const code = 'let a = 1;\n\n  indented();\n`` not a fence ``\n```ts inside\n';
/** Each shape: an opening, the code as it sits in that container, and what may follow. */
const shapes: Record<string, string> = {
  'three backticks': '```ts\n' + code + '```\n\nAfter.\n',
  'five backticks': '`````md\n' + code + '````\n`````\n',
  tildes: '~~~\n' + code + '```\n~~~\nAfter.\n',
  'info string': '```js title="a b" {1}\n' + code + '```\n',
  'indented at the top level': '  ```py\n' + code.replace(/^/gm, '  ') + '  ```\n',
  'in a list item': '- item\n\n  ```go\n' + code.replace(/^(?=.)/gm, '  ') + '  ```\n- next\n',
  'opening a list item': '1. ```\n' + code.replace(/^(?=.)/gm, '   ') + '   ```\n',
  'in a quote': '> ```\n' + code.replace(/^/gm, '> ') + '> ```\n',
  'never closed': 'Intro.\n\n```rust\n' + code + 'fn main() {}\n',
  'closed by a longer run': '```\n' + code + '``````\nAfter.\n',
  'ended by its list item': '- ```\n  code\n  more\nout of the list\n',
};

describe('webview: streaming code fences of every shape', function () {
  let panel!: Panel;
  usePanel((p) => (panel = p), { strictConsole: true });

  for (const [name, text] of Object.entries(shapes)) {
    it(`equals a one-shot render split at every offset: ${name}`, async () => {
      // The first chunk ends at every offset; the rest streams in 1- and 4-character chunks.
      const cases = Array.from({ length: text.length }, (_, k) => ({ text, sizes: [k + 1, k % 2 ? 1 : 4] }));
      const { mismatches, shownMismatches } = await panel.call('compareStreamed', cases);
      const first = mismatches[0];
      assert.equal(
        mismatches.length,
        0,
        first && `first chunk ${first.index + 1}:\nstreamed ${first.streamed}\nexpected ${first.expected}`,
      );
      const shown = shownMismatches[0];
      assert.equal(
        shownMismatches.length,
        0,
        shown &&
          `first chunk ${shown.index + 1}, at ${shown.at}:\nshown ${shown.shown}\nexpected ${shown.expected}`,
      );
    });
  }

  it('appends to a fence in a list item without re-rendering it', async () => {
    await panel.post(
      turnStart('t1'),
      delta('t1', start(0, 'text')),
      ...chunked('t1', 0, '- step\n\n  ```ts\n  a();\n', 4),
    );
    await panel.frames();
    await panel.call('mark', `${sel.answer('t1')} pre code`, 'fence');
    await panel.post(...chunked('t1', 0, '  b();\n\n    c();\n  d', 3));
    await panel.frames();
    assert.deepEqual(
      await panel.call('marks', `${sel.answer('t1')} pre code`),
      ['fence'],
      'same code element',
    );
    assert.equal(
      await panel.page.locator(`${sel.answer('t1')} pre code`).innerText(),
      'a();\nb();\n\n  c();\nd',
    );
    await panel.post(...chunked('t1', 0, '();\n  ```\n', 5), delta('t1', stop(0)), turnEnd('t1'));
    await panel.frames();
    const final = '- step\n\n  ```ts\n  a();\n  b();\n\n    c();\n  d();\n  ```\n';
    assert.equal(await panel.call('innerHtml', sel.answer('t1')), await panel.call('renderOnce', final));
  });
});
