import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../host/chromium';
import { startCodeServer } from '../host/codeServer';
import type { CodeServer } from '../host/codeServer';
import { installExtension } from '../host/installExtension';
import { artifactsDir, hostCacheDir } from '../host/paths';
import { LEGACY_FAST_OPUS_4_6 } from '../simulator/options';
import { startSimulator, type Simulator } from '../simulator/server';
import { buildVsix } from './buildVsix';
import { packageKeyProbe } from './keyProbe/packageProbe';
import { screenshot, setE2EContext } from './fixture';
import { waitForWorkbench } from './workbench';

/**
 * `npm run test:e2e`: packages the .vsix, installs it into a fresh extensions folder of a
 * code-server started WITHOUT the smoke-test driver (so the UI behaves as for a user, toasts
 * included), opens the workbench in headless Chromium and runs every `out/test/e2e/*.test.js`
 * with mocha against that one shared page. New issues add steps by adding test files.
 */
async function main(): Promise<number> {
  // Screenshots from an earlier run would pass for this one's.
  for (const old of fs.existsSync(artifactsDir) ? fs.readdirSync(artifactsDir) : []) {
    if (/^e2e-.*\.png$/.test(old)) fs.rmSync(path.join(artifactsDir, old));
  }
  fs.mkdirSync(hostCacheDir, { recursive: true });
  const work = fs.mkdtempSync(path.join(hostCacheDir, 'e2e-'));
  const vsix = path.join(work, 'thinkfast.vsix');
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let simulator: Simulator | undefined;
  try {
    await step('package the .vsix (vsce runs check-types and the production build)', () => buildVsix(vsix));
    const extensionsDir = path.join(work, 'exts');
    await step('install it into a fresh extensions folder', () => installExtension(vsix, extensionsDir));
    // A second extension beside it that looks for the API key (keyLeak.test.ts).
    await step('install the key probe', async () =>
      installExtension(await packageKeyProbe(work), extensionsDir),
    );
    // The extension talks to an in-process Messages API simulator, as `npm start` does without a key.
    simulator = await step('start the Messages API simulator', () =>
      // Fast mode on Opus 4.6 as served before its removal (the fast-mode e2e test expects ⚡ fast).
      startSimulator({ tokensPerSecond: 300, firstTokenDelayMs: 200, modelRules: LEGACY_FAST_OPUS_4_6 }),
    );
    const folder = path.join(work, 'workspace');
    writeSampleWorkspace(folder);
    const sim = simulator;
    server = await step('start code-server', () =>
      startCodeServer({
        extensionsDir,
        folder,
        dataDir: path.join(work, 'data'),
        env: { THINKFAST_SIMULATOR_URL: sim.url },
      }),
    );
    browser = await step('launch Chromium', () => launchChromium());
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const url = server.url;
    await step('load the workbench', async () => {
      // A loaded machine can take a while to serve the workbench the first time.
      await page.goto(url, { timeout: 120_000 });
      await waitForWorkbench(page);
    });
    setE2EContext({ page, server, vsix, simulator: sim, folder });
    return await runSuites();
  } finally {
    setE2EContext(undefined);
    await browser?.close().catch(() => undefined);
    await server?.stop();
    await simulator?.close();
    fs.rmSync(work, { recursive: true, force: true, maxRetries: 3 });
  }
}

/** The workspace the workbench opens: a small file for the refactor steps. */
function writeSampleWorkspace(folder: string): void {
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(
    path.join(folder, 'sample.ts'),
    [
      '// A sample for Refactor Selection.',
      'export function total(items: number[]): number {   ',
      '  let sum = 0;',
      '  for (let i = 0; i < items.length; i++) { sum += items[i]; }   ',
      '  return sum;',
      '}',
      '',
    ].join('\n'),
  );
}

function runSuites(): Promise<number> {
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 60_000,
    ...(process.env.THINKFAST_TEST_GREP ? { grep: process.env.THINKFAST_TEST_GREP } : {}),
    rootHooks: {
      // A failed UI step leaves a picture of what the workbench looked like at that moment.
      async afterEach(this: Mocha.Context) {
        const test = this.currentTest;
        if (test?.state === 'failed') {
          const file = await screenshot(`failed-${test.fullTitle()}`).catch(() => undefined);
          if (file) console.log(`      screenshot: ${file}`);
        }
      },
    },
  });
  for (const file of fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve) => mocha.run((failures) => resolve(failures > 0 ? 1 : 0)));
}

async function step<T>(title: string, action: () => Promise<T>): Promise<T> {
  const started = Date.now();
  console.log(`[e2e] ${title}…`);
  const result = await action();
  console.log(`[e2e] ${title}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[e2e] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
