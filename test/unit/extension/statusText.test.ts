import * as assert from 'node:assert/strict';
import { resolveModel } from '../../../src/anthropic/models';
import {
  effortView,
  fastLimitLines,
  fastPriceLines,
  modelDetail,
  modelView,
  speedView,
} from '../../../src/extension/status/statusText';

const opus = resolveModel('claude-opus-5-5');
const sonnet = resolveModel('claude-sonnet-4-6');
const sonnet45 = resolveModel('claude-sonnet-4-5');

describe('status bar text', () => {
  describe('speed item', () => {
    it('says Fast or Standard, with a tooltip on price, limits and the prompt cache', () => {
      const fast = speedView({ caps: opus, fastMode: true, fastModels: ['Claude Opus 5.5'] });
      assert.equal(fast.text, '$(zap) Fast');
      assert.match(fast.tooltip, /2x the standard rate — \$8 in \/ \$40 out/);
      assert.match(fast.tooltip, /prompt cache/);
      assert.match(fast.tooltip, /command:thinkfast\.toggleFastMode/);
      assert.match(fast.ariaLabel, /fast mode on/);
      assert.equal(speedView({ caps: opus, fastMode: false, fastModels: [] }).text, 'Standard');
    });

    it('derives the multipliers from the price table, overrides included', () => {
      const custom = { ...opus, prices: { input: 10, output: 50 }, fastPrices: { multiplier: 3 } };
      assert.match(fastPriceLines(custom)[0] ?? '', /^Price: 3x the standard rate — \$30 in \/ \$150 out/);
      assert.match(fastPriceLines(resolveModel('claude-fable-5-2'))[0] ?? '', /unknown/);
    });

    it('says when the model has no fast mode and names the models that have it', () => {
      const view = speedView({ caps: sonnet, fastMode: false, fastModels: ['Claude Opus 4.6'] });
      assert.equal(view.text, 'Standard (no fast mode)');
      assert.match(
        view.tooltip,
        /Claude Sonnet 4\\\.6 has no fast mode\. Fast mode is available on Claude Opus 4\\\.6/,
      );
      assert.equal(view.warning, false);
      assert.equal(speedView({ caps: sonnet, fastMode: true, fastModels: [] }).warning, true);
    });

    it('shows the live output rate while streaming, marked as an estimate', () => {
      assert.equal(
        speedView({ caps: opus, fastMode: true, fastModels: [], tokensPerSecond: 141.6 }).text,
        '$(zap) Fast · ~142 tok/s',
      );
      assert.equal(
        speedView({ caps: sonnet, fastMode: false, fastModels: [], tokensPerSecond: 55 }).text,
        'Standard (no fast mode) · ~55 tok/s',
      );
    });

    it('reports the fast-mode limit remaining and its reset from the anthropic-fast headers', () => {
      const reset = '2026-03-01T12:34:56Z';
      const lines = fastLimitLines({
        fastOutputTokens: { limit: 200000, remaining: 150000, reset },
        fastInputTokens: { limit: 1000000, remaining: 0 },
      });
      assert.match(
        lines[0] ?? '',
        /^Fast-mode output limit: 150,000 of 200,000 tokens left, resets at \d\d:\d\d:\d\d$/,
      );
      assert.equal(lines[1], 'Fast-mode input limit: 0 of 1,000,000 tokens left');
      assert.match(fastLimitLines(undefined)[0] ?? '', /after the first fast-mode response/);
      assert.match(
        fastLimitLines({ requests: { remaining: 5 } })[0] ?? '',
        /after the first fast-mode response/,
      );
    });
  });

  describe('effort item', () => {
    it('shows the level with its description and the model’s levels, default marked', () => {
      const view = effortView(opus, 'medium');
      assert.equal(view.text, '$(lightbulb) Effort: medium');
      assert.match(view.tooltip, /Levels: low, medium \(default\), high, xhigh, max\./);
      assert.match(view.tooltip, /moderately/);
    });

    it('warns when the set level is not one the model has', () => {
      const view = effortView(sonnet, 'xhigh');
      assert.equal(view.text, '$(warning) Effort: xhigh');
      assert.equal(view.warning, true);
    });

    it('says so when the model has no effort levels', () => {
      const view = effortView(sonnet45, 'high');
      assert.equal(view.text, '$(lightbulb) No effort levels');
      assert.match(view.ariaLabel, /has no effort levels/);
    });
  });

  describe('model item and picker detail', () => {
    it('shows thinking, effort, fast mode and prices', () => {
      assert.equal(
        modelDetail(opus),
        'Adaptive thinking · effort low/medium/high/xhigh/max · $(zap) fast mode · $4 / $20 per MTok (fast $8 / $40)',
      );
      assert.equal(
        modelDetail(sonnet45),
        'Thinking with a budget · no effort levels · no fast mode · $3 / $15 per MTok',
      );
      assert.match(modelDetail(resolveModel('my-model')), /No extended thinking .* price unknown$/);
      assert.equal(modelView(opus).text, '$(hubot) Opus 5.5');
    });

    it('escapes names from the server before they reach markdown', () => {
      const odd = { ...sonnet, displayName: 'Evil [link](command:x)' };
      assert.doesNotMatch(
        speedView({ caps: odd, fastMode: false, fastModels: [] }).tooltip,
        /\[link\]\(command:x\)/,
      );
    });
  });
});
