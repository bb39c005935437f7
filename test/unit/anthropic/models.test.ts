import assert from 'node:assert/strict';
import { emptyLearned, recordRefusal } from '../../../src/anthropic/learnedFacts';
import {
  BUILT_IN_MODELS,
  findBuiltInModel,
  knownModelIds,
  resolveModel,
} from '../../../src/anthropic/models';
import type { ServerModelInfo } from '../../../src/anthropic/serverModels';
import { listModelPages } from '../../../src/anthropic/transport';

/** Every id of the SDK 1.12.0 `Model` union (node_modules/@anthropic-ai/sdk messages.d.ts). */
const SDK_MODEL_IDS = [
  'claude-fable-5-2',
  'claude-mythos-5-2',
  'claude-haiku-5-5',
  'claude-sonnet-5-5',
  'claude-fable-5-1',
  'claude-opus-5-5',
  'claude-mythos-5-1',
  'claude-sonnet-5',
  'claude-fable-5',
  'claude-mythos-5',
  'claude-opus-5',
  'claude-opus-4-8',
  'claude-opus-4-7',
  'claude-mythos-preview',
  'claude-opus-4-6',
  'claude-sonnet-4-6',
  'claude-haiku-4-5',
  'claude-haiku-4-5-20251001',
  'claude-opus-4-5',
  'claude-opus-4-5-20251101',
  'claude-sonnet-4-5',
  'claude-sonnet-4-5-20250929',
];

