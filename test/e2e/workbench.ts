import type { FrameLocator, Locator, Page } from 'playwright-core';

/** Timeouts for UI waits: a workbench on two loaded cores can take a while to paint. */
export const uiTimeoutMs = 30_000;

/** Waits until the workbench has painted its main parts. */
export async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
  await page.locator('.monaco-workbench .part.editor').waitFor({ timeout: uiTimeoutMs });
}

/** The activity-bar entry of a view container, by the start of its title. */
export function activityBarItem(page: Page, title: string) {
  return page.locator(`.activitybar .action-item a[aria-label^="${title}"]`);
}

/** The content document of the (single) visible webview: it sits two iframes deep. */
export function webviewContent(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

/**
 * Runs a command by its palette label. Focus is moved to the editor part first: after typing in a
 * webview, the keyboard stays in its iframe and F1 would never reach the workbench.
 */
export async function runCommand(page: Page, label: string): Promise<void> {
  await findRow(page, 'F1', `>${label}`, label);
  await page.locator('.quick-input-widget input').press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: uiTimeoutMs });
}

/**
 * Opens the quick input with `key` (F1 for the palette, Control+P for Quick Open) and types
 * `filter` until a row showing `label` appears. Right after the workbench loads, the palette can
 * answer "No matching commands" while extensions register, and it does not filter again by itself:
 * so the filter is typed afresh every few seconds. The widget closes when anything takes focus from
 * it (a notification, a view painting late on a loaded machine): then it is opened again.
 */
export async function findRow(
  page: Page,
  key: 'F1' | 'Control+P',
  filter: string,
  label: string,
): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first();
  const deadline = Date.now() + 2 * uiTimeoutMs;
  for (;;) {
    try {
      if (!(await input.isVisible())) {
        // Focus the editor part first: after typing in a webview, the keyboard stays in its iframe.
        await page.locator('.monaco-workbench .part.editor').click({ position: { x: 20, y: 20 } });
        await page.keyboard.press(key);
        await input.waitFor({ timeout: 5_000 });
      }
      await input.fill(filter, { timeout: 5_000 });
      await row.waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await input.fill('', { timeout: 1_000 }).catch(() => undefined);
    }
  }
}

/** True while the side bar shows the Thinkfast container. */
export async function thinkfastSideBarOpen(page: Page): Promise<boolean> {
  const sidebar = page.locator('.part.sidebar');
  if (!(await sidebar.isVisible())) return false;
  const title = (
    await sidebar
      .locator('.composite.title')
      .first()
      .innerText()
      .catch(() => '')
  ).toLowerCase();
  return title.includes('thinkfast');
}

/**
 * Shows the chat view and returns its document. It uses the view's Focus command rather than the
 * activity-bar item, which toggles the side bar and so depends on what earlier steps left open.
 */
export async function openChatView(page: Page): Promise<FrameLocator> {
  if (!(await thinkfastSideBarOpen(page))) await runCommand(page, 'Thinkfast: Focus on Chat View');
  const chat = webviewContent(page);
  await chat.locator('.prompt-input').waitFor({ timeout: uiTimeoutMs });
  return chat;
}

/**
 * Types `text` into the chat composer, sends it, and returns the turn that answers it, found by its
 * prompt: `.turn` last() can still be an earlier turn (with its answer and footer already there)
 * until the new one is drawn.
 */
export async function sendPrompt(chat: FrameLocator, text: string): Promise<Locator> {
  const input = chat.locator('.prompt-input');
  await input.click();
  await input.fill(text);
  await input.press('Enter');
  return chat.locator('.turn').filter({ has: chat.locator('.prompt-text', { hasText: text }) });
}

/** Runs a command by its palette label when it opens its own input (titled `title`) right away. */
export async function runCommandWithInput(page: Page, label: string, title: string): Promise<void> {
  await findRow(page, 'F1', `>${label}`, label);
  await page.locator('.quick-input-widget input').press('Enter');
  await page
    .locator('.quick-input-widget .quick-input-title', { hasText: title })
    .waitFor({ timeout: uiTimeoutMs });
}

/** The three kinds of colour theme, by the class the workbench and the webview's body carry. */
export const themeKinds = {
  light: { workbench: 'vs', webview: 'vscode-light' },
  dark: { workbench: 'vs-dark', webview: 'vscode-dark' },
  'high contrast': { workbench: 'hc-black', webview: 'vscode-high-contrast' },
} as const;
export type ThemeKind = keyof typeof themeKinds;

/**
 * Switches the colour theme as a user would: between light and dark with the palette's toggle,
 * into (and out of) high contrast with "Preferences: Color Theme". Waits until the workbench shows it.
 */
export async function setColorTheme(page: Page, kind: ThemeKind): Promise<void> {
  const shown = (k: ThemeKind) => page.locator(`.monaco-workbench.${themeKinds[k].workbench}`);
  if (await shown(kind).isVisible()) return;
  if (kind === 'high contrast') await pickColorTheme(page, 'Dark High Contrast');
  else {
    if (await shown('high contrast').isVisible()) await pickColorTheme(page, 'Dark 2026');
    if (!(await shown(kind).isVisible())) {
      // Clicked, not Enter: the palette may highlight another row that also matches.
      const label = 'Preferences: Toggle between Light/Dark Themes';
      await findRow(page, 'F1', `>${label}`, label);
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first().click();
    }
  }
  await shown(kind).waitFor({ timeout: uiTimeoutMs });
}

/**
 * Picks the theme labelled `label` in "Preferences: Color Theme". The picker first lists a few
 * themes; "See More Themes..." lists the rest.
 */
async function pickColorTheme(page: Page, label: string): Promise<void> {
  const rows = page.locator('.quick-input-widget .monaco-list-row');
  await findRow(page, 'F1', '>Preferences: Color Theme', 'Preferences: Color Theme');
  // Not "Browse Color Themes in Marketplace", which also matches.
  await rows.filter({ hasText: 'Preferences: Color Theme' }).filter({ hasNotText: 'Browse' }).first().click();
  const input = page.locator('.quick-input-widget input');
  const row = rows.filter({ hasText: label }).first();
  await input.fill(label, { timeout: uiTimeoutMs });
  if (
    !(await row.waitFor({ timeout: 3_000 }).then(
      () => true,
      () => false,
    ))
  ) {
    await input.fill('', { timeout: uiTimeoutMs });
    await rows.filter({ hasText: 'See More Themes' }).first().click({ timeout: uiTimeoutMs });
    await input.fill(label, { timeout: uiTimeoutMs });
    await row.waitFor({ timeout: uiTimeoutMs });
  }
  await row.click();
}
