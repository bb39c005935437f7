// npm run bench:render — streams a 20,000-token markdown answer into real Chromium three ways and
// prints main-thread time per batch: (a) one text node (the floor), (b) a full markdown-it
// re-render of the whole message per batch, (c) Thinkfast's incremental renderer.
// 1,000 tokens/s in ~16 ms batches = 16 tokens (~64 characters) per batch. Then long open blocks:
// a 5,000-line code fence (at the top level and in a list item) and a long paragraph that stream
// without ending, through (c) only, to show whether the per-batch cost stays flat as they grow.
import { launchChromium } from '../host/chromium';
import { benchDocument } from './benchDocument';
import { startServer } from '../webview/server';

type Variant = 'textNode' | 'fullRender' | 'thinkfast';
// BENCH_SKIP_FULL=1 leaves out (b), which takes most of the run's time and does not change with
// our renderer; its goal is then not reported.
const variants: readonly Variant[] = process.env.BENCH_SKIP_FULL
  ? ['textNode', 'thinkfast']
  : ['textNode', 'fullRender', 'thinkfast'];
const labels: Record<Variant, string> = {
  textNode: '(a) one text node (floor)',
  fullRender: '(b) full re-render per batch',
  thinkfast: '(c) Thinkfast incremental',
};
const tokens = 20_000;
const charsPerToken = 4;
const batchChars = 16 * charsPerToken;
const runs = Number(process.env.BENCH_RUNS ?? 3);
const fenceLines = 5_000;
const paragraphWords = 2_000;

/** A fenced code block of `lines` lines, never closed: the block is still streaming. */
function openFence(lines: number): string {
  const body = Array.from(
    { length: lines },
    (_, i) => `  const value${i} = compute(input[${i}], { step: ${i % 7} }); // line ${i}\n`,
  );
  return '```ts\n' + body.join('');
}

