// Long conversations in the webview tests: stored turns each with a word of their own, and the
// order of the turns rendered.
import type { TurnView } from '../../src/shared/protocol';
import { turn } from './fixtures';
import type { Panel } from './panel';

/** A finished turn with a unique word in its answer, a few paragraphs and a code block. */
export function storedTurn(i: number): TurnView {
  const answer =
    `Answer number ${i} mentions uniqueword${i}x.\n\n` +
    'Some more text that takes a line or two of room in a narrow panel.\n\n'.repeat(3) +
    '```ts\n' +
    `const n = ${i};\n` +
    '```\n';
  return turn(`t${i}`, `prompt ${i}`, {
    outcome: 'complete',
    blocks: [
      { kind: 'thinking', text: `Thinking about ${i}.`, durationMs: 1_000 },
      { kind: 'text', text: answer },
    ],
  });
}

/** The ids of the rendered turns, in document order. */
export function renderedIds(panel: Panel): Promise<string[]> {
  return panel.page.evaluate(() => {
    type Article = { getAttribute(name: string): string | null };
    const { document } = globalThis as unknown as {
      document: { querySelectorAll(selector: string): ArrayLike<Article> };
    };
    return Array.from(document.querySelectorAll('article.turn'), (a) => a.getAttribute('data-turn-id') ?? '');
  });
}
