import * as assert from 'node:assert/strict';
import {
  contextView,
  draftFromSummary,
  historyTokens,
  nearLimit,
} from '../../../src/extension/chat/contextMeter';
import type { Attachment, Turn } from '../../../src/extension/chat/conversation';
import type { FooterView } from '../../../src/shared/protocol';
import { validateWebviewMessage } from '../../../src/shared/protocolValidation';

const footer = (input: number, output: number, read = 0, write = 0): FooterView => ({
  model: 'm',
  speed: 'standard',
  fellBack: false,
  inputTokens: input,
  outputTokens: output,
  cacheReadTokens: read,
  cacheWriteTokens: write,
  costBreakdown: [],
  simulator: true,
});

const turn = (prompt: string, f?: FooterView, answer = ''): Turn => ({
  id: `t${prompt.length}`,
  prompt,
  attachments: [],
  content: answer ? [{ type: 'text', text: answer }] : [],
  outcome: f ? 'complete' : 'failed',
  ...(f ? { footer: f } : {}),
});

describe('context meter: figures', () => {
  it('takes the last measured usage (input, cache reads and writes, output) as the history', () => {
    const turns = [turn('one', footer(100, 50)), turn('two', footer(20, 40, 150, 10))];
    assert.equal(historyTokens(turns), 20 + 150 + 10 + 40);
  });

  it('estimates turns after the last measured one from their text, and an empty chat is 0', () => {
    assert.equal(historyTokens([]), 0);
    const turns = [turn('one', footer(100, 50)), turn('x'.repeat(40), undefined, 'y'.repeat(8))];
    assert.equal(historyTokens(turns), 150 + 10 + 2);
  });

  it('adds chips (their estimate, or from their text when saved without one)', () => {
    const chip = (text: string, tokens?: number): Attachment => ({
      id: 'c1',
      label: 'a.ts',
      kind: 'file',
      languageId: 'typescript',
      lines: 1,
      path: 'a.ts',
      text,
      ...(tokens === undefined ? {} : { tokens }),
    });
    const view = contextView([], [chip('abcd', 7), chip('x'.repeat(20))], { contextWindow: 1000 });
    assert.deepEqual(view, { window: 1000, historyTokens: 0, chipTokens: 12 });
    assert.deepEqual(
      contextView([], [], {}),
      { historyTokens: 0, chipTokens: 0 },
      'an unknown window is absent',
    );
  });

  it('is near the limit from 70 % of a known window, never for an unknown one', () => {
    assert.equal(nearLimit({ window: 1000, historyTokens: 690, chipTokens: 0 }, ''), false);
    assert.equal(nearLimit({ window: 1000, historyTokens: 690, chipTokens: 0 }, 'x'.repeat(40)), true);
    assert.equal(nearLimit({ historyTokens: 1e9, chipTokens: 0 }, ''), false);
  });

  it('starts a new chat from a summary the user can read and edit', () => {
    assert.match(
      draftFromSummary('  ## Goal\nSum.  '),
      /summary of our previous conversation[\s\S]*## Goal\nSum\.\n\n$/,
    );
  });

  it('accepts the meter messages from the webview only in their shapes', () => {
    assert.deepEqual(validateWebviewMessage({ type: 'countContext', draft: 'hi', extra: 1 }), {
      ok: true,
      message: { type: 'countContext', draft: 'hi' },
    });
    assert.equal(validateWebviewMessage({ type: 'countContext', draft: 3 }).ok, false);
    assert.equal(validateWebviewMessage({ type: 'newChatFromSummary', summary: '  ' }).ok, false);
    assert.equal(validateWebviewMessage({ type: 'mentionQuery', query: 'x'.repeat(201) }).ok, false);
    assert.equal(validateWebviewMessage({ type: 'addMention', id: '../x' }).ok, false);
    assert.deepEqual(validateWebviewMessage({ type: 'summarize' }), {
      ok: true,
      message: { type: 'summarize' },
    });
  });
});
