// Shared by the refactor extension-host suites: a sample file per test, the commands, and a
// recorder of the proposal's snapshots (what is drawn in the editor after each change).

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ProposalSnapshot } from '../../src/extension/refactor/proposalControls';
import type { RefactorOutcome } from '../../src/extension/refactor/refactorOutcome';
import { refactorCode } from '../simulator/answers';
import type { SimulatorOptions } from '../simulator/options';
import type { Simulator } from '../simulator/server';
import { resetSettings, thinkfast, useSimulator } from './simulatorSession';

export type AcceptResult =
  { result: 'accepted' } | { result: 'refused'; message: string } | { result: 'none' };

export const fastBeta = 'fast-mode-2026-02-01';

// Trailing spaces on purpose: the simulator's refactor trims them, so the proposal differs.
export const sample = [
  "import { readFileSync } from 'node:fs';",
  '',
  'export function total(items: number[]): number {   ',
  '  let sum = 0;  ',
  '  for (const item of items) { sum += item; }',
  '  return sum;',
  '}',
  '',
  'export const answer = 42;',
  '',
].join('\n');
/** Lines 3–7 (the function), as whole lines: the selection ends at column 0 of line 8. */
export const selected = new vscode.Range(2, 0, 7, 0);

/** What the simulator's refactor makes of a whole-line selection (see test/simulator/answers.ts). */
export const expectedProposal = (original: string): string => `${refactorCode(original, 'typescript')}\n`;

export class SampleFiles {
  private count = 0;
  file: vscode.Uri = vscode.Uri.file('');

  constructor(readonly dir: string) {}

  /** Opens `text` as a new file (so no test sees another's edits) and selects `range`. */
  async open(text = sample, range = selected, name = 'total'): Promise<vscode.TextEditor> {
    this.count += 1;
    this.file = vscode.Uri.file(path.join(this.dir, `${name}${this.count}.ts`));
    fs.writeFileSync(this.file.fsPath, text);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(this.file));
    editor.selection = new vscode.Selection(range.start, range.end);
    assert.equal(editor.document.getText(), text);
    return editor;
  }
}

/** Collects every snapshot the proposal reports; `last` is what the editor shows now. */
export class Snapshots {
  readonly all: ProposalSnapshot[] = [];
  readonly observe = (s: ProposalSnapshot): void => {
    this.all.push(s);
  };
  get last(): ProposalSnapshot | undefined {
    return this.all.at(-1);
  }
}

export const refactor = (
  options: { instruction?: string; cancel?: AbortSignal; observe?: Snapshots['observe'] } = {},
) =>
  Promise.resolve(
    vscode.commands.executeCommand<RefactorOutcome>('thinkfast.refactorSelection', {
      instruction: 'Refactor this code for clarity',
      ...options,
    }),
  );
export const accept = () =>
  Promise.resolve(vscode.commands.executeCommand<AcceptResult>('thinkfast.acceptRefactor'));
export const reject = () =>
  Promise.resolve(vscode.commands.executeCommand<string>('thinkfast.rejectRefactor'));
export const keepHunk = (i?: number) =>
  Promise.resolve(vscode.commands.executeCommand<string>('thinkfast.refactorKeepHunk', i));
export const undoHunk = (i?: number) =>
  Promise.resolve(vscode.commands.executeCommand<string>('thinkfast.refactorUndoHunk', i));

export const diffTabs = () =>
  vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter(
      (t) => t.input instanceof vscode.TabInputTextDiff && t.input.modified.scheme === 'thinkfast-refactor',
    );

/** What a refactor suite works with, filled in by its `before` hook. */
export interface RefactorSuite {
  sim: Simulator;
  files: SampleFiles;
}

/**
 * The hooks every refactor suite shares: a simulator and a folder of sample files for the suite;
 * after each test, the pending proposal undone, the simulator's faults cleared and the `touched`
 * settings reset; at the end, editors saved and closed and the folder removed.
 */
export function useRefactorSuite(
  prefix: string,
  touched: readonly string[],
  options: Partial<SimulatorOptions> = {},
): RefactorSuite {
  const suite = {} as RefactorSuite;
  let session: Awaited<ReturnType<typeof useSimulator>>;
  before(async () => {
    await thinkfast();
    session = await useSimulator(options);
    suite.sim = session.sim;
    await resetSettings(touched);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    suite.files = new SampleFiles(fs.mkdtempSync(path.join(folder ?? os.tmpdir(), `${prefix}-`)));
  });
  afterEach(async () => {
    await reject();
    suite.sim.configure({ fault: null, tokensPerSecond: 2_000 });
    await resetSettings(touched);
  });
  after(async () => {
    // Some tests leave their file edited: save so closing asks nothing.
    await vscode.workspace.saveAll(false);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await session.stop();
    fs.rmSync(suite.files.dir, { recursive: true, force: true });
  });
  return suite;
}
