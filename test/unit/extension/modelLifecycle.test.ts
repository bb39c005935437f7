// The model picker's groups, the deprecation notice's words, the speed item after the server
// refused or downgraded fast mode, and the persisted learned facts.

import * as assert from 'node:assert/strict';
import { CATALOG_DATA_VERSION } from '../../../src/anthropic/modelTableKit';
import { BUILT_IN_MODELS, resolveModel } from '../../../src/anthropic/models';
import type { ResponseMetrics } from '../../../src/anthropic/types';
import {
  LearnedStore,
  learnedStateKey,
  type LearnedMemento,
} from '../../../src/extension/connection/learnedStore';
import { groupModels, lifecycleNoticeText, retirementText } from '../../../src/extension/status/modelGroups';
import { ServedLedger } from '../../../src/extension/status/servedLedger';
import { speedView } from '../../../src/extension/status/statusText';

class MapMemento implements LearnedMemento {
  readonly values = new Map<string, unknown>();
  get<T>(key: string, fallback?: T): T {
    return (this.values.has(key) ? this.values.get(key) : fallback) as T;
  }
  update(key: string, value: unknown): Promise<void> {
    this.values.set(key, value);
    return Promise.resolve();
  }
}

describe('model lifecycle in the UI', () => {
  it('groups current, legacy, deprecated; hides retired unless it is the configured model', () => {
    const groups = groupModels(BUILT_IN_MODELS, 'claude-opus-5-5');
    const order = groups.map((g) => g.group);
    assert.deepEqual(
      order.filter((g) => g !== 'other'),
      ['current', 'legacy', 'deprecated'],
    );
    const ids = groups.flatMap((g) => g.models.map((m) => m.id));
    assert.ok(ids.includes('claude-opus-5-5'));
    for (const m of BUILT_IN_MODELS.filter((x) => x.lifecycle.status === 'retired'))
      assert.ok(!ids.includes(m.id), `${m.id} is retired and hidden`);
    const retired = BUILT_IN_MODELS.find((m) => m.lifecycle.status === 'retired');
    assert.ok(retired);
    const withRetired = groupModels(BUILT_IN_MODELS, retired.id).flatMap((g) => g.models.map((m) => m.id));
    assert.ok(withRetired.includes(retired.id), 'the configured one stays visible');
    const current = groups.find((g) => g.group === 'current')?.models ?? [];
    assert.ok(current.every((m) => m.lifecycle.status === 'active'));
  });

  it('says when a deprecated model retires (or was due to) and offers its successor', () => {
    const opus45 = resolveModel('claude-opus-4-5');
    assert.equal(opus45.lifecycle.status, 'deprecated');
    assert.equal(retirementText(opus45, '2026-12-02'), `retires ${opus45.lifecycle.retiresAt}`);
    assert.match(retirementText(opus45, '2099-01-01') ?? '', /^retirement was due /);
    const text = lifecycleNoticeText(opus45, resolveModel('claude-opus-5-5'), '2026-12-02');
    assert.match(text.message, /Claude Opus 4\.5 is deprecated \(retires 2027-01-22\)/);
    assert.equal(text.action, 'Switch to Claude Opus 5.5');
    assert.equal(lifecycleNoticeText(opus45, undefined).action, undefined);
  });

  it('the speed item says fast refused, with when and the server’s words', () => {
    const caps = resolveModel('claude-opus-4-8');
    const view = speedView({
      caps,
      fastMode: true,
      fastModels: [],
      fastRefused: { at: '2026-12-01T10:00:00Z', message: 'fast mode is no longer available' },
    });
    assert.equal(view.text, 'Standard (fast refused)');
    assert.match(view.tooltip, /refused fast mode .* on 2026-12-01: “fast mode is no longer available”/);
    assert.equal(view.warning, true);
  });

  it('the speed item says standard served once fast requests keep being downgraded', () => {
    const ledger = new ServedLedger(() => '2026-12-02');
    const m = (speed: 'fast' | 'standard'): ResponseMetrics => ({
      model: 'claude-opus-5-5',
      totalMs: 1,
      usage: { input_tokens: 1, output_tokens: 1, speed },
      speed,
      requestedSpeed: 'fast',
      fellBack: false,
      attempts: 1,
      rateLimits: {},
    });
    ledger.add(m('standard'));
    assert.equal(ledger.standardServed('claude-opus-5-5'), false, 'one is not a pattern');
    ledger.add(m('standard'));
    assert.equal(ledger.standardServed('claude-opus-5-5'), true);
    const view = speedView({
      caps: resolveModel('claude-opus-5-5'),
      fastMode: true,
      fastModels: [],
      standardServed: true,
    });
    assert.match(view.text, /standard served/);
    ledger.add(m('fast'));
    assert.equal(ledger.standardServed('claude-opus-5-5'), false);
    assert.match(
      speedView({ caps: resolveModel('claude-opus-4-6'), fastMode: true, fastModels: [] }).text,
      /Fast · standard served/,
      'the catalogue knows Opus 4.6 is served at standard speed',
    );
  });

  it('keeps learned refusals across restarts, and drops them when the catalogue changes', async () => {
    const memento = new MapMemento();
    let changes = 0;
    const store = new LearnedStore(memento, () => changes++);
    assert.equal(await store.record('claude-opus-5-5', { kind: 'speed' }, 'no'), true);
    assert.equal(
      await store.record('claude-opus-5-5', { kind: 'speed' }, 'no'),
      false,
      'a repeat is not news',
    );
    assert.equal(changes, 1);
    const reloaded = new LearnedStore(memento, () => undefined);
    assert.equal(reloaded.refusal(['claude-opus-5-5'], 'speed')?.message, 'no');
    assert.equal(resolveModel('claude-opus-5-5', undefined, undefined, reloaded.current).fastMode, false);
    memento.values.set(learnedStateKey, {
      ...reloaded.current,
      catalogVersion: `${CATALOG_DATA_VERSION}-old`,
    });
    assert.equal(new LearnedStore(memento, () => undefined).refusal(['claude-opus-5-5'], 'speed'), undefined);
  });
});
