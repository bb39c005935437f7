// Issue 10 #5 as a user meets it: one conversation continued in two windows. Two browser pages on
// one code-server are two workbench windows, and code-server gives each window its own extension
// host process; both hosts share the user data, so Thinkfast's globalStorage is one folder. Window
// A asks, window B opens that conversation from history and continues it, A continues again: every
// turn of both is there, in order, in both windows and in the file on disk.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { e2e, screenshot } from './fixture';
import { activationPids, extensionHosts } from './hostProcesses';
import { openChatView, runCommand, sendPrompt, uiTimeoutMs, waitForWorkbench } from './workbench';

/** Waits (polling, up to `timeoutMs`) until `probe` returns a value; throws with `what` if never. */
async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 2 * uiTimeoutMs): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Sends `prompt` in `chat` and waits for its answer's footer (the turn has ended and been saved). */
async function ask(page: Page, chat: FrameLocator, prompt: string): Promise<void> {
  await page.bringToFront();
  const turn = await sendPrompt(chat, prompt);
  await turn.locator('.footer').waitFor({ timeout: 2 * uiTimeoutMs });
}

/** The prompts the chat view shows, oldest first, after drawing every earlier turn. */
async function shownPrompts(page: Page, chat: FrameLocator, expected: number): Promise<string[]> {
  const earlier = chat.locator('.earlier-turns');
  const deadline = Date.now() + uiTimeoutMs;
  while ((await chat.locator('.turn').count()) < expected && Date.now() < deadline) {
    if (await earlier.isVisible()) await earlier.click({ timeout: 5_000 }).catch(() => undefined);
    else await page.waitForTimeout(250);
  }
  return chat.locator('.turn .prompt-text').allInnerTexts();
}

/** Opens the history list in `chat` and the conversation whose title starts with `title`. */
async function openFromHistory(chat: FrameLocator, title: string): Promise<void> {
  await chat.locator('button[aria-label="History"]').click({ timeout: uiTimeoutMs });
  const row = chat.locator('.history-item', { has: chat.locator('.history-title', { hasText: title }) });
  await row.locator('.history-open').click({ timeout: uiTimeoutMs });
  await chat.locator('.history').waitFor({ state: 'hidden', timeout: uiTimeoutMs });
}

interface StoredTurn {
  readonly id: string;
  readonly prompt: string;
  readonly content: { type: string; text?: string }[];
}

/** The stored conversations that hold a turn whose prompt starts with `marker`. */
function storedWith(dataDir: string, marker: string): { id: string; turns: StoredTurn[] }[] {
  const dir = path.join(dataDir, 'user', 'User', 'globalStorage', 'thinkfast.thinkfast', 'conversations');
  if (!fs.existsSync(dir)) return [];
  const found: { id: string; turns: StoredTurn[] }[] = [];
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    try {
      const c = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as {
        id: string;
        turns: StoredTurn[];
      };
      if (c.turns.some((t) => t.prompt.startsWith(marker))) found.push(c);
    } catch {
      // Being replaced at this moment (rename): read again on the next poll.
    }
  }
  return found;
}

describe('two windows, one history (e2e)', () => {
  let second: Page | undefined;
  after(async () => {
    await second?.context().close();
  });

  it('a conversation continued in two windows (two extension hosts) loses no turn in either', async function () {
    // A second workbench and three answers on a loaded machine: well past mocha's 60 s.
    this.timeout(8 * uiTimeoutMs);
    const { page: a, server } = e2e();
    const tag = `w${Date.now().toString(36)}`;
    const prompts = [
      `${tag} first, from window A.`,
      `${tag} second, from window B.`,
      `${tag} third, from A.`,
    ];

    await runCommand(a, 'Thinkfast: New Chat');
    const chatA = await openChatView(a);
    await ask(a, chatA, prompts[0]);
    // The hosts serving windows so far (window A's among them: its turn just ran).
    const before = new Set(activationPids(server.dataDir));
    assert.ok(before.size > 0, 'the activation log names the extension host pid');

    const browser = a.context().browser();
    assert.ok(browser, 'the page belongs to a browser');
    second = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const b = second;
    await b.goto(server.url);
    await waitForWorkbench(b);
    // Window B's Thinkfast activated in a process of its own: a new pid, an extension host of ours.
    const pidB = await until('window B to activate Thinkfast in a new extension host', () =>
      activationPids(server.dataDir).find((pid) => !before.has(pid)),
    );
    const hosts = extensionHosts(server.dataDir).map((p) => p.pid);
    assert.ok(
      hosts.includes(pidB),
      `pid ${pidB} is one of this server's extension hosts (${hosts.join(', ')})`,
    );
    assert.ok(hosts.length >= 2, `two extension hosts run (${hosts.join(', ')})`);
    console.log(`      window B's extension host: pid ${pidB}; window A's among ${[...before].join(', ')}`);

    const chatB = await openChatView(b);
    await openFromHistory(chatB, prompts[0]);
    await chatB.locator('.turn .prompt-text', { hasText: prompts[0] }).waitFor({ timeout: uiTimeoutMs });
    await ask(b, chatB, prompts[1]);

    // Window A still shows only its own turn; its next prompt takes in B's first.
    await ask(a, chatA, prompts[2]);
    assert.deepEqual(await shownPrompts(a, chatA, 3), prompts, 'window A shows every turn, in order');
    await screenshot('two-windows-a');

    // Window B opens the conversation again from history and finds A's last turn as well.
    await b.bringToFront();
    await openFromHistory(chatB, prompts[0]);
    await chatB.locator('.turn .prompt-text', { hasText: prompts[2] }).waitFor({ timeout: uiTimeoutMs });
    assert.deepEqual(await shownPrompts(b, chatB, 3), prompts, 'window B shows every turn, in order');
    await screenshot('two-windows-b');

    // On disk: one conversation, the three turns in order, each with its answer.
    const stored = await until('the file on disk to hold all three turns', () => {
      const files = storedWith(server.dataDir, tag);
      return files.length === 1 && files[0].turns.length === 3 ? files[0] : undefined;
    });
    assert.deepEqual(
      stored.turns.map((t) => t.prompt),
      prompts,
    );
    for (const t of stored.turns)
      assert.ok(
        t.content.some((block) => block.type === 'text' && (block.text ?? '').length > 0),
        `turn "${t.prompt}" kept its answer`,
      );
    assert.equal(new Set(stored.turns.map((t) => t.id)).size, 3, 'no turn stored twice');
    // Both hosts are still the ones that served the windows: B's is alive after all of it.
    assert.ok(
      extensionHosts(server.dataDir).some((p) => p.pid === pidB),
      "window B's host still runs",
    );
  });
});
