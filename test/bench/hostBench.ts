// Host-side cost of streaming: `npm run bench:host`. Not a test: it prints figures.
//
// Part 1, streaming. The simulator runs in a child process (its CPU is not ours) at 10,000 tokens/s.
// Two variants alternate, each reading the same kind of answer at the same pace:
//   floor    undici request, the body's bytes counted and dropped (the least a host can do)
//   shipped  AnthropicClient.stream → SSE decoder → reducer → DeltaBatcher → a postMessage
//            stand-in that serialises each message as the webview channel does (JSON.stringify)
// For each we take process CPU (user + system) per 1,000 output tokens and bytes allocated on the
// JS heap per 1,000 tokens (heap growth plus what every GC freed, from v8's GCProfiler); medians over
// the rounds and the shipped/floor ratio. BENCH_SECONDS (default 15) sets the length of one run,
// BENCH_ROUNDS (default 3) the pairs. The per-token cost is a steady-state figure, so a 15 s run at
// the same rate measures the same thing as 60 s while holding a shared 2-core machine 8x less;
// BENCH_SECONDS=60 gives the exact run.
//
// Part 2, activation (BENCH_ACTIVATION=N, default 0, since each start boots a code-server): runs the
// extension-host suite's activation test N times and reports the medians of the project's own
// figures (activationClock.ts: loading the code + the activate() call, each, and the host's wait
// between them, which is not counted); plus the bytes evaluated at activation and their load time
// beside the same sources in one bundle (bundleLoad.ts).

import { spawn, type ChildProcess } from 'node:child_process';
import { statSync } from 'node:fs';
import { GCProfiler, getHeapStatistics } from 'node:v8';
import { request } from 'undici';
import { AnthropicClient } from '../../src/anthropic/client';
import { resolveModel } from '../../src/anthropic/models';
import { buildRequest } from '../../src/anthropic/requestBuilder';
import type { BuiltRequest } from '../../src/anthropic/types';
import { DeltaBatcher } from '../../src/extension/chat/deltaBatcher';
import { bundleLoadComparison } from './bundleLoad';

const RATE = 10_000;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const STARTS = Number(process.env.BENCH_ACTIVATION ?? 0);
const TOKENS = RATE * SECONDS;
// A model writes at most 128K tokens per response, so a run is a few back-to-back answers.
const REQUESTS = Math.ceil(TOKENS / 100_000);
const MODEL = 'claude-opus-4-6';

interface Run {
  cpuMsPer1k: number;
  allocKbPer1k: number;
  tokens: number;
  bytes: number;
  wallS: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function startSimulatorProcess(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['out/test/simulator/cli.js', '--rate', String(RATE), '--first-token-ms', '0', '--ping-ms', '5000'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
  });
  return { url, child };
}

/** A long answer (with its adaptive thinking summary first, as a real turn streams). */
function benchRequest(tokens: number): BuiltRequest {
  return buildRequest({ model: MODEL, maxTokens: tokens + 10_000 }, resolveModel(MODEL), [
    { role: 'user', content: `A long answer, please. [sim:long tokens=${tokens}]` },
  ]);
}

/** Runs `body` and measures CPU and heap allocation around it. */
async function measure(body: () => Promise<{ tokens: number; bytes: number }>): Promise<Run> {
  const profiler = new GCProfiler();
  const heapBefore = getHeapStatistics().used_heap_size;
  profiler.start();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const { tokens, bytes } = await body();
  const cpu = process.cpuUsage(cpu0);
  const wallS = (performance.now() - t0) / 1000;
  const stats = profiler.stop()?.statistics ?? [];
  const freed = stats.reduce(
    (sum, s) => sum + s.beforeGC.heapStatistics.usedHeapSize - s.afterGC.heapStatistics.usedHeapSize,
    0,
  );
  const allocated = getHeapStatistics().used_heap_size - heapBefore + freed;
  return {
    cpuMsPer1k: (cpu.user + cpu.system) / 1000 / (tokens / 1000),
    allocKbPer1k: allocated / 1024 / (tokens / 1000),
    tokens,
    bytes,
    wallS,
  };
}

/** The floor reads the same stream; its token count is the one the shipped run reports for it. */
const lastShippedTokens = new Map<BuiltRequest, number>();
const outputTokensOf = (built: BuiltRequest): number => lastShippedTokens.get(built) ?? TOKENS / REQUESTS;

function floor(url: string, built: BuiltRequest, requests = REQUESTS): Promise<Run> {
  return measure(async () => {
    let bytes = 0;
    for (let i = 0; i < requests; i++) bytes += await floorOnce(url, built);
    return { tokens: outputTokensOf(built) * requests, bytes };
  });
}

async function floorOnce(url: string, built: BuiltRequest): Promise<number> {
  const res = await request(`${url}/v1/messages`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-api-key': 'sk-bench',
      'anthropic-version': '2023-06-01',
      accept: 'text/event-stream',
    },
    body: JSON.stringify(built.body),
  });
  let bytes = 0;
  for await (const chunk of res.body) bytes += (chunk as Buffer).length;
  return bytes;
}

function shipped(client: AnthropicClient, built: BuiltRequest, requests = REQUESTS): Promise<Run> {
  return measure(async () => {
    let bytes = 0;
    let tokens = 0;
    for (let i = 0; i < requests; i++) {
      const once = await shippedOnce(client, built);
      bytes += once.bytes;
      tokens += once.tokens;
    }
    return { tokens, bytes };
  });
}

