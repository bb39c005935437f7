import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { FEBRUARY_2026_RULES } from '../simulator/options';
import {
  accept,
  diffTabs,
  expectedProposal,
  fastBeta,
  refactor,
  reject,
  sample,
  selected,
  useRefactorSuite,
} from './refactorKit';
import { messageRequests, setUserSetting, thinkfast, waitFor } from './simulatorSession';

const touched = ['model', 'fastModeOn429', 'refactor.effort', 'refactor.speed', 'fastMode'];

describe('Refactor Selection', function () {
  // Written against February 2026 rules: Opus 4.6 fast served, Sonnet 4.6 without max effort.
  const suite = useRefactorSuite('refactor', touched, { modelRules: FEBRUARY_2026_RULES });

  it('sends the selection in fast mode with adaptive thinking at the refactor effort; Open as diff shows the whole file', async () => {
    const editor = await suite.files.open();
    const original = editor.document.getText(selected);
    const { activity } = await thinkfast();
    const dayBefore = activity.ledger.dayTotal();
    const outcome = await refactor();
    assert.equal(outcome.outcome, 'proposed', JSON.stringify(outcome));
    assert.ok(outcome.outcome === 'proposed');
    assert.equal(outcome.speed, 'fast');
    assert.equal(outcome.fellBack, false);
    assert.equal(outcome.proposal, expectedProposal(original));
    assert.ok((outcome.costUsd ?? 0) > 0, 'a cost');
    const day = activity.ledger.dayTotal();
    assert.equal(day.responses, dayBefore.responses + 1, 'the refactor counts in the day total');
    assert.ok(Math.abs(day.usd - dayBefore.usd - (outcome.costUsd ?? 0)) < 1e-12, 'with its cost');

    const request = messageRequests(suite.sim).at(-1);
    assert.ok(request);
    const body = request.body as Record<string, unknown>;
    assert.equal(body.speed, 'fast');
    assert.ok(!request.betas.includes(fastBeta), 'fast is GA on Opus 5.5: no beta');
    assert.deepEqual(body.thinking, { type: 'adaptive', display: 'summarized' });
    assert.deepEqual(body.output_config, { effort: 'medium' });
    const prompt = JSON.stringify(body.messages);
    assert.match(prompt, /refactor-\w+\/total\d+\.ts` \(typescript, lines 3–7\)/);
    assert.match(prompt, /<context_before>/);
    assert.match(prompt, /export const answer = 42;/, 'context after the selection');
    assert.equal(diffTabs().length, 0, 'the proposal is inline: no diff opens by itself');

    assert.equal(await vscode.commands.executeCommand('thinkfast.refactorOpenDiff'), true);
    const [tab] = await waitFor(
      () => (diffTabs().length === 1 ? diffTabs() : undefined),
      'the refactor diff',
    );
    assert.ok(tab?.input instanceof vscode.TabInputTextDiff);
    const left = await vscode.workspace.openTextDocument(tab.input.original);
    const right = await vscode.workspace.openTextDocument(tab.input.modified);
    const [start, end] = [editor.document.offsetAt(selected.start), editor.document.offsetAt(selected.end)];
    assert.equal(left.getText(), sample, 'the whole file on the left');
    assert.equal(right.getText(), sample.slice(0, start) + outcome.proposal + sample.slice(end));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('Keep all replaces exactly the selected range in one edit, and one undo restores it', async () => {
    const editor = await suite.files.open();
    const doc = editor.document;
    const original = doc.getText(selected);
    const [start, end] = [doc.offsetAt(selected.start), doc.offsetAt(selected.end)];
    const outcome = await refactor();
    assert.equal(outcome.outcome, 'proposed');
    assert.deepEqual(await accept(), { result: 'accepted' });
    assert.equal(doc.getText(), sample.slice(0, start) + expectedProposal(original) + sample.slice(end));

    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    await waitFor(() => doc.getText() === sample, 'one undo to restore the original');
  });

  it('Undo all leaves the file byte-identical', async () => {
    const editor = await suite.files.open();
    const outcome = await refactor();
    assert.equal(outcome.outcome, 'proposed');
    assert.equal(await reject(), 'rejected');
    assert.equal(editor.document.getText(), sample);
    assert.equal(editor.document.isDirty, false);
    assert.equal(fs.readFileSync(suite.files.file.fsPath, 'utf8'), sample);
    assert.deepEqual(await accept(), { result: 'none' });
  });

  it('cancelling mid-stream aborts the request and leaves the file byte-identical', async () => {
    suite.sim.configure({ tokensPerSecond: 40 });
    const editor = await suite.files.open();
    const before = messageRequests(suite.sim).length;
    const cancel = new AbortController();
    const running = refactor({ cancel: cancel.signal });
    await waitFor(() => messageRequests(suite.sim).length > before, 'the request to arrive');
    await new Promise((r) => setTimeout(r, 300));
    cancel.abort();
    const outcome = await running;
    assert.deepEqual(outcome, { outcome: 'cancelled' });
    assert.equal(editor.document.getText(), sample);
    assert.equal(editor.document.isDirty, false);
    await waitFor(
      () => messageRequests(suite.sim).at(-1)?.outcome === 'client-closed',
      'the simulator to see the connection closed',
    );
  });

  it('typing inside the range while it streams stops the refactor, applies nothing and keeps the edit', async () => {
    suite.sim.configure({ tokensPerSecond: 40 });
    const editor = await suite.files.open();
    const before = messageRequests(suite.sim).length;
    const running = refactor();
    await waitFor(() => messageRequests(suite.sim).length > before, 'the request to arrive');
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(3, 2), '/* mine */ ')));
    const edited = editor.document.getText();
    const outcome = await running;
    assert.equal(outcome.outcome, 'conflicted', JSON.stringify(outcome));
    assert.ok(outcome.outcome === 'conflicted' && /edited the selected code/.test(outcome.message));
    assert.equal(editor.document.getText(), edited);
    assert.deepEqual(await accept(), { result: 'none' }, 'nothing left to keep');
    await waitFor(
      () => messageRequests(suite.sim).at(-1)?.outcome === 'client-closed',
      'the request to be aborted',
    );
  });

  it('an edit above the range while streaming is followed: Keep all still replaces just the range', async () => {
    suite.sim.configure({ tokensPerSecond: 100 });
    const editor = await suite.files.open();
    const original = editor.document.getText(selected);
    const [start, end] = [editor.document.offsetAt(selected.start), editor.document.offsetAt(selected.end)];
    const before = messageRequests(suite.sim).length;
    const running = refactor();
    await waitFor(() => messageRequests(suite.sim).length > before, 'the request to arrive');
    const added = '// a line typed while waiting\n';
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), added)));
    assert.equal((await running).outcome, 'proposed');
    assert.deepEqual(await accept(), { result: 'accepted' });
    assert.equal(
      editor.document.getText(),
      added + sample.slice(0, start) + expectedProposal(original) + sample.slice(end),
    );
  });

  it('a fast-mode 429 with the fallback policy completes at standard speed and says so', async () => {
    await setUserSetting('fastModeOn429', 'fallback');
    suite.sim.configure({ fault: '429;times=1;fast-only' });
    await suite.files.open();
    const before = messageRequests(suite.sim).length;
    const outcome = await refactor();
    assert.equal(outcome.outcome, 'proposed', JSON.stringify(outcome));
    assert.ok(outcome.outcome === 'proposed');
    assert.equal(outcome.speed, 'standard');
    assert.equal(outcome.fellBack, true);
    assert.ok(
      outcome.notices.some((n) => /rate limited/i.test(n)),
      outcome.notices.join(' | '),
    );
    const [first, second] = messageRequests(suite.sim).slice(before);
    assert.equal(first?.status, 429);
    assert.equal(first?.requestedSpeed, 'fast');
    assert.equal((second?.body as Record<string, unknown>).speed, undefined);
    assert.ok(!second?.betas.includes(fastBeta));
  });

  it('a fast-mode 429 with the wait policy completes in fast mode after retry-after', async () => {
    await setUserSetting('fastModeOn429', 'wait');
    suite.sim.configure({ fault: '429;times=1;fast-only;retry-after=1' });
    await suite.files.open();
    const before = messageRequests(suite.sim).length;
    const started = Date.now();
    const outcome = await refactor();
    assert.equal(outcome.outcome, 'proposed', JSON.stringify(outcome));
    assert.ok(outcome.outcome === 'proposed');
    assert.equal(outcome.speed, 'fast');
    assert.equal(outcome.fellBack, false);
    assert.ok(Date.now() - started >= 1_000, 'waited for retry-after');
    const requests = messageRequests(suite.sim).slice(before);
    assert.deepEqual(
      requests.map((r) => [r.status, r.requestedSpeed]),
      [
        [429, 'fast'],
        [200, 'fast'],
      ],
    );
  });

  it('on a model without fast mode it refactors at standard speed with a one-line notice', async () => {
    await setUserSetting('model', 'claude-sonnet-4-6');
    await setUserSetting('refactor.effort', 'xhigh');
    await suite.files.open();
    const outcome = await refactor();
    assert.ok(outcome.outcome === 'proposed', JSON.stringify(outcome));
    assert.equal(outcome.speed, 'standard');
    assert.deepEqual(outcome.notices, [
      'Claude Sonnet 4.6 has no fast mode: refactoring at standard speed.',
      'Claude Sonnet 4.6 has no xhigh effort: refactoring at high.',
    ]);
    const body = messageRequests(suite.sim).at(-1)?.body as Record<string, unknown>;
    assert.equal(body.speed, undefined);
    assert.deepEqual(body.output_config, { effort: 'high' });
  });

  it('a response that fails mid-stream is reported and the file is untouched', async () => {
    suite.sim.configure({ fault: 'stream-error;times=1' });
    const editor = await suite.files.open();
    const outcome = await refactor();
    assert.equal(outcome.outcome, 'failed', JSON.stringify(outcome));
    assert.equal(editor.document.getText(), sample);
    assert.deepEqual(await accept(), { result: 'none' });
  });

  it('without a selection it says what to do', async () => {
    const editor = await suite.files.open();
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const outcome = await refactor();
    assert.deepEqual(outcome, {
      outcome: 'unavailable',
      message: 'Select the code to refactor in an editor first.',
    });
  });
});
