import assert from 'node:assert/strict';
import {
  BUILT_IN_MODELS,
  fromServerInfo,
  knownModelIds,
  listModels,
  resolveModel,
  type ServerModelInfo,
} from '../../../src/anthropic/models';

describe('models: capability table and merging', () => {
  it('describes every built-in model the product offers, with prices and a table date', () => {
    const ids = BUILT_IN_MODELS.map((m) => m.id);
    assert.deepEqual(ids, [
      'claude-opus-4-6',
      'claude-opus-4-5',
      'claude-sonnet-4-6',
      'claude-sonnet-4-5',
      'claude-haiku-4-5',
    ]);
    const opus46 = resolveModel('claude-opus-4-6');
    assert.equal(opus46.defaultThinking, 'adaptive');
    assert.deepEqual(opus46.effortLevels, ['low', 'medium', 'high', 'max']);
    assert.equal(opus46.defaultEffort, 'high');
    assert.equal(opus46.fastMode, true);
    assert.equal(opus46.thinkingDisplay, true);
    assert.deepEqual(opus46.prices, { input: 5, output: 25 });
    assert.deepEqual(opus46.fastPrices?.standard, { input: 30, output: 150 });
    assert.deepEqual(opus46.fastPrices?.long?.prices, { input: 60, output: 225 });
    assert.match(opus46.priceTableDate, /^\d{4}-\d{2}-\d{2}$/);
    const opus45 = resolveModel('claude-opus-4-5');
    assert.deepEqual(opus45.thinkingModes, ['enabled']);
    assert.equal(opus45.fastMode, false);
    assert.deepEqual(opus45.effortLevels, ['low', 'medium', 'high']);
    assert.deepEqual(resolveModel('claude-haiku-4-5').effortLevels, []);
    assert.deepEqual(resolveModel('claude-haiku-4-5').prices, { input: 1, output: 5 });
    assert.deepEqual(resolveModel('claude-sonnet-4-6').prices, { input: 3, output: 15 });
  });

  it('resolves a dated alias to the built-in record but keeps the id the user picked', () => {
    const m = resolveModel('claude-sonnet-4-5-20250929');
    assert.equal(m.id, 'claude-sonnet-4-5-20250929');
    assert.equal(m.displayName, 'Claude Sonnet 4.5');
  });

  it('treats an unknown model conservatively: no thinking, effort or fast mode', () => {
    const m = resolveModel('claude-next-1');
    assert.deepEqual(m.thinkingModes, []);
    assert.deepEqual(m.effortLevels, []);
    assert.equal(m.fastMode, false);
  });

  const server: ServerModelInfo = {
    id: 'claude-sonnet-4-6',
    display_name: 'Claude Sonnet 4.6 (server)',
    max_input_tokens: 1_000_000,
    max_tokens: 64_000,
    capabilities: {
      effort: {
        supported: true,
        low: { supported: true },
        medium: { supported: true },
        high: { supported: true },
        max: { supported: true },
        xhigh: null,
      },
      thinking: { supported: true, types: { adaptive: { supported: true }, enabled: { supported: false } } },
    },
  };

  it('reads GET /v1/models capabilities into a partial record', () => {
    const o = fromServerInfo(server);
    assert.deepEqual(o.effortLevels, ['low', 'medium', 'high', 'max']);
    assert.deepEqual(o.thinkingModes, ['adaptive']);
    assert.equal(o.contextWindow, 1_000_000);
  });

  it('leaves built-in capabilities alone when an older server sends no capabilities', () => {
    const m = resolveModel('claude-opus-4-6', [{ id: 'claude-opus-4-6', display_name: 'Claude Opus 4.6' }]);
    assert.deepEqual(m.effortLevels, ['low', 'medium', 'high', 'max']);
    assert.equal(m.fastMode, true);
  });

  it('merges with precedence override > server > built-in, field by field', () => {
    const m = resolveModel('claude-sonnet-4-6', [server], {
      'claude-sonnet-4-6': { effortLevels: ['low', 'high'], prices: { input: 2, output: 10 } },
    });
    assert.deepEqual(m.effortLevels, ['low', 'high']); // override beats server
    assert.deepEqual(m.thinkingModes, ['adaptive']); // server beats built-in
    assert.equal(m.displayName, 'Claude Sonnet 4.6 (server)');
    assert.equal(m.maxOutputTokens, 64_000);
    assert.deepEqual(m.prices, { input: 2, output: 10 });
    assert.equal(m.priceTableDate, 'override'); // overridden prices are labelled as such
  });

  it('lets an override describe a model id nobody else knows', () => {
    const m = resolveModel('claude-future-5', undefined, {
      'claude-future-5': {
        displayName: 'Claude Future 5',
        thinkingModes: ['adaptive'],
        effortLevels: ['low', 'high', 'xhigh'],
        defaultEffort: 'high',
        prices: { input: 4, output: 20 },
      },
    });
    assert.equal(m.defaultThinking, 'adaptive');
    assert.deepEqual(m.effortLevels, ['low', 'high', 'xhigh']);
    assert.deepEqual(knownModelIds([], { 'claude-future-5': {} }).at(-1), 'claude-future-5');
  });

  it('pages through GET /v1/models with after_id until has_more is false', async () => {
    const paths: string[] = [];
    const pages = [
      { data: [{ id: 'a' }, { id: 'b' }], has_more: true, last_id: 'b' },
      { data: [{ id: 'c' }], has_more: false, last_id: 'c' },
    ];
    const all = await listModels({
      getJson: (p) => {
        paths.push(p);
        return Promise.resolve(pages[paths.length - 1]);
      },
    });
    assert.deepEqual(
      all.map((m) => m.id),
      ['a', 'b', 'c'],
    );
    assert.deepEqual(paths, ['/v1/models?limit=100', '/v1/models?limit=100&after_id=b']);
  });
});
