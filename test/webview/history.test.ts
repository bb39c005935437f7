// The history list: the open conversation marked, search (titles at once, content from the host,
// thinking optional), rename in place, export, and delete with Undo.
import * as assert from 'node:assert/strict';
import type { HistoryItemView } from '../../src/shared/protocol';
import { turn } from './fixtures';
import { type Panel, usePanel } from './panel';

const items: HistoryItemView[] = [
  { id: 'a', title: 'Closures in JS', updatedAt: Date.UTC(2026, 0, 1), model: 'claude-opus-5-5', turns: 2 },
  { id: 'b', title: 'Rust lifetimes', updatedAt: Date.UTC(2026, 5, 1), model: 'claude-opus-5-5', turns: 1 },
];

describe('webview: history', function () {
  let panel!: Panel;
  usePanel((p) => (panel = p), { clearPosted: true });

  async function openHistory(): Promise<void> {
    await panel.post({
      type: 'conversation',
      id: 'b',
      title: 'Rust lifetimes',
      turns: [turn('t1', 'hi', { outcome: 'complete' })],
    });
    await panel.page.getByRole('button', { name: 'History' }).click();
    await panel.post({ type: 'history', items });
    await panel.clearPosted();
  }

  it('marks the open conversation', async () => {
    await openHistory();
    const current = panel.page.locator('.history-item.is-current');
    assert.equal(await current.count(), 1);
    assert.equal(await current.getAttribute('data-id'), 'b');
    assert.match(await current.innerText(), /Open now/);
    assert.equal(await panel.page.locator('[aria-current="true"]').count(), 1);
  });

  it('filters titles at once and asks the host to search content, thinking when ticked', async () => {
    await openHistory();
    const search = panel.page.getByRole('searchbox', { name: 'Search conversations' });
    await search.fill('rust');
    assert.equal(await panel.page.locator('.history-item').count(), 1);
    await search.fill('borrow');
    await panel.page.getByRole('checkbox', { name: 'Include thinking' }).check();
    await panel.page.waitForTimeout(400);
    const posted = await panel.posted();
    assert.deepEqual(posted.at(-1), { type: 'searchHistory', query: 'borrow', thinking: true });
    assert.match(await panel.page.locator('.history-status').innerText(), /Searching/);
    // An answer to an older query is ignored; the current one shows its snippet.
    await panel.post({
      type: 'historySearch',
      query: 'borro',
      thinking: true,
      matches: [{ id: 'b', snippet: 'x' }],
    });
    assert.equal(await panel.page.locator('.history-item').count(), 0);
    await panel.post({
      type: 'historySearch',
      query: 'borrow',
      thinking: true,
      matches: [{ id: 'a', snippet: '…the borrow checker…' }],
    });
    assert.equal(await panel.page.locator('.history-item').count(), 1);
    assert.match(await panel.page.locator('.history-item').innerText(), /the borrow checker/);
    await panel.post({ type: 'historySearch', query: 'borrow', thinking: true, matches: [] });
    assert.match(await panel.page.locator('.history-status').innerText(), /No conversation matches/);
  });

  it('renames in place (Enter saves, Escape cancels) and retitles the open conversation', async () => {
    await openHistory();
    await panel.page.getByRole('button', { name: 'Rename “Closures in JS”' }).click();
    const input = panel.page.getByRole('textbox', { name: 'New title' });
    await input.fill('ignored');
    await input.press('Escape');
    assert.deepEqual(await panel.posted(), []);
    await panel.page.getByRole('button', { name: 'Rename “Rust lifetimes”' }).click();
    await input.fill('  Lifetimes,   explained ');
    await input.press('Enter');
    assert.deepEqual(await panel.posted(), [
      { type: 'renameConversation', id: 'b', title: 'Lifetimes, explained' },
    ]);
    assert.equal(await panel.page.locator('.conversation-title').innerText(), 'Lifetimes, explained');
  });

  it('exports and deletes; a deletion can be undone', async () => {
    await openHistory();
    await panel.page.getByRole('button', { name: 'Export to Markdown “Closures in JS”' }).click();
    await panel.page.getByRole('button', { name: 'Delete “Closures in JS”' }).click();
    await panel.post({ type: 'historyDeleted', id: 'a', title: 'Closures in JS' });
    await panel.page.getByRole('button', { name: 'Undo' }).click();
    assert.deepEqual(await panel.posted(), [
      { type: 'exportConversation', id: 'a', thinking: false },
      { type: 'deleteConversation', id: 'a' },
      { type: 'undoDelete', id: 'a' },
    ]);
    assert.equal(await panel.page.locator('.history-undo').isHidden(), true);
  });
});
