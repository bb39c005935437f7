import * as vscode from 'vscode';
import type { Speed, StreamResult, TextBlock } from '../../anthropic/types';

/** What one Refactor Selection run ended with (the command's return value, used by tests). */
export type RefactorOutcome =
  | {
      readonly outcome: 'proposed';
      readonly proposal: string;
      readonly speed: Speed;
      readonly fellBack: boolean;
      readonly tokensPerSecond?: number;
      readonly costUsd?: number;
      readonly notices: readonly string[];
    }
  | { readonly outcome: 'identical'; readonly notices: readonly string[] }
  | { readonly outcome: 'cancelled' }
  | { readonly outcome: 'unavailable'; readonly message: string }
  | { readonly outcome: 'failed'; readonly message: string }
  | { readonly outcome: 'invalid'; readonly message: string; readonly answer: string };

/**
 * Options a caller may pass to the command instead of answering its prompts (tests, other
 * commands). The editor context menu passes the file's URI instead, which is ignored.
 */
export interface RefactorOptions {
  readonly instruction?: string;
  readonly cancel?: AbortSignal;
}

export function options(arg: unknown): RefactorOptions {
  if (typeof arg !== 'object' || arg === null || arg instanceof vscode.Uri) return {};
  const o = arg as Record<string, unknown>;
  return {
    ...(typeof o.instruction === 'string' && o.instruction.trim() !== ''
      ? { instruction: o.instruction }
      : {}),
    ...(o.cancel instanceof AbortSignal ? { cancel: o.cancel } : {}),
  };
}

export function answerText(result: StreamResult): string {
  return result.message.content
    .filter((b): b is TextBlock => b.type === 'text')
    .map((b) => b.text)
    .join('');
}
