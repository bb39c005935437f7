// What a refactor of this selection will roughly cost and take at each speed, for the instruction
// picker's title, and which speed the `thinkfast.refactor.speed` setting picks. Prices come from
// the pricing module (the catalogue, with the user's overrides); token counts are estimates at
// about four characters per token. No vscode import.

import type { ModelCapabilities } from '../../anthropic/models';
import { computeCost } from '../../anthropic/pricing';
import type { Effort, Speed, Usage } from '../../anthropic/types';
import { formatUsd } from '../../shared/money';

export const REFACTOR_SPEEDS = ['fast', 'standard', 'chat'] as const;
export type RefactorSpeedSetting = (typeof REFACTOR_SPEEDS)[number];

/** Output tokens/s assumed until one refactor at that speed has been measured. */
export const assumedStandardRate = 60;
/** Fast mode serves up to 2.5× the output rate at the same time to first token. */
export const fastRateFactor = 2.5;
const firstTokenSeconds = 1;
const charsPerToken = 4;
/** Thinking before the code, as a share of the code's own tokens, by effort. */
const thinkingShare: Record<Effort, number> = { low: 0.25, medium: 0.5, high: 1, xhigh: 1.5, max: 2 };

/** The speed a refactor runs at, and a notice when the setting asked for more than the model has. */
export function chooseSpeed(
  setting: RefactorSpeedSetting,
  chatFast: boolean,
  caps: Pick<ModelCapabilities, 'fastMode' | 'displayName'>,
): { readonly speed: Speed; readonly notice?: string } {
  const wanted = setting === 'chat' ? chatFast : setting === 'fast';
  if (!wanted) return { speed: 'standard' };
  if (caps.fastMode) return { speed: 'fast' };
  return {
    speed: 'standard',
    notice: `${caps.displayName} has no fast mode: refactoring at standard speed.`,
  };
}

export interface EstimateInput {
  /** Characters sent: system prompt plus the user prompt (selection, context, instruction). */
  readonly promptChars: number;
  readonly selectionChars: number;
  readonly effort: Effort | undefined;
  /** Measured output tokens/s per speed, from earlier refactors. */
  readonly measured?: Partial<Record<Speed, number>>;
}

export interface SpeedEstimate {
  readonly speed: Speed;
  readonly usage: Usage;
  /** undefined when a price is unknown. */
  readonly usd: number | undefined;
  readonly seconds: number;
}

/** The usage a refactor of this size is expected to bill (no cache: its prefix is new). */
export function estimatedUsage(input: EstimateInput, speed: Speed): Usage {
  const code = Math.ceil(input.selectionChars / charsPerToken) + 10;
  const thinking = Math.ceil(code * thinkingShare[input.effort ?? 'medium']);
  return {
    input_tokens: Math.ceil(input.promptChars / charsPerToken),
    output_tokens: code + thinking,
    speed,
  };
}

/** Estimates at standard speed and, where the model serves it, fast. */
export function estimateRefactor(input: EstimateInput, caps: ModelCapabilities): SpeedEstimate[] {
  const speeds: Speed[] = caps.fastMode ? ['fast', 'standard'] : ['standard'];
  const standardRate = input.measured?.standard ?? assumedStandardRate;
  return speeds.map((speed) => {
    const usage = estimatedUsage(input, speed);
    const cost = computeCost(usage, caps, speed);
    const rate = speed === 'fast' ? (input.measured?.fast ?? standardRate * fastRateFactor) : standardRate;
    return {
      speed,
      usage,
      usd: cost === 'unknown' ? undefined : cost.totalUsd,
      seconds: firstTokenSeconds + usage.output_tokens / rate,
    };
  });
}

/** One speed's figures as the picker shows them: `fast ≈ $0.042, ~3 s`. */
export function describeEstimate(e: SpeedEstimate): string {
  const usd = e.usd === undefined ? 'price unknown' : `≈ ${formatUsd(e.usd)}`;
  return `${e.speed} ${usd}, ~${Math.max(1, Math.round(e.seconds))} s`;
}

/** The picker's title: every speed's estimate, the one that will run first and marked. */
export function estimateTitle(estimates: readonly SpeedEstimate[], chosen: Speed): string {
  const ordered = [...estimates].sort((a, b) => (a.speed === chosen ? -1 : b.speed === chosen ? 1 : 0));
  const parts = ordered.map((e) => (e.speed === chosen ? `▸ ${describeEstimate(e)}` : describeEstimate(e)));
  return `Thinkfast: Refactor Selection — ${parts.join(' · ')}`;
}
