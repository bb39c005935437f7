import * as assert from 'node:assert/strict';
import { e2e, screenshot } from './fixture';
import { activityBarItem, runCommand, thinkfastSideBarOpen, uiTimeoutMs, webviewContent } from './workbench';

describe('Thinkfast in the workbench', () => {
  it('opens the chat view from its activity-bar item', async () => {
    const { page } = e2e();
    // This file runs first (files run in name order), on a fresh workbench with the side bar closed.
    assert.equal(await thinkfastSideBarOpen(page), false);
    await activityBarItem(page, 'Thinkfast').click({ timeout: uiTimeoutMs });
    // The panel's root element exists once our HTML loaded inside the webview's inner frame.
    await webviewContent(page)
      .locator('#app[aria-label="Thinkfast chat"]')
      .waitFor({ state: 'attached', timeout: uiTimeoutMs });
    console.log(`      screenshot: ${await screenshot('chat-view')}`);
  });

  it('"Thinkfast: Show Log" shows the extension log with its activation line', async () => {
    const { page } = e2e();
    await runCommand(page, 'Thinkfast: Show Log');
    const output = page
      .locator('.part.panel .output-view, .part.panel [id="workbench.panel.output"]')
      .first();
    await output.waitFor({ timeout: uiTimeoutMs });
    // Monaco renders spaces as U+00A0, which `\s` matches and a literal space would not.
    const line = page.locator('.part.panel .view-lines', { hasText: /Thinkfast\s[\d.]+\sactivated/ });
    await line.first().waitFor({ timeout: uiTimeoutMs });
    assert.equal(await line.count(), 1);
    console.log(`      screenshot: ${await screenshot('show-log')}`);
  });
});
