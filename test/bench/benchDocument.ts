// The answer the render benchmark streams: prose, nested lists, tables and many fenced code
// blocks, like a long coding answer. Deterministic, so runs compare.

/** A deterministic answer of prose, lists, a table and fenced code, about `chars` long. */
export function benchDocument(chars: number): string {
  const sections: string[] = [];
  let n = 0;
  while (sections.join('').length < chars) {
    n++;
    sections.push(`## Step ${n}: refine the parser\n\n`);
    sections.push(
      `The tokenizer in step ${n} reads the **input** one character at a time and keeps a small ` +
        `state machine; see https://example.com/docs/${n} for details. It avoids \`regex\` ` +
        `backtracking, which matters for long inputs, and reports errors with line numbers.\n\n`,
    );
    sections.push(
      `- keep the state in one place\n- emit tokens lazily (item ${n})\n- test each edge case\n  - empty input\n  - unicode ✓\n\n`,
    );
    if (n % 4 === 0) {
      sections.push(
        '| phase | cost | note |\n|:--|--:|:-:|\n' +
          Array.from({ length: 6 }, (_, i) => `| p${i} | ${i * n} ms | ok |\n`).join('') +
          '\n',
      );
    }
    sections.push(
      '```ts\n' +
        `export function step${n}(input: string): Token[] {\n` +
        '  const out: Token[] = [];\n' +
        '  for (let i = 0; i < input.length; i++) {\n' +
        `    if (input[i] === '#') out.push({ kind: 'hash', at: i }); // ${n}\n` +
        '  }\n' +
        '  return out;\n' +
        '}\n' +
        '```\n\n',
    );
    sections.push(`> Note ${n}: the *fast path* skips whitespace.\n\n`);
  }
  return sections.join('').slice(0, chars);
}
