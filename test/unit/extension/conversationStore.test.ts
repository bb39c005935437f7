import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newConversation, type Conversation } from '../../../src/extension/chat/conversation';
import {
  ConversationStore,
  migrateConversation,
  newConversationId,
  type CorruptFile,
} from '../../../src/extension/chat/conversationStore';

function sample(id: string, prompt = 'Hello'): Conversation {
  const c = newConversation(id, 'claude-opus-4-6', 1_000);
  c.title = prompt;
  c.turns.push({
    id: 't1',
    prompt,
    attachments: [],
    content: [
      { type: 'thinking', thinking: 'Let me think.', signature: 'c2ln' },
      { type: 'redacted_thinking', data: 'ZW5jcnlwdGVk' },
      { type: 'text', text: 'Hi!' },
    ],
    outcome: 'complete',
  });
  return c;
}

describe('ConversationStore', () => {
  let dir: string;
  let corrupt: CorruptFile[];
  let store: ConversationStore;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'thinkfast-store-'));
    corrupt = [];
    store = new ConversationStore(dir, (c) => corrupt.push(c));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('round-trips a conversation with thinking signatures and redacted data verbatim', async () => {
    const c = sample(newConversationId());
    await store.save(c);
    assert.deepEqual(await store.load(c.id), c);
  });

  it('leaves no temporary files behind after saving', async () => {
    const c = sample('a1');
    await Promise.all([store.save(c), store.save(c), store.save(c)]);
    const names = await fs.readdir(join(dir, 'conversations'));
    assert.deepEqual(names, ['a1.json']);
  });

  it('lands concurrent saves of one conversation in call order (the last one wins)', async () => {
    const c = sample('order');
    const saves: Promise<unknown>[] = [];
    for (let i = 0; i < 20; i++) {
      const copy = structuredClone(c);
      copy.title = `v${i}`;
      saves.push(store.save(copy));
    }
    await Promise.all(saves);
    assert.equal((await store.load('order'))?.title, 'v19');
  });

  it('keeps the previous file intact when a save fails', async () => {
    const c = sample('keep');
    await store.save(c);
    const huge = sample('keep');
    (huge as unknown as { turns: unknown[] }).turns.push({
      id: 'x',
      get prompt(): string {
        throw new Error('boom');
      },
    });
    await assert.rejects(store.save(huge));
    assert.deepEqual(await store.load('keep'), c);
  });

  it('moves a corrupt file aside, reports it once, and still lists every other conversation', async () => {
    await store.save(sample('good1', 'First'));
    await store.save(sample('good2', 'Second'));
    await fs.writeFile(join(dir, 'conversations', 'bad.json'), '{"version":1,"id":"bad","turns":[{"id":');
    const items = await store.list();
    assert.deepEqual(items.map((i) => i.id).sort(), ['good1', 'good2']);
    assert.equal(corrupt.length, 1);
    assert.match(corrupt[0].reason, /^the file ends early/);
    const kept = await fs.readdir(join(dir, 'conversations', 'corrupt'));
    assert.equal(kept.length, 1);
    assert.match(kept[0], /^bad\.json\.\d+$/);
    // The corrupt content is preserved byte for byte, for the user to recover.
    assert.equal(
      await fs.readFile(join(dir, 'conversations', 'corrupt', kept[0]), 'utf8'),
      '{"version":1,"id":"bad","turns":[{"id":',
    );
    await store.list();
    assert.equal(corrupt.length, 1, 'not reported again');
  });

  it('treats a valid JSON file of the wrong shape as corrupt', async () => {
    await fs.mkdir(join(dir, 'conversations'), { recursive: true });
    await fs.writeFile(join(dir, 'conversations', 'odd.json'), '{"version":1,"id":"odd","turns":"no"}');
    assert.equal(await store.load('odd'), undefined);
    assert.equal(corrupt.length, 1);
  });

  it('restores the most recently saved conversation', async () => {
    await store.save(sample('older'));
    await new Promise((r) => setTimeout(r, 20));
    await store.save(sample('newer'));
    assert.equal((await store.latest())?.id, 'newer');
  });

  it('deletes a conversation and refuses ids that could escape the folder', async () => {
    await store.save(sample('gone'));
    await store.delete('gone');
    assert.equal(await store.load('gone'), undefined);
    assert.equal(await store.load('../../etc/passwd'), undefined);
    await assert.rejects(store.save({ ...sample('x'), id: '../evil' }));
  });

  it('lists newest first and leaves out empty conversations', async () => {
    const a = sample('a');
    a.updatedAt = 5;
    const b = sample('b');
    b.updatedAt = 9;
    await store.save(a);
    await store.save(b);
    await store.save(newConversation('empty', 'm'));
    assert.deepEqual(
      (await store.list()).map((i) => i.id),
      ['b', 'a'],
    );
  });
});

describe('migrateConversation', () => {
  it('accepts the current version and fills missing optional fields', () => {
    const c = migrateConversation({ version: 1, id: 'x', turns: [{ id: 't', prompt: 'p', content: [] }] });
    assert.equal(c.title, 'Untitled');
    assert.deepEqual(c.turns[0].attachments, []);
  });

  it('refuses an unknown version rather than guessing; a newer one says so', () => {
    assert.throws(() => migrateConversation({ version: 0, id: 'x', turns: [] }), /unknown version 0/);
    assert.throws(
      () => migrateConversation({ version: 99, id: 'x', turns: [] }),
      /saved by a newer Thinkfast/,
    );
  });
});
