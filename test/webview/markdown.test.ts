// The incremental markdown renderer: finished blocks keep their DOM nodes while streaming goes
// on, the streamed result equals a one-shot render, and links, images and code behave.
import * as assert from 'node:assert/strict';
import { append, chunked, delta, sel, start, stop, turnEnd, turnStart } from './fixtures';
import { seededRandom } from '../fixtures/seededRandom';
import { randomLongFence, randomMarkdown } from './markdownSamples';
import type { Panel } from './panel';
import { usePanel } from './panel';

const longAnswer = [
  '# Plan',
  '',
  'First we read the **input**, then we parse it.',
  '',
  '1. Read',
  '2. Parse',
  '',
  '```ts',
  'export function parse(s: string): number {',
  '  return Number(s);',
  '}',
  '```',
  '',
  '| step | cost |',
  '|:-----|-----:|',
  '| read | 1 |',
  '',
  '> Note: errors are *thrown*.',
  '',
  'Then we are done. See [the docs](https://example.com/docs).',
  '',
  '- tail item',
  '- another',
  '',
].join('\n');

/** The top-level markdown blocks of an answer, inside or outside the layout chunks. */
const blocks = (id: string) => `${sel.answer(id)} > .md-chunk > *, ${sel.answer(id)} > :not(.md-chunk)`;

