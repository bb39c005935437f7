// A short tour of the chat in the three kinds of colour theme, with a screenshot of each screen
// (artifacts/e2e-tour-*.png, to be looked at by eye): an answer with its thinking, code and
// footer; the @-mention menu; the history list. Each screen also checks what an eye would miss on a
// glance: that the webview follows the theme, and that its text stands out from its background.

import * as assert from 'node:assert/strict';
import type { FrameLocator, Locator } from 'playwright-core';
import { e2e, screenshot } from './fixture';
import {
  openChatView,
  runCommand,
  sendPrompt,
  setColorTheme,
  themeKinds,
  uiTimeoutMs,
  type ThemeKind,
} from './workbench';

/** WCAG contrast ratio of a text's colour against the first opaque background behind it. */
async function contrastOf(target: Locator): Promise<number> {
  return target.evaluate((element) => {
    // The test code has no DOM types: the little it needs, by hand.
    interface Styled {
      readonly parentElement: Styled | null;
    }
    const style = (
      globalThis as unknown as {
        getComputedStyle(this: void, e: Styled): { color: string; backgroundColor: string };
      }
    ).getComputedStyle;
    const node = element as unknown as Styled;
    const rgba = (css: string): number[] => (css.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r = 0, g = 0, b = 0]: number[]): number => {
      const channel = (v: number): number => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    let back: number[] | undefined;
    for (let n: Styled | null = node; n && !back; n = n.parentElement) {
      const c = rgba(style(n).backgroundColor);
      if (c.length === 3 || (c[3] ?? 0) >= 0.99) back = c;
    }
    const [hi, lo] = [luminance(rgba(style(node).color)), luminance(back ?? [255, 255, 255])].sort(
      (a, b) => b - a,
    );
    return (hi + 0.05) / (lo + 0.05);
  });
}

async function assertReadable(what: string, target: Locator, minimum = 4.5): Promise<void> {
  const ratio = await contrastOf(target);
  assert.ok(ratio >= minimum, `${what}: contrast ${ratio.toFixed(2)} < ${minimum}`);
}

async function webviewTheme(chat: FrameLocator): Promise<string> {
  return (await chat.locator('body').getAttribute('class')) ?? '';
}

describe('a tour in three themes (e2e)', function () {
  this.timeout(180_000);
  const prompt = 'Show a small TypeScript debounce function and explain it briefly.';
  let answered: Locator | undefined;

  before(async () => {
    const { page } = e2e();
    await runCommand(page, 'Thinkfast: New Chat');
  });

  after(async () => {
    const { page } = e2e();
    await setColorTheme(page, 'dark');
  });

  for (const kind of Object.keys(themeKinds) as ThemeKind[]) {
    const name = kind.replace(' ', '-');
    it(`${kind}: an answer with thinking, code and footer; the mention menu; the history`, async () => {
      const { page } = e2e();
      await setColorTheme(page, kind);
      const chat = await openChatView(page);
      // The webview learns the theme a moment after the workbench repaints.
      for (let n = 0; n < 40 && !(await webviewTheme(chat)).includes(themeKinds[kind].webview); n++)
        await page.waitForTimeout(250);
      assert.match(
        await webviewTheme(chat),
        new RegExp(`\\b${themeKinds[kind].webview}\\b`),
        'the webview follows',
      );

      if (!answered) {
        answered = await sendPrompt(chat, prompt);
        await answered.locator('.footer').waitFor({ timeout: 120_000 });
      }
      const turn = answered;
      await turn.locator('.block.answer pre code').first().waitFor({ timeout: uiTimeoutMs });
      const thinking = turn.locator('.block.thinking').first();
      await thinking.waitFor({ timeout: uiTimeoutMs });
      await assertReadable('the answer', turn.locator('.block.answer p').first());
      await assertReadable('the prompt', turn.locator('.prompt-text').first());
      await assertReadable('the footer', turn.locator('.footer').first(), 3);
      await screenshot(`tour-${name}-answer`);

      const input = chat.locator('.prompt-input');
      await input.click();
      await input.fill('Look at @sam');
      const menu = chat.locator('.mention-menu');
      await menu
        .locator('.mention-option', { hasText: 'sample.ts' })
        .first()
        .waitFor({ timeout: uiTimeoutMs });
      await assertReadable('a mention option', menu.locator('.mention-label').first());
      await screenshot(`tour-${name}-mentions`);
      await input.press('Escape');
      await input.fill('');

      await chat.locator('button[aria-label="History"]').click();
      const history = chat.locator('.history');
      await history.locator('.history-list li').first().waitFor({ timeout: uiTimeoutMs });
      await assertReadable('a history entry', history.locator('.history-list li').first(), 3);
      await screenshot(`tour-${name}-history`);
      await history.locator('button', { hasText: 'Back to chat' }).click();
      await history.waitFor({ state: 'hidden', timeout: uiTimeoutMs });
    });
  }
});
