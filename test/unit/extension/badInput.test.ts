// Issue 10, "Bad input" (part): what each malformed input gets, table by table. Each row says the
// input and the clear message (or the safe value) it must get; nothing throws and nothing is sent.

import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { newConversation, newTurn } from '../../../src/extension/chat/conversation';
import { ConversationStore, type CorruptFile } from '../../../src/extension/chat/conversationStore';
import { resolveModel } from '../../../src/anthropic/models';
import { buildRequest } from '../../../src/anthropic/requestBuilder';
import { checkBaseUrl } from '../../../src/extension/connection/baseUrl';
import { overridesFromSettings } from '../../../src/extension/connection/modelCatalog';
import { ConfigSnapshot, type ConfigSource } from '../../../src/extension/settings/configSnapshot';
import { SettingTable } from '../../../src/extension/settings/settingsTable';
import {
  maxMessageText,
  safeExternalUrl,
  validateWebviewMessage,
} from '../../../src/shared/protocolValidation';
import { tempStorage } from './sessionKit';

const user = (values: Record<string, unknown>): ConfigSource => ({
  get: (k) => values[k],
  user: (k) => values[k],
  trusted: (k) => values[k],
});

describe('bad input: base URLs', () => {
  const rows: [string, string, RegExp | 'ok'][] = [
    ['credentials in the URL', 'https://me:secret@gateway.example.com', /must not contain credentials/],
    ['http to a non-loopback host', 'http://gateway.example.com', /only for loopback.*unencrypted/],
    ['not a URL', 'api.anthropic', /not a valid URL/],
    ['another scheme', 'ftp://api.example.com', /must use https/],
    ['IPv6 loopback over http', 'http://[::1]:8080', 'ok'],
    ['IPv4 loopback over http', 'http://127.0.0.1:8080/', 'ok'],
    ['https with a path prefix', 'https://gateway.example.com/anthropic/', 'ok'],
  ];
  for (const [what, raw, expected] of rows) {
    it(`${what}: ${expected === 'ok' ? 'accepted' : 'refused with a clear message'}`, () => {
      const r = checkBaseUrl(raw);
      if (expected === 'ok') return assert.equal(r.ok, true, JSON.stringify(r));
      assert.ok(!r.ok);
      assert.match(r.message, expected);
      assert.ok(!r.message.includes('secret'), 'the credential is not repeated');
    });
  }
});

describe('bad input: settings values', () => {
  const rows: [string, Record<string, unknown>, (c: ConfigSnapshot) => void][] = [
    [
      'negative maxTokens',
      { maxTokens: -5 },
      (c) => assert.equal(c.maxTokens, SettingTable.maxTokens.default),
    ],
    [
      'maxTokens of the wrong type',
      { maxTokens: '9000' },
      (c) => assert.equal(c.maxTokens, SettingTable.maxTokens.default),
    ],
    ['unknown effort', { effort: 'extreme' }, (c) => assert.equal(c.effort, SettingTable.effort.default)],
    [
      'modelOverrides not an object',
      { modelOverrides: 'fast' },
      (c) => assert.deepEqual(c.modelOverrides, {}),
    ],
    ['priceOverrides an array', { priceOverrides: [1, 2] }, (c) => assert.deepEqual(c.priceOverrides, {})],
    ['baseUrl not a string', { baseUrl: 42 }, (c) => assert.equal(c.baseUrl, SettingTable.baseUrl.default)],
  ];
  for (const [what, values, check] of rows) {
    it(`${what}: a safe value, nothing throws`, () => check(new ConfigSnapshot(user(values))));
  }

  it('wrong types inside modelOverrides / priceOverrides are skipped, the rest kept', () => {
    const o = overridesFromSettings(
      { 'claude-a': 'fast', 'claude-b': [1], 'claude-c': { fast: 'ga' } },
      { 'claude-d': { input: 'five', output: 25 }, 'claude-e': null, 'claude-f': { input: 5, output: 25 } },
    );
    assert.deepEqual(Object.keys(o).sort(), ['claude-c', 'claude-f']);
  });

  it('huge maxTokens: refused before sending, with the model limit and what to change', () => {
    assert.throws(
      () =>
        buildRequest({ model: 'claude-opus-4-6', maxTokens: 10_000_000 }, resolveModel('claude-opus-4-6'), [
          { role: 'user', content: 'hi' },
        ]),
      /at most 128,000 output tokens.*Lower max tokens/,
    );
  });
});

