import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/**
 * Entry point that VS Code loads into the extension host (`extensionTestsPath`), under both
 * runners: code-server's smoke-test driver here, `@vscode/test-electron` where VS Code can be
 * downloaded. Resolves when every test passed, rejects otherwise; the runner turns that into
 * the exit code. Mocha comes from the extension's own node_modules.
 */
export function run(): Promise<void> {
  const unhandled = watchUnhandledRejections();
  const mocha = new Mocha({
    ui: 'bdd',
    // Output travels through the workbench's log bridge, which does not understand ANSI colours.
    color: false,
    timeout: 60_000,
    ...(process.env.THINKFAST_TEST_GREP ? { grep: process.env.THINKFAST_TEST_GREP } : {}),
    // The host only logs an unhandled rejection; here it fails the test during which it happened.
    rootHooks: { afterEach: () => unhandled.check() },
  });
  for (const file of findTests(__dirname)) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => {
        unhandled.stop();
        const late = unhandled.pending();
        if (late) reject(new Error(`unhandled promise rejection after the last test: ${late}`));
        else if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
        else resolve();
      });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

function findTests(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    .map((f) => path.join(dir, f));
}

/**
 * Records promise rejections nobody handled (Node's `unhandledRejection`, withdrawn again by
 * `rejectionHandled`), the equivalent of `--unhandled-rejections=strict` for the shared host.
 */
function watchUnhandledRejections(): { check(): Promise<void>; pending(): string | undefined; stop(): void } {
  const open = new Map<Promise<unknown>, unknown>();
  const onUnhandled = (reason: unknown, promise: Promise<unknown>): void => void open.set(promise, reason);
  const onHandled = (promise: Promise<unknown>): void => void open.delete(promise);
  process.on('unhandledRejection', onUnhandled);
  process.on('rejectionHandled', onHandled);
  const pending = (): string | undefined => {
    const reasons = [...open.values()];
    open.clear();
    if (reasons.length === 0) return undefined;
    return reasons.map((r) => (r instanceof Error ? (r.stack ?? r.message) : String(r))).join('\n---\n');
  };
  return {
    async check() {
      // A rejection handled a moment later (a store write awaited after the test) is not a leak.
      await new Promise((r) => setTimeout(r, 20));
      const found = pending();
      if (found) throw new Error(`unhandled promise rejection during this test:\n${found}`);
    },
    pending,
    stop() {
      process.off('unhandledRejection', onUnhandled);
      process.off('rejectionHandled', onHandled);
    },
  };
}
