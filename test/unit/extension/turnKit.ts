// Shared by the plain-Node suites that run chat turns against the simulator over loopback: the
// settings a turn starts from, one simulator and client per suite, and a new turn appended.

import { AnthropicClient } from '../../../src/anthropic/client';
import type { Conversation, Turn } from '../../../src/extension/chat/conversation';
import type { TurnSettings } from '../../../src/extension/chat/turnRunner';
import type { SimulatorOptions } from '../../simulator/options';
import { startSimulator, type Simulator } from '../../simulator/server';

/** The settings a test turn starts from; each suite overrides what it is about. */
export const turnSettings: TurnSettings = {
  model: 'claude-opus-4-6',
  effort: 'high',
  fastMode: false,
  fastModeOn429: 'fallback',
  maxTokens: 8000,
  thinkingMode: 'adaptive',
  thinkingBudgetTokens: 4000,
  thinkingDisplay: 'summarized',
  systemPrompt: '',
};

/** What a suite's `before` hook fills in. */
export interface TurnBench {
  sim: Simulator;
  client: AnthropicClient;
}

/** A simulator (fast unless `options` says otherwise) and a client on it, for the whole suite. */
export function useTurnBench(options: SimulatorOptions = {}): TurnBench {
  const bench = {} as TurnBench;
  before(async () => {
    bench.sim = await startSimulator({ tokensPerSecond: 20_000, firstTokenDelayMs: 0, ...options });
    bench.client = clientFor(bench.sim);
  });
  after(async () => {
    await bench.client.close();
    await bench.sim.close();
  });
  return bench;
}

/** A client of `sim` with a test key and generous timeouts. */
export function clientFor(sim: Simulator): AnthropicClient {
  return new AnthropicClient({
    baseUrl: sim.url,
    auth: { apiKey: 'sk-test' },
    userAgent: 'thinkfast-test',
    timeouts: { connectMs: 10_000, headersMs: 120_000, idleMs: 90_000 },
  });
}

/** Appends a new, streaming turn asking `prompt` to `c`, numbered after the others. */
export function pushTurn(c: Conversation, prompt: string): Turn {
  const turn: Turn = {
    id: `t${c.turns.length + 1}`,
    prompt,
    attachments: [],
    content: [],
    outcome: 'streaming',
  };
  c.turns.push(turn);
  return turn;
}
