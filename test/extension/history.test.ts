// History in a real extension host: export writes the Markdown file, content search (thinking
// optional) finds conversations by what was said, rename is saved, and a deletion can be undone.

import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HostMessage } from '../../src/shared/protocol';
import { useSimulator } from './simulatorSession';
import { openChat, type ThinkfastTestApi } from './thinkfastExtension';

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
});
