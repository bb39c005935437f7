import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { findBuiltInModel } from '../../src/anthropic/models';
import { computeCost } from '../../src/anthropic/pricing';
import type { RefactorOutcome } from '../../src/extension/refactor/refactorOutcome';
import { REFACTOR_NOTE } from '../simulator/answers';
import { accept, keepHunk, refactor, reject, Snapshots, undoHunk, useRefactorSuite } from './refactorKit';
import { messageRequests, setUserSetting, waitFor } from './simulatorSession';

const touched = ['refactor.speed', 'fastMode', 'refactor.effort'];

/** Two changes far apart: the first line and the sixth keep trailing spaces the refactor trims. */
const twoChanges = [
  'function work() {   ',
  '  one();',
  '  two();',
  '  three();',
  '  four();',
  '  five();   ',
  '}',
  '',
].join('\n');
const twoChangesRange = new vscode.Range(0, 0, 7, 0);
const comment = `// ${REFACTOR_NOTE}`;
/** Both changes kept. */
const bothKept = twoChanges
  .replace('function work() {   ', `${comment}\nfunction work() {`)
  .replace('five();   ', 'five();');

/** A long selection whose only change is at the top, so the first hunk settles early. */
const longSample = [
  'function long() {  ',
  ...Array.from({ length: 40 }, (_, i) => `  step(${i});`),
  '}',
  '',
].join('\n');

