// Long conversations arrive in pages: the host sends the last turns in full and stubs before them,
// and the panel asks for older turns (`loadTurns`) when the user scrolls up or clicks "Show
// earlier turns". Here the test is the host: it answers the requests (with `replyTo`) from the
// whole conversation, late, twice, or for another conversation, and checks what the panel shows.
import * as assert from 'node:assert/strict';
import type { HostMessage, TurnView, WebviewMessage } from '../../src/shared/protocol';
import { pageBefore, turnStub } from '../../src/shared/turnPages';
import { config, footer, sel } from './fixtures';
import { renderedIds, storedTurn } from './longTurns';
import { Panel, usePanel } from './panel';

type LoadTurns = Extract<WebviewMessage, { type: 'loadTurns' }>;

/** `n` turns whose ids start with `prefix`, each costing $0.01. */
const allTurns = (n: number, prefix = 't'): TurnView[] =>
  Array.from({ length: n }, (_, i) => ({
    ...storedTurn(i),
    id: `${prefix}${i}`,
    footer: footer({ costUsd: 0.01 }),
  }));

/** What the host posts on opening: the last `inFull` turns whole, stubs before them. */
function opening(id: string, turns: readonly TurnView[], inFull = 20): HostMessage {
  const cut = turns.length - inFull;
  return {
    type: 'conversation',
    id,
    title: id,
    turns: turns.slice(cut),
    earlier: turns.slice(0, cut).map((t) => turnStub(t.id, t.footer)),
  };
}

/** The host's answer to `request` from `turns`. */
const page = (
  conversationId: string,
  turns: readonly TurnView[],
  request: LoadTurns,
): Extract<HostMessage, { type: 'turns' }> => ({
  type: 'turns',
  conversationId,
  beforeTurnId: request.beforeTurnId,
  turns: pageBefore(turns, request.beforeTurnId, request.count) ?? [],
});

/** The `loadTurns` requests the panel posted, with their envelope ids. */
async function requests(panel: Panel): Promise<{ id: number; body: LoadTurns }[]> {
  const { posted, postedIds } = await panel.record();
  return posted.flatMap((m, i) => (m.type === 'loadTurns' ? [{ id: postedIds[i], body: m }] : []));
}

/** Scrolls to the top until the panel asks for older turns; returns the request. */
async function scrollUntilAsked(panel: Panel, already: number): Promise<{ id: number; body: LoadTurns }> {
  for (let step = 0; step < 40; step++) {
    const asked = await requests(panel);
    if (asked.length > already) return asked[asked.length - 1];
    await panel.call('scrollTo', sel.messages, 0);
    await panel.frames();
  }
  assert.fail('the panel never asked for older turns');
}

const ids = (turns: readonly TurnView[]) => turns.map((t) => t.id);

