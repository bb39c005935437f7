import * as vscode from 'vscode';
import { EFFORTS, type Effort, type Speed, type StreamResult, type TextBlock } from '../../anthropic/types';
import type { SpeedEstimate } from './costEstimate';
import type { ProposalSnapshot } from './proposalControls';

/** What one Refactor Selection run ended with (the command's return value, used by tests). */
export type RefactorOutcome =
  | {
      readonly outcome: 'proposed';
      /** The whole replacement for the range, were every hunk kept. */
      readonly proposal: string;
      readonly hunks: number;
      readonly speed: Speed;
      readonly effort: Effort | undefined;
      readonly fellBack: boolean;
      readonly tokensPerSecond?: number;
      readonly costUsd?: number;
      readonly estimates: readonly SpeedEstimate[];
      readonly notices: readonly string[];
    }
  | { readonly outcome: 'identical'; readonly notices: readonly string[] }
  | { readonly outcome: 'cancelled' }
  | { readonly outcome: 'conflicted'; readonly message: string }
  | { readonly outcome: 'unavailable'; readonly message: string }
  | { readonly outcome: 'failed'; readonly message: string }
  | { readonly outcome: 'refused'; readonly message: string; readonly answer: string }
  | { readonly outcome: 'invalid'; readonly message: string; readonly answer: string };

/**
 * Options a caller may pass to the command instead of answering its prompts (tests, other
 * commands). The editor context menu passes the file's URI instead, which is ignored.
 */
export interface RefactorOptions {
  readonly instruction?: string;
  readonly cancel?: AbortSignal;
  /** Overrides `thinkfast.refactor.effort` (Try again with more effort). */
  readonly effort?: Effort;
  /** Called with the proposal's state after every change (tests watch the stream with it). */
  readonly observe?: (snapshot: ProposalSnapshot) => void;
}

export function options(arg: unknown): RefactorOptions {
  if (typeof arg !== 'object' || arg === null || arg instanceof vscode.Uri) return {};
  const o = arg as Record<string, unknown>;
  return {
    ...(typeof o.instruction === 'string' && o.instruction.trim() !== ''
      ? { instruction: o.instruction }
      : {}),
    ...(o.cancel instanceof AbortSignal ? { cancel: o.cancel } : {}),
    ...(EFFORTS.includes(o.effort as Effort) ? { effort: o.effort as Effort } : {}),
    ...(typeof o.observe === 'function' ? { observe: o.observe as RefactorOptions['observe'] & object } : {}),
  };
}

export function answerText(result: StreamResult): string {
  return result.message.content
    .filter((b): b is TextBlock => b.type === 'text')
    .map((b) => b.text)
    .join('');
}
