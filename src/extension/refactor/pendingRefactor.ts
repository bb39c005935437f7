import * as vscode from 'vscode';
import { Disposable } from '../dispose';
import type { ProposalDocuments } from './proposalDocuments';
import type { RangeWatch } from './rangeWatch';

/** The context key the Accept/Reject buttons and palette entries depend on (package.json). */
export const pendingContextKey = 'thinkfast.refactorPending';

export type AcceptResult =
  | { readonly result: 'accepted' }
  | { readonly result: 'refused'; readonly message: string }
  | { readonly result: 'none' };

interface Pending {
  readonly id: number;
  readonly watch: RangeWatch;
  readonly proposal: string;
  readonly left: vscode.Uri;
  readonly right: vscode.Uri;
}

const refusedMessage =
  'The selected code changed while the refactor was running, so the proposal was not applied: it would overwrite your edits. Reject it and run Refactor Selection again.';

/**
 * The one proposal waiting for Accept or Reject: its diff editor, the context key, and the watch
 * on the original range. Closing the diff tab counts as Reject.
 */
export class PendingRefactor extends Disposable {
  private pending: Pending | undefined;
  private offered = 0;

  constructor(private readonly documents: ProposalDocuments) {
    super();
    this.register(
      vscode.window.tabGroups.onDidChangeTabs((e) => {
        const p = this.pending;
        if (p && e.closed.some((tab) => this.isDiffOf(tab, p))) void this.clear(p);
      }),
    );
    this.register({ dispose: () => this.pending?.watch.dispose() });
  }

  /** Whether proposal `id` (from `offer`) still waits for a decision. */
  isWaiting(id: number): boolean {
    return this.pending?.id === id;
  }

  /** Shows the diff of the original selection against the proposal; returns the proposal's id. */
  async offer(watch: RangeWatch, proposal: string, title: string): Promise<number> {
    if (this.pending) await this.reject();
    const { left, right } = this.documents.add(watch.uri, watch.original, proposal);
    const id = ++this.offered;
    this.pending = { id, watch, proposal, left, right };
    await vscode.commands.executeCommand('setContext', pendingContextKey, true);
    await vscode.commands.executeCommand('vscode.diff', left, right, title, { preview: false });
    return id;
  }

  /** Replaces exactly the original range, in one edit (one undo step), unless it changed. */
  async accept(): Promise<AcceptResult> {
    const p = this.pending;
    if (!p) {
      void vscode.window.showInformationMessage('No refactor is waiting to be accepted.');
      return { result: 'none' };
    }
    const document = await vscode.workspace.openTextDocument(p.watch.uri);
    const range = p.watch.locate(document);
    if (!range) {
      void vscode.window.showErrorMessage(refusedMessage);
      return { result: 'refused', message: refusedMessage };
    }
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, range, p.proposal);
    if (!(await vscode.workspace.applyEdit(edit))) {
      const message = 'VS Code did not apply the refactor (is the file read-only?). Nothing was changed.';
      void vscode.window.showErrorMessage(message);
      return { result: 'refused', message };
    }
    await this.clear(p);
    const start = document.offsetAt(range.start);
    const selection = new vscode.Range(range.start, document.positionAt(start + p.proposal.length));
    await vscode.window.showTextDocument(document, { selection, preview: false });
    vscode.window.setStatusBarMessage('$(check) Refactor applied: one undo restores the original', 5000);
    return { result: 'accepted' };
  }

  /** Closes the diff; the file is not touched. */
  async reject(): Promise<'rejected' | 'none'> {
    const p = this.pending;
    if (!p) return 'none';
    await this.clear(p);
    return 'rejected';
  }

  private async clear(p: Pending): Promise<void> {
    if (this.pending !== p) return;
    this.pending = undefined;
    p.watch.dispose();
    await vscode.commands.executeCommand('setContext', pendingContextKey, false);
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => this.isDiffOf(t, p));
    if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
    this.documents.remove(p.left, p.right);
  }

  private isDiffOf(tab: vscode.Tab, p: Pending): boolean {
    return (
      tab.input instanceof vscode.TabInputTextDiff && tab.input.modified.toString() === p.right.toString()
    );
  }
}
