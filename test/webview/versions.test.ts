// Versions and editing in place: a prompt is edited inside its message and sent as a new version;
// the pager ‹ n/m › moves between versions. The host owns the versions; the view asks.
import * as assert from 'node:assert/strict';
import { maxMessageText } from '../../src/shared/protocolValidation';
import type { Locator } from 'playwright-core';
import { sel, turn } from './fixtures';
import type { Panel } from './panel';
import { usePanel } from './panel';

describe('webview: versions and editing in place', function () {
  let panel!: Panel;
  usePanel((p) => (panel = p), { clearPosted: true });

  async function showTurns(...turns: ReturnType<typeof turn>[]): Promise<void> {
    await panel.post({ type: 'conversation', id: 'c', title: 'Chat', turns });
    await panel.clearPosted();
  }

  /** Opens the prompt of the turn `article` for editing, as a user would; returns its text box. */
  async function startEditing(article: Locator): Promise<Locator> {
    await article.locator('.prompt').hover();
    await article.getByRole('button', { name: 'Edit this prompt' }).click();
    return article.getByRole('textbox', { name: 'Edit the prompt' });
  }

  it('edits an earlier prompt in the message itself and sends it as editPrompt', async () => {
    await showTurns(
      turn('t1', 'first prompt', { outcome: 'complete' }),
      turn('t2', 'second prompt', { outcome: 'complete' }),
    );
    const first = panel.page.locator(sel.turn('t1'));
    const input = await startEditing(first);
    assert.equal(await input.inputValue(), 'first prompt');
    // Editing happens in place: the composer is untouched.
    assert.equal(await panel.page.locator(sel.input).inputValue(), '');
    await input.fill('first prompt, better');
    await input.press('Enter');
    assert.deepEqual(await panel.posted(), [
      { type: 'editPrompt', turnId: 't1', text: 'first prompt, better' },
    ]);
    assert.equal(await first.locator('.prompt-text').innerText(), 'first prompt');
  });

  it('an edit over the size limit stays open with the reason, sends nothing, and keeps the text', async () => {
    await showTurns(turn('t1', 'short prompt', { outcome: 'complete' }));
    const t1 = panel.page.locator(sel.turn('t1'));
    const input = await startEditing(t1);
    const tooLong = 'x'.repeat(maxMessageText + 3);
    await input.fill(tooLong);
    await input.press('Enter');
    assert.deepEqual(await panel.posted(), [], 'nothing is sent');
    const note = t1.locator('.prompt-edit-limit');
    assert.equal(await note.getAttribute('role'), 'alert');
    assert.match(await note.innerText(), /Shorten it by 3 characters/);
    assert.equal((await input.inputValue()).length, tooLong.length, 'the edit stays open with the text');
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    await input.press('End');
    for (let i = 0; i < 3; i++) await input.press('Backspace');
    assert.equal(await note.isVisible(), false, 'at the limit the reason goes');
    await input.press('Enter');
    const posted = (await panel.posted()) as { type: string; text: string }[];
    assert.equal(posted.length, 1);
    assert.equal(posted[0].text.length, maxMessageText, 'an edit at the limit is sent');
  });

  it('Escape cancels an edit and sends nothing; an empty edit cannot be sent', async () => {
    await showTurns(turn('t1', 'keep me', { outcome: 'complete' }));
    const t1 = panel.page.locator(sel.turn('t1'));
    const input = await startEditing(t1);
    await input.fill('   ');
    await input.press('Enter');
    assert.deepEqual(await panel.posted(), []);
    await input.press('Escape');
    assert.equal(await t1.locator('.prompt-edit-input').count(), 0);
    assert.equal(await t1.locator('.prompt-text').innerText(), 'keep me');
    assert.deepEqual(await panel.posted(), []);
  });

  it('shows ‹ 2/3 › and asks for the neighbouring versions; the ends are disabled', async () => {
    await showTurns(
      turn('t1', 'one', { outcome: 'complete' }),
      turn('t2', 'two', { outcome: 'complete', version: { index: 1, count: 3 } }),
    );
    const t2 = panel.page.locator(sel.turn('t2'));
    assert.equal(await t2.locator('.version-label').innerText(), '2/3');
    assert.equal(await t2.getByRole('group', { name: 'Version 2 of 3' }).count(), 1);
    await t2.getByRole('button', { name: 'Previous version' }).click();
    await t2.getByRole('button', { name: 'Next version' }).click();
    assert.deepEqual(await panel.posted(), [
      { type: 'switchVersion', turnId: 't2', index: 0 },
      { type: 'switchVersion', turnId: 't2', index: 2 },
    ]);
    await showTurns(turn('t1', 'one', { outcome: 'complete', version: { index: 0, count: 2 } }));
    const t1 = panel.page.locator(sel.turn('t1'));
    assert.equal(await t1.getByRole('button', { name: 'Previous version' }).isDisabled(), true);
    assert.equal(await t1.getByRole('button', { name: 'Next version' }).isDisabled(), false);
    assert.equal(await panel.page.locator(`${sel.turn('t1')} .version-pager`).count(), 1);
  });

  it('shows no pager on a turn without other versions', async () => {
    await showTurns(turn('t1', 'one', { outcome: 'complete' }));
    assert.equal(await panel.page.locator('.version-pager').count(), 0);
  });
});
