// Repairs what older versions stored wrongly, without changing the file format: pure, so the store's
// load path and the turn runner share it and plain-Node tests cover it.

import type { ContentBlock } from '../../anthropic/types';
import type { Conversation, Turn } from './conversation';

/** True for a text block the API refuses: empty or whitespace only. */
export function isEmptyText(block: ContentBlock): boolean {
  return block.type === 'text' && typeof block.text === 'string' && block.text.trim() === '';
}

/**
 * The content worth keeping: a stop or drop between a text block's start and its first delta leaves
 * `{type:"text", text:""}`, which the API refuses (400) every time the history is sent back.
 */
export function withoutEmptyTextBlocks(content: readonly ContentBlock[]): ContentBlock[] {
  return content.filter((b) => !isEmptyText(b));
}

/** The turn without empty text blocks; thinking durations follow their blocks' new indexes. */
export function repairTurn(turn: Turn): Turn {
  if (!turn.content.some(isEmptyText)) return turn;
  const newIndex = new Map<number, number>();
  turn.content.forEach((b, i) => {
    if (!isEmptyText(b)) newIndex.set(i, newIndex.size);
  });
  const repaired: Turn = { ...turn, content: withoutEmptyTextBlocks(turn.content) };
  if (turn.thinkingMs) {
    const thinkingMs: Record<number, number> = {};
    for (const [i, ms] of Object.entries(turn.thinkingMs)) {
      const j = newIndex.get(Number(i));
      if (j !== undefined) thinkingMs[j] = ms;
    }
    repaired.thinkingMs = thinkingMs;
  }
  return repaired;
}

/**
 * A turn saved while it streamed (a checkpoint: the window reloaded or closed, or the extension
 * host died) as what it now is: interrupted, with its partial content, offering Continue and Retry.
 */
export function interruptedTurn(turn: Turn): Turn {
  if (turn.outcome !== 'streaming') return turn;
  return {
    ...turn,
    outcome: 'interrupted',
    error: {
      title: 'The response was interrupted',
      message:
        'Thinkfast stopped while this answer streamed (a reload, a closed window or an extension-host restart). What arrived is kept.',
      actions: ['continue', 'retry'],
    },
  };
}

/** The conversation with every turn repaired (the same object when nothing needed it). */
export function repairConversation(c: Conversation): Conversation {
  if (!c.turns.some((t) => t.outcome === 'streaming' || t.content.some(isEmptyText))) return c;
  return { ...c, turns: c.turns.map((t) => interruptedTurn(repairTurn(t))) };
}
