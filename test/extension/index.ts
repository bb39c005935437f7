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
  const mocha = new Mocha({
    ui: 'bdd',
    // Output travels through the workbench's log bridge, which does not understand ANSI colours.
    color: false,
    timeout: 30_000,
    ...(process.env.THINKFAST_TEST_GREP ? { grep: process.env.THINKFAST_TEST_GREP } : {}),
  });
  for (const file of findTests(__dirname)) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
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
