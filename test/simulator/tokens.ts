// The simulator's token arithmetic. Real tokenizers are out of reach, so a token is about four
// characters — close enough for pacing, usage and cost to look and behave like the real thing.

export const CHARS_PER_TOKEN = 4;

/** Estimated tokens of a string (code points, so emoji count once). */
export function countTokens(text: string): number {
  if (text.length === 0) return 0;
  return Math.ceil(Array.from(text).length / CHARS_PER_TOKEN);
}

/**
 * Splits text into token-sized pieces (4 code points each, never splitting a surrogate pair), so
 * the stream can emit one token at a time and `usage.output_tokens` matches what was sent.
 */
export function splitTokens(text: string): string[] {
  const points = Array.from(text);
  const out: string[] = [];
  for (let i = 0; i < points.length; i += CHARS_PER_TOKEN) {
    out.push(points.slice(i, i + CHARS_PER_TOKEN).join(''));
  }
  return out;
}
