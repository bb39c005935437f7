// `[sim:NAME k=v …]` directives in the last user prompt. They let a person drive the simulator from
// the chat box of the offline demo (a fault, a long answer, a refactor) with no test code at all.

import { parseParams } from './faults';

export interface Directive {
  name: string;
  params: Record<string, string>;
}

const DIRECTIVE = /\[sim:([a-z0-9-]+)((?:\s+[a-z0-9-]+(?:=[^\s\]]*)?)*)\s*\]/gi;

/** All directives in the text, in order. */
export function findDirectives(text: string): Directive[] {
  const found: Directive[] = [];
  for (const m of text.matchAll(DIRECTIVE)) {
    const words = (m[2] ?? '').split(/\s+/).filter((w) => w.length > 0);
    found.push({ name: (m[1] ?? '').toLowerCase(), params: parseParams(words) });
  }
  return found;
}

/** The text without its directives, so answers do not echo them. */
export function stripDirectives(text: string): string {
  // Only the directives go: code in the prompt keeps its whitespace (refactors depend on it).
  return text.replace(DIRECTIVE, '').trim();
}
