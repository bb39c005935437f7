import * as vscode from 'vscode';
import { AnthropicError } from '../../anthropic/errors';
import { buildRequest } from '../../anthropic/requestBuilder';
import type { BuiltRequest, Speed, StreamResult } from '../../anthropic/types';
import { formatUsd } from '../../shared/money';
import type { Backend } from '../connection/backend';
import type { StreamActivity } from '../status/streamActivity';
import { CommandIds } from '../commandIds';
import { Disposable } from '../dispose';
import { nearestEffort } from '../status/modelSwitch';
import { requestSettings } from '../chat/turnRunner';
import { singleFencedBlock } from './codeFence';
import { pickInstruction } from './instructionPicker';
import { PendingRefactor } from './pendingRefactor';
import { ProposalDocuments, refactorScheme } from './proposalDocuments';
import { fitProposal, sameCode } from './proposalText';
import { RangeWatch } from './rangeWatch';
import { RecentInstructions, type InstructionMemory } from './recentInstructions';
import { answerText, options, type RefactorOptions, type RefactorOutcome } from './refactorOutcome';
import { buildRefactorPrompt, refactorSystemPrompt } from './refactorPrompt';
import { streamRefactor } from './refactorStream';
import { selectionContext } from './selectionContext';

class RefactorCommand extends Disposable {
  private readonly documents = this.register(new ProposalDocuments());
  private readonly pending = this.register(new PendingRefactor(this.documents));
  private readonly recents: RecentInstructions;
  private running = false;

  constructor(
    private readonly backend: Backend,
    private readonly activity: StreamActivity,
    private readonly log: vscode.LogOutputChannel,
    memory: InstructionMemory | undefined,
  ) {
    super();
    this.recents = new RecentInstructions(memory);
    this.register(
      vscode.commands.registerCommand(CommandIds.refactorSelection, (arg: unknown) => this.run(options(arg))),
    );
    this.register(vscode.commands.registerCommand(CommandIds.acceptRefactor, () => this.pending.accept()));
    this.register(vscode.commands.registerCommand(CommandIds.rejectRefactor, () => this.pending.reject()));
  }

