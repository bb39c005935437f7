// Cost benchmark (not a test): what prompt caching saves on a 20-turn coding conversation.
//
//   npm run bench:cost   (= node esbuild.js --tests && node out/test/bench/costBench.js)
//
// The same scripted conversation (costScript.ts) runs against the simulator with caching off and
// on (top-level `cache_control`), each on a fresh simulator whose cache clock moves 30 s per turn.
// Input cost = input + cache writes + cache reads, priced by the client's own pricing. Then: the
// two caching strategies and the 1h TTL side by side (also with thinking dropped from history at turn 11, the
// signature-recovery path), and what one mid-conversation speed switch costs, predicted by
// estimateSwitchCost and measured. Last line: `cached/uncached input cost: R`.

import { estimateSwitchCost } from '../../src/anthropic/cacheCost';
import type { CacheStrategy } from '../../src/anthropic/cacheControl';
import { AnthropicClient } from '../../src/anthropic/client';
import { resolveModel } from '../../src/anthropic/models';
import { computeCost } from '../../src/anthropic/pricing';
import { buildRequest, stripThinking } from '../../src/anthropic/requestBuilder';
import type { CacheTtl, CostBreakdown, MessageParam, Speed, Usage } from '../../src/anthropic/types';
import { formatUsd } from '../../src/shared/money';
import { startSimulator } from '../simulator/server';
import { SCRIPT, SYSTEM_PROMPT, userText } from './costScript';

const MODEL = 'claude-opus-5-5';
const caps = resolveModel(MODEL);
const SWITCH_AT = 11;

interface Run {
  strategy: CacheStrategy;
  /** From this turn (1-based) on, ask for fast mode. */
  fastFrom?: number;
  /** From this turn on, thinking blocks are dropped from the history sent. */
  dropThinkingFrom?: number;
  ttl?: CacheTtl;
  /** Minutes the user is away before this turn (1-based). */
  pause?: { before: number; minutes: number };
}

interface TurnFigures {
  usage: Usage;
  cost: CostBreakdown;
  inputUsd: number;
}

function inputUsd(cost: CostBreakdown): number {
  return cost.lines.filter((l) => l.kind !== 'output').reduce((s, l) => s + l.usd, 0);
}

function priced(usage: Usage, speed?: Speed): CostBreakdown {
  const cost = computeCost(usage, caps, speed ?? usage.speed ?? 'standard');
  if (cost === 'unknown') throw new Error(`no price for ${MODEL}`);
  return cost;
}

async function converse(run: Run): Promise<TurnFigures[]> {
  let now = Date.UTC(2026, 11, 1, 12);
  const sim = await startSimulator({ tokensPerSecond: 200_000, firstTokenDelayMs: 0, clock: () => now });
  const client = new AnthropicClient({
    baseUrl: sim.url,
    auth: { apiKey: 'bench-key' },
    userAgent: 'thinkfast-bench',
    timeouts: { connectMs: 5_000, headersMs: 30_000, idleMs: 30_000 },
    maxRetries: 0,
  });
  const history: MessageParam[] = [];
  const out: TurnFigures[] = [];
  try {
    for (const [i, turn] of SCRIPT.entries()) {
      history.push({ role: 'user', content: userText(turn) });
      const n = i + 1;
      if (run.pause?.before === n) now += run.pause.minutes * 60_000;
      const sent =
        run.dropThinkingFrom !== undefined && n >= run.dropThinkingFrom ? stripThinking(history) : history;
      const built = buildRequest(
        {
          model: MODEL,
          maxTokens: 16_000,
          cacheStrategy: run.strategy,
          ...(run.ttl ? { cacheTtl: run.ttl } : {}),
          fast: run.fastFrom !== undefined && n >= run.fastFrom,
        },
        caps,
        sent,
        SYSTEM_PROMPT,
      );
      const r = await client.stream(built, { fastPolicy: 'wait', onEvent: () => undefined });
      if (r.outcome !== 'complete') throw new Error(`turn ${n}: ${r.outcome} ${r.error?.message ?? ''}`);
      history.push({ role: 'assistant', content: r.message.content });
      const cost = priced(r.metrics.usage);
      out.push({ usage: r.metrics.usage, cost, inputUsd: inputUsd(cost) });
      now += 30_000;
    }
  } finally {
    await client.close();
    await sim.close();
  }
  return out;
}

const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);
const pad = (s: string | number, n: number): string => String(s).padStart(n);

