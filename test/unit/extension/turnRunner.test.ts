// The chat's turn runner against the simulator over real loopback HTTP: multi-turn conversations
// with thinking sent back verbatim, the once-only recovery when a signature is rejected, and
// partial answers kept on stop.

import * as assert from 'node:assert/strict';
import { resolveModel } from '../../../src/anthropic/models';
import { newConversation, type Conversation, type Turn } from '../../../src/extension/chat/conversation';
import { runTurn, type TurnSettings } from '../../../src/extension/chat/turnRunner';
import type { HostMessage } from '../../../src/shared/protocol';
import { LEGACY_FAST_OPUS_4_6 } from '../../simulator/options';
import { startSimulator } from '../../simulator/server';
import { clientFor, pushTurn, turnSettings, useTurnBench } from './turnKit';

const settings = turnSettings;

// The simulator's fast model is Opus 4.6 with the research-preview beta (its Feb-2026 rules); the
// catalogue says fast was removed there, so these tests describe the simulator's model by override.
const SIM_FAST = { 'claude-opus-4-6': { fast: 'beta' as const, fastPrices: { multiplier: 6 } } };

describe('runTurn against the simulator', function () {
  this.timeout(20_000);
  // Fast mode on Opus 4.6 as served before its removal (today's API serves it at standard speed).
  const bench = useTurnBench({ modelRules: LEGACY_FAST_OPUS_4_6 });
  let posted: HostMessage[];

  beforeEach(() => {
    posted = [];
    bench.sim.clearRequests();
  });

  async function ask(
    c: Conversation,
    prompt: string,
    s: Partial<TurnSettings> = {},
    signal = new AbortController().signal,
  ): Promise<Turn> {
    const turn = pushTurn(c, prompt);
    const merged = { ...settings, ...s };
    await runTurn(
      c,
      turn,
      {
        client: bench.client,
        caps: resolveModel(merged.model, undefined, SIM_FAST),
        settings: merged,
        simulator: true,
        post: (m) => posted.push(m),
      },
      signal,
    );
    return turn;
  }

  it('holds a three-turn conversation with thinking: every earlier turn goes back verbatim and is accepted', async () => {
    const c = newConversation('conv-3', settings.model);
    const t1 = await ask(c, 'Explain what a closure is in JavaScript, with an example please.');
    const t2 = await ask(c, 'Now show the same idea in Python and compare the two languages.');
    const t3 = await ask(c, 'Summarize both answers in three bullet points for a beginner.');
    for (const t of [t1, t2, t3]) {
      assert.equal(t.outcome, 'complete', t.error?.message);
      assert.equal(t.content[0].type, 'thinking');
      assert.ok((t.content[0] as { signature: string }).signature.length > 0);
    }
    const third = bench.sim.requests[bench.sim.requests.length - 1];
    assert.equal(third.status, 200);
    const body = third.body as { messages: { role: string; content: unknown }[] };
    assert.equal(body.messages.length, 5);
    assert.deepEqual(body.messages[1].content, t1.content, 'turn 1 sent back byte for byte');
    assert.deepEqual(body.messages[3].content, t2.content, 'turn 2 sent back byte for byte');
  });

  it('keeps redacted thinking and sends it back unmodified', async () => {
    const c = newConversation('conv-r', settings.model);
    const magic =
      'ANTHROPIC_MAGIC_STRING_TRIGGER_REDACTED_THINKING_46C9A13E193C177646C7398A98432ECCCE4C1253D5E2D82641AC0E52CC2876CB';
    const t1 = await ask(c, `Tell me something. ${magic}`);
    assert.ok(t1.content.some((b) => b.type === 'redacted_thinking'));
    const t2 = await ask(c, 'And a follow-up question about that, in more detail?');
    assert.equal(t2.outcome, 'complete', t2.error?.message);
  });

  it('drops thinking from history once, and says so, when the API rejects a signature', async () => {
    const c = newConversation('conv-sig', settings.model);
    await ask(c, 'First question about recursion in functional languages, please.');
    // Tamper with the stored thinking, as a corrupted history or a foreign signature would.
    const block = c.turns[0].content[0] as { thinking: string };
    block.thinking += ' (edited)';
    const t2 = await ask(c, 'Second question: how does tail-call optimisation help?');
    assert.equal(t2.outcome, 'complete', t2.error?.message);
    assert.equal(c.thinkingDropped, true);
    assert.match(t2.notice ?? '', /signature/);
    const statuses = bench.sim.requests.slice(-2).map((r) => r.status);
    assert.deepEqual(statuses, [400, 200]);
    const end = posted.filter((m) => m.type === 'turnEnd').pop();
    assert.ok(end && end.type === 'turnEnd' && end.notice);
  });

  it('stops mid-answer on abort and keeps what arrived, marked stopped', async () => {
    const slow = await startSimulator({ tokensPerSecond: 200, firstTokenDelayMs: 0 });
    const slowClient = clientFor(slow);
    try {
      const c = newConversation('conv-stop', settings.model);
      const turn: Turn = {
        id: 't1',
        prompt: 'Write a long essay about compilers [sim:long tokens=3000]',
        attachments: [],
        content: [],
        outcome: 'streaming',
      };
      c.turns.push(turn);
      const abort = new AbortController();
      const deps = {
        client: slowClient,
        caps: resolveModel(settings.model),
        settings,
        simulator: true,
        post: (m: HostMessage) => {
          posted.push(m);
          if (m.type === 'delta' && m.ops.some((o) => o.op === 'start' && o.kind === 'text'))
            setTimeout(() => abort.abort(), 150);
        },
      };
      await runTurn(c, turn, deps, abort.signal);
      assert.equal(turn.outcome, 'stopped');
      const text = turn.content.find((b) => b.type === 'text') as { text: string } | undefined;
      assert.ok(text && text.text.length > 0, 'partial answer kept');
      assert.ok(turn.footer, 'numbers shown for what arrived');
    } finally {
      await slowClient.close();
      await slow.close();
    }
  });

  it('falls back from fast to standard on a fast-mode 429 and marks the footer', async () => {
    bench.sim.configure({ fault: '429;fast-only;times=1' });
    try {
      const c = newConversation('conv-fast', settings.model);
      const t = await ask(c, 'Quick question about sorting algorithms and their complexity.', {
        fastMode: true,
      });
      assert.equal(t.outcome, 'complete', t.error?.message);
      assert.equal(t.footer?.fellBack, true);
      assert.equal(t.footer?.speed, 'standard');
      assert.ok(posted.some((m) => m.type === 'turnStatus' && m.status === 'fallback'));
      const [first, second] = bench.sim.requests.slice(-2);
      assert.equal(first.requestedSpeed, 'fast');
      assert.equal(first.status, 429);
      assert.equal(second.requestedSpeed, undefined);
      assert.ok(!second.betas.includes('fast-mode-2026-02-01'));
    } finally {
      bench.sim.configure({ fault: null });
    }
  });

  it('refuses an impossible combination before sending, saying what to change', async () => {
    const c = newConversation('conv-bad', 'claude-sonnet-4-6');
    const t = await ask(c, 'Hello there, how are you today?', {
      model: 'claude-sonnet-4-6',
      effort: 'xhigh',
    });
    assert.equal(t.outcome, 'failed');
    assert.match(t.error?.message ?? '', /xhigh/i);
    assert.equal(bench.sim.requests.length, 0, 'nothing was sent');
  });

  it('reports a fast response as fast with the fast-mode price', async () => {
    const c = newConversation('conv-fast2', settings.model);
    const t = await ask(c, 'Another question about hash maps and their trade-offs.', { fastMode: true });
    assert.equal(t.footer?.speed, 'fast');
    assert.ok(t.footer?.costBreakdown.some((l) => /fast/i.test(l)));
  });
});
