// Refactor Selection as a user drives it: select the code, right-click, "Thinkfast: Refactor
// Selection", pick the instruction (its title shows cost and time per speed), watch the change
// stream into the editor, decide with the CodeLenses. Screenshots in the light and dark themes.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { e2e, screenshot } from './fixture';
import { findRow, setColorTheme, uiTimeoutMs } from './workbench';

const sampleText = (folder: string) => fs.readFileSync(path.join(folder, 'sample.ts'), 'utf8');

/** Opens sample.ts through Quick Open and selects all of it. */
async function selectSample(page: Page): Promise<void> {
  await findRow(page, 'Control+P', 'sample.ts', 'sample.ts');
  await page.locator('.quick-input-widget input').press('Enter');
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.waitFor({ timeout: uiTimeoutMs });
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+A');
}

/** Right-click → "Thinkfast: Refactor Selection" → the default instruction; returns the picker title. */
async function refactorFromContextMenu(page: Page): Promise<string> {
  await page
    .locator('.editor-instance .view-lines')
    .first()
    .click({ button: 'right', position: { x: 60, y: 10 } });
  const item = page.locator('.context-view .action-label', { hasText: 'Thinkfast: Refactor Selection' });
  await item.waitFor({ timeout: uiTimeoutMs });
  const title = page.locator('.quick-input-widget .quick-input-title', { hasText: 'Refactor Selection' });
  // A click while the menu is still settling can be lost: then the entry is still there to click.
  for (let attempt = 0; ; attempt++) {
    if (await item.isVisible()) await item.click();
    try {
      await title.waitFor({ timeout: 5_000 });
      break;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
  const text = await title.innerText();
  await page.locator('.quick-input-widget input').press('Enter');
  return text;
}

const lens = (page: Page, text: string) => page.locator('.codelens-decoration a', { hasText: text }).first();
/** The CodeLens shown while the answer streams (plain text: it has no command). */
const streamingLens = (page: Page) => page.locator('.codelens-decoration', { hasText: 'so far' }).first();
const readyToast = (page: Page) =>
  page.locator('.notifications-toasts .notification-toast', { hasText: 'refactor ready' });

describe('refactor inline (e2e)', function () {
  // The answer streams slowly on purpose, to be seen (and photographed) arriving.
  this.timeout(240_000);
  afterEach(async () => {
    const { page, simulator } = e2e();
    simulator.configure({ tokensPerSecond: 300 });
    // A failed step must not leave its proposal pending for the next test.
    if (await lens(page, 'Undo all').isVisible()) await lens(page, 'Undo all').click();
  });

  it('streams the change into the editor (light), Undo all leaves the file as it was and closes the notification', async () => {
    const { page, simulator, folder } = e2e();
    const before = sampleText(folder);
    // The workbench starts in its default light theme.
    await page.locator('.monaco-workbench.vs').waitFor({ timeout: uiTimeoutMs });
    // Slow enough to see the proposal arrive hunk by hunk.
    simulator.configure({ tokensPerSecond: 6 });
    await selectSample(page);
    const title = await refactorFromContextMenu(page);
    // Standard always; fast too where the model serves it (an earlier test may have left Sonnet 5.5).
    assert.match(title, /standard ≈ \$[\d.]+, ~\d+ s/);
    if (/\bfast\b/.test(title)) assert.match(title, /fast ≈ \$[\d.]+, ~\d+ s/);
    await streamingLens(page).waitFor({ timeout: 120_000 });
    await screenshot('refactor-streaming-light');
    await lens(page, 'Keep all').waitFor({ timeout: 90_000 });
    await readyToast(page).first().waitFor({ timeout: uiTimeoutMs });
    await screenshot('refactor-proposal-light');
    await lens(page, 'Undo all').click();
    await lens(page, 'Keep all').waitFor({ state: 'detached', timeout: uiTimeoutMs });
    await readyToast(page).first().waitFor({ state: 'hidden', timeout: uiTimeoutMs });
    // Nothing was written: the editor has nothing to save and the file on disk is as it was.
    assert.equal(await page.locator('.tabs-container .tab.dirty').count(), 0);
    assert.equal(sampleText(folder), before);
  });

  it('in the dark theme: Keep on one hunk, then Keep all, changes the file', async () => {
    const { page, simulator } = e2e();
    await setColorTheme(page, 'dark');
    simulator.configure({ tokensPerSecond: 6 });
    await selectSample(page);
    await refactorFromContextMenu(page);
    await streamingLens(page).waitFor({ timeout: 120_000 });
    await screenshot('refactor-streaming-dark');
    await lens(page, 'Keep all').waitFor({ timeout: 90_000 });
    await screenshot('refactor-proposal-dark');
    await page
      .locator('.codelens-decoration a', { hasText: /^\s*Keep\s*$/ })
      .first()
      .click();
    await lens(page, 'Keep all').click();
    await page
      .locator('.editor-instance .view-lines', { hasText: 'Refactored by the Thinkfast simulator' })
      .first()
      .waitFor({ timeout: uiTimeoutMs });
    await lens(page, 'Keep all').waitFor({ state: 'detached', timeout: uiTimeoutMs });
    assert.equal(await readyToast(page).count(), 0);
    await screenshot('refactor-kept-dark');
    await page.locator('.editor-instance .view-lines').first().click();
    await page.keyboard.press('Control+S');
    const deadline = Date.now() + uiTimeoutMs;
    while (
      !sampleText(e2e().folder).includes('Refactored by the Thinkfast simulator') &&
      Date.now() < deadline
    )
      await page.waitForTimeout(100);
    assert.match(sampleText(e2e().folder), /Refactored by the Thinkfast simulator/);
  });
});
