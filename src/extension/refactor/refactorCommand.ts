import * as vscode from 'vscode';
import type { AnthropicClient } from '../../anthropic/client';
import type { Speed, StreamResult } from '../../anthropic/types';
import { CommandIds } from '../commandIds';
import type { Backend } from '../connection/backend';
import type { Lease } from '../connection/clientLease';
import { Disposable } from '../dispose';
import type { StreamActivity } from '../status/streamActivity';
import { estimateRefactor, estimateTitle } from './costEstimate';
import { FenceStream } from './fenceStream';
import { InlineProposal } from './inlineProposal';
import { pickInstruction } from './instructionPicker';
import { ProposalControls } from './proposalControls';
import { ProposalDocuments, refactorScheme } from './proposalDocuments';
import { RangeWatch } from './rangeWatch';
import { RecentInstructions, type InstructionMemory } from './recentInstructions';
import { concludeRefactor, editedWhileStreaming } from './refactorConclusion';
import { options, type RefactorOptions, type RefactorOutcome } from './refactorOutcome';
import { buildRefactorPrompt, refactorSystemPrompt } from './refactorPrompt';
import { nextEffort, planRefactor, refactorRequest } from './refactorRequest';
import { streamRefactor } from './refactorStream';
import { selectionContext } from './selectionContext';
import { RetryOffer } from './retryOffer';

class RefactorCommand extends Disposable {
  private readonly documents = this.register(new ProposalDocuments());
  private readonly controls = this.register(new ProposalControls(this.documents));
  private readonly retry = this.register(new RetryOffer((target, o) => this.run(o, target)));
  private readonly recents: RecentInstructions;
  /** Output tokens/s last measured per speed, for the picker's time estimate. */
  private readonly measured: Partial<Record<Speed, number>> = {};
  private running = false;

  constructor(
    private readonly backend: Backend,
    private readonly activity: StreamActivity,
    private readonly log: vscode.LogOutputChannel,
    memory: InstructionMemory | undefined,
  ) {
    super();
    this.recents = new RecentInstructions(memory);
    const command = (id: string, run: (arg: unknown) => unknown) =>
      this.register(vscode.commands.registerCommand(id, run));
    command(CommandIds.refactorSelection, (arg) => this.run(options(arg)));
    command(CommandIds.refactorFromMenu, (arg) => this.run(options(arg)));
    command(CommandIds.acceptRefactor, async () => {
      const d = await this.controls.decide('keep', 'all');
      if (d === 'kept') return { result: 'accepted' };
      if (d === 'none') return { result: 'none' };
      return { result: 'refused', message: 'The refactor could not be applied: nothing was changed.' };
    });
    command(CommandIds.rejectRefactor, async () =>
      (await this.controls.decide('undo', 'all')) === 'undone' ? 'rejected' : 'none',
    );
  }

  /** The client, in one place: a lease held for the one request (with its retries), then released. */
  private async client(
    settings: Parameters<Backend['clientFor']>[0],
  ): Promise<Lease<AnthropicClient> | string> {
    const ready = await this.backend.clientFor(settings);
    return 'error' in ready ? `${ready.error.title}: ${ready.error.message}` : ready;
  }

  private async run(
    opts: RefactorOptions,
    target?: { document: vscode.TextDocument; range: vscode.Range },
  ): Promise<RefactorOutcome> {
    const editor = vscode.window.activeTextEditor;
    // The selection is read once, here: the picker lets focus and the selection move.
    const document = target?.document ?? editor?.document;
    const range =
      target?.range ?? (editor ? new vscode.Range(editor.selection.start, editor.selection.end) : undefined);
    if (!document || !range || range.isEmpty || document.uri.scheme === refactorScheme) {
      return this.unavailable('Select the code to refactor in an editor first.');
    }
    if (this.running) return this.unavailable('A refactor is already running: stop it or wait for it.');
    this.running = true;
    this.retry.withdraw();
    const watch = new RangeWatch(document, range);
    let handedOver = false;
    try {
      const outcome = await this.refactor(document, watch, opts);
      handedOver = outcome.outcome === 'proposed';
      return outcome;
    } finally {
      this.running = false;
      if (!handedOver) watch.dispose();
    }
  }

  private unavailable(message: string): RefactorOutcome {
    void vscode.window.showInformationMessage(message);
    return { outcome: 'unavailable', message };
  }

