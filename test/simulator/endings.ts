// How an answer ends when the prompt asks for something other than a natural end:
// `[sim:refusal category=cyber text=N]` stops with `stop_reason: "refusal"` and `stop_details`
// after N text tokens (0, the default: before any output, thinking included), and
// `[sim:context-exceeded text=N]` stops with `model_context_window_exceeded` after N text tokens,
// and `[sim:pause-turn text=N]` with `pause_turn` (the API paused a long turn) after N text tokens.

import type { Directive } from './directives';

export type RefusalCategory = 'cyber' | 'bio' | 'frontier_llm' | 'reasoning_extraction' | 'general_harms';

export interface RefusalStopDetails {
  type: 'refusal';
  category: RefusalCategory | null;
  explanation: string | null;
}

export interface Ending {
  /** Text tokens to write at most (Infinity: the whole answer). 0 also skips thinking. */
  textTokens: number;
  stopReason?: 'refusal' | 'model_context_window_exceeded' | 'pause_turn';
  stopDetails: RefusalStopDetails | null;
}

const CATEGORIES: readonly string[] = [
  'cyber',
  'bio',
  'frontier_llm',
  'reasoning_extraction',
  'general_harms',
];

const EXPLANATIONS: Record<RefusalCategory, string> = {
  cyber: 'This request was declined because it could enable cyber harm.',
  bio: 'This request was declined because it could enable biological harm.',
  frontier_llm: 'This request was declined because it could assist the development of competing AI models.',
  reasoning_extraction: 'This request asked the model to reproduce its internal reasoning.',
  general_harms: 'This request was declined because it could be related to a harmful area.',
};

/** A directive's `text=N`, or the fallback when absent or not a whole number. */
function textParam(d: Directive, fallback: number): number {
  const n = Number(d.params.text);
  return d.params.text !== undefined && Number.isInteger(n) && n >= 0 ? n : fallback;
}

export function endingOf(directives: readonly Directive[]): Ending {
  const refusal = directives.find((d) => d.name === 'refusal');
  if (refusal) {
    const raw = refusal.params.category ?? 'cyber';
    const category = CATEGORIES.includes(raw) ? (raw as RefusalCategory) : null;
    return {
      textTokens: textParam(refusal, 0),
      stopReason: 'refusal',
      stopDetails: { type: 'refusal', category, explanation: category ? EXPLANATIONS[category] : null },
    };
  }
  const exceeded = directives.find((d) => d.name === 'context-exceeded');
  if (exceeded) {
    return {
      textTokens: textParam(exceeded, 40),
      stopReason: 'model_context_window_exceeded',
      stopDetails: null,
    };
  }
  const paused = directives.find((d) => d.name === 'pause-turn');
  if (paused) return { textTokens: textParam(paused, 20), stopReason: 'pause_turn', stopDetails: null };
  return { textTokens: Infinity, stopDetails: null };
}
