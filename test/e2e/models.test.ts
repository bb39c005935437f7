// The model picker as a user opens it from the status bar: today's models grouped (current first,
// retired ones not offered), and a chat on a 5.x model picked there shows its thinking.

import * as assert from 'node:assert/strict';
import { e2e, screenshot } from './fixture';
import { openChatView, uiTimeoutMs } from './workbench';

describe('models (e2e)', () => {
  it('the model picker lists the current models, grouped, without retired ones', async () => {
    const { page } = e2e();
    const item = page.locator('.part.statusbar [aria-label^="Thinkfast model"]').first();
    await item.waitFor({ timeout: uiTimeoutMs });
    await item.click();
    const widget = page.locator('.quick-input-widget');
    await widget.locator('.quick-input-title', { hasText: 'Select Model' }).waitFor({ timeout: uiTimeoutMs });
    const rows = widget.locator('.monaco-list-row');
    await rows.first().waitFor({ timeout: uiTimeoutMs });
    await widget
      .locator('.monaco-list-row', { hasText: 'Current' })
      .first()
      .waitFor({ timeout: uiTimeoutMs });
    for (const name of ['Claude Opus 5.5', 'Claude Sonnet 5.5', 'Claude Haiku 5.5'])
      assert.ok((await widget.locator('.monaco-list-row', { hasText: name }).count()) > 0, `${name} offered`);
    await screenshot('model-picker');
    const input = widget.locator('input');
    await input.fill('Mythos Preview');
    // The list has filtered once Opus 5.5 (which does not match) is gone.
    await widget
      .locator('.monaco-list-row', { hasText: 'Claude Opus 5.5' })
      .first()
      .waitFor({ state: 'detached', timeout: uiTimeoutMs });
    assert.equal(
      await widget.locator('.monaco-list-row', { hasText: 'Claude Mythos Preview' }).count(),
      0,
      'retired: not offered',
    );
    await input.fill('Claude Sonnet 5.5');
    await widget
      .locator('.monaco-list-row', { hasText: 'Claude Sonnet 5.5' })
      .first()
      .waitFor({ timeout: uiTimeoutMs });
    await input.press('Enter');
    await page
      .locator('.part.statusbar [aria-label^="Thinkfast model: Claude Sonnet 5.5"]')
      .first()
      .waitFor({ timeout: uiTimeoutMs });
  });

  it('a chat on Sonnet 5.5 shows its thinking and names the model in the footer', async () => {
    const { simulator } = e2e();
    const chat = await openChatView(e2e().page);
    const input = chat.locator('.prompt-input');
    await input.click();
    const prompt = 'On Sonnet 5.5: what does a bloom filter trade away?';
    await input.fill(prompt);
    await input.press('Enter');
    const turn = chat.locator('.turn').filter({ has: chat.locator('.prompt-text', { hasText: prompt }) });
    await turn.locator('.footer').waitFor({ timeout: uiTimeoutMs });
    const thinking = turn.locator('.block.thinking .thinking-text');
    assert.ok((await thinking.count()) > 0, 'a thinking block');
    assert.ok(((await thinking.first().textContent()) ?? '').trim().length > 20, 'with its text');
    assert.equal(await turn.locator('.footer-model').innerText(), 'Sonnet 5.5');
    const last = simulator.requests[simulator.requests.length - 1];
    assert.equal(last.body && (last.body as { model?: string }).model, 'claude-sonnet-5-5');
    await screenshot('sonnet-thinking');
  });
});
