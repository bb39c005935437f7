// Imported first by extension.ts, so this runs before the rest of the bundle is evaluated: the
// activation time logged (and measured by the tests) includes loading the code, not just activate().

import { performance } from 'node:perf_hooks';

export const loadStartedAt = performance.now();

/** Milliseconds since the extension's code started loading. */
export function sinceLoadStart(): number {
  return performance.now() - loadStartedAt;
}
