// Thinking and answer streaming: blocks appear as they start, fold when they stop, and follow
// the thinkingDisplay setting.
import * as assert from 'node:assert/strict';
import { append, chunked, config, delta, start, stop, sel, turn, turnEnd, turnStart } from './fixtures';
import type { Panel } from './panel';
import { usePanel } from './panel';

describe('webview: streaming a turn', function () {
  let panel!: Panel;
  usePanel((p) => (panel = p));

  it('posts ready once on load', async () => {
    const posted = await panel.posted();
    assert.deepEqual(
      posted.filter((m) => m.type === 'ready'),
      [{ type: 'ready' }],
    );
  });

  it('shows thinking live with a timer, then the answer, then folds the thinking', async () => {
    await panel.post(
      turnStart('t1'),
      delta('t1', start(0, 'thinking'), append(0, 'Let me consider **scope**.')),
    );
    await panel.frames();
    const thinking = panel.page.locator(sel.thinking('t1'));
    assert.equal(await thinking.getAttribute('data-state'), 'streaming');
    assert.match(await thinking.locator('.thinking-label').innerText(), /^Thinking… \d+ s$/);
    assert.match(await thinking.locator('.thinking-text').innerText(), /Let me consider scope\./);
    assert.match(await thinking.locator('.thinking-note').innerText(), /summary of the model’s reasoning/i);
    assert.equal(await thinking.locator('.thinking-toggle').getAttribute('aria-expanded'), 'true');

    await panel.post(delta('t1', stop(0, 3200), start(1, 'text'), append(1, 'A closure **captures**')));
    await panel.post(delta('t1', append(1, ' variables.')));
    await panel.frames();
    assert.equal(await thinking.getAttribute('data-state'), 'done');
    assert.equal(await thinking.locator('.thinking-label').innerText(), 'Thought for 3 s');
    assert.equal(await thinking.locator('.thinking-toggle').getAttribute('aria-expanded'), 'false');
    assert.equal(await thinking.locator('.thinking-body').isHidden(), true);
    assert.equal(
      await panel.call('innerHtml', sel.answer('t1')),
      '<p>A closure <strong>captures</strong> variables.</p>\n',
    );
  });

  it('collapses thinking when the answer starts even without a stop op, and reopens it on click', async () => {
    await panel.post(
      turnStart('t1'),
      delta('t1', start(0, 'thinking'), append(0, 'hmm')),
      delta('t1', start(1, 'text'), append(1, 'Hi')),
    );
    await panel.frames();
    const toggle = panel.page.locator(`${sel.thinking('t1')} .thinking-toggle`);
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    assert.equal(await panel.page.locator(`${sel.thinking('t1')} .thinking-text`).innerText(), 'hmm');
    await toggle.press('Enter');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  });

  it('keeps finished thinking open with thinkingDisplay expanded, hides it with hidden', async () => {
    await panel.post(config({ thinkingDisplay: 'expanded' }));
    await panel.post(
      turnStart('t1'),
      delta('t1', start(0, 'thinking'), append(0, 'step one'), stop(0, 1000)),
    );
    await panel.frames();
    const thinking = panel.page.locator(sel.thinking('t1'));
    assert.equal(await thinking.locator('.thinking-toggle').getAttribute('aria-expanded'), 'true');
    assert.equal(await thinking.locator('.thinking-text').isVisible(), true);

    await panel.post(config({ thinkingDisplay: 'hidden' }));
    assert.equal(await thinking.isHidden(), true);
    await panel.post(config({ thinkingDisplay: 'collapsed' }));
    assert.equal(await thinking.isVisible(), true);
    assert.equal(await thinking.locator('.thinking-toggle').getAttribute('aria-expanded'), 'false');
  });

  it('with thinkingDisplay hidden shows only the timer while thinking streams', async () => {
    await panel.post(config({ thinkingDisplay: 'hidden' }));
    await panel.post(turnStart('t1'), delta('t1', start(0, 'thinking'), append(0, 'secret-ish')));
    await panel.frames();
    const thinking = panel.page.locator(sel.thinking('t1'));
    assert.match(await thinking.locator('.thinking-label').innerText(), /Thinking…/);
    assert.equal(await thinking.locator('.thinking-body').isHidden(), true);
    await panel.post(delta('t1', stop(0, 2000), start(1, 'text'), append(1, 'ok')));
    assert.equal(await thinking.isHidden(), true);
  });

  it('explains redacted thinking without showing any data', async () => {
    await panel.post(
      turnStart('t1'),
      delta('t1', start(0, 'redacted'), stop(0), start(1, 'text'), append(1, 'Answer')),
    );
    await panel.frames();
    const redacted = panel.page.locator(`${sel.turn('t1')} .redacted`);
    assert.match(await redacted.innerText(), /encrypted by safety systems/);
    assert.match(await redacted.innerText(), /still passed back to the model/);
  });

  it('says thinking was omitted instead of showing an empty box', async () => {
    await panel.post(turnStart('t1'), delta('t1', start(0, 'thinking'), stop(0, 4000, true)));
    await panel.post(turnStart('t2', 'again'), delta('t2', start(0, 'thinking'), stop(0, 2000)));
    await panel.frames();
    for (const id of ['t1', 't2']) {
      const thinking = panel.page.locator(sel.thinking(id));
      assert.equal(await thinking.getAttribute('data-state'), 'omitted');
      assert.match(await thinking.innerText(), /thinking text was omitted/);
      assert.equal(await thinking.locator('.thinking-text').count(), 0);
    }
  });

  it('shows no thinking block when the model skipped thinking', async () => {
    await panel.post(
      turnStart('t1'),
      delta('t1', start(0, 'text'), append(0, 'Quick answer.'), stop(0)),
      turnEnd('t1'),
    );
    await panel.frames();
    assert.equal(await panel.page.locator(sel.thinking('t1')).count(), 0);
    assert.equal(await panel.page.locator(`${sel.turn('t1')} .redacted`).count(), 0);
    assert.equal(await panel.page.locator(sel.answer('t1')).innerText(), 'Quick answer.');
  });

  it('renders a long answer streamed in small chunks exactly as a one-shot render', async () => {
    const text =
      '# Title\n\nSome *prose* with `code`.\n\n- one\n- two\n\n```ts\nconst x = 1;\n```\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n> quote\n';
    await panel.post(
      turnStart('t1'),
      delta('t1', start(0, 'text')),
      ...chunked('t1', 0, text, 3),
      delta('t1', stop(0)),
      turnEnd('t1'),
    );
    await panel.frames();
    assert.equal(await panel.call('innerHtml', sel.answer('t1')), await panel.call('renderOnce', text));
  });

  it('continues a mid-stream snapshot: open blocks keep streaming at their content index', async () => {
    await panel.post({
      type: 'conversation',
      id: 'c',
      title: 'Reloaded',
      turns: [
        turn('t1', 'Explain closures', {
          seq: 7,
          blocks: [
            { kind: 'thinking', text: 'done thinking', index: 0, open: false, durationMs: 2000 },
            { kind: 'text', text: 'A closure ', index: 2, open: true },
          ],
        }),
      ],
    });
    await panel.post({ type: 'delta', turnId: 't1', seq: 8, ops: [append(2, 'captures.'), stop(2)] });
    await panel.post(turnEnd('t1'));
    await panel.frames();
    assert.equal(
      await panel.page.locator(`${sel.thinking('t1')} .thinking-label`).innerText(),
      'Thought for 2 s',
    );
    assert.equal(await panel.page.locator(sel.answer('t1')).innerText(), 'A closure captures.');
  });

  it('asks for a resync on a gap in the delta sequence and applies nothing until the snapshot', async () => {
    await panel.post(turnStart('t1'), delta('t1', start(0, 'text'), append(0, 'one ')));
    await panel.clearPosted();
    await panel.post({ type: 'delta', turnId: 't1', seq: 3, ops: [append(0, 'three ')] });
    await panel.post({ type: 'delta', turnId: 't1', seq: 4, ops: [append(0, 'four ')] });
    await panel.frames();
    assert.deepEqual(await panel.posted(), [{ type: 'resync' }], 'asked once');
    assert.equal(await panel.page.locator(sel.answer('t1')).innerText(), 'one');
    await panel.post({
      type: 'conversation',
      id: 'c',
      title: 'Resynced',
      turns: [
        turn('t1', 'Explain closures', {
          seq: 4,
          blocks: [{ kind: 'text', text: 'one two three four ', index: 0, open: true }],
        }),
      ],
    });
    await panel.post({ type: 'delta', turnId: 't1', seq: 5, ops: [append(0, 'five')] });
    await panel.frames();
    assert.equal(await panel.page.locator(sel.answer('t1')).innerText(), 'one two three four five');
  });
});
