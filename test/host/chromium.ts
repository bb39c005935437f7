import * as fs from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

/** Debian's Chromium unless CHROME_PATH points elsewhere. Never a downloaded browser. */
export function chromiumPath(): string {
  return process.env.CHROME_PATH ?? '/usr/bin/chromium';
}

/**
 * Launches headless Chromium through playwright-core. Fails loudly, with the way to get a
 * browser, when there is none: a suite that cannot find its browser must not pass by skipping.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!fs.existsSync(executablePath)) {
    throw new Error(
      `No Chromium at ${executablePath}. \`node scripts/provision.mjs test\` (the first step of npm test) ` +
        "installs Debian's where it can and otherwise prints the command; or set CHROME_PATH to a " +
        'Chromium/Chrome binary. Do not run `npx playwright install`.',
    );
  }
  return chromium.launch({
    executablePath,
    headless: true,
    timeout: 60_000,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}
