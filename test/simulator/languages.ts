// Just enough knowledge of programming languages for deterministic answers: which language a
// prompt is about, how that language writes a line comment, and a small sample in it.

const MENTIONS: readonly [RegExp, string][] = [
  [/\btypescript\b|\bts\b|\btsx\b/i, 'typescript'],
  [/\bjavascript\b|\bjs\b|\bnode(\.js)?\b/i, 'javascript'],
  [/\bpython\b|\bpy\b|\bdjango\b/i, 'python'],
  [/\brust\b|\bcargo\b/i, 'rust'],
  [/\bgolang\b|\bgo\b/i, 'go'],
  [/\bbash\b|\bshell\b|\bzsh\b|\bsh\b/i, 'bash'],
  [/\bsql\b|\bpostgres\w*\b|\bsqlite\b/i, 'sql'],
  [/\bjava\b/i, 'java'],
  [/\bc#|\bcsharp\b/i, 'csharp'],
  [/\bc\+\+|\bcpp\b/i, 'cpp'],
  [/\bruby\b/i, 'ruby'],
];

/** Formats, named only when no programming language is: "parse JSON in Python" is Python. */
const FORMATS: readonly [RegExp, string][] = [
  [/\bjson\b/i, 'json'],
  [/\bhtml\b/i, 'html'],
  [/\bcss\b/i, 'css'],
];

/** The first language the prompt names, else TypeScript (this is a VS Code extension's demo). */
export function inferLanguage(prompt: string): string {
  return firstMention(prompt, MENTIONS) ?? firstMention(prompt, FORMATS) ?? 'typescript';
}

function firstMention(prompt: string, table: readonly [RegExp, string][]): string | undefined {
  let best: { lang: string; at: number } | undefined;
  for (const [re, lang] of table) {
    const m = re.exec(prompt);
    if (m && (best === undefined || m.index < best.at)) best = { lang, at: m.index };
  }
  return best?.lang;
}

const HASH = new Set([
  'python',
  'py',
  'ruby',
  'rb',
  'bash',
  'sh',
  'shell',
  'zsh',
  'yaml',
  'yml',
  'toml',
  'r',
  'perl',
]);
const DASH = new Set(['sql', 'lua', 'haskell', 'hs']);

/** One comment line in the language (block syntax where the language has no line comment). */
export function commentLine(lang: string, text: string): string {
  const l = lang.toLowerCase();
  if (HASH.has(l)) return `# ${text}`;
  if (DASH.has(l)) return `-- ${text}`;
  if (l === 'html' || l === 'xml' || l === 'markdown' || l === 'md') return `<!-- ${text} -->`;
  if (l === 'css') return `/* ${text} */`;
  return `// ${text}`;
}

/** A short, valid-looking sample named after the prompt's topic. */
export function sampleCode(lang: string, topic: string): { lang: string; code: string } {
  const code = sampleBody(lang, topic);
  return code === undefined ? { lang: 'typescript', code: tsSample(topic) } : { lang, code };
}

function names(topic: string): { snake: string; camel: string } {
  const words = topic.toLowerCase().match(/[a-z]+/g) ?? ['example'];
  const snake = words.slice(0, 3).join('_') || 'example';
  const camel = words
    .slice(0, 3)
    .map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('');
  return { snake, camel: camel || 'example' };
}

function tsSample(topic: string): string {
  const { camel } = names(topic);
  return `export function ${camel}<T>(items: readonly T[]): T[] {\n  return items.filter((item) => Boolean(item));\n}\n\nconsole.log(${camel}([1, 0, 2]));`;
}

function sampleBody(lang: string, topic: string): string | undefined {
  const { snake, camel } = names(topic);
  switch (lang) {
    case 'python':
      return `def ${snake}(items):\n    """Return the items that matter, in order."""\n    return [item for item in items if item]\n\n\nprint(${snake}([1, 0, 2]))`;
    case 'rust':
      return `fn ${snake}(items: &[i32]) -> Vec<i32> {\n    items.iter().copied().filter(|&x| x != 0).collect()\n}\n\nfn main() {\n    println!("{:?}", ${snake}(&[1, 0, 2]));\n}`;
    case 'go':
      return `package main\n\nimport "fmt"\n\nfunc ${camel}(items []int) []int {\n\tout := []int{}\n\tfor _, x := range items {\n\t\tif x != 0 {\n\t\t\tout = append(out, x)\n\t\t}\n\t}\n\treturn out\n}\n\nfunc main() {\n\tfmt.Println(${camel}([]int{1, 0, 2}))\n}`;
    case 'bash':
      return `#!/usr/bin/env bash\nset -euo pipefail\n\n${snake}() {\n  for item in "$@"; do\n    [[ -n "$item" ]] && echo "$item"\n  done\n}\n\n${snake} one "" two`;
    case 'sql':
      return `SELECT id, name\nFROM items\nWHERE name IS NOT NULL\nORDER BY id;`;
    case 'json':
      return `{\n  "topic": "${snake}",\n  "items": [1, 2]\n}`;
    case 'javascript':
      return `function ${camel}(items) {\n  return items.filter(Boolean);\n}\n\nconsole.log(${camel}([1, 0, 2]));`;
    default:
      return undefined;
  }
}
