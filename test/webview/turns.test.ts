// What surrounds an answer: the basic footer, stop reasons, errors and their actions, countdowns, outcome
// markers, per-turn actions, history, notices, announcements, and scrolling.
import * as assert from 'node:assert/strict';
import {
  append,
  chunked,
  config,
  delta,
  footer,
  sel,
  start,
  stop,
  turn,
  turnEnd,
  turnStart,
} from './fixtures';
import { Panel, usePanel } from './panel';
import type { HostMessage } from '../../src/shared/protocol';

describe('webview: turns', function () {
  let panel!: Panel;
  usePanel((p) => (panel = p), { clearPosted: true });

  it('explains max_tokens and offers Continue; shows refusals as such', async () => {
    await panel.post(turnStart('t1'), turnEnd('t1', { footer: footer({ stopReason: 'max_tokens' }) }));
    const note = panel.page.locator(`${sel.turn('t1')} .stop-reason`);
    assert.match(await note.innerText(), /Thinking and the answer share/);
    assert.match(await note.innerText(), /raise max_tokens or lower the effort/);
    await note.getByRole('button', { name: 'Continue' }).click();
    assert.deepEqual(await panel.posted(), [{ type: 'action', turnId: 't1', action: 'continue' }]);
    await panel.post(turnStart('t2'), turnEnd('t2', { footer: footer({ stopReason: 'refusal' }) }));
    assert.match(await panel.page.locator(`${sel.turn('t2')} .stop-reason`).innerText(), /declined.*refusal/);
  });

  it('shows errors inline with one button per action, keeping the partial answer', async () => {
    await panel.post(turnStart('t1'), delta('t1', start(0, 'text'), append(0, 'Partial answer')));
    await panel.post(
      turnEnd('t1', {
        outcome: 'failed',
        footer: undefined,
        error: {
          title: 'Overloaded',
          message: 'The API is overloaded (529).',
          actions: ['retry', 'showLog', 'openSettings', 'setApiKey', 'continue'],
        },
      }),
    );
    const error = panel.page.locator(`${sel.turn('t1')} .turn-error`);
    assert.equal(await error.getAttribute('role'), 'alert');
    assert.match(await error.innerText(), /Overloaded/);
    assert.match(await error.innerText(), /overloaded \(529\)/);
    for (const name of ['Retry', 'Show log', 'Open settings', 'Set API key', 'Continue'])
      await error.getByRole('button', { name }).click();
    assert.deepEqual(
      (await panel.posted()).map((m) => (m.type === 'action' ? m.action : m.type)),
      ['retry', 'showLog', 'openSettings', 'setApiKey', 'continue'],
    );
    assert.equal(await panel.page.locator(sel.answer('t1')).innerText(), 'Partial answer');
  });

  it('a refused effort level offers "Retry at …" per level the model takes, each posting retryAtEffort', async () => {
    await panel.post(turnStart('t1'));
    await panel.post(
      turnEnd('t1', {
        outcome: 'failed',
        footer: undefined,
        error: {
          title: 'Opus 5.5 refused effort "xhigh"',
          message: 'The API refused effort "xhigh".',
          actions: ['showLog'],
          retryEfforts: ['low', 'high', 'max'],
        },
      }),
    );
    const error = panel.page.locator(`${sel.turn('t1')} .turn-error`);
    assert.deepEqual(
      await error
        .locator('button')
        .allInnerTexts()
        .then((t) => t.map((x) => x.trim())),
      ['Retry at low', 'Retry at high', 'Retry at max', 'Show log'],
    );
    assert.equal(
      await error.getByRole('button', { name: 'Retry', exact: true }).count(),
      0,
      'no plain Retry',
    );
    await error.getByRole('button', { name: 'Retry at high' }).click();
    assert.deepEqual(await panel.posted(), [{ type: 'retryAtEffort', turnId: 't1', effort: 'high' }]);
  });

  it('counts down to retryAt in errors and in turn status', async () => {
    await panel.post(turnStart('t1'));
    const now = await panel.page.evaluate(() => Date.now());
    await panel.post({
      type: 'turnStatus',
      turnId: 't1',
      status: 'waiting',
      message: 'Rate limited.',
      retryAt: now + 5000,
    });
    const status = panel.page.locator(`${sel.turn('t1')} .turn-status`);
    assert.match(await status.innerText(), /Rate limited\. Retrying in [45] s/);
    await panel.page.waitForFunction(() =>
      /Retrying in [1-3] s/.test(
        (globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText,
      ),
    );
    await panel.post(delta('t1', start(0, 'text'), append(0, 'resumed')));
    assert.equal(await status.isHidden(), true, 'status clears when content arrives');
    await panel.post(
      turnEnd('t1', {
        outcome: 'failed',
        error: {
          title: 'Rate limited',
          message: 'Too many requests.',
          actions: ['retry'],
          retryAt: now + 30_000,
        },
      }),
    );
    // The turn ended: nothing retries by itself, so the error says when Retry can work and offers it.
    const countdown = await panel.page.locator(`${sel.turn('t1')} .turn-error .countdown`).innerText();
    assert.match(countdown, /You can retry in (2\d|30) s/);
    assert.doesNotMatch(countdown, /Retrying/);
    assert.equal(await panel.page.locator(`${sel.turn('t1')} .turn-error .action-button`).count(), 1);
  });

  it('a stored rate-limit error whose time has passed says Retry is possible now, not "Retrying now…"', async () => {
    const now = await panel.page.evaluate(() => Date.now());
    await panel.post({
      type: 'conversation',
      id: 'c1',
      title: 'Stored',
      turns: [
        {
          id: 't1',
          prompt: 'hello',
          chips: [],
          blocks: [],
          outcome: 'failed',
          error: {
            title: 'Rate limited',
            message: 'Too many requests.',
            actions: ['retry'],
            retryAt: now - 60_000,
          },
        },
      ],
    });
    const error = await panel.page.locator(`${sel.turn('t1')} .turn-error`).innerText();
    assert.match(error, /You can retry now\./);
    assert.doesNotMatch(error, /Retrying/);
  });

  it('the header takes the title the first turn gave the conversation, without a reload', async () => {
    await panel.post({ type: 'conversation', id: 'c1', title: '', turns: [] });
    const header = panel.page.locator('.conversation-title');
    assert.equal(await header.innerText(), 'New chat');
    await panel.post({ ...turnStart('t1'), title: 'Explain closures' } as HostMessage);
    assert.equal(await header.innerText(), 'Explain closures');
  });

  it('marks stopped and interrupted turns', async () => {
    await panel.post(
      turnStart('t1'),
      delta('t1', start(0, 'text'), append(0, 'half')),
      turnEnd('t1', { outcome: 'stopped' }),
    );
    await panel.post(
      turnStart('t2'),
      delta('t2', start(0, 'text'), append(0, 'cut')),
      turnEnd('t2', { outcome: 'interrupted', footer: undefined }),
    );
    assert.match(await panel.page.locator(`${sel.turn('t1')} .outcome-note`).innerText(), /Stopped/);
    assert.match(await panel.page.locator(`${sel.turn('t2')} .outcome-note`).innerText(), /Interrupted/);
    assert.equal(await panel.page.locator(sel.turn('t1')).getAttribute('data-outcome'), 'stopped');
    assert.equal(await panel.page.locator(sel.answer('t2')).innerText(), 'cut');
  });

  it('offers Regenerate on the last finished turn only; New chat lives in the view title alone', async () => {
    await panel.post(turnStart('t1'), turnEnd('t1'), turnStart('t2', 'second'));
    assert.equal(
      await panel.page.getByRole('button', { name: 'Regenerate' }).count(),
      0,
      'not while streaming',
    );
    await panel.post(turnEnd('t2'));
    assert.equal(await panel.page.locator(`${sel.turn('t1')} .turn-actions button`).count(), 0);
    await panel.page.locator(sel.turn('t2')).getByRole('button', { name: 'Regenerate' }).click();
    assert.deepEqual(await panel.posted(), [{ type: 'regenerate' }]);
    assert.equal(
      await panel.page.getByRole('button', { name: 'New chat', exact: true }).count(),
      0,
      'VS Code draws the New Chat button in the view title; the panel does not repeat it',
    );
    await panel.post({ type: 'truncate', fromTurnId: 't2' });
    assert.equal(await panel.page.locator('article.turn').count(), 1);
    await panel.post({ type: 'conversation', id: 'new', title: '', turns: [] });
    assert.equal(await panel.page.locator('article.turn').count(), 0);
    assert.equal(await panel.page.locator('.empty-state').isVisible(), true);
  });

  it('lists history with open and delete buttons', async () => {
    await panel.page.getByRole('button', { name: 'History' }).click();
    assert.deepEqual(await panel.posted(), [{ type: 'listHistory' }]);
    await panel.post({
      type: 'history',
      items: [
        {
          id: 'a',
          title: 'Older chat',
          updatedAt: Date.UTC(2026, 0, 1),
          model: 'claude-sonnet-4-6',
          turns: 1,
        },
        { id: 'b', title: 'Newer chat', updatedAt: Date.UTC(2026, 5, 1), model: 'claude-opus-4-6', turns: 3 },
      ],
    });
    const items = panel.page.locator('.history-item');
    assert.equal(await items.count(), 2);
    assert.match(await items.first().innerText(), /Newer chat[\s\S]*claude-opus-4-6 · 3 turns/);
    await panel.clearPosted();
    await panel.page.getByRole('button', { name: 'Delete “Older chat”' }).click();
    await panel.page.getByRole('button', { name: /^Newer chat/ }).click();
    assert.deepEqual(await panel.posted(), [
      { type: 'deleteConversation', id: 'a' },
      { type: 'openConversation', id: 'b' },
    ]);
    await panel.post({
      type: 'conversation',
      id: 'b',
      title: 'Newer chat',
      turns: [turn('t1', 'hello', { outcome: 'complete', blocks: [{ kind: 'text', text: 'hi' }] })],
    });
    assert.equal(await panel.page.locator('.history').isHidden(), true);
    assert.equal(await panel.page.locator(sel.answer('t1')).innerText(), 'hi');
  });

  it('shows notices at the top until dismissed', async () => {
    await panel.post({
      type: 'notice',
      level: 'warning',
      message: 'History file was corrupt and was moved aside.',
    });
    const notice = panel.page.locator('.notice');
    assert.match(await notice.innerText(), /moved aside/);
    await notice.getByRole('button', { name: 'Dismiss notice' }).click();
    assert.equal(await notice.count(), 0);
  });

  it('announces a finished answer once, not while it streams', async () => {
    const live = panel.page.locator('[aria-live="polite"]');
    await panel.page.evaluate(() => {
      const g = globalThis as unknown as {
        __spoken: string[];
        MutationObserver: new (cb: () => void) => { observe(n: unknown, o: unknown): void };
        document: { querySelector(s: string): { textContent: string } };
      };
      g.__spoken = [];
      const region = g.document.querySelector('[aria-live="polite"]');
      new g.MutationObserver(() => g.__spoken.push(region.textContent)).observe(region, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    const spoken = () =>
      panel.page.evaluate(() => (globalThis as unknown as { __spoken: string[] }).__spoken);
    const text = 'Word '.repeat(200);
    await panel.post(turnStart('t1'), delta('t1', start(0, 'text')), ...chunked('t1', 0, text, 10));
    await panel.frames();
    assert.deepEqual(await spoken(), [], '100 deltas announced nothing');
    await panel.post(delta('t1', stop(0)), turnEnd('t1'));
    const said = await spoken();
    assert.equal(said.length, 1, JSON.stringify(said).slice(0, 200));
    assert.equal(said[0], `${text.trim()} Response complete.`);
    assert.equal(await live.innerText(), said[0]);
    await panel.post(turnStart('t2'), turnEnd('t2', { outcome: 'stopped' }));
    assert.deepEqual((await spoken()).slice(1), ['Response stopped.']);
  });

  it('follows the stream at the bottom, stops when the user scrolls up, and offers Jump to latest', async () => {
    const para = 'A line of text that takes some room.\n\n';
    await panel.post(
      turnStart('t1'),
      delta('t1', start(0, 'text')),
      ...chunked('t1', 0, para.repeat(120), 400),
    );
    await panel.frames();
    const at = await panel.call('scroll', sel.messages);
    assert.ok(at.height > at.client * 2);
    assert.ok(at.height - at.top - at.client <= 24, 'followed the stream');
    await panel.page.mouse.move(200, 200);
    await panel.page.mouse.wheel(0, -600);
    await panel.page.waitForFunction(
      () =>
        !(
          globalThis as unknown as { document: { querySelector(s: string): { hidden: boolean } } }
        ).document.querySelector('.jump-to-latest').hidden,
    );
    const before = await panel.call('scroll', sel.messages);
    await panel.post(...chunked('t1', 0, para.repeat(10), 200));
    await panel.frames();
    const after = await panel.call('scroll', sel.messages);
    assert.equal(after.top, before.top, 'does not move while the user reads');
    const saved = (await panel.record()).state as { scrollTop: number; atBottom: boolean };
    assert.equal(saved.atBottom, false);
    assert.equal(saved.scrollTop, before.top);
    await panel.page.getByRole('button', { name: 'Jump to latest' }).click();
    await panel.frames();
    const end = await panel.call('scroll', sel.messages);
    assert.ok(end.height - end.top - end.client <= 24);
    assert.equal(await panel.page.locator('.jump-to-latest').isHidden(), true);
  });

  it('restores the saved scroll position when the conversation is shown again', async () => {
    const turns = Array.from({ length: 12 }, (_, i) =>
      turn(`t${i}`, `prompt ${i}`, {
        outcome: 'complete',
        blocks: [{ kind: 'text', text: 'Some answer text.\n\n'.repeat(5) }],
      }),
    );
    const reopened = await Panel.open({ state: { draft: '', scrollTop: 300, atBottom: false } });
    try {
      await reopened.post(config(), { type: 'conversation', id: 'c', title: 'Long', turns });
      assert.equal((await reopened.call('scroll', sel.messages)).top, 300);
    } finally {
      await reopened.close();
    }
  });
});
