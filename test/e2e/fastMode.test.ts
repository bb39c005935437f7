// Fast mode and Refactor Selection as a user drives them: click the speed item in the status bar,
// see `⚡ fast` in the next response's footer (and `speed:"fast"` in what the simulator received),
// then refactor a selection from the command palette and accept the diff.

import * as assert from 'node:assert/strict';
import { e2e, screenshot } from './fixture';
import { findRow, openChatView, runCommand, sendPrompt, uiTimeoutMs } from './workbench';

describe('fast mode and refactor (e2e)', () => {
  it('the speed item switches to fast and the next answer says ⚡ fast', async () => {
    const { page, simulator } = e2e();
    const speed = page.locator('.part.statusbar [aria-label^="Thinkfast speed"]').first();
    await speed.waitFor({ timeout: uiTimeoutMs });
    assert.match(await speed.innerText(), /Standard/);
    await speed.click();
    await page
      .locator('.part.statusbar [aria-label^="Thinkfast speed: fast mode on"]')
      .first()
      .waitFor({ timeout: uiTimeoutMs });
    await screenshot('fast-status-item');

    const chat = await openChatView(page);
    const turn = await sendPrompt(chat, 'A quick question in fast mode: what is a hash map?');
    const footer = turn.locator('.footer');
    await footer.waitFor({ timeout: uiTimeoutMs });
    assert.match(await footer.innerText(), /⚡ fast/);
    const last = simulator.requests[simulator.requests.length - 1];
    assert.equal(last.requestedSpeed, 'fast');
    // The default model (Opus 5.5) serves fast mode without the research-preview beta.
    assert.ok(!last.betas.includes('fast-mode-2026-02-01'));
    await screenshot('fast-footer');
  });

  it('Refactor Selection from the palette opens a diff, and Accept changes the file', async () => {
    const { page } = e2e();
    // Open sample.ts through Quick Open and select all of it.
    await page.locator('.monaco-workbench .part.editor').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('Control+P');
    const quick = page.locator('.quick-input-widget input');
    await quick.waitFor({ timeout: uiTimeoutMs });
    await findRow(page, 'sample.ts', 'sample.ts');
    await quick.press('Enter');
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.waitFor({ timeout: uiTimeoutMs });
    await editor.locator('.view-lines').click();
    await page.keyboard.press('Control+A');

    await runCommandKeepingPicker(page, 'Thinkfast: Refactor Selection');
    const pickInput = page.locator('.quick-input-widget input');
    await pickInput.fill('Refactor this code for clarity');
    await pickInput.press('Enter');

    // The proposal opens as a diff; accept it from the palette.
    await page.locator('.monaco-diff-editor').first().waitFor({ timeout: 60_000 });
    await screenshot('refactor-diff');
    await runCommand(page, 'Thinkfast: Accept Refactor');
    await page
      .locator('.editor-instance .view-lines', { hasText: 'Refactored by the Thinkfast simulator' })
      .first()
      .waitFor({ timeout: uiTimeoutMs });
    await screenshot('refactor-accepted');
  });
});

/** Like runCommand, but for a command that opens its own quick pick right away. */
async function runCommandKeepingPicker(page: ReturnType<typeof e2e>['page'], label: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: uiTimeoutMs });
  await findRow(page, `>${label}`, label);
  await input.press('Enter');
  await page
    .locator('.quick-input-widget .quick-input-title', { hasText: 'Refactor Selection' })
    .waitFor({ timeout: uiTimeoutMs });
}