describe('bad input: webview messages of every wrong shape', () => {
  const rows: [string, unknown, RegExp][] = [
    ['null', null, /not an object/],
    ['a string', 'send', /not an object/],
    ['an array', [], /invalid|unknown|not an object/],
    ['no type', { text: 'hi' }, /unknown message type/],
    ['an unknown type', { type: 'deleteEverything' }, /unknown message type/],
    ['send with a number', { type: 'send', text: 42 }, /send: invalid/],
    ['send without text', { type: 'send' }, /send: invalid/],
    ['a prompt over the size limit', { type: 'send', text: 'x'.repeat(maxMessageText + 1) }, /send: invalid/],
    ['action with an unknown action', { type: 'action', turnId: 't1', action: 'rm' }, /action: invalid/],
    ['action without a turn', { type: 'action', action: 'retry' }, /action: invalid/],
    ['openConversation with a path', { type: 'openConversation', id: '../../etc/passwd' }, /invalid/],
    ['command not on the list', { type: 'command', id: 'workbench.action.terminal.new' }, /invalid/],
  ];
  for (const [what, raw, reason] of rows) {
    it(`${what}: refused with a reason`, () => {
      const r = validateWebviewMessage(raw);
      assert.ok(!r.ok, `accepted: ${JSON.stringify(raw)?.slice(0, 80)}`);
      assert.match(r.reason, reason);
    });
  }

  it('openLink to a javascript: or file: URL passes the shape check but never opens', () => {
    for (const href of ['javascript:alert(1)', 'file:///etc/passwd', 'command:workbench.action.quit']) {
      assert.ok(validateWebviewMessage({ type: 'openLink', href }).ok);
      assert.equal(safeExternalUrl(href), undefined, href);
    }
  });
});

describe('bad input: conversation files', () => {
  const good = JSON.stringify({
    version: 1,
    id: 'cut',
    title: 'A title',
    model: 'claude-opus-4-6',
    createdAt: 1,
    updatedAt: 2,
    turns: [
      { id: 't1', prompt: 'Hello "there"', attachments: [], content: [{ type: 'text', text: 'Hi {' }] },
    ],
  });
  // Each row: the file's text, and the reason the user reads when it is moved aside.
  const rows: [string, string, RegExp][] = [
    ['cut inside a string', good.slice(0, good.indexOf('there')), /^the file ends early \(\d+ bytes/],
    ['cut between values', good.slice(0, good.indexOf('"turns"') + 8), /^the file ends early/],
    ['cut after an escaped quote', good.slice(0, good.indexOf('there') + 7), /^the file ends early/],
    ['cut after a brace inside text', good.slice(0, good.indexOf('Hi {') + 4), /^the file ends early/],
    ['empty', '', /^the file is empty \(0 bytes\)/],
    ['junk in the middle', '{"version":1,\n "id": nope, "turns": []}', /^the file is not valid JSON$/],
    ['junk though unbalanced (not cut)', '{"version":1, "id": nope', /^the file is not valid JSON$/],
    ['text after the end', '{"version":1}\n}', /^the file is not valid JSON near line 2, column 1$/],
    ['valid JSON of the wrong shape', '{"version":1,"id":"cut","turns":"no"}', /missing turns/],
    ['an unknown older version', '{"version":0,"id":"cut","turns":[]}', /unknown version 0/],
  ];
  for (const [what, text, reason] of rows) {
    it(`${what}: moved aside, kept byte for byte, with a readable reason`, async () => {
      const dir = tempStorage();
      const corrupt: CorruptFile[] = [];
      const store = new ConversationStore(dir, (c) => corrupt.push(c));
      await fs.mkdir(join(dir, 'conversations'), { recursive: true });
      await fs.writeFile(join(dir, 'conversations', 'cut.json'), text);
      assert.equal(await store.load('cut'), undefined);
      assert.equal(corrupt.length, 1);
      assert.match(corrupt[0].reason, reason);
      assert.doesNotMatch(
        corrupt[0].reason,
        /Unexpected|position \d|JSON input|Unterminated/,
        'no parser jargon',
      );
      assert.equal(await fs.readFile(corrupt[0].movedTo, 'utf8'), text);
    });
  }

  const newer = JSON.stringify({
    version: 7,
    id: 'next-1',
    title: 'From the future',
    updatedAt: 5,
    turns: [{}, {}],
  });

  async function storeWithNewer(): Promise<{
    store: ConversationStore;
    file: string;
    corrupt: CorruptFile[];
  }> {
    const dir = tempStorage();
    const corrupt: CorruptFile[] = [];
    const store = new ConversationStore(dir, (c) => corrupt.push(c));
    const file = join(dir, 'conversations', 'next-1.json');
    await fs.mkdir(join(dir, 'conversations'), { recursive: true });
    await fs.writeFile(file, newer);
    return { store, file, corrupt };
  }

  it('a file from a newer version: kept in place, listed as saved by a newer Thinkfast', async () => {
    const { store, file, corrupt } = await storeWithNewer();
    const items = await store.list();
    assert.deepEqual(items, [
      { id: 'next-1', title: 'From the future', updatedAt: 5, model: '', turns: 2, savedByNewer: 7 },
    ]);
    assert.equal(await store.load('next-1'), undefined, 'not opened');
    assert.match(
      store.newerFormat('next-1')?.message ?? '',
      /saved by a newer Thinkfast \(conversation format 7; this version reads 1\)/,
    );
    assert.deepEqual(corrupt, [], 'not reported as corrupt');
    assert.equal(await fs.readFile(file, 'utf8'), newer, 'not moved, not changed');
    // Listed again from the index, still marked.
    assert.equal((await store.list())[0].savedByNewer, 7);
  });

  it('a file from a newer version: a save of the same id is refused, the file is not overwritten', async () => {
    const { store, file } = await storeWithNewer();
    const ours = newConversation('next-1', 'claude-opus-4-6');
    ours.turns.push({ ...newTurn('older window'), outcome: 'complete' });
    await assert.rejects(store.save(ours), /saved by a newer Thinkfast/);
    await store.flush();
    assert.equal(await fs.readFile(file, 'utf8'), newer);
  });
});
