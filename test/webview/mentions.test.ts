// @-mentions in the composer: typing `@` asks the host, the list is driven from the keyboard
// (or the mouse) without leaving the input, and picking one attaches it and removes the `@query`.
import * as assert from 'node:assert/strict';
import type { HostMessage, MentionItemView } from '../../src/shared/protocol';
import { sel } from './fixtures';
import { usePanel, type Panel } from './panel';

const items: MentionItemView[] = [
  { id: 'm1', kind: 'selection', label: 'Selection', detail: 'src/app.ts:2-6' },
  { id: 'm2', kind: 'editor', label: 'app.ts', detail: 'src' },
  { id: 'm3', kind: 'file', label: 'apply.ts', detail: 'src/util' },
];

const mentions = (query: string, list = items): HostMessage => ({ type: 'mentions', query, items: list });

describe('webview: @-mentions', function () {
  let panel!: Panel;
  usePanel((p) => (panel = p), { clearPosted: true });

  const activeOption = () =>
    panel.page.evaluate(() => {
      interface El {
        textContent: string | null;
        getAttribute(name: string): string | null;
      }
      const doc = (
        globalThis as unknown as {
          document: { querySelector(s: string): El | null; getElementById(id: string): El | null };
        }
      ).document;
      const id = doc.querySelector('.prompt-input')?.getAttribute('aria-activedescendant');
      return id ? (doc.getElementById(id)?.textContent ?? null) : null;
    });

  it('asks the host for each query, picks with the keyboard and takes the @query out of the text', async () => {
    const input = panel.page.locator(sel.input);
    await input.click();
    await panel.page.keyboard.type('explain @ap');
    assert.deepEqual(await panel.posted(), [
      { type: 'mentionQuery', query: '' },
      { type: 'mentionQuery', query: 'a' },
      { type: 'mentionQuery', query: 'ap' },
    ]);
    await panel.post(mentions('a', items.slice(0, 1)));
    assert.equal(await panel.page.locator('.mention-menu').isVisible(), false, 'an older answer is dropped');
    await panel.post(mentions('ap'));
    const options = panel.page.getByRole('option');
    assert.equal(await options.count(), 3);
    assert.equal(await activeOption(), 'Selectionsrc/app.ts:2-6 (selection)');
    await panel.page.keyboard.press('ArrowDown');
    assert.equal(await activeOption(), 'app.tssrc (open editor)');
    await panel.page.keyboard.press('ArrowUp');
    await panel.page.keyboard.press('ArrowUp');
    assert.equal(await activeOption(), 'apply.tssrc/util (file)', 'ArrowUp wraps to the last');
    await panel.clearPosted();
    await panel.page.keyboard.press('Enter');
    assert.deepEqual(
      await panel.posted(),
      [{ type: 'addMention', id: 'm3' }],
      'Enter picks, it does not send',
    );
    assert.equal(await input.inputValue(), 'explain ');
    assert.equal(await panel.page.locator('.mention-menu').isVisible(), false);
    assert.equal(await input.getAttribute('aria-activedescendant'), null);
    await panel.page.keyboard.type('this');
    await panel.page.keyboard.press('Enter');
    assert.deepEqual((await panel.posted()).at(-1), { type: 'send', text: 'explain this' });
  });

  it('closes on Escape without stopping a turn, and picks by click', async () => {
    const input = panel.page.locator(sel.input);
    await input.click();
    await panel.page.keyboard.type('@');
    await panel.post(mentions(''));
    await panel.page.keyboard.press('Escape');
    assert.equal(await panel.page.locator('.mention-menu').isVisible(), false);
    assert.deepEqual(await panel.posted(), [{ type: 'mentionQuery', query: '' }], 'no stop posted');
    await panel.page.keyboard.type('x');
    await panel.post(mentions('x'));
    await panel.page.getByRole('option', { name: /app\.ts\s*src \(open editor\)/ }).click();
    assert.deepEqual((await panel.posted()).at(-1), { type: 'addMention', id: 'm2' });
    assert.equal(await input.inputValue(), '');
    assert.equal(
      await input.evaluate(
        (node) =>
          node ===
          (node as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement,
      ),
      true,
    );
  });

  it('does not start a mention inside a word (an e-mail address) and says when nothing matches', async () => {
    const input = panel.page.locator(sel.input);
    await input.click();
    await panel.page.keyboard.type('mail me@example.com');
    assert.deepEqual(await panel.posted(), []);
    await panel.page.keyboard.type(' @zzz');
    await panel.post(mentions('zzz', []));
    assert.equal(await panel.page.locator('.mention-empty').innerText(), 'Nothing matches.');
    await panel.page.keyboard.press('Enter');
    assert.equal((await panel.posted()).at(-1)?.type, 'send', 'Enter with an empty list sends');
  });

  it('numbers each message it sends and shows only the answer to its latest query, even for the same text', async () => {
    const input = panel.page.locator(sel.input);
    await input.click();
    await panel.page.keyboard.type('@a');
    await panel.page.keyboard.type('b');
    await panel.page.keyboard.press('Backspace');
    const record = await panel.record();
    assert.deepEqual(
      record.posted.map((m) => (m.type === 'mentionQuery' ? m.query : m.type)),
      ['', 'a', 'ab', 'a'],
    );
    const ids = record.postedIds;
    assert.ok(
      ids.every((id, i) => Number.isInteger(id) && (i === 0 || id > ids[i - 1])),
      `ids ${ids.join(', ')}`,
    );
    // The first "a" query's answer arrives late: same text, but not the latest request.
    await panel.reply(mentions('a', items.slice(0, 1)), ids[1]);
    assert.equal(await panel.page.locator('.mention-menu').isVisible(), false, 'a stale answer is dropped');
    await panel.reply(mentions('a'), ids[3]);
    assert.equal(await panel.page.getByRole('option').count(), 3);
  });
});
