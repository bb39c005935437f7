// Search over saved conversations: titles, prompts and answers, and thinking when asked. Returns a
// short snippet around the first hit of each conversation. Pure over the texts: tested in plain Node.

import type { Conversation } from './conversation';

export interface SearchOptions {
  readonly thinking: boolean;
}

export interface SearchMatch {
  readonly id: string;
  /** Text around the first hit, or the title when only the title matched. */
  readonly snippet: string;
}

const snippetRadius = 40;

/** The texts of `c` that a search reads, title first. */
function searchable(c: Conversation, options: SearchOptions): string[] {
  const texts = [c.title];
  for (const turn of c.turns) {
    texts.push(turn.prompt);
    for (const block of turn.content) {
      if (block.type === 'text') texts.push((block as { text: string }).text);
      else if (block.type === 'thinking' && options.thinking)
        texts.push((block as { thinking: string }).thinking);
    }
  }
  return texts;
}

/** Where `query` (case-insensitive, whitespace-insensitive at its ends) first occurs in `c`. */
export function matchConversation(
  c: Conversation,
  query: string,
  options: SearchOptions,
): SearchMatch | undefined {
  const needle = query.trim().toLowerCase();
  if (!needle) return undefined;
  for (const text of searchable(c, options)) {
    const at = text.toLowerCase().indexOf(needle);
    if (at < 0) continue;
    const from = Math.max(0, at - snippetRadius);
    const to = Math.min(text.length, at + needle.length + snippetRadius);
    const snippet = `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ').trim()}${to < text.length ? '…' : ''}`;
    return { id: c.id, snippet };
  }
  return undefined;
}
