// Deterministic answers derived from the prompt: the same prompt always yields the same thinking
// summary and the same markdown, so tests and the demo can predict what they will see.

import type { Effort } from '../../src/anthropic/types';
import { commentLine, inferLanguage, sampleCode } from './languages';

/** The comment line a refactor adds at the top of the code (see refactorCode). */
export const REFACTOR_NOTE = 'Refactored by the Thinkfast simulator';

const STOP_WORDS = new Set(
  (
    'a an and are as at be but by can could do does for from how i in into is it its me my of on or ' +
    'please should so that the their them then there these this to use using was what when where ' +
    'which who why will with would you your write explain show give tell make about some'
  ).split(' '),
);

/** The prompt's content words, first occurrence order, for summaries and names. */
export function keywords(prompt: string, limit = 5): string[] {
  const seen = new Set<string>();
  for (const w of prompt.toLowerCase().match(/[a-z][a-z0-9]+/g) ?? []) {
    if (!STOP_WORDS.has(w) && w.length > 2) seen.add(w);
    if (seen.size >= limit) break;
  }
  return [...seen];
}

function snippet(prompt: string, max: number): string {
  const flat = prompt
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const firstSentence = /^[^.?!\n]*[.?!]?/.exec(flat)?.[0] ?? flat;
  const s = firstSentence.length > 0 ? firstSentence : flat;
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
}

const THINKING_PARAGRAPHS: Record<Effort, number> = { low: 2, medium: 3, high: 4, xhigh: 5, max: 6 };

/** A readable thinking summary; higher effort thinks longer. */
export function thinkingSummary(prompt: string, effort: Effort): string {
  const words = keywords(prompt);
  const lang = inferLanguage(prompt);
  const topic = words.length > 0 ? words.join(', ') : 'the question';
  const paragraphs = [
    `The user asks: "${snippet(prompt, 100)}". The key ideas are ${topic}.`,
    `Plan: open with a short overview, then list the steps in order, then show a small ${lang} example they can run.`,
    `Edge cases worth a sentence: empty input, very large input, and what happens when ${words[0] ?? 'the input'} is missing.`,
    `Check the example against the steps: every step should map to a line of code, and names should match the prose.`,
    `Consider an alternative approach and why the simpler one wins here: fewer moving parts and easier to test.`,
    `Final review: the answer stays short, the list is parallel, and the code block is labelled ${lang}.`,
  ];
  return paragraphs.slice(0, THINKING_PARAGRAPHS[effort]).join('\n\n');
}

/** The markdown answer: a heading, prose, a list and a fenced code block. */
export function markdownAnswer(prompt: string, turn: number): string {
  const words = keywords(prompt);
  const title = snippet(prompt, 60).replace(/[.?!…]+$/, '') || 'Answer';
  const { lang, code } = sampleCode(inferLanguage(prompt), words.slice(0, 2).join(' '));
  const [a = 'the input', b = 'the result', c = 'the edge cases'] = words;
  const context = turn > 1 ? ` (turn ${turn} of this conversation)` : '';
  return [
    `## ${title.charAt(0).toUpperCase()}${title.slice(1)}`,
    '',
    `Here is a short answer${context}. It starts with **${a}**, connects it to *${b}*, and ends with a runnable \`${lang}\` example.`,
    '',
    `- Start from ${a} and state what you expect.`,
    `- Apply ${b} one step at a time.`,
    `- Check ${c} before you rely on the result.`,
    '',
    fence(lang, code),
    '',
    'That is the whole idea; ask for a variant if you need one.',
  ].join('\n');
}

/** A fenced code block whose fence is longer than any backtick run inside the code. */
export function fence(lang: string, code: string): string {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((r) => r.length));
  const ticks = '`'.repeat(Math.max(3, longest + 1));
  return `${ticks}${lang}\n${code}\n${ticks}`;
}

/**
 * The deterministic "refactor": trailing whitespace trimmed from every line, trailing blank lines
 * dropped, and one comment line (REFACTOR_NOTE, in the language's syntax) added on top. Exported
 * so tests can compute the code an accepted refactor must produce.
 */
export function refactorCode(code: string, lang: string): string {
  const lines = code.split(/\r?\n/).map((l) => l.trimEnd());
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return [commentLine(lang, REFACTOR_NOTE), ...lines].join('\n');
}

export interface CodeFence {
  lang: string;
  code: string;
}

/** The first fenced code block in the prompt, if any. */
export function firstFence(prompt: string): CodeFence | undefined {
  const m = /(?:^|\n)[ \t]*(`{3,}|~{3,})[ \t]*([^\s`]*)[^\n]*\n([\s\S]*?)\n[ \t]*\1[ \t]*(?=\n|$)/.exec(
    prompt,
  );
  if (!m) return undefined;
  return { lang: m[2] ?? '', code: m[3] ?? '' };
}

/** A refactor prompt: a fenced code block plus "refactor"/"rewrite" (or the [sim:refactor] directive). */
export function isRefactorPrompt(prompt: string, directive: boolean): boolean {
  return firstFence(prompt) !== undefined && (directive || /\b(refactor|rewrite)\w*\b/i.test(prompt));
}

/** The whole refactor answer: exactly one fenced code block and nothing else. */
export function refactorAnswer(prompt: string): string {
  const found = firstFence(prompt);
  if (!found) return '';
  const lang = found.lang || inferLanguage(prompt);
  return fence(lang, refactorCode(found.code, lang));
}

/** A very long answer of about `tokens` output tokens: sections with prose, lists and code. */
export function longAnswer(prompt: string, tokens: number): string {
  const words = keywords(prompt);
  const { lang, code } = sampleCode(inferLanguage(prompt), words.slice(0, 2).join(' '));
  const parts: string[] = [`# ${snippet(prompt, 60) || 'A long answer'}`];
  let chars = parts[0]?.length ?? 0;
  for (let i = 1; chars < tokens * 4; i++) {
    const section = [
      `## Part ${i}: ${words[i % Math.max(1, words.length)] ?? 'details'}`,
      '',
      `Part ${i} goes deeper. Each paragraph is generated, so its length is predictable: it exists to ` +
        `measure how a renderer copes with a long stream of **markdown**, \`inline code\` and lists.`,
      '',
      `1. First point of part ${i}.`,
      `2. Second point of part ${i}, with a [link](https://example.com/${i}).`,
      '',
      i % 3 === 0 ? fence(lang, code) : `> A quotation closing part ${i}.`,
      '',
    ].join('\n');
    parts.push(section);
    chars += section.length;
  }
  return parts.join('\n\n');
}

/** An answer in sentences only, no code block: `[sim:prose]`. */
export function proseAnswer(prompt: string): string {
  const [a = 'this code'] = keywords(prompt);
  return `I would leave ${a} as it is: it already reads clearly, and a rewrite would only move the same logic around.`;
}
