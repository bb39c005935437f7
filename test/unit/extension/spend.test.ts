// The spend limit's question, the switch-cost words the toggle and pickers show, the day total,
// and the 429 fallback's cache-loss line.

import * as assert from 'node:assert/strict';
import { resolveModel } from '../../../src/anthropic/models';
import type { ResponseMetrics } from '../../../src/anthropic/types';
import { newConversation, type Turn } from '../../../src/extension/chat/conversation';
import { conversationSpend, spendQuestion } from '../../../src/extension/chat/spend';
import { fallbackText } from '../../../src/extension/chat/turnOutcome';
import { ServedLedger } from '../../../src/extension/status/servedLedger';
import { dayTotalLine, ledgerSwitchCost } from '../../../src/extension/status/switchCost';
import type { FooterView } from '../../../src/shared/protocol';

const opus = resolveModel('claude-opus-5-5');

function footer(change: Partial<FooterView>): FooterView {
  return {
    model: opus.id,
    speed: 'standard',
    fellBack: false,
    inputTokens: 10,
    outputTokens: 10,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    costBreakdown: [],
    simulator: true,
    ...change,
  };
}

function turnWith(f?: FooterView): Turn {
  return {
    id: 't',
    prompt: 'p',
    attachments: [],
    content: [],
    outcome: 'complete',
    ...(f ? { footer: f } : {}),
  };
}

describe('spend', () => {
  it('sums a conversation, keeping unknown prices apart and estimates marked', () => {
    const c = newConversation('c', opus.id);
    c.turns.push(
      turnWith(footer({ costUsd: 0.1 })),
      turnWith(footer({ costUsd: 0.2, estimated: true })),
      turnWith(footer({})),
      turnWith(),
    );
    const s = conversationSpend(c);
    assert.ok(Math.abs(s.usd - 0.3) < 1e-12);
    assert.equal(s.lastUsd, 0.2);
    assert.equal(s.unpriced, 1);
    assert.equal(s.estimated, true);
  });

  it('asks past the limit, or when the next turn like the last would pass it; never when off', () => {
    const spend = { usd: 0.3, estimated: false, lastUsd: 0.2, unpriced: 0 };
    assert.equal(spendQuestion(spend, 0), undefined);
    assert.equal(spendQuestion(spend, 1), undefined);
    assert.match(
      spendQuestion(spend, 0.45) ?? '',
      /cost \$0\.300 of your \$0\.450 limit; .*\(\$0\.200\), it passes the limit/,
    );
    assert.match(spendQuestion(spend, 0.25) ?? '', /past your limit of \$0\.250/);
  });

  it('prices a switch from the last response while its cache may live, and says nothing without one', () => {
    let now = 1_000_000;
    const ledger = new ServedLedger(
      () => '2026-12-02',
      () => now,
    );
    assert.equal(ledgerSwitchCost(ledger, opus, { caps: opus, speed: 'fast' }, '5m'), undefined);
    const m: ResponseMetrics = {
      model: opus.id,
      totalMs: 1,
      usage: {
        input_tokens: 5,
        output_tokens: 100,
        cache_read_input_tokens: 10_000,
        cache_creation_input_tokens: 2_000,
      },
      requestedSpeed: 'standard',
      fellBack: false,
      attempts: 1,
      rateLimits: {},
    };
    ledger.add(m);
    // Opus 5.5 fast: 2x the 5m write price of $5/MTok on 12,000 tokens = $0.12.
    assert.equal(
      ledgerSwitchCost(ledger, opus, { caps: opus, speed: 'fast' }, '5m'),
      're-writes ≈ 12,000 cached tokens ≈ $0.120',
    );
    now += 6 * 60_000;
    assert.equal(
      ledgerSwitchCost(ledger, opus, { caps: opus, speed: 'fast' }, '5m'),
      undefined,
      'the 5m cache is gone',
    );
    assert.ok(ledgerSwitchCost(ledger, opus, { caps: opus, speed: 'fast' }, '1h'), 'a 1h cache is not');
    assert.equal(dayTotalLine(ledger), 'Today: $0 over 1 response (1 without a known price)');
  });

  it('a refactor counts in the day total but is not the chat prompt a switch would lose; a new chat forgets it', () => {
    const ledger = new ServedLedger(() => '2026-12-02');
    const m: ResponseMetrics = {
      model: opus.id,
      totalMs: 1,
      usage: { input_tokens: 20_000, output_tokens: 100, cache_creation_input_tokens: 8_000 },
      requestedSpeed: 'fast',
      speed: 'fast',
      fellBack: false,
      attempts: 1,
      rateLimits: {},
      cost: { totalUsd: 0.25 } as ResponseMetrics['cost'],
    };
    ledger.add(m, 'refactor');
    assert.equal(ledger.last(300_000), undefined, 'a refactor leaves no switch warning');
    assert.deepEqual(ledger.dayTotal(), { usd: 0.25, responses: 1, unpriced: 0 });
    ledger.add(m);
    assert.ok(ledger.last(300_000), 'a chat response does');
    assert.deepEqual(ledger.dayTotal(), { usd: 0.5, responses: 2, unpriced: 0 });
    ledger.forgetLast();
    assert.equal(ledger.last(300_000), undefined);
    assert.equal(ledger.dayTotal().usd, 0.5, 'the day total stays');
  });

  it('the 429 fallback line says the cache is lost and what re-writing it costs', () => {
    const reason = 'Fast mode is rate limited; answering at standard speed.';
    assert.equal(fallbackText(reason, undefined, opus), reason);
    assert.equal(
      fallbackText(reason, footer({ cacheReadTokens: 10_000, cacheWriteTokens: 2_000 }), opus),
      `${reason} Cache lost: re-writes ≈ 12,000 cached tokens ≈ $0.060.`,
    );
  });
});
