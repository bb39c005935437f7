// @-mentions in a real extension host: the list offers workspace files with files.exclude and
// .gitignore applied, the selection with its exact lines, and picking one attaches it as a chip.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ChipView, HostMessage, MentionItemView } from '../../src/shared/protocol';
import { openChat, type ThinkfastTestApi, fromWebview } from './thinkfastExtension';

const alpha = Array.from({ length: 10 }, (_, i) => `export const line${i + 1} = ${i + 1};`).join('\n') + '\n';

describe('@-mentions', function () {
  this.timeout(60_000);
  let api: ThinkfastTestApi;
  let dir: string;
  let previousExclude: unknown;

  const receive = (raw: unknown): number => fromWebview(api, raw);

  /**
   * Posts a message from "the webview" and resolves with the first host message `pick` accepts;
   * with `answer`, only from a message that names the request in its envelope's `replyTo`.
   */
  function ask<T>(raw: unknown, pick: (m: HostMessage) => T | undefined, answer = false): Promise<T> {
    let id = 0;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        sub.dispose();
        reject(new Error(`no answer to ${JSON.stringify(raw)}`));
      }, 20_000);
      const sub = api.chatView.onDidPostEnvelope((e) => {
        if (answer && e.replyTo !== id) return;
        const value = pick(e.body);
        if (value === undefined) return;
        clearTimeout(timer);
        sub.dispose();
        resolve(value);
      });
      id = receive(raw);
    });
  }

  const query = (q: string) =>
    ask<readonly MentionItemView[]>(
      { type: 'mentionQuery', query: q },
      (m) => (m.type === 'mentions' && m.query === q ? m.items : undefined),
      true,
    );
  const attach = (id: string) =>
    ask<readonly ChipView[]>({ type: 'addMention', id }, (m) => (m.type === 'chips' ? m.chips : undefined));

  before(async () => {
    api = await openChat();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test host opens a workspace folder');
    dir = fs.mkdtempSync(path.join(folder.uri.fsPath, 'mentions-'));
    fs.mkdirSync(path.join(dir, 'src'));
    fs.mkdirSync(path.join(dir, 'build'));
    fs.writeFileSync(path.join(dir, 'src', 'alphaMention.ts'), alpha);
    fs.writeFileSync(path.join(dir, 'src', 'betaMention.ts'), 'export {};\n');
    fs.writeFileSync(path.join(dir, 'build', 'builtMention.js'), 'built\n');
    fs.writeFileSync(path.join(dir, 'notesMention.secret'), 'secret\n');
    fs.writeFileSync(path.join(dir, 'hiddenMention.txt'), 'hidden\n');
    fs.writeFileSync(path.join(dir, '.gitignore'), '# generated\nbuild/\n*.secret\n');
    const files = vscode.workspace.getConfiguration('files');
    previousExclude = files.inspect('exclude')?.workspaceValue;
    await files.update('exclude', { '**/hiddenMention.txt': true }, vscode.ConfigurationTarget.Workspace);
  });

  after(async () => {
    await vscode.workspace
      .getConfiguration('files')
      .update('exclude', previousExclude, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
    await api.chat.newChat();
  });

  it('lists workspace files by a fuzzy query, leaving out files.exclude and .gitignore', async () => {
    const labels = (await query('Mention')).map((i) => i.label);
    assert.ok(labels.includes('alphaMention.ts'), labels.join(', '));
    assert.ok(labels.includes('betaMention.ts'), labels.join(', '));
    assert.ok(!labels.includes('builtMention.js'), 'build/ is in .gitignore');
    assert.ok(!labels.includes('notesMention.secret'), '*.secret is in .gitignore');
    assert.ok(!labels.includes('hiddenMention.txt'), 'files.exclude hides it');
    const fuzzy = await query('alphmen');
    assert.equal(fuzzy[0]?.label, 'alphaMention.ts');
    assert.match(fuzzy[0]?.detail ?? '', /mentions-[^/]+\/src$/);
  });

  it('attaches the selection with its exact lines, and a whole file, as chips with sizes', async () => {
    const file = vscode.Uri.file(path.join(dir, 'src', 'alphaMention.ts'));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    // From line 2 to column 1 of line 7 (one-based): lines 2–6.
    editor.selection = new vscode.Selection(1, 0, 6, 0);
    const items = await query('');
    const selection = items.find((i) => i.kind === 'selection');
    assert.ok(selection, JSON.stringify(items.slice(0, 3)));
    assert.match(selection.detail ?? '', /alphaMention\.ts:2-6$/);
    const open = items.find((i) => i.kind === 'editor' && i.label === 'alphaMention.ts');
    assert.ok(open, 'the open editor is offered');
    let chips = await attach(selection.id);
    assert.equal(chips.length, 1);
    assert.match(chips[0].label, /alphaMention\.ts:2-6$/);
    assert.equal(chips[0].lines, 5);
    const selected = `${alpha.split('\n').slice(1, 6).join('\n')}\n`;
    assert.equal(chips[0].tokens, Math.ceil(selected.length / 4));
    const fileItem = (await query('alphaMention')).find((i) => i.label === 'alphaMention.ts');
    assert.ok(fileItem);
    chips = await attach(fileItem.id);
    assert.equal(chips.length, 2);
    assert.equal(chips[1].kind, 'file');
    assert.equal(chips[1].lines, 10);
    assert.equal(chips[1].tokens, Math.ceil(alpha.length / 4));
  });

  it('ignores an id that is not in the last list, and an over-long query', async () => {
    await query('beta');
    const posted: HostMessage[] = [];
    const sub = api.chatView.onDidPost((m) => void posted.push(m));
    try {
      receive({ type: 'addMention', id: 'm999999' });
      receive({ type: 'mentionQuery', query: 'x'.repeat(201) });
      assert.ok((await query('beta')).length > 0);
    } finally {
      sub.dispose();
    }
    assert.deepEqual(
      posted.map((m) => m.type),
      ['mentions'],
      'no chips changed and the long query went unanswered',
    );
  });
});
