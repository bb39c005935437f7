// npm run bench:history — time to show the history list right after activation, with 100, 1,000
// and 5,000 conversations on disk (about 6 KB each): a fresh ConversationStore per run (as after a
// reload) lists them, once through the index file and once by reading every conversation (the old
// way, `useIndex: false`). Medians of BENCH_RUNS runs (default 7) of each, alternating.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ConversationStore } from '../../src/extension/chat/conversationStore';
import { historyConversation } from './historyConversations';

const sizes = [100, 1_000, 5_000];
const runs = Number(process.env.BENCH_RUNS ?? 7);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timeList(dir: string, useIndex: boolean, expected: number): Promise<number> {
  const store = new ConversationStore(dir, undefined, { useIndex });
  const started = performance.now();
  const items = await store.list();
  const ms = performance.now() - started;
  if (items.length !== expected) throw new Error(`listed ${items.length} of ${expected}`);
  await store.flush();
  return ms;
}

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'thinkfast-history-bench-'));
  try {
    console.log(`history list after activation, median of ${runs} runs (ms)`);
    console.log('conversations   with index   without index   ratio');
    for (const n of sizes) {
      const dir = path.join(root, String(n));
      const writer = new ConversationStore(dir);
      for (let i = 0; i < n; i++) await writer.save(historyConversation(i));
      await writer.flush();
      const withIndex: number[] = [];
      const without: number[] = [];
      await timeList(dir, true, n); // warm the page cache for both alike
      for (let r = 0; r < runs; r++) {
        withIndex.push(await timeList(dir, true, n));
        without.push(await timeList(dir, false, n));
      }
      const a = median(withIndex);
      const b = median(without);
      console.log(
        `${String(n).padStart(13)}   ${a.toFixed(1).padStart(10)}   ${b.toFixed(1).padStart(13)}   ${(b / a).toFixed(0).padStart(4)}x`,
      );
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
