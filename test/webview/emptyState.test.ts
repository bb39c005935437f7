// The empty conversation: what to try first, and what answers requests — the simulator (and how
// to use a real key), Claude, or nothing until a key is set.
import * as assert from 'node:assert/strict';
import { config, turnStart } from './fixtures';
import { Panel, usePanel } from './panel';

describe('webview: empty state', function () {
  let panel!: Panel;
  usePanel((p) => (panel = p), { clearPosted: true });

  const empty = () => panel.page.locator('.empty-state');
  const tips = () => empty().locator('.empty-tips');

  it('with a key: says what to try first and offers no key button', async () => {
    assert.equal(await empty().getAttribute('data-mode'), 'ready');
    const text = await empty().innerText();
    assert.match(text, /What to try first/);
    assert.match(text, /Refactor Selection/);
    assert.match(text, /attach the open file/);
    assert.match(text, /fast/);
    assert.equal(await tips().isVisible(), true);
    assert.doesNotMatch(text, /simulat/i);
    assert.equal(await empty().getByRole('button').count(), 0);
  });

  it('with the simulator: says answers are simulated and how to use a real key', async () => {
    await panel.post(config({ simulator: true, hasApiKey: false }));
    assert.equal(await empty().getAttribute('data-mode'), 'simulator');
    const note = empty().locator('.simulator-note');
    assert.equal(await note.isVisible(), true);
    const text = await note.innerText();
    assert.match(text, /Answers are simulated/);
    assert.match(text, /Thinkfast: Set API Key/);
    assert.match(text, /ANTHROPIC_API_KEY/);
    assert.equal(await tips().isVisible(), true, 'the tips work with the simulator too');
    await note.getByRole('button', { name: 'Set API key' }).click();
    assert.deepEqual(await panel.posted(), [{ type: 'command', command: 'setApiKey' }]);
  });

  it('without key and simulator: one button to set the key, and no tips that cannot work', async () => {
    await panel.post(config({ simulator: false, hasApiKey: false }));
    assert.equal(await empty().getAttribute('data-mode'), 'no-key');
    assert.match(await empty().innerText(), /Set your API key to start/);
    assert.equal(await tips().isVisible(), false);
    assert.doesNotMatch(await empty().innerText(), /What to try first/);
    assert.equal(await empty().locator('.simulator-note').isVisible(), false);
    const buttons = empty().getByRole('button');
    assert.equal(await buttons.count(), 1);
    await buttons.click();
    assert.deepEqual(await panel.posted(), [{ type: 'command', command: 'setApiKey' }]);
    await panel.post(config({ hasApiKey: true }));
    assert.equal(await empty().getAttribute('data-mode'), 'ready');
    assert.equal(await tips().isVisible(), true);
  });

  it('goes away with the first turn', async () => {
    await panel.post(config({ simulator: true, hasApiKey: false }), turnStart('t1'));
    assert.equal(await empty().isVisible(), false);
  });
});

describe('webview: empty state in a narrow panel', function () {
  it('fits a 260 px sidebar without horizontal scrolling', async () => {
    const panel = await Panel.open({ width: 260 });
    try {
      await panel.post(config({ simulator: true, hasApiKey: false }));
      const overflow = await panel.page.locator('.messages').evaluate((m) => {
        const box = m as { scrollWidth: number; clientWidth: number };
        return box.scrollWidth - box.clientWidth;
      });
      assert.equal(overflow, 0);
    } finally {
      await panel.close();
    }
  });
});
