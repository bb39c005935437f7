// The context meter in a real extension host against the simulator: the figures follow the
// conversation, count_tokens is asked only near the limit, and a summary starts a new chat only
// once the user accepts it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ContextView, HostMessage } from '../../src/shared/protocol';
import { resetSettings, setUserSetting, useSimulator } from './simulatorSession';
import { openChat, type ThinkfastTestApi, fromWebview } from './thinkfastExtension';

describe('context meter', function () {
  this.timeout(60_000);
  let api: ThinkfastTestApi;
  let session: Awaited<ReturnType<typeof useSimulator>>;
  const receive = (raw: unknown): number => fromWebview(api, raw);
  const countRequests = () =>
    session.sim.requests.filter((r) => r.method === 'POST' && r.path === '/v1/messages/count_tokens');

  /** Resolves with the next host message of `type`. */
  function next<T extends HostMessage['type']>(type: T): Promise<Extract<HostMessage, { type: T }>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        sub.dispose();
        reject(new Error(`no ${type} message`));
      }, 30_000);
      const sub = api.chatView.onDidPost((m) => {
        if (m.type !== type) return;
        clearTimeout(timer);
        sub.dispose();
        resolve(m as Extract<HostMessage, { type: T }>);
      });
    });
  }
  /** Posts a message from "the webview" and resolves with the next host message of `type`. */
  function answer<T extends HostMessage['type']>(
    raw: unknown,
    type: T,
  ): Promise<Extract<HostMessage, { type: T }>> {
    const reply = next(type);
    receive(raw);
    return reply;
  }
  const count = async (draft: string): Promise<ContextView> =>
    (await answer({ type: 'countContext', draft }, 'context')).context;

  before(async () => {
    session = await useSimulator();
    api = await openChat();
  });
  after(async () => {
    await resetSettings(['modelOverrides']);
    await session.stop();
  });
  beforeEach(async () => {
    await resetSettings(['modelOverrides']);
    await api.chat.newChat();
  });

  it('far from the limit answers from the estimate and never calls count_tokens', async () => {
    await api.chat.send('Say hello.');
    await api.chat.idle();
    const view = await count('a short question');
    assert.ok(view.window && view.window >= 100_000, `window ${view.window}`);
    assert.ok(view.historyTokens > 0, 'the last usage counts');
    assert.equal(view.counted, undefined);
    assert.equal(countRequests().length, 0);
  });

  it('near the limit counts the next request exactly with count_tokens', async () => {
    await api.chat.send('Say hello.');
    await api.chat.idle();
    const model = vscode.workspace.getConfiguration('thinkfast').get<string>('model') ?? '';
    const changed = next('context');
    await setUserSetting('modelOverrides', { [model]: { contextWindow: 400 } });
    assert.equal((await changed).context.window, 400, 'a model change posts new figures');
    const draft = 'Please explain, in detail, how this works. '.repeat(6);
    // The real webview may ask for its own (empty) draft too once it sees the limit is near.
    const forDraft = () =>
      countRequests().filter((r) => JSON.stringify(r.body).includes('explain, in detail'));
    const before = forDraft().length;
    const view = await count(draft);
    assert.equal(forDraft().length, before + 1, 'one count_tokens request for the draft');
    assert.equal(view.counted?.draft, draft);
    assert.ok((view.counted?.tokens ?? 0) > Math.ceil(draft.length / 4), JSON.stringify(view));
    const body = forDraft().at(-1)?.body as { messages: { role: string; content: unknown }[] };
    assert.equal(body.messages.length, 3, 'history plus the draft');
    assert.match(JSON.stringify(body.messages[2].content), /explain, in detail/);
  });

  it('makes a summary on request and starts a new chat from it only when accepted', async () => {
    await api.chat.send('Explain closures in one sentence.');
    await api.chat.idle();
    const id = api.chat.current.id;
    const summary = await answer({ type: 'summarize' }, 'summary');
    assert.ok(summary.text.length > 0);
    assert.equal(api.chat.current.id, id, 'nothing changes until the user accepts');
    const draft = await answer({ type: 'newChatFromSummary', summary: summary.text }, 'setDraft');
    assert.notEqual(api.chat.current.id, id);
    assert.equal(api.chat.current.turns.length, 0);
    assert.ok(draft.text.includes(summary.text.trim()));
  });
});
