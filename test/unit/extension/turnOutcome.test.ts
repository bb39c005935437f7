// What a turn learns from the server and shows about itself, against the simulator over loopback:
// a 400 that refuses fast mode or an effort level is attributed, learned and shown with a
// one-click resend that leaves exactly that feature out; the footer's newer facts.

import * as assert from 'node:assert/strict';
import { emptyLearned, recordRefusal, type LearnedFacts } from '../../../src/anthropic/learnedFacts';
import { resolveModel } from '../../../src/anthropic/models';
import type { RefusedFeature } from '../../../src/anthropic/refusalClassifier';
import type { Message, StreamResult } from '../../../src/anthropic/types';
import { newConversation, type Conversation, type Turn } from '../../../src/extension/chat/conversation';
import { effortFixes, footerExtras, refusedErrorView } from '../../../src/extension/chat/turnOutcome';
import { runTurn, type TurnSettings } from '../../../src/extension/chat/turnRunner';
import { pushTurn, turnSettings, useTurnBench } from './turnKit';

const settings: TurnSettings = { ...turnSettings, model: 'claude-opus-5-5', fastMode: true };

describe('turn outcomes: learning from refusals', function () {
  this.timeout(20_000);
  const bench = useTurnBench({ tokensPerSecond: 50_000 });
  afterEach(() => bench.sim.configure({ modelRules: null }));

  async function ask(
    c: Conversation,
    s: TurnSettings,
    learned: LearnedFacts,
    without?: RefusedFeature,
  ): Promise<{ turn: Turn; refused: RefusedFeature[] }> {
    const turn = pushTurn(c, 'Hello there, how are you?');
    const refused: RefusedFeature[] = [];
    await runTurn(
      c,
      turn,
      {
        client: bench.client,
        caps: resolveModel(s.model, undefined, undefined, learned),
        settings: s,
        simulator: true,
        post: () => undefined,
        onRefused: (f) => refused.push(f),
        ...(without ? { without } : {}),
      },
      new AbortController().signal,
    );
    return { turn, refused };
  }

  it('a server that refuses fast mode: the turn names it, offers the resend, and the resend has no speed', async () => {
    bench.sim.configure({ modelRules: { 'claude-opus-5-5': { fastMode: 'removed' } } });
    const c = newConversation('c1', settings.model);
    const first = await ask(c, settings, emptyLearned());
    assert.equal(first.turn.outcome, 'failed');
    assert.deepEqual(first.refused, [{ kind: 'speed' }]);
    assert.match(first.turn.error?.title ?? '', /refused fast mode/);
    assert.deepEqual(first.turn.error?.actions, ['resendWithout', 'showLog']);
    const learned = recordRefusal(emptyLearned(), 'claude-opus-5-5', {
      feature: { kind: 'speed' },
      at: 'now',
    });
    c.turns.pop();
    const again = await ask(c, settings, learned, { kind: 'speed' });
    assert.equal(again.turn.outcome, 'complete', again.turn.error?.message);
    const body = bench.sim.requests.at(-1)?.body as Record<string, unknown>;
    assert.equal(body.speed, undefined);
    assert.equal((body.thinking as { display?: string }).display, 'summarized', 'nothing else changed');
  });

  it('a refused effort level is learned and the resend uses the nearest level the model takes', async () => {
    bench.sim.configure({
      modelRules: { 'claude-opus-5-5': { effortLevels: ['low', 'medium', 'high', 'max'] } },
    });
    const c = newConversation('c2', settings.model);
    const s = { ...settings, fastMode: false, effort: 'xhigh' as const };
    const first = await ask(c, s, emptyLearned());
    assert.deepEqual(first.refused, [{ kind: 'effort', level: 'xhigh' }]);
    const learned = recordRefusal(emptyLearned(), 'claude-opus-5-5', {
      feature: first.refused[0],
      at: 'now',
    });
    c.turns.pop();
    const again = await ask(c, s, learned, first.refused[0]);
    assert.equal(again.turn.outcome, 'complete', again.turn.error?.message);
    const sent = (bench.sim.requests.at(-1)?.body as { output_config?: { effort?: string } }).output_config
      ?.effort;
    assert.ok(sent !== undefined && sent !== 'xhigh', `sent effort ${sent}`);
  });

  it('a plain retry after the refusal does not loop: nothing is resent unless asked', async () => {
    bench.sim.configure({ modelRules: { 'claude-opus-5-5': { fastMode: 'removed' } } });
    const before = bench.sim.requests.length;
    const c = newConversation('c3', settings.model);
    await ask(c, settings, emptyLearned());
    assert.equal(bench.sim.requests.length, before + 1, 'exactly one request');
  });
});

