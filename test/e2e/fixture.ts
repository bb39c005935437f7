import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { CodeServer } from '../host/codeServer';
import type { Simulator } from '../simulator/server';
import { artifactsDir } from '../host/paths';

/** What the e2e runner sets up once and every e2e test shares. */
export interface E2EContext {
  /** The workbench page, loaded, with the packaged extension installed. */
  readonly page: Page;
  readonly server: CodeServer;
  /** The .vsix the run built and installed. */
  readonly vsix: string;
  /** The Messages API simulator the extension talks to (its request log tells what was sent). */
  readonly simulator: Simulator;
  /** The workspace folder the workbench opened (holds `sample.ts`). */
  readonly folder: string;
}

let current: E2EContext | undefined;

export function setE2EContext(context: E2EContext | undefined): void {
  current = context;
}

/** The shared fixture; throws when a test file is run outside `runE2E`. */
export function e2e(): E2EContext {
  if (!current) throw new Error('e2e tests run only through out/test/e2e/runE2E.js (npm run test:e2e)');
  return current;
}

/** Saves a full-page screenshot as artifacts/e2e-NAME.png and returns its path. */
export async function screenshot(name: string): Promise<string> {
  fs.mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `e2e-${name.replace(/[^\w.-]+/g, '-')}.png`);
  await e2e().page.screenshot({ path: file });
  return file;
}
