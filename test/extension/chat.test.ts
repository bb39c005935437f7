// The chat in a real extension host against the simulator: thinking streams before text, Stop
// keeps the partial answer, a three-turn conversation with thinking is accepted by the
// signature-checking simulator, and a re-shown view gets the conversation back.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BlockDelta, HostMessage } from '../../src/shared/protocol';
import type { Simulator } from '../simulator/server';
import { useSimulator, waitFor } from './simulatorSession';
import { openChat, type ThinkfastTestApi, fromWebview, receiveRaw } from './thinkfastExtension';

function record(api: ThinkfastTestApi): { messages: HostMessage[]; dispose(): void } {
  const messages: HostMessage[] = [];
  const sub = api.chatView.onDidPost((m) => {
    messages.push(m);
  });
  return {
    messages,
    dispose: () => {
      sub.dispose();
    },
  };
}

function ops(messages: readonly HostMessage[]): BlockDelta[] {
  return messages.flatMap((m) => (m.type === 'delta' ? m.ops : []));
}

describe('chat against the simulator', function () {
  this.timeout(60_000);
  let api: ThinkfastTestApi;
  let session: Awaited<ReturnType<typeof useSimulator>>;
  let sim: Simulator;

  before(async () => {
    // Slow enough that Stop lands mid-answer.
    session = await useSimulator({ tokensPerSecond: 400, firstTokenDelayMs: 50 });
    sim = session.sim;
    api = await openChat();
  });
  after(async () => {
    await api.chat.stop();
    await session.stop();
  });

  beforeEach(async () => {
    await api.chat.newChat();
  });

  it('streams thinking, then the answer, and ends with honest numbers from the simulator', async () => {
    const rec = record(api);
    try {
      await api.chat.send('Explain what a closure is, with a short example.');
      await api.chat.idle();
      const stream = ops(rec.messages);
      const thinkingStart = stream.findIndex((o) => o.op === 'start' && o.kind === 'thinking');
      const textStart = stream.findIndex((o) => o.op === 'start' && o.kind === 'text');
      assert.ok(thinkingStart >= 0, 'a thinking block started');
      assert.ok(textStart > thinkingStart, 'the answer started after the thinking');
      assert.ok(
        stream.some((o, i) => i > thinkingStart && i < textStart && o.op === 'append'),
        'thinking streamed text',
      );
      assert.ok(
        rec.messages.filter((m) => m.type === 'delta').length > 1,
        'deltas arrived in several batches',
      );
      const end = rec.messages.find((m) => m.type === 'turnEnd');
      assert.ok(end?.type === 'turnEnd');
      assert.equal(end.outcome, 'complete');
      assert.equal(end.footer?.simulator, true);
      assert.equal(end.footer?.speed, 'standard');
      assert.ok((end.footer?.outputTokens ?? 0) > 0);
      assert.ok(end.footer?.ttftMs !== undefined && end.footer.ttftMs >= 0);
    } finally {
      rec.dispose();
    }
  });

  it('Stop keeps the partial answer, marked stopped, and saves it', async () => {
    const rec = record(api);
    try {
      const firstText = new Promise<void>((resolve) => {
        const sub = api.chatView.onDidPost((m) => {
          if (m.type === 'delta' && m.ops.some((o) => o.op === 'append' && o.index === 1)) {
            sub.dispose();
            resolve();
          }
        });
      });
      // Long enough (100 s at 400 tok/s) that no loaded machine finishes it before Stop lands.
      await api.chat.send('Write a long essay about compilers. [sim:long tokens=40000]');
      await firstText;
      await api.chat.stop();
      const turn = api.chat.current.turns[0];
      assert.equal(turn.outcome, 'stopped', `outcome ${turn.outcome}: ${turn.error?.message ?? ''}`);
      const text = turn.content.find((b) => b.type === 'text') as { text: string } | undefined;
      assert.ok(text && text.text.length > 0, 'partial text kept');
      await api.store.flush();
      const saved = await api.store.load(api.chat.current.id);
      assert.equal(saved?.turns[0].outcome, 'stopped');
      // As JSON: the file holds no undefined fields, the live turn may.
      assert.deepEqual(saved?.turns[0].content, JSON.parse(JSON.stringify(turn.content)));
      // Posted once the view takes messages (a hidden view gets the turn in its next snapshot).
      await waitFor(
        () =>
          rec.messages.some((m) => m.type === 'turnEnd' && m.outcome === 'stopped') || !api.chatView.isReady,
        'the stopped turn end posted to the view',
      );
    } finally {
      rec.dispose();
    }
  });

  it('holds a three-turn conversation with thinking against the signature-checking simulator', async () => {
    for (const prompt of [
      'What is a monad, briefly and plainly?',
      'Give a TypeScript example of one.',
      'How would you test it?',
    ]) {
      await api.chat.send(prompt);
      await api.chat.idle();
    }
    const turns = api.chat.current.turns;
    assert.deepEqual(
      turns.map((t) => t.outcome),
      ['complete', 'complete', 'complete'],
      turns.map((t) => t.error?.message ?? '').join(' | '),
    );
    const last = sim.requests[sim.requests.length - 1];
    const body = last.body as { messages: { role: string; content: unknown }[] };
    assert.equal(last.status, 200);
    assert.equal(body.messages.length, 5);
    assert.deepEqual(
      body.messages[1].content,
      turns[0].content,
      'thinking and signature went back unmodified',
    );
    assert.equal(api.chat.current.thinkingDropped, undefined);
  });

  it('gives a re-shown view its conversation back (no retainContextWhenHidden)', async () => {
    await api.chat.send('Remember this conversation, please.');
    await api.chat.idle();
    const id = api.chat.current.id;
    const rec = record(api);
    try {
      const ready = new Promise<void>((resolve) => {
        const sub = api.chatView.onDidBecomeReady(() => {
          sub.dispose();
          resolve();
        });
      });
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
      await vscode.commands.executeCommand('thinkfast.chat.focus');
      await ready;
      // onDidPost fires once the webview confirmed delivery.
      await api.chatView.whenDelivered();
      const conv = rec.messages.find((m) => m.type === 'conversation');
      assert.ok(conv?.type === 'conversation');
      assert.equal(conv.id, id);
      assert.equal(conv.turns.length, 1);
      assert.ok(conv.turns[0].blocks.some((b) => b.kind === 'text'));
    } finally {
      rec.dispose();
    }
  });

  it('ignores a malformed message from the webview and keeps the conversation', async () => {
    await api.chat.send('A first prompt that works.');
    await api.chat.idle();
    // An untrusted message from the webview is refused, and nothing changes.
    await vscode.commands.executeCommand('thinkfast.chat.focus');
    const before = api.chat.current.turns.length;
    fromWebview(api, { type: 'send', text: 42 });
    // So is a well-formed message outside a well-formed envelope.
    const send = { type: 'send', text: 'This must not be sent.' };
    for (const raw of [
      send,
      { id: 0, body: send },
      { id: 2.5, body: send },
      { id: 9, replyTo: -1, body: send },
    ])
      receiveRaw(api, raw);
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(api.chat.current.turns.length, before);
  });

  it('never sends the API key to the webview', async () => {
    const secret = 'sk-ant-api03-THINKFAST-E2E-SECRET-0123456789';
    const previous = process.env.ANTHROPIC_API_KEY;
    process.env.ANTHROPIC_API_KEY = secret;
    const rec = record(api);
    try {
      sim.configure({ fault: '500;times=1;should-retry=false' });
      await api.chat.send('Does anything leak when a request fails?');
      await api.chat.idle();
      await api.chat.send('And on success?');
      await api.chat.idle();
      assert.ok(
        rec.messages.some((m) => m.type === 'turnEnd' && m.outcome === 'failed'),
        'an error was shown',
      );
      assert.ok(rec.messages.some((m) => m.type === 'turnEnd' && m.outcome === 'complete'));
      assert.ok(!JSON.stringify(rec.messages).includes(secret));
      assert.ok(!JSON.stringify(rec.messages).includes('THINKFAST-E2E-SECRET'));
    } finally {
      rec.dispose();
      if (previous === undefined) delete process.env.ANTHROPIC_API_KEY;
      else process.env.ANTHROPIC_API_KEY = previous;
    }
  });

  it('offers Continue after max_tokens and continues in a new turn', async () => {
    const config = vscode.workspace.getConfiguration('thinkfast');
    await config.update('maxTokens', 1500, vscode.ConfigurationTarget.Global);
    try {
      await api.chat.send('Write a long essay about parsers. [sim:long tokens=4000]');
      await api.chat.idle();
      const first = api.chat.current.turns[0];
      assert.equal(first.stopReason, 'max_tokens');
      assert.equal(first.footer?.stopReason, 'max_tokens');
      await vscode.commands.executeCommand('thinkfast.chat.focus');
      fromWebview(api, {
        type: 'action',
        turnId: first.id,
        action: 'continue',
      });
      await new Promise((r) => setTimeout(r, 50));
      await api.chat.idle();
      const turns = api.chat.current.turns;
      assert.equal(turns.length, 2);
      assert.equal(turns[1].continuation, true);
      assert.notEqual(turns[1].outcome, 'failed', turns[1].error?.message);
    } finally {
      await config.update('maxTokens', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('regenerates the last answer and resends an edited prompt', async () => {
    await api.chat.send('What is a B-tree, in two sentences?');
    await api.chat.idle();
    const firstId = api.chat.current.turns[0].id;
    const receive = (raw: unknown): number => fromWebview(api, raw);

    receive({ type: 'regenerate' });
    await new Promise((r) => setTimeout(r, 50));
    await api.chat.idle();
    let turns = api.chat.current.turns;
    assert.equal(turns.length, 1);
    assert.notEqual(turns[0].id, firstId);
    assert.equal(turns[0].prompt, 'What is a B-tree, in two sentences?');
    assert.equal(turns[0].outcome, 'complete');

    receive({ type: 'editPrompt', turnId: turns[0].id, text: 'What is a trie, in two sentences?' });
    await new Promise((r) => setTimeout(r, 50));
    await api.chat.idle();
    turns = api.chat.current.turns;
    assert.equal(turns.length, 1);
    assert.equal(turns[0].prompt, 'What is a trie, in two sentences?');
    const body = sim.requests[sim.requests.length - 1].body as { messages: { content: unknown }[] };
    assert.deepEqual(body.messages, [{ role: 'user', content: 'What is a trie, in two sentences?' }]);
  });
});
