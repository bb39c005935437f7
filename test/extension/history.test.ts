// History in a real extension host: export writes the Markdown file, content search (thinking
// optional) finds conversations by what was said, rename is saved, a deletion can be undone, and a
// file from a newer Thinkfast is listed as such, refused with a clear message and left as it is.

import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HostMessage } from '../../src/shared/protocol';
import { useSimulator } from './simulatorSession';
import { fromWebview, openChat, type ThinkfastTestApi } from './thinkfastExtension';

describe('history (extension host)', function () {
  this.timeout(60_000);
  let api: ThinkfastTestApi;
  let session: Awaited<ReturnType<typeof useSimulator>>;

  before(async () => {
    session = await useSimulator({ tokensPerSecond: 4000, firstTokenDelayMs: 5 });
    api = await openChat();
  });
  after(async () => {
    await api.chat.stop();
    await session.stop();
  });

  /** Runs `op` and returns what the host posted to the view meanwhile. */
  async function posted(op: () => Promise<unknown>): Promise<HostMessage[]> {
    const messages: HostMessage[] = [];
    const sub = api.chatView.onDidPost((m) => messages.push(m));
    try {
      await op();
      // onDidPost fires once the view confirms delivery.
      await api.chatView.whenDelivered();
    } finally {
      sub.dispose();
    }
    return messages;
  }

  it('exports the conversation to Markdown, with thinking when asked', async () => {
    await api.chat.newChat();
    await api.chat.send('Explain memoization briefly.');
    await api.chat.idle();
    const id = api.chat.current.id;
    const target = vscode.Uri.file(path.join(os.tmpdir(), `thinkfast-export-${Date.now()}.md`));
    await api.chat.history.export(id, true, target);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(text, /^# Explain memoization briefly\./);
    assert.match(text, /## You\n\nExplain memoization briefly\./);
    assert.match(text, /## Claude/);
    assert.match(text, /> \*\*Thinking\*\*/, 'thinking included');
    const answer = api.chat.current.turns[0].content.find((b) => b.type === 'text') as { text: string };
    assert.ok(text.includes(answer.text.slice(0, 40)), 'the answer is in the file');
    await vscode.workspace.fs.delete(target);
  });

  it('searches content, renames, and undoes a delete', async () => {
    await api.chat.newChat();
    await api.chat.send('Tell me about the zebrafish genome.');
    await api.chat.idle();
    const id = api.chat.current.id;
    await api.store.flush();
    const search = await posted(() => api.chat.history.search('ZEBRAFISH', false));
    const found = search.find((m) => m.type === 'historySearch');
    assert.ok(found?.type === 'historySearch');
    assert.ok(found.matches.some((m) => m.id === id));

    await api.chat.history.rename(id, 'Fish genomes');
    assert.equal((await api.store.load(id))?.title, 'Fish genomes');

    await api.chat.newChat();
    const deleted = await posted(() => api.chat.history.delete(id));
    assert.ok(deleted.some((m) => m.type === 'historyDeleted' && m.id === id && m.title === 'Fish genomes'));
    assert.equal(await api.store.load(id), undefined);
    await api.chat.history.undoDelete(id);
    const back = await api.store.load(id);
    assert.equal(back?.title, 'Fish genomes');
    assert.equal(back?.turns.length, 1);
  });

  it('a conversation saved by a newer Thinkfast: listed, refused with a clear message, kept', async () => {
    const id = `newer-${Date.now().toString(36)}`;
    const file = path.join(api.store.dir, `${id}.json`);
    const text = JSON.stringify({
      version: 9,
      id,
      title: 'From a newer Thinkfast',
      updatedAt: 1,
      turns: [{}],
    });
    await fs.mkdir(api.store.dir, { recursive: true });
    await fs.writeFile(file, text);
    try {
      const listed = await posted(() => api.chat.history.list());
      const history = listed.find((m) => m.type === 'history');
      assert.ok(history?.type === 'history');
      assert.equal(history.items.find((i) => i.id === id)?.savedByNewer, 9);

      const notices: HostMessage[] = [];
      const sub = api.chatView.onDidPost((m) => m.type === 'notice' && notices.push(m));
      try {
        fromWebview(api, { type: 'openConversation', id });
        for (let waited = 0; notices.length === 0 && waited < 20_000; waited += 50)
          await new Promise((r) => setTimeout(r, 50));
      } finally {
        sub.dispose();
      }
      const notice = notices[0];
      assert.ok(notice?.type === 'notice', 'a notice was shown');
      assert.match(
        notice.message,
        /“From a newer Thinkfast” was saved by a newer Thinkfast \(conversation format 9; this version reads 1\)\. Update Thinkfast to open it/,
      );
      assert.notEqual(api.chat.current.id, id, 'not opened');
      assert.equal(await fs.readFile(file, 'utf8'), text, 'the file is left as it was');
    } finally {
      await fs.rm(file, { force: true });
    }
  });
});
