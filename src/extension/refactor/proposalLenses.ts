import * as vscode from 'vscode';
import { CommandIds } from '../commandIds';
import type { InlineProposal } from './inlineProposal';

/**
 * The CodeLenses of the pending proposal: while it streams, what is happening and Stop; then Keep
 * all / Undo all / Open as diff above the range and Keep / Undo above each open hunk. Any other
 * document gets none, cheaply.
 */
export class ProposalLenses implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly current: () => InlineProposal | undefined) {}

  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const p = this.current();
    if (!p || p.uri.toString() !== document.uri.toString()) return [];
    const range = p.watch.locate(document);
    if (!range) return [];
    const top = new vscode.Range(range.start.line, 0, range.start.line, 0);
    if (p.streaming) {
      const found = p.shown().length;
      return [
        new vscode.CodeLens(top, {
          title: `$(loading~spin) Thinkfast is refactoring…${found > 0 ? ` ${found} change${found === 1 ? '' : 's'} so far` : ''}`,
          command: '',
        }),
        new vscode.CodeLens(top, { title: 'Stop', command: CommandIds.rejectRefactor }),
      ];
    }
    const lenses = [
      new vscode.CodeLens(top, {
        title: `$(check-all) Keep all (${p.openCount})`,
        command: CommandIds.acceptRefactor,
      }),
      new vscode.CodeLens(top, { title: '$(discard) Undo all', command: CommandIds.rejectRefactor }),
      new vscode.CodeLens(top, { title: '$(diff) Open as diff', command: CommandIds.refactorOpenDiff }),
    ];
    const last = document.lineCount - 1;
    for (const { index, line } of p.shown()) {
      const at = Math.min(last, range.start.line + line);
      const where = new vscode.Range(at, 0, at, 0);
      lenses.push(
        new vscode.CodeLens(where, {
          title: '$(check) Keep',
          command: CommandIds.refactorKeepHunk,
          arguments: [index],
        }),
        new vscode.CodeLens(where, {
          title: 'Undo',
          command: CommandIds.refactorUndoHunk,
          arguments: [index],
        }),
      );
    }
    return lenses;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
