// Prompt caching and spend in a real extension host against the simulator: the second turn reads
// the cache and its footer says so (and what it saved), switching speed says what it costs before
// the switch and the next footer reports the miss, and the spend limit asks before a send.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { messageRequests, setUserSetting, waitFor } from './simulatorSession';
import { useChatSuite } from './chatSuite';

const touched = ['model', 'fastMode', 'spendLimitPerConversation', 'cache.ttl'];
// About 1,500 tokens: above Opus 5.5's minimum cacheable prompt (512).
const longPrompt = `Review this design note, please. ${'The cache keeps the prefix of every request. '.repeat(130)}`;

describe('spend: prompt cache, switch cost and the spend limit', function () {
  this.timeout(60_000);
  const suite = useChatSuite(touched, {
    beforeEach: () => setUserSetting('model', 'claude-opus-5-5'),
  });
  /** Sends `prompt` and returns the footer its turn ended with. */
  async function send(prompt: string) {
    const { end } = await suite.send(prompt);
    assert.ok(end.footer, 'the turn ended with a footer');
    return end.footer;
  }

  it('the second turn reads the cache: the footer says so, with what it saved, and the lines add up', async () => {
    const first = await send(longPrompt);
    assert.ok(first.cacheWriteTokens > 0, 'turn 1 writes the cache');
    const second = await send('Now summarise it in one line.');
    assert.ok(second.cacheReadTokens > 0, 'turn 2 reads it');
    assert.match(second.cacheNote ?? '', /^cache hit [\d,]+ tok$/);
    assert.match(second.cacheSaved ?? '', /^cache saved \$\d/);
    assert.ok(second.costBreakdown.some((l) => l.startsWith('Cache read')));
    assert.ok(second.costBreakdown.includes(`Total: ${second.costText}`));
    const requests = messageRequests(suite.sim).slice(-2);
    const body = requests[1]?.body as {
      cache_control?: unknown;
      diagnostics?: { previous_message_id?: string };
    };
    assert.deepEqual(body.cache_control, { type: 'ephemeral' });
    assert.equal(body.diagnostics?.previous_message_id, first.messageId, 'asks why a prompt would miss');
    assert.ok((requests[1]?.body as { messages: unknown[] }).messages.length === 3);
  });

  it('switching speed says what it costs before the switch, and the next footer reports the miss', async () => {
    await send(longPrompt);
    await send('Go on, one more line.');
    await waitFor(
      () => /Switching now re-writes ≈/.test(suite.api.statusBar.snapshot().speed.tooltip),
      'the warning on the speed item',
    );
    const result = await vscode.commands.executeCommand<{ fastMode: boolean; cacheCost?: string }>(
      'thinkfast.toggleFastMode',
    );
    assert.equal(result?.fastMode, true);
    assert.match(result.cacheCost ?? '', /^re-writes ≈ [\d,]+ cached tokens ≈ \$\d/);
    const after = await send('And in fast mode?');
    assert.equal(after.speed, 'fast');
    assert.match(after.cacheNote ?? '', /^cache miss: model or speed changed/);
    assert.match(
      suite.api.statusBar.snapshot().model.tooltip,
      /Today: \$\d/,
      'the day total on the status items',
    );
  });

  it('a new chat takes the switch warning away: nothing cached is at stake there', async () => {
    await send(longPrompt);
    await waitFor(
      () => /Switching now re-writes ≈/.test(suite.api.statusBar.snapshot().speed.tooltip),
      'the warning on the speed item',
    );
    await suite.api.chat.newChat();
    await waitFor(
      () => !/re-writes ≈/.test(suite.api.statusBar.snapshot().speed.tooltip),
      'the warning gone from the speed item',
    );
    const result = await vscode.commands.executeCommand<{ fastMode: boolean; cacheCost?: string }>(
      'thinkfast.toggleFastMode',
    );
    assert.equal(result?.fastMode, true);
    assert.equal(result.cacheCost, undefined, 'the toggle names no cost either');
  });

  it('the spend limit asks before a send that would pass it, and sends only when told to', async () => {
    await send('A first, cheap question about caches?');
    await setUserSetting('spendLimitPerConversation', 0.000001);
    const asked: string[] = [];
    const gate = suite.api.chat.spendGate;
    const original = gate.confirm;
    try {
      gate.confirm = (q) => {
        asked.push(q);
        return Promise.resolve(false);
      };
      const before = messageRequests(suite.sim).length;
      await suite.api.chat.send('A second question?');
      await suite.api.chat.idle();
      assert.equal(messageRequests(suite.sim).length, before, 'not sent');
      assert.match(asked[0] ?? '', /past your limit of \$0\.0000 .*Send the next turn anyway\?/);
      assert.ok(
        suite.posted.some((m) => m.type === 'setDraft' && m.text === 'A second question?'),
        'the prompt is kept',
      );
      gate.confirm = () => Promise.resolve(true);
      await suite.api.chat.send('A second question?');
      await suite.api.chat.idle();
      assert.equal(messageRequests(suite.sim).length, before + 1, 'sent once allowed');
    } finally {
      gate.confirm = original;
    }
  });
});
