// Latency benchmark (not a test): how much time our client adds before the first token.
//
//   npm run bench:latency   (= node esbuild.js --tests && node out/test/bench/latencyBench.js)
//
// Client-added latency = TTFT seen by the client − the simulator's configured first-token delay.
// Cold: a new client (new pool, new TCP connection) per request. Warmed: a new client, warm(),
// then the request. Kept-alive: the second request on a client. Runs alternate so drift in the
// machine's load hits every mode alike; medians of N runs each.

import { AnthropicClient } from '../../src/anthropic/client';
import { resolveModel } from '../../src/anthropic/models';
import { buildRequest } from '../../src/anthropic/requestBuilder';
import type { BuiltRequest } from '../../src/anthropic/types';
import { startSimulator } from '../simulator/server';

const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const FIRST_TOKEN_DELAY_MS = 50;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
}

function p90(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.9))] ?? NaN;
}

async function ttft(client: AnthropicClient, built: BuiltRequest): Promise<number> {
  const r = await client.stream(built, { fastPolicy: 'wait', onEvent: () => undefined });
  if (r.outcome !== 'complete' || r.metrics.ttftMs === undefined)
    throw new Error(`run failed: ${r.outcome} ${r.error?.message ?? ''}`);
  return r.metrics.ttftMs;
}

async function main(): Promise<void> {
  const sim = await startSimulator({ tokensPerSecond: 5_000, firstTokenDelayMs: FIRST_TOKEN_DELAY_MS });
  const newClient = (): AnthropicClient =>
    new AnthropicClient({
      baseUrl: sim.url,
      auth: { apiKey: 'sk-ant-bench' },
      userAgent: 'thinkfast/0.1.0 (bench)',
      timeouts: { connectMs: 10_000, headersMs: 120_000, idleMs: 90_000 },
    });
  const built = buildRequest(
    { model: 'claude-opus-4-6', maxTokens: 2_000 },
    resolveModel('claude-opus-4-6'),
    [{ role: 'user', content: 'Explain binary search briefly' }],
  );

  const cold: number[] = [];
  const warmed: number[] = [];
  const keptAlive: number[] = [];
  const warmMs: number[] = [];
  // A few unmeasured runs so JIT warm-up does not land on whichever mode runs first.
  for (let i = 0; i < 3; i++) {
    const c = newClient();
    await ttft(c, built);
    await c.close();
  }
  for (let i = 0; i < RUNS; i++) {
    const coldClient = newClient();
    cold.push((await ttft(coldClient, built)) - FIRST_TOKEN_DELAY_MS);
    keptAlive.push((await ttft(coldClient, built)) - FIRST_TOKEN_DELAY_MS);
    await coldClient.close();

    const warmClient = newClient();
    const w = await warmClient.warm();
    if (!w.ok) throw new Error('warm() failed');
    warmMs.push(w.ms);
    warmed.push((await ttft(warmClient, built)) - FIRST_TOKEN_DELAY_MS);
    await warmClient.close();
  }
  await sim.close();

  const row = (name: string, xs: number[]): string =>
    `${name.padEnd(24)} median ${median(xs).toFixed(2).padStart(7)} ms   p90 ${p90(xs).toFixed(2).padStart(7)} ms`;
  console.log(
    `Client-added latency to first token (TTFT − ${FIRST_TOKEN_DELAY_MS} ms simulator delay), ${RUNS} runs each, alternating, loopback`,
  );
  console.log(row('cold (new connection)', cold));
  console.log(row('warmed (warm() first)', warmed));
  console.log(row('kept-alive 2nd request', keptAlive));
  console.log(row('warm() call itself', warmMs));
  const saved = median(cold) - median(warmed);
  console.log(
    `cold / warmed ratio: ${(median(cold) / median(warmed)).toFixed(2)}x; warm() saves ${saved.toFixed(2)} ms per first request on loopback (more with DNS + TLS to a real host)`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
