// Today's models in a real extension host against the simulator: thinking that shows on 5.x,
// fast mode where it is served (and said when it is not), refusals kept as their own state, a
// server that refuses a feature taught to the catalogue with a one-click resend, and the one-time
// deprecation notice with its switch.

import * as assert from 'node:assert/strict';
import { messageRequests, setUserSetting, waitFor } from './simulatorSession';
import { useChatSuite } from './chatSuite';
import { fromWebview } from './thinkfastExtension';

const touched = ['model', 'effort', 'fastMode'];

describe('models: what is sent and shown per model', function () {
  this.timeout(60_000);
  const suite = useChatSuite(touched, {
    afterEach: async () => {
      suite.sim.configure({ modelRules: null });
      await suite.api.backend.learned.clear();
    },
  });
  const { send } = suite;

  it('Opus 5.5 with fast on: display "summarized" and speed "fast" without the beta, thinking reaches the webview', async () => {
    await setUserSetting('model', 'claude-opus-5-5');
    await setUserSetting('fastMode', true);
    const { end, requests } = await send('Explain tail calls in two sentences, please.');
    assert.equal(requests.length, 1);
    const r = requests[0];
    const body = r.body as { speed?: string; thinking?: { type: string; display?: string } };
    assert.equal(body.speed, 'fast');
    assert.deepEqual(body.thinking, { type: 'adaptive', display: 'summarized' });
    assert.deepEqual(r.betas, [], 'no beta header');
    const thinking = suite.posted
      .flatMap((m) => (m.type === 'delta' ? m.ops : []))
      .filter((o) => o.op === 'append' && o.index === 0);
    assert.ok(
      thinking.some((o) => o.op === 'append' && o.text.length > 0),
      'thinking text streamed',
    );
    assert.equal(end.outcome, 'complete');
    assert.equal(end.footer?.speed, 'fast');
    assert.equal(end.footer?.modelLabel, 'Opus 5.5');
    assert.ok((end.footer?.thinkingTokens ?? 0) > 0, 'thinking tokens shown');
  });

  it('Opus 4.6 with fast on: the footer says standard served, and the speed item follows', async () => {
    await setUserSetting('model', 'claude-opus-4-6');
    await setUserSetting('fastMode', true);
    const { end, requests } = await send('What is a B-tree, briefly?');
    assert.equal((requests[0]?.body as { speed?: string }).speed, 'fast');
    assert.equal(end.footer?.speed, 'standard');
    assert.equal(end.footer?.requestedSpeed, 'fast');
    await send('And a B+ tree?');
    await waitFor(
      () => /standard served/.test(suite.api.statusBar.snapshot().speed.text),
      'the speed item to say standard served',
    );
  });

  it('a refusal keeps the partial text and shows its category, as its own state', async () => {
    await setUserSetting('model', 'claude-opus-5-5');
    const { end } = await send('Tell me a story. [sim:refusal category=cyber text=30]');
    assert.equal(end.outcome, 'complete');
    assert.equal(end.footer?.stopReason, 'refusal');
    assert.equal(end.footer?.refusal?.category, 'cyber');
    assert.equal(end.error, undefined, 'not an error');
    const turn = suite.api.chat.current.turns.at(-1);
    const text = turn?.content.find((b) => b.type === 'text') as { text: string } | undefined;
    assert.ok(text && text.text.length > 0, 'partial text kept');
  });

  it('a server refusing fast mode: notice, learned, status says so, one click resends without it', async () => {
    suite.sim.configure({ modelRules: { 'claude-opus-5-5': { fastMode: 'removed' } } });
    await setUserSetting('model', 'claude-opus-5-5');
    await setUserSetting('fastMode', true);
    const { end, requests } = await send('Hello, who are you today?');
    assert.equal(requests.length, 1, 'not resent by itself');
    assert.equal(end.outcome, 'failed');
    assert.match(end.error?.title ?? '', /refused fast mode/);
    assert.ok(end.error?.actions.includes('resendWithout'));
    assert.ok(suite.api.backend.learned.refusal(['claude-opus-5-5'], 'speed'), 'learned');
    await waitFor(
      () => suite.api.statusBar.snapshot().speed.text.startsWith('Standard (fast refused)'),
      'the speed item',
    );
    const turnId = suite.api.chat.current.turns.at(-1)?.id ?? '';
    const before = messageRequests(suite.sim).length;
    await suite.api.chat.runAction(turnId, 'resendWithout');
    await suite.api.chat.idle();
    const resent = messageRequests(suite.sim).slice(before);
    assert.equal(resent.length, 1);
    assert.equal((resent[0]?.body as { speed?: string }).speed, undefined);
    assert.equal(suite.ends().at(-1)?.outcome, 'complete');
  });

  it('a server refusing xhigh effort: "Retry at high" sets the effort and retries at it', async () => {
    suite.sim.configure({
      modelRules: { 'claude-opus-5-5': { effortLevels: ['low', 'medium', 'high', 'max'] } },
    });
    await setUserSetting('model', 'claude-opus-5-5');
    await setUserSetting('effort', 'xhigh');
    const { end } = await send('Hello again, how are things?');
    assert.match(end.error?.title ?? '', /refused effort "xhigh"/);
    assert.deepEqual(end.error?.retryEfforts, ['low', 'medium', 'high', 'max'], 'the levels the model takes');
    assert.ok(!end.error?.actions.includes('retry'), 'no Retry that fails the same way');
    const before = messageRequests(suite.sim).length;
    fromWebview(suite.api, {
      type: 'retryAtEffort',
      turnId: suite.api.chat.current.turns.at(-1)?.id ?? '',
      effort: 'high',
    });
    await waitFor(() => messageRequests(suite.sim).length > before, 'the retry');
    await suite.api.chat.idle();
    const effort = (messageRequests(suite.sim)[before]?.body as { output_config?: { effort?: string } })
      .output_config?.effort;
    assert.equal(effort, 'high', 'retried at the level clicked');
    assert.equal(suite.ends().at(-1)?.outcome, 'complete');
    await waitFor(
      () => suite.api.backend.settings.current.effort === 'high',
      'the effort setting to become high',
    );
  });

  it('a deprecated model gets a one-time notice with its retirement date and a switch to its successor', async () => {
    await suite.api.lifecycle.reset();
    await setUserSetting('model', 'claude-opus-4-5');
    const notice = await waitFor(() => suite.api.lifecycle.lastShown, 'the deprecation notice');
    assert.equal(notice.model, 'claude-opus-4-5');
    assert.match(notice.message, /deprecated \((retires|retirement was due) \d{4}-\d{2}-\d{2}\)/);
    assert.equal(notice.successor, 'claude-opus-5-5');
    await suite.api.lifecycle.accept(notice);
    await waitFor(
      () => suite.api.backend.settings.current.model === 'claude-opus-5-5',
      'the switch to Opus 5.5',
    );
    await setUserSetting('model', 'claude-opus-4-5');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(suite.api.lifecycle.lastShown, notice, 'shown once only');
  });
});