describe('webview: incremental markdown', function () {
  let panel!: Panel;
  usePanel((p) => (panel = p), { strictConsole: true });

  it('never replaces the DOM nodes of finished blocks while streaming continues', async () => {
    const half = longAnswer.indexOf('| step');
    await panel.post(
      turnStart('t1'),
      delta('t1', start(0, 'text')),
      ...chunked('t1', 0, longAnswer.slice(0, half), 7),
    );
    await panel.frames();
    const atMark = await panel.call('mark', blocks('t1'), 'early');
    assert.ok(atMark >= 4, `expected several blocks, got ${atMark}`);
    const handle = await panel.page.locator(`${sel.answer('t1')} h1`).elementHandle();

    await panel.post(...chunked('t1', 0, longAnswer.slice(half), 5), delta('t1', stop(0)), turnEnd('t1'));
    await panel.frames();
    const marks = await panel.call('marks', blocks('t1'));
    const kept = marks.filter((m) => m === 'early').length;
    // Only the open tail (the last block, at most two when a boundary is still ambiguous) may be re-rendered.
    assert.ok(kept >= atMark - 2, `kept ${kept} of ${atMark} early blocks`);
    assert.deepEqual(
      marks.slice(0, kept),
      Array<string>(kept).fill('early'),
      'finished blocks stay first and in order',
    );
    assert.ok(marks.slice(kept).every((m) => m === null));
    // The very same heading object is still in the document.
    assert.equal(await panel.page.evaluate((b) => (b as { isConnected: boolean }).isConnected, handle), true);
    assert.equal(await panel.call('innerHtml', sel.answer('t1')), await panel.call('renderOnce', longAnswer));
  });

  it('equals a one-shot render for many documents split at random points', async () => {
    const random = seededRandom(20240605);
    const cases = Array.from({ length: 300 }, (_, i) => ({
      text: randomMarkdown(random),
      sizes: Array.from({ length: 7 }, () => 1 + Math.floor(random() * (i % 4 === 0 ? 4 : 40))),
    }));
    const { mismatches, commits, shownMismatches } = await panel.call('compareStreamed', cases);
    const first = mismatches[0];
    assert.equal(
      mismatches.length,
      0,
      first &&
        `document ${first.index}:\n${cases[first.index].text}\nstreamed ${first.streamed}\nexpected ${first.expected}`,
    );
    assert.ok(commits > 300, `finished blocks were committed during streaming (${commits} times)`);
    assert.deepEqual(shownMismatches.slice(0, 1), [], 'every flush shows the text received so far');
  });

  it('equals a one-shot render for long streaming code blocks split at random points', async () => {
    const random = seededRandom(20261201);
    const cases = Array.from({ length: 80 }, () => ({
      text: randomLongFence(random),
      sizes: Array.from({ length: 5 }, () => 1 + Math.floor(random() * 30)),
    }));
    const { mismatches, shownMismatches } = await panel.call('compareStreamed', cases);
    const first = mismatches[0];
    assert.equal(
      mismatches.length,
      0,
      first &&
        `document ${first.index}:\n${cases[first.index].text}\nstreamed ${first.streamed}\nexpected ${first.expected}`,
    );
    const shown = shownMismatches[0];
    assert.equal(
      shownMismatches.length,
      0,
      shown &&
        `document ${shown.index} at ${shown.at}:\n${cases[shown.index].text}\nshown ${shown.shown}\nexpected ${shown.expected}`,
    );
  });

  it('appends to a streaming code block without re-rendering it, and highlights it when it closes', async () => {
    await panel.post(
      turnStart('t1'),
      delta('t1', start(0, 'text')),
      ...chunked('t1', 0, 'Intro.\n\n```ts\nconst a = 1;\n', 4),
    );
    await panel.frames();
    await panel.call('mark', `${sel.answer('t1')} pre code`, 'fence');
    await panel.post(...chunked('t1', 0, 'let b = "two";\nfunction f() {}\n', 3));
    await panel.frames();
    assert.deepEqual(
      await panel.call('marks', `${sel.answer('t1')} pre code`),
      ['fence'],
      'same code element while streaming',
    );
    assert.equal(
      await panel.page.locator(`${sel.answer('t1')} pre code`).innerText(),
      'const a = 1;\nlet b = "two";\nfunction f() {}\n',
    );
    await panel.post(delta('t1', append(0, '```\n\nDone.\n')), delta('t1', stop(0)), turnEnd('t1'));
    await panel.frames();
    const final = 'Intro.\n\n```ts\nconst a = 1;\nlet b = "two";\nfunction f() {}\n```\n\nDone.\n';
    assert.equal(await panel.call('innerHtml', sel.answer('t1')), await panel.call('renderOnce', final));
  });

  it('copies and inserts code blocks through the host', async () => {
    const text = '```ts\nconst a = 1 < 2;\n```\n\n```\nplain\n```\n';
    await panel.post(turnStart('t1'), delta('t1', start(0, 'text'), append(0, text), stop(0)), turnEnd('t1'));
    await panel.frames();
    const blocks = panel.page.locator(`${sel.answer('t1')} .code-block`);
    assert.equal(await blocks.first().locator('.code-lang').innerText(), 'ts');
    await panel.clearPosted();
    await blocks.first().getByRole('button', { name: 'Copy code' }).click();
    await blocks.first().getByRole('button', { name: 'Insert at cursor' }).click();
    await blocks.nth(1).getByRole('button', { name: 'Insert at cursor' }).click();
    assert.deepEqual(await panel.posted(), [
      { type: 'copyCode', code: 'const a = 1 < 2;\n' },
      { type: 'insertCode', code: 'const a = 1 < 2;\n', languageId: 'typescript' },
      { type: 'insertCode', code: 'plain\n' },
    ]);
    assert.ok((await blocks.first().locator('.hljs-keyword').count()) > 0, 'highlighted');
  });

  it('sends link clicks to the host and never navigates; unsafe links stay text; images are not loaded', async () => {
    const text =
      'See [docs](https://example.com/a?b=1), https://example.org/x and [bad](javascript:alert(1)).\n\n' +
      '![logo](https://example.com/logo.png) and ![local](file:///etc/passwd)\n';
    await panel.post(turnStart('t1'), delta('t1', start(0, 'text'), append(0, text), stop(0)), turnEnd('t1'));
    await panel.frames();
    const answer = panel.page.locator(sel.answer('t1'));
    const url = panel.page.url();
    await panel.clearPosted();
    await answer.getByRole('link', { name: 'docs' }).click();
    await answer.getByRole('link', { name: 'https://example.org/x' }).click({ button: 'middle' });
    await answer.getByRole('link', { name: 'https://example.org/x' }).click({ modifiers: ['Control'] });
    await answer.getByRole('link', { name: 'logo' }).click();
    await panel.frames();
    assert.deepEqual(await panel.posted(), [
      { type: 'openLink', href: 'https://example.com/a?b=1' },
      { type: 'openLink', href: 'https://example.org/x' },
      { type: 'openLink', href: 'https://example.com/logo.png' },
    ]);
    assert.equal(panel.page.url(), url);
    assert.equal(panel.page.context().pages().length, 1);
    assert.equal(await answer.locator('img').count(), 0);
    assert.match(await answer.innerText(), /\[bad\]\(javascript:alert\(1\)\)/);
    assert.deepEqual(await panel.call('dangerous', sel.answer('t1')), []);
    assert.deepEqual(panel.foreignRequests(), []);
  });
});
