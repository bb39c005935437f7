import * as vscode from 'vscode';
import type { MessageStreamer } from '../../anthropic/client';
import type { ModelCapabilities } from '../../anthropic/models';
import type { BuiltRequest, StreamResult } from '../../anthropic/types';
import { producedOutput } from '../../anthropic/streamResult';
import type { StreamActivity } from '../status/streamActivity';

export interface RefactorStreamOptions {
  readonly title: string;
  readonly fastPolicy: 'wait' | 'fallback';
  /** Prices for the cost figure (the catalog's, with the user's overrides). */
  readonly caps: ModelCapabilities;
  /** Aborts like the notification's Cancel button (used by tests and by a second run). */
  readonly cancel?: AbortSignal;
  /** Rate limits and the live rate go to the status bar; the notification shows the same rate. */
  readonly activity: StreamActivity;
  /** Something the user should know now (a fast-mode fallback). */
  onNotice(text: string): void;
  /** Each piece of answer text as it arrives (the inline proposal reads the code from it). */
  onText?(text: string): void;
}

/** The progress message is redrawn at most this often. */
const reportEveryMs = 250;

/**
 * Streams the refactor request under a cancellable progress notification that shows what the
 * model is doing and the live tokens/s. Cancel aborts the request. Never rejects for API errors.
 */
export function streamRefactor(
  client: MessageStreamer,
  built: BuiltRequest,
  o: RefactorStreamOptions,
): Promise<StreamResult> {
  return Promise.resolve(
    vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: o.title, cancellable: true },
      async (progress, token) => {
        const abort = new AbortController();
        const stop = (): void => abort.abort();
        const cancelled = token.onCancellationRequested(stop);
        if (o.cancel?.aborted) abort.abort();
        o.cancel?.addEventListener('abort', stop);
        const meter = o.activity.meter();
        let tps: number | undefined;
        let phase = 'waiting for the first token';
        let lastReport = 0;
        const report = (force = false): void => {
          const now = Date.now();
          if (!force && now - lastReport < reportEveryMs) return;
          lastReport = now;
          progress.report({
            message: tps === undefined ? `${phase}…` : `${phase}… ~${Math.round(tps)} tok/s`,
          });
        };
        report(true);
        try {
          const result = await client.stream(built, {
            signal: abort.signal,
            fastPolicy: o.fastPolicy,
            caps: o.caps,
            onDelta: (delta, message) => {
              if (delta.op !== 'append') return;
              tps = meter(delta);
              const kind = message.content[delta.index]?.type;
              phase = kind === 'thinking' ? 'thinking' : 'writing the code';
              if (kind === 'text') o.onText?.(delta.text);
              report();
            },
            onEvent: (e) => {
              switch (e.type) {
                case 'retryWait':
                  phase = `${e.reason} Retrying in ${Math.ceil(e.delayMs / 1000)} s`;
                  report(true);
                  return;
                case 'fallback':
                  o.onNotice(e.reason);
                  phase = 'fast mode is busy: continuing at standard speed';
                  report(true);
                  return;
                case 'headers':
                  o.activity.reportRateLimits(e.rateLimits);
                  return;
                case 'attempt':
                  return;
              }
            },
          });
          // Its cost counts in the day's total; its prompt is not the chat's cached one.
          if (producedOutput(result)) o.activity.reportResponse(result.metrics, meter.chars(), 'refactor');
          return result;
        } finally {
          cancelled.dispose();
          o.cancel?.removeEventListener('abort', stop);
        }
      },
    ),
  );
}