  private async run(opts: RefactorOptions): Promise<RefactorOutcome> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.selection.isEmpty || editor.document.uri.scheme === refactorScheme) {
      const message = 'Select the code to refactor in an editor first.';
      void vscode.window.showInformationMessage(message);
      return { outcome: 'unavailable', message };
    }
    if (this.running) {
      const message = 'A refactor is already running: cancel it or wait for its diff.';
      void vscode.window.showInformationMessage(message);
      return { outcome: 'unavailable', message };
    }
    this.running = true;
    // Watch the range from the start: the user may keep typing while the instruction is asked for.
    const watch = new RangeWatch(editor.document, editor.selection);
    let handedOver = false;
    try {
      const outcome = await this.refactor(editor, watch, opts);
      if (outcome.outcome === 'proposed') handedOver = true;
      return outcome;
    } finally {
      this.running = false;
      if (!handedOver) watch.dispose();
    }
  }

  private async refactor(
    editor: vscode.TextEditor,
    watch: RangeWatch,
    opts: RefactorOptions,
  ): Promise<RefactorOutcome> {
    const settings = this.backend.settings.current;
    const instruction =
      opts.instruction ?? (await pickInstruction(settings.refactorPresets, this.recents.list()));
    if (instruction === undefined) return { outcome: 'cancelled' };
    // Global state writes can take seconds in a remote host: the request must not wait for one.
    this.recents
      .remember(instruction)
      .catch((e: unknown) => this.log.warn(`could not store the instruction: ${String(e)}`));

    const caps = this.backend.catalog.resolve(settings.model);
    const ready = await this.backend.clientFor(settings);
    if ('error' in ready) {
      const message = `${ready.error.title}: ${ready.error.message}`;
      void vscode.window.showErrorMessage(`Thinkfast: ${message}`);
      return { outcome: 'failed', message };
    }

    const notices: string[] = [];
    const fast = caps.fastMode;
    if (!fast) notices.push(`${caps.displayName} has no fast mode: refactoring at standard speed.`);
    const effort = nearestEffort(caps, settings.refactorEffort);
    if (effort !== undefined && effort !== settings.refactorEffort) {
      notices.push(`${caps.displayName} has no ${settings.refactorEffort} effort: refactoring at ${effort}.`);
    }
    const prompt = buildRefactorPrompt(selectionContext(editor.document, editor.selection, instruction));
    let built: BuiltRequest;
    try {
      built = buildRequest(
        requestSettings(settings, caps, { fast, ...(effort ? { effort } : {}) }),
        caps,
        [{ role: 'user', content: prompt }],
        refactorSystemPrompt,
      );
    } catch (e) {
      const message = e instanceof AnthropicError ? e.message : String(e);
      void vscode.window.showErrorMessage(`Thinkfast: ${message}`, 'Open Settings').then((choice) => {
        if (choice) void vscode.commands.executeCommand(CommandIds.openSettings);
      });
      return { outcome: 'failed', message };
    }
    if (!fast) void vscode.window.setStatusBarMessage(notices[0] ?? '', 5000);

    const name = editor.document.uri.path.split('/').pop() ?? 'selection';
    const result = await this.activity.streaming(
      streamRefactor(ready.client, built, {
        title: `Thinkfast: refactoring ${name} at ${fast ? 'fast' : 'standard'} speed`,
        fastPolicy: settings.fastModeOn429,
        caps,
        ...(opts.cancel ? { cancel: opts.cancel } : {}),
        activity: this.activity,
        onNotice: (text) => {
          notices.push(text);
          void vscode.window.showInformationMessage(`Thinkfast: ${text}`);
        },
      }),
    );
    const m = result.metrics;
    this.log.info(
      `refactor: ${result.outcome}, ${m.speed ?? m.requestedSpeed}${m.fellBack ? ' (fell back)' : ''}, ` +
        `${m.outputTokensPerSecond?.toFixed(1) ?? '?'} tok/s, out ${m.usage.output_tokens}, ${m.requestId ?? ''}`,
    );
    return this.conclude(editor.document, watch, result, notices);
  }

  private async conclude(
    document: vscode.TextDocument,
    watch: RangeWatch,
    result: StreamResult,
    notices: string[],
  ): Promise<RefactorOutcome> {
    if (result.outcome === 'stopped') return { outcome: 'cancelled' };
    if (result.outcome !== 'complete') {
      const message = `The refactor failed: ${result.error?.message ?? result.outcome}. The file was not changed.`;
      void vscode.window.showErrorMessage(`Thinkfast: ${message}`, 'Show Log').then((choice) => {
        if (choice) this.log.show();
      });
      return { outcome: 'failed', message };
    }
    const answer = answerText(result);
    const block = singleFencedBlock(answer);
    if (!block.ok) {
      const cut =
        result.message.stop_reason === 'max_tokens'
          ? ` The answer reached the max tokens limit: raise "thinkfast.maxTokens" or lower "thinkfast.refactor.effort".`
          : '';
      return this.invalid(block.problem + cut, answer);
    }

    const proposal = fitProposal(block.code, {
      original: watch.original,
      eol: document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n',
      startsAtLineStart: watch.startsAtLineStart,
    });
    if (sameCode(proposal, watch.original)) {
      void vscode.window.showInformationMessage(
        'Thinkfast: the proposal is identical to the selection; nothing to change.',
      );
      return { outcome: 'identical', notices };
    }
    const m = result.metrics;
    const speed: Speed = m.speed ?? (m.fellBack ? 'standard' : m.requestedSpeed);
    const summary = [
      `${speed === 'fast' ? 'fast' : 'standard'} speed${m.fellBack ? ' (fell back)' : ''}`,
      m.outputTokensPerSecond === undefined ? undefined : `${Math.round(m.outputTokensPerSecond)} tok/s`,
      m.cost ? formatUsd(m.cost.totalUsd) : 'cost unknown',
    ]
      .filter((s) => s !== undefined)
      .join(' · ');
    const id = await this.pending.offer(
      watch,
      proposal,
      `Refactor: ${document.uri.path.split('/').pop() ?? ''} ↔ proposal`,
    );
    const text = [`Thinkfast: refactor ready (${summary}).`, ...notices].join(' ');
    void vscode.window.showInformationMessage(text, 'Accept', 'Reject').then(async (choice) => {
      // The notification outlives a decision taken in the diff's title bar: then its buttons do nothing.
      if (!this.pending.isWaiting(id)) return;
      if (choice === 'Accept') await this.pending.accept();
      else if (choice === 'Reject') await this.pending.reject();
    });
    return {
      outcome: 'proposed',
      proposal,
      speed,
      fellBack: m.fellBack,
      ...(m.outputTokensPerSecond === undefined ? {} : { tokensPerSecond: m.outputTokensPerSecond }),
      ...(m.cost ? { costUsd: m.cost.totalUsd } : {}),
      notices,
    };
  }

  /** The answer broke the one-block rule: say so and show what came back. */
  private invalid(problem: string, answer: string): RefactorOutcome {
    const message = `${problem} Expected exactly one fenced code block; the file was not changed.`;
    this.log.warn(`refactor answer rejected: ${problem}\n${answer}`);
    void vscode.window.showErrorMessage(`Thinkfast: ${message}`, 'Show Answer').then(async (choice) => {
      if (!choice) return;
      const doc = await vscode.workspace.openTextDocument({ content: answer, language: 'markdown' });
      await vscode.window.showTextDocument(doc);
    });
    return { outcome: 'invalid', message, answer };
  }
}

/**
 * Refactor Selection, Accept Refactor and Reject Refactor. `memory` (the extension's global
 * state) keeps recent instructions across sessions; without it they last for the session.
 */
export function registerRefactor(
  backend: Backend,
  activity: StreamActivity,
  log: vscode.LogOutputChannel,
  memory?: InstructionMemory,
): vscode.Disposable {
  return new RefactorCommand(backend, activity, log, memory);
}
