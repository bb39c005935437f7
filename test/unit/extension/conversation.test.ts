import * as assert from 'node:assert/strict';
import { historyMessages, titleFromPrompt, type Turn } from '../../../src/extension/chat/conversation';

function turn(id: string, prompt: string, content: Turn['content'], extra: Partial<Turn> = {}): Turn {
  return { id, prompt, attachments: [], content, outcome: 'complete', ...extra };
}

const thinking = { type: 'thinking', thinking: 'I should greet.', signature: 'sig-1' } as const;
const redacted = { type: 'redacted_thinking', data: 'opaque' } as const;

describe('historyMessages', () => {
  it('sends earlier assistant turns back with thinking and redacted blocks unmodified', () => {
    const turns = [
      turn('1', 'Hi', [thinking, redacted, { type: 'text', text: 'Hello!' }]),
      turn('2', 'And now?', []),
    ];
    assert.deepEqual(historyMessages(turns), [
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: [thinking, redacted, { type: 'text', text: 'Hello!' }] },
      { role: 'user', content: 'And now?' },
    ]);
  });

  it('drops thinking blocks only when asked to (after a signature rejection)', () => {
    const turns = [
      turn('1', 'Hi', [thinking, redacted, { type: 'text', text: 'Hello!' }]),
      turn('2', 'Next', []),
    ];
    assert.deepEqual(historyMessages(turns, true)[1], {
      role: 'assistant',
      content: [{ type: 'text', text: 'Hello!' }],
    });
  });

  it('leaves out a thinking block cut off before its signature, keeping the partial answer', () => {
    const turns = [
      turn(
        '1',
        'Hi',
        [
          { type: 'thinking', thinking: 'half', signature: '' },
          { type: 'text', text: 'Hel' },
        ],
        {
          outcome: 'stopped',
        },
      ),
      turn('2', 'Go on', []),
    ];
    assert.deepEqual(historyMessages(turns)[1], {
      role: 'assistant',
      content: [{ type: 'text', text: 'Hel' }],
    });
  });

  it('folds the prompt of a turn that produced no answer into the next, so roles alternate', () => {
    const turns = [turn('1', 'First', [], { outcome: 'failed' }), turn('2', 'Second', [])];
    assert.deepEqual(historyMessages(turns), [{ role: 'user', content: 'First\n\nSecond' }]);
  });

  it('puts attachments before the prompt, fenced with their language', () => {
    const t = turn('1', 'Explain', []);
    t.attachments.push({
      id: 'c1',
      label: 'a.ts:1-2',
      kind: 'selection',
      languageId: 'typescript',
      lines: 2,
      path: '/w/a.ts',
      text: 'let a = 1;\nlet b = 2;',
    });
    assert.equal(
      historyMessages([t])[0].content,
      'Selection from a.ts:1-2:\n```typescript\nlet a = 1;\nlet b = 2;\n```\n\nExplain',
    );
  });
});

describe('titleFromPrompt', () => {
  it('uses the first non-empty line, shortened', () => {
    assert.equal(titleFromPrompt('\n  Explain closures  \nmore'), 'Explain closures');
    assert.equal(titleFromPrompt('x'.repeat(100)).length, 58);
  });
});
