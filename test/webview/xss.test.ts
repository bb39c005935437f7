// Every payload of the XSS corpus, streamed in chunks as answer text and as thinking: nothing may
// execute, nothing may be fetched, and no dangerous element or attribute may reach the DOM.
import * as assert from 'node:assert/strict';
import { config, delta, sel, start, stop, turnEnd, turnStart, append } from './fixtures';
import { Panel } from './panel';
import { xssCorpus } from './xssCorpus';

/** Chunks of awkward sizes, so payloads are split mid-tag and mid-entity. */
function chunks(text: string): string[] {
  const out: string[] = [];
  const sizes = [1, 3, 7, 2, 11, 5];
  for (let at = 0, i = 0; at < text.length; i++) {
    const size = sizes[i % sizes.length];
    out.push(text.slice(at, at + size));
    at += size;
  }
  return out;
}

describe('webview: XSS corpus', function () {
  let panel: Panel;

  before(async () => {
    assert.ok(xssCorpus.length >= 60, `corpus has ${xssCorpus.length} payloads`);
    panel = await Panel.open();
    await panel.post(config({ thinkingDisplay: 'expanded' }));
  });
  after(async () => {
    await panel.close();
  });

  afterEach(async () => {
    const record = await panel.record();
    assert.equal(record.pwned, undefined, 'a payload executed');
    assert.deepEqual(panel.dialogs, [], 'a dialog opened');
    assert.deepEqual(panel.pageErrors, []);
    assert.deepEqual(panel.consoleErrors, []);
    assert.deepEqual(record.violations, [], 'something tried to load and was stopped only by the CSP');
    assert.deepEqual(panel.foreignRequests(), []);
    assert.deepEqual(
      panel.requests.filter(
        (url) => !/\/(dist|media|test\/webview\/themes)\/|\/\?theme=|\/favicon\.ico$/.test(url),
      ),
      [],
      'only the harness files were requested',
    );
  });

  xssCorpus.forEach((payload, i) => {
    for (const kind of ['text', 'thinking'] as const) {
      it(`${kind}: ${payload.name}`, async () => {
        const id = `${kind}-${i}`;
        await panel.post(turnStart(id, 'payload'), delta(id, start(0, kind)));
        await panel.post(...chunks(payload.text).map((c) => delta(id, append(0, c))));
        await panel.frames(1);
        await panel.post(delta(id, stop(0, 1000)), turnEnd(id));
        await panel.frames();
        const scope = kind === 'text' ? sel.answer(id) : `${sel.thinking(id)} .thinking-text`;
        assert.deepEqual(await panel.call('dangerous', sel.turn(id)), []);
        // The payload is shown as text, not swallowed: its visible characters survive.
        const shown = await panel.page.locator(scope).innerText();
        assert.ok(shown.trim().length > 0, 'payload rendered as visible text');
        // Clicking every link only ever asks the host to open http(s).
        await panel.clearPosted();
        for (const link of await panel.page.locator(`${scope} a`).all()) await link.click({ force: true });
        for (const m of await panel.posted()) {
          assert.equal(m.type, 'openLink');
          if (m.type === 'openLink') assert.match(m.href, /^https?:\/\//);
        }
      });
    }
  });
});

describe('webview: XSS checks themselves', function () {
  it('catch a payload planted past the renderer (dangerous DOM, CSP violation, stray request)', async () => {
    const panel = await Panel.open();
    try {
      await panel.post(
        config(),
        turnStart('t1'),
        delta('t1', start(0, 'text'), append(0, 'x'), stop(0)),
        turnEnd('t1'),
      );
      // Bypass the renderer on purpose, as a bug in it would.
      await panel.page.evaluate(() => {
        const doc = (
          globalThis as unknown as {
            document: { querySelector(s: string): { insertAdjacentHTML(p: string, h: string): void } };
          }
        ).document;
        doc
          .querySelector('.answer')
          .insertAdjacentHTML(
            'beforeend',
            '<img src="planted.png" onerror="window.__pwned=1"><a href="javascript:void 0">x</a>',
          );
      });
      await panel.frames();
      assert.deepEqual(await panel.call('dangerous', sel.turn('t1')), [
        '<img>',
        'src="planted.png"',
        'onerror on <img>',
        'href="javascript:void 0"',
      ]);
      for (let i = 0; i < 50 && !panel.requests.some((url) => url.endsWith('/planted.png')); i++)
        await panel.frames(1);
      assert.ok(
        panel.requests.some((url) => url.endsWith('/planted.png')),
        'the stray request was seen',
      );
      assert.equal((await panel.record()).pwned, undefined, 'the CSP still blocked the inline handler');
      assert.ok(
        (await panel.record()).violations.some((v) => v.startsWith('script-src')),
        'the CSP violation was recorded',
      );
    } finally {
      await panel.close();
    }
  });
});