/** One paragraph of `words` words with some inline markup, never ended by a blank line. */
function openParagraph(words: number): string {
  const pick = ['the', 'parser', '**reads**', 'each', '`token`', 'and', '_keeps_', 'state;'];
  return Array.from({ length: words }, (_, i) => pick[i % pick.length] + (i % 12 === 11 ? '\n' : ' ')).join(
    '',
  );
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

interface Stats {
  quarters: { p50: number; p95: number }[];
  total: number;
}

function stats(times: number[]): Stats {
  const q = Math.ceil(times.length / 4);
  const quarters = [0, 1, 2, 3].map((i) => {
    const sorted = times.slice(i * q, (i + 1) * q).sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
  });
  return { quarters, total: times.reduce((a, b) => a + b, 0) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function medianStats(all: Stats[]): Stats {
  return {
    quarters: [0, 1, 2, 3].map((i) => ({
      p50: median(all.map((s) => s.quarters[i].p50)),
      p95: median(all.map((s) => s.quarters[i].p95)),
    })),
    total: median(all.map((s) => s.total)),
  };
}

type Stream = (variant: Variant, text: string) => Promise<number[]>;
type Goal = [string, boolean, string];
const header = ['variant'.padEnd(30), 'Q1 p50/p95', 'Q2 p50/p95', 'Q3 p50/p95', 'Q4 p50/p95', 'total ms'];

function printRow(label: string, s: Stats): void {
  const cells = s.quarters.map((q) => `${q.p50.toFixed(2)}/${q.p95.toFixed(2)}`.padStart(13));
  console.log([label.padEnd(30), ...cells, s.total.toFixed(0).padStart(13)].join(' '));
}

/** The 20,000-token answer, three ways. */
async function answerCase(stream: Stream): Promise<Goal[]> {
  const text = benchDocument(tokens * charsPerToken);
  const fences = (text.match(/^```ts$/gm) ?? []).length;
  const results: Record<Variant, Stats[]> = { textNode: [], fullRender: [], thinkfast: [] };
  for (let r = 0; r < runs; r++) {
    // Rotate the order each run so warm-up and thermal effects do not favour one variant.
    const order = variants.map((_, i) => variants[(i + r) % variants.length]);
    for (const variant of order) {
      const times = await stream(variant, text);
      results[variant].push(stats(times));
      process.stderr.write(`run ${r + 1}/${runs} ${variant}: ${stats(times).total.toFixed(0)} ms\n`);
    }
  }
  const summary = Object.fromEntries(variants.map((v) => [v, medianStats(results[v])])) as Record<
    Variant,
    Stats
  >;
  const batches = Math.ceil(text.length / batchChars);
  console.log(
    `\nRender benchmark: ${tokens} tokens (${text.length} chars, ${fences} code blocks), ${batches} batches of ${batchChars} chars, median of ${runs} runs`,
  );
  console.log('Main-thread ms per batch (incl. forced layout), p50 / p95 per quarter of the message:\n');
  console.log(header.map((h, i) => (i === 0 ? h : h.padStart(13))).join(' '));
  for (const v of variants) printRow(labels[v], summary[v]);
  const ours = summary.thinkfast;
  const goals: Goal[] = [
    [
      'p95 per batch ≤ 4 ms in every quarter',
      ours.quarters.every((q) => q.p95 <= 4),
      `max p95 ${Math.max(...ours.quarters.map((q) => q.p95)).toFixed(2)} ms`,
    ],
    [
      'total within 2x of the floor',
      ours.total <= 2 * summary.textNode.total,
      `${(ours.total / summary.textNode.total).toFixed(2)}x`,
    ],
    [
      'flat: Q4 p50 ≤ 1.5x Q1 p50',
      ours.quarters[3].p50 <= 1.5 * ours.quarters[0].p50,
      `${(ours.quarters[3].p50 / ours.quarters[0].p50).toFixed(2)}x`,
    ],
  ];
  const full = summary.fullRender as Stats | undefined;
  if (full)
    goals.splice(2, 0, [
      '≥ 10x less total than full re-render',
      full.total >= 10 * ours.total,
      `${(full.total / ours.total).toFixed(1)}x less`,
    ]);
  return goals;
}

/** Long open blocks, each streamed through (c) and never closed: the per-batch cost must stay flat. */
const openBlocks: Record<string, { describe: string; text: () => string }> = {
  fence: { describe: `Open code fence: ${fenceLines} lines`, text: () => openFence(fenceLines) },
  listFence: {
    describe: `Open code fence in a list item: ${fenceLines} lines`,
    text: () => '- step\n\n' + openFence(fenceLines).replace(/^/gm, '  '),
  },
  paragraph: {
    describe: `Open paragraph: ${paragraphWords} words`,
    text: () => openParagraph(paragraphWords),
  },
};

async function openBlockCase(stream: Stream, name: string): Promise<Goal[]> {
  const { describe, text: make } = openBlocks[name];
  const text = make();
  const results: Stats[] = [];
  for (let r = 0; r < runs; r++) {
    results.push(stats(await stream('thinkfast', text)));
    process.stderr.write(`run ${r + 1}/${runs} ${name}: ${results[r].total.toFixed(0)} ms\n`);
  }
  const summary = medianStats(results);
  console.log(
    `\n${describe} (${text.length} chars) streaming unclosed, ${Math.ceil(text.length / batchChars)} batches of ${batchChars} chars, median of ${runs} runs\n`,
  );
  console.log(header.map((h, i) => (i === 0 ? h : h.padStart(13))).join(' '));
  printRow(labels.thinkfast, summary);
  const [q1, q4] = [summary.quarters[0], summary.quarters[3]];
  // performance.now() counts in 0.1 ms steps here: a quarter at 0 is under one step.
  const ratio = (a: number, b: number) => a / Math.max(b, 0.1);
  console.log(
    `Q4/Q1: p50 ${q4.p50.toFixed(2)}/${q1.p50.toFixed(2)} = ${ratio(q4.p50, q1.p50).toFixed(2)}x, ` +
      `p95 ${q4.p95.toFixed(2)}/${q1.p95.toFixed(2)} = ${ratio(q4.p95, q1.p95).toFixed(2)}x`,
  );
  const p95 = ratio(q4.p95, q1.p95);
  return [[`${name} flat: Q4 p95 ≤ 1.5x Q1 p95`, p95 <= 1.5, `${p95.toFixed(2)}x`]];
}

async function main(): Promise<void> {
  // BENCH_CASES=fence runs only the open-fence case (it takes seconds; the answer case minutes);
  // the open blocks are fence, listFence and paragraph.
  const cases = (process.env.BENCH_CASES ?? 'answer,fence,listFence,paragraph').split(',');
  const server = await startServer();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 420, height: 800 } });
    await page.goto(`${server.origin}/page/benchPage.html`);
    const stream: Stream = (variant, text) =>
      page.evaluate(
        ({ variant, text, batchChars }) =>
          (
            globalThis as unknown as {
              __bench: { run(v: string, t: string, b: number): Promise<number[]> };
            }
          ).__bench.run(variant, text, batchChars),
        { variant, text, batchChars },
      );
    const goals: Goal[] = [];
    if (cases.includes('answer')) goals.push(...(await answerCase(stream)));
    for (const name of Object.keys(openBlocks))
      if (cases.includes(name)) goals.push(...(await openBlockCase(stream, name)));
    console.log('\nGoals for (c):');
    for (const [goal, met, detail] of goals)
      console.log(`  ${met ? 'MET   ' : 'MISSED'} ${goal} (${detail})`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