function hitRate(figures: readonly TurnFigures[]): number {
  const read = sum(figures.map((f) => f.usage.cache_read_input_tokens ?? 0));
  const all = sum(
    figures.map(
      (f) =>
        f.usage.input_tokens +
        (f.usage.cache_read_input_tokens ?? 0) +
        (f.usage.cache_creation_input_tokens ?? 0),
    ),
  );
  return all > 0 ? read / all : 0;
}

function summary(name: string, figures: readonly TurnFigures[]): string {
  const total = sum(figures.map((f) => f.inputUsd));
  return `${name.padEnd(34)} input ${formatUsd(total).padStart(8)}  hit rate ${(hitRate(figures) * 100).toFixed(1)}%`;
}

async function main(): Promise<void> {
  const off = await converse({ strategy: 'off' });
  const on = await converse({ strategy: 'conversation' });

  console.log(`Prompt-cache cost benchmark: ${SCRIPT.length} turns on ${caps.displayName}, 5m TTL`);
  console.log('turn  prompt tok  uncached in   cached in  read tok  write tok  cumulative ratio');
  let offSum = 0;
  let onSum = 0;
  for (const [i, u] of off.entries()) {
    const c = on[i];
    if (!c) break;
    offSum += u.inputUsd;
    onSum += c.inputUsd;
    const prompt = u.usage.input_tokens;
    console.log(
      `${pad(i + 1, 4)}  ${pad(prompt.toLocaleString('en-US'), 10)}  ${pad(formatUsd(u.inputUsd), 11)}  ${pad(formatUsd(c.inputUsd), 10)}  ${pad(c.usage.cache_read_input_tokens ?? 0, 8)}  ${pad(c.usage.cache_creation_input_tokens ?? 0, 9)}  ${pad((onSum / offSum).toFixed(3), 16)}`,
    );
  }
  const saved = sum(on.map((f) => f.cost.cacheSavedUsd));
  console.log(
    `total input: uncached ${formatUsd(offSum)}, cached ${formatUsd(onSum)}; cache saved ${formatUsd(saved)}`,
  );

  console.log(
    '\nStrategies and TTLs (same conversation; a pause; thinking dropped from history at turn 11):',
  );
  const explicit = await converse({ strategy: 'breakpoints' });
  const onDrop = await converse({ strategy: 'conversation', dropThinkingFrom: SWITCH_AT });
  const explicitDrop = await converse({ strategy: 'breakpoints', dropThinkingFrom: SWITCH_AT });
  const hour = await converse({ strategy: 'conversation', ttl: '1h' });
  const pause = { before: SWITCH_AT, minutes: 6 };
  const paused = await converse({ strategy: 'conversation', pause });
  const pausedHour = await converse({ strategy: 'conversation', ttl: '1h', pause });
  console.log(summary('top-level cache_control', on));
  console.log(summary('top-level, 1h TTL', hour));
  console.log(summary('top-level, 6 min pause at turn 11', paused));
  console.log(summary('top-level, 1h TTL, 6 min pause', pausedHour));
  console.log(summary('explicit breakpoints', explicit));
  console.log(summary('top-level, thinking dropped', onDrop));
  console.log(summary('explicit, thinking dropped', explicitDrop));

  const switched = await converse({ strategy: 'conversation', fastFrom: SWITCH_AT });
  const before = on[SWITCH_AT - 2];
  const after = switched[SWITCH_AT - 1];
  const kept = on[SWITCH_AT - 1];
  if (before && after && kept) {
    const predicted = estimateSwitchCost(before.usage, { caps, speed: 'standard' }, { caps, speed: 'fast' });
    const keptAtFast = inputUsd(priced(kept.usage, 'fast'));
    console.log(`\nSpeed switch standard → fast before turn ${SWITCH_AT}:`);
    console.log(
      `  predicted from turn ${SWITCH_AT - 1}'s usage: ${predicted === 'unknown' ? 'price unknown' : `${predicted.text} (${formatUsd(predicted.extraUsd)} more than reading them)`}`,
    );
    console.log(
      `  measured turn ${SWITCH_AT}: wrote ${after.usage.cache_creation_input_tokens ?? 0} tokens, read ${after.usage.cache_read_input_tokens ?? 0}; input ${formatUsd(after.inputUsd)} vs ${formatUsd(keptAtFast)} at fast prices with the cache kept (lost cache costs ${formatUsd(after.inputUsd - keptAtFast)})`,
    );
  }
  console.log(`cached/uncached input cost: ${(onSum / offSum).toFixed(3)}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