describe('webview: long conversations in pages', function () {
  let panel!: Panel;
  usePanel((p) => (panel = p), { clearPosted: true });

  it('asks for older turns as the user scrolls up and shows each once, in order, to the first', async () => {
    const turns = allTurns(80);
    await panel.post(opening('paged', turns));
    await panel.frames();
    assert.deepEqual(await requests(panel), [], 'opening at the bottom needs nothing more');
    // Scroll to the top again and again, answering each request as it comes.
    for (let step = 0, answered = 0; (await renderedIds(panel))[0] !== 't0'; step++) {
      assert.ok(step < 100, 'the first turn never came');
      const asked = await requests(panel);
      for (const request of asked.slice(answered))
        await panel.reply(page('paged', turns, request.body), request.id);
      answered = asked.length;
      await panel.call('scrollTo', sel.messages, 0);
      await panel.frames();
    }
    assert.deepEqual(await renderedIds(panel), ids(turns), 'every turn, once, in order');
    const asked = (await requests(panel)).map((r) => r.body);
    assert.deepEqual(
      asked.map((r) => [r.conversationId, r.beforeTurnId]),
      [
        ['paged', 't60'],
        ['paged', 't40'],
        ['paged', 't20'],
      ],
      'each page asked for once, just before the turns already here',
    );
    assert.equal(await panel.call('findText', 'uniqueword0x'), true);
    assert.equal(await panel.page.locator('.earlier-turns').isHidden(), true);
  });

  it('"Show earlier turns" asks for them when they are not here and shows them above, in place', async () => {
    const turns = allTurns(50);
    await panel.post(opening('paged', turns));
    await panel.frames();
    const earlier = panel.page.getByRole('button', { name: 'Show earlier turns' });
    for (let click = 0; (await requests(panel)).length === 0; click++) {
      assert.ok(click < 25, 'the button never asked the host');
      // As a keyboard or screen-reader user would (a mouse click would first scroll it into view).
      await earlier.dispatchEvent('click');
      await panel.frames();
    }
    const [asked] = await requests(panel);
    assert.equal(asked.body.beforeTurnId, 't30');
    const first = (await renderedIds(panel))[0];
    assert.equal(first, 't30', 'the turns that were here are all shown');
    const before = (await panel.page.locator(sel.turn(first)).boundingBox())!.y;
    await panel.reply(page('paged', turns, asked.body), asked.id);
    await panel.frames();
    const shown = await renderedIds(panel);
    assert.ok(shown.indexOf(first) > 0, 'the page was shown above');
    assert.deepEqual(shown, ids(turns).slice(ids(turns).indexOf(shown[0])), 'in order, no gaps');
    const after = (await panel.page.locator(sel.turn(first)).boundingBox())!.y;
    assert.ok(Math.abs(after - before) < 1, `the turn moved from ${before} to ${after}`);
  });

  it('drops a page for another conversation, a page answering an older request, and a repeat', async () => {
    const a = allTurns(60, 'a');
    const b = allTurns(60, 'b');
    await panel.post(opening('first', a));
    const askedA = await scrollUntilAsked(panel, 0);
    // Another conversation opens before the answer comes: the answer is for a view that is gone.
    await panel.post(opening('second', b));
    await panel.reply(page('first', a, askedA.body), askedA.id);
    await panel.frames();
    assert.ok(
      (await renderedIds(panel)).every((id) => id.startsWith('b')),
      'nothing of the first',
    );
    const askedB = await scrollUntilAsked(panel, 1);
    assert.equal(askedB.body.conversationId, 'second');
    const shownBefore = await renderedIds(panel);
    // The right turns, but naming the old request; then the right request, another conversation.
    await panel.reply(page('second', b, askedB.body), askedA.id);
    await panel.reply({ ...page('second', b, askedB.body), conversationId: 'first' }, askedB.id);
    await panel.frames();
    assert.deepEqual(await renderedIds(panel), shownBefore, 'stale pages change nothing');
    await panel.reply(page('second', b, askedB.body), askedB.id);
    await panel.reply(page('second', b, askedB.body), askedB.id);
    for (let i = 0; i < 10; i++) {
      await panel.call('scrollTo', sel.messages, 0);
      await panel.frames();
    }
    const shown = await renderedIds(panel);
    assert.ok(shown.length > shownBefore.length, 'the answer was shown');
    assert.equal(new Set(shown).size, shown.length, 'no turn twice');
    assert.deepEqual(shown, ids(b).slice(ids(b).indexOf(shown[0])), 'in order');
  });

  it("counts the turns not loaded yet in the conversation's total", async () => {
    await panel.post(opening('paged', allTurns(45)));
    const cost = panel.page.locator('.conversation-cost');
    assert.equal(await cost.textContent(), '$0.450');
    assert.match((await cost.getAttribute('title')) ?? '', /over 45 answers/);
  });

  it('restores a saved position among turns it had to ask for first', async () => {
    const turns = allTurns(60);
    const reopened = await Panel.open({
      state: { draft: '', scrollTop: 900, atBottom: false, shownTurns: 30 },
    });
    try {
      await reopened.post(config(), opening('paged', turns));
      await reopened.frames();
      const [asked] = await requests(reopened);
      assert.ok(asked, 'it asked for the turns shown when the position was saved');
      assert.equal(asked.body.beforeTurnId, 't40');
      assert.equal(asked.body.count, 10);
      await reopened.reply(page('paged', turns, asked.body), asked.id);
      await reopened.frames();
      assert.deepEqual(await renderedIds(reopened), ids(turns).slice(30));
      assert.equal((await reopened.call('scroll', sel.messages)).top, 900);
      assert.deepEqual(reopened.pageErrors, []);
    } finally {
      await reopened.close();
    }
  });
});
