import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ThinkfastTestApi } from '../../src/extension/extension';
import { FEBRUARY_2026_RULES } from '../simulator/options';
import type { Simulator } from '../simulator/server';
import {
  messageRequests,
  resetSettings,
  setUserSetting,
  thinkfast,
  useSimulator,
  waitFor,
} from './simulatorSession';

const fastBeta = 'fast-mode-2026-02-01';
const touched = ['model', 'effort', 'fastMode', 'fastModeOn429'];

interface ToggleResult {
  fastMode: boolean;
  refused?: string;
}

interface ModelChoice {
  model: string;
  notices: string[];
}

describe('status bar: speed, effort and model', function () {
  let api: ThinkfastTestApi;
  let session: Awaited<ReturnType<typeof useSimulator>>;
  let sim: Simulator;

  const bar = () => api.statusBar.snapshot();
  const config = () => vscode.workspace.getConfiguration('thinkfast');

  /** Sends a chat prompt and waits for its response; returns the request the simulator saw. */
  async function chatRequest(prompt = 'Say hello in TypeScript.') {
    const before = messageRequests(sim).length;
    await api.chat.send(prompt);
    await api.chat.idle();
    const requests = messageRequests(sim);
    assert.equal(requests.length, before + 1, 'one request per prompt');
    const last = requests.at(-1);
    assert.ok(last);
    return { request: last, body: last.body as Record<string, unknown> };
  }

  before(async () => {
    api = await thinkfast();
    // Written against February 2026 rules: Opus 4.6 fast served, Sonnet 4.6 without max effort.
    session = await useSimulator({ modelRules: FEBRUARY_2026_RULES });
    sim = session.sim;
    await resetSettings(touched);
  });

  afterEach(async () => {
    sim.configure({ fault: null, tokensPerSecond: 2_000 });
    await api.chat.stop();
    await resetSettings(touched);
  });

  after(async () => {
    await session.stop();
  });

  it('gives every item a name and an accessibility label', () => {
    const items = bar();
    assert.deepEqual(
      [items.speed.name, items.effort.name, items.model.name],
      ['Thinkfast Speed', 'Thinkfast Effort', 'Thinkfast Model'],
    );
    for (const item of Object.values(items)) assert.match(item.ariaLabel, /^Thinkfast \w+: .+/);
  });

  it('Toggle Fast Mode makes the next request fast (no beta on Opus 5.5), and the item says Fast', async () => {
    await waitFor(() => bar().speed.text === 'Standard', 'the speed item to say Standard');
    const on = await vscode.commands.executeCommand<ToggleResult>('thinkfast.toggleFastMode');
    assert.equal(on?.fastMode, true);
    assert.equal(on.refused, undefined);
    await waitFor(() => bar().speed.text === '$(zap) Fast', 'the speed item to say Fast');
    const fast = await chatRequest();
    assert.equal(fast.body.speed, 'fast');
    assert.ok(!fast.request.betas.includes(fastBeta), `betas: ${fast.request.betas.join(', ')}`);
    assert.equal(fast.request.servedSpeed, 'fast');

    // The tooltip now knows the fast-mode limit from that response's anthropic-fast-* headers.
    await waitFor(
      () => /Fast-mode output limit: [\d,]+ of [\d,]+ tokens left/.test(bar().speed.tooltip),
      'the fast limit in the tooltip',
    );
    assert.match(bar().speed.tooltip, /2x the standard rate/);
    assert.match(bar().speed.tooltip, /prompt cache/);

    const off = await vscode.commands.executeCommand<ToggleResult>('thinkfast.toggleFastMode');
    assert.equal(off?.fastMode, false);
    assert.equal(off.refused, undefined);
    await waitFor(() => bar().speed.text === 'Standard', 'the speed item to say Standard again');
    const standard = await chatRequest();
    assert.equal(standard.body.speed, undefined);
    assert.ok(!standard.request.betas.includes(fastBeta));
  });

  it('Set Effort sets output_config.effort and the item shows it', async () => {
    const level = await vscode.commands.executeCommand<string>('thinkfast.setEffort', 'low');
    assert.equal(level, 'low');
    await waitFor(() => bar().effort.text === '$(lightbulb) Effort: low', 'the effort item to say low');
    const { body } = await chatRequest();
    assert.deepEqual(body.output_config, { effort: 'low' });
  });

  it('Set Effort refuses a level the model does not have', async () => {
    await setUserSetting('model', 'claude-sonnet-4-6');
    const level = await vscode.commands.executeCommand<string | undefined>('thinkfast.setEffort', 'xhigh');
    assert.equal(level, undefined);
    assert.equal(config().get('effort'), 'high');
  });

  it('Toggle Fast Mode refuses on a model without fast mode, and says which models have it', async () => {
    await setUserSetting('model', 'claude-sonnet-4-6');
    await waitFor(
      () => bar().speed.text === 'Standard (no fast mode)',
      'the speed item to say it has no fast mode',
    );
    const result = await vscode.commands.executeCommand<ToggleResult>('thinkfast.toggleFastMode');
    assert.equal(result.fastMode, false);
    assert.match(
      result.refused ?? '',
      /^Claude Sonnet 4\.6 has no fast mode\. It is available on .*Claude Opus 5\.5/,
    );
    assert.equal(config().get('fastMode'), false);
    assert.match(bar().speed.tooltip, /has no fast mode/);
  });

  it('Select Model to a model without the current effort or speed adjusts both, with notices', async () => {
    await setUserSetting('effort', 'xhigh');
    await setUserSetting('fastMode', true);
    const choice = await vscode.commands.executeCommand<ModelChoice>(
      'thinkfast.selectModel',
      'claude-sonnet-4-6',
    );
    assert.deepEqual(choice, {
      model: 'claude-sonnet-4-6',
      notices: [
        'Claude Sonnet 4.6 has no xhigh effort: effort set to high.',
        'Claude Sonnet 4.6 has no fast mode: switched to standard speed.',
      ],
    });
    await waitFor(() => bar().model.text === '$(hubot) Sonnet 4.6', 'the model item to follow');
    assert.equal(config().get('effort'), 'high');
    assert.equal(config().get('fastMode'), false);
    const { body } = await chatRequest();
    assert.equal(body.model, 'claude-sonnet-4-6');
    assert.deepEqual(body.output_config, { effort: 'high' });
    assert.equal(body.speed, undefined);
  });

  it('follows settings changed elsewhere, without a reload', async () => {
    await config().update('model', 'claude-sonnet-4-5', vscode.ConfigurationTarget.Global);
    await waitFor(() => bar().model.text === '$(hubot) Sonnet 4.5', 'the model item to follow settings.json');
    assert.equal(bar().effort.text, '$(lightbulb) No effort levels');
    assert.equal(bar().speed.text, 'Standard (no fast mode)');
    await config().update('model', 'claude-opus-4-6', vscode.ConfigurationTarget.Global);
    await config().update('effort', 'max', vscode.ConfigurationTarget.Global);
    await waitFor(
      () => bar().effort.text === '$(lightbulb) Effort: max',
      'the effort item to follow settings.json',
    );
  });

  it('writes fast mode to the workspace when the workspace sets it', async function () {
    if (!vscode.workspace.workspaceFolders?.length) this.skip();
    await config().update('fastMode', true, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => bar().speed.text === '$(zap) Fast', 'the workspace value to take effect');
    await vscode.commands.executeCommand('thinkfast.toggleFastMode');
    assert.equal(config().inspect('fastMode')?.workspaceValue, false);
    assert.equal(config().inspect('fastMode')?.globalValue, undefined);
    await waitFor(() => bar().speed.text === 'Standard', 'the speed item to follow');
  });

  it('shows live output tokens/s on the speed item while a response streams', async () => {
    sim.configure({ tokensPerSecond: 150 });
    await setUserSetting('fastMode', true);
    await waitFor(() => bar().speed.text === '$(zap) Fast', 'fast mode');
    await api.chat.send('Write a long guide to TypeScript generics. [sim:long tokens=900]');
    const live = await waitFor(
      () => /^\$\(zap\) Fast · ~\d+ tok\/s$/.exec(bar().speed.text),
      'a live tok/s figure',
    );
    const tps = Number(/(\d+) tok/.exec(live[0])?.[1]);
    // 2.5 × 150 tokens/s in fast mode; the estimate counts ~4 characters per token.
    assert.ok(tps > 100 && tps < 1_000, `live rate ${tps}`);
    await api.chat.stop();
    await waitFor(() => bar().speed.text === '$(zap) Fast', 'the rate to disappear when streaming ends');
  });

  it('shows the measured tok/s, without ~, once a response ends', async () => {
    sim.configure({ tokensPerSecond: 2_000 });
    await api.chat.send('Say hello at length. [sim:long tokens=400]');
    await api.chat.idle();
    const footer = api.chat.current.turns.at(-1)?.footer;
    assert.ok(footer?.outputTokensPerSecond !== undefined, 'the footer has a measured rate');
    const measured = Math.round(footer.outputTokensPerSecond);
    await waitFor(
      () => bar().speed.text.endsWith(` · ${measured} tok/s`),
      `the measured ${measured} tok/s`,
    ).catch((e: unknown) => {
      throw new Error(`${(e as Error).message}; the speed item reads "${bar().speed.text}"`);
    });
  });
});
