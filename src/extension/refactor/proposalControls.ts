import * as vscode from 'vscode';
import { CommandIds } from '../commandIds';
import { Disposable } from '../dispose';
import type { InlineProposal } from './inlineProposal';
import { clear, createStyles, type Decision } from './inlineProposal';
import type { ProposalDocuments } from './proposalDocuments';
import { openProposalDiff } from './proposalDiff';
import { ProposalLenses } from './proposalLenses';
import type { ProposalHooks, ProposalSnapshot } from './proposalTypes';

export type { ProposalHooks, ProposalSnapshot } from './proposalTypes';

/** The context key the keybindings and palette entries depend on (package.json). */
export const pendingContextKey = 'thinkfast.refactorPending';

const conflictMessage =
  'Thinkfast: you edited the code of the pending refactor, so its remaining changes were dropped. Nothing more was applied.';

/**
 * The one pending proposal and everything that lets the user decide on it: decorations in every
 * editor that shows its file, CodeLenses, a status-bar item, a courtesy notification that closes
 * on the first decision, and the Keep / Undo / Open as diff commands.
 */
export class ProposalControls extends Disposable {
  private current: { p: InlineProposal; hooks: ProposalHooks; watch: vscode.Disposable } | undefined;
  private readonly styles = createStyles();
  private readonly lenses = new ProposalLenses(() => this.current?.p);
  private readonly item = vscode.window.createStatusBarItem(
    'thinkfast.refactor',
    vscode.StatusBarAlignment.Left,
    50,
  );
  private closeNotice: (() => void) | undefined;

  constructor(private readonly documents: ProposalDocuments) {
    super();
    this.register(this.styles.removed);
    this.register(this.styles.added);
    this.register(this.lenses);
    this.register(this.item);
    this.item.name = 'Thinkfast refactor';
    this.item.command = CommandIds.refactorActions;
    this.register(vscode.languages.registerCodeLensProvider({ pattern: '**' }, this.lenses));
    this.register(vscode.window.onDidChangeVisibleTextEditors(() => this.redraw()));
    this.register({ dispose: () => this.drop() });
    for (const [id, run] of [
      [CommandIds.refactorKeepHunk, (i: unknown) => this.decide('keep', this.hunkIndex(i))],
      [CommandIds.refactorUndoHunk, (i: unknown) => this.decide('undo', this.hunkIndex(i))],
      [CommandIds.refactorOpenDiff, () => this.openDiff()],
      [CommandIds.refactorActions, () => this.pickAction()],
    ] as const)
      this.register(vscode.commands.registerCommand(id, run));
  }

  get proposal(): InlineProposal | undefined {
    return this.current?.p;
  }

  /** A new proposal starts streaming; an older one is dropped. */
  start(p: InlineProposal, hooks: ProposalHooks): void {
    this.drop();
    const watch = p.watch.onConflict(() => {
      if (this.current?.p !== p) return;
      if (p.streaming) hooks.stop();
      else {
        void vscode.window.showWarningMessage(conflictMessage);
        this.drop();
      }
    });
    this.current = { p, hooks, watch };
    void vscode.commands.executeCommand('setContext', pendingContextKey, true);
    this.changed();
  }

  /** Redraws after the proposal changed (new lines, end of stream, a decision). */
  changed(): void {
    const c = this.current;
    if (c && !c.p.streaming && c.p.openCount === 0) {
      this.drop();
      return;
    }
    this.redraw();
    this.lenses.refresh();
    this.updateItem();
    if (c) c.hooks.observe?.(this.snapshot());
  }

