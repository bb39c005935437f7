// Issue 15 #2: the history list opens from an index file beside the conversations, kept up to date
// by each save and delete, reconciled with the folder (another window's files), and rebuilt when
// it is missing or unreadable.

import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { ConversationStore } from '../../../src/extension/chat/conversationStore';
import { historyConversation } from '../../bench/historyConversations';
import { tempStorage } from './sessionKit';

const indexFile = (dir: string): string => join(dir, 'history-index.json');
const titles = async (store: ConversationStore): Promise<string[]> =>
  (await store.list()).map((i) => i.title);

describe('history index', () => {
  it('lists from the index without opening the conversation files', async () => {
    const dir = tempStorage();
    const store = new ConversationStore(dir);
    for (let n = 0; n < 5; n++) await store.save(historyConversation(n));
    const index = JSON.parse(await fs.readFile(indexFile(dir), 'utf8')) as { items: unknown[] };
    assert.equal(index.items.length, 5);
    // A file the list would have to open is unreadable now; a list from the index still shows it.
    await fs.writeFile(join(dir, 'conversations', 'bench-00002.json'), '{ not json');
    const corrupt: string[] = [];
    const fresh = new ConversationStore(dir, (c) => corrupt.push(c.file));
    assert.equal((await titles(fresh)).length, 5);
    assert.deepEqual(corrupt, [], 'no conversation file was read');
    assert.equal((await fresh.list())[0].id, 'bench-00004', 'newest first');
  });

  it('follows saves, renames and deletes', async () => {
    const dir = tempStorage();
    const store = new ConversationStore(dir);
    const c = historyConversation(1);
    await store.save(c);
    await store.save(historyConversation(2));
    c.title = 'Renamed';
    c.updatedAt += 10;
    await store.save(c);
    await store.delete('bench-00002');
    assert.deepEqual(await titles(new ConversationStore(dir)), ['Renamed']);
  });

  it('picks up conversations written without it (another window, an older version) and drops removed ones', async () => {
    const dir = tempStorage();
    const store = new ConversationStore(dir);
    await store.save(historyConversation(1));
    await new ConversationStore(dir, undefined, { useIndex: false }).save(historyConversation(2));
    await fs.rm(join(dir, 'conversations', 'bench-00001.json'));
    const fresh = new ConversationStore(dir);
    assert.deepEqual(
      (await fresh.list()).map((i) => i.id),
      ['bench-00002'],
    );
    await fresh.flush();
    const index = JSON.parse(await fs.readFile(indexFile(dir), 'utf8')) as { items: { id: string }[] };
    assert.deepEqual(
      index.items.map((i) => i.id),
      ['bench-00002'],
      'the reconciled index was written back',
    );
  });

  for (const damage of ['missing', 'corrupt', 'truncated'] as const) {
    it(`is rebuilt from the files when ${damage}`, async () => {
      const dir = tempStorage();
      const store = new ConversationStore(dir);
      for (let n = 0; n < 3; n++) await store.save(historyConversation(n));
      const text = await fs.readFile(indexFile(dir), 'utf8');
      if (damage === 'missing') await fs.rm(indexFile(dir));
      else
        await fs.writeFile(indexFile(dir), damage === 'corrupt' ? '[1, 2' : text.slice(0, text.length / 2));
      const fresh = new ConversationStore(dir);
      assert.equal((await titles(fresh)).length, 3);
      await fresh.flush();
      const rebuilt = JSON.parse(await fs.readFile(indexFile(dir), 'utf8')) as { items: unknown[] };
      assert.equal(rebuilt.items.length, 3);
    });
  }
});
