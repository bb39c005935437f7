import * as path from 'node:path';
import { format } from 'node:util';
import { launchChromium } from './chromium';
import { startCodeServer } from './codeServer';
import { withTimeout } from './processGroup';

export interface CodeServerTestRun {
  /** Folder with the extension's package.json. */
  readonly extensionDevelopmentPath: string;
  /** The module exporting `run()`, without `.js` (VS Code resolves it). */
  readonly extensionTestsPath: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
}

/**
 * Runs an extension test module in code-server's real (remote, Node) extension host, driven by
 * headless Chromium through the workbench's smoke-test driver. Resolves with the exit code the
 * workbench reports, which is the tests' result.
 */
export async function runInCodeServer(options: CodeServerTestRun): Promise<number> {
  const timeoutMs = options.timeoutMs ?? 10 * 60_000;
  const server = await startCodeServer({ smokeDriver: true, env: options.env });
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  try {
    browser = await launchChromium();
    const page = await browser.newPage();
    let settle: (code: number) => void = () => undefined;
    const exit = new Promise<number>((resolve) => (settle = resolve));
    // Both bridges must exist before the workbench loads: it looks them up once, at startup.
    await page.exposeFunction('codeAutomationExit', (code: number) => settle(code));
    await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown) => {
      // A format string plus its arguments, as console.log received them in the extension host.
      console.log(Array.isArray(args) ? format(...(args as unknown[])) : String(args));
    });
    // The remote authority must match the page's host:port exactly, or the host ignores the paths.
    const remote = (file: string) => `vscode-remote://127.0.0.1:${server.port}${path.resolve(file)}`;
    const payload = [
      ['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)],
      ['extensionTestsPath', remote(options.extensionTestsPath)],
      ['skipWelcome', 'true'],
    ];
    await page.goto(`${server.url}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    return await withTimeout(exit, timeoutMs, 'the extension-host tests did not finish');
  } finally {
    await browser?.close().catch(() => undefined);
    await server.stop();
  }
}
