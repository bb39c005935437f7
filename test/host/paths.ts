import * as path from 'node:path';

/**
 * The repository root. Test code runs from `out/test/host/*.js` (transpiled, same relative
 * layout as the sources), so the root is three folders up from here in both places.
 */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/**
 * Where the test hosts are cached: the same folder `@vscode/test-electron` downloads into,
 * gitignored and kept between runs. `THINKFAST_HOST_CACHE` moves it (e.g. to a CI cache).
 */
export const hostCacheDir = process.env.THINKFAST_HOST_CACHE
  ? path.resolve(process.env.THINKFAST_HOST_CACHE)
  : path.join(repoRoot, '.vscode-test');

/** Screenshots and logs that a failed run leaves for people to look at (gitignored). */
export const artifactsDir = path.join(repoRoot, 'artifacts');
