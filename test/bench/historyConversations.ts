// Conversations for the history benchmark and the index tests: a few turns each with thinking and
// a markdown answer, about 6 KB per file, as a real history holds.

import { newConversation, newTurn, type Conversation } from '../../src/extension/chat/conversation';

export function historyConversation(n: number, turns = 3): Conversation {
  const c = newConversation(
    `bench-${n.toString().padStart(5, '0')}`,
    'claude-opus-5-5',
    1_700_000_000_000 + n,
  );
  c.title = `Conversation ${n}: how do B-trees keep their balance?`;
  for (let t = 0; t < turns; t++) {
    const turn = newTurn(`Question ${t} of conversation ${n}: explain it with an example.`);
    turn.outcome = 'complete';
    turn.content = [
      { type: 'thinking', thinking: `Thinking about part ${t}. `.repeat(20), signature: 'c2lnbmF0dXJl' },
      {
        type: 'text',
        text: `## Answer ${t}\n\n${'A paragraph of the answer, with `code` and **bold**. '.repeat(25)}`,
      },
    ];
    c.turns.push(turn);
  }
  c.updatedAt = 1_700_000_000_000 + n;
  return c;
}
