// "Open in a new editor" on a code block: an untitled editor with the code, in its language when
// VS Code knows it, plain text otherwise.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openChat, type ThinkfastTestApi, fromWebview } from './thinkfastExtension';

describe('code block actions', function () {
  this.timeout(60_000);
  let api: ThinkfastTestApi;
  const receive = (raw: unknown): number => fromWebview(api, raw);

  /** Resolves with the untitled document holding `text` once VS Code has opened it. */
  function documentWith(text: string): Promise<vscode.TextDocument> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        sub.dispose();
        reject(new Error(`no document with ${JSON.stringify(text)} opened`));
      }, 20_000);
      const sub = vscode.workspace.onDidOpenTextDocument((document) => {
        if (!document.isUntitled || document.getText() !== text) return;
        clearTimeout(timer);
        sub.dispose();
        resolve(document);
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
    const opened = documentWith('const answer = 42;\n');
    receive({ type: 'openCode', code: 'const answer = 42;\n', languageId: 'javascript' });
    const document = await opened;
    assert.equal(document.languageId, 'javascript');
  });

  it('falls back to plain text for a language VS Code does not know', async () => {
    const opened = documentWith('whatever\n');
    receive({ type: 'openCode', code: 'whatever\n', languageId: 'no-such-language' });
    const document = await opened;
    assert.equal(document.languageId, 'plaintext');
  });
});
