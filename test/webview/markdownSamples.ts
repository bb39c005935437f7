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

export function randomMarkdown(random: () => number): string {
  const count = 3 + Math.floor(random() * 25);
  let text = '';
  for (let i = 0; i < count; i++) text += pieces[Math.floor(random() * pieces.length)];
  // Half the documents end mid-line, as a stopped stream does.
  return random() < 0.5 ? text.slice(0, Math.floor(random() * (text.length + 1))) : text;
}

/** Openings of fenced code at the top level, indented, and inside list items and quotes. */
const fenceOpenings = ['```ts\n', '~~~\n', '````md\n', '  ```\n', '- ```js\n', '> ```\n', '```\n'];
/** Code lines, including near-misses of a closing fence and lines that do close some fences. */
const codeLines = [
  'const x = 1;\n',
  '  return x; // indented\n',
  '\n',
  '``\n',
  '`` ` ``\n',
  '```ts\n',
  '~~~\n',
  '    ```\n',
  '   ```  \n',
  '````\n',
  'nul \0 char\r\n',
  'tab\tinside\n',
  '<script>x</script> & &amp;\n',
];

/**
 * A long fenced code block that streams for many lines before it closes (or never does), with
 * text around it: the streaming-fence path must equal the one-shot render too.
 */
export function randomLongFence(random: () => number): string {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  let text = random() < 0.5 ? 'Intro paragraph.\n\n' : '';
  text += pick(fenceOpenings);
  const lines = 20 + Math.floor(random() * 40);
  // Mostly ordinary code, so the block usually stays open for a long stretch.
  for (let i = 0; i < lines; i++) text += random() < 0.85 ? `let v${i} = ${i};\n` : pick(codeLines);
  if (random() < 0.5) text += '```\n\nAfter the code.\n';
  return random() < 0.5 ? text.slice(0, Math.floor(random() * (text.length + 1))) : text;
}
