// The saved conversation the long-conversation benchmark opens: every turn has a prompt, a
// summarized thinking block and an answer of prose, lists and fenced code, about 5 KB of
// markdown per turn (1.5 MB at 300 turns). Deterministic, so runs compare. The panel is given
// what the host sends on opening it (the last turns in full, stubs before them).
import type { HostMessage, TurnView } from '../../src/shared/protocol';
import { splitForOpening, turnStub } from '../../src/shared/turnPages';
import { footer } from '../webview/fixtures';
import { benchDocument } from './benchDocument';

const thinking =
  'The user wants the parser to handle **long inputs**. I should check the tokenizer first, ' +
  'then the error paths.\n\n- look at `readToken`\n- keep the state machine small\n\n' +
  'A table-driven approach is simpler than nested conditionals here.\n';

/** One stored, finished turn; `n` varies the text so no two turns are equal. */
export function longTurn(n: number): TurnView {
  const answer = benchDocument(4_300).replace(/Step (\d+)/g, (_, s: string) => `Step ${n}.${s}`);
  return {
    id: `t${n}`,
    prompt: `Question ${n}: how do I make the tokenizer faster on long inputs?`,
    chips: [],
    blocks: [
      { kind: 'thinking', text: `Turn ${n}. ${thinking}`, durationMs: 4_200 },
      { kind: 'text', text: answer },
    ],
    outcome: 'complete',
    footer: footer(),
  };
}

/** Every turn of the saved conversation, in full (what the host has). */
export function longTurns(turns: number): TurnView[] {
  return Array.from({ length: turns }, (_, i) => longTurn(i));
}

/**
 * The `conversation` message the host posts when it opens: the last turns in full, the older
 * ones as stubs (the same split as the host's, shared/turnPages.ts).
 */
export function longConversation(turns: number): Extract<HostMessage, { type: 'conversation' }> {
  const { earlier, recent } = splitForOpening(longTurns(turns));
  return {
    type: 'conversation',
    id: `long-${turns}`,
    title: `${turns} turns`,
    turns: recent,
    ...(earlier.length > 0 ? { earlier: earlier.map((t) => turnStub(t.id, t.footer)) } : {}),
  };
}
