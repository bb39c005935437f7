// The chat as a user sees it: the packaged extension in a real workbench, talking to the
// simulator. Thinking streams before the answer, Stop keeps the partial answer, and after a
// window reload the conversation is still there.

import * as assert from 'node:assert/strict';
import type { FrameLocator } from 'playwright-core';
import { e2e, screenshot } from './fixture';
import { openChatView, sendPrompt, uiTimeoutMs, waitForWorkbench } from './workbench';

function openChat(): Promise<FrameLocator> {
  return openChatView(e2e().page);
}

describe('chat (e2e)', () => {
  it('streams thinking before the answer and shows the footer', async () => {
    const chat = await openChat();
    await chat.locator('.simulator-badge').waitFor({ timeout: uiTimeoutMs });
    const turn = await sendPrompt(chat, 'Explain closures in JavaScript with a short example.');
    // The thinking block appears first, while the answer has not started.
    await turn.locator('.block.thinking').waitFor({ timeout: uiTimeoutMs });
    assert.equal(await turn.locator('.block.answer').count(), 0, 'no answer before the thinking');
    await screenshot('chat-thinking');
    await turn.locator('.block.answer').first().waitFor({ timeout: uiTimeoutMs });
    await turn.locator('.footer').waitFor({ timeout: uiTimeoutMs });
    const footer = await turn.locator('.footer').innerText();
    assert.match(footer, /standard/);
    assert.match(footer, /tok\/s/);
    assert.ok((await turn.locator('.block.answer pre code').count()) > 0, 'a highlighted code block');
    await screenshot('chat-answer');
  });

  it('Stop keeps the partial answer, marked stopped', async () => {
    const chat = await openChat();
    const turn = await sendPrompt(chat, 'Write a long essay about compilers. [sim:long tokens=40000]');
    // Stop once some answer text is on screen, so there is a partial answer to keep.
    await turn.locator('.block.answer', { hasText: /\w{3}/ }).first().waitFor({ timeout: uiTimeoutMs });
    await screenshot('chat-before-stop');
    await chat.locator('.send-button[aria-label^="Stop"]').click();
    await turn.locator('.turn-end', { hasText: 'Stopped' }).waitFor({ timeout: uiTimeoutMs });
    assert.ok((await turn.locator('.block.answer').first().innerText()).length > 0, 'partial answer kept');
    await screenshot('chat-stopped');
  });

  it('finds the conversation again after reloading the window', async () => {
    const { page } = e2e();
    let chat = await openChat();
    const before = await chat.locator('.turn').count();
    assert.ok(before >= 2);
    await page.reload();
    await waitForWorkbench(page);
    chat = await openChat();
    // The last turn is drawn at once; older ones only on demand (lazily rendered turns).
    await chat.locator('.turn-end', { hasText: 'Stopped' }).waitFor({ timeout: uiTimeoutMs });
    const earlier = chat.locator('.earlier-turns');
    // The view may also fill itself with older turns as it lays out, hiding the button meanwhile.
    for (let n = 0; n < 40 && (await chat.locator('.turn').count()) < before; n++) {
      if (await earlier.isVisible()) await earlier.click({ timeout: 5_000 }).catch(() => undefined);
      else await page.waitForTimeout(250);
    }
    assert.equal(await chat.locator('.turn').count(), before);
    await screenshot('chat-after-reload');
  });
});
