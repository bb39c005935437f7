// Long conversations: only the last turns are rendered when a conversation opens; older turns are
// rendered, in order and without moving what is on screen, when the user scrolls up or asks for
// them; find-in-page finds what is rendered; streaming, truncation and scroll restore still work.
import * as assert from 'node:assert/strict';
import { append, config, delta, sel, start, stop, turnEnd, turnStart } from './fixtures';
import { renderedIds, storedTurn } from './longTurns';
import { Panel, usePanel } from './panel';

const count = 200;

const conversation = (n = count) => ({
  type: 'conversation' as const,
  id: 'long',
  title: 'Long',
  turns: Array.from({ length: n }, (_, i) => storedTurn(i)),
});

/** Chromium's find-in-page over the rendered text (what Ctrl+F searches). */
const findInPage = (panel: Panel, text: string) => panel.call('findText', text);

describe('webview: long conversations', function () {
  let panel!: Panel;
  usePanel((p) => (panel = p), { clearPosted: true });

  it('opens with the last turns rendered, at the bottom, the last answer findable', async () => {
    await panel.post(conversation());
    await panel.frames();
    const ids = await renderedIds(panel);
    assert.ok(ids.length >= 1 && ids.length < 20, `rendered ${ids.length} of ${count} turns`);
    assert.equal(ids.at(-1), `t${count - 1}`);
    const at = await panel.call('scroll', sel.messages);
    assert.ok(at.height - at.top - at.client <= 24, 'scrolled to the bottom');
    assert.equal(await findInPage(panel, `uniqueword${count - 1}x`), true);
    assert.equal(await findInPage(panel, 'uniqueword0x'), false, 'the first turn is not rendered yet');
  });

  it('renders older turns in order as the user scrolls up, until the first', async () => {
    const n = 60;
    await panel.post(conversation(n));
    await panel.frames();
    assert.equal(await findInPage(panel, 'uniqueword0x'), false);
    for (let step = 0; step < n && (await renderedIds(panel))[0] !== 't0'; step++) {
      const top = (await renderedIds(panel))[0];
      await panel.call('scrollTo', sel.messages, 0);
      await panel.frames();
      const ids = await renderedIds(panel);
      assert.ok(ids.indexOf(top) > 0, `scrolling to the top rendered turns before ${top}`);
      assert.ok((await panel.call('scroll', sel.messages)).top > 0, 'the view stays on the turn it showed');
    }
    assert.deepEqual(
      await renderedIds(panel),
      Array.from({ length: n }, (_, i) => `t${i}`),
      'every turn, once, in order',
    );
    assert.equal(await findInPage(panel, 'uniqueword0x'), true);
    assert.equal(await panel.page.locator('.earlier-turns').isHidden(), true);
  });

  it('keeps the turn at the top of the view where it was when older turns come in', async () => {
    await panel.post(conversation());
    await panel.frames();
    const first = (await renderedIds(panel))[0];
    // Scroll so the first rendered turn's top is 100 px below the top of the view, then ask for more.
    await panel.call('alignTurn', first, 100);
    await panel.frames();
    const before = (await panel.page.locator(sel.turn(first)).boundingBox())!.y;
    // As a keyboard or screen-reader user would (a mouse click would first scroll it into view).
    await panel.page.getByRole('button', { name: 'Show earlier turns' }).dispatchEvent('click');
    await panel.frames();
    const ids = await renderedIds(panel);
    assert.ok(ids.indexOf(first) > 0, 'older turns were rendered above');
    const after = (await panel.page.locator(sel.turn(first)).boundingBox())!.y;
    assert.ok(Math.abs(after - before) < 1, `the turn moved from ${before} to ${after}`);
  });

  it('streams a new turn at the end and truncates, with older turns still unrendered', async () => {
    await panel.post(conversation());
    await panel.post(
      turnStart('new', 'one more'),
      delta('new', start(0, 'text'), append(0, 'Fresh **answer**.'), stop(0)),
      turnEnd('new'),
    );
    await panel.frames();
    let ids = await renderedIds(panel);
    assert.equal(ids.at(-1), 'new');
    assert.ok(ids.length < 25);
    assert.match(await panel.page.locator(sel.answer('new')).innerText(), /Fresh answer\./);
    await panel.page.getByRole('button', { name: 'Regenerate' }).waitFor();
    await panel.post({ type: 'truncate', fromTurnId: 'new' });
    await panel.frames();
    ids = await renderedIds(panel);
    assert.equal(ids.at(-1), `t${count - 1}`);
    assert.equal(await panel.page.getByRole('button', { name: 'Regenerate' }).count(), 1);
  });

  it('restores the saved position within the turns that were rendered', async () => {
    await panel.post(conversation());
    await panel.frames();
    await panel.call('scrollTo', sel.messages, 0);
    await panel.frames(3);
    const { scrollTop, shownTurns } = (await panel.record()).state as {
      scrollTop: number;
      shownTurns: number;
    };
    assert.ok(shownTurns > 1 && shownTurns < count, `saved ${shownTurns} shown turns`);
    const topId = await panel.call('turnAtTop');
    const reopened = await Panel.open({ state: { draft: '', scrollTop, atBottom: false, shownTurns } });
    try {
      await reopened.post(config(), conversation());
      await reopened.frames();
      assert.ok((await renderedIds(reopened)).length >= shownTurns);
      assert.equal((await reopened.call('scroll', sel.messages)).top, scrollTop);
      const y = await reopened.page.locator(sel.turn(topId!)).boundingBox();
      const view = await reopened.page.locator(sel.messages).boundingBox();
      assert.ok(
        y && view && y.y <= view.y + 1 && y.y + y.height > view.y,
        `turn ${topId} is at the top of the view again (now ${await reopened.call('turnAtTop')})`,
      );
      assert.deepEqual(reopened.pageErrors, []);
    } finally {
      await reopened.close();
    }
  });
});
