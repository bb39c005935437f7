// The composer's context meter: the estimate (history + chips + draft) against the window, one
// exact count at a time near the limit, a warning, and the summary offered and shown before use.
import * as assert from 'node:assert/strict';
import type { ContextView, HostMessage } from '../../src/shared/protocol';
import { sel } from './fixtures';
import { usePanel, type Panel } from './panel';

const context = (view: ContextView): HostMessage => ({ type: 'context', context: view });

describe('webview: context meter', function () {
  let panel!: Panel;
  usePanel((p) => (panel = p), { clearPosted: true });
  const meter = () => panel.page.locator('.context-meter');
  const label = () => meter().locator('.context-label').innerText();

  it('adds history, chips and the draft against the window, and asks nothing far from the limit', async () => {
    assert.equal(await meter().isVisible(), false, 'nothing to show yet');
    await panel.post(context({ window: 200_000, historyTokens: 1000, chipTokens: 200 }));
    assert.equal(await label(), '~1.2K / 200K (1%)');
    await panel.page.locator(sel.input).fill('x'.repeat(400));
    assert.equal(await label(), '~1.3K / 200K (1%)');
    const gauge = meter().getByRole('meter', { name: 'Context used by the next request' });
    assert.equal(await gauge.getAttribute('aria-valuetext'), '1,300 of 200,000 tokens, 1%, estimated');
    assert.equal(await meter().locator('.context-warning').isVisible(), false);
    assert.deepEqual(await panel.posted(), []);
    await panel.post(context({ historyTokens: 5000, chipTokens: 0 }));
    assert.equal(await label(), '~5.1K tokens in the next request', 'an unknown window shows no gauge');
    assert.equal(await gauge.isVisible(), false);
  });

  it('takes a count only from the answer to the count it asked for last', async () => {
    await panel.post(context({ window: 10_000, historyTokens: 7000, chipTokens: 0 }));
    await panel.reply(
      context({ window: 10_000, historyTokens: 7000, chipTokens: 0, counted: { tokens: 7100, draft: '' } }),
      (await panel.record()).postedIds[0],
    );
    await panel.page.locator(sel.input).fill('abcd');
    const { posted, postedIds } = await panel.record();
    assert.deepEqual(posted.at(-1), { type: 'countContext', draft: 'abcd' });
    const counted = (tokens: number) =>
      context({ window: 10_000, historyTokens: 7000, chipTokens: 0, counted: { tokens, draft: 'abcd' } });
    // A late answer that names the first request is not the answer to the second.
    await panel.reply(counted(9000), postedIds[0]);
    assert.match(await label(), /^~/, 'still an estimate');
    await panel.reply(counted(7102), postedIds[1]);
    assert.equal(await label(), '7.1K / 10K (71%)');
  });

  it('near the limit asks for one exact count at a time, and again only for a changed draft', async () => {
    await panel.post(context({ window: 10_000, historyTokens: 7000, chipTokens: 0 }));
    assert.deepEqual(await panel.posted(), [{ type: 'countContext', draft: '' }]);
    await panel.page.locator(sel.input).fill('abcd');
    assert.equal((await panel.posted()).length, 1, 'no second count while one is in flight');
    await panel.post(
      context({ window: 10_000, historyTokens: 7000, chipTokens: 0, counted: { tokens: 7100, draft: '' } }),
    );
    assert.deepEqual(
      (await panel.posted()).at(-1),
      { type: 'countContext', draft: 'abcd' },
      'the draft changed',
    );
    await panel.post(
      context({
        window: 10_000,
        historyTokens: 7000,
        chipTokens: 0,
        counted: { tokens: 7102, draft: 'abcd' },
      }),
    );
    assert.equal(await label(), '7.1K / 10K (71%)', 'exact: no ~');
    assert.equal((await panel.posted()).length, 2);
    // A count the host declined (or that failed) is not asked again for the same draft.
    await panel.page.locator(sel.input).fill('abcdefgh');
    assert.equal((await panel.posted()).length, 3);
    await panel.post(context({ window: 10_000, historyTokens: 7000, chipTokens: 0 }));
    await panel.frames();
    assert.equal((await panel.posted()).length, 3);
  });

  it('warns near the limit, then offers a new chat from a summary that is shown before it is used', async () => {
    await panel.post(
      context({ window: 10_000, historyTokens: 8500, chipTokens: 0, counted: { tokens: 8500, draft: '' } }),
    );
    const warning = meter().locator('.context-warning');
    const offer = meter().getByRole('button', { name: 'New chat from a summary' });
    assert.equal(await warning.innerText(), 'The next request is near the context limit.');
    assert.equal(await offer.isVisible(), false);
    assert.match((await meter().getAttribute('class')) ?? '', /\bis-warning\b/);
    await panel.post(
      context({ window: 10_000, historyTokens: 9500, chipTokens: 0, counted: { tokens: 9500, draft: '' } }),
    );
    await offer.click();
    assert.deepEqual(await panel.posted(), [{ type: 'summarize' }]);
    assert.equal(await offer.isDisabled(), true, 'one summary at a time');
    await panel.post({ type: 'summary', text: '## Goal\nSum an array.' });
    const preview = panel.page.getByRole('region', { name: 'Summary for a new chat' });
    assert.equal(await preview.locator('.summary-text').innerText(), '## Goal\nSum an array.');
    await preview.getByRole('button', { name: 'Start new chat with it' }).click();
    assert.deepEqual((await panel.posted()).at(-1), {
      type: 'newChatFromSummary',
      summary: '## Goal\nSum an array.',
    });
    assert.equal(await preview.isVisible(), false);
    await panel.post(
      context({
        window: 10_000,
        historyTokens: 10_400,
        chipTokens: 0,
        counted: { tokens: 10_400, draft: '' },
      }),
    );
    assert.match(await warning.innerText(), /larger than the context window/);
  });
});
