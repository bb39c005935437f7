import * as vscode from 'vscode';
import type { Effort } from '../../anthropic/types';
import { CommandIds } from '../commandIds';
import { Disposable } from '../dispose';
import type { RangeWatch } from './rangeWatch';
import type { RefactorOptions, RefactorOutcome } from './refactorOutcome';

/** The context key of the palette entry "Refactor Again with More Effort" (package.json). */
export const retryContextKey = 'thinkfast.refactorCanRetry';

interface Offer {
  readonly uri: vscode.Uri;
  readonly start: number;
  readonly text: string;
  readonly options: RefactorOptions;
}

type Rerun = (
  target: { document: vscode.TextDocument; range: vscode.Range },
  options: RefactorOptions,
) => Promise<RefactorOutcome>;

/**
 * After Undo all undid every change: "Try again with more effort" reruns the same instruction on
 * the same code at the next effort level the model has (a notification button and a command).
 */
export class RetryOffer extends Disposable {
  private offered: Offer | undefined;

  constructor(private readonly rerun: Rerun) {
    super();
    this.register(vscode.commands.registerCommand(CommandIds.refactorRetry, () => this.retry()));
  }

  offer(
    uri: vscode.Uri,
    watch: RangeWatch,
    instruction: string,
    effort: Effort | undefined,
    observe: RefactorOptions['observe'],
  ): void {
    const start = watch.start;
    if (effort === undefined || start === undefined) {
      void vscode.window.showInformationMessage('Thinkfast: every change was undone; the file is as it was.');
      return;
    }
    this.offered = {
      uri,
      start,
      text: watch.text,
      options: { instruction, effort, ...(observe ? { observe } : {}) },
    };
    void vscode.commands.executeCommand('setContext', retryContextKey, true);
    const button = `Try again with more effort (${effort})`;
    void vscode.window
      .showInformationMessage('Thinkfast: every change was undone; the file is as it was.', button)
      .then((choice) => {
        if (choice === button) void vscode.commands.executeCommand(CommandIds.refactorRetry);
      });
  }

  withdraw(): void {
    if (!this.offered) return;
    this.offered = undefined;
    void vscode.commands.executeCommand('setContext', retryContextKey, false);
  }

  private async retry(): Promise<RefactorOutcome> {
    const o = this.offered;
    if (!o) {
      const message = 'There is no undone refactor to try again.';
      void vscode.window.showInformationMessage(message);
      return { outcome: 'unavailable', message };
    }
    this.withdraw();
    const document = await vscode.workspace.openTextDocument(o.uri);
    const range = new vscode.Range(
      document.positionAt(o.start),
      document.positionAt(o.start + o.text.length),
    );
    if (document.getText(range) !== o.text) {
      const message =
        'The code changed since the refactor was undone: select it and run Refactor Selection again.';
      void vscode.window.showInformationMessage(message);
      return { outcome: 'unavailable', message };
    }
    return this.rerun({ document, range }, o.options);
  }
}
