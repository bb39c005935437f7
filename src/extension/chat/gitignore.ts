// The subset of .gitignore rules the mention list needs to leave out ignored files: comments,
// negation, directory-only patterns, anchoring by a slash, `*`, `?`, `**` and character classes,
// nested .gitignore files applying below their folder, and an ignored folder hiding everything in
// it (git never looks inside, so a negation cannot bring a file back). No vscode import.

interface Rule {
  readonly regex: RegExp;
  readonly negated: boolean;
  readonly directoryOnly: boolean;
}

interface RuleFile {
  /** The folder of the .gitignore, relative to the workspace root, '' or ending in '/'. */
  readonly base: string;
  readonly rules: readonly Rule[];
}

export class IgnoreRules {
  private readonly files: RuleFile[] = [];

  /** Adds the rules of one .gitignore whose folder is `baseDir` ('' for the root). */
  add(baseDir: string, text: string): void {
    const base = baseDir === '' || baseDir.endsWith('/') ? baseDir : `${baseDir}/`;
    const rules = text
      .split(/\r?\n/)
      .map(parseLine)
      .filter((r): r is Rule => r !== undefined);
    if (rules.length > 0) this.files.push({ base, rules });
  }

  /** Whether `path` (relative, `/`-separated) is ignored, itself or through a folder above it. */
  ignores(path: string, isDirectory = false): boolean {
    const parts = path.split('/').filter((p) => p !== '');
    for (let i = 1; i <= parts.length; i++) {
      const isDir = i < parts.length || isDirectory;
      if (this.matches(parts.slice(0, i).join('/'), isDir)) return true;
    }
    return false;
  }

  private matches(path: string, isDir: boolean): boolean {
    let ignored = false;
    for (const file of this.files) {
      if (!path.startsWith(file.base)) continue;
      const inner = path.slice(file.base.length);
      for (const rule of file.rules) {
        if (rule.directoryOnly && !isDir) continue;
        if (rule.regex.test(inner)) ignored = !rule.negated;
      }
    }
    return ignored;
  }
}

function parseLine(raw: string): Rule | undefined {
  let line = raw.replace(/(?<!\\)\s+$/, '');
  if (line === '' || line.startsWith('#')) return undefined;
  let negated = false;
  if (line.startsWith('!')) {
    negated = true;
    line = line.slice(1);
  } else if (line.startsWith('\\!') || line.startsWith('\\#')) {
    line = line.slice(1);
  }
  const directoryOnly = line.endsWith('/');
  if (directoryOnly) line = line.slice(0, -1);
  // A slash at the start or in the middle anchors the pattern to the .gitignore's folder.
  const anchored = line.includes('/');
  if (line.startsWith('/')) line = line.slice(1);
  if (line === '') return undefined;
  const body = globToRegex(line);
  return { regex: new RegExp(`^${anchored ? '' : '(?:.*/)?'}${body}$`), negated, directoryOnly };
}

function globToRegex(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*' && glob[i + 1] === '*') {
      const slashAfter = glob[i + 2] === '/';
      const atStart = i === 0 || glob[i - 1] === '/';
      if (atStart && slashAfter) {
        out += '(?:.*/)?';
        i += 2;
      } else {
        out += '.*';
        i += 1;
      }
    } else if (ch === '*') {
      out += '[^/]*';
    } else if (ch === '?') {
      out += '[^/]';
    } else if (ch === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        continue;
      }
      const inside = glob
        .slice(i + 1, close)
        .replace(/^!/, '^')
        .replace(/\\/g, '\\\\');
      out += `[${inside}]`;
      i = close;
    } else if (ch === '\\' && i + 1 < glob.length) {
      out += escapeRegex(glob[i + 1]);
      i += 1;
    } else {
      out += escapeRegex(ch);
    }
  }
  return out;
}

function escapeRegex(ch: string): string {
  return /[.+^${}()|[\]\\/]/.test(ch) ? `\\${ch}` : ch;
}
