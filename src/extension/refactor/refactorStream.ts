import * as vscode from 'vscode';
import type { StreamOptions } from '../../anthropic/client';
import type { ModelCapabilities } from '../../anthropic/models';
import type { BuiltRequest, RateLimitInfo, StreamResult } from '../../anthropic/types';
import { LiveRate } from '../liveRate';

/** The part of the client a refactor needs. */
export interface RefactorClient {
  stream(built: BuiltRequest, opts: StreamOptions): Promise<StreamResult>;
}

export interface RefactorStreamOptions {
  readonly title: string;
  readonly fastPolicy: 'wait' | 'fallback';
  /** Prices for the cost figure (the catalog's, with the user's overrides). */
  readonly caps: ModelCapabilities;
  /** Aborts like the notification's Cancel button (used by tests and by a second run). */
  readonly cancel?: AbortSignal;
  onRateLimits(limits: RateLimitInfo): void;
  onProgress(chars: number, elapsedMs: number): void;
  /** Something the user should know now (a fast-mode fallback). */
  onNotice(text: string): void;
}

/** The progress message is redrawn at most this often. */
const reportEveryMs = 250;

/**
 * Streams the refactor request under a cancellable progress notification that shows what the
 * model is doing and the live tokens/s. Cancel aborts the request. Never rejects for API errors.
 */
export function streamRefactor(
  client: RefactorClient,
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
        const rate = new LiveRate();
        const started = Date.now();
        let chars = 0;
        let phase = 'waiting for the first token';
        let lastReport = 0;
        const report = (force = false): void => {
          const now = Date.now();
          if (!force && now - lastReport < reportEveryMs) return;
          lastReport = now;
          const tps = rate.current();
          progress.report({
            message: tps === undefined ? `${phase}…` : `${phase}… ~${Math.round(tps)} tok/s`,
          });
        };
        report(true);
        try {
          return await client.stream(built, {
            signal: abort.signal,
            fastPolicy: o.fastPolicy,
            caps: o.caps,
            onEvent: (e) => {
              switch (e.type) {
                case 'delta':
                  if (e.delta.kind === 'thinking' || e.delta.kind === 'text') {
                    chars += e.delta.text.length;
                    phase = e.delta.kind === 'thinking' ? 'thinking' : 'writing the code';
                    const elapsed = Date.now() - started;
                    rate.update(chars, elapsed);
                    o.onProgress(chars, elapsed);
                    report();
                  }
                  return;
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
                  o.onRateLimits(e.rateLimits);
                  return;
                case 'attempt':
                  return;
              }
            },
          });
        } finally {
          cancelled.dispose();
          o.cancel?.removeEventListener('abort', stop);
        }
      },
    ),
  );
}