  /** The stream ended with changes: the courtesy notification, until the first decision. */
  offer(text: string): void {
    this.closeNotification();
    let close: () => void = () => undefined;
    const closed = new Promise<void>((resolve) => (close = resolve));
    this.closeNotice = close;
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: text, cancellable: true },
      (_progress, token) =>
        new Promise<void>((resolve) => {
          // Cancel only hides the notification: the proposal stays in the editor.
          token.onCancellationRequested(() => {
            if (this.closeNotice === close) this.closeNotice = undefined;
            resolve();
          });
          void closed.then(() => resolve());
        }),
    );
    this.changed();
  }

  private closeNotification(): void {
    const close = this.closeNotice;
    this.closeNotice = undefined;
    close?.();
  }

  /** Keeps or undoes hunk `i` or all of them; the notification closes on any decision. */
  async decide(kind: 'keep' | 'undo', i: number | 'all' | undefined): Promise<Decision> {
    const c = this.current;
    if (!c || i === undefined) return 'none';
    if (c.p.streaming) {
      if (kind === 'undo' && i === 'all') {
        c.hooks.stop();
        this.drop();
        return 'undone';
      }
      return 'none';
    }
    const result = kind === 'keep' ? await c.p.keep(i) : c.p.undo(i);
    if (result === 'conflict') {
      void vscode.window.showWarningMessage(conflictMessage);
      this.drop();
      return result;
    }
    if (result === 'failed') {
      void vscode.window.showErrorMessage(
        'Thinkfast: VS Code did not apply the change (is the file read-only?). Nothing was changed.',
      );
      return result;
    }
    if (result === 'none') return result;
    this.closeNotification();
    const everythingUndone = kind === 'undo' && i === 'all' && c.p.counts.kept === 0;
    this.changed();
    if (everythingUndone && c.hooks.retry) c.hooks.retry();
    return result;
  }

  /** Clears the proposal, its decorations, lenses, item and notification. */
  drop(): void {
    const c = this.current;
    this.closeNotification();
    if (!c) return;
    this.current = undefined;
    c.watch.dispose();
    c.p.watch.dispose();
    for (const editor of vscode.window.visibleTextEditors) clear(editor, this.styles);
    this.lenses.refresh();
    this.item.hide();
    void vscode.commands.executeCommand('setContext', pendingContextKey, false);
    c.hooks.observe?.(this.snapshot());
  }

  snapshot(): ProposalSnapshot {
    const p = this.current?.p;
    return {
      streaming: p?.streaming ?? false,
      hunks: (p?.shown() ?? []).map(({ index, line, hunk }) => ({
        index,
        line,
        removed: hunk.end - hunk.start,
        added: hunk.lines,
      })),
      counts: p?.counts ?? { open: 0, kept: 0, undone: 0 },
      notificationOpen: this.closeNotice !== undefined,
      status: p ? this.item.text : undefined,
    };
  }

  private redraw(): void {
    const p = this.current?.p;
    for (const editor of vscode.window.visibleTextEditors) {
      if (p && editor.document.uri.toString() === p.uri.toString()) p.render(editor, this.styles);
    }
  }

  private updateItem(): void {
    const p = this.current?.p;
    if (!p) return;
    const n = p.streaming ? p.shown().length : p.openCount;
    const changes = `${n} change${n === 1 ? '' : 's'}`;
    this.item.text = p.streaming
      ? `$(loading~spin) Refactor: ${changes} so far`
      : `$(diff) Refactor: ${changes} — Keep / Undo`;
    this.item.tooltip = p.streaming
      ? 'Thinkfast is writing the refactor'
      : 'Keep or undo the pending Thinkfast refactor';
    this.item.show();
  }

  /** A hunk index from a CodeLens argument, else the hunk under the cursor, else the first open one. */
  private hunkIndex(arg: unknown): number | undefined {
    if (typeof arg === 'number') return arg;
    const p = this.current?.p;
    if (!p) return undefined;
    const shown = p.shown();
    const editor = vscode.window.activeTextEditor;
    const range =
      editor && editor.document.uri.toString() === p.uri.toString()
        ? p.watch.locate(editor.document)
        : undefined;
    if (editor && range) {
      const cursor = editor.selection.active.line - range.start.line;
      const under = shown.find(
        (s) => cursor >= s.line - 1 && cursor < s.line + Math.max(1, s.hunk.end - s.hunk.start),
      );
      if (under) return under.index;
    }
    return shown[0]?.index;
  }

  /** The whole file now against the whole file with every open hunk kept. */
  openDiff(): Promise<boolean> {
    const p = this.current?.p;
    return p ? openProposalDiff(p, this.documents) : Promise.resolve(false);
  }

  private async pickAction(): Promise<void> {
    const picks = [
      { label: '$(check-all) Keep all', run: () => this.decide('keep', 'all') },
      { label: '$(discard) Undo all', run: () => this.decide('undo', 'all') },
      { label: '$(diff) Open as diff', run: () => this.openDiff() },
    ];
    const choice = await vscode.window.showQuickPick(picks, { title: 'Thinkfast: pending refactor' });
    await choice?.run();
  }
}
