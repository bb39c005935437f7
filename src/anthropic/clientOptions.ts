// What a client is built from and what a stream call takes: the options and the small interfaces
// callers (chat turns, refactors, tests) depend on, apart from the client's implementation.

import type { ModelCapabilities } from './models';
import type { DeltaSink } from './reducer';
import type { Sleep } from './retry';
import type { Auth, ProxyOptions, Timeouts } from './transport';
import type { BuiltRequest, ClientEvent, StreamResult } from './types';

export interface AnthropicClientOptions {
  /** e.g. `https://api.anthropic.com` or a gateway URL with a path prefix. */
  baseUrl: string;
  auth: Auth;
  /** Default `2023-06-01`. */
  anthropicVersion?: string;
  /** e.g. `thinkfast/0.1.0 (vscode)`. */
  userAgent: string;
  /** Required: the caller's settings own the defaults. */
  timeouts: Timeouts;
  /** Retries after the first attempt (default 2). */
  maxRetries?: number;
  proxy?: ProxyOptions;
  /** Environment for proxy variables (default process.env); tests pass their own. */
  env?: NodeJS.ProcessEnv;
  /** Receives one line per attempt, retry and failure; already redacted. */
  log?: (line: string) => void;
  /** Injectable for tests: the sleep between retries, a monotonic ms clock, jitter source. */
  sleep?: Sleep;
  clock?: () => number;
  random?: () => number;
}

/** How a fast request handles a 429: wait and retry fast, or fall back to standard at once. */
export type FastPolicy = 'wait' | 'fallback';

export interface StreamOptions {
  signal?: AbortSignal;
  fastPolicy: FastPolicy;
  /** Attempts, retry waits, fallback and headers, as they happen. */
  onEvent?(e: ClientEvent): void;
  /**
   * Each block delta (start / append / stop by content index) with the live message it was
   * applied to; a retried attempt starts again from `start` of index 0.
   */
  onDelta?: DeltaSink;
  /** Capabilities for the cost figure; default: the built-in table for `body.model`. */
  caps?: ModelCapabilities;
  /** Capabilities of another model (the one a server-side fallback served); default: the table. */
  resolveCaps?: (id: string) => ModelCapabilities;
}

/** What `warm()` found. */
export interface WarmResult {
  ok: boolean;
  ms: number;
  status?: number;
}

/** The part of the client that chat turns and refactors use (tests pass their own). */
export interface MessageStreamer {
  stream(built: BuiltRequest, opts: StreamOptions): Promise<StreamResult>;
}