describe('turn outcomes: the footer facts', () => {
  const caps = resolveModel('claude-opus-5-5');
  function result(message: Partial<Message>, metrics: Partial<StreamResult['metrics']> = {}): StreamResult {
    const usage = { input_tokens: 10, output_tokens: 200, ...message.usage };
    return {
      outcome: 'complete',
      message: {
        id: 'm',
        type: 'message',
        role: 'assistant',
        model: caps.id,
        content: [],
        stop_reason: 'end_turn',
        stop_sequence: null,
        ...message,
        usage,
      },
      metrics: {
        model: caps.id,
        totalMs: 1,
        usage,
        requestedSpeed: 'standard',
        fellBack: false,
        attempts: 1,
        rateLimits: {},
        ...metrics,
      },
    };
  }

  it('says thinking was hidden and billed, fast requested but standard served, and the display name', () => {
    const extras = footerExtras(
      result(
        {
          content: [
            { type: 'thinking', thinking: '', signature: 's' },
            { type: 'text', text: 'hi' },
          ],
        },
        { thinkingTokens: 150, requestedSpeed: 'fast', speed: 'standard' },
      ),
      caps,
    );
    assert.equal(extras.modelLabel, 'Opus 5.5');
    assert.equal(extras.thinkingHidden, true);
    assert.equal(extras.thinkingTokens, 150);
    assert.equal(extras.requestedSpeed, 'fast');
  });

  it('names the model that answered after a fallback, and a refusal with its details', () => {
    const extras = footerExtras(
      result(
        {
          stop_reason: 'refusal',
          stop_details: { type: 'refusal', category: 'cyber', explanation: 'Not this.' },
        },
        { servedModel: 'claude-sonnet-5-5' },
      ),
      caps,
    );
    assert.equal(extras.answeredBy, 'Sonnet 5.5');
    assert.deepEqual(extras.refusal, { category: 'cyber', explanation: 'Not this.' });
    assert.equal(extras.requestedSpeed, undefined);
  });

  it('gives the context window when the answer ran into it', () => {
    const extras = footerExtras(result({ stop_reason: 'model_context_window_exceeded' }), caps);
    assert.equal(extras.contextWindow, caps.contextWindow);
  });

  it('a refused effort level maps to the levels the model takes, each a one-click retry, and no Retry', () => {
    const caps = resolveModel('claude-opus-5-5');
    const f = { kind: 'effort', level: 'xhigh' } as const;
    const others = caps.effortLevels.filter((l) => l !== 'xhigh');
    assert.deepEqual(effortFixes(f, caps), others);
    const view = refusedErrorView(f, caps, "effort level 'xhigh' is not supported", 'req_1');
    assert.deepEqual(view.retryEfforts, others);
    assert.ok(!view.actions.includes('retry') && !view.actions.includes('resendWithout'));
    assert.match(view.message, /Retry at/);
    // Effort not taken at all, or another feature: no levels; "Resend without it" as before.
    assert.deepEqual(effortFixes({ kind: 'effort' }, caps), []);
    assert.deepEqual(effortFixes({ kind: 'speed' }, caps), []);
    assert.deepEqual(refusedErrorView({ kind: 'speed' }, caps, 'no').actions, ['resendWithout', 'showLog']);
  });
});
