// Accessibility in real Chromium: axe-core finds no serious or critical violation in any theme
// (a conversation with code, thinking, an error with actions, chips, the @-mention list, history),
// every control is reachable with Tab and shows a visible focus outline. Each theme's composer
// is saved to artifacts/ for a person to look at.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { HostMessage } from '../../src/shared/protocol';
import { config, footer, sel, turn } from './fixtures';
import { Panel } from './panel';
import { repoRoot } from './server';

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const answer =
  'Here is the fix:\n\n```ts\nexport const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);\n```\n';

const conversation: HostMessage = {
  type: 'conversation',
  id: 'c1',
  title: 'Sum an array',
  turns: [
    turn('t1', 'How do I sum an array?', {
      outcome: 'complete',
      chips: [{ id: 'c1', label: 'src/sum.ts:2-6', kind: 'selection', languageId: 'typescript', lines: 5 }],
      blocks: [
        { kind: 'thinking', text: 'A reduce with a start value.', durationMs: 1800 },
        { kind: 'text', text: answer },
      ],
      footer: footer(),
    }),
    turn('t2', 'And with BigInt?', {
      outcome: 'failed',
      error: { title: 'Rate limited', message: 'Too many requests.', actions: ['retry', 'showLog'] },
    }),
  ],
};

const chips: HostMessage = {
  type: 'chips',
  chips: [
    { id: 'c2', label: 'src/app.ts:2-6', kind: 'selection', languageId: 'typescript', lines: 5, tokens: 48 },
    { id: 'c3', label: 'README.md', kind: 'file', languageId: 'markdown', lines: 40, tokens: 610 },
  ],
};

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

async function seriousViolations(panel: Panel): Promise<Violation[]> {
  await panel.page.evaluate(axeSource);
  const found = await panel.page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(o: unknown): Promise<{ violations: unknown[] }> } })
      .axe;
    const result = await axe.run({ resultTypes: ['violations'] });
    return result.violations as {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: string[] }[];
    }[];
  });
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
}

for (const theme of ['dark', 'light', 'high-contrast'] as const) {
  describe(`webview: accessibility (${theme})`, function () {
    let panel!: Panel;
    beforeEach(async () => {
      panel = await Panel.open({ theme, width: 420, height: 800 });
      await panel.post(config({ simulator: true }), conversation, chips, {
        type: 'context',
        context: {
          window: 200_000,
          historyTokens: 183_000,
          chipTokens: 658,
          counted: { tokens: 183_700, draft: '' },
        },
      });
      await panel.frames();
    });
    afterEach(async () => {
      try {
        assert.deepEqual(panel.pageErrors, []);
      } finally {
        await panel.close();
      }
    });

    it('has no serious axe-core violation: conversation, chips, the @-mention list, then history', async () => {
      await panel.page.locator(sel.input).click();
      await panel.page.keyboard.type('look at @ap');
      await panel.post({
        type: 'mentions',
        query: 'ap',
        items: [
          { id: 'm1', kind: 'selection', label: 'Selection', detail: 'src/app.ts:2-6' },
          { id: 'm2', kind: 'file', label: 'app.ts', detail: 'src' },
          { id: 'm3', kind: 'symbol', label: 'apply', detail: 'src/app.ts:10-14' },
        ],
      });
      assert.equal(await panel.page.getByRole('option').count(), 3);
      const dir = path.join(repoRoot, 'artifacts');
      mkdirSync(dir, { recursive: true });
      await panel.page.screenshot({ path: path.join(dir, `webview-composer-${theme}.png`) });
      assert.deepEqual(await seriousViolations(panel), []);
      await panel.page.getByRole('button', { name: 'History' }).click();
      await panel.post({
        type: 'history',
        items: [
          { id: 'c1', title: 'Sum an array', updatedAt: Date.now(), model: 'claude-opus-4-6', turns: 2 },
        ],
      });
      assert.deepEqual(await seriousViolations(panel), []);
    });

    it('reaches every control with Tab, each with a visible focus outline', async () => {
      const controls = await panel.page.evaluate(() => {
        const doc = (
          globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<unknown> } }
        ).document;
        type Node = { checkVisibility(): boolean; disabled?: boolean; dataset: Record<string, string> };
        const all = Array.from(doc.querySelectorAll('button, a[href], textarea, [tabindex="0"]')) as Node[];
        let n = 0;
        return all
          .filter((e) => e.checkVisibility() && !e.disabled)
          .map((e) => {
            n += 1;
            e.dataset.a11yIndex = String(n);
            return n;
          });
      });
      assert.ok(controls.length >= 15, `only ${controls.length} controls`);
      const reached = new Set<number>();
      const unseen: string[] = [];
      await panel.page.locator('body').focus();
      for (let i = 0; i < controls.length * 2 && reached.size < controls.length; i++) {
        await panel.page.keyboard.press('Tab');
        const focused = await panel.page.evaluate(() => {
          interface El {
            dataset: Record<string, string>;
            outerHTML: string;
            closest(s: string): El | null;
          }
          const g = globalThis as unknown as {
            document: { activeElement: El | null; body: El };
            getComputedStyle(e: El): {
              outlineStyle: string;
              outlineWidth: string;
              borderTopColor: string;
              getPropertyValue(name: string): string;
            };
          };
          const e = g.document.activeElement;
          if (!e) return undefined;
          const style = g.getComputedStyle(e);
          let visible = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
          // The prompt draws its focus on the row around it, as VS Code's inputs do.
          const ring = e.closest('.input-row');
          if (ring) {
            const hex = g.getComputedStyle(g.document.body).getPropertyValue('--vscode-focusBorder').trim();
            const [r, gr, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
            visible = g.getComputedStyle(ring).borderTopColor === `rgb(${r}, ${gr}, ${b})`;
          }
          return { index: Number(e.dataset.a11yIndex ?? 0), visible, html: e.outerHTML.slice(0, 80) };
        });
        if (!focused?.index) continue;
        reached.add(focused.index);
        if (!focused.visible) unseen.push(focused.html);
      }
      assert.deepEqual(
        controls.filter((c) => !reached.has(c)),
        [],
        'every visible control is in the Tab order',
      );
      assert.deepEqual(unseen, [], 'focus is visible on each');
    });
  });
}