describe('Refactor Selection: the inline proposal', function () {
  const suite = useRefactorSuite('inline', touched);

  it('draws the first hunk in the editor while the answer is still streaming', async () => {
    suite.sim.configure({ tokensPerSecond: 40 });
    await suite.files.open(longSample, new vscode.Range(0, 0, 42, 0), 'long');
    const seen = new Snapshots();
    let ended = false;
    const running = refactor({ observe: seen.observe }).finally(() => (ended = true));
    const early = await waitFor(
      () => seen.all.find((s) => s.streaming && s.hunks.length > 0),
      'a hunk drawn while streaming',
      30_000,
    );
    assert.equal(ended, false, 'the stream had not ended');
    assert.deepEqual(early.hunks[0], {
      index: 0,
      line: 0,
      removed: 1,
      added: [comment, 'function long() {'],
    });
    assert.match(early.status ?? '', /Refactor: 1 change so far/);
    const outcome = await running;
    assert.equal(outcome.outcome, 'proposed', JSON.stringify(outcome));
    assert.equal(seen.last?.streaming, false);
    assert.deepEqual(seen.last?.hunks, early.hunks, 'the settled hunk stayed as drawn');
  });

  it('keep one hunk and undo the other: the file holds exactly that change, and one undo restores it', async () => {
    const editor = await suite.files.open(twoChanges, twoChangesRange, 'two');
    const seen = new Snapshots();
    const outcome = await refactor({ observe: seen.observe });
    assert.ok(outcome.outcome === 'proposed', JSON.stringify(outcome));
    assert.equal(outcome.hunks, 2);
    assert.equal(seen.last?.notificationOpen, true, 'the courtesy notification is up');
    assert.match(seen.last?.status ?? '', /Refactor: 2 changes — Keep \/ Undo/);

    assert.equal(await undoHunk(1), 'undone');
    assert.equal(seen.last?.notificationOpen, false, 'any decision closes the notification (issue 10 #13)');
    assert.equal(editor.document.getText(), twoChanges, 'undo touches nothing');
    assert.equal(await keepHunk(0), 'kept');
    const kept = twoChanges.replace('function work() {   ', `${comment}\nfunction work() {`);
    assert.equal(editor.document.getText(), kept);
    assert.equal(seen.last?.status, undefined, 'all decided: the item is gone');

    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    await waitFor(() => editor.document.getText() === twoChanges, 'one undo to restore the file');
  });

  it('keeping the later hunk first still puts each change in its place', async () => {
    const editor = await suite.files.open(twoChanges, twoChangesRange, 'order');
    assert.equal((await refactor()).outcome, 'proposed');
    assert.equal(await keepHunk(1), 'kept');
    assert.equal(await keepHunk(0), 'kept');
    assert.equal(editor.document.getText(), bothKept);
  });

  it('the pending proposal survives switching editors and closing the file', async () => {
    const editor = await suite.files.open(twoChanges, twoChangesRange, 'switch');
    const uri = editor.document.uri;
    assert.equal((await refactor()).outcome, 'proposed');
    const other = await vscode.workspace.openTextDocument({ content: 'another file', language: 'plaintext' });
    await vscode.window.showTextDocument(other);
    assert.equal(await vscode.commands.executeCommand('thinkfast.refactorOpenDiff'), true, 'still pending');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const reopened = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    assert.deepEqual(await accept(), { result: 'accepted' });
    assert.equal(reopened.document.getText(), bothKept);
  });

  it('reads the selection once: moving it while the instruction picker is open refactors the original range', async () => {
    const editor = await suite.files.open(twoChanges, new vscode.Range(0, 0, 2, 0), 'once');
    const before = messageRequests(suite.sim).length;
    // No instruction: the picker opens and waits.
    const running = Promise.resolve(
      vscode.commands.executeCommand<RefactorOutcome>('thinkfast.refactorSelection'),
    );
    await new Promise((r) => setTimeout(r, 300));
    editor.selection = new vscode.Selection(3, 0, 7, 0);
    // Accept the picker's default item once it is there.
    await waitFor(
      () => {
        if (messageRequests(suite.sim).length > before) return true;
        void vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        return false;
      },
      'the picker to be accepted and the request sent',
      20_000,
    );
    const outcome = await running;
    assert.ok(outcome.outcome === 'proposed', JSON.stringify(outcome));
    const prompt = JSON.stringify(
      (messageRequests(suite.sim).at(-1)?.body as Record<string, unknown>).messages,
    );
    assert.match(prompt, /lines 1–2\)/, 'the original lines were sent');
    assert.deepEqual(await accept(), { result: 'accepted' });
    assert.equal(
      editor.document.getText(),
      twoChanges.replace('function work() {   ', `${comment}\nfunction work() {`),
      'only the first selection changed',
    );
  });

  it('honours thinkfast.refactor.speed: standard, and following the chat toggle', async () => {
    const speeds: unknown[] = [];
    for (const [speed, chatFast] of [
      ['standard', false],
      ['chat', false],
      ['chat', true],
    ] as const) {
      await setUserSetting('refactor.speed', speed);
      await setUserSetting('fastMode', chatFast);
      await suite.files.open(twoChanges, twoChangesRange, 'speed');
      const outcome = await refactor();
      assert.equal(outcome.outcome, 'proposed');
      speeds.push((messageRequests(suite.sim).at(-1)?.body as Record<string, unknown>).speed);
      await reject();
    }
    assert.deepEqual(speeds, [undefined, undefined, 'fast']);
  });

  it('the picker estimate prices each speed with the pricing module, sized like the request sent', async () => {
    await suite.files.open(twoChanges, twoChangesRange, 'cost');
    const outcome = await refactor();
    assert.ok(outcome.outcome === 'proposed');
    const caps = findBuiltInModel('claude-opus-5-5');
    assert.ok(caps);
    assert.deepEqual(
      outcome.estimates.map((e) => e.speed),
      ['fast', 'standard'],
    );
    for (const e of outcome.estimates) {
      const cost = computeCost(e.usage, caps, e.speed);
      assert.ok(cost !== 'unknown');
      assert.equal(e.usd, cost.totalUsd, `${e.speed} price`);
    }
    const body = messageRequests(suite.sim).at(-1)?.body as {
      system: string | { text: string }[];
      messages: { content: string | { text?: string }[] }[];
    };
    const text = (v: string | { text?: string }[]) =>
      typeof v === 'string' ? v : v.map((b) => b.text ?? '').join('');
    const sentChars =
      text(body.system).length + body.messages.map((m) => text(m.content).length).reduce((a, b) => a + b, 0);
    const sentTokens = sentChars / 4;
    const estimated = outcome.estimates[0]?.usage.input_tokens ?? 0;
    assert.ok(Math.abs(estimated - sentTokens) / sentTokens < 0.05, `${estimated} vs ${sentTokens}`);
  });

  it('after Undo all, Try again with more effort reruns the same instruction at the next effort', async () => {
    const editor = await suite.files.open(twoChanges, twoChangesRange, 'retry');
    assert.equal((await refactor({ instruction: 'Refactor for clarity, please' })).outcome, 'proposed');
    assert.equal(await reject(), 'rejected');
    const again = await vscode.commands.executeCommand<RefactorOutcome>('thinkfast.refactorRetry');
    assert.ok(again.outcome === 'proposed', JSON.stringify(again));
    assert.equal(again.effort, 'high');
    const body = messageRequests(suite.sim).at(-1)?.body as Record<string, unknown>;
    assert.deepEqual(body.output_config, { effort: 'high' });
    assert.match(JSON.stringify(body.messages), /Refactor for clarity, please/);
    assert.deepEqual(await accept(), { result: 'accepted' });
    assert.equal(editor.document.getText(), bothKept);
  });

  for (const [name, instruction, outcome, message] of [
    ['a refusal', '[sim:refusal]', 'refused', /declined this refactor/],
    ['an answer without a code block', 'Refactor [sim:prose]', 'invalid', /no fenced code block/],
    ['an answer cut off inside its block', 'Refactor [sim:context-exceeded text=6]', 'invalid', /cut off/],
  ] as const) {
    it(`${name} gets a clear message, the response kept, and the file untouched`, async () => {
      const editor = await suite.files.open(twoChanges, twoChangesRange, 'bad');
      const result = await refactor({ instruction });
      assert.equal(result.outcome, outcome, JSON.stringify(result));
      assert.ok(result.outcome === 'refused' || result.outcome === 'invalid');
      assert.match(result.message, message);
      assert.equal(editor.document.getText(), twoChanges);
      assert.deepEqual(await accept(), { result: 'none' });
    });
  }
});
