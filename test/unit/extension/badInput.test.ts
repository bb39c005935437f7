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
import { requestSettings } from '../../../src/extension/chat/turnRunner';
import { ConfigSnapshot, type ConfigSource } from '../../../src/extension/settings/configSnapshot';
import { maxTokensNote, type SettingProblem } from '../../../src/extension/settings/settingProblems';
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
  // [what, raw values, the setting's value used instead, the setting named, what the message says]
  const rows: [string, Record<string, unknown>, (c: ConfigSnapshot) => unknown, unknown, string, RegExp][] = [
    [
      'negative maxTokens',
      { maxTokens: -5 },
      (c) => c.maxTokens,
      16000,
      'maxTokens',
      /-5.*whole number of at least 1.*16000/,
    ],
    [
      'maxTokens of the wrong type',
      { maxTokens: '9000' },
      (c) => c.maxTokens,
      16000,
      'maxTokens',
      /"9000".*whole number/,
    ],
    [
      'fractional maxTokens',
      { maxTokens: 1.5 },
      (c) => c.maxTokens,
      16000,
      'maxTokens',
      /1\.5.*whole number/,
    ],
    [
      'unknown effort',
      { effort: 'extreme' },
      (c) => c.effort,
      'high',
      'effort',
      /"extreme".*one of "low", .* or "max".*"high"/,
    ],
    [
      'fastMode not a boolean',
      { fastMode: 'yes' },
      (c) => c.fastMode,
      false,
      'fastMode',
      /"yes".*true or false/,
    ],
    [
      'retries above the maximum',
      { maxRetries: 99 },
      (c) => c.maxRetries,
      10,
      'maxRetries',
      /99.*at most 10.*Using 10 instead/,
    ],
    [
      'a thinking budget below 1024',
      { 'thinking.budgetTokens': 500 },
      (c) => c.thinkingBudgetTokens,
      8000,
      'thinking.budgetTokens',
      /500.*at least 1024/,
    ],
    [
      'a negative spend limit',
      { spendLimitPerConversation: -1 },
      (c) => c.spendLimitPerConversation,
      0,
      'spendLimitPerConversation',
      /-1.*at least 0/,
    ],
    [
      'presets not a list',
      { 'refactor.presets': 'Simplify' },
      (c) => c.refactorPresets,
      SettingTable.refactorPresets.default,
      'refactor.presets',
      /list of texts/,
    ],
    [
      'modelOverrides not an object',
      { modelOverrides: 'fast' },
      (c) => c.modelOverrides,
      {},
      'modelOverrides',
      /"fast".*an object/,
    ],
    [
      'priceOverrides an array',
      { priceOverrides: [1, 2] },
      (c) => c.priceOverrides,
      {},
      'priceOverrides',
      /\[1,2\].*an object/,
    ],
    [
      'baseUrl not a string',
      { baseUrl: 42 },
      (c) => c.baseUrl,
      SettingTable.baseUrl.default,
      'baseUrl',
      /42.*text.*api\.anthropic\.com/,
    ],
    [
      'baseUrl over plain http to a host',
      { baseUrl: 'http://gateway.example.com' },
      (c) => c.baseUrl,
      'http://gateway.example.com',
      'baseUrl',
      /thinkfast\.baseUrl.*only for loopback.*Nothing is sent/,
    ],
  ];
  for (const [what, values, read, used, key, message] of rows) {
    it(`${what}: uses ${JSON.stringify(used).slice(0, 40)} and says so once, naming thinkfast.${key}`, () => {
      const c = new ConfigSnapshot(user(values));
      assert.deepEqual(read(c), used);
      assert.equal(c.problems.length, 1, JSON.stringify(c.problems));
      const [p] = c.problems;
      assert.equal(p.key, key);
      assert.match(p.message, new RegExp(`thinkfast\\.${key.replace('.', '\\.')}`));
      assert.match(p.message, message);
    });
  }

  it('good values and absent values are no problem', () => {
    assert.deepEqual(new ConfigSnapshot(user({})).problems, []);
    const good = {
      maxTokens: 32000,
      effort: 'max',
      fastMode: true,
      maxRetries: 0,
      baseUrl: 'http://[::1]:8080',
    };
    assert.deepEqual(new ConfigSnapshot(user(good)).problems, []);
  });

  it('the same bad value gives the same problem id on every read; another value another id', () => {
    const id = (v: unknown) => new ConfigSnapshot(user({ maxTokens: v })).problems[0].id;
    assert.equal(id(-5), id(-5));
    assert.notEqual(id(-5), id(-6));
  });

  it('a problem is not part of isEqualTo: two bad values that both fall back are the same settings', () => {
    assert.ok(
      new ConfigSnapshot(user({ maxTokens: -5 })).isEqualTo(new ConfigSnapshot(user({ maxTokens: -6 }))),
    );
  });

  it('credentials in the base URL are never repeated in the message', () => {
    const [p] = new ConfigSnapshot(user({ baseUrl: 'https://me:secret@gateway.example.com' })).problems;
    assert.match(p.message, /must not contain credentials/);
    assert.ok(!p.message.includes('secret'));
  });

  // [what, modelOverrides, priceOverrides, the override kept, what the message says]
  const overrideRows: [string, Record<string, unknown>, Record<string, unknown>, unknown, RegExp][] = [
    ['a model entry that is text', { 'claude-a': 'fast' }, {}, {}, /entry for "claude-a".*"fast".*an object/],
    ['a model entry that is a list', { 'claude-b': [1] }, {}, {}, /entry for "claude-b"/],
    [
      'effortLevels as text',
      { 'claude-c': { effortLevels: 'high', displayName: 'C' } },
      {},
      { 'claude-c': { displayName: 'C' } },
      /"effortLevels" of "claude-c".*"high".*a list of "low"/,
    ],
    [
      'an unknown effort level',
      { 'claude-c': { effortLevels: ['high', 'ultra'] } },
      {},
      { 'claude-c': {} },
      /\["high","ultra"\]/,
    ],
    [
      'maxOutputTokens negative',
      { 'claude-c': { maxOutputTokens: -1, fast: 'ga' } },
      {},
      { 'claude-c': { fast: 'ga' } },
      /"maxOutputTokens".*-1.*whole number above 0/,
    ],
    [
      'fast not a known state',
      { 'claude-c': { fast: 'yes' } },
      {},
      { 'claude-c': {} },
      /"fast".*"yes".*one of "ga"/,
    ],
    [
      'a price as text',
      {},
      { 'claude-d': { input: 'five', output: 25 } },
      {},
      /prices for "claude-d".*"five".*"input" and "output"/,
    ],
    ['a null price entry', {}, { 'claude-e': null }, {}, /prices for "claude-e".*null/],
    [
      'a negative cache price',
      {},
      { 'claude-f': { input: 5, output: 25, cacheRead: -1 } },
      {},
      /prices for "claude-f"/,
    ],
  ];
  for (const [what, models, prices, kept, message] of overrideRows) {
    it(`inside the overrides, ${what}: left out, the rest kept, one clear message`, () => {
      const seen: SettingProblem[] = [];
      assert.deepEqual(
        overridesFromSettings(models, prices, (p) => seen.push(p)),
        kept,
      );
      assert.equal(seen.length, 1, JSON.stringify(seen));
      assert.match(seen[0].message, message);
      assert.equal(
        new ConfigSnapshot(user({ modelOverrides: models, priceOverrides: prices })).problems.length,
        1,
      );
    });
  }

  it('good overrides are kept whole, with no message', () => {
    const seen: SettingProblem[] = [];
    const o = overridesFromSettings(
      { 'claude-c': { fast: 'ga', effortLevels: ['low', 'high'], maxOutputTokens: 64000 } },
      { 'claude-f': { input: 5, output: 25 } },
      (p) => seen.push(p),
    );
    assert.deepEqual(Object.keys(o).sort(), ['claude-c', 'claude-f']);
    assert.deepEqual(seen, []);
  });

  it("maxTokens above the model's limit: lowered to it in the request, with a note naming both", () => {
    const caps = resolveModel('claude-opus-4-6');
    const settings = { ...new ConfigSnapshot(user({ maxTokens: 10_000_000, model: caps.id })) };
    assert.equal(requestSettings(settings, caps).maxTokens, caps.maxOutputTokens);
    const built = buildRequest(requestSettings(settings, caps), caps, [{ role: 'user', content: 'hi' }]);
    assert.equal(built.body.max_tokens, 128_000);
    const note = maxTokensNote(10_000_000, caps);
    assert.match(
      note!.message,
      /"thinkfast\.maxTokens" is 10,000,000.*Claude Opus 4\.6 writes at most 128,000.*Using 128,000/,
    );
    assert.equal(maxTokensNote(64_000, caps), undefined);
  });

  it('the request builder itself still refuses a max tokens above the limit (no silent cap below it)', () => {
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
