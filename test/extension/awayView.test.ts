// Issue 10 #15 in the real host: a hidden chat view is not `ready` (its webview is torn down), so
// nothing is posted to it; while it is away only a bounded list of one-off messages waits, never
// the deltas; shown again, it gets the conversation with the turn that streamed meanwhile.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostMessage } from '../../src/shared/protocol';
import { useSimulator, waitFor } from './simulatorSession';
import { openChat, type ThinkfastTestApi } from './thinkfastExtension';

describe('a chat view that is away (real host)', function () {
  this.timeout(60_000);
  let api: ThinkfastTestApi;
  let session: Awaited<ReturnType<typeof useSimulator>>;

  before(async () => {
    session = await useSimulator({ tokensPerSecond: 1_000, firstTokenDelayMs: 20 });
    api = await openChat();
  });
  after(async () => {
    await api.chat.stop();
    await session.stop();
    await vscode.commands.executeCommand('thinkfast.chat.focus');
  });

  it('keeps a snapshot, not every delta, and hands it over when shown again', async () => {
    await api.chat.newChat();
    await api.chatView.whenDelivered();
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await waitFor(() => !api.chatView.isReady, 'the hidden view to stop being ready');
    // Posts made before the hide (the context meter follows each delivered message) settle first.
    await api.chatView.whenDelivered();

    const posted: HostMessage[] = [];
    const sub = api.chatView.onDidPost((m) => posted.push(m));
    try {
      await api.chat.send('Tell me about B-trees while the view is hidden. [sim:long tokens=600]');
      await api.chat.idle();
      assert.equal(api.chat.current.turns[0]?.outcome, 'complete');
      assert.deepEqual(
        posted.map((m) => m.type),
        [],
        'nothing is delivered to a hidden view',
      );
      assert.equal(api.chatView.pendingCount, 0, 'no delta, turnStart or turnEnd is kept');
      for (let i = 0; i < 200; i++) api.chatView.post({ type: 'notice', level: 'info', message: `n${i}` });
      assert.equal(api.chatView.pendingCount, 50, 'one-off messages are kept, at most 50');

      const ready = new Promise<void>((resolve) => {
        const once = api.chatView.onDidBecomeReady(() => {
          once.dispose();
          resolve();
        });
      });
      await vscode.commands.executeCommand('thinkfast.chat.focus');
      await ready;
      await api.chatView.whenDelivered();
      const conv = posted.find((m) => m.type === 'conversation');
      assert.ok(conv?.type === 'conversation', 'the view got the conversation');
      assert.equal(conv.turns.length, 1);
      assert.equal(conv.turns[0].outcome, 'complete');
      assert.ok(conv.turns[0].blocks.some((b) => b.kind === 'text' && 'text' in b && b.text.length > 0));
      const notices = posted.filter((m) => m.type === 'notice');
      assert.equal(notices.length, 50);
      assert.equal(notices[0]?.type === 'notice' && notices[0].message, 'n150', 'the newest 50, in order');
      assert.equal(api.chatView.pendingCount, 0);
    } finally {
      sub.dispose();
    }
  });
});
