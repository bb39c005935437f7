// "Open in a new editor" on a code block: an untitled editor with the code, in its language when
// VS Code knows it, plain text otherwise.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openChat, type ThinkfastTestApi } from './thinkfastExtension';

describe('code block actions', function () {
  this.timeout(30_000);
  let api: ThinkfastTestApi;
  const receive = (raw: unknown): void =>
    (api.chatView as unknown as { receive(raw: unknown): void }).receive(raw);

  /** Resolves with the untitled editor that shows `text` once it is the active one. */
  function editorWith(text: string): Promise<vscode.TextEditor> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        sub.dispose();
        reject(new Error('no editor opened'));
      }, 20_000);
      const sub = vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (!editor?.document.isUntitled || editor.document.getText() !== text) return;
        clearTimeout(timer);
        sub.dispose();
        resolve(editor);
      });
    });
  }

  before(async () => {
    api = await openChat();
  });
  afterEach(async () => {
    // Each test leaves its untitled editor active: close it without a save prompt.
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('opens the code in a new untitled editor in its language', async () => {
    const opened = editorWith('const answer = 42;\n');
    receive({ type: 'openCode', code: 'const answer = 42;\n', languageId: 'javascript' });
    const editor = await opened;
    assert.equal(editor.document.languageId, 'javascript');
  });

  it('falls back to plain text for a language VS Code does not know', async () => {
    const opened = editorWith('whatever\n');
    receive({ type: 'openCode', code: 'whatever\n', languageId: 'no-such-language' });
    const editor = await opened;
    assert.equal(editor.document.languageId, 'plaintext');
  });
});
