// The project's activation timer, the two spans VS Code itself reports as an extension's
// activation time ("Show Running Extensions": code loading + the activate call):
//   load      from the first line of dist/extension.js (esbuild.js puts `thinkfastLoadStart` there,
//             before the chunks it requires are evaluated) to the end of extension.ts's evaluation
//   activate  the activate() call
// Between the two the host waits for the extension's context (storage, secrets) on its own; that
// wait is reported beside the figure but is not the extension's cost.

import { performance } from 'node:perf_hooks';

/** Set by the bundle's first line; absent where the code runs unbundled (out/, unit tests). */
declare const thinkfastLoadStart: number | undefined;

const loadStartedAt = typeof thinkfastLoadStart === 'number' ? thinkfastLoadStart : performance.now();
let loadedAt: number | undefined;

/** What one activation cost, in ms (one decimal). */
export interface ActivationTimes {
  /** load + activate: the extension's own activation time. */
  readonly ms: number;
  readonly loadMs: number;
  readonly activateMs: number;
  /** The host's wait between loading the code and calling activate() (not counted in `ms`). */
  readonly hostWaitMs: number;
}

/** Called once the entry module has been evaluated (the end of the load span). */
export function markLoaded(): void {
  loadedAt ??= performance.now();
}

/** Starts the activate span; the returned function ends it and gives the figures. */
export function startActivate(): () => ActivationTimes {
  const started = performance.now();
  const loaded = loadedAt ?? started;
  const round = (ms: number): number => Math.round(ms * 10) / 10;
  return () => {
    const loadMs = round(loaded - loadStartedAt);
    const activateMs = round(performance.now() - started);
    return { ms: round(loadMs + activateMs), loadMs, activateMs, hostWaitMs: round(started - loaded) };
  };
}
