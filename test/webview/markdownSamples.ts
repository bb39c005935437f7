// Random markdown documents for the streaming-equals-one-shot property: many kinds of blocks and
// the awkward boundaries between them (lazy lines, setext underlines, lists that continue after
// blank lines, unclosed fences, tables without trailing blank lines).

const pieces = [
  '# Heading\n',
  '## Sub *heading*\n',
  'Plain paragraph with **bold**, _em_, `code` and a link https://example.com/x.\n',
  'Another line of the same paragraph.\n',
  '\n',
  '\n',
  '- item\n',
  '- item with `code`\n',
  '  continued in the item\n',
  '  - nested item\n',
  '* star item\n',
  '1. first\n',
  '2. second\n',
  '2\n',
  '10) paren item\n',
  '> quoted\n',
  '> > nested quote\n',
  'lazy continuation\n',
  '```ts\nconst x: number = 1;\n',
  '```\n',
  '~~~\nraw ~~~ text\n',
  '~~~\n',
  '    indented code\n',
  '| a | b |\n',
  '|---|:-:|\n',
  '| 1 | 2 |\n',
  '---\n',
  '===\n',
  '***\n',
  '-\n',
  '#\n',
  '<b>not html</b> & entities &amp; &lt;\n',
  '[link](https://example.com "title") and ![img](https://example.com/i.png)\n',
  'trailing spaces  \n',
  '\\* escaped\n',
  '   \n',
  'Ünïcödé ✓ 字\n',
];

/** A small deterministic generator (mulberry32), so a failure can be reproduced from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomMarkdown(random: () => number): string {
  const count = 3 + Math.floor(random() * 25);
  let text = '';
  for (let i = 0; i < count; i++) text += pieces[Math.floor(random() * pieces.length)];
  // Half the documents end mid-line, as a stopped stream does.
  return random() < 0.5 ? text.slice(0, Math.floor(random() * (text.length + 1))) : text;
}
