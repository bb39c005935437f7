import * as assert from 'node:assert/strict';
import {
  openEnvelope,
  safeExternalUrl,
  validateWebviewMessage,
} from '../../../src/shared/protocolValidation';

describe('validateWebviewMessage (untrusted input from the webview)', () => {
  it('accepts each well-formed message and keeps only known fields', () => {
    const r = validateWebviewMessage({ type: 'send', text: 'hi', extra: '<script>' });
    assert.deepEqual(r, { ok: true, message: { type: 'send', text: 'hi' } });
    assert.ok(validateWebviewMessage({ type: 'ready' }).ok);
    assert.ok(validateWebviewMessage({ type: 'action', turnId: 't-1', action: 'retry' }).ok);
    assert.ok(validateWebviewMessage({ type: 'addContext', kind: 'file' }).ok);
    assert.ok(validateWebviewMessage({ type: 'insertCode', code: 'x', languageId: 'ts' }).ok);
    assert.ok(validateWebviewMessage({ type: 'command', command: 'toggleFast' }).ok);
    assert.deepEqual(
      validateWebviewMessage({
        type: 'loadTurns',
        conversationId: 'c1',
        beforeTurnId: 't-9',
        count: 20,
        x: 1,
      }),
      { ok: true, message: { type: 'loadTurns', conversationId: 'c1', beforeTurnId: 't-9', count: 20 } },
    );
  });

  const refused: [string, unknown][] = [
    ['null', null],
    ['a string', 'send'],
    ['an unknown type', { type: 'eval', code: '1' }],
    ['an empty prompt', { type: 'send', text: '   ' }],
    ['a non-string prompt', { type: 'send', text: { toString: 'x' } }],
    ['an oversized prompt', { type: 'send', text: 'x'.repeat(1_000_001) }],
    ['an unknown action', { type: 'action', turnId: 't', action: 'deleteEverything' }],
    ['a path-like id', { type: 'openConversation', id: '../../secrets' }],
    ['an unknown context kind', { type: 'addContext', kind: 'workspace' }],
    ['an arbitrary command', { type: 'command', command: 'workbench.action.terminal.sendSequence' }],
    ['a page of no turns', { type: 'loadTurns', conversationId: 'c', beforeTurnId: 't', count: 0 }],
    ['a page too large', { type: 'loadTurns', conversationId: 'c', beforeTurnId: 't', count: 501 }],
    ['a fractional page', { type: 'loadTurns', conversationId: 'c', beforeTurnId: 't', count: 2.5 }],
    ['a page counted in text', { type: 'loadTurns', conversationId: 'c', beforeTurnId: 't', count: '5' }],
    ['a page before a path', { type: 'loadTurns', conversationId: 'c', beforeTurnId: '../t', count: 5 }],
    ['a page of no conversation', { type: 'loadTurns', beforeTurnId: 't', count: 5 }],
  ];
  for (const [what, raw] of refused) {
    it(`refuses ${what}`, () => {
      assert.equal(validateWebviewMessage(raw).ok, false);
    });
  }
});

describe('safeExternalUrl', () => {
  it('allows only http and https', () => {
    assert.equal(safeExternalUrl('https://example.com/a')?.hostname, 'example.com');
    assert.ok(safeExternalUrl('http://example.com'));
    for (const bad of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'command:workbench.action.quit',
      'vscode://x',
      'data:text/html,x',
      'not a url',
    ]) {
      assert.equal(safeExternalUrl(bad), undefined, bad);
    }
  });
});

describe('openEnvelope (the numbered envelope around every message, either way)', () => {
  const body = { type: 'stop' };
  it('opens a well-formed envelope, with or without replyTo, and drops unknown fields', () => {
    assert.deepEqual(openEnvelope({ id: 1, body }), { ok: true, envelope: { id: 1, body } });
    assert.deepEqual(openEnvelope({ id: 7, replyTo: 3, body, extra: 'x' }), {
      ok: true,
      envelope: { id: 7, replyTo: 3, body },
    });
  });

  const refused: [string, unknown, string][] = [
    ['a bare message', body, 'envelope: invalid id'],
    ['null', null, 'not an envelope'],
    ['a zero id', { id: 0, body }, 'envelope: invalid id'],
    ['a fractional id', { id: 1.5, body }, 'envelope: invalid id'],
    ['a string id', { id: '1', body }, 'envelope: invalid id'],
    ['an unsafe id', { id: 2 ** 53, body }, 'envelope: invalid id'],
    ['a negative replyTo', { id: 1, replyTo: -2, body }, 'envelope: invalid replyTo'],
    ['no body', { id: 1 }, 'envelope: no message'],
    ['a string body', { id: 1, body: 'stop' }, 'envelope: no message'],
  ];
  for (const [what, raw, reason] of refused) {
    it(`refuses ${what}`, () => assert.deepEqual(openEnvelope(raw), { ok: false, reason }));
  }
});