describe('models: the catalogue and its merge order', () => {
  it('has a record for every id of the SDK Model union, dated aliases included', () => {
    for (const id of SDK_MODEL_IDS) assert.ok(findBuiltInModel(id), id);
    assert.equal(findBuiltInModel('claude-sonnet-4-5-20250929')?.id, 'claude-sonnet-4-5');
  });

  it('says where and when every record comes from, and never prices at zero', () => {
    for (const m of BUILT_IN_MODELS) {
      assert.ok(m.source.keys.length > 0 && /^\d{4}-\d{2}-\d{2}$/.test(m.source.date), m.id);
      for (const v of Object.values(m.prices)) assert.ok(typeof v === 'number' && v > 0, m.id);
      if (m.lifecycle.successor) assert.ok(findBuiltInModel(m.lifecycle.successor), m.id);
      if (m.defaultEffort) assert.ok(m.effortLevels.includes(m.defaultEffort), m.id);
    }
    // Unknown stays unknown: Mythos 5.2 cache prices, Mythos Preview everything.
    assert.equal(findBuiltInModel('claude-mythos-5-2')?.prices.cacheRead, undefined);
    assert.deepEqual(findBuiltInModel('claude-mythos-preview')?.prices, {});
  });

  it('keeps the lifecycle facts: deprecated with dates, legacy, retired with successor', () => {
    assert.deepEqual(findBuiltInModel('claude-sonnet-4-5')?.lifecycle, {
      status: 'deprecated',
      retiresAt: '2026-11-30',
      successor: 'claude-sonnet-5-5',
    });
    assert.equal(findBuiltInModel('claude-opus-4-6')?.lifecycle.status, 'legacy');
    assert.equal(findBuiltInModel('claude-mythos-preview')?.lifecycle.status, 'retired');
    assert.equal(findBuiltInModel('claude-opus-5-5')?.lifecycle.status, 'active');
  });

  it('describes fast mode as a state per model', () => {
    const fast = (id: string): string | undefined => findBuiltInModel(id)?.fast;
    assert.equal(fast('claude-opus-5-5'), 'ga');
    assert.equal(fast('claude-fable-5-2'), 'ga');
    assert.equal(fast('claude-opus-5'), 'beta');
    assert.equal(fast('claude-opus-4-8'), 'removed_refused');
    assert.equal(fast('claude-opus-4-6'), 'removed_standard');
    assert.equal(fast('claude-sonnet-5-5'), 'never');
    assert.equal(findBuiltInModel('claude-opus-4-6')?.fastMode, false, 'fastMode = actually served');
  });

  it('gives an unknown id nothing it might refuse, and what the server says about it', () => {
    const bare = resolveModel('claude-future-9');
    assert.deepEqual(bare.thinkingModes, []);
    assert.deepEqual(bare.effortLevels, []);
    assert.equal(bare.fast, 'unknown');
    assert.deepEqual(bare.prices, {});
    assert.equal(bare.maxOutputTokens, undefined);
    const info: ServerModelInfo = {
      id: 'claude-future-9',
      display_name: 'Claude Future 9',
      lifecycle: 'active',
      max_input_tokens: 2_000_000,
      max_tokens: 256_000,
      capabilities: {
        effort: {
          supported: true,
          low: { supported: true },
          xhigh: { supported: true },
          max: { supported: false },
        },
        thinking: {
          supported: true,
          types: { adaptive: { supported: true }, disabled: { supported: false } },
        },
      },
    };
    const m = resolveModel('claude-future-9', [info]);
    assert.equal(m.displayName, 'Claude Future 9');
    assert.equal(m.contextWindow, 2_000_000);
    assert.equal(m.maxOutputTokens, 256_000);
    assert.deepEqual(m.effortLevels, ['low', 'xhigh']);
    assert.deepEqual(m.thinkingModes, ['adaptive']);
    assert.equal(m.thinkingTypes.disabled, 'refused');
    assert.equal(m.thinkingDisplay, true, 'GA adaptive takes display');
    assert.equal(m.lifecycle.status, 'active');
  });

  it('merges table < server < override < learned, field by field', () => {
    const server: ServerModelInfo = {
      id: 'claude-opus-5-5',
      lifecycle: 'deprecated',
      deprecated_at: '2027-03-01T00:00:00Z',
      retires_at: '2027-09-01T00:00:00Z',
      max_tokens: 100_000,
      capabilities: {
        effort: {
          supported: true,
          low: { supported: true },
          medium: { supported: true },
          high: { supported: true },
        },
      },
    };
    const overrides = {
      'claude-opus-5-5': { maxOutputTokens: 90_000, effortLevels: ['low' as const, 'medium' as const] },
    };
    const learned = recordRefusal(emptyLearned(), 'claude-opus-5-5', {
      feature: { kind: 'effort', level: 'medium' },
      at: '2026-12-01T23:00:00Z',
    });
    const table = resolveModel('claude-opus-5-5');
    const s = resolveModel('claude-opus-5-5', [server]);
    const o = resolveModel('claude-opus-5-5', [server], overrides);
    const l = resolveModel('claude-opus-5-5', [server], overrides, learned);
    assert.equal(table.maxOutputTokens, 128_000);
    assert.equal(s.maxOutputTokens, 100_000);
    assert.deepEqual(s.lifecycle, {
      status: 'deprecated',
      deprecatedAt: '2027-03-01',
      retiresAt: '2027-09-01',
    });
    assert.deepEqual(s.effortLevels, ['low', 'medium', 'high']);
    assert.equal(o.maxOutputTokens, 90_000);
    assert.deepEqual(o.effortLevels, ['low', 'medium']);
    assert.deepEqual(l.effortLevels, ['low']);
    assert.equal(l.defaultEffort, undefined, 'a default the model no longer takes is dropped');
    assert.equal(l.prices.input, 4, 'fields nobody patched stay from the table');
  });

  it('keeps the table label "legacy" while the server says active, and takes retired from it', () => {
    assert.equal(
      resolveModel('claude-opus-4-6', [{ id: 'claude-opus-4-6', lifecycle: 'active' }]).lifecycle.status,
      'legacy',
    );
    assert.equal(
      resolveModel('claude-opus-4-6', [{ id: 'claude-opus-4-6', lifecycle: 'retired' }]).lifecycle.status,
      'retired',
    );
  });

  it('translates the old override names (thinkingModes, fastMode, thinkingDisplay)', () => {
    const m = resolveModel('claude-haiku-4-5', undefined, {
      'claude-haiku-4-5-20251001': { thinkingModes: ['adaptive'], fastMode: true, thinkingDisplay: true },
    });
    assert.deepEqual(m.thinkingModes, ['adaptive']);
    assert.equal(m.fast, 'ga');
    assert.equal(m.thinkingDisplay, true);
    const opus5 = resolveModel('claude-opus-5', undefined, { 'claude-opus-5': { fastMode: true } });
    assert.equal(opus5.fast, 'beta', 'fastMode: true keeps the beta the model needs');
  });

  it('offers built-ins first, then ids the server or overrides add', () => {
    const ids = knownModelIds([{ id: 'claude-opus-5-5' }, { id: 'claude-next' }], { 'my-model': {} });
    assert.equal(ids[0], 'claude-fable-5-2');
    assert.deepEqual(ids.slice(-2), ['claude-next', 'my-model']);
  });

  it('pages through GET /v1/models with after_id until has_more is false', async () => {
    const paths: string[] = [];
    const pages: Record<string, unknown> = {
      '/v1/models?limit=100': { data: [{ id: 'a' }, { id: 'b' }], has_more: true, last_id: 'b' },
      '/v1/models?limit=100&after_id=b': { data: [{ id: 'c' }, { nope: 1 }], has_more: false },
    };
    const all = await listModelPages<{ id: string }>({
      getJson: (p) => {
        paths.push(p);
        return Promise.resolve(pages[p]);
      },
    });
    assert.deepEqual(
      all.map((m) => m.id),
      ['a', 'b', 'c'],
    );
    assert.equal(paths.length, 2);
    const retired = await listModelPages(
      { getJson: (p) => (paths.push(p), Promise.resolve({ data: [] })) },
      undefined,
      ['retired'],
    );
    assert.deepEqual(retired, []);
    assert.equal(paths.at(-1), '/v1/models?limit=100&lifecycle[]=retired');
  });
});
