// Code blocks: wrap toggle (and the setting it starts from), line numbers for long blocks that
// never get copied, and Open in a new editor next to Copy and Insert.
import * as assert from 'node:assert/strict';
import { append, config, delta, sel, start, stop, turnEnd, turnStart } from './fixtures';
import { usePanel, type Panel } from './panel';

const long = Array.from({ length: 14 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';

describe('webview: code blocks', function () {
  let panel!: Panel;
  usePanel((p) => (panel = p), { clearPosted: true });

  async function answer(id: string, text: string): Promise<void> {
    await panel.post(turnStart(id), delta(id, start(0, 'text'), append(0, text), stop(0)), turnEnd(id));
    await panel.frames();
  }

  it('numbers the lines of long blocks only, and copying or opening never includes the numbers', async () => {
    await answer('t1', `\`\`\`python\n${long}\`\`\`\n\n\`\`\`\nshort\n\`\`\`\n`);
    const blocks = panel.page.locator(`${sel.answer('t1')} .code-block`);
    const numbers = blocks.first().locator('.line-numbers');
    assert.equal(await numbers.innerText(), Array.from({ length: 14 }, (_, i) => i + 1).join('\n'));
    assert.equal(await numbers.getAttribute('aria-hidden'), 'true');
    assert.equal(await blocks.nth(1).locator('.line-numbers').count(), 0);
    await panel.clearPosted();
    await blocks.first().getByRole('button', { name: 'Copy code' }).click();
    await blocks.first().getByRole('button', { name: 'Open in a new editor' }).click();
    await blocks.nth(1).getByRole('button', { name: 'Open in a new editor' }).click();
    assert.deepEqual(await panel.posted(), [
      { type: 'copyCode', code: long },
      { type: 'openCode', code: long, languageId: 'python' },
      { type: 'openCode', code: 'short\n' },
    ]);
  });

  it('wraps one block with its toggle, and the setting wraps every block', async () => {
    await answer(
      't1',
      `\`\`\`ts\nconst x = "${'long '.repeat(60)}";\n\`\`\`\n\n\`\`\`ts\nconst y = 1;\n\`\`\`\n`,
    );
    const blocks = panel.page.locator(`${sel.answer('t1')} .code-block`);
    const toggle = blocks.first().getByRole('button', { name: 'Wrap long lines' });
    const pre = blocks.first().locator('pre');
    const scrolls = () =>
      pre.evaluate((e) => {
        const box = e as unknown as { scrollWidth: number; clientWidth: number };
        return box.scrollWidth > box.clientWidth;
      });
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    assert.equal(await scrolls(), true, 'a long line scrolls');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    assert.equal(await scrolls(), false, 'wrapped');
    assert.equal(
      await blocks.nth(1).getByRole('button', { name: 'Wrap long lines' }).getAttribute('aria-pressed'),
      'false',
    );
    await toggle.press('Enter');
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false', 'the keyboard toggles it too');
    await panel.post(config({ codeWrap: true }));
    const toggles = blocks.getByRole('button', { name: 'Wrap long lines' });
    assert.deepEqual(
      [await toggles.nth(0).getAttribute('aria-pressed'), await toggles.nth(1).getAttribute('aria-pressed')],
      ['true', 'true'],
    );
    await answer('t2', '```\nnew block\n```\n');
    assert.equal(
      await panel.page
        .locator(`${sel.answer('t2')} .code-block`)
        .getByRole('button', { name: 'Wrap long lines' })
        .getAttribute('aria-pressed'),
      'true',
      'new blocks start wrapped',
    );
    assert.deepEqual(await panel.posted(), []);
  });
});
