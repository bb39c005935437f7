import * as path from 'node:path';
import { repoRoot } from './paths';
import { runInCodeServer } from './runInCodeServer';

/**
 * `npm run test:extension`: the extension-host suite (out/test/extension) in a real VS Code.
 * Desktop VS Code through @vscode/test-electron when VSCODE_EXECUTABLE_PATH is set or
 * THINKFAST_TEST_ELECTRON=1 (it downloads VS Code, so needs internet); otherwise code-server in
 * headless Chromium, which works offline (see test/host/README.md).
 */
async function main(): Promise<number> {
  const extensionTestsPath = path.join(repoRoot, 'out', 'test', 'extension', 'index');
  const started = Date.now();
  const useElectron =
    Boolean(process.env.VSCODE_EXECUTABLE_PATH) || process.env.THINKFAST_TEST_ELECTRON === '1';
  console.log(`[extension] running in ${useElectron ? 'desktop VS Code (test-electron)' : 'code-server'}`);
  const code = useElectron
    ? await runInElectron(extensionTestsPath)
    : await runInCodeServer({ extensionDevelopmentPath: repoRoot, extensionTestsPath });
  console.log(
    `[extension] finished with exit code ${code} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return code;
}

async function runInElectron(extensionTestsPath: string): Promise<number> {
  const { runTests } = await import('@vscode/test-electron');
  return runTests({
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath,
    ...(process.env.VSCODE_EXECUTABLE_PATH
      ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH }
      : {}),
    launchArgs: ['--disable-extensions', '--skip-welcome', '--disable-workspace-trust'],
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[extension] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
