// Renders a representative conversation in dark, light and high-contrast themes and saves screenshots to
// artifacts/ for a person to look at; also checks the layout keeps the composer on screen.
import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { append, chunked, config, delta, footer, sel, start, stop, turnEnd, turnStart } from './fixtures';
import { Panel } from './panel';
import { repoRoot } from './server';

const answer = [
  'A **closure** is a function that keeps access to the variables of the scope it was created in.',
  '',
  '```ts',
  'function counter() {',
  '  let n = 0;',
  '  return () => ++n; // n lives on',
  '}',
  '```',
  '',
  '| call | result |',
  '|------|-------:|',
  '| `next()` | 1 |',
  '| `next()` | 2 |',
  '',
  '> Each call to `counter()` gets its own `n`. See [MDN](https://developer.mozilla.org/).',
  '',
].join('\n');

for (const theme of ['dark', 'light', 'high-contrast'] as const) {
  describe(`webview: screenshot (${theme})`, function () {
    it('renders a conversation legibly and keeps the composer visible', async () => {
      const panel = await Panel.open({ theme, width: 460, height: 900 });
      try {
        await panel.post(config({ speed: 'fast', simulator: true }), {
          type: 'chips',
          chips: [
            {
              id: 'c1',
              label: 'src/counter.ts:1-12',
              kind: 'selection',
              languageId: 'typescript',
              lines: 12,
            },
          ],
        });
        await panel.post({
          type: 'notice',
          level: 'info',
          message: 'Thinking blocks from an older model were dropped from history.',
        });
        await panel.post(turnStart('t1', 'What is a closure? Show a tiny example.'));
        await panel.post(
          delta(
            't1',
            start(0, 'thinking'),
            append(0, 'The user wants a **short** definition and a small example.'),
            stop(0, 2400),
          ),
        );
        await panel.post(
          delta('t1', start(1, 'text')),
          ...chunked('t1', 1, answer, 40),
          delta('t1', stop(1)),
        );
        await panel.post(
          turnEnd('t1', { footer: footer({ speed: 'fast', simulator: true, cacheReadTokens: 900 }) }),
        );
        await panel.post(
          turnStart('t2', 'And in Python?'),
          delta('t2', start(0, 'thinking'), append(0, 'Python closures use nonlocal…')),
        );
        await panel.post(
          turnEnd('t2', {
            outcome: 'failed',
            footer: undefined,
            error: {
              title: 'Rate limited',
              message: 'Too many requests for fast mode.',
              actions: ['retry', 'showLog'],
              retryAt: Date.now() + 20_000,
            },
          }),
        );
        await panel.frames();
        await panel.page.locator(sel.input).fill('Thanks! One more question…');
        const dir = path.join(repoRoot, 'artifacts');
        mkdirSync(dir, { recursive: true });
        await panel.page.screenshot({ path: path.join(dir, `webview-${theme}.png`) });
        assert.equal(await panel.page.locator(sel.input).isVisible(), true);
        assert.deepEqual((await panel.record()).violations, []);
      } finally {
        await panel.close();
      }
    });
  });
}
