// The conversation model the host owns and persists. No vscode import: the store and the request
// history built from it are tested in plain Node.

import type { ContentBlock, MessageParam } from '../../anthropic/types';
import type { ChipView, ErrorView, FooterView, TurnOutcome } from '../../shared/protocol';
import { isEmptyText } from './conversationRepair';
import type { TurnVersions } from './versions';

/** The stored format's version; bump it and extend `migrateConversation` when the shape changes. */
export const conversationVersion = 1;

/** A selection or file attached to a prompt, with the text that was sent. */
export interface Attachment extends ChipView {
  readonly path: string;
  readonly text: string;
}

export interface Turn {
  readonly id: string;
  prompt: string;
  attachments: Attachment[];
  /** The assistant's content exactly as the API returned it (signatures and redacted data intact). */
  content: ContentBlock[];
  outcome: TurnOutcome;
  stopReason?: string;
  footer?: FooterView;
  error?: ErrorView;
  notice?: string;
  /** Thinking durations per content index, for "Thought for N s" after a reload. */
  thinkingMs?: Record<number, number>;
  /** A continuation turn (after max_tokens / pause_turn): its prompt is not shown as a new message. */
  continuation?: boolean;
  /** Other versions of the conversation from this turn on (regenerated, or the prompt edited). */
  versions?: TurnVersions;
}

export interface Conversation {
  readonly version: typeof conversationVersion;
  readonly id: string;
  title: string;
  readonly createdAt: number;
  updatedAt: number;
  model: string;
  turns: Turn[];
  /** Set once the API rejected a thinking signature and thinking blocks were dropped from history. */
  thinkingDropped?: boolean;
}

export function newConversation(id: string, model: string, now = Date.now()): Conversation {
  return {
    version: conversationVersion,
    id,
    title: 'New chat',
    createdAt: now,
    updatedAt: now,
    model,
    turns: [],
  };
}

/** A title from the first prompt: its first line, trimmed to a readable length. */
export function titleFromPrompt(prompt: string): string {
  const firstLine =
    prompt
      .split(/\r?\n/)
      .map((l) => l.trim())
      .find((l) => l !== '') ?? 'New chat';
  return firstLine.length > 60 ? `${firstLine.slice(0, 57).trimEnd()}…` : firstLine;
}

/** The user message for one turn: attachments first (fenced, with path and language), then the prompt. */
export function userContent(turn: Turn): string {
  if (turn.attachments.length === 0) return turn.prompt;
  const parts = turn.attachments.map((a) => {
    const fence = a.text.includes('```') ? '````' : '```';
    const what = a.kind === 'selection' ? `Selection from ${a.label}` : `File ${a.path}`;
    return `${what}:\n${fence}${a.languageId}\n${a.text}\n${fence}`;
  });
  return `${parts.join('\n\n')}\n\n${turn.prompt}`;
}

/**
 * The `messages` array for the next request: every earlier turn with its assistant content sent
 * back verbatim (thinking blocks with signatures, redacted thinking), as the adaptive-thinking docs
 * recommend. Turns that produced no content are left out together with their prompt, so roles
 * keep alternating. `dropThinking` removes thinking blocks (the once-only recovery after the API
 * rejected a signature).
 */
export function historyMessages(turns: readonly Turn[], dropThinking = false): MessageParam[] {
  const messages: MessageParam[] = [];
  for (const turn of turns) {
    const content = turn.content.filter((b) => {
      if (isEmptyText(b)) return false;
      if (dropThinking && (b.type === 'thinking' || b.type === 'redacted_thinking')) return false;
      // A thinking block cut off before its signature arrived cannot be verified: leave it out.
      return !(b.type === 'thinking' && !(b as { signature?: string }).signature);
    });
    const hasAnswer = content.some((b) => b.type !== 'thinking' && b.type !== 'redacted_thinking');
    const user = userContent(turn);
    const last = messages[messages.length - 1];
    if (last?.role === 'user') {
      // The previous turn produced nothing usable: fold its prompt into this one.
      last.content = `${last.content as string}\n\n${user}`;
    } else {
      messages.push({ role: 'user', content: user });
    }
    if (hasAnswer) messages.push({ role: 'assistant', content: content });
  }
  return messages;
}

/** The API may pause a long turn; Thinkfast lets it carry on at most this many times in a row. */
const maxAutoContinues = 5;

/** True when `turn` ended paused (`pause_turn`) and the conversation may carry on by itself. */
export function pausedTurnToContinue(conversation: Conversation, turn: Turn): boolean {
  const pausedInARow = conversation.turns
    .slice()
    .reverse()
    .findIndex((t) => !t.continuation);
  return turn.outcome === 'complete' && turn.stopReason === 'pause_turn' && pausedInARow < maxAutoContinues;
}
