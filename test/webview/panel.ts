// Drives one page in Chromium: the instrumentation (page/instrument.ts) is injected before the
// page's own scripts; host messages go in through window.postMessage; every request, dialog,
// console error and page error is recorded so tests can assert that none was unexpected.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { HostMessage } from '../../src/shared/protocol';
import { launchChromium } from '../host/chromium';
import { config } from './fixtures';
import type { HostReply, PageRecord, Probe } from './probeApi';
import type { HarnessServer, Theme } from './server';
import { repoRoot, startServer } from './server';

interface Shared {
  browser: Browser;
  context: BrowserContext;
  server: HarnessServer;
}
let shared: Promise<Shared> | undefined;

/** One browser and server for the whole run; closed by the root hook in hooks.ts. */
export function sharedHarness(): Promise<Shared> {
  shared ??= (async () => {
    const browser = await launchChromium();
    // Pages in one context open much faster than a context per page; each page still gets its
    // own instrumentation and view state, and nothing in the panel uses shared storage.
    const context = await browser.newContext({ viewport: { width: 420, height: 720 } });
    return { browser, context, server: await startServer() };
  })();
  return shared;
}

export async function closeSharedHarness(): Promise<void> {
  if (!shared) return;
  const { browser, server } = await shared;
  shared = undefined;
  await browser.close();
  await server.close();
}

export interface PanelOptions {
  /** What getState() returns at load: the view state VS Code kept for a hidden panel. */
  readonly state?: unknown;
  readonly theme?: Theme;
  readonly width?: number;
  readonly height?: number;
}

type ProbeMethod = keyof Probe;

export class Panel {
  readonly requests: string[] = [];
  readonly dialogs: string[] = [];
  readonly consoleErrors: string[] = [];
  readonly pageErrors: string[] = [];

  private constructor(
    readonly page: Page,
    readonly origin: string,
  ) {}

  static async open(options: PanelOptions = {}): Promise<Panel> {
    const { context, server } = await sharedHarness();
    const page = await context.newPage();
    if (options.width || options.height)
      await page.setViewportSize({ width: options.width ?? 420, height: options.height ?? 720 });
    const panel = new Panel(page, server.origin);
    page.on('request', (r) => panel.requests.push(r.url()));
    page.on('dialog', (d) => {
      panel.dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('console', (m) => {
      if (m.type() === 'error') panel.consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => panel.pageErrors.push(String(e)));
    await page.addInitScript((s: unknown) => {
      (globalThis as unknown as { __initialState: unknown }).__initialState = s;
    }, options.state ?? null);
    await page.addInitScript({
      path: path.join(repoRoot, 'out', 'test', 'webview', 'page', 'instrument.js'),
    });
    await page.goto(`${server.origin}/?theme=${options.theme ?? 'dark'}`);
    return panel;
  }

  /** Calls the in-page probe (see probeApi.ts). */
  call<K extends ProbeMethod>(
    name: K,
    ...args: Parameters<Probe[K]>
  ): Promise<Awaited<ReturnType<Probe[K]>>> {
    return this.page.evaluate(
      ({ name, args }) => {
        const probe = (globalThis as unknown as { __probe: Record<string, (...a: unknown[]) => unknown> })
          .__probe;
        return probe[name](...args);
      },
      { name, args: args },
    ) as Promise<Awaited<ReturnType<Probe[K]>>>;
  }

  /** Sends host messages the way VS Code does, and waits until the panel has handled them. */
  post(...messages: (HostMessage | HostReply)[]): Promise<void> {
    return this.call('post', messages);
  }

  /** Sends `message` as the host's answer to the panel's request `replyTo` (an envelope id). */
  reply(message: HostMessage, replyTo: number): Promise<void> {
    return this.call('post', [{ replyTo, body: message }]);
  }

  /** Waits two animation frames, so batched rendering has happened. */
  frames(count = 2): Promise<void> {
    return this.call('frames', count);
  }

  record(): Promise<PageRecord> {
    return this.call('record');
  }

  async posted(): Promise<PageRecord['posted']> {
    return (await this.record()).posted;
  }

  clearPosted(): Promise<void> {
    return this.call('clearPosted');
  }

  /** Requests that did not go to the harness's own files. */
  foreignRequests(): string[] {
    return this.requests.filter((url) => !url.startsWith(`${this.origin}/`));
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}

/**
 * Registers the hooks most webview suites share: a fresh panel with the default config before
 * each test, and after it a check that the page threw nothing (and, with `strictConsole`, logged
 * no error) before closing. `use` receives each new panel.
 */
export function usePanel(
  use: (panel: Panel) => void,
  options: { clearPosted?: boolean; strictConsole?: boolean } = {},
): void {
  let current: Panel | undefined;
  beforeEach(async () => {
    current = await Panel.open();
    await current.post(config());
    if (options.clearPosted) await current.clearPosted();
    use(current);
  });
  afterEach(async () => {
    const panel = current;
    if (!panel) return;
    current = undefined;
    try {
      assert.deepEqual(panel.pageErrors, []);
      if (options.strictConsole) assert.deepEqual(panel.consoleErrors, []);
    } finally {
      await panel.close();
    }
  });
}
