// npm run bench:long — opens saved conversations of 100, 300 and 1,000 turns in the real chat page
// in Chromium and prints, per size, the main-thread time from the `conversation` message being
// posted to the first frame painted after it (structured clone, rendering, layout, paint), and
// the JS heap after opening (after a forced GC). The message is what the host posts (the last
// turns in full, stubs before them); opening at the bottom asks the host for nothing more, and
// the bench checks that it did not. Each repetition uses a fresh page; medians.
import type { Page } from 'playwright-core';
import type { HostMessage } from '../../src/shared/protocol';
import type { Probe } from '../webview/probeApi';
import { launchChromium } from '../host/chromium';
import { config } from '../webview/fixtures';
import { repoRoot, startServer } from '../webview/server';
import { longConversation, longTurns } from './longConversation';
import * as path from 'node:path';

const sizes = [100, 300, 1_000];
const runs = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface Sample {
  /** structuredClone of the same message in the same page: the floor of receiving it at all. */
  cloneMs: number;
  openMs: number;
  /** JS heap of the empty panel, and after opening. */
  baseMb: number;
  heapMb: number;
  articles: number;
  atBottom: boolean;
  /** `loadTurns` requests the panel posted while opening (it should need none). */
  asked: number;
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return heap.usedSize / 2 ** 20;
}

async function openOnce(page: Page, turns: number): Promise<Sample> {
  const baseMb = await heapMb(page);
  await page.evaluate((m) => {
    (globalThis as unknown as { __pending?: unknown }).__pending = m;
  }, longConversation(turns));
  const { cloneMs, openMs } = await page.evaluate(async () => {
    const g = globalThis as unknown as { __pending?: HostMessage; __probe: Probe };
    const message = g.__pending!;
    delete g.__pending;
    const t0 = performance.now();
    structuredClone(message);
    const cloneMs = performance.now() - t0;
    return { cloneMs, openMs: await g.__probe.postTimed(message) };
  });
  const shown = {
    articles: await page.locator('article.turn').count(),
    atBottom: await page.evaluate(() => {
      const { __probe } = globalThis as unknown as { __probe: Probe };
      const { top, height, client } = __probe.scroll('main.messages');
      return height - top - client <= 24;
    }),
  };
  // Chromium keeps the last MessageEvent (and so a second copy of its data) until the next one
  // arrives: send a message that changes nothing, so the heap shows what the panel keeps.
  await page.evaluate(async () => {
    const { __probe } = globalThis as unknown as { __probe: Probe };
    await __probe.post([{ type: 'chips', chips: [] }]);
    await __probe.frames(2);
  });
  const asked = await page.evaluate(() => {
    const { __probe } = globalThis as unknown as { __probe: Probe };
    return __probe.record().posted.filter((m) => m.type === 'loadTurns').length;
  });
  return { cloneMs, openMs, baseMb, heapMb: await heapMb(page), ...shown, asked };
}

async function main(): Promise<void> {
  const server = await startServer();
  const browser = await launchChromium();
  const samples = new Map<number, Sample[]>(sizes.map((s) => [s, []]));
  try {
    const context = await browser.newContext({ viewport: { width: 420, height: 800 } });
    await context.addInitScript({
      path: path.join(repoRoot, 'out', 'test', 'webview', 'page', 'instrument.js'),
    });
    for (let r = 0; r < runs; r++) {
      // Rotate the order each run so warm-up does not favour one size.
      const order = sizes.map((_, i) => sizes[(i + r) % sizes.length]);
      for (const turns of order) {
        const page = await context.newPage();
        await page.goto(`${server.origin}/`);
        await page.evaluate(async (m) => {
          const { __probe } = globalThis as unknown as { __probe: Probe };
          await __probe.post([m]);
          await __probe.frames(2);
        }, config());
        const sample = await openOnce(page, turns);
        samples.get(turns)!.push(sample);
        process.stderr.write(
          `run ${r + 1}/${runs} ${turns} turns: ${sample.openMs.toFixed(1)} ms (clone ${sample.cloneMs.toFixed(1)}), ${sample.heapMb.toFixed(1)} MB, ${sample.articles} turns in the DOM, ${sample.asked} pages asked for\n`,
        );
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const chars = (turns: number) =>
    longTurns(turns).reduce(
      (n, t) => n + t.blocks.reduce((m, b) => m + ('text' in b ? b.text.length : 0), 0),
      0,
    );
  console.log(`\nLong conversations: open a saved conversation, median of ${runs} fresh pages per size\n`);
  const header = [
    'turns',
    'markdown',
    'open→paint ms',
    'clone ms',
    'heap MB',
    'empty MB',
    'turns in DOM',
    'at bottom',
    'pages asked',
  ];
  console.log(header.map((h) => h.padStart(14)).join(''));
  const rows = sizes.map((turns) => {
    const s = samples.get(turns)!;
    return {
      turns,
      ms: median(s.map((x) => x.openMs)),
      clone: median(s.map((x) => x.cloneMs)),
      mb: median(s.map((x) => x.heapMb)),
      base: median(s.map((x) => x.baseMb)),
      dom: median(s.map((x) => x.articles)),
      bottom: s.every((x) => x.atBottom),
      asked: Math.max(...s.map((x) => x.asked)),
    };
  });
  for (const row of rows) {
    const cells = [
      String(row.turns),
      `${(chars(row.turns) / 1e6).toFixed(2)} MB`,
      row.ms.toFixed(1),
      row.clone.toFixed(1),
      row.mb.toFixed(1),
      row.base.toFixed(1),
      String(row.dom),
      row.bottom ? 'yes' : 'NO',
      String(row.asked),
    ];
    console.log(cells.map((c) => c.padStart(14)).join(''));
  }
  console.log(
    '\nopen→paint: main-thread time from posting the conversation message to the next painted frame,\n' +
      'including its structured clone; clone: structuredClone of the same message alone (the floor of\n' +
      'receiving it). heap: JS heap after opening and a forced GC; empty: the panel before.',
  );
  const first = rows[0];
  const last = rows[rows.length - 1];
  const timeRatio = last.ms / first.ms;
  const heapRatio = last.mb / first.mb;
  console.log('\nGoals:');
  const goals: [string, boolean, string][] = [
    [`time flat: ${last.turns} turns ≤ 1.5x ${first.turns}`, timeRatio <= 1.5, `${timeRatio.toFixed(2)}x`],
    [`heap flat: ${last.turns} turns ≤ 1.5x ${first.turns}`, heapRatio <= 1.5, `${heapRatio.toFixed(2)}x`],
    ['last screen ≤ 100 ms', last.ms <= 100, `${last.ms.toFixed(1)} ms at ${last.turns} turns`],
  ];
  for (const [goal, met, detail] of goals) console.log(`  ${met ? 'MET   ' : 'MISSED'} ${goal} (${detail})`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