  private async refactor(
    document: vscode.TextDocument,
    watch: RangeWatch,
    opts: RefactorOptions,
  ): Promise<RefactorOutcome> {
    const settings = this.backend.settings.current;
    const caps = this.backend.catalog.resolve(settings.model);
    const plan = planRefactor(settings, caps, opts.effort);
    const promptChars = (r: vscode.Range, instruction: string) =>
      refactorSystemPrompt.length + buildRefactorPrompt(selectionContext(document, r, instruction)).length;
    const located = watch.locate(document);
    const estimates = located
      ? estimateRefactor(
          {
            promptChars: promptChars(located, ''),
            selectionChars: watch.original.length,
            effort: plan.effort,
            measured: this.measured,
          },
          caps,
        )
      : [];
    const instruction =
      opts.instruction ??
      (await pickInstruction(
        settings.refactorPresets,
        this.recents.list(),
        estimateTitle(estimates, plan.speed),
      ));
    if (instruction === undefined) return { outcome: 'cancelled' };
    // Global state writes can take seconds in a remote host: the request must not wait for one.
    this.recents
      .remember(instruction)
      .catch((e: unknown) => this.log.warn(`could not store the instruction: ${String(e)}`));

    // Where the selection is now: edits above it moved it; an edit inside it ends the run.
    const range = watch.locate(document);
    if (!range) {
      void vscode.window.showWarningMessage(`Thinkfast: ${editedWhileStreaming}`);
      return { outcome: 'conflicted', message: editedWhileStreaming };
    }
    const request = refactorRequest(
      settings,
      caps,
      plan,
      buildRefactorPrompt(selectionContext(document, range, instruction)),
    );
    if ('error' in request) {
      void vscode.window.showErrorMessage(`Thinkfast: ${request.error}`, 'Open Settings').then((choice) => {
        if (choice) void vscode.commands.executeCommand(CommandIds.openSettings);
      });
      return { outcome: 'failed', message: request.error };
    }
    const lease = await this.client(settings);
    if (typeof lease === 'string') {
      void vscode.window.showErrorMessage(`Thinkfast: ${lease}`);
      return { outcome: 'failed', message: lease };
    }
    for (const n of plan.notices) vscode.window.setStatusBarMessage(n, 5000);

    const notices = [...plan.notices];
    const proposal = new InlineProposal(document, watch);
    const fence = new FenceStream();
    const abort = new AbortController();
    const stop = (): void => abort.abort();
    if (opts.cancel?.aborted) stop();
    opts.cancel?.addEventListener('abort', stop);
    this.controls.start(proposal, {
      stop,
      ...(opts.observe ? { observe: opts.observe } : {}),
      retry: () =>
        this.retry.offer(document.uri, watch, instruction, nextEffort(caps, plan.effort), opts.observe),
    });
    const name = document.uri.path.split('/').pop() ?? 'selection';
    let result: StreamResult;
    try {
      result = await this.activity.streaming(
        streamRefactor(lease.client, request.built, {
          title: `Thinkfast: refactoring ${name} at ${plan.speed} speed`,
          fastPolicy: settings.fastModeOn429,
          caps,
          cancel: abort.signal,
          activity: this.activity,
          onNotice: (text) => {
            notices.push(text);
            void vscode.window.showInformationMessage(`Thinkfast: ${text}`);
          },
          onText: (text) => {
            if (fence.push(text) && proposal.update(fence.code)) this.controls.changed();
          },
        }),
      );
    } finally {
      lease.release();
      opts.cancel?.removeEventListener('abort', stop);
    }
    const m = result.metrics;
    const served: Speed = m.speed ?? (m.fellBack ? 'standard' : m.requestedSpeed);
    if (m.outputTokensPerSecond !== undefined) this.measured[served] = m.outputTokensPerSecond;
    this.log.info(
      `refactor: ${result.outcome}, ${served}${m.fellBack ? ' (fell back)' : ''}, ` +
        `${m.outputTokensPerSecond?.toFixed(1) ?? '?'} tok/s, out ${m.usage.output_tokens}, ${m.requestId ?? ''}`,
    );
    const outcome = concludeRefactor(
      proposal,
      result,
      { plan, speed: served, notices, log: this.log },
      (text) => this.controls.offer(text),
    );
    if (outcome.outcome === 'proposed') return { ...outcome, estimates };
    if (this.controls.proposal === proposal) this.controls.drop();
    return outcome;
  }
}

/**
 * Refactor Selection and the commands of its proposals. `memory` (the extension's global state)
 * keeps recent instructions across sessions; without it they last for the session.
 */
export function registerRefactor(
  backend: Backend,
  activity: StreamActivity,
  log: vscode.LogOutputChannel,
  memory?: InstructionMemory,
): vscode.Disposable {
  return new RefactorCommand(backend, activity, log, memory);
}
