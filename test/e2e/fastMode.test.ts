// Fast mode as a user drives it: click the speed item in the status bar, see `⚡ fast` in the next
// response's footer (and `speed:"fast"` in what the simulator received). Refactor Selection has
// its own e2e file (refactor.test.ts).

import * as assert from 'node:assert/strict';
import { e2e, screenshot } from './fixture';
import { openChatView, sendPrompt, uiTimeoutMs } from './workbench';

describe('fast mode (e2e)', () => {
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
});