async function shippedOnce(
  client: AnthropicClient,
  built: BuiltRequest,
): Promise<{ tokens: number; bytes: number }> {
  let bytes = 0;
  let seqs = 0;
  const batcher = new DeltaBatcher({
    // The postMessage stand-in: the webview channel serialises every message.
    post: (seq, ops) => {
      seqs = seq;
      bytes += JSON.stringify({ type: 'delta', turnId: 't1', seq, ops }).length;
    },
  });
  const result = await client.stream(built, {
    fastPolicy: 'wait',
    onDelta: (delta, message) => batcher.push(delta, message),
  });
  batcher.flush();
  batcher.dispose();
  if (result.outcome !== 'complete') throw new Error(`stream ${result.outcome}: ${result.error?.message}`);
  if (seqs === 0) throw new Error('nothing was posted');
  lastShippedTokens.set(built, result.metrics.usage.output_tokens);
  return { tokens: result.metrics.usage.output_tokens, bytes };
}

async function streaming(): Promise<void> {
  const { url, child } = await startSimulatorProcess();
  const client = new AnthropicClient({
    baseUrl: url,
    auth: { apiKey: 'sk-bench' },
    userAgent: 'thinkfast-bench',
    timeouts: { connectMs: 10_000, headersMs: 60_000, idleMs: 60_000 },
  });
  const built = benchRequest(TOKENS / REQUESTS);
  try {
    // One short pair first, so neither variant pays for JIT warm-up or the first connection.
    const warm = benchRequest(Math.min(TOKENS, 10_000));
    await shipped(client, warm, 1);
    await floor(url, warm, 1);
    console.log(
      `streaming: ${TOKENS.toLocaleString('en-US')} tokens at ${RATE}/s, ${ROUNDS} alternating pairs`,
    );
    const floors: Run[] = [];
    const ships: Run[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      floors.push(await floor(url, built));
      ships.push(await shipped(client, built));
      const f = floors[r];
      const s = ships[r];
      console.log(
        `  round ${r + 1}: floor ${f.cpuMsPer1k.toFixed(2)} ms CPU/1k tok, ${f.allocKbPer1k.toFixed(0)} KB/1k (${f.wallS.toFixed(1)} s);` +
          ` shipped ${s.cpuMsPer1k.toFixed(2)} ms CPU/1k tok, ${s.allocKbPer1k.toFixed(0)} KB/1k (${s.wallS.toFixed(1)} s, ${s.tokens} tok)`,
      );
    }
    const fc = median(floors.map((x) => x.cpuMsPer1k));
    const sc = median(ships.map((x) => x.cpuMsPer1k));
    const fa = median(floors.map((x) => x.allocKbPer1k));
    const sa = median(ships.map((x) => x.allocKbPer1k));
    console.log(
      `  median CPU per 1,000 tokens: floor ${fc.toFixed(2)} ms, shipped ${sc.toFixed(2)} ms → ${(sc / fc).toFixed(2)}x the floor (goal ≤ 2x)`,
    );
    console.log(
      `  median JS heap allocated per 1,000 tokens: floor ${fa.toFixed(0)} KB, shipped ${sa.toFixed(0)} KB → ${(sa / fa).toFixed(2)}x`,
    );
    console.log(
      `  host CPU share at ${RATE} tokens/s: ${((sc * RATE) / 1000 / 10).toFixed(1)} % of one core (floor ${((fc * RATE) / 1000 / 10).toFixed(1)} %)`,
    );
  } finally {
    await client.close();
    child.kill('SIGTERM');
  }
}

interface ActivationRun {
  ms: number;
  loadMs: number;
  activateMs: number;
  hostWaitMs: number;
}

function activationRun(): Promise<ActivationRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['out/test/host/runExtensionTests.js'], {
      env: { ...process.env, THINKFAST_TEST_GREP: '^activation activates once' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', () => {
      const m =
        /\[activation\] ([\d.]+) ms = load ([\d.]+) ms \+ activate ([\d.]+) ms \(the host waited ([\d.]+) ms/.exec(
          out,
        );
      if (m) resolve({ ms: +m[1], loadMs: +m[2], activateMs: +m[3], hostWaitMs: +m[4] });
      else reject(new Error(`no activation figure in the output:\n${out.slice(-2000)}`));
    });
  });
}

async function activation(): Promise<void> {
  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;
  console.log('activation:');
  const atLoad = await bundleLoadComparison();
  console.log(
    `  evaluated at activation: ${kb(atLoad)}; dist/undici.js ${kb(statSync('dist/undici.js').size)} with the first request`,
  );
  if (STARTS === 0) {
    console.log('  (set BENCH_ACTIVATION=10 for the median of 10 starts in the real host)');
    return;
  }
  const runs: ActivationRun[] = [];
  for (let i = 0; i < STARTS; i++) {
    const r = await activationRun();
    runs.push(r);
    console.log(
      `  start ${i + 1}: ${r.ms} ms (load ${r.loadMs} + activate ${r.activateMs}; host wait ${r.hostWaitMs} ms)`,
    );
  }
  const of = (k: keyof ActivationRun): string => median(runs.map((r) => r[k])).toFixed(1);
  const sorted = runs.map((r) => r.ms).sort((a, b) => a - b);
  console.log(
    `  median of ${STARTS} starts: ${of('ms')} ms (range ${sorted[0]}–${sorted[sorted.length - 1]} ms; goal ≤ 20 ms): load ${of('loadMs')} ms, activate ${of('activateMs')} ms; host wait ${of('hostWaitMs')} ms, not counted`,
  );
}

async function main(): Promise<void> {
  await streaming();
  await activation();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
