import * as assert from 'node:assert/strict';
import type { Conversation } from '../../../src/extension/chat/conversation';
import { conversationMarkdown, exportFileName } from '../../../src/extension/chat/exportMarkdown';
import { matchConversation } from '../../../src/extension/chat/historySearch';

const conversation: Conversation = {
  version: 1,
  id: 'c1',
  title: 'Closures: a/b test',
  createdAt: 0,
  updatedAt: Date.UTC(2026, 11, 2),
  model: 'claude-opus-5-5',
  turns: [
    {
      id: 't1',
      prompt: 'What is a closure?',
      attachments: [],
      content: [
        { type: 'thinking', thinking: 'Recall lexical scope.\nThen an example.', signature: 's' },
        { type: 'text', text: 'A function that keeps its **scope**.' },
      ],
      outcome: 'complete',
      footer: {
        model: 'Claude Opus 5.5',
        speed: 'fast',
        fellBack: false,
        inputTokens: 1200,
        outputTokens: 300,
        cacheReadTokens: 1000,
        cacheWriteTokens: 0,
        costUsd: 0.0123,
        costBreakdown: [],
        simulator: false,
      },
    },
    {
      id: 't2',
      prompt: 'Shorter?',
      attachments: [],
      content: [{ type: 'text', text: 'Scope kept.' }],
      outcome: 'stopped',
    },
  ],
};

describe('export to Markdown', () => {
  it('writes prompts, answers and the footer figures; thinking only when asked', () => {
    const md = conversationMarkdown(conversation, { thinking: false });
    assert.match(md, /^# Closures: a\/b test\n/);
    assert.match(md, /## You\n\nWhat is a closure\?/);
    assert.match(md, /A function that keeps its \*\*scope\*\*\./);
    assert.match(md, /Claude Opus 5\.5 · fast · in 1,200 · out 300 · cache read 1,000 · \$0\.012/);
    assert.match(md, /_Answer stopped\._/);
    assert.ok(!md.includes('lexical scope'));
    const withThinking = conversationMarkdown(conversation, { thinking: true });
    assert.match(withThinking, /> \*\*Thinking\*\*\n>\n> Recall lexical scope\.\n> Then an example\./);
  });

  it('names the file after the title without characters file systems refuse', () => {
    assert.equal(exportFileName(conversation), 'Closures a b test.md');
    assert.equal(exportFileName({ ...conversation, title: '\u0001' }), 'conversation.md');
  });
});

describe('history search', () => {
  it('finds titles, prompts and answers case-insensitively, thinking only when asked', () => {
    assert.equal(
      matchConversation(conversation, 'CLOSURES', { thinking: false })?.snippet,
      'Closures: a/b test',
    );
    assert.match(matchConversation(conversation, 'keeps its', { thinking: false })!.snippet, /keeps its/);
    assert.equal(matchConversation(conversation, 'lexical', { thinking: false }), undefined);
    assert.match(matchConversation(conversation, 'lexical', { thinking: true })!.snippet, /lexical scope/);
    assert.equal(matchConversation(conversation, '   ', { thinking: true }), undefined);
  });

  it('cuts a snippet around the hit with ellipses', () => {
    const long = {
      ...conversation,
      turns: [{ ...conversation.turns[1]!, prompt: `${'x '.repeat(100)}needle${' y'.repeat(100)}` }],
    };
    const s = matchConversation(long, 'needle', { thinking: false })!.snippet;
    assert.ok(s.startsWith('…') && s.endsWith('…') && s.includes('needle') && s.length < 100, s);
  });
});
