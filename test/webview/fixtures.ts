// Host messages as the real host sends them, for the webview tests.
import type {
  ComposerConfigView,
  BlockDelta,
  FooterView,
  HostMessage,
  TurnView,
} from '../../src/shared/protocol';

export function config(change: Partial<ComposerConfigView> = {}): HostMessage {
  return {
    type: 'config',
    config: {
      model: 'claude-opus-4-6',
      modelLabel: 'Claude Opus 4.6',
      effort: 'high',
      speed: 'standard',
      fastSupported: true,
      thinkingDisplay: 'collapsed',
      simulator: false,
      hasApiKey: true,
      ...change,
    },
  };
}

export function turn(id: string, prompt = 'Explain closures', change: Partial<TurnView> = {}): TurnView {
  return { id, prompt, chips: [], blocks: [], outcome: 'streaming', ...change };
}

/** The next delta sequence number per turn, as the host counts them (from 1 after turnStart). */
const seqs = new Map<string, number>();

export function turnStart(id: string, prompt?: string): HostMessage {
  seqs.set(id, 0);
  return { type: 'turnStart', turn: turn(id, prompt) };
}

export function delta(turnId: string, ...ops: BlockDelta[]): HostMessage {
  const seq = (seqs.get(turnId) ?? 0) + 1;
  seqs.set(turnId, seq);
  return { type: 'delta', turnId, seq, ops };
}

export const start = (index: number, kind: 'thinking' | 'text' | 'redacted'): BlockDelta => ({
  op: 'start',
  index,
  kind,
});
export const append = (index: number, text: string): BlockDelta => ({ op: 'append', index, text });
export const stop = (index: number, durationMs?: number, omitted?: boolean): BlockDelta => ({
  op: 'stop',
  index,
  durationMs,
  omitted,
});

/** Splits `text` into append ops of `size` characters for one block, one delta message each. */
export function chunked(turnId: string, index: number, text: string, size: number): HostMessage[] {
  const out: HostMessage[] = [];
  for (let at = 0; at < text.length; at += size)
    out.push(delta(turnId, append(index, text.slice(at, at + size))));
  return out;
}

export function footer(change: Partial<FooterView> = {}): FooterView {
  return {
    model: 'claude-opus-4-6',
    effort: 'high',
    speed: 'standard',
    fellBack: false,
    ttftMs: 412,
    outputTokensPerSecond: 87.4,
    totalMs: 5200,
    inputTokens: 1204,
    outputTokens: 530,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    costUsd: 0.0193,
    costBreakdown: ['input 1,204 tok × $5/MTok = $0.0060', 'output 530 tok × $25/MTok = $0.0133'],
    stopReason: 'end_turn',
    requestId: 'req_011',
    simulator: false,
    ...change,
  };
}

export function turnEnd(
  turnId: string,
  change: Partial<Extract<HostMessage, { type: 'turnEnd' }>> = {},
): HostMessage {
  return { type: 'turnEnd', turnId, outcome: 'complete', footer: footer(), ...change };
}

/** Where a test's selectors point inside the panel. */
export const sel = {
  turn: (id: string) => `article.turn[data-turn-id="${id}"]`,
  answer: (id: string) => `article.turn[data-turn-id="${id}"] .answer`,
  thinking: (id: string) => `article.turn[data-turn-id="${id}"] .thinking`,
  input: 'textarea.prompt-input',
  send: 'button.send-button',
  messages: 'main.messages',
};
