// The footer and the end of a turn as issues 11 and 12 shape them: one line in a narrow sidebar
// with the rest on hover, speed served against speed asked, who answered, thinking billed, refusals
// and the context window as their own states, the one-click resend, and the conversation total.
import * as assert from 'node:assert/strict';
import { append, delta, footer, sel, start, stop, turn, turnEnd, turnStart } from './fixtures';
import type { Panel } from './panel';
import { usePanel } from './panel';

describe('webview: footer and outcomes', function () {
  let panel!: Panel;
  usePanel((p) => (panel = p), { clearPosted: true });

  it('shows the footer on one line (model, speed, tokens, cost) and the rest on hover', async () => {
    const f = footer({
      speed: 'standard',
      fellBack: true,
      cacheReadTokens: 900,
      cacheWriteTokens: 100,
      simulator: true,
      modelLabel: 'Opus 4.6',
      thinkingTokens: 300,
    });
    await panel.post(
      turnStart('t1'),
      delta('t1', start(0, 'text'), append(0, 'ok'), stop(0)),
      turnEnd('t1', { footer: f }),
    );
    const line = panel.page.locator(`${sel.turn('t1')} .footer`);
    const text = await line.innerText();
    for (const part of ['Opus 4.6', 'fell back to standard', '2,204 in · 530 out', '$0.019', 'simulator'])
      assert.ok(text.includes(part), `footer shows "${part}" in: ${text}`);
    assert.equal(
      await panel.page.locator(`${sel.turn('t1')} .footer-model`).innerText(),
      'Opus 4.6',
      'the display name, not the raw id',
    );
    const hover = (await line.getAttribute('title')) ?? '';
    for (const part of [
      'Model: claude-opus-4-6 · effort high',
      'TTFT 412 ms',
      '87 tok/s',
      'Input 1,204 tok · output 530 tok (thinking 300)',
      'Cache 900 read / 100 written',
      'Request req_011',
    ])
      assert.ok(hover.includes(part), `hover shows "${part}" in: ${hover}`);
    const describedBy = await line.getAttribute('aria-describedby');
    assert.match(await panel.page.locator(`#${describedBy}`).innerText(), /TTFT 412 ms/);
    const cost = panel.page.locator(`${sel.turn('t1')} .footer-cost`);
    assert.equal(await cost.getAttribute('title'), f.costBreakdown.join('\n'));
    const costDescribedBy = await cost.getAttribute('aria-describedby');
    assert.match(await panel.page.locator(`#${costDescribedBy}`).innerText(), /input 1,204 tok/);
    await panel.post(turnStart('t2'), turnEnd('t2', { footer: footer({ speed: 'fast' }) }));
    assert.match(await panel.page.locator(`${sel.turn('t2')} .footer`).innerText(), /⚡ fast/);
  });

  it('keeps the footer on one line in a narrow sidebar', async () => {
    await panel.page.setViewportSize({ width: 260, height: 700 });
    try {
      await panel.post(
        turnStart('t1'),
        turnEnd('t1', {
          footer: footer({
            modelLabel: 'Sonnet 5.5',
            inputTokens: 123_456,
            outputTokens: 12_345,
            simulator: true,
          }),
        }),
      );
      const box = await panel.page.locator(`${sel.turn('t1')} .footer`).boundingBox();
      const cost = await panel.page.locator(`${sel.turn('t1')} .footer-cost`).boundingBox();
      assert.ok(box && cost);
      assert.ok(box.height < 24, `one line (${box.height}px high)`);
      assert.ok(cost.x + cost.width <= box.x + box.width + 0.5, 'the cost is not cut off');
    } finally {
      await panel.page.setViewportSize({ width: 420, height: 720 });
    }
  });

  it('says fast requested · standard served, who answered after a fallback, and thinking hidden but billed', async () => {
    await panel.post(
      turnStart('t1'),
      turnEnd('t1', {
        footer: footer({
          requestedSpeed: 'fast',
          speed: 'standard',
          answeredBy: 'Sonnet 5.5',
          thinkingHidden: true,
          thinkingTokens: 640,
          estimated: true,
        }),
      }),
    );
    const line = panel.page.locator(`${sel.turn('t1')} .footer`);
    const text = await line.innerText();
    assert.match(text, /fast requested · standard served/);
    assert.match(text, /answered by Sonnet 5\.5/);
    assert.match(text, /~530 out/);
    assert.match(text, /~\$0\.019/);
    assert.match((await line.getAttribute('title')) ?? '', /Thinking hidden · 640 tok billed/);
  });

  it('shows a refusal as its own state: explanation, partial answer kept, Try another model', async () => {
    await panel.post(
      turnStart('t1'),
      delta('t1', start(0, 'text'), append(0, 'Here is the start'), stop(0)),
      turnEnd('t1', {
        footer: footer({
          stopReason: 'refusal',
          refusal: { category: 'cyber', explanation: 'This looks like malware development.' },
        }),
      }),
    );
    const turnEl = panel.page.locator(sel.turn('t1'));
    assert.match(await turnEl.locator('.outcome-refused').innerText(), /Declined by the model/);
    const note = turnEl.locator('.stop-reason');
    assert.match(await note.innerText(), /declined .*\(cyber\).*This looks like malware development\./s);
    assert.match(await turnEl.locator('.answer').innerText(), /Here is the start/);
    assert.equal(await turnEl.locator('.turn-error').count(), 0, 'not an error');
    await note.getByRole('button', { name: 'Try another model' }).click();
    assert.deepEqual(await panel.posted(), [{ type: 'action', turnId: 't1', action: 'selectModel' }]);
  });

  it('explains model_context_window_exceeded with the window size', async () => {
    await panel.post(
      turnStart('t1'),
      turnEnd('t1', {
        footer: footer({
          stopReason: 'model_context_window_exceeded',
          contextWindow: 1_000_000,
          modelLabel: 'Opus 5.5',
        }),
      }),
    );
    assert.match(
      await panel.page.locator(`${sel.turn('t1')} .stop-reason`).innerText(),
      /filled Opus 5\.5's context window of 1,000,000 tokens.*new chat/s,
    );
  });

  it('offers Resend without it on a refused feature', async () => {
    await panel.post(
      turnStart('t1'),
      turnEnd('t1', {
        outcome: 'failed',
        footer: undefined,
        error: {
          title: 'Opus 5.5 refused fast mode',
          message: 'The API refused…',
          actions: ['resendWithout', 'showLog'],
        },
      }),
    );
    await panel.page.locator(sel.turn('t1')).getByRole('button', { name: 'Resend without it' }).click();
    assert.deepEqual(await panel.posted(), [{ type: 'action', turnId: 't1', action: 'resendWithout' }]);
  });

  it('shows the conversation total in the header: sums answers, ~ for estimates, + for unknown prices', async () => {
    const cost = panel.page.locator('.conversation-cost');
    await panel.post({
      type: 'conversation',
      id: 'c1',
      title: 'Costs',
      turns: [
        turn('t1', 'One', { outcome: 'complete', footer: footer({ costUsd: 0.25 }) }),
        turn('t2', 'Two', { outcome: 'complete', footer: footer({ costUsd: 0.5 }) }),
      ],
    });
    assert.equal(await cost.innerText(), '$0.750');
    await panel.post(turnStart('t3'), turnEnd('t3', { footer: footer({ costUsd: 0.01, estimated: true }) }));
    assert.equal(await cost.innerText(), '~$0.760');
    await panel.post(turnStart('t4'), turnEnd('t4', { footer: footer({ costUsd: undefined }) }));
    assert.equal(await cost.innerText(), '~$0.760+');
    assert.match((await cost.getAttribute('title')) ?? '', /over 4 answers; 1 without a known price/);
    await panel.post({ type: 'truncate', fromTurnId: 't3' });
    assert.equal(await cost.innerText(), '$0.750');
  });
});
